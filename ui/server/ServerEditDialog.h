#pragma once

#include "core/customers/CustomerRecord.h"
#include "core/customers/lifecycle/CustomerEntry.h"
#include "ui/server/ServerContext.h"

#include <QDialog>

#include <optional>

class QLabel;
class QPushButton;

namespace bv::ui {

class CustomerFormPages;

// An edit of one customer over the branch server: local mode's form pages (CustomerFormPages) loaded with the card as
// the server sent it — the grade-1 fields empty with their masked values as placeholders, typing one replaces it —
// and Save, which sends only what changed (ServerCustomers::edit, with the record's version). The core's first error
// about the input is shown under its field and the dialog stays open; a conflict (someone else's edit or a
// reassignment came first) is shown in the dialog too. After a save nothing typed stays in the form.
class ServerEditDialog : public QDialog
{
    Q_OBJECT
public:
    ServerEditDialog(const ServerContext& context, const CustomerView& present, QWidget* parent = nullptr);

    CustomerFormPages* form() const { return m_form; }
    QPushButton* saveButton() const { return m_save; }
    QString message() const;
    // What the server confirmed, once saved.
    const std::optional<EntryReceipt>& receipt() const { return m_receipt; }
    // Why the dialog closed without a save when it was not the user's choice (the server gone, an unreadable answer).
    const std::optional<Error>& failure() const { return m_failure; }

public slots:
    bool save();
    void reject() override;

private:
    ServerContext m_context;
    CustomerView m_present;
    CustomerFormPages* m_form = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_save = nullptr;
    std::optional<EntryReceipt> m_receipt;
    std::optional<Error> m_failure;
};

} // namespace bv::ui
