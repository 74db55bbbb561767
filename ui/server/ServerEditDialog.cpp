#include "ui/server/ServerEditDialog.h"

#include "core/common/Clock.h"
#include "core/common/SecureBytes.h"
#include "core/server/ServerCustomers.h"
#include "ui/customers/CustomerFormPages.h"
#include "ui/customers/CustomerLabels.h"
#include "ui/customers/CustomerWidgetSupport.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace bv::ui {

using S = CustomerWidgetSupport;

ServerEditDialog::ServerEditDialog(const ServerContext& context, const CustomerView& present, QWidget* parent)
    : QDialog(parent)
    , m_context(context)
    , m_present(present)
{
    setObjectName(QStringLiteral("serverEditDialog"));
    setWindowTitle(tr("Edit customer %1").arg(present.number));
    auto* layout = new QVBoxLayout(this);
    auto* note = new QLabel(tr("Type only what changes: an empty protected field keeps its stored value, shown masked. "
                               "To change the ID type, the birth date or the sex, type the ID number again from the "
                               "document. The edit waits for a branch manager's approval."),
        this);
    note->setObjectName(QStringLiteral("editNoteLabel"));
    note->setWordWrap(true);
    layout->addWidget(note);
    m_message = S::messageLabel(this, QStringLiteral("messageLabel"));
    layout->addWidget(m_message);
    m_form = new CustomerFormPages([] { return CustomerLabels::toBranchTime(Clock::system().nowUtc()).date(); }, this);
    m_form->load(&m_present);
    layout->addWidget(m_form, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_save = buttons->addButton(tr("&Save edit"), QDialogButtonBox::AcceptRole);
    m_save->setObjectName(QStringLiteral("saveButton"));
    m_save->setDefault(true);
    layout->addWidget(buttons);
    // Save checks and sends; the dialog closes only once the server took the edit
    connect(m_save, &QPushButton::clicked, this, &ServerEditDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString ServerEditDialog::message() const
{
    return m_message->text();
}

bool ServerEditDialog::save()
{
    S::setMessage(m_message, QString());
    m_form->clearMessages();
    CustomerInput in = m_form->input();
    auto receipt = ServerCustomers(m_context.session).edit(m_present, in);
    if (!receipt.ok()) {
        const Error& e = receipt.error();
        if (e.code == ErrorCode::ServerUnavailable || e.code == ErrorCode::Damaged || e.code == ErrorCode::Database) {
            m_failure = e; // the page shows it (and ends the session when the server is gone)
            reject(); // empties the form first: `in` is then the last holder of what was typed, wiped in place
            wipe(in);
            return false;
        }
        wipe(in); // the form keeps what was typed, to be corrected
        S::setMessage(m_message, e.message);
        m_form->showFieldError(e);
        return false;
    }
    m_receipt = *receipt;
    m_form->reset(nullptr); // nothing typed stays in the form
    wipe(in);
    accept();
    return true;
}

void ServerEditDialog::reject()
{
    m_form->reset(nullptr); // Cancel too: nothing typed stays in the form
    QDialog::reject();
}

} // namespace bv::ui
