-- BranchVault branch server (docs/SERVER.md), migration 2: the customer records, and the DESIGN §3/§6 matrix
-- enforced by the database itself with row-level security, so that a modified client — or psql with a staff
-- member's credentials — reads exactly what the GUI would show.
--
-- Grade-1 values arrive sealed by the workstation (sealed_value.sealed, XChaCha20-Poly1305 under the branch's
-- field keys, which the server never holds), with their masked form and blind index beside them: nothing in this
-- database, its backups or its logs is a full ID number, phone or account number.

-- Every staff table carries the branch, so that a head office can hold many branches in one database with the
-- same policies (issue 15, deliverable 7).
ALTER TABLE branchvault.staff ADD COLUMN branch text NOT NULL DEFAULT '';

-- The calling staff member (session_user), active accounts only: what every policy compares with. SECURITY
-- DEFINER, since staff cannot read the staff table; STABLE, so a statement evaluates it once.
CREATE FUNCTION branchvault.my_staff_id() RETURNS bigint
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$ SELECT id FROM staff WHERE pg_role = session_user AND status = 'active' $$;
CREATE FUNCTION branchvault.my_branch() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$ SELECT branch FROM staff WHERE pg_role = session_user AND status = 'active' $$;

CREATE TABLE branchvault.customers (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_no        text NOT NULL,
    branch             text NOT NULL CHECK (branch <> ''),
    status             text NOT NULL CHECK (status IN ('pending', 'active', 'rejected', 'closed', 'anonymised')),
    manager_id         bigint REFERENCES branchvault.staff (id),
    custody_manager_id bigint REFERENCES branchvault.staff (id),
    custody_until      timestamptz,
    restricted         boolean NOT NULL DEFAULT false,
    tier               text NOT NULL DEFAULT 'regular',
    sex                text,
    nationality        text,
    age_band           text,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    version            integer NOT NULL DEFAULT 1,
    UNIQUE (branch, customer_no)
);
CREATE INDEX customers_manager ON branchvault.customers (branch, manager_id, customer_no);
CREATE INDEX customers_custody ON branchvault.customers (branch, custody_manager_id, customer_no)
    WHERE custody_manager_id IS NOT NULL;

-- Sealed grade-1 values of customers (owner_kind 'customer') and of their accounts ('account').
CREATE TABLE branchvault.sealed_value (
    owner_kind   text NOT NULL CHECK (owner_kind IN ('customer', 'account')),
    owner_id     bigint NOT NULL,
    customer_id  bigint NOT NULL REFERENCES branchvault.customers (id),
    field        text NOT NULL,
    generation   integer NOT NULL,
    sealed       bytea NOT NULL,
    masked       text NOT NULL,
    blind_domain text,
    blind        bytea,
    PRIMARY KEY (owner_kind, owner_id, field),
    CHECK (owner_kind <> 'customer' OR owner_id = customer_id)
);
CREATE INDEX sealed_value_blind ON branchvault.sealed_value (blind_domain, blind) WHERE blind IS NOT NULL;
CREATE INDEX sealed_value_customer ON branchvault.sealed_value (customer_id);

-- The customer manager responsible now: the custodian while a custody lasts, else the owner (the rule of
-- responsible::managerSql in local mode).
CREATE FUNCTION branchvault.responsible_manager(c branchvault.customers) RETURNS bigint
    LANGUAGE sql STABLE
    SET search_path = branchvault, pg_temp
    AS $$ SELECT CASE WHEN c.custody_manager_id IS NOT NULL AND c.custody_until > now()
                      THEN c.custody_manager_id ELSE c.manager_id END $$;

ALTER TABLE branchvault.customers ENABLE ROW LEVEL SECURITY;
ALTER TABLE branchvault.sealed_value ENABLE ROW LEVEL SECURITY;

-- The branch manager: every customer of the branch. Every policy also asks the staff table for the caller's
-- recorded role, so a login role left in a group it no longer belongs to reads nothing more.
CREATE POLICY manager_reads_the_branch ON branchvault.customers FOR SELECT TO bv_manager
    USING (branchvault.my_role() = 'manager' AND branch = branchvault.my_branch());
-- A customer manager: the customers he or she is responsible for now (custody included), while the record is
-- held (pending, active or closed); restricted customers only this way.
CREATE POLICY customer_manager_reads_own ON branchvault.customers FOR SELECT TO bv_customer_manager
    USING (branchvault.my_role() = 'customer_manager'
           AND branch = branchvault.my_branch()
           AND status IN ('pending', 'active', 'closed')
           AND branchvault.responsible_manager(customers) = branchvault.my_staff_id());
-- Sealed values follow their customer: the subquery is itself filtered by the customers policies above.
CREATE POLICY values_follow_their_customer ON branchvault.sealed_value FOR SELECT TO bv_manager, bv_customer_manager
    USING (EXISTS (SELECT 1 FROM branchvault.customers c WHERE c.id = customer_id));

-- Reads only: records are written through functions that check the role and write the audit row (next
-- migrations). The clerk, the administrator and the auditor get no customer table at all.
REVOKE ALL ON branchvault.customers, branchvault.sealed_value FROM PUBLIC;
GRANT SELECT ON branchvault.customers, branchvault.sealed_value TO bv_manager, bv_customer_manager;
REVOKE ALL ON FUNCTION branchvault.my_staff_id(), branchvault.my_branch() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION branchvault.my_staff_id(), branchvault.my_branch() TO bv_staff;
REVOKE ALL ON FUNCTION branchvault.responsible_manager(branchvault.customers) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION branchvault.responsible_manager(branchvault.customers) TO bv_manager, bv_customer_manager;

-- The clerk's one way to a customer (DESIGN §3, 查询员): an exact lookup by full name and ID number, given as
-- their blind indexes (computed on the workstation), with a stated purpose. Returns the clerk's card — grade 3
-- and grade 1 masked, nothing else — for exactly one active, unrestricted customer of the clerk's branch (none
-- when nothing or more than one record matches), and writes the audit row in the same transaction, as the local
-- lookup does (customer.lookup, the purpose, the result). The workstation sends the purpose already masked
-- (FreeText::forAudit); the server refuses one that still holds a long run of digits.
CREATE FUNCTION branchvault.clerk_lookup(p_name_blind bytea, p_id_blind bytea, p_purpose text, p_workstation text)
    RETURNS TABLE (customer_no text, masked_name text, masked_id_number text, masked_mobile text, sex text,
                   age_band text, tier text, status text)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    hit        branchvault.customers%ROWTYPE;
    candidates bigint[];
BEGIN
    IF my_role() IS DISTINCT FROM 'clerk' THEN
        RAISE EXCEPTION 'only an active clerk looks customers up this way' USING ERRCODE = '42501';
    END IF;
    IF char_length(btrim(coalesce(p_purpose, ''))) < 2 OR char_length(p_purpose) > 200 THEN
        RAISE EXCEPTION 'a lookup needs its purpose (2 to 200 characters)' USING ERRCODE = '22023';
    END IF;
    IF p_purpose ~ '[0-9]{6,}' THEN
        RAISE EXCEPTION 'the purpose holds a long number; the workstation masks numbers before it sends a purpose'
            USING ERRCODE = '22023';
    END IF;
    SELECT array_agg(c.id) INTO candidates FROM customers c
        JOIN sealed_value n ON n.owner_kind = 'customer' AND n.owner_id = c.id AND n.field = 'name'
        JOIN sealed_value i ON i.owner_kind = 'customer' AND i.owner_id = c.id AND i.field = 'id_number'
        WHERE c.branch = my_branch() AND c.status = 'active' AND NOT c.restricted
          AND n.blind_domain = 'name' AND n.blind = p_name_blind
          AND i.blind_domain = 'id' AND i.blind = p_id_blind;
    IF cardinality(candidates) = 1 THEN
        SELECT c.* INTO hit FROM customers c WHERE c.id = candidates[1];
    END IF;
    PERFORM audit_write(p_workstation, 'customer.lookup', 'customer',
                        CASE WHEN hit.id IS NULL THEN '' ELSE hit.id::text END,
                        CASE WHEN hit.id IS NULL THEN NULL ELSE hit.customer_no END, 'ok',
                        json_build_object('purpose', p_purpose,
                                          'result', CASE WHEN hit.id IS NOT NULL THEN 'match'
                                                         WHEN cardinality(candidates) > 1 THEN 'ambiguous'
                                                         ELSE 'no match' END)::text);
    IF hit.id IS NULL THEN
        RETURN;
    END IF;
    RETURN QUERY
        SELECT hit.customer_no,
               (SELECT v.masked FROM sealed_value v WHERE v.owner_kind = 'customer' AND v.owner_id = hit.id
                                                      AND v.field = 'name'),
               (SELECT v.masked FROM sealed_value v WHERE v.owner_kind = 'customer' AND v.owner_id = hit.id
                                                      AND v.field = 'id_number'),
               (SELECT v.masked FROM sealed_value v WHERE v.owner_kind = 'customer' AND v.owner_id = hit.id
                                                      AND v.field = 'mobile'),
               hit.sex, hit.age_band, hit.tier, hit.status;
END
$$;
REVOKE ALL ON FUNCTION branchvault.clerk_lookup(bytea, bytea, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION branchvault.clerk_lookup(bytea, bytea, text, text) TO bv_clerk;

UPDATE branchvault.meta SET value = '2' WHERE key = 'schema_version';
