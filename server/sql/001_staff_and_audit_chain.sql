-- BranchVault branch server (docs/SERVER.md), migration 1: the staff as PostgreSQL roles, and the one audit
-- chain of the branch.
--
-- Applied by the branch's administrator to an empty database the bank's DBA created for it, as the database's
-- owner (which must not be a staff login: the owner bypasses row-level security). Every statement is PostgreSQL 15. The later migrations (customers, changes, requests, ...) follow the
-- same rules: staff never write a table directly; they call functions of this schema that check who they are
-- (session_user) and write the audit row in the same transaction.

CREATE SCHEMA branchvault;
REVOKE ALL ON SCHEMA branchvault FROM PUBLIC;
-- functions are not executable by PUBLIC unless a migration grants them
ALTER DEFAULT PRIVILEGES IN SCHEMA branchvault REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;

-- One group role per BranchVault role, all members of bv_staff. Roles are cluster-wide, so they are created
-- only when the cluster does not have them yet (a second branch database on the same cluster shares them).
DO $$
DECLARE
    name text;
BEGIN
    FOREACH name IN ARRAY ARRAY['bv_staff', 'bv_manager', 'bv_customer_manager', 'bv_clerk', 'bv_admin',
                                'bv_auditor'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = name) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', name);
        END IF;
    END LOOP;
    FOREACH name IN ARRAY ARRAY['bv_manager', 'bv_customer_manager', 'bv_clerk', 'bv_admin', 'bv_auditor'] LOOP
        EXECUTE format('GRANT bv_staff TO %I', name);
    END LOOP;
END
$$;

GRANT USAGE ON SCHEMA branchvault TO bv_staff;

-- Only staff (and the owner) connect to the branch's database.
DO $$
BEGIN
    EXECUTE format('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO bv_staff', current_database());
END
$$;

-- This database's identity: the audit chain's genesis hash is derived from it, as in local mode.
CREATE TABLE branchvault.meta (
    key   text PRIMARY KEY,
    value text NOT NULL
);
INSERT INTO branchvault.meta (key, value) VALUES ('database_id', gen_random_uuid()::text), ('schema_version', '1');

-- A staff account: its BranchVault login and role, and the PostgreSQL login role it signs in to the server with.
-- The server knows who is calling from session_user; a workstation never tells it.
CREATE TABLE branchvault.staff (
    id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    login   text NOT NULL UNIQUE,
    pg_role name NOT NULL UNIQUE,
    role    text NOT NULL CHECK (role IN ('manager', 'customer_manager', 'clerk', 'admin', 'auditor')),
    status  text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'frozen'))
);

-- The audit log: the same columns and the same canonical hash (v1) as a workstation's own database, so the
-- one verifier checks both.
CREATE TABLE branchvault.audit_log (
    seq         bigint PRIMARY KEY,
    at          text NOT NULL,
    workstation text NOT NULL,
    user_id     bigint,
    login       text NOT NULL,
    role        text NOT NULL,
    action      text NOT NULL,
    object_type text NOT NULL,
    object_id   text NOT NULL,
    customer_no text,
    outcome     text NOT NULL CHECK (outcome IN ('ok', 'denied', 'failed')),
    details     text NOT NULL,
    prev_hash   bytea NOT NULL,
    hash        bytea NOT NULL
);
CREATE INDEX audit_log_at ON branchvault.audit_log (at);
CREATE INDEX audit_log_login ON branchvault.audit_log (login, at);
CREATE INDEX audit_log_action ON branchvault.audit_log (action, at);
CREATE INDEX audit_log_customer ON branchvault.audit_log (customer_no, at) WHERE customer_no IS NOT NULL;

-- Where the chain starts after a retention purge: the first kept row and the hash it continues from.
CREATE TABLE branchvault.audit_anchor (
    id        integer PRIMARY KEY CHECK (id = 1),
    first_seq bigint NOT NULL,
    prev_hash bytea NOT NULL
);

-- The chain's head: the last sequence number and hash. Appends lock this one row (FOR UPDATE), which serialises
-- them for the length of the appending transaction. Unlike an advisory lock, which any connected role can take
-- and hold, only the owner's functions can lock it (staff have no privilege on the table).
CREATE TABLE branchvault.audit_head (
    id        integer PRIMARY KEY CHECK (id = 1),
    last_seq  bigint NOT NULL,
    last_hash bytea NOT NULL
);
INSERT INTO branchvault.audit_head (id, last_seq, last_hash)
    SELECT 1, 0, sha256(convert_to('BranchVault audit genesis|' || value, 'UTF8'))
    FROM branchvault.meta WHERE key = 'database_id';

-- One field of the canonical encoding: its length as 4 bytes big-endian, then its bytes.
CREATE FUNCTION branchvault.audit_field(value bytea) RETURNS bytea
    LANGUAGE sql IMMUTABLE STRICT
    SET search_path = pg_catalog
    AS $$ SELECT int4send(length(value)) || value $$;

-- Writes one audit row for the calling staff member and returns its sequence number: the only way a row gets into
-- the log. Appends are serialised by the lock on the chain's head row (held until the transaction ends), so two
-- workstations can neither fork nor reorder the chain; the row's time is the server's; who acted is the session's
-- staff account, never a parameter. The hash is the workstation's canonical encoding v1 (core/audit/AuditLog.cpp,
-- rowDigest): SHA-256 over "bv-audit-v1", then the previous hash and the twelve fields, each length-prefixed.
-- Called by the server's own functions (clerk_lookup, ...); staff call audit_append below.
CREATE FUNCTION branchvault.audit_write(p_workstation text, p_action text, p_object_type text, p_object_id text,
                                        p_customer_no text, p_outcome text, p_details text) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    who      staff%ROWTYPE;
    head_seq  bigint;
    head_hash bytea;
    new_seq  bigint;
    stamp    text;
    digest   bytea;
BEGIN
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        -- a snapshot taken before the lock would not see the row appended just before this one
        RAISE EXCEPTION 'audit rows are appended in READ COMMITTED transactions only' USING ERRCODE = '25001';
    END IF;
    SELECT * INTO who FROM staff WHERE pg_role = session_user AND status = 'active';
    IF NOT FOUND THEN
        RAISE EXCEPTION 'this login is not an active BranchVault staff account' USING ERRCODE = '42501';
    END IF;
    SELECT h.last_seq, h.last_hash INTO head_seq, head_hash FROM audit_head h WHERE h.id = 1 FOR UPDATE;
    new_seq := head_seq + 1;
    stamp := to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
    digest := sha256(convert_to('bv-audit-v1', 'UTF8')
                     || audit_field(head_hash)
                     || audit_field(convert_to(new_seq::text, 'UTF8'))
                     || audit_field(convert_to(stamp, 'UTF8'))
                     || audit_field(convert_to(coalesce(p_workstation, ''), 'UTF8'))
                     || audit_field(convert_to(who.id::text, 'UTF8'))
                     || audit_field(convert_to(who.login, 'UTF8'))
                     || audit_field(convert_to(who.role, 'UTF8'))
                     || audit_field(convert_to(coalesce(p_action, ''), 'UTF8'))
                     || audit_field(convert_to(coalesce(p_object_type, ''), 'UTF8'))
                     || audit_field(convert_to(coalesce(p_object_id, ''), 'UTF8'))
                     || audit_field(convert_to(coalesce(p_customer_no, ''), 'UTF8'))
                     || audit_field(convert_to(coalesce(p_outcome, ''), 'UTF8'))
                     || audit_field(convert_to(coalesce(p_details, ''), 'UTF8')));
    INSERT INTO audit_log (seq, at, workstation, user_id, login, role, action, object_type, object_id, customer_no,
                           outcome, details, prev_hash, hash)
    VALUES (new_seq, stamp, coalesce(p_workstation, ''), who.id, who.login, who.role, coalesce(p_action, ''),
            coalesce(p_object_type, ''), coalesce(p_object_id, ''), nullif(p_customer_no, ''), p_outcome,
            coalesce(p_details, ''), head_hash, digest);
    UPDATE audit_head SET last_seq = new_seq, last_hash = digest WHERE id = 1;
    RETURN new_seq;
END
$$;

-- The staff's append: any action of the workstation's, but not the log's own records (audit.*: purges,
-- checkpoints, verifications), which only the server's functions write — a forged purge row could otherwise make
-- a verification report a break, or hide one.
CREATE FUNCTION branchvault.audit_append(p_workstation text, p_action text, p_object_type text, p_object_id text,
                                         p_customer_no text, p_outcome text, p_details text) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
BEGIN
    IF p_action IS NULL OR p_action = '' OR p_action LIKE 'audit.%' THEN
        RAISE EXCEPTION 'a workstation does not append "%" rows', coalesce(p_action, '') USING ERRCODE = '42501';
    END IF;
    RETURN audit_write(p_workstation, p_action, p_object_type, p_object_id, p_customer_no, p_outcome, p_details);
END
$$;

-- The calling staff member's BranchVault role (active accounts only), for the policies: a login role left in a
-- group it should no longer be in still reads only what its recorded role may.
CREATE FUNCTION branchvault.my_role() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$ SELECT role FROM staff WHERE pg_role = session_user AND status = 'active' $$;

-- Nobody but the owner writes or reads the tables directly; staff append through the function, an active auditor
-- reads the log.
REVOKE ALL ON ALL TABLES IN SCHEMA branchvault FROM PUBLIC;
REVOKE ALL ON FUNCTION branchvault.audit_field(bytea) FROM PUBLIC;
REVOKE ALL ON FUNCTION branchvault.audit_write(text, text, text, text, text, text, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION branchvault.audit_append(text, text, text, text, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION branchvault.audit_append(text, text, text, text, text, text, text) TO bv_staff;
REVOKE ALL ON FUNCTION branchvault.my_role() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION branchvault.my_role() TO bv_staff;
ALTER TABLE branchvault.audit_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE branchvault.audit_anchor ENABLE ROW LEVEL SECURITY;
CREATE POLICY auditor_reads_the_log ON branchvault.audit_log FOR SELECT TO bv_auditor
    USING (branchvault.my_role() = 'auditor');
CREATE POLICY auditor_reads_the_anchor ON branchvault.audit_anchor FOR SELECT TO bv_auditor
    USING (branchvault.my_role() = 'auditor');
GRANT SELECT ON branchvault.audit_log, branchvault.audit_anchor TO bv_auditor;
