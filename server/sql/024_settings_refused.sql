-- BranchVault branch server (docs/SERVER.md), migration 24: a refused setting change is on record too.
--
-- Locally a value the administrator typed and SettingsService refused is recorded (settings.change, outcome failed,
-- {"refused": what was typed, "reason": why}, both as FreeText::forAudit masks free text). Migration 5 said the
-- workstation would append that row itself, but every settings.* action is the server's to write (audit_append
-- refuses them), so nothing recorded it. Now the administrator's workstation hands the refusal to the server:
--
--   settings_refused(key, refused, reason, workstation)
--       administrator only (42501 otherwise, unrecorded as any call of a function the role may not run). The key is
--       recorded when it names a setting, otherwise as "unknown" (what was typed as a key is not recorded: it could be
--       anything). The typed value and the reason must look as FreeText::forAudit leaves them — at most 200
--       characters each, on one line, no control or invisible formatting characters, no run of six or more digits,
--       no e-mail address — or the call is refused (22023) and nothing is written: the server takes the
--       workstation's word that they are masked, but not a full number or address. Writes the failed settings.change
--       row and returns its seq. A value the server itself refuses (settings_set raised) is recorded the same way by
--       the workstation, in a transaction of its own.

CREATE FUNCTION branchvault.settings_refused(p_key text, p_refused text, p_reason text, p_workstation text)
    RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    v_key text := CASE WHEN EXISTS (SELECT 1 FROM setting_spec s WHERE s.key = p_key) THEN p_key ELSE 'unknown' END;
    v_text text;
BEGIN
    IF my_role() IS DISTINCT FROM 'admin' THEN
        RAISE EXCEPTION 'only an active administrator changes settings' USING ERRCODE = '42501';
    END IF;
    FOREACH v_text IN ARRAY ARRAY[coalesce(p_refused, ''), coalesce(p_reason, '')] LOOP
        IF char_length(v_text) > 200
           OR v_text ~ '[[:cntrl:]\u0085\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]'
           OR v_text ~ '[0-9０-９][0-9０-９ -]{4,}[0-9０-９Xx]'
           OR v_text ~ '[^[:space:]@*]@[^[:space:]@*]' THEN
            RAISE EXCEPTION 'a refused setting is recorded as the workstation masks free text: at most 200 characters '
                            'on one line, no control or formatting characters, no number of six digits or more, no '
                            'e-mail address' USING ERRCODE = '22023';
        END IF;
    END LOOP;
    IF coalesce(p_reason, '') = '' THEN
        RAISE EXCEPTION 'a refused setting is recorded with its reason' USING ERRCODE = '22023';
    END IF;
    RETURN audit_write(p_workstation, 'settings.change', 'setting', v_key, NULL, 'failed',
                       json_build_object('refused', coalesce(p_refused, ''), 'reason', p_reason)::text);
END
$$;

REVOKE ALL ON FUNCTION branchvault.settings_refused(text, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION branchvault.settings_refused(text, text, text, text) TO bv_admin;

UPDATE branchvault.meta SET value = '24' WHERE key = 'schema_version';
