-- BranchVault branch server (docs/SERVER.md), migration 9: what the workstation's side of custody and the auditor's
-- verification read (core/server/ServerSession.cpp).

-- What waits for confirmation in the caller's branch (AccountService::awaitingConfirmation), now with whether its
-- confirmation writes a key slot (confirmation_writes_slot, the rule staff_confirm applies), so the workstation
-- knows whether to wrap the keys under a new confirmation code. The administrator reads it too: it confirms the first
-- or the last branch manager with the recovery passphrase (staff_confirm_recovery), and it made every change listed
-- here itself.
DROP FUNCTION branchvault.staff_awaiting();
CREATE FUNCTION branchvault.staff_awaiting()
    RETURNS TABLE (login text, role text, awaiting text, awaiting_role text, awaiting_since timestamptz,
                   slot_due boolean)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
BEGIN
    IF my_role() IS NULL OR my_role() NOT IN ('manager', 'admin') THEN
        RAISE EXCEPTION 'only an active branch manager or administrator lists the accounts waiting for confirmation'
            USING ERRCODE = '42501';
    END IF;
    RETURN QUERY SELECT s.login, s.role, s.awaiting, s.awaiting_role, s.awaiting_since, confirmation_writes_slot(s)
        FROM staff s
        WHERE s.branch = my_branch() AND s.awaiting IS NOT NULL ORDER BY s.awaiting_since, s.login;
END
$$;
REVOKE ALL ON FUNCTION branchvault.staff_awaiting() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION branchvault.staff_awaiting() TO bv_manager, bv_admin;

-- One setting of the caller's branch as it applies (migration 5), now also for an account that must change its
-- password first (my_branch() is NULL until then): the password change applies the branch's password rule and key
-- slot cost, not the defaults.
CREATE OR REPLACE FUNCTION branchvault.setting(p_key text) RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$ SELECT coalesce((SELECT st.value FROM settings st
                           WHERE st.key = p_key
                             AND st.branch = (SELECT s.branch FROM staff s
                                              WHERE s.pg_role = session_user AND s.status = 'active')),
                          (SELECT sp.default_value FROM setting_spec sp WHERE sp.key = p_key)) $$;

-- The database's id, which the chain's genesis hash names (AuditLog::genesisHash): the auditor's workstation
-- verifies the branch's chain with the verifier of local mode.
CREATE FUNCTION branchvault.database_id() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$ SELECT value FROM meta WHERE key = 'database_id' AND my_role() = 'auditor' $$;
REVOKE ALL ON FUNCTION branchvault.database_id() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION branchvault.database_id() TO bv_auditor;

-- ---- The confirmation code, checked by the server at the password change ----
--
-- Migration 8 left a gap: the server cannot check that a password slot opens, so an administrator who knew an
-- account's one-time password (it made the account, or reset it) could sign in, send a slot of its own making with a
-- new password and so take over the account once a branch manager had confirmed it — without the confirmation code,
-- which the branch manager hands to the person. Now a pending slot carries the SHA-256 of its proof (KeySlots::wrap:
-- BLAKE2b keyed by the key the code derives, Argon2id), and the password change that replaces a pending slot must
-- send the proof itself (KeySlots::unwrap, with the code). The server compares the two; it never sees the code or the
-- key, and what it stores does not lead back to them.
ALTER TYPE branchvault.slot_input ADD ATTRIBUTE proof_check bytea;
ALTER TABLE branchvault.key_slots ADD COLUMN proof_check bytea
    CHECK (proof_check IS NULL OR octet_length(proof_check) = 32);
ALTER TABLE branchvault.key_slots ADD CONSTRAINT pending_slot_has_its_proof_check
    CHECK (kind <> 'pending' OR proof_check IS NOT NULL) NOT VALID;

-- Stores (or replaces) an account's slot, as migration 8's, with the proof check of a pending slot (required) and
-- none for a password slot.
CREATE OR REPLACE FUNCTION branchvault.put_slot(p_staff_id bigint, p_kind text, p_slot branchvault.slot_input,
                                                p_written_by bigint) RETURNS void
    LANGUAGE plpgsql
    SET search_path = branchvault, pg_temp
    AS $$
BEGIN
    IF p_kind = 'pending' AND (p_slot.proof_check IS NULL OR octet_length(p_slot.proof_check) <> 32) THEN
        RAISE EXCEPTION 'key slot: a pending slot carries the 32-byte check of its confirmation code''s proof'
            USING ERRCODE = '22023';
    END IF;
    INSERT INTO key_slots (staff_id, kind, generation, kdf_ops, kdf_mem, salt, nonce, wrapped, proof_check,
                           written_by, written_at)
    VALUES (p_staff_id, p_kind, p_slot.generation, p_slot.kdf_ops, p_slot.kdf_mem, p_slot.salt, p_slot.nonce,
            p_slot.wrapped, CASE WHEN p_kind = 'pending' THEN p_slot.proof_check END, p_written_by, now())
    ON CONFLICT (staff_id) DO UPDATE SET kind = excluded.kind, generation = excluded.generation,
        kdf_ops = excluded.kdf_ops, kdf_mem = excluded.kdf_mem, salt = excluded.salt, nonce = excluded.nonce,
        wrapped = excluded.wrapped, proof_check = excluded.proof_check, written_by = excluded.written_by,
        written_at = excluded.written_at;
END
$$;
REVOKE ALL ON FUNCTION branchvault.put_slot(bigint, text, branchvault.slot_input, bigint) FROM PUBLIC;

-- The holder's own new password: migration 8's staff_change_password, after the proof of the confirmation code when
-- the account's slot is the pending one a branch manager's confirmation left. Staff call only this one.
CREATE FUNCTION branchvault.staff_change_password(p_verifier text, p_slot branchvault.slot_input,
                                                  p_code_proof bytea, p_workstation text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    me      staff%ROWTYPE := own_account(true);
    v_check bytea;
BEGIN
    SELECT k.proof_check INTO v_check FROM key_slots k WHERE k.staff_id = me.id AND k.kind = 'pending';
    IF FOUND AND (p_code_proof IS NULL OR v_check IS NULL OR sha256(p_code_proof) <> v_check) THEN
        RAISE EXCEPTION 'confirmation code: the password change does not prove the code the branch manager''s '
                        'confirmation left; type the code the branch manager gave you' USING ERRCODE = '42501';
    END IF;
    PERFORM staff_change_password(p_verifier, p_slot, p_workstation);
END
$$;
REVOKE ALL ON FUNCTION branchvault.staff_change_password(text, branchvault.slot_input, text) FROM PUBLIC, bv_staff;
REVOKE ALL ON FUNCTION branchvault.staff_change_password(text, branchvault.slot_input, bytea, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION branchvault.staff_change_password(text, branchvault.slot_input, bytea, text) TO bv_staff;

-- ---- The recovery slot: its check value kept hashed, and the slot sealed against the server ----
--
-- The check value proves at a recovery confirmation that the workstation holds the recovery passphrase. Migration 8
-- kept it as sent and compared it as it came, so whoever read it once (a backup, a pg_dump, a server log that
-- records parameters) could pass for the passphrase's holder. The workstation now sends its SHA-256 to setup_branch,
-- and staff_confirm_recovery compares the SHA-256 of what a confirmation sends: what the server keeps no longer
-- passes. (A value seen in transit still could, until the recovery passphrase is replaced; a sheet of one-time
-- values is not built yet.)
--
-- The recovery slot is sealed to the passphrase's public key, which the server keeps: its owner could seal keys of
-- his or her own choosing to it, and the next recovery confirmation would hand them to a branch manager, so that
-- everything sealed afterwards opens with keys the owner knows. The workstation that sets the branch up therefore
-- also stores a tag over the slot, keyed by the passphrase's secret key (KeySlots::recoverySlotTag), which the
-- server cannot make; a workstation opening the slot with the passphrase checks it before using the keys.
ALTER TABLE branchvault.custody ADD COLUMN recovery_tag bytea CHECK (recovery_tag IS NULL OR octet_length(recovery_tag) = 32);

-- The tag, stored once, by the database's owner, in the transaction that set the branch up (ServerSetup::init).
CREATE FUNCTION branchvault.custody_seal_tag(p_branch text, p_tag bytea) RETURNS void
    LANGUAGE plpgsql
    SET search_path = branchvault, pg_temp
    AS $$
BEGIN
    IF octet_length(p_tag) IS DISTINCT FROM 32 THEN
        RAISE EXCEPTION 'p_tag: 32 bytes, made by the workstation from the recovery passphrase' USING ERRCODE = '22023';
    END IF;
    UPDATE custody SET recovery_tag = p_tag WHERE branch = p_branch AND recovery_tag IS NULL;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'the branch % has no custody row, or its recovery slot is tagged already', p_branch
            USING ERRCODE = '55000';
    END IF;
END
$$;
REVOKE ALL ON FUNCTION branchvault.custody_seal_tag(text, bytea) FROM PUBLIC;

-- The recovery slot as migration 8 returns it, with its tag.
DROP FUNCTION branchvault.custody_recovery();
CREATE FUNCTION branchvault.custody_recovery()
    RETURNS TABLE (generation integer, public_key bytea, salt bytea, ops bigint, mem bigint, sealed bytea, tag bytea)
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
BEGIN
    IF my_role() IS NULL OR my_role() NOT IN ('admin', 'manager') THEN
        RAISE EXCEPTION 'only an active administrator or branch manager reads the branch''s recovery slot'
            USING ERRCODE = '42501';
    END IF;
    RETURN QUERY SELECT c.generation, c.recovery_public_key, c.recovery_salt, c.recovery_ops, c.recovery_mem,
                        c.recovery_sealed, c.recovery_tag
        FROM custody c WHERE c.branch = my_branch();
END
$$;
REVOKE ALL ON FUNCTION branchvault.custody_recovery() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION branchvault.custody_recovery() TO bv_admin, bv_manager;

-- staff_confirm_recovery as migration 8's, comparing the SHA-256 of the check value sent with the one kept.
CREATE OR REPLACE FUNCTION branchvault.staff_confirm_recovery(p_login text, p_change text, p_recovery_check bytea,
                                                              p_slot branchvault.slot_input, p_workstation text)
    RETURNS void
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
    IF sha256(p_recovery_check) <> stored THEN
        RAISE EXCEPTION 'the recovery passphrase is not this branch''s: type the passphrase from this branch''s '
                        'recovery sheet' USING ERRCODE = '42501';
    END IF;
    PERFORM apply_confirmation(account, p_slot, true, p_workstation);
END
$$;

-- ---- A key slot on the server costs more to attack than local mode's floor ----
--
-- Every slot of the branch lies in the server's backups, and one staff password guessed from a backup opens every
-- grade-1 value in it. Migration 8 accepted local mode's floor (2 passes, 19 MiB: OWASP's minimum); a server slot now
-- costs at least what the server password does (3 passes, 64 MiB). The workstation wraps with the branch's settings
-- (auth.argon2.*, default 3 passes and 256 MiB), raised to this floor when they are set lower.
CREATE OR REPLACE FUNCTION branchvault.checked_slot(p_slot branchvault.slot_input, p_branch text) RETURNS void
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
    IF p_slot.kdf_ops NOT BETWEEN 3 AND 64 THEN
        RAISE EXCEPTION 'key slot: kdf_ops must be from 3 to 64' USING ERRCODE = '22023';
    END IF;
    IF p_slot.kdf_mem NOT BETWEEN 64 AND 4096 THEN
        RAISE EXCEPTION 'key slot: kdf_mem must be from 64 to 4096 (MiB)' USING ERRCODE = '22023';
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
REVOKE ALL ON FUNCTION branchvault.checked_slot(branchvault.slot_input, text) FROM PUBLIC;

-- ---- The log refuses changes, as a workstation's does (DESIGN §7) ----
--
-- Staff hold no privilege on the log's tables; these triggers stand against the database's owner, who holds every
-- privilege: changing or deleting a row now needs the triggers switched off first (ALTER TABLE … DISABLE TRIGGER, an
-- act of its own in the server's log), and the chain's verification names the row either way. A retention purge on
-- the server will be the server's own function behind a gate, as in local mode (not built yet).
CREATE FUNCTION branchvault.audit_log_append_only() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = branchvault, pg_temp
    AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only: its rows are never changed or deleted' USING ERRCODE = '42501';
END
$$;
REVOKE ALL ON FUNCTION branchvault.audit_log_append_only() FROM PUBLIC;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON branchvault.audit_log
    FOR EACH ROW EXECUTE FUNCTION branchvault.audit_log_append_only();
CREATE TRIGGER audit_log_never_truncated BEFORE TRUNCATE ON branchvault.audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION branchvault.audit_log_append_only();
CREATE TRIGGER audit_anchor_append_only BEFORE UPDATE OR DELETE ON branchvault.audit_anchor
    FOR EACH ROW EXECUTE FUNCTION branchvault.audit_log_append_only();

UPDATE branchvault.meta SET value = '9' WHERE key = 'schema_version';
