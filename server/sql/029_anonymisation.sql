-- BranchVault branch server (docs/SERVER.md), migration 29: a closed customer is anonymised when its retention ends.
--
-- Local mode's CustomerRetention::anonymiseDue (DESIGN §6: "after it the record is anonymised (grade 1 and 2 erased,
-- grade 3 kept for statistics), audited"), erasing what it erases:
--   grade 1   every sealed value of the customer, of its accounts, of its history and of its changes (the account rows
--             stay with their type, opening date and status, without their numbers);
--   grade 2   the profile columns (occupation, employer, income band, marital status, family, risk tolerance, assets,
--             product holdings); service and complaint contents and resolutions; the values in the stored diffs of its
--             history and changes (reduced to the field names: the close reason goes with them); staff reasons written
--             about the customer (changes, tier changes, assignments, suspicious pairs, and a pair's masked value);
--   kept      grade 3 (number, branch, tier, sex, age band, nationality, manager, dates, statuses), consents, requests,
--             the audit log (masked values only).
-- One system row per customer, as locally: customer.anonymise on customer/<id> with the customer number and
-- {"accounts":n,"changes":n,"complaints":n,"history":n,"service_records":n}.
--
-- Locally the front ends run it at start-up and daily. On the server every sign-in of a staff member (sign_in, replaced
-- here) anonymises the customers of that member's branch whose retention ended, in the sign-in's transaction, at most
-- 200 a time (the rest at the next sign-in); customers another transaction holds are skipped, not waited for. For a
-- branch where nobody signs in any more, the database's owner runs anonymise_due_all daily. Nobody chooses which
-- customers: the server's clock and retention_until decide. The customer is then no longer held: its customer manager
-- no longer reads it; the branch manager, who reads every record of the branch, sees grade 3 only.

ALTER TABLE branchvault.customers ADD COLUMN anonymised_at timestamptz;
-- an anonymised service record or complaint keeps its dates and channel, not its text; the writing functions still
-- refuse an empty text (care_text)
ALTER TABLE branchvault.service_records DROP CONSTRAINT service_records_content_check,
    ADD CONSTRAINT service_records_content_check CHECK (char_length(content) <= 2000);
ALTER TABLE branchvault.complaints DROP CONSTRAINT complaints_content_check,
    ADD CONSTRAINT complaints_content_check CHECK (char_length(content) <= 2000);

INSERT INTO branchvault.audit_server_actions (action, kind) VALUES ('customer.anonymise', 'exact');

-- A stored diff reduced to its field names, each once, in their first order (local mode's fieldNamesOnly).
CREATE FUNCTION branchvault.diff_field_names(p_diff jsonb) RETURNS jsonb
    LANGUAGE sql IMMUTABLE
    SET search_path = pg_catalog
    AS $$ SELECT coalesce(jsonb_agg(jsonb_build_object('field', s.f) ORDER BY s.first), '[]'::jsonb)
          FROM (SELECT e.d ->> 'field' AS f, min(e.o) AS first
                FROM jsonb_array_elements(CASE WHEN jsonb_typeof(p_diff) = 'array' THEN p_diff ELSE '[]' END)
                     WITH ORDINALITY AS e(d, o)
                WHERE coalesce(e.d ->> 'field', '') <> ''
                GROUP BY 1) s $$;

-- Finds the closed customers due in the sign-in's and the daily job's queries quickly.
CREATE INDEX customers_retention_due ON branchvault.customers (branch, retention_until) WHERE status = 'closed';

-- Anonymises up to p_limit customers of p_branch whose retention ended; returns how many. The owner's: sign_in and
-- anonymise_due_all call it, no staff role may.
--
-- Lock order, so that it never waits for what waits for it: the branch's mask lock is only tried (migration 23's
-- advisory lock, shared; a mask width being changed and narrowed holds it exclusively: then nothing is done now and
-- the next sign-in does it); customer rows that another transaction holds are skipped; the rows written about a
-- customer are written next; and the audit chain's head, which every audited writer takes last, is taken only at the
-- end, for all the rows at once.
CREATE FUNCTION branchvault.anonymise_due(p_branch text, p_workstation text, p_limit integer) RETURNS integer
    LANGUAGE plpgsql
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    c            customers%ROWTYPE;
    v_accounts   integer;
    v_history    integer;
    v_changes    integer;
    v_services   integer;
    v_complaints integer;
    v_rows       text[] := '{}';
    v_numbers    text[] := '{}';
    v_ids        bigint[] := '{}';
    i            integer;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM customers x
                   WHERE x.branch = p_branch AND x.status = 'closed' AND x.retention_until <= now()) THEN
        RETURN 0;
    END IF;
    IF current_setting('transaction_isolation') <> 'read committed'
       OR NOT pg_try_advisory_xact_lock_shared(mask_lock_key(p_branch)) THEN
        RETURN 0;
    END IF;
    FOR c IN SELECT * FROM customers
             WHERE branch = p_branch AND status = 'closed' AND retention_until <= now()
             ORDER BY retention_until, id
             LIMIT greatest(coalesce(p_limit, 0), 0)
             FOR UPDATE SKIP LOCKED LOOP
        UPDATE customers
            SET status = 'anonymised', anonymised_at = now(), updated_at = now(), version = version + 1,
                occupation = NULL, employer = NULL, income_band = NULL, marital_status = NULL, family = NULL,
                risk_rating = NULL, aum_cny = NULL, product_holdings = NULL
            WHERE id = c.id;
        -- grade 1: every sealed value held for the customer (its own, its accounts', its history's, its changes')
        DELETE FROM sealed_value WHERE customer_id = c.id;
        SELECT count(*) INTO v_accounts FROM accounts WHERE customer_id = c.id;
        UPDATE customer_history SET diff_json = diff_field_names(diff_json) WHERE customer_id = c.id;
        GET DIAGNOSTICS v_history = ROW_COUNT;
        UPDATE customer_changes SET values_json = '{}', diff_json = diff_field_names(diff_json), reason = NULL
            WHERE customer_id = c.id;
        GET DIAGNOSTICS v_changes = ROW_COUNT;
        -- grade 2: the texts written about the customer
        UPDATE service_records SET content = '' WHERE customer_id = c.id;
        GET DIAGNOSTICS v_services = ROW_COUNT;
        UPDATE complaints SET content = '', resolution = CASE WHEN resolution IS NULL THEN NULL ELSE '' END
            WHERE customer_id = c.id;
        GET DIAGNOSTICS v_complaints = ROW_COUNT;
        UPDATE tier_changes SET reason = NULL WHERE customer_id = c.id;
        UPDATE customer_assignments SET reason = NULL WHERE customer_id = c.id;
        UPDATE suspicious_pairs SET reason = NULL, masked_value = NULL WHERE customer_a = c.id OR customer_b = c.id;
        -- a clerk's lookup card of the customer not yet fetched (the server's own outbox; locally there is none)
        DELETE FROM lookup_outbox WHERE customer_no = c.customer_no;
        v_ids := v_ids || c.id;
        v_numbers := v_numbers || c.customer_no;
        v_rows := v_rows || format('{"accounts":%s,"changes":%s,"complaints":%s,"history":%s,"service_records":%s}',
                                   v_accounts, v_changes, v_complaints, v_history, v_services);
    END LOOP;
    FOR i IN 1 .. coalesce(array_length(v_ids, 1), 0) LOOP
        PERFORM audit_chain_append(NULL, 'system', 'system', p_workstation, 'customer.anonymise', 'customer',
                                   v_ids[i]::text, v_numbers[i], 'ok', v_rows[i]);
    END LOOP;
    RETURN coalesce(array_length(v_ids, 1), 0);
END
$$;

-- The same for every branch, for the database's owner to run daily (cron, psql: SELECT
-- branchvault.anonymise_due_all('daily job')), so that a branch where nobody signs in any more is anonymised too.
CREATE FUNCTION branchvault.anonymise_due_all(p_workstation text) RETURNS integer
    LANGUAGE plpgsql
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    b    text;
    done integer := 0;
BEGIN
    FOR b IN SELECT DISTINCT x.branch FROM customers x WHERE x.status = 'closed' AND x.retention_until <= now()
             ORDER BY 1 LOOP
        done := done + anonymise_due(b, p_workstation, 100000);
    END LOOP;
    RETURN done;
END
$$;

-- Migration 8's sign-in, which now first anonymises what is due in the member's branch (before the sign-in's row, so
-- that the chain's head is taken last). A failure there never stops the sign-in: it is rolled back on its own and
-- recorded as customer.anonymise failed {"sqlstate": …} for the auditor, and the next sign-in tries again.
CREATE OR REPLACE FUNCTION branchvault.sign_in(p_workstation text)
    RETURNS TABLE (staff_id bigint, login text, role text, branch text, display_name text,
                   must_change_password boolean, slot_kind text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    me      staff%ROWTYPE := own_account(false);
    v_state text;
BEGIN
    BEGIN
        PERFORM anonymise_due(me.branch, p_workstation, 200);
    EXCEPTION WHEN OTHERS THEN
        v_state := SQLSTATE;
    END;
    PERFORM audit_write(p_workstation, 'auth.sign_in', 'user', me.id::text, NULL, 'ok',
                        json_build_object('secondFactor', false)::text);
    IF v_state IS NOT NULL THEN
        PERFORM audit_chain_append(NULL, 'system', 'system', p_workstation, 'customer.anonymise', 'branch', me.branch,
                                   NULL, 'failed', format('{"sqlstate":%s}', to_json(v_state)));
    END IF;
    RETURN QUERY SELECT me.id, me.login, me.role, me.branch, me.display_name, me.must_change_password,
                        (SELECT k.kind FROM key_slots k WHERE k.staff_id = me.id);
END
$$;

REVOKE ALL ON FUNCTION branchvault.diff_field_names(jsonb), branchvault.anonymise_due(text, text, integer),
    branchvault.anonymise_due_all(text) FROM PUBLIC;

UPDATE branchvault.meta SET value = '29' WHERE key = 'schema_version';
