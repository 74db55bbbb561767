// branchvault-cli under storage trouble, as an administrator meets it: a locked login keyring, a database
// that met a damaged page, a lost key envelope, files that must stay the owner's. Real gnome-keyring,
// real SQLCipher files.
#include "core/internal/db/Database.h"
#include "core/internal/keys/KeyEnvelope.h"
#include "tests/testsupport/CliRunner.h"
#include "tests/testsupport/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace bv;
using namespace bv::test;

class TestCliStorage : public QObject
{
    Q_OBJECT
private:
    CliRunner m_cli;

    // `arguments` on database() as the administrator
    CliRun admin(const QStringList& arguments) const
    {
        return m_cli.run(CliRunner::admin(arguments + QStringList {QStringLiteral("--db"), m_cli.database()}),
            CliRunner::adminPassword());
    }

private slots:
    void initTestCase()
    {
        const QString problem = CliRunner::environmentProblem();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(!QStandardPaths::findExecutable(QStringLiteral("dbus-run-session")).isEmpty());
        QVERIFY(!QStandardPaths::findExecutable(QStringLiteral("gnome-keyring-daemon")).isEmpty());
    }

    // A locked login keyring answers "no such entry"; it must be reported as a locked keyring (exit 10,
    // "unlock your login keyring"), not as a missing key whose advice would fail. A keyring of its own,
    // in a D-Bus session of its own, so that locking it touches nothing else.
    void lockedKeyringIsNotAMissingKey()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        for (const char* sub : {"data", "config", "runtime"})
            QVERIFY(QDir(home.path()).mkpath(QLatin1String(sub)));
        QFile::setPermissions(home.filePath(QStringLiteral("runtime")),
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        const QString script = QStringLiteral(
            "set -e\n"
            "eval \"$(printf locked-test | gnome-keyring-daemon --unlock --components=secrets)\"\n"
            "\"$BV_CLI\" --db \"$DB\" init >/dev/null\n"
            "\"$BV_CLI\" --db \"$DB\" verify >/dev/null\n"
            "dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets "
            "org.freedesktop.Secret.Service.Lock array:objpath:/org/freedesktop/secrets/collection/login >/dev/null\n"
            "set +e\n"
            "\"$BV_CLI\" --db \"$DB\" verify 2>\"$HOME/err\"\n"
            "echo $? >\"$HOME/status\"\n");
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.filePath(QStringLiteral("runtime")));
        env.insert(QStringLiteral("DB"), home.filePath(QStringLiteral("branch.bvdb")));
        env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
        env.remove(QStringLiteral("GNOME_KEYRING_CONTROL"));
        process.setProcessEnvironment(env);
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(QStringLiteral("dbus-run-session"),
            {QStringLiteral("--"), QStringLiteral("bash"), QStringLiteral("-c"), script});
        QVERIFY(process.waitForFinished(120000));
        const QByteArray status = readFile(home.filePath(QStringLiteral("status"))).trimmed();
        const QByteArray err = readFile(home.filePath(QStringLiteral("err")));
        QVERIFY2(!status.isEmpty(), process.readAll().constData());
        QCOMPARE(status.toInt(), exitStatusFor(ErrorCode::KeychainUnavailable));
        QCOMPARE(err.count('\n'), 1);
        QVERIFY2(err.contains("Unlock your login keyring"), err.constData());
    }

    // A page that fails its check stops the command that met it, and from then on only verify and
    // backup open the database until a verification passes.
    void damagedPageQuarantinesTheDatabase()
    {
        TempDatabaseDir dir;
        m_cli.setDatabase(dir.databasePath());
        QVERIFY(!m_cli.initDatabase(dir.databasePath()).isEmpty());
        // enough audit rows for pages beyond the first few
        for (int i = 0; i < 40; ++i)
            QCOMPARE(admin({QStringLiteral("verify")}).status, 0);
        const qint64 size = QFileInfo(dir.databasePath()).size();
        QVERIFY(size > 16 * 4096);
        QFile file(dir.databasePath());
        QVERIFY(file.open(QIODevice::ReadWrite));
        const qint64 page = size / 4096 - 2; // a late page of the growing audit log
        file.seek(page * 4096 + 1000);
        file.write(QByteArray(16, '\x5a'));
        file.close();

        const CliRun checked = admin({QStringLiteral("verify")});
        QCOMPARE(checked.status, exitStatusFor(ErrorCode::Damaged));
        QVERIFY(QFileInfo::exists(Database::damageMarkerPath(dir.databasePath())));
        const CliRun refused = admin({QStringLiteral("user"), QStringLiteral("list")});
        QCOMPARE(refused.status, exitStatusFor(ErrorCode::Damaged));
        QCOMPARE(refused.errLines(), 1);
        QVERIFY2(refused.err.contains("verify"), refused.err.constData());
    }

    // A lost envelope: the keychain still opens the database; verify says so and names the remedy;
    // repair-envelope prints a new recovery passphrase that unlocks it from an empty keychain.
    void lostEnvelopeIsRepaired()
    {
        TempDatabaseDir dir;
        m_cli.setDatabase(dir.databasePath());
        const QString oldPassphrase = m_cli.initDatabase(dir.databasePath());
        QVERIFY(!oldPassphrase.isEmpty());
        QVERIFY(QFile::remove(KeyEnvelope::pathFor(dir.databasePath())));
        const CliRun refused = admin({QStringLiteral("user"), QStringLiteral("list")});
        QCOMPARE(refused.status, exitStatusFor(ErrorCode::Damaged));
        QVERIFY2(refused.err.contains("repair-envelope"), refused.err.constData());
        const CliRun verify = m_cli.run({QStringLiteral("verify"), QStringLiteral("--db"), dir.databasePath()});
        QCOMPARE(verify.status, exitStatusFor(ErrorCode::Damaged));
        QVERIFY2(verify.out.contains("repair-envelope"), verify.out.constData());
        const CliRun repaired = admin({QStringLiteral("repair-envelope"), QStringLiteral("--json")});
        QCOMPARE(repaired.status, 0);
        const QString passphrase = repaired.json().value(QStringLiteral("recoveryPassphrase")).toString();
        QCOMPARE(passphrase.size(), 29);
        QCOMPARE(m_cli.run({QStringLiteral("verify"), QStringLiteral("--db"), dir.databasePath()}).status, 0);
        // a new OS account: an empty keychain under another service name
        QProcessEnvironment other = m_cli.environment();
        other.insert(QStringLiteral("BV_KEYCHAIN_SERVICE"), m_cli.keychainService() + QStringLiteral("-other"));
        const CliRun old = m_cli.run({QStringLiteral("unlock"), QStringLiteral("--db"), dir.databasePath()},
            oldPassphrase.toLatin1() + '\n', &other);
        QCOMPARE(old.status, exitStatusFor(ErrorCode::WrongKey));
        const CliRun unlocked = m_cli.run({QStringLiteral("unlock"), QStringLiteral("--db"), dir.databasePath()},
            passphrase.toLatin1() + '\n', &other);
        QCOMPARE(unlocked.status, 0);
    }

    void databaseAndBackupsAreOwnerOnly()
    {
        TempDatabaseDir dir;
        m_cli.setDatabase(dir.databasePath());
        QVERIFY(!m_cli.initDatabase(dir.databasePath()).isEmpty());
        const QString backup = dir.file(QStringLiteral("b.bvbackup"));
        QCOMPARE(admin({QStringLiteral("backup"), QStringLiteral("--out"), backup}).status, 0);
        const auto others
            = QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther;
        for (const QString& path : {dir.databasePath(), KeyEnvelope::pathFor(dir.databasePath()), backup})
            QVERIFY2((QFileInfo(path).permissions() & others) == 0, qPrintable(path));
        // a dangling link where the database would be is not followed
        const QString link = dir.file(QStringLiteral("linked.bvdb"));
        QVERIFY(QFile::link(dir.file(QStringLiteral("elsewhere.bvdb")), link));
        const CliRun init = m_cli.run({QStringLiteral("init"), QStringLiteral("--db"), link});
        QCOMPARE(init.status, exitStatusFor(ErrorCode::AlreadyExists));
        QVERIFY(!QFileInfo::exists(dir.file(QStringLiteral("elsewhere.bvdb"))));
    }
};

QTEST_GUILESS_MAIN(TestCliStorage)
#include "tst_cli_storage.moc"
