-- BranchVault branch server (docs/SERVER.md), migration 20: every audited read is recorded before anything leaves,
-- and its refusals are recorded too.
--
-- Migrations 11, 13 and 15–19 read customer data through functions that write local mode's audit row
-- (customer.list, customer.open, request.list) in the caller's transaction. A staff member with psql could open a
-- transaction, read, and roll back: the rows were on the screen and the audit row was gone. The same held within one
-- statement (an error raised after the first rows had been sent rolls the row back). And a refusal RAISEd, so it wrote
-- no access.denied row where local mode writes one (AccessControl::deny).
--
-- Now these reads go through one procedure, built as migration 6's clerk_find is:
--
--   CALL branchvault.read_committed(read, args, workstation, NULL)  → OUT rows jsonb
--
-- read_attempt runs the read named in committed_reads (the function of the earlier migration, unchanged) and puts its
-- rows, or the refusal, in read_outbox; on a refusal (42501) it writes local mode's access.denied row instead. The
-- procedure COMMITs, and only then read_release hands the rows out, to the same session and staff member, from an
-- earlier transaction. So a read whose rows leave has its audit row committed, and a refusal its access.denied row;
-- inside a transaction block the CALL fails (2D000) and returns nothing. The read functions themselves are no longer
-- executable by any staff role: called alone (in a transaction that is rolled back), read_attempt gives nothing away.
--
-- The rows come as a JSON array of objects, one per row, in the function's order, with its column names (to_jsonb);
-- the workstation takes the columns it knows by name.
--
-- Two more gaps of migration 11 closed here: customer_page and change_page recorded the first page only, and which
-- page is the first is the caller's to say (an `after` cursor before the first customer listed the whole branch
-- without a row). A later page now writes its own customer.list row ({"page":"next","rows":n}).

-- ---- 1. The reads, in one table ----

-- Each audited read: the call (its arguments from the JSON object $1, the workstation $2), local mode's operation
-- key for the access.denied row of a refusal (core/policy/Operation.cpp), and whether it reads one customer (whose
-- refusal names the customer, as CustomerServiceInternals::refuse does, when the caller's role reads customers at
-- all; a role that reads none is refused by its role, as AccessControl::authorize does, naming the operation only).
-- Owner only; written by migrations.
CREATE TABLE branchvault.committed_reads (
    read           text PRIMARY KEY,
    call           text NOT NULL,
    operation      text NOT NULL,
    takes_customer boolean NOT NULL DEFAULT false
);
REVOKE ALL ON branchvault.committed_reads FROM PUBLIC;

INSERT INTO branchvault.committed_reads (read, call, operation, takes_customer) VALUES
    ('customer_page', 'customer_page($1->>''after'', ($1->>''limit'')::integer, $2)', 'list_branch', false),
    ('customer_open', 'customer_open($1->>''customer_no'', $2)', 'view_customer', true),
    ('change_page', 'change_page(($1->>''after'')::bigint, ($1->>''limit'')::integer, $2)', 'approve_changes', false),
    ('request_page', 'request_page(($1->>''only_open'')::boolean, $2)', 'list_own_requests', false),
    ('reassignment_page', 'reassignment_page($2)', 'view_reassignments', false),
    ('suspicious_page', 'suspicious_page($2)', 'review_suspicious', false),
    ('service_page', 'service_page($1->>''customer_no'', $2)', 'record_service', true),
    ('complaint_page', 'complaint_page($1->>''customer_no'', $2)', 'manage_complaints', true),
    ('complaint_overdue', 'complaint_overdue($2)', 'manage_complaints', false),
    ('consent_page', 'consent_page($1->>''customer_no'', $2)', 'record_consent', true),
    ('tier_page', 'tier_page($2)', 'confirm_tier', false);

-- ---- 2. The outbox between the two transactions ----

-- What a read found, or its refusal, between the transaction that recorded it and the one that hands it out, for
-- the session (its backend's pid) and staff member that asked. Unlogged: what passes through is already on the server, and
-- need not go to the WAL, its archives or a standby (a crash empties it, which loses only results not yet handed
-- out: the workstation reads again).
CREATE UNLOGGED TABLE branchvault.read_outbox (
    backend  integer NOT NULL,
    staff_id bigint NOT NULL,
    xid      xid8 NOT NULL,
    refusal  text,
    rows     jsonb,
    CHECK ((refusal IS NULL) <> (rows IS NULL))
);

CREATE INDEX read_outbox_backend ON branchvault.read_outbox (backend, staff_id);
ALTER TABLE branchvault.read_outbox ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON branchvault.read_outbox FROM PUBLIC;

-- Runs one read and parks what it returned (or its refusal, after writing the access.denied row) for read_release.
-- Returns nothing. Bad input (22023, 22P02), a customer that is not in the branch (P0002) and an account that is
-- not active raise as the read raises, and park nothing: they say nothing the caller may not learn.
CREATE FUNCTION branchvault.read_attempt(p_read text, p_args jsonb, p_workstation text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    me      bigint := my_staff_id();
    r       committed_reads%ROWTYPE;
    v_rows  jsonb;
    refusal text;
    cust    customers%ROWTYPE;
BEGIN
    SELECT * INTO r FROM committed_reads WHERE read = p_read;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'read: % is not a read of this server', left(coalesce(p_read, ''), 40) USING ERRCODE = '22023';
    END IF;
    IF p_args IS NULL OR jsonb_typeof(p_args) <> 'object' THEN
        RAISE EXCEPTION 'args: the arguments of a read are a JSON object' USING ERRCODE = '22023';
    END IF;
    -- what an interrupted read of this session, or of a session that has ended, left behind: the sessions as they are
    -- now (not as this transaction first saw them; every role sees every session's pid), and rows another read is
    -- clearing are skipped
    PERFORM pg_stat_clear_snapshot();
    DELETE FROM read_outbox o
        WHERE o.ctid IN (SELECT d.ctid FROM read_outbox d
                         WHERE d.backend = pg_backend_pid()
                            OR NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.pid = d.backend)
                         FOR UPDATE SKIP LOCKED);
    BEGIN
        EXECUTE format('SELECT coalesce(jsonb_agg(to_jsonb(f) - ''ordinality'' ORDER BY f.ordinality), ''[]'') '
                       'FROM branchvault.%s WITH ORDINALITY AS f', r.call)
            INTO v_rows USING p_args, p_workstation;
    EXCEPTION WHEN insufficient_privilege THEN
        IF me IS NULL THEN
            RAISE; -- no active account: nobody to record it under (the sign-in says why)
        END IF;
        refusal := SQLERRM;
    END;
    IF refusal IS NULL AND (p_read = 'customer_page' AND nullif(p_args->>'after', '') IS NOT NULL
                            OR p_read = 'change_page' AND p_args->>'after' IS NOT NULL) THEN
        -- a later page: the first one wrote the list's row; this one is recorded too, since the caller says which
        -- page is the first
        PERFORM audit_write(p_workstation, 'customer.list',
                            CASE WHEN p_read = 'change_page' THEN 'changes'
                                 WHEN my_role() = 'manager' THEN 'branch' ELSE 'portfolio' END,
                            '', NULL, 'ok',
                            json_strip_nulls(json_build_object('page', 'next', 'rows', jsonb_array_length(v_rows)))::text);
    END IF;
    IF refusal IS NOT NULL THEN
        -- as AccessControl::deny: the customer when the refusal is about one of the branch's customers and the
        -- caller's role reads customers, else the operation
        IF r.takes_customer AND my_role() IN ('manager', 'customer_manager') THEN
            SELECT * INTO cust FROM customers c
                WHERE c.branch = my_branch() AND c.customer_no = upper(btrim(p_args->>'customer_no'));
        END IF;
        IF cust.id IS NOT NULL THEN
            PERFORM request_audit_denied(p_workstation, r.operation, 'customer', cust.id::text, cust.customer_no);
        ELSE
            PERFORM request_audit_denied(p_workstation, r.operation, 'operation', r.operation, NULL);
        END IF;
    END IF;
    INSERT INTO read_outbox (backend, staff_id, xid, refusal, rows)
        VALUES (pg_backend_pid(), me, pg_current_xact_id(), refusal, CASE WHEN refusal IS NULL THEN v_rows END);
END
$$;

-- What read_attempt parked in an earlier, committed, transaction of this session for this staff member.
CREATE FUNCTION branchvault.read_release() RETURNS TABLE (refusal text, rows jsonb)
    LANGUAGE sql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$ DELETE FROM read_outbox o
          WHERE o.backend = pg_backend_pid() AND o.staff_id = my_staff_id() AND o.xid <> pg_current_xact_id()
          RETURNING o.refusal, o.rows $$;

-- One audited read: its audit row (or the refusal's) is committed before the rows leave, so it must be CALLed
-- outside a transaction block (inside one it fails with 2D000 and returns nothing). A refusal raises 42501 with the
-- read's message, after its access.denied row is committed.
CREATE PROCEDURE branchvault.read_committed(p_read text, p_args jsonb, p_workstation text, OUT rows jsonb)
    LANGUAGE plpgsql
    AS $$
DECLARE
    refusal text;
BEGIN
    PERFORM branchvault.read_attempt(p_read, p_args, p_workstation);
    COMMIT; -- the read's audit row, or the refusal's, before anything leaves
    SELECT r.refusal, r.rows INTO refusal, rows FROM branchvault.read_release() AS r LIMIT 1;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'the read''s result was not found after it was recorded; read again' USING ERRCODE = '55000';
    END IF;
    IF refusal IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = '42501', MESSAGE = refusal;
    END IF;
END
$$;

-- ---- 3. Privileges ----

-- the reads only through the procedure
REVOKE EXECUTE ON FUNCTION branchvault.customer_page(text, integer, text), branchvault.customer_open(text, text),
    branchvault.change_page(bigint, integer, text), branchvault.request_page(boolean, text),
    branchvault.reassignment_page(text), branchvault.suspicious_page(text), branchvault.service_page(text, text),
    branchvault.complaint_page(text, text), branchvault.complaint_overdue(text), branchvault.consent_page(text, text),
    branchvault.tier_page(text)
    FROM PUBLIC, bv_staff, bv_manager, bv_customer_manager, bv_clerk, bv_admin, bv_auditor;
REVOKE ALL ON FUNCTION branchvault.read_attempt(text, jsonb, text), branchvault.read_release() FROM PUBLIC;
REVOKE ALL ON PROCEDURE branchvault.read_committed(text, jsonb, text) FROM PUBLIC;
-- every role, so that a refusal is recorded whoever asks; the procedure runs as its caller, so the caller also needs
-- the attempt and the release (alone, they give nothing that was not recorded first)
GRANT EXECUTE ON FUNCTION branchvault.read_attempt(text, jsonb, text), branchvault.read_release()
    TO bv_manager, bv_customer_manager, bv_clerk, bv_admin, bv_auditor;
GRANT EXECUTE ON PROCEDURE branchvault.read_committed(text, jsonb, text)
    TO bv_manager, bv_customer_manager, bv_clerk, bv_admin, bv_auditor;

UPDATE branchvault.meta SET value = '20' WHERE key = 'schema_version';
