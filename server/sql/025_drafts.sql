-- BranchVault branch server (docs/SERVER.md), migration 25: a half-typed new customer is kept as a draft.
--
-- Local mode keeps what a branch manager or customer manager was typing into a customer form when the session locks
-- or signs out (core/drafts, DraftService), sealed for its author, and offers it again at the next sign-in. Over the
-- server the session simply ended and the typing was lost. Now the workstation keeps the new-customer form the same
-- way on the server:
--
--   draft_save(form, subject, token, generation, sealed, workstation)
--       the caller's draft of that form, replacing the one kept before in place, under the same id (one per author,
--       form and subject; two sign-outs of one author at once leave the later one). The
--       content is sealed on the workstation with the branch's customer-information key (XChaCha20-Poly1305; the
--       associated data names the author's staff id and login, the form, the subject and the row's random token),
--       so the server holds what local mode's file holds: who, which form, when — never what was typed. Only the
--       new-customer form (subject empty) is kept over the server for now. draft.save {form}. Expired drafts of the
--       branch go first, as at draft_page.
--   draft_page(workstation)
--       the caller's drafts that have not expired, newest first: id, form, subject, saved_at, expires_at. Drafts of
--       the branch kept more than 7 days ago are deleted first (draft.expire {count, lifetimeDays}, the system's row,
--       as local mode's daily job writes it). Not audited otherwise: it shows no content.
--   draft_restore(id, workstation)   — only through read_committed (migration 20)
--       one of the caller's own drafts, sealed, with its token and key generation; the draft stays until its form
--       is saved or it is discarded. draft.restore {form} is committed before the sealed content leaves. Another
--       staff member's draft, an expired one and an id that does not exist are the same refusal (42501, recorded as
--       access.denied by read_committed under local mode's operation edit_customer; read_committed names the
--       operation, not the draft).
--   draft_discard(id, workstation)   — the caller's own draft (draft.discard {form, reason: "discarded"}); another's
--       draft or a missing one returns false after writing access.denied on draft/<id> (edit_customer), as local
--       mode records it.
--   draft_discard_for(form, subject, saved, workstation)
--       after the form was saved or cleared: the caller's draft of it, if any (draft.discard {form, reason: "saved"
--       or "discarded"}); none, nothing is written.
--
-- Who: the roles that fill customer forms (branch manager, customer manager), with an active account; every other
-- role is refused (42501). The table is closed to every staff role; only these functions reach it. Details are
-- written as local mode writes them (compact JSON).

CREATE TABLE branchvault.drafts (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    branch     text NOT NULL CHECK (branch <> ''),
    author_id  bigint NOT NULL REFERENCES branchvault.staff (id),
    form       text NOT NULL CHECK (form IN ('customer_new')),
    subject    text NOT NULL DEFAULT '' CHECK (subject = ''),
    token      text NOT NULL CHECK (token ~ '^[0-9a-f]{32}$'),
    generation integer NOT NULL CHECK (generation > 0),
    sealed     bytea NOT NULL CHECK (octet_length(sealed) BETWEEN 41 AND 1048576),
    saved_at   timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    UNIQUE (author_id, form, subject)
);
CREATE INDEX drafts_expiry ON branchvault.drafts (branch, expires_at);
ALTER TABLE branchvault.drafts ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON branchvault.drafts FROM PUBLIC;

INSERT INTO branchvault.audit_server_actions (action, kind) VALUES ('draft.', 'prefix');

-- The caller, when the caller keeps drafts: an active branch manager or customer manager (42501 otherwise).
CREATE FUNCTION branchvault.draft_author() RETURNS branchvault.staff
    LANGUAGE plpgsql STABLE SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    who staff%ROWTYPE;
BEGIN
    SELECT * INTO who FROM staff WHERE id = my_staff_id();
    IF NOT FOUND THEN
        RAISE EXCEPTION 'this login is not an active BranchVault staff account (frozen, or its password must be '
                        'changed first)' USING ERRCODE = '42501';
    END IF;
    IF who.role NOT IN ('manager', 'customer_manager') THEN
        RAISE EXCEPTION 'only a branch manager or a customer manager keeps drafts of customer forms'
            USING ERRCODE = '42501';
    END IF;
    RETURN who;
END
$$;

CREATE FUNCTION branchvault.draft_form_checked(p_form text, p_subject text) RETURNS void
    LANGUAGE plpgsql IMMUTABLE
    SET search_path = branchvault, pg_temp
    AS $$
BEGIN
    IF p_form IS DISTINCT FROM 'customer_new' OR coalesce(p_subject, '') <> '' THEN
        RAISE EXCEPTION 'form: only the new-customer form (no subject) is kept as a draft over the server'
            USING ERRCODE = '22023';
    END IF;
END
$$;

-- An audit row's details as local mode writes them: {"form":…} or {"form":…,"reason":…}, compact.
CREATE FUNCTION branchvault.draft_details(p_form text, p_reason text) RETURNS text
    LANGUAGE sql IMMUTABLE
    SET search_path = branchvault, pg_temp
    AS $$ SELECT CASE WHEN p_reason IS NULL THEN format('{"form":%s}', to_json(p_form))
                      ELSE format('{"form":%s,"reason":%s}', to_json(p_form), to_json(p_reason)) END $$;

-- Deletes the branch's drafts kept more than 7 days ago, with the system's draft.expire row when there were any.
CREATE FUNCTION branchvault.draft_purge(p_branch text, p_workstation text) RETURNS void
    LANGUAGE plpgsql
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    expired bigint;
BEGIN
    WITH gone AS (DELETE FROM drafts d WHERE d.branch = p_branch AND d.expires_at <= statement_timestamp()
                  RETURNING 1)
        SELECT count(*) INTO expired FROM gone;
    IF expired > 0 THEN
        PERFORM audit_write_system(p_workstation, 'draft.expire', 'draft', '',
                                   format('{"count":%s,"lifetimeDays":7}', expired));
    END IF;
END
$$;

CREATE FUNCTION branchvault.draft_save(p_form text, p_subject text, p_token text, p_generation integer,
                                       p_sealed bytea, p_workstation text)
    RETURNS TABLE (id bigint, saved_at timestamptz, expires_at timestamptz)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    who   staff%ROWTYPE := draft_author();
    v_id  bigint;
    v_now timestamptz := statement_timestamp();
BEGIN
    PERFORM draft_form_checked(p_form, p_subject);
    IF p_token IS NULL OR p_token !~ '^[0-9a-f]{32}$' THEN
        RAISE EXCEPTION 'token: 32 lower-case hexadecimal digits' USING ERRCODE = '22023';
    END IF;
    IF p_generation IS NULL OR p_generation < 1 THEN
        RAISE EXCEPTION 'generation: the key generation the draft was sealed with' USING ERRCODE = '22023';
    END IF;
    IF p_sealed IS NULL OR octet_length(p_sealed) NOT BETWEEN 41 AND 1048576 THEN
        RAISE EXCEPTION 'sealed: a sealed draft of at most 1 MiB' USING ERRCODE = '22023';
    END IF;
    PERFORM draft_purge(who.branch, p_workstation);
    INSERT INTO drafts AS d (branch, author_id, form, subject, token, generation, sealed, saved_at, expires_at)
        VALUES (who.branch, who.id, p_form, '', p_token, p_generation, p_sealed, v_now, v_now + interval '7 days')
        ON CONFLICT (author_id, form, subject) DO UPDATE
            SET branch = EXCLUDED.branch, token = EXCLUDED.token, generation = EXCLUDED.generation,
                sealed = EXCLUDED.sealed, saved_at = EXCLUDED.saved_at, expires_at = EXCLUDED.expires_at
        RETURNING d.id INTO v_id;
    PERFORM audit_write(p_workstation, 'draft.save', 'draft', v_id::text, NULL, 'ok', draft_details(p_form, NULL));
    RETURN QUERY SELECT v_id, v_now, v_now + interval '7 days';
END
$$;

CREATE FUNCTION branchvault.draft_page(p_workstation text)
    RETURNS TABLE (id bigint, form text, subject text, saved_at timestamptz, expires_at timestamptz)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    who staff%ROWTYPE := draft_author();
BEGIN
    PERFORM draft_purge(who.branch, p_workstation);
    RETURN QUERY SELECT d.id, d.form, d.subject, d.saved_at, d.expires_at FROM drafts d
        WHERE d.author_id = who.id ORDER BY d.saved_at DESC, d.id DESC;
END
$$;

-- Read through read_committed only: its draft.restore row is committed before the sealed content leaves.
CREATE FUNCTION branchvault.draft_restore(p_id bigint, p_workstation text)
    RETURNS TABLE (id bigint, form text, subject text, token text, generation integer, sealed text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    who staff%ROWTYPE := draft_author();
    d   drafts%ROWTYPE;
BEGIN
    SELECT * INTO d FROM drafts x
        WHERE x.id = p_id AND x.author_id = who.id AND x.expires_at > statement_timestamp();
    IF NOT FOUND THEN
        RAISE EXCEPTION 'there is no draft % of yours (it was discarded, expired after 7 days, or is not yours)',
            coalesce(p_id::text, '') USING ERRCODE = '42501';
    END IF;
    PERFORM audit_write(p_workstation, 'draft.restore', 'draft', d.id::text, NULL, 'ok', draft_details(d.form, NULL));
    RETURN QUERY SELECT d.id, d.form, d.subject, d.token, d.generation, translate(encode(d.sealed, 'base64'), E'\n', '');
END
$$;

CREATE FUNCTION branchvault.draft_discard(p_id bigint, p_workstation text) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    who    staff%ROWTYPE := draft_author();
    v_form text;
BEGIN
    DELETE FROM drafts d WHERE d.id = p_id AND d.author_id = who.id RETURNING d.form INTO v_form;
    IF NOT FOUND THEN
        -- another's, or none: the same answer, and the attempt on record as local mode records it
        PERFORM request_audit_denied(p_workstation, 'edit_customer', 'draft', coalesce(p_id::text, ''), NULL);
        RETURN false;
    END IF;
    PERFORM audit_write(p_workstation, 'draft.discard', 'draft', p_id::text, NULL, 'ok',
                        draft_details(v_form, 'discarded'));
    RETURN true;
END
$$;

CREATE FUNCTION branchvault.draft_discard_for(p_form text, p_subject text, p_saved boolean, p_workstation text)
    RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    who  staff%ROWTYPE := draft_author();
    v_id bigint;
BEGIN
    PERFORM draft_form_checked(p_form, p_subject);
    DELETE FROM drafts d WHERE d.author_id = who.id AND d.form = p_form AND d.subject = '' RETURNING d.id INTO v_id;
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    PERFORM audit_write(p_workstation, 'draft.discard', 'draft', v_id::text, NULL, 'ok',
                        draft_details(p_form, CASE WHEN p_saved THEN 'saved' ELSE 'discarded' END));
    RETURN true;
END
$$;

INSERT INTO branchvault.committed_reads (read, call, operation, takes_customer) VALUES
    ('draft_restore', 'draft_restore(($1->>''id'')::bigint, $2)', 'edit_customer', false);

REVOKE ALL ON FUNCTION branchvault.draft_author(), branchvault.draft_form_checked(text, text),
    branchvault.draft_details(text, text), branchvault.draft_purge(text, text),
    branchvault.draft_save(text, text, text, integer, bytea, text), branchvault.draft_page(text),
    branchvault.draft_restore(bigint, text), branchvault.draft_discard(bigint, text),
    branchvault.draft_discard_for(text, text, boolean, text) FROM PUBLIC;
-- every staff role may call them, so that each refuses in its own words; draft_restore only through read_committed
GRANT EXECUTE ON FUNCTION branchvault.draft_save(text, text, text, integer, bytea, text),
    branchvault.draft_page(text), branchvault.draft_discard(bigint, text),
    branchvault.draft_discard_for(text, text, boolean, text)
    TO bv_manager, bv_customer_manager, bv_clerk, bv_admin, bv_auditor;

UPDATE branchvault.meta SET value = '25' WHERE key = 'schema_version';
