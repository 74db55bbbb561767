-- BranchVault branch server (docs/SERVER.md), migration 24: a refused setting change is on record too.
--
-- Locally a value the administrator typed and SettingsService refused is recorded (settings.change, outcome failed,
-- {"refused": what was typed, "reason": why}, both as FreeText::forAudit masks free text). Migration 5 said the
-- workstation would append that row itself, but every settings.* action is the server's to write (audit_append
-- refuses them), so nothing recorded it. Now the administrator's workstation hands the refusal to the server:
--
--   settings_refused(key, refused, reason, workstation)
--       administrator only (42501 otherwise, unrecorded as any call of a function the role may not run); the key as
--       typed (at most 64 characters), the typed value and the reason as the workstation masked them (at most 512 and
--       1,024 characters, no control characters but line breaks in the reason); writes the failed settings.change row
--       and returns its seq. A value the server itself refuses (settings_set raised) is recorded the same way by the
--       workstation, in a transaction of its own.

CREATE FUNCTION branchvault.settings_refused(p_key text, p_refused text, p_reason text, p_workstation text)
    RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
BEGIN
    IF my_role() IS DISTINCT FROM 'admin' THEN
        RAISE EXCEPTION 'only an active administrator changes settings' USING ERRCODE = '42501';
    END IF;
    IF char_length(coalesce(p_key, '')) NOT BETWEEN 1 AND 64 OR p_key ~ '[[:cntrl:]]' THEN
        RAISE EXCEPTION 'key: 1 to 64 characters, no control characters' USING ERRCODE = '22023';
    END IF;
    IF char_length(coalesce(p_refused, '')) > 512 OR coalesce(p_refused, '') ~ '[[:cntrl:]]' THEN
        RAISE EXCEPTION 'refused value: at most 512 characters, no control characters' USING ERRCODE = '22023';
    END IF;
    IF char_length(coalesce(p_reason, '')) NOT BETWEEN 1 AND 1024
       OR regexp_replace(p_reason, '\n', '', 'g') ~ '[[:cntrl:]]' THEN
        RAISE EXCEPTION 'reason: 1 to 1,024 characters, no control characters but line breaks'
            USING ERRCODE = '22023';
    END IF;
    RETURN audit_write(p_workstation, 'settings.change', 'setting', p_key, NULL, 'failed',
                       json_build_object('refused', coalesce(p_refused, ''), 'reason', p_reason)::text);
END
$$;

REVOKE ALL ON FUNCTION branchvault.settings_refused(text, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION branchvault.settings_refused(text, text, text, text) TO bv_admin;

UPDATE branchvault.meta SET value = '24' WHERE key = 'schema_version';
