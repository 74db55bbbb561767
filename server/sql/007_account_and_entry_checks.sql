-- BranchVault branch server (docs/SERVER.md), migration 7: checks a review of migrations 3 to 5 found missing —
-- a password reset of a frozen account waits for a branch manager as locally, and a new or reset password must be
-- changed before the account does anything else; the masked forms a workstation sends must have the shape local
-- mode's masking gives them (the regulatory floors of DESIGN §4), grade-2 free text holds no full ID, mobile or
-- card number; and one ID number per branch also against the values staged in pending changes, checked again when
-- a change is approved.
--
-- Migration 6 is written in parallel and changes other functions (clerk_lookup, audit_append, grant_consume,
-- request_submit, default privileges); nothing here depends on it or replaces what it replaces.

-- ---- 1. Accounts: a reset waits also for a frozen account; the first sign-in changes the password ----

-- As locally (users.must_change_password): set by staff_create and staff_reset_password, cleared by the holder's own
-- staff_change_password. Accounts that exist already keep working (false).
ALTER TABLE branchvault.staff ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;

-- Who the caller is, for every policy and function: an account whose password must be changed first counts as no
-- staff member at all (it reads nothing and calls nothing), as locally, where such a session can only change its
-- password. staff_change_password does not ask these functions, so it stays callable.
CREATE OR REPLACE FUNCTION branchvault.my_role() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$ SELECT role FROM staff WHERE pg_role = session_user AND status = 'active' AND NOT must_change_password $$;
CREATE OR REPLACE FUNCTION branchvault.my_staff_id() RETURNS bigint
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$ SELECT id FROM staff WHERE pg_role = session_user AND status = 'active' AND NOT must_change_password $$;
CREATE OR REPLACE FUNCTION branchvault.my_branch() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$ SELECT branch FROM staff WHERE pg_role = session_user AND status = 'active' AND NOT must_change_password $$;

-- staff_create as in migration 5, and the new account must change its one-time password at its first sign-in
-- (AccountRepository::insert stores must_change_password 1 for every new account).
CREATE OR REPLACE FUNCTION branchvault.staff_create(p_login text, p_pg_role text, p_role text, p_staff_no text,
                                                    p_verifier text, p_workstation text) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    v_login    text := lower(btrim(coalesce(p_login, '')));
    v_staff_no text := coalesce(nullif(btrim(coalesce(p_staff_no, '')), ''), lower(btrim(coalesce(p_login, ''))));
    v_awaits   boolean;
    v_id       bigint;
BEGIN
    IF my_role() IS DISTINCT FROM 'admin' THEN
        RAISE EXCEPTION 'only an active administrator creates accounts' USING ERRCODE = '42501';
    END IF;
    IF v_login !~ '^[a-z][a-z0-9._-]{1,31}$' THEN
        RAISE EXCEPTION 'login: 2 to 32 characters, lower-case letters, digits, dot, dash or underscore, starting '
                        'with a letter' USING ERRCODE = '22023';
    END IF;
    IF coalesce(p_pg_role, '') !~ '^[a-z][a-z0-9_]{1,62}$' OR p_pg_role LIKE 'bv\_%' OR p_pg_role LIKE 'pg\_%' THEN
        RAISE EXCEPTION 'login role name: 2 to 63 lower-case letters, digits or underscores, starting with a letter, '
                        'not starting with bv_ or pg_' USING ERRCODE = '22023';
    END IF;
    IF coalesce(p_role, '') NOT IN ('manager', 'customer_manager', 'clerk', 'admin', 'auditor') THEN
        RAISE EXCEPTION 'role: one of manager, customer_manager, clerk, admin, auditor' USING ERRCODE = '22023';
    END IF;
    IF char_length(v_staff_no) > 32 THEN
        RAISE EXCEPTION 'staff number: at most 32 characters' USING ERRCODE = '22023';
    END IF;
    PERFORM check_verifier(p_verifier);
    PERFORM lock_person(v_staff_no);
    IF EXISTS (SELECT 1 FROM staff s WHERE s.login = v_login) THEN
        RAISE EXCEPTION 'the login is taken (frozen accounts keep their login); choose another login'
            USING ERRCODE = '23505';
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = p_pg_role) THEN
        RAISE EXCEPTION 'a database role of this name exists already; choose another login role name'
            USING ERRCODE = '23505';
    END IF;
    PERFORM check_one_active(v_staff_no, NULL);
    PERFORM check_separation(v_staff_no, p_role, NULL);
    v_awaits := sees_customers(p_role);
    INSERT INTO staff (login, pg_role, role, status, branch, staff_no, created_by, awaiting, awaiting_since,
                       awaiting_by, must_change_password)
    VALUES (v_login, p_pg_role, p_role, CASE WHEN v_awaits THEN 'awaiting' ELSE 'active' END, my_branch(),
            v_staff_no, my_staff_id(), CASE WHEN v_awaits THEN 'create' END, CASE WHEN v_awaits THEN now() END,
            CASE WHEN v_awaits THEN my_staff_id() END, true)
    RETURNING id INTO v_id;
    EXECUTE format('CREATE ROLE %I %s PASSWORD %L IN ROLE %I', p_pg_role,
                   CASE WHEN v_awaits THEN 'NOLOGIN' ELSE 'LOGIN' END, p_verifier, 'bv_' || p_role);
    PERFORM audit_write(p_workstation, 'user.create', 'user', v_id::text, NULL, 'ok',
                        json_build_object('awaitingConfirmation', v_awaits, 'branch', my_branch(),
                                          'login', v_login, 'role', p_role, 'staffNo', v_staff_no)::text);
    RETURN v_id;
END
$$;

-- Freezing an account that is frozen already does nothing, also while a change of it waits (as locally, where
-- freeze() returns at once for a frozen account and its waiting change stays): migration 5's freeze would have
-- cleared a waiting reset of a frozen account without a branch manager's decline, and the unfreeze after it would
-- again have shown the branch manager only an unfreeze.
CREATE OR REPLACE FUNCTION branchvault.staff_freeze(p_login text, p_workstation text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    account staff%ROWTYPE := admin_target(p_login);
BEGIN
    IF account.status = 'frozen' OR account.frozen_at IS NOT NULL THEN
        RETURN;
    END IF;
    UPDATE staff SET status = 'frozen', frozen_at = now(), awaiting = NULL, awaiting_role = NULL,
                     awaiting_since = NULL, awaiting_by = NULL
        WHERE id = account.id;
    EXECUTE format('ALTER ROLE %I NOLOGIN', account.pg_role);
    PERFORM audit_write(p_workstation, 'user.freeze', 'user', account.id::text, NULL, 'ok',
                        json_build_object('login', account.login)::text);
END
$$;

-- A frozen account is one with frozen_at set: status 'frozen', or 'awaiting' a change while frozen (an unfreeze,
-- or now a password reset). Unfreezing refuses while a change waits (AccountService::unfreeze, alreadyAwaiting);
-- unfreezing an account that is not frozen does nothing.
CREATE OR REPLACE FUNCTION branchvault.staff_unfreeze(p_login text, p_workstation text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    account staff%ROWTYPE := admin_target(p_login);
    v_awaits boolean := sees_customers(account.role);
BEGIN
    IF account.status = 'awaiting' AND account.frozen_at IS NOT NULL THEN
        RAISE EXCEPTION 'account % already waits for a branch manager''s confirmation of an earlier change (%); ask a '
                        'branch manager to confirm or decline that change first', account.login, account.awaiting
            USING ERRCODE = 'BV409';
    END IF;
    IF account.status <> 'frozen' THEN
        RETURN;
    END IF;
    PERFORM lock_person(account.staff_no);
    PERFORM check_one_active(account.staff_no, account.id);
    IF v_awaits THEN
        UPDATE staff SET status = 'awaiting', awaiting = 'unfreeze', awaiting_since = now(),
                         awaiting_by = my_staff_id()
            WHERE id = account.id;
    ELSE
        UPDATE staff SET status = 'active', frozen_at = NULL WHERE id = account.id;
        EXECUTE format('ALTER ROLE %I LOGIN', account.pg_role);
    END IF;
    PERFORM audit_write(p_workstation, 'user.unfreeze', 'user', account.id::text, NULL, 'ok',
                        json_build_object('awaitingConfirmation', v_awaits, 'login', account.login)::text);
END
$$;

-- The password reset (AccountService::resetPassword) as locally: an account that can see customer data waits for a
-- branch manager also when it is frozen (migration 5 let a frozen account skip the wait, so that freeze, reset and
-- unfreeze showed the branch manager only an unfreeze); a new or reset account still waiting just gets the new
-- verifier; any other waiting change comes first. The account must change the new password at its first sign-in.
-- A frozen account stays frozen (frozen_at kept): its reset cannot be confirmed (staff_confirm) — the branch manager
-- declines it, and the administrator unfreezes the account when the person is back.
CREATE OR REPLACE FUNCTION branchvault.staff_reset_password(p_login text, p_verifier text, p_workstation text)
    RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    account staff%ROWTYPE := admin_target(p_login);
    v_awaits boolean := sees_customers(account.role);
BEGIN
    PERFORM check_verifier(p_verifier);
    IF v_awaits AND account.awaiting IN ('unfreeze', 'role') THEN
        RAISE EXCEPTION 'account % already waits for a branch manager''s confirmation of an earlier change (%); ask a '
                        'branch manager to confirm or decline that change first', account.login, account.awaiting
            USING ERRCODE = 'BV409';
    END IF;
    EXECUTE format('ALTER ROLE %I PASSWORD %L', account.pg_role, p_verifier);
    UPDATE staff SET must_change_password = true WHERE id = account.id;
    IF v_awaits AND account.awaiting IS NULL THEN
        UPDATE staff SET status = 'awaiting', awaiting = 'reset', awaiting_since = now(), awaiting_by = my_staff_id()
            WHERE id = account.id;
        EXECUTE format('ALTER ROLE %I NOLOGIN', account.pg_role);
    END IF;
    PERFORM audit_write(p_workstation, 'user.reset_password', 'user', account.id::text, NULL, 'ok',
                        json_build_object('awaitingConfirmation', v_awaits, 'login', account.login)::text);
END
$$;

-- The holder's own new password, as in migration 5; it also ends the first-sign-in requirement. It asks the staff
-- row itself, not my_role(), so an account that must change its password can call it (and only it).
CREATE OR REPLACE FUNCTION branchvault.staff_change_password(p_verifier text, p_workstation text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    me staff%ROWTYPE;
BEGIN
    SELECT * INTO me FROM staff s WHERE s.pg_role = session_user AND s.status = 'active' FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'this login is not an active BranchVault staff account' USING ERRCODE = '42501';
    END IF;
    PERFORM check_verifier(p_verifier);
    EXECUTE format('ALTER ROLE %I PASSWORD %L', me.pg_role, p_verifier);
    UPDATE staff SET must_change_password = false WHERE id = me.id;
    PERFORM audit_write(p_workstation, 'auth.password_change', 'user', me.id::text, NULL, 'ok', '{}');
END
$$;

-- The branch manager confirms the waiting change, as in migration 5, except for a frozen account: only its unfreeze
-- is confirmed (AccountService::applyConfirmation: "confirming this change would give it access to customer
-- information again. Decline it; if the person is back, the administrator unfreezes the account first").
CREATE OR REPLACE FUNCTION branchvault.staff_confirm(p_login text, p_change text, p_workstation text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    account staff%ROWTYPE := waiting_target(p_login, p_change);
    v_role  text := coalesce(account.awaiting_role, account.role);
    details json;
BEGIN
    IF account.frozen_at IS NOT NULL AND account.awaiting <> 'unfreeze' THEN
        RAISE EXCEPTION 'account % is frozen: confirming this change (%) would give it access to customer information '
                        'again. Decline it; if the person is back, the administrator unfreezes the account first',
                        account.login, account.awaiting
            USING ERRCODE = '42501';
    END IF;
    IF account.awaiting = 'role' THEN
        EXECUTE format('REVOKE %I FROM %I', 'bv_' || account.role, account.pg_role);
        EXECUTE format('GRANT %I TO %I', 'bv_' || account.awaiting_role, account.pg_role);
    END IF;
    UPDATE staff SET role = v_role, status = 'active', frozen_at = NULL, awaiting = NULL, awaiting_role = NULL,
                     awaiting_since = NULL, awaiting_by = NULL, decided_by = my_staff_id(), decided_at = now()
        WHERE id = account.id;
    EXECUTE format('ALTER ROLE %I LOGIN', account.pg_role);
    IF account.awaiting = 'role' THEN
        details := json_build_object('change', account.awaiting, 'keySlotWritten', false, 'login', account.login,
                                     'role', account.awaiting_role, 'withRecoveryPassphrase', false);
    ELSE
        details := json_build_object('change', account.awaiting, 'keySlotWritten', false, 'login', account.login,
                                     'withRecoveryPassphrase', false);
    END IF;
    PERFORM audit_write(p_workstation, 'user.confirm', 'user', account.id::text, NULL, 'ok', details::text);
END
$$;

-- ---- 2. The masked forms have the shape local mode's masking gives them ----

-- What is wrong with a grade-1 field's masked form (NULL: nothing), checked against the regulatory floors of
-- DESIGN §4 and the widths' ceilings (MaskSettings: phone first 3 and last 4 at most, the middle 4 always hidden;
-- mainland ID first 6 at most of 15 or 18; other ID first 4 at most; ID numbers never show their last 4;
-- account/card first 6 and last 6 at most with at least 4 hidden; e-mail the first character of the local part,
-- '***@' and the domain; address the first 6 characters and '****'; birth date fully masked; a name its initials or
-- its first and last character) — each the shape core/policy/Masking.cpp produces, so no masked form can carry more
-- of the value than the floor allows: no run of shown characters longer than the part that may be shown, at least
-- the hidden part the floor requires, and a length limit. The ID type is shown in the clear, so it must be one of
-- its keys (core/customers/rules/IdNumber.cpp). Where the server is stricter than Masking.cpp, it is said below.
CREATE FUNCTION branchvault.mask_problem(p_field text, p_masked text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    m       text := coalesce(p_masked, '');
    kind    text := CASE WHEN p_field LIKE 'account\_number%' THEN 'account' ELSE p_field END;
    counted text;
    parts   text[];
BEGIN
    IF m = '' THEN
        RETURN 'it is empty';
    END IF;
    IF kind = 'id_type' THEN
        IF m NOT IN ('mainland_id', 'hk_macau_permit', 'taiwan_permit', 'foreign_permanent_residence', 'passport_cn',
                     'passport_foreign', 'other') THEN
            RETURN 'an ID type is one of mainland_id, hk_macau_permit, taiwan_permit, foreign_permanent_residence, '
                   'passport_cn, passport_foreign, other';
        END IF;
        RETURN NULL;
    END IF;
    IF kind = 'birth_date' THEN
        RETURN CASE WHEN m = '****-**-**' THEN NULL ELSE 'a birth date is masked whole (****-**-**)' END;
    END IF;
    IF kind = 'name' THEN
        -- initials ("J S***"), or the first and last character ("王*", "欧阳**锋"); stricter than Masking.cpp: no
        -- digit at all (a name's word that starts with a digit is refused rather than risk a number spelt out)
        IF char_length(m) > 64 OR m ~ '[0-9０-９]'
           OR (m !~ '^([^*[:space:]]( [^*[:space:]])*)?\*\*\*$' AND m !~ '^[^*[:space:]]?\*$'
               AND m !~ '^[^*[:space:]]\*+[^*[:space:]]$') THEN
            RETURN 'a name shows at most its initials, or its first and last character, the rest as *';
        END IF;
        RETURN NULL;
    END IF;
    IF kind = 'id_number' THEN
        parts := regexp_match(m, '^([0-9A-Za-z]*)(\*+)$');
        IF char_length(m) > 40 OR parts IS NULL
           OR (parts[1] <> '' AND char_length(parts[2]) < 4)
           OR char_length(parts[1]) > (CASE WHEN char_length(m) IN (15, 18) THEN 6 ELSE 4 END) THEN
            RETURN 'an ID number shows at most its first 6 characters (mainland, 15 or 18) or first 4 (other), '
                   'never its last 4, the rest as *';
        END IF;
        RETURN NULL;
    END IF;
    IF kind IN ('mobile', 'other_phone', 'account') THEN
        -- separators kept in place (space, + - . ( ) /); every other character is one of the number, or a *
        IF char_length(m) > (CASE kind WHEN 'account' THEN 60 ELSE 40 END) OR m ~ '[^0-9A-Za-z*+(). /-]' THEN
            RETURN CASE kind WHEN 'account' THEN 'an account number' ELSE 'a phone number' END
                   || ' is digits, letters, * and separators only';
        END IF;
        counted := regexp_replace(m, '[^0-9A-Za-z*]', '', 'g');
        IF counted !~ '^\*+$' AND counted !~ (CASE kind WHEN 'account' THEN '^[0-9A-Za-z]{0,6}\*{4,}[0-9A-Za-z]{0,6}$'
                                                   ELSE '^[0-9A-Za-z]{0,3}\*{4,}[0-9A-Za-z]{0,4}$' END) THEN
            RETURN CASE kind WHEN 'account' THEN 'an account number shows at most its first 6 and last 6 characters'
                             ELSE 'a phone number shows at most its first 3 and last 4 digits' END
                   || ', at least 4 in the middle as *';
        END IF;
        RETURN NULL;
    END IF;
    IF kind = 'email' THEN
        parts := regexp_match(m, '^[^[:space:]@*]?\*\*\*@([^[:space:]@*]{1,253})$');
        IF m <> '***' AND (parts IS NULL OR regexp_replace(parts[1], '[０-９]', '0', 'g') ~ '[0-9]{6,}') THEN
            RETURN 'an e-mail address shows at most the first character of its local part, then ***@ and the domain';
        END IF;
        RETURN NULL;
    END IF;
    IF kind = 'address' THEN
        IF m !~ '^[^*]{0,6}\*\*\*\*$' THEN
            RETURN 'an address shows at most its first 6 characters, then ****';
        END IF;
        RETURN NULL;
    END IF;
    RETURN 'the field has no mask rule';
END
$$;

-- Every sealed value written (a new record, an edit's staged values, an account's number, a value moved to the
-- history) has a masked form of its field's shape: checked where it is stored, so customer_submit, customer_edit
-- and the account changes all go through it. The message names the field and the rule, never the value.
CREATE FUNCTION branchvault.sealed_value_mask_checked() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    problem text := mask_problem(NEW.field, NEW.masked);
BEGIN
    IF problem IS NOT NULL THEN
        RAISE EXCEPTION 'sealed field "%": its masked form does not have the shape the masking rules give it (%); '
                        'the workstation masks before it sends — update the workstation',
                        regexp_replace(NEW.field, ':.*$', ''), problem
            USING ERRCODE = '22023';
    END IF;
    RETURN NEW;
END
$$;
-- (A value only moved — to the customer, an account or the history — keeps the masked form it was checked with.)
CREATE TRIGGER sealed_value_mask_checked BEFORE INSERT ON branchvault.sealed_value
    FOR EACH ROW EXECUTE FUNCTION branchvault.sealed_value_mask_checked();
CREATE TRIGGER sealed_value_mask_rechecked BEFORE UPDATE OF masked ON branchvault.sealed_value
    FOR EACH ROW WHEN (OLD.masked IS DISTINCT FROM NEW.masked)
    EXECUTE FUNCTION branchvault.sealed_value_mask_checked();

-- Luhn's check digit, as FreeText's luhnValid.
CREATE FUNCTION branchvault.luhn_valid(p_digits text) RETURNS boolean
    LANGUAGE plpgsql IMMUTABLE
    SET search_path = pg_catalog
    AS $$
DECLARE
    total integer := 0;
    d     integer;
    twice boolean := false;
BEGIN
    IF p_digits IS NULL OR p_digits = '' OR p_digits ~ '[^0-9]' THEN
        RETURN false;
    END IF;
    FOR i IN REVERSE char_length(p_digits)..1 LOOP
        d := substr(p_digits, i, 1)::integer;
        IF twice THEN
            d := d * 2;
            IF d > 9 THEN
                d := d - 9;
            END IF;
        END IF;
        total := total + d;
        twice := NOT twice;
    END LOOP;
    RETURN total % 10 = 0;
END
$$;

-- FreeText::check's classification of a run of digits (separators removed): a mainland ID number, a mobile number,
-- a card number (13 to 19 digits passing Luhn), or NULL.
CREATE FUNCTION branchvault.free_text_kind(p_digits text) RETURNS text
    LANGUAGE sql IMMUTABLE
    SET search_path = branchvault, pg_temp
    AS $$ SELECT CASE WHEN p_digits ~ '^[0-9]{17}[0-9X]$' OR p_digits ~ '^[0-9]{15}$' THEN 'an ID number'
                      WHEN p_digits ~ '^1[3-9][0-9]{9}$' THEN 'a mobile number'
                      WHEN char_length(p_digits) BETWEEN 13 AND 19 AND luhn_valid(p_digits) THEN 'a card number'
                 END $$;

-- What a grade-2 free text holds that the workstation's FreeText check would have masked (an ID, mobile or card
-- number, whole or written in groups, full-width digits too), or NULL. The secrets after "password", "PIN", ... are
-- not looked for here: they are not numbers of a customer's record the server could recognise with certainty.
CREATE FUNCTION branchvault.free_text_problem(p_text text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    t     text := translate(coalesce(p_text, ''), '０１２３４５６７８９Ｘｘ　－', '0123456789Xx -');
    run   text;
    kind  text;
BEGIN
    FOR run IN SELECT (regexp_matches(t, '(?<![0-9])[0-9]+[Xx]?(?![0-9])', 'g'))[1] LOOP
        run := upper(run);
        kind := free_text_kind(run);
        IF kind IS NULL AND run LIKE '%X' THEN
            kind := free_text_kind(left(run, -1));
        END IF;
        IF kind IS NOT NULL THEN
            RETURN kind;
        END IF;
    END LOOP;
    FOR run IN SELECT (regexp_matches(t, '(?<![0-9])[0-9]{3,6}(?:[ -][0-9]{2,6}){1,4}(?![0-9])', 'g'))[1] LOOP
        kind := free_text_kind(regexp_replace(run, '[^0-9]', '', 'g'));
        IF kind IS NOT NULL THEN
            RETURN kind;
        END IF;
    END LOOP;
    RETURN NULL;
END
$$;

-- The entry's values checked as in migration 3, and now also: a grade-2 text holds no full ID, mobile or card number
-- (the workstation masks them with FreeText before it sends; the amount, aum_cny, is a number of yuan, not text).
-- The masked forms are checked where they are stored (sealed_value_mask_checked).
CREATE OR REPLACE FUNCTION branchvault.checked_entry(p_values jsonb, p_sealed branchvault.sealed_input[]) RETURNS jsonb
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
        IF k <> 'aum_cny' AND free_text_problem(v #>> '{}') IS NOT NULL THEN
            RAISE EXCEPTION 'field "%" holds what looks like % written out in full; the workstation masks such '
                            'numbers before it sends (or write the text without it)', k, free_text_problem(v #>> '{}')
                USING ERRCODE = '22023';
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

-- ---- 3. One ID number per branch, also against the changes waiting for approval ----

-- The records that hold an ID number (pending, active or closed, as local's heldSql), and — with p_staged — the ID
-- numbers staged in the branch's pending edits (owner_kind 'change'), which become a record's when approved: two
-- customer managers each giving their customer the same ID number in an edit were both accepted by migration 3, and
-- both approved. The refusal names the existing record's number and its customer manager masked (or the waiting
-- change), never its details. The caller holds the branch's entry lock (customer_numbers row).
CREATE FUNCTION branchvault.refuse_duplicate_id_held(p_branch text, p_id_blind bytea, p_except bigint,
                                                     p_staged boolean) RETURNS void
    LANGUAGE plpgsql STABLE
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    hit customers%ROWTYPE;
    ch  customer_changes%ROWTYPE;
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
    IF NOT p_staged THEN
        RETURN;
    END IF;
    SELECT x.* INTO ch FROM customer_changes x
        JOIN sealed_value s ON s.owner_kind = 'change' AND s.owner_id = x.id AND s.field = 'id_number'
        WHERE x.branch = p_branch AND x.status = 'pending' AND x.customer_id <> coalesce(p_except, 0)
          AND s.blind_domain = 'id' AND s.blind = p_id_blind
        ORDER BY x.id LIMIT 1;
    IF FOUND THEN
        SELECT c.* INTO hit FROM customers c WHERE c.id = ch.customer_id;
        RAISE EXCEPTION 'A change waiting for approval (change %) already gives this ID number to customer number %, '
                        'customer manager %. Do not enter it again; ask the branch manager to decide on that change '
                        'first.', ch.id, hit.customer_no,
            mask_staff_name((SELECT st.display_name FROM staff st WHERE st.id = ch.maker_id))
            USING ERRCODE = '23505';
    END IF;
END
$$;

-- customer_submit and customer_edit (migration 3) call this under the entry lock: now with the staged values.
CREATE OR REPLACE FUNCTION branchvault.refuse_duplicate_id(p_branch text, p_id_blind bytea, p_except bigint)
    RETURNS void
    LANGUAGE sql STABLE
    SET search_path = branchvault, pg_temp
    AS $$ SELECT refuse_duplicate_id_held(p_branch, p_id_blind, p_except, true) $$;

-- Checked again when an edit's ID number becomes the record's: change_decide moves the staged value to the customer
-- (owner_kind 'change' to 'customer'), and this trigger takes the branch's entry lock and refuses the approval if
-- another record holds the number by then (a pair of edits staged before this migration, or any way round the
-- check at submission). Only the records count here, not other pending changes: of two edits waiting with one
-- number, the first approved wins and the second is refused when it is approved (the branch manager rejects it).
-- Lock order as customer_edit's: the customer's row (change_decide locks it first), then the entry lock.
CREATE FUNCTION branchvault.sealed_value_id_rechecked() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    br text;
BEGIN
    SELECT c.branch INTO br FROM customers c WHERE c.id = NEW.customer_id;
    INSERT INTO customer_numbers (branch, next) VALUES (br, 0) ON CONFLICT (branch) DO NOTHING;
    PERFORM 1 FROM customer_numbers n WHERE n.branch = br FOR UPDATE;
    PERFORM refuse_duplicate_id_held(br, NEW.blind, NEW.customer_id, false);
    RETURN NEW;
END
$$;
CREATE TRIGGER sealed_value_id_rechecked BEFORE UPDATE OF owner_kind ON branchvault.sealed_value
    FOR EACH ROW WHEN (OLD.owner_kind = 'change' AND NEW.owner_kind = 'customer' AND NEW.field = 'id_number')
    EXECUTE FUNCTION branchvault.sealed_value_id_rechecked();

REVOKE ALL ON FUNCTION branchvault.mask_problem(text, text), branchvault.sealed_value_mask_checked(),
    branchvault.luhn_valid(text), branchvault.free_text_kind(text), branchvault.free_text_problem(text),
    branchvault.refuse_duplicate_id_held(text, bytea, bigint, boolean), branchvault.sealed_value_id_rechecked()
    FROM PUBLIC;

-- ---- 4. Wording ----

-- customer_assign as in migration 3, except that an account waiting for a branch manager's confirmation is no longer
-- called frozen: the refusal says which state the account is in.
CREATE OR REPLACE FUNCTION branchvault.customer_assign(p_customer_no text, p_kind text, p_manager_login text, p_until date,
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
            IF target.status = 'awaiting' AND target.frozen_at IS NULL THEN
                RAISE EXCEPTION 'field "manager": the account % waits for a branch manager''s confirmation (%) and '
                                'cannot take customers until it is confirmed', target.login, target.awaiting
                    USING ERRCODE = '22023';
            END IF;
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

UPDATE branchvault.meta SET value = '7' WHERE key = 'schema_version';
