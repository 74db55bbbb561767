-- BranchVault branch server (docs/SERVER.md), migration 21: the server computes a complaint's due dates itself.
--
-- Migration 17 took the two due dates from the workstation (WorkingCalendar::complaintDeadlines) and only bounded
-- them (after the receipt, within 14 days), because the server did not hold the official holiday calendar: a modified
-- client could move a complaint's deadlines up to two weeks later and keep it off the overdue list. Now:
--
--   official_calendar        the State Council's holidays and make-up working days (HolidayCalendar::shipped), one
--                            row per date, and the years they cover; loaded by `server init` from the calendar the
--                            program ships (calendar_seed, the owner's), a newer year imported by the administrator
--                            (calendar_import, audited calendar.import, as SettingsService::importCalendar).
--   complaint_due            1 and 2 working days after the receipt, to the end of that day in branch time (UTC+8),
--                            with the official calendar and the branch's complaint.holidays and
--                            complaint.extra_working_days settings combined as WorkingCalendar::combined does.
--   complaint_add            no longer takes due dates: it computes them and returns them with the complaint's id.
--
-- A year the calendar does not cover counts its weekends only, as locally (WorkingCalendar without that year's rows).
--
-- Also here: the actions only the server writes are a table (audit_server_actions) instead of a function each
-- migration restated; calendar.import joins them.

-- ---- 1. The official calendar ----

CREATE TABLE branchvault.official_calendar (
    day  date PRIMARY KEY CHECK (extract(year FROM day) BETWEEN 2000 AND 2099),
    kind text NOT NULL CHECK (kind IN ('holiday', 'workday')),
    CHECK (kind = 'holiday' OR extract(isodow FROM day) >= 6)
);
-- The years the calendar covers, where each came from, and who imported it (NULL: `server init`).
CREATE TABLE branchvault.official_calendar_years (
    year      integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2099),
    source    text NOT NULL CHECK (source IN ('shipped', 'import')),
    loaded_at timestamptz NOT NULL DEFAULT now(),
    loaded_by bigint REFERENCES branchvault.staff (id)
);
ALTER TABLE branchvault.official_calendar ENABLE ROW LEVEL SECURITY;
ALTER TABLE branchvault.official_calendar_years ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON branchvault.official_calendar, branchvault.official_calendar_years FROM PUBLIC;

-- Stores the years p_years with their dates (p_days, of kind p_kinds: 'holiday' or 'workday'), replacing what the
-- calendar held for those years; with p_only_new, a year already held is kept as it is (the shipped calendar never
-- replaces an import). The workstation checked the file line by line (HolidayCalendar::parse); this is for a modified
-- client: 22023 naming what is wrong. Imports are serialised. Returns the years stored, ascending.
CREATE FUNCTION branchvault.calendar_put(p_years integer[], p_days date[], p_kinds text[], p_source text,
                                         p_only_new boolean) RETURNS integer[]
    LANGUAGE plpgsql
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    stored integer[] := '{}';
    y      integer;
BEGIN
    IF p_years IS NULL OR cardinality(p_years) = 0 OR array_position(p_years, NULL) IS NOT NULL THEN
        RAISE EXCEPTION 'calendar: name the years the file covers' USING ERRCODE = '22023';
    END IF;
    IF p_days IS NULL OR p_kinds IS NULL OR cardinality(p_days) <> cardinality(p_kinds) OR cardinality(p_days) = 0
       OR array_position(p_days, NULL) IS NOT NULL THEN
        RAISE EXCEPTION 'calendar: one kind for every date, and at least one date' USING ERRCODE = '22023';
    END IF;
    IF cardinality(p_years) > 100 OR cardinality(p_days) > 100 * 366 THEN
        RAISE EXCEPTION 'calendar: at most the 100 years 2000 to 2099, each date once' USING ERRCODE = '22023';
    END IF;
    IF EXISTS (SELECT 1 FROM unnest(p_years) u WHERE u NOT BETWEEN 2000 AND 2099) THEN
        RAISE EXCEPTION 'calendar: the years 2000 to 2099 only' USING ERRCODE = '22023';
    END IF;
    IF (SELECT count(DISTINCT d) FROM unnest(p_days) d) <> cardinality(p_days) THEN
        RAISE EXCEPTION 'calendar: a date is listed twice' USING ERRCODE = '22023';
    END IF;
    IF EXISTS (SELECT 1 FROM unnest(p_days) d WHERE extract(year FROM d)::integer <> ALL (p_years)) THEN
        RAISE EXCEPTION 'calendar: a date lies outside the years named' USING ERRCODE = '22023';
    END IF;
    IF EXISTS (SELECT 1 FROM (SELECT DISTINCT u FROM unnest(p_years) u) y WHERE NOT EXISTS (
                   SELECT 1 FROM unnest(p_days) d WHERE extract(year FROM d)::integer = y.u)) THEN
        RAISE EXCEPTION 'calendar: a year named has no dates' USING ERRCODE = '22023';
    END IF;
    IF EXISTS (SELECT 1 FROM unnest(p_kinds) k WHERE k IS NULL OR k NOT IN ('holiday', 'workday')) THEN
        RAISE EXCEPTION 'calendar: a kind is neither holiday nor workday' USING ERRCODE = '22023';
    END IF;
    IF EXISTS (SELECT 1 FROM unnest(p_days, p_kinds) AS t(d, k) WHERE k = 'workday' AND extract(isodow FROM d) < 6)
    THEN
        RAISE EXCEPTION 'calendar: a make-up working day (workday) is a Saturday or Sunday' USING ERRCODE = '22023';
    END IF;
    LOCK TABLE official_calendar_years IN EXCLUSIVE MODE;
    FOR y IN SELECT DISTINCT u FROM unnest(p_years) u ORDER BY u LOOP
        IF p_only_new AND EXISTS (SELECT 1 FROM official_calendar_years o WHERE o.year = y) THEN
            CONTINUE;
        END IF;
        DELETE FROM official_calendar WHERE extract(year FROM day)::integer = y;
        INSERT INTO official_calendar (day, kind)
            SELECT d, k FROM unnest(p_days, p_kinds) AS t(d, k) WHERE extract(year FROM d)::integer = y;
        INSERT INTO official_calendar_years (year, source, loaded_at, loaded_by)
            VALUES (y, p_source, now(), my_staff_id())
            ON CONFLICT (year) DO UPDATE SET source = excluded.source, loaded_at = excluded.loaded_at,
                                             loaded_by = excluded.loaded_by;
        stored := stored || y;
    END LOOP;
    RETURN stored;
END
$$;

-- `server init` loads the calendar the program ships (the database's owner, in the set-up's transaction; no staff
-- role may call it). Years already held are kept.
CREATE FUNCTION branchvault.calendar_seed(p_years integer[], p_days date[], p_kinds text[]) RETURNS integer[]
    LANGUAGE sql
    SET search_path = branchvault, pg_temp
    AS $$ SELECT calendar_put(p_years, p_days, p_kinds, 'shipped', true) $$;

-- The administrator imports a newer official calendar (SettingsService::importCalendar): the years of the file
-- replace those years. calendar.import {years, holidays, workdays} on object settings/calendar.official, as locally.
CREATE FUNCTION branchvault.calendar_import(p_years integer[], p_days date[], p_kinds text[], p_workstation text)
    RETURNS integer[]
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    stored integer[];
BEGIN
    IF my_role() IS DISTINCT FROM 'admin' THEN
        RAISE EXCEPTION 'only an active administrator imports the official calendar' USING ERRCODE = '42501';
    END IF;
    stored := calendar_put(p_years, p_days, p_kinds, 'import', false);
    PERFORM audit_write(p_workstation, 'calendar.import', 'settings', 'calendar.official', NULL, 'ok',
                        json_strip_nulls(json_build_object(
                            'holidays', (SELECT count(*) FROM unnest(p_kinds) k WHERE k = 'holiday'),
                            'workdays', (SELECT count(*) FROM unnest(p_kinds) k WHERE k = 'workday'),
                            'years', to_json(stored)))::text);
    RETURN stored;
END
$$;

-- A file the administrator's workstation refused (HolidayCalendar::parse found problems): on record as locally,
-- calendar.import failed {problems: n} — the count, never the file's text.
CREATE FUNCTION branchvault.calendar_import_refused(p_problems integer, p_workstation text) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
BEGIN
    IF my_role() IS DISTINCT FROM 'admin' THEN
        RAISE EXCEPTION 'only an active administrator imports the official calendar' USING ERRCODE = '42501';
    END IF;
    IF p_problems IS NULL OR p_problems < 1 THEN
        RAISE EXCEPTION 'calendar: a refused file has at least one problem' USING ERRCODE = '22023';
    END IF;
    RETURN audit_write(p_workstation, 'calendar.import', 'settings', 'calendar.official', NULL, 'failed',
                       json_strip_nulls(json_build_object('problems', p_problems))::text);
END
$$;

-- The years the server's calendar covers, ascending (the administrator's "known years").
CREATE FUNCTION branchvault.calendar_years() RETURNS integer[]
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$ SELECT CASE WHEN my_role() = 'admin'
                      THEN coalesce((SELECT array_agg(year ORDER BY year) FROM official_calendar_years), '{}')
                 END $$;

-- ---- 2. Working days and due dates ----

-- Whether p_day is a working day of p_branch (WorkingCalendar::combined, then isWorkingDay): the branch's make-up
-- working days and the official ones it did not declare holidays count as working; then the branch's holidays and
-- the official ones it did not declare working days do not; then Monday to Friday.
CREATE FUNCTION branchvault.branch_working_day(p_day date, p_holidays date[], p_extra date[]) RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path = branchvault, pg_temp
    AS $$
    SELECT CASE
        WHEN p_day = ANY (p_extra) THEN true
        WHEN p_day <> ALL (p_holidays)
             AND EXISTS (SELECT 1 FROM official_calendar o WHERE o.day = p_day AND o.kind = 'workday') THEN true
        WHEN p_day = ANY (p_holidays) THEN false
        WHEN EXISTS (SELECT 1 FROM official_calendar o WHERE o.day = p_day AND o.kind = 'holiday') THEN false
        ELSE extract(isodow FROM p_day) < 6
    END $$;

-- A complaint received at p_received in p_branch is due for investigation at the end (23:59:59.999, branch time) of
-- the first working day after the day of its receipt, and for an answer at the end of the second
-- (WorkingCalendar::dueUtc with kComplaintInvestigateDays 1 and kComplaintAnswerDays 2). Unlike local mode it refuses
-- a calendar that leaves no two working days within 30 days (22023): an administrator's import or setting that
-- declares weeks of holidays would otherwise push every new complaint's deadlines out unnoticed.
CREATE FUNCTION branchvault.complaint_due(p_received timestamptz, p_branch text,
                                          OUT investigate_by timestamptz, OUT answer_by timestamptz)
    LANGUAGE plpgsql STABLE
    SET search_path = branchvault, pg_temp
    AS $$
DECLARE
    holidays date[] := parse_date_list('complaint.holidays', coalesce(
        (SELECT s.value FROM settings s WHERE s.branch = p_branch AND s.key = 'complaint.holidays'), ''));
    extra    date[] := parse_date_list('complaint.extra_working_days', coalesce(
        (SELECT s.value FROM settings s WHERE s.branch = p_branch AND s.key = 'complaint.extra_working_days'), ''));
    day      date := care_branch_date(p_received);
    counted  integer := 0;
BEGIN
    IF p_received IS NULL THEN
        RAISE EXCEPTION 'field "received_at": enter when the complaint was received' USING ERRCODE = '22023';
    END IF;
    -- a calendar that puts the answer more than 30 days after the receipt is wrong (the longest official holiday run
    -- is 8 days): refused loudly rather than hiding the complaint from the overdue list for weeks
    WHILE counted < 2 LOOP
        day := day + 1;
        IF day > care_branch_date(p_received) + 30 THEN
            RAISE EXCEPTION 'calendar: the branch''s holidays leave no two working days within 30 days of %; ask the '
                            'administrator to correct the holiday settings or the official calendar',
                            care_branch_date(p_received) USING ERRCODE = '22023';
        END IF;
        IF branch_working_day(day, holidays, extra) THEN
            counted := counted + 1;
            IF counted = 1 THEN
                investigate_by := ((day::timestamp + time '23:59:59.999') - interval '8 hours') AT TIME ZONE 'UTC';
            END IF;
        END IF;
    END LOOP;
    answer_by := ((day::timestamp + time '23:59:59.999') - interval '8 hours') AT TIME ZONE 'UTC';
END
$$;

-- ---- 3. complaint_add without the workstation's due dates ----

DROP FUNCTION branchvault.complaint_add(text, timestamptz, text, text, timestamptz, timestamptz, text);

-- A complaint received at p_received_at (migration 17's checks), due as complaint_due computes. Audit row
-- customer.complaint {action: add, status: open, channel}. Returns its id and the two due dates.
CREATE FUNCTION branchvault.complaint_add(p_customer_no text, p_received_at timestamptz, p_channel text,
                                          p_content text, p_workstation text)
    RETURNS TABLE (id bigint, investigate_by timestamptz, answer_by timestamptz)
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$
#variable_conflict use_column
DECLARE
    c       customers%ROWTYPE := care_customer(p_customer_no, true);
    channel text := care_channel(p_channel);
    content text := care_text('content', p_content);
    due     record;
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
    SELECT * INTO due FROM complaint_due(p_received_at, c.branch);
    INSERT INTO complaints (branch, customer_id, received_at, channel, content, investigate_by, answer_by, recorded_by)
        VALUES (c.branch, c.id, p_received_at, channel, content, due.investigate_by, due.answer_by, my_staff_id())
        RETURNING complaints.id INTO v_id;
    PERFORM audit_write(p_workstation, 'customer.complaint', 'complaint', v_id::text, c.customer_no, 'ok',
                        json_strip_nulls(json_build_object('action', 'add', 'channel', channel, 'status', 'open'))::text);
    RETURN QUERY SELECT v_id, due.investigate_by, due.answer_by;
END
$$;

-- ---- 4. The actions only the server writes, as a table ----

-- Migrations 6, 8, 17 and 19 each restated audit_server_action with one more action. Now a later migration adds a
-- row. kind 'prefix': every action starting with the text; 'exact': the action itself.
CREATE TABLE branchvault.audit_server_actions (
    action text PRIMARY KEY CHECK (action = lower(btrim(action)) AND action <> ''),
    kind   text NOT NULL CHECK (kind IN ('exact', 'prefix'))
);
ALTER TABLE branchvault.audit_server_actions ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON branchvault.audit_server_actions FROM PUBLIC;
INSERT INTO branchvault.audit_server_actions (action, kind) VALUES
    ('audit.', 'prefix'), ('grant.', 'prefix'), ('user.', 'prefix'), ('settings.', 'prefix'),
    ('request.', 'prefix'),
    ('customer.create', 'exact'), ('customer.edit', 'exact'), ('customer.approve', 'exact'),
    ('customer.reject', 'exact'), ('customer.assign', 'exact'), ('customer.suspicious_clear', 'exact'),
    ('customer.reveal', 'exact'), ('customer.lookup', 'exact'), ('customer.rekey_mismatch', 'exact'),
    ('auth.password_change', 'exact'), ('db.create', 'exact'), ('customer.service', 'exact'),
    ('customer.complaint', 'exact'), ('customer.consent', 'exact'), ('customer.tier_confirm', 'exact'),
    ('calendar.import', 'exact');

-- Compared trimmed and lower-cased, as before; request.list (a read the workstation records itself) stays
-- appendable.
CREATE OR REPLACE FUNCTION branchvault.audit_server_action(p_action text) RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path = branchvault, pg_temp
    AS $$ SELECT a <> 'request.list' AND EXISTS (
                     SELECT 1 FROM audit_server_actions s
                     WHERE (s.kind = 'exact' AND s.action = a)
                        OR (s.kind = 'prefix' AND left(a, char_length(s.action)) = s.action))
          FROM (SELECT lower(btrim(coalesce(p_action, ''))) AS a) AS s $$;

REVOKE ALL ON FUNCTION branchvault.calendar_put(integer[], date[], text[], text, boolean),
    branchvault.calendar_seed(integer[], date[], text[]),
    branchvault.calendar_import(integer[], date[], text[], text), branchvault.calendar_import_refused(integer, text),
    branchvault.calendar_years(), branchvault.branch_working_day(date, date[], date[]),
    branchvault.complaint_due(timestamptz, text),
    branchvault.complaint_add(text, timestamptz, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION branchvault.calendar_import(integer[], date[], text[], text),
    branchvault.calendar_import_refused(integer, text), branchvault.calendar_years() TO bv_admin;
GRANT EXECUTE ON FUNCTION branchvault.complaint_add(text, timestamptz, text, text, text)
    TO bv_manager, bv_customer_manager;

UPDATE branchvault.meta SET value = '21' WHERE key = 'schema_version';
