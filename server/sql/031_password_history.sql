-- BranchVault branch server (docs/SERVER.md), migration 31: the password history over the server (DESIGN §3: "the last
-- 5 passwords cannot be reused"; the branch's auth.password.history, 5 to 24).
--
-- Local mode keeps the account's earlier Argon2id hashes in password_history and compares a new password with the
-- current one and the last N-1 (AuthService::checkNewPassword). The server never sees a password (the workstation sends
-- a SCRAM verifier of a password derived from it), and it gives no hash out: whoever signs in with the account — also
-- with a one-time password after a reset, before the holder changes it — could guess the holder's old passwords
-- offline from a hash. So the comparison is split:
--   password_history   one Argon2id hash (libsodium's encoded form) per password the holder chose, newest last, at most
--                      24 per account; written only by staff_change_password; no staff role reads it. The hash costs
--                      at least what a key slot on the server costs (3 passes, 64 MiB: migration 9) and at most the
--                      branch's key-slot cost (auth.argon2.*).
--   own_password_salts()  the salt and cost of the caller's last N hashes, newest first, without the hash (N the
--                      branch's auth.password.history; the current password's is the newest: "the last N" includes
--                      it, as locally). Nothing in them helps to guess a password.
--   staff_change_password(verifier, slot, code proof, hash, candidates, workstation)  migration 9's, after which the
--                      server compares: `candidates` is the new password hashed with each of those salts, in their
--                      order; one equal to the stored hash is a password used recently (22023, everything rolled
--                      back). Then it keeps the new password's hash and the newest 24. The comparison comes after every
--                      other check of the change: only whoever could make the change gets an answer. That answer can be
--                      had without keeping the change (the caller rolls back), so whoever holds an account's current
--                      password can test guesses against its earlier ones at an Argon2id computation each; the
--                      holder learns nothing new, and an administrator holding a reset's one-time password of an
--                      administrator or auditor account gets no salts and no comparison (history_compared). The
--                      four-argument one is no longer callable by staff.
-- What the server cannot check: that the hash and the candidates are of the password whose verifier comes with them.
-- A modified client can let its own holder reuse an old password; it gains nothing over another account. A staff login
-- can also set its own password with ALTER ROLE in psql, as before (docs/SERVER.md, known gaps).
-- One-time passwords (set by the administrator at creation and reset) are random and never chosen again: not kept.

CREATE TABLE branchvault.password_history (
    staff_id   bigint NOT NULL REFERENCES branchvault.staff (id),
    id         bigint GENERATED ALWAYS AS IDENTITY,
    hash       text NOT NULL CHECK (hash ~ ('^\$argon2id\$v=19\$m=[1-9][0-9]{0,9},t=[1-9][0-9]{0,3},p=1\$'
                                            '[A-Za-z0-9+/]{21}[AQgw]\$[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]$')),
    created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (staff_id, id)
);
ALTER TABLE branchvault.password_history ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON branchvault.password_history FROM PUBLIC;

-- "$argon2id$v=19$m=…,t=…,p=1$<salt>" of a hash in libsodium's encoded form (16-byte salt, 32-byte hash); NULL when it
-- is not one.
CREATE FUNCTION branchvault.password_salt_of(p_hash text) RETURNS text
    LANGUAGE sql IMMUTABLE
    SET search_path = pg_catalog
    AS $$ SELECT substring(p_hash FROM '^(\$argon2id\$v=19\$m=[1-9][0-9]{0,9},t=[1-9][0-9]{0,3},p=1\$[A-Za-z0-9+/]{21}[AQgw])'
                                        '\$[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]$') $$;
REVOKE ALL ON FUNCTION branchvault.password_salt_of(text) FROM PUBLIC;

-- A hash as the workstation sends it for the history: the encoded form, at least a server key slot's cost (3 passes,
-- 64 MiB) and at most the branch's key-slot cost as it is now (auth.argon2.*, what the workstation hashes with), so
-- that no stored hash makes a later change cost more than the branch chose.
CREATE FUNCTION branchvault.checked_password_hash(p_hash text) RETURNS text
    LANGUAGE plpgsql STABLE
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    parts text[] := regexp_match(coalesce(password_salt_of(p_hash), ''), '^\$argon2id\$v=19\$m=([0-9]+),t=([0-9]+),');
BEGIN
    IF parts IS NULL THEN
        RAISE EXCEPTION 'password history: the new password''s hash is not an Argon2id hash in libsodium''s form'
            USING ERRCODE = '22023';
    END IF;
    IF parts[1]::bigint NOT BETWEEN 65536 AND greatest(65536, setting('auth.argon2.memlimit_mib')::bigint * 1024)
       OR parts[2]::integer NOT BETWEEN 3 AND greatest(3, setting('auth.argon2.opslimit')::integer) THEN
        RAISE EXCEPTION 'password history: the new password''s hash costs less than the server''s minimum (3 passes, '
                        '64 MiB) or more than the branch''s key-slot cost' USING ERRCODE = '22023';
    END IF;
    RETURN p_hash;
END
$$;
REVOKE ALL ON FUNCTION branchvault.checked_password_hash(text) FROM PUBLIC;

-- The branch's auth.password.history for the caller, within 5..24 whatever is stored.
CREATE FUNCTION branchvault.password_history_length() RETURNS integer
    LANGUAGE sql STABLE
    SET search_path = branchvault, pg_temp
    AS $$ SELECT least(24, greatest(5, coalesce(setting('auth.password.history')::integer, 5))) $$;
REVOKE ALL ON FUNCTION branchvault.password_history_length() FROM PUBLIC;

-- Whether the caller's history is compared at its next change. Not while an account without a pending key slot (an
-- administrator or auditor) still has to change a one-time password: whoever holds that one-time password — the
-- administrator who reset it — could otherwise try guesses against the holder's earlier passwords (a refused change
-- answers, and the caller can roll back one that was not refused). A key holder's first change proves the branch
-- manager's confirmation code first (migration 9), which the resetting administrator does not have.
CREATE FUNCTION branchvault.history_compared(p_me branchvault.staff) RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path = branchvault, pg_temp
    AS $$ SELECT NOT p_me.must_change_password
                 OR EXISTS (SELECT 1 FROM key_slots k WHERE k.staff_id = p_me.id AND k.kind = 'pending') $$;
REVOKE ALL ON FUNCTION branchvault.history_compared(branchvault.staff) FROM PUBLIC;

-- The caller's last N hashes, newest first (as the owner; for the functions below).
CREATE FUNCTION branchvault.recent_password_hashes(p_staff_id bigint) RETURNS text[]
    LANGUAGE sql STABLE
    SET search_path = branchvault, pg_temp
    AS $$ SELECT coalesce(array_agg(r.hash ORDER BY r.id DESC), '{}')
          FROM (SELECT h.id, h.hash FROM password_history h WHERE h.staff_id = p_staff_id
                ORDER BY h.id DESC LIMIT password_history_length()) AS r $$;
REVOKE ALL ON FUNCTION branchvault.recent_password_hashes(bigint) FROM PUBLIC;

-- The salt and cost of the caller's own last N hashes, newest first, without the hashes. Frozen or waiting accounts
-- get nothing (own_account).
CREATE FUNCTION branchvault.own_password_salts() RETURNS SETOF text
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    me staff%ROWTYPE := own_account(false);
BEGIN
    IF NOT history_compared(me) THEN
        RETURN;
    END IF;
    RETURN QUERY SELECT password_salt_of(u.hash) FROM unnest(recent_password_hashes(me.id)) WITH ORDINALITY AS u (hash, n)
                 ORDER BY u.n;
END
$$;
REVOKE ALL ON FUNCTION branchvault.own_password_salts() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION branchvault.own_password_salts() TO bv_staff;

-- Migration 9's staff_change_password, then the history: the candidates compared, the new hash kept (newest 24).
CREATE FUNCTION branchvault.staff_change_password(p_verifier text, p_slot branchvault.slot_input,
                                                  p_code_proof bytea, p_history_hash text,
                                                  p_history_candidates text[], p_workstation text)
    RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    me       staff%ROWTYPE := own_account(true);
    v_hash   text := checked_password_hash(p_history_hash);
    v_recent text[] := CASE WHEN history_compared(me) THEN recent_password_hashes(me.id) ELSE '{}' END;
BEGIN
    PERFORM staff_change_password(p_verifier, p_slot, p_code_proof, p_workstation);
    IF p_history_candidates IS NULL OR cardinality(p_history_candidates) <> cardinality(v_recent)
       OR EXISTS (SELECT 1 FROM unnest(v_recent, p_history_candidates) AS u (stored, candidate)
                  WHERE password_salt_of(u.candidate) IS DISTINCT FROM password_salt_of(u.stored)) THEN
        RAISE EXCEPTION 'password history: send the new password hashed with each of the % salts own_password_salts() '
                        'returns, in its order', cardinality(v_recent) USING ERRCODE = '22023';
    END IF;
    IF EXISTS (SELECT 1 FROM unnest(v_recent, p_history_candidates) AS u (stored, candidate)
               WHERE u.candidate = u.stored) THEN
        RAISE EXCEPTION 'password history: the new password is one of the last % passwords of this account; choose '
                        'another', password_history_length() USING ERRCODE = '22023';
    END IF;
    INSERT INTO password_history (staff_id, hash) VALUES (me.id, v_hash);
    DELETE FROM password_history h
        WHERE h.staff_id = me.id
          AND h.id NOT IN (SELECT k.id FROM password_history k WHERE k.staff_id = me.id ORDER BY k.id DESC LIMIT 24);
END
$$;
REVOKE ALL ON FUNCTION branchvault.staff_change_password(text, branchvault.slot_input, bytea, text) FROM PUBLIC, bv_staff;
REVOKE ALL ON FUNCTION branchvault.staff_change_password(text, branchvault.slot_input, bytea, text, text[], text)
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION branchvault.staff_change_password(text, branchvault.slot_input, bytea, text, text[], text)
    TO bv_staff;

UPDATE branchvault.meta SET value = '31' WHERE key = 'schema_version';
