-- BranchVault branch server (docs/SERVER.md), migration 11: the reads of customer data are audited, as in local mode.
--
-- Until now a branch manager or a customer manager read `customers`, the masked forms in `sealed_value`, `accounts`
-- and `customer_changes` with plain SELECTs through row-level security: a staff member with psql read masked customer
-- data without any audit row, where local mode records every read (DESIGN §7 records every open of a customer's
-- detail). These reads now go through three functions that run as the owner, apply the rules of the policies of
-- migrations 2 and 3, and write local mode's audit rows (core/customers/lifecycle/CustomerFinder.cpp,
-- CustomerEntry.cpp):
--
--   customer_page  - a page of the caller's customers; customer.list on the first page (object type 'branch' for the
--                    branch manager, 'portfolio' for a customer manager)
--   customer_open  - one customer's masked card; customer.open
--   change_page    - a page of the pending changes the caller reviews; customer.list (object type 'changes') on the
--                    first page
--
-- and the direct SELECT privileges on the four tables are taken from the branch manager and customer managers. The
-- policies on them stay (a SELECT granted again by mistake still reads only what the rules allow).
--
-- What these functions cannot do, and why: they are functions (the interface the workstation calls), so the audit row
-- is written in the caller's transaction. A client that opens a transaction, reads, and rolls back erases the row of
-- a read that succeeded — the gap migration 6 closed for the clerk's lookup with a procedure that commits before it
-- hands anything out (clerk_find). And a refusal RAISEs, which would roll back an access.denied row written before
-- it; so these refusals write none (as lock_customer_in_reach's refusals of migration 3 and grant_use's of migration
-- 6 write none), where local mode writes access.denied for a customer out of reach. Both are listed in docs/SERVER.md
-- ("Known gaps"); closing them needs procedures with an outbox, as clerk_find, and a workstation that CALLs them.
--
-- Audit details are compact JSON with the keys in local mode's (sorted) order, as QJsonDocument writes them:
-- json_strip_nulls re-serialises json_build_object's output without spaces.

-- ---- 1. The rule, in one place ----

-- Whether a staff member of role p_role, id p_me and branch p_branch reads customer `c` (the rules of migration 2's
-- customers policies, which lock_customer_in_reach and reveal_attempt apply too): the branch manager every customer
-- of his or her branch; a customer manager the customers of the branch he or she is responsible for now (the
-- custodian while a custody lasts, else the owner: responsible_manager) while the record is held (pending, active,
-- closed); nobody else any. The caller's role, id and branch come in as arguments so that a page asks the staff
-- table once, not three times per customer. Internal: the owner's functions below call it.
CREATE FUNCTION branchvault.reads_customer_as(c branchvault.customers, p_role text, p_me bigint, p_branch text)
    RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path = branchvault, pg_temp
    AS $$ SELECT coalesce(c.branch = p_branch
                          AND CASE p_role
                                  WHEN 'manager' THEN true
                                  WHEN 'customer_manager'
                                      THEN c.status IN ('pending', 'active', 'closed')
                                           AND responsible_manager(c) = p_me
                                  ELSE false END, false) $$;

-- The same for the calling staff member (session_user).
CREATE FUNCTION branchvault.reads_customer(c branchvault.customers) RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path = branchvault, pg_temp
    AS $$ SELECT reads_customer_as(c, my_role(), my_staff_id(), my_branch()) $$;

-- The same rule by the customer's id, for the policies of the tables staff still read directly (the history and the
-- assignments follow their customer). Their policies asked `EXISTS (SELECT 1 FROM customers ...)`, which runs with
-- the reader's privileges: once staff may not SELECT customers, that subquery would refuse every read of the history.
-- This runs as the owner and answers only a yes or a no for one id.
CREATE FUNCTION branchvault.reaches_customer(p_customer_id bigint) RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$ SELECT coalesce((SELECT reads_customer(c) FROM customers c WHERE c.id = p_customer_id), false) $$;

ALTER POLICY history_follows_its_customer ON branchvault.customer_history
    USING (branchvault.reaches_customer(customer_id));
ALTER POLICY assignments_follow_their_customer ON branchvault.customer_assignments
    USING (branchvault.reaches_customer(customer_id));

REVOKE ALL ON FUNCTION branchvault.reads_customer_as(branchvault.customers, text, bigint, text),
    branchvault.reads_customer(branchvault.customers) FROM PUBLIC;
REVOKE ALL ON FUNCTION branchvault.reaches_customer(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION branchvault.reaches_customer(bigint) TO bv_manager, bv_customer_manager;

-- The refusal of a caller who reads no customer data at all.
CREATE FUNCTION branchvault.refuse_unless_customer_reader() RETURNS void
    LANGUAGE plpgsql STABLE
    SET search_path = branchvault, pg_temp
    AS $$
BEGIN
    IF my_role() IS NULL OR my_role() NOT IN ('manager', 'customer_manager') THEN
        RAISE EXCEPTION 'only an active branch manager or customer manager reads customer records; a clerk looks a '
                        'customer up with clerk_find' USING ERRCODE = '42501';
    END IF;
END
$$;
REVOKE ALL ON FUNCTION branchvault.refuse_unless_customer_reader() FROM PUBLIC;

-- ---- 2. The customer list (CustomerFinder::portfolio and ::branchList) ----

-- A page of the customers the caller reads, by customer number, after p_after (NULL or '' = from the start), at most
-- p_limit rows (clamped to 1..500; NULL = 500). The masked name is the only grade-1 column. The first page writes
-- customer.list as local mode does: the branch manager's object type 'branch' {descending, sort} (the server orders by
-- customer number only: sort 0, ascending), a customer manager's 'portfolio' {list, rows} with the rows returned.
-- Later pages write nothing (one row per list view).
CREATE FUNCTION branchvault.customer_page(p_after text, p_limit integer, p_workstation text)
    RETURNS TABLE (customer_no text, masked_name text, status text, restricted boolean, tier text, age_band text,
                   created_at timestamptz)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
#variable_conflict use_column
DECLARE
    v_role   text := my_role();
    v_me     bigint := my_staff_id();
    v_branch text := my_branch();
    from_no  text := nullif(p_after, '');
    n        integer;
BEGIN
    PERFORM refuse_unless_customer_reader();
    -- "manager, or one of the two manager columns is mine" is implied by the rule; it lets a customer manager's page
    -- use the manager indexes instead of reading the whole branch
    RETURN QUERY
        SELECT c.customer_no,
               (SELECT v.masked FROM sealed_value v
                WHERE v.owner_kind = 'customer' AND v.owner_id = c.id AND v.field = 'name'),
               c.status, c.restricted, c.tier, c.age_band, c.created_at
        FROM customers c
        WHERE c.branch = v_branch AND reads_customer_as(c, v_role, v_me, v_branch)
          AND (v_role = 'manager' OR c.manager_id = v_me OR c.custody_manager_id = v_me)
          AND (from_no IS NULL OR c.customer_no > from_no)
        ORDER BY c.customer_no
        LIMIT greatest(1, least(coalesce(p_limit, 500), 500));
    GET DIAGNOSTICS n = ROW_COUNT;
    IF from_no IS NULL THEN
        IF v_role = 'manager' THEN
            PERFORM audit_write(p_workstation, 'customer.list', 'branch', '', NULL, 'ok',
                                json_strip_nulls(json_build_object('descending', false, 'sort', 0))::text);
        ELSE
            PERFORM audit_write(p_workstation, 'customer.list', 'portfolio', '', NULL, 'ok',
                                json_strip_nulls(json_build_object('list', 'portfolio', 'rows', n))::text);
        END IF;
    END IF;
END
$$;

-- ---- 3. One customer's card (CustomerFinder::open) ----

-- The masked card of customer p_customer_no (trimmed, in upper case) of the caller's branch, if the caller reads it:
-- grade 3 columns, grade_one {field: masked form} of the customer's own grade-1 values, grade_two the grade 2 columns
-- that hold a value (aum_cny as text), the accounts [{id, type, opened_on, status, masked}] by id, and the change
-- waiting for it, if any. custody_until is given while the custody lasts (in_custody), else NULL. Writes customer.open
-- {} as local mode. Refusals, as lock_customer_in_reach's: P0002 when the branch has no such customer, 42501 when the
-- caller does not read it (naming the number, never a value); neither writes a row (see the head of this file).
CREATE FUNCTION branchvault.customer_open(p_customer_no text, p_workstation text)
    RETURNS TABLE (customer_no text, status text, restricted boolean, tier text, branch text, sex text,
                   nationality text, age_band text, created_at timestamptz, updated_at timestamptz, version integer,
                   in_custody boolean, custody_until timestamptz, grade_one jsonb, grade_two jsonb, accounts jsonb,
                   pending_change_id bigint)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
#variable_conflict use_column
DECLARE
    number text := upper(btrim(coalesce(p_customer_no, '')));
    cust   customers%ROWTYPE;
BEGIN
    PERFORM refuse_unless_customer_reader();
    SELECT c.* INTO cust FROM customers c WHERE c.branch = my_branch() AND c.customer_no = number;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'There is no customer % in this branch. Check the customer number.', number
            USING ERRCODE = 'P0002';
    END IF;
    IF NOT reads_customer(cust) THEN
        IF cust.restricted THEN
            RAISE EXCEPTION 'Customer % is restricted: only its own customer manager and the branch manager may see '
                            'it. If your work needs it, file a restricted-access request.', cust.customer_no
                USING ERRCODE = '42501';
        END IF;
        RAISE EXCEPTION 'Customer % is not one of your customers. Ask its customer manager or the branch manager.',
            cust.customer_no USING ERRCODE = '42501';
    END IF;
    PERFORM audit_write(p_workstation, 'customer.open', 'customer', cust.id::text, cust.customer_no, 'ok', '{}');
    RETURN QUERY
        SELECT cust.customer_no, cust.status, cust.restricted, cust.tier, cust.branch, cust.sex, cust.nationality,
               cust.age_band, cust.created_at, cust.updated_at, cust.version,
               coalesce(cust.custody_manager_id IS NOT NULL AND cust.custody_until > now(), false),
               CASE WHEN cust.custody_manager_id IS NOT NULL AND cust.custody_until > now()
                    THEN cust.custody_until END,
               coalesce((SELECT jsonb_object_agg(v.field, v.masked) FROM sealed_value v
                         WHERE v.owner_kind = 'customer' AND v.owner_id = cust.id), '{}'::jsonb),
               jsonb_strip_nulls(jsonb_build_object(
                   'occupation', cust.occupation, 'employer', cust.employer, 'income_band', cust.income_band,
                   'marital_status', cust.marital_status, 'family', cust.family, 'risk_rating', cust.risk_rating,
                   'aum_cny', cust.aum_cny::text, 'product_holdings', cust.product_holdings)),
               coalesce((SELECT jsonb_agg(jsonb_build_object(
                                    'id', a.id, 'type', a.type, 'opened_on', to_char(a.opened_on, 'YYYY-MM-DD'),
                                    'status', a.status, 'masked', v.masked) ORDER BY a.id)
                         FROM accounts a
                         LEFT JOIN sealed_value v ON v.owner_kind = 'account' AND v.owner_id = a.id
                                                 AND v.field = 'account_number'
                         WHERE a.customer_id = cust.id), '[]'::jsonb),
               (SELECT ch.id FROM customer_changes ch WHERE ch.customer_id = cust.id AND ch.status = 'pending');
END
$$;

-- ---- 4. The pending changes (CustomerEntry::pending) ----

-- A page of the changes waiting for a decision that the caller reads, by id after p_after (NULL = from the start), at
-- most p_limit rows (clamped to 1..1000; NULL = 1000): the branch manager the branch's, a customer manager those of
-- the customers he or she reads now (migration 3's policies on customer_changes). diff_json holds field names and
-- masked values only. The first page writes customer.list 'changes' {list, rows, scope} as local mode.
CREATE FUNCTION branchvault.change_page(p_after bigint, p_limit integer, p_workstation text)
    RETURNS TABLE (id bigint, customer_no text, kind text, maker_login text, created_at timestamptz, diff_json jsonb)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
#variable_conflict use_column
DECLARE
    v_role   text := my_role();
    v_me     bigint := my_staff_id();
    v_branch text := my_branch();
    n        integer;
BEGIN
    PERFORM refuse_unless_customer_reader();
    RETURN QUERY
        SELECT ch.id, c.customer_no, ch.kind, s.login, ch.created_at, ch.diff_json
        FROM customer_changes ch
        JOIN customers c ON c.id = ch.customer_id
        JOIN staff s ON s.id = ch.maker_id
        WHERE ch.branch = v_branch AND ch.status = 'pending' AND reads_customer_as(c, v_role, v_me, v_branch)
          AND (p_after IS NULL OR ch.id > p_after)
        ORDER BY ch.id
        LIMIT greatest(1, least(coalesce(p_limit, 1000), 1000));
    GET DIAGNOSTICS n = ROW_COUNT;
    IF p_after IS NULL THEN
        PERFORM audit_write(p_workstation, 'customer.list', 'changes', '', NULL, 'ok',
                            json_strip_nulls(json_build_object(
                                'list', 'pending_changes', 'rows', n,
                                'scope', CASE WHEN v_role = 'manager' THEN 'branch' ELSE 'own' END))::text);
    END IF;
END
$$;

REVOKE ALL ON FUNCTION branchvault.customer_page(text, integer, text), branchvault.customer_open(text, text),
    branchvault.change_page(bigint, integer, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION branchvault.customer_page(text, integer, text), branchvault.customer_open(text, text),
    branchvault.change_page(bigint, integer, text) TO bv_manager, bv_customer_manager;

-- ---- 5. No direct reads of the four tables ----

-- Revoking the table privilege also revokes migration 3's column privileges on sealed_value (PostgreSQL revokes the
-- column privileges with the table's). The history, the suspicious pairs, the assignments and the requests are still
-- read directly (not audited yet; docs/SERVER.md, "Not yet").
REVOKE SELECT ON branchvault.customers, branchvault.sealed_value, branchvault.accounts, branchvault.customer_changes
    FROM bv_manager, bv_customer_manager;
REVOKE SELECT (owner_kind, owner_id, customer_id, field, generation, masked) ON branchvault.sealed_value
    FROM bv_manager, bv_customer_manager;

UPDATE branchvault.meta SET value = '11' WHERE key = 'schema_version';
