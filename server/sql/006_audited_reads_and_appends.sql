-- BranchVault branch server (docs/SERVER.md), migration 6: reads and appends that an explicit transaction can no
-- longer take back (the review of migrations 1-5, docs/SERVER.md).
--
-- - The clerk's lookup (H1) becomes the procedure clerk_find, built as reveal is (migration 4): its attempt
--   function writes the audit rows (customer.lookup, grant.use, or access.denied) and puts the card (or the
--   refusal) in an outbox; the procedure COMMITs, and only then takes it out of the outbox, which releases only to
--   the session (backend) and staff member that asked, and only from an earlier, so committed, transaction. A client
--   that rolls back gets no card and leaves no row; one that gets a card has its rows committed. The old function
--   clerk_lookup keeps its signature (a deployed workstation may still call it) but refuses, naming the procedure.
-- - Single-use export and print grants (L2) are used up by the procedure grant_use in the same way: the use (status
--   'used' and its grant.use row) is committed before the workstation is told it may print; grant_consume refuses.
-- - audit_append (M4) refuses, case-insensitively, every action the server's own functions write, and bounds the
--   lengths of what a workstation appends.
-- - A purpose (L4) is checked for long numbers after separators are removed, in the lookup and in request_submit.
-- - Default privileges (L1): migration 1's ALTER DEFAULT PRIVILEGES IN SCHEMA could not take EXECUTE away from
--   PUBLIC (a per-schema entry only adds to the global default); the owner's global default now does.

-- ---- default privileges (L1) ----

-- Functions the owner (the role applying the migrations) creates from now on are not executable by PUBLIC; each
-- migration grants what staff call. Without FOR ROLE ... and without IN SCHEMA, this is the one entry that removes
-- PostgreSQL's built-in EXECUTE to PUBLIC. It is per database, like everything else here.
DO $$
BEGIN
    EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC', current_user);
END
$$;

-- ---- purposes (L4) ----

-- Whether a purpose (free text staff write) still holds a long number: a run of six or more digits once full-width
-- digits are folded to ASCII and the separators people write numbers with (spaces, '-', '.', '/', '_', and their
-- full-width forms) are removed — '138 0013 8000' and '1990-0101' are caught as '13800138000' and '19900101'. The
-- workstation masks numbers (FreeText) before it sends a purpose; this is the server's floor, stricter than
-- FreeText's classification (a date written with digits, '2026-12-05', is refused too: write 12月5日).
CREATE FUNCTION branchvault.purpose_has_long_number(p_text text) RETURNS boolean
    LANGUAGE sql IMMUTABLE
    SET search_path = pg_catalog
    AS $$ SELECT regexp_replace(translate(coalesce(p_text, ''), '０１２３４５６７８９　－．／＿',
                                          '0123456789 -./_'),
                                '[[:space:]./_-]+', '', 'g') ~ '[0-9]{6,}' $$;
REVOKE ALL ON FUNCTION branchvault.purpose_has_long_number(text) FROM PUBLIC;

-- request_submit's attempt, as migration 4 wrote it, with the purpose checked by purpose_has_long_number.
CREATE OR REPLACE FUNCTION branchvault.request_submit_attempt(p_type text, p_customers text[], p_fields text[],
                                                              p_report text, p_purpose text,
                                                              p_validity_hours integer, p_workstation text,
                                                              OUT request_id bigint, OUT refusal text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    me      bigint := my_staff_id();
    role    text := my_role();
    br      text := my_branch();
    at      timestamptz := clock_timestamp();
    purpose text := btrim(coalesce(p_purpose, ''));
    numbers text[] := request_clean_list(p_customers, true);
    fields  text[] := request_clean_list(p_fields, false);
    report  text := btrim(coalesce(p_report, ''));
    number  text;
    cust    customers%ROWTYPE;
    ids     bigint[] := '{}';
BEGIN
    IF role IS NULL THEN
        RAISE EXCEPTION 'this login is not an active BranchVault staff account' USING ERRCODE = '42501';
    END IF;
    IF role NOT IN ('manager', 'customer_manager', 'clerk') THEN
        PERFORM request_audit_denied(p_workstation, 'create_request', 'operation', 'create_request', NULL);
        refusal := format('Your role (%s) may not file special requests: BranchVault separates duties by role.',
                          role);
        RETURN;
    END IF;
    IF p_type IS NULL OR p_type NOT IN ('reveal', 'export', 'print', 'restricted_access') THEN
        RAISE EXCEPTION 'type: a request is for reveal, export, print or restricted_access' USING ERRCODE = '22023';
    END IF;
    IF role = 'clerk' AND p_type <> 'restricted_access' THEN
        PERFORM request_audit_denied(p_workstation, 'create_request', 'request', '', NULL);
        refusal := 'Clerks may only ask for access to a restricted customer. A full value, an export or a print is '
                   'asked for by the customer''s own manager or the branch manager.';
        RETURN;
    END IF;
    IF purpose = '' THEN
        RAISE EXCEPTION 'purpose: state what the information is needed for (up to 500 characters)'
            USING ERRCODE = '22023';
    END IF;
    IF char_length(purpose) > 500 THEN
        RAISE EXCEPTION 'purpose: the purpose has % characters; at most 500 are allowed. Shorten it.',
            char_length(purpose) USING ERRCODE = '22023';
    END IF;
    IF purpose_has_long_number(purpose) THEN
        -- the workstation refuses personal data in the purpose (FreeText::check) before it sends it
        RAISE EXCEPTION 'purpose: the purpose holds a long number; write it without ID, phone or account numbers'
            USING ERRCODE = '22023';
    END IF;
    -- local mode also applies the branch's setting request.max_validity_hours (at most 72); the server applies
    -- the hard limit until the settings reach it
    IF p_validity_hours IS NULL OR p_validity_hours NOT BETWEEN 1 AND 72 THEN
        RAISE EXCEPTION 'validity_hours: a request is valid for 1 to 72 hours; ask for 72 hours or less, and file a '
                        'new request when it runs out' USING ERRCODE = '22023';
    END IF;
    IF p_type = 'reveal' THEN
        IF cardinality(numbers) = 0 THEN
            RAISE EXCEPTION 'customers: name at least one customer number whose values you need to see in full'
                USING ERRCODE = '22023';
        END IF;
        IF cardinality(fields) = 0 THEN
            RAISE EXCEPTION 'fields: choose at least one grade-1 field to see in full' USING ERRCODE = '22023';
        END IF;
        IF NOT fields <@ request_grade_one_fields() THEN
            RAISE EXCEPTION 'fields: only grade-1 fields (%) are revealed; remove the others',
                array_to_string(request_grade_one_fields(), ', ') USING ERRCODE = '22023';
        END IF;
        IF report <> '' THEN
            RAISE EXCEPTION 'report: a reveal request names customers and fields, not a report'
                USING ERRCODE = '22023';
        END IF;
    ELSIF p_type = 'restricted_access' THEN
        IF cardinality(numbers) = 0 THEN
            RAISE EXCEPTION 'customers: name at least one restricted customer you need access to'
                USING ERRCODE = '22023';
        END IF;
        IF cardinality(fields) > 0 OR report <> '' THEN
            RAISE EXCEPTION 'fields: a restricted-access request names customers only; file a reveal request to see '
                            'a full value' USING ERRCODE = '22023';
        END IF;
    ELSE
        IF report NOT IN ('data_subject', 'customer_list') THEN
            RAISE EXCEPTION 'report: choose the report to export or print: data_subject or customer_list'
                USING ERRCODE = '22023';
        END IF;
        IF report = 'data_subject' AND cardinality(numbers) <> 1 THEN
            RAISE EXCEPTION 'customers: the report "data_subject" covers exactly one customer; name one customer '
                            'number' USING ERRCODE = '22023';
        END IF;
        IF report = 'customer_list' AND cardinality(numbers) > 0 THEN
            RAISE EXCEPTION 'customers: the report "customer_list" does not name customers; remove them'
                USING ERRCODE = '22023';
        END IF;
        IF cardinality(fields) > 0 THEN
            RAISE EXCEPTION 'fields: an export or print request names a report, not fields' USING ERRCODE = '22023';
        END IF;
        IF report = 'customer_list' AND role <> 'manager' THEN
            PERFORM request_audit_denied(p_workstation, 'create_request', 'request', '', NULL);
            refusal := 'Only the branch manager may ask for the report "customer_list".';
            RETURN;
        END IF;
    END IF;
    IF cardinality(numbers) > 20 THEN
        RAISE EXCEPTION 'customers: a request names at most 20 customers; full values are not given out in bulk. '
                        'Split the work into several requests, each with its own purpose' USING ERRCODE = '22023';
    END IF;
    FOREACH number IN ARRAY numbers LOOP
        SELECT c.* INTO cust FROM customers c WHERE c.branch = br AND c.customer_no = number FOR SHARE;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'customers: there is no customer % in your branch; check the customer number', number
                USING ERRCODE = '22023';
        END IF;
        IF cust.status = 'anonymised' THEN
            RAISE EXCEPTION 'customers: customer % has been anonymised; no personal information is left to request',
                number USING ERRCODE = '22023';
        END IF;
        IF p_type = 'restricted_access' AND NOT cust.restricted THEN
            RAISE EXCEPTION 'customers: customer % is not restricted, so no request is needed for access', number
                USING ERRCODE = '22023';
        END IF;
        -- a customer manager asks only about the customers he or she is responsible for: a grant never opens
        -- another manager's customer (the portfolio scope still applies)
        IF role = 'customer_manager' AND responsible_manager(cust) IS DISTINCT FROM me THEN
            PERFORM request_audit_denied(p_workstation, 'create_request', 'customer', cust.id::text, cust.customer_no);
            refusal := CASE WHEN p_type = 'restricted_access'
                            THEN format('Customer %s is not your customer, and a restricted-access request cannot '
                                        'open another manager''s customer to you. Ask the customer''s own manager or '
                                        'the branch manager.', cust.customer_no)
                            ELSE format('Customer %s is not your customer. Only the customer''s own manager or the '
                                        'branch manager may ask for this.', cust.customer_no) END;
            RETURN;
        END IF;
        ids := ids || cust.id;
    END LOOP;
    INSERT INTO requests (branch, requester_id, type, fields, report, purpose, validity_hours, status, created_at)
        VALUES (br, me, p_type, fields, report, purpose, p_validity_hours, 'pending', at)
        RETURNING id INTO request_id;
    INSERT INTO request_customers (branch, request_id, customer_id, customer_no)
        SELECT br, request_id, u.id, u.no FROM unnest(ids, numbers) AS u (id, no);
    -- the purpose is free text written by staff: only its length is logged
    PERFORM audit_write(p_workstation, 'request.create', 'request', request_id::text,
                        CASE WHEN cardinality(numbers) = 1 THEN numbers[1] END, 'ok',
                        json_strip_nulls(json_build_object(
                            'customers', to_json(numbers),
                            'fields', CASE WHEN cardinality(fields) > 0 THEN to_json(fields) END,
                            'purposeLength', char_length(purpose),
                            'report', nullif(report, ''),
                            'type', p_type,
                            'validityHours', p_validity_hours))::text);
END
$$;

-- ---- audit_append (M4) ----

-- The actions only the server's own functions write: a workstation appending one could forge an approval, a grant's
-- use, an account change or the log's own records. Compared trimmed and lower-cased, so 'AUDIT.purge' or
-- ' customer.approve' are refused as well. request.list (a read the workstation records itself) stays appendable.
CREATE FUNCTION branchvault.audit_server_action(p_action text) RETURNS boolean
    LANGUAGE sql IMMUTABLE
    SET search_path = pg_catalog
    AS $$ SELECT a LIKE 'audit.%' OR a LIKE 'grant.%' OR a LIKE 'user.%' OR a LIKE 'settings.%'
                 OR (a LIKE 'request.%' AND a <> 'request.list')
                 OR a IN ('customer.create', 'customer.edit', 'customer.approve', 'customer.reject',
                          'customer.assign', 'customer.suspicious_clear', 'customer.reveal', 'customer.lookup',
                          'auth.password_change')
          FROM (SELECT lower(btrim(coalesce(p_action, ''))) AS a) AS s $$;
REVOKE ALL ON FUNCTION branchvault.audit_server_action(text) FROM PUBLIC;

-- The staff's append: the workstation's own actions only, in a plain shape (lower-case words and dots), with
-- bounded lengths (the local log's rows are far shorter; a row is kept for years and read by the auditor).
CREATE OR REPLACE FUNCTION branchvault.audit_append(p_workstation text, p_action text, p_object_type text,
                                                    p_object_id text, p_customer_no text, p_outcome text,
                                                    p_details text) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
BEGIN
    IF p_action IS NULL OR p_action = '' OR audit_server_action(p_action) THEN
        RAISE EXCEPTION 'a workstation does not append "%" rows: the server writes them itself',
            left(coalesce(p_action, ''), 64) USING ERRCODE = '42501';
    END IF;
    IF p_action !~ '^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$' OR char_length(p_action) > 64 THEN
        RAISE EXCEPTION 'action: lower-case words joined by dots, at most 64 characters (e.g. customer.view)'
            USING ERRCODE = '22023';
    END IF;
    IF char_length(coalesce(p_workstation, '')) > 128 THEN
        RAISE EXCEPTION 'workstation: at most 128 characters' USING ERRCODE = '22023';
    END IF;
    IF char_length(coalesce(p_object_type, '')) > 64 THEN
        RAISE EXCEPTION 'object_type: at most 64 characters' USING ERRCODE = '22023';
    END IF;
    IF char_length(coalesce(p_object_id, '')) > 128 THEN
        RAISE EXCEPTION 'object_id: at most 128 characters' USING ERRCODE = '22023';
    END IF;
    IF char_length(coalesce(p_customer_no, '')) > 64 THEN
        RAISE EXCEPTION 'customer_no: at most 64 characters' USING ERRCODE = '22023';
    END IF;
    IF char_length(coalesce(p_details, '')) > 8192 THEN
        RAISE EXCEPTION 'details: at most 8192 characters; record what happened, not the data it happened to'
            USING ERRCODE = '22023';
    END IF;
    RETURN audit_write(p_workstation, p_action, p_object_type, p_object_id, p_customer_no, p_outcome, p_details);
END
$$;

-- ---- the clerk's lookup (H1) ----

-- What a lookup found — the card, or the refusal naming a restricted customer — between the transaction that wrote
-- its audit rows and the one that returns it (see reveal_outbox, migration 4): released only to the asking session
-- and staff member, from an earlier transaction. The refusal goes this way too: it names the customer, so it tells
-- the clerk that a name and ID number match, and that must not be learnt in a transaction that is rolled back.
CREATE TABLE branchvault.lookup_outbox (
    backend          integer NOT NULL,
    staff_id         bigint NOT NULL,
    xid              xid8 NOT NULL,
    refusal          text,
    customer_no      text,
    masked_name      text,
    masked_id_number text,
    masked_mobile    text,
    sex              text,
    age_band         text,
    tier             text,
    status           text,
    CHECK ((refusal IS NULL) <> (customer_no IS NULL))
);
CREATE INDEX lookup_outbox_backend ON branchvault.lookup_outbox (backend, staff_id);
ALTER TABLE branchvault.lookup_outbox ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON branchvault.lookup_outbox FROM PUBLIC;

-- Checks and records one lookup, as migration 4's clerk_lookup did (same rules, same audit rows: customer.lookup
-- with the purpose and the result; grant.use of a restricted customer's grant; access.denied without one), and
-- puts the card, or the refusal, in the outbox. Returns nothing: called on its own it gives nothing away, since
-- what it found leaves only through lookup_release, in a later transaction, after this one committed with its
-- rows. (Bad input — no purpose, a number in it — raises 22023 and says nothing about customers.)
CREATE FUNCTION branchvault.clerk_find_attempt(p_name_blind bytea, p_id_blind bytea, p_purpose text,
                                               p_workstation text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    hit        customers%ROWTYPE;
    candidates bigint[];
    grant_id   bigint;
    at         timestamptz := clock_timestamp();
BEGIN
    IF my_role() IS DISTINCT FROM 'clerk' THEN
        RAISE EXCEPTION 'only an active clerk looks customers up this way' USING ERRCODE = '42501';
    END IF;
    IF char_length(btrim(coalesce(p_purpose, ''))) < 2 OR char_length(p_purpose) > 200 THEN
        RAISE EXCEPTION 'purpose: a lookup needs its purpose (2 to 200 characters)' USING ERRCODE = '22023';
    END IF;
    IF purpose_has_long_number(p_purpose) THEN
        RAISE EXCEPTION 'purpose: the purpose holds a long number (also when written in groups); the workstation '
                        'masks numbers before it sends a purpose' USING ERRCODE = '22023';
    END IF;
    -- what an interrupted lookup of this session, or of a session that has ended, left behind
    DELETE FROM lookup_outbox o
        WHERE o.backend = pg_backend_pid() OR NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.pid = o.backend);
    SELECT array_agg(c.id) INTO candidates FROM customers c
        JOIN sealed_value n ON n.owner_kind = 'customer' AND n.owner_id = c.id AND n.field = 'name'
        JOIN sealed_value i ON i.owner_kind = 'customer' AND i.owner_id = c.id AND i.field = 'id_number'
        WHERE c.branch = my_branch() AND c.status = 'active'
          AND n.blind_domain = 'name' AND n.blind = p_name_blind
          AND i.blind_domain = 'id' AND i.blind = p_id_blind;
    IF cardinality(candidates) = 1 THEN
        SELECT c.* INTO hit FROM customers c WHERE c.id = candidates[1];
    END IF;
    IF hit.restricted THEN
        SELECT r.id INTO grant_id FROM requests r
            WHERE r.branch = hit.branch AND r.requester_id = my_staff_id() AND r.type = 'restricted_access'
              AND r.status = 'approved' AND r.valid_from <= at AND r.valid_until > at
              AND EXISTS (SELECT 1 FROM request_customers rc
                          WHERE rc.branch = r.branch AND rc.request_id = r.id AND rc.customer_id = hit.id)
            ORDER BY r.valid_until DESC, r.id DESC LIMIT 1 FOR SHARE;
        IF grant_id IS NULL THEN
            PERFORM request_audit_denied(p_workstation, 'clerk_lookup', 'customer', hit.id::text, hit.customer_no);
            INSERT INTO lookup_outbox (backend, staff_id, xid, refusal)
                VALUES (pg_backend_pid(), my_staff_id(), pg_current_xact_id(),
                        format('Customer %s is restricted (重点保密). File a restricted-access request and wait for '
                               'the branch manager''s approval.', hit.customer_no));
            RETURN;
        END IF;
        PERFORM audit_write(p_workstation, 'grant.use', 'request', grant_id::text, hit.customer_no, 'ok',
                            json_strip_nulls(json_build_object('fields', '[]'::json, 'request', grant_id,
                                                               'type', 'restricted_access'))::text);
    END IF;
    PERFORM audit_write(p_workstation, 'customer.lookup', 'customer',
                        CASE WHEN hit.id IS NULL THEN '' ELSE hit.id::text END,
                        CASE WHEN hit.id IS NULL THEN NULL ELSE hit.customer_no END, 'ok',
                        json_build_object('purpose', p_purpose,
                                          'result', CASE WHEN hit.id IS NOT NULL THEN 'match'
                                                         WHEN cardinality(candidates) > 1 THEN 'ambiguous'
                                                         ELSE 'no match' END)::text);
    IF hit.id IS NOT NULL THEN
        INSERT INTO lookup_outbox (backend, staff_id, xid, customer_no, masked_name, masked_id_number, masked_mobile,
                                   sex, age_band, tier, status)
            SELECT pg_backend_pid(), my_staff_id(), pg_current_xact_id(), hit.customer_no,
                   (SELECT v.masked FROM sealed_value v WHERE v.owner_kind = 'customer' AND v.owner_id = hit.id
                                                          AND v.field = 'name'),
                   (SELECT v.masked FROM sealed_value v WHERE v.owner_kind = 'customer' AND v.owner_id = hit.id
                                                          AND v.field = 'id_number'),
                   (SELECT v.masked FROM sealed_value v WHERE v.owner_kind = 'customer' AND v.owner_id = hit.id
                                                          AND v.field = 'mobile'),
                   hit.sex, hit.age_band, hit.tier, hit.status;
    END IF;
END
$$;

-- The card (or refusal) the caller's session put in the outbox in an earlier (so committed) transaction, taken out.
CREATE FUNCTION branchvault.lookup_release()
    RETURNS TABLE (refusal text, customer_no text, masked_name text, masked_id_number text, masked_mobile text,
                   sex text, age_band text, tier text, status text)
    LANGUAGE sql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$ DELETE FROM lookup_outbox o
          WHERE o.backend = pg_backend_pid() AND o.staff_id = my_staff_id() AND o.xid <> pg_current_xact_id()
          RETURNING o.refusal, o.customer_no, o.masked_name, o.masked_id_number, o.masked_mobile, o.sex,
                    o.age_band, o.tier, o.status $$;

-- The clerk's lookup: one card (all columns NULL when nothing, or more than one record, matched). Commits the
-- audit rows (or the refusal's) first, so it must be CALLed outside a transaction block: inside one it fails with
-- 2D000 and returns nothing. A restricted customer without a live grant: 42501 naming the customer number, after
-- the access.denied row is committed.
CREATE PROCEDURE branchvault.clerk_find(p_name_blind bytea, p_id_blind bytea, p_purpose text, p_workstation text,
                                        OUT customer_no text, OUT masked_name text, OUT masked_id_number text,
                                        OUT masked_mobile text, OUT sex text, OUT age_band text, OUT tier text,
                                        OUT status text)
    LANGUAGE plpgsql
    AS $$
DECLARE
    refusal text;
BEGIN
    PERFORM branchvault.clerk_find_attempt(p_name_blind, p_id_blind, p_purpose, p_workstation);
    COMMIT; -- the refusal's row, or the lookup's rows before the card leaves
    SELECT r.refusal, r.customer_no, r.masked_name, r.masked_id_number, r.masked_mobile, r.sex, r.age_band, r.tier,
           r.status
        INTO refusal, customer_no, masked_name, masked_id_number, masked_mobile, sex, age_band, tier, status
        FROM branchvault.lookup_release() AS r LIMIT 1;
    IF refusal IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = '42501', MESSAGE = refusal;
    END IF;
END
$$;

-- Migration 2's (and 4's) function: its card could leave in a transaction the client then rolled back, taking the
-- audit rows with it. It keeps its signature and its grant, so that a workstation still calling it is told what to
-- call instead, and gives no card to anyone.
CREATE OR REPLACE FUNCTION branchvault.clerk_lookup(p_name_blind bytea, p_id_blind bytea, p_purpose text,
                                                    p_workstation text)
    RETURNS TABLE (customer_no text, masked_name text, masked_id_number text, masked_mobile text, sex text,
                   age_band text, tier text, status text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
BEGIN
    RAISE EXCEPTION 'clerk_lookup is withdrawn: the lookup is CALL branchvault.clerk_find(...), which records it '
                    'before it shows the card. Update the workstation.' USING ERRCODE = '42501';
END
$$;

REVOKE ALL ON FUNCTION branchvault.clerk_find_attempt(bytea, bytea, text, text), branchvault.lookup_release()
    FROM PUBLIC;
REVOKE ALL ON PROCEDURE branchvault.clerk_find(bytea, bytea, text, text) FROM PUBLIC;
-- the procedure runs as its caller, so the caller also needs the attempt function and the release (alone, they
-- give no card that was not recorded first)
GRANT EXECUTE ON FUNCTION branchvault.clerk_find_attempt(bytea, bytea, text, text), branchvault.lookup_release()
    TO bv_clerk;
GRANT EXECUTE ON PROCEDURE branchvault.clerk_find(bytea, bytea, text, text) TO bv_clerk;

-- ---- single-use grants (L2) ----

-- A grant's use, between the transaction that used it up (status 'used', grant.use row) and the one that tells the
-- workstation it may print or export: released only to the asking session and staff member, from an earlier
-- transaction.
CREATE TABLE branchvault.grant_outbox (
    backend     integer NOT NULL,
    staff_id    bigint NOT NULL,
    xid         xid8 NOT NULL,
    request_id  bigint NOT NULL,
    valid_until timestamptz NOT NULL,
    approver_id bigint
);
CREATE INDEX grant_outbox_backend ON branchvault.grant_outbox (backend, staff_id);
ALTER TABLE branchvault.grant_outbox ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON branchvault.grant_outbox FROM PUBLIC;

-- grant_consume's checks and use, as migration 4 wrote them (refusals raise, unaudited, as in local mode), with
-- the go-ahead put in the outbox instead of returned.
CREATE FUNCTION branchvault.grant_use_attempt(p_request_id bigint, p_type text, p_report text, p_customer_no text,
                                              p_used_for text, p_workstation text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    me       bigint := my_staff_id();
    role     text := my_role();
    at       timestamptz := clock_timestamp();
    number   text := nullif(upper(btrim(coalesce(p_customer_no, ''))), '');
    used_serial text := nullif(btrim(coalesce(p_used_for, '')), '');
    req      requests%ROWTYPE;
    named    text;
    no_grant text;
BEGIN
    IF role IS NULL OR role NOT IN ('manager', 'customer_manager') THEN
        RAISE EXCEPTION 'only a branch manager or a customer manager exports or prints with a grant'
            USING ERRCODE = '42501';
    END IF;
    IF p_type IS NULL OR p_type NOT IN ('export', 'print') THEN
        RAISE EXCEPTION 'type: only export and print grants are used up; other grants are reused'
            USING ERRCODE = '22023';
    END IF;
    IF p_report IS NULL OR p_report NOT IN ('data_subject', 'customer_list') THEN
        RAISE EXCEPTION 'report: choose data_subject or customer_list' USING ERRCODE = '22023';
    END IF;
    IF char_length(used_serial) > 100 THEN
        RAISE EXCEPTION 'used_for: at most 100 characters (the print serial)' USING ERRCODE = '22023';
    END IF;
    no_grant := format('You have no live approval to %s the report "%s"%s (request %s). File a special request and '
                       'wait for the branch manager''s approval.', p_type, p_report,
                       CASE WHEN number IS NOT NULL THEN ' for this customer' ELSE '' END, p_request_id);
    SELECT r.* INTO req FROM requests r WHERE r.branch = my_branch() AND r.id = p_request_id FOR UPDATE;
    IF NOT FOUND OR req.requester_id <> me OR req.type <> p_type OR req.report <> p_report THEN
        RAISE EXCEPTION USING ERRCODE = '42501', MESSAGE = no_grant;
    END IF;
    named := request_customer_no(req.branch, req.id);
    IF named IS DISTINCT FROM number THEN
        RAISE EXCEPTION USING ERRCODE = '42501', MESSAGE = no_grant;
    END IF;
    IF req.status = 'used' THEN
        RAISE EXCEPTION USING ERRCODE = 'BV409',
            MESSAGE = format('Request %s was used up at %s (for %s), possibly on another workstation; a single-use '
                             'grant is used once. File a new request for another %s.', req.id,
                             request_iso_time(req.used_at),
                             coalesce(req.used_for, 'no serial'), p_type);
    END IF;
    IF request_state(req, at) <> 'approved' OR req.valid_from > at THEN
        RAISE EXCEPTION USING ERRCODE = '42501', MESSAGE = no_grant;
    END IF;
    UPDATE requests r SET status = 'used', used_at = at, used_for = used_serial
        WHERE r.branch = req.branch AND r.id = req.id;
    PERFORM audit_write(p_workstation, 'grant.use', 'request', req.id::text, number, 'ok',
                        json_strip_nulls(json_build_object('customer', number, 'report', p_report,
                                                           'request', req.id, 'type', p_type,
                                                           'usedFor', used_serial))::text);
    -- what an interrupted use of this session, or of a session that has ended, left behind
    DELETE FROM grant_outbox o
        WHERE o.backend = pg_backend_pid() OR NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.pid = o.backend);
    INSERT INTO grant_outbox (backend, staff_id, xid, request_id, valid_until, approver_id)
        VALUES (pg_backend_pid(), me, pg_current_xact_id(), req.id, req.valid_until, req.decided_by);
END
$$;

-- The go-ahead the caller's session put in the outbox in an earlier (so committed) transaction, taken out.
CREATE FUNCTION branchvault.grant_use_release()
    RETURNS TABLE (request_id bigint, valid_until timestamptz, approver_id bigint)
    LANGUAGE sql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$ DELETE FROM grant_outbox o
          WHERE o.backend = pg_backend_pid() AND o.staff_id = my_staff_id() AND o.xid <> pg_current_xact_id()
          RETURNING o.request_id, o.valid_until, o.approver_id $$;

-- Uses up the caller's live export or print grant (grant_consume's parameters) and returns it, after the use is
-- committed: the workstation prints or exports only once this returned, and no rollback gives the grant back or
-- erases its grant.use row. CALLed outside a transaction block (inside one: 2D000, nothing used).
CREATE PROCEDURE branchvault.grant_use(p_request_id bigint, p_type text, p_report text, p_customer_no text,
                                       p_used_for text, p_workstation text, OUT request_id bigint,
                                       OUT valid_until timestamptz, OUT approver_id bigint)
    LANGUAGE plpgsql
    AS $$
BEGIN
    PERFORM branchvault.grant_use_attempt(p_request_id, p_type, p_report, p_customer_no, p_used_for, p_workstation);
    COMMIT; -- the use and its row, before the workstation is told to go ahead
    SELECT r.request_id, r.valid_until, r.approver_id INTO request_id, valid_until, approver_id
        FROM branchvault.grant_use_release() AS r LIMIT 1;
END
$$;

-- Migration 4's function: a rollback gave its grant back. It keeps its signature and grant and refuses, naming the
-- procedure.
CREATE OR REPLACE FUNCTION branchvault.grant_consume(p_request_id bigint, p_type text, p_report text,
                                                     p_customer_no text, p_used_for text, p_workstation text)
    RETURNS TABLE (request_id bigint, valid_until timestamptz, approver_id bigint)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
BEGIN
    RAISE EXCEPTION 'grant_consume is withdrawn: a single-use grant is used with CALL branchvault.grant_use(...), '
                    'which commits the use before the workstation prints. Update the workstation.'
        USING ERRCODE = '42501';
END
$$;

REVOKE ALL ON FUNCTION branchvault.grant_use_attempt(bigint, text, text, text, text, text),
    branchvault.grant_use_release() FROM PUBLIC;
REVOKE ALL ON PROCEDURE branchvault.grant_use(bigint, text, text, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION branchvault.grant_use_attempt(bigint, text, text, text, text, text),
    branchvault.grant_use_release() TO bv_manager, bv_customer_manager;
GRANT EXECUTE ON PROCEDURE branchvault.grant_use(bigint, text, text, text, text, text)
    TO bv_manager, bv_customer_manager;

UPDATE branchvault.meta SET value = '6' WHERE key = 'schema_version';
