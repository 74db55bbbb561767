-- BranchVault branch server (docs/SERVER.md), migration 32: a suspicious pair of an anonymised customer is closed.
--
-- Migration 29's anonymisation erased a pair's reason and masked value but left the pair open: it stayed in the
-- manager's list of pairs to review, and a manager could still clear it and write a new reason about a customer whose
-- information is gone. anonymise_due (replaced here) now also closes the customer's open pairs, as the system: status
-- 'cleared', no clearer, no reason, at the anonymisation's time. Its customer.anonymise row counts them:
-- {"accounts":n,"changes":n,"complaints":n,"history":n,"pairs_closed":n,"service_records":n}. As locally
-- (CustomerRetention::anonymise, local migration 10).
--
-- suspicious_clear (replaced) names the system as the one that cleared such a pair when a manager tries it.
-- The pairs that earlier releases left open are closed below, at the time their customer was anonymised; a reason a
-- manager wrote when clearing such a pair after the anonymisation is erased (the anonymisation erased every reason the
-- pair had, so one there now was written later).

CREATE OR REPLACE FUNCTION branchvault.anonymise_due(p_branch text, p_workstation text, p_limit integer) RETURNS integer
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
    v_pairs      integer;
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
        -- the pairs left open: nothing left to review (the shared value went with the sealed values), closed by the
        -- system so that no reason is written about the customer later
        UPDATE suspicious_pairs SET status = 'cleared', cleared_by = NULL, cleared_at = now()
            WHERE (customer_a = c.id OR customer_b = c.id) AND status = 'open';
        GET DIAGNOSTICS v_pairs = ROW_COUNT;
        -- a clerk's lookup card of the customer not yet fetched (the server's own outbox; locally there is none)
        DELETE FROM lookup_outbox WHERE customer_no = c.customer_no;
        v_ids := v_ids || c.id;
        v_numbers := v_numbers || c.customer_no;
        v_rows := v_rows || format('{"accounts":%s,"changes":%s,"complaints":%s,"history":%s,"pairs_closed":%s,'
                                   '"service_records":%s}',
                                   v_accounts, v_changes, v_complaints, v_history, v_pairs, v_services);
    END LOOP;
    FOR i IN 1 .. coalesce(array_length(v_ids, 1), 0) LOOP
        PERFORM audit_chain_append(NULL, 'system', 'system', p_workstation, 'customer.anonymise', 'customer',
                                   v_ids[i]::text, v_numbers[i], 'ok', v_rows[i]);
    END LOOP;
    RETURN coalesce(array_length(v_ids, 1), 0);
END
$$;

CREATE OR REPLACE FUNCTION branchvault.suspicious_clear(p_pair_id bigint, p_reason text, p_workstation text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    pair suspicious_pairs%ROWTYPE;
BEGIN
    IF my_role() IS DISTINCT FROM 'manager' THEN
        RAISE EXCEPTION 'only an active branch manager reviews suspicious pairs' USING ERRCODE = '42501';
    END IF;
    IF btrim(coalesce(p_reason, '')) = '' OR char_length(p_reason) > 500 THEN
        RAISE EXCEPTION 'field "reason": give the reason why the pair is in order (for example: husband and wife '
                        'share the phone), at most 500 characters' USING ERRCODE = '22023';
    END IF;
    SELECT * INTO pair FROM suspicious_pairs WHERE id = p_pair_id AND branch = my_branch() FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'There is no suspicious pair % in this branch. Reload the list.', coalesce(p_pair_id::text, '')
            USING ERRCODE = 'P0002';
    END IF;
    IF pair.status <> 'open' THEN
        RAISE EXCEPTION 'Suspicious pair % was already cleared by % at %. Reload the list.', pair.id,
            coalesce((SELECT st.login FROM staff st WHERE st.id = pair.cleared_by),
                     'the system, when one of its customers was anonymised'),
            to_char(pair.cleared_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS "UTC"') USING ERRCODE = 'BV409';
    END IF;
    UPDATE suspicious_pairs SET status = 'cleared', cleared_by = my_staff_id(), cleared_at = now(),
                                reason = btrim(p_reason)
        WHERE id = pair.id;
    PERFORM audit_write(p_workstation, 'customer.suspicious_clear', 'suspicious_pair', pair.id::text, NULL, 'ok',
                        '{}');
END
$$;

UPDATE branchvault.suspicious_pairs p SET reason = NULL
    WHERE p.reason IS NOT NULL AND EXISTS (SELECT 1 FROM branchvault.customers c
                                           WHERE c.id IN (p.customer_a, p.customer_b) AND c.status = 'anonymised');
UPDATE branchvault.suspicious_pairs p
    SET status = 'cleared', cleared_by = NULL, reason = NULL,
        cleared_at = (SELECT min(c.anonymised_at) FROM branchvault.customers c
                      WHERE c.id IN (p.customer_a, p.customer_b) AND c.status = 'anonymised')
    WHERE p.status = 'open' AND EXISTS (SELECT 1 FROM branchvault.customers c
                                        WHERE c.id IN (p.customer_a, p.customer_b) AND c.status = 'anonymised');

UPDATE branchvault.meta SET value = '32' WHERE key = 'schema_version';
