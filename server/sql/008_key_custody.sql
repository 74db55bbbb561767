-- BranchVault branch server (docs/SERVER.md), migration 8: key custody. The field-encryption and blind-index keys
-- (DESIGN §2, "key slots") that every workstation of a branch shares, kept wrapped so that the server never holds
-- them in the clear, and the set-up of a new branch (its first administrator and its keys), mirroring local mode:
-- core/keys/KeySlots.cpp (what a slot holds), core/auth/AccountConfirmation.cpp and AccountService.cpp (when a slot
-- is written and removed), core/auth/AuthService.cpp (the holder's password change), core/setup/FirstRun.cpp.
--
-- What the server stores is what a workstation made; it can open none of it:
-- - a password slot: the keys (4-byte generation, 32-byte field key, 32-byte index key: 68 bytes) sealed with
--   XChaCha20-Poly1305 (84 bytes with its tag) under Argon2id(password, salt), the associated data binding it to its
--   holder, kind and generation ("bv-slot|user:<id>|password|<generation>");
-- - a pending slot: the same under the confirmation code the confirming branch manager hands to the person; the
--   holder's workstation replaces it by a password slot at the first password change;
-- - the branch's recovery slot: the keys sealed (crypto_box_seal, 68 + 48 bytes) to the public key of the recovery
--   passphrase, with the salt and Argon2id cost that derive that key pair from the passphrase, and a 32-byte check
--   value the workstation derives from the passphrase, by which it proves it holds the passphrase when it confirms
--   the first or the last branch manager (the server cannot open the sealed slot to check).
-- No staff role reads or writes these tables; every function below asks who is calling (session_user).

-- ---- 1. The tables ----

-- What a workstation sends for one slot (KeyRepository::Slot): the generation of the keys, the Argon2id cost
-- (kdf_mem in MiB, as local key_slots.kdf_mem_mib), the salt (16 bytes), the nonce (24) and the wrapped keys (84).
CREATE TYPE branchvault.slot_input AS (
    generation integer,
    kdf_ops    bigint,
    kdf_mem    bigint,
    salt       bytea,
    nonce      bytea,
    wrapped    bytea
);

-- One row per branch: the generation of the branch's keys and its recovery slot (local key_slots' 'recovery' row;
-- recovery_mem is the envelope's memlimit in bytes, as there). Written once, by setup_branch.
CREATE TABLE branchvault.custody (
    branch              text PRIMARY KEY CHECK (branch <> ''),
    generation          integer NOT NULL CHECK (generation >= 1),
    recovery_public_key bytea NOT NULL CHECK (octet_length(recovery_public_key) = 32),
    recovery_salt       bytea NOT NULL CHECK (octet_length(recovery_salt) = 16),
    recovery_ops        bigint NOT NULL,
    recovery_mem        bigint NOT NULL,
    recovery_sealed     bytea NOT NULL CHECK (octet_length(recovery_sealed) = 116),
    recovery_check      bytea NOT NULL CHECK (octet_length(recovery_check) = 32),
    written_by          bigint REFERENCES branchvault.staff (id),
    written_at          timestamptz NOT NULL DEFAULT now()
);

-- One row per staff account that holds a slot (local key_slots' 'user:<id>' rows): a password slot, or a pending
-- one waiting for the holder's first password change. Administrator and auditor accounts never hold one.
CREATE TABLE branchvault.key_slots (
    staff_id   bigint PRIMARY KEY REFERENCES branchvault.staff (id),
    kind       text NOT NULL CHECK (kind IN ('password', 'pending')),
    generation integer NOT NULL CHECK (generation >= 1),
    kdf_ops    bigint NOT NULL,
    kdf_mem    bigint NOT NULL,
    salt       bytea NOT NULL CHECK (octet_length(salt) = 16),
    nonce      bytea NOT NULL CHECK (octet_length(nonce) = 24),
    wrapped    bytea NOT NULL CHECK (octet_length(wrapped) = 84),
    written_by bigint REFERENCES branchvault.staff (id),
    written_at timestamptz NOT NULL DEFAULT now()
);

-- Nobody but the owner's functions reads or writes them: a wrapped slot is worth an offline guessing attack on a
-- password or a confirmation code, and the recovery check would let anyone who read it pass for the holder of the
-- recovery passphrase. Row-level security without a policy is a second lock should a grant ever slip in.
REVOKE ALL ON branchvault.custody, branchvault.key_slots FROM PUBLIC;
ALTER TABLE branchvault.custody ENABLE ROW LEVEL SECURITY;
ALTER TABLE branchvault.key_slots ENABLE ROW LEVEL SECURITY;

-- ---- 2. The audit chain's system actor ----

-- The one encoder of the chain (migration 1's audit_write, unchanged but for who acted coming in as arguments): the
-- head row locked until the transaction ends, the server's time, the canonical encoding v1. Internal: only
-- audit_write (for the calling staff member) and audit_write_system (for the set-up) call it.
CREATE FUNCTION branchvault.audit_chain_append(p_user_id bigint, p_login text, p_role text, p_workstation text,
                                               p_action text, p_object_type text, p_object_id text,
                                               p_customer_no text, p_outcome text, p_details text) RETURNS bigint
    LANGUAGE plpgsql
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    head_seq  bigint;
    head_hash bytea;
    new_seq   bigint;
    stamp     text;
    digest    bytea;
BEGIN
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        -- a snapshot taken before the lock would not see the row appended just before this one
        RAISE EXCEPTION 'audit rows are appended in READ COMMITTED transactions only' USING ERRCODE = '25001';
    END IF;
    SELECT h.last_seq, h.last_hash INTO head_seq, head_hash FROM audit_head h WHERE h.id = 1 FOR UPDATE;
    new_seq := head_seq + 1;
    stamp := to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
    -- the system actor has no account: its user id is stored NULL and hashed as "0", as locally (AuditLog::verify)
    digest := sha256(convert_to('bv-audit-v1', 'UTF8')
                     || audit_field(head_hash)
                     || audit_field(convert_to(new_seq::text, 'UTF8'))
                     || audit_field(convert_to(stamp, 'UTF8'))
                     || audit_field(convert_to(coalesce(p_workstation, ''), 'UTF8'))
                     || audit_field(convert_to(coalesce(p_user_id, 0)::text, 'UTF8'))
                     || audit_field(convert_to(p_login, 'UTF8'))
                     || audit_field(convert_to(p_role, 'UTF8'))
                     || audit_field(convert_to(coalesce(p_action, ''), 'UTF8'))
                     || audit_field(convert_to(coalesce(p_object_type, ''), 'UTF8'))
                     || audit_field(convert_to(coalesce(p_object_id, ''), 'UTF8'))
                     || audit_field(convert_to(coalesce(p_customer_no, ''), 'UTF8'))
                     || audit_field(convert_to(coalesce(p_outcome, ''), 'UTF8'))
                     || audit_field(convert_to(coalesce(p_details, ''), 'UTF8')));
    INSERT INTO audit_log (seq, at, workstation, user_id, login, role, action, object_type, object_id, customer_no,
                           outcome, details, prev_hash, hash)
    VALUES (new_seq, stamp, coalesce(p_workstation, ''), nullif(p_user_id, 0), p_login, p_role,
            coalesce(p_action, ''), coalesce(p_object_type, ''), coalesce(p_object_id, ''), nullif(p_customer_no, ''),
            p_outcome, coalesce(p_details, ''), head_hash, digest);
    UPDATE audit_head SET last_seq = new_seq, last_hash = digest WHERE id = 1;
    RETURN new_seq;
END
$$;

-- Migration 1's writer, now through the one encoder: who acted is the session's active staff account, never a
-- parameter.
CREATE OR REPLACE FUNCTION branchvault.audit_write(p_workstation text, p_action text, p_object_type text,
                                                   p_object_id text, p_customer_no text, p_outcome text,
                                                   p_details text) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    who staff%ROWTYPE;
BEGIN
    SELECT * INTO who FROM staff WHERE pg_role = session_user AND status = 'active';
    IF NOT FOUND THEN
        RAISE EXCEPTION 'this login is not an active BranchVault staff account' USING ERRCODE = '42501';
    END IF;
    RETURN audit_chain_append(who.id, who.login, who.role, p_workstation, p_action, p_object_type, p_object_id,
                              p_customer_no, p_outcome, p_details);
END
$$;

-- The system actor (local Actor::system(): user id 0, login "system", role "system"), for the set-up's rows only
-- (there is no staff account yet to act). Not executable by any staff role; setup_branch, the owner's, calls it.
CREATE FUNCTION branchvault.audit_write_system(p_workstation text, p_action text, p_object_type text,
                                               p_object_id text, p_details text) RETURNS bigint
    LANGUAGE sql
    SET search_path = branchvault, pg_temp
    AS $$ SELECT audit_chain_append(NULL, 'system', 'system', p_workstation, p_action, p_object_type, p_object_id,
                                    NULL, 'ok', p_details) $$;

-- The server writes db.create and the successful sign-in itself now: a workstation appends neither (a forged
-- sign-in row would put someone at a workstation he or she never used). A failed sign-in, which the server never
-- sees (PostgreSQL refuses the login before any function runs), is still the workstation's to append.
CREATE OR REPLACE FUNCTION branchvault.audit_server_action(p_action text) RETURNS boolean
    LANGUAGE sql IMMUTABLE
    SET search_path = pg_catalog
    AS $$ SELECT a LIKE 'audit.%' OR a LIKE 'grant.%' OR a LIKE 'user.%' OR a LIKE 'settings.%'
                 OR (a LIKE 'request.%' AND a <> 'request.list')
                 OR a IN ('customer.create', 'customer.edit', 'customer.approve', 'customer.reject',
                          'customer.assign', 'customer.suspicious_clear', 'customer.reveal', 'customer.lookup',
                          'auth.password_change', 'db.create')
          FROM (SELECT lower(btrim(coalesce(p_action, ''))) AS a) AS s $$;

CREATE OR REPLACE FUNCTION branchvault.audit_append(p_workstation text, p_action text, p_object_type text,
                                                    p_object_id text, p_customer_no text, p_outcome text,
                                                    p_details text) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
BEGIN
    IF p_action IS NULL OR p_action = '' OR audit_server_action(p_action)
       OR (lower(btrim(p_action)) = 'auth.sign_in' AND p_outcome IS DISTINCT FROM 'failed') THEN
        RAISE EXCEPTION 'a workstation does not append "%" rows: the server writes them itself',
            left(coalesce(p_action, ''), 64) USING ERRCODE = '42501';
    END IF;
    IF p_action !~ '^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$' OR char_length(p_action) > 64 THEN
        RAISE EXCEPTION 'action: lower-case words joined by dots, at most 64 characters (e.g. customer.view)'
            USING ERRCODE = '22023';
    END IF;
    IF char_length(coalesce(p_workstation, '')) > 128 THEN
        RAISE EXCEPTION 'workstation: at most 128 characters' USING ERRCODE = '22023';
    END IF;
    IF char_length(coalesce(p_object_type, '')) > 64 THEN
        RAISE EXCEPTION 'object_type: at most 64 characters' USING ERRCODE = '22023';
    END IF;
    IF char_length(coalesce(p_object_id, '')) > 128 THEN
        RAISE EXCEPTION 'object_id: at most 128 characters' USING ERRCODE = '22023';
    END IF;
    IF char_length(coalesce(p_customer_no, '')) > 64 THEN
        RAISE EXCEPTION 'customer_no: at most 64 characters' USING ERRCODE = '22023';
    END IF;
    IF char_length(coalesce(p_details, '')) > 8192 THEN
        RAISE EXCEPTION 'details: at most 8192 characters; record what happened, not the data it happened to'
            USING ERRCODE = '22023';
    END IF;
    RETURN audit_write(p_workstation, p_action, p_object_type, p_object_id, p_customer_no, p_outcome, p_details);
END
$$;

REVOKE ALL ON FUNCTION branchvault.audit_chain_append(bigint, text, text, text, text, text, text, text, text, text),
    branchvault.audit_write_system(text, text, text, text, text), branchvault.audit_server_action(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION branchvault.audit_write(text, text, text, text, text, text, text) FROM PUBLIC;

-- ---- 3. Checking what a workstation sends ----

-- A slot as a workstation sends it, for an account of `p_branch`: 22023 "key slot: ..." naming the field when it is
-- missing or malformed; the generation must be the branch's (its custody row, locked FOR SHARE until the transaction
-- ends, so that a later re-key, which will lock it FOR UPDATE, cannot slip in between). The sizes are KeySlots'; the
-- Argon2id cost is at least what any local workstation writes (the floors of the settings auth.argon2.opslimit, 2,
-- and auth.argon2.memlimit_mib, 19 MiB: OWASP's minimum) and at most what KeySlots::open accepts (64, 4096 MiB) — a
-- modified workstation could otherwise store a slot cheap to attack offline.
CREATE FUNCTION branchvault.checked_slot(p_slot branchvault.slot_input, p_branch text) RETURNS void
    LANGUAGE plpgsql
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    current integer;
BEGIN
    IF p_slot IS NULL THEN
        RAISE EXCEPTION 'key slot: this change writes the account''s key slot, and none was sent; the workstation '
                        'wraps the branch''s keys for it' USING ERRCODE = '22023';
    END IF;
    IF p_slot.generation IS NULL OR p_slot.kdf_ops IS NULL OR p_slot.kdf_mem IS NULL OR p_slot.salt IS NULL
       OR p_slot.nonce IS NULL OR p_slot.wrapped IS NULL THEN
        RAISE EXCEPTION 'key slot: every field (generation, kdf_ops, kdf_mem, salt, nonce, wrapped) is required'
            USING ERRCODE = '22023';
    END IF;
    IF p_slot.kdf_ops NOT BETWEEN 2 AND 64 THEN
        RAISE EXCEPTION 'key slot: kdf_ops must be from 2 to 64' USING ERRCODE = '22023';
    END IF;
    IF p_slot.kdf_mem NOT BETWEEN 19 AND 4096 THEN
        RAISE EXCEPTION 'key slot: kdf_mem must be from 19 to 4096 (MiB)' USING ERRCODE = '22023';
    END IF;
    IF octet_length(p_slot.salt) <> 16 THEN
        RAISE EXCEPTION 'key slot: salt must be 16 bytes' USING ERRCODE = '22023';
    END IF;
    IF octet_length(p_slot.nonce) <> 24 THEN
        RAISE EXCEPTION 'key slot: nonce must be 24 bytes' USING ERRCODE = '22023';
    END IF;
    IF octet_length(p_slot.wrapped) <> 84 THEN
        RAISE EXCEPTION 'key slot: wrapped must be 84 bytes (the 68 bytes of the keys and a 16-byte tag)'
            USING ERRCODE = '22023';
    END IF;
    SELECT c.generation INTO current FROM custody c WHERE c.branch = p_branch FOR SHARE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'the branch has no key custody yet: its server was not set up with setup_branch, so no key '
                        'slot can be written; set the branch up first' USING ERRCODE = '55000';
    END IF;
    IF p_slot.generation <> current THEN
        RAISE EXCEPTION 'key slot: generation % is not the branch''s current key generation (%); sign in again to '
                        'read the current keys', p_slot.generation, current USING ERRCODE = '22023';
    END IF;
END
$$;

-- When no slot is written, none may be sent: a workstation that sends one where local mode writes none has its
-- notion of the account wrong.
CREATE FUNCTION branchvault.no_slot_expected(p_slot branchvault.slot_input, p_why text) RETURNS void
    LANGUAGE plpgsql
    SET search_path = branchvault, pg_temp
    AS $$
BEGIN
    -- a composite IS NULL when every field is: a slot with any field set is a slot sent
    IF NOT (p_slot IS NULL) THEN
        RAISE EXCEPTION 'key slot: %; send none (NULL)', p_why USING ERRCODE = '22023';
    END IF;
END
$$;

-- Stores (or replaces) an account's slot (KeySlots::write, KeyRepository::putUserSlot). The caller checked it.
CREATE FUNCTION branchvault.put_slot(p_staff_id bigint, p_kind text, p_slot branchvault.slot_input,
                                     p_written_by bigint) RETURNS void
    LANGUAGE sql
    SET search_path = branchvault, pg_temp
    AS $$
    INSERT INTO key_slots (staff_id, kind, generation, kdf_ops, kdf_mem, salt, nonce, wrapped, written_by, written_at)
    VALUES (p_staff_id, p_kind, p_slot.generation, p_slot.kdf_ops, p_slot.kdf_mem, p_slot.salt, p_slot.nonce,
            p_slot.wrapped, p_written_by, now())
    ON CONFLICT (staff_id) DO UPDATE SET kind = excluded.kind, generation = excluded.generation,
        kdf_ops = excluded.kdf_ops, kdf_mem = excluded.kdf_mem, salt = excluded.salt, nonce = excluded.nonce,
        wrapped = excluded.wrapped, written_by = excluded.written_by, written_at = excluded.written_at
$$;

-- AccountService::writesSlot: a new or reset account — and any account without a slot — gets a pending slot under a
-- code when its change is confirmed; a role change or an unfreeze of an account that keeps its slot writes none.
-- (Local mode's fifth change, 'custody', marks accounts that had no slot when release 0.1's keyring moved into
-- slots; the server never had such a keyring, and an account without a slot is covered by "without a slot".)
CREATE FUNCTION branchvault.confirmation_writes_slot(p_account branchvault.staff) RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path = branchvault, pg_temp
    AS $$ SELECT sees_customers(coalesce(p_account.awaiting_role, p_account.role))
                 AND (p_account.awaiting IN ('create', 'reset')
                      OR NOT EXISTS (SELECT 1 FROM key_slots k WHERE k.staff_id = p_account.id)) $$;

REVOKE ALL ON FUNCTION branchvault.checked_slot(branchvault.slot_input, text),
    branchvault.no_slot_expected(branchvault.slot_input, text),
    branchvault.put_slot(bigint, text, branchvault.slot_input, bigint),
    branchvault.confirmation_writes_slot(branchvault.staff) FROM PUBLIC;

-- ---- 4. Setting up a branch ----

-- The branch's first run (FirstRun::run) on the server: the branch's code and name, its key custody (the generation
-- of the keys the setting-up workstation made, and their recovery slot), and the first administrator — a staff row,
-- active, who must change the one-time password at the first sign-in, and a login role in bv_admin with the SCRAM
-- verifier the workstation computed. Audited as local mode audits its first run, by the system actor: db.create
-- (once per database: a head office's second branch in the same database is not a new database), settings.change
-- for the code and for the name (SettingsWriter::setAs), user.create. Returns the administrator's staff id.
--
-- Only the database's owner calls it (the login that applied the migrations, which owns this function; never a staff
-- login), and only while the branch has neither a custody row nor a staff row: a branch is set up once. Local mode
-- makes the keys and the recovery passphrase itself; here the workstation does, and sends only the sealed slot, the
-- public key and the check value. The first administrator holds no slot (administrators never do): the first branch
-- manager gets the keys through staff_confirm_recovery.
CREATE FUNCTION branchvault.setup_branch(p_branch text, p_branch_name text, p_admin_login text,
                                         p_admin_pg_role text, p_admin_staff_no text, p_admin_verifier text,
                                         p_generation integer, p_recovery_public_key bytea, p_recovery_salt bytea,
                                         p_recovery_ops bigint, p_recovery_mem bigint, p_recovery_sealed bytea,
                                         p_recovery_check bytea, p_workstation text) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    v_login    text := lower(btrim(coalesce(p_admin_login, '')));
    v_staff_no text := coalesce(nullif(btrim(coalesce(p_admin_staff_no, '')), ''),
                                lower(btrim(coalesce(p_admin_login, ''))));
    v_code     text;
    v_name     text;
    v_key      text;
    v_id       bigint;
BEGIN
    -- inside SECURITY DEFINER current_user is this function's owner, the role that applied the migrations
    IF session_user::name <> current_user::name
       OR EXISTS (SELECT 1 FROM staff s WHERE s.pg_role = session_user) THEN
        RAISE EXCEPTION 'only the database''s owner (the login that applied the migrations) sets a branch up'
            USING ERRCODE = '42501';
    END IF;
    -- two set-ups at once: the second waits, then finds the first's rows
    LOCK TABLE custody IN SHARE ROW EXCLUSIVE MODE;
    IF EXISTS (SELECT 1 FROM custody c WHERE c.branch = p_branch)
       OR EXISTS (SELECT 1 FROM staff s WHERE s.branch = p_branch) THEN
        RAISE EXCEPTION 'the branch is set up already (it has key custody or staff accounts); sign in as its '
                        'administrator instead' USING ERRCODE = '55000';
    END IF;

    -- the branch code as settings_set stores it, and exactly the branch every key of the branch carries
    BEGIN
        v_code := setting_value('branch.code', p_branch);
    EXCEPTION WHEN invalid_parameter_value THEN
        v_code := NULL;
    END;
    IF v_code IS NULL OR v_code IS DISTINCT FROM p_branch THEN
        RAISE EXCEPTION 'p_branch: the branch code, 1 to 12 letters or digits' USING ERRCODE = '22023';
    END IF;
    BEGIN
        v_name := setting_value('branch.name', coalesce(p_branch_name, ''));
    EXCEPTION WHEN invalid_parameter_value THEN
        RAISE EXCEPTION 'p_branch_name: at most 60 characters' USING ERRCODE = '22023';
    END;
    IF v_login !~ '^[a-z][a-z0-9._-]{1,31}$' THEN
        RAISE EXCEPTION 'p_admin_login: 2 to 32 characters, lower-case letters, digits, dot, dash or underscore, '
                        'starting with a letter' USING ERRCODE = '22023';
    END IF;
    IF coalesce(p_admin_pg_role, '') !~ '^[a-z][a-z0-9_]{1,62}$' OR p_admin_pg_role LIKE 'bv\_%'
       OR p_admin_pg_role LIKE 'pg\_%' THEN
        RAISE EXCEPTION 'p_admin_pg_role: 2 to 63 lower-case letters, digits or underscores, starting with a letter, '
                        'not starting with bv_ or pg_' USING ERRCODE = '22023';
    END IF;
    IF char_length(v_staff_no) > 32 THEN
        RAISE EXCEPTION 'p_admin_staff_no: at most 32 characters' USING ERRCODE = '22023';
    END IF;
    PERFORM check_verifier(p_admin_verifier);
    IF p_generation IS NULL OR p_generation < 1 THEN
        RAISE EXCEPTION 'p_generation: the generation of the branch''s keys, 1 or more' USING ERRCODE = '22023';
    END IF;
    IF octet_length(p_recovery_public_key) IS DISTINCT FROM 32 THEN
        RAISE EXCEPTION 'p_recovery_public_key: 32 bytes' USING ERRCODE = '22023';
    END IF;
    IF octet_length(p_recovery_salt) IS DISTINCT FROM 16 THEN
        RAISE EXCEPTION 'p_recovery_salt: 16 bytes' USING ERRCODE = '22023';
    END IF;
    -- the recovery key pair's Argon2id cost: at least KdfParams::minimum() (2, 19 MiB), at most what
    -- KeyEnvelope reads (64, 4 GiB); memory in bytes, as in the envelope
    IF p_recovery_ops IS NULL OR p_recovery_ops NOT BETWEEN 2 AND 64 THEN
        RAISE EXCEPTION 'p_recovery_ops: from 2 to 64' USING ERRCODE = '22023';
    END IF;
    IF p_recovery_mem IS NULL OR p_recovery_mem NOT BETWEEN 19::bigint * 1024 * 1024 AND 4::bigint * 1024 * 1024 * 1024
    THEN
        RAISE EXCEPTION 'p_recovery_mem: from 19 MiB to 4 GiB, in bytes' USING ERRCODE = '22023';
    END IF;
    IF octet_length(p_recovery_sealed) IS DISTINCT FROM 116 THEN
        RAISE EXCEPTION 'p_recovery_sealed: 116 bytes (the 68 bytes of the keys sealed to the recovery public key)'
            USING ERRCODE = '22023';
    END IF;
    IF octet_length(p_recovery_check) IS DISTINCT FROM 32 THEN
        RAISE EXCEPTION 'p_recovery_check: 32 bytes' USING ERRCODE = '22023';
    END IF;

    PERFORM lock_person(v_staff_no);
    IF EXISTS (SELECT 1 FROM staff s WHERE s.login = v_login) THEN
        RAISE EXCEPTION 'p_admin_login: the login is taken (frozen accounts keep their login); choose another login'
            USING ERRCODE = '23505';
    END IF;
    IF EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = p_admin_pg_role) THEN
        RAISE EXCEPTION 'p_admin_pg_role: a database role of this name exists already; choose another login role name'
            USING ERRCODE = '23505';
    END IF;
    PERFORM check_one_active(v_staff_no, NULL);
    PERFORM check_separation(v_staff_no, 'admin', NULL);

    IF NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.action = 'db.create') THEN
        PERFORM audit_write_system(p_workstation, 'db.create', 'database',
                                   (SELECT m.value FROM meta m WHERE m.key = 'database_id'), '{}');
    END IF;
    -- the settings as settings_set stores them (updated_by: nobody, the system acted), each with its
    -- settings.change row; the name only when one is given, as locally
    FOREACH v_key IN ARRAY ARRAY['branch.code', 'branch.name'] LOOP
        CONTINUE WHEN v_key = 'branch.name' AND v_name = '';
        PERFORM audit_write_system(p_workstation, 'settings.change', 'setting', v_key,
            json_build_object('new', CASE v_key WHEN 'branch.code' THEN v_code ELSE v_name END,
                              'old', coalesce((SELECT st.value FROM settings st
                                               WHERE st.branch = p_branch AND st.key = v_key),
                                              (SELECT sp.default_value FROM setting_spec sp
                                               WHERE sp.key = v_key)))::text);
        INSERT INTO settings (branch, key, value, updated_at, updated_by)
            VALUES (p_branch, v_key, CASE v_key WHEN 'branch.code' THEN v_code ELSE v_name END, now(), NULL)
            ON CONFLICT (branch, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at,
                                                    updated_by = excluded.updated_by;
    END LOOP;

    INSERT INTO custody (branch, generation, recovery_public_key, recovery_salt, recovery_ops, recovery_mem,
                         recovery_sealed, recovery_check, written_by, written_at)
    VALUES (p_branch, p_generation, p_recovery_public_key, p_recovery_salt, p_recovery_ops, p_recovery_mem,
            p_recovery_sealed, p_recovery_check, NULL, now());
    -- AccountService::createFirstAdministrator: an administrator, at once (no confirmation), with a one-time
    -- password to change at the first sign-in
    INSERT INTO staff (login, pg_role, role, status, branch, staff_no, created_by, must_change_password)
    VALUES (v_login, p_admin_pg_role, 'admin', 'active', p_branch, v_staff_no, NULL, true)
    RETURNING id INTO v_id;
    EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I', p_admin_pg_role, p_admin_verifier, 'bv_admin');
    PERFORM audit_write_system(p_workstation, 'user.create', 'user', v_id::text,
                               json_build_object('awaitingConfirmation', false, 'branch', p_branch, 'login', v_login,
                                                 'role', 'admin', 'staffNo', v_staff_no)::text);
    RETURN v_id;
END
$$;
REVOKE ALL ON FUNCTION branchvault.setup_branch(text, text, text, text, text, text, integer, bytea, bytea, bigint,
    bigint, bytea, bytea, text) FROM PUBLIC;

-- ---- 5. Signing in, and the caller's own keys ----

-- The caller's own account (session_user), active — also while its password must be changed (the first sign-in
-- after a creation, a reset or a confirmation that wrote a pending slot); a frozen or waiting account is refused.
CREATE FUNCTION branchvault.own_account(p_lock boolean) RETURNS branchvault.staff
    LANGUAGE plpgsql
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    me staff%ROWTYPE;
BEGIN
    IF p_lock THEN
        SELECT * INTO me FROM staff s WHERE s.pg_role = session_user AND s.status = 'active' FOR UPDATE;
    ELSE
        SELECT * INTO me FROM staff s WHERE s.pg_role = session_user AND s.status = 'active';
    END IF;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'this login is not an active BranchVault staff account (frozen, or waiting for a branch '
                        'manager''s confirmation); ask the administrator' USING ERRCODE = '42501';
    END IF;
    RETURN me;
END
$$;
REVOKE ALL ON FUNCTION branchvault.own_account(boolean) FROM PUBLIC;

-- The workstation's sign-in (AuthService::signIn, recordSignIn): PostgreSQL has checked the password (SCRAM), this
-- tells the workstation who the server takes the caller for and which slot the account holds, and writes the
-- successful sign-in's row, auth.sign_in, as locally. "secondFactor" is false: the server knows no second factor
-- yet. A failed sign-in never reaches a function (PostgreSQL refuses the login); the workstation appends that row
-- once it can.
CREATE FUNCTION branchvault.sign_in(p_workstation text)
    RETURNS TABLE (staff_id bigint, login text, role text, branch text, display_name text,
                   must_change_password boolean, slot_kind text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    me staff%ROWTYPE := own_account(false);
BEGIN
    PERFORM audit_write(p_workstation, 'auth.sign_in', 'user', me.id::text, NULL, 'ok',
                        json_build_object('secondFactor', false)::text);
    RETURN QUERY SELECT me.id, me.login, me.role, me.branch, me.display_name, me.must_change_password,
                        (SELECT k.kind FROM key_slots k WHERE k.staff_id = me.id);
END
$$;

-- The caller's own slot, to unwrap on the workstation with the password (or, for a pending slot, the confirmation
-- code); no row when the account holds none. Not audited: sign_in records the sign-in.
CREATE FUNCTION branchvault.key_slot_mine()
    RETURNS TABLE (kind text, generation integer, kdf_ops bigint, kdf_mem bigint, salt bytea, nonce bytea,
                   wrapped bytea, staff_id bigint)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    me staff%ROWTYPE := own_account(false);
BEGIN
    RETURN QUERY SELECT k.kind, k.generation, k.kdf_ops, k.kdf_mem, k.salt, k.nonce, k.wrapped, k.staff_id
        FROM key_slots k WHERE k.staff_id = me.id;
END
$$;

-- The branch's recovery slot, for an active administrator or branch manager of the branch (the two who may confirm
-- with the recovery passphrase, AccountService::confirmWithRecovery): the workstation opens it with the passphrase
-- to wrap the keys for the first or last branch manager. The check value is never returned: whoever read it could
-- pass for the holder of the passphrase.
CREATE FUNCTION branchvault.custody_recovery()
    RETURNS TABLE (generation integer, public_key bytea, salt bytea, ops bigint, mem bigint, sealed bytea)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
BEGIN
    IF my_role() IS NULL OR my_role() NOT IN ('admin', 'manager') THEN
        RAISE EXCEPTION 'only an active administrator or branch manager reads the branch''s recovery slot'
            USING ERRCODE = '42501';
    END IF;
    RETURN QUERY SELECT c.generation, c.recovery_public_key, c.recovery_salt, c.recovery_ops, c.recovery_mem,
                        c.recovery_sealed
        FROM custody c WHERE c.branch = my_branch();
END
$$;

REVOKE ALL ON FUNCTION branchvault.sign_in(text), branchvault.key_slot_mine(), branchvault.custody_recovery()
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION branchvault.sign_in(text), branchvault.key_slot_mine() TO bv_staff;
GRANT EXECUTE ON FUNCTION branchvault.custody_recovery() TO bv_admin, bv_manager;

-- ---- 6. Confirmations write the slot ----

-- The waiting account as migration 5's waiting_target finds it — of the caller's branch, locked, never the caller's
-- own, still waiting with the change the caller saw — without asking the caller's role (the callers check it).
CREATE FUNCTION branchvault.waiting_account(p_login text, p_change text) RETURNS branchvault.staff
    LANGUAGE plpgsql
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    account staff%ROWTYPE;
    decider text;
BEGIN
    SELECT * INTO account FROM staff s WHERE s.login = lower(btrim(coalesce(p_login, ''))) FOR UPDATE;
    IF NOT FOUND OR account.branch <> my_branch() THEN
        -- another branch's account: the same answer as for a login that does not exist
        RAISE EXCEPTION 'there is no account with this login in your branch; list the accounts waiting for '
                        'confirmation to check the login' USING ERRCODE = '42501';
    END IF;
    IF account.id = my_staff_id() THEN
        RAISE EXCEPTION 'nobody confirms a change to their own account: another branch manager does (for the first '
                        'or the last branch manager, the recovery passphrase)' USING ERRCODE = '42501';
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

-- AccountService::applyConfirmation, on the account waiting_account returned (locked): a frozen account is confirmed
-- only by its unfreeze (migration 7); when the change writes a slot (confirmation_writes_slot) the slot the
-- confirming workstation wrapped under the confirmation code it shows is stored as the account's pending slot,
-- written by the confirming person, and the account must change its password (requirePasswordChange: the holder's
-- first password change turns the pending slot into a password slot); else none may be sent. Then the account is
-- active again (its login role LOGIN; a role change moves it to its new group), and user.confirm is written with the
-- local details.
CREATE FUNCTION branchvault.apply_confirmation(p_account branchvault.staff, p_slot branchvault.slot_input,
                                               p_with_recovery boolean, p_workstation text) RETURNS void
    LANGUAGE plpgsql
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    v_role    text := coalesce(p_account.awaiting_role, p_account.role);
    v_writes  boolean := confirmation_writes_slot(p_account);
    details   json;
BEGIN
    IF p_account.frozen_at IS NOT NULL AND p_account.awaiting <> 'unfreeze' THEN
        RAISE EXCEPTION 'account % is frozen: confirming this change (%) would give it access to customer information '
                        'again. Decline it; if the person is back, the administrator unfreezes the account first',
                        p_account.login, p_account.awaiting
            USING ERRCODE = '42501';
    END IF;
    IF v_writes THEN
        PERFORM checked_slot(p_slot, p_account.branch);
        PERFORM put_slot(p_account.id, 'pending', p_slot, my_staff_id());
    ELSE
        PERFORM no_slot_expected(p_slot, format('confirming this change (%s) writes no key slot: the account keeps '
                                                'the one it holds', p_account.awaiting));
    END IF;
    IF p_account.awaiting = 'role' THEN
        EXECUTE format('REVOKE %I FROM %I', 'bv_' || p_account.role, p_account.pg_role);
        EXECUTE format('GRANT %I TO %I', 'bv_' || p_account.awaiting_role, p_account.pg_role);
    END IF;
    UPDATE staff SET role = v_role, status = 'active', frozen_at = NULL, awaiting = NULL, awaiting_role = NULL,
                     awaiting_since = NULL, awaiting_by = NULL, decided_by = my_staff_id(), decided_at = now(),
                     must_change_password = must_change_password OR v_writes
        WHERE id = p_account.id;
    EXECUTE format('ALTER ROLE %I LOGIN', p_account.pg_role);
    IF p_account.awaiting = 'role' THEN
        details := json_build_object('change', p_account.awaiting, 'keySlotWritten', v_writes,
                                     'login', p_account.login, 'role', p_account.awaiting_role,
                                     'withRecoveryPassphrase', p_with_recovery);
    ELSE
        details := json_build_object('change', p_account.awaiting, 'keySlotWritten', v_writes,
                                     'login', p_account.login, 'withRecoveryPassphrase', p_with_recovery);
    END IF;
    PERFORM audit_write(p_workstation, 'user.confirm', 'user', p_account.id::text, NULL, 'ok', details::text);
END
$$;

-- Migration 5's waiting_target (staff_decline's) asks for an active branch manager, then finds the account the same
-- way.
CREATE OR REPLACE FUNCTION branchvault.waiting_target(p_login text, p_change text) RETURNS branchvault.staff
    LANGUAGE plpgsql
    SET search_path = branchvault, pg_temp
    AS $$
BEGIN
    IF my_role() IS DISTINCT FROM 'manager' THEN
        RAISE EXCEPTION 'only an active branch manager confirms or declines account changes' USING ERRCODE = '42501';
    END IF;
    RETURN waiting_account(p_login, p_change);
END
$$;

REVOKE ALL ON FUNCTION branchvault.waiting_account(text, text), branchvault.waiting_target(text, text),
    branchvault.apply_confirmation(branchvault.staff, branchvault.slot_input, boolean, text) FROM PUBLIC;

-- Migration 5's and 7's confirmation without a slot is gone: a workstation that still calls it gets "function does
-- not exist" rather than an account confirmed without its keys.
DROP FUNCTION branchvault.staff_confirm(text, text, text);

-- A branch manager other than the account holder confirms the waiting change (AccountService::confirm), with the
-- slot the manager's workstation wrapped under the confirmation code it shows, when the change writes one.
CREATE FUNCTION branchvault.staff_confirm(p_login text, p_change text, p_slot branchvault.slot_input,
                                          p_workstation text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
BEGIN
    PERFORM apply_confirmation(waiting_target(p_login, p_change), p_slot, false, p_workstation);
END
$$;

-- `user confirm LOGIN --recovery` (AccountService::confirmWithRecovery): an active administrator or branch manager
-- confirms the first or the last branch manager of the branch with the recovery passphrase — an account that is, or
-- becomes by this change, a branch manager, while no other branch manager of the branch could confirm it (an active
-- one holding a password slot: AccountRepository::confirmingManagerOtherThan). The workstation opened the recovery
-- slot with the passphrase (custody_recovery) and proves it holds it by sending the check value derived from it; the
-- server compares it with the one stored at set-up (it can neither derive it nor open the slot). The branch's custody
-- row is locked FOR UPDATE before "no other branch manager" is decided, so a branch manager's password slot written
-- meanwhile (staff_change_password locks it FOR SHARE) cannot make two recoveries' answers stale.
CREATE FUNCTION branchvault.staff_confirm_recovery(p_login text, p_change text, p_recovery_check bytea,
                                                   p_slot branchvault.slot_input, p_workstation text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    account staff%ROWTYPE;
    other   text;
    stored  bytea;
BEGIN
    IF my_role() IS NULL OR my_role() NOT IN ('admin', 'manager') THEN
        RAISE EXCEPTION 'only an active administrator or branch manager confirms with the recovery passphrase'
            USING ERRCODE = '42501';
    END IF;
    account := waiting_account(p_login, p_change);
    IF coalesce(account.awaiting_role, account.role) <> 'manager' THEN
        RAISE EXCEPTION 'the recovery passphrase confirms only the first or the last branch manager; % is not a '
                        'branch manager account: a branch manager confirms it', account.login
            USING ERRCODE = 'BV409';
    END IF;
    SELECT c.recovery_check INTO stored FROM custody c WHERE c.branch = account.branch FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'the branch has no key custody yet: its server was not set up with setup_branch, so there is '
                        'no recovery passphrase to confirm with' USING ERRCODE = '55000';
    END IF;
    SELECT s.login INTO other FROM staff s JOIN key_slots k ON k.staff_id = s.id AND k.kind = 'password'
        WHERE s.branch = account.branch AND s.role = 'manager' AND s.status = 'active' AND s.id <> account.id
        ORDER BY s.login LIMIT 1;
    IF other IS NOT NULL THEN
        RAISE EXCEPTION 'branch manager % can confirm this account, so the recovery passphrase is not used for it: it '
                        'is only for the first or the last branch manager', other
            USING ERRCODE = 'BV409';
    END IF;
    IF octet_length(p_recovery_check) IS DISTINCT FROM 32 THEN
        RAISE EXCEPTION 'p_recovery_check: 32 bytes, derived from the recovery passphrase by the workstation'
            USING ERRCODE = '22023';
    END IF;
    IF p_recovery_check <> stored THEN
        RAISE EXCEPTION 'the recovery passphrase is not this branch''s: type the passphrase from this branch''s '
                        'recovery sheet' USING ERRCODE = '42501';
    END IF;
    PERFORM apply_confirmation(account, p_slot, true, p_workstation);
END
$$;

REVOKE ALL ON FUNCTION branchvault.staff_confirm(text, text, branchvault.slot_input, text),
    branchvault.staff_confirm_recovery(text, text, bytea, branchvault.slot_input, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION branchvault.staff_confirm(text, text, branchvault.slot_input, text) TO bv_manager;
GRANT EXECUTE ON FUNCTION branchvault.staff_confirm_recovery(text, text, bytea, branchvault.slot_input, text)
    TO bv_admin, bv_manager;

-- ---- 7. The holder's password change moves the keys under the new password ----

DROP FUNCTION branchvault.staff_change_password(text, text);

-- The holder's own new password (AuthService::changePassword), as migration 7's: a SCRAM verifier, the first-sign-in
-- requirement cleared, auth.password_change. An account that sees customer data sends its keys wrapped under the new
-- password: that becomes its password slot, replacing the pending one (which the workstation opened with the
-- confirmation code) or the old password's. Local mode refuses a sign-in of such an account without a slot ("ask a
-- branch manager to confirm the account"), so it never reaches a password change; here the account can connect, and
-- its password change is refused instead (55000): without keys the workstation has nothing to wrap. Administrator
-- and auditor accounts hold no slot and send none. The server cannot check that the slot opens, nor that the
-- pending slot was opened with the code: what it enforces is that the slot is well-formed and of the branch's
-- current generation, and that only the holder writes it.
CREATE FUNCTION branchvault.staff_change_password(p_verifier text, p_slot branchvault.slot_input,
                                                  p_workstation text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    me staff%ROWTYPE := own_account(true);
BEGIN
    PERFORM check_verifier(p_verifier);
    IF sees_customers(me.role) THEN
        IF NOT EXISTS (SELECT 1 FROM key_slots k WHERE k.staff_id = me.id) THEN
            RAISE EXCEPTION 'this account holds no key for customer information yet; ask the administrator to reset '
                            'it and a branch manager to confirm it: you then receive a confirmation code'
                USING ERRCODE = '55000';
        END IF;
        PERFORM checked_slot(p_slot, me.branch);
        PERFORM put_slot(me.id, 'password', p_slot, me.id);
    ELSE
        PERFORM no_slot_expected(p_slot, 'administrator and auditor accounts hold no key slot');
    END IF;
    EXECUTE format('ALTER ROLE %I PASSWORD %L', me.pg_role, p_verifier);
    UPDATE staff SET must_change_password = false WHERE id = me.id;
    PERFORM audit_write(p_workstation, 'auth.password_change', 'user', me.id::text, NULL, 'ok', '{}');
END
$$;
REVOKE ALL ON FUNCTION branchvault.staff_change_password(text, branchvault.slot_input, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION branchvault.staff_change_password(text, branchvault.slot_input, text) TO bv_staff;

-- ---- 8. Freeze, reset and decline take the slot away ----

-- As migration 7's freeze, and the key slot goes with the access (AccountService::freeze: "a former employee's
-- password opens nothing, even on a copy made later"). An unfreeze then waits for a branch manager, whose
-- confirmation writes a pending slot (the account holds none).
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
    DELETE FROM key_slots k WHERE k.staff_id = account.id;
    EXECUTE format('ALTER ROLE %I NOLOGIN', account.pg_role);
    PERFORM audit_write(p_workstation, 'user.freeze', 'user', account.id::text, NULL, 'ok',
                        json_build_object('login', account.login)::text);
END
$$;

-- As migration 7's reset, and the old password's slot goes (AccountService::resetPassword: "of no use to the holder
-- any more"; the administrator's one-time password must never open it). The confirmation writes a pending slot.
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
    DELETE FROM key_slots k WHERE k.staff_id = account.id;
    IF v_awaits AND account.awaiting IS NULL THEN
        UPDATE staff SET status = 'awaiting', awaiting = 'reset', awaiting_since = now(), awaiting_by = my_staff_id()
            WHERE id = account.id;
        EXECUTE format('ALTER ROLE %I NOLOGIN', account.pg_role);
    END IF;
    PERFORM audit_write(p_workstation, 'user.reset_password', 'user', account.id::text, NULL, 'ok',
                        json_build_object('awaitingConfirmation', v_awaits, 'login', account.login)::text);
END
$$;

-- As migration 5's decline, and a decline that freezes the account takes its slot away too
-- (AccountService::decline). A role change that lapses leaves the account its slot.
CREATE OR REPLACE FUNCTION branchvault.staff_decline(p_login text, p_change text, p_reason text, p_workstation text)
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
    IF v_freezes THEN
        DELETE FROM key_slots k WHERE k.staff_id = account.id;
    ELSE
        EXECUTE format('ALTER ROLE %I LOGIN', account.pg_role);
    END IF;
    PERFORM audit_write(p_workstation, 'user.decline', 'user', account.id::text, NULL, 'ok',
                        json_build_object('change', account.awaiting,
                                          'frozen', account.awaiting IN ('create', 'reset'),
                                          'login', account.login, 'reason', v_reason)::text);
END
$$;

UPDATE branchvault.meta SET value = '8' WHERE key = 'schema_version';
