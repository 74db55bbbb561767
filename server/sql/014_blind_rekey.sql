-- BranchVault branch server (docs/SERVER.md), migration 14: the blind re-key at approval, as in local mode
-- (core/customers/lifecycle/CustomerRekey.cpp, setting approval.rekey_fields of migration 5).
--
-- The server holds no key, so it cannot tell whether the blind index a customer manager's workstation sent with an
-- ID number is that number's: a modified client could enter a record whose blind index is another number's (and so
-- pass the duplicate check and hide it from the clerk's lookup), and the approving branch manager sees masked forms
-- only. Local mode closes this at approval: the checker types the values of approval.rekey_fields from the
-- customer's document, and they are compared with the stored ones through the blind index. Here the workstation of
-- the checker normalises what was typed and computes its blind indexes with the branch's blind key, and the server
-- compares them with the blind indexes stored for the change; nothing is decrypted and no typed value reaches the
-- server.
--
--   change_page     - as migration 11's, with one more column rekey_fields: what the checker types to approve each
--                     change (local mode's rekeyFields: the diff's entries whose field the setting names and whose
--                     new value is not empty, one entry per value, so one per new account number)
--   change_decide   - now a procedure with the typed values' blind indexes (rekey_input[]); approving refuses a
--                     missing value (22023) and a value that does not match (22023, after committing a
--                     customer.rekey_mismatch row that names the fields, never a value); rejecting needs none
--
-- migration 3's function change_decide(bigint, boolean, text, text) is dropped, so that no client approves without
-- the re-key. The refusal row of a mismatch must survive the refusal: as migration 4's request_decide, the procedure
-- CALLs the owner's function change_decide_attempt, which either decides or writes the row and returns the refusal;
-- the procedure then commits and raises. The procedure must therefore be CALLed outside a transaction block (inside
-- one a mismatch fails with 2D000 and leaves no row). What this cannot close, as in migration 4: the procedure runs
-- as its caller, who therefore may execute change_decide_attempt; a client that calls it inside a transaction it
-- rolls back loses the mismatch row (never the check: nothing is approved without the matching values).
--
-- What stays unchecked: the fields the setting does not name (with the default, the mobile and the account numbers;
-- the name, the e-mail, the address always), whose blind indexes the server still takes on trust.

-- ---- 1. The fields to type ----

-- The branch's approval.rekey_fields as a list in the one order (SettingsService::rekeyFields): some of id_number,
-- mobile, account_number; empty when the setting is empty; a stored value that names anything else (settings_set
-- refuses it, so only a damaged row) falls back to all three, the strictest list, as local mode does.
CREATE FUNCTION branchvault.rekey_configured() RETURNS text[]
    LANGUAGE plpgsql STABLE
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    rekeyable text[] := ARRAY['id_number', 'mobile', 'account_number'];
    typed     text[] := '{}';
    part      text;
BEGIN
    FOREACH part IN ARRAY string_to_array(coalesce(setting('approval.rekey_fields'), ''), ',') LOOP
        part := trimmed(part);
        CONTINUE WHEN part = '';
        IF NOT part = ANY (rekeyable) THEN
            RETURN rekeyable;
        END IF;
        typed := typed || part;
    END LOOP;
    RETURN ARRAY(SELECT f FROM unnest(rekeyable) WITH ORDINALITY AS r (f, o) WHERE f = ANY (typed) ORDER BY o);
END
$$;

-- CustomerEntry::rekeyFieldsFor: the diff's fields (in its order) that the setting names and that get a value, one
-- entry per value (each new account number is an entry of its own; a cleared or removed one needs none).
CREATE FUNCTION branchvault.rekey_fields_of(p_diff jsonb, p_configured text[]) RETURNS text[]
    LANGUAGE sql IMMUTABLE
    SET search_path = pg_catalog
    AS $$ SELECT coalesce(array_agg(d ->> 'field' ORDER BY o), '{}')
          FROM jsonb_array_elements(coalesce(p_diff, '[]')) WITH ORDINALITY AS e (d, o)
          WHERE d ->> 'field' = ANY (p_configured) AND coalesce(d ->> 'new', '') <> '' $$;

REVOKE ALL ON FUNCTION branchvault.rekey_configured(), branchvault.rekey_fields_of(jsonb, text[]) FROM PUBLIC;

-- ---- 2. The pending changes, with what the checker types ----

-- Migration 11's change_page (the same rule, paging and audit row customer.list 'changes'), with rekey_fields. The
-- arguments stay; the result gains a column, so the function is made again.
DROP FUNCTION branchvault.change_page(bigint, integer, text);
CREATE FUNCTION branchvault.change_page(p_after bigint, p_limit integer, p_workstation text)
    RETURNS TABLE (id bigint, customer_no text, kind text, maker_login text, created_at timestamptz, diff_json jsonb,
                   rekey_fields text[])
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
#variable_conflict use_column
DECLARE
    v_role     text := my_role();
    v_me       bigint := my_staff_id();
    v_branch   text := my_branch();
    configured text[];
    n          integer;
BEGIN
    PERFORM refuse_unless_customer_reader();
    configured := rekey_configured();
    RETURN QUERY
        SELECT ch.id, c.customer_no, ch.kind, s.login, ch.created_at, ch.diff_json,
               rekey_fields_of(ch.diff_json, configured)
        FROM customer_changes ch
        JOIN customers c ON c.id = ch.customer_id
        JOIN staff s ON s.id = ch.maker_id
        WHERE ch.branch = v_branch AND ch.status = 'pending' AND reads_customer_as(c, v_role, v_me, v_branch)
          AND (p_after IS NULL OR ch.id > p_after)
        ORDER BY ch.id
        LIMIT greatest(1, least(coalesce(p_limit, 1000), 1000));
    GET DIAGNOSTICS n = ROW_COUNT;
    IF p_after IS NULL THEN
        PERFORM audit_write(p_workstation, 'customer.list', 'changes', '', NULL, 'ok',
                            json_strip_nulls(json_build_object(
                                'list', 'pending_changes', 'rows', n,
                                'scope', CASE WHEN v_role = 'manager' THEN 'branch' ELSE 'own' END))::text);
    END IF;
END
$$;
REVOKE ALL ON FUNCTION branchvault.change_page(bigint, integer, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION branchvault.change_page(bigint, integer, text) TO bv_manager, bv_customer_manager;

-- ---- 3. The comparison ----

-- One value the checker typed: its field (id_number, mobile, account_number) and the blind index the checker's
-- workstation computed over the normalised value (16 bytes, FieldCipher::blindIndex with the field's domain).
CREATE TYPE branchvault.rekey_input AS (
    field text,
    blind bytea
);

-- CustomerEntry::checkRekey for change `ch` of customer `c`: NULL when the typed values match, else the refusal's
-- kind and fields: ('missing', fields) when a field has fewer typed values than stored ones, ('mismatch', fields)
-- when a field's typed values are not exactly its stored ones (as many, each matching a stored one of its own:
-- account numbers in any order; one too many is a mismatch). A mismatch wins over a missing value, as in local mode.
-- What is stored for the change, read here (never what a workstation shows): for a new record the customer's values
-- of the configured fields and the numbers of all its accounts; for an edit the staged values the edit brings
-- (owner_kind 'change') and the staged new account numbers. A value without a blind index needs no typing. Typed
-- values of other fields are ignored. The inputs' shape (a field, a 16-byte index) is checked by the caller.
-- The blind indexes stored for change `ch` of customer `c` that the configured fields cover, one row per value.
CREATE FUNCTION branchvault.rekey_targets(c branchvault.customers, ch branchvault.customer_changes,
                                          p_configured text[])
    RETURNS TABLE (field text, blind bytea)
    LANGUAGE sql STABLE
    SET search_path = branchvault, pg_temp
    AS $$
    SELECT v.field, v.blind FROM sealed_value v
    WHERE ch.kind = 'create' AND v.owner_kind = 'customer' AND v.owner_id = c.id AND v.field <> 'account_number'
      AND v.field = ANY (p_configured) AND v.blind IS NOT NULL
    UNION ALL
    SELECT 'account_number', v.blind FROM accounts a
    JOIN sealed_value v ON v.owner_kind = 'account' AND v.owner_id = a.id AND v.field = 'account_number'
    WHERE ch.kind = 'create' AND a.customer_id = c.id AND 'account_number' = ANY (p_configured)
      AND v.blind IS NOT NULL
    UNION ALL
    SELECT v.field, v.blind FROM sealed_value v
    WHERE ch.kind <> 'create' AND v.owner_kind = 'change' AND v.owner_id = ch.id AND v.field <> 'account_number'
      AND v.field = ANY (p_configured) AND v.blind IS NOT NULL
      AND v.field IN (SELECT jsonb_array_elements_text(coalesce(ch.values_json -> 'sealed', '[]')))
    UNION ALL
    SELECT 'account_number', v.blind FROM sealed_value v
    WHERE ch.kind <> 'create' AND v.owner_kind = 'change' AND v.owner_id = ch.id
      AND 'account_number' = ANY (p_configured) AND v.blind IS NOT NULL
      AND v.field IN (SELECT a ->> 'number' FROM jsonb_array_elements(coalesce(ch.values_json -> 'accounts', '[]')) a
                      WHERE a ->> 'number' IS NOT NULL)
$$;

-- CustomerEntry::checkRekey for change `ch` of customer `c`: NULL when the typed values match, else the refusal's
-- kind and fields: ('missing', fields) when a field has fewer typed values than stored ones, ('mismatch', fields)
-- when a field's typed values are not exactly its stored ones (as many, each matching a stored one of its own:
-- account numbers in any order; one too many is a mismatch). A mismatch wins over a missing value, as in local mode.
-- What is stored for the change, read here (never what a workstation shows): for a new record the customer's values
-- of the configured fields and the numbers of all its accounts; for an edit the staged values the edit brings
-- (owner_kind 'change') and the staged new account numbers (rekey_targets). A value without a blind index needs no
-- typing. Typed values of other fields are ignored. The inputs' shape (a field, a 16-byte index) is checked by the
-- caller.
CREATE FUNCTION branchvault.rekey_problem(c branchvault.customers, ch branchvault.customer_changes,
                                          p_rekeyed branchvault.rekey_input[], OUT kind text, OUT fields text[])
    LANGUAGE plpgsql STABLE
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    configured text[] := rekey_configured();
    missing    text[] := '{}';
    mismatched text[] := '{}';
    f          text;
    stored     bytea[];
    typed      bytea[];
BEGIN
    FOREACH f IN ARRAY configured LOOP
        SELECT coalesce(array_agg(t.blind ORDER BY t.blind), '{}') INTO stored
            FROM rekey_targets(c, ch, configured) t WHERE t.field = f;
        CONTINUE WHEN cardinality(stored) = 0;
        SELECT coalesce(array_agg(r.blind ORDER BY r.blind), '{}') INTO typed
            FROM unnest(coalesce(p_rekeyed, '{}')) r WHERE r.field = f;
        IF cardinality(typed) < cardinality(stored) THEN
            missing := missing || f;
        ELSIF typed <> stored THEN
            mismatched := mismatched || f;
        END IF;
    END LOOP;
    IF cardinality(mismatched) > 0 THEN
        kind := 'mismatch';
        fields := mismatched;
    ELSIF cardinality(missing) > 0 THEN
        kind := 'missing';
        fields := missing;
    END IF;
END
$$;

-- 'field "id_number"' or 'fields "id_number", "mobile"': the start of the refusals below, which the workstation
-- reads to mark the fields.
CREATE FUNCTION branchvault.rekey_named(p_fields text[]) RETURNS text
    LANGUAGE sql IMMUTABLE
    SET search_path = pg_catalog
    AS $$ SELECT CASE WHEN cardinality(p_fields) = 1 THEN 'field ' ELSE 'fields ' END
                 || (SELECT string_agg('"' || f || '"', ', ' ORDER BY o) FROM unnest(p_fields) WITH ORDINALITY AS x (f, o)) $$;

REVOKE ALL ON FUNCTION branchvault.rekey_targets(branchvault.customers, branchvault.customer_changes, text[]),
    branchvault.rekey_problem(branchvault.customers, branchvault.customer_changes, branchvault.rekey_input[]),
    branchvault.rekey_named(text[]) FROM PUBLIC;

-- ---- 4. The decision ----

-- Migration 3's change_decide (every check, lock, effect and audit row the same), and when approving the re-key:
-- after the state and maker checks and before anything is written, the typed values' blind indexes (p_rekeyed) are
-- compared with the stored ones (rekey_problem). A missing value raises 22023 'field "…": … type from the customer's
-- document …'; a mismatch writes customer.rekey_mismatch (outcome failed, object the customer, details {change,
-- fields}: field names only, as local mode) and returns the refusal 'field "…": … does not match …' in `refusal`
-- without raising, so that the row stays (the caller, the procedure change_decide, commits it and raises 22023).
-- Otherwise `new_status` is the change's new status. An element of p_rekeyed without a field or with a blind index that
-- is not 16 bytes is refused (22023) whatever the decision. Rejecting ignores the typed values.
CREATE FUNCTION branchvault.change_decide_attempt(p_change_id bigint, p_approve boolean, p_reason text,
                                                  p_rekeyed branchvault.rekey_input[], p_workstation text,
                                                  OUT new_status text, OUT refusal text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    me     bigint := my_staff_id();
    br     text := my_branch();
    cid    bigint;
    c      customers%ROWTYPE;
    ch     customer_changes%ROWTYPE;
    hid    bigint;
    fields text[];
    who    text;
    item   jsonb;
    acc_id bigint;
    numkey text;
    new_numbers boolean := false;
    typed  rekey_input;
    problem record;
BEGIN
    IF my_role() IS DISTINCT FROM 'manager' THEN
        RAISE EXCEPTION 'only an active branch manager approves or rejects changes' USING ERRCODE = '42501';
    END IF;
    IF p_approve IS NULL THEN
        RAISE EXCEPTION 'field "approve": say whether the change is approved or rejected' USING ERRCODE = '22023';
    END IF;
    IF btrim(coalesce(p_reason, '')) = '' THEN
        IF p_approve THEN
            RAISE EXCEPTION 'field "reason": give a reason for the approval (for example what you checked against '
                            'the documents), so the decision can be traced' USING ERRCODE = '22023';
        END IF;
        RAISE EXCEPTION 'field "reason": give the reason for the rejection, so the maker can correct it'
            USING ERRCODE = '22023';
    END IF;
    IF char_length(p_reason) > 500 THEN
        RAISE EXCEPTION 'field "reason": at most 500 characters' USING ERRCODE = '22023';
    END IF;
    FOREACH typed IN ARRAY coalesce(p_rekeyed, '{}') LOOP
        IF coalesce(typed.field, '') = '' THEN
            RAISE EXCEPTION 'field "rekeyed": every typed value names its field (id_number, mobile, account_number)'
                USING ERRCODE = '22023';
        END IF;
        IF typed.blind IS NULL OR octet_length(typed.blind) <> 16 THEN
            RAISE EXCEPTION 'field "%": a typed value is sent as its blind index, 16 bytes as the workstation '
                            'computes it — update the workstation', left(typed.field, 40) USING ERRCODE = '22023';
        END IF;
    END LOOP;
    SELECT x.customer_id INTO cid FROM customer_changes x WHERE x.id = p_change_id AND x.branch = br;
    IF cid IS NULL THEN
        RAISE EXCEPTION 'There is no change % in this branch. Reload the list.', coalesce(p_change_id::text, '')
            USING ERRCODE = 'P0002';
    END IF;
    SELECT * INTO c FROM customers x WHERE x.id = cid FOR UPDATE;
    SELECT * INTO ch FROM customer_changes x WHERE x.id = p_change_id FOR UPDATE;
    IF ch.status <> 'pending' THEN
        SELECT st.login INTO who FROM staff st WHERE st.id = ch.checker_id;
        RAISE EXCEPTION 'Change % was already % by % at %. Reload the list.', ch.id, ch.status, coalesce(who, '?'),
            to_char(ch.decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS "UTC"') USING ERRCODE = 'BV409';
    END IF;
    IF ch.maker_id = me THEN
        IF p_approve THEN
            RAISE EXCEPTION 'You made this change, so you cannot approve it: another branch manager must check it.'
                USING ERRCODE = '42501';
        END IF;
        RAISE EXCEPTION 'You made this change, so another branch manager must decide on it.' USING ERRCODE = '42501';
    END IF;

    IF p_approve THEN
        SELECT * INTO problem FROM rekey_problem(c, ch, p_rekeyed);
        IF problem.kind = 'mismatch' THEN
            PERFORM audit_write(p_workstation, 'customer.rekey_mismatch', 'customer', c.id::text, c.customer_no,
                                'failed', json_strip_nulls(json_build_object('change', ch.id, 'fields', problem.fields))::text);
            refusal := rekey_named(problem.fields)
                       || ': what was typed from the customer''s document does not match the record. Check the '
                          'document and type it again; if it still differs, reject the change so that its maker '
                          'corrects it.';
            RETURN;
        END IF;
        IF problem.kind = 'missing' THEN
            RAISE EXCEPTION '%: to approve change %, type from the customer''s document %. The values are compared '
                            'with the record without showing it.', rekey_named(problem.fields), ch.id,
                array_to_string(problem.fields, ', ') USING ERRCODE = '22023';
        END IF;
    END IF;

    IF p_approve AND ch.kind = 'create' THEN
        IF c.status <> 'pending' THEN
            RAISE EXCEPTION 'Customer % is % now, not pending. Reject the change; reload the record.',
                c.customer_no, c.status USING ERRCODE = 'BV409';
        END IF;
        UPDATE customers SET status = 'active', approved_by = me, approved_at = now(), updated_at = now()
            WHERE id = c.id;
        INSERT INTO customer_history (customer_id, change_id, kind, actor_id, diff_json)
            VALUES (c.id, ch.id, 'create', ch.maker_id, ch.diff_json);
        PERFORM mark_suspicious(c.id, br, NULL, true);
    ELSIF p_approve THEN
        IF c.version <> ch.base_version OR c.status <> 'active' THEN
            RAISE EXCEPTION 'Customer % changed after this edit was made: the edit was made on version %, the record '
                            'is at version % (%) now. Reject the edit; the maker can edit again from the current '
                            'record.', c.customer_no, ch.base_version, c.version, c.status USING ERRCODE = 'BV409';
        END IF;
        INSERT INTO customer_history (customer_id, change_id, kind, actor_id, diff_json)
            VALUES (c.id, ch.id, 'edit', ch.maker_id, ch.diff_json)
            RETURNING id INTO hid;
        SELECT coalesce(array_agg(f), '{}') INTO fields FROM jsonb_array_elements_text(ch.values_json -> 'sealed') f;
        UPDATE sealed_value SET owner_kind = 'history', owner_id = hid
            WHERE owner_kind = 'customer' AND owner_id = c.id AND field = ANY (fields);
        UPDATE sealed_value SET owner_kind = 'customer', owner_id = c.id
            WHERE owner_kind = 'change' AND owner_id = ch.id AND field = ANY (fields);
        PERFORM write_columns(c.id, coalesce(ch.values_json -> 'values', '{}'));
        -- the accounts: a replaced or removed number goes to the history, still sealed, as "account_number:<id>"
        FOR item IN SELECT value FROM jsonb_array_elements(coalesce(ch.values_json -> 'accounts', '[]')) LOOP
            acc_id := (item ->> 'id')::bigint;
            numkey := item ->> 'number';
            IF acc_id IS NOT NULL THEN
                IF NOT EXISTS (SELECT 1 FROM accounts x WHERE x.id = acc_id AND x.customer_id = c.id) THEN
                    RAISE EXCEPTION 'An account in this change no longer belongs to customer %. Reject the change.',
                        c.customer_no USING ERRCODE = 'BV409';
                END IF;
                IF (item ->> 'remove')::boolean OR numkey IS NOT NULL THEN
                    UPDATE sealed_value SET owner_kind = 'history', owner_id = hid, field = 'account_number:' || acc_id
                        WHERE owner_kind = 'account' AND owner_id = acc_id AND field = 'account_number';
                END IF;
                IF (item ->> 'remove')::boolean THEN
                    DELETE FROM accounts WHERE id = acc_id;
                    CONTINUE;
                END IF;
                UPDATE accounts SET type = item ->> 'type', opened_on = (item ->> 'opened_on')::date,
                                    status = item ->> 'status'
                    WHERE id = acc_id;
            ELSE
                INSERT INTO accounts (customer_id, type, opened_on, status)
                    VALUES (c.id, item ->> 'type', (item ->> 'opened_on')::date, item ->> 'status')
                    RETURNING id INTO acc_id;
            END IF;
            IF numkey IS NOT NULL THEN
                UPDATE sealed_value SET owner_kind = 'account', owner_id = acc_id, field = 'account_number'
                    WHERE owner_kind = 'change' AND owner_id = ch.id AND field = numkey;
                new_numbers := true;
            END IF;
        END LOOP;
        UPDATE customers SET restricted = coalesce((ch.values_json ->> 'restricted')::boolean, restricted),
                             version = version + 1, updated_at = now(), approved_by = me, approved_at = now()
            WHERE id = c.id;
        PERFORM mark_suspicious(c.id, br, fields, new_numbers);
    ELSIF ch.kind = 'create' THEN
        -- a rejected new record keeps only its number and status: its personal data is erased
        DELETE FROM sealed_value WHERE customer_id = c.id;
        DELETE FROM accounts WHERE customer_id = c.id;
        PERFORM write_columns(c.id, (SELECT jsonb_object_agg(f, NULL) FROM unnest(entry_columns()) f));
        UPDATE customers SET status = 'rejected', updated_at = now() WHERE id = c.id;
    ELSE
        DELETE FROM sealed_value WHERE owner_kind = 'change' AND owner_id = ch.id;
    END IF;
    UPDATE customer_changes
        SET status = CASE WHEN p_approve THEN 'approved' ELSE 'rejected' END, checker_id = me, decided_at = now(),
            reason = btrim(p_reason)
        WHERE id = ch.id;
    PERFORM audit_write(p_workstation, CASE WHEN p_approve THEN 'customer.approve' ELSE 'customer.reject' END,
                        'customer', c.id::text, c.customer_no, 'ok',
                        json_build_object('change', ch.id, 'kind', ch.kind)::text);
    new_status := CASE WHEN p_approve THEN 'approved' ELSE 'rejected' END;
END
$$;

-- The entry point: runs change_decide_attempt and, on a mismatch, commits its customer.rekey_mismatch row before it
-- raises 22023 with the refusal. SECURITY INVOKER and without SET clauses, so that it may commit (migration 4); CALL
-- it outside a transaction block. `status` is the change's new status (approved / rejected).
CREATE PROCEDURE branchvault.change_decide(p_change_id bigint, p_approve boolean, p_reason text,
                                           p_rekeyed branchvault.rekey_input[], p_workstation text,
                                           OUT status text)
    LANGUAGE plpgsql
    AS $$
DECLARE
    result record;
BEGIN
    SELECT * INTO result
        FROM branchvault.change_decide_attempt(p_change_id, p_approve, p_reason, p_rekeyed, p_workstation);
    IF result.refusal IS NOT NULL THEN
        COMMIT;
        RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = result.refusal;
    END IF;
    status := result.new_status;
END
$$;

-- The old entry point decided without the re-key: gone, so that no client approves around it.
DROP FUNCTION branchvault.change_decide(bigint, boolean, text, text);

REVOKE ALL ON FUNCTION branchvault.change_decide_attempt(bigint, boolean, text, branchvault.rekey_input[], text)
    FROM PUBLIC;
REVOKE ALL ON PROCEDURE branchvault.change_decide(bigint, boolean, text, branchvault.rekey_input[], text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION branchvault.change_decide_attempt(bigint, boolean, text, branchvault.rekey_input[], text)
    TO bv_manager;
GRANT EXECUTE ON PROCEDURE branchvault.change_decide(bigint, boolean, text, branchvault.rekey_input[], text)
    TO bv_manager;

-- ---- 5. The mismatch row is the server's ----

-- Migration 8's list of the actions only the server writes, with customer.rekey_mismatch: a workstation that could
-- append one could name another manager's change as mistyped.
CREATE OR REPLACE FUNCTION branchvault.audit_server_action(p_action text) RETURNS boolean
    LANGUAGE sql IMMUTABLE
    SET search_path = pg_catalog
    AS $$ SELECT a LIKE 'audit.%' OR a LIKE 'grant.%' OR a LIKE 'user.%' OR a LIKE 'settings.%'
                 OR (a LIKE 'request.%' AND a <> 'request.list')
                 OR a IN ('customer.create', 'customer.edit', 'customer.approve', 'customer.reject',
                          'customer.assign', 'customer.suspicious_clear', 'customer.reveal', 'customer.lookup',
                          'customer.rekey_mismatch', 'auth.password_change', 'db.create')
          FROM (SELECT lower(btrim(coalesce(p_action, ''))) AS a) AS s $$;

UPDATE branchvault.meta SET value = '14' WHERE key = 'schema_version';
