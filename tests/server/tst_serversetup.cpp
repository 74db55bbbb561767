// Issue 15, set-up: a workstation connects to the branch server only over TLS with the server's certificate checked
// against the branch CA and the host name (sslmode=verify-full), presenting its own certificate from the branch CA;
// `branchvault-cli server init` creates the schema in the empty database as its owner, and refuses a superuser, a
// second run and a database that is not empty. The certificates come from server/branchvault-branch-ca, the server
// is the suite's throwaway PostgreSQL cluster with TLS switched on and this test's database reachable only with TLS
// and a client certificate (pg_hba.conf), and the CLI runs against a private keychain.
#include "core/audit/AuditRecords.h"
#include "core/common/AtomicFile.h"
#include "core/customers/rules/HolidayCalendar.h"
#include "core/customers/rules/WorkingCalendar.h"
#include "core/internal/keys/FieldCipher.h"
#include "core/internal/keys/KeySlots.h"
#include "core/internal/keys/RecoveryPassphrase.h"
#include "core/internal/server/ServerCredentials.h"
#include "core/server/ServerAddress.h"
#include "tests/testsupport/CliRunner.h"
#include "tests/testsupport/ServerDatabase.h"
#include "tests/testsupport/ServerTls.h"
#include "tests/testsupport/TestData.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace bv;
using namespace bv::test;

class TestServerSetup : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_ca, m_otherCa, m_otherPassphrase, m_passphrase, m_database, m_owner, m_hba, m_hbaBefore, m_config;
    const QString m_ownerPassword = QStringLiteral("owner-pw-7Q2");
    QString m_recovery, m_adminOneTime; // what server init shows once
    const QString m_adminPassword = QStringLiteral("admin-pw-8Rt");
    const QString m1Password = QStringLiteral("m1-pw-4Kx9");
    const QString c1Password = QStringLiteral("c1-pw-5Ly2");
    const QString u1Password = QStringLiteral("u1-pw-6Mz3");
    CliRunner m_cli;

    using Run = ServerTls::Run;
    static Run exec(const QString& program, const QStringList& args, const QByteArray& input = {},
        const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment())
    {
        return ServerTls::exec(program, args, input, env);
    }
    static Run superuser(const QString& sql) { return ServerTls::superuser(sql); }
    // psql on this test's database over TLS with the workstation's certificate, as `user`.
    QString conninfo(const QString& user, const QString& sslmode) const
    {
        return QStringLiteral("host=127.0.0.1 port=%1 dbname=%2 user=%3 sslmode=%4 sslrootcert=%5 sslcert=%6 sslkey=%7 "
                              "sslpassword=%8")
            .arg(qEnvironmentVariable("PGPORT"), m_database, user, sslmode, m_ca,
                m_dir.filePath(QStringLiteral("ca/ws01.crt")), m_dir.filePath(QStringLiteral("ca/ws01.key")),
                m_passphrase);
    }
    QProcessEnvironment withPassword(const QString& password) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGPASSWORD"), password);
        return env;
    }
    Run tlsPsql(const QString& sql, const QString& user, const QString& password, const QString& sslmode)
    {
        return exec(QStringLiteral("psql"),
            {QStringLiteral("-X"), QStringLiteral("-At"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
                conninfo(user, sslmode), QStringLiteral("-c"), sql},
            {}, withPassword(password));
    }
    static Run branchCa(const QStringList& args) { return ServerTls::branchCa(args); }
    CliRun cli(const QStringList& args, const QByteArray& input = {}) { return m_cli.run(args, input); }
    QString url(const QString& host) const
    {
        return QStringLiteral("postgresql://%1:%2/%3").arg(host, qEnvironmentVariable("PGPORT"), m_database);
    }
    QStringList addArgs(const QString& host, const QString& ca) const
    {
        return {QStringLiteral("server"), QStringLiteral("add-workstation"), QStringLiteral("--url"), url(host),
            QStringLiteral("--ca"), ca, QStringLiteral("--cert"), m_dir.filePath(QStringLiteral("ca/ws01.crt")),
            QStringLiteral("--key"), m_dir.filePath(QStringLiteral("ca/ws01.key"))};
    }
    QStringList configFiles() const
    {
        QStringList files;
        QDirIterator it(m_config, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
        return files;
    }
    QStringList serverCommand(const QStringList& args) const { return QStringList {QStringLiteral("server")} + args; }
    QString adminRole() const { return *ServerCredentials::roleOf(QStringLiteral("a1"), m_database); }
    QString serverPassword(const QString& login, const QString& password) const
    {
        auto derived = ServerCredentials::serverPassword(login, m_database, SecureBytes::copyOf(password.toUtf8()));
        return derived.ok() ? QString::fromLatin1(derived->view().toByteArray()) : QString();
    }
    // The administrator a1 adds an account; its one-time password.
    QString addAccount(const QString& login, const QString& role)
    {
        const CliRun r
            = cli(serverCommand({QStringLiteral("user"), QStringLiteral("add"), login, QStringLiteral("--role"), role,
                      QStringLiteral("--user"), QStringLiteral("a1"), QStringLiteral("--json")}),
                m_adminPassword.toUtf8() + "\n");
        if (r.status != 0)
            qWarning("user add %s: %s", qPrintable(login), r.err.constData());
        return r.json().value(QStringLiteral("oneTimePassword")).toString();
    }
    // SQL on this test's database as the cluster's superuser (over TLS with the workstation's certificate: the
    // database takes nothing else), which can do whatever the database's owner can and more.
    Run asSuperuser(const QString& sql)
    {
        return tlsPsql(
            sql, qEnvironmentVariable("PGUSER"), qEnvironmentVariable("PGPASSWORD"), QStringLiteral("verify-full"));
    }
    Run asOwner(const QString& sql) { return tlsPsql(sql, m_owner, m_ownerPassword, QStringLiteral("verify-full")); }
    // The database id this workstation pinned (its configuration file, as QSettings keeps it on Linux).
    QString pinnedDatabaseId() const
    {
        return QSettings(m_config + QStringLiteral("/BranchVault/workstation.conf"), QSettings::IniFormat)
            .value(QStringLiteral("server/databaseId"))
            .toString();
    }
    CliRun auditor(const QStringList& args)
    {
        return cli(serverCommand(QStringList {QStringLiteral("audit")} + args
                       + QStringList {QStringLiteral("--user"), QStringLiteral("u1"), QStringLiteral("--json")}),
            u1Password.toUtf8() + "\n");
    }
    void reload()
    {
        const QString failed = ServerTls::reload();
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(ServerDatabase::environmentProblem().isEmpty(), qPrintable(ServerDatabase::environmentProblem()));
        QVERIFY2(CliRunner::environmentProblem().isEmpty(), qPrintable(CliRunner::environmentProblem()));
        QVERIFY(m_dir.isValid());
        QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty(),
            "the branch CA script needs openssl (tools/dev.sh setup installs it)");
        const QString pid = QString::number(QCoreApplication::applicationPid());
        m_database = QStringLiteral("bv_setup_%1").arg(pid);
        m_owner = QStringLiteral("bv_setup_owner_%1").arg(pid);
        m_config = m_dir.filePath(QStringLiteral("config"));
        m_cli.environment().insert(QStringLiteral("XDG_CONFIG_HOME"), m_config);

        // The branch CA, the server's certificate for a host name that is not "localhost" (plus its IP address),
        // one workstation, TLS on the cluster with them, and a second CA that is not the branch's.
        ServerTls tls;
        const QString failed = tls.enable(m_dir.path());
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        m_passphrase = tls.passphrase();
        Run r = branchCa({QStringLiteral("init"), m_dir.filePath(QStringLiteral("other"))});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        r = branchCa({QStringLiteral("workstation"), m_dir.filePath(QStringLiteral("other")), QStringLiteral("ws02")});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        m_otherPassphrase = r.out.trimmed().section(QLatin1Char('\n'), -1).trimmed();
        m_ca = tls.caFile();
        m_otherCa = m_dir.filePath(QStringLiteral("other/ca.crt"));
        QVERIFY(QFileInfo(m_dir.filePath(QStringLiteral("ca/ca.key"))).permissions()
            == (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser | QFileDevice::WriteUser));

        // The owner the DBA made (CREATEROLE, not superuser) and the empty database.
        r = ServerTls::createOwner(m_owner, m_ownerPassword, m_database);
        QVERIFY2(r.status == 0, qPrintable(r.err));

        // This database only with TLS and a certificate from the branch CA (docs/SERVER.md's pg_hba.conf lines).
        r = superuser(QStringLiteral("SHOW hba_file"));
        m_hba = r.out.trimmed();
        QFile hba(m_hba);
        QVERIFY(hba.open(QIODevice::ReadOnly));
        m_hbaBefore = QString::fromUtf8(hba.readAll());
        hba.close();
        QVERIFY(hba.open(QIODevice::WriteOnly | QIODevice::Truncate));
        hba.write(QStringLiteral("hostssl %1 all 127.0.0.1/32 scram-sha-256 clientcert=verify-ca\n"
                                 "host %1 all all reject\n")
                      .arg(m_database)
                      .toUtf8()
            + m_hbaBefore.toUtf8());
        hba.close();
        reload();
        r = superuser(QStringLiteral("SELECT count(*) FROM pg_hba_file_rules WHERE error IS NOT NULL"));
        QCOMPARE(r.out.trimmed(), QStringLiteral("0"));
    }

    void cleanupTestCase()
    {
        if (m_database.isEmpty())
            return;
        if (!m_hba.isEmpty()) {
            QFile hba(m_hba);
            if (hba.open(QIODevice::WriteOnly | QIODevice::Truncate))
                hba.write(m_hbaBefore.toUtf8());
        }
        ServerTls::disable();
        superuser(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(m_database));
        superuser(QStringLiteral("DROP ROLE IF EXISTS %1").arg(m_owner));
        for (const char* login : {"a1", "m1", "m2", "c1", "u1", "k1"})
            superuser(QStringLiteral("DROP ROLE IF EXISTS %1")
                          .arg(*ServerCredentials::roleOf(QLatin1String(login), m_database)));
    }

    // Addresses carry no login, password or connection options.
    void anAddressIsOnlyHostPortAndDatabase()
    {
        auto good = ServerAddress::parse(QStringLiteral("postgresql://branch-db.test:6543/branch_0101"));
        QVERIFY(good.ok());
        QCOMPARE(good->host, QStringLiteral("branch-db.test"));
        QCOMPARE(good->port, 6543);
        QCOMPARE(good->database, QStringLiteral("branch_0101"));
        QCOMPARE(ServerAddress::parse(QStringLiteral("postgres://db/b"))->port, 5432);
        for (const char* bad :
            {"postgresql://owner:secret@db/b", "postgresql://owner@db/b", "postgresql://db/b?sslmode=disable",
                "postgresql://db/", "http://db/b", "postgresql:///b", "postgresql://db/b/c", "db/b", ""}) {
            auto refused = ServerAddress::parse(QString::fromLatin1(bad));
            QVERIFY2(!refused.ok(), bad);
            QCOMPARE(refused.error().field, QStringLiteral("url"));
            QVERIFY2(!refused.error().message.contains(QLatin1String("secret")), bad);
        }
    }

    // The server's identity is checked before anything is kept: another CA, a host name the certificate does not
    // carry, or a wrong key passphrase leave this workstation unconnected.
    void aWorkstationConnectsOnlyToTheBranchServer()
    {
        CliRun r = cli(addArgs(QStringLiteral("127.0.0.1"), m_otherCa), m_passphrase.toUtf8() + "\n");
        QCOMPARE(r.status, 27); // server-identity
        QVERIFY2(r.err.contains("branch CA"), r.err.constData());
        r = cli(addArgs(QStringLiteral("localhost"), m_ca), m_passphrase.toUtf8() + "\n");
        QCOMPARE(r.status, 27);
        QVERIFY2(r.err.contains("does not name the host localhost"), r.err.constData());
        r = cli(addArgs(QStringLiteral("127.0.0.1"), m_ca), "not-the-passphrase\n");
        QVERIFY2(r.status == 12, r.err.constData()); // wrong-key
        r = cli(addArgs(QStringLiteral("127.0.0.1"), m_dir.filePath(QStringLiteral("ca/ws01.crt"))),
            m_passphrase.toUtf8() + "\n");
        QCOMPARE(r.status, 27); // a workstation certificate is no CA
        // a workstation certificate from another CA: the server refuses it in the handshake
        r = cli({QStringLiteral("server"), QStringLiteral("add-workstation"), QStringLiteral("--url"),
                    url(QStringLiteral("127.0.0.1")), QStringLiteral("--ca"), m_ca, QStringLiteral("--cert"),
                    m_dir.filePath(QStringLiteral("other/ws02.crt")), QStringLiteral("--key"),
                    m_dir.filePath(QStringLiteral("other/ws02.key"))},
            m_otherPassphrase.toUtf8() + "\n");
        QCOMPARE(r.status, 3); // permission-denied
        QVERIFY2(r.err.contains("does not accept this workstation's certificate"), r.err.constData());
        QVERIFY2(configFiles().isEmpty(), qPrintable(configFiles().join(QLatin1Char(' '))));
        r = cli({QStringLiteral("server"), QStringLiteral("status"), QStringLiteral("--user"), m_owner}, "x\n");
        QCOMPARE(r.status, 4); // not connected
    }

    void aWorkstationIsAddedOnceWithItsPassphraseInTheKeychain()
    {
        CliRun r = cli(addArgs(QStringLiteral("127.0.0.1"), m_ca), m_passphrase.toUtf8() + "\n");
        QVERIFY2(r.status == 0, r.err.constData());
        const QString folder = m_config + QStringLiteral("/BranchVault/server");
        for (const char* name : {"ca.crt", "workstation.crt", "workstation.key"}) {
            const QFileInfo copy(folder + QLatin1Char('/') + QLatin1String(name));
            QVERIFY2(copy.exists(), name);
            QCOMPARE(
                copy.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
        }
        // The passphrase is in no file of the configuration, and the address names no login.
        for (const QString& path : configFiles()) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains(m_passphrase.toUtf8()), qPrintable(path));
        }
        r = cli(addArgs(QStringLiteral("127.0.0.1"), m_ca), m_passphrase.toUtf8() + "\n");
        QCOMPARE(r.status, 5); // already connected: nothing replaced
    }

    // init runs as the database's owner, never as a superuser, and once.
    void initCreatesTheSchemaOnceAsTheOwner()
    {
        const QStringList init {QStringLiteral("server"), QStringLiteral("init"), QStringLiteral("--admin"),
            QStringLiteral("a1"), QStringLiteral("--branch"), QStringLiteral("0101"), QStringLiteral("--owner")};
        CliRun r = cli(
            init + QStringList {qEnvironmentVariable("PGUSER")}, qEnvironmentVariable("PGPASSWORD").toUtf8() + "\n");
        QCOMPARE(r.status, 3); // the cluster's superuser
        QVERIFY2(r.err.contains("superuser"), r.err.constData());
        r = cli(init + QStringList {m_owner}, "wrong\n");
        QCOMPARE(r.status, 21);
        Run schema = superuser(QStringLiteral("SELECT 1"));
        schema = tlsPsql(QStringLiteral("SELECT count(*) FROM pg_namespace WHERE nspname = 'branchvault'"), m_owner,
            m_ownerPassword, QStringLiteral("verify-full"));
        QCOMPARE(schema.out.trimmed(), QStringLiteral("0"));

        // nothing to upgrade in a database without a branch server
        const QStringList upgrade {QStringLiteral("server"), QStringLiteral("upgrade"), QStringLiteral("--owner")};
        r = cli(upgrade + QStringList {m_owner}, m_ownerPassword.toUtf8() + "\n");
        QCOMPARE(r.status, 4);
        QVERIFY2(r.err.contains("server init"), r.err.constData());

        // PostgreSQL 16 and later: an owner without ADMIN OPTION on a group role that exists could not put staff in
        // it. init says so, naming the DBA's GRANT, before anything changes. (On 15 CREATEROLE is enough: no check.)
        Run version = superuser(QStringLiteral("SHOW server_version_num"));
        QCOMPARE(version.status, 0);
        if (version.out.trimmed().toInt() >= 160000) {
            Run exists = superuser(QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname = 'bv_auditor'"));
            QVERIFY2(superuser(exists.out.trimmed() == QLatin1String("1")
                             ? QStringLiteral("REVOKE ADMIN OPTION FOR bv_auditor FROM %1").arg(m_owner)
                             : QStringLiteral("CREATE ROLE bv_auditor NOLOGIN"))
                         .status
                    == 0,
                "bv_auditor without the owner's ADMIN OPTION");
            r = cli(init + QStringList {m_owner}, m_ownerPassword.toUtf8() + "\n");
            QCOMPARE(r.status, 3);
            QVERIFY2(r.err.contains(QStringLiteral("GRANT bv_auditor TO %1 WITH ADMIN OPTION").arg(m_owner).toUtf8()),
                r.err.constData());
            schema = tlsPsql(QStringLiteral("SELECT count(*) FROM pg_namespace WHERE nspname = 'branchvault'"), m_owner,
                m_ownerPassword, QStringLiteral("verify-full"));
            QCOMPARE(schema.out.trimmed(), QStringLiteral("0"));
            QCOMPARE(superuser(QStringLiteral("GRANT bv_auditor TO %1 WITH ADMIN OPTION").arg(m_owner)).status, 0);
        }

        r = cli(init + QStringList {m_owner, QStringLiteral("--json")}, m_ownerPassword.toUtf8() + "\n");
        QVERIFY2(r.status == 0, r.err.constData());
        // the schema version is the last migration's number (a branch may lack a migration merged in parallel)
        const QStringList migrations = QDir(qEnvironmentVariable("BV_SOURCE_DIR") + QStringLiteral("/server/sql"))
                                           .entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
        QVERIFY(!migrations.isEmpty());
        QCOMPARE(r.json().value(QStringLiteral("schemaVersion")).toInt(),
            migrations.last().section(QLatin1Char('_'), 0, 0).toInt());
        schema = tlsPsql(QStringLiteral("SELECT value FROM branchvault.meta WHERE key = 'database_id'"), m_owner,
            m_ownerPassword, QStringLiteral("verify-full"));
        QCOMPARE(schema.out.trimmed(), r.json().value(QStringLiteral("databaseId")).toString());
        m_recovery = r.json().value(QStringLiteral("recoveryPassphrase")).toString();
        m_adminOneTime = r.json().value(QStringLiteral("adminPassword")).toString();
        QVERIFY(m_recovery.size() >= 25);
        QVERIFY(m_adminOneTime.size() >= 16);
        // the server holds the branch's keys only sealed to the recovery passphrase, and no password: the first
        // administrator's login role has a SCRAM verifier
        schema = tlsPsql(QStringLiteral("SELECT length(recovery_sealed), length(recovery_check), generation "
                                        "FROM branchvault.custody"),
            m_owner, m_ownerPassword, QStringLiteral("verify-full"));
        QCOMPARE(schema.out.trimmed(), QStringLiteral("116|32|1"));
        schema = superuser(
            QStringLiteral("SELECT left(rolpassword, 14) FROM pg_authid WHERE rolname = '%1'").arg(adminRole()));
        QCOMPARE(schema.out.trimmed(), QStringLiteral("SCRAM-SHA-256$"));
        // the official holiday calendar the program ships, for the complaints' due dates (migration 21)
        const OfficialCalendar& shipped = HolidayCalendar::shipped();
        QList<int> years(shipped.years.cbegin(), shipped.years.cend());
        std::sort(years.begin(), years.end());
        QStringList yearTexts;
        for (int year : std::as_const(years))
            yearTexts << QString::number(year) + QStringLiteral(":shipped");
        schema = asOwner(QStringLiteral("SELECT string_agg(year || ':' || source, ',' ORDER BY year) || '|' || "
                                        "(SELECT count(*) FROM branchvault.official_calendar) FROM "
                                        "branchvault.official_calendar_years"));
        QCOMPARE(schema.out.trimmed(),
            yearTexts.join(QLatin1Char(',')) + QLatin1Char('|')
                + QString::number(shipped.holidays.size() + shipped.workdays.size()));

        r = cli(init + QStringList {m_owner}, m_ownerPassword.toUtf8() + "\n");
        QCOMPARE(r.status, 5);
        QVERIFY2(r.err.contains("set up already"), r.err.constData());

        // upgrade (tst_serverupgrade brings an older server up): a server set up by this release holds every
        // migration, so nothing changes and nothing is recorded; the superuser is refused as by init
        const QString rows = QStringLiteral("SELECT count(*) FROM branchvault.audit_log");
        const QString before = asOwner(rows).out.trimmed();
        r = cli(upgrade + QStringList {m_owner, QStringLiteral("--json")}, m_ownerPassword.toUtf8() + "\n");
        QVERIFY2(r.status == 0, r.err.constData());
        QCOMPARE(r.json().value(QStringLiteral("from")).toInt(), r.json().value(QStringLiteral("to")).toInt());
        QCOMPARE(r.json().value(QStringLiteral("to")).toInt(), int(migrations.size()));
        QVERIFY(r.json().value(QStringLiteral("applied")).toArray().isEmpty());
        QCOMPARE(asOwner(rows).out.trimmed(), before);
        r = cli(
            upgrade + QStringList {qEnvironmentVariable("PGUSER")}, qEnvironmentVariable("PGPASSWORD").toUtf8() + "\n");
        QCOMPARE(r.status, 3);
        QVERIFY2(r.err.contains("superuser"), r.err.constData());
        r = cli({QStringLiteral("server"), QStringLiteral("upgrade")}, QByteArray());
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.contains("--owner"), r.err.constData());
    }

    // A staff member signs in to the server from the connected workstation with the BranchVault password, from
    // which the workstation derives the password the server knows; nobody reaches this database without TLS or
    // without a workstation certificate.
    void staffConnectOnlyWithTlsAndAWorkstationCertificate()
    {
        CliRun status = cli(serverCommand({QStringLiteral("status"), QStringLiteral("--user"), QStringLiteral("a1"),
                                QStringLiteral("--json")}),
            m_adminOneTime.toUtf8() + "\n");
        QVERIFY2(status.status == 0, status.err.constData());
        QCOMPARE(status.json().value(QStringLiteral("role")).toString(), QStringLiteral("admin"));
        QCOMPARE(status.json().value(QStringLiteral("branch")).toString(), QStringLiteral("0101"));
        QCOMPARE(status.json().value(QStringLiteral("mustChangePassword")).toBool(), true);
        QCOMPARE(status.json().value(QStringLiteral("keys")).toString(), QStringLiteral("none"));
        QVERIFY(status.json().value(QStringLiteral("tls")).toString().startsWith(QLatin1String("TLSv1.")));
        status
            = cli(serverCommand({QStringLiteral("status"), QStringLiteral("--user"), QStringLiteral("a1")}), "bad\n");
        QCOMPARE(status.status, 21);
        status = cli(serverCommand({QStringLiteral("status"), QStringLiteral("--user"), QStringLiteral("nobody")}),
            m_adminOneTime.toUtf8() + "\n");
        QCOMPARE(status.status, 21);
        // the BranchVault password itself is not what the server knows: psql with it is refused
        Run r = tlsPsql(QStringLiteral("SELECT 1"), adminRole(), m_adminOneTime, QStringLiteral("verify-full"));
        QVERIFY(r.status != 0);
        QVERIFY2(r.err.contains("password authentication failed"), qPrintable(r.err));

        const QString derived = serverPassword(QStringLiteral("a1"), m_adminOneTime);
        r = tlsPsql(QStringLiteral("SELECT 1"), adminRole(), derived, QStringLiteral("verify-full"));
        QVERIFY2(r.status == 0, qPrintable(r.err));
        r = tlsPsql(QStringLiteral("SELECT 1"), adminRole(), derived, QStringLiteral("disable"));
        QVERIFY(r.status != 0);
        QVERIFY2(r.err.contains("no encryption"), qPrintable(r.err));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGPASSWORD"), derived);
        r = exec(QStringLiteral("psql"),
            {QStringLiteral("-X"),
                QStringLiteral("host=127.0.0.1 port=%1 dbname=%2 user=%3 sslmode=verify-full sslrootcert=%4")
                    .arg(qEnvironmentVariable("PGPORT"), m_database, adminRole(), m_ca),
                QStringLiteral("-c"), QStringLiteral("SELECT 1")},
            {}, env);
        QVERIFY(r.status != 0);
        QVERIFY2(r.err.contains("certificate"), qPrintable(r.err));
    }

    // Custody on the server (DESIGN §2, §3): the first administrator changes the one-time password; the first
    // branch manager gets the customer-information keys through the recovery passphrase and a confirmation code;
    // a customer manager through that branch manager. Each opens them with the own password only.
    void theFirstBranchManagerGetsTheKeysThroughTheRecoveryPassphrase()
    {
        CliRun r = cli(serverCommand({QStringLiteral("passwd"), QStringLiteral("--user"), QStringLiteral("a1")}),
            (m_adminOneTime + QLatin1Char('\n') + m_adminPassword + QLatin1Char('\n') + m_adminPassword
                + QLatin1Char('\n'))
                .toUtf8());
        QVERIFY2(r.status == 0, r.err.constData());
        r = cli(serverCommand({QStringLiteral("status"), QStringLiteral("--user"), QStringLiteral("a1"),
                    QStringLiteral("--json")}),
            m_adminPassword.toUtf8() + "\n");
        QVERIFY2(r.status == 0, r.err.constData());
        QCOMPARE(r.json().value(QStringLiteral("mustChangePassword")).toBool(), false);

        const QString m1OneTime = addAccount(QStringLiteral("m1"), QStringLiteral("manager"));
        QVERIFY(!m1OneTime.isEmpty());
        // awaiting: no sign-in before a branch manager's confirmation
        r = cli(serverCommand({QStringLiteral("status"), QStringLiteral("--user"), QStringLiteral("m1")}),
            m1OneTime.toUtf8() + "\n");
        QVERIFY(r.status != 0);
        // the administrator holds no keys: without the recovery passphrase it cannot give m1 a slot
        r = cli(serverCommand({QStringLiteral("user"), QStringLiteral("confirm"), QStringLiteral("m1"),
                    QStringLiteral("--user"), QStringLiteral("a1")}),
            m_adminPassword.toUtf8() + "\n");
        QCOMPARE(r.status, 3);
        // another sheet's passphrase opens nothing and changes nothing
        const QString wrongSheet = QString::fromLatin1(RecoveryPassphrase::generate().view().toByteArray());
        r = cli(serverCommand({QStringLiteral("user"), QStringLiteral("confirm"), QStringLiteral("m1"),
                    QStringLiteral("--recovery"), QStringLiteral("--user"), QStringLiteral("a1")}),
            (m_adminPassword + QLatin1Char('\n') + wrongSheet + QLatin1Char('\n')).toUtf8());
        QVERIFY2(r.status == 12, r.err.constData()); // wrong-key
        r = cli(serverCommand({QStringLiteral("user"), QStringLiteral("confirm"), QStringLiteral("m1"),
                    QStringLiteral("--recovery"), QStringLiteral("--user"), QStringLiteral("a1"),
                    QStringLiteral("--json")}),
            (m_adminPassword + QLatin1Char('\n') + m_recovery + QLatin1Char('\n')).toUtf8());
        QVERIFY2(r.status == 0, r.err.constData());
        const QString m1Code = r.json().value(QStringLiteral("confirmationCode")).toString();
        QVERIFY(!m1Code.isEmpty());

        r = cli(serverCommand({QStringLiteral("status"), QStringLiteral("--user"), QStringLiteral("m1"),
                    QStringLiteral("--json")}),
            m1OneTime.toUtf8() + "\n");
        QVERIFY2(r.status == 0, r.err.constData());
        QCOMPARE(r.json().value(QStringLiteral("keys")).toString(), QStringLiteral("awaiting-password-change"));
        // the administrator's one-time password and a wrong code open no slot, and leave the account as it was
        const QByteArray m1Change
            = (m1OneTime + QLatin1Char('\n') + m1Password + QLatin1Char('\n') + m1Password + QLatin1Char('\n'))
                  .toUtf8();
        r = cli(serverCommand({QStringLiteral("passwd"), QStringLiteral("--user"), QStringLiteral("m1")}),
            m1Change + "aaaa-bbbb-cccc-dddd\n");
        QCOMPARE(r.status, 21);
        r = cli(serverCommand({QStringLiteral("passwd"), QStringLiteral("--user"), QStringLiteral("m1"),
                    QStringLiteral("--json")}),
            m1Change + m1Code.toUtf8() + "\n");
        QVERIFY2(r.status == 0, r.err.constData());
        QCOMPARE(r.json().value(QStringLiteral("keys")).toString(), QStringLiteral("open"));
        r = cli(serverCommand({QStringLiteral("status"), QStringLiteral("--user"), QStringLiteral("m1"),
                    QStringLiteral("--json")}),
            m1Password.toUtf8() + "\n");
        QVERIFY2(r.status == 0, r.err.constData());
        QCOMPARE(r.json().value(QStringLiteral("keys")).toString(), QStringLiteral("open"));

        // now a branch manager exists: the recovery passphrase is not for a second one
        const QString m2OneTime = addAccount(QStringLiteral("m2"), QStringLiteral("manager"));
        r = cli(serverCommand({QStringLiteral("user"), QStringLiteral("confirm"), QStringLiteral("m2"),
                    QStringLiteral("--recovery"), QStringLiteral("--user"), QStringLiteral("a1")}),
            (m_adminPassword + QLatin1Char('\n') + m_recovery + QLatin1Char('\n')).toUtf8());
        QCOMPARE(r.status, 6); // conflict: m1 can confirm it
        QVERIFY2(r.err.contains("first or the last branch manager"), r.err.constData());
        // the database's owner seals keys of its own choosing to the recovery passphrase's public key, which the
        // server keeps: the workstation that opens the slot with the passphrase tells it from the set-up's (its tag)
        // and uses none of its keys
        Run custody
            = tlsPsql(QStringLiteral("SELECT encode(recovery_public_key, 'hex') || '|' || "
                                     "encode(recovery_salt, 'hex') || '|' || recovery_ops || '|' || recovery_mem "
                                     "|| '|' || encode(recovery_sealed, 'hex') FROM branchvault.custody"),
                m_owner, m_ownerPassword, QStringLiteral("verify-full"));
        const QStringList parts = custody.out.trimmed().split(QLatin1Char('|'));
        QCOMPARE(parts.size(), 5);
        auto forged = KeySlots::seal(FieldKeys::generate(1),
            KeySlots::Recipient {QByteArray::fromHex(parts.at(0).toLatin1()),
                QByteArray::fromHex(parts.at(1).toLatin1()), parts.at(2).toULongLong(), parts.at(3).toULongLong()});
        QVERIFY(forged.ok());
        custody = tlsPsql(QStringLiteral("UPDATE branchvault.custody SET recovery_sealed = '\\x%1'")
                              .arg(QString::fromLatin1(forged->wrapped.toHex())),
            m_owner, m_ownerPassword, QStringLiteral("verify-full"));
        QVERIFY2(custody.status == 0, qPrintable(custody.err));
        r = cli(serverCommand({QStringLiteral("user"), QStringLiteral("confirm"), QStringLiteral("m2"),
                    QStringLiteral("--recovery"), QStringLiteral("--user"), QStringLiteral("a1")}),
            (m_adminPassword + QLatin1Char('\n') + m_recovery + QLatin1Char('\n')).toUtf8());
        QCOMPARE(r.status, 14); // damaged
        QVERIFY2(r.err.contains("changed on the server"), r.err.constData());
        custody = tlsPsql(QStringLiteral("UPDATE branchvault.custody SET recovery_sealed = '\\x%1'").arg(parts.at(4)),
            m_owner, m_ownerPassword, QStringLiteral("verify-full"));
        QVERIFY2(custody.status == 0, qPrintable(custody.err));

        // a customer manager, confirmed by the branch manager, opens the keys with the own password
        const QString c1OneTime = addAccount(QStringLiteral("c1"), QStringLiteral("customer_manager"));
        r = cli(serverCommand({QStringLiteral("user"), QStringLiteral("confirm"), QStringLiteral("c1"),
                    QStringLiteral("--user"), QStringLiteral("m1"), QStringLiteral("--json")}),
            m1Password.toUtf8() + "\n");
        QVERIFY2(r.status == 0, r.err.constData());
        const QString c1Code = r.json().value(QStringLiteral("confirmationCode")).toString();
        QVERIFY(!c1Code.isEmpty());
        QVERIFY(c1Code != m1Code);
        r = cli(serverCommand({QStringLiteral("passwd"), QStringLiteral("--user"), QStringLiteral("c1")}),
            (c1OneTime + QLatin1Char('\n') + c1Password + QLatin1Char('\n') + c1Password + QLatin1Char('\n') + c1Code
                + QLatin1Char('\n'))
                .toUtf8());
        QVERIFY2(r.status == 0, r.err.constData());
        r = cli(serverCommand({QStringLiteral("status"), QStringLiteral("--user"), QStringLiteral("c1"),
                    QStringLiteral("--json")}),
            c1Password.toUtf8() + "\n");
        QVERIFY2(r.status == 0, r.err.constData());
        QCOMPARE(r.json().value(QStringLiteral("keys")).toString(), QStringLiteral("open"));
        QCOMPARE(r.json().value(QStringLiteral("role")).toString(), QStringLiteral("customer_manager"));

        // what the server keeps: two password slots, no password, no key; none of the typed secrets in its tables
        Run held = tlsPsql(QStringLiteral("SELECT string_agg(s.login || ':' || k.kind, ',' ORDER BY s.login) "
                                          "FROM branchvault.key_slots k JOIN branchvault.staff s ON s.id = k.staff_id"),
            m_owner, m_ownerPassword, QStringLiteral("verify-full"));
        QCOMPARE(held.out.trimmed(), QStringLiteral("c1:password,m1:password"));
        Run dump = exec(QStringLiteral("pg_dump"),
            {QStringLiteral("-d"), conninfo(m_owner, QStringLiteral("verify-full")), QStringLiteral("-a")}, {},
            withPassword(m_ownerPassword));
        QVERIFY2(dump.status == 0, qPrintable(dump.err));
        for (const QString& secret :
            {m_recovery, m_adminPassword, m1Password, c1Password, m1Code, c1Code, m1OneTime, c1OneTime, m2OneTime})
            QVERIFY(!dump.out.contains(secret));
    }

    // Everything a process can read of the server's disk: its data directory (after a checkpoint) and its log.
    QStringList serverFiles()
    {
        QStringList files;
        const Run data = superuser(QStringLiteral("CHECKPOINT; SHOW data_directory"));
        if (data.status != 0)
            return files;
        const QString directory = data.out.trimmed().section(QLatin1Char('\n'), -1).trimmed();
        QDirIterator it(directory, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
        // the server's log is its standard error (pg_virtualenv: a file of its own)
        QFile pidFile(directory + QStringLiteral("/postmaster.pid"));
        if (pidFile.open(QIODevice::ReadOnly)) {
            const QString log = QFile::symLinkTarget(
                QStringLiteral("/proc/%1/fd/2").arg(QString::fromLatin1(pidFile.readLine().trimmed())));
            if (!log.isEmpty())
                files << log;
        }
        return files;
    }

    // DESIGN §6 across two workstations, each its own process and configuration: the customer manager enters at
    // one, the branch manager approves at the other (at once with the next entry), the customer manager asks to see
    // a customer in full, the branch manager approves, and the customer manager's workstation opens what the server
    // returns. Nothing the server holds or logs — every statement logged with its parameters — carries a grade-1
    // value in the clear; a value moved to another customer on the server does not open.
    void aManagerAndACustomerManagerWorkAtTwoWorkstations()
    {
        Run r0 = superuser(QStringLiteral("ALTER DATABASE %1 SET log_statement = 'all'").arg(m_database));
        QVERIFY2(r0.status == 0, qPrintable(r0.err));
        CliRunner second;
        second.environment().insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config-b")));
        CliRun r = second.run(addArgs(QStringLiteral("127.0.0.1"), m_ca), m_passphrase.toUtf8() + "\n");
        QVERIFY2(r.status == 0, r.err.constData());
        auto atA = [&](const QString& login, const QString& password, const QStringList& args,
                       const QByteArray& more = {}) {
            return cli(serverCommand(args + QStringList {QStringLiteral("--user"), login, QStringLiteral("--json")}),
                password.toUtf8() + "\n" + more);
        };
        auto atB = [&](const QStringList& args) {
            return second.run(
                serverCommand(
                    args + QStringList {QStringLiteral("--user"), QStringLiteral("m1"), QStringLiteral("--json")}),
                m1Password.toUtf8() + "\n");
        };
        const CustomerInput first = customerInput(41);
        const CustomerInput next = customerInput(42);
        const QString id = first.values.value(QStringLiteral("id_number"));
        const QString mobileNo = first.values.value(QStringLiteral("mobile"));
        const QString card = first.accounts.constFirst().number;

        // an ID number typed into a grade 2 field is refused here, before anything is sent (the search of the
        // server's files below would find it otherwise)
        CustomerInput slipped = first;
        slipped.values.insert(QStringLiteral("occupation"), QStringLiteral("工程师 ") + id);
        r = atA(QStringLiteral("c1"), c1Password, {QStringLiteral("customer"), QStringLiteral("add")},
            customerDocument(slipped));
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.contains("Occupation seems to contain protected data"), r.err.constData());
        QVERIFY(!r.err.contains(id.toUtf8()));

        r = atA(QStringLiteral("c1"), c1Password, {QStringLiteral("customer"), QStringLiteral("add")},
            customerDocument(first));
        QVERIFY2(r.status == 0, r.err.constData());
        const QString number = r.json().value(QStringLiteral("customerNo")).toString();
        const qint64 change = r.json().value(QStringLiteral("changeId")).toInteger();
        QVERIFY2(number.startsWith(QLatin1String("0101-")), qPrintable(number));
        QVERIFY(!r.out.contains(id.toUtf8()));
        // the maker never decides
        r = atA(QStringLiteral("c1"), c1Password,
            {QStringLiteral("change"), QStringLiteral("approve"), QString::number(change), QStringLiteral("--reason"),
                QStringLiteral("checked")});
        QCOMPARE(r.status, 3);

        // the branch manager's workstation sees the change, masked
        r = atB({QStringLiteral("change"), QStringLiteral("list")});
        QVERIFY2(r.status == 0, r.err.constData());
        const QJsonArray changes = r.json().value(QStringLiteral("changes")).toArray();
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.at(0).toObject().value(QStringLiteral("customerNo")).toString(), number);
        QVERIFY(!r.out.contains(id.toUtf8()) && !r.out.contains(mobileNo.toUtf8()) && !r.out.contains(card.toUtf8()));
        QVERIFY(r.out.contains("****"));
        // ... and that its ID number must be typed from the document to approve it (approval.rekey_fields' default)
        QCOMPARE(changes.at(0).toObject().value(QStringLiteral("rekeyFields")).toArray(),
            QJsonArray({QStringLiteral("id_number")}));

        // the blind re-key: another ID number typed is refused naming the field (exit 2, as approvals approve), the
        // server records the mismatch with the field's name only, and the change stays pending
        r = second.run(serverCommand({QStringLiteral("change"), QStringLiteral("approve"), QString::number(change),
                           QStringLiteral("--reason"), QStringLiteral("documents checked"), QStringLiteral("--user"),
                           QStringLiteral("m1")}),
            m1Password.toUtf8() + "\n" + next.values.value(QStringLiteral("id_number")).toUtf8() + "\n");
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.contains("does not match the record: ID number"), r.err.constData());
        QVERIFY(
            !r.err.contains(id.toUtf8()) && !r.err.contains(next.values.value(QStringLiteral("id_number")).toUtf8()));
        Run mismatch = tlsPsql(QStringLiteral("SELECT login || '|' || outcome || '|' || customer_no || '|' || details "
                                              "FROM branchvault.audit_log WHERE action = 'customer.rekey_mismatch'"),
            m_owner, m_ownerPassword, QStringLiteral("verify-full"));
        QCOMPARE(mismatch.out.trimmed(),
            QStringLiteral("m1|failed|%1|{\"change\":%2,\"fields\":[\"id_number\"]}").arg(number).arg(change));
        r = atB({QStringLiteral("change"), QStringLiteral("list")});
        QVERIFY2(r.status == 0, r.err.constData());
        QCOMPARE(r.json().value(QStringLiteral("changes")).toArray().size(), 1);

        // the next entry at one workstation while the other approves
        QProcessEnvironment envA = m_cli.environment();
        QProcessEnvironment envB = second.environment();
        QProcess entering;
        QProcess approving;
        entering.setProcessEnvironment(envA);
        approving.setProcessEnvironment(envB);
        const QString bin = envA.value(QStringLiteral("BV_CLI"));
        entering.start(bin,
            serverCommand({QStringLiteral("customer"), QStringLiteral("add"), QStringLiteral("--user"),
                QStringLiteral("c1"), QStringLiteral("--json")}));
        approving.start(bin,
            serverCommand({QStringLiteral("change"), QStringLiteral("approve"), QString::number(change),
                QStringLiteral("--reason"), QStringLiteral("documents checked at the counter"),
                QStringLiteral("--user"), QStringLiteral("m1")}));
        entering.write(c1Password.toUtf8() + "\n" + customerDocument(next));
        entering.closeWriteChannel();
        approving.write(m1Password.toUtf8() + "\n" + id.toUtf8() + "\n"); // the ID number, from the document
        approving.closeWriteChannel();
        QVERIFY(entering.waitForFinished(120000));
        QVERIFY(approving.waitForFinished(120000));
        QVERIFY2(entering.exitCode() == 0, entering.readAllStandardError().constData());
        QVERIFY2(approving.exitCode() == 0, approving.readAllStandardError().constData());

        r = atA(QStringLiteral("c1"), c1Password, {QStringLiteral("customer"), QStringLiteral("list")});
        QVERIFY2(r.status == 0, r.err.constData());
        const QJsonArray customers = r.json().value(QStringLiteral("customers")).toArray();
        QCOMPARE(customers.size(), 2);
        QCOMPARE(customers.at(0).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("active"));
        QCOMPARE(customers.at(1).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
        QVERIFY(customers.at(0).toObject().value(QStringLiteral("maskedName")).toString().contains(QLatin1Char('*')));
        const QString secondNumber = customers.at(1).toObject().value(QStringLiteral("customerNo")).toString();
        // the server's times are read (ISO 8601, UTC), not lost
        const QDateTime created = QDateTime::fromString(
            customers.at(0).toObject().value(QStringLiteral("createdAt")).toString(), Qt::ISODateWithMs);
        QVERIFY2(created.isValid() && qAbs(created.secsTo(QDateTime::currentDateTimeUtc())) < 600,
            qPrintable(customers.at(0).toObject().value(QStringLiteral("createdAt")).toString()));

        // the customer manager opens the record: masked, with its account, and the server records the read
        r = atA(QStringLiteral("c1"), c1Password, {QStringLiteral("customer"), QStringLiteral("show"), number});
        QVERIFY2(r.status == 0, r.err.constData());
        const QJsonObject record = r.json().value(QStringLiteral("customer")).toObject();
        QCOMPARE(record.value(QStringLiteral("status")).toString(), QStringLiteral("active"));
        QVERIFY(record.value(QStringLiteral("gradeOne"))
                    .toObject()
                    .value(QStringLiteral("id_number"))
                    .toString()
                    .contains(QLatin1Char('*')));
        QCOMPARE(record.value(QStringLiteral("accounts")).toArray().size(), 1);
        QVERIFY(!r.out.contains(id.toUtf8()) && !r.out.contains(card.toUtf8()) && !r.out.contains(mobileNo.toUtf8()));
        Run opened = tlsPsql(QStringLiteral("SELECT count(*) FROM branchvault.audit_log WHERE action = 'customer.open' "
                                            "AND login = 'c1' AND customer_no = '%1'")
                                 .arg(number),
            m_owner, m_ownerPassword, QStringLiteral("verify-full"));
        QCOMPARE(opened.out.trimmed(), QStringLiteral("1"));

        // the reveal round trip
        const QStringList fieldsAsked {QStringLiteral("--fields"), QStringLiteral("id_number,mobile,account_number")};
        r = atA(QStringLiteral("c1"), c1Password,
            QStringList {QStringLiteral("request"), QStringLiteral("reveal"), number, QStringLiteral("--purpose"),
                QStringLiteral("customer asked to confirm the card on file")}
                + fieldsAsked);
        QVERIFY2(r.status == 0, r.err.constData());
        const QString request = QString::number(r.json().value(QStringLiteral("id")).toInteger());
        r = atA(
            QStringLiteral("c1"), c1Password, QStringList {QStringLiteral("reveal"), request, number} + fieldsAsked);
        QCOMPARE(r.status, 3); // not approved yet
        r = atB({QStringLiteral("request"), QStringLiteral("approve"), request, QStringLiteral("--reason"),
            QStringLiteral("the customer is at the counter")});
        QVERIFY2(r.status == 0, r.err.constData());
        // the branch manager's workstation lists the open requests: the reveal request, filed by c1, approved by m1;
        // the server records the read
        r = atB({QStringLiteral("request"), QStringLiteral("list"), QStringLiteral("--open")});
        QVERIFY2(r.status == 0, r.err.constData());
        const QJsonArray listed = r.json().value(QStringLiteral("requests")).toArray();
        QCOMPARE(listed.size(), 1);
        const QJsonObject listedRequest = listed.at(0).toObject();
        QCOMPARE(QString::number(listedRequest.value(QStringLiteral("id")).toInteger()), request);
        QCOMPARE(listedRequest.value(QStringLiteral("type")).toString(), QStringLiteral("reveal"));
        QCOMPARE(listedRequest.value(QStringLiteral("status")).toString(), QStringLiteral("approved"));
        QCOMPARE(listedRequest.value(QStringLiteral("requesterLogin")).toString(), QStringLiteral("c1"));
        QCOMPARE(listedRequest.value(QStringLiteral("decidedByLogin")).toString(), QStringLiteral("m1"));
        QCOMPARE(listedRequest.value(QStringLiteral("customerNumbers")).toArray(), QJsonArray({number}));
        QCOMPARE(listedRequest.value(QStringLiteral("fields")).toArray(),
            QJsonArray({QStringLiteral("id_number"), QStringLiteral("mobile"), QStringLiteral("account_number")}));
        QVERIFY(QDateTime::fromString(listedRequest.value(QStringLiteral("validUntil")).toString(), Qt::ISODateWithMs)
            > QDateTime::currentDateTimeUtc());
        Run listRow = tlsPsql(QStringLiteral("SELECT details FROM branchvault.audit_log WHERE action = 'request.list' "
                                             "AND login = 'm1' ORDER BY seq DESC LIMIT 1"),
            m_owner, m_ownerPassword, QStringLiteral("verify-full"));
        QCOMPARE(listRow.out.trimmed(), QStringLiteral("{\"onlyOpen\":true,\"rows\":1,\"scope\":\"all\"}"));
        // the requester lists his or her own, as text
        r = cli(serverCommand({QStringLiteral("request"), QStringLiteral("list"), QStringLiteral("--user"),
                    QStringLiteral("c1")}),
            c1Password.toUtf8() + "\n");
        QVERIFY2(r.status == 0, r.err.constData());
        QVERIFY2(r.out.startsWith(QStringLiteral("Request %1 (full view, approved) by c1: %2 id_number,mobile,"
                                                 "account_number; purpose: customer asked to confirm the card on file; "
                                                 "valid until ")
                                      .arg(request, number)
                                      .toUtf8()),
            r.out.constData());
        r = atA(
            QStringLiteral("c1"), c1Password, QStringList {QStringLiteral("reveal"), request, number} + fieldsAsked);
        QVERIFY2(r.status == 0, r.err.constData());
        const QJsonObject shown = r.json().value(QStringLiteral("values")).toObject();
        QCOMPARE(shown.size(), 3);
        QVERIFY(shown.value(QStringLiteral("id_number")).toString() == id);
        QVERIFY(shown.value(QStringLiteral("mobile")).toString() == mobileNo);
        bool cardShown = false;
        for (auto it = shown.constBegin(); it != shown.constEnd(); ++it)
            cardShown = cardShown || (it.key().startsWith(QLatin1String("account_number:")) && it.value() == card);
        QVERIFY(cardShown);

        // an edit at c1's workstation: pending under maker-checker, nothing typed in its output; what the workstation
        // cannot check (the sex without the ID number) is refused naming the field (exit 2); a second edit while the
        // first waits is a conflict (exit 6); the branch manager rejects the first
        const QString newMobile = mobile(4101);
        r = atA(QStringLiteral("c1"), c1Password, {QStringLiteral("customer"), QStringLiteral("edit"), number},
            QStringLiteral("{\"values\": {\"mobile\": \"%1\", \"occupation\": \"教师\"}}").arg(newMobile).toUtf8());
        QVERIFY2(r.status == 0, r.err.constData());
        const QString edit = QString::number(r.json().value(QStringLiteral("changeId")).toInteger());
        QCOMPARE(r.json().value(QStringLiteral("customerNo")).toString(), number);
        QVERIFY(!r.out.contains(newMobile.toUtf8()) && !r.err.contains(newMobile.toUtf8()));
        r = atA(QStringLiteral("c1"), c1Password, {QStringLiteral("customer"), QStringLiteral("edit"), number},
            QByteArrayLiteral("{\"values\": {\"sex\": \"M\"}}"));
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.contains("type the customer's ID number again"), r.err.constData());
        r = atA(QStringLiteral("c1"), c1Password, {QStringLiteral("customer"), QStringLiteral("edit"), number},
            QByteArrayLiteral("{\"values\": {\"employer\": \"第一中学\"}}"));
        QCOMPARE(r.status, 6);
        QVERIFY2(r.err.contains("still waiting for a branch manager's decision"), r.err.constData());
        r = atB({QStringLiteral("change"), QStringLiteral("reject"), edit, QStringLiteral("--reason"),
            QStringLiteral("the customer did not sign the form")});
        QVERIFY2(r.status == 0, r.err.constData());

        // the clerk at the counter: the full name and ID number typed from the document find the active customer's
        // masked card; a pending one, or a wrong ID number, finds nothing
        const QString k1OneTime = addAccount(QStringLiteral("k1"), QStringLiteral("clerk"));
        r = atB({QStringLiteral("user"), QStringLiteral("confirm"), QStringLiteral("k1")});
        QVERIFY2(r.status == 0, r.err.constData());
        const QString k1Password = QStringLiteral("k1-pw-3Ns8");
        r = cli(serverCommand({QStringLiteral("passwd"), QStringLiteral("--user"), QStringLiteral("k1")}),
            (k1OneTime + QLatin1Char('\n') + k1Password + QLatin1Char('\n') + k1Password + QLatin1Char('\n')
                + r.json().value(QStringLiteral("confirmationCode")).toString() + QLatin1Char('\n'))
                .toUtf8());
        QVERIFY2(r.status == 0, r.err.constData());
        const auto lookup = [&](const CustomerInput& who, const QString& idNumber) {
            return atA(QStringLiteral("k1"), k1Password,
                {QStringLiteral("customer"), QStringLiteral("lookup"), QStringLiteral("--name"),
                    who.values.value(QStringLiteral("name")), QStringLiteral("--id"), idNumber,
                    QStringLiteral("--purpose"), QStringLiteral("verifying the customer at the counter")});
        };
        r = lookup(first, id.toLower());
        QVERIFY2(r.status == 0, r.err.constData());
        QCOMPARE(r.json().value(QStringLiteral("card")).toObject().value(QStringLiteral("number")).toString(), number);
        QVERIFY(!r.out.contains(id.toUtf8()) && !r.out.contains(first.values.value(QStringLiteral("name")).toUtf8()));
        QCOMPARE(lookup(next, next.values.value(QStringLiteral("id_number"))).status, 4); // pending: no match
        QCOMPARE(lookup(first, next.values.value(QStringLiteral("id_number"))).status, 4);
        // the clerk has no customer table and no reveal
        r = atA(QStringLiteral("k1"), k1Password, {QStringLiteral("customer"), QStringLiteral("list")});
        QCOMPARE(r.status, 3);
        // ... and none of the others' special requests
        r = atA(QStringLiteral("k1"), k1Password, {QStringLiteral("request"), QStringLiteral("list")});
        QVERIFY2(r.status == 0, r.err.constData());
        QCOMPARE(r.json().value(QStringLiteral("requests")).toArray().size(), 0);

        // a ciphertext moved to another customer on the server (the owner bypasses the policies) does not open
        const QString move
            = QStringLiteral("ALTER TABLE branchvault.sealed_value DISABLE TRIGGER USER; "
                             "UPDATE branchvault.sealed_value v SET sealed = o.sealed FROM branchvault.sealed_value o "
                             "JOIN branchvault.customers oc ON oc.id = o.owner_id AND oc.customer_no = '%1' "
                             "JOIN branchvault.customers vc ON vc.customer_no = '%2' "
                             "WHERE o.owner_kind = 'customer' AND o.field = 'mobile' AND v.owner_kind = 'customer' "
                             "AND v.owner_id = vc.id AND v.field = 'mobile'; "
                             "ALTER TABLE branchvault.sealed_value ENABLE TRIGGER USER");
        Run moved = tlsPsql(move.arg(secondNumber, number), m_owner, m_ownerPassword, QStringLiteral("verify-full"));
        QVERIFY2(moved.status == 0, qPrintable(moved.err));
        r = atA(QStringLiteral("c1"), c1Password,
            {QStringLiteral("reveal"), request, number, QStringLiteral("--fields"), QStringLiteral("mobile")});
        QCOMPARE(r.status, 14); // damaged
        QVERIFY2(r.err.contains("does not open"), r.err.constData());
        // ... nor does one moved to another field of the same customer
        moved = tlsPsql(QStringLiteral("ALTER TABLE branchvault.sealed_value DISABLE TRIGGER USER; "
                                       "UPDATE branchvault.sealed_value v SET sealed = o.sealed "
                                       "FROM branchvault.sealed_value o JOIN branchvault.customers c "
                                       "ON c.id = o.owner_id AND c.customer_no = '%1' "
                                       "WHERE o.owner_kind = 'customer' AND o.field = 'id_number' "
                                       "AND v.owner_kind = 'customer' AND v.owner_id = c.id AND v.field = 'address'; "
                                       "ALTER TABLE branchvault.sealed_value ENABLE TRIGGER USER")
                            .arg(number),
            m_owner, m_ownerPassword, QStringLiteral("verify-full"));
        QVERIFY2(moved.status == 0, qPrintable(moved.err));
        r = atA(QStringLiteral("c1"), c1Password,
            {QStringLiteral("reveal"), request, number, QStringLiteral("--fields"), QStringLiteral("id_number")});
        QVERIFY2(r.status == 0, r.err.constData()); // the ID number itself is untouched
        r = atA(QStringLiteral("c1"), c1Password,
            {QStringLiteral("request"), QStringLiteral("reveal"), number, QStringLiteral("--fields"),
                QStringLiteral("address"), QStringLiteral("--purpose"),
                QStringLiteral("posting the annual statement")});
        QVERIFY2(r.status == 0, r.err.constData());
        const QString addressRequest = QString::number(r.json().value(QStringLiteral("id")).toInteger());
        r = atB({QStringLiteral("request"), QStringLiteral("approve"), addressRequest, QStringLiteral("--reason"),
            QStringLiteral("statement run")});
        QVERIFY2(r.status == 0, r.err.constData());
        r = atA(QStringLiteral("c1"), c1Password,
            {QStringLiteral("reveal"), addressRequest, number, QStringLiteral("--fields"), QStringLiteral("address")});
        QCOMPARE(r.status, 14);
        QVERIFY2(r.err.contains("does not open"), r.err.constData());
        QVERIFY(!r.out.contains(id.toUtf8()));
        QVERIFY(!r.out.contains(customerInput(42).values.value(QStringLiteral("mobile")).toUtf8()));

        // nothing on the server's disk holds a grade-1 value in the clear; the log holds every statement
        Run off = superuser(QStringLiteral("ALTER DATABASE %1 RESET log_statement").arg(m_database));
        QVERIFY2(off.status == 0, qPrintable(off.err));
        const QStringList files = serverFiles();
        QVERIFY(files.size() > 100);
        QList<QByteArray> secrets;
        for (const CustomerInput& input : {first, next}) {
            for (const char* field : {"name", "id_number", "mobile", "address"})
                secrets << input.values.value(QLatin1String(field)).toUtf8();
            secrets << input.accounts.constFirst().number.toUtf8();
        }
        bool logged = false;
        int found = 0;
        for (const QString& path : files) {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                continue;
            const QByteArray content = file.readAll();
            logged = logged || (content.contains("customer_submit") && content.contains("$3"));
            for (const QByteArray& secret : std::as_const(secrets)) {
                if (content.contains(secret)) {
                    ++found;
                    qWarning("a grade-1 test value is in the server's file %s", qPrintable(QFileInfo(path).fileName()));
                }
            }
        }
        QVERIFY2(logged, "the server's log holds no logged statement: the search proves nothing");
        QCOMPARE(found, 0);
    }

    // The branch manager's ownership work from the command line (ServerOwnershipCommands; tst_serverownership tests
    // the moves through the core): the exit statuses of a read, a refusal, a conflict and a usage error.
    void theBranchManagerGivesCustomersFromTheCommandLine()
    {
        const Run found = asSuperuser(QStringLiteral(
            "SELECT customer_no FROM branchvault.customers WHERE status = 'active' ORDER BY customer_no LIMIT 1"));
        const QString number = found.out.trimmed();
        QVERIFY2(number.startsWith(QLatin1String("0101-")), qPrintable(found.err));
        auto as = [&](const QString& login, const QString& password, const QStringList& args) {
            return cli(serverCommand(QStringList {QStringLiteral("customer")} + args
                           + QStringList {QStringLiteral("--user"), login, QStringLiteral("--json")}),
                password.toUtf8() + "\n");
        };
        CliRun r = as(QStringLiteral("m1"), m1Password, {QStringLiteral("reassignment-list")});
        QVERIFY2(r.status == 0, r.err.constData());
        QVERIFY(r.json().value(QStringLiteral("customers")).isArray());
        // a customer manager may not move customers, not even his or her own
        r = as(QStringLiteral("c1"), c1Password,
            {QStringLiteral("transfer"), number, QStringLiteral("--manager"), QStringLiteral("c1"),
                QStringLiteral("--reason"), QStringLiteral("staff change")});
        QCOMPARE(r.status, 3);
        QCOMPARE(r.json().value(QStringLiteral("error")).toString(), QStringLiteral("permission-denied"));
        r = as(QStringLiteral("c1"), c1Password, {QStringLiteral("reassignment-list")});
        QCOMPARE(r.status, 3);
        // the customer has an active customer manager: assign is a conflict with its state
        r = as(QStringLiteral("m1"), m1Password,
            {QStringLiteral("assign"), number, QStringLiteral("--manager"), QStringLiteral("c1")});
        QCOMPARE(r.status, 6);
        QVERIFY2(r.err.contains("already has an active customer manager"), r.err.constData());
        // custody needs its last day
        r = as(QStringLiteral("m1"), m1Password,
            {QStringLiteral("custody"), number, QStringLiteral("--manager"), QStringLiteral("c1"),
                QStringLiteral("--reason"), QStringLiteral("leave")});
        QCOMPARE(r.status, 2);
        QCOMPARE(asSuperuser(QStringLiteral("SELECT count(*) FROM branchvault.customer_assignments")).out.trimmed(),
            QStringLiteral("0"));
    }

    // Care and reviews from the command line against the server (the local commands after `server`): the customer's
    // own customer manager records a service, a complaint (dated by the server) and a consent, lists them and moves the
    // complaint; the branch manager reads the overdue list, the tier changes and the suspicious pairs, and is refused a
    // consent dated before the record; a customer manager is refused the reviews; a usage error comes before any
    // sign-in.
    void aCustomerIsServedFromTheCommandLine()
    {
        const Run found = asSuperuser(QStringLiteral(
            "SELECT c.customer_no || '|' || s.login FROM branchvault.customers c JOIN branchvault.staff s ON s.id = "
            "c.manager_id WHERE c.status = 'active' AND c.custody_manager_id IS NULL AND s.login = 'c1' "
            "ORDER BY c.customer_no LIMIT 1"));
        const QString number = found.out.trimmed().section(QLatin1Char('|'), 0, 0);
        QVERIFY2(number.startsWith(QLatin1String("0101-")), qPrintable(found.err + found.out));
        auto as = [&](const QString& login, const QString& password, const QStringList& args) {
            return cli(serverCommand(args + QStringList {QStringLiteral("--user"), login, QStringLiteral("--json")}),
                password.toUtf8() + "\n");
        };
        CliRun r = as(QStringLiteral("c1"), c1Password,
            {QStringLiteral("service"), QStringLiteral("add"), number, QStringLiteral("--channel"),
                QStringLiteral("counter"), QStringLiteral("--content"), QStringLiteral("办理挂失补卡业务")});
        QVERIFY2(r.status == 0, r.err.constData());
        QVERIFY(r.json().value(QStringLiteral("id")).toInteger() > 0);
        r = as(QStringLiteral("c1"), c1Password, {QStringLiteral("service"), QStringLiteral("list"), number});
        QVERIFY2(r.status == 0, r.err.constData());
        QCOMPARE(r.json().value(QStringLiteral("services")).toArray().size(), 1);

        r = as(QStringLiteral("c1"), c1Password,
            {QStringLiteral("complaint"), QStringLiteral("add"), number, QStringLiteral("--channel"),
                QStringLiteral("phone"), QStringLiteral("--content"), QStringLiteral("柜台排队时间过长")});
        QVERIFY2(r.status == 0, r.err.constData());
        const QJsonObject complaint = r.json().value(QStringLiteral("complaint")).toObject();
        const qint64 id = r.json().value(QStringLiteral("id")).toInteger();
        QVERIFY(id > 0);
        // the due dates the CLI prints are the server's
        QCOMPARE(complaint.value(QStringLiteral("answerBy")).toString().left(16),
            asSuperuser(QStringLiteral("SELECT to_char(answer_by AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI') FROM "
                                       "branchvault.complaints WHERE id = %1")
                            .arg(id))
                .out.trimmed());
        r = as(QStringLiteral("c1"), c1Password,
            {QStringLiteral("complaint"), QStringLiteral("update"), QString::number(id), QStringLiteral("--status"),
                QStringLiteral("investigating")});
        QVERIFY2(r.status == 0, r.err.constData());
        r = as(QStringLiteral("c1"), c1Password, {QStringLiteral("complaint"), QStringLiteral("list"), number});
        QVERIFY2(r.status == 0, r.err.constData());
        QCOMPARE(
            r.json().value(QStringLiteral("complaints")).toArray().at(0).toObject().value(QStringLiteral("status")),
            QJsonValue(QStringLiteral("investigating")));
        r = as(QStringLiteral("m1"), m1Password, {QStringLiteral("complaint"), QStringLiteral("overdue")});
        QVERIFY2(r.status == 0, r.err.constData());
        QVERIFY(r.json().value(QStringLiteral("complaints")).isArray());

        r = as(QStringLiteral("c1"), c1Password,
            {QStringLiteral("consent"), QStringLiteral("add"), number, QStringLiteral("--purpose"),
                QStringLiteral("processing"), QStringLiteral("--channel"), QStringLiteral("counter")});
        QVERIFY2(r.status == 0, r.err.constData());
        r = as(QStringLiteral("c1"), c1Password, {QStringLiteral("consent"), QStringLiteral("list"), number});
        QVERIFY2(r.status == 0, r.err.constData());
        QCOMPARE(r.json().value(QStringLiteral("consents")).toArray().size(), 1);

        // each of these is recorded on the server under the customer manager's login
        QCOMPARE(asSuperuser(QStringLiteral("SELECT count(DISTINCT action) FROM branchvault.audit_log WHERE login = "
                                            "'c1' AND action IN ('customer.service', 'customer.complaint', "
                                            "'customer.consent')"))
                     .out.trimmed(),
            QStringLiteral("3"));
        // a usage error is found before the sign-in (no password read); the server refuses what it refuses
        r = cli(serverCommand({QStringLiteral("complaint"), QStringLiteral("update"), QString::number(id),
                    QStringLiteral("--user"), QStringLiteral("c1")}),
            QByteArray());
        QCOMPARE(r.status, 2);
        r = as(QStringLiteral("m1"), m1Password,
            {QStringLiteral("consent"), QStringLiteral("add"), number, QStringLiteral("--purpose"),
                QStringLiteral("marketing"), QStringLiteral("--channel"), QStringLiteral("counter"),
                QStringLiteral("--date"), QStringLiteral("2000-01-01")});
        QCOMPARE(r.status, 2); // before the record was created

        // the branch manager's reviews: the tier changes and the suspicious pairs, read (and recorded) on the server;
        // a customer manager is refused both; a rejection without its reason is a usage error
        const QString lists = asSuperuser(QStringLiteral("SELECT count(*) FROM branchvault.audit_log WHERE login = "
                                                         "'m1' AND action = 'customer.list'"))
                                  .out.trimmed();
        r = as(QStringLiteral("m1"), m1Password, {QStringLiteral("tiers"), QStringLiteral("list")});
        QVERIFY2(r.status == 0, r.err.constData());
        QVERIFY(r.json().value(QStringLiteral("tierChanges")).isArray());
        r = as(QStringLiteral("m1"), m1Password, {QStringLiteral("suspicious"), QStringLiteral("list")});
        QVERIFY2(r.status == 0, r.err.constData());
        QVERIFY(r.json().value(QStringLiteral("pairs")).isArray());
        QCOMPARE(asSuperuser(QStringLiteral("SELECT count(*) FROM branchvault.audit_log WHERE login = 'm1' AND action "
                                            "= 'customer.list'"))
                     .out.trimmed()
                     .toInt(),
            lists.toInt() + 2);
        for (const char* command : {"tiers", "suspicious"}) {
            r = as(QStringLiteral("c1"), c1Password, {QLatin1String(command), QStringLiteral("list")});
            QCOMPARE(r.status, 3);
        }
        r = cli(serverCommand({QStringLiteral("tiers"), QStringLiteral("reject"), QStringLiteral("1"),
                    QStringLiteral("--user"), QStringLiteral("m1")}),
            QByteArray());
        QCOMPARE(r.status, 2);
    }

    // One chain for the branch: two workstation processes append at once (each sign-in is an audited row, written
    // by the server under the chain head's lock), and the auditor's workstation verifies the server's chain with the
    // verifier of local mode — every row there, in order, each hash right — and names a row changed behind its back.
    void theBranchChainStaysOneUnderConcurrentAppends()
    {
        const QString u1OneTime = addAccount(QStringLiteral("u1"), QStringLiteral("auditor"));
        CliRun r = cli(serverCommand({QStringLiteral("passwd"), QStringLiteral("--user"), QStringLiteral("u1")}),
            (u1OneTime + QLatin1Char('\n') + u1Password + QLatin1Char('\n') + u1Password + QLatin1Char('\n')).toUtf8());
        QVERIFY2(r.status == 0, r.err.constData());

        QProcessEnvironment env = m_cli.environment();
        const QString loop
            = QStringLiteral("for i in 1 2 3 4 5 6; do printf '%s\\n' \"$2\" | \"$BV_CLI\" server status "
                             "--user \"$1\" >/dev/null || exit 1; done");
        QProcess first;
        QProcess second;
        first.setProcessEnvironment(env);
        second.setProcessEnvironment(env);
        first.start(QStringLiteral("bash"),
            {QStringLiteral("-c"), loop, QStringLiteral("ws-a"), QStringLiteral("m1"), m1Password});
        second.start(QStringLiteral("bash"),
            {QStringLiteral("-c"), loop, QStringLiteral("ws-b"), QStringLiteral("c1"), c1Password});
        QVERIFY(first.waitForFinished(300000));
        QVERIFY(second.waitForFinished(300000));
        QVERIFY2(first.exitCode() == 0, first.readAllStandardError().constData());
        QVERIFY2(second.exitCode() == 0, second.readAllStandardError().constData());

        const Run stored = tlsPsql(QStringLiteral("SELECT count(*) || '|' || max(seq) || '|' || "
                                                  "count(*) FILTER (WHERE login IN ('m1', 'c1') AND action = "
                                                  "'auth.sign_in') FROM branchvault.audit_log"),
            m_owner, m_ownerPassword, QStringLiteral("verify-full"));
        const QStringList counts = stored.out.trimmed().split(QLatin1Char('|'));
        QCOMPARE(counts.size(), 3);
        QVERIFY2(counts.at(2).toInt() >= 12, qPrintable(stored.out));
        r = cli(serverCommand({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--user"),
                    QStringLiteral("u1"), QStringLiteral("--json")}),
            u1Password.toUtf8() + "\n");
        QVERIFY2(r.status == 0, r.err.constData());
        QCOMPARE(r.json().value(QStringLiteral("intact")).toBool(), true);
        // the rows the verifier walked are every row the server holds (the verify's own sign-in is one more)
        QVERIFY(r.json().value(QStringLiteral("rowsChecked")).toInteger() > counts.at(0).toLongLong());
        QCOMPARE(r.json().value(QStringLiteral("rowsChecked")).toInteger(),
            r.json().value(QStringLiteral("headSeq")).toInteger());
        // only the auditor verifies
        r = cli(serverCommand({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--user"),
                    QStringLiteral("m1")}),
            m1Password.toUtf8() + "\n");
        QCOMPARE(r.status, 3);

        // a row changed on the server behind the triggers' back is named
        // the database's owner cannot change or delete a row while the log's triggers stand (migration 9) ...
        for (const char* statement : {"UPDATE branchvault.audit_log SET workstation = 'elsewhere' WHERE seq = 5",
                 "DELETE FROM branchvault.audit_log WHERE seq = (SELECT max(seq) FROM branchvault.audit_log)",
                 "TRUNCATE branchvault.audit_log"}) {
            const Run refused
                = tlsPsql(QLatin1String(statement), m_owner, m_ownerPassword, QStringLiteral("verify-full"));
            QVERIFY2(refused.status != 0 && refused.err.contains(QLatin1String("append-only")), statement);
        }
        // ... and with them switched off, the change is named
        const Run original = asOwner(QStringLiteral("SELECT workstation FROM branchvault.audit_log WHERE seq = 5"));
        QVERIFY2(original.status == 0 && !original.out.trimmed().isEmpty(), qPrintable(original.err));
        Run changed
            = tlsPsql(QStringLiteral("ALTER TABLE branchvault.audit_log DISABLE TRIGGER USER; "
                                     "UPDATE branchvault.audit_log SET workstation = 'elsewhere' WHERE seq = 5; "
                                     "ALTER TABLE branchvault.audit_log ENABLE TRIGGER USER"),
                m_owner, m_ownerPassword, QStringLiteral("verify-full"));
        QVERIFY2(changed.status == 0, qPrintable(changed.err));
        r = cli(serverCommand({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--user"),
                    QStringLiteral("u1")}),
            u1Password.toUtf8() + "\n");
        QCOMPARE(r.status, 14); // damaged
        QVERIFY2(r.err.contains("broken at row 5"), r.err.constData());
        // put back, the chain is whole again (for the checkpoints below)
        changed = asOwner(QStringLiteral("ALTER TABLE branchvault.audit_log DISABLE TRIGGER USER; "
                                         "UPDATE branchvault.audit_log SET workstation = '%1' WHERE seq = 5; "
                                         "ALTER TABLE branchvault.audit_log ENABLE TRIGGER USER")
                              .arg(original.out.trimmed()));
        QVERIFY2(changed.status == 0, qPrintable(changed.err));
        r = auditor({QStringLiteral("verify")});
        QVERIFY2(r.status == 0, r.err.constData());
    }

    // The gap a verification against the server alone leaves: the database's owner (or a superuser) deletes the
    // newest rows and moves the chain's head back, and the shorter chain is intact. The auditor's checkpoint, kept
    // away from the server, names the head that was there (the local checkpoint format), and `verify --checkpoint`
    // compares the server's chain with it as `audit verify --checkpoint` does locally. The database id is pinned on
    // the workstation at the first verification, so a server that reports another one is refused.
    void theBranchChainIsHeldToTheAuditorsCheckpointAndPinnedDatabase()
    {
        const Run id = asOwner(QStringLiteral("SELECT value FROM branchvault.meta WHERE key = 'database_id'"));
        const QString databaseId = id.out.trimmed();
        QVERIFY2(id.status == 0 && databaseId.size() == 36, qPrintable(id.err));
        // the first verification (above) pinned the server's id in this workstation's configuration
        QCOMPARE(pinnedDatabaseId(), databaseId);

        const QString file = m_dir.filePath(QStringLiteral("server-checkpoint.txt"));
        CliRun r = auditor({QStringLiteral("checkpoint"), QStringLiteral("--out"), file});
        QVERIFY2(r.status == 0, r.err.constData());
        QCOMPARE(r.json().value(QStringLiteral("databaseId")).toString(), databaseId);
        QCOMPARE(r.json().value(QStringLiteral("pinnedNow")).toBool(), false);
        const qint64 head = r.json().value(QStringLiteral("seq")).toInteger();
        QVERIFY(head > 12);
        QCOMPARE(r.json().value(QStringLiteral("rows")).toInteger(), head); // nothing purged: rows 1 to the head
        QFile written(file);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(written.readAll());
        written.close();
        auto parsed = AuditCheckpoint::parse(text); // the local checkpoint format, its check line right
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->format, 2);
        QCOMPARE(parsed->seq, head);
        QCOMPARE(QString::fromLatin1(parsed->hash.toHex()), r.json().value(QStringLiteral("hash")).toString());
        const Run stored
            = asOwner(QStringLiteral("SELECT encode(hash, 'hex') FROM branchvault.audit_log WHERE seq = %1").arg(head));
        QCOMPARE(stored.out.trimmed(), QString::fromLatin1(parsed->hash.toHex()));
        // never overwritten
        r = auditor({QStringLiteral("checkpoint"), QStringLiteral("--out"), file});
        QCOMPARE(r.status, 5);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(written.readAll()), text);
        written.close();

        // more rows (sign-ins), and the chain still holds every row the checkpoint names
        for (int i = 0; i < 2; ++i) {
            r = cli(serverCommand({QStringLiteral("status"), QStringLiteral("--user"), QStringLiteral("m1")}),
                m1Password.toUtf8() + "\n");
            QVERIFY2(r.status == 0, r.err.constData());
        }
        r = auditor({QStringLiteral("verify"), QStringLiteral("--checkpoint"), file});
        QVERIFY2(r.status == 0, r.err.constData());
        QCOMPARE(r.json().value(QStringLiteral("intact")).toBool(), true);
        QVERIFY(r.json().value(QStringLiteral("headSeq")).toInteger() >= head + 3);
        const QJsonObject compared = r.json().value(QStringLiteral("checkpoint")).toObject();
        QCOMPARE(compared.value(QStringLiteral("seq")).toInteger(), head);
        QCOMPARE(compared.value(QStringLiteral("rows")).toInteger(), head);

        // a checkpoint of another database (its check line right) is not this server's
        AuditCheckpoint other = *parsed;
        other.databaseId = QStringLiteral("00000000-0000-4000-8000-000000000000");
        const QString otherFile = m_dir.filePath(QStringLiteral("other-checkpoint.txt"));
        QFile otherOut(otherFile);
        QVERIFY(otherOut.open(QIODevice::WriteOnly));
        otherOut.write(other.toText().toUtf8());
        otherOut.close();
        r = auditor({QStringLiteral("verify"), QStringLiteral("--checkpoint"), otherFile});
        QCOMPARE(r.status, 14);
        QVERIFY2(r.err.contains("another database"), r.err.constData());

        // the owner's move: the rows from the checkpoint's head on deleted, the head moved back ...
        const Run cut = asSuperuser(
            QStringLiteral("ALTER TABLE branchvault.audit_log DISABLE TRIGGER USER; "
                           "DELETE FROM branchvault.audit_log WHERE seq >= %1; "
                           "ALTER TABLE branchvault.audit_log ENABLE TRIGGER USER; "
                           "UPDATE branchvault.audit_head SET last_seq = %2, last_hash = (SELECT hash FROM "
                           "branchvault.audit_log WHERE seq = %2) WHERE id = 1")
                .arg(head)
                .arg(head - 1));
        QVERIFY2(cut.status == 0, qPrintable(cut.err));
        // ... passes the verification against the server alone (the gap) ...
        r = auditor({QStringLiteral("verify")});
        QVERIFY2(r.status == 0, r.err.constData());
        // ... and not the checkpoint's: row `head` is gone (the verification's own sign-ins wrote others there)
        r = auditor({QStringLiteral("verify"), QStringLiteral("--checkpoint"), file});
        QCOMPARE(r.status, 14);
        QVERIFY2(r.err.contains(QStringLiteral("row %1").arg(head).toUtf8()), r.err.constData());
        r = cli(serverCommand({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--checkpoint"), file,
                    QStringLiteral("--user"), QStringLiteral("u1")}),
            u1Password.toUtf8() + "\n");
        QCOMPARE(r.status, 14);
        QVERIFY2(r.err.contains("rewritten"), r.err.constData());

        // a server that reports another database id than the one pinned here is refused, before its chain is read
        const QString forged = QStringLiteral("7e57da7a-0000-4000-8000-000000000001");
        Run swapped = asSuperuser(
            QStringLiteral("UPDATE branchvault.meta SET value = '%1' WHERE key = 'database_id'").arg(forged));
        QVERIFY2(swapped.status == 0, qPrintable(swapped.err));
        for (const QStringList& command : {QStringList {QStringLiteral("verify")},
                 QStringList {QStringLiteral("checkpoint"), QStringLiteral("--out"),
                     m_dir.filePath(QStringLiteral("refused-checkpoint.txt"))}}) {
            r = auditor(command);
            QCOMPARE(r.status, 14);
            QVERIFY2(r.err.contains(forged.left(8).toUtf8()) && r.err.contains(databaseId.left(8).toUtf8())
                    && r.err.contains("remove-workstation"),
                r.err.constData());
        }
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("refused-checkpoint.txt"))));
        QCOMPARE(pinnedDatabaseId(), databaseId);
        swapped = asSuperuser(
            QStringLiteral("UPDATE branchvault.meta SET value = '%1' WHERE key = 'database_id'").arg(databaseId));
        QVERIFY2(swapped.status == 0, qPrintable(swapped.err));
    }

    // The auditor's retention purge from the command line (tst_serverpurge purges rows past retention through the
    // core): nothing is past retention on a server set up today, and only the auditor purges.
    void theAuditorPurgesFromTheCommandLine()
    {
        CliRun r = auditor({QStringLiteral("purge")});
        QVERIFY2(r.status == 0, r.err.constData());
        QCOMPARE(r.json().value(QStringLiteral("rows")).toInteger(), 0);
        QCOMPARE(r.json().value(QStringLiteral("retentionDays")).toInteger(), 180);
        r = cli(serverCommand(
                    {QStringLiteral("audit"), QStringLiteral("purge"), QStringLiteral("--user"), QStringLiteral("m1")}),
            m1Password.toUtf8() + "\n");
        QCOMPARE(r.status, 3);
    }

    // The administrator imports a newer year's official calendar into the server's; a branch manager may not.
    void theAdministratorImportsTheCalendarFromTheCommandLine()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = dir.filePath(QStringLiteral("2027.csv"));
        QVERIFY(
            AtomicFile::writeNew(file, QStringLiteral("calendar"), "date,kind,name\n2027-01-01,holiday,元旦\n").ok());
        CliRun r = cli(serverCommand({QStringLiteral("calendar"), QStringLiteral("import"), file,
                           QStringLiteral("--user"), QStringLiteral("a1"), QStringLiteral("--json")}),
            m_adminPassword.toUtf8() + "\n");
        QVERIFY2(r.status == 0, r.err.constData());
        QCOMPARE(r.json().value(QStringLiteral("years")).toArray(), QJsonArray({2027}));
        QCOMPARE(r.json().value(QStringLiteral("holidays")).toInt(), 1);
        QVERIFY(r.json().value(QStringLiteral("knownYears")).toArray().contains(2027));
        r = cli(serverCommand({QStringLiteral("calendar"), QStringLiteral("import"), file, QStringLiteral("--user"),
                    QStringLiteral("m1")}),
            m1Password.toUtf8() + "\n");
        QCOMPARE(r.status, 3);
        r = cli(serverCommand({QStringLiteral("calendar"), QStringLiteral("import")}), QByteArray());
        QCOMPARE(r.status, 2);
    }

    // The administrator reads and changes the branch server's settings from the command line; a value below its floor
    // is refused naming the setting (and recorded on the server); a branch manager may read, not change.
    void theAdministratorChangesSettingsFromTheCommandLine()
    {
        const QByteArray admin = m_adminPassword.toUtf8() + "\n";
        CliRun r
            = cli(serverCommand({QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("auth.idle.minutes"),
                      QStringLiteral("7"), QStringLiteral("--user"), QStringLiteral("a1"), QStringLiteral("--json")}),
                admin);
        QVERIFY2(r.status == 0, r.err.constData());
        QCOMPARE(r.json().value(QStringLiteral("value")).toString(), QStringLiteral("7"));
        r = cli(serverCommand({QStringLiteral("settings"), QStringLiteral("get"), QStringLiteral("auth.idle.minutes"),
                    QStringLiteral("--user"), QStringLiteral("m1")}),
            m1Password.toUtf8() + "\n");
        QVERIFY2(r.status == 0, r.err.constData());
        QCOMPARE(r.out.trimmed(), QByteArray("7"));
        r = cli(serverCommand({QStringLiteral("settings"), QStringLiteral("get"), QStringLiteral("--user"),
                    QStringLiteral("a1"), QStringLiteral("--json")}),
            admin);
        QVERIFY2(r.status == 0, r.err.constData());
        QCOMPARE(r.json().value(QStringLiteral("settings")).toObject().value(QStringLiteral("mask.phone.keep_start")),
            QJsonValue(QStringLiteral("3")));
        // a width that would show a middle digit: refused, naming the setting; nothing changes
        r = cli(
            serverCommand({QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("mask.phone.keep_start"),
                QStringLiteral("5"), QStringLiteral("--user"), QStringLiteral("a1")}),
            admin);
        QCOMPARE(r.status, 2);
        QVERIFY2(r.err.contains("mask.phone.keep_start"), r.err.constData());
        QCOMPARE(asOwner(QStringLiteral("SELECT login || ' ' || details FROM branchvault.audit_log WHERE action = "
                                        "'settings.change' AND outcome = 'failed' ORDER BY seq DESC LIMIT 1"))
                     .out.trimmed()
                     .left(19),
            QStringLiteral("a1 {\"refused\" : \"5\""));
        r = cli(serverCommand({QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("auth.idle.minutes"),
                    QStringLiteral("8"), QStringLiteral("--user"), QStringLiteral("m1")}),
            m1Password.toUtf8() + "\n");
        QCOMPARE(r.status, 3);
        r = cli(serverCommand({QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("auth.idle.minutes")}),
            QByteArray());
        QCOMPARE(r.status, 2);
    }

    // The branch manager closes a customer from the command line (ServerCustomers::close; tst_serveredits checks what
    // a closure does): a usage error before any sign-in, the customer manager refused, the closure with the end of the
    // retention period, a second closure a conflict.
    void theBranchManagerClosesACustomerFromTheCommandLine()
    {
        const Run found = asSuperuser(QStringLiteral(
            "SELECT customer_no FROM branchvault.customers WHERE status = 'active' ORDER BY customer_no DESC LIMIT 1"));
        const QString number = found.out.trimmed();
        QVERIFY2(number.startsWith(QLatin1String("0101-")), qPrintable(found.err));
        auto as = [&](const QString& login, const QString& password, const QStringList& args) {
            return cli(serverCommand(QStringList {QStringLiteral("customer"), QStringLiteral("close")} + args
                           + QStringList {QStringLiteral("--user"), login, QStringLiteral("--json")}),
                password.toUtf8() + "\n");
        };
        CliRun r = as(QStringLiteral("m1"), m1Password, {number});
        QCOMPARE(r.status, 2);
        r = as(QStringLiteral("c1"), c1Password, {number, QStringLiteral("--reason"), QStringLiteral("客户销户")});
        QCOMPARE(r.status, 3);
        r = as(
            QStringLiteral("m1"), m1Password, {number, QStringLiteral("--reason"), QStringLiteral("客户已销全部账户")});
        QVERIFY2(r.status == 0, r.err.constData());
        QCOMPARE(r.json().value(QStringLiteral("status")).toString(), QStringLiteral("closed"));
        const QDate until = QDate::fromString(r.json().value(QStringLiteral("retentionUntil")).toString(), Qt::ISODate);
        const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(WorkingCalendar::branchTimeZone()).date();
        QVERIFY2(until >= today.addYears(5) && until <= today.addYears(5).addDays(1),
            qPrintable(until.toString(Qt::ISODate)));
        QCOMPARE(
            asSuperuser(QStringLiteral("SELECT status FROM branchvault.customers WHERE customer_no = '%1'").arg(number))
                .out.trimmed(),
            QStringLiteral("closed"));
        r = as(QStringLiteral("m1"), m1Password, {number, QStringLiteral("--reason"), QStringLiteral("客户销户")});
        QCOMPARE(r.status, 6);
    }

    void aWorkstationIsRemovedWithItsKeychainEntry()
    {
        QVERIFY(!pinnedDatabaseId().isEmpty());
        CliRun r = cli({QStringLiteral("server"), QStringLiteral("remove-workstation")});
        QVERIFY2(r.status == 0, r.err.constData());
        QVERIFY2(configFiles().filter(QStringLiteral("/server/")).isEmpty(), qPrintable(configFiles().join(' ')));
        QCOMPARE(pinnedDatabaseId(), QString()); // the pinned database id is forgotten with the connection
        r = cli({QStringLiteral("server"), QStringLiteral("status"), QStringLiteral("--user"), m_owner}, "x\n");
        QCOMPARE(r.status, 4);
        // added again, the keychain entry is written anew (the old one is gone)
        r = cli(addArgs(QStringLiteral("127.0.0.1"), m_ca), m_passphrase.toUtf8() + "\n");
        QVERIFY2(r.status == 0, r.err.constData());
    }

    // The benchmark's branch-server mode (docs/PERFORMANCE.md, "Branch server") runs end to end against this server,
    // small: the three sign-ins from standard input, never from the command line. Its timings are printed, never
    // asserted; what is checked is that every operation ran and was sampled.
    void theBenchmarkMeasuresTheBranchServerMode()
    {
        const QString bench = qEnvironmentVariable("BV_BENCH");
        QVERIFY2(QFileInfo(bench).isExecutable(), "BV_BENCH names the branchvault-bench binary (tests/CMakeLists.txt)");
        const QString k1Password = QStringLiteral("k1-pw-3Ns8"); // set in aManagerAndACustomerManagerWork...
        // (not exec(): the run may take longer than its minute on a busy machine)
        const auto run = [&](const QStringList& args, const QString& clerkPassword) {
            QProcess process;
            process.setProcessEnvironment(m_cli.environment());
            process.start(bench, QStringList {QStringLiteral("--server")} + args);
            process.write(
                (QStringLiteral("m1\n%1\nc1\n%2\nk1\n%3\n").arg(m1Password, c1Password, clerkPassword)).toUtf8());
            process.closeWriteChannel();
            Run result;
            if (!process.waitForFinished(600000)) {
                process.kill();
                process.waitForFinished();
                result.err = QStringLiteral("branchvault-bench did not finish in ten minutes");
                return result;
            }
            result.status = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
            result.out = QString::fromUtf8(process.readAllStandardOutput());
            result.err = QString::fromUtf8(process.readAllStandardError());
            return result;
        };
        const auto customers = [&] {
            return asSuperuser(QStringLiteral("SELECT count(*) FROM branchvault.customers")).out.trimmed().toInt();
        };
        const int before = customers();
        QVERIFY(before > 0); // the customers of the earlier slots

        // a wrong password stops the run before anything is entered, naming whose sign-in failed
        Run r = run({QStringLiteral("--quick"), QStringLiteral("--allow-existing")}, QStringLiteral("wrong-pw-1Aa"));
        QCOMPARE(r.status, 5);
        QVERIFY2(r.err.contains(QStringLiteral("the sign-in of k1 (clerk) failed")), qPrintable(r.err));
        QCOMPARE(customers(), before);
        // a branch with customers is used only when asked for: the server keeps what the run enters
        r = run({QStringLiteral("--quick")}, k1Password);
        QCOMPARE(r.status, 6);
        QVERIFY2(r.err.contains(QStringLiteral("--allow-existing")), qPrintable(r.err));
        QCOMPARE(customers(), before);

        const QString out = m_dir.filePath(QStringLiteral("bench-server.json"));
        r = run(
            {QStringLiteral("--quick"), QStringLiteral("--allow-existing"), QStringLiteral("--out"), out}, k1Password);
        QVERIFY2(r.status == 0, qPrintable(r.err));
        qInfo().noquote() << r.out; // the table, for docs/PERFORMANCE.md
        QVERIFY2(r.out.contains(QStringLiteral(
                     "| operation | branch server p50 | branch server p95 | branch server max | samples |")),
            qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("TLS round trips")), qPrintable(r.out));
        // no ID number, mobile or card of the synthetic customers in what it prints
        static const QRegularExpression digits(QStringLiteral("\\d{11}"));
        QVERIFY2(!digits.match(r.out + r.err).hasMatch(), qPrintable(r.out + r.err));
        QCOMPARE(customers(), before + 250);

        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(json.value(QStringLiteral("mode")).toString(), QStringLiteral("server"));
        QCOMPARE(json.value(QStringLiteral("customers")).toInt(), 250);
        QHash<QString, int> samples;
        for (const QJsonValue& row :
            json.value(QStringLiteral("server")).toObject().value(QStringLiteral("measurements")).toArray()) {
            const QJsonObject m = row.toObject();
            samples.insert(m.value(QStringLiteral("key")).toString(), m.value(QStringLiteral("samples")).toInt());
            QVERIFY(m.value(QStringLiteral("p50Ms")).toDouble() > 0);
            QVERIFY(m.value(QStringLiteral("maxMs")).toDouble() >= m.value(QStringLiteral("p95Ms")).toDouble());
        }
        for (const char* key : {"sign_in", "enter", "pending_page", "approve", "list_first", "list_later", "open",
                 "clerk_lookup", "clerk_lookup_miss"})
            QVERIFY2(samples.value(QLatin1String(key)) > 0, key);
        QCOMPARE(samples.value(QStringLiteral("sign_in")), 3);
        QCOMPARE(samples.value(QStringLiteral("enter")), 250);
        QCOMPARE(samples.value(QStringLiteral("approve")), 250);
    }
};

QTEST_GUILESS_MAIN(TestServerSetup)
#include "tst_serversetup.moc"
