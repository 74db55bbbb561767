-- BranchVault branch server (docs/SERVER.md), migration 4: special requests (专项事务申请, DESIGN §5), the grants
-- they become, and the one way to a full value: reveal, which hands the workstation the sealed bytes of the fields
-- a live grant covers (the workstation opens them with its field key; the server never holds one).
--
-- The rules are local mode's (core/requests/RequestService*.cpp, core/customers/lifecycle/CustomerFinder.cpp):
-- who may ask for which type, a purpose, at most 3 days, decided with a reason by a branch manager of the branch
-- who is not the requester; approve, reject, revoke, withdraw by the requester; a reveal grant works only for its
-- customers, fields and validity, export and print grants are single use, and a grant past its validity stops
-- working by the server's clock, with nobody acting. Every decision and use writes its audit row, with local
-- mode's action names and detail keys.
--
-- Refusals local mode audits (access.denied) must survive the error the caller gets, and a function that raises
-- rolls its own rows back. So each operation with such refusals is a procedure (CALL): it runs the owner's
-- function *_attempt, which either does the work and writes its audit row or writes the access.denied row and
-- returns the refusal; on a refusal the procedure commits (keeping that row) and then raises 42501. A procedure
-- may commit only when CALLed outside a transaction block (and only as SECURITY INVOKER without SET clauses, which
-- is why it names everything with its schema and does nothing but call the owner's function): inside an explicit
-- transaction an audited refusal fails with 2D000 instead, and leaves no row. The workstation CALLs them on their
-- own. reveal always commits before it returns anything: its audit rows are durable before a sealed byte leaves.
--
-- Audit details are compact JSON with the keys in local mode's (sorted) order, as QJsonDocument writes them:
-- json_strip_nulls re-serialises json_build_object's output without spaces and drops the keys a row does not have.

-- ---- tables ----

CREATE TABLE branchvault.requests (
    branch          text NOT NULL CHECK (branch <> ''),
    id              bigint GENERATED ALWAYS AS IDENTITY,
    requester_id    bigint NOT NULL REFERENCES branchvault.staff (id),
    type            text NOT NULL CHECK (type IN ('reveal', 'export', 'print', 'restricted_access')),
    fields          text[] NOT NULL DEFAULT '{}', -- reveal: the grade-1 fields
    report          text NOT NULL DEFAULT '', -- export / print: the report
    purpose         text NOT NULL CHECK (char_length(btrim(purpose)) BETWEEN 1 AND 500),
    validity_hours  integer NOT NULL CHECK (validity_hours BETWEEN 1 AND 72),
    status          text NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'revoked', 'used',
                                                    'withdrawn')),
    created_at      timestamptz NOT NULL,
    decided_by      bigint REFERENCES branchvault.staff (id),
    decided_at      timestamptz,
    decision_reason text,
    valid_from      timestamptz,
    valid_until     timestamptz,
    used_at         timestamptz,
    used_for        text, -- the print serial or export a single-use grant was used for
    revoked_by      bigint REFERENCES branchvault.staff (id),
    revoked_at      timestamptz,
    revoke_reason   text,
    PRIMARY KEY (branch, id),
    CHECK (decided_by IS NULL OR decided_by <> requester_id),
    CHECK (status <> 'approved' OR (valid_from IS NOT NULL AND valid_until IS NOT NULL))
);
CREATE INDEX requests_requester ON branchvault.requests (branch, requester_id, status);
CREATE INDEX requests_status ON branchvault.requests (branch, status, created_at);

-- The customers a request names (reveal, restricted access, the data-subject report), with their number as it
-- was when the request was filed.
CREATE TABLE branchvault.request_customers (
    branch      text NOT NULL,
    request_id  bigint NOT NULL,
    customer_id bigint NOT NULL REFERENCES branchvault.customers (id),
    customer_no text NOT NULL,
    PRIMARY KEY (branch, request_id, customer_id),
    FOREIGN KEY (branch, request_id) REFERENCES branchvault.requests (branch, id)
);
CREATE INDEX request_customers_customer ON branchvault.request_customers (branch, customer_id);

-- The requester reads his or her own requests, the branch manager every request of the branch; nobody else any.
-- Nobody writes them directly.
ALTER TABLE branchvault.requests ENABLE ROW LEVEL SECURITY;
ALTER TABLE branchvault.request_customers ENABLE ROW LEVEL SECURITY;
CREATE POLICY requester_reads_own ON branchvault.requests FOR SELECT
    TO bv_manager, bv_customer_manager, bv_clerk
    USING (branchvault.my_role() IN ('manager', 'customer_manager', 'clerk')
           AND branch = branchvault.my_branch()
           AND requester_id = branchvault.my_staff_id());
CREATE POLICY manager_reads_the_branch_requests ON branchvault.requests FOR SELECT TO bv_manager
    USING (branchvault.my_role() = 'manager' AND branch = branchvault.my_branch());
-- A request's customers follow their request: the subquery is itself filtered by the policies above.
CREATE POLICY customers_follow_their_request ON branchvault.request_customers FOR SELECT
    TO bv_manager, bv_customer_manager, bv_clerk
    USING (EXISTS (SELECT 1 FROM branchvault.requests r
                   WHERE r.branch = request_customers.branch AND r.id = request_customers.request_id));
REVOKE ALL ON branchvault.requests, branchvault.request_customers FROM PUBLIC;
GRANT SELECT ON branchvault.requests, branchvault.request_customers TO bv_manager, bv_customer_manager, bv_clerk;

-- ---- helpers (the owner's only) ----

-- The grade-1 fields (core/policy/FieldCatalogue.cpp, grade 1): the only fields a reveal names.
CREATE FUNCTION branchvault.request_grade_one_fields() RETURNS text[]
    LANGUAGE sql IMMUTABLE
    SET search_path = pg_catalog
    AS $$ SELECT ARRAY['name', 'id_type', 'id_number', 'birth_date', 'mobile', 'other_phone', 'email', 'address',
                       'account_number'] $$;

-- A list as local mode's cleanList: trimmed (upper-cased when asked), without blanks and repeats, in the order
-- given.
CREATE FUNCTION branchvault.request_clean_list(items text[], upper_case boolean) RETURNS text[]
    LANGUAGE sql IMMUTABLE
    SET search_path = pg_catalog
    AS $$ SELECT coalesce(array_agg(item ORDER BY first), '{}')
          FROM (SELECT CASE WHEN upper_case THEN upper(btrim(x)) ELSE btrim(x) END AS item, min(n) AS first
                FROM unnest(coalesce(items, '{}')) WITH ORDINALITY AS u (x, n)
                WHERE btrim(x) <> '' GROUP BY 1) AS s $$;

-- The status a request has now: an approved grant past its validity is 'expired' (computed, never stored).
CREATE FUNCTION branchvault.request_state(r branchvault.requests, at timestamptz) RETURNS text
    LANGUAGE sql STABLE
    SET search_path = pg_catalog
    AS $$ SELECT CASE WHEN r.status = 'approved' AND (r.valid_until IS NULL OR r.valid_until <= at) THEN 'expired'
                      ELSE r.status END $$;

-- The customer number an audit row of a request is filed under: its one customer, if it names exactly one.
CREATE FUNCTION branchvault.request_customer_no(p_branch text, p_request_id bigint) RETURNS text
    LANGUAGE sql STABLE
    SET search_path = branchvault, pg_temp
    AS $$ SELECT CASE WHEN count(*) = 1 THEN min(customer_no) END FROM request_customers
          WHERE branch = p_branch AND request_id = p_request_id $$;

-- The access.denied row of a refusal, as AccessControl::deny writes it (outcome 'denied', the operation's key).
CREATE FUNCTION branchvault.request_audit_denied(p_workstation text, p_operation text, p_object_type text,
                                                 p_object_id text, p_customer_no text) RETURNS void
    LANGUAGE sql
    SET search_path = branchvault, pg_temp
    AS $$ SELECT audit_write(p_workstation, 'access.denied', p_object_type, coalesce(p_object_id, ''), p_customer_no,
                             'denied', json_strip_nulls(json_build_object('operation', p_operation))::text) $$;

-- A decision's reason, trimmed: required, at most 500 characters (RequestService::checkedReason).
CREATE FUNCTION branchvault.request_checked_reason(p_reason text, p_when_empty text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE
    SET search_path = pg_catalog
    AS $$
BEGIN
    IF btrim(coalesce(p_reason, '')) = '' THEN
        RAISE EXCEPTION 'reason: %', p_when_empty USING ERRCODE = '22023';
    END IF;
    IF char_length(btrim(p_reason)) > 500 THEN
        RAISE EXCEPTION 'reason: the reason has % characters; at most 500 are allowed. Shorten it.',
            char_length(btrim(p_reason)) USING ERRCODE = '22023';
    END IF;
    RETURN btrim(p_reason);
END
$$;

CREATE FUNCTION branchvault.request_iso_time(at timestamptz) RETURNS text
    LANGUAGE sql IMMUTABLE
    SET search_path = pg_catalog
    AS $$ SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') $$;

REVOKE ALL ON FUNCTION branchvault.request_grade_one_fields(), branchvault.request_clean_list(text[], boolean),
    branchvault.request_state(branchvault.requests, timestamptz), branchvault.request_customer_no(text, bigint),
    branchvault.request_audit_denied(text, text, text, text, text), branchvault.request_checked_reason(text, text),
    branchvault.request_iso_time(timestamptz) FROM PUBLIC;

-- ---- filing a request (RequestService::create) ----

-- Files a request of the calling staff member; returns its id, or (request_id NULL) the refusal after writing its
-- access.denied row. The customers are read, locked and checked in the transaction that files the request.
CREATE FUNCTION branchvault.request_submit_attempt(p_type text, p_customers text[], p_fields text[], p_report text,
                                                   p_purpose text, p_validity_hours integer, p_workstation text,
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
    IF purpose ~ '[0-9]{6,}' THEN
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

-- ---- decisions (RequestDecisions.cpp) ----
-- Each locks the request's row (FOR UPDATE) and checks its state after the lock: of two managers deciding at once,
-- the second finds it decided and gets BV409 naming who decided.

-- The conflict of a decision on a request that is no longer in the state the decision needs.
CREATE FUNCTION branchvault.request_conflict(r branchvault.requests, at timestamptz, needed text) RETURNS void
    LANGUAGE plpgsql
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    state text := request_state(r, at);
    who   text;
BEGIN
    SELECT s.login INTO who FROM staff s
        WHERE s.id = CASE WHEN r.status = 'revoked' THEN r.revoked_by ELSE r.decided_by END;
    RAISE EXCEPTION USING ERRCODE = 'BV409',
        MESSAGE = format('Request %s is %s%s; %s. Reload the list of requests and look at it again.', r.id, state,
                         CASE WHEN who IS NOT NULL AND state IN ('approved', 'rejected', 'revoked', 'expired')
                              THEN format(' (%s by %s)', CASE WHEN state = 'revoked' THEN 'revoked' ELSE 'decided' END,
                                          who) ELSE '' END, needed);
END
$$;

-- Approves or rejects a pending request of the caller's branch that the caller did not file.
CREATE FUNCTION branchvault.request_decide_attempt(p_request_id bigint, p_approve boolean, p_reason text,
                                                   p_workstation text) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    me    bigint := my_staff_id();
    role  text := my_role();
    at    timestamptz := clock_timestamp();
    why   text;
    req   requests%ROWTYPE;
    hours integer;
    until timestamptz;
    asker text;
BEGIN
    IF role IS NULL THEN
        RAISE EXCEPTION 'this login is not an active BranchVault staff account' USING ERRCODE = '42501';
    END IF;
    IF role <> 'manager' THEN
        PERFORM request_audit_denied(p_workstation, 'decide_request', 'operation', 'decide_request', NULL);
        RETURN format('Your role (%s) may not decide special requests: only a branch manager decides them.', role);
    END IF;
    IF p_approve IS NULL THEN
        RAISE EXCEPTION 'approve: say whether the request is approved (true) or rejected (false)'
            USING ERRCODE = '22023';
    END IF;
    why := request_checked_reason(p_reason, CASE WHEN p_approve
        THEN 'give a reason for the approval (for example what you checked), so the decision can be traced'
        ELSE 'give a reason for the rejection, so that the requester knows what to change' END);
    SELECT r.* INTO req FROM requests r WHERE r.branch = my_branch() AND r.id = p_request_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'request_id: there is no request % in your branch; reload the list of requests',
            p_request_id USING ERRCODE = '22023';
    END IF;
    IF req.requester_id = me THEN
        PERFORM request_audit_denied(p_workstation, 'decide_request', 'request', req.id::text,
                             request_customer_no(req.branch, req.id));
        RETURN CASE WHEN p_approve
            THEN format('You filed request %s yourself, so you cannot approve it. Another branch manager must decide '
                        'it.', req.id)
            ELSE format('You filed request %s yourself, so you cannot decide it. Withdraw it instead, or ask another '
                        'branch manager.', req.id) END;
    END IF;
    IF req.status <> 'pending' THEN
        PERFORM request_conflict(req, at, CASE WHEN p_approve THEN 'only a pending request can be approved'
                                                ELSE 'only a pending request can be rejected' END);
    END IF;
    SELECT s.login INTO asker FROM staff s WHERE s.id = req.requester_id;
    IF p_approve THEN
        -- the validity asked for, never beyond the limit (local mode: the setting, at most 72 hours)
        hours := least(req.validity_hours, 72);
        until := at + make_interval(hours => hours);
        UPDATE requests SET status = 'approved', decided_by = me, decided_at = at, decision_reason = why,
                            valid_from = at, valid_until = until
            WHERE branch = req.branch AND id = req.id;
        PERFORM audit_write(p_workstation, 'request.approve', 'request', req.id::text,
                            request_customer_no(req.branch, req.id), 'ok',
                            json_strip_nulls(json_build_object(
                                'reasonLength', char_length(why), 'requester', asker, 'type', req.type,
                                'validUntil', request_iso_time(until), 'validityHours', hours))::text);
    ELSE
        UPDATE requests SET status = 'rejected', decided_by = me, decided_at = at, decision_reason = why
            WHERE branch = req.branch AND id = req.id;
        PERFORM audit_write(p_workstation, 'request.reject', 'request', req.id::text,
                            request_customer_no(req.branch, req.id), 'ok',
                            json_strip_nulls(json_build_object(
                                'reasonLength', char_length(why), 'requester', asker, 'type', req.type))::text);
    END IF;
    RETURN NULL;
END
$$;

-- Revokes an approved grant of the branch that is still valid (any branch manager, as in local mode).
CREATE FUNCTION branchvault.request_revoke_attempt(p_request_id bigint, p_reason text, p_workstation text)
    RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    me    bigint := my_staff_id();
    role  text := my_role();
    at    timestamptz := clock_timestamp();
    why   text;
    req   requests%ROWTYPE;
    asker text;
BEGIN
    IF role IS NULL THEN
        RAISE EXCEPTION 'this login is not an active BranchVault staff account' USING ERRCODE = '42501';
    END IF;
    IF role <> 'manager' THEN
        PERFORM request_audit_denied(p_workstation, 'revoke_request', 'operation', 'revoke_request', NULL);
        RETURN format('Your role (%s) may not revoke grants: only a branch manager revokes them.', role);
    END IF;
    why := request_checked_reason(p_reason,
                                  'give a reason for revoking the grant, so that the requester knows why it stopped');
    SELECT r.* INTO req FROM requests r WHERE r.branch = my_branch() AND r.id = p_request_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'request_id: there is no request % in your branch; reload the list of requests',
            p_request_id USING ERRCODE = '22023';
    END IF;
    IF request_state(req, at) <> 'approved' THEN
        PERFORM request_conflict(req, at, 'only an approved grant that is still valid can be revoked');
    END IF;
    SELECT s.login INTO asker FROM staff s WHERE s.id = req.requester_id;
    UPDATE requests SET status = 'revoked', revoked_by = me, revoked_at = at, revoke_reason = why
        WHERE branch = req.branch AND id = req.id;
    PERFORM audit_write(p_workstation, 'request.revoke', 'request', req.id::text,
                        request_customer_no(req.branch, req.id), 'ok',
                        json_strip_nulls(json_build_object(
                            'reasonLength', char_length(why), 'requester', asker, 'type', req.type))::text);
    RETURN NULL;
END
$$;

-- The requester withdraws his or her own pending request.
CREATE FUNCTION branchvault.request_withdraw_attempt(p_request_id bigint, p_workstation text) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    me    bigint := my_staff_id();
    role  text := my_role();
    at    timestamptz := clock_timestamp();
    req   requests%ROWTYPE;
    asker text;
BEGIN
    IF role IS NULL THEN
        RAISE EXCEPTION 'this login is not an active BranchVault staff account' USING ERRCODE = '42501';
    END IF;
    IF role NOT IN ('manager', 'customer_manager', 'clerk') THEN
        PERFORM request_audit_denied(p_workstation, 'create_request', 'operation', 'create_request', NULL);
        RETURN format('Your role (%s) may not file or withdraw special requests.', role);
    END IF;
    SELECT r.* INTO req FROM requests r WHERE r.branch = my_branch() AND r.id = p_request_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'request_id: there is no request % in your branch; reload the list of requests',
            p_request_id USING ERRCODE = '22023';
    END IF;
    IF req.requester_id <> me THEN
        PERFORM request_audit_denied(p_workstation, 'create_request', 'request', req.id::text,
                             request_customer_no(req.branch, req.id));
        RETURN format('Request %s was filed by someone else; only its requester can withdraw it. A branch manager '
                      'rejects it instead.', req.id);
    END IF;
    IF req.status <> 'pending' THEN
        PERFORM request_conflict(req, at, 'only a pending request can be withdrawn');
    END IF;
    SELECT s.login INTO asker FROM staff s WHERE s.id = req.requester_id;
    UPDATE requests SET status = 'withdrawn' WHERE branch = req.branch AND id = req.id;
    PERFORM audit_write(p_workstation, 'request.withdraw', 'request', req.id::text,
                        request_customer_no(req.branch, req.id), 'ok',
                        json_strip_nulls(json_build_object('requester', asker, 'type', req.type))::text);
    RETURN NULL;
END
$$;

-- ---- reveal (CustomerFinder::reveal) ----

-- The sealed values a reveal hands out, between the transaction that wrote its audit rows and the one that returns
-- them: the procedure reveal commits the audit rows before any sealed byte leaves the server, so a client that
-- rolls its transaction back cannot read a value and erase the record of it. A row is released only to the session
-- (backend) and staff member that asked, and only from an earlier transaction — one that committed.
CREATE TABLE branchvault.reveal_outbox (
    backend    integer NOT NULL,
    staff_id   bigint NOT NULL,
    xid        xid8 NOT NULL,
    field      text NOT NULL,
    generation integer NOT NULL,
    sealed     bytea NOT NULL
);
CREATE INDEX reveal_outbox_backend ON branchvault.reveal_outbox (backend, staff_id);
ALTER TABLE branchvault.reveal_outbox ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON branchvault.reveal_outbox FROM PUBLIC;

-- Checks and records a reveal: the sealed values of the fields of one customer that the caller's live reveal grant
-- `p_request_id` covers, for a customer the caller still reaches (the customers policies: the branch manager, or
-- the responsible customer manager while the record is held). Writes customer.reveal (the fields, never a value)
-- and the grant's grant.use row and puts the sealed values in the outbox, in one transaction; returns the refusal,
-- if any, after writing its access.denied row. An account number comes once per account, as
-- 'account_number:<account id>'. Local mode takes any live grant that covers each field; the server is told which
-- grant the workstation uses, and it must cover every field asked for.
CREATE FUNCTION branchvault.reveal_attempt(p_request_id bigint, p_customer_no text, p_fields text[],
                                           p_workstation text) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    me     bigint := my_staff_id();
    role   text := my_role();
    br     text := my_branch();
    at     timestamptz := clock_timestamp();
    wanted text[] := request_clean_list(p_fields, false);
    cust   customers%ROWTYPE;
    req    requests%ROWTYPE;
BEGIN
    IF role IS NULL THEN
        RAISE EXCEPTION 'this login is not an active BranchVault staff account' USING ERRCODE = '42501';
    END IF;
    IF role NOT IN ('manager', 'customer_manager') THEN
        PERFORM request_audit_denied(p_workstation, 'reveal_field', 'operation', 'reveal_field', NULL);
        RETURN format('Your role (%s) may not see full values: BranchVault separates duties by role.', role);
    END IF;
    IF cardinality(wanted) = 0 THEN
        RAISE EXCEPTION 'fields: name the fields to show in full' USING ERRCODE = '22023';
    END IF;
    IF NOT wanted <@ request_grade_one_fields() THEN
        RAISE EXCEPTION 'fields: only grade-1 fields (%) are revealed; the others are shown without a request',
            array_to_string(request_grade_one_fields(), ', ') USING ERRCODE = '22023';
    END IF;
    -- the customer and the grant are read, and locked against a change, in the transaction that records the use
    SELECT c.* INTO cust FROM customers c
        WHERE c.branch = br AND c.customer_no = upper(btrim(coalesce(p_customer_no, ''))) FOR SHARE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'customer_no: there is no customer with this customer number in your branch; check the '
                        'number' USING ERRCODE = '22023';
    END IF;
    IF NOT (role = 'manager'
            OR (responsible_manager(cust) = me AND cust.status IN ('pending', 'active', 'closed'))) THEN
        PERFORM request_audit_denied(p_workstation, 'reveal_field', 'customer', cust.id::text, cust.customer_no);
        RETURN CASE WHEN cust.restricted
            THEN format('Customer %s is restricted (重点保密): only its own customer manager and the branch manager '
                        'may see it. If your work needs it, file a restricted-access request.', cust.customer_no)
            ELSE format('Customer %s is not one of your customers. Ask its customer manager or the branch manager.',
                        cust.customer_no) END;
    END IF;
    SELECT r.* INTO req FROM requests r
        WHERE r.branch = br AND r.id = p_request_id AND r.requester_id = me AND r.type = 'reveal'
          AND r.status = 'approved' AND r.valid_from <= at AND r.valid_until > at
          AND wanted <@ r.fields
          AND EXISTS (SELECT 1 FROM request_customers rc
                      WHERE rc.branch = r.branch AND rc.request_id = r.id AND rc.customer_id = cust.id)
        FOR SHARE;
    IF NOT FOUND THEN
        PERFORM request_audit_denied(p_workstation, 'reveal_field', 'customer', cust.id::text, cust.customer_no);
        RETURN format('There is no approved, unexpired request of yours (request %s) to see %s of customer %s in '
                      'full. File a special request (request full view) and wait for the branch manager''s '
                      'approval.', p_request_id, array_to_string(wanted, ', '), cust.customer_no);
    END IF;
    -- what an interrupted reveal of this session, or of a session that has ended, left behind
    DELETE FROM reveal_outbox o
        WHERE o.backend = pg_backend_pid() OR NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.pid = o.backend);
    INSERT INTO reveal_outbox (backend, staff_id, xid, field, generation, sealed)
        SELECT pg_backend_pid(), me, pg_current_xact_id(), v.shown, v.generation, v.sealed
        FROM (SELECT CASE WHEN s.owner_kind = 'account' THEN 'account_number:' || s.owner_id ELSE s.field END
                         AS shown, s.generation, s.sealed
              FROM sealed_value s
              WHERE s.customer_id = cust.id AND s.field = ANY (wanted)
                AND (s.owner_kind = 'customer' AND s.owner_id = cust.id AND s.field <> 'account_number'
                     OR s.owner_kind = 'account' AND s.field = 'account_number')) AS v;
    PERFORM audit_write(p_workstation, 'customer.reveal', 'customer', cust.id::text, cust.customer_no, 'ok',
                        json_strip_nulls(json_build_object('fields', to_json(wanted)))::text);
    PERFORM audit_write(p_workstation, 'grant.use', 'request', req.id::text, cust.customer_no, 'ok',
                        json_strip_nulls(json_build_object(
                            'fields', to_json(wanted), 'request', req.id, 'type', req.type))::text);
    RETURN NULL;
END
$$;

-- The sealed values the caller's session put in the outbox in an earlier (so committed) transaction, taken out.
CREATE FUNCTION branchvault.reveal_release()
    RETURNS TABLE (field text, generation integer, sealed bytea)
    LANGUAGE sql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$ DELETE FROM reveal_outbox o
          WHERE o.backend = pg_backend_pid() AND o.staff_id = my_staff_id() AND o.xid <> pg_current_xact_id()
          RETURNING o.field, o.generation, o.sealed $$;

-- ---- single-use grants (RequestGrants.cpp, consumeGrant) ----

-- Uses up the caller's live export or print grant `p_request_id` for `p_report` (and, for the data-subject report,
-- its one customer), recording what it was used for (the print serial); returns the grant. Of two workstations
-- using the same grant at once, the second waits for the first's lock and then gets BV409: the grant is used.
-- Refusals here are not audited, as in local mode (the report's own refusal is).
CREATE FUNCTION branchvault.grant_consume(p_request_id bigint, p_type text, p_report text, p_customer_no text,
                                          p_used_for text, p_workstation text)
    RETURNS TABLE (request_id bigint, valid_until timestamptz, approver_id bigint)
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
    RETURN QUERY SELECT req.id, req.valid_until, req.decided_by;
END
$$;

-- ---- the procedures staff CALL ----
-- Each runs its *_attempt function and, on a refusal, commits the access.denied row that function wrote before it
-- raises 42501 (see the top of this file). SECURITY INVOKER and without SET clauses, so that they may commit; they
-- name everything with its schema.

CREATE PROCEDURE branchvault.request_submit(p_type text, p_customers text[], p_fields text[], p_report text,
                                            p_purpose text, p_validity_hours integer, p_workstation text,
                                            OUT request_id bigint)
    LANGUAGE plpgsql
    AS $$
DECLARE
    result record;
BEGIN
    SELECT * INTO result FROM branchvault.request_submit_attempt(p_type, p_customers, p_fields, p_report, p_purpose,
                                                                  p_validity_hours, p_workstation);
    IF result.refusal IS NOT NULL THEN
        COMMIT;
        RAISE EXCEPTION USING ERRCODE = '42501', MESSAGE = result.refusal;
    END IF;
    request_id := result.request_id;
END
$$;

CREATE PROCEDURE branchvault.request_decide(p_request_id bigint, p_approve boolean, p_reason text,
                                            p_workstation text)
    LANGUAGE plpgsql
    AS $$
DECLARE
    refusal text := branchvault.request_decide_attempt(p_request_id, p_approve, p_reason, p_workstation);
BEGIN
    IF refusal IS NOT NULL THEN
        COMMIT;
        RAISE EXCEPTION USING ERRCODE = '42501', MESSAGE = refusal;
    END IF;
END
$$;

CREATE PROCEDURE branchvault.request_revoke(p_request_id bigint, p_reason text, p_workstation text)
    LANGUAGE plpgsql
    AS $$
DECLARE
    refusal text := branchvault.request_revoke_attempt(p_request_id, p_reason, p_workstation);
BEGIN
    IF refusal IS NOT NULL THEN
        COMMIT;
        RAISE EXCEPTION USING ERRCODE = '42501', MESSAGE = refusal;
    END IF;
END
$$;

CREATE PROCEDURE branchvault.request_withdraw(p_request_id bigint, p_workstation text)
    LANGUAGE plpgsql
    AS $$
DECLARE
    refusal text := branchvault.request_withdraw_attempt(p_request_id, p_workstation);
BEGIN
    IF refusal IS NOT NULL THEN
        COMMIT;
        RAISE EXCEPTION USING ERRCODE = '42501', MESSAGE = refusal;
    END IF;
END
$$;

-- Returns the revealed fields as three arrays of one length (a procedure returns one row), ordered by field: the
-- field, its key generation and its sealed bytes. Commits the audit rows (or the refusal's) first, so it must be
-- CALLed outside a transaction block: inside one it fails with 2D000 and returns nothing.
CREATE PROCEDURE branchvault.reveal(p_request_id bigint, p_customer_no text, p_fields text[], p_workstation text,
                                    OUT field text[], OUT generation integer[], OUT sealed bytea[])
    LANGUAGE plpgsql
    AS $$
DECLARE
    refusal text := branchvault.reveal_attempt(p_request_id, p_customer_no, p_fields, p_workstation);
BEGIN
    COMMIT; -- the refusal's row, or the use's rows before any sealed byte leaves
    IF refusal IS NOT NULL THEN
        RAISE EXCEPTION USING ERRCODE = '42501', MESSAGE = refusal;
    END IF;
    SELECT coalesce(array_agg(r.field ORDER BY r.field), '{}'),
           coalesce(array_agg(r.generation ORDER BY r.field), '{}'),
           coalesce(array_agg(r.sealed ORDER BY r.field), '{}')
        INTO field, generation, sealed FROM branchvault.reveal_release() AS r;
END
$$;

REVOKE ALL ON FUNCTION branchvault.request_conflict(branchvault.requests, timestamptz, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION
    branchvault.request_submit_attempt(text, text[], text[], text, text, integer, text),
    branchvault.request_decide_attempt(bigint, boolean, text, text),
    branchvault.request_revoke_attempt(bigint, text, text),
    branchvault.request_withdraw_attempt(bigint, text),
    branchvault.reveal_attempt(bigint, text, text[], text), branchvault.reveal_release(),
    branchvault.grant_consume(bigint, text, text, text, text, text) FROM PUBLIC;
REVOKE ALL ON PROCEDURE
    branchvault.request_submit(text, text[], text[], text, text, integer, text),
    branchvault.request_decide(bigint, boolean, text, text),
    branchvault.request_revoke(bigint, text, text),
    branchvault.request_withdraw(bigint, text),
    branchvault.reveal(bigint, text, text[], text) FROM PUBLIC;
-- The procedures run as their caller, so the caller also needs the attempt function (which checks everything
-- itself; calling it directly only skips the commit of a refusal's row).
GRANT EXECUTE ON FUNCTION branchvault.request_submit_attempt(text, text[], text[], text, text, integer, text),
    branchvault.request_withdraw_attempt(bigint, text) TO bv_manager, bv_customer_manager, bv_clerk;
GRANT EXECUTE ON PROCEDURE branchvault.request_submit(text, text[], text[], text, text, integer, text),
    branchvault.request_withdraw(bigint, text) TO bv_manager, bv_customer_manager, bv_clerk;
GRANT EXECUTE ON FUNCTION branchvault.request_decide_attempt(bigint, boolean, text, text),
    branchvault.request_revoke_attempt(bigint, text, text) TO bv_manager;
GRANT EXECUTE ON PROCEDURE branchvault.request_decide(bigint, boolean, text, text),
    branchvault.request_revoke(bigint, text, text) TO bv_manager;
GRANT EXECUTE ON FUNCTION branchvault.reveal_attempt(bigint, text, text[], text), branchvault.reveal_release(),
    branchvault.grant_consume(bigint, text, text, text, text, text) TO bv_manager, bv_customer_manager;
GRANT EXECUTE ON PROCEDURE branchvault.reveal(bigint, text, text[], text) TO bv_manager, bv_customer_manager;

-- ---- the clerk and restricted customers (CustomerFinder::clerkLookup) ----

-- Migration 2's lookup never returned a restricted customer (重点保密). As in local mode, the clerk now gets the
-- card of a restricted customer while he or she holds a live restricted-access grant for it, and the use of the
-- grant is recorded (grant.use) beside the lookup's own row. Without a grant the lookup returns no card and writes
-- local mode's access.denied row (operation clerk_lookup) instead of customer.lookup; the refusal reaches the
-- workstation as a WARNING with SQLSTATE 42501 naming the customer number, since raising an error would roll the
-- audit row back and this function's result (a set of cards) has no place for it.
CREATE OR REPLACE FUNCTION branchvault.clerk_lookup(p_name_blind bytea, p_id_blind bytea, p_purpose text,
                                                    p_workstation text)
    RETURNS TABLE (customer_no text, masked_name text, masked_id_number text, masked_mobile text, sex text,
                   age_band text, tier text, status text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    hit        branchvault.customers%ROWTYPE;
    candidates bigint[];
    grant_id   bigint;
    at         timestamptz := clock_timestamp();
BEGIN
    IF my_role() IS DISTINCT FROM 'clerk' THEN
        RAISE EXCEPTION 'only an active clerk looks customers up this way' USING ERRCODE = '42501';
    END IF;
    IF char_length(btrim(coalesce(p_purpose, ''))) < 2 OR char_length(p_purpose) > 200 THEN
        RAISE EXCEPTION 'a lookup needs its purpose (2 to 200 characters)' USING ERRCODE = '22023';
    END IF;
    IF p_purpose ~ '[0-9]{6,}' THEN
        RAISE EXCEPTION 'the purpose holds a long number; the workstation masks numbers before it sends a purpose'
            USING ERRCODE = '22023';
    END IF;
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
            RAISE WARNING USING ERRCODE = '42501',
                MESSAGE = format('Customer %s is restricted (重点保密). File a restricted-access request and wait for '
                                 'the branch manager''s approval.', hit.customer_no);
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
    IF hit.id IS NULL THEN
        RETURN;
    END IF;
    RETURN QUERY
        SELECT hit.customer_no,
               (SELECT v.masked FROM sealed_value v WHERE v.owner_kind = 'customer' AND v.owner_id = hit.id
                                                      AND v.field = 'name'),
               (SELECT v.masked FROM sealed_value v WHERE v.owner_kind = 'customer' AND v.owner_id = hit.id
                                                      AND v.field = 'id_number'),
               (SELECT v.masked FROM sealed_value v WHERE v.owner_kind = 'customer' AND v.owner_id = hit.id
                                                      AND v.field = 'mobile'),
               hit.sex, hit.age_band, hit.tier, hit.status;
END
$$;

UPDATE branchvault.meta SET value = '4' WHERE key = 'schema_version';
