// Issue 15, the checks migration 7 adds on the branch server (a review of migrations 3 to 5), with psql and each
// staff member's own credentials: a password reset of a frozen account that can see customer data waits for a
// branch manager as 'reset' (as local mode's AccountService::resetPassword) — the unfreeze is refused while it waits
// and the branch manager cannot confirm it, only decline it; a new or reset account reads and calls nothing until it
// has changed its password (staff_change_password stays callable); the masked forms a workstation sends have the
// shape of local mode's masking (the regulatory floors of DESIGN §4), the ID type is one of its keys, a grade-2 text
// holds no full mobile, ID or card number; one ID number per branch also against the edits waiting for approval,
// and again when an edit is approved; an account waiting for confirmation is not called frozen.
#include "tests/server/ServerValues.h"
#include "tests/testsupport/ServerDatabase.h"

#include <QProcess>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace bv::test;

using namespace bv::test::server;

class TestServerChecks : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<ServerDatabase> m_db;
    QStringList m_made; // login roles the functions created (dropped at the end)
    using Psql = ServerDatabase::Psql;

    QString as(const char* login) const { return m_db->roleOf(QLatin1String(login)); }

    // One statement as `login` (the owner when null), with the SQLSTATE in any error ("ERROR:  22023: ...").
    Psql call(const QString& sql, const char* login = nullptr)
    {
        return m_db->verbose(sql, login ? as(login) : QString());
    }
    QString owner(const QString& sql)
    {
        const Psql r = call(sql);
        return r.ok() ? r.out.trimmed() : QStringLiteral("<failed: %1>").arg(r.err);
    }
    static bool refused(const Psql& r, const char* sqlState, const QStringList& words = {})
    {
        return ServerDatabase::refusedWith(r, sqlState, words);
    }

    // A real SCRAM-SHA-256 verifier of `password`: PostgreSQL computes it for a scratch role, read back.
    QString verifierOf(const QString& password) { return m_db->scramVerifier(password); }
    // The verifier of the password ServerDatabase connects `login` with.
    QString verifierFor(const char* login) { return verifierOf(QStringLiteral("pw-") + as(login)); }

    Psql create(const char* login, const char* role)
    {
        m_made << as(login);
        return call(QStringLiteral("SELECT branchvault.staff_create('%1', '%2', '%3', '', '%4', 'ws-admin')")
                        .arg(QLatin1String(login), as(login), QLatin1String(role), verifierFor(login)),
            "a1");
    }
    Psql admin(const char* function, const char* login, const QString& extra = QString())
    {
        return call(QStringLiteral("SELECT branchvault.%1('%2'%3, 'ws-admin')")
                        .arg(QLatin1String(function), QLatin1String(login), extra),
            "a1");
    }
    Psql confirm(const char* login, const char* change)
    {
        return call(QStringLiteral("SELECT branchvault.staff_confirm('%1', '%2', 'ws-manager')")
                        .arg(QLatin1String(login), QLatin1String(change)),
            "m1");
    }
    QString statusOf(const char* login)
    {
        return owner(QStringLiteral("SELECT status || coalesce('/' || awaiting, '') FROM branchvault.staff WHERE "
                                    "login = '%1'")
                         .arg(QLatin1String(login)));
    }
    // What the account itself gets: its role as the server sees it, and how many settings rows it reads.
    QString seenAs(const char* login)
    {
        const Psql r = call(QStringLiteral("SELECT coalesce(branchvault.my_role(), '-') || '|' || "
                                           "coalesce(branchvault.my_branch(), '-') || '|' || "
                                           "(SELECT count(*) FROM branchvault.settings)"),
            login);
        return r.ok() ? r.out.trimmed() : r.err;
    }

    // customer_submit as cm1: "customer_no|change_id" or the error.
    Psql submit(const QStringList& values, const QStringList& accounts = {},
        const QString& clear = QStringLiteral("{\"occupation\": \"teacher\"}"))
    {
        return call(QStringLiteral("SELECT * FROM branchvault.customer_submit('%1'::jsonb, "
                                   "ARRAY[%2]::branchvault.sealed_input[], ARRAY[%3]::branchvault.account_input[], "
                                   "NULL, false, 'ws-1')")
                        .arg(clear, values.join(QStringLiteral(", ")), accounts.join(QStringLiteral(", "))),
            "cm1");
    }
    // A person as a workstation masks one (DESIGN §4's widths): name, mainland ID, mobile, and the given extras.
    static QStringList person(const QString& tag, const QStringList& extra = {})
    {
        return QStringList {sealed(QStringLiteral("name"), QStringLiteral("王*"), QStringLiteral("name ") + tag),
                   sealed(QStringLiteral("id_type"), QStringLiteral("mainland_id")),
                   sealed(
                       QStringLiteral("id_number"), QStringLiteral("110101************"), QStringLiteral("id ") + tag),
                   sealed(QStringLiteral("mobile"), QStringLiteral("139****0011"), QStringLiteral("mobile ") + tag)}
        + extra;
    }
    qint64 changeOf(const Psql& submitted) { return submitted.out.trimmed().section(QLatin1Char('|'), 1).toLongLong(); }
    Psql decide(qint64 change, bool approve)
    {
        return call(QStringLiteral("SELECT branchvault.change_decide(%1, %2, 'checked', 'ws-2')")
                        .arg(change)
                        .arg(approve ? QStringLiteral("true") : QStringLiteral("false")),
            "m2");
    }
    QString activeCustomer(const QString& tag)
    {
        const Psql made = submit(person(tag));
        if (!made.ok())
            return QStringLiteral("<%1>").arg(made.err);
        const Psql approved = decide(changeOf(made), true);
        return approved.ok() ? made.out.trimmed().section(QLatin1Char('|'), 0, 0) : approved.err;
    }
    // customer_edit as cm1 at version 1 with sealed values: the change id or the error.
    Psql edit(const QString& number, const QStringList& values, const QString& clear = QStringLiteral("{}"))
    {
        return call(QStringLiteral("SELECT branchvault.customer_edit('%1', 1, '%2'::jsonb, "
                                   "ARRAY[%3]::branchvault.sealed_input[], NULL, NULL, 'ws-1')")
                        .arg(number, clear, values.join(QStringLiteral(", "))),
            "cm1");
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(ServerDatabase::environmentProblem().isEmpty(), qPrintable(ServerDatabase::environmentProblem()));
        m_db = std::make_unique<ServerDatabase>(QStringLiteral("checks"));
        const QString problem = m_db->setUp(7);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const QString branch = QStringLiteral("B001");
        const std::pair<const char*, const char*> staff[]
            = {{"m1", "manager"}, {"m2", "manager"}, {"a1", "admin"}, {"cm1", "customer_manager"}, {"k1", "clerk"}};
        for (const auto& [login, role] : staff)
            QVERIFY(m_db->addStaff(QLatin1String(login), QLatin1String(role), branch) > 0);
    }

    void cleanupTestCase()
    {
        for (const QString& role : std::as_const(m_made))
            m_db->psql(QStringLiteral("DROP ROLE IF EXISTS %1").arg(role));
        m_db.reset();
    }

    // M1: the first sign-in changes the password — before that the account is nobody to every policy and function.
    void aNewAccountChangesItsPasswordFirst()
    {
        QVERIFY2(create("cmx", "customer_manager").ok(), "staff_create");
        QVERIFY(confirm("cmx", "create").ok());
        QCOMPARE(statusOf("cmx"), QStringLiteral("active"));
        QCOMPARE(seenAs("cmx"), QStringLiteral("-|-|0"));
        QVERIFY(refused(call(QStringLiteral("SELECT * FROM branchvault.customer_submit('{}'::jsonb, "
                                            "ARRAY[]::branchvault.sealed_input[], NULL, NULL, false, 'ws')"),
                            "cmx"),
            "42501"));
        QCOMPARE(call(QStringLiteral("SELECT count(*) FROM branchvault.customers"), "cmx").out.trimmed(),
            QStringLiteral("0"));
        // an administrator account too (it takes effect at once, and must change its password as well)
        QVERIFY(create("ax", "admin").ok());
        QCOMPARE(seenAs("ax"), QStringLiteral("-|-|0"));
        QVERIFY(refused(call(QStringLiteral("SELECT branchvault.staff_freeze('cm1', 'ws')"), "ax"), "42501"));

        // its own password change stays callable and ends the requirement
        const Psql changed = call(
            QStringLiteral("SELECT branchvault.staff_change_password('%1', 'ws-x')").arg(verifierFor("cmx")), "cmx");
        QVERIFY2(changed.ok(), qPrintable(changed.err));
        QCOMPARE(seenAs("cmx"), QStringLiteral("customer_manager|B001|0"));
        QCOMPARE(owner(QStringLiteral("SELECT a.action FROM branchvault.audit_log a ORDER BY a.seq DESC LIMIT 1")),
            QStringLiteral("auth.password_change"));

        // a reset puts the requirement back (here of an active account that does not see customer data)
        QVERIFY(
            call(QStringLiteral("SELECT branchvault.staff_change_password('%1', 'ws-x')").arg(verifierFor("ax")), "ax")
                .ok());
        QCOMPARE(seenAs("ax"), QStringLiteral("admin|B001|0"));
        QVERIFY(admin("staff_reset_password", "ax", QStringLiteral(", '%1'").arg(verifierFor("ax"))).ok());
        QCOMPARE(seenAs("ax"), QStringLiteral("-|-|0"));
    }

    // M1: freeze, reset, unfreeze no longer hides the reset from the branch manager.
    void aResetOfAFrozenAccountWaitsAsReset()
    {
        QVERIFY(create("cmf", "customer_manager").ok());
        QVERIFY(confirm("cmf", "create").ok());
        QVERIFY(call(
            QStringLiteral("SELECT branchvault.staff_change_password('%1', 'ws-f')").arg(verifierFor("cmf")), "cmf")
                    .ok());
        QVERIFY(admin("staff_freeze", "cmf").ok());
        QCOMPARE(statusOf("cmf"), QStringLiteral("frozen"));

        // the administrator resets with a password of his or her choosing: the reset waits, the account stays shut
        const Psql reset = admin("staff_reset_password", "cmf", QStringLiteral(", '%1'").arg(verifierFor("cmf")));
        QVERIFY2(reset.ok(), qPrintable(reset.err));
        QCOMPARE(statusOf("cmf"), QStringLiteral("awaiting/reset"));
        QCOMPARE(owner(QStringLiteral("SELECT details FROM branchvault.audit_log ORDER BY seq DESC LIMIT 1")),
            QStringLiteral("{\"awaitingConfirmation\" : true, \"login\" : \"cmf\"}"));
        QCOMPARE(call(QStringLiteral("SELECT login || '|' || awaiting FROM branchvault.staff_awaiting() WHERE login "
                                     "= 'cmf'"),
                     "m1")
                     .out.trimmed(),
            QStringLiteral("cmf|reset"));
        QVERIFY(!m_db->psql(QStringLiteral("SELECT 1"), as("cmf")).ok());
        // freezing it again does not clear the waiting reset
        QVERIFY(admin("staff_freeze", "cmf").ok());
        QCOMPARE(statusOf("cmf"), QStringLiteral("awaiting/reset"));

        // the unfreeze is refused while the reset waits; the reset of a frozen account is declined, not confirmed
        QVERIFY(refused(admin("staff_unfreeze", "cmf"), "BV409", {QStringLiteral("(reset)")}));
        QVERIFY(refused(confirm("cmf", "reset"), "42501", {QStringLiteral("is frozen")}));
        QCOMPARE(statusOf("cmf"), QStringLiteral("awaiting/reset"));
        QVERIFY(call(QStringLiteral("SELECT branchvault.staff_decline('cmf', 'reset', 'person is away', 'ws-m')"), "m1")
                    .ok());
        QCOMPARE(statusOf("cmf"), QStringLiteral("frozen"));

        // when the person is back: an unfreeze the branch manager confirms, and the administrator's password must
        // be changed before anything else
        QVERIFY(admin("staff_unfreeze", "cmf").ok());
        QCOMPARE(statusOf("cmf"), QStringLiteral("awaiting/unfreeze"));
        QVERIFY(refused(admin("staff_unfreeze", "cmf"), "BV409"));
        QVERIFY(confirm("cmf", "unfreeze").ok());
        QCOMPARE(statusOf("cmf"), QStringLiteral("active"));
        QCOMPARE(seenAs("cmf"), QStringLiteral("-|-|0"));
    }

    // M3: every grade-1 masked form has the shape the masking rules give it; the realistic ones pass.
    void maskedFormsHaveTheirShape()
    {
        const QStringList good = {sealed(QStringLiteral("birth_date"), QStringLiteral("****-**-**")),
            sealed(QStringLiteral("other_phone"), QStringLiteral("010-****5678"), QStringLiteral("op g1")),
            sealed(QStringLiteral("email"), QStringLiteral("z***@163.com"), QStringLiteral("em g1")),
            sealed(QStringLiteral("address"), QStringLiteral("北京市朝阳区****"))};
        const Psql made = submit(person(QStringLiteral("g1"), good),
            {account(QStringLiteral("622202******1234"), QStringLiteral("acct g1"))});
        QVERIFY2(made.ok(), qPrintable(made.err));

        // each field's full value, or more than its floor allows, is refused naming the field (never the value)
        const std::pair<const char*, const char*> bad[] = {{"id_number", "110101199001011234*"},
            {"id_number", "1101**********1234"}, {"id_number", "E1234567*"}, {"mobile", "13800138000*"},
            {"mobile", "1380*****000"}, {"other_phone", "138 0013 8000 *"}, {"email", "zhang.san***@163.com"},
            {"email", "z***@13800138000.cn"}, {"address", "北京市朝阳区建国路88号****"}, {"birth_date", "1990-**-**"},
            {"name", "王大伟*"}, {"name", "1 3 8 0 0***"}, {"id_type", "13800138000 full phone here"}};
        for (const auto& [field, masked] : bad) {
            QStringList values = person(QStringLiteral("b1"));
            values.erase(std::remove_if(values.begin(), values.end(),
                             [&](const QString& v) { return v.contains(QStringLiteral("ROW('%1'").arg(field)); }),
                values.end());
            values << sealed(QLatin1String(field), QString::fromUtf8(masked), QStringLiteral("bad"));
            const Psql r = submit(values);
            QVERIFY2(refused(r, "22023",
                         {QStringLiteral("sealed field \"%1\"").arg(QLatin1String(field)), QStringLiteral("shape")}),
                qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(field), r.err)));
            QVERIFY2(!r.err.contains(QString::fromUtf8(masked)), field);
        }
        // an account number, in a new record and in an edit; an edit's staged value
        QVERIFY(refused(submit(person(QStringLiteral("b2")),
                            {account(QStringLiteral("6222021234567890*"), QStringLiteral("acct b2"))}),
            "22023", {QStringLiteral("sealed field \"account_number\""), QStringLiteral("shape")}));
        const QString number = activeCustomer(QStringLiteral("e1"));
        QVERIFY2(number.startsWith(QLatin1String("B001-")), qPrintable(number));
        QVERIFY(refused(call(QStringLiteral("SELECT branchvault.customer_edit('%1', 1, '{}', NULL, ARRAY[ROW(NULL, "
                                            "'credit', NULL, NULL, false, 1, '\\x0c'::bytea, '6225880012345678*', %2)"
                                            "]::branchvault.account_change[], NULL, 'ws')")
                                 .arg(number, blind(QStringLiteral("acct e1"))),
                            "cm1"),
            "22023", {QStringLiteral("sealed field \"account_number\""), QStringLiteral("shape")}));
        QVERIFY(refused(edit(number, {sealed(QStringLiteral("mobile"), QStringLiteral("13900110011*"))}), "22023",
            {QStringLiteral("sealed field \"mobile\""), QStringLiteral("shape")}));
        QVERIFY(edit(number, {sealed(QStringLiteral("mobile"), QStringLiteral("137****0012"))}).ok());
        QCOMPARE(owner(QStringLiteral("SELECT count(*) FROM branchvault.sealed_value WHERE masked LIKE '%0013800%' "
                                      "OR masked LIKE '%19900101%' OR masked LIKE '%1234567%'")),
            QStringLiteral("0"));
    }

    // M3: a grade-2 text with a full mobile, ID or card number in it is refused, as the workstation's FreeText finds
    // them (whole, in groups, in full-width digits); other numbers pass.
    void freeTextHoldsNoFullNumbers()
    {
        for (const char* text : {"妻 13800138000", "妻 138 0013 8000", "子 110101200501011234",
                 "卡 6222 0212 3456 7894", "电话１３８００１３８０００"}) {
            const Psql r = submit(
                person(QStringLiteral("f1")), {}, QStringLiteral("{\"family\": \"%1\"}").arg(QString::fromUtf8(text)));
            QVERIFY2(refused(r, "22023", {QStringLiteral("field \"family\"")}), text);
            QVERIFY2(!r.err.contains(QString::fromUtf8(text)), text);
        }
        QVERIFY(refused(
            submit(person(QStringLiteral("f2")), {}, QStringLiteral("{\"employer\": \"ACME, tel 13912345678\"}")),
            "22023", {QStringLiteral("field \"employer\"")}));
        const Psql fine = submit(person(QStringLiteral("f3")), {},
            QStringLiteral("{\"family\": \"已婚，两个孩子，工号 123456\", \"aum_cny\": \"100000000000000\"}"));
        QVERIFY2(fine.ok(), qPrintable(fine.err));
    }

    // M5: one ID number per branch also against the edits waiting for approval, and again at the approval.
    void oneIdNumberAlsoAgainstPendingEdits()
    {
        const QString a = activeCustomer(QStringLiteral("d1"));
        const QString b = activeCustomer(QStringLiteral("d2"));
        QVERIFY(a.startsWith(QLatin1String("B001-")) && b.startsWith(QLatin1String("B001-")));
        const QString sameId
            = sealed(QStringLiteral("id_number"), QStringLiteral("320102************"), QStringLiteral("id shared"));
        const Psql first = edit(a, {sameId});
        QVERIFY2(first.ok(), qPrintable(first.err));
        const Psql second = edit(b, {sameId});
        QVERIFY2(refused(second, "23505", {QStringLiteral("waiting for approval"), a}), qPrintable(second.err));
        QVERIFY(refused(submit({sealed(QStringLiteral("name"), QStringLiteral("李*"), QStringLiteral("name d3")),
                            sealed(QStringLiteral("id_number"), QStringLiteral("320102************"),
                                QStringLiteral("id shared"))}),
            "23505", {QStringLiteral("waiting for approval")}));

        // a pair staged before this check existed (written here by the owner): the first approval wins, the second
        // is refused when it is approved, and nothing of it moves
        const Psql other = edit(b,
            {sealed(QStringLiteral("id_number"), QStringLiteral("320102************"), QStringLiteral("id d2 new"))});
        QVERIFY2(other.ok(), qPrintable(other.err));
        QCOMPARE(owner(QStringLiteral("UPDATE branchvault.sealed_value SET blind = %1 WHERE owner_kind = 'change' AND "
                                      "owner_id = %2 AND field = 'id_number'")
                           .arg(blind(QStringLiteral("id shared")), other.out.trimmed())),
            QString());
        QVERIFY(decide(first.out.trimmed().toLongLong(), true).ok());
        const Psql late = decide(other.out.trimmed().toLongLong(), true);
        QVERIFY2(refused(late, "23505", {QStringLiteral("already exists"), a}), qPrintable(late.err));
        QCOMPARE(owner(QStringLiteral("SELECT status FROM branchvault.customer_changes WHERE id = %1")
                           .arg(other.out.trimmed())),
            QStringLiteral("pending"));
        QCOMPARE(owner(QStringLiteral("SELECT count(*) FROM branchvault.sealed_value WHERE owner_kind = 'customer' "
                                      "AND field = 'id_number' AND blind = %1")
                           .arg(blind(QStringLiteral("id shared")))),
            QStringLiteral("1"));
        QVERIFY(decide(other.out.trimmed().toLongLong(), false).ok());
    }

    // L8: an account waiting for confirmation is not called frozen.
    void anAccountWaitingIsNotCalledFrozen()
    {
        QVERIFY(create("cmw", "customer_manager").ok());
        const Psql r = call(QStringLiteral("SELECT branchvault.customer_assign('B001-00000001', 'transfer', 'cmw', "
                                           "NULL, 'staff change', 'ws')"),
            "m1");
        QVERIFY2(refused(r, "22023", {QStringLiteral("waits for a branch manager's confirmation (create)")}),
            qPrintable(r.err));
        QVERIFY(!r.err.contains(QLatin1String("frozen")));
    }
};

QTEST_GUILESS_MAIN(TestServerChecks)
#include "tst_serverchecks.moc"
