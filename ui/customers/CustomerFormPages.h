#pragma once

#include "core/common/Error.h"
#include "core/customers/CustomerRecord.h"
#include "ui/customers/CustomerFormPage.h"

#include <QJsonObject>
#include <QWidget>

class QListWidget;
class QStackedWidget;

namespace bv::ui {

class AccountsFormPage;
class ContactFormPage;
class IdentityFormPage;
class ProfileFormPage;

// The customer form's fields, in pages (Identity, Contact, Accounts, Profile) chosen from a list beside them: what
// the local form (CustomerFormWidget) and the branch-server entry (ServerEntryPage) share. It loads a customer or
// starts empty, collects what was typed into a CustomerInput, shows an error under its field, and keeps its state
// for a draft. Saving is its owner's.
class CustomerFormPages : public QWidget
{
    Q_OBJECT
public:
    explicit CustomerFormPages(CustomerFormPage::Today today, QWidget* parent = nullptr);

    const QList<CustomerFormPage*>& pages() const { return m_pages; }
    IdentityFormPage* identityPage() const { return m_identity; }
    ContactFormPage* contactPage() const { return m_contact; }
    AccountsFormPage* accountsPage() const { return m_accounts; }
    ProfileFormPage* profilePage() const { return m_profile; }
    QListWidget* pageList() const { return m_pageList; }

    // nullptr: a new customer. The Profile page (grade 2) is listed only when `view` shows grade 2, or for a new one.
    void load(const CustomerView* view);
    // Empties every field (a new customer) or puts back `view`'s values (an edit), and opens the first page.
    void reset(const CustomerView* view);
    // What was typed; without the Profile page when it is not listed.
    CustomerInput input() const;
    void showPage(CustomerFormPage* page);
    void clearMessages();
    // The error's message under its field (Error::field), whose page is opened and the field focused; false when no
    // page owns the field.
    bool showFieldError(const Error& error);
    // Every page's editors (CustomerFormPage::state), by page, and back.
    QJsonObject state() const;
    void setState(const QJsonObject& pages);
    int currentRow() const;
    // Opens page `row` when it is listed; false otherwise.
    bool setCurrentRow(int row);

private:
    QListWidget* m_pageList = nullptr;
    QStackedWidget* m_stack = nullptr;
    QList<CustomerFormPage*> m_pages;
    IdentityFormPage* m_identity = nullptr;
    ContactFormPage* m_contact = nullptr;
    AccountsFormPage* m_accounts = nullptr;
    ProfileFormPage* m_profile = nullptr;
    bool m_gradeTwoVisible = true;
};

} // namespace bv::ui
