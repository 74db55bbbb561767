#pragma once

#include "core/common/Result.h"
#include "core/customers/CustomerRecord.h"

#include <QWidget>

#include <functional>
#include <utility>

class QLabel;
class QPushButton;

namespace bv::ui {

class CustomerFormPages;
class Dialogs;

// The new-customer form of branch-server mode, online (ServerEntryPage) and offline (OfflineWorkspace): the same
// pages and inline checks as local mode (CustomerFormPages), a note above them, Clear and Save (Ctrl+S). Save hands
// what was typed to `submit`; the core's first error about the input is shown under its field, any other error
// goes to `fail`. After a save nothing typed stays in the form.
class EntryFormPanel : public QWidget
{
    Q_OBJECT
public:
    // What a save did: the title and text shown once it went through, or the error.
    using Submit = std::function<Result<std::pair<QString, QString>>(const CustomerInput&)>;
    using Fail = std::function<void(const Error&)>;
    EntryFormPanel(Dialogs& dialogs, const QString& note, Submit submit, Fail fail, QWidget* parent = nullptr);

    // `text`, then the validator's warnings as a list under "Please note:" (none: `text` alone).
    static QString withWarnings(const QString& text, const QStringList& warnings);

    CustomerFormPages* form() const { return m_form; }
    QPushButton* saveButton() const { return m_save; }
    QString message() const;

public slots:
    bool save();
    void clear();

signals:
    void saved();
    // Clear emptied the form.
    void cleared();

private:
    Dialogs& m_dialogs;
    Submit m_submit;
    Fail m_fail;
    CustomerFormPages* m_form = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_save = nullptr;
};

} // namespace bv::ui
