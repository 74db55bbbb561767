-- BranchVault branch server (docs/SERVER.md), migration 3: grade-1 ciphertexts closed to staff, and record entry
-- with maker-checker (DESIGN §6) mirroring local mode (core/customers/lifecycle/CustomerEntry.cpp,
-- CustomerApproval.cpp, CustomerOwnership.cpp): a customer manager (or the branch manager) submits a new record or
-- an edit as a pending change, a branch manager who is not the maker approves or rejects it, and the branch manager
-- gives customers to customer managers. Every function runs as the owner, asks who calls from session_user, locks
-- what it decides on and writes its audit row in the same transaction, with the local action names and detail keys.

-- ---- 1. Staff read masked forms only ----
-- Migration 2 let the branch manager and customer managers SELECT every column of sealed_value. A workstation that
-- unwraps the field keys could then read a customer's sealed values with psql and open them without a reveal and
-- without an audit row, and anyone holding the blind key could brute-force the blind indexes (an ID number or a
-- phone number has few enough candidates). Staff now read the masked form and the bookkeeping columns only; a full
-- value comes only through the reveal function (SECURITY DEFINER, audited), and the lookups compare blind indexes
-- inside the server's own functions.
REVOKE SELECT ON branchvault.sealed_value FROM bv_manager, bv_customer_manager;
GRANT SELECT (owner_kind, owner_id, customer_id, field, generation, masked) ON branchvault.sealed_value
    TO bv_manager, bv_customer_manager;

-- ---- 2. The tables of entry and maker-checker ----

-- The grade 2 and 3 columns of a customer that local mode has (core/db/Schema.cpp, customers), and who created and
-- approved the record.
ALTER TABLE branchvault.customers
    ADD COLUMN occupation       text,
    ADD COLUMN employer         text,
    ADD COLUMN income_band      text,
    ADD COLUMN marital_status   text,
    ADD COLUMN family           text,
    ADD COLUMN risk_rating      text,
    ADD COLUMN aum_cny          bigint,
    ADD COLUMN product_holdings text,
    ADD COLUMN created_by       bigint REFERENCES branchvault.staff (id),
    ADD COLUMN approved_by      bigint REFERENCES branchvault.staff (id),
    ADD COLUMN approved_at      timestamptz;

-- A staff member's display name, for the duplicate refusal's masked "customer manager" (as local mode names the
-- account's display name masked). Empty until the accounts migration fills it; the mask then shows "***".
ALTER TABLE branchvault.staff ADD COLUMN IF NOT EXISTS display_name text NOT NULL DEFAULT '';

-- Staged and old grade-1 values live in sealed_value too, as in local mode: an edit's new values under
-- owner_kind 'change' (owner_id = the change), the values an approved edit replaced under 'history' (owner_id = the
-- history row). customer_id still names their customer, so the read policy follows it.
ALTER TABLE branchvault.sealed_value DROP CONSTRAINT sealed_value_owner_kind_check;
ALTER TABLE branchvault.sealed_value
    ADD CONSTRAINT sealed_value_owner_kind_check CHECK (owner_kind IN ('customer', 'account', 'change', 'history'));

-- Per-branch counter for customer numbers (local: customer_numbers). Its row is also the branch's entry lock: a
-- submission or an edit that brings an ID number locks it before the duplicate check, so two workstations entering
-- the same person at once cannot both pass the check.
CREATE TABLE branchvault.customer_numbers (
    branch text PRIMARY KEY CHECK (branch <> ''),
    next   bigint NOT NULL
);

-- Bank accounts and cards of a customer; the number is sealed (owner_kind 'account').
CREATE TABLE branchvault.accounts (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES branchvault.customers (id),
    type        text NOT NULL,
    opened_on   date,
    status      text NOT NULL DEFAULT 'active',
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX accounts_customer ON branchvault.accounts (customer_id);

-- Maker-checker (local: customer_changes). values_json holds an edit's staged grade 2/3 values, the staged
-- grade-1 field names and a restricted flag; diff_json the changed fields with masked old and new values.
CREATE TABLE branchvault.customer_changes (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id  bigint NOT NULL REFERENCES branchvault.customers (id),
    branch       text NOT NULL CHECK (branch <> ''),
    kind         text NOT NULL CHECK (kind IN ('create', 'edit')),
    status       text NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
    maker_id     bigint NOT NULL REFERENCES branchvault.staff (id),
    created_at   timestamptz NOT NULL DEFAULT now(),
    base_version integer NOT NULL,
    values_json  jsonb NOT NULL DEFAULT '{}',
    diff_json    jsonb NOT NULL DEFAULT '[]',
    checker_id   bigint REFERENCES branchvault.staff (id),
    decided_at   timestamptz,
    reason       text,
    CHECK (checker_id IS NULL OR checker_id <> maker_id)
);
CREATE INDEX customer_changes_pending ON branchvault.customer_changes (branch, id) WHERE status = 'pending';
CREATE INDEX customer_changes_customer ON branchvault.customer_changes (customer_id, status);
-- at most one change waits per customer (local checks it in the entry's transaction; here the index enforces it too)
CREATE UNIQUE INDEX customer_changes_one_pending ON branchvault.customer_changes (customer_id)
    WHERE status = 'pending';

-- History of approved changes (local: customer_history): field names and masked values.
CREATE TABLE branchvault.customer_history (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES branchvault.customers (id),
    change_id   bigint REFERENCES branchvault.customer_changes (id),
    at          timestamptz NOT NULL DEFAULT now(),
    kind        text NOT NULL,
    actor_id    bigint REFERENCES branchvault.staff (id),
    diff_json   jsonb NOT NULL
);
CREATE INDEX customer_history_customer ON branchvault.customer_history (customer_id, at);

-- The same mobile or account number on two customers of the branch (local: suspicious_pairs).
CREATE TABLE branchvault.suspicious_pairs (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    branch       text NOT NULL CHECK (branch <> ''),
    kind         text NOT NULL CHECK (kind IN ('phone', 'account')),
    customer_a   bigint NOT NULL REFERENCES branchvault.customers (id),
    customer_b   bigint NOT NULL REFERENCES branchvault.customers (id),
    found_at     timestamptz NOT NULL DEFAULT now(),
    status       text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'cleared')),
    cleared_by   bigint REFERENCES branchvault.staff (id),
    cleared_at   timestamptz,
    reason       text,
    masked_value text,
    CHECK (customer_a < customer_b),
    UNIQUE (kind, customer_a, customer_b)
);

-- Who held the customer when (local: customer_assignments).
CREATE TABLE branchvault.customer_assignments (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES branchvault.customers (id),
    kind        text NOT NULL CHECK (kind IN ('assign', 'transfer', 'custody', 'return', 'reclaim')),
    from_id     bigint REFERENCES branchvault.staff (id),
    to_id       bigint REFERENCES branchvault.staff (id),
    until       timestamptz,
    at          timestamptz NOT NULL DEFAULT now(),
    by_id       bigint NOT NULL REFERENCES branchvault.staff (id),
    reason      text
);
CREATE INDEX customer_assignments_customer ON branchvault.customer_assignments (customer_id, at);

-- ---- Reads: row-level security, as for customers ----
ALTER TABLE branchvault.customer_numbers ENABLE ROW LEVEL SECURITY;
ALTER TABLE branchvault.accounts ENABLE ROW LEVEL SECURITY;
ALTER TABLE branchvault.customer_changes ENABLE ROW LEVEL SECURITY;
ALTER TABLE branchvault.customer_history ENABLE ROW LEVEL SECURITY;
ALTER TABLE branchvault.suspicious_pairs ENABLE ROW LEVEL SECURITY;
ALTER TABLE branchvault.customer_assignments ENABLE ROW LEVEL SECURITY;

-- The review inbox: the branch manager reads the branch's changes; a customer manager the pending changes of the
-- customers he or she is responsible for now (the subquery is filtered by the customers policies).
CREATE POLICY manager_reads_branch_changes ON branchvault.customer_changes FOR SELECT TO bv_manager
    USING (branchvault.my_role() = 'manager' AND branch = branchvault.my_branch());
CREATE POLICY customer_manager_reads_own_pending ON branchvault.customer_changes FOR SELECT TO bv_customer_manager
    USING (branchvault.my_role() = 'customer_manager' AND branch = branchvault.my_branch() AND status = 'pending'
           AND EXISTS (SELECT 1 FROM branchvault.customers c WHERE c.id = customer_id));
-- Accounts, history and assignments follow their customer.
CREATE POLICY accounts_follow_their_customer ON branchvault.accounts FOR SELECT TO bv_manager, bv_customer_manager
    USING (EXISTS (SELECT 1 FROM branchvault.customers c WHERE c.id = customer_id));
CREATE POLICY history_follows_its_customer ON branchvault.customer_history FOR SELECT
    TO bv_manager, bv_customer_manager
    USING (EXISTS (SELECT 1 FROM branchvault.customers c WHERE c.id = customer_id));
CREATE POLICY assignments_follow_their_customer ON branchvault.customer_assignments FOR SELECT
    TO bv_manager, bv_customer_manager
    USING (EXISTS (SELECT 1 FROM branchvault.customers c WHERE c.id = customer_id));
-- Suspicious pairs: the branch manager (ReviewSuspicious is the manager's alone).
CREATE POLICY manager_reads_branch_pairs ON branchvault.suspicious_pairs FOR SELECT TO bv_manager
    USING (branchvault.my_role() = 'manager' AND branch = branchvault.my_branch());

REVOKE ALL ON branchvault.customer_numbers, branchvault.accounts, branchvault.customer_changes,
    branchvault.customer_history, branchvault.suspicious_pairs, branchvault.customer_assignments FROM PUBLIC;
GRANT SELECT ON branchvault.accounts, branchvault.customer_changes, branchvault.customer_history,
    branchvault.customer_assignments TO bv_manager, bv_customer_manager;
GRANT SELECT ON branchvault.suspicious_pairs TO bv_manager;

-- ---- 3. What a workstation sends ----

-- One grade-1 value as the workstation sealed it: the field, the field-key generation, the ciphertext, its masked
-- form, and its blind index with the index's domain (NULL for the fields without one).
CREATE TYPE branchvault.sealed_input AS (
    field        text,
    generation   integer,
    sealed       bytea,
    masked       text,
    blind_domain text,
    blind        bytea
);
-- One new account of a new record: grade 3 parts and the sealed number (blind domain 'account').
CREATE TYPE branchvault.account_input AS (
    type       text,
    opened_on  date,
    status     text,
    generation integer,
    sealed     bytea,
    masked     text,
    blind      bytea
);

-- One account in an edit: an existing one (id) changed or removed, or a new one (id NULL); type, opening date and
-- status (NULL keeps an existing account's), and the number — for a new account, or when it changes — sealed,
-- masked and blind-indexed (domain 'account').
CREATE TYPE branchvault.account_change AS (
    id         bigint,
    type       text,
    opened_on  date,
    status     text,
    remove     boolean,
    generation integer,
    sealed     bytea,
    masked     text,
    blind      bytea
);

-- The customer's grade-1 fields and the blind-index domain each one has (core/policy/FieldCatalogue.cpp).
CREATE FUNCTION branchvault.grade_one_domain(p_field text) RETURNS text
    LANGUAGE sql IMMUTABLE
    SET search_path = pg_catalog
    AS $$ SELECT CASE p_field WHEN 'name' THEN 'name' WHEN 'id_number' THEN 'id' WHEN 'mobile' THEN 'phone'
                              WHEN 'other_phone' THEN 'phone' WHEN 'email' THEN 'email' ELSE NULL END $$;

-- The grade 2 and 3 values a workstation may set, in the field catalogue's order (the diff's order).
CREATE FUNCTION branchvault.entry_columns() RETURNS text[]
    LANGUAGE sql IMMUTABLE
    SET search_path = pg_catalog
    AS $$ SELECT ARRAY['occupation', 'employer', 'income_band', 'marital_status', 'family', 'risk_rating', 'aum_cny',
                       'product_holdings', 'sex', 'nationality', 'age_band'] $$;

-- Refuses what a workstation must not send: an unknown or grade-1 key among the clear values, a grade-1 value
-- without its ciphertext, a masked form that is not masked, a blind index of the wrong domain. Messages name the
-- field, never a value. Returns the clear values with empty strings as NULL.
CREATE FUNCTION branchvault.checked_entry(p_values jsonb, p_sealed branchvault.sealed_input[]) RETURNS jsonb
    LANGUAGE plpgsql STABLE
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    k       text;
    v       jsonb;
    s       sealed_input;
    cleaned jsonb := '{}';
    seen    text[] := '{}';
BEGIN
    IF p_values IS NOT NULL AND jsonb_typeof(p_values) <> 'object' THEN
        RAISE EXCEPTION 'the clear values must be a JSON object of field names and texts' USING ERRCODE = '22023';
    END IF;
    FOR k, v IN SELECT * FROM jsonb_each(coalesce(p_values, '{}')) LOOP
        IF k = ANY (ARRAY['name', 'id_type', 'id_number', 'birth_date', 'mobile', 'other_phone', 'email', 'address',
                          'account_number']) THEN
            RAISE EXCEPTION 'field "%" is grade 1: the workstation sends it sealed, never in the clear', k
                USING ERRCODE = '22023';
        END IF;
        IF NOT k = ANY (entry_columns()) THEN
            RAISE EXCEPTION 'field "%" is not a field of a customer record that an entry sets', k
                USING ERRCODE = '22023';
        END IF;
        IF jsonb_typeof(v) NOT IN ('string', 'null') OR char_length(v #>> '{}') > 500 THEN
            RAISE EXCEPTION 'field "%" must be a text of at most 500 characters', k USING ERRCODE = '22023';
        END IF;
        IF k = 'aum_cny' AND coalesce(v #>> '{}', '') !~ '^([0-9]{1,15})?$' THEN
            RAISE EXCEPTION 'field "aum_cny" must be a whole number of yuan' USING ERRCODE = '22023';
        END IF;
        cleaned := cleaned || jsonb_build_object(k, nullif(v #>> '{}', ''));
    END LOOP;
    FOREACH s IN ARRAY coalesce(p_sealed, '{}') LOOP
        IF s.field IS NULL OR NOT s.field = ANY (ARRAY['name', 'id_type', 'id_number', 'birth_date', 'mobile',
                                                       'other_phone', 'email', 'address']) THEN
            RAISE EXCEPTION 'sealed field "%" is not a grade-1 field of a customer', coalesce(s.field, '')
                USING ERRCODE = '22023';
        END IF;
        IF s.field = ANY (seen) THEN
            RAISE EXCEPTION 'sealed field "%" is sent twice', s.field USING ERRCODE = '22023';
        END IF;
        seen := seen || s.field;
        IF s.generation IS NULL OR s.generation < 1 OR s.sealed IS NULL OR length(s.sealed) < 1 THEN
            RAISE EXCEPTION 'sealed field "%" needs its ciphertext and field-key generation', s.field
                USING ERRCODE = '22023';
        END IF;
        -- every masked form but the ID type's (shown in the clear) hides part of the value
        IF coalesce(s.masked, '') = '' OR (s.field <> 'id_type' AND position('*' IN s.masked) = 0) THEN
            RAISE EXCEPTION 'sealed field "%" needs its masked form (the workstation masks before it sends)', s.field
                USING ERRCODE = '22023';
        END IF;
        IF s.blind_domain IS DISTINCT FROM grade_one_domain(s.field)
           OR (s.blind_domain IS NULL) <> (s.blind IS NULL) OR (s.blind IS NOT NULL AND length(s.blind) < 16) THEN
            RAISE EXCEPTION 'sealed field "%" needs the blind index of domain "%"', s.field,
                coalesce(grade_one_domain(s.field), 'none') USING ERRCODE = '22023';
        END IF;
    END LOOP;
    RETURN cleaned;
END
$$;

-- A staff member's display name masked as local mode masks a name (Masking::mask, MaskKind::Name): a Latin name
-- keeps its initials, another keeps its first and last character.
CREATE FUNCTION branchvault.mask_staff_name(p_name text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE
    SET search_path = pg_catalog
    AS $$
DECLARE
    n     text := regexp_replace(coalesce(p_name, ''), '\s', '', 'g');
    words text[];
BEGIN
    IF n = '' THEN
        RETURN '***';
    END IF;
    IF p_name ~ '[A-Za-z]' THEN
        words := regexp_split_to_array(btrim(p_name), '[\s.\-]+');
        IF NOT EXISTS (SELECT 1 FROM unnest(words) w WHERE char_length(w) > 1) THEN
            RETURN '***';
        END IF;
        RETURN (SELECT string_agg(left(w, 1), ' ') FROM unnest(words) w WHERE w <> '') || '***';
    END IF;
    IF char_length(n) = 1 THEN
        RETURN '*';
    END IF;
    IF char_length(n) = 2 THEN
        RETURN left(n, 1) || '*';
    END IF;
    RETURN left(n, 1) || repeat('*', char_length(n) - 2) || right(n, 1);
END
$$;

-- Refuses an ID number already held in the branch (pending, active or closed, as local's heldSql), naming the
-- existing record's number and its responsible customer manager, masked — never its details. The caller holds the
-- branch's entry lock (customer_numbers row).
CREATE FUNCTION branchvault.refuse_duplicate_id(p_branch text, p_id_blind bytea, p_except bigint) RETURNS void
    LANGUAGE plpgsql STABLE
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    hit customers%ROWTYPE;
BEGIN
    IF p_id_blind IS NULL THEN
        RETURN;
    END IF;
    SELECT c.* INTO hit FROM customers c
        JOIN sealed_value s ON s.owner_kind = 'customer' AND s.owner_id = c.id AND s.field = 'id_number'
        WHERE c.branch = p_branch AND c.status IN ('pending', 'active', 'closed') AND c.id <> coalesce(p_except, 0)
          AND s.blind_domain = 'id' AND s.blind = p_id_blind
        ORDER BY c.id LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'A customer with this ID number already exists: customer number %, customer manager %. Do '
                        'not enter it again; ask that customer manager or the branch manager.',
            hit.customer_no,
            mask_staff_name((SELECT st.display_name FROM staff st WHERE st.id = responsible_manager(hit)))
            USING ERRCODE = '23505';
    END IF;
END
$$;

-- Takes the branch's entry lock and returns the branch's next customer number in the local format
-- (CustomerStore::nextNumber: the branch in upper case, '-', eight digits).
CREATE FUNCTION branchvault.next_customer_no(p_branch text) RETURNS text
    LANGUAGE sql
    SET search_path = branchvault, pg_temp
    AS $$
    INSERT INTO customer_numbers AS n (branch, next) VALUES (p_branch, 1)
        ON CONFLICT (branch) DO UPDATE SET next = n.next + 1
        RETURNING upper(p_branch) || '-' || lpad(next::text, 8, '0')
$$;

-- Sets the clear grade 2/3 columns present in p_values (already checked: NULL clears a value).
CREATE FUNCTION branchvault.write_columns(p_customer bigint, p_values jsonb) RETURNS void
    LANGUAGE sql
    SET search_path = branchvault, pg_temp
    AS $$
    UPDATE customers c SET
        occupation = CASE WHEN p_values ? 'occupation' THEN p_values ->> 'occupation' ELSE c.occupation END,
        employer = CASE WHEN p_values ? 'employer' THEN p_values ->> 'employer' ELSE c.employer END,
        income_band = CASE WHEN p_values ? 'income_band' THEN p_values ->> 'income_band' ELSE c.income_band END,
        marital_status = CASE WHEN p_values ? 'marital_status' THEN p_values ->> 'marital_status'
                              ELSE c.marital_status END,
        family = CASE WHEN p_values ? 'family' THEN p_values ->> 'family' ELSE c.family END,
        risk_rating = CASE WHEN p_values ? 'risk_rating' THEN p_values ->> 'risk_rating' ELSE c.risk_rating END,
        aum_cny = CASE WHEN p_values ? 'aum_cny' THEN (p_values ->> 'aum_cny')::bigint ELSE c.aum_cny END,
        product_holdings = CASE WHEN p_values ? 'product_holdings' THEN p_values ->> 'product_holdings'
                                ELSE c.product_holdings END,
        sex = CASE WHEN p_values ? 'sex' THEN p_values ->> 'sex' ELSE c.sex END,
        nationality = CASE WHEN p_values ? 'nationality' THEN p_values ->> 'nationality' ELSE c.nationality END,
        age_band = CASE WHEN p_values ? 'age_band' THEN p_values ->> 'age_band' ELSE c.age_band END
    WHERE c.id = p_customer
$$;

-- The field names of a diff, for the audit row's "fields".
CREATE FUNCTION branchvault.diff_fields(p_diff jsonb) RETURNS json
    LANGUAGE sql IMMUTABLE
    SET search_path = pg_catalog
    AS $$ SELECT coalesce(json_agg(d ->> 'field' ORDER BY o), '[]'::json)
          FROM jsonb_array_elements(p_diff) WITH ORDINALITY AS e (d, o) $$;

REVOKE ALL ON FUNCTION branchvault.grade_one_domain(text), branchvault.entry_columns(),
    branchvault.checked_entry(jsonb, branchvault.sealed_input[]), branchvault.mask_staff_name(text),
    branchvault.refuse_duplicate_id(text, bytea, bigint), branchvault.next_customer_no(text),
    branchvault.write_columns(bigint, jsonb), branchvault.diff_fields(jsonb) FROM PUBLIC;

-- ---- 4. Entry ----

-- Records the suspicious pairs a customer's values make with the branch's other held customers: the same phone
-- (mobile or other phone; only the fields named, or all of them when p_fields is NULL) and, when p_accounts, the
-- same account number (local: CustomerEntry::markSuspicious, which looks at the new numbers only; here every
-- account of the customer is compared, which adds no pair the earlier entries did not already record, and a
-- cleared pair stays cleared). Compares blind indexes only.
CREATE FUNCTION branchvault.mark_suspicious(p_customer bigint, p_branch text, p_fields text[], p_accounts boolean)
    RETURNS void
    LANGUAGE sql
    SET search_path = branchvault, pg_temp
    AS $$
    INSERT INTO suspicious_pairs (branch, kind, customer_a, customer_b, masked_value)
        SELECT p_branch, 'phone', least(p_customer, o.id), greatest(p_customer, o.id), mine.masked
        FROM sealed_value mine
        JOIN sealed_value other ON other.owner_kind = 'customer' AND other.blind_domain = 'phone'
                               AND other.blind = mine.blind AND other.owner_id <> p_customer
        JOIN customers o ON o.id = other.owner_id AND o.branch = p_branch
                        AND o.status IN ('pending', 'active', 'closed')
        WHERE mine.owner_kind = 'customer' AND mine.owner_id = p_customer AND mine.blind_domain = 'phone'
          AND (p_fields IS NULL OR mine.field = ANY (p_fields))
        ON CONFLICT (kind, customer_a, customer_b) DO NOTHING;
    INSERT INTO suspicious_pairs (branch, kind, customer_a, customer_b, masked_value)
        SELECT p_branch, 'account', least(p_customer, o.id), greatest(p_customer, o.id), mine.masked
        FROM sealed_value mine
        JOIN sealed_value other ON other.owner_kind = 'account' AND other.blind_domain = 'account'
                               AND other.blind = mine.blind AND other.customer_id <> p_customer
        JOIN customers o ON o.id = other.customer_id AND o.branch = p_branch
                        AND o.status IN ('pending', 'active', 'closed')
        WHERE p_accounts AND mine.owner_kind = 'account' AND mine.customer_id = p_customer
          AND mine.blind_domain = 'account'
        ON CONFLICT (kind, customer_a, customer_b) DO NOTHING;
$$;

-- A new record (local: CustomerEntry::create), by a customer manager for himself or herself, or by the branch
-- manager for an active customer manager of the branch (p_manager_id; a customer manager passes NULL or his or her
-- own id). The workstation validated the clear values and sends:
--   p_values    the grade 2/3 values as a JSON object {"occupation": "...", "aum_cny": "250000", ...}
--               (keys: entry_columns());
--   p_sealed    the grade-1 values, one sealed_input each (field, generation, ciphertext, masked form, blind-index
--               domain and blind index); the name and the ID number are required (the duplicate check and the
--               clerk's lookup need their blind indexes);
--   p_accounts  the new accounts, one account_input each (the number sealed, masked and blind-indexed);
--   p_restricted whether the record is restricted (重点保密).
-- The server assigns the customer number (per branch, the local format) under the branch's entry lock, refuses an
-- ID number already held in the branch (23505, naming the existing number and its customer manager masked), writes
-- the pending record and its 'create' change and the audit row customer.create {change, fields}.
CREATE FUNCTION branchvault.customer_submit(p_values jsonb, p_sealed branchvault.sealed_input[],
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
    new_no   text;
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

    new_no := next_customer_no(br); -- takes the branch's entry lock before the duplicate check
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

-- Locks the customer p_customer_no of the caller's branch for a change and checks the caller may still act on it:
-- the branch manager any customer of the branch, a customer manager only one he or she is responsible for now
-- (custody included) while it is held — read under the row lock, so a reassignment that committed first is seen.
CREATE FUNCTION branchvault.lock_customer_in_reach(p_customer_no text) RETURNS branchvault.customers
    LANGUAGE plpgsql
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    c customers%ROWTYPE;
BEGIN
    SELECT * INTO c FROM customers WHERE branch = my_branch() AND customer_no = p_customer_no FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'There is no customer % in this branch. Check the customer number.', coalesce(p_customer_no, '')
            USING ERRCODE = 'P0002';
    END IF;
    IF my_role() = 'customer_manager'
       AND (responsible_manager(c) IS DISTINCT FROM my_staff_id() OR c.status NOT IN ('pending', 'active', 'closed'))
    THEN
        IF c.restricted THEN
            RAISE EXCEPTION 'Customer % is restricted: only its own customer manager and the branch manager may act on '
                            'it.', c.customer_no USING ERRCODE = '42501';
        END IF;
        RAISE EXCEPTION 'Customer % is not one of your customers (any more). Ask its customer manager or the branch '
                        'manager.', c.customer_no USING ERRCODE = '42501';
    END IF;
    RETURN c;
END
$$;

-- An edit of an active customer (local: CustomerEntry::edit), by the branch manager or the customer manager
-- responsible now, as a pending 'edit' change based on p_expected_version, the version the maker read: the record
-- is locked, and a version that moved on (someone's approved edit, a reassignment) is a conflict (BV409) naming the
-- current version. p_values and p_sealed as for customer_submit, holding only what changes (the workstation
-- compares the grade-1 values it opened; the server compares the clear ones); p_restricted NULL keeps the flag.
-- p_accounts: the accounts added, changed or removed (account_change). Audit row customer.edit {change, fields}.
CREATE FUNCTION branchvault.customer_edit(p_customer_no text, p_expected_version integer, p_values jsonb,
                                          p_sealed branchvault.sealed_input[],
                                          p_accounts branchvault.account_change[], p_restricted boolean,
                                          p_workstation text)
    RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    me_role text := my_role();
    me      bigint := my_staff_id();
    br      text := my_branch();
    c       customers%ROWTYPE;
    vals    jsonb;
    changed jsonb := '{}';
    current jsonb;
    k       text;
    v       jsonb;
    diff    jsonb;
    staged  jsonb;
    ch      bigint;
    a       account_change;
    acc     accounts%ROWTYPE;
    acc_staged jsonb := '[]';
    acc_diff   jsonb := '[]';
    idx     integer := 0;
    which   text;
    part    record;
BEGIN
    IF me_role IS DISTINCT FROM 'manager' AND me_role IS DISTINCT FROM 'customer_manager' THEN
        RAISE EXCEPTION 'only an active branch manager or customer manager edits customers' USING ERRCODE = '42501';
    END IF;
    vals := checked_entry(p_values, p_sealed);
    IF p_expected_version IS NULL THEN
        RAISE EXCEPTION 'field "expected_version": send the version of the record the edit was made on'
            USING ERRCODE = '22023';
    END IF;
    c := lock_customer_in_reach(p_customer_no);
    IF c.status <> 'active' THEN
        RAISE EXCEPTION 'Customer % is %; only active customers can be edited.', c.customer_no, c.status
            USING ERRCODE = 'BV409';
    END IF;
    IF c.version <> p_expected_version THEN
        RAISE EXCEPTION 'Customer % changed since it was read: the record is at version % now, the edit was made on '
                        'version %. Reload the record and edit again.', c.customer_no, c.version, p_expected_version
            USING ERRCODE = 'BV409';
    END IF;
    IF EXISTS (SELECT 1 FROM customer_changes x WHERE x.customer_id = c.id AND x.status = 'pending') THEN
        RAISE EXCEPTION 'An earlier change of customer % is still waiting for approval. Wait for the branch manager''s '
                        'decision, then edit again.', c.customer_no USING ERRCODE = 'BV409';
    END IF;
    current := to_jsonb(c);
    FOR k, v IN SELECT * FROM jsonb_each(vals) LOOP
        IF (v #>> '{}') IS DISTINCT FROM (current ->> k) THEN
            changed := changed || jsonb_build_object(k, v);
        END IF;
    END LOOP;
    -- the accounts: each existing one must be the customer's; the diff names it "#<id>", language-neutral
    FOREACH a IN ARRAY coalesce(p_accounts, '{}') LOOP
        acc := NULL;
        IF a.id IS NOT NULL THEN
            SELECT * INTO acc FROM accounts x WHERE x.id = a.id AND x.customer_id = c.id;
            IF acc.id IS NULL THEN
                RAISE EXCEPTION 'field "account_number": account % is not an account of customer %', a.id,
                    c.customer_no USING ERRCODE = '22023';
            END IF;
        ELSIF coalesce(a.remove, false) OR a.sealed IS NULL OR coalesce(a.type, '') = '' THEN
            RAISE EXCEPTION 'field "account_number": a new account needs its type and its number' USING ERRCODE = '22023';
        END IF;
        IF a.sealed IS NOT NULL AND NOT coalesce(a.remove, false)
           AND (a.generation IS NULL OR a.generation < 1 OR length(a.sealed) < 1
                OR position('*' IN coalesce(a.masked, '')) = 0 OR a.blind IS NULL OR length(a.blind) < 16) THEN
            RAISE EXCEPTION 'field "account_number": the number needs its ciphertext, masked form and blind index'
                USING ERRCODE = '22023';
        END IF;
        which := CASE WHEN acc.id IS NULL THEN '' ELSE '#' || acc.id END;
        IF coalesce(a.remove, false) THEN
            acc_diff := acc_diff || jsonb_build_array(jsonb_build_object('field', 'account_number', 'old', which,
                                                                         'new', ''));
        ELSE
            IF a.sealed IS NOT NULL THEN
                acc_diff := acc_diff || jsonb_build_array(jsonb_build_object('field', 'account_number', 'old', which,
                                                                             'new', a.masked));
            END IF;
            FOR part IN SELECT * FROM (VALUES ('account_type', acc.type, a.type),
                                              ('account_opened_on', acc.opened_on::text, a.opened_on::text),
                                              ('account_status', acc.status, nullif(a.status, ''))) p (f, before, after)
            LOOP
                IF acc.id IS NOT NULL AND part.after IS NOT NULL AND part.after IS DISTINCT FROM part.before THEN
                    acc_diff := acc_diff || jsonb_build_array(jsonb_build_object(
                        'field', part.f, 'old', which || ' ' || coalesce(part.before, ''),
                        'new', which || ' ' || part.after));
                END IF;
            END LOOP;
        END IF;
        acc_staged := acc_staged || jsonb_build_array(jsonb_build_object(
            'id', acc.id, 'type', coalesce(nullif(a.type, ''), acc.type),
            'opened_on', coalesce(a.opened_on, acc.opened_on), 'status', coalesce(nullif(a.status, ''), acc.status,
                                                                                   'active'),
            'remove', coalesce(a.remove, false),
            'number', CASE WHEN a.sealed IS NOT NULL AND NOT coalesce(a.remove, false)
                           THEN 'account_number:' || idx END));
        idx := idx + 1;
    END LOOP;
    IF changed = '{}' AND cardinality(coalesce(p_sealed, '{}')) = 0 AND cardinality(coalesce(p_accounts, '{}')) = 0
       AND (p_restricted IS NULL OR p_restricted = c.restricted) THEN
        RAISE EXCEPTION 'Nothing was changed: every value is the same as in the record.' USING ERRCODE = '22023';
    END IF;
    IF EXISTS (SELECT 1 FROM unnest(p_sealed) x WHERE x.field = 'id_number') THEN
        -- the branch's entry lock, then the duplicate check (as for a new record)
        INSERT INTO customer_numbers (branch, next) VALUES (br, 0) ON CONFLICT (branch) DO NOTHING;
        PERFORM 1 FROM customer_numbers n WHERE n.branch = br FOR UPDATE;
        PERFORM refuse_duplicate_id(br, (SELECT x.blind FROM unnest(p_sealed) x WHERE x.field = 'id_number'), c.id);
    END IF;
    SELECT coalesce(jsonb_agg(d ORDER BY o), '[]') INTO diff FROM (
        SELECT jsonb_build_object('field', x.field,
                                  'old', coalesce((SELECT s.masked FROM sealed_value s WHERE s.owner_kind = 'customer'
                                                   AND s.owner_id = c.id AND s.field = x.field), ''),
                                  'new', x.masked) AS d,
               array_position(ARRAY['name', 'id_type', 'id_number', 'birth_date', 'mobile', 'other_phone', 'email',
                                    'address'], x.field) AS o
        FROM unnest(p_sealed) x
        UNION ALL
        SELECT jsonb_build_object('field', e.key, 'old', coalesce(current ->> e.key, ''),
                                  'new', coalesce(e.value #>> '{}', '')),
               100 + array_position(entry_columns(), e.key)
        FROM jsonb_each(changed) e) t;
    diff := diff || acc_diff;
    staged := jsonb_build_object('values', changed,
                                 'sealed', (SELECT coalesce(jsonb_agg(x.field), '[]') FROM unnest(p_sealed) x),
                                 'accounts', acc_staged);
    IF p_restricted IS NOT NULL AND p_restricted <> c.restricted THEN
        staged := staged || jsonb_build_object('restricted', p_restricted);
        diff := diff || jsonb_build_array(jsonb_build_object('field', 'restricted',
                                                             'old', CASE WHEN c.restricted THEN '1' ELSE '0' END,
                                                             'new', CASE WHEN p_restricted THEN '1' ELSE '0' END));
    END IF;
    INSERT INTO customer_changes (customer_id, branch, kind, status, maker_id, base_version, values_json, diff_json)
        VALUES (c.id, br, 'edit', 'pending', me, c.version, staged, diff)
        RETURNING id INTO ch;
    INSERT INTO sealed_value (owner_kind, owner_id, customer_id, field, generation, sealed, masked, blind_domain, blind)
        SELECT 'change', ch, c.id, x.field, x.generation, x.sealed, x.masked, x.blind_domain, x.blind
        FROM unnest(p_sealed) x;
    INSERT INTO sealed_value (owner_kind, owner_id, customer_id, field, generation, sealed, masked, blind_domain, blind)
        SELECT 'change', ch, c.id, 'account_number:' || (o - 1), x.generation, x.sealed, x.masked, 'account', x.blind
        FROM unnest(p_accounts) WITH ORDINALITY AS x (id, type, opened_on, status, remove, generation, sealed, masked,
                                                      blind, o)
        WHERE x.sealed IS NOT NULL AND NOT coalesce(x.remove, false);
    PERFORM audit_write(p_workstation, 'customer.edit', 'customer', c.id::text, c.customer_no, 'ok',
                        json_build_object('change', ch, 'fields', diff_fields(diff))::text);
    RETURN ch;
END
$$;

-- ---- 5. Decisions ----

-- A branch manager of the change's branch who is not its maker approves (p_approve) or rejects it, with a reason
-- either way (local: CustomerEntry::approve / reject). The customer and then the change are locked (the order every
-- function here takes), and the change's state is read after the locks: when another manager decided first, the
-- call ends with BV409 naming who decided and when. Approving a new record activates it and records its suspicious
-- pairs; approving an edit re-checks that the record is still at the version the edit was made on (BV409 naming
-- both versions: someone else's edit or a reassignment came first), moves the replaced grade-1 values to the
-- history (still sealed), applies the staged ones and the clear values, and makes the version one higher.
-- Rejecting a new record erases its personal data (the number and the status stay); rejecting an edit drops its
-- staged values; a stale edit can still be rejected. Audit row customer.approve / customer.reject {change, kind}.
-- Returns the change's new status.
--
-- Local mode writes the refusal of one's own change as an access.denied row outside the decision's transaction; a
-- function cannot commit a row its caller's failing statement rolls back, so on the server the workstation appends
-- that row through audit_append after the 42501.
CREATE FUNCTION branchvault.change_decide(p_change_id bigint, p_approve boolean, p_reason text, p_workstation text)
    RETURNS text
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
    SELECT x.customer_id INTO cid FROM customer_changes x WHERE x.id = p_change_id AND x.branch = br;
    IF cid IS NULL THEN
        RAISE EXCEPTION 'There is no change % in this branch. Reload the list.', coalesce(p_change_id::text, '')
            USING ERRCODE = 'P0002';
    END IF;
    SELECT * INTO c FROM customers WHERE id = cid FOR UPDATE;
    SELECT * INTO ch FROM customer_changes WHERE id = p_change_id FOR UPDATE;
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
    RETURN CASE WHEN p_approve THEN 'approved' ELSE 'rejected' END;
END
$$;

-- The branch manager clears a suspicious pair found in order, with the reason (local: CustomerEntry::clearSuspicious;
-- audit row customer.suspicious_clear on the pair, no details). The pair is locked and its state read after the
-- lock: a pair another manager cleared first is BV409 naming who (local mode answers "no open pair", which on one
-- workstation can only mean a wrong number).
CREATE FUNCTION branchvault.suspicious_clear(p_pair_id bigint, p_reason text, p_workstation text) RETURNS void
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
            coalesce((SELECT st.login FROM staff st WHERE st.id = pair.cleared_by), '?'),
            to_char(pair.cleared_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS "UTC"') USING ERRCODE = 'BV409';
    END IF;
    UPDATE suspicious_pairs SET status = 'cleared', cleared_by = my_staff_id(), cleared_at = now(),
                                reason = btrim(p_reason)
        WHERE id = pair.id;
    PERFORM audit_write(p_workstation, 'customer.suspicious_clear', 'suspicious_pair', pair.id::text, NULL, 'ok',
                        '{}');
END
$$;

-- ---- 6. Reassignment ----

-- The branch manager gives a customer of the branch to a customer manager (local: CustomerOwnership::move):
-- 'assign' (nobody active holds it), 'transfer' (a new owner), 'custody' (another customer manager until the end
-- of p_until, branch time UTC+8, at most 180 days), 'return' (a custody ends early) and 'reclaim' (from whoever holds
-- it). A reason is required for transfer, custody and reclaim. The customer row is locked; an entry racing it
-- either committed first (and the reassignment sees it) or waits and then finds a customer manager no longer
-- responsible (lock_customer_in_reach). Audit row customer.assign {kind, from, to[, until][, custody_ended]
-- [, replaces_custody]} with staff logins only, never the reason.
--
-- Unlike local mode, a reassignment also makes the record's version one higher: a pending edit made by the
-- customer manager who held the customer before is then stale, and approving it is a conflict (the branch manager
-- rejects it, the customer manager now responsible edits again). On one workstation nobody else's edit can wait
-- unseen; with several, the new customer manager must not inherit a change he or she did not make.
CREATE FUNCTION branchvault.customer_assign(p_customer_no text, p_kind text, p_manager_login text, p_until date,
                                            p_reason text, p_workstation text)
    RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    br          text := my_branch();
    c           customers%ROWTYPE;
    target      staff%ROWTYPE;
    why         text := btrim(coalesce(p_reason, ''));
    today       date := ((now() AT TIME ZONE 'UTC') + interval '8 hours')::date;
    custody_end timestamptz;
    live        boolean;
    owner_ok    boolean;
    custodian_ok boolean;
    from_id     bigint;
    to_id       bigint;
    details     jsonb;
BEGIN
    IF my_role() IS DISTINCT FROM 'manager' THEN
        RAISE EXCEPTION 'only an active branch manager gives customers to customer managers' USING ERRCODE = '42501';
    END IF;
    IF p_kind IS NULL OR p_kind NOT IN ('assign', 'transfer', 'custody', 'return', 'reclaim') THEN
        RAISE EXCEPTION 'field "kind": one of assign, transfer, custody, return, reclaim' USING ERRCODE = '22023';
    END IF;
    IF why = '' AND p_kind IN ('transfer', 'custody', 'reclaim') THEN
        RAISE EXCEPTION 'field "reason": give the reason for this change of customer manager (for example: staff '
                        'change, leave, misconduct)' USING ERRCODE = '22023';
    END IF;
    IF char_length(why) > 500 THEN
        RAISE EXCEPTION 'field "reason": at most 500 characters' USING ERRCODE = '22023';
    END IF;
    IF p_kind <> 'return' THEN
        SELECT * INTO target FROM staff st WHERE st.login = p_manager_login AND st.branch = br;
        IF NOT FOUND OR target.role <> 'customer_manager' THEN
            RAISE EXCEPTION 'field "manager": choose an active customer manager account of the branch'
                USING ERRCODE = '22023';
        END IF;
        IF target.status <> 'active' THEN
            RAISE EXCEPTION 'field "manager": the account % is frozen and cannot take customers', target.login
                USING ERRCODE = '22023';
        END IF;
    END IF;
    IF p_kind = 'custody' THEN
        IF p_until IS NULL OR p_until < today THEN
            RAISE EXCEPTION 'field "until": the custody end date must be today or a later date' USING ERRCODE = '22023';
        END IF;
        IF p_until > today + 180 THEN
            RAISE EXCEPTION 'field "until": a custody lasts at most 180 days' USING ERRCODE = '22023';
        END IF;
        custody_end := ((p_until + 1)::timestamp - interval '8 hours') AT TIME ZONE 'UTC';
    END IF;

    SELECT * INTO c FROM customers WHERE branch = br AND customer_no = p_customer_no FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'There is no customer % in this branch. Check the customer number.', coalesce(p_customer_no, '')
            USING ERRCODE = 'P0002';
    END IF;
    IF c.status NOT IN ('active', 'pending') THEN
        RAISE EXCEPTION 'Customer % is %; only active or pending customers can be given to a customer manager.',
            c.customer_no, c.status USING ERRCODE = 'BV409';
    END IF;
    live := c.custody_manager_id IS NOT NULL AND c.custody_until > now();
    owner_ok := EXISTS (SELECT 1 FROM staff st WHERE st.id = c.manager_id AND st.status = 'active');
    custodian_ok := EXISTS (SELECT 1 FROM staff st WHERE st.id = c.custody_manager_id AND st.status = 'active');
    to_id := target.id;
    IF p_kind = 'assign' THEN
        IF owner_ok AND NOT (live AND NOT custodian_ok) THEN
            RAISE EXCEPTION 'Customer % already has an active customer manager (%). Use transfer to move it '
                            'permanently, or custody for a limited time.', c.customer_no,
                (SELECT st.login FROM staff st WHERE st.id = responsible_manager(c)) USING ERRCODE = 'BV409';
        END IF;
        from_id := c.manager_id;
    ELSIF p_kind = 'transfer' THEN
        IF c.manager_id IS NULL THEN
            RAISE EXCEPTION 'Customer % has no customer manager yet. Assign it instead.', c.customer_no
                USING ERRCODE = 'BV409';
        END IF;
        IF c.manager_id = target.id THEN
            RAISE EXCEPTION 'Customer % already belongs to %. Choose another customer manager.', c.customer_no,
                target.login USING ERRCODE = 'BV409';
        END IF;
        from_id := c.manager_id;
    ELSIF p_kind = 'custody' THEN
        IF NOT owner_ok THEN
            RAISE EXCEPTION 'Customer % has no active customer manager, so there is nobody to return it to. Assign '
                            'it first.', c.customer_no USING ERRCODE = 'BV409';
        END IF;
        IF c.manager_id = target.id THEN
            RAISE EXCEPTION 'field "manager": % is already the customer manager of customer %; the custodian must be '
                            'another customer manager', target.login, c.customer_no USING ERRCODE = '22023';
        END IF;
        from_id := c.manager_id;
    ELSIF p_kind = 'return' THEN
        IF NOT live THEN
            RAISE EXCEPTION 'Customer % is not in custody, so there is nothing to return.', c.customer_no
                USING ERRCODE = 'BV409';
        END IF;
        from_id := c.custody_manager_id;
        to_id := c.manager_id;
    ELSE -- reclaim
        IF responsible_manager(c) IS NULL THEN
            RAISE EXCEPTION 'Customer % has no customer manager to take it from. Assign it instead.', c.customer_no
                USING ERRCODE = 'BV409';
        END IF;
        IF responsible_manager(c) = target.id THEN
            RAISE EXCEPTION 'Customer % is already held by %. Choose the customer manager who is to take it.',
                c.customer_no, target.login USING ERRCODE = 'BV409';
        END IF;
        from_id := responsible_manager(c);
    END IF;

    IF p_kind = 'custody' THEN
        UPDATE customers SET custody_manager_id = target.id, custody_until = custody_end, updated_at = now(),
                             version = version + 1 WHERE id = c.id;
    ELSIF p_kind = 'return' THEN
        UPDATE customers SET custody_manager_id = NULL, custody_until = NULL, updated_at = now(),
                             version = version + 1 WHERE id = c.id;
    ELSE -- a new owner; any custody ends
        UPDATE customers SET manager_id = target.id, custody_manager_id = NULL, custody_until = NULL,
                             updated_at = now(), version = version + 1 WHERE id = c.id;
    END IF;
    INSERT INTO customer_assignments (customer_id, kind, from_id, to_id, until, by_id, reason)
        VALUES (c.id, p_kind, from_id, to_id, custody_end, my_staff_id(), nullif(why, ''));
    details := jsonb_build_object('kind', p_kind,
                                  'from', coalesce((SELECT st.login FROM staff st WHERE st.id = from_id), ''),
                                  'to', coalesce((SELECT st.login FROM staff st WHERE st.id = to_id), ''));
    IF custody_end IS NOT NULL THEN
        details := details || jsonb_build_object('until', to_char(custody_end AT TIME ZONE 'UTC',
                                                                  'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'));
    END IF;
    IF p_kind NOT IN ('custody', 'return') AND live THEN
        details := details || jsonb_build_object('custody_ended',
                                                 (SELECT st.login FROM staff st WHERE st.id = c.custody_manager_id));
    END IF;
    IF p_kind = 'custody' AND live THEN
        details := details || jsonb_build_object('replaces_custody',
                                                 (SELECT st.login FROM staff st WHERE st.id = c.custody_manager_id));
    END IF;
    PERFORM audit_write(p_workstation, 'customer.assign', 'customer', c.id::text, c.customer_no, 'ok',
                        details::text);
END
$$;

REVOKE ALL ON FUNCTION branchvault.mark_suspicious(bigint, text, text[], boolean),
    branchvault.lock_customer_in_reach(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION branchvault.customer_submit(jsonb, branchvault.sealed_input[], branchvault.account_input[],
                                                   bigint, boolean, text),
    branchvault.customer_edit(text, integer, jsonb, branchvault.sealed_input[], branchvault.account_change[],
                              boolean, text),
    branchvault.change_decide(bigint, boolean, text, text), branchvault.suspicious_clear(bigint, text, text),
    branchvault.customer_assign(text, text, text, date, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION branchvault.customer_submit(jsonb, branchvault.sealed_input[], branchvault.account_input[],
                                                      bigint, boolean, text),
    branchvault.customer_edit(text, integer, jsonb, branchvault.sealed_input[], branchvault.account_change[],
                              boolean, text)
    TO bv_manager, bv_customer_manager;
GRANT EXECUTE ON FUNCTION branchvault.change_decide(bigint, boolean, text, text),
    branchvault.suspicious_clear(bigint, text, text), branchvault.customer_assign(text, text, text, date, text, text) TO bv_manager;

UPDATE branchvault.meta SET value = '3' WHERE key = 'schema_version';
