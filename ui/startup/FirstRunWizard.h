#pragma once

#include "core/auth/Session.h"
#include "core/common/Result.h"
#include "core/common/SecureBytes.h"

#include <QWizard>

#include <functional>
#include <memory>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPagedPaintDevice;

namespace bv {
class Core;
class Vault;
class VaultService;
} // namespace bv

namespace bv::ui {

class RecoverySheetPrinter;

// First run: creates the encrypted database, the branch settings and the first administrator (who
// chooses a password here), then shows the recovery sheet once — printable in the controlled layout (see
// RecoverySheetPrinter) — and finishes only after "I have stored it". The administrator is signed in at the end.
class FirstRunWizard : public QWizard
{
    Q_OBJECT
public:
    // `adopt` takes the new vault and returns the core services the application will use.
    using Adopt = std::function<Core&(std::unique_ptr<Vault> vault)>;

    FirstRunWizard(VaultService& vaults, QString databasePath, Adopt adopt, QWidget* parent = nullptr);
    ~FirstRunWizard() override;

    Session session() const { return m_session; }
    bool created() const { return m_created; }

    // Page widgets, for keyboard navigation and tests.
    QLineEdit* branchCodeEdit() const { return m_branchCode; }
    QLineEdit* branchNameEdit() const { return m_branchName; }
    QLineEdit* loginEdit() const { return m_login; }
    QLineEdit* nameEdit() const { return m_name; }
    QLineEdit* passwordEdit() const { return m_password; }
    QLineEdit* repeatEdit() const { return m_repeat; }
    QLabel* passphraseLabel() const { return m_passphrase; }
    QCheckBox* storedCheckBox() const { return m_stored; }
    QLabel* errorLabel() const { return m_error; }

    // Creates everything (the work behind "Next" on the administrator page).
    bool createDatabase();
    // The print dialog, then printRecoverySheetTo() on the chosen printer.
    void printRecoverySheet();
    // One copy of the recovery sheet in the controlled layout (serial, marks), audited (RecoverySheetPrinter).
    Status printRecoverySheetTo(QPagedPaintDevice& device);
    QLabel* sheetStatusLabel() const { return m_sheetStatus; }

private:
    VaultService& m_vaults;
    QString m_path;
    Adopt m_adopt;
    SecureBytes m_recovery;
    Session m_session;
    Core* m_core = nullptr; // after createDatabase()
    std::unique_ptr<RecoverySheetPrinter> m_sheetPrinter;
    bool m_created = false;
    QLineEdit* m_branchCode = nullptr;
    QLineEdit* m_branchName = nullptr;
    QLineEdit* m_login = nullptr;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_password = nullptr;
    QLineEdit* m_repeat = nullptr;
    QLabel* m_passphrase = nullptr;
    QCheckBox* m_stored = nullptr;
    QLabel* m_error = nullptr;
    QLabel* m_sheetStatus = nullptr;
};

} // namespace bv::ui
