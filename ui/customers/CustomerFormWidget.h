#pragma once

#include "core/customers/lifecycle/CustomerEntry.h"
#include "ui/common/DraftSource.h"
#include "ui/customers/ContextWidget.h"

#include <QJsonObject>

#include <optional>
#include <utility>

class QLabel;
class QPushButton;

namespace bv::ui {

class AccountsFormPage;
class ContactFormPage;
class CustomerFormPage;
class CustomerFormPages;
class IdentityFormPage;
class ProfileFormPage;

// The new-customer / edit-customer form, in pages (Identity, Contact, Accounts, Profile), each field
// checked inline. Save builds a CustomerInput and calls CustomerEntry::create or ::edit (an edit sends only
// the changed fields; grade-1 fields start empty with the masked value as placeholder, so the form never
// holds a full value it did not get typed). The receipt ("pending approval by a branch manager") and any
// warnings are shown through Dialogs::showInfo; the core's first error is shown under its field, whose page
// is opened and the field focused. What was typed is kept as a draft when the session locks or signs out
// (DraftSource); saving, clearing or cancelling the form deletes the author's draft of it.
class CustomerFormWidget : public ContextWidget, public DraftSource
{
    Q_OBJECT
public:
    // customerNo empty: a new customer.
    CustomerFormWidget(const WorkspaceContext& context, const QString& customerNo, QWidget* parent = nullptr);

    bool isEdit() const { return !m_number.isEmpty(); }
    QString customerNumber() const { return m_number; }
    // False when an edit could not load the customer (refusal shown in the form).
    bool isLoaded() const { return !isEdit() || m_loaded; }
    // The branch manager's form: the customer managers to choose from (id, display name); the choice becomes
    // CustomerInput::managerId. Without choices the row stays hidden (a customer manager is the maker).
    void setManagerChoices(const QList<std::pair<qint64, QString>>& managers);

    // What Save would send now.
    CustomerInput input() const;
    QString message() const;
    QList<CustomerFormPage*> pages() const;
    IdentityFormPage* identityPage() const;
    ContactFormPage* contactPage() const;
    AccountsFormPage* accountsPage() const;
    ProfileFormPage* profilePage() const;
    void showPage(CustomerFormPage* page);
    const std::optional<EntryReceipt>& lastReceipt() const { return m_receipt; }

    // DraftSource
    DraftForm draftForm() const override;
    QString draftSubject() const override { return m_number; }
    QString draftContent() const override;
    bool restoreDraft(const QString& content) override;

public slots:
    bool save();
    // New: empties every field. Edit: back to the record's values. Discards the author's draft of this form.
    void reset();

signals:
    void saved(const QString& customerNo);
    void cancelled();

private:
    void load();
    void showFieldError(const Error& error);
    void resetFields();
    QJsonObject pagesState() const;
    void discardDraft(bool saved);

    QString m_number;
    bool m_loaded = false;
    std::optional<CustomerView> m_view; // edit: masked grade 1, grade 2 and 3 as the core returned them
    std::optional<EntryReceipt> m_receipt;
    CustomerFormPages* m_form = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_reset = nullptr;
    QPushButton* m_cancel = nullptr;
    QJsonObject m_pristine; // the pages as loaded: a draft is kept only when something differs
};

} // namespace bv::ui
