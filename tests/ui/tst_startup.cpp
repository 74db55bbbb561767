// The GUI start-up: first run creates a database and shows the recovery sheet; a missing key leads to
// the recovery passphrase; other failures are shown with their cause and never modify the file.
#include "core/internal/keys/RecoveryPassphrase.h"
#include "core/vault/VaultService.h"
#include "tests/testsupport/FakeSecretStore.h"
#include "tests/testsupport/TestSupport.h"
#include "ui/startup/RecoverySheetDialog.h"
#include "ui/startup/StartupController.h"
#include "ui/startup/UnlockDialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPrinter>
#include <QPushButton>
#include <QTest>

using namespace bv;
using namespace bv::test;
using namespace bv::ui;

namespace {

class ScriptedPrompts final : public StartupPrompts
{
public:
    bool create = true;
    QList<QByteArray> passphrases; // answers to askRecoveryPassphrase, in order; empty = cancel
    QString shownPassphrase;
    QList<ErrorCode> askedBecause;
    QList<Error> errors;
    QList<Error> warnings;

    bool confirmCreate(const QString&) override { return create; }
    void showRecoverySheet(const QString&, const SecureBytes& passphrase) override
    {
        shownPassphrase = QString::fromLatin1(passphrase.view().toByteArray());
    }
    std::optional<SecureBytes> askRecoveryPassphrase(const QString&, const Error& why) override
    {
        askedBecause << why.code;
        if (passphrases.isEmpty())
            return std::nullopt;
        QByteArray next = passphrases.takeFirst();
        return SecureBytes::takeFrom(next);
    }
    void showError(const Error& error) override { errors << error; }
    void showWarning(const Error& error) override { warnings << error; }
};

} // namespace

class TestStartup : public QObject
{
    Q_OBJECT
private:
    FakeSecretStore m_store;
    std::unique_ptr<VaultService> m_vaults;

private slots:
    void init()
    {
        m_store.clear();
        m_vaults = std::make_unique<VaultService>(m_store);
        m_vaults->setRecoveryKdf(KdfParams::minimum());
    }

    void firstRunCreatesDatabaseAndShowsPassphrase()
    {
        TempDatabaseDir dir;
        ScriptedPrompts prompts;
        StartupController startup(*m_vaults, prompts);
        auto vault = startup.run(dir.databasePath());
        QVERIFY(vault);
        QCOMPARE(prompts.shownPassphrase.size(), 29);
        QVERIFY(prompts.errors.isEmpty());
        QVERIFY(!vault->databaseId().isEmpty());
    }

    void declinedFirstRunCreatesNothing()
    {
        TempDatabaseDir dir;
        ScriptedPrompts prompts;
        prompts.create = false;
        StartupController startup(*m_vaults, prompts);
        QVERIFY(!startup.run(dir.databasePath()));
        QVERIFY(!QFileInfo::exists(dir.databasePath()));
    }

    void missingKeyAsksForRecoveryPassphrase()
    {
        TempDatabaseDir dir;
        QByteArray passphrase;
        {
            auto created = m_vaults->init(dir.databasePath());
            BV_VERIFY_OK(created);
            passphrase = created->recoveryPassphrase.view().toByteArray();
        }
        m_store.clear();
        ScriptedPrompts prompts;
        prompts.passphrases = {RecoveryPassphrase::generate().view().toByteArray(), passphrase};
        StartupController startup(*m_vaults, prompts);
        auto vault = startup.run(dir.databasePath());
        QVERIFY(vault);
        QCOMPARE(prompts.askedBecause, (QList<ErrorCode> {ErrorCode::KeyMissing, ErrorCode::WrongKey}));
        QCOMPARE(m_store.size(), 1);
    }

    void cancelledUnlockChangesNothing()
    {
        TempDatabaseDir dir;
        {
            BV_VERIFY_OK(m_vaults->init(dir.databasePath()));
        }
        m_store.clear();
        const QByteArray before = fileSha256(dir.databasePath());
        ScriptedPrompts prompts;
        StartupController startup(*m_vaults, prompts);
        QVERIFY(!startup.run(dir.databasePath()));
        QCOMPARE(prompts.askedBecause.size(), 1);
        QCOMPARE(fileSha256(dir.databasePath()), before);
    }

    void damagedDatabaseIsShownNotUnlocked()
    {
        TempDatabaseDir dir;
        {
            auto created = m_vaults->init(dir.databasePath());
            BV_VERIFY_OK(created);
            BV_VERIFY_OK(created->vault->database().checkpoint());
        }
        QByteArray bytes = readFile(dir.databasePath());
        for (int i = 200; i < 260; ++i)
            bytes[i] = char(bytes[i] ^ 0x33);
        QVERIFY(writeFile(dir.databasePath(), bytes));
        ScriptedPrompts prompts;
        StartupController startup(*m_vaults, prompts);
        QVERIFY(!startup.run(dir.databasePath()));
        QVERIFY(prompts.askedBecause.isEmpty());
        QCOMPARE(prompts.errors.size(), 1);
        QCOMPARE(prompts.errors.constFirst().code, ErrorCode::Damaged);
        QVERIFY(prompts.errors.constFirst().message.contains(QStringLiteral("backup")));
        QCOMPARE(readFile(dir.databasePath()), bytes);
    }

    void recoverySheetNeedsConfirmationAndPrints()
    {
        const SecureBytes passphrase = RecoveryPassphrase::generate();
        RecoverySheetDialog dialog(QStringLiteral("/tmp/x.bvdb"), passphrase);
        dialog.show();
        QVERIFY(!dialog.continueButton()->isEnabled());
        auto* label = dialog.findChild<QLabel*>(QStringLiteral("passphraseLabel"));
        QVERIFY(label);
        QCOMPARE(label->text(), QString::fromLatin1(passphrase.view().toByteArray()));
        QCOMPARE(label->textInteractionFlags(), Qt::NoTextInteraction); // cannot be selected or copied
        QTest::mouseClick(dialog.storedCheckBox(), Qt::LeftButton);
        QVERIFY(dialog.continueButton()->isEnabled());

        TempDatabaseDir dir;
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        printer.setOutputFileName(dir.file(QStringLiteral("sheet.pdf")));
        dialog.printSheet(&printer);
        QVERIFY(readFile(dir.file(QStringLiteral("sheet.pdf"))).startsWith("%PDF"));
        QVERIFY(dialog.sheetHtml().contains(QString::fromLatin1(passphrase.view().toByteArray())));
    }

    void unlockDialogNeedsText()
    {
        UnlockDialog dialog(QStringLiteral("/tmp/x.bvdb"), makeError(ErrorCode::KeyMissing, QStringLiteral("why")));
        QVERIFY(!dialog.unlockButton()->isEnabled());
        QTest::keyClicks(dialog.passphraseEdit(), QStringLiteral("ABCDE"));
        QVERIFY(dialog.unlockButton()->isEnabled());
        QCOMPARE(dialog.passphrase(), QByteArray("ABCDE"));
        dialog.clearPassphrase();
        QVERIFY(dialog.passphrase().isEmpty());
    }
};

QTEST_MAIN(TestStartup)
#include "tst_startup.moc"
