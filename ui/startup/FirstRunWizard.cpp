#include "ui/startup/FirstRunWizard.h"

#include "core/Core.h"
#include "core/auth/PasswordRule.h"
#include "core/setup/FirstRun.h"
#include "core/vault/Vault.h"
#include "core/vault/VaultService.h"
#include "ui/common/ErrorDialog.h"
#include "ui/common/ProtectedLabel.h"
#include "ui/startup/RecoverySheetPrinter.h"

#include <QCheckBox>
#include <QDir>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QVBoxLayout>
#include <QWizardPage>

namespace bv::ui {

namespace {

// The administrator page creates the database when the user presses Next.
class AdministratorPage : public QWizardPage
{
public:
    AdministratorPage(FirstRunWizard* wizard)
        : QWizardPage(wizard)
        , m_wizard(wizard)
    {
    }
    bool validatePage() override { return m_wizard->created() || m_wizard->createDatabase(); }

private:
    FirstRunWizard* m_wizard;
};

class RecoveryPage : public QWizardPage
{
public:
    RecoveryPage(QCheckBox* stored, QWidget* parent)
        : QWizardPage(parent)
        , m_stored(stored)
    {
    }
    bool isComplete() const override { return m_stored->isChecked(); }

private:
    QCheckBox* m_stored;
};

} // namespace

FirstRunWizard::FirstRunWizard(VaultService& vaults, QString databasePath, Adopt adopt, QWidget* parent)
    : QWizard(parent)
    , m_vaults(vaults)
    , m_path(std::move(databasePath))
    , m_adopt(std::move(adopt))
{
    setWindowTitle(tr("Set up BranchVault"));
    setObjectName(QStringLiteral("firstRunWizard"));
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage);

    auto* welcome = new QWizardPage(this);
    welcome->setTitle(tr("A new branch database"));
    welcome->setSubTitle(tr("BranchVault keeps the branch's customer records in one encrypted file on this "
                            "workstation. Its key is kept in this computer's keychain."));
    auto* welcomeForm = new QFormLayout(welcome);
    auto* where = new QLabel(QDir::toNativeSeparators(m_path), welcome);
    where->setWordWrap(true);
    welcomeForm->addRow(tr("Database file:"), where);
    m_branchCode = new QLineEdit(QStringLiteral("0001"), welcome);
    m_branchCode->setObjectName(QStringLiteral("branchCodeLineEdit"));
    m_branchCode->setAccessibleName(tr("Branch code"));
    m_branchCode->setMaxLength(12);
    welcomeForm->addRow(tr("Branch &code:"), m_branchCode);
    m_branchName = new QLineEdit(welcome);
    m_branchName->setObjectName(QStringLiteral("branchNameLineEdit"));
    m_branchName->setAccessibleName(tr("Branch name"));
    welcomeForm->addRow(tr("Branch na&me:"), m_branchName);
    addPage(welcome);

    auto* adminPage = new AdministratorPage(this);
    adminPage->setTitle(tr("The first system administrator"));
    adminPage->setSubTitle(tr("The administrator manages accounts, settings and backups, and never sees customer "
                              "data. Password rule: %1")
                               .arg(PasswordRule::defaults().description()));
    auto* adminLayout = new QVBoxLayout(adminPage);
    auto* adminForm = new QFormLayout;
    m_login = new QLineEdit(QStringLiteral("admin"), adminPage);
    m_login->setObjectName(QStringLiteral("loginLineEdit"));
    m_login->setAccessibleName(tr("Login"));
    m_name = new QLineEdit(adminPage);
    m_name->setObjectName(QStringLiteral("displayNameLineEdit"));
    m_name->setAccessibleName(tr("Display name"));
    m_password = new QLineEdit(adminPage);
    m_password->setObjectName(QStringLiteral("passwordLineEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setAccessibleName(tr("Password"));
    m_repeat = new QLineEdit(adminPage);
    m_repeat->setObjectName(QStringLiteral("repeatPasswordLineEdit"));
    m_repeat->setEchoMode(QLineEdit::Password);
    m_repeat->setAccessibleName(tr("Password again"));
    adminForm->addRow(tr("&Login:"), m_login);
    adminForm->addRow(tr("&Display name:"), m_name);
    adminForm->addRow(tr("&Password:"), m_password);
    adminForm->addRow(tr("Password &again:"), m_repeat);
    adminLayout->addLayout(adminForm);
    m_error = new QLabel(adminPage);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    adminLayout->addWidget(m_error);
    addPage(adminPage);

    m_stored = new QCheckBox(tr("I have printed or written down the recovery passphrase and &stored it safely"));
    m_stored->setObjectName(QStringLiteral("storedCheckBox"));
    auto* recovery = new RecoveryPage(m_stored, this);
    recovery->setTitle(tr("Recovery passphrase"));
    recovery->setSubTitle(tr("Shown only now. With it, the database can be unlocked on a re-imaged workstation or "
                             "another account. Print it or write it down, seal it, keep it away from this computer."));
    auto* recoveryLayout = new QVBoxLayout(recovery);
    m_passphrase = new ProtectedLabel(recovery);
    m_passphrase->setObjectName(QStringLiteral("passphraseLabel"));
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSizeF(mono.pointSizeF() * 1.6);
    mono.setBold(true);
    m_passphrase->setFont(mono);
    m_passphrase->setAlignment(Qt::AlignCenter);
    m_passphrase->setAccessibleName(tr("Recovery passphrase"));
    recoveryLayout->addWidget(m_passphrase);
    auto* print = new QPushButton(tr("&Print the recovery sheet…"), recovery);
    print->setObjectName(QStringLiteral("printButton"));
    connect(print, &QPushButton::clicked, this, &FirstRunWizard::printRecoverySheet);
    recoveryLayout->addWidget(print);
    m_sheetStatus = new QLabel(tr("The sheet is printed as a controlled document (CONTROLLED) with a serial. "
                                  "It is not in the print register; every printed copy is recorded in the audit log."),
        recovery);
    m_sheetStatus->setObjectName(QStringLiteral("sheetStatusLabel"));
    m_sheetStatus->setWordWrap(true);
    m_sheetStatus->setTextFormat(Qt::PlainText);
    recoveryLayout->addWidget(m_sheetStatus);
    m_stored->setParent(recovery);
    recoveryLayout->addWidget(m_stored);
    connect(m_stored, &QCheckBox::toggled, recovery, &QWizardPage::completeChanged);
    addPage(recovery);
}

FirstRunWizard::~FirstRunWizard() = default;

bool FirstRunWizard::createDatabase()
{
    m_error->clear();
    if (m_password->text() != m_repeat->text()) {
        m_error->setText(tr("The two passwords differ. Type the same password twice."));
        return false;
    }
    QByteArray chosen = m_password->text().toUtf8();
    FirstRun::Request request;
    request.databasePath = m_path;
    request.branchCode = m_branchCode->text().trimmed();
    request.branchName = m_branchName->text().trimmed();
    request.login = m_login->text().trimmed();
    request.displayName = m_name->text().trimmed();
    request.password = SecureBytes::takeFrom(chosen);
    if (Status checked = FirstRun::check(request); !checked.ok()) {
        m_error->setText(checked.error().message);
        return false;
    }
    // From the moment the database exists it is never created again, and its recovery passphrase is shown
    // on the next page even if a later step of the set-up fails.
    auto done = FirstRun::run(m_vaults, request, [this](std::unique_ptr<Vault> vault, SecureBytes recovery) -> Core& {
        m_recovery = std::move(recovery);
        m_passphrase->setText(QString::fromLatin1(m_recovery.view().toByteArray()));
        m_core = &m_adopt(std::move(vault));
        m_created = true;
        return *m_core;
    });
    m_password->clear();
    m_repeat->clear();
    if (!done.ok()) {
        m_error->setText(done.error().message);
        return false;
    }
    m_session = done->session;
    m_sheetPrinter = std::make_unique<RecoverySheetPrinter>(*m_core, m_session);
    return true;
}

void FirstRunWizard::printRecoverySheet()
{
    QPrinter printer(QPrinter::HighResolution);
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print the recovery sheet"));
    dialog.setOptions(QAbstractPrintDialog::PrintShowPageSize);
    if (dialog.exec() != QDialog::Accepted)
        return;
    Status printed = printRecoverySheetTo(printer);
    if (!printed.ok())
        ErrorDialog::show(this, printed.error());
}

Status FirstRunWizard::printRecoverySheetTo(QPagedPaintDevice& device)
{
    if (!m_sheetPrinter) {
        if (!m_core)
            return makeError(
                ErrorCode::Internal, tr("The database is not created yet: finish the previous page first."));
        m_sheetPrinter = std::make_unique<RecoverySheetPrinter>(*m_core, m_session);
    }
    BV_TRY(m_sheetPrinter->print(device, m_recovery));
    m_sheetStatus->setText(tr("Printed: serial %1, copies: %2. Every copy is recorded in the audit log; seal "
                              "them and keep them away from this computer.")
                               .arg(m_sheetPrinter->serial())
                               .arg(m_sheetPrinter->copiesPrinted()));
    return {};
}

} // namespace bv::ui
