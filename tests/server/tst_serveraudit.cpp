// Issue 15, the branch's one audit chain: on a real, throwaway PostgreSQL cluster (tools/dev.sh test runs the suite
// under pg_virtualenv), the server's migration 1 (server/sql/) is applied as the database owner; two staff members
// then append audit rows from two psql processes at once. The chain has no gap and no fork, every row's hash is the
// one the workstation's own encoder (AuditLog::rowHash) computes, who acted is the server's session user and not a
// parameter, and no staff login can write, change or delete a row directly, nor read the log unless it is the
// auditor's.
#include "core/audit/AuditRecords.h"
#include "core/internal/audit/AuditLog.h"
#include "tests/server/ServerAuditRows.h"
#include "tests/testsupport/ServerDatabase.h"

#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace bv;
using namespace bv::test;

namespace {

constexpr int kAppendsPerWorkstation = 1000;

#define BV_VERIFY_PSQL(expr)                                                                                           \
    do {                                                                                                               \
        const ServerDatabase::Psql bvRun_ = (expr);                                                                    \
        QVERIFY2(bvRun_.ok(), qPrintable(bvRun_.err));                                                                 \
    } while (false)

} // namespace

class TestServerAudit : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<ServerDatabase> m_db;
    QTemporaryDir m_dir;
    using Psql = ServerDatabase::Psql;

private slots:
    void initTestCase()
    {
        QVERIFY2(ServerDatabase::environmentProblem().isEmpty(), qPrintable(ServerDatabase::environmentProblem()));
        QVERIFY(m_dir.isValid());
        m_db = std::make_unique<ServerDatabase>(QStringLiteral("audit"));
        const QString problem = m_db->setUp(1);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        // three staff members, each a login role in the group role of its BranchVault role
        QVERIFY(m_db->addStaff(QStringLiteral("m1"), QStringLiteral("manager")) > 0);
        QVERIFY(m_db->addStaff(QStringLiteral("cm1"), QStringLiteral("customer_manager")) > 0);
        QVERIFY(m_db->addStaff(QStringLiteral("au1"), QStringLiteral("auditor")) > 0);
    }

    void cleanupTestCase() { m_db.reset(); }

    // Two workstations append at the same time: one chain, no gap, no fork, each row hashed as a workstation
    // hashes it, each row naming the staff member whose session wrote it.
    void concurrentAppendsMakeOneChain()
    {
        const QString databaseId
            = m_db->psql(QStringLiteral("SELECT value FROM branchvault.meta WHERE key = 'database_id'")).out.trimmed();
        QVERIFY(!databaseId.isEmpty());

        QList<QProcess*> workstations;
        for (const char* login : {"m1", "cm1"}) {
            const QString workstation = QStringLiteral("ws-%1").arg(QLatin1String(login));
            QString script;
            for (int i = 0; i < kAppendsPerWorkstation; ++i)
                script += QStringLiteral("SELECT branchvault.audit_append('%1', 'customer.view', 'customer', '%2', "
                                         "'C%3', 'ok', '{\"n\":%2,\"note\":\"逗号, \\\"引号\\\"\"}');\n")
                              .arg(workstation)
                              .arg(i)
                              .arg(i, 8, 10, QLatin1Char('0'));
            const QString file = m_dir.filePath(workstation + QStringLiteral(".sql"));
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(script.toUtf8());
            out.close();
            workstations << m_db->start({QStringLiteral("-f"), file}, m_db->roleOf(QLatin1String(login)));
        }
        for (QProcess* p : std::as_const(workstations)) {
            const Psql done = ServerDatabase::finish(p);
            QVERIFY2(done.ok(), qPrintable(done.err));
        }

        // the rows as stored, fields separated by the unit separator, hashes in hex
        const Psql rows
            = ServerDatabase::finish(m_db->start({QStringLiteral("-F"), QStringLiteral("\x1f"), QStringLiteral("-c"),
                QStringLiteral("SELECT seq, at, workstation, coalesce(user_id, 0), login, role, action, object_type, "
                               "object_id, coalesce(customer_no, ''), outcome, details, encode(prev_hash, 'hex'), "
                               "encode(hash, 'hex') FROM branchvault.audit_log ORDER BY seq")}));
        QVERIFY2(rows.ok(), qPrintable(rows.err));
        const QStringList lines = rows.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2 * kAppendsPerWorkstation);

        QByteArray previous = AuditLog::genesisHash(databaseId);
        QHash<QString, int> perLogin;
        QString lastLogin;
        int switches = 0; // the two workstations' appends interleaved: they really ran at the same time
        qint64 expectedSeq = 1;
        for (const QString& line : lines) {
            const QStringList f = line.split(QChar(0x1f));
            QCOMPARE(f.size(), 14);
            const AuditRow row = server::auditRowOf(f);
            QCOMPARE(row.seq, expectedSeq++); // no gap
            QCOMPARE(row.at.toUTC().toString(Qt::ISODateWithMs), f.at(1)); // stored as a workstation stores it
            QCOMPARE(row.prevHash.toHex(), previous.toHex()); // no fork
            QCOMPARE(row.hash.toHex(), AuditLog::rowHash(previous, row).toHex()); // the one encoder
            // who acted is the session's staff account, and the workstation said which one it was
            QVERIFY2((row.login == QLatin1String("m1") && row.role == QLatin1String("manager")
                         && row.workstation == QLatin1String("ws-m1"))
                    || (row.login == QLatin1String("cm1") && row.role == QLatin1String("customer_manager")
                        && row.workstation == QLatin1String("ws-cm1")),
                qPrintable(line));
            QVERIFY(row.details.contains(QStringLiteral("逗号, \\\"引号\\\"")));
            ++perLogin[row.login];
            if (!lastLogin.isEmpty() && lastLogin != row.login)
                ++switches;
            lastLogin = row.login;
            previous = row.hash;
        }
        QCOMPARE(perLogin.value(QStringLiteral("m1")), kAppendsPerWorkstation);
        QCOMPARE(perLogin.value(QStringLiteral("cm1")), kAppendsPerWorkstation);
        qInfo("the two workstations' appends alternated %d times", switches);
        QVERIFY2(switches >= 10, "the appends did not overlap; the test proved nothing about concurrency");
    }

    // No staff login writes, changes or deletes an audit row directly, or reads the log unless it is the auditor;
    // the append function refuses a snapshot older than its lock and a login that is not an active staff account.
    void theLogIsWrittenOnlyThroughTheFunction()
    {
        const QString cm1 = m_db->roleOf(QStringLiteral("cm1"));
        const QString au1 = m_db->roleOf(QStringLiteral("au1"));
        for (const QString& sql :
            {QStringLiteral("INSERT INTO branchvault.audit_log (seq, at, workstation, login, role, action, "
                            "object_type, object_id, outcome, details, prev_hash, hash) VALUES (100000, 'x', 'x', "
                            "'m1', 'manager', 'forged', 'x', 'x', 'ok', '{}', '\\x00', '\\x00')"),
                QStringLiteral("UPDATE branchvault.audit_log SET login = 'm1' WHERE seq = 1"),
                QStringLiteral("DELETE FROM branchvault.audit_log WHERE seq = 1"),
                QStringLiteral("SELECT count(*) FROM branchvault.audit_log"),
                QStringLiteral("UPDATE branchvault.staff SET role = 'manager' WHERE login = 'cm1'")}) {
            const Psql refused = m_db->psql(sql, cm1);
            QVERIFY2(!refused.ok(), qPrintable(sql));
            QVERIFY2(refused.err.contains(QLatin1String("permission denied")), qPrintable(refused.err));
        }
        // a workstation cannot append the log's own records (a forged purge would fool the verifier)
        const Psql purge
            = m_db->psql(QStringLiteral("SELECT branchvault.audit_append('ws', 'audit.purge', 'audit_log', "
                                        "'', '', 'ok', '{\"purgedThrough\":10}')"),
                cm1);
        QVERIFY(!purge.ok());
        QVERIFY2(purge.err.contains(QLatin1String("does not append")), qPrintable(purge.err));
        // nor the head of the chain, or the server's own writer
        for (const QString& sql : {QStringLiteral("SELECT * FROM branchvault.audit_head FOR UPDATE"),
                 QStringLiteral("SELECT branchvault.audit_write('ws', 'x', 'b', 'c', '', 'ok', '{}')")}) {
            const Psql refused = m_db->psql(sql, cm1);
            QVERIFY2(!refused.ok() && refused.err.contains(QLatin1String("permission denied")),
                qPrintable(sql + QStringLiteral(": ") + refused.err));
        }
        // the auditor reads, and cannot write either
        const Psql read = m_db->psql(QStringLiteral("SELECT count(*) FROM branchvault.audit_log"), au1);
        QVERIFY2(read.ok(), qPrintable(read.err));
        QCOMPARE(read.out.trimmed(), QString::number(2 * kAppendsPerWorkstation));
        const Psql forged = m_db->psql(QStringLiteral("DELETE FROM branchvault.audit_log"), au1);
        QVERIFY(!forged.ok());
        QVERIFY2(forged.err.contains(QLatin1String("permission denied")), qPrintable(forged.err));

        const Psql snapshot
            = m_db->psql(QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT "
                                        "branchvault.audit_append('ws', 'a', 'b', 'c', '', 'ok', '{}'); "
                                        "COMMIT;"),
                cm1);
        QVERIFY(!snapshot.ok());
        QVERIFY2(snapshot.err.contains(QLatin1String("READ COMMITTED")), qPrintable(snapshot.err));

        // a frozen account appends nothing
        const Psql frozen
            = m_db->psql(QStringLiteral("UPDATE branchvault.staff SET status = 'frozen' WHERE login = 'cm1'"));
        QVERIFY2(frozen.ok(), qPrintable(frozen.err));
        const Psql refused
            = m_db->psql(QStringLiteral("SELECT branchvault.audit_append('ws', 'a', 'b', 'c', '', 'ok', '{}')"), cm1);
        QVERIFY(!refused.ok());
        QVERIFY2(
            refused.err.contains(QLatin1String("not an active BranchVault staff account")), qPrintable(refused.err));
        QCOMPARE(m_db->psql(QStringLiteral("SELECT count(*) FROM branchvault.audit_log")).out.trimmed(),
            QString::number(2 * kAppendsPerWorkstation));
        // a frozen auditor reads nothing any more
        BV_VERIFY_PSQL(
            m_db->psql(QStringLiteral("UPDATE branchvault.staff SET status = 'frozen' WHERE login = 'au1'")));
        QCOMPARE(m_db->psql(QStringLiteral("SELECT count(*) FROM branchvault.audit_log"), au1).out.trimmed(),
            QStringLiteral("0"));
    }
};

QTEST_GUILESS_MAIN(TestServerAudit)
#include "tst_serveraudit.moc"
