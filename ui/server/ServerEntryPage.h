#pragma once

#include "core/customers/lifecycle/CustomerEntry.h"
#include "ui/common/DraftSource.h"
#include "ui/server/ServerContext.h"

#include <QJsonObject>

#include <optional>

class QLabel;
class QPushButton;

namespace bv::ui {

class CustomerFormPages;
class EntryFormPanel;

// The customer manager's new-customer form over the branch server: the same pages and inline checks as local mode
// (CustomerFormPages). Save hands what was typed to ServerCustomers::enter, which validates it, seals the grade-1
// values here and submits the record; it is pending until a branch manager approves it. The core's first error is
// shown under its field; after a save nothing typed stays in the form.
//
// What is typed is kept as a draft on the server when the session ends (ServerController, ServerDrafts) and put back
// when its author restores it; saving the form, or clearing it, discards the author's draft of it.
class ServerEntryPage : public ServerPage, public DraftSource
{
    Q_OBJECT
public:
    explicit ServerEntryPage(const ServerContext& context, QWidget* parent = nullptr);

    CustomerFormPages* form() const;
    QPushButton* saveButton() const;
    QString message() const;
    const std::optional<EntryReceipt>& lastReceipt() const { return m_receipt; }

    // DraftSource: the form's pages as local mode's CustomerFormWidget keeps them
    DraftForm draftForm() const override { return DraftForm::NewCustomer; }
    QString draftSubject() const override { return QString(); }
    QString draftContent() const override;
    bool restoreDraft(const QString& content) override;

public slots:
    bool save();
    void clear();

signals:
    void saved(const QString& customerNo);

private:
    // the form saved or cleared: its draft goes (a failure leaves the draft to expire)
    void formDone(bool saved);

    EntryFormPanel* m_panel = nullptr;
    QJsonObject m_pristine;
    std::optional<EntryReceipt> m_receipt;
};

} // namespace bv::ui
