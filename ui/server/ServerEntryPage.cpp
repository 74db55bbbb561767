#include "ui/server/ServerEntryPage.h"

#include "core/common/Clock.h"
#include "core/common/SecureBytes.h"
#include "core/server/ServerCustomers.h"
#include "ui/common/Dialogs.h"
#include "ui/customers/CustomerFormPages.h"
#include "ui/customers/CustomerLabels.h"
#include "ui/customers/CustomerWidgetSupport.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace bv::ui {

using S = CustomerWidgetSupport;

ServerEntryPage::ServerEntryPage(const ServerContext& context, QWidget* parent)
    : ServerPage(context, parent)
{
    setObjectName(QStringLiteral("serverEntryPage"));
    auto* layout = new QVBoxLayout(this);
    auto* note = new QLabel(tr("The new record waits for a branch manager's approval before it is active. Protected "
                               "values are sealed on this workstation before they are sent to the branch server."),
        this);
    note->setWordWrap(true);
    layout->addWidget(note);
    m_message = S::messageLabel(this, QStringLiteral("messageLabel"));
    layout->addWidget(m_message);
    // the branch's date by this workstation's clock (the server's own checks use the server's)
    m_form = new CustomerFormPages([] { return CustomerLabels::toBranchTime(Clock::system().nowUtc()).date(); }, this);
    m_form->load(nullptr);
    layout->addWidget(m_form, 1);

    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    auto* reset = new QPushButton(tr("C&lear"), this);
    reset->setObjectName(QStringLiteral("resetButton"));
    m_save = new QPushButton(tr("&Save new customer"), this);
    m_save->setObjectName(QStringLiteral("saveButton"));
    m_save->setDefault(true);
    buttons->addWidget(reset);
    buttons->addWidget(m_save);
    layout->addLayout(buttons);
    connect(m_save, &QPushButton::clicked, this, &ServerEntryPage::save);
    connect(reset, &QPushButton::clicked, this, &ServerEntryPage::clear);
    auto* saveShortcut = new QShortcut(QKeySequence::Save, this);
    saveShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(saveShortcut, &QShortcut::activated, this, &ServerEntryPage::save);
}

QString ServerEntryPage::message() const
{
    return m_message->text();
}

void ServerEntryPage::clear()
{
    S::setMessage(m_message, QString());
    m_form->clearMessages();
    m_form->reset(nullptr);
}

bool ServerEntryPage::save()
{
    S::setMessage(m_message, QString());
    m_form->clearMessages();
    CustomerInput in = m_form->input();
    auto receipt = ServerCustomers(m_context.session).enter(in);
    for (auto it = in.values.begin(); it != in.values.end(); ++it)
        wipe(it.value());
    for (AccountInput& account : in.accounts)
        wipe(account.number);
    if (!receipt.ok()) {
        const Error& e = receipt.error();
        if (e.code == ErrorCode::InvalidInput || e.code == ErrorCode::Conflict || !e.field.isEmpty()) {
            QString text = e.message;
            if (!e.detail.isEmpty())
                text += QStringLiteral(" (") + e.detail + QLatin1Char(')');
            S::setMessage(m_message, text);
            m_form->showFieldError(e);
            return false;
        }
        return fail(e);
    }
    m_receipt = *receipt;
    QString text = tr("Customer %1 was saved on the branch server. The new record is pending approval by a branch "
                      "manager.")
                       .arg(receipt->customerNumber);
    if (!receipt->warnings.isEmpty())
        text += QStringLiteral("\n\n") + tr("Please note:") + QStringLiteral("\n• ")
            + receipt->warnings.join(QStringLiteral("\n• "));
    m_context.dialogs.showInfo(this, tr("Customer saved"), text);
    m_form->reset(nullptr); // nothing typed stays in the form
    emit saved(receipt->customerNumber);
    return true;
}

} // namespace bv::ui
