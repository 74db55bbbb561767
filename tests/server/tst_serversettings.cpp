// Issue 15, the branch's settings on the server (migration 5): the same keys, defaults and limits as local mode —
// compared here with the program's own list (SettingsService::specs) and, value by value, with its own validation
// (SettingsService::validate), so the two cannot drift apart. Every active staff member of the branch reads them;
// only the administrator writes them, through the function that validates (unknown keys, the mask floors that cannot
// be configured away, ranges) and writes the settings.change audit row.
#include "core/policy/SettingsService.h"
#include "tests/testsupport/ServerDatabase.h"

#include <QTest>

#include <memory>

using namespace bv;
using namespace bv::test;

class TestServerSettings : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<ServerDatabase> m_db;
    using Psql = ServerDatabase::Psql;

    QString as(const char* login) const { return m_db->roleOf(QLatin1String(login)); }

    static QString quoted(const QString& text)
    {
        return QLatin1Char('\'') + QString(text).replace(QLatin1Char('\''), QStringLiteral("''")) + QLatin1Char('\'');
    }

    Psql call(const QString& sql, const char* login = nullptr)
    {
        return m_db->verbose(sql, login ? as(login) : QString());
    }

    Psql set(const QString& key, const QString& value, const char* login = "a1")
    {
        return call(
            QStringLiteral("SELECT branchvault.settings_set(%1, %2, 'ws-admin')").arg(quoted(key), quoted(value)),
            login);
    }

    static bool refused(const Psql& r, const char* sqlState) { return ServerDatabase::refusedWith(r, sqlState); }

    QString settingsSeenBy(const char* login)
    {
        const Psql r = call(QStringLiteral("SELECT string_agg(key || '=' || value, ',' ORDER BY key COLLATE \"C\") "
                                           "FROM branchvault.settings"),
            login);
        return r.ok() ? r.out.trimmed() : QStringLiteral("<refused>");
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(ServerDatabase::environmentProblem().isEmpty(), qPrintable(ServerDatabase::environmentProblem()));
        m_db = std::make_unique<ServerDatabase>(QStringLiteral("settings"));
        const QString problem = m_db->setUp(5);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const std::pair<const char*, const char*> staff[]
            = {{"a1", "admin"}, {"m1", "manager"}, {"cm1", "customer_manager"}, {"k1", "clerk"}, {"au1", "auditor"}};
        for (const auto& [login, role] : staff)
            QVERIFY(m_db->addStaff(QLatin1String(login), QLatin1String(role), QStringLiteral("B001")) > 0);
        QVERIFY(m_db->addStaff(QStringLiteral("a9"), QStringLiteral("admin"), QStringLiteral("B002")) > 0);
        QVERIFY(m_db->addStaff(QStringLiteral("m9"), QStringLiteral("manager"), QStringLiteral("B002")) > 0);
        // a customer manager whose login role was wrongly left in the administrators' group
        QVERIFY(m_db->addStaff(QStringLiteral("cm3"), QStringLiteral("customer_manager"), QStringLiteral("B001")) > 0);
        QVERIFY(m_db->psql(QStringLiteral("GRANT bv_admin TO %1").arg(as("cm3"))).ok());
    }

    void cleanupTestCase() { m_db.reset(); }

    // The server's list of settings is the program's: keys, types, defaults, floors and ceilings.
    void theServerKnowsTheSameSettings()
    {
        QStringList expected;
        for (const SettingSpec& spec : SettingsService::specs()) {
            const char* type = spec.type == SettingSpec::Type::Integer ? "integer"
                : spec.type == SettingSpec::Type::Boolean              ? "boolean"
                : spec.type == SettingSpec::Type::Text                 ? "text"
                                                                       : "date_list";
            expected << QStringLiteral("%1|%2|%3|%4|%5")
                            .arg(spec.key, QLatin1String(type), spec.defaultValue.toString())
                            .arg(spec.minimum)
                            .arg(spec.maximum);
        }
        std::sort(expected.begin(), expected.end());
        const Psql r = call(QStringLiteral("SELECT key, type, default_value, minimum, maximum FROM "
                                           "branchvault.setting_spec ORDER BY key COLLATE \"C\""));
        QVERIFY2(r.ok(), qPrintable(r.err));
        QCOMPARE(r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts), expected);
    }

    // Value by value, the server accepts what SettingsService::validate accepts, stores it in the same form, and
    // refuses what it refuses (22023).
    void theServerValidatesAsLocalModeDoes_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("text");
        const auto row = [](const char* key, const QString& text) {
            QTest::addRow("%s=%s", key, qPrintable(QString(text).replace(QLatin1Char('\n'), QStringLiteral("\\n"))))
                << QString::fromLatin1(key) << text;
        };
        for (const char* text :
            {"5", "3", "10", "2", "11", " 7 ", "+7", "-3", "7.0", "abc", "", "07", "99999999999999999999"})
            row("auth.lockout.attempts", QString::fromLatin1(text));
        for (const char* text : {"179", "180", "3650", "3651"})
            row("audit.retention_days", QString::fromLatin1(text));
        for (const char* text : {"1000000000000", "1000000000001", "0"})
            row("customer.tier.gold_cny", QString::fromLatin1(text));
        // every mask width: 0, its floor, one more than its floor, negative
        for (QLatin1StringView key : MaskSettings::keys()) {
            const int max = MaskSettings::maximum(key);
            for (int value : {0, max, max + 1, -1})
                row(QByteArray(key.data(), key.size()).constData(), QString::number(value));
        }
        for (const char* text : {"true", "yes", "1", "false", "no", "0", "TRUE", "maybe", ""})
            row("auth.totp.required_for_privileged", QString::fromLatin1(text));
        for (const QString& text : {QStringLiteral("0001"), QStringLiteral(" b12 "), QStringLiteral("B-1"),
                 QStringLiteral("ABCDEFGHIJKLM"), QString(), QStringLiteral("分行"), QStringLiteral("\u3000B7\u3000")})
            row("branch.code", text);
        for (const QString& text : {QString(), QStringLiteral("第一支行"), QString(60, u'行'), QString(61, u'行')})
            row("branch.name", text);
        for (const char* text :
            {"", "mobile,id_number", " account_number , ,mobile", "id_number,id_number", "name", "mobile;id_number"})
            row("approval.rekey_fields", QString::fromLatin1(text));
        for (const QString& text : {QString(), QStringLiteral("2026-10-02, 2026-10-01；2026-10-01"),
                 QStringLiteral("2026-10-01\n2026-10-03\t2026-10-05、2026-10-06，2026-10-07"),
                 QStringLiteral("2026-02-30"), QStringLiteral("1999-01-01"), QStringLiteral("2026-1-1"),
                 QStringLiteral("2026-10-01\u00a02026-10-02")})
            row("complaint.holidays", text);
        row("no.such.key", QStringLiteral("1"));
        row("calendar.official", QString());
    }

    void theServerValidatesAsLocalModeDoes()
    {
        QFETCH(QString, key);
        QFETCH(QString, text);
        const Result<QVariant> local = SettingsService::validate(key, text);
        const Psql server = call(QStringLiteral("BEGIN; SELECT branchvault.settings_set(%1, %2, 'w'); ROLLBACK")
                                     .arg(quoted(key), quoted(text)),
            "a1");
        if (local.ok()) {
            QVERIFY2(server.ok(), qPrintable(server.err));
            QCOMPARE(server.out.trimmed(), local->toString());
        } else {
            QVERIFY2(refused(server, "22023"), qPrintable(server.out + server.err));
        }
    }

    void theAdministratorSetsAndTheBranchReads()
    {
        const Psql done = set(QStringLiteral("mask.phone.keep_start"), QStringLiteral("2"));
        QVERIFY2(done.ok(), qPrintable(done.err));
        QCOMPARE(done.out.trimmed(), QStringLiteral("2"));
        QVERIFY(set(QStringLiteral("branch.name"), QStringLiteral(" 第二支行 ")).ok());
        const QString b001 = QStringLiteral("branch.name=第二支行,mask.phone.keep_start=2");
        for (const char* login : {"a1", "m1", "cm1", "k1", "au1"})
            QVERIFY2(settingsSeenBy(login) == b001, login);
        // another branch's administrator sets his or her own branch only; its staff read their branch only
        QVERIFY(set(QStringLiteral("mask.phone.keep_start"), QStringLiteral("1"), "a9").ok());
        QCOMPARE(settingsSeenBy("m9"), QStringLiteral("mask.phone.keep_start=1"));
        QCOMPARE(settingsSeenBy("cm1"), b001);
        // a setting as it applies: the value set, else the default
        QCOMPARE(call(QStringLiteral("SELECT branchvault.setting('mask.phone.keep_start') || ',' || "
                                     "branchvault.setting('auth.idle.minutes')"),
                     "k1")
                     .out.trimmed(),
            QStringLiteral("2,5"));
        QCOMPARE(call(QStringLiteral("SELECT branchvault.setting('mask.phone.keep_start')"), "m9").out.trimmed(),
            QStringLiteral("1"));
        // the masked forms are made again by the next key holder of the branch
        QCOMPARE(call(QStringLiteral("SELECT setting FROM branchvault.remask_pending"), "cm1").out.trimmed(),
            QStringLiteral("mask.phone.keep_start"));
        const Psql audit = call(QStringLiteral("SELECT login, action, object_type, object_id, details FROM "
                                               "branchvault.audit_log WHERE action = 'settings.change' ORDER BY seq"));
        QCOMPARE(audit.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts),
            QStringList({QStringLiteral("a1|settings.change|setting|mask.phone.keep_start|{\"new\" : \"2\", \"old\" : "
                                        "\"3\", \"remask\" : \"at the next sign-in of a key holder\"}"),
                QStringLiteral("a1|settings.change|setting|branch.name|{\"new\" : \"第二支行\", \"old\" : \"\"}"),
                QStringLiteral("a9|settings.change|setting|mask.phone.keep_start|{\"new\" : \"1\", \"old\" : "
                               "\"3\", \"remask\" : \"at the next sign-in of a key holder\"}")}));
    }

    void onlyTheAdministratorWrites()
    {
        for (const char* login : {"m1", "cm1", "k1", "au1", "cm3"}) {
            QVERIFY2(refused(set(QStringLiteral("auth.idle.minutes"), QStringLiteral("10"), login), "42501"), login);
            QVERIFY2(
                refused(call(QStringLiteral("UPDATE branchvault.settings SET value = '3'"), login), "42501"), login);
        }
        QVERIFY(refused(call(QStringLiteral("INSERT INTO branchvault.settings (branch, key, value) VALUES ('B001', "
                                            "'mask.phone.keep_end', '4')"),
                            "a1"),
            "42501"));
        QVERIFY(refused(call(QStringLiteral("UPDATE branchvault.settings SET value = '3'"), "a1"), "42501"));
        QVERIFY(refused(call(QStringLiteral("SELECT * FROM branchvault.setting_spec"), "a1"), "42501"));
    }

    // The floors cannot be configured away; a refused value changes nothing and writes no audit row.
    void aFloorViolationIsRefused()
    {
        const Psql wide = set(QStringLiteral("mask.phone.keep_start"), QStringLiteral("4"));
        QVERIFY2(refused(wide, "22023") && wide.err.contains(QLatin1String("regulatory floor")), qPrintable(wide.err));
        QVERIFY(refused(set(QStringLiteral("mask.mainland_id.keep_start"), QStringLiteral("7")), "22023"));
        QVERIFY(refused(set(QStringLiteral("audit.retention_days"), QStringLiteral("179")), "22023"));
        QVERIFY(refused(set(QStringLiteral("auth.password.min_length"), QStringLiteral("6")), "22023"));
        QVERIFY(refused(set(QStringLiteral("calendar.official"), QString()), "22023"));
        QCOMPARE(settingsSeenBy("cm1"), QStringLiteral("branch.name=第二支行,mask.phone.keep_start=2"));
        QCOMPARE(call(QStringLiteral("SELECT count(*) FROM branchvault.audit_log")).out.trimmed(), QStringLiteral("3"));
    }

    // Holidays and make-up working days are checked against each other (WorkingCalendar::checkSettings).
    void holidaysAndMakeUpDaysAgree()
    {
        QVERIFY(set(QStringLiteral("complaint.holidays"), QStringLiteral("2026-10-01 2026-10-02")).ok());
        QVERIFY(refused(set(QStringLiteral("complaint.extra_working_days"), QStringLiteral("2026-10-01")), "22023"));
        // 2026-10-08 is a Thursday, 2026-10-10 a Saturday
        QVERIFY(refused(set(QStringLiteral("complaint.extra_working_days"), QStringLiteral("2026-10-08")), "22023"));
        QVERIFY(set(QStringLiteral("complaint.extra_working_days"), QStringLiteral("2026-10-10")).ok());
        QVERIFY(refused(set(QStringLiteral("complaint.holidays"), QStringLiteral("2026-10-10")), "22023"));
    }
};

QTEST_GUILESS_MAIN(TestServerSettings)
#include "tst_serversettings.moc"
