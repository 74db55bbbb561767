-- BranchVault branch server (docs/SERVER.md), migration 26: a complaint's due dates say when they ran into a year
-- the official calendar does not cover.
--
-- complaint_due counts only the weekends of a year the server's official calendar does not cover (as local mode
-- does), and nothing said so: a complaint received in late December, answered in January of a year whose holidays
-- and make-up working days are not published yet, had due dates that could be a day or more off, shown as if exact.
-- The workstation now reads the years the calendar covers in the same statement as complaint_add and tells the person
-- who recorded the complaint which years were counted without their official days (ServerCare::addComplaint,
-- WorkingCalendar::uncoveredYears).
--
--   calendar_years()
--       the years the server's calendar covers, ascending: now for every active staff account that records
--       complaints too (branch manager, customer manager), not only the administrator. The years are no secret:
--       they are the shipped and imported calendar's, the same on every branch server of the same release.

CREATE OR REPLACE FUNCTION branchvault.calendar_years() RETURNS integer[]
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = branchvault, pg_temp
    AS $$ SELECT CASE WHEN my_role() IN ('admin', 'manager', 'customer_manager')
                      THEN coalesce((SELECT array_agg(year ORDER BY year) FROM official_calendar_years), '{}')
                 END $$;

GRANT EXECUTE ON FUNCTION branchvault.calendar_years() TO bv_manager, bv_customer_manager;

UPDATE branchvault.meta SET value = '26' WHERE key = 'schema_version';
