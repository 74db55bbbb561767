-- BranchVault branch server, migration 12: a sealed value has the shape the workstation's sealing gives it.
--
-- The server holds no key, so it cannot tell a real ciphertext or blind index from a made-up one; but it can refuse
-- what no workstation sends. A value sealed by FieldCipher::seal is the 24-byte nonce, the ciphertext of at least
-- one byte (an empty value is never stored: it removes the value) and the 16-byte tag, so at least 41 bytes; a
-- grade-1 value is short (the longest, an address, a few hundred bytes), so more than 8192 bytes is not one. A blind
-- index (FieldCipher::blindIndex) is 16 bytes. Until now a two-byte "ciphertext" or a blind index of any length was
-- stored. Checked where values are stored, so every writer (entry, edit, accounts, the history) goes through it,
-- like migration 7's masked-form check. The message names the field and the rule, never the value.
--
-- What this does not close: a modified client of a customer manager, who holds the keys, can still send a well-formed
-- ciphertext of another value, or the blind index of another ID number (docs/SERVER.md, "What the server cannot
-- check"). Applied by the database's owner after migrations 1–11.

CREATE FUNCTION branchvault.sealed_value_shape_checked() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = branchvault, pg_temp
    AS $$
BEGIN
    IF octet_length(NEW.sealed) NOT BETWEEN 41 AND 8192 THEN
        RAISE EXCEPTION 'sealed field "%": a sealed value is 41 to 8192 bytes (nonce, ciphertext, tag) as the '
                        'workstation seals it — update the workstation', regexp_replace(NEW.field, ':.*$', '')
            USING ERRCODE = '22023';
    END IF;
    IF NEW.blind IS NOT NULL AND octet_length(NEW.blind) <> 16 THEN
        RAISE EXCEPTION 'sealed field "%": a blind index is 16 bytes as the workstation computes it — update the '
                        'workstation', regexp_replace(NEW.field, ':.*$', '')
            USING ERRCODE = '22023';
    END IF;
    RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION branchvault.sealed_value_shape_checked() FROM PUBLIC;

-- A value only moved (to the customer, an account or the history) keeps the bytes it was checked with.
CREATE TRIGGER sealed_value_shape_checked BEFORE INSERT ON branchvault.sealed_value
    FOR EACH ROW EXECUTE FUNCTION branchvault.sealed_value_shape_checked();
CREATE TRIGGER sealed_value_shape_rechecked BEFORE UPDATE OF sealed, blind ON branchvault.sealed_value
    FOR EACH ROW WHEN (OLD.sealed IS DISTINCT FROM NEW.sealed OR OLD.blind IS DISTINCT FROM NEW.blind)
    EXECUTE FUNCTION branchvault.sealed_value_shape_checked();

UPDATE branchvault.meta SET value = '12' WHERE key = 'schema_version';
