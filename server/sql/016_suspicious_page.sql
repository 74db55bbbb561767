-- BranchVault branch server (docs/SERVER.md), migration 16: the branch manager's review of suspicious pairs from a
-- workstation (DESIGN §6: the same mobile or account number on two customers, listed for the manager to review; local:
-- CustomerEntry::suspicious and ui/manager/SuspiciousPage).
--
--   suspicious_page  - the open pairs of the caller's branch with the two customers' numbers and the shared value
--                      masked; customer.list {list, rows, status} with object type 'suspicious', as locally
--
-- The pairs' customer ids alone (the table the branch manager may SELECT since migration 3) name no customer a
-- workstation can open: customer numbers come from the customers table, which no staff role reads directly since
-- migration 11. Clearing a pair stays migration 3's suspicious_clear. The branch manager's alone (42501 for anyone
-- else, which writes no row, as migration 11's refusals).

-- The open pairs of the caller's branch by id: kind ('phone' or 'account'), the two customers' numbers (the lower id
-- first), the shared value as masked when the pair was found, and when. One read: customer.list as local mode writes
-- it (object type 'suspicious', {list: 'suspicious_pairs', rows, status: 'open'}).
CREATE FUNCTION branchvault.suspicious_page(p_workstation text)
    RETURNS TABLE (id bigint, kind text, customer_no_a text, customer_no_b text, masked_value text,
                   found_at timestamptz)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
#variable_conflict use_column
DECLARE
    v_branch text := my_branch();
    n        integer;
BEGIN
    IF my_role() IS DISTINCT FROM 'manager' THEN
        RAISE EXCEPTION 'only an active branch manager reviews suspicious pairs' USING ERRCODE = '42501';
    END IF;
    RETURN QUERY
        SELECT p.id, p.kind, a.customer_no, b.customer_no, coalesce(p.masked_value, ''), p.found_at
        FROM suspicious_pairs p
        JOIN customers a ON a.id = p.customer_a
        JOIN customers b ON b.id = p.customer_b
        WHERE p.branch = v_branch AND p.status = 'open'
        ORDER BY p.id;
    GET DIAGNOSTICS n = ROW_COUNT;
    PERFORM audit_write(p_workstation, 'customer.list', 'suspicious', '', NULL, 'ok',
                        json_strip_nulls(json_build_object('list', 'suspicious_pairs', 'rows', n, 'status', 'open'))::text);
END
$$;
REVOKE ALL ON FUNCTION branchvault.suspicious_page(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION branchvault.suspicious_page(text) TO bv_manager;

UPDATE branchvault.meta SET value = '16' WHERE key = 'schema_version';
