-- BranchVault branch server (docs/SERVER.md), migration 18: the branch's audit chain purged past retention and its
-- verifications and checkpoints recorded, as in local mode (DESIGN §7; local: AuditService::purge,
-- AuditLog::purgeOlderThan, docs/AUDIT.md "Retention purge").
--
--   audit_purge(workstation)          - the auditor's retention purge: the chained audit.purge row first, then the
--                                        rows it records, through a gate that opens for exactly that range in this
--                                        one transaction; the anchor moved to the first kept row
--   audit_record_check(...)           - the auditor's record of a verification or a checkpoint made at the
--                                        workstation (audit.verify, audit.checkpoint), in local mode's shape
--
-- And one encoder of a row (audit_row_digest) for the append and for the purge's check of what it removes; the
-- workstation field of every row bounded as audit_append bounds a workstation's (128 characters, no control
-- characters), in audit_write.
--
-- The purge is the server's: the cutoff is computed here from the branch's audit.retention_days (never less than
-- 180 days, whatever the setting says), never sent by the workstation; the newest row always stays, so the purge row
-- is never alone. The rows it deletes are exactly a prefix of the chain that the purge row names (purgedFrom,
-- purgedThrough, rows, cutoff, continuesFrom: the hash of the last purged row, previousPurge: the purge row before
-- it), and the workstation's verifier checks every purge row it finds as it checks local mode's (AuditLog::walk):
-- a range, a count, a cutoff at least 180 days before the purge row, and the kept chain continuing from the hash it
-- records. A log that is broken in the range — a row missing at its front or inside, a link or a hash wrong — is not
-- purged (a purge would hide it).
--
-- The gate: migration 9's triggers refused every DELETE of a log row. DELETE is now let through only for a row that
-- a gate row of this very transaction (pg_current_xact_id()) covers: inside the gate's range, older than its cutoff,
-- and behind a chained audit.purge row that comes after the range. Only the schema's owner writes the gate table
-- (staff hold no privilege on it, and only audit_purge writes it), and audit_purge deletes its gate row before it
-- returns. The owner, who could write a gate row directly, can as well switch the triggers off: against the owner
-- the verifier and the checkpoints stand, as before. The anchor, which the triggers froze, is moved the same way:
-- its UPDATE is let through only behind this transaction's gate, to the first row after the gate's range.

-- ---- 1. One encoder of a row; audit_write with the workstation bounded ----

-- The canonical encoding v1 of one row (core/audit/AuditLog.cpp, rowDigest): SHA-256 over "bv-audit-v1", the previous
-- hash and the twelve fields, each length-prefixed; the system actor's NULL user id is hashed as "0". The one encoder
-- for the append (audit_chain_append) and for the purge's check of the range it removes (DESIGN §7: one encoder for
-- append and verify).
CREATE FUNCTION branchvault.audit_row_digest(p_prev bytea, p_seq bigint, p_at text, p_workstation text,
                                             p_user_id bigint, p_login text, p_role text, p_action text,
                                             p_object_type text, p_object_id text, p_customer_no text,
                                             p_outcome text, p_details text) RETURNS bytea
    LANGUAGE sql IMMUTABLE
    SET search_path = branchvault, pg_temp
    AS $$ SELECT sha256(convert_to('bv-audit-v1', 'UTF8')
                        || audit_field(p_prev)
                        || audit_field(convert_to(p_seq::text, 'UTF8'))
                        || audit_field(convert_to(p_at, 'UTF8'))
                        || audit_field(convert_to(coalesce(p_workstation, ''), 'UTF8'))
                        || audit_field(convert_to(coalesce(p_user_id, 0)::text, 'UTF8'))
                        || audit_field(convert_to(p_login, 'UTF8'))
                        || audit_field(convert_to(p_role, 'UTF8'))
                        || audit_field(convert_to(coalesce(p_action, ''), 'UTF8'))
                        || audit_field(convert_to(coalesce(p_object_type, ''), 'UTF8'))
                        || audit_field(convert_to(coalesce(p_object_id, ''), 'UTF8'))
                        || audit_field(convert_to(coalesce(p_customer_no, ''), 'UTF8'))
                        || audit_field(convert_to(coalesce(p_outcome, ''), 'UTF8'))
                        || audit_field(convert_to(coalesce(p_details, ''), 'UTF8'))) $$;
REVOKE ALL ON FUNCTION branchvault.audit_row_digest(bytea, bigint, text, text, bigint, text, text, text, text, text,
                                                    text, text, text) FROM PUBLIC;

-- Migration 8's encoder of the chain, its hash now from audit_row_digest (the same bytes).
CREATE OR REPLACE FUNCTION branchvault.audit_chain_append(p_user_id bigint, p_login text, p_role text,
                                                          p_workstation text, p_action text, p_object_type text,
                                                          p_object_id text, p_customer_no text, p_outcome text,
                                                          p_details text) RETURNS bigint
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
    digest := audit_row_digest(head_hash, new_seq, stamp, p_workstation, p_user_id, p_login, p_role, p_action,
                               p_object_type, p_object_id, p_customer_no, p_outcome, p_details);
    INSERT INTO audit_log (seq, at, workstation, user_id, login, role, action, object_type, object_id, customer_no,
                           outcome, details, prev_hash, hash)
    VALUES (new_seq, stamp, coalesce(p_workstation, ''), nullif(p_user_id, 0), p_login, p_role,
            coalesce(p_action, ''), coalesce(p_object_type, ''), coalesce(p_object_id, ''), nullif(p_customer_no, ''),
            p_outcome, coalesce(p_details, ''), head_hash, digest);
    UPDATE audit_head SET last_seq = new_seq, last_hash = digest WHERE id = 1;
    RETURN new_seq;
END
$$;

-- Migration 8's writer for the calling staff member, with the workstation bounded as audit_append bounds it
-- (migration 6) and without control characters, whichever function of the server's writes the row. (What else a
-- modified client puts there, up to 128 characters, is listed under "Known gaps" in docs/SERVER.md.)
CREATE OR REPLACE FUNCTION branchvault.audit_write(p_workstation text, p_action text, p_object_type text,
                                                   p_object_id text, p_customer_no text, p_outcome text,
                                                   p_details text) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    who staff%ROWTYPE;
BEGIN
    IF char_length(coalesce(p_workstation, '')) > 128 THEN
        RAISE EXCEPTION 'workstation: at most 128 characters' USING ERRCODE = '22023';
    END IF;
    IF coalesce(p_workstation, '') ~ '[\x01-\x1f\x7f-\x9f]' THEN
        RAISE EXCEPTION 'workstation: the workstation''s name, without control characters' USING ERRCODE = '22023';
    END IF;
    SELECT * INTO who FROM staff WHERE pg_role = session_user AND status = 'active';
    IF NOT FOUND THEN
        RAISE EXCEPTION 'this login is not an active BranchVault staff account' USING ERRCODE = '42501';
    END IF;
    RETURN audit_chain_append(who.id, who.login, who.role, p_workstation, p_action, p_object_type, p_object_id,
                              p_customer_no, p_outcome, p_details);
END
$$;

-- ---- 2. The purge gate ----

CREATE TABLE branchvault.audit_purge_gate (
    txid        xid8 PRIMARY KEY,
    purge_seq   bigint NOT NULL,
    from_seq    bigint NOT NULL,
    through_seq bigint NOT NULL,
    cutoff      text NOT NULL,
    continues   bytea NOT NULL, -- the hash of the last row it removes, which the kept chain continues from
    CHECK (from_seq >= 1 AND from_seq <= through_seq AND through_seq < purge_seq)
);
ALTER TABLE branchvault.audit_purge_gate ENABLE ROW LEVEL SECURITY;

-- Whether this transaction's gate covers the log row `p_seq` written at `p_at`: inside the gate's range, older than
-- its cutoff, behind a chained audit.purge row that records exactly that range and is dated at least 180 days after
-- the cutoff (as the local gate checks, docs/AUDIT.md "The purge gate").
CREATE FUNCTION branchvault.audit_gate_covers(p_seq bigint, p_at text) RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path = branchvault, pg_temp
    SET TimeZone = 'UTC'
    AS $$ SELECT EXISTS (SELECT 1 FROM audit_purge_gate g JOIN audit_log p ON p.seq = g.purge_seq
                         WHERE g.txid = pg_current_xact_id()
                           AND p_seq BETWEEN g.from_seq AND g.through_seq
                           AND p_at < g.cutoff
                           AND p.action = 'audit.purge'
                           AND p.object_id = g.through_seq::text
                           AND CASE WHEN p.action = 'audit.purge' AND p.details LIKE '{%'
                                    THEN (p.details::jsonb ->> 'purgedFrom') = g.from_seq::text
                                         AND (p.details::jsonb ->> 'purgedThrough') = g.through_seq::text
                                    ELSE false END
                           AND p.at::timestamptz - g.cutoff::timestamptz >= interval '180 days') $$;
REVOKE ALL ON FUNCTION branchvault.audit_gate_covers(bigint, text) FROM PUBLIC;

CREATE FUNCTION branchvault.audit_log_purge_only() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = branchvault, pg_temp
    AS $$
BEGIN
    IF audit_gate_covers(OLD.seq, OLD.at) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'the audit log is append-only: its rows are never changed or deleted (only the auditor''s '
                    'retention purge removes rows past retention)' USING ERRCODE = '42501';
END
$$;
REVOKE ALL ON FUNCTION branchvault.audit_log_purge_only() FROM PUBLIC;

-- The anchor is written only behind this transaction's gate: the row after its range, and the hash it continues from.
CREATE FUNCTION branchvault.audit_anchor_purge_only() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = branchvault, pg_temp
    AS $$
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') AND EXISTS (SELECT 1 FROM audit_purge_gate g
                                                WHERE g.txid = pg_current_xact_id()
                                                  AND NEW.first_seq = g.through_seq + 1
                                                  AND NEW.prev_hash = g.continues) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'the audit log''s anchor moves only with a retention purge' USING ERRCODE = '42501';
END
$$;
REVOKE ALL ON FUNCTION branchvault.audit_anchor_purge_only() FROM PUBLIC;

DROP TRIGGER audit_log_append_only ON branchvault.audit_log;
CREATE TRIGGER audit_log_never_changed BEFORE UPDATE ON branchvault.audit_log
    FOR EACH ROW EXECUTE FUNCTION branchvault.audit_log_append_only();
CREATE TRIGGER audit_log_purged_only BEFORE DELETE ON branchvault.audit_log
    FOR EACH ROW EXECUTE FUNCTION branchvault.audit_log_purge_only();
DROP TRIGGER audit_anchor_append_only ON branchvault.audit_anchor;
CREATE TRIGGER audit_anchor_moved_only_by_a_purge BEFORE INSERT OR UPDATE OR DELETE ON branchvault.audit_anchor
    FOR EACH ROW EXECUTE FUNCTION branchvault.audit_anchor_purge_only();
CREATE TRIGGER audit_anchor_never_truncated BEFORE TRUNCATE ON branchvault.audit_anchor
    FOR EACH STATEMENT EXECUTE FUNCTION branchvault.audit_log_append_only();

-- ---- 3. The auditor's purge ----

-- The calling staff member, when he or she is the branch's active security auditor; 42501 otherwise.
CREATE FUNCTION branchvault.audit_auditor() RETURNS branchvault.staff
    LANGUAGE plpgsql STABLE
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    who staff%ROWTYPE;
BEGIN
    SELECT * INTO who FROM staff WHERE pg_role = session_user AND status = 'active';
    IF NOT FOUND OR who.role <> 'auditor' THEN
        RAISE EXCEPTION 'only the security auditor purges the audit log or records its checks'
            USING ERRCODE = '42501';
    END IF;
    RETURN who;
END
$$;
REVOKE ALL ON FUNCTION branchvault.audit_auditor() FROM PUBLIC;

-- The retention purge (AuditService::purge): the rows purged (0 when none was past retention; the use is recorded
-- then too, as {"cutoff":…,"rows":0}), the retention in days and the cutoff it applied. In UTC whatever the session's
-- time zone (180 days are 180 × 24 hours, as the verifier counts them).
--
-- Before anything goes, the range and the first kept row are checked as the verifier would: the range starts where
-- the kept chain starts (the anchor's first row, or row 1), no row is missing in it, and every row links to the one
-- before it (from the anchor's hash, or the genesis hash) with its own hash right. A log that fails is not purged
-- (XX001): a purge would remove the evidence of a deletion at the front or of a changed row.
CREATE FUNCTION branchvault.audit_purge(p_workstation text)
    RETURNS TABLE (rows bigint, retention_days integer, cutoff text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    SET TimeZone = 'UTC'
    AS $$
#variable_conflict use_variable
DECLARE
    who        staff%ROWTYPE;
    days       integer;
    cut        text;
    newest_at  text;
    first_kept bigint;
    from_seq   bigint;
    through    bigint;
    counted    bigint;
    previous   bigint;
    continues  bytea;
    link       bytea;
    start_seq  bigint;
    r          audit_log%ROWTYPE;
    purge_seq  bigint;
    deleted    bigint;
BEGIN
    who := audit_auditor();
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'audit rows are appended in READ COMMITTED transactions only' USING ERRCODE = '25001';
    END IF;
    -- the chain's head, locked as an append locks it: no row is appended while the range is chosen and deleted
    PERFORM 1 FROM audit_head WHERE id = 1 FOR UPDATE;
    -- the floor is enforced here again, whatever the setting says (DESIGN §7: never less than 180 days)
    days := greatest(coalesce(setting('audit.retention_days')::integer, 180), 180);
    cut := to_char((clock_timestamp() AT TIME ZONE 'UTC') - make_interval(days => days),
                   'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
    -- the newest row always stays
    SELECT l.at INTO newest_at FROM audit_log l ORDER BY l.seq DESC LIMIT 1;
    IF newest_at IS NOT NULL AND newest_at < cut THEN
        cut := newest_at;
    END IF;
    -- the purged rows are a prefix of the chain: everything before the first row at or after the cutoff
    SELECT min(l.seq) INTO first_kept FROM audit_log l WHERE l.at >= cut;
    SELECT max(l.seq) INTO through FROM audit_log l WHERE first_kept IS NULL OR l.seq < first_kept;
    IF through IS NULL THEN
        PERFORM audit_write(p_workstation, 'audit.purge', 'audit_log', '', NULL, 'ok',
                            json_strip_nulls(json_build_object('cutoff', cut, 'rows', 0))::text);
        RETURN QUERY SELECT 0::bigint, days, cut;
        RETURN;
    END IF;

    -- where the kept chain starts, and the hash it continues from
    SELECT a.first_seq, a.prev_hash INTO start_seq, link FROM audit_anchor a WHERE a.id = 1;
    IF NOT FOUND THEN
        start_seq := 1;
        SELECT sha256(convert_to('BranchVault audit genesis|' || m.value, 'UTF8')) INTO link
            FROM meta m WHERE m.key = 'database_id';
    END IF;
    SELECT min(l.seq), count(*) INTO from_seq, counted FROM audit_log l WHERE l.seq <= through;
    IF from_seq <> start_seq THEN
        RAISE EXCEPTION 'the audit log''s kept chain starts at row %, but its first row is row %: rows are missing '
                        'at the front, so it was not purged (a purge would hide it)', start_seq, from_seq
            USING ERRCODE = 'XX001';
    END IF;
    IF counted <> through - from_seq + 1 THEN
        RAISE EXCEPTION 'the audit log has rows missing between row % and row %, so it was not purged: a purge '
                        'would hide the gap', from_seq, through USING ERRCODE = 'XX001';
    END IF;
    -- every row of the range and the first kept one: linked, and hashed as written
    FOR r IN SELECT * FROM audit_log l WHERE l.seq BETWEEN from_seq AND through + 1 ORDER BY l.seq LOOP
        IF r.prev_hash <> link OR r.hash <> audit_row_digest(r.prev_hash, r.seq, r.at, r.workstation, r.user_id,
                                                             r.login, r.role, r.action, r.object_type, r.object_id,
                                                             r.customer_no, r.outcome, r.details) THEN
            RAISE EXCEPTION 'audit row % was changed or does not continue from the row before it, so the log was not '
                            'purged (a purge would hide it)', r.seq USING ERRCODE = 'XX001';
        END IF;
        link := r.hash;
        IF r.seq = through THEN
            continues := r.hash;
        END IF;
    END LOOP;
    -- the purge row before this one (a later purge may have removed it: the verifier follows the chain back)
    SELECT coalesce(max(l.seq), 0) INTO previous FROM audit_log l
        WHERE l.action = 'audit.purge'
          AND CASE WHEN l.action = 'audit.purge' THEN l.details::jsonb ? 'purgedThrough' ELSE false END;

    -- 1. the chained purge row that records exactly what is about to go, before anything goes
    purge_seq := audit_write(p_workstation, 'audit.purge', 'audit_log', through::text, NULL, 'ok',
                             json_strip_nulls(json_build_object('continuesFrom', encode(continues, 'hex'), 'cutoff', cut,
                                               'previousPurge', previous, 'purgedFrom', from_seq,
                                               'purgedThrough', through, 'rows', counted))::text);
    -- 2. the gate, for this transaction and this range only
    INSERT INTO audit_purge_gate (txid, purge_seq, from_seq, through_seq, cutoff, continues)
        VALUES (pg_current_xact_id(), purge_seq, from_seq, through, cut, continues);
    DELETE FROM audit_log l WHERE l.seq BETWEEN from_seq AND through;
    GET DIAGNOSTICS deleted = ROW_COUNT;
    IF deleted <> counted THEN
        RAISE EXCEPTION 'the audit purge deleted % rows instead of %; nothing was purged', deleted, counted
            USING ERRCODE = 'XX000';
    END IF;
    -- 3. where the kept chain starts (the purge row says the same; the verifier compares them)
    INSERT INTO audit_anchor (id, first_seq, prev_hash) VALUES (1, through + 1, continues)
        ON CONFLICT (id) DO UPDATE SET first_seq = EXCLUDED.first_seq, prev_hash = EXCLUDED.prev_hash;
    DELETE FROM audit_purge_gate g WHERE g.txid = pg_current_xact_id();
    RETURN QUERY SELECT counted, days, cut;
END
$$;

-- ---- 4. The auditor's record of a verification or a checkpoint ----

-- The workstation verifies the chain (or takes its checkpoint) itself, with local mode's verifier, and records it
-- here in local mode's shape (AuditService::verify, verifyAgainst, checkpoint): audit.verify on audit_log (or on
-- the checkpoint it compared with, by its sequence number) with the result, the rows checked, the head and the
-- first broken row; audit.checkpoint on audit_log with the head it names. The details are rebuilt here from typed
-- values, so a row holds numbers, a hash and one of two words, never free text.
CREATE FUNCTION branchvault.audit_record_check(p_workstation text, p_action text, p_object_type text,
                                               p_object_id bigint, p_outcome text, p_result text,
                                               p_rows bigint, p_head_seq bigint, p_first_broken bigint,
                                               p_first_seq bigint, p_hash bytea, p_checkpoint_created text)
    RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    SET TimeZone = 'UTC'
    AS $$
DECLARE
    who     staff%ROWTYPE;
    details json;
    head    bigint;
    valid   boolean;
BEGIN
    who := audit_auditor();
    SELECT h.last_seq INTO head FROM audit_head h WHERE h.id = 1;
    IF coalesce(p_outcome, '') NOT IN ('ok', 'failed') THEN
        RAISE EXCEPTION 'outcome: ok or failed' USING ERRCODE = '22023';
    END IF;
    IF p_action = 'audit.verify' AND p_result = 'invalid checkpoint' THEN
        -- a checkpoint that did not parse (it may have been tampered with): the attempt, without a number
        IF p_object_type IS DISTINCT FROM 'checkpoint' OR p_object_id IS NOT NULL OR p_outcome <> 'failed' THEN
            RAISE EXCEPTION 'result: an invalid checkpoint is a failed check of a checkpoint' USING ERRCODE = '22023';
        END IF;
        details := json_strip_nulls(json_build_object('result', p_result));
    ELSIF p_action = 'audit.verify' THEN
        IF NOT ((p_object_type = 'audit_log' AND p_object_id IS NULL)
                OR (p_object_type = 'checkpoint' AND p_object_id >= 0)) THEN
            RAISE EXCEPTION 'object: the audit log, or a checkpoint by its sequence number' USING ERRCODE = '22023';
        END IF;
        IF coalesce(p_result, '') NOT IN ('intact', 'broken') OR (p_result = 'intact') <> (p_outcome = 'ok')
           OR p_rows IS NULL OR p_rows < 0 OR p_head_seq IS NULL OR p_head_seq < 0 OR p_head_seq > head
           OR (p_first_broken IS NOT NULL AND (p_first_broken < 1 OR p_result = 'intact')) THEN
            RAISE EXCEPTION 'result: intact (ok) or broken (failed), with the rows checked and the head'
                USING ERRCODE = '22023';
        END IF;
        IF p_object_type = 'checkpoint' THEN
            BEGIN
                -- a real time, written as the checkpoint writes it (the round trip refuses 2026-02-30 and the like)
                valid := p_checkpoint_created ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z$'
                         AND to_char(to_timestamp(p_checkpoint_created, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                                     'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') = p_checkpoint_created;
            EXCEPTION WHEN datetime_field_overflow OR invalid_datetime_format OR data_exception THEN
                valid := false;
            END;
            IF NOT coalesce(valid, false) THEN
                RAISE EXCEPTION 'checkpoint: its time, as the checkpoint names it' USING ERRCODE = '22023';
            END IF;
        END IF;
        -- local mode's keys, in its order (QJsonObject sorts them); the absent ones stripped
        details := json_strip_nulls(json_build_object(
            'checkpointCreated', CASE WHEN p_object_type = 'checkpoint' THEN p_checkpoint_created END,
            'checkpointSeq', CASE WHEN p_object_type = 'checkpoint' THEN p_object_id END,
            'firstBrokenSeq', p_first_broken, 'headSeq', p_head_seq, 'result', p_result, 'rowsChecked', p_rows));
    ELSIF p_action = 'audit.checkpoint' THEN
        IF p_object_type IS DISTINCT FROM 'audit_log' OR p_outcome <> 'ok' OR p_object_id IS NULL
           OR p_object_id < 0 OR p_first_seq IS NULL OR p_first_seq < 0 OR p_rows IS NULL OR p_rows < 0
           OR p_hash IS NULL OR length(p_hash) <> 32 THEN
            RAISE EXCEPTION 'checkpoint: the head it names, its hash, the first row and the row count'
                USING ERRCODE = '22023';
        END IF;
        -- the head it names is a row of this chain, with that hash (or the empty log's head)
        IF p_object_id > head OR (p_object_id > 0 AND NOT EXISTS (SELECT 1 FROM audit_log l
                                                                  WHERE l.seq = p_object_id AND l.hash = p_hash)) THEN
            RAISE EXCEPTION 'checkpoint: row % of this log does not have that hash', p_object_id
                USING ERRCODE = '22023';
        END IF;
        details := json_strip_nulls(json_build_object('firstSeq', p_first_seq, 'hash', encode(p_hash, 'hex'),
                                                      'rows', p_rows, 'seq', p_object_id));
    ELSE
        RAISE EXCEPTION 'action: audit.verify or audit.checkpoint' USING ERRCODE = '22023';
    END IF;
    RETURN audit_write(p_workstation, p_action, p_object_type, coalesce(p_object_id::text, ''), NULL, p_outcome,
                       details::text);
END
$$;

REVOKE ALL ON FUNCTION branchvault.audit_purge(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION branchvault.audit_record_check(text, text, text, bigint, text, text, bigint, bigint, bigint,
                                                      bigint, bytea, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION branchvault.audit_purge(text) TO bv_auditor;
GRANT EXECUTE ON FUNCTION branchvault.audit_record_check(text, text, text, bigint, text, text, bigint, bigint,
                                                         bigint, bigint, bytea, text) TO bv_auditor;

UPDATE branchvault.meta SET value = '18' WHERE key = 'schema_version';
