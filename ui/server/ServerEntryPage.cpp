#include "ui/server/ServerEntryPage.h"

#include "core/server/ServerCustomers.h"
#include "core/server/ServerDrafts.h"
#include "core/server/ServerOwnership.h"
#include "core/server/ServerSession.h"
#include "ui/customers/CustomerFormPages.h"
#include "ui/customers/IdentityFormPage.h"
#include "ui/server/EntryFormPanel.h"

#include <QJsonDocument>
#include <QVBoxLayout>

namespace bv::ui {

ServerEntryPage::ServerEntryPage(const ServerContext& context, QWidget* parent)
    : ServerPage(context, parent)
{
    setObjectName(QStringLiteral("serverEntryPage"));
    auto* layout = new QVBoxLayout(this);
    m_panel = new EntryFormPanel(
        context.dialogs,
        tr("The new record waits for a branch manager's approval before it is active. Protected values are sealed on "
           "this workstation before they are sent to the branch server."),
        [this](const CustomerInput& in) -> Result<std::pair<QString, QString>> {
            auto receipt = ServerCustomers(m_context.session).enter(in);
            if (!receipt.ok())
                return receipt.error();
            m_receipt = *receipt;
            return std::make_pair(tr("Customer saved"),
                EntryFormPanel::withWarnings(tr("Customer %1 was saved on the branch server. The new record is "
                                                "pending approval by a branch manager.")
                                                 .arg(receipt->customerNumber),
                    receipt->warnings));
        },
        [this](const Error& error) { fail(error); }, this);
    layout->addWidget(m_panel);
    // the branch manager enters for a customer manager, chosen on the Identity page (the server checks the choice)
    if (context.session.identity().role == Role::Manager) {
        auto choices = ServerOwnership(context.session).customerManagerChoices();
        if (choices.ok())
            m_panel->form()->identityPage()->setManagerChoices(*choices);
        else
            fail(choices.error());
    }
    m_pristine = m_panel->form()->state();
    connect(m_panel, &EntryFormPanel::saved, this, [this] {
        formDone(true);
        if (m_receipt)
            emit saved(m_receipt->customerNumber);
    });
    connect(m_panel, &EntryFormPanel::cleared, this, [this] { formDone(false); });
}

void ServerEntryPage::formDone(bool saved)
{
    (void)ServerDrafts(m_context.session).discardFor(draftForm(), draftSubject(), saved);
}

QString ServerEntryPage::draftContent() const
{
    const QJsonObject pages = m_panel->form()->state();
    if (pages == m_pristine)
        return QString();
    const QJsonObject content {{QStringLiteral("version"), 1}, {QStringLiteral("page"), m_panel->form()->currentRow()},
        {QStringLiteral("pages"), pages}};
    return QString::fromUtf8(QJsonDocument(content).toJson(QJsonDocument::Compact));
}

bool ServerEntryPage::restoreDraft(const QString& content)
{
    const QJsonObject object = QJsonDocument::fromJson(content.toUtf8()).object();
    if (object.value(QStringLiteral("version")).toInt() != 1)
        return false;
    // not the panel's Clear, which would discard the draft being restored
    m_panel->form()->clearMessages();
    m_panel->form()->reset(nullptr);
    m_panel->form()->setState(object.value(QStringLiteral("pages")).toObject());
    m_panel->form()->setCurrentRow(object.value(QStringLiteral("page")).toInt());
    return true;
}

CustomerFormPages* ServerEntryPage::form() const
{
    return m_panel->form();
}

QPushButton* ServerEntryPage::saveButton() const
{
    return m_panel->saveButton();
}

QString ServerEntryPage::message() const
{
    return m_panel->message();
}

bool ServerEntryPage::save()
{
    return m_panel->save();
}

void ServerEntryPage::clear()
{
    m_panel->clear();
}

} // namespace bv::ui
