-- BranchVault branch server (docs/SERVER.md), migration 22: no customer table is read directly any more.
--
-- Migration 11 closed the customers, their values, accounts and changes to direct reads; migration 20 made every
-- audited read commit its row before the rows leave. Four tables stayed readable through their policies, without an
-- audit row: a customer's history (customer_history: the approved changes, field names and masked values) and
-- assignments (customer_assignments), for the branch manager and the customer manager; the suspicious pairs and the
-- customer-number reservations, for the branch manager. No workstation reads them; psql with a staff member's own
-- credentials could, unrecorded. Now:
--
--   customer_history   read through read_committed('customer_history', {"customer_no": NO}) only: the customer's
--                      approved changes, oldest first, as CustomerEntry::history lists them, for whoever opens the
--                      customer's card (customer_open's rule); recorded customer.open {"part":"history"}, as the care
--                      pages record theirs. A refusal writes local mode's access.denied row (read_attempt).
--   the four tables    no SELECT for any staff role. The assignments, the pairs and the reservations are read
--                      through the functions that already exist (suspicious_page, reassignment_page) or not at all.

-- ---- 1. One customer's history ----

-- The history of customer p_customer_no (trimmed, upper case) of the caller's branch, if the caller opens its card:
-- when, what (create / edit / close), by whom, and the change's fields with their masked values (diff_json as the
-- server built it from the masked forms migration 7's trigger checks). The customer as the care pages find it
-- (care_customer: customer_open's rule; P0002 when the branch has no such customer, 42501 when the caller does not
-- read it, naming the number only and never echoing what is not shaped like one).
CREATE FUNCTION branchvault.customer_history_page(p_customer_no text, p_workstation text)
    RETURNS TABLE (at timestamptz, kind text, actor_login text, diff_json jsonb)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
#variable_conflict use_column
DECLARE
    cust customers%ROWTYPE := care_customer(p_customer_no, false);
BEGIN
    PERFORM audit_write(p_workstation, 'customer.open', 'customer', cust.id::text, cust.customer_no, 'ok',
                        '{"part":"history"}');
    RETURN QUERY
        SELECT h.at, h.kind, coalesce(s.login, ''), h.diff_json
        FROM customer_history h LEFT JOIN staff s ON s.id = h.actor_id
        WHERE h.customer_id = cust.id
        ORDER BY h.at, h.id;
END
$$;

REVOKE ALL ON FUNCTION branchvault.customer_history_page(text, text) FROM PUBLIC;

INSERT INTO branchvault.committed_reads (read, call, operation, takes_customer) VALUES
    ('customer_history', 'customer_history_page($1->>''customer_no'', $2)', 'view_customer', true);

-- ---- 2. The four tables closed ----

REVOKE SELECT ON branchvault.customer_history, branchvault.customer_assignments
    FROM bv_manager, bv_customer_manager;
REVOKE SELECT ON branchvault.suspicious_pairs, branchvault.customer_number_reservations FROM bv_manager;
DROP POLICY history_follows_its_customer ON branchvault.customer_history;
DROP POLICY assignments_follow_their_customer ON branchvault.customer_assignments;
DROP POLICY manager_reads_branch_pairs ON branchvault.suspicious_pairs;
DROP POLICY manager_reads_branch_reservations ON branchvault.customer_number_reservations;
-- reaches_customer served those policies only
REVOKE EXECUTE ON FUNCTION branchvault.reaches_customer(bigint) FROM bv_manager, bv_customer_manager;

UPDATE branchvault.meta SET value = '22' WHERE key = 'schema_version';
