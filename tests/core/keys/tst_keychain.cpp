// KeychainSecretStore against a real Secret Service (gnome-keyring in the private D-Bus session that
// tools/dev.sh test starts), and the clear error when there is no D-Bus at all. No test double here.
#include "core/internal/keys/KeyEnvelope.h"
#include "core/keys/KeychainSecretStore.h"
#include "core/vault/VaultService.h"
#include "tests/testsupport/TestSupport.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTest>
#include <QUuid>

using namespace bv;
using namespace bv::test;

class TestKeychain : public QObject
{
    Q_OBJECT
private:
    QString uniqueName() { return QStringLiteral("test/") + QUuid::createUuid().toString(QUuid::WithoutBraces); }

private slots:
    void initTestCase()
    {
        // This test needs the real keychain. It fails (never skips) outside the harness, so a green
        // run always means the real gnome-keyring was exercised.
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
            "no D-Bus session: run the suite with tools/dev.sh test (private D-Bus + gnome-keyring)");
    }

    void roundTrip()
    {
        KeychainSecretStore store(QStringLiteral("BranchVault-test"));
        const QString name = uniqueName();
        SecureBytes secret = SecureBytes::random(68);
        secret.data()[5] = 0; // binary data with NUL bytes
        BV_VERIFY_OK(store.write(name, secret));
        auto read = store.read(name);
        BV_VERIFY_OK(read);
        QVERIFY(read->equals(secret));

        const SecureBytes replaced = SecureBytes::random(68);
        BV_VERIFY_OK(store.write(name, replaced));
        read = store.read(name);
        BV_VERIFY_OK(read);
        QVERIFY(read->equals(replaced));

        BV_VERIFY_OK(store.remove(name));
        BV_COMPARE_CODE(store.read(name), ErrorCode::KeyMissing);
        BV_VERIFY_OK(store.remove(name)); // removing again is fine
    }

    void entriesAreSeparatedByName()
    {
        KeychainSecretStore store(QStringLiteral("BranchVault-test"));
        const QString a = uniqueName();
        const QString b = uniqueName();
        const SecureBytes sa = SecureBytes::random(32);
        const SecureBytes sb = SecureBytes::random(32);
        BV_VERIFY_OK(store.write(a, sa));
        BV_VERIFY_OK(store.write(b, sb));
        QVERIFY(store.read(a)->equals(sa));
        QVERIFY(store.read(b)->equals(sb));
        BV_VERIFY_OK(store.remove(a));
        BV_COMPARE_CODE(store.read(a), ErrorCode::KeyMissing);
        QVERIFY(store.read(b)->equals(sb));
        BV_VERIFY_OK(store.remove(b));
    }

    void vaultKeepsItsKeyInTheRealKeychain()
    {
        KeychainSecretStore store(QStringLiteral("BranchVault-test"));
        VaultService service(store);
        service.setRecoveryKdf(KdfParams::minimum());
        TempDatabaseDir dir;
        QString id;
        {
            auto created = service.init(dir.databasePath());
            BV_VERIFY_OK(created);
            id = created->vault->databaseId();
        }
        auto opened = service.open(dir.databasePath());
        BV_VERIFY_OK(opened);
        opened->reset();
        // the key lives under the database's id; without it the database does not open
        BV_VERIFY_OK(store.remove(VaultService::keychainName(id)));
        BV_COMPARE_CODE(service.open(dir.databasePath()), ErrorCode::KeyMissing);
    }

    void noDbusIsKeychainUnavailable()
    {
        // QtKeychain picks its backend once per process, so the check runs in a child process whose
        // session bus address points nowhere.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/bv-no-bus"));
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        QProcess child;
        child.setProcessEnvironment(env);
        QElapsedTimer timer;
        timer.start();
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--child-read")});
        QVERIFY(child.waitForFinished(60000));
        const QString out = QString::fromUtf8(child.readAllStandardOutput());
        QCOMPARE(child.exitCode(), exitStatusFor(ErrorCode::KeychainUnavailable));
        QVERIFY2(out.contains(QStringLiteral("recovery passphrase")), qPrintable(out));
        QVERIFY(timer.elapsed() < 30000); // the watchdog bounds the wait
    }
};

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc == 2 && qstrcmp(argv[1], "--child-read") == 0) {
        KeychainSecretStore store(QStringLiteral("BranchVault-test"), 5000);
        auto read = store.read(QStringLiteral("test/anything"));
        if (read.ok())
            return 0;
        QTextStream(stdout) << read.error().fullText() << Qt::endl;
        return exitStatusFor(read.error().code);
    }
    TestKeychain test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_keychain.moc"
