-- BranchVault branch server (docs/SERVER.md), migration 17: serving a customer over the server (DESIGN §6: service
-- records, complaints with due dates and the overdue list, consent to processing and to marketing; local:
-- core/customers/care, CustomerCare).
--
--   service_add / service_page         - a service record of a customer; the customer's records
--   complaint_add / complaint_update   - a complaint with its two due dates; its status moved forward
--   complaint_page / complaint_overdue - a customer's complaints; the overdue ones (own or the branch's; audited)
--   consent_record / consent_page      - a consent given or withdrawn (a new row, never an overwrite); the history
--
-- Who: the branch manager for every customer of the branch, a customer manager for the customers he or she is
-- responsible for now (custody included), as local mode's RecordService, ManageComplaints and RecordConsent; the
-- overdue list of the whole branch is the branch manager's (ViewBranchComplaints). Nobody reads or writes the three
-- tables directly: no staff role has a privilege on them, every row goes through the functions here, which run as
-- the schema's owner, check the caller as migration 11's reads do and write local mode's audit rows
-- (customer.service, customer.complaint, customer.consent; the overdue list's customer.list). Those three actions
-- become the server's own: a workstation cannot append them through audit_append (a forged "service given").
--
-- The texts are grade 2 (DESIGN §4): kept on the server in the clear like the profile, refused when they hold what
-- the workstation's FreeText check refuses (an ID, mobile or card number: free_text_problem), control characters, or
-- more than 2000 characters (CareChecks' kMaxTextLength). The workstation checks all of it first, with local mode's
-- wording; what is here is for a modified client.
--
-- Complaint due dates: the workstation computes them (WorkingCalendar::complaintDeadlines: 1 and 2 working days,
-- with the official holiday calendar it ships and the branch's complaint.holidays / complaint.extra_working_days
-- settings, read from this server). The server does not hold the official calendar, so it checks that the dates
-- are in order and within 14 days of the receipt (the longest holiday run plus two working days); a modified client
-- can move them later within that bound, never before the receipt. docs/SERVER.md lists it under "Not yet".

-- ---- 1. The tables ----

-- CustomerCare::channels(): how the customer was served, complained or consented (care_channel checks what a
-- workstation sends against the same list, naming the field).
CREATE DOMAIN branchvault.care_channel_key AS text
    CHECK (VALUE IN ('counter', 'phone', 'online', 'mobile_app', 'letter', 'other'));

CREATE TABLE branchvault.service_records (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    branch      text NOT NULL CHECK (branch <> ''),
    customer_id bigint NOT NULL REFERENCES branchvault.customers (id),
    served_on   date NOT NULL,
    channel     branchvault.care_channel_key NOT NULL,
    content     text NOT NULL CHECK (content <> '' AND char_length(content) <= 2000),
    by_id       bigint NOT NULL REFERENCES branchvault.staff (id),
    created_at  timestamptz NOT NULL DEFAULT now(),
    -- the offline outbox entry it came from (its random token): an upload interrupted after the server took it
    -- finds it again instead of recording the service twice
    client_token text UNIQUE CHECK (client_token ~ '^[0-9a-f]{32}$')
);
CREATE INDEX service_records_customer ON branchvault.service_records (customer_id, served_on);

CREATE TABLE branchvault.complaints (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    branch          text NOT NULL CHECK (branch <> ''),
    customer_id     bigint NOT NULL REFERENCES branchvault.customers (id),
    received_at     timestamptz NOT NULL,
    channel         branchvault.care_channel_key NOT NULL,
    content         text NOT NULL CHECK (content <> '' AND char_length(content) <= 2000),
    status          text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'investigating', 'answered', 'closed')),
    investigate_by  timestamptz NOT NULL,
    answer_by       timestamptz NOT NULL,
    investigated_at timestamptz,
    answered_at     timestamptz,
    resolution      text CHECK (resolution IS NULL OR char_length(resolution) <= 2000),
    recorded_by     bigint NOT NULL REFERENCES branchvault.staff (id),
    handled_by      bigint REFERENCES branchvault.staff (id),
    CHECK (received_at < investigate_by AND investigate_by <= answer_by)
);
CREATE INDEX complaints_customer ON branchvault.complaints (customer_id, received_at);
CREATE INDEX complaints_open ON branchvault.complaints (branch, status, answer_by) WHERE status IN ('open', 'investigating');

-- Every grant and every withdrawal is a new row, never an overwrite (local mode's triggers do the same).
CREATE TABLE branchvault.consents (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    branch      text NOT NULL CHECK (branch <> ''),
    customer_id bigint NOT NULL REFERENCES branchvault.customers (id),
    purpose     text NOT NULL CHECK (purpose IN ('processing', 'marketing')),
    action      text NOT NULL CHECK (action IN ('given', 'withdrawn')),
    on_date     date NOT NULL,
    channel     branchvault.care_channel_key NOT NULL,
    recorded_by bigint NOT NULL REFERENCES branchvault.staff (id),
    recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX consents_customer ON branchvault.consents (customer_id, purpose, id);

CREATE FUNCTION branchvault.consents_never_changed() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = branchvault, pg_temp
    AS $$
BEGIN
    RAISE EXCEPTION 'consent entries are never changed or deleted; record a withdrawal instead'
        USING ERRCODE = '42501';
END
$$;
CREATE TRIGGER consents_never_changed BEFORE UPDATE OR DELETE ON branchvault.consents
    FOR EACH ROW EXECUTE FUNCTION branchvault.consents_never_changed();
CREATE TRIGGER consents_never_truncated BEFORE TRUNCATE ON branchvault.consents
    FOR EACH STATEMENT EXECUTE FUNCTION branchvault.consents_never_changed();

REVOKE ALL ON branchvault.service_records, branchvault.complaints, branchvault.consents FROM PUBLIC;
ALTER TABLE branchvault.service_records ENABLE ROW LEVEL SECURITY;
ALTER TABLE branchvault.complaints ENABLE ROW LEVEL SECURITY;
ALTER TABLE branchvault.consents ENABLE ROW LEVEL SECURITY;

-- ---- 2. The checks the functions share ----

-- The caller is an active branch manager or customer manager (42501 otherwise, no row written).
CREATE FUNCTION branchvault.care_refuse_unless_server() RETURNS void
    LANGUAGE plpgsql STABLE
    SET search_path = branchvault, pg_temp
    AS $$
BEGIN
    IF my_role() IS NULL OR my_role() NOT IN ('manager', 'customer_manager') THEN
        RAISE EXCEPTION 'only an active branch manager or customer manager serves customers' USING ERRCODE = '42501';
    END IF;
END
$$;

-- The customer p_customer_no of the caller's branch, if the caller reads it (migration 11's rule); P0002 when there
-- is none, 42501 when it is not the caller's. p_lock: locked for the change (lock_customer_in_reach, which reads the
-- responsibility under the row lock, so a reassignment that committed first is seen).
CREATE FUNCTION branchvault.care_customer(p_customer_no text, p_lock boolean) RETURNS branchvault.customers
    LANGUAGE plpgsql
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    c customers%ROWTYPE;
BEGIN
    PERFORM care_refuse_unless_server();
    -- what was typed is repeated in the refusal only when it is shaped like a customer number (a mistyped ID or
    -- mobile number is not echoed into a message)
    IF upper(btrim(coalesce(p_customer_no, ''))) !~ '^[0-9A-Z_]{1,16}-[0-9]{8,12}$' THEN
        RAISE EXCEPTION 'There is no such customer in this branch. Check the customer number.' USING ERRCODE = 'P0002';
    END IF;
    IF p_lock THEN
        RETURN lock_customer_in_reach(upper(btrim(coalesce(p_customer_no, ''))));
    END IF;
    SELECT * INTO c FROM customers WHERE branch = my_branch() AND customer_no = upper(btrim(coalesce(p_customer_no, '')));
    IF NOT FOUND THEN
        RAISE EXCEPTION 'There is no customer % in this branch. Check the customer number.', coalesce(p_customer_no, '')
            USING ERRCODE = 'P0002';
    END IF;
    IF NOT reads_customer(c) THEN
        IF c.restricted THEN
            RAISE EXCEPTION 'Customer % is restricted: only its own customer manager and the branch manager may act on '
                            'it.', c.customer_no USING ERRCODE = '42501';
        END IF;
        RAISE EXCEPTION 'Customer % is not one of your customers (any more). Ask its customer manager or the branch '
                        'manager.', c.customer_no USING ERRCODE = '42501';
    END IF;
    RETURN c;
END
$$;

-- A channel of CustomerCare::channels(), or 22023 naming the field.
CREATE FUNCTION branchvault.care_channel(p_channel text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    v text := lower(trimmed(p_channel));
BEGIN
    IF v NOT IN ('counter', 'phone', 'online', 'mobile_app', 'letter', 'other') THEN
        RAISE EXCEPTION 'field "channel": choose one of counter, phone, online, mobile_app, letter, other'
            USING ERRCODE = '22023';
    END IF;
    RETURN v;
END
$$;

-- Validators::looksLikeSecret: a password word then a password-like value (4+ characters, a digit among them), a
-- card-security word then 3 or 4 digits, a 6-digit number near a password word or a 3-digit number near a
-- card-security word; on the text folded NFKC (full-width colons and digits), case-insensitive.
CREATE FUNCTION branchvault.care_looks_like_secret(p_text text) RETURNS boolean
    LANGUAGE sql IMMUTABLE
    SET search_path = pg_catalog
    AS $$
    WITH w AS (
        SELECT '(?:密码|口令|验证码|动态码|(?<![A-Za-z])(?:pin|password|passwd|pwd|passcode)(?![A-Za-z])码?)' AS pw,
               '(?:安全码|(?<![A-Za-z])(?:cvv2?|cvc2?|cvn2?)(?![A-Za-z])码?)' AS cs,
               '\s*(?:(?:是|为|:|=|is(?![A-Za-z]))\s*)?' AS sep,
               normalize(coalesce(p_text, ''), NFKC) AS t)
    SELECT t ~* (pw || sep || '(?=[A-Za-z0-9!@#$%^&*._+-]*[0-9])[A-Za-z0-9!@#$%^&*._+-]{4,}')
        OR t ~* (cs || sep || '(?<![0-9])[0-9]{3,4}(?![0-9])')
        OR t ~* (pw || '.{0,12}?(?<![0-9])[0-9]{6}(?![0-9])')
        OR t ~* ('(?<![0-9])[0-9]{6}(?![0-9]).{0,12}?' || pw)
        OR t ~* (cs || '.{0,12}?(?<![0-9])[0-9]{3}(?![0-9])')
        OR t ~* ('(?<![0-9])[0-9]{3}(?![0-9]).{0,12}?' || cs)
    FROM w $$;

-- A grade-2 text (CareChecks' checkText): line ends made \n, trimmed, not empty, no control character but the line
-- end and the tab, at most 2000 characters, no ID, mobile or card number. 22023 naming p_field otherwise.
CREATE FUNCTION branchvault.care_text(p_field text, p_text text) RETURNS text
    LANGUAGE plpgsql IMMUTABLE
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    v       text := trimmed(replace(replace(coalesce(p_text, ''), E'\r\n', E'\n'), E'\r', E'\n'));
    problem text;
BEGIN
    IF v = '' THEN
        RAISE EXCEPTION 'field "%": the text is empty', p_field USING ERRCODE = '22023';
    END IF;
    IF v ~ '[\x01-\x08\x0b-\x1f\x7f-\x9f]' THEN
        RAISE EXCEPTION 'field "%": the text contains control characters', p_field USING ERRCODE = '22023';
    END IF;
    IF char_length(v) > 2000 THEN
        RAISE EXCEPTION 'field "%": the text has % characters; at most 2000 are kept', p_field, char_length(v)
            USING ERRCODE = '22023';
    END IF;
    IF care_looks_like_secret(v) THEN
        RAISE EXCEPTION 'field "%": the text looks like a PIN, CVV or password, which is never stored', p_field
            USING ERRCODE = '22023';
    END IF;
    problem := free_text_problem(v);
    IF problem IS NOT NULL THEN
        RAISE EXCEPTION 'field "%": the text holds % (grade 1); the workstation masks such numbers before it sends',
            p_field, problem USING ERRCODE = '22023';
    END IF;
    RETURN v;
END
$$;

-- The branch's date (UTC+8, as customer_assign) of a time.
CREATE FUNCTION branchvault.care_branch_date(p_at timestamptz) RETURNS date
    LANGUAGE sql IMMUTABLE
    SET search_path = pg_catalog
    AS $$ SELECT ((p_at AT TIME ZONE 'UTC') + interval '8 hours')::date $$;

-- A date an entry says something happened on (CareChecks' checkDate): not after the branch's today, not more than
-- 10 years before the customer's record was created. 22023 naming p_field otherwise.
CREATE FUNCTION branchvault.care_date(p_field text, p_date date, c branchvault.customers) RETURNS date
    LANGUAGE plpgsql STABLE
    SET search_path = branchvault, pg_temp
    AS $$
BEGIN
    IF p_date IS NULL THEN
        RAISE EXCEPTION 'field "%": enter a date', p_field USING ERRCODE = '22023';
    END IF;
    IF p_date > care_branch_date(now()) THEN
        RAISE EXCEPTION 'field "%": % is in the future (today is %)', p_field, p_date, care_branch_date(now())
            USING ERRCODE = '22023';
    END IF;
    IF p_date < (care_branch_date(c.created_at) - interval '10 years')::date THEN
        RAISE EXCEPTION 'field "%": % is more than 10 years before the customer''s record was created', p_field, p_date
            USING ERRCODE = '22023';
    END IF;
    RETURN p_date;
END
$$;

-- Services and complaints are recorded for an active or closed customer (CareChecks' requireServable).
CREATE FUNCTION branchvault.care_servable(c branchvault.customers) RETURNS void
    LANGUAGE plpgsql IMMUTABLE
    SET search_path = branchvault, pg_temp
    AS $$
BEGIN
    IF c.status = 'pending' THEN
        RAISE EXCEPTION 'Customer % is still waiting for the branch manager''s approval', c.customer_no
            USING ERRCODE = 'BV409';
    END IF;
    IF c.status NOT IN ('active', 'closed') THEN
        RAISE EXCEPTION 'Customer % is %; nothing more is recorded for it', c.customer_no, c.status
            USING ERRCODE = 'BV409';
    END IF;
END
$$;

-- ---- 3. Service records ----

-- p_client_token: the offline outbox entry's token (NULL at the counter); a record of the caller's with that token is
-- returned as it is (no second row, no second audit row).
CREATE FUNCTION branchvault.service_add(p_customer_no text, p_served_on date, p_channel text, p_content text,
                                        p_workstation text, p_client_token text DEFAULT NULL) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    c       customers%ROWTYPE := care_customer(p_customer_no, true);
    channel text := care_channel(p_channel);
    content text := care_text('content', p_content);
    v_id    bigint;
BEGIN
    IF p_client_token IS NOT NULL THEN
        SELECT s.id INTO v_id FROM service_records s
            WHERE s.client_token = p_client_token AND s.by_id = my_staff_id() AND s.customer_id = c.id;
        IF FOUND THEN
            RETURN v_id;
        END IF;
    END IF;
    PERFORM care_servable(c);
    PERFORM care_date('served_on', p_served_on, c);
    INSERT INTO service_records (branch, customer_id, served_on, channel, content, by_id, client_token)
        VALUES (c.branch, c.id, p_served_on, channel, content, my_staff_id(), p_client_token) RETURNING id INTO v_id;
    PERFORM audit_write(p_workstation, 'customer.service', 'service_record', v_id::text, c.customer_no, 'ok',
                        json_strip_nulls(json_build_object('action', 'add', 'channel', channel, 'served_on', p_served_on))::text);
    RETURN v_id;
END
$$;

-- A customer's service records, by date (local: CareRepository::services). Each read is recorded: customer.open
-- {part: service_records} (locally the card's opening covers it; here the records can be read without the card).
CREATE FUNCTION branchvault.service_page(p_customer_no text, p_workstation text)
    RETURNS TABLE (id bigint, served_on date, channel text, content text, by_login text, created_at timestamptz)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
#variable_conflict use_column
DECLARE
    c customers%ROWTYPE := care_customer(p_customer_no, false);
BEGIN
    PERFORM audit_write(p_workstation, 'customer.open', 'customer', c.id::text, c.customer_no, 'ok',
                        '{"part":"service_records"}');
    RETURN QUERY
        SELECT s.id, s.served_on, s.channel::text, s.content, st.login, s.created_at
        FROM service_records s JOIN staff st ON st.id = s.by_id
        WHERE s.customer_id = c.id
        ORDER BY s.served_on, s.id;
END
$$;

-- ---- 4. Complaints ----

-- A complaint received at p_received_at, due for investigation by p_investigate_by and for an answer by p_answer_by
-- (computed by the workstation; see the header). Audit row customer.complaint {action: add, status: open, channel}.
CREATE FUNCTION branchvault.complaint_add(p_customer_no text, p_received_at timestamptz, p_channel text,
                                          p_content text, p_investigate_by timestamptz, p_answer_by timestamptz,
                                          p_workstation text) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    c       customers%ROWTYPE := care_customer(p_customer_no, true);
    channel text := care_channel(p_channel);
    content text := care_text('content', p_content);
    v_id    bigint;
BEGIN
    PERFORM care_servable(c);
    IF p_received_at IS NULL THEN
        RAISE EXCEPTION 'field "received_at": enter when the complaint was received' USING ERRCODE = '22023';
    END IF;
    IF p_received_at > now() + interval '5 minutes' THEN
        RAISE EXCEPTION 'field "received_at": the receipt time lies in the future' USING ERRCODE = '22023';
    END IF;
    PERFORM care_date('received_at', care_branch_date(p_received_at), c);
    IF p_investigate_by IS NULL OR p_answer_by IS NULL OR p_investigate_by <= p_received_at
       OR p_answer_by < p_investigate_by OR p_answer_by > p_received_at + interval '14 days' THEN
        RAISE EXCEPTION 'field "due": the due dates must follow the receipt, the answer''s not before the '
                        'investigation''s, both within 14 days' USING ERRCODE = '22023';
    END IF;
    INSERT INTO complaints (branch, customer_id, received_at, channel, content, investigate_by, answer_by, recorded_by)
        VALUES (c.branch, c.id, p_received_at, channel, content, p_investigate_by, p_answer_by, my_staff_id())
        RETURNING id INTO v_id;
    PERFORM audit_write(p_workstation, 'customer.complaint', 'complaint', v_id::text, c.customer_no, 'ok',
                        json_strip_nulls(json_build_object('action', 'add', 'channel', channel, 'status', 'open'))::text);
    RETURN v_id;
END
$$;

-- Moves complaint p_id forward (local: CustomerCare::updateComplaint): to 'investigating' (no resolution yet),
-- 'answered' (with the resolution given to the customer) or 'closed' (after the answer, with a closing note). A
-- complaint only moves forward; the customer and the complaint are locked, so two workstations cannot both move it
-- (the second gets BV409 naming the status it found). Audit row customer.complaint {action: update, status, from}.
CREATE FUNCTION branchvault.complaint_update(p_id bigint, p_status text, p_resolution text, p_workstation text)
    RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    v_customer_no text;
    c             customers%ROWTYPE;
    k             complaints%ROWTYPE;
    target        text := lower(trimmed(p_status));
    text_in       text;
    ranks         text[] := ARRAY['open', 'investigating', 'answered', 'closed'];
BEGIN
    PERFORM care_refuse_unless_server();
    -- a complaint of a customer the caller does not read is "not there" (its id names no customer to a prober)
    SELECT cu.customer_no INTO v_customer_no FROM complaints k2 JOIN customers cu ON cu.id = k2.customer_id
        WHERE k2.id = p_id AND k2.branch = my_branch() AND reads_customer(cu);
    IF NOT FOUND THEN
        RAISE EXCEPTION 'There is no complaint % in this branch. Open the customer''s complaints and choose one.',
            coalesce(p_id::text, '') USING ERRCODE = 'P0002';
    END IF;
    c := care_customer(v_customer_no, true);
    IF c.status NOT IN ('active', 'closed') THEN
        RAISE EXCEPTION 'Customer % is %; its complaints can no longer be changed', c.customer_no, c.status
            USING ERRCODE = 'BV409';
    END IF;
    IF target NOT IN ('investigating', 'answered', 'closed') THEN
        RAISE EXCEPTION 'field "status": a complaint can be set to investigating, answered or closed'
            USING ERRCODE = '22023';
    END IF;
    IF target = 'investigating' THEN
        IF trimmed(p_resolution) <> '' THEN
            RAISE EXCEPTION 'field "resolution": a resolution is recorded when the complaint is answered'
                USING ERRCODE = '22023';
        END IF;
    ELSE
        text_in := care_text('resolution', p_resolution);
    END IF;
    SELECT * INTO k FROM complaints WHERE id = p_id FOR UPDATE;
    IF array_position(ranks, target) <= array_position(ranks, k.status) THEN
        RAISE EXCEPTION 'Complaint % is already %; a complaint only moves forward', p_id, k.status
            USING ERRCODE = 'BV409';
    END IF;
    IF target = 'closed' AND k.status <> 'answered' THEN
        RAISE EXCEPTION 'Complaint % was never answered; record the answer before closing it', p_id
            USING ERRCODE = 'BV409';
    END IF;
    IF target = 'investigating' THEN
        UPDATE complaints SET status = target, investigated_at = now(), handled_by = my_staff_id() WHERE id = p_id;
    ELSIF target = 'answered' THEN
        UPDATE complaints SET status = target, investigated_at = coalesce(investigated_at, now()), answered_at = now(),
                              resolution = text_in, handled_by = my_staff_id() WHERE id = p_id;
    ELSE
        UPDATE complaints SET status = target, resolution = text_in, handled_by = my_staff_id() WHERE id = p_id;
    END IF;
    PERFORM audit_write(p_workstation, 'customer.complaint', 'complaint', p_id::text, c.customer_no, 'ok',
                        json_strip_nulls(json_build_object('action', 'update', 'from', k.status, 'status', target))::text);
END
$$;

-- The row a complaint list returns.
CREATE TYPE branchvault.complaint_row AS (
    id bigint, customer_no text, received_at timestamptz, channel text, content text, status text,
    investigate_by timestamptz, answer_by timestamptz, investigated_at timestamptz, answered_at timestamptz,
    resolution text, recorded_by text);

-- A customer's complaints, by receipt; recorded as customer.open {part: complaints}.
CREATE FUNCTION branchvault.complaint_page(p_customer_no text, p_workstation text) RETURNS SETOF branchvault.complaint_row
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    c customers%ROWTYPE := care_customer(p_customer_no, false);
BEGIN
    PERFORM audit_write(p_workstation, 'customer.open', 'customer', c.id::text, c.customer_no, 'ok',
                        '{"part":"complaints"}');
    RETURN QUERY
        SELECT k.id, c.customer_no, k.received_at, k.channel::text, k.content, k.status, k.investigate_by, k.answer_by,
               k.investigated_at, k.answered_at, k.resolution, st.login
        FROM complaints k JOIN staff st ON st.id = k.recorded_by
        WHERE k.customer_id = c.id
        ORDER BY k.received_at, k.id;
END
$$;

-- The overdue complaints (CustomerCare::isOverdue: open or under investigation, past a deadline not met): a customer
-- manager's of the customers he or she is responsible for now, the branch manager's of the whole branch (customers
-- held: pending, active or closed, as locally), by investigation deadline. One read: customer.list {list: overdue_complaints, scope, count} with object type 'complaints', as locally.
CREATE FUNCTION branchvault.complaint_overdue(p_workstation text) RETURNS SETOF branchvault.complaint_row
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    v_role   text := my_role();
    v_me     bigint := my_staff_id();
    v_branch text := my_branch();
    n        integer;
BEGIN
    PERFORM care_refuse_unless_server();
    RETURN QUERY
        SELECT k.id, c.customer_no, k.received_at, k.channel::text, k.content, k.status, k.investigate_by, k.answer_by,
               k.investigated_at, k.answered_at, k.resolution, st.login
        FROM complaints k
        JOIN customers c ON c.id = k.customer_id
        JOIN staff st ON st.id = k.recorded_by
        WHERE k.branch = v_branch AND k.status IN ('open', 'investigating')
          AND ((k.investigated_at IS NULL AND now() > k.investigate_by) OR (k.answered_at IS NULL AND now() > k.answer_by))
          AND c.status IN ('pending', 'active', 'closed') AND reads_customer_as(c, v_role, v_me, v_branch)
        ORDER BY k.investigate_by, k.id;
    GET DIAGNOSTICS n = ROW_COUNT;
    PERFORM audit_write(p_workstation, 'customer.list', 'complaints', '', NULL, 'ok',
                        json_strip_nulls(json_build_object(
                            'count', n, 'list', 'overdue_complaints',
                            'scope', CASE WHEN v_role = 'manager' THEN 'branch' ELSE 'own' END))::text);
END
$$;

-- ---- 5. Consent ----

-- One consent entry (local: CustomerCare::recordConsent): given or withdrawn, to processing or to marketing, dated
-- p_on_date, for a pending or active customer (a closed one: a withdrawal only). Entries of a purpose are recorded in
-- the order they happened; a withdrawal needs a consent given; consent to marketing needs consent to processing given
-- on or before its date; withdrawing the processing consent withdraws a given marketing consent too (its own row,
-- cause processing_withdrawn). The customer is locked, so two entries cannot race. Audit rows customer.consent
-- {purpose, action[, cause]}. Returns the id of the entry asked for.
CREATE FUNCTION branchvault.consent_record(p_customer_no text, p_purpose text, p_action text, p_on_date date,
                                           p_channel text, p_workstation text) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    c          customers%ROWTYPE := care_customer(p_customer_no, true);
    what       text := lower(trimmed(p_purpose));
    act        text := lower(trimmed(p_action));
    channel    text;
    last_entry consents%ROWTYPE;
    processing consents%ROWTYPE;
    marketing  consents%ROWTYPE;
    v_id       bigint;
    v_cascade  bigint;
BEGIN
    IF what NOT IN ('processing', 'marketing') THEN
        RAISE EXCEPTION 'field "purpose": consent is recorded for processing or for marketing' USING ERRCODE = '22023';
    END IF;
    IF act NOT IN ('given', 'withdrawn') THEN
        RAISE EXCEPTION 'field "action": given or withdrawn' USING ERRCODE = '22023';
    END IF;
    IF NOT (c.status IN ('pending', 'active') OR (c.status = 'closed' AND act = 'withdrawn')) THEN
        RAISE EXCEPTION 'Customer % is %; %', c.customer_no, c.status,
            CASE WHEN c.status = 'closed' THEN 'a withdrawal can still be recorded, a new consent cannot'
                 ELSE 'nothing more is recorded for it' END USING ERRCODE = 'BV409';
    END IF;
    channel := care_channel(p_channel);
    PERFORM care_date('on_date', p_on_date, c);
    SELECT * INTO last_entry FROM consents WHERE customer_id = c.id AND purpose = what ORDER BY id DESC LIMIT 1;
    IF FOUND AND p_on_date < last_entry.on_date THEN
        RAISE EXCEPTION 'field "on_date": the last % consent entry of customer % is dated %; entries are recorded in '
                        'the order they happened', what, c.customer_no, last_entry.on_date USING ERRCODE = 'BV409';
    END IF;
    IF act = 'withdrawn' AND last_entry.action IS DISTINCT FROM 'given' THEN
        RAISE EXCEPTION 'field "action": customer % has no consent to % on record to withdraw', c.customer_no, what
            USING ERRCODE = 'BV409';
    END IF;
    IF what = 'marketing' AND act = 'given' THEN
        SELECT * INTO processing FROM consents WHERE customer_id = c.id AND purpose = 'processing'
            ORDER BY id DESC LIMIT 1;
        IF processing.action IS DISTINCT FROM 'given' OR processing.on_date > p_on_date THEN
            RAISE EXCEPTION 'field "purpose": consent to marketing needs the customer''s consent to processing first '
                            '(given on or before the same date)' USING ERRCODE = 'BV409';
        END IF;
    END IF;
    IF what = 'processing' AND act = 'withdrawn' THEN
        SELECT * INTO marketing FROM consents WHERE customer_id = c.id AND purpose = 'marketing'
            ORDER BY id DESC LIMIT 1;
        IF marketing.action = 'given' AND marketing.on_date > p_on_date THEN
            RAISE EXCEPTION 'field "on_date": the consent to marketing is dated %, after this withdrawal',
                marketing.on_date USING ERRCODE = 'BV409';
        END IF;
    END IF;
    INSERT INTO consents (branch, customer_id, purpose, action, on_date, channel, recorded_by)
        VALUES (c.branch, c.id, what, act, p_on_date, channel, my_staff_id()) RETURNING id INTO v_id;
    PERFORM audit_write(p_workstation, 'customer.consent', 'consent', v_id::text, c.customer_no, 'ok',
                        json_strip_nulls(json_build_object('action', act, 'purpose', what))::text);
    IF what = 'processing' AND act = 'withdrawn' AND marketing.action = 'given' THEN
        -- marketing without processing is meaningless: the customer's withdrawal covers it too
        INSERT INTO consents (branch, customer_id, purpose, action, on_date, channel, recorded_by)
            VALUES (c.branch, c.id, 'marketing', 'withdrawn', p_on_date, channel, my_staff_id())
            RETURNING id INTO v_cascade;
        PERFORM audit_write(p_workstation, 'customer.consent', 'consent', v_cascade::text, c.customer_no, 'ok',
                            json_strip_nulls(json_build_object('action', 'withdrawn', 'cause', 'processing_withdrawn',
                                                               'purpose', 'marketing'))::text);
    END IF;
    RETURN v_id;
END
$$;

-- A customer's consent history, by date; recorded as customer.open {part: consents}.
CREATE FUNCTION branchvault.consent_page(p_customer_no text, p_workstation text)
    RETURNS TABLE (id bigint, purpose text, action text, on_date date, channel text, recorded_by text,
                   recorded_at timestamptz)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
#variable_conflict use_column
DECLARE
    c customers%ROWTYPE := care_customer(p_customer_no, false);
BEGIN
    PERFORM audit_write(p_workstation, 'customer.open', 'customer', c.id::text, c.customer_no, 'ok',
                        '{"part":"consents"}');
    RETURN QUERY
        SELECT k.id, k.purpose, k.action, k.on_date, k.channel::text, st.login, k.recorded_at
        FROM consents k JOIN staff st ON st.id = k.recorded_by
        WHERE k.customer_id = c.id
        ORDER BY k.on_date, k.id;
END
$$;

-- ---- 6. The care rows are the server's own ----

-- Migration 14's list (which has migration 8's db.create and its own customer.rekey_mismatch) and the three care
-- actions.

CREATE OR REPLACE FUNCTION branchvault.audit_server_action(p_action text) RETURNS boolean
    LANGUAGE sql IMMUTABLE
    SET search_path = pg_catalog
    AS $$ SELECT a LIKE 'audit.%' OR a LIKE 'grant.%' OR a LIKE 'user.%' OR a LIKE 'settings.%'
                 OR (a LIKE 'request.%' AND a <> 'request.list')
                 OR a IN ('customer.create', 'customer.edit', 'customer.approve', 'customer.reject',
                          'customer.assign', 'customer.suspicious_clear', 'customer.reveal', 'customer.lookup',
                          'customer.rekey_mismatch', 'auth.password_change', 'db.create',
                          'customer.service', 'customer.complaint', 'customer.consent')
          FROM (SELECT lower(btrim(coalesce(p_action, ''))) AS a) AS s $$;

REVOKE ALL ON FUNCTION branchvault.care_refuse_unless_server(), branchvault.care_customer(text, boolean),
    branchvault.care_channel(text), branchvault.care_text(text, text), branchvault.care_looks_like_secret(text), branchvault.care_branch_date(timestamptz),
    branchvault.care_date(text, date, branchvault.customers), branchvault.care_servable(branchvault.customers),
    branchvault.consents_never_changed() FROM PUBLIC;
REVOKE ALL ON FUNCTION branchvault.service_add(text, date, text, text, text, text), branchvault.service_page(text, text),
    branchvault.complaint_add(text, timestamptz, text, text, timestamptz, timestamptz, text),
    branchvault.complaint_update(bigint, text, text, text), branchvault.complaint_page(text, text),
    branchvault.complaint_overdue(text), branchvault.consent_record(text, text, text, date, text, text),
    branchvault.consent_page(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION branchvault.service_add(text, date, text, text, text, text), branchvault.service_page(text, text),
    branchvault.complaint_add(text, timestamptz, text, text, timestamptz, timestamptz, text),
    branchvault.complaint_update(bigint, text, text, text), branchvault.complaint_page(text, text),
    branchvault.complaint_overdue(text), branchvault.consent_record(text, text, text, date, text, text),
    branchvault.consent_page(text, text) TO bv_manager, bv_customer_manager;

UPDATE branchvault.meta SET value = '17' WHERE key = 'schema_version';
