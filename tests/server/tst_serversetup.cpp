// Issue 15, set-up: a workstation connects to the branch server only over TLS with the server's certificate checked
// against the branch CA and the host name (sslmode=verify-full), presenting its own certificate from the branch CA;
// `branchvault-cli server init` creates the schema in the empty database as its owner, and refuses a superuser, a
// second run and a database that is not empty. The certificates come from server/branchvault-branch-ca, the server
// is the suite's throwaway PostgreSQL cluster with TLS switched on and this test's database reachable only with TLS
// and a client certificate (pg_hba.conf), and the CLI runs against a private keychain.
#include "core/server/ServerAddress.h"
#include "tests/testsupport/CliRunner.h"
#include "tests/testsupport/ServerDatabase.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace bv;
using namespace bv::test;

class TestServerSetup : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_ca, m_otherCa, m_otherPassphrase, m_serverFiles, m_passphrase, m_database, m_owner, m_hba, m_hbaBefore,
        m_config;
    const QString m_ownerPassword = QStringLiteral("owner-pw-7Q2");
    CliRunner m_cli;

    struct Run
    {
        int status = -1;
        QString out;
        QString err;
    };

    static Run exec(const QString& program, const QStringList& args, const QByteArray& input = {},
        const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment())
    {
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(program, args);
        process.write(input);
        process.closeWriteChannel();
        process.waitForFinished(60000);
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
    }
    // psql as the cluster's superuser (pg_virtualenv's PGUSER) on its maintenance database, over the socket-less
    // default connection the suite uses.
    // Statements separated by "; " run one by one (ALTER SYSTEM runs outside a transaction block only).
    static Run superuser(const QString& sql)
    {
        QStringList args {QStringLiteral("-X"), QStringLiteral("-At"), QStringLiteral("-v"),
            QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-d"), QStringLiteral("postgres")};
        for (const QString& statement : sql.split(QStringLiteral("; ")))
            args << QStringLiteral("-c") << statement;
        return exec(QStringLiteral("psql"), args);
    }
    // psql on this test's database over TLS with the workstation's certificate, as `user`.
    Run tlsPsql(const QString& sql, const QString& user, const QString& password, const QString& sslmode)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGPASSWORD"), password);
        const QString conninfo = QStringLiteral("host=127.0.0.1 port=%1 dbname=%2 user=%3 sslmode=%4 sslrootcert=%5 "
                                                "sslcert=%6 sslkey=%7 sslpassword=%8")
                                     .arg(qEnvironmentVariable("PGPORT"), m_database, user, sslmode, m_ca,
                                         m_dir.filePath(QStringLiteral("ca/ws01.crt")),
                                         m_dir.filePath(QStringLiteral("ca/ws01.key")), m_passphrase);
        return exec(QStringLiteral("psql"),
            {QStringLiteral("-X"), QStringLiteral("-At"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
                conninfo, QStringLiteral("-c"), sql},
            {}, env);
    }
    Run branchCa(const QStringList& args)
    {
        return exec(qEnvironmentVariable("BV_SOURCE_DIR") + QStringLiteral("/server/branchvault-branch-ca"), args);
    }
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
    void reload()
    {
        const Run r = superuser(QStringLiteral("SELECT pg_reload_conf()"));
        QVERIFY2(r.status == 0, qPrintable(r.err));
        QTest::qWait(500);
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
        // one workstation, and a second CA that is not the branch's.
        const QString ca = m_dir.filePath(QStringLiteral("ca"));
        Run r = branchCa({QStringLiteral("init"), ca});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        r = branchCa({QStringLiteral("server"), ca, QStringLiteral("branch-db.test"), QStringLiteral("127.0.0.1")});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        r = branchCa({QStringLiteral("workstation"), ca, QStringLiteral("ws01")});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        m_passphrase = r.out.trimmed().section(QLatin1Char('\n'), -1).trimmed();
        QCOMPARE(m_passphrase.size(), 32);
        r = branchCa({QStringLiteral("init"), m_dir.filePath(QStringLiteral("other"))});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        r = branchCa({QStringLiteral("workstation"), m_dir.filePath(QStringLiteral("other")), QStringLiteral("ws02")});
        QVERIFY2(r.status == 0, qPrintable(r.err));
        m_otherPassphrase = r.out.trimmed().section(QLatin1Char('\n'), -1).trimmed();
        m_ca = m_dir.filePath(QStringLiteral("ca/ca.crt"));
        m_otherCa = m_dir.filePath(QStringLiteral("other/ca.crt"));
        QVERIFY(QFileInfo(m_dir.filePath(QStringLiteral("ca/ca.key"))).permissions()
            == (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser | QFileDevice::WriteUser));

        // TLS on the cluster: the server's key must belong to the user the server runs as.
        r = superuser(QStringLiteral("SHOW data_directory"));
        QVERIFY2(r.status == 0, qPrintable(r.err));
        const uint serverUser = QFileInfo(r.out.trimmed()).ownerId();
        m_serverFiles = m_dir.filePath(QStringLiteral("pg"));
        QVERIFY(QDir().mkpath(m_serverFiles));
        QVERIFY(::chmod(QFile::encodeName(m_dir.path()).constData(), 0755) == 0);
        QVERIFY(::chmod(QFile::encodeName(m_serverFiles).constData(), 0755) == 0);
        for (const char* name : {"server.crt", "server.key", "ca.crt"}) {
            const QString target = m_serverFiles + QLatin1Char('/') + QLatin1String(name);
            QVERIFY(QFile::copy(ca + QLatin1Char('/') + QLatin1String(name), target));
            QVERIFY(::chmod(QFile::encodeName(target).constData(), 0600) == 0);
            if (::geteuid() == 0)
                QVERIFY(::chown(QFile::encodeName(target).constData(), serverUser, gid_t(-1)) == 0);
        }
        r = superuser(QStringLiteral("ALTER SYSTEM SET ssl_cert_file = '%1/server.crt'; "
                                     "ALTER SYSTEM SET ssl_key_file = '%1/server.key'; "
                                     "ALTER SYSTEM SET ssl_ca_file = '%1/ca.crt'; ALTER SYSTEM SET ssl = on")
                          .arg(m_serverFiles));
        QVERIFY2(r.status == 0, qPrintable(r.err));
        reload();
        QTRY_COMPARE_WITH_TIMEOUT(superuser(QStringLiteral("SHOW ssl")).out.trimmed(), QStringLiteral("on"), 10000);

        // The owner the DBA made (CREATEROLE, not superuser) and the empty database.
        r = superuser(QStringLiteral("CREATE ROLE %1 LOGIN CREATEROLE PASSWORD '%2'").arg(m_owner, m_ownerPassword));
        QVERIFY2(r.status == 0, qPrintable(r.err));
        r = superuser(QStringLiteral("CREATE DATABASE %1 OWNER %2").arg(m_database, m_owner));
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
        superuser(QStringLiteral("ALTER SYSTEM RESET ssl; ALTER SYSTEM RESET ssl_cert_file; "
                                 "ALTER SYSTEM RESET ssl_key_file; ALTER SYSTEM RESET ssl_ca_file"));
        superuser(QStringLiteral("SELECT pg_reload_conf()"));
        superuser(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(m_database));
        superuser(QStringLiteral("DROP ROLE IF EXISTS %1").arg(m_owner));
        superuser(QStringLiteral("DROP ROLE IF EXISTS bv_setup_m1_%1").arg(QCoreApplication::applicationPid()));
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
        QCOMPARE(r.status, 12); // wrong-key
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
        const QStringList init {QStringLiteral("server"), QStringLiteral("init"), QStringLiteral("--owner")};
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

        r = cli(init + QStringList {m_owner}, m_ownerPassword.toUtf8() + "\n");
        QCOMPARE(r.status, 5);
        QVERIFY2(r.err.contains("set up already"), r.err.constData());
    }

    // A staff member signs in to the server from the connected workstation; nobody reaches this database without
    // TLS or without a workstation certificate.
    void staffConnectOnlyWithTlsAndAWorkstationCertificate()
    {
        const QString m1 = QStringLiteral("bv_setup_m1_%1").arg(QCoreApplication::applicationPid());
        Run r = tlsPsql(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD 'm1-pw-4Kx' IN ROLE bv_manager; "
                                       "INSERT INTO branchvault.staff (login, pg_role, role, branch) "
                                       "VALUES ('m1', '%1', 'manager', '0101')")
                            .arg(m1),
            m_owner, m_ownerPassword, QStringLiteral("verify-full"));
        QVERIFY2(r.status == 0, qPrintable(r.err));
        CliRun status = cli({QStringLiteral("server"), QStringLiteral("status"), QStringLiteral("--user"), m1,
                                QStringLiteral("--json")},
            "m1-pw-4Kx\n");
        QVERIFY2(status.status == 0, status.err.constData());
        QCOMPARE(status.json().value(QStringLiteral("role")).toString(), QStringLiteral("manager"));
        QVERIFY(status.json().value(QStringLiteral("tls")).toString().startsWith(QLatin1String("TLSv1.")));
        status = cli({QStringLiteral("server"), QStringLiteral("status"), QStringLiteral("--user"), m1}, "bad\n");
        QCOMPARE(status.status, 21);
        status = cli({QStringLiteral("server"), QStringLiteral("status"), QStringLiteral("--user"), m_owner},
            m_ownerPassword.toUtf8() + "\n");
        QCOMPARE(status.status, 3); // the owner is no staff account

        r = tlsPsql(QStringLiteral("SELECT 1"), m1, QStringLiteral("m1-pw-4Kx"), QStringLiteral("disable"));
        QVERIFY(r.status != 0);
        QVERIFY2(r.err.contains("no encryption"), qPrintable(r.err));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGPASSWORD"), QStringLiteral("m1-pw-4Kx"));
        r = exec(QStringLiteral("psql"),
            {QStringLiteral("-X"),
                QStringLiteral("host=127.0.0.1 port=%1 dbname=%2 user=%3 sslmode=verify-full sslrootcert=%4")
                    .arg(qEnvironmentVariable("PGPORT"), m_database, m1, m_ca),
                QStringLiteral("-c"), QStringLiteral("SELECT 1")},
            {}, env);
        QVERIFY(r.status != 0);
        QVERIFY2(r.err.contains("certificate"), qPrintable(r.err));
    }

    void aWorkstationIsRemovedWithItsKeychainEntry()
    {
        CliRun r = cli({QStringLiteral("server"), QStringLiteral("remove-workstation")});
        QVERIFY2(r.status == 0, r.err.constData());
        QVERIFY2(configFiles().filter(QStringLiteral("/server/")).isEmpty(), qPrintable(configFiles().join(' ')));
        r = cli({QStringLiteral("server"), QStringLiteral("status"), QStringLiteral("--user"), m_owner}, "x\n");
        QCOMPARE(r.status, 4);
        // added again, the keychain entry is written anew (the old one is gone)
        r = cli(addArgs(QStringLiteral("127.0.0.1"), m_ca), m_passphrase.toUtf8() + "\n");
        QVERIFY2(r.status == 0, r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestServerSetup)
#include "tst_serversetup.moc"
