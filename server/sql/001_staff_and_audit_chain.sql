-- BranchVault branch server (docs/SERVER.md), migration 1: the staff as PostgreSQL roles, and the one audit
-- chain of the branch.
--
-- Applied by the branch's administrator to an empty database the bank's DBA created for it, as the database's
-- owner. Every statement is PostgreSQL 15. The later migrations (customers, changes, requests, ...) follow the
-- same rules: staff never write a table directly; they call functions of this schema that check who they are
-- (session_user) and write the audit row in the same transaction.

CREATE SCHEMA branchvault;
REVOKE ALL ON SCHEMA branchvault FROM PUBLIC;

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

-- One field of the canonical encoding: its length as 4 bytes big-endian, then its bytes.
CREATE FUNCTION branchvault.audit_field(value bytea) RETURNS bytea
    LANGUAGE sql IMMUTABLE STRICT
    SET search_path = pg_catalog
    AS $$ SELECT int4send(length(value)) || value $$;

-- Appends one audit row for the calling staff member and returns its sequence number. The only way a row gets
-- into the log: appends are serialised by a transaction-scoped advisory lock, so two workstations can neither
-- fork nor reorder the chain; the row's time is the server's; who acted is the session's staff account, never
-- a parameter. The hash is the workstation's canonical encoding v1 (core/audit/AuditLog.cpp, rowDigest):
-- SHA-256 over "bv-audit-v1", then the previous hash and the twelve fields, each length-prefixed.
CREATE FUNCTION branchvault.audit_append(p_workstation text, p_action text, p_object_type text, p_object_id text,
                                         p_customer_no text, p_outcome text, p_details text) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    who      staff%ROWTYPE;
    last_seq bigint;
    last_hash bytea;
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
    PERFORM pg_advisory_xact_lock(hashtext('branchvault.audit_log'));
    SELECT seq, hash INTO last_seq, last_hash FROM audit_log ORDER BY seq DESC LIMIT 1;
    IF NOT FOUND THEN
        SELECT first_seq - 1, prev_hash INTO last_seq, last_hash FROM audit_anchor WHERE id = 1;
        IF NOT FOUND THEN
            last_seq := 0;
            last_hash := sha256(convert_to('BranchVault audit genesis|'
                                           || (SELECT value FROM meta WHERE key = 'database_id'), 'UTF8'));
        END IF;
    END IF;
    new_seq := last_seq + 1;
    stamp := to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
    digest := sha256(convert_to('bv-audit-v1', 'UTF8')
                     || audit_field(last_hash)
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
            coalesce(p_details, ''), last_hash, digest);
    RETURN new_seq;
END
$$;

-- Nobody but the owner writes or reads the tables directly; staff append through the function, the auditor
-- reads the log.
REVOKE ALL ON ALL TABLES IN SCHEMA branchvault FROM PUBLIC;
REVOKE ALL ON FUNCTION branchvault.audit_field(bytea) FROM PUBLIC;
REVOKE ALL ON FUNCTION branchvault.audit_append(text, text, text, text, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION branchvault.audit_append(text, text, text, text, text, text, text) TO bv_staff;
GRANT SELECT ON branchvault.audit_log, branchvault.audit_anchor TO bv_auditor;
