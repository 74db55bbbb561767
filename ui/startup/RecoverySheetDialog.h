#pragma once

#include "core/common/SecureBytes.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QPrinter;
class QPushButton;

namespace bv::ui {

// Shows the recovery passphrase once, offers to print it, and closes only after the user confirms
// it is stored. The passphrase cannot be selected or copied (it would end up on the clipboard).
class RecoverySheetDialog : public QDialog
{
    Q_OBJECT
public:
    RecoverySheetDialog(const QString& databasePath, const SecureBytes& passphrase, QWidget* parent = nullptr);
    ~RecoverySheetDialog() override;

    // Renders the printable sheet (also used by tests with a PDF printer).
    void printSheet(QPrinter* printer) const;
    QString sheetHtml() const;

    QCheckBox* storedCheckBox() const { return m_stored; }
    QPushButton* continueButton() const { return m_continue; }
    QPushButton* printButton() const { return m_print; }

private:
    void print();

    QString m_path;
    SecureBytes m_passphrase;
    QCheckBox* m_stored = nullptr;
    QPushButton* m_continue = nullptr;
    QPushButton* m_print = nullptr;
};

} // namespace bv::ui
