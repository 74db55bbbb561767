-- BranchVault branch server (docs/SERVER.md), migration 28: the branch manager closes a customer.
--
-- Local mode's CustomerRetention::close (DESIGN §6, "Closing a customer starts a retention period"), with its rules
-- and its audit row:
--   customer_close(customer_no, reason, workstation)
--       the branch manager of the branch, with a reason (at most 500 characters, no ID, mobile or card number: the
--       workstation refuses such a reason, the server too), closes an active customer: status 'closed', closed_at,
--       retention_until = now + customer.retention_years (never less than 5), the version one higher. A pending edit
--       ends with it (rejected "customer closed", its staged grade-1 values erased); pending tier changes are
--       rejected; open suspicious pairs stay for the branch manager. The reason goes into the customer's history
--       (kind 'close': status active → closed, close_reason), read by those who read the customer; the audit row
--       customer.close has its length only:
--         {"ended_change":N (when an edit was pending),"ended_tier_changes":N,"reason_chars":N,
--          "retention_until":"yyyy-MM-dd" (branch date)}
--       Returns retention_until. A customer that is not active: BV409 naming its status; not in the branch: P0002.
--
-- Anonymisation when the retention ends (local mode's anonymiseDue) is not on the server yet (docs/SERVER.md, "Not
-- yet"): a closed customer's record stays as it is, held for its customer manager and the branch manager.

-- A closed (or later anonymised) customer has both dates, any other none; the retention ends after the closure.
ALTER TABLE branchvault.customers
    ADD COLUMN closed_at timestamptz,
    ADD COLUMN retention_until timestamptz,
    ADD CONSTRAINT customers_closed_dates CHECK ((closed_at IS NULL) = (retention_until IS NULL)),
    ADD CONSTRAINT customers_closed_has_dates CHECK ((status = 'closed') <= (closed_at IS NOT NULL)),
    ADD CONSTRAINT customers_dates_only_when_closed CHECK (closed_at IS NULL OR status IN ('closed', 'anonymised')),
    ADD CONSTRAINT customers_retention_after_close CHECK (retention_until > closed_at);

INSERT INTO branchvault.audit_server_actions (action, kind) VALUES ('customer.close', 'exact');

CREATE FUNCTION branchvault.customer_close(p_customer_no text, p_reason text, p_workstation text)
    RETURNS timestamptz
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    c       customers%ROWTYPE;
    me      bigint := my_staff_id();
    why     text;
    years   integer;
    v_until timestamptz;
    v_tiers integer;
    v_ended bigint;
BEGIN
    IF my_role() IS DISTINCT FROM 'manager' THEN
        RAISE EXCEPTION 'only an active branch manager closes customers' USING ERRCODE = '42501';
    END IF;
    -- care's checks of a staff text (migration 17: given, no control characters, no PIN or password, no ID, mobile or
    -- card number), and local mode's 500 characters for a reason
    why := care_text('reason', p_reason);
    IF char_length(why) > 500 THEN
        RAISE EXCEPTION 'field "reason": at most 500 characters' USING ERRCODE = '22023';
    END IF;
    -- what was typed is repeated in the refusal only when it is shaped like a customer number (a mistyped ID or
    -- mobile number is not echoed into a message, nor into the server's log)
    IF upper(trimmed(coalesce(p_customer_no, ''))) !~ '^[0-9A-Z_]{1,16}-[0-9]{8,12}$' THEN
        RAISE EXCEPTION 'There is no such customer in this branch. Check the customer number.' USING ERRCODE = 'P0002';
    END IF;
    -- the customer first, then its changes: the order every function here takes (migration 3)
    SELECT * INTO c FROM customers
        WHERE branch = my_branch() AND customer_no = upper(trimmed(coalesce(p_customer_no, ''))) FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'There is no customer % in this branch. Check the customer number.',
            upper(trimmed(p_customer_no)) USING ERRCODE = 'P0002';
    END IF;
    -- the branch's mask lock before any write, as every writer of masked forms takes it (migration 23): a mask width
    -- changed at the same moment waits for the closure instead of deadlocking with its history row
    PERFORM mask_writing(c.branch);
    IF c.status <> 'active' THEN
        RAISE EXCEPTION 'customer % is %; only an active customer can be closed', c.customer_no, c.status
            USING ERRCODE = 'BV409';
    END IF;
    years := greatest(coalesce(setting('customer.retention_years')::integer, 5), 5);
    v_until := now() + make_interval(years => years);
    UPDATE customers SET status = 'closed', closed_at = now(), retention_until = v_until, updated_at = now(),
                         version = version + 1
        WHERE id = c.id;

    -- a pending edit ends with the customer: rejected, its staged grade-1 values erased; the checker is not the maker
    -- (a branch manager may have made the edit)
    SELECT ch.id INTO v_ended FROM customer_changes ch WHERE ch.customer_id = c.id AND ch.status = 'pending';
    IF v_ended IS NOT NULL THEN
        DELETE FROM sealed_value WHERE owner_kind = 'change' AND owner_id = v_ended;
        UPDATE customer_changes
            SET status = 'rejected', checker_id = CASE WHEN maker_id = me THEN NULL ELSE me END, decided_at = now(),
                reason = 'customer closed'
            WHERE id = v_ended;
    END IF;
    UPDATE tier_changes SET status = 'rejected', decided_by = me, decided_at = now(), reason = 'customer closed'
        WHERE customer_id = c.id AND status = 'pending';
    GET DIAGNOSTICS v_tiers = ROW_COUNT;

    INSERT INTO customer_history (customer_id, change_id, at, kind, actor_id, diff_json)
        VALUES (c.id, NULL, now(), 'close', me,
                jsonb_build_array(jsonb_build_object('field', 'status', 'old', 'active', 'new', 'closed'),
                                  jsonb_build_object('field', 'close_reason', 'old', '', 'new', why)));
    PERFORM audit_write(p_workstation, 'customer.close', 'customer', c.id::text, c.customer_no, 'ok',
                        format('{%s"ended_tier_changes":%s,"reason_chars":%s,"retention_until":%s}',
                               CASE WHEN v_ended IS NULL THEN '' ELSE format('"ended_change":%s,', v_ended) END,
                               v_tiers, char_length(why), to_json(care_branch_date(v_until)::text)));
    RETURN v_until;
END
$$;

REVOKE ALL ON FUNCTION branchvault.customer_close(text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION branchvault.customer_close(text, text, text) TO bv_manager;

UPDATE branchvault.meta SET value = '28' WHERE key = 'schema_version';
