// branchvault-cli as administrators script it: exit statuses, one-line errors on stderr, --json,
// secrets on stdin; against the real keychain of the test session.
#include "core/internal/keys/KeyEnvelope.h"
#include "core/internal/keys/RecoveryPassphrase.h"
#include "core/keys/KeychainSecretStore.h"
#include "core/vault/VaultService.h"
#include "tests/testsupport/CliRunner.h"
#include "tests/testsupport/TestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace bv;
using namespace bv::test;

using Run = CliRun;

class TestCli : public QObject
{
    Q_OBJECT
private:
    CliRunner m_cli;

private slots:
    void initTestCase()
    {
        const QString problem = CliRunner::environmentProblem();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void versionAndHelp()
    {
        const Run version = m_cli.run({QStringLiteral("--version")});
        QCOMPARE(version.status, 0);
        QVERIFY(version.out.contains("SQLCipher 4."));
        const Run help = m_cli.run({QStringLiteral("--help")});
        QCOMPARE(help.status, 0);
        for (const char* command :
            {"init", "unlock", "verify", "backup", "restore", "rekey", "user", "passwd", "settings"})
            QVERIFY2(help.out.contains(command), command);
        const Run unknown = m_cli.run({QStringLiteral("frobnicate")});
        QCOMPARE(unknown.status, exitStatusFor(ErrorCode::InvalidInput));
        QCOMPARE(unknown.errLines(), 1);
    }

    void initCreatesTheFirstAdministrator()
    {
        TempDatabaseDir dir;
        const Run run = m_cli.run({QStringLiteral("init"), QStringLiteral("--db"), dir.databasePath(),
            QStringLiteral("--user"), QStringLiteral("root.admin"), QStringLiteral("--branch"), QStringLiteral("BJ01"),
            QStringLiteral("--json")});
        QCOMPARE(run.status, 0);
        QCOMPARE(run.json().value(QStringLiteral("login")).toString(), QStringLiteral("root.admin"));
        const QByteArray oneTime = run.json().value(QStringLiteral("password")).toString().toLatin1();
        QCOMPARE(oneTime.size(), 19);
        // the one-time password works only to change it
        Run early = m_cli.run({QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--db"),
                                  dir.databasePath(), QStringLiteral("--user"), QStringLiteral("root.admin")},
            oneTime + "\n");
        QCOMPARE(early.status, exitStatusFor(ErrorCode::PasswordChangeRequired));
        QVERIFY(early.err.contains("passwd"));
    }

    void lifecycle()
    {
        TempDatabaseDir dir;
        const QString db = dir.databasePath();
        const QString passphrase = m_cli.initDatabase(db);
        QCOMPARE(passphrase.size(), 29);
        QVERIFY(QFileInfo::exists(KeyEnvelope::pathFor(db)));

        Run again = m_cli.run({QStringLiteral("init"), QStringLiteral("--db"), db});
        QCOMPARE(again.status, exitStatusFor(ErrorCode::AlreadyExists));
        QCOMPARE(again.errLines(), 1);
        QVERIFY(again.out.isEmpty());

        QCOMPARE(m_cli.run({QStringLiteral("verify"), QStringLiteral("--db"), db}).status, 0);
        const QString backup = dir.file(QStringLiteral("b.bvbackup"));
        // storage operations are the administrator's, signed in
        Run anonymous
            = m_cli.run({QStringLiteral("backup"), QStringLiteral("--db"), db, QStringLiteral("--out"), backup});
        QCOMPARE(anonymous.status, exitStatusFor(ErrorCode::InvalidInput));
        QVERIFY(!QFileInfo::exists(backup));
        Run written = m_cli.run(CliRunner::admin({QStringLiteral("backup"), QStringLiteral("--db"), db,
                                    QStringLiteral("--out"), backup, QStringLiteral("--json")}),
            CliRunner::adminPassword());
        QCOMPARE(written.status, 0);
        QVERIFY(written.json().value(QStringLiteral("bytes")).toInteger() > 0);
        Run badPassword = m_cli.run(
            CliRunner::admin({QStringLiteral("restore"), QStringLiteral("--db"), db, QStringLiteral("--from"), backup}),
            "Wrong-pass-1\n");
        QCOMPARE(badPassword.status, exitStatusFor(ErrorCode::AuthenticationFailed));
        QCOMPARE(m_cli
                     .run(CliRunner::admin({QStringLiteral("restore"), QStringLiteral("--db"), db,
                              QStringLiteral("--from"), backup}),
                         CliRunner::adminPassword())
                     .status,
            0);
        QCOMPARE(m_cli
                     .run(CliRunner::admin({QStringLiteral("rekey"), QStringLiteral("--db"), db}),
                         CliRunner::adminPassword())
                     .status,
            0);
        Run verified = m_cli.run({QStringLiteral("verify"), QStringLiteral("--db"), db, QStringLiteral("--json")});
        QCOMPARE(verified.status, 0);
        QVERIFY(verified.json().value(QStringLiteral("auditRows")).toInt() > 5);

        // the keychain loses the key: verify says how to get it back, unlock restores it
        auto envelope = KeyEnvelope::load(KeyEnvelope::pathFor(db));
        BV_VERIFY_OK(envelope);
        KeychainSecretStore store(m_cli.keychainService());
        BV_VERIFY_OK(store.remove(VaultService::keychainName(envelope->databaseId())));
        Run missing = m_cli.run({QStringLiteral("verify"), QStringLiteral("--db"), db});
        QCOMPARE(missing.status, exitStatusFor(ErrorCode::KeyMissing));
        QCOMPARE(missing.errLines(), 1);
        QVERIFY(missing.err.contains("branchvault-cli unlock"));

        Run wrong = m_cli.run({QStringLiteral("unlock"), QStringLiteral("--db"), db},
            RecoveryPassphrase::generate().view().toByteArray() + "\n");
        QCOMPARE(wrong.status, exitStatusFor(ErrorCode::WrongKey));
        QCOMPARE(wrong.errLines(), 1);
        Run unlocked = m_cli.run({QStringLiteral("unlock"), QStringLiteral("--db"), db}, passphrase.toLatin1() + "\n");
        QCOMPARE(unlocked.status, 0);
        QCOMPARE(m_cli.run({QStringLiteral("verify"), QStringLiteral("--db"), db}).status, 0);

        // restoring the pre-rekey backup needs the passphrase now (the keychain holds the new key)
        Run noPassphrase = m_cli.run(
            CliRunner::admin({QStringLiteral("restore"), QStringLiteral("--db"), db, QStringLiteral("--from"), backup}),
            CliRunner::adminPassword());
        QCOMPARE(noPassphrase.status, exitStatusFor(ErrorCode::KeyMissing));
        Run withPassphrase = m_cli.run(CliRunner::admin({QStringLiteral("restore"), QStringLiteral("--db"), db,
                                           QStringLiteral("--from"), backup, QStringLiteral("--json")}),
            CliRunner::adminPassword() + passphrase.toLatin1() + "\n");
        QCOMPARE(withPassphrase.status, 0);
        QVERIFY(!withPassphrase.json().value(QStringLiteral("previous")).toString().isEmpty());
        QCOMPARE(m_cli.run({QStringLiteral("verify"), QStringLiteral("--db"), db}).status, 0);
    }

    void accountsAndSettings()
    {
        TempDatabaseDir dir;
        const QString db = dir.databasePath();
        QVERIFY(!m_cli.initDatabase(db).isEmpty());
        Run added
            = m_cli.run(CliRunner::admin({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("zhang.wei"),
                            QStringLiteral("--role"), QStringLiteral("customer_manager"), QStringLiteral("--name"),
                            QStringLiteral("张伟"), QStringLiteral("--db"), db, QStringLiteral("--json")}),
                CliRunner::adminPassword());
        QCOMPARE(added.status, 0);
        QCOMPARE(added.json().value(QStringLiteral("login")).toString(), QStringLiteral("zhang.wei"));
        const QByteArray oneTime = added.json().value(QStringLiteral("password")).toString().toLatin1();
        QVERIFY(!oneTime.isEmpty());
        Run list = m_cli.run(CliRunner::admin({QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--db"),
                                 db, QStringLiteral("--json")}),
            CliRunner::adminPassword());
        QCOMPARE(list.status, 0);
        QVERIFY(list.out.contains("张伟"));
        QVERIFY(added.json().value(QStringLiteral("awaitingConfirmation")).toBool());
        // dual control: the one-time password does not sign in until a branch manager confirms the account
        Run early = m_cli.run({QStringLiteral("passwd"), QStringLiteral("--db"), db, QStringLiteral("--user"),
                                  QStringLiteral("zhang.wei")},
            oneTime + "\nZhang-pass-1\nZhang-pass-1\n");
        QCOMPARE(early.status, exitStatusFor(ErrorCode::AuthenticationFailed));
        QVERIFY(early.err.contains("branch manager"));
        m_cli.setDatabase(db);
        QVERIFY(m_cli.addUser(QStringLiteral("m1"), QStringLiteral("manager"))); // confirmed with the passphrase
        Run waiting = m_cli.as(
            QStringLiteral("m1"), {QStringLiteral("user"), QStringLiteral("awaiting"), QStringLiteral("--json")});
        QCOMPARE(waiting.status, 0);
        QCOMPARE(waiting.json().value(QStringLiteral("accounts")).toArray().size(), 1);
        Run confirmed = m_cli.as(QStringLiteral("m1"),
            {QStringLiteral("user"), QStringLiteral("confirm"), QStringLiteral("zhang.wei"), QStringLiteral("--json")});
        QCOMPARE(confirmed.status, 0);
        const QByteArray code = confirmed.json().value(QStringLiteral("confirmationCode")).toString().toLatin1();
        QVERIFY(!code.isEmpty());
        // the customer manager changes the one-time password (with the manager's code), then may not manage accounts
        Run noCode = m_cli.run({QStringLiteral("passwd"), QStringLiteral("--db"), db, QStringLiteral("--user"),
                                   QStringLiteral("zhang.wei")},
            oneTime + "\nZhang-pass-1\nZhang-pass-1\nabcd-efgh-jkmn-pqrs\n");
        QCOMPARE(noCode.status, exitStatusFor(ErrorCode::AuthenticationFailed));
        Run passwd = m_cli.run({QStringLiteral("passwd"), QStringLiteral("--db"), db, QStringLiteral("--user"),
                                   QStringLiteral("zhang.wei")},
            oneTime + "\nZhang-pass-1\nZhang-pass-1\n" + code + "\n");
        QCOMPARE(passwd.status, 0);
        Run mismatch = m_cli.run({QStringLiteral("passwd"), QStringLiteral("--db"), db, QStringLiteral("--user"),
                                     QStringLiteral("zhang.wei")},
            "Zhang-pass-1\nZhang-pass-2\nZhang-pass-3\n");
        QCOMPARE(mismatch.status, exitStatusFor(ErrorCode::InvalidInput));
        Run refused = m_cli.run({QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--db"), db,
                                    QStringLiteral("--user"), QStringLiteral("zhang.wei")},
            "Zhang-pass-1\n");
        QCOMPARE(refused.status, exitStatusFor(ErrorCode::PermissionDenied));
        QCOMPARE(refused.errLines(), 1);

        Run set = m_cli.run(CliRunner::admin({QStringLiteral("settings"), QStringLiteral("set"),
                                QStringLiteral("auth.idle.minutes"), QStringLiteral("10"), QStringLiteral("--db"), db}),
            CliRunner::adminPassword());
        QCOMPARE(set.status, 0);
        Run floor
            = m_cli.run(CliRunner::admin({QStringLiteral("settings"), QStringLiteral("set"),
                            QStringLiteral("audit.retention_days"), QStringLiteral("30"), QStringLiteral("--db"), db}),
                CliRunner::adminPassword());
        QCOMPARE(floor.status, exitStatusFor(ErrorCode::InvalidInput));
        QVERIFY(floor.err.contains("180"));
        Run get
            = m_cli.run(CliRunner::admin({QStringLiteral("settings"), QStringLiteral("get"),
                            QStringLiteral("auth.idle.minutes"), QStringLiteral("--db"), db, QStringLiteral("--json")}),
                CliRunner::adminPassword());
        QCOMPARE(get.json().value(QStringLiteral("value")).toString(), QStringLiteral("10"));

        Run frozen = m_cli.run(CliRunner::admin({QStringLiteral("user"), QStringLiteral("freeze"),
                                   QStringLiteral("zhang.wei"), QStringLiteral("--db"), db}),
            CliRunner::adminPassword());
        QCOMPARE(frozen.status, 0);
        Run signIn = m_cli.run({QStringLiteral("passwd"), QStringLiteral("--db"), db, QStringLiteral("--user"),
                                   QStringLiteral("zhang.wei")},
            "Zhang-pass-1\nZhang-pass-9\nZhang-pass-9\n");
        QCOMPARE(signIn.status, exitStatusFor(ErrorCode::AuthenticationFailed));
    }

    // The official holiday calendar: a newer year's file is imported by the administrator; a bad file is refused
    // line by line (number and reason), nothing stored.
    void calendarImport()
    {
        TempDatabaseDir dir;
        const QString db = dir.databasePath();
        QVERIFY(!m_cli.initDatabase(db).isEmpty());
        const QString bad = dir.file(QStringLiteral("bad.csv"));
        const QString good = dir.file(QStringLiteral("2027.csv"));
        {
            QFile file(bad);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("date,kind,name\n2027-01-01,holiday,元旦\n2027-02-10,workday,春节\n");
            QFile file2(good);
            QVERIFY(file2.open(QIODevice::WriteOnly));
            file2.write("# 2027\ndate,kind,name\n2027-01-01,holiday,元旦\n2027-02-20,workday,春节\n");
        }
        Run refused = m_cli.run(CliRunner::admin({QStringLiteral("calendar"), QStringLiteral("import"), bad,
                                    QStringLiteral("--db"), db, QStringLiteral("--json")}),
            CliRunner::adminPassword());
        QCOMPARE(refused.status, exitStatusFor(ErrorCode::InvalidInput));
        QVERIFY2(refused.err.contains("line 3"), refused.err.constData());
        Run imported = m_cli.run(CliRunner::admin({QStringLiteral("calendar"), QStringLiteral("import"), good,
                                     QStringLiteral("--db"), db, QStringLiteral("--json")}),
            CliRunner::adminPassword());
        QCOMPARE(imported.status, 0);
        QCOMPARE(imported.json().value(QStringLiteral("years")).toArray(), QJsonArray {2027});
        QCOMPARE(imported.json().value(QStringLiteral("knownYears")).toArray(), (QJsonArray {2025, 2026, 2027}));
        QCOMPARE(imported.json().value(QStringLiteral("holidays")).toInt(), 1);
        Run usage = m_cli.run(
            CliRunner::admin({QStringLiteral("calendar"), QStringLiteral("--db"), db}), CliRunner::adminPassword());
        QCOMPARE(usage.status, exitStatusFor(ErrorCode::InvalidInput));
    }

    void damagedBackupIsRefused()
    {
        TempDatabaseDir dir;
        const QString db = dir.databasePath();
        QVERIFY(!m_cli.initDatabase(db).isEmpty());
        const QString backup = dir.file(QStringLiteral("b.bvbackup"));
        QCOMPARE(m_cli
                     .run(CliRunner::admin(
                              {QStringLiteral("backup"), QStringLiteral("--db"), db, QStringLiteral("--out"), backup}),
                         CliRunner::adminPassword())
                     .status,
            0);
        QByteArray bytes = readFile(backup);
        bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x10);
        QVERIFY(writeFile(backup, bytes));
        const QByteArray before = fileSha256(db);
        Run run = m_cli.run(CliRunner::admin({QStringLiteral("restore"), QStringLiteral("--db"), db,
                                QStringLiteral("--from"), backup, QStringLiteral("--json")}),
            CliRunner::adminPassword());
        QCOMPARE(run.status, exitStatusFor(ErrorCode::Damaged));
        QCOMPARE(run.errLines(), 1);
        QCOMPARE(run.json().value(QStringLiteral("error")).toString(), QStringLiteral("damaged"));
        QCOMPARE(fileSha256(db), before);
    }

    void databaseInUse()
    {
        TempDatabaseDir dir;
        const QString db = dir.databasePath();
        QVERIFY(!m_cli.initDatabase(db).isEmpty());
        KeychainSecretStore store(m_cli.keychainService());
        VaultService service(store);
        auto open = service.open(db);
        BV_VERIFY_OK(open);
        Run run = m_cli.run({QStringLiteral("verify"), QStringLiteral("--db"), db});
        QCOMPARE(run.status, exitStatusFor(ErrorCode::InUse));
        QCOMPARE(run.errLines(), 1);
    }

    void keychainUnavailable()
    {
        TempDatabaseDir dir;
        QProcessEnvironment env = m_cli.environment();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/bv-no-bus"));
        Run run = m_cli.run({QStringLiteral("init"), QStringLiteral("--db"), dir.databasePath()}, QByteArray(), &env);
        QCOMPARE(run.status, exitStatusFor(ErrorCode::KeychainUnavailable));
        QCOMPARE(run.errLines(), 1);
        QVERIFY(!QFileInfo::exists(dir.databasePath()));
    }

    void missingDatabase()
    {
        TempDatabaseDir dir;
        Run run = m_cli.run({QStringLiteral("verify"), QStringLiteral("--db"), dir.databasePath()});
        QCOMPARE(run.status, exitStatusFor(ErrorCode::NotFound));
        QVERIFY(!QFileInfo::exists(dir.databasePath()));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
