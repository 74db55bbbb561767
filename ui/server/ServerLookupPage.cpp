#include "ui/server/ServerLookupPage.h"

#include "core/common/SecureBytes.h"
#include "core/policy/Statuses.h"
#include "core/server/ServerCustomers.h"
#include "ui/common/ProtectedLabel.h"
#include "ui/customers/CustomerLabels.h"
#include "ui/customers/CustomerWidgetSupport.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace bv::ui {

using S = CustomerWidgetSupport;

ServerLookupPage::ServerLookupPage(const ServerContext& context, QWidget* parent)
    : ServerPage(context, parent)
{
    setObjectName(QStringLiteral("serverLookupPage"));
    auto* layout = new QVBoxLayout(this);
    auto* note = new QLabel(tr("Type the full name and the full ID number exactly as on the customer's document, and "
                               "why you look the customer up. The lookup is recorded."),
        this);
    note->setWordWrap(true);
    layout->addWidget(note);
    auto* form = new QFormLayout;
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("nameLineEdit"));
    m_name->setAccessibleName(tr("Full name"));
    form->addRow(tr("Full &name:"), m_name);
    m_id = new QLineEdit(this);
    m_id->setObjectName(QStringLiteral("idLineEdit"));
    m_id->setAccessibleName(tr("ID number"));
    form->addRow(tr("I&D number:"), m_id);
    m_purpose = new QPlainTextEdit(this);
    m_purpose->setObjectName(QStringLiteral("purposePlainTextEdit"));
    m_purpose->setTabChangesFocus(true);
    m_purpose->setMaximumHeight(80);
    m_purpose->setAccessibleName(tr("Purpose"));
    form->addRow(tr("&Purpose:"), m_purpose);
    layout->addLayout(form);
    m_lookup = new QPushButton(tr("&Look up"), this);
    m_lookup->setObjectName(QStringLiteral("lookupButton"));
    m_lookup->setDefault(true);
    layout->addWidget(m_lookup, 0, Qt::AlignRight);
    m_message = S::messageLabel(this, QStringLiteral("messageLabel"));
    layout->addWidget(m_message);
    m_card = new QWidget(this);
    m_card->setObjectName(QStringLiteral("cardWidget"));
    new QFormLayout(m_card);
    layout->addWidget(m_card);
    layout->addStretch(1);
    connect(m_lookup, &QPushButton::clicked, this, &ServerLookupPage::lookup);
    connect(m_id, &QLineEdit::returnPressed, this, &ServerLookupPage::lookup);
}

QString ServerLookupPage::result() const
{
    QStringList lines {m_message->text()};
    auto* form = static_cast<QFormLayout*>(m_card->layout());
    for (int r = 0; r < form->rowCount(); ++r) {
        auto* label = qobject_cast<QLabel*>(form->itemAt(r, QFormLayout::LabelRole)->widget());
        auto* value = qobject_cast<QLabel*>(form->itemAt(r, QFormLayout::FieldRole)->widget());
        if (label && value)
            lines << label->text() + QLatin1Char(' ') + value->text();
    }
    return lines.join(QLatin1Char('\n')).trimmed();
}

bool ServerLookupPage::lookup()
{
    auto* form = static_cast<QFormLayout*>(m_card->layout());
    while (form->rowCount() > 0)
        form->removeRow(0);
    S::setMessage(m_message, QString());
    QString name = m_name->text().trimmed();
    QString id = m_id->text().trimmed();
    auto card = ServerCustomers(m_context.session).clerkLookup(name, id, m_purpose->toPlainText().trimmed());
    wipe(name);
    wipe(id);
    if (!card.ok()) {
        if (card.error().code == ErrorCode::InvalidInput || card.error().code == ErrorCode::PermissionDenied) {
            S::setMessage(m_message, card.error().message);
            return false;
        }
        return fail(card.error());
    }
    // setText, not clear(): clear() can be undone (Ctrl+Z would bring the typed values back)
    m_name->setText(QString());
    m_id->setText(QString());
    m_purpose->clear(); // each lookup gives its own purpose
    if (!*card) {
        S::setMessage(m_message, tr("No match: no active customer of this branch has this name and ID number."));
        return true;
    }
    const ClerkCard& c = **card;
    const auto add = [&](const QString& label, QLabel* value) {
        value->setParent(m_card);
        form->addRow(label + QLatin1Char(':'), value);
    };
    add(tr("Customer no."), new QLabel(c.number));
    add(tr("Name"), new ProtectedLabel(c.maskedName));
    add(tr("ID number"), new ProtectedLabel(c.maskedIdNumber));
    add(tr("Mobile"), new ProtectedLabel(c.maskedMobile.isEmpty() ? CustomerLabels::none() : c.maskedMobile));
    add(tr("Status"), new QLabel(statusLabel(c.status)));
    add(tr("Manager"), new QLabel(c.managerName.isEmpty() ? CustomerLabels::none() : c.managerName));
    return true;
}

} // namespace bv::ui
