// branchvault-cli as administrators script it: exit statuses, one-line errors on stderr, --json,
// secrets on stdin; against the real keychain of the test session.
#include "TestSupport.h"
#include "keys/KeyEnvelope.h"
#include "keys/KeychainSecretStore.h"
#include "keys/RecoveryPassphrase.h"
#include "vault/VaultService.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>
#include <QUuid>

using namespace bv;
using namespace bv::test;

namespace {

struct Run
{
    int status = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
    int errLines() const { return int(err.count('\n')); }
};

const QByteArray kAdminPassword = "Admin-pass-2026";

} // namespace

class TestCli : public QObject
{
    Q_OBJECT
private:
    QString m_service;
    QProcessEnvironment m_env;

    Run cli(
        const QStringList& arguments, const QByteArray& input = QByteArray(), const QProcessEnvironment* env = nullptr)
    {
        QProcess process;
        process.setProcessEnvironment(env ? *env : m_env);
        process.start(qEnvironmentVariable("BV_CLI"), arguments);
        process.write(input);
        process.closeWriteChannel();
        process.waitForFinished(120000);
        return Run {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
    }

    static QStringList admin(QStringList arguments)
    {
        return arguments << QStringLiteral("--user") << QStringLiteral("admin");
    }
    static QByteArray adminPassword() { return kAdminPassword + "\n"; }

    // Creates a database, changes the first administrator's one-time password, returns the passphrase.
    QString initDatabase(const QString& path)
    {
        const Run run = cli({QStringLiteral("init"), QStringLiteral("--db"), path, QStringLiteral("--json")});
        if (run.status != 0) {
            qWarning("init failed: %s", run.err.constData());
            return QString();
        }
        const QByteArray oneTime = run.json().value(QStringLiteral("password")).toString().toLatin1();
        const Run changed = cli(admin({QStringLiteral("passwd"), QStringLiteral("--db"), path}),
            oneTime + "\n" + kAdminPassword + "\n" + kAdminPassword + "\n");
        if (changed.status != 0)
            qWarning("passwd failed: %s", changed.err.constData());
        return run.json().value(QStringLiteral("recoveryPassphrase")).toString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(
            QFileInfo::exists(qEnvironmentVariable("BV_CLI")), "BV_CLI must point to branchvault-cli (run via ctest)");
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
            "no D-Bus session: run the suite with tools/dev.sh test");
        m_service = QStringLiteral("BranchVault-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        m_env = QProcessEnvironment::systemEnvironment();
        m_env.insert(QStringLiteral("BV_KEYCHAIN_SERVICE"), m_service);
        m_env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    }

    void versionAndHelp()
    {
        const Run version = cli({QStringLiteral("--version")});
        QCOMPARE(version.status, 0);
        QVERIFY(version.out.contains("SQLCipher 4."));
        const Run help = cli({QStringLiteral("--help")});
        QCOMPARE(help.status, 0);
        for (const char* command :
            {"init", "unlock", "verify", "backup", "restore", "rekey", "user", "passwd", "settings"})
            QVERIFY2(help.out.contains(command), command);
        const Run unknown = cli({QStringLiteral("frobnicate")});
        QCOMPARE(unknown.status, exitStatusFor(ErrorCode::InvalidInput));
        QCOMPARE(unknown.errLines(), 1);
    }

    void initCreatesTheFirstAdministrator()
    {
        TempDatabaseDir dir;
        const Run run = cli({QStringLiteral("init"), QStringLiteral("--db"), dir.databasePath(),
            QStringLiteral("--user"), QStringLiteral("root.admin"), QStringLiteral("--branch"), QStringLiteral("BJ01"),
            QStringLiteral("--json")});
        QCOMPARE(run.status, 0);
        QCOMPARE(run.json().value(QStringLiteral("login")).toString(), QStringLiteral("root.admin"));
        const QByteArray oneTime = run.json().value(QStringLiteral("password")).toString().toLatin1();
        QCOMPARE(oneTime.size(), 19);
        // the one-time password works only to change it
        Run early = cli({QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--db"), dir.databasePath(),
                            QStringLiteral("--user"), QStringLiteral("root.admin")},
            oneTime + "\n");
        QCOMPARE(early.status, exitStatusFor(ErrorCode::PasswordChangeRequired));
        QVERIFY(early.err.contains("passwd"));
    }

    void lifecycle()
    {
        TempDatabaseDir dir;
        const QString db = dir.databasePath();
        const QString passphrase = initDatabase(db);
        QCOMPARE(passphrase.size(), 29);
        QVERIFY(QFileInfo::exists(KeyEnvelope::pathFor(db)));

        Run again = cli({QStringLiteral("init"), QStringLiteral("--db"), db});
        QCOMPARE(again.status, exitStatusFor(ErrorCode::AlreadyExists));
        QCOMPARE(again.errLines(), 1);
        QVERIFY(again.out.isEmpty());

        QCOMPARE(cli({QStringLiteral("verify"), QStringLiteral("--db"), db}).status, 0);
        const QString backup = dir.file(QStringLiteral("b.bvbackup"));
        // storage operations are the administrator's, signed in
        Run anonymous = cli({QStringLiteral("backup"), QStringLiteral("--db"), db, QStringLiteral("--out"), backup});
        QCOMPARE(anonymous.status, exitStatusFor(ErrorCode::InvalidInput));
        QVERIFY(!QFileInfo::exists(backup));
        Run written = cli(admin({QStringLiteral("backup"), QStringLiteral("--db"), db, QStringLiteral("--out"), backup,
                              QStringLiteral("--json")}),
            adminPassword());
        QCOMPARE(written.status, 0);
        QVERIFY(written.json().value(QStringLiteral("bytes")).toInteger() > 0);
        Run badPassword
            = cli(admin({QStringLiteral("restore"), QStringLiteral("--db"), db, QStringLiteral("--from"), backup}),
                "Wrong-pass-1\n");
        QCOMPARE(badPassword.status, exitStatusFor(ErrorCode::AuthenticationFailed));
        QCOMPARE(cli(admin({QStringLiteral("restore"), QStringLiteral("--db"), db, QStringLiteral("--from"), backup}),
                     adminPassword())
                     .status,
            0);
        QCOMPARE(cli(admin({QStringLiteral("rekey"), QStringLiteral("--db"), db}), adminPassword()).status, 0);
        Run verified = cli({QStringLiteral("verify"), QStringLiteral("--db"), db, QStringLiteral("--json")});
        QCOMPARE(verified.status, 0);
        QVERIFY(verified.json().value(QStringLiteral("auditRows")).toInt() > 5);

        // the keychain loses the key: verify says how to get it back, unlock restores it
        auto envelope = KeyEnvelope::load(KeyEnvelope::pathFor(db));
        BV_VERIFY_OK(envelope);
        KeychainSecretStore store(m_service);
        BV_VERIFY_OK(store.remove(VaultService::keychainName(envelope->databaseId())));
        Run missing = cli({QStringLiteral("verify"), QStringLiteral("--db"), db});
        QCOMPARE(missing.status, exitStatusFor(ErrorCode::KeyMissing));
        QCOMPARE(missing.errLines(), 1);
        QVERIFY(missing.err.contains("branchvault-cli unlock"));

        Run wrong = cli({QStringLiteral("unlock"), QStringLiteral("--db"), db},
            RecoveryPassphrase::generate().view().toByteArray() + "\n");
        QCOMPARE(wrong.status, exitStatusFor(ErrorCode::WrongKey));
        QCOMPARE(wrong.errLines(), 1);
        Run unlocked = cli({QStringLiteral("unlock"), QStringLiteral("--db"), db}, passphrase.toLatin1() + "\n");
        QCOMPARE(unlocked.status, 0);
        QCOMPARE(cli({QStringLiteral("verify"), QStringLiteral("--db"), db}).status, 0);

        // restoring the pre-rekey backup needs the passphrase now (the keychain holds the new key)
        Run noPassphrase
            = cli(admin({QStringLiteral("restore"), QStringLiteral("--db"), db, QStringLiteral("--from"), backup}),
                adminPassword());
        QCOMPARE(noPassphrase.status, exitStatusFor(ErrorCode::KeyMissing));
        Run withPassphrase = cli(admin({QStringLiteral("restore"), QStringLiteral("--db"), db, QStringLiteral("--from"),
                                     backup, QStringLiteral("--json")}),
            adminPassword() + passphrase.toLatin1() + "\n");
        QCOMPARE(withPassphrase.status, 0);
        QVERIFY(!withPassphrase.json().value(QStringLiteral("previous")).toString().isEmpty());
        QCOMPARE(cli({QStringLiteral("verify"), QStringLiteral("--db"), db}).status, 0);
    }

    void accountsAndSettings()
    {
        TempDatabaseDir dir;
        const QString db = dir.databasePath();
        QVERIFY(!initDatabase(db).isEmpty());
        Run added = cli(admin({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("zhang.wei"),
                            QStringLiteral("--role"), QStringLiteral("customer_manager"), QStringLiteral("--name"),
                            QStringLiteral("张伟"), QStringLiteral("--db"), db, QStringLiteral("--json")}),
            adminPassword());
        QCOMPARE(added.status, 0);
        QCOMPARE(added.json().value(QStringLiteral("login")).toString(), QStringLiteral("zhang.wei"));
        const QByteArray oneTime = added.json().value(QStringLiteral("password")).toString().toLatin1();
        QVERIFY(!oneTime.isEmpty());
        Run list = cli(admin({QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--db"), db,
                           QStringLiteral("--json")}),
            adminPassword());
        QCOMPARE(list.status, 0);
        QVERIFY(list.out.contains("张伟"));
        // the customer manager changes the one-time password, then may not manage accounts
        Run passwd = cli({QStringLiteral("passwd"), QStringLiteral("--db"), db, QStringLiteral("--user"),
                             QStringLiteral("zhang.wei")},
            oneTime + "\nZhang-pass-1\nZhang-pass-1\n");
        QCOMPARE(passwd.status, 0);
        Run mismatch = cli({QStringLiteral("passwd"), QStringLiteral("--db"), db, QStringLiteral("--user"),
                               QStringLiteral("zhang.wei")},
            "Zhang-pass-1\nZhang-pass-2\nZhang-pass-3\n");
        QCOMPARE(mismatch.status, exitStatusFor(ErrorCode::InvalidInput));
        Run refused = cli({QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--db"), db,
                              QStringLiteral("--user"), QStringLiteral("zhang.wei")},
            "Zhang-pass-1\n");
        QCOMPARE(refused.status, exitStatusFor(ErrorCode::PermissionDenied));
        QCOMPARE(refused.errLines(), 1);

        Run set = cli(admin({QStringLiteral("settings"), QStringLiteral("set"), QStringLiteral("auth.idle.minutes"),
                          QStringLiteral("10"), QStringLiteral("--db"), db}),
            adminPassword());
        QCOMPARE(set.status, 0);
        Run floor = cli(admin({QStringLiteral("settings"), QStringLiteral("set"),
                            QStringLiteral("audit.retention_days"), QStringLiteral("30"), QStringLiteral("--db"), db}),
            adminPassword());
        QCOMPARE(floor.status, exitStatusFor(ErrorCode::InvalidInput));
        QVERIFY(floor.err.contains("180"));
        Run get = cli(admin({QStringLiteral("settings"), QStringLiteral("get"), QStringLiteral("auth.idle.minutes"),
                          QStringLiteral("--db"), db, QStringLiteral("--json")}),
            adminPassword());
        QCOMPARE(get.json().value(QStringLiteral("value")).toString(), QStringLiteral("10"));

        Run frozen = cli(admin({QStringLiteral("user"), QStringLiteral("freeze"), QStringLiteral("zhang.wei"),
                             QStringLiteral("--db"), db}),
            adminPassword());
        QCOMPARE(frozen.status, 0);
        Run signIn = cli({QStringLiteral("passwd"), QStringLiteral("--db"), db, QStringLiteral("--user"),
                             QStringLiteral("zhang.wei")},
            "Zhang-pass-1\nZhang-pass-9\nZhang-pass-9\n");
        QCOMPARE(signIn.status, exitStatusFor(ErrorCode::AuthenticationFailed));
    }

    void damagedBackupIsRefused()
    {
        TempDatabaseDir dir;
        const QString db = dir.databasePath();
        QVERIFY(!initDatabase(db).isEmpty());
        const QString backup = dir.file(QStringLiteral("b.bvbackup"));
        QCOMPARE(cli(admin({QStringLiteral("backup"), QStringLiteral("--db"), db, QStringLiteral("--out"), backup}),
                     adminPassword())
                     .status,
            0);
        QByteArray bytes = readFile(backup);
        bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x10);
        QVERIFY(writeFile(backup, bytes));
        const QByteArray before = fileSha256(db);
        Run run = cli(admin({QStringLiteral("restore"), QStringLiteral("--db"), db, QStringLiteral("--from"), backup,
                          QStringLiteral("--json")}),
            adminPassword());
        QCOMPARE(run.status, exitStatusFor(ErrorCode::Damaged));
        QCOMPARE(run.errLines(), 1);
        QCOMPARE(run.json().value(QStringLiteral("error")).toString(), QStringLiteral("damaged"));
        QCOMPARE(fileSha256(db), before);
    }

    void databaseInUse()
    {
        TempDatabaseDir dir;
        const QString db = dir.databasePath();
        QVERIFY(!initDatabase(db).isEmpty());
        KeychainSecretStore store(m_service);
        VaultService service(store);
        auto open = service.open(db);
        BV_VERIFY_OK(open);
        Run run = cli({QStringLiteral("verify"), QStringLiteral("--db"), db});
        QCOMPARE(run.status, exitStatusFor(ErrorCode::InUse));
        QCOMPARE(run.errLines(), 1);
    }

    void keychainUnavailable()
    {
        TempDatabaseDir dir;
        QProcessEnvironment env = m_env;
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/bv-no-bus"));
        Run run = cli({QStringLiteral("init"), QStringLiteral("--db"), dir.databasePath()}, QByteArray(), &env);
        QCOMPARE(run.status, exitStatusFor(ErrorCode::KeychainUnavailable));
        QCOMPARE(run.errLines(), 1);
        QVERIFY(!QFileInfo::exists(dir.databasePath()));
    }

    void missingDatabase()
    {
        TempDatabaseDir dir;
        Run run = cli({QStringLiteral("verify"), QStringLiteral("--db"), dir.databasePath()});
        QCOMPARE(run.status, exitStatusFor(ErrorCode::NotFound));
        QVERIFY(!QFileInfo::exists(dir.databasePath()));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
