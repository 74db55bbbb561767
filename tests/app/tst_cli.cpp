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

    QString initDatabase(const QString& path)
    {
        const Run run = cli({QStringLiteral("init"), QStringLiteral("--db"), path, QStringLiteral("--json")});
        if (run.status != 0)
            qWarning("init failed: %s", run.err.constData());
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
        for (const char* command : {"init", "unlock", "verify", "backup", "restore", "rekey"})
            QVERIFY2(help.out.contains(command), command);
        const Run unknown = cli({QStringLiteral("frobnicate")});
        QCOMPARE(unknown.status, exitStatusFor(ErrorCode::InvalidInput));
        QCOMPARE(unknown.errLines(), 1);
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
        Run written = cli({QStringLiteral("backup"), QStringLiteral("--db"), db, QStringLiteral("--out"), backup,
            QStringLiteral("--json")});
        QCOMPARE(written.status, 0);
        QVERIFY(written.json().value(QStringLiteral("bytes")).toInteger() > 0);
        QCOMPARE(
            cli({QStringLiteral("restore"), QStringLiteral("--db"), db, QStringLiteral("--from"), backup}).status, 0);
        QCOMPARE(cli({QStringLiteral("rekey"), QStringLiteral("--db"), db}).status, 0);
        QCOMPARE(cli({QStringLiteral("verify"), QStringLiteral("--db"), db}).status, 0);

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
            = cli({QStringLiteral("restore"), QStringLiteral("--db"), db, QStringLiteral("--from"), backup});
        QCOMPARE(noPassphrase.status, exitStatusFor(ErrorCode::KeyMissing));
        Run withPassphrase = cli({QStringLiteral("restore"), QStringLiteral("--db"), db, QStringLiteral("--from"),
                                     backup, QStringLiteral("--json")},
            passphrase.toLatin1() + "\n");
        QCOMPARE(withPassphrase.status, 0);
        QVERIFY(!withPassphrase.json().value(QStringLiteral("previous")).toString().isEmpty());
        QCOMPARE(cli({QStringLiteral("verify"), QStringLiteral("--db"), db}).status, 0);
    }

    void damagedBackupIsRefused()
    {
        TempDatabaseDir dir;
        const QString db = dir.databasePath();
        QVERIFY(!initDatabase(db).isEmpty());
        const QString backup = dir.file(QStringLiteral("b.bvbackup"));
        QCOMPARE(
            cli({QStringLiteral("backup"), QStringLiteral("--db"), db, QStringLiteral("--out"), backup}).status, 0);
        QByteArray bytes = readFile(backup);
        bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x10);
        QVERIFY(writeFile(backup, bytes));
        const QByteArray before = fileSha256(db);
        Run run = cli({QStringLiteral("restore"), QStringLiteral("--db"), db, QStringLiteral("--from"), backup,
            QStringLiteral("--json")});
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
