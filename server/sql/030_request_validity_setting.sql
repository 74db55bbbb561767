-- BranchVault branch server (docs/SERVER.md), migration 30: the branch's setting request.max_validity_hours applies to
-- special requests on the server as it does locally (RequestService::submit and ::approve, DESIGN §5).
--
-- Until now the server applied only the hard limit of 72 hours: a branch whose administrator set 24 hours still got
-- 72-hour requests and grants from its workstations. Now:
--   filing    a request asks for 1 to N hours, N the branch's setting (1..72; the default 72), else 22023 naming N;
--   approval  the grant is valid for the hours asked, but never more than the setting as it is at the approval (a
--             limit lowered after the filing applies); request.approve's validityHours and validUntil say what was
--             given.
-- The setting is read for the caller's branch (setting(), migration 9): a branch manager cannot approve by another
-- branch's limit. The functions are migration 6's request_submit_attempt and migration 4's request_decide_attempt
-- with only these lines changed.

-- The branch's limit for the caller: the setting, kept within 1..72 whatever is stored (settings_set checks the range;
-- the bound is the last line of defence, as local mode's maxValidityHours).
CREATE FUNCTION branchvault.request_max_validity_hours() RETURNS integer
    LANGUAGE sql STABLE
    SET search_path = branchvault, pg_temp
    AS $$ SELECT least(72, greatest(1, coalesce(setting('request.max_validity_hours')::integer, 72))) $$;
REVOKE ALL ON FUNCTION branchvault.request_max_validity_hours() FROM PUBLIC;

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
    max_hours integer := request_max_validity_hours();
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
    -- the branch's setting request.max_validity_hours, never beyond 72 (local mode: RequestService::submit)
    IF p_validity_hours IS NULL OR p_validity_hours NOT BETWEEN 1 AND max_hours THEN
        RAISE EXCEPTION 'validity_hours: a request is valid for 1 to % hours; ask for % hours or less, and file a '
                        'new request when it runs out', max_hours, max_hours USING ERRCODE = '22023';
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


CREATE OR REPLACE FUNCTION branchvault.request_decide_attempt(p_request_id bigint, p_approve boolean, p_reason text,
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
        -- the validity asked for, never beyond the branch's limit as it is now: it may have been lowered since the
        -- request was filed (local mode: RequestService::approve)
        hours := least(req.validity_hours, request_max_validity_hours());
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


UPDATE branchvault.meta SET value = '30' WHERE key = 'schema_version';
