-- BranchVault branch server (docs/SERVER.md), migration 5: the administrator's side — staff accounts as
-- PostgreSQL login roles under dual control, and the branch's settings — mirroring local mode (DESIGN §3;
-- core/auth/AccountService.cpp and AccountConfirmation.cpp; core/policy/SettingsService.cpp and MaskSettings.cpp).
--
-- The privilege this needs: the database's owner (who applies the migrations and owns the SECURITY DEFINER
-- functions below) must have CREATEROLE, since staff_create makes a login role and puts it in its group role, and
-- the other functions ALTER those roles (LOGIN / NOLOGIN, a new password verifier, another group). On PostgreSQL 15
-- CREATEROLE is enough. (On 16 and later a CREATEROLE role also needs ADMIN OPTION on the group roles bv_manager ...
-- bv_auditor — it has it for the roles it created itself — and may alter only the roles it created.) The owner is
-- never a staff login and is not a superuser; the functions below only ever create roles in the bv_* groups, and
-- never take a role or group name from a caller except a validated name for the new login role.
--
-- Passwords: the workstation computes the SCRAM-SHA-256 verifier (PQencryptPasswordConn) and sends only that;
-- a function refuses anything else, since PostgreSQL would hash a string that is not a well-formed verifier as a
-- plaintext password — and the plaintext would then have passed through the server and possibly its log. The
-- workstation binds it as a parameter, so the STATEMENT line an error leaves in the server's log shows $n, not the
-- value (log_parameter_max_length_on_error stays 0, its default; log_statement is not 'all'). The password rule
-- (length, letters and digits, history) is checked by the workstation: a verifier cannot be.

-- The staff table gains what local mode's users table keeps for an account: the person's staff number (for
-- "one person, one active account" and "admin and auditor never the same person"), who created it and when, when it
-- was frozen, the change waiting for a branch manager's confirmation (dual control), and who decided the last one.
ALTER TABLE branchvault.staff ADD COLUMN staff_no text;
UPDATE branchvault.staff SET staff_no = login WHERE staff_no IS NULL;
ALTER TABLE branchvault.staff ALTER COLUMN staff_no SET NOT NULL;
ALTER TABLE branchvault.staff ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE branchvault.staff ADD COLUMN created_by bigint REFERENCES branchvault.staff (id);
ALTER TABLE branchvault.staff ADD COLUMN frozen_at timestamptz;
ALTER TABLE branchvault.staff ADD COLUMN awaiting text CHECK (awaiting IN ('create', 'reset', 'unfreeze', 'role'));
ALTER TABLE branchvault.staff ADD COLUMN awaiting_role text
    CHECK (awaiting_role IN ('manager', 'customer_manager', 'clerk'));
ALTER TABLE branchvault.staff ADD COLUMN awaiting_since timestamptz;
ALTER TABLE branchvault.staff ADD COLUMN awaiting_by bigint REFERENCES branchvault.staff (id);
ALTER TABLE branchvault.staff ADD COLUMN decided_by bigint REFERENCES branchvault.staff (id);
ALTER TABLE branchvault.staff ADD COLUMN decided_at timestamptz;
CREATE INDEX staff_staff_no ON branchvault.staff (staff_no);
-- 'awaiting': a change of an account that can see customer data waits for a branch manager (its login role is
-- NOLOGIN meanwhile, and my_role() / my_staff_id() / my_branch() count only 'active', so an open connection of it
-- reads and calls nothing either). Local mode keeps status 'active' beside its awaiting column and refuses the
-- sign-in; here the status itself says it, so every policy written against my_role() refuses it without knowing.
ALTER TABLE branchvault.staff DROP CONSTRAINT IF EXISTS staff_status_check;
ALTER TABLE branchvault.staff ADD CONSTRAINT staff_status_check CHECK (status IN ('active', 'awaiting', 'frozen'));
ALTER TABLE branchvault.staff ADD CONSTRAINT staff_awaiting_status CHECK ((status = 'awaiting') = (awaiting IS NOT NULL));
ALTER TABLE branchvault.staff ADD CONSTRAINT staff_awaiting_role CHECK ((awaiting = 'role') = (awaiting_role IS NOT NULL));

-- As in local mode (Schema.cpp, users_never_deleted and users_privileged_role_fixed): an account is frozen, never
-- deleted (its history stays attributable), and never moves into or out of the administrator or auditor role.
CREATE FUNCTION branchvault.staff_never_deleted() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = branchvault, pg_temp
    AS $$
BEGIN
    RAISE EXCEPTION 'accounts are frozen, never deleted' USING ERRCODE = '42501';
END
$$;
CREATE TRIGGER staff_never_deleted BEFORE DELETE ON branchvault.staff
    FOR EACH ROW EXECUTE FUNCTION branchvault.staff_never_deleted();
CREATE FUNCTION branchvault.staff_privileged_role_fixed() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = branchvault, pg_temp
    AS $$
BEGIN
    IF OLD.role <> NEW.role AND (OLD.role IN ('admin', 'auditor') OR NEW.role IN ('admin', 'auditor')) THEN
        RAISE EXCEPTION 'admin and auditor roles cannot be changed' USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END
$$;
-- The staff number defaults to the login (AccountService::insert), also for rows the owner inserts.
CREATE FUNCTION branchvault.staff_defaults() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = branchvault, pg_temp
    AS $$
BEGIN
    NEW.staff_no := coalesce(NEW.staff_no, NEW.login);
    RETURN NEW;
END
$$;
CREATE TRIGGER staff_defaults BEFORE INSERT ON branchvault.staff
    FOR EACH ROW EXECUTE FUNCTION branchvault.staff_defaults();
CREATE TRIGGER staff_privileged_role_fixed BEFORE UPDATE OF role ON branchvault.staff
    FOR EACH ROW EXECUTE FUNCTION branchvault.staff_privileged_role_fixed();
REVOKE ALL ON FUNCTION branchvault.staff_never_deleted(), branchvault.staff_privileged_role_fixed(),
    branchvault.staff_defaults() FROM PUBLIC;

-- One row per person (staff number), locked while an account of that person is created, unfrozen or checked for
-- separation of duties: two administrators creating an admin and an auditor account for one person at the same
-- time are serialised by this row lock, and the second sees the first's account.
CREATE TABLE branchvault.staff_person (
    staff_no text PRIMARY KEY
);
INSERT INTO branchvault.staff_person (staff_no) SELECT DISTINCT staff_no FROM branchvault.staff;

-- The administrator reads the staff list of the branch: login, role, status and branch, nothing more (the column
-- privileges), through row-level security that asks the caller's recorded role.
ALTER TABLE branchvault.staff ENABLE ROW LEVEL SECURITY;
CREATE POLICY admin_reads_the_staff_list ON branchvault.staff FOR SELECT TO bv_admin
    USING (branchvault.my_role() = 'admin' AND branch = branchvault.my_branch());
REVOKE ALL ON branchvault.staff, branchvault.staff_person FROM PUBLIC;
GRANT SELECT (login, role, status, branch) ON branchvault.staff TO bv_admin;

-- A well-formed SCRAM-SHA-256 verifier, as PostgreSQL stores it and PQencryptPasswordConn computes it:
-- SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>, base64, 32-byte keys, at least 4096 iterations
-- (RFC 7677) and an 8-byte salt. Anything else is refused: PostgreSQL would take it for a plaintext password.
CREATE FUNCTION branchvault.check_verifier(p_verifier text) RETURNS void
    LANGUAGE plpgsql IMMUTABLE
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    parts text[];
BEGIN
    parts := regexp_match(coalesce(p_verifier, ''),
        '^SCRAM-SHA-256\$([0-9]{4,7}):([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2}):([A-Za-z0-9+/]+={0,2})$');
    IF parts IS NULL OR parts[1]::integer < 4096
       OR length(parts[2]) % 4 <> 0 OR length(decode(parts[2], 'base64')) < 8
       OR length(parts[3]) <> 44 OR length(decode(parts[3], 'base64')) <> 32
       OR length(parts[4]) <> 44 OR length(decode(parts[4], 'base64')) <> 32 THEN
        -- the value is never repeated: it might be a password typed in the wrong place
        RAISE EXCEPTION 'the password must arrive as a SCRAM-SHA-256 verifier computed by the workstation '
                        '(SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>); a password itself is never '
                        'sent to the server. Update the workstation.'
            USING ERRCODE = '22023';
    END IF;
END
$$;

-- Which roles see customer data (Roles::holdsKeys): their accounts' changes wait for a branch manager.
CREATE FUNCTION branchvault.sees_customers(p_role text) RETURNS boolean
    LANGUAGE sql IMMUTABLE
    SET search_path = branchvault, pg_temp
    AS $$ SELECT p_role IN ('manager', 'customer_manager', 'clerk') $$;

-- The administrator's target: an account of the branch, locked until the transaction ends, never the caller's own
-- (AccountService::target: another administrator freezes, resets or changes it).
CREATE FUNCTION branchvault.admin_target(p_login text) RETURNS branchvault.staff
    LANGUAGE plpgsql
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    account staff%ROWTYPE;
BEGIN
    IF my_role() IS DISTINCT FROM 'admin' THEN
        RAISE EXCEPTION 'only an active administrator manages accounts' USING ERRCODE = '42501';
    END IF;
    SELECT * INTO account FROM staff s WHERE s.login = lower(btrim(coalesce(p_login, ''))) FOR UPDATE;
    IF NOT FOUND OR account.branch <> my_branch() THEN
        RAISE EXCEPTION 'there is no account with this login in your branch; list the accounts to check the spelling'
            USING ERRCODE = '22023';
    END IF;
    IF account.id = my_staff_id() THEN
        RAISE EXCEPTION 'administrators cannot freeze, reset or change their own account; another administrator '
                        'must do it' USING ERRCODE = '42501';
    END IF;
    RETURN account;
END
$$;

-- Separation of duties down to the person (AccountService::checkSeparation): a staff number that ever held an
-- administrator account never holds an auditor account, and the other way round. Frozen accounts count.
CREATE FUNCTION branchvault.check_separation(p_staff_no text, p_role text, p_except bigint) RETURNS void
    LANGUAGE plpgsql
    SET search_path = branchvault, pg_temp
    AS $$
BEGIN
    IF p_role IN ('admin', 'auditor') AND EXISTS (
            SELECT 1 FROM staff s WHERE s.staff_no = p_staff_no AND s.id IS DISTINCT FROM p_except
                                    AND s.role = CASE p_role WHEN 'admin' THEN 'auditor' ELSE 'admin' END) THEN
        RAISE EXCEPTION 'this staff number already has an % account: the system administrator and the security '
                        'auditor must be different people',
                        CASE p_role WHEN 'admin' THEN 'auditor' ELSE 'administrator' END
            USING ERRCODE = '42501';
    END IF;
END
$$;

-- One person has one active account (AccountService: freeze the old one first, or change its role). An account
-- waiting for confirmation counts as active, as it does locally (status 'active' with a change waiting).
CREATE FUNCTION branchvault.check_one_active(p_staff_no text, p_except bigint) RETURNS void
    LANGUAGE plpgsql
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    other text;
BEGIN
    SELECT s.login INTO other FROM staff s
        WHERE s.staff_no = p_staff_no AND s.status IN ('active', 'awaiting') AND s.id IS DISTINCT FROM p_except
        LIMIT 1;
    IF other IS NOT NULL THEN
        RAISE EXCEPTION 'this staff number already has an active account (%): one person has one active account; '
                        'freeze that one first, or change its role', other
            USING ERRCODE = '23505';
    END IF;
END
$$;

-- Locks the person (see staff_person) for the rest of the transaction.
CREATE FUNCTION branchvault.lock_person(p_staff_no text) RETURNS void
    LANGUAGE plpgsql
    SET search_path = branchvault, pg_temp
    AS $$
BEGIN
    INSERT INTO staff_person (staff_no) VALUES (p_staff_no) ON CONFLICT DO NOTHING;
    PERFORM 1 FROM staff_person p WHERE p.staff_no = p_staff_no FOR UPDATE;
END
$$;

REVOKE ALL ON FUNCTION branchvault.check_verifier(text), branchvault.sees_customers(text),
    branchvault.admin_target(text), branchvault.check_separation(text, text, bigint),
    branchvault.check_one_active(text, bigint), branchvault.lock_person(text) FROM PUBLIC;

-- A new staff account (AccountService::create): the BranchVault login and role, the person's staff number (the
-- login when empty), and the PostgreSQL login role it signs in with, made here in the group of its role with the
-- verifier the workstation computed. The branch is the administrator's own. An account that can see customer data
-- is made NOLOGIN and waits for a branch manager's confirmation (staff_confirm); an administrator or auditor
-- account takes effect at once. Audited as user.create, as locally. Returns the new account's id.
CREATE FUNCTION branchvault.staff_create(p_login text, p_pg_role text, p_role text, p_staff_no text,
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
    -- the login role's name: the workstation chooses it (a head office's cluster holds many branches' roles);
    -- never a group or system role
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
                       awaiting_by)
    VALUES (v_login, p_pg_role, p_role, CASE WHEN v_awaits THEN 'awaiting' ELSE 'active' END, my_branch(),
            v_staff_no, my_staff_id(), CASE WHEN v_awaits THEN 'create' END, CASE WHEN v_awaits THEN now() END,
            CASE WHEN v_awaits THEN my_staff_id() END)
    RETURNING id INTO v_id;
    EXECUTE format('CREATE ROLE %I %s PASSWORD %L IN ROLE %I', p_pg_role,
                   CASE WHEN v_awaits THEN 'NOLOGIN' ELSE 'LOGIN' END, p_verifier, 'bv_' || p_role);
    PERFORM audit_write(p_workstation, 'user.create', 'user', v_id::text, NULL, 'ok',
                        json_build_object('awaitingConfirmation', v_awaits, 'branch', my_branch(),
                                          'login', v_login, 'role', p_role, 'staffNo', v_staff_no)::text);
    RETURN v_id;
END
$$;

-- Freezes an account (AccountService::freeze): its login role is NOLOGIN and its status frozen; the role is never
-- dropped, so its history stays attributable. A frozen account has nothing waiting: the freeze ends a waiting
-- change (locally that change stays until a branch manager declines it, which then changes nothing more). An open
-- connection of the account reads and calls nothing from the next statement on (my_role() counts only 'active').
-- Freezing a frozen account does nothing, as locally.
CREATE FUNCTION branchvault.staff_freeze(p_login text, p_workstation text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    account staff%ROWTYPE := admin_target(p_login);
BEGIN
    IF account.status = 'frozen' THEN
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

-- Unfreezes an account (AccountService::unfreeze): an administrator or auditor account at once; an account that
-- can see customer data waits for a branch manager (still NOLOGIN until then). Refused while the person has another
-- active account. Unfreezing an account that is not frozen does nothing.
CREATE FUNCTION branchvault.staff_unfreeze(p_login text, p_workstation text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    account staff%ROWTYPE := admin_target(p_login);
    v_awaits boolean := sees_customers(account.role);
BEGIN
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

-- The administrator sets a new password (AccountService::resetPassword), as a verifier the workstation computed
-- from the one-time password it shows. An account that can see customer data then waits for a branch manager
-- (NOLOGIN until confirmed); a new or reset account still waiting just gets the new verifier; any other waiting
-- change comes first. A frozen account gets the verifier and stays frozen (its unfreeze will wait for a branch
-- manager anyway).
CREATE FUNCTION branchvault.staff_reset_password(p_login text, p_verifier text, p_workstation text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    account staff%ROWTYPE := admin_target(p_login);
    v_awaits boolean := sees_customers(account.role) AND account.status <> 'frozen';
BEGIN
    PERFORM check_verifier(p_verifier);
    IF v_awaits AND account.awaiting IN ('unfreeze', 'role') THEN
        RAISE EXCEPTION 'account % already waits for a branch manager''s confirmation of an earlier change (%); ask a '
                        'branch manager to confirm or decline that change first', account.login, account.awaiting
            USING ERRCODE = 'BV409';
    END IF;
    EXECUTE format('ALTER ROLE %I PASSWORD %L', account.pg_role, p_verifier);
    IF v_awaits AND account.awaiting IS NULL THEN
        UPDATE staff SET status = 'awaiting', awaiting = 'reset', awaiting_since = now(), awaiting_by = my_staff_id()
            WHERE id = account.id;
        EXECUTE format('ALTER ROLE %I NOLOGIN', account.pg_role);
    END IF;
    PERFORM audit_write(p_workstation, 'user.reset_password', 'user', account.id::text, NULL, 'ok',
                        json_build_object('awaitingConfirmation', v_awaits, 'login', account.login)::text);
END
$$;

-- A new role for an account (AccountService::changeRole): only between the roles that see customer data (never
-- into or out of administrator or auditor: freeze the account and create a new one), and it waits for a branch
-- manager (NOLOGIN until confirmed; the group changes when it is). Not for a frozen account (unfreeze it first),
-- nor while another change waits. The same role does nothing.
CREATE FUNCTION branchvault.staff_change_role(p_login text, p_role text, p_workstation text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    account staff%ROWTYPE := admin_target(p_login);
BEGIN
    IF coalesce(p_role, '') NOT IN ('manager', 'customer_manager', 'clerk', 'admin', 'auditor') THEN
        RAISE EXCEPTION 'role: one of manager, customer_manager, clerk, admin, auditor' USING ERRCODE = '22023';
    END IF;
    IF account.role = p_role THEN
        RETURN;
    END IF;
    IF NOT sees_customers(account.role) OR NOT sees_customers(p_role) THEN
        RAISE EXCEPTION 'an account never moves into or out of the administrator or auditor role; freeze this account '
                        'and create a new one with the new role' USING ERRCODE = '42501';
    END IF;
    IF account.status = 'frozen' THEN
        RAISE EXCEPTION 'account % is frozen; unfreeze it first', account.login USING ERRCODE = 'BV409';
    END IF;
    IF account.awaiting IS NOT NULL THEN
        RAISE EXCEPTION 'account % already waits for a branch manager''s confirmation of an earlier change (%); ask a '
                        'branch manager to confirm or decline that change first', account.login, account.awaiting
            USING ERRCODE = 'BV409';
    END IF;
    UPDATE staff SET status = 'awaiting', awaiting = 'role', awaiting_role = p_role, awaiting_since = now(),
                     awaiting_by = my_staff_id()
        WHERE id = account.id;
    EXECUTE format('ALTER ROLE %I NOLOGIN', account.pg_role);
    PERFORM audit_write(p_workstation, 'user.role_change', 'user', account.id::text, NULL, 'ok',
                        json_build_object('awaitingConfirmation', true, 'login', account.login, 'new', p_role,
                                          'old', account.role)::text);
END
$$;

-- The account holder's own new password (AuthService::changePassword), as a verifier. The workstation checked the
-- current password (it signed in with it) and the password rule. Audited as auth.password_change.
CREATE FUNCTION branchvault.staff_change_password(p_verifier text, p_workstation text) RETURNS void
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
    PERFORM audit_write(p_workstation, 'auth.password_change', 'user', me.id::text, NULL, 'ok', '{}');
END
$$;

-- The branch manager's side of dual control: the account whose change waits, locked; of the manager's branch,
-- never the manager's own (AccountService::waitingTarget), and still waiting with the change the manager saw
-- (stillWaiting: someone may have confirmed, declined, frozen or changed it meanwhile — reload and decide again).
CREATE FUNCTION branchvault.waiting_target(p_login text, p_change text) RETURNS branchvault.staff
    LANGUAGE plpgsql
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    account staff%ROWTYPE;
    decider text;
BEGIN
    IF my_role() IS DISTINCT FROM 'manager' THEN
        RAISE EXCEPTION 'only an active branch manager confirms or declines account changes' USING ERRCODE = '42501';
    END IF;
    SELECT * INTO account FROM staff s WHERE s.login = lower(btrim(coalesce(p_login, ''))) FOR UPDATE;
    IF NOT FOUND OR account.branch <> my_branch() THEN
        -- a manager of another branch: the same answer as for a login that does not exist
        RAISE EXCEPTION 'there is no account with this login in your branch; list the accounts waiting for '
                        'confirmation to check the login' USING ERRCODE = '42501';
    END IF;
    IF account.id = my_staff_id() THEN
        RAISE EXCEPTION 'nobody confirms a change to their own account: another branch manager does'
            USING ERRCODE = '42501';
    END IF;
    IF account.awaiting IS NULL THEN
        SELECT s.login INTO decider FROM staff s WHERE s.id = account.decided_by;
        RAISE EXCEPTION 'account % has no change waiting for confirmation any more (last decided by %); reload the '
                        'accounts waiting for confirmation', account.login, coalesce(decider, 'nobody yet')
            USING ERRCODE = 'BV409';
    END IF;
    IF account.awaiting IS DISTINCT FROM p_change THEN
        RAISE EXCEPTION 'account % now waits for another change (%), not the one you saw (%); reload the accounts '
                        'waiting for confirmation and decide on the change that waits now',
                        account.login, account.awaiting, coalesce(p_change, '')
            USING ERRCODE = 'BV409';
    END IF;
    RETURN account;
END
$$;
REVOKE ALL ON FUNCTION branchvault.waiting_target(text, text) FROM PUBLIC;

-- A branch manager other than the account holder confirms the waiting change (AccountService::confirm): the account
-- becomes active and its login role gets LOGIN; a role change moves the login role to its new group. Audited as
-- user.confirm with the local details. No key slot is written here: the server's key slots come with the custody
-- migration (keySlotWritten is false until then). `p_change` is the change the manager saw ('create', 'reset',
-- 'unfreeze' or 'role').
CREATE FUNCTION branchvault.staff_confirm(p_login text, p_change text, p_workstation text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    account staff%ROWTYPE := waiting_target(p_login, p_change);
    v_role  text := coalesce(account.awaiting_role, account.role);
    details json;
BEGIN
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

-- A branch manager other than the account holder declines the waiting change (AccountService::decline), with a
-- reason: a new or reset account is frozen, an unfreeze lapses (the account stays frozen), a role change lapses
-- (the account keeps its role and signs in again). The workstation masks the reason (FreeText::forAudit) before it
-- sends it; the server refuses one that still holds a long run of digits.
CREATE FUNCTION branchvault.staff_decline(p_login text, p_change text, p_reason text, p_workstation text)
    RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    account staff%ROWTYPE;
    v_reason text := regexp_replace(btrim(coalesce(p_reason, '')), '\s+', ' ', 'g');
    v_freezes boolean;
BEGIN
    IF v_reason = '' OR char_length(v_reason) > 200 THEN
        RAISE EXCEPTION 'reason: give the reason for declining (at most 200 characters); the administrator and the '
                        'auditor read it' USING ERRCODE = '22023';
    END IF;
    IF v_reason ~ '[0-9]{6,}' THEN
        RAISE EXCEPTION 'reason: it holds a long number; the workstation masks numbers before it sends a reason'
            USING ERRCODE = '22023';
    END IF;
    account := waiting_target(p_login, p_change);
    v_freezes := account.awaiting IN ('create', 'reset', 'unfreeze');
    UPDATE staff SET status = CASE WHEN v_freezes THEN 'frozen' ELSE 'active' END,
                     frozen_at = CASE WHEN v_freezes THEN coalesce(frozen_at, now()) END,
                     awaiting = NULL, awaiting_role = NULL, awaiting_since = NULL, awaiting_by = NULL,
                     decided_by = my_staff_id(), decided_at = now()
        WHERE id = account.id;
    IF NOT v_freezes THEN
        EXECUTE format('ALTER ROLE %I LOGIN', account.pg_role);
    END IF;
    -- "frozen", as locally: whether the decline froze the account (an unfreeze that lapses leaves it frozen)
    PERFORM audit_write(p_workstation, 'user.decline', 'user', account.id::text, NULL, 'ok',
                        json_build_object('change', account.awaiting,
                                          'frozen', account.awaiting IN ('create', 'reset'),
                                          'login', account.login, 'reason', v_reason)::text);
END
$$;

-- What waits for the branch manager's confirmation in his or her branch (AccountService::awaitingConfirmation).
CREATE FUNCTION branchvault.staff_awaiting()
    RETURNS TABLE (login text, role text, awaiting text, awaiting_role text, awaiting_since timestamptz)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
BEGIN
    IF my_role() IS DISTINCT FROM 'manager' THEN
        RAISE EXCEPTION 'only an active branch manager lists the accounts waiting for confirmation'
            USING ERRCODE = '42501';
    END IF;
    RETURN QUERY SELECT s.login, s.role, s.awaiting, s.awaiting_role, s.awaiting_since FROM staff s
        WHERE s.branch = my_branch() AND s.awaiting IS NOT NULL ORDER BY s.awaiting_since, s.login;
END
$$;

REVOKE ALL ON FUNCTION branchvault.staff_create(text, text, text, text, text, text),
    branchvault.staff_freeze(text, text), branchvault.staff_unfreeze(text, text),
    branchvault.staff_reset_password(text, text, text), branchvault.staff_change_role(text, text, text),
    branchvault.staff_change_password(text, text), branchvault.staff_confirm(text, text, text),
    branchvault.staff_decline(text, text, text, text), branchvault.staff_awaiting() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION branchvault.staff_create(text, text, text, text, text, text),
    branchvault.staff_freeze(text, text), branchvault.staff_unfreeze(text, text),
    branchvault.staff_reset_password(text, text, text), branchvault.staff_change_role(text, text, text)
    TO bv_admin;
GRANT EXECUTE ON FUNCTION branchvault.staff_confirm(text, text, text), branchvault.staff_decline(text, text, text, text),
    branchvault.staff_awaiting() TO bv_manager;
GRANT EXECUTE ON FUNCTION branchvault.staff_change_password(text, text) TO bv_staff;

-- The settings a workstation reads from the server: the same keys, types, defaults and limits as local mode
-- (SettingsService::specs(); the mask widths' ceilings are MaskSettings' floors). tst_serveraccounts compares this
-- table with the program's list, so the two cannot drift apart unnoticed. Only the owner reads it.
CREATE TABLE branchvault.setting_spec (
    key           text PRIMARY KEY,
    type          text NOT NULL CHECK (type IN ('integer', 'boolean', 'text', 'date_list')),
    default_value text NOT NULL,
    minimum       bigint NOT NULL,
    maximum       bigint NOT NULL
);
INSERT INTO branchvault.setting_spec (key, type, default_value, minimum, maximum) VALUES
    ('branch.code', 'text', '0001', 1, 12),
    ('branch.name', 'text', '', 0, 60),
    ('auth.lockout.attempts', 'integer', '5', 3, 10),
    ('auth.lockout.minutes', 'integer', '15', 15, 1440),
    ('auth.idle.minutes', 'integer', '5', 1, 30),
    ('auth.password.expiry_days', 'integer', '90', 1, 180),
    ('auth.password.history', 'integer', '5', 5, 24),
    ('auth.password.min_length', 'integer', '8', 8, 64),
    ('auth.totp.required_for_privileged', 'boolean', 'false', 0, 1),
    ('auth.argon2.memlimit_mib', 'integer', '256', 19, 4096),
    ('auth.argon2.opslimit', 'integer', '3', 2, 10),
    ('audit.retention_days', 'integer', '180', 180, 3650),
    ('alert.clerk_lookups_per_hour', 'integer', '20', 1, 1000),
    ('alert.same_customer_opens_per_day', 'integer', '10', 1, 1000),
    ('alert.working_hours.start', 'integer', '8', 0, 23),
    ('alert.working_hours.end', 'integer', '18', 1, 24),
    ('alert.failed_sign_ins_per_hour', 'integer', '3', 1, 100),
    ('alert.quick_grant_minutes', 'integer', '10', 1, 1440),
    ('request.max_validity_hours', 'integer', '72', 1, 72),
    ('customer.retention_years', 'integer', '5', 5, 30),
    ('customer.tier.gold_cny', 'integer', '500000', 1, 1000000000000),
    ('customer.tier.platinum_cny', 'integer', '3000000', 1, 1000000000000),
    ('customer.tier.diamond_cny', 'integer', '10000000', 1, 1000000000000),
    ('complaint.holidays', 'date_list', '', 0, 0),
    ('complaint.extra_working_days', 'date_list', '', 0, 0),
    ('reports.period_days', 'integer', '30', 1, 365),
    ('reveal.display_seconds', 'integer', '60', 10, 600),
    ('approval.rekey_fields', 'text', 'id_number', 0, 64),
    -- the mask widths (DESIGN §4): the ceiling is the regulatory floor, which cannot be configured away
    ('mask.phone.keep_start', 'integer', '3', 0, 3),
    ('mask.phone.keep_end', 'integer', '4', 0, 4),
    ('mask.mainland_id.keep_start', 'integer', '6', 0, 6),
    ('mask.other_id.keep_start', 'integer', '2', 0, 4),
    ('mask.account.keep_start', 'integer', '6', 0, 6),
    ('mask.account.keep_end', 'integer', '4', 0, 6),
    ('mask.address.keep_start', 'integer', '6', 0, 6),
    ('mask.email.local_keep', 'integer', '1', 0, 1);

-- The branch's settings: a key missing here has its default (as locally, where SettingsService::value falls back to
-- the spec). Every active staff member of the branch reads them (a workstation needs the mask widths, the idle
-- time, ...); only the administrator writes, through settings_set.
CREATE TABLE branchvault.settings (
    branch     text NOT NULL CHECK (branch <> ''),
    key        text NOT NULL REFERENCES branchvault.setting_spec (key),
    value      text NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by bigint REFERENCES branchvault.staff (id),
    PRIMARY KEY (branch, key)
);
-- A mask width changed: the stored masked forms of the branch are made again by the next key holder's workstation
-- (locally StoredMasks marks the same "pending"). The server cannot re-mask: it never holds a full value.
CREATE TABLE branchvault.remask_pending (
    branch  text PRIMARY KEY CHECK (branch <> ''),
    since   timestamptz NOT NULL,
    setting text NOT NULL
);
ALTER TABLE branchvault.settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE branchvault.remask_pending ENABLE ROW LEVEL SECURITY;
CREATE POLICY staff_read_their_branch ON branchvault.settings FOR SELECT TO bv_staff
    USING (branchvault.my_role() IS NOT NULL AND branch = branchvault.my_branch());
CREATE POLICY staff_read_their_branch ON branchvault.remask_pending FOR SELECT TO bv_staff
    USING (branchvault.my_role() IS NOT NULL AND branch = branchvault.my_branch());
REVOKE ALL ON branchvault.setting_spec, branchvault.settings, branchvault.remask_pending FROM PUBLIC;
GRANT SELECT ON branchvault.settings, branchvault.remask_pending TO bv_staff;

-- One setting of the caller's branch as it applies: the value set, else the default (SettingsService::value). For
-- workstations, and for the server's own functions that apply a setting (request.max_validity_hours, ...).
CREATE FUNCTION branchvault.setting(p_key text) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$ SELECT coalesce((SELECT st.value FROM settings st WHERE st.branch = my_branch() AND st.key = p_key),
                          (SELECT s.default_value FROM setting_spec s WHERE s.key = p_key)) $$;
REVOKE ALL ON FUNCTION branchvault.setting(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION branchvault.setting(text) TO bv_staff;

-- QString::trimmed(): white space at both ends, Unicode's included.
CREATE FUNCTION branchvault.trimmed(p_text text) RETURNS text
    LANGUAGE sql IMMUTABLE
    SET search_path = pg_catalog
    AS $$ SELECT regexp_replace(coalesce(p_text, ''),
                  '^[[:space:]\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|'
                  '[[:space:]\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$', '', 'g') $$;

-- WorkingCalendar::parseDateList: dates YYYY-MM-DD of the years 2000 to 2099, separated by ASCII white space (its
-- regular expression's \s), commas, semicolons (full-width ones, 、 and the ideographic space too); returned sorted,
-- without duplicates.
CREATE FUNCTION branchvault.parse_date_list(p_key text, p_text text) RETURNS date[]
    LANGUAGE plpgsql IMMUTABLE
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    entry text;
    parts text[];
    day   date;
    days  date[] := '{}';
BEGIN
    FOR entry IN SELECT e FROM regexp_split_to_table(p_text,
            '[\u0009-\u000d ,;\u3000\u3001\uff0c\uff1b]+') e
            WHERE e <> '' LOOP
        parts := regexp_match(entry, '^([0-9]{4})-([0-9]{2})-([0-9]{2})$');
        IF parts IS NULL THEN
            RAISE EXCEPTION 'setting %: every entry is a date in the form YYYY-MM-DD (for example 2026-10-01)', p_key
                USING ERRCODE = '22023';
        END IF;
        BEGIN
            day := make_date(parts[1]::integer, parts[2]::integer, parts[3]::integer);
        EXCEPTION WHEN datetime_field_overflow OR invalid_datetime_format OR data_exception THEN
            RAISE EXCEPTION 'setting %: an entry is not a day of the calendar (check the month and the day)', p_key
                USING ERRCODE = '22023';
        END;
        IF extract(year FROM day) NOT BETWEEN 2000 AND 2099 THEN
            RAISE EXCEPTION 'setting %: dates of the years 2000 to 2099 only', p_key USING ERRCODE = '22023';
        END IF;
        days := days || day;
    END LOOP;
    RETURN ARRAY(SELECT DISTINCT d FROM unnest(days) d ORDER BY d);
END
$$;

-- SettingsService::validate: the value as it is stored, or 22023 naming the setting and the rule (never the value).
-- An unknown key is refused (calendar.official too: it is replaced by a calendar import, not set as a value).
CREATE FUNCTION branchvault.setting_value(p_key text, p_text text) RETURNS text
    LANGUAGE plpgsql STABLE
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    spec    setting_spec%ROWTYPE;
    v       text := trimmed(p_text);
    number  numeric;
    fields  text[];
    part    text;
BEGIN
    SELECT * INTO spec FROM setting_spec s WHERE s.key = p_key;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'there is no setting of this name; list the settings to check the key' USING ERRCODE = '22023';
    END IF;
    IF spec.type = 'integer' THEN
        IF v !~ '^[+-]?[0-9]{1,19}$' OR v::numeric NOT BETWEEN -9223372036854775808 AND 9223372036854775807 THEN
            RAISE EXCEPTION 'setting %: must be a whole number', p_key USING ERRCODE = '22023';
        END IF;
        number := v::numeric;
        IF number < spec.minimum OR number > spec.maximum THEN
            -- for a mask width the maximum is the regulatory floor: the middle digits, the birth date, the last
            -- four characters stay hidden whatever is configured
            RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = format('setting %s: must be from %s to %s%s', p_key,
                spec.minimum, spec.maximum,
                CASE WHEN p_key LIKE 'mask.%' THEN ' (a regulatory floor of the masks: at most ' || spec.maximum
                                                   || ' may be shown)' ELSE '' END);
        END IF;
        RETURN number::bigint::text;
    ELSIF spec.type = 'boolean' THEN
        IF v IN ('true', '1', 'yes') THEN
            RETURN 'true';
        ELSIF v IN ('false', '0', 'no') THEN
            RETURN 'false';
        END IF;
        RAISE EXCEPTION 'setting %: must be true or false', p_key USING ERRCODE = '22023';
    ELSIF spec.type = 'text' THEN
        IF char_length(v) < spec.minimum OR char_length(v) > spec.maximum THEN
            RAISE EXCEPTION 'setting %: must have % to % characters', p_key, spec.minimum, spec.maximum
                USING ERRCODE = '22023';
        END IF;
        IF p_key = 'approval.rekey_fields' THEN
            -- SettingsService::parseRekeyFields: some of id_number, mobile, account_number, in that order
            fields := '{}';
            FOREACH part IN ARRAY string_to_array(v, ',') LOOP
                part := trimmed(part);
                CONTINUE WHEN part = '';
                IF part NOT IN ('id_number', 'mobile', 'account_number') THEN
                    RAISE EXCEPTION 'setting %: a comma-separated list of id_number, mobile and account_number '
                                    '(empty: none)', p_key USING ERRCODE = '22023';
                END IF;
                fields := fields || part;
            END LOOP;
            RETURN array_to_string(ARRAY(SELECT f FROM unnest(ARRAY['id_number', 'mobile', 'account_number']) f
                                         WHERE f = ANY (fields)), ',');
        END IF;
        IF p_key = 'branch.code' AND v !~ '^[A-Za-z0-9]+$' THEN
            RAISE EXCEPTION 'setting %: 1 to 12 letters or digits', p_key USING ERRCODE = '22023';
        END IF;
        RETURN v;
    ELSE
        RETURN array_to_string(ARRAY(SELECT to_char(d, 'YYYY-MM-DD') FROM unnest(parse_date_list(p_key, v)) d),
                               E'\n');
    END IF;
END
$$;

-- The administrator changes one setting of the branch (SettingsService::set): validated exactly as locally, then
-- stored and audited (settings.change, the old and the new value) in one transaction. Holidays and make-up working
-- days are checked against each other (WorkingCalendar::checkSettings). A changed mask width marks the branch's
-- stored masked forms for re-masking by the next key holder's workstation, wider or narrower: locally a narrower
-- width re-masks the stored forms at once in the same transaction (StoredMasks::tighten, with a policy.remask row),
-- which the server cannot do without the full values, so the details always say "remask" here. Changes of one setting are serialised by
-- a lock on its spec row, so the old value in the audit row is the one replaced. A refused value raises and writes
-- nothing; the workstation appends the refused change's audit row (settings.change, outcome failed, the masked text
-- and the reason) with audit_append in a transaction of its own, as locally (AuditLog::appendStandalone).
-- Returns the value as stored.
CREATE FUNCTION branchvault.settings_set(p_key text, p_value text, p_workstation text) RETURNS text
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
    INSERT INTO settings (branch, key, value, updated_at, updated_by)
        VALUES (v_branch, p_key, v_new, now(), my_staff_id())
        ON CONFLICT (branch, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at,
                                                updated_by = excluded.updated_by;
    IF p_key LIKE 'mask.%' AND v_new <> v_old THEN
        INSERT INTO remask_pending (branch, since, setting) VALUES (v_branch, now(), p_key)
            ON CONFLICT (branch) DO UPDATE SET since = excluded.since, setting = excluded.setting;
        details := json_build_object('new', v_new, 'old', v_old, 'remask', 'at the next sign-in of a key holder');
    ELSE
        details := json_build_object('new', v_new, 'old', v_old);
    END IF;
    PERFORM audit_write(p_workstation, 'settings.change', 'setting', p_key, NULL, 'ok', details::text);
    RETURN v_new;
END
$$;

REVOKE ALL ON FUNCTION branchvault.trimmed(text), branchvault.parse_date_list(text, text),
    branchvault.setting_value(text, text), branchvault.settings_set(text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION branchvault.settings_set(text, text, text) TO bv_admin;

UPDATE branchvault.meta SET value = '5' WHERE key = 'schema_version';
