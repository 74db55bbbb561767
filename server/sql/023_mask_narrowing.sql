-- BranchVault branch server (docs/SERVER.md), migration 23: the server narrows the stored masked forms itself.
--
-- DESIGN §4: "a change of a mask setting re-masks every stored masked form". Until now a narrower width changed only
-- what workstations sent next: every masked form already stored (the customers' and accounts' values, the staged
-- values of changes, the values an edit replaced, the suspicious pairs, the diffs of changes and of the history)
-- kept the wider form, and a modified client could store forms up to the regulatory floors whatever the branch set.
-- Narrowing needs no full value — every character the new widths hide becomes '*' (Masking::tighten) — so the server
-- does it, in the transaction of the setting change and wherever a masked form is written:
--
--   mask_widths(branch)        the eight widths that apply in a branch (the value set, else the default), each
--                              within its regulatory ceiling.
--   mask_tighten(...)          Masking::tighten and StoredMasks::tightenField: one stored form narrowed to the widths,
--                              and whether that is exactly the form the value itself would give.
--   mask_tighten_diff(...)     StoredMasks' tightenDiff: the grade-1 old/new values of one change's diff.
--   settings_set               a narrower width narrows every stored form of the branch (masks_narrow) and writes
--                              local mode's policy.remask row {mode: tighten, setting, values, changed, pairs, diffs,
--                              inexact} after settings.change. A wider width (or a narrowing that was inexact for some
--                              value) cannot be undone without the values: the forms stay narrower than the setting
--                              until each value is entered again; the details say so ("remask": "stays narrower")
--                              instead of naming a key holder's sign-in that the server never runs.
--   the narrowing triggers     every masked form inserted or rewritten (sealed_value.masked, suspicious_pairs.
--                              masked_value, the diff_json of customer_changes and customer_history) is narrowed to
--                              the branch's widths as it is stored: what a workstation (or psql) sends wider than the
--                              branch's setting is kept narrowed, never as sent.
--
-- Races: settings_set takes the branch's mask lock alone before it reads the widths; every write of a masked form
-- takes it shared first (the triggers). An entry either commits before the narrowing (and is narrowed with the rest) or
-- waits and reads the new widths (a fresh snapshot: READ COMMITTED, which every audited write already requires; the
-- triggers refuse other levels too). Other branches are not held up.

-- ---- 1. The widths and the narrowing ----

-- The widths that apply in p_branch, in this order: phone start, phone end, mainland ID start, other ID start,
-- account start, account end, address start, e-mail local part — each the value set, else the default, clamped to
-- 0 ... the setting's ceiling (MaskSettings::k*Max*, the same numbers as setting_spec.maximum).
CREATE FUNCTION branchvault.mask_widths(p_branch text) RETURNS integer[]
    LANGUAGE sql STABLE
    SET search_path = branchvault, pg_temp
    AS $$ SELECT array_agg(least(greatest(coalesce(st.value, s.default_value)::integer, 0), s.maximum::integer)
                           ORDER BY k.n)
          FROM unnest(ARRAY['mask.phone.keep_start', 'mask.phone.keep_end', 'mask.mainland_id.keep_start',
                            'mask.other_id.keep_start', 'mask.account.keep_start', 'mask.account.keep_end',
                            'mask.address.keep_start', 'mask.email.local_keep']) WITH ORDINALITY AS k (key, n)
          JOIN setting_spec s ON s.key = k.key
          LEFT JOIN settings st ON st.branch = p_branch AND st.key = k.key $$;

-- One stored masked form of field p_field (a ":n" suffix allowed) narrowed to the widths w (mask_widths' order):
-- every character the widths hide becomes '*', nothing hidden is shown again (Masking::tighten). exact turns false
-- when the widths would show a character the form no longer holds (a short address, a form made narrower before):
-- only the value itself would give the exact form then. Names, birth dates and ID types are returned as they are
-- (no width). The separators of a number (white space and + ( ) . , / -) stay in place; every other character counts
-- as one of the number (Masking.cpp counts letters and digits: the only others migration 7's mask_problem lets a stored
-- form hold are '*' and those separators, and a form stored before that check is hidden rather than shown).
--
-- An ID number of 15 or 18 digits and '*' may be a mainland ID's form or another ID's (StoredMasks::tightenIdNumber):
-- one showing more than another ID's width (p_before's, else its ceiling 4) was a mainland ID's, one showing more than
-- a mainland ID's (p_before's, else 6) another ID's; otherwise both rules are applied, and where they differ the
-- narrower form is kept (not exact).
CREATE FUNCTION branchvault.mask_tighten(p_field text, p_masked text, w integer[], p_before integer[],
                                         OUT masked text, OUT exact boolean)
    LANGUAGE plpgsql IMMUTABLE
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    kind      text := split_part(coalesce(p_field, ''), ':', 1);
    m         text := coalesce(p_masked, '');
    shown     integer;
    n         integer;
    first     integer;
    last      integer;
    max_start integer;
    max_end   integer;
    i         integer := 0;
    c         text;
    part      text;
    a         record;
    b         record;
BEGIN
    masked := m;
    exact := true;
    IF m = '' THEN
        RETURN;
    END IF;
    IF kind LIKE 'account\_number%' THEN
        kind := 'account';
    END IF;
    IF kind = 'mainland_id' AND NOT (m ~ '^[0-9*]*$' AND char_length(m) IN (15, 18)) THEN
        -- a mainland card's type with a form of another shape: the workstation masked it by its shape
        kind := 'id_number';
    END IF;
    IF kind = 'id_number' THEN
        IF m ~ '^[0-9*]*$' AND char_length(m) IN (15, 18) THEN
            shown := char_length(replace(m, '*', ''));
            IF shown > least(greatest(coalesce(p_before[4], 4), 0), 4) THEN
                kind := 'mainland_id';
            ELSIF shown > least(greatest(coalesce(p_before[3], 6), 0), 6) THEN
                kind := 'other_id';
            ELSE
                SELECT * INTO a FROM mask_tighten('mainland_id', m, w, NULL);
                SELECT * INTO b FROM mask_tighten('other_id', m, w, NULL);
                IF a.masked = b.masked THEN
                    masked := a.masked;
                    exact := a.exact OR b.exact;
                ELSE
                    exact := false;
                    masked := CASE WHEN char_length(replace(a.masked, '*', '')) <= char_length(replace(b.masked, '*', ''))
                                   THEN a.masked ELSE b.masked END;
                END IF;
                RETURN;
            END IF;
        ELSE
            kind := 'other_id';
        END IF;
    END IF;
    IF kind IN ('mainland_id', 'other_id') THEN
        -- the first characters shown, the last 4 never
        m := regexp_replace(m, '[[:space:]]', '', 'g');
        n := char_length(m);
        first := least(CASE kind WHEN 'mainland_id' THEN w[3] ELSE w[4] END, greatest(n - 4, 0));
        last := 0;
    ELSIF kind IN ('mobile', 'other_phone', 'account') THEN
        -- the widest start and end that keep the middle 4 hidden (Masking.cpp's middleWindow, phoneShown, accountShown)
        n := char_length(regexp_replace(m, '[[:space:]+().,/-]', '', 'g'));
        max_start := CASE WHEN n <= 4 THEN 0 ELSE (n - 4) / 2 END;
        max_end := CASE WHEN n <= 4 THEN 0 ELSE n - 4 - max_start END;
        IF kind = 'account' THEN
            first := w[5];
            last := w[6];
        ELSE
            first := w[1];
            last := w[2];
            IF first > max_start OR last > max_end THEN
                -- too short for the widths: first 2 and last 2, or fewer
                first := least(first, 2);
                last := least(last, 2);
            END IF;
        END IF;
        first := least(first, max_start);
        last := least(last, max_end);
    ELSIF kind = 'email' THEN
        -- "<shown>***@domain": the shown part cut to the width
        IF position('@' IN m) = 0 THEN
            masked := '***';
            RETURN;
        END IF;
        part := substring(m FROM '^(.*)@[^@]*$');
        IF part LIKE '%***' THEN
            part := left(part, -3);
        END IF;
        IF char_length(part) < w[8] THEN
            exact := false;
        END IF;
        masked := left(part, w[8]) || '***' || substring(m FROM '@[^@]*$');
        RETURN;
    ELSIF kind = 'address' THEN
        -- "<shown>****": the shown part cut to the width (a short address keeps half of itself: only the value can
        -- tell how much)
        part := CASE WHEN m LIKE '%****' THEN left(m, -4) ELSE m END;
        IF char_length(part) < w[7] THEN
            exact := false;
        END IF;
        masked := left(part, w[7]) || '****';
        RETURN;
    ELSE
        RETURN;
    END IF;
    -- the characters of the number, separators left out: when every one the widths hide is hidden already (a form
    -- made under these widths or narrower: every form a workstation sends), the form stays as it is
    part := CASE WHEN kind IN ('mainland_id', 'other_id') THEN m ELSE regexp_replace(m, '[[:space:]+().,/-]', '', 'g') END;
    IF n - first - last <= 0 OR substr(part, first + 1, n - first - last) ~ '^\**$' THEN
        masked := m;
        exact := position('*' IN left(part, first)) = 0 AND position('*' IN right(part, last)) = 0;
        RETURN;
    END IF;
    masked := '';
    FOREACH c IN ARRAY string_to_array(m, NULL) LOOP
        IF kind NOT IN ('mainland_id', 'other_id') AND c ~ '^[[:space:]+().,/-]$' THEN
            masked := masked || c;
            CONTINUE;
        END IF;
        IF i < first OR i >= n - last THEN
            masked := masked || c;
            IF c = '*' THEN
                exact := false;
            END IF;
        ELSE
            masked := masked || '*';
        END IF;
        i := i + 1;
    END LOOP;
END
$$;

-- One change's diff (a JSON array of {field, old, new}) with its grade-1 values narrowed (StoredMasks' tightenDiff):
-- the old and new strings of the fields that have a width, except empty ones and an account's "#id" (only an
-- account_number entry names its account so; an address may start with '#'). Anything else is
-- returned as it is. p_id_kind: how its ID numbers are narrowed (id_mask_kind).
CREATE FUNCTION branchvault.mask_tighten_diff(p_diff jsonb, w integer[], p_before integer[], p_id_kind text)
    RETURNS jsonb
    LANGUAGE plpgsql IMMUTABLE
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    result jsonb := '[]';
    e      jsonb;
    side   text;
    v      text;
BEGIN
    IF jsonb_typeof(p_diff) IS DISTINCT FROM 'array' THEN
        RETURN p_diff;
    END IF;
    FOR e IN SELECT x FROM jsonb_array_elements(p_diff) WITH ORDINALITY AS t (x, o) ORDER BY o LOOP
        IF jsonb_typeof(e) = 'object' AND split_part(coalesce(e ->> 'field', ''), ':', 1)
               IN ('id_number', 'mobile', 'other_phone', 'email', 'address', 'account_number') THEN
            FOREACH side IN ARRAY ARRAY['old', 'new'] LOOP
                IF jsonb_typeof(e -> side) = 'string' THEN
                    v := e ->> side;
                    IF v <> '' AND NOT (left(v, 1) = '#'
                                        AND split_part(e ->> 'field', ':', 1) = 'account_number') THEN
                        e := jsonb_set(e, ARRAY[side], to_jsonb((mask_tighten(
                            CASE WHEN split_part(e ->> 'field', ':', 1) = 'id_number' THEN p_id_kind
                                 ELSE e ->> 'field' END, v, w, p_before)).masked));
                    END IF;
                END IF;
            END LOOP;
        END IF;
        result := result || jsonb_build_array(e);
    END LOOP;
    RETURN result;
END
$$;

-- How an ID number's form is narrowed: by the mainland rule when its ID type (shown in the clear, migration 7) is the
-- mainland card — every such number has the mainland shape, so the workstation masked it by that rule — and otherwise
-- as mask_tighten tells the two rules apart (the workstation masks by the number's shape, not its type: another
-- document's number of 15 or 18 digits is masked like a mainland ID's).
CREATE FUNCTION branchvault.id_mask_kind(p_id_type text) RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT CASE WHEN p_id_type = 'mainland_id' THEN 'mainland_id' ELSE 'id_number' END $$;

-- The ID type that goes with a sealed value: its owner's own (a staged change that changes the type too), else its
-- customer's.
CREATE FUNCTION branchvault.sealed_id_type(p_owner_kind text, p_owner_id bigint, p_customer_id bigint) RETURNS text
    LANGUAGE sql STABLE
    SET search_path = branchvault, pg_temp
    AS $$ SELECT coalesce(
              (SELECT s.masked FROM sealed_value s
               WHERE s.owner_kind = p_owner_kind AND s.owner_id = p_owner_id AND s.field = 'id_type'),
              (SELECT s.masked FROM sealed_value s
               WHERE s.owner_kind = 'customer' AND s.owner_id = p_customer_id AND s.field = 'id_type')) $$;

-- The ID type a diff names (its id_type entry's new value), else its customer's.
CREATE FUNCTION branchvault.diff_id_type(p_diff jsonb, p_customer_id bigint) RETURNS text
    LANGUAGE sql STABLE
    SET search_path = branchvault, pg_temp
    AS $$ SELECT coalesce(
              (SELECT nullif(e ->> 'new', '') FROM jsonb_array_elements(
                   CASE WHEN jsonb_typeof(p_diff) = 'array' THEN p_diff ELSE '[]' END) e
               WHERE e ->> 'field' = 'id_type' LIMIT 1),
              sealed_id_type('customer', p_customer_id, p_customer_id)) $$;

-- ---- 2. Every stored form of a branch narrowed ----

-- StoredMasks::tighten on the server: the branch's sealed values (customers, accounts, staged changes, replaced
-- values), its suspicious pairs, the diffs of its changes and history, and its clerks' lookups waiting to be
-- released, narrowed to w from p_before. Counts as local mode's policy.remask row has them.
CREATE FUNCTION branchvault.masks_narrow(p_branch text, w integer[], p_before integer[],
                                         OUT checked bigint, OUT changed bigint, OUT pairs bigint, OUT diffs bigint,
                                         OUT inexact bigint)
    LANGUAGE plpgsql
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    history bigint;
    -- the fields whose width changed (all of them when nothing tells): only their forms can change
    fields  text[] := ARRAY(
        SELECT f FROM unnest(ARRAY[1, 2, 3, 4, 5, 6, 7, 8],
                             ARRAY['mobile', 'mobile', 'id_number', 'id_number', 'account_number', 'account_number',
                                   'address', 'email']) AS x (i, f)
        WHERE p_before IS NULL OR w[x.i] IS DISTINCT FROM p_before[x.i]
        UNION SELECT 'other_phone' WHERE p_before IS NULL OR w[1:2] IS DISTINCT FROM p_before[1:2]);
BEGIN
    SELECT count(*) INTO checked FROM sealed_value s JOIN customers c ON c.id = s.customer_id AND c.branch = p_branch;
    WITH t AS (
        SELECT s.owner_kind, s.owner_id, s.field, s.masked AS before, r.exact,
               -- a form that the narrowing cannot make into a valid one (stored before migration 7 checked them)
               -- is hidden whole
               CASE WHEN mask_problem(s.field, r.masked) IS NULL THEN r.masked
                    WHEN s.field = 'address' THEN '****'
                    WHEN s.field = 'email' THEN '***'
                    ELSE repeat('*', least(greatest(char_length(r.masked), 4), 40)) END AS after
        FROM sealed_value s JOIN customers c ON c.id = s.customer_id AND c.branch = p_branch
        CROSS JOIN LATERAL mask_tighten(
            CASE WHEN s.field = 'id_number' THEN id_mask_kind(sealed_id_type(s.owner_kind, s.owner_id, s.customer_id))
                 ELSE s.field END, s.masked, w, p_before) r
        WHERE split_part(s.field, ':', 1) = ANY (fields)
    ), u AS (
        UPDATE sealed_value s SET masked = t.after
            FROM t
            WHERE t.after <> t.before AND s.owner_kind = t.owner_kind AND s.owner_id = t.owner_id
              AND s.field = t.field
            RETURNING 1
    )
    SELECT (SELECT count(*) FROM u), (SELECT count(*) FROM t WHERE NOT t.exact) INTO changed, inexact;

    UPDATE suspicious_pairs p
        SET masked_value = (mask_tighten(CASE p.kind WHEN 'phone' THEN 'mobile' ELSE 'account_number' END,
                                         p.masked_value, w, p_before)).masked
        WHERE p.branch = p_branch AND coalesce(p.masked_value, '') <> ''
          AND (CASE p.kind WHEN 'phone' THEN 'mobile' ELSE 'account_number' END) = ANY (fields)
          AND (mask_tighten(CASE p.kind WHEN 'phone' THEN 'mobile' ELSE 'account_number' END, p.masked_value, w,
                            p_before)).masked <> p.masked_value;
    GET DIAGNOSTICS pairs = ROW_COUNT;

    UPDATE customer_changes ch
        SET diff_json = mask_tighten_diff(ch.diff_json, w, p_before,
                                          id_mask_kind(diff_id_type(ch.diff_json, ch.customer_id)))
        WHERE ch.branch = p_branch AND ch.diff_json::text ~ ('"(' || array_to_string(fields, '|') || ')')
          AND mask_tighten_diff(ch.diff_json, w, p_before, id_mask_kind(diff_id_type(ch.diff_json, ch.customer_id)))
              <> ch.diff_json;
    GET DIAGNOSTICS diffs = ROW_COUNT;
    UPDATE customer_history h
        SET diff_json = mask_tighten_diff(h.diff_json, w, p_before,
                                          id_mask_kind(diff_id_type(h.diff_json, h.customer_id)))
        FROM customers c
        WHERE c.id = h.customer_id AND c.branch = p_branch
          AND h.diff_json::text ~ ('"(' || array_to_string(fields, '|') || ')')
          AND mask_tighten_diff(h.diff_json, w, p_before, id_mask_kind(diff_id_type(h.diff_json, h.customer_id)))
              <> h.diff_json;
    GET DIAGNOSTICS history = ROW_COUNT;
    diffs := diffs + history;

    UPDATE lookup_outbox o
        SET masked_id_number = CASE WHEN o.masked_id_number IS NOT NULL
                                    THEN (mask_tighten(id_mask_kind(sealed_id_type('customer', c.id, c.id)),
                                                       o.masked_id_number, w, p_before)).masked END,
            masked_mobile = CASE WHEN o.masked_mobile IS NOT NULL
                                 THEN (mask_tighten('mobile', o.masked_mobile, w, p_before)).masked END
        FROM staff s, customers c
        WHERE s.id = o.staff_id AND s.branch = p_branch AND c.branch = p_branch AND c.customer_no = o.customer_no;
END
$$;

-- ---- 3. Narrowed where they are written ----

-- The branch's mask lock: shared by every transaction that writes a masked form (the triggers below), taken alone by
-- a change of a width (settings_set) before it reads the widths, until each transaction ends. A write either commits
-- before the narrowing (and is narrowed with the rest) or waits for it and reads the new widths. One branch's change
-- holds up no other branch.
CREATE FUNCTION branchvault.mask_lock_key(p_branch text) RETURNS bigint
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT hashtextextended('branchvault.masks:' || coalesce(p_branch, ''), 0) $$;

-- A masked form is about to be written for p_branch: READ COMMITTED only (a snapshot taken before a narrower width
-- committed would store a form the narrowing did not see), and the branch's mask lock, shared. Returns the branch's
-- widths, read after the lock.
CREATE FUNCTION branchvault.mask_writing(p_branch text) RETURNS integer[]
    LANGUAGE plpgsql
    SET search_path = branchvault, pg_temp
    AS $$
BEGIN
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'masked values are written in READ COMMITTED transactions only' USING ERRCODE = '25001';
    END IF;
    PERFORM pg_advisory_xact_lock_shared(mask_lock_key(p_branch));
    RETURN mask_widths(p_branch);
END
$$;

-- After migration 7's shape check (triggers fire in name order: ..._checked, ..._narrowed, ..._rechecked). An ID
-- number is narrowed after its statement instead (sealed_value_id_narrowed), when its ID type — which may come later in
-- the same INSERT — is there too.
CREATE FUNCTION branchvault.sealed_value_mask_narrowed() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    w integer[] := mask_writing((SELECT c.branch FROM customers c WHERE c.id = NEW.customer_id));
BEGIN
    -- the widths in force are also the widths the form was made under (a form showing more than them is narrowed)
    IF NEW.field <> 'id_number' THEN
        NEW.masked := (mask_tighten(NEW.field, NEW.masked, w, w)).masked;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER sealed_value_mask_narrowed BEFORE INSERT OR UPDATE OF masked ON branchvault.sealed_value
    FOR EACH ROW EXECUTE FUNCTION branchvault.sealed_value_mask_narrowed();

-- An ID number written: narrowed by its type's rule once the statement is done (a second pass finds it narrowed).
CREATE FUNCTION branchvault.sealed_value_id_narrowed() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    w        integer[] := mask_widths((SELECT c.branch FROM customers c WHERE c.id = NEW.customer_id));
    narrowed text := (mask_tighten(id_mask_kind(sealed_id_type(NEW.owner_kind, NEW.owner_id, NEW.customer_id)),
                                   NEW.masked, w, w)).masked;
BEGIN
    IF narrowed <> NEW.masked THEN
        UPDATE sealed_value SET masked = narrowed
            WHERE owner_kind = NEW.owner_kind AND owner_id = NEW.owner_id AND field = NEW.field;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER sealed_value_id_narrowed AFTER INSERT OR UPDATE OF masked ON branchvault.sealed_value
    FOR EACH ROW WHEN (NEW.field = 'id_number') EXECUTE FUNCTION branchvault.sealed_value_id_narrowed();

CREATE FUNCTION branchvault.suspicious_pair_mask_narrowed() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    w integer[] := mask_writing(NEW.branch);
BEGIN
    IF coalesce(NEW.masked_value, '') <> '' THEN
        NEW.masked_value := (mask_tighten(CASE NEW.kind WHEN 'phone' THEN 'mobile' ELSE 'account_number' END,
                                          NEW.masked_value, w, w)).masked;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER suspicious_pair_mask_narrowed BEFORE INSERT OR UPDATE OF masked_value ON branchvault.suspicious_pairs
    FOR EACH ROW EXECUTE FUNCTION branchvault.suspicious_pair_mask_narrowed();

CREATE FUNCTION branchvault.change_diff_mask_narrowed() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    w integer[];
BEGIN
    -- customer_changes carries the branch, customer_history only the customer
    IF TG_TABLE_NAME = 'customer_changes' THEN
        w := mask_writing(NEW.branch);
    ELSE
        w := mask_writing((SELECT c.branch FROM customers c WHERE c.id = NEW.customer_id));
    END IF;
    NEW.diff_json := mask_tighten_diff(NEW.diff_json, w, w, id_mask_kind(diff_id_type(NEW.diff_json, NEW.customer_id)));
    RETURN NEW;
END
$$;
CREATE TRIGGER change_diff_mask_narrowed BEFORE INSERT OR UPDATE OF diff_json ON branchvault.customer_changes
    FOR EACH ROW EXECUTE FUNCTION branchvault.change_diff_mask_narrowed();
CREATE TRIGGER history_diff_mask_narrowed BEFORE INSERT OR UPDATE OF diff_json ON branchvault.customer_history
    FOR EACH ROW EXECUTE FUNCTION branchvault.change_diff_mask_narrowed();

-- A clerk's lookup waiting to be released holds the forms it copied from the customer's values.
CREATE FUNCTION branchvault.lookup_mask_narrowed() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    v_branch text := (SELECT s.branch FROM staff s WHERE s.id = NEW.staff_id);
    v_type   text;
    w        integer[];
BEGIN
    IF NEW.customer_no IS NOT NULL THEN
        w := mask_writing(v_branch);
        v_type := (SELECT sealed_id_type('customer', c.id, c.id) FROM customers c
                   WHERE c.branch = v_branch AND c.customer_no = NEW.customer_no);
        NEW.masked_id_number := CASE WHEN NEW.masked_id_number IS NOT NULL
                                     THEN (mask_tighten(id_mask_kind(v_type), NEW.masked_id_number, w, w)).masked END;
        NEW.masked_mobile := CASE WHEN NEW.masked_mobile IS NOT NULL
                                  THEN (mask_tighten('mobile', NEW.masked_mobile, w, w)).masked END;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER lookup_mask_narrowed BEFORE INSERT OR UPDATE ON branchvault.lookup_outbox
    FOR EACH ROW EXECUTE FUNCTION branchvault.lookup_mask_narrowed();

-- ---- 4. The setting change ----

-- Migration 5's settings_set, with the masks narrowed as locally (SettingsService::set): a narrower width narrows every
-- stored form of the branch in this transaction and writes policy.remask after settings.change; a wider one (or a
-- narrowing that was not exact for some value) marks remask_pending, and the details say the stored forms stay
-- narrower: the server holds no full value to make them wider again.
CREATE OR REPLACE FUNCTION branchvault.settings_set(p_key text, p_value text, p_workstation text) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    v_branch text := my_branch();
    v_new    text;
    v_old    text;
    other    date[];
    mine     date[];
    details  json;
    remask   text;
    before   integer[];
    after    integer[];
    counts   record;
    narrowed boolean := false;
    inexact  bigint := 0;
    mask     boolean;
BEGIN
    IF my_role() IS DISTINCT FROM 'admin' THEN
        RAISE EXCEPTION 'only an active administrator changes settings' USING ERRCODE = '42501';
    END IF;
    v_new := setting_value(p_key, p_value);
    -- both date lists are locked: each is checked against the other
    PERFORM 1 FROM setting_spec s
        WHERE s.key = p_key OR (p_key IN ('complaint.holidays', 'complaint.extra_working_days')
                                AND s.key IN ('complaint.holidays', 'complaint.extra_working_days'))
        ORDER BY s.key FOR UPDATE;
    SELECT coalesce((SELECT st.value FROM settings st WHERE st.branch = v_branch AND st.key = p_key),
                    (SELECT s.default_value FROM setting_spec s WHERE s.key = p_key))
        INTO v_old;
    IF p_key IN ('complaint.holidays', 'complaint.extra_working_days') THEN
        mine := parse_date_list(p_key, v_new);
        other := parse_date_list(p_key, coalesce(
            (SELECT st.value FROM settings st WHERE st.branch = v_branch AND st.key <> p_key
                                                AND st.key IN ('complaint.holidays', 'complaint.extra_working_days')),
            ''));
        IF EXISTS (SELECT 1 FROM unnest(mine) d WHERE d = ANY (other)) THEN
            RAISE EXCEPTION 'setting %: a date is listed both as a holiday and as a make-up working day; remove it '
                            'from one of the two lists', p_key USING ERRCODE = '22023';
        END IF;
        IF EXISTS (SELECT 1 FROM unnest(CASE WHEN p_key = 'complaint.extra_working_days' THEN mine ELSE other END) d
                   WHERE extract(isodow FROM d) < 6) THEN
            RAISE EXCEPTION 'setting %: make-up working days are Saturdays or Sundays; a weekday is a working day '
                            'anyway', p_key USING ERRCODE = '22023';
        END IF;
    END IF;
    mask := p_key LIKE 'mask.%' AND v_new <> v_old;
    IF mask THEN
        -- the branch's mask lock, alone, before the widths are read: see mask_lock_key
        PERFORM pg_advisory_xact_lock(mask_lock_key(v_branch));
        before := mask_widths(v_branch);
    END IF;
    INSERT INTO settings (branch, key, value, updated_at, updated_by)
        VALUES (v_branch, p_key, v_new, now(), my_staff_id())
        ON CONFLICT (branch, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at,
                                                updated_by = excluded.updated_by;
    IF mask THEN
        after := mask_widths(v_branch);
        IF EXISTS (SELECT 1 FROM generate_subscripts(after, 1) i WHERE after[i] < before[i]) THEN
            SELECT * INTO counts FROM masks_narrow(v_branch, after, before);
            narrowed := true;
            inexact := counts.inexact;
        END IF;
        IF EXISTS (SELECT 1 FROM generate_subscripts(after, 1) i WHERE after[i] > before[i])
           OR inexact > 0 THEN
            INSERT INTO remask_pending (branch, since, setting) VALUES (v_branch, now(), p_key)
                ON CONFLICT (branch) DO UPDATE SET since = excluded.since, setting = excluded.setting;
            remask := 'stays narrower';
        END IF;
    END IF;
    details := CASE WHEN remask IS NULL THEN json_build_object('new', v_new, 'old', v_old)
                    ELSE json_build_object('new', v_new, 'old', v_old, 'remask', remask) END;
    PERFORM audit_write(p_workstation, 'settings.change', 'setting', p_key, NULL, 'ok', details::text);
    IF narrowed THEN
        PERFORM audit_write(p_workstation, 'policy.remask', 'settings', 'mask', NULL, 'ok',
                            jsonb_build_object('mode', 'tighten', 'setting', p_key, 'values', counts.checked,
                                               'changed', counts.changed, 'pairs', counts.pairs,
                                               'diffs', counts.diffs, 'inexact', counts.inexact)::text);
    END IF;
    RETURN v_new;
END
$$;

INSERT INTO branchvault.audit_server_actions (action, kind) VALUES ('policy.remask', 'exact');

REVOKE ALL ON FUNCTION branchvault.mask_widths(text), branchvault.mask_tighten(text, text, integer[], integer[]),
    branchvault.mask_tighten_diff(jsonb, integer[], integer[], text), branchvault.id_mask_kind(text),
    branchvault.sealed_id_type(text, bigint, bigint), branchvault.diff_id_type(jsonb, bigint),
    branchvault.sealed_value_id_narrowed(),
    branchvault.masks_narrow(text, integer[], integer[]), branchvault.mask_lock_key(text),
    branchvault.mask_writing(text), branchvault.lookup_mask_narrowed(),
    branchvault.sealed_value_mask_narrowed(), branchvault.suspicious_pair_mask_narrowed(),
    branchvault.change_diff_mask_narrowed() FROM PUBLIC;

-- ---- 5. What is stored already ----

-- Narrowings set before this migration changed no stored form (migration 5 only marked remask_pending): every branch's
-- forms are narrowed to its widths now, recorded as the system's policy.remask row per branch that had any.
DO $$
DECLARE
    b      text;
    counts record;
BEGIN
    FOR b IN SELECT DISTINCT c.branch FROM branchvault.customers c ORDER BY 1 LOOP
        SELECT * INTO counts FROM branchvault.masks_narrow(b, branchvault.mask_widths(b), NULL);
        IF counts.changed + counts.pairs + counts.diffs > 0 THEN
            PERFORM branchvault.audit_write_system('migration 23', 'policy.remask', 'settings', 'mask',
                jsonb_build_object('mode', 'tighten', 'branch', b, 'values', counts.checked, 'changed', counts.changed,
                                   'pairs', counts.pairs, 'diffs', counts.diffs, 'inexact', counts.inexact)::text);
        END IF;
    END LOOP;
END
$$;

UPDATE branchvault.meta SET value = '23' WHERE key = 'schema_version';
