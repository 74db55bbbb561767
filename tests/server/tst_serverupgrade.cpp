// Upgrading a branch server set up by an earlier release (docs/SERVER.md, "Upgrading a branch server"; migration 27),
// on a real throwaway cluster with TLS (ServerBranch): a server set up with the migrations up to 24 — as the release
// whose last migration that was set it up, with its staff signed in — is brought to this release's schema by
// ServerSetup::upgrade as the database's owner:
// - a step the server refuses (here: a table of the same name in the way) leaves everything as it was: the schema
//   version, the calendar, the chain;
// - the missing migrations are applied in order, each once; the shipped calendar's years the server lacks are loaded,
//   a year the administrator imported is kept as imported; one system db.upgrade row names both versions, the years
//   and the owner, and the chain still verifies;
// - what the later migrations brought works at once (a draft is kept), and a second upgrade changes nothing;
// - a shipped year alone (a release without a new migration) is loaded and recorded;
// - a superuser, a wrong password and a server newer than the program are refused with nothing changed;
// - no staff member can write the upgrade's row, neither through upgrade_record nor as an appended db.* row.
// The command line's own checks (a database without a server; nothing to do) are in tst_serversetup.
#include "core/customers/rules/HolidayCalendar.h"
#include "core/drafts/DraftService.h"
#include "core/server/ServerDrafts.h"
#include "core/server/ServerSession.h"
#include "core/server/ServerSetup.h"
#include "tests/server/ServerBranch.h"

#include <QTest>

using namespace bv;
using namespace bv::test;

namespace {

constexpr int kOlderRelease = 24;

} // namespace

class TestServerUpgrade : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<ServerBranch> m_branch;

    QString sql(const QString& statement) const { return m_branch->sql(statement); }
    qint64 lastSeq() const { return sql(QStringLiteral("SELECT max(seq) FROM branchvault.audit_log")).toLongLong(); }
    QString schemaVersion() const
    {
        return sql(QStringLiteral("SELECT value FROM branchvault.meta WHERE key = 'schema_version'"));
    }
    // "year:source:dates" of every year the server's calendar covers
    QString calendar() const
    {
        return sql(QStringLiteral(
            "SELECT string_agg(y.year || ':' || y.source || ':' || (SELECT count(*) FROM branchvault.official_calendar "
            "c WHERE extract(year FROM c.day)::integer = y.year), ',' ORDER BY y.year) FROM "
            "branchvault.official_calendar_years y"));
    }
    Result<ServerSetup::Upgraded> upgradeAs(const QString& login, const QString& password)
    {
        return ServerSetup::upgrade(m_branch->store(), login, SecureBytes::copyOf(password.toUtf8()));
    }
    Result<ServerSetup::Upgraded> upgrade() { return upgradeAs(m_branch->owner(), ServerBranch::ownerPassword()); }
    static int lastMigration() { return int(ServerSetup::migrations().size()); }
    static int shippedDates(int year)
    {
        const OfficialCalendar& shipped = HolidayCalendar::shipped();
        int dates = 0;
        for (const QSet<QDate>* set : {&shipped.holidays, &shipped.workdays})
            for (const QDate& day : *set)
                dates += day.year() == year ? 1 : 0;
        return dates;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(lastMigration() > kOlderRelease);
        m_branch = std::make_unique<ServerBranch>(QStringLiteral("upgrade"));
        const QString problem = m_branch->setUp(kOlderRelease);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        for (const auto& [login, role] : {std::pair {"m1", Role::Manager}, std::pair {"c1", Role::CustomerManager},
                 std::pair {"k1", Role::Auditor}}) {
            const QString added = m_branch->addStaff(QLatin1String(login), role);
            QVERIFY2(added.isEmpty(), qPrintable(added));
        }
        QCOMPARE(schemaVersion(), QString::number(kOlderRelease));
        // The older release shipped a calendar without its last year, and the administrator imported the first year
        // (here: the import left out one holiday the shipped file has).
        const QList<int> years = [] {
            const QSet<int>& shipped = HolidayCalendar::shipped().years;
            QList<int> sorted(shipped.cbegin(), shipped.cend());
            std::sort(sorted.begin(), sorted.end());
            return sorted;
        }();
        QVERIFY(years.size() >= 2);
        m_first = years.first();
        m_last = years.last();
        QCOMPARE(sql(QStringLiteral("DELETE FROM branchvault.official_calendar WHERE extract(year FROM day) = %1; "
                                    "DELETE FROM branchvault.official_calendar_years WHERE year = %1; "
                                    "DELETE FROM branchvault.official_calendar WHERE day = (SELECT min(day) FROM "
                                    "branchvault.official_calendar WHERE extract(year FROM day) = %2 AND kind = "
                                    "'holiday'); "
                                    "UPDATE branchvault.official_calendar_years SET source = 'import' WHERE year = %2")
                         .arg(m_last)
                         .arg(m_first)),
            QString());
        m_calendarBefore = calendar();
        QVERIFY(
            m_calendarBefore.startsWith(QStringLiteral("%1:import:%2").arg(m_first).arg(shippedDates(m_first) - 1)));
        QVERIFY(!m_calendarBefore.contains(QStringLiteral("%1:").arg(m_last)));
    }

    // What a later migration brings is missing until the upgrade, and the workstation says so.
    void anOlderServerLacksWhatLaterMigrationsBring()
    {
        QCOMPARE(sql(QStringLiteral("SELECT to_regclass('branchvault.drafts') IS NULL")), QStringLiteral("t"));
        auto saved = ServerDrafts(m_branch->session(QStringLiteral("c1")))
                         .save(DraftForm::NewCustomer, QString(), QStringLiteral(R"({"version":1,"page":0})"));
        QVERIFY(!saved.ok());
        QCOMPARE(saved.error().code, ErrorCode::Database);
        QVERIFY2(saved.error().message.contains(QLatin1String("older than this workstation"))
                && saved.error().message.contains(QLatin1String("server upgrade")),
            qPrintable(saved.error().message));
    }

    // A superuser, a wrong password and a step the server refuses: nothing changes.
    void aRefusedUpgradeChangesNothing()
    {
        const qint64 seq = lastSeq();
        auto superuser = upgradeAs(qEnvironmentVariable("PGUSER"), qEnvironmentVariable("PGPASSWORD"));
        QVERIFY(!superuser.ok());
        QCOMPARE(superuser.error().code, ErrorCode::PermissionDenied);
        QVERIFY2(superuser.error().message.contains(QLatin1String("superuser")), qPrintable(superuser.error().message));
        auto wrong = upgradeAs(m_branch->owner(), QStringLiteral("not-the-password"));
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.error().code, ErrorCode::AuthenticationFailed);

        // migration 25 creates branchvault.drafts: a table of that name in the way makes the server refuse the step
        QCOMPARE(sql(QStringLiteral("CREATE TABLE branchvault.drafts (x integer); ALTER TABLE branchvault.drafts OWNER "
                                    "TO %1")
                         .arg(m_branch->owner())),
            QString());
        auto refused = upgrade();
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::Database);
        QVERIFY2(refused.error().message.contains(QLatin1String("025_drafts.sql"))
                && refused.error().message.contains(QLatin1String("nothing was changed")),
            qPrintable(refused.error().message));
        QCOMPARE(schemaVersion(), QString::number(kOlderRelease));
        QCOMPARE(calendar(), m_calendarBefore);
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM branchvault.audit_server_actions WHERE action = "
                                    "'db.upgrade'")),
            QStringLiteral("0"));
        QCOMPARE(lastSeq(), seq);
        QCOMPARE(sql(QStringLiteral("DROP TABLE branchvault.drafts")), QString());
    }

    // The upgrade applies 25, 26, … in order, loads the missing shipped year, keeps the imported one, and records
    // itself; the chain verifies, and drafts work at once.
    void theUpgradeAppliesTheMissingMigrationsOnce()
    {
        const qint64 seq = lastSeq();
        auto done = upgrade();
        QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : done.error().message + done.error().detail));
        QCOMPARE(done->from, kOlderRelease);
        QCOMPARE(done->to, lastMigration());
        QCOMPARE(done->applied, ServerSetup::migrations().mid(kOlderRelease));
        QCOMPARE(done->calendarYears, QList<int> {m_last});
        const QString databaseId = sql(QStringLiteral("SELECT value FROM branchvault.meta WHERE key = 'database_id'"));
        QCOMPARE(done->databaseId, databaseId);
        QCOMPARE(schemaVersion(), QString::number(lastMigration()));

        // the imported year as the administrator left it; the missing year as the program ships it
        QVERIFY2(calendar().endsWith(QStringLiteral("%1:shipped:%2").arg(m_last).arg(shippedDates(m_last))),
            qPrintable(calendar()));
        QVERIFY(calendar().startsWith(QStringLiteral("%1:import:%2").arg(m_first).arg(shippedDates(m_first) - 1)));

        QCOMPARE(sql(QStringLiteral("SELECT string_agg(login || '|' || role || '|' || action || '|' || object_type || "
                                    "'|' || object_id || '|' || outcome || '|' || details, E'\\n' ORDER BY seq) FROM "
                                    "branchvault.audit_log WHERE seq > %1")
                         .arg(seq)),
            QStringLiteral("system|system|db.upgrade|database|%1|ok|{\"calendarYears\":[%2],\"certificate\":\"/O="
                           "BranchVault/CN=ws01\",\"from\":%3,\"owner\":\"%4\",\"to\":%5}")
                .arg(databaseId)
                .arg(m_last)
                .arg(kOlderRelease)
                .arg(m_branch->owner())
                .arg(lastMigration()));

        auto verified = m_branch->session(QStringLiteral("k1")).verifyAudit();
        QVERIFY2(verified.ok(), qPrintable(verified.ok() ? QString() : verified.error().message));
        QVERIFY2(verified->verification.ok(), qPrintable(verified->verification.problem));

        // what migration 25 brought, for the customer manager signed in before the upgrade
        auto saved = ServerDrafts(m_branch->session(QStringLiteral("c1")))
                         .save(DraftForm::NewCustomer, QString(), QStringLiteral(R"({"version":1,"page":0})"));
        QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().message));

        // nothing left to do: nothing changes, nothing is recorded
        const qint64 after = lastSeq();
        auto again = upgrade();
        QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().message));
        QCOMPARE(again->from, lastMigration());
        QCOMPARE(again->to, lastMigration());
        QVERIFY(again->applied.isEmpty());
        QVERIFY(again->calendarYears.isEmpty());
        QCOMPARE(lastSeq(), after);
    }

    // A release that ships a new calendar year without a new migration: the upgrade loads the year and records it
    // (from = to).
    void aNewShippedYearAloneIsLoadedAndRecorded()
    {
        QCOMPARE(sql(QStringLiteral("DELETE FROM branchvault.official_calendar WHERE extract(year FROM day) = %1; "
                                    "DELETE FROM branchvault.official_calendar_years WHERE year = %1")
                         .arg(m_last)),
            QString());
        const qint64 seq = lastSeq();
        auto done = upgrade();
        QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : done.error().message));
        QCOMPARE(done->from, lastMigration());
        QCOMPARE(done->to, lastMigration());
        QVERIFY(done->applied.isEmpty());
        QCOMPARE(done->calendarYears, QList<int> {m_last});
        QVERIFY2(calendar().endsWith(QStringLiteral("%1:shipped:%2").arg(m_last).arg(shippedDates(m_last))),
            qPrintable(calendar()));
        QCOMPARE(
            sql(QStringLiteral("SELECT action || '|' || details FROM branchvault.audit_log WHERE seq > %1").arg(seq)),
            QStringLiteral("db.upgrade|{\"calendarYears\":[%1],\"certificate\":\"/O=BranchVault/CN=ws01\",\"from\":%2,"
                           "\"owner\":\"%3\",\"to\":%2}")
                .arg(m_last)
                .arg(lastMigration())
                .arg(m_branch->owner()));
    }

    // A server a newer release upgraded is left to that release.
    void aNewerServerIsLeftAsItIs()
    {
        const qint64 seq = lastSeq();
        QCOMPARE(sql(QStringLiteral("UPDATE branchvault.meta SET value = '%1' WHERE key = 'schema_version'")
                         .arg(lastMigration() + 1)),
            QString());
        auto newer = upgrade();
        QVERIFY(!newer.ok());
        QCOMPARE(newer.error().code, ErrorCode::SchemaTooNew);
        QVERIFY2(
            newer.error().message.contains(QString::number(lastMigration() + 1)), qPrintable(newer.error().message));
        QCOMPARE(schemaVersion(), QString::number(lastMigration() + 1));
        QCOMPARE(lastSeq(), seq);
        QCOMPARE(sql(QStringLiteral("UPDATE branchvault.meta SET value = '%1' WHERE key = 'schema_version'")
                         .arg(lastMigration())),
            QString());
    }

    // The upgrade's row is the server's: no staff member writes it, by the owner's function or as an appended row of
    // any db.* action.
    void noStaffMemberWritesTheUpgradeRow()
    {
        const qint64 seq = lastSeq();
        for (const char* login : {"a1", "m1", "c1", "k1"}) {
            const QString record = m_branch->sqlAs(
                QLatin1String(login), QStringLiteral("SELECT branchvault.upgrade_record(%1, 'ws')").arg(kOlderRelease));
            QVERIFY2(record.contains(QLatin1String("42501")), qPrintable(QLatin1String(login) + record));
            const QString appended = m_branch->sqlAs(QLatin1String(login),
                QStringLiteral(
                    "SELECT branchvault.audit_append('ws', 'db.upgrade', 'database', 'x', NULL, 'ok', '{}')"));
            QVERIFY2(appended.contains(QLatin1String("42501")), qPrintable(QLatin1String(login) + appended));
        }
        QCOMPARE(lastSeq(), seq);
    }

private:
    int m_first = 0;
    int m_last = 0;
    QString m_calendarBefore;
};

QTEST_GUILESS_MAIN(TestServerUpgrade)
#include "tst_serverupgrade.moc"
