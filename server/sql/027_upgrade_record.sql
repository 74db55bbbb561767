-- BranchVault branch server (docs/SERVER.md), migration 27: an upgrade of the server records itself.
--
-- `branchvault-cli server upgrade` (ServerSetup::upgrade) brings a server set up by an earlier release to this
-- release's schema: as the database's owner, in one transaction, it applies the migrations the server lacks (after
-- meta.schema_version), in order, each once; loads the years of the holiday calendar the program ships that the
-- server does not hold yet (calendar_seed: a year already held, shipped or imported by the administrator, is kept);
-- and records what it did in the branch's chain with upgrade_record, as the system (no staff account acts: the owner
-- is not one):
--
--   db.upgrade on database/<database id>   {"calendarYears":[...],"from":N,"owner":"<owner role>","to":M}
--
-- upgrade_record is the owner's alone (no staff role may execute it), and db.upgrade joins the actions only the server
-- writes, so no workstation can append a row of the kind.

INSERT INTO branchvault.audit_server_actions (action, kind) VALUES ('db.upgrade', 'exact');

-- The db.upgrade row of an upgrade from schema p_from to the version meta holds now (p_to, which must be it), with the
-- calendar years it loaded. Compact JSON with sorted keys, as the workstation writes details.
CREATE FUNCTION branchvault.upgrade_record(p_from integer, p_to integer, p_years integer[], p_workstation text)
    RETURNS bigint
    LANGUAGE plpgsql
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    v_version integer := (SELECT m.value::integer FROM meta m WHERE m.key = 'schema_version');
BEGIN
    IF p_from IS NULL OR p_to IS NULL OR p_from < 1 OR p_to <= p_from THEN
        RAISE EXCEPTION 'upgrade: from % to % is not an upgrade', p_from, p_to USING ERRCODE = '22023';
    END IF;
    IF p_to IS DISTINCT FROM v_version THEN
        RAISE EXCEPTION 'upgrade: the schema is at version %, not %', v_version, p_to USING ERRCODE = '22023';
    END IF;
    IF p_years IS NOT NULL AND array_position(p_years, NULL) IS NOT NULL THEN
        RAISE EXCEPTION 'upgrade: a calendar year is missing' USING ERRCODE = '22023';
    END IF;
    RETURN audit_write_system(p_workstation, 'db.upgrade', 'database',
                              (SELECT m.value FROM meta m WHERE m.key = 'database_id'),
                              format('{"calendarYears":%s,"from":%s,"owner":%s,"to":%s}',
                                     to_json(coalesce(p_years, '{}'::integer[])), p_from, to_json(session_user::text),
                                     p_to));
END
$$;

REVOKE ALL ON FUNCTION branchvault.upgrade_record(integer, integer, integer[], text) FROM PUBLIC;

UPDATE branchvault.meta SET value = '27' WHERE key = 'schema_version';
