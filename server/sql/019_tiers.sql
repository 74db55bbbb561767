-- BranchVault branch server (docs/SERVER.md), migration 19: customer tiers (客户等级) over the server (DESIGN §6
-- "Tiers from configurable asset thresholds; a change needs manager confirmation"; local: Tiers::forAssets,
-- CustomerEntry's tier at approval, CustomerOwnership::pendingTiers / confirmTier / rejectTier).
--
--   tier_for(branch, assets)     - the tier the branch's thresholds give (customer.tier.gold_cny, platinum_cny,
--                                  diamond_cny; the defaults where the branch set none)
--   tier_page(workstation)       - the branch's tier changes waiting for confirmation, oldest first; customer.list
--                                  {"list":"pending_tier_changes","rows":n} on 'tiers', as locally
--   tier_decide(id, confirm, reason, workstation)
--                                - the branch manager confirms (the customer takes the new tier) or rejects with a
--                                  reason (the customer keeps the current one); customer.tier_confirm
--                                  {"change","from","kind","to"}
--
-- When a tier is computed, as in local mode: the branch manager's approval of a new customer sets its first tier
-- from the assets entered (the approval confirms it); an approved edit that changes the assets replaces the
-- customer's waiting tier change, if any, with a new one when the computed tier differs from the current tier.
-- Both happen in triggers on the customers row, whichever function moves it (change_decide, migration 14), so the
-- rule holds for every path that approves. Nobody reads or writes tier_changes directly: no staff role has a
-- privilege on it; the two functions are the branch manager's (ConfirmTier), 42501 for anyone else.

-- ---- 1. The tier the thresholds give ----

CREATE FUNCTION branchvault.tier_for(p_branch text, p_assets bigint) RETURNS text
    LANGUAGE sql STABLE
    SET search_path = branchvault, pg_temp
    AS $$
    WITH t AS (
        SELECT sp.key, coalesce(st.value, sp.default_value)::bigint AS cny
        FROM setting_spec sp LEFT JOIN settings st ON st.key = sp.key AND st.branch = p_branch
        WHERE sp.key IN ('customer.tier.gold_cny', 'customer.tier.platinum_cny', 'customer.tier.diamond_cny'))
    SELECT CASE
        WHEN coalesce(p_assets, 0) >= (SELECT cny FROM t WHERE key = 'customer.tier.diamond_cny') THEN 'diamond'
        WHEN coalesce(p_assets, 0) >= (SELECT cny FROM t WHERE key = 'customer.tier.platinum_cny') THEN 'platinum'
        WHEN coalesce(p_assets, 0) >= (SELECT cny FROM t WHERE key = 'customer.tier.gold_cny') THEN 'gold'
        ELSE 'regular' END $$;
REVOKE ALL ON FUNCTION branchvault.tier_for(text, bigint) FROM PUBLIC;

-- ---- 2. The tier changes ----

CREATE TABLE branchvault.tier_changes (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    branch      text NOT NULL CHECK (branch <> ''),
    customer_id bigint NOT NULL REFERENCES branchvault.customers (id),
    from_tier   text NOT NULL CHECK (from_tier IN ('regular', 'gold', 'platinum', 'diamond')),
    to_tier     text NOT NULL CHECK (to_tier IN ('regular', 'gold', 'platinum', 'diamond') AND to_tier <> from_tier),
    computed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    status      text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed', 'rejected')),
    decided_by  bigint REFERENCES branchvault.staff (id),
    decided_at  timestamptz,
    reason      text,
    CHECK ((status = 'pending') = (decided_at IS NULL))
);
-- one waiting change per customer (a newer computation replaces it)
CREATE UNIQUE INDEX tier_changes_one_pending ON branchvault.tier_changes (customer_id) WHERE status = 'pending';
CREATE INDEX tier_changes_branch ON branchvault.tier_changes (branch, status, computed_at);
ALTER TABLE branchvault.tier_changes ENABLE ROW LEVEL SECURITY;

-- A new customer's first tier, set as the branch manager approves it (pending → active).
CREATE FUNCTION branchvault.customers_first_tier() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = branchvault, pg_temp
    AS $$
BEGIN
    IF OLD.status = 'pending' AND NEW.status = 'active' THEN
        NEW.tier := tier_for(NEW.branch, NEW.aum_cny);
    END IF;
    RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION branchvault.customers_first_tier() FROM PUBLIC;
CREATE TRIGGER customers_first_tier BEFORE UPDATE OF status ON branchvault.customers
    FOR EACH ROW EXECUTE FUNCTION branchvault.customers_first_tier();

-- An approved change of an active customer's assets: the waiting tier change goes, and a new one waits when the
-- computed tier differs from the current one.
CREATE FUNCTION branchvault.customers_tier_change() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    computed text;
BEGIN
    IF OLD.status = 'active' AND NEW.status = 'active' AND NEW.aum_cny IS DISTINCT FROM OLD.aum_cny THEN
        DELETE FROM tier_changes WHERE customer_id = NEW.id AND status = 'pending';
        computed := tier_for(NEW.branch, NEW.aum_cny);
        IF computed <> NEW.tier THEN
            INSERT INTO tier_changes (branch, customer_id, from_tier, to_tier)
                VALUES (NEW.branch, NEW.id, NEW.tier, computed);
        END IF;
    END IF;
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION branchvault.customers_tier_change() FROM PUBLIC;
CREATE TRIGGER customers_tier_change AFTER UPDATE OF aum_cny ON branchvault.customers
    FOR EACH ROW EXECUTE FUNCTION branchvault.customers_tier_change();

-- ---- 3. The branch manager's list and decision ----

CREATE FUNCTION branchvault.tier_page(p_workstation text)
    RETURNS TABLE (id bigint, customer_no text, from_tier text, to_tier text, computed_at timestamptz, status text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
#variable_conflict use_column
DECLARE
    n integer;
BEGIN
    IF my_role() IS DISTINCT FROM 'manager' THEN
        RAISE EXCEPTION 'only an active branch manager confirms tier changes' USING ERRCODE = '42501';
    END IF;
    RETURN QUERY
        SELECT t.id, c.customer_no, t.from_tier, t.to_tier, t.computed_at, t.status
        FROM tier_changes t JOIN customers c ON c.id = t.customer_id
        WHERE t.branch = my_branch() AND t.status = 'pending'
        ORDER BY t.computed_at, t.id;
    GET DIAGNOSTICS n = ROW_COUNT;
    PERFORM audit_write(p_workstation, 'customer.list', 'tiers', '', NULL, 'ok',
                        json_strip_nulls(json_build_object('list', 'pending_tier_changes', 'rows', n))::text);
END
$$;

-- Confirm (the customer takes the new tier; refused when the customer's tier or assets moved since the change was
-- computed, or the customer is no longer active or pending) or reject with a reason (kept on the change, never in
-- the audit row). Returns the change's new status.
CREATE FUNCTION branchvault.tier_decide(p_id bigint, p_confirm boolean, p_reason text, p_workstation text)
    RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    t       tier_changes%ROWTYPE;
    c       customers%ROWTYPE;
    why     text := trimmed(coalesce(p_reason, ''));
    problem text;
    target  text;
BEGIN
    IF my_role() IS DISTINCT FROM 'manager' THEN
        RAISE EXCEPTION 'only an active branch manager confirms tier changes' USING ERRCODE = '42501';
    END IF;
    IF p_confirm IS NULL THEN
        RAISE EXCEPTION 'field "confirm": confirm or reject' USING ERRCODE = '22023';
    END IF;
    IF NOT p_confirm AND why = '' THEN
        RAISE EXCEPTION 'field "reason": give the reason why the customer keeps the current tier'
            USING ERRCODE = '22023';
    END IF;
    IF char_length(why) > 500 THEN
        RAISE EXCEPTION 'field "reason": at most 500 characters' USING ERRCODE = '22023';
    END IF;
    IF why ~ '[\x01-\x08\x0b-\x1f\x7f-\x9f]' THEN
        RAISE EXCEPTION 'field "reason": the text contains control characters' USING ERRCODE = '22023';
    END IF;
    problem := free_text_problem(why);
    IF problem IS NOT NULL THEN
        RAISE EXCEPTION 'field "reason": the text holds % (grade 1); the workstation masks such numbers before it '
                        'sends', problem USING ERRCODE = '22023';
    END IF;
    -- the customer first, then the change: the order every function here takes (migration 3), so that an approval of
    -- the same customer's edit (which replaces the waiting change) and this decision wait for each other instead of
    -- deadlocking
    SELECT * INTO c FROM customers
        WHERE id = (SELECT x.customer_id FROM tier_changes x WHERE x.id = p_id AND x.branch = my_branch())
        FOR UPDATE;
    SELECT * INTO t FROM tier_changes WHERE id = p_id AND branch = my_branch() FOR UPDATE;
    IF NOT FOUND OR c.id IS DISTINCT FROM t.customer_id THEN
        RAISE EXCEPTION 'there is no tier change % in this branch', p_id USING ERRCODE = 'P0002';
    END IF;
    IF t.status <> 'pending' THEN
        RAISE EXCEPTION 'tier change % was already decided (%)', t.id, t.status USING ERRCODE = 'BV409';
    END IF;
    IF p_confirm THEN
        IF c.status NOT IN ('active', 'pending') THEN
            RAISE EXCEPTION 'customer % is %; its tier can no longer change: reject the tier change',
                c.customer_no, c.status USING ERRCODE = 'BV409';
        END IF;
        IF c.tier <> t.from_tier OR tier_for(c.branch, c.aum_cny) <> t.to_tier THEN
            RAISE EXCEPTION 'the assets or tier of customer % changed after this tier change was computed: reject it; '
                            'a new change is computed at the next approved edit of the assets', c.customer_no
                USING ERRCODE = 'BV409';
        END IF;
        UPDATE customers SET tier = t.to_tier, updated_at = now() WHERE id = c.id;
    END IF;
    target := CASE WHEN p_confirm THEN 'confirmed' ELSE 'rejected' END;
    -- the reason is the one for keeping the current tier (local mode keeps none for a confirmation)
    UPDATE tier_changes SET status = target, decided_by = my_staff_id(), decided_at = now(),
                            reason = CASE WHEN p_confirm THEN NULL ELSE why END
        WHERE id = t.id;
    PERFORM audit_write(p_workstation, 'customer.tier_confirm', 'customer', c.id::text, c.customer_no, 'ok',
                        json_strip_nulls(json_build_object('change', t.id, 'from', t.from_tier,
                                          'kind', CASE WHEN p_confirm THEN 'confirm' ELSE 'reject' END,
                                          'to', t.to_tier))::text);
    RETURN target;
END
$$;

-- ---- 4. The customers approved before this migration ----

-- They kept the default tier whatever their assets: each active one whose assets give another tier gets a change
-- waiting for the branch manager, as an approved edit of its assets would leave.
INSERT INTO branchvault.tier_changes (branch, customer_id, from_tier, to_tier)
    SELECT c.branch, c.id, c.tier, branchvault.tier_for(c.branch, c.aum_cny)
    FROM branchvault.customers c
    WHERE c.status = 'active' AND branchvault.tier_for(c.branch, c.aum_cny) <> c.tier;

-- ---- 5. customer.tier_confirm is the server's own ----

-- Migration 17's list and the tier decision.
CREATE OR REPLACE FUNCTION branchvault.audit_server_action(p_action text) RETURNS boolean
    LANGUAGE sql IMMUTABLE
    SET search_path = pg_catalog
    AS $$ SELECT a LIKE 'audit.%' OR a LIKE 'grant.%' OR a LIKE 'user.%' OR a LIKE 'settings.%'
                 OR (a LIKE 'request.%' AND a <> 'request.list')
                 OR a IN ('customer.create', 'customer.edit', 'customer.approve', 'customer.reject',
                          'customer.assign', 'customer.suspicious_clear', 'customer.reveal', 'customer.lookup',
                          'customer.rekey_mismatch', 'auth.password_change', 'db.create',
                          'customer.service', 'customer.complaint', 'customer.consent', 'customer.tier_confirm')
          FROM (SELECT lower(btrim(coalesce(p_action, ''))) AS a) AS s $$;

REVOKE ALL ON FUNCTION branchvault.tier_page(text), branchvault.tier_decide(bigint, boolean, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION branchvault.tier_page(text), branchvault.tier_decide(bigint, boolean, text, text)
    TO bv_manager;

UPDATE branchvault.meta SET value = '19' WHERE key = 'schema_version';
