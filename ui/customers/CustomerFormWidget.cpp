#include "ui/customers/CustomerFormWidget.h"

#include "core/Core.h"
#include "core/common/SecureBytes.h"
#include "core/customers/CustomerService.h"
#include "core/customers/lifecycle/CustomerFinder.h"
#include "core/drafts/DraftService.h"
#include "ui/common/Dialogs.h"
#include "ui/customers/CustomerFormPages.h"
#include "ui/customers/CustomerWidgetSupport.h"
#include "ui/customers/IdentityFormPage.h"

#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace bv::ui {

using S = CustomerWidgetSupport;

CustomerFormWidget::CustomerFormWidget(const WorkspaceContext& context, const QString& customerNo, QWidget* parent)
    : ContextWidget(context, parent)
    , m_number(customerNo.trimmed().toUpper())
{
    setObjectName(isEdit() ? QStringLiteral("editCustomerFormWidget") : QStringLiteral("newCustomerFormWidget"));
    auto* layout = new QVBoxLayout(this);
    auto* title = new QLabel(isEdit() ? tr("Edit customer %1").arg(m_number) : tr("New customer"), this);
    title->setObjectName(QStringLiteral("titleLabel"));
    QFont font = title->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    font.setBold(true);
    title->setFont(font);
    layout->addWidget(title);
    auto* note = new QLabel(isEdit() ? tr("Protected values are not shown: leave a field empty to keep its value, type "
                                          "a new value to change it. The change waits for a branch manager's approval.")
                                     : tr("The new record waits for a branch manager's approval before it is active."),
        this);
    note->setWordWrap(true);
    layout->addWidget(note);
    m_message = S::messageLabel(this, QStringLiteral("messageLabel"));
    layout->addWidget(m_message);

    m_form = new CustomerFormPages([context = m_context] { return S::today(context); }, this);
    layout->addWidget(m_form, 1);

    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    m_reset = new QPushButton(isEdit() ? tr("&Undo changes") : tr("C&lear"), this);
    m_reset->setObjectName(QStringLiteral("resetButton"));
    m_cancel = new QPushButton(tr("&Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->setVisible(isEdit());
    m_save = new QPushButton(isEdit() ? tr("&Save change") : tr("&Save new customer"), this);
    m_save->setObjectName(QStringLiteral("saveButton"));
    m_save->setDefault(true);
    buttons->addWidget(m_reset);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_save);
    layout->addLayout(buttons);
    connect(m_save, &QPushButton::clicked, this, &CustomerFormWidget::save);
    connect(m_reset, &QPushButton::clicked, this, &CustomerFormWidget::reset);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        discardDraft(false);
        emit cancelled();
    });
    auto* saveShortcut = new QShortcut(QKeySequence::Save, this);
    saveShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(saveShortcut, &QShortcut::activated, this, &CustomerFormWidget::save);
    setTabOrder(m_reset, m_cancel);
    setTabOrder(m_cancel, m_save);
    load();
}

void CustomerFormWidget::load()
{
    m_view.reset();
    if (!isEdit()) {
        m_form->load(nullptr);
        m_pristine = pagesState();
        return;
    }
    auto view = m_context.core.customers().finder().open(m_context.session, m_number);
    if (!view.ok()) {
        m_loaded = false;
        S::setMessage(m_message, view.error().message);
        m_save->setEnabled(false);
        m_form->setEnabled(false);
        if (locks(view.error()))
            emit lockRequested();
        return;
    }
    m_view = std::move(view).value();
    m_loaded = true;
    m_form->load(&*m_view);
    m_pristine = pagesState();
}

void CustomerFormWidget::setManagerChoices(const QList<std::pair<qint64, QString>>& managers)
{
    m_form->identityPage()->setManagerChoices(managers);
    m_pristine = pagesState();
}

CustomerInput CustomerFormWidget::input() const
{
    return m_form->input();
}

QList<CustomerFormPage*> CustomerFormWidget::pages() const
{
    return m_form->pages();
}

IdentityFormPage* CustomerFormWidget::identityPage() const
{
    return m_form->identityPage();
}

ContactFormPage* CustomerFormWidget::contactPage() const
{
    return m_form->contactPage();
}

AccountsFormPage* CustomerFormWidget::accountsPage() const
{
    return m_form->accountsPage();
}

ProfileFormPage* CustomerFormWidget::profilePage() const
{
    return m_form->profilePage();
}

QString CustomerFormWidget::message() const
{
    return m_message->text();
}

void CustomerFormWidget::showPage(CustomerFormPage* page)
{
    m_form->showPage(page);
}

void CustomerFormWidget::reset()
{
    resetFields();
    discardDraft(false);
}

void CustomerFormWidget::resetFields()
{
    S::setMessage(m_message, QString());
    if (isEdit() && !m_view)
        return;
    m_form->reset(isEdit() ? &*m_view : nullptr);
}

void CustomerFormWidget::showFieldError(const Error& error)
{
    QString text = error.message;
    if (!error.detail.isEmpty())
        text += QStringLiteral(" (") + error.detail + QLatin1Char(')');
    S::setMessage(m_message, text);
    m_form->showFieldError(error);
}

bool CustomerFormWidget::save()
{
    if (isEdit() && !m_loaded)
        return false;
    S::setMessage(m_message, QString());
    m_form->clearMessages();
    CustomerInput in = input();
    if (isEdit() && in.values.isEmpty() && in.accounts.isEmpty() && !in.restricted.has_value()) {
        S::setMessage(m_message, tr("Nothing was changed. Type the new values, then save."));
        return false;
    }
    auto receipt = isEdit() ? m_context.core.customers().entry().edit(m_context.session, m_number, in)
                            : m_context.core.customers().entry().create(m_context.session, in);
    wipe(in);
    if (!receipt.ok()) {
        const Error& e = receipt.error();
        if (locks(e))
            return fail(e);
        if (e.code == ErrorCode::InvalidInput || e.code == ErrorCode::Conflict || !e.field.isEmpty()) {
            showFieldError(e);
            return false;
        }
        return fail(e);
    }
    m_receipt = *receipt;
    QString text = isEdit() ? tr("The change of customer %1 was saved. It is pending approval by a branch manager.")
                                  .arg(receipt->customerNumber)
                            : tr("Customer %1 was saved. The new record is pending approval by a branch manager.")
                                  .arg(receipt->customerNumber);
    if (!receipt->warnings.isEmpty())
        text += QStringLiteral("\n\n") + tr("Please note:") + QStringLiteral("\n• ")
            + receipt->warnings.join(QStringLiteral("\n• "));
    m_context.dialogs.showInfo(this, isEdit() ? tr("Change saved") : tr("Customer saved"), text);
    const QString number = receipt->customerNumber;
    discardDraft(true);
    if (!isEdit())
        resetFields(); // nothing typed stays in the form
    emit saved(number);
    return true;
}

DraftForm CustomerFormWidget::draftForm() const
{
    return isEdit() ? DraftForm::EditCustomer : DraftForm::NewCustomer;
}

QJsonObject CustomerFormWidget::pagesState() const
{
    return m_form->state();
}

QString CustomerFormWidget::draftContent() const
{
    if (isEdit() && !m_loaded)
        return QString();
    const QJsonObject pages = pagesState();
    if (pages == m_pristine)
        return QString();
    const QJsonObject content {{QStringLiteral("version"), 1}, {QStringLiteral("page"), m_form->currentRow()},
        {QStringLiteral("pages"), pages}};
    return QString::fromUtf8(QJsonDocument(content).toJson(QJsonDocument::Compact));
}

bool CustomerFormWidget::restoreDraft(const QString& content)
{
    if (isEdit() && !m_loaded)
        return false;
    const QJsonObject object = QJsonDocument::fromJson(content.toUtf8()).object();
    if (object.value(QStringLiteral("version")).toInt() != 1)
        return false;
    const QJsonObject pages = object.value(QStringLiteral("pages")).toObject();
    resetFields();
    m_form->setState(pages);
    m_form->setCurrentRow(object.value(QStringLiteral("page")).toInt());
    return true;
}

void CustomerFormWidget::discardDraft(bool saved)
{
    // a failure leaves the draft to expire; the form itself was saved or cleared all the same
    (void)DraftService::forCore(m_context.core).discardFor(m_context.session, draftForm(), draftSubject(), saved);
}

} // namespace bv::ui
