// Issue 15, the database enforces the matrix: with the branch server's migrations 1 and 2 applied to a throwaway
// PostgreSQL database, psql with each staff member's own credentials — what a modified client could do — reads
// exactly the customers the GUI would show that role: the branch manager the whole branch and nothing of another
// branch, a customer manager only the customers he or she is responsible for now (custody included, rejected and
// anonymised records not), the clerk, the administrator and the auditor no customer table at all. The clerk's one
// way in is the exact-lookup function, which returns a masked card and writes its audit row. Nobody writes the
// tables directly.
#include "tests/testsupport/ServerDatabase.h"

#include <QTest>

#include <memory>

using namespace bv::test;

namespace {

// A blind index value as the workstation would send it (its bytes only matter for equality here).
QString blind(const char* label)
{
    return QStringLiteral("'\\x%1'::bytea").arg(QString::fromLatin1(QByteArray(label).toHex()));
}

} // namespace

class TestServerPolicies : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<ServerDatabase> m_db;
    qint64 m_m1 = 0, m_cm1 = 0, m_cm2 = 0, m_cmOther = 0;
    using Psql = ServerDatabase::Psql;

    QString as(const char* login) const { return m_db->roleOf(QLatin1String(login)); }

    // The customer numbers a login reads, sorted; "<refused: …>" when psql refuses.
    QString visible(const char* login)
    {
        const Psql r = m_db->psql(
            QStringLiteral(
                "SELECT string_agg(customer_no, ',' ORDER BY customer_no COLLATE \"C\") FROM branchvault.customers"),
            as(login));
        return r.ok() ? r.out.trimmed() : QStringLiteral("<refused: %1>").arg(r.err.trimmed());
    }

    void addCustomer(const QString& number, const QString& branch, const QString& status, qint64 manager,
        qint64 custodian = 0, const QString& custodyUntil = QString(), bool restricted = false)
    {
        const Psql r = m_db->psql(
            QStringLiteral("INSERT INTO branchvault.customers (customer_no, branch, status, manager_id, "
                           "custody_manager_id, custody_until, restricted, sex, age_band, tier) VALUES ('%1', '%2', "
                           "'%3', %4, %5, %6, %7, 'F', '30_39', 'gold')")
                .arg(number, branch, status, manager > 0 ? QString::number(manager) : QStringLiteral("NULL"),
                    custodian > 0 ? QString::number(custodian) : QStringLiteral("NULL"),
                    custodyUntil.isEmpty() ? QStringLiteral("NULL") : custodyUntil,
                    restricted ? QStringLiteral("true") : QStringLiteral("false")));
        QVERIFY2(r.ok(), qPrintable(r.err));
    }

    void addSealed(const QString& number, const char* field, const char* masked, const char* domain, const char* key)
    {
        const Psql r = m_db->psql(
            QStringLiteral("INSERT INTO branchvault.sealed_value (owner_kind, owner_id, customer_id, field, "
                           "generation, sealed, masked, blind_domain, blind) SELECT 'customer', id, id, '%2', 1, "
                           "'\\xdeadbeef'::bytea, '%3', %4, %5 FROM branchvault.customers WHERE customer_no = '%1'")
                .arg(number, QLatin1String(field), QString::fromUtf8(masked),
                    domain ? QStringLiteral("'%1'").arg(QLatin1String(domain)) : QStringLiteral("NULL"),
                    key ? blind(key) : QStringLiteral("NULL")));
        QVERIFY2(r.ok(), qPrintable(r.err));
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(ServerDatabase::environmentProblem().isEmpty(), qPrintable(ServerDatabase::environmentProblem()));
        m_db = std::make_unique<ServerDatabase>(QStringLiteral("policies"));
        const QString problem = m_db->setUp(2);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const QString branch = QStringLiteral("B001");
        m_m1 = m_db->addStaff(QStringLiteral("m1"), QStringLiteral("manager"), branch);
        m_cm1 = m_db->addStaff(QStringLiteral("cm1"), QStringLiteral("customer_manager"), branch);
        m_cm2 = m_db->addStaff(QStringLiteral("cm2"), QStringLiteral("customer_manager"), branch);
        m_cmOther = m_db->addStaff(QStringLiteral("cm9"), QStringLiteral("customer_manager"), QStringLiteral("B002"));
        QVERIFY(m_db->addStaff(QStringLiteral("k1"), QStringLiteral("clerk"), branch) > 0);
        QVERIFY(m_db->addStaff(QStringLiteral("a1"), QStringLiteral("admin"), branch) > 0);
        QVERIFY(m_db->addStaff(QStringLiteral("au1"), QStringLiteral("auditor"), branch) > 0);
        // a customer manager whose login role was also (wrongly) left in the managers' group
        QVERIFY(m_db->addStaff(QStringLiteral("cm3"), QStringLiteral("customer_manager"), branch) > 0);
        const Psql wrongGroup = m_db->psql(QStringLiteral("GRANT bv_manager TO %1").arg(as("cm3")));
        QVERIFY2(wrongGroup.ok(), qPrintable(wrongGroup.err));
        QVERIFY(m_m1 > 0 && m_cm1 > 0 && m_cm2 > 0 && m_cmOther > 0);

        addCustomer(QStringLiteral("C001"), branch, QStringLiteral("active"), m_cm1);
        addCustomer(QStringLiteral("C002"), branch, QStringLiteral("pending"), m_cm1);
        addCustomer(QStringLiteral("C003"), branch, QStringLiteral("closed"), m_cm1, 0, QString(), true);
        addCustomer(QStringLiteral("C004"), branch, QStringLiteral("rejected"), m_cm1);
        addCustomer(QStringLiteral("C005"), branch, QStringLiteral("anonymised"), m_cm1);
        addCustomer(QStringLiteral("C006"), branch, QStringLiteral("active"), m_cm2);
        // cm2's customer in cm1's custody for a week, and one whose custody has ended
        addCustomer(QStringLiteral("C007"), branch, QStringLiteral("active"), m_cm2, m_cm1,
            QStringLiteral("now() + interval '7 days'"));
        addCustomer(QStringLiteral("C008"), branch, QStringLiteral("active"), m_cm2, m_cm1,
            QStringLiteral("now() - interval '1 day'"));
        addCustomer(QStringLiteral("C009"), branch, QStringLiteral("active"), 0); // nobody's (reassignment list)
        addCustomer(QStringLiteral("X001"), QStringLiteral("B002"), QStringLiteral("active"), m_cmOther);
        // two records of one person (a duplicate the maker-checker should have caught)
        addCustomer(QStringLiteral("C010"), branch, QStringLiteral("active"), m_cm2);
        addCustomer(QStringLiteral("C011"), branch, QStringLiteral("active"), m_cm2);

        addSealed(QStringLiteral("C001"), "name", "张*", "name", "name of C001");
        addSealed(QStringLiteral("C001"), "id_number", "1101**********1234", "id", "id of C001");
        addSealed(QStringLiteral("C001"), "mobile", "138****5678", "phone", "mobile of C001");
        addSealed(QStringLiteral("C006"), "name", "李*", "name", "name of C006");
        addSealed(QStringLiteral("C006"), "id_number", "1101**********5678", "id", "id of C006");
        addSealed(QStringLiteral("X001"), "name", "王*", "name", "name of X001");
        addSealed(QStringLiteral("X001"), "id_number", "1101**********9999", "id", "id of X001");
        for (const QString& twin : {QStringLiteral("C010"), QStringLiteral("C011")}) {
            addSealed(twin, "name", "赵*", "name", "name of the twins");
            addSealed(twin, "id_number", "1101**********0000", "id", "id of the twins");
        }
    }

    void cleanupTestCase() { m_db.reset(); }

    void eachRoleReadsWhatTheGuiShows()
    {
        // the branch manager: the whole branch, every status, nothing of branch B002
        QCOMPARE(visible("m1"), QStringLiteral("C001,C002,C003,C004,C005,C006,C007,C008,C009,C010,C011"));
        // the recorded role decides, not only the group: cm3 is also in bv_manager and owns nobody
        QCOMPARE(visible("cm3"), QString());
        // a customer manager: own held customers (the restricted one included) and the one in custody now
        QCOMPARE(visible("cm1"), QStringLiteral("C001,C002,C003,C007"));
        QCOMPARE(visible("cm2"), QStringLiteral("C006,C008,C010,C011"));
        QCOMPARE(visible("cm9"), QStringLiteral("X001"));
        // no customer table at all
        for (const char* login : {"k1", "a1", "au1"}) {
            const QString seen = visible(login);
            QVERIFY2(seen.startsWith(QLatin1String("<refused:")) && seen.contains(QLatin1String("permission denied")),
                qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(login), seen)));
        }
    }

    void sealedValuesFollowTheirCustomer()
    {
        const auto values = [&](const char* login) {
            const Psql r
                = m_db->psql(QStringLiteral("SELECT string_agg(masked, ',' ORDER BY masked COLLATE \"C\") FROM "
                                            "branchvault.sealed_value"),
                    as(login));
            return r.ok() ? r.out.trimmed() : QStringLiteral("<refused>");
        };
        QCOMPARE(values("cm1"), QStringLiteral("1101**********1234,138****5678,张*"));
        QCOMPARE(values("cm2"), QStringLiteral("1101**********0000,1101**********0000,1101**********5678,李*,赵*,赵*"));
        QCOMPARE(values("m1"),
            QStringLiteral("1101**********0000,1101**********0000,1101**********1234,1101**********5678,138****5678,"
                           "张*,李*,赵*,赵*"));
        QCOMPARE(values("k1"), QStringLiteral("<refused>"));
        QCOMPARE(values("a1"), QStringLiteral("<refused>"));
    }

    void nobodyWritesTheTablesDirectly()
    {
        for (const char* login : {"m1", "cm1", "k1", "a1", "au1"}) {
            for (const QString& sql : {QStringLiteral("UPDATE branchvault.customers SET manager_id = NULL"),
                     QStringLiteral("DELETE FROM branchvault.customers"),
                     QStringLiteral("INSERT INTO branchvault.customers (customer_no, branch, status) VALUES ('Z', "
                                    "'B001', 'active')"),
                     QStringLiteral("UPDATE branchvault.sealed_value SET masked = 'x'"),
                     QStringLiteral("UPDATE branchvault.staff SET branch = 'B002'")}) {
                const Psql r = m_db->psql(sql, as(login));
                QVERIFY2(!r.ok() && r.err.contains(QLatin1String("permission denied")),
                    qPrintable(QStringLiteral("%1: %2: %3").arg(QLatin1String(login), sql, r.err)));
            }
        }
        QCOMPARE(visible("m1"), QStringLiteral("C001,C002,C003,C004,C005,C006,C007,C008,C009,C010,C011"));
    }

    // The clerk finds one active customer of the branch by full name and ID number (their blind indexes), sees the
    // masked card only, and the lookup is audited whether it finds someone or not; nobody else may call it.
    void theClerkLooksUpThroughTheFunctionOnly()
    {
        const QString lookup = QStringLiteral("SELECT * FROM branchvault.clerk_lookup(%1, %2, '%3', 'counter-1')");
        const Psql card = m_db->psql(
            lookup.arg(blind("name of C001"), blind("id of C001"), QStringLiteral("存款业务核对")), as("k1"));
        QVERIFY2(card.ok(), qPrintable(card.err));
        QCOMPARE(card.out.trimmed(), QStringLiteral("C001|张*|1101**********1234|138****5678|F|30_39|gold|active"));
        // a customer of another branch: nothing
        const Psql elsewhere
            = m_db->psql(lookup.arg(blind("name of X001"), blind("id of X001"), QStringLiteral("核对")), as("k1"));
        QVERIFY2(elsewhere.ok(), qPrintable(elsewhere.err));
        QCOMPARE(elsewhere.out.trimmed(), QString());
        // a name with someone else's ID number: nothing
        const Psql mismatch
            = m_db->psql(lookup.arg(blind("name of C001"), blind("id of C006"), QStringLiteral("核对")), as("k1"));
        QVERIFY2(mismatch.ok(), qPrintable(mismatch.err));
        QCOMPARE(mismatch.out.trimmed(), QString());
        // two records match: no card, the ambiguity is audited
        const Psql twins = m_db->psql(
            lookup.arg(blind("name of the twins"), blind("id of the twins"), QStringLiteral("核对")), as("k1"));
        QVERIFY2(twins.ok(), qPrintable(twins.err));
        QCOMPARE(twins.out.trimmed(), QString());
        // without a purpose, or with a long number in it (the workstation masks numbers first): refused
        for (const QString& purpose : {QStringLiteral(" "), QStringLiteral("客户来电 1381234")}) {
            const Psql refused = m_db->psql(lookup.arg(blind("name of C001"), blind("id of C001"), purpose), as("k1"));
            QVERIFY(!refused.ok());
            QVERIFY2(refused.err.contains(QLatin1String("purpose")), qPrintable(refused.err));
        }
        // other roles may not call it
        for (const char* login : {"m1", "cm1", "a1", "au1"}) {
            const Psql r
                = m_db->psql(lookup.arg(blind("name of C001"), blind("id of C001"), QStringLiteral("核对")), as(login));
            QVERIFY2(!r.ok() && r.err.contains(QLatin1String("permission denied")),
                qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(login), r.err)));
        }
        // the four lookups that ran are in the log, by k1, with their purpose and whether they found someone
        const Psql audit = m_db->psql(QStringLiteral("SELECT login, action, coalesce(customer_no, '-'), details FROM "
                                                     "branchvault.audit_log ORDER BY seq"),
            as("au1"));
        QVERIFY2(audit.ok(), qPrintable(audit.err));
        const QStringList rows = audit.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(rows.size(), 4);
        QVERIFY2(rows.at(0).startsWith(QStringLiteral("k1|customer.lookup|C001|"))
                && rows.at(0).contains(QStringLiteral("存款业务核对"))
                && rows.at(0).contains(QLatin1String("\"result\" : \"match\"")),
            qPrintable(rows.at(0)));
        for (int i : {1, 2})
            QVERIFY2(rows.at(i).startsWith(QStringLiteral("k1|customer.lookup|-|"))
                    && rows.at(i).contains(QLatin1String("\"result\" : \"no match\"")),
                qPrintable(rows.at(i)));
        QVERIFY2(rows.at(3).startsWith(QStringLiteral("k1|customer.lookup|-|"))
                && rows.at(3).contains(QLatin1String("\"result\" : \"ambiguous\"")),
            qPrintable(rows.at(3)));
    }
};

QTEST_GUILESS_MAIN(TestServerPolicies)
#include "tst_serverpolicies.moc"
