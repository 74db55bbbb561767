-- BranchVault branch server (docs/SERVER.md), migration 27: an upgrade of the server records itself.
--
-- `branchvault-cli server upgrade` (ServerSetup::upgrade) brings a server set up by an earlier release to this
-- release's schema: as the database's owner, in one transaction, it applies the migrations the server lacks (after
-- meta.schema_version), in order, each once; loads the years of the holiday calendar the program ships that the
-- server does not hold yet (calendar_seed: a year already held, shipped or imported by the administrator, is kept);
-- and records what it did in the branch's chain with upgrade_record, as the system (no staff account acts: the owner
-- is not one):
--
--   db.upgrade on database/<database id>
--       {"calendarYears":[...],"certificate":"<workstation certificate's subject>","from":N,"owner":"<owner role>","to":M}
--
-- The server works out what it records: the version now, the shipped years loaded in this transaction, the subject of
-- the certificate the workstation presented (empty without TLS) and the role that runs it; only the version before
-- comes from the workstation, which read it under the lock. A release may bring new calendar years without a
-- migration: then from = to and the row names the years.
--
-- upgrade_record is the owner's alone (no staff role may execute it), and every db.* action is now one only the server
-- writes (db.create was; no workstation appends a db.* row to the server), so no staff member can append a row that
-- reads like an upgrade. The owner can still change the schema by hand with psql and write no row: the row records
-- the upgrades made with the command, not every change the database's owner could make (docs/AUDIT.md).

INSERT INTO branchvault.audit_server_actions (action, kind) VALUES ('db.', 'prefix');

-- The db.upgrade row of an upgrade from schema p_from, written in the upgrade's transaction. Compact JSON with sorted
-- keys, as the workstation writes details; the workstation's name bounded as audit_write bounds it.
CREATE FUNCTION branchvault.upgrade_record(p_from integer, p_workstation text) RETURNS bigint
    LANGUAGE plpgsql
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    v_to          integer := (SELECT m.value::integer FROM meta m WHERE m.key = 'schema_version');
    v_years       integer[] := ARRAY(SELECT y.year FROM official_calendar_years y
                                     WHERE y.source = 'shipped' AND y.loaded_at = now() ORDER BY y.year);
    v_certificate text := (SELECT s.client_dn FROM pg_catalog.pg_stat_ssl s WHERE s.pid = pg_catalog.pg_backend_pid());
BEGIN
    IF p_from IS NULL OR p_from < 1 OR p_from > v_to THEN
        RAISE EXCEPTION 'upgrade: the schema is at version %, so % is not the version before', v_to, p_from
            USING ERRCODE = '22023';
    END IF;
    IF p_from = v_to AND cardinality(v_years) = 0 THEN
        RAISE EXCEPTION 'upgrade: nothing was applied or loaded, so there is nothing to record' USING ERRCODE = '22023';
    END IF;
    IF char_length(coalesce(p_workstation, '')) > 128 THEN
        RAISE EXCEPTION 'workstation: at most 128 characters' USING ERRCODE = '22023';
    END IF;
    IF coalesce(p_workstation, '') ~ '[\x01-\x1f\x7f-\x9f]' THEN
        RAISE EXCEPTION 'workstation: the workstation''s name, without control characters' USING ERRCODE = '22023';
    END IF;
    RETURN audit_write_system(p_workstation, 'db.upgrade', 'database',
                              (SELECT m.value FROM meta m WHERE m.key = 'database_id'),
                              format('{"calendarYears":%s,"certificate":%s,"from":%s,"owner":%s,"to":%s}',
                                     to_json(v_years), to_json(coalesce(v_certificate, '')), p_from,
                                     to_json(session_user::text), v_to));
END
$$;

REVOKE ALL ON FUNCTION branchvault.upgrade_record(integer, text) FROM PUBLIC;

UPDATE branchvault.meta SET value = '27' WHERE key = 'schema_version';
