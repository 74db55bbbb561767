#pragma once

// What tst_serverrequests and tst_servergrants share: a database with the branch server's migrations up to 4, a
// branch (B001) with two branch managers, two customer managers, a clerk and an auditor, a second branch (B002)
// with a manager and a customer manager, customers with sealed values (C002 restricted, X001 of B002), and psql
// helpers that call the request procedures with each member's own credentials.

#include "tests/testsupport/ServerDatabase.h"

#include <QHash>
#include <QRegularExpression>
#include <QStringList>
#include <QTest>

#include <memory>

namespace bv::test {

class ServerRequestsFixture
{
protected:
    std::unique_ptr<ServerDatabase> m_db;
    qint64 m_cm1 = 0, m_cm2 = 0;
    QHash<QString, qint64> m_customerIds;
    using Psql = ServerDatabase::Psql;

    QString as(const char* login) const { return m_db->roleOf(QLatin1String(login)); }

    // One statement as `login` (the owner when null), errors with their SQLSTATE ("ERROR:  42501: ...").
    Psql run(const QString& sql, const char* login = nullptr)
    {
        return ServerDatabase::finish(
            m_db->start({QStringLiteral("-v"), QStringLiteral("VERBOSITY=verbose"), QStringLiteral("-c"), sql},
                login ? as(login) : QString()));
    }

    static QString sqlArray(const QStringList& items)
    {
        QStringList quoted;
        for (const QString& item : items)
            quoted << QStringLiteral("'%1'").arg(item);
        return QStringLiteral("ARRAY[%1]::text[]").arg(quoted.join(QLatin1Char(',')));
    }

    Psql submit(const char* login, const QString& type, const QStringList& customers, const QStringList& fields,
        const QString& report = QString(), const QString& purpose = QStringLiteral("核实客户身份"), int hours = 24)
    {
        return run(QStringLiteral("CALL branchvault.request_submit('%1', %2, %3, '%4', '%5', %6, 'ws-%7', NULL)")
                       .arg(type, sqlArray(customers), sqlArray(fields), report, purpose)
                       .arg(hours)
                       .arg(QLatin1String(login)),
            login);
    }

    // A request filed by `login`; its id (fails the test when refused).
    qint64 filed(const char* login, const QString& type, const QStringList& customers, const QStringList& fields,
        const QString& report = QString())
    {
        const Psql r = submit(login, type, customers, fields, report);
        if (!r.ok())
            qWarning("%s", qPrintable(r.err));
        return r.ok() ? r.out.trimmed().toLongLong() : -1;
    }

    Psql decide(const char* login, qint64 id, bool approve, const QString& reason = QStringLiteral("已核对用途"))
    {
        return run(QStringLiteral("CALL branchvault.request_decide(%1, %2, '%3', 'ws-%4')")
                       .arg(id)
                       .arg(approve ? QStringLiteral("true") : QStringLiteral("false"), reason, QLatin1String(login)),
            login);
    }

    Psql reveal(const char* login, qint64 id, const QString& customer, const QStringList& fields)
    {
        return run(QStringLiteral("CALL branchvault.reveal(%1, '%2', %3, 'ws-%4', NULL, NULL, NULL)")
                       .arg(id)
                       .arg(customer, sqlArray(fields), QLatin1String(login)),
            login);
    }

    qint64 lastSeq()
    {
        return run(QStringLiteral("SELECT last_seq FROM branchvault.audit_head")).out.trimmed().toLongLong();
    }

    // The audit rows after `seq`, read by the auditor: "login|action|outcome|customer|details".
    QStringList auditSince(qint64 seq)
    {
        const Psql r = run(QStringLiteral("SELECT login || '|' || action || '|' || outcome || '|' || "
                                          "coalesce(customer_no, '-') || '|' || details FROM branchvault.audit_log "
                                          "WHERE seq > %1 ORDER BY seq")
                               .arg(seq),
            "au1");
        return r.ok() ? r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts) : QStringList {r.err};
    }

    static bool refusedWith(const Psql& r, const char* sqlState, const char* text = nullptr)
    {
        return !r.ok() && r.err.contains(QStringLiteral("ERROR:  %1:").arg(QLatin1String(sqlState)))
            && (!text || r.err.contains(QString::fromUtf8(text)));
    }

    // Moves a grant's validity into the past (as the database's owner): it ended an hour ago.
    void expire(qint64 id)
    {
        const Psql r = run(QStringLiteral("UPDATE branchvault.requests SET valid_from = valid_from - interval "
                                          "'4 days', valid_until = now() - interval '1 hour' WHERE id = %1")
                               .arg(id));
        QVERIFY2(r.ok(), qPrintable(r.err));
    }

    void addCustomer(const QString& number, const QString& branch, qint64 manager, bool restricted = false)
    {
        const Psql r = run(QStringLiteral("INSERT INTO branchvault.customers (customer_no, branch, status, manager_id, "
                                          "restricted) VALUES ('%1', '%2', 'active', %3, %4) RETURNING id")
                               .arg(number, branch)
                               .arg(manager)
                               .arg(restricted ? QStringLiteral("true") : QStringLiteral("false")));
        QVERIFY2(r.ok(), qPrintable(r.err));
        m_customerIds.insert(number, r.out.trimmed().toLongLong());
    }

    // A sealed value: its bytes are 0xaa, the customer's id and a tag, so that each field's bytes differ.
    void addSealed(const QString& number, const char* kind, qint64 owner, const char* field, int tag)
    {
        const qint64 customer = m_customerIds.value(number);
        const Psql r = run(QStringLiteral("INSERT INTO branchvault.sealed_value (owner_kind, owner_id, customer_id, "
                                          "field, generation, sealed, masked) VALUES ('%1', %2, %3, '%4', 2, "
                                          "'\\xaa%5%6'::bytea, '***')")
                               .arg(QLatin1String(kind))
                               .arg(owner > 0 ? owner : customer)
                               .arg(customer)
                               .arg(QLatin1String(field))
                               .arg(customer, 2, 16, QLatin1Char('0'))
                               .arg(tag, 2, 16, QLatin1Char('0')));
        QVERIFY2(r.ok(), qPrintable(r.err));
    }

    QString sealedOf(const QString& number, int tag) const
    {
        return QStringLiteral("\\\\xaa%1%2")
            .arg(m_customerIds.value(number), 2, 16, QLatin1Char('0'))
            .arg(tag, 2, 16, QLatin1Char('0'));
    }

    QString status(qint64 id)
    {
        return run(QStringLiteral("SELECT status FROM branchvault.requests WHERE id = %1").arg(id)).out.trimmed();
    }

    // The database (migrations up to lastMigration) and the branch (for initTestCase; check
    // QTest::currentTestFailed() after it).
    void setUpBranch(const QString& tag, int lastMigration = 4)
    {
        m_db = std::make_unique<ServerDatabase>(tag);
        const QString problem = m_db->setUp(lastMigration);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const QString branch = QStringLiteral("B001");
        QVERIFY(m_db->addStaff(QStringLiteral("m1"), QStringLiteral("manager"), branch) > 0);
        QVERIFY(m_db->addStaff(QStringLiteral("m2"), QStringLiteral("manager"), branch) > 0);
        m_cm1 = m_db->addStaff(QStringLiteral("cm1"), QStringLiteral("customer_manager"), branch);
        m_cm2 = m_db->addStaff(QStringLiteral("cm2"), QStringLiteral("customer_manager"), branch);
        QVERIFY(m_db->addStaff(QStringLiteral("k1"), QStringLiteral("clerk"), branch) > 0);
        QVERIFY(m_db->addStaff(QStringLiteral("au1"), QStringLiteral("auditor"), branch) > 0);
        const qint64 cm9
            = m_db->addStaff(QStringLiteral("cm9"), QStringLiteral("customer_manager"), QStringLiteral("B002"));
        QVERIFY(m_db->addStaff(QStringLiteral("m9"), QStringLiteral("manager"), QStringLiteral("B002")) > 0);
        QVERIFY(m_cm1 > 0 && m_cm2 > 0 && cm9 > 0);

        addCustomer(QStringLiteral("C001"), branch, m_cm1);
        addCustomer(QStringLiteral("C002"), branch, m_cm1, true); // restricted (重点保密)
        addCustomer(QStringLiteral("C003"), branch, m_cm1);
        addCustomer(QStringLiteral("C006"), branch, m_cm2);
        addCustomer(QStringLiteral("X001"), QStringLiteral("B002"), cm9);
        addSealed(QStringLiteral("C001"), "customer", 0, "name", 1);
        addSealed(QStringLiteral("C001"), "customer", 0, "id_number", 2);
        addSealed(QStringLiteral("C001"), "customer", 0, "mobile", 3);
        addSealed(QStringLiteral("C001"), "account", 901, "account_number", 4);
        addSealed(QStringLiteral("C003"), "customer", 0, "name", 1);
        addSealed(QStringLiteral("C006"), "customer", 0, "name", 1);
        // the restricted customer's name and ID number with their blind indexes, for the clerk's lookup
        const Psql blinds = run(QStringLiteral(
            "INSERT INTO branchvault.sealed_value (owner_kind, owner_id, customer_id, field, generation, sealed, "
            "masked, blind_domain, blind) SELECT 'customer', id, id, f, 1, '\\x00'::bytea, m, d, convert_to(d || "
            "customer_no, 'UTF8') FROM branchvault.customers, (VALUES ('name', '钱*', 'name'), ('id_number', "
            "'1101**********4321', 'id')) AS v (f, m, d) WHERE customer_no = 'C002'"));
        QVERIFY2(blinds.ok(), qPrintable(blinds.err));
    }
};

} // namespace bv::test
