// Issue 15, the branch's one audit chain: on a real, throwaway PostgreSQL cluster (tools/dev.sh test runs the suite
// under pg_virtualenv), the server's migration 1 (server/sql/) is applied as the database owner; two staff members
// then append audit rows from two psql processes at once. The chain has no gap and no fork, every row's hash is the
// one the workstation's own encoder (AuditLog::rowHash) computes, who acted is the server's session user and not a
// parameter, and no staff login can write, change or delete a row directly, nor read the log unless it is the
// auditor's.
#include "core/audit/AuditRecords.h"
#include "core/internal/audit/AuditLog.h"

#include <QDateTime>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

using namespace bv;

namespace {

constexpr int kAppendsPerWorkstation = 1000;

struct Psql
{
    int exitCode = -1;
    QString out;
    QString err;
};

} // namespace

class TestServerAudit : public QObject
{
    Q_OBJECT
private:
    QString m_database;
    QString m_suffix;
    QTemporaryDir m_dir;

    QString role(const char* name) const { return QStringLiteral("%1_%2").arg(QLatin1String(name), m_suffix); }
    static QString password(const QString& role) { return QStringLiteral("pw-%1").arg(role); }

    // psql as the cluster's superuser (pg_virtualenv's PGUSER) or as `as` with its password; `database` empty for
    // the maintenance database.
    QProcess* start(const QStringList& args, const QString& as = QString(), const QString& database = QString())
    {
        auto* p = new QProcess(this);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (!as.isEmpty()) {
            env.insert(QStringLiteral("PGUSER"), as);
            env.insert(QStringLiteral("PGPASSWORD"), password(as));
        }
        p->setProcessEnvironment(env);
        QStringList all {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"),
            QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-At")};
        if (!database.isEmpty())
            all << QStringLiteral("-d") << database;
        p->start(QStringLiteral("psql"), all + args);
        return p;
    }
    static Psql finish(QProcess* p)
    {
        Psql r;
        if (!p->waitForFinished(300000))
            p->kill();
        r.exitCode = p->exitStatus() == QProcess::NormalExit ? p->exitCode() : -1;
        r.out = QString::fromUtf8(p->readAllStandardOutput());
        r.err = QString::fromUtf8(p->readAllStandardError());
        p->deleteLater();
        return r;
    }
    Psql psql(const QString& sql, const QString& as = QString(), const QString& database = QString())
    {
        return finish(start({QStringLiteral("-c"), sql}, as, database.isEmpty() ? m_database : database));
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("PGHOST") && !qEnvironmentVariableIsEmpty("PGPORT"),
            "needs a throwaway PostgreSQL cluster: run it through tools/dev.sh test (it runs ctest under "
            "pg_virtualenv from postgresql-common)");
        QVERIFY(!qEnvironmentVariableIsEmpty("BV_SOURCE_DIR"));
        QVERIFY(m_dir.isValid());
        m_suffix = QString::number(QCoreApplication::applicationPid());
        m_database = QStringLiteral("bv_audit_%1").arg(m_suffix);
        Psql created = finish(start({QStringLiteral("-c"), QStringLiteral("CREATE DATABASE %1").arg(m_database)},
            QString(), QStringLiteral("postgres")));
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));

        // migration 1, as the database owner would apply it
        const Psql applied = finish(start(
            {QStringLiteral("-f"),
                qEnvironmentVariable("BV_SOURCE_DIR") + QStringLiteral("/server/sql/001_staff_and_audit_chain.sql")},
            QString(), m_database));
        QVERIFY2(applied.exitCode == 0, qPrintable(applied.err));

        // three staff members, each a login role in the group role of its BranchVault role
        const struct
        {
            const char* name;
            const char* login;
            const char* group;
            const char* bvRole;
        } staff[] = {{"ws_m1", "m1", "bv_manager", "manager"},
            {"ws_cm1", "cm1", "bv_customer_manager", "customer_manager"}, {"ws_au1", "au1", "bv_auditor", "auditor"}};
        for (const auto& s : staff) {
            const QString r = role(s.name);
            Psql made = psql(
                QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2' IN ROLE %3; "
                               "INSERT INTO branchvault.staff (login, pg_role, role) VALUES ('%4', '%1', '%5')")
                    .arg(r, password(r), QLatin1String(s.group), QLatin1String(s.login), QLatin1String(s.bvRole)));
            QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        }
    }

    void cleanupTestCase()
    {
        if (m_database.isEmpty())
            return;
        finish(start({QStringLiteral("-c"), QStringLiteral("DROP DATABASE IF EXISTS %1").arg(m_database)}, QString(),
            QStringLiteral("postgres")));
        for (const char* name : {"ws_m1", "ws_cm1", "ws_au1"})
            finish(start({QStringLiteral("-c"), QStringLiteral("DROP ROLE IF EXISTS %1").arg(role(name))}, QString(),
                QStringLiteral("postgres")));
    }

    // Two workstations append at the same time: one chain, no gap, no fork, each row hashed as a workstation
    // hashes it, each row naming the staff member whose session wrote it.
    void concurrentAppendsMakeOneChain()
    {
        const QString databaseId
            = psql(QStringLiteral("SELECT value FROM branchvault.meta WHERE key = 'database_id'")).out.trimmed();
        QVERIFY(!databaseId.isEmpty());

        QList<QProcess*> workstations;
        for (const char* name : {"ws_m1", "ws_cm1"}) {
            QString script;
            for (int i = 0; i < kAppendsPerWorkstation; ++i)
                script += QStringLiteral("SELECT branchvault.audit_append('%1', 'customer.view', 'customer', '%2', "
                                         "'C%3', 'ok', '{\"n\":%2,\"note\":\"逗号, \\\"引号\\\"\"}');\n")
                              .arg(QLatin1String(name))
                              .arg(i)
                              .arg(i, 8, 10, QLatin1Char('0'));
            const QString file = m_dir.filePath(QLatin1String(name) + QStringLiteral(".sql"));
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(script.toUtf8());
            out.close();
            workstations << start({QStringLiteral("-f"), file}, role(name), m_database);
        }
        for (QProcess* p : std::as_const(workstations)) {
            const Psql done = finish(p);
            QVERIFY2(done.exitCode == 0, qPrintable(done.err));
        }

        // the rows as stored, fields separated by the unit separator, hashes in hex
        const Psql rows = finish(start({QStringLiteral("-F"), QStringLiteral("\x1f"), QStringLiteral("-c"),
                                           QStringLiteral("SELECT seq, at, workstation, coalesce(user_id, 0), login, "
                                                          "role, action, object_type, object_id, "
                                                          "coalesce(customer_no, ''), outcome, details, "
                                                          "encode(prev_hash, 'hex'), encode(hash, 'hex') FROM "
                                                          "branchvault.audit_log ORDER BY seq")},
            QString(), m_database));
        QVERIFY2(rows.exitCode == 0, qPrintable(rows.err));
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
            AuditRow row;
            row.seq = f.at(0).toLongLong();
            row.at = QDateTime::fromString(f.at(1), Qt::ISODateWithMs);
            row.workstation = f.at(2);
            row.userId = f.at(3).toLongLong();
            row.login = f.at(4);
            row.role = f.at(5);
            row.action = f.at(6);
            row.objectType = f.at(7);
            row.objectId = f.at(8);
            row.customerNo = f.at(9);
            row.outcome = f.at(10);
            row.details = f.at(11);
            row.prevHash = QByteArray::fromHex(f.at(12).toLatin1());
            row.hash = QByteArray::fromHex(f.at(13).toLatin1());
            QCOMPARE(row.seq, expectedSeq++); // no gap
            QCOMPARE(row.at.toUTC().toString(Qt::ISODateWithMs), f.at(1)); // stored as a workstation stores it
            QCOMPARE(row.prevHash.toHex(), previous.toHex()); // no fork
            QCOMPARE(row.hash.toHex(), AuditLog::rowHash(previous, row).toHex()); // the one encoder
            // who acted is the session's staff account, and the workstation said which one it was
            QVERIFY2((row.login == QLatin1String("m1") && row.role == QLatin1String("manager")
                         && row.workstation == QLatin1String("ws_m1"))
                    || (row.login == QLatin1String("cm1") && row.role == QLatin1String("customer_manager")
                        && row.workstation == QLatin1String("ws_cm1")),
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
    // the append function refuses a snapshot older than its lock and a login that is not a staff account.
    void theLogIsWrittenOnlyThroughTheFunction()
    {
        const QString cm1 = role("ws_cm1");
        const QString au1 = role("ws_au1");
        for (const QString& sql :
            {QStringLiteral("INSERT INTO branchvault.audit_log (seq, at, workstation, login, role, action, "
                            "object_type, object_id, outcome, details, prev_hash, hash) VALUES (100000, 'x', 'x', "
                            "'m1', 'manager', 'forged', 'x', 'x', 'ok', '{}', '\\x00', '\\x00')"),
                QStringLiteral("UPDATE branchvault.audit_log SET login = 'm1' WHERE seq = 1"),
                QStringLiteral("DELETE FROM branchvault.audit_log WHERE seq = 1"),
                QStringLiteral("SELECT count(*) FROM branchvault.audit_log"),
                QStringLiteral("UPDATE branchvault.staff SET role = 'manager' WHERE login = 'cm1'")}) {
            const Psql refused = psql(sql, cm1);
            QVERIFY2(refused.exitCode != 0, qPrintable(sql));
            QVERIFY2(refused.err.contains(QLatin1String("permission denied")), qPrintable(refused.err));
        }
        // the auditor reads, and cannot write either
        const Psql read = psql(QStringLiteral("SELECT count(*) FROM branchvault.audit_log"), au1);
        QVERIFY2(read.exitCode == 0, qPrintable(read.err));
        QCOMPARE(read.out.trimmed(), QString::number(2 * kAppendsPerWorkstation));
        const Psql forged = psql(QStringLiteral("DELETE FROM branchvault.audit_log"), au1);
        QVERIFY(forged.exitCode != 0);
        QVERIFY2(forged.err.contains(QLatin1String("permission denied")), qPrintable(forged.err));

        const Psql snapshot = psql(QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT "
                                                  "branchvault.audit_append('ws', 'a', 'b', 'c', '', 'ok', '{}'); "
                                                  "COMMIT;"),
            cm1);
        QVERIFY(snapshot.exitCode != 0);
        QVERIFY2(snapshot.err.contains(QLatin1String("READ COMMITTED")), qPrintable(snapshot.err));

        // a login in the group role but without a staff row (or a frozen one) appends nothing
        Psql frozen = psql(QStringLiteral("UPDATE branchvault.staff SET status = 'frozen' WHERE login = 'cm1'"));
        QVERIFY2(frozen.exitCode == 0, qPrintable(frozen.err));
        const Psql refused
            = psql(QStringLiteral("SELECT branchvault.audit_append('ws', 'a', 'b', 'c', '', 'ok', '{}')"), cm1);
        QVERIFY(refused.exitCode != 0);
        QVERIFY2(
            refused.err.contains(QLatin1String("not an active BranchVault staff account")), qPrintable(refused.err));
        QCOMPARE(psql(QStringLiteral("SELECT count(*) FROM branchvault.audit_log")).out.trimmed(),
            QString::number(2 * kAppendsPerWorkstation));
    }
};

QTEST_GUILESS_MAIN(TestServerAudit)
#include "tst_serveraudit.moc"
