-- BranchVault branch server (docs/SERVER.md), migration 15: what the branch manager needs beside customer_assign
-- (migration 3, reworded in migration 7) to give customers to customer managers from a workstation (DESIGN §6
-- "Ownership"; local: CustomerOwnership::reassignmentList and the manager's assignment page).
--
--   reassignment_page      - the customers of the branch that need a customer manager: none, a frozen one, or a
--                            frozen custodian while the custody lasts (local mode's reassignment list); customer.list
--                            {rows} with object type 'reassignments', as locally
--   customer_manager_list  - the branch's active customer managers (staff id and login), the accounts customer_assign
--                            gives customers to and customer_submit enters them for (for the workstation's choice;
--                            staff logins only, not recorded, as staff_awaiting)
--
-- Both are the branch manager's alone (42501 for anyone else, which writes no row, as migration 11's refusals).

-- ---- 1. The reassignment list ----

-- The active or pending customers of the caller's branch without a customer manager who can serve them: no owner, an
-- owner whose account is frozen (status 'frozen', or 'awaiting' its unfreeze: frozen_at set; a custody would return
-- the customer to nobody), or a frozen custodian while the custody lasts. These are exactly the customers for which
-- customer_assign's 'assign' is not refused for having an active customer manager, so that the list's every row can
-- be assigned from it. By customer number; the masked name is the only grade-1 column; holder_login is the frozen
-- account holding the customer (the custodian during a custody, else the owner; '' for a customer without one). As in
-- local mode the list is one read: it writes customer.list {rows} with object type 'reassignments'.
CREATE FUNCTION branchvault.reassignment_page(p_workstation text)
    RETURNS TABLE (customer_no text, masked_name text, status text, restricted boolean, tier text, age_band text,
                   created_at timestamptz, holder_login text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
#variable_conflict use_column
DECLARE
    v_branch text := my_branch();
    n        integer;
BEGIN
    IF my_role() IS DISTINCT FROM 'manager' THEN
        RAISE EXCEPTION 'only an active branch manager reads the reassignment list' USING ERRCODE = '42501';
    END IF;
    RETURN QUERY
        WITH held AS (
            SELECT c.*,
                   c.custody_manager_id IS NOT NULL AND c.custody_until > now() AS live,
                   (SELECT st.frozen_at IS NOT NULL FROM staff st WHERE st.id = c.manager_id) AS owner_frozen,
                   (SELECT st.frozen_at IS NOT NULL FROM staff st WHERE st.id = c.custody_manager_id)
                       AS custodian_frozen
            FROM customers c
            WHERE c.branch = v_branch AND c.status IN ('active', 'pending'))
        SELECT h.customer_no,
               (SELECT v.masked FROM sealed_value v
                WHERE v.owner_kind = 'customer' AND v.owner_id = h.id AND v.field = 'name'),
               h.status, h.restricted, h.tier, h.age_band, h.created_at,
               coalesce((SELECT st.login FROM staff st
                         WHERE st.id = CASE WHEN h.live AND h.custodian_frozen THEN h.custody_manager_id
                                            ELSE h.manager_id END), '')
        FROM held h
        WHERE h.manager_id IS NULL OR coalesce(h.owner_frozen, false) OR (h.live AND coalesce(h.custodian_frozen, false))
        ORDER BY h.customer_no;
    GET DIAGNOSTICS n = ROW_COUNT;
    PERFORM audit_write(p_workstation, 'customer.list', 'reassignments', '', NULL, 'ok',
                        json_strip_nulls(json_build_object('rows', n))::text);
END
$$;

-- ---- 2. Whom the branch manager gives customers to ----

-- The caller's branch's customer managers whose accounts are active (customer_assign refuses any other), by login:
-- the staff id (what customer_submit's p_manager_id names when the branch manager enters a customer for one of them)
-- and the login.
CREATE FUNCTION branchvault.customer_manager_list()
    RETURNS TABLE (id bigint, login text)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
BEGIN
    IF my_role() IS DISTINCT FROM 'manager' THEN
        RAISE EXCEPTION 'only an active branch manager lists the customer managers to give customers to'
            USING ERRCODE = '42501';
    END IF;
    RETURN QUERY SELECT s.id, s.login FROM staff s
        WHERE s.branch = my_branch() AND s.role = 'customer_manager' AND s.status = 'active' ORDER BY s.login;
END
$$;

REVOKE ALL ON FUNCTION branchvault.reassignment_page(text), branchvault.customer_manager_list() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION branchvault.reassignment_page(text), branchvault.customer_manager_list() TO bv_manager;

UPDATE branchvault.meta SET value = '15' WHERE key = 'schema_version';
