-- BranchVault branch server (docs/SERVER.md), migration 10: a new record's customer number is reserved before the
-- record is sent. A workstation seals each grade-1 value with XChaCha20-Poly1305 under associated data that names the
-- customer number; the sealed value keeps that associated data when an approval moves it from the change to the
-- customer, and the server cannot seal again. So the workstation must know the number before it seals: it reserves a
-- number (customer_number_reserve), seals with it, and submits with it (customer_submit, which now takes the number
-- and replaces migration 3's).

-- ---- 1. Reservations ----

-- One row per number handed out by customer_number_reserve: who reserved it and when, and when an entry used it.
-- A number is reserved by one staff member, used once, and only within a day; an unused one is a gap in the branch's
-- numbering, which the branch manager can explain from this table. The counter (customer_numbers) stays the only
-- source of numbers, so a reservation never collides with a record.
CREATE TABLE branchvault.customer_number_reservations (
    branch      text NOT NULL CHECK (branch <> ''),
    customer_no text NOT NULL,
    staff_id    bigint NOT NULL REFERENCES branchvault.staff (id),
    reserved_at timestamptz NOT NULL DEFAULT now(),
    used_at     timestamptz,
    PRIMARY KEY (branch, customer_no)
);
-- the open reservations of one staff member, counted at every reservation
CREATE INDEX customer_number_reservations_open ON branchvault.customer_number_reservations (staff_id, reserved_at)
    WHERE used_at IS NULL;

-- The branch manager reads the branch's reservations (a gap in the numbering is explained by them); nobody else
-- reads, nobody writes directly (the functions below run as the owner).
ALTER TABLE branchvault.customer_number_reservations ENABLE ROW LEVEL SECURITY;
CREATE POLICY manager_reads_branch_reservations ON branchvault.customer_number_reservations FOR SELECT TO bv_manager
    USING (branchvault.my_role() = 'manager' AND branch = branchvault.my_branch());
REVOKE ALL ON branchvault.customer_number_reservations FROM PUBLIC;
GRANT SELECT ON branchvault.customer_number_reservations TO bv_manager;

-- ---- 2. Reserving a number ----

-- The branch manager or a customer manager of a branch reserves the branch's next customer number (the local
-- format, B001-00000042) for an entry he or she is about to make; the branch manager entering for a customer manager
-- reserves it himself or herself (a reservation is its reserver's). No audit row: a number is not personal data, and
-- the customer.create row of the entry names it. At most 100 open reservations (unused, younger than 24 hours) per
-- staff member, so a modified client cannot use up the branch's numbers; the count is taken under the branch's entry
-- lock, so two reservations at once cannot both pass at 99.
CREATE FUNCTION branchvault.customer_number_reserve(p_workstation text) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    me_role text := my_role();
    me      bigint := my_staff_id();
    br      text := my_branch();
    new_no  text;
BEGIN
    IF me_role IS DISTINCT FROM 'manager' AND me_role IS DISTINCT FROM 'customer_manager' THEN
        RAISE EXCEPTION 'only an active branch manager or customer manager enters customers' USING ERRCODE = '42501';
    END IF;
    IF coalesce(br, '') = '' THEN
        RAISE EXCEPTION 'this staff account belongs to no branch: the administrator sets its branch first'
            USING ERRCODE = '42501';
    END IF;
    -- the branch's entry lock (as customer_submit takes it), before the count
    INSERT INTO customer_numbers (branch, next) VALUES (br, 0) ON CONFLICT (branch) DO NOTHING;
    PERFORM 1 FROM customer_numbers n WHERE n.branch = br FOR UPDATE;
    IF (SELECT count(*) FROM customer_number_reservations r
        WHERE r.staff_id = me AND r.used_at IS NULL AND r.reserved_at > now() - interval '24 hours') >= 100 THEN
        RAISE EXCEPTION 'this account already holds 100 customer numbers reserved in the last 24 hours and not used: '
                        'submit the records they were reserved for, or wait until the oldest reservation is a day old'
            USING ERRCODE = '54000';
    END IF;
    new_no := next_customer_no(br);
    INSERT INTO customer_number_reservations (branch, customer_no, staff_id) VALUES (br, new_no, me);
    RETURN new_no;
END
$$;

-- ---- 3. Entry with a reserved number ----

-- A new record as migration 3's customer_submit made it (the same arguments after the number, the same checks and
-- refusals, the same audit row customer.create {change, fields}), numbered p_customer_no instead of the counter's
-- next number: it must be a number the caller reserved in his or her branch, not used yet and younger than 24 hours
-- (22023 otherwise), and is marked used. The branch's entry lock is taken before the reservation is checked and
-- before the duplicate check (the lock order of migration 3), so two workstations entering the same person, or
-- sending the same number, at once are served one after the other.
DROP FUNCTION branchvault.customer_submit(jsonb, branchvault.sealed_input[], branchvault.account_input[], bigint,
                                          boolean, text);
CREATE FUNCTION branchvault.customer_submit(p_customer_no text, p_values jsonb, p_sealed branchvault.sealed_input[],
                                            p_accounts branchvault.account_input[], p_manager_id bigint,
                                            p_restricted boolean, p_workstation text)
    RETURNS TABLE (customer_no text, change_id bigint)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
#variable_conflict use_column
DECLARE
    me_role  text := my_role();
    me       bigint := my_staff_id();
    br       text := my_branch();
    manager  bigint;
    vals     jsonb;
    a        account_input;
    new_id   bigint;
    new_no   text := upper(btrim(coalesce(p_customer_no, '')));
    acc_id   bigint;
    diff     jsonb;
    ch       bigint;
BEGIN
    IF me_role IS DISTINCT FROM 'manager' AND me_role IS DISTINCT FROM 'customer_manager' THEN
        RAISE EXCEPTION 'only an active branch manager or customer manager enters customers' USING ERRCODE = '42501';
    END IF;
    IF coalesce(br, '') = '' THEN
        RAISE EXCEPTION 'this staff account belongs to no branch: the administrator sets its branch first'
            USING ERRCODE = '42501';
    END IF;
    vals := checked_entry(p_values, p_sealed);
    IF NOT EXISTS (SELECT 1 FROM unnest(p_sealed) x WHERE x.field = 'name')
       OR NOT EXISTS (SELECT 1 FROM unnest(p_sealed) x WHERE x.field = 'id_number') THEN
        RAISE EXCEPTION 'a new record needs the fields "name" and "id_number" (sealed, with their blind indexes)'
            USING ERRCODE = '22023';
    END IF;
    FOREACH a IN ARRAY coalesce(p_accounts, '{}') LOOP
        IF coalesce(a.type, '') = '' OR a.generation IS NULL OR a.generation < 1 OR a.sealed IS NULL
           OR coalesce(length(a.sealed), 0) < 1 OR position('*' IN coalesce(a.masked, '')) = 0
           OR a.blind IS NULL OR length(a.blind) < 16 THEN
            RAISE EXCEPTION 'field "account_number": an account needs its type and its number sealed, masked and '
                            'blind-indexed' USING ERRCODE = '22023';
        END IF;
    END LOOP;
    IF me_role = 'manager' THEN
        SELECT st.id INTO manager FROM staff st
            WHERE st.id = p_manager_id AND st.role = 'customer_manager' AND st.status = 'active' AND st.branch = br;
        IF manager IS NULL THEN
            RAISE EXCEPTION 'field "manager": choose the customer manager who will be responsible for this customer '
                            '(an active customer manager account of the branch)' USING ERRCODE = '22023';
        END IF;
    ELSE
        IF p_manager_id IS NOT NULL AND p_manager_id <> me THEN
            RAISE EXCEPTION 'field "manager": a customer manager enters customers for himself or herself; the '
                            'branch manager gives them to others' USING ERRCODE = '22023';
        END IF;
        manager := me;
    END IF;

    -- the branch's entry lock, before the reservation and the duplicate check (a branch without a counter row has
    -- reserved no number: the reservation check below refuses)
    PERFORM 1 FROM customer_numbers n WHERE n.branch = br FOR UPDATE;
    UPDATE customer_number_reservations r SET used_at = now()
        WHERE r.branch = br AND r.customer_no = new_no AND r.staff_id = me AND r.used_at IS NULL
          AND r.reserved_at > now() - interval '24 hours';
    IF NOT FOUND THEN
        RAISE EXCEPTION 'field "customer_no": not a customer number this account reserved in this branch in the last '
                        '24 hours and has not used yet. Reserve a number first (customer_number_reserve) and seal the '
                        'values with it; a number is used once' USING ERRCODE = '22023';
    END IF;
    PERFORM refuse_duplicate_id(br, (SELECT x.blind FROM unnest(p_sealed) x WHERE x.field = 'id_number'), NULL);
    INSERT INTO customers (customer_no, branch, status, manager_id, restricted, created_by)
        VALUES (new_no, br, 'pending', manager, coalesce(p_restricted, false), me)
        RETURNING id INTO new_id;
    PERFORM write_columns(new_id, vals);
    INSERT INTO sealed_value (owner_kind, owner_id, customer_id, field, generation, sealed, masked, blind_domain, blind)
        SELECT 'customer', new_id, new_id, x.field, x.generation, x.sealed, x.masked, x.blind_domain, x.blind
        FROM unnest(p_sealed) x;
    diff := '[]';
    FOREACH a IN ARRAY coalesce(p_accounts, '{}') LOOP
        INSERT INTO accounts (customer_id, type, opened_on, status)
            VALUES (new_id, a.type, a.opened_on, coalesce(nullif(a.status, ''), 'active'))
            RETURNING id INTO acc_id;
        INSERT INTO sealed_value (owner_kind, owner_id, customer_id, field, generation, sealed, masked, blind_domain,
                                  blind)
            VALUES ('account', acc_id, new_id, 'account_number', a.generation, a.sealed, a.masked, 'account', a.blind);
        diff := diff || jsonb_build_array(jsonb_build_object('field', 'account_number', 'old', '', 'new', a.masked));
    END LOOP;
    -- the diff in the field catalogue's order, the accounts last (as local mode lists them)
    SELECT coalesce(jsonb_agg(d ORDER BY o), '[]') || diff INTO diff FROM (
        SELECT jsonb_build_object('field', x.field, 'old', '', 'new', x.masked) AS d,
               array_position(ARRAY['name', 'id_type', 'id_number', 'birth_date', 'mobile', 'other_phone', 'email',
                                    'address'], x.field) AS o
        FROM unnest(p_sealed) x
        UNION ALL
        SELECT jsonb_build_object('field', e.key, 'old', '', 'new', e.value #>> '{}'),
               100 + array_position(entry_columns(), e.key)
        FROM jsonb_each(vals) e WHERE e.value <> 'null'::jsonb) t;
    INSERT INTO customer_changes (customer_id, branch, kind, status, maker_id, base_version, diff_json)
        VALUES (new_id, br, 'create', 'pending', me, 1, diff)
        RETURNING id INTO ch;
    PERFORM audit_write(p_workstation, 'customer.create', 'customer', new_id::text, new_no, 'ok',
                        json_build_object('change', ch, 'fields', diff_fields(diff))::text);
    RETURN QUERY SELECT new_no, ch;
END
$$;

REVOKE ALL ON FUNCTION branchvault.customer_number_reserve(text),
    branchvault.customer_submit(text, jsonb, branchvault.sealed_input[], branchvault.account_input[], bigint, boolean,
                                text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION branchvault.customer_number_reserve(text),
    branchvault.customer_submit(text, jsonb, branchvault.sealed_input[], branchvault.account_input[], bigint, boolean,
                                text) TO bv_manager, bv_customer_manager;

UPDATE branchvault.meta SET value = '10' WHERE key = 'schema_version';
