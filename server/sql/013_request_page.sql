-- BranchVault branch server (docs/SERVER.md), migration 13: the list of special requests is audited, as in local mode.
--
-- Until now the branch manager, customer managers and clerks read `requests` and `request_customers` with plain
-- SELECTs through migration 4's policies: a staff member with psql read the branch's requests (who asked to see which
-- customers' values in full, for what purpose, who approved it) without any audit row, where local mode writes one
-- request.list row per list view (core/requests/RequestService.cpp, RequestService::list). This read now goes through
-- one function that runs as the owner, applies the rule of migration 4's policies, and writes local mode's row:
--
--   request_page - the requests the caller reads (the branch manager: the branch's; a customer manager or a clerk:
--                  his or her own), with their state now; request.list {onlyOpen, rows, scope}
--
-- and the direct SELECT privileges on the two tables are taken from the three groups that had them. The policies stay
-- (a SELECT granted again by mistake still reads only what the rules allow; request_customers' policy asks for the
-- request through a subquery that runs with the reader's privileges, so a SELECT restored on request_customers alone
-- reads nothing but a refusal).
--
-- Nothing else reads the tables with the caller's rights: every function of migrations 4 and 6 that reads them (the
-- request_*_attempt functions, reveal_attempt, grant_consume, grant_use_attempt, clerk_find_attempt) runs as the
-- owner; the one helper that reads request_customers as its caller, request_customer_no, is called only inside those,
-- and no staff role may execute it; the procedures staff CALL read nothing themselves; no policy of another table asks
-- for a request; and the workstation (core/server) never read them.
--
-- As migration 11's functions, this one is a function (the interface the workstation calls), so its audit row is
-- written in the caller's transaction: a client that reads inside a transaction and rolls it back erases the row. And
-- a refusal RAISEs, so it writes no row (an access.denied row written before it would be rolled back with it); local
-- mode writes access.denied when a role without the right lists requests. Both are listed in docs/SERVER.md
-- ("Known gaps").
--
-- Audit details are compact JSON with the keys in local mode's (sorted) order, as QJsonDocument writes them:
-- json_strip_nulls re-serialises json_build_object's output without spaces.

-- ---- 1. The list (RequestService::list) ----

-- Every request the caller reads, by id: the branch manager every request of his or her branch (scope "all"), a
-- customer manager or a clerk the requests he or she filed in the branch (scope "own"). state is request_state now
-- (pending, approved, rejected, revoked, used, withdrawn, or expired: an approved grant past its validity). With
-- p_only_open (NULL counts as false) only the open ones: pending, and approved while still valid (local mode's
-- kOpenCondition). customer_nos are the numbers the request names, as filed, in order; the logins are the staff
-- members' logins (requester, decider, revoker), never their names. Writes request.list (object type 'request',
-- details {onlyOpen, rows, scope}) as local mode, also when the list is empty. The administrator, the auditor and
-- anyone else are refused with 42501 and no row (see the head of this file).
CREATE FUNCTION branchvault.request_page(p_only_open boolean, p_workstation text)
    RETURNS TABLE (id bigint, type text, state text, requester_login text, customer_nos text[], fields text[],
                   report text, purpose text, validity_hours integer, created_at timestamptz, decided_by_login text,
                   decided_at timestamptz, decision_reason text, valid_from timestamptz, valid_until timestamptz,
                   used_at timestamptz, revoked_by_login text, revoked_at timestamptz, revoke_reason text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
#variable_conflict use_column
DECLARE
    v_role   text := my_role();
    v_me     bigint := my_staff_id();
    v_branch text := my_branch();
    v_at     timestamptz := now();
    v_open   boolean := coalesce(p_only_open, false);
    n        integer;
BEGIN
    IF v_role IS NULL OR v_role NOT IN ('manager', 'customer_manager', 'clerk') THEN
        RAISE EXCEPTION 'only an active branch manager, customer manager or clerk lists special requests (the security '
                        'auditor reads their audit rows); sign in with such an account' USING ERRCODE = '42501';
    END IF;
    RETURN QUERY
        SELECT r.id, r.type, request_state(r, v_at), s.login,
               coalesce((SELECT array_agg(rc.customer_no ORDER BY rc.customer_no) FROM request_customers rc
                         WHERE rc.branch = r.branch AND rc.request_id = r.id), '{}'::text[]),
               r.fields, r.report, r.purpose, r.validity_hours, r.created_at, d.login, r.decided_at,
               r.decision_reason, r.valid_from, r.valid_until, r.used_at, v.login, r.revoked_at, r.revoke_reason
        FROM requests r
        JOIN staff s ON s.id = r.requester_id
        LEFT JOIN staff d ON d.id = r.decided_by
        LEFT JOIN staff v ON v.id = r.revoked_by
        WHERE r.branch = v_branch AND (v_role = 'manager' OR r.requester_id = v_me)
          AND (NOT v_open OR request_state(r, v_at) IN ('pending', 'approved'))
        ORDER BY r.id;
    GET DIAGNOSTICS n = ROW_COUNT;
    PERFORM audit_write(p_workstation, 'request.list', 'request', '', NULL, 'ok',
                        json_strip_nulls(json_build_object(
                            'onlyOpen', v_open, 'rows', n,
                            'scope', CASE WHEN v_role = 'manager' THEN 'all' ELSE 'own' END))::text);
END
$$;

REVOKE ALL ON FUNCTION branchvault.request_page(boolean, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION branchvault.request_page(boolean, text) TO bv_manager, bv_customer_manager, bv_clerk;

-- ---- 2. No direct reads of the two tables ----

REVOKE SELECT ON branchvault.requests, branchvault.request_customers FROM bv_manager, bv_customer_manager, bv_clerk;

UPDATE branchvault.meta SET value = '13' WHERE key = 'schema_version';
