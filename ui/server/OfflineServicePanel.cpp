#include "ui/server/OfflineServicePanel.h"

#include "core/customers/care/CustomerCare.h"
#include "core/customers/rules/WorkingCalendar.h"
#include "core/policy/ValueLabels.h"
#include "ui/common/Dialogs.h"
#include "ui/common/Formats.h"
#include "ui/common/FreeTextWarning.h"
#include "ui/customers/CustomerWidgetSupport.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace bv::ui {

using S = CustomerWidgetSupport;

OfflineServicePanel::OfflineServicePanel(ServerOutbox::Session& session, Dialogs& dialogs, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_dialogs(dialogs)
{
    setObjectName(QStringLiteral("offlineServicePanel"));
    auto* layout = new QVBoxLayout(this);
    auto* note = new QLabel(tr("A service given to one of your customers is kept in this workstation's outbox and "
                               "recorded on the branch server when you next sign in with the server reachable."),
        this);
    note->setWordWrap(true);
    layout->addWidget(note);
    auto* form = new QFormLayout;
    m_customer = new QLineEdit(this);
    m_customer->setObjectName(QStringLiteral("customerNumberLineEdit"));
    m_customer->setPlaceholderText(tr("for example 0101-00000001"));
    m_customer->setAccessibleName(tr("Customer number"));
    m_servedOn
        = new QDateEdit(QDateTime::currentDateTimeUtc().toTimeZone(WorkingCalendar::branchTimeZone()).date(), this);
    m_servedOn->setObjectName(QStringLiteral("servedOnDateEdit"));
    m_servedOn->setCalendarPopup(true);
    Formats::applyTo(m_servedOn);
    m_servedOn->setAccessibleName(tr("Date of the service"));
    m_channel = new QComboBox(this);
    m_channel->setObjectName(QStringLiteral("serviceChannelComboBox"));
    m_channel->setAccessibleName(tr("Channel"));
    for (const QString& key : CustomerCare::channels())
        m_channel->addItem(ValueLabels::channel(key), key);
    m_content = new QPlainTextEdit(this);
    m_content->setObjectName(QStringLiteral("serviceContentPlainTextEdit"));
    m_content->setAccessibleName(tr("Service given"));
    m_content->setTabChangesFocus(true);
    m_content->setPlaceholderText(tr("What was done for the customer. Never write a PIN, CVV or password."));
    auto* customerLabel = new QLabel(tr("Customer &no.:"), this);
    customerLabel->setBuddy(m_customer);
    auto* dateLabel = new QLabel(tr("Da&te:"), this);
    dateLabel->setBuddy(m_servedOn);
    auto* channelLabel = new QLabel(tr("C&hannel:"), this);
    channelLabel->setBuddy(m_channel);
    auto* contentLabel = new QLabel(tr("Ser&vice given:"), this);
    contentLabel->setBuddy(m_content);
    form->addRow(customerLabel, m_customer);
    form->addRow(dateLabel, m_servedOn);
    form->addRow(channelLabel, m_channel);
    form->addRow(contentLabel, m_content);
    layout->addLayout(form, 1);
    m_message = S::messageLabel(this, QStringLiteral("serviceMessageLabel"));
    layout->addWidget(m_message);
    auto* keepButton = new QPushButton(tr("&Save service record"), this);
    keepButton->setObjectName(QStringLiteral("keepServiceButton"));
    layout->addWidget(keepButton, 0, Qt::AlignRight);
    connect(keepButton, &QPushButton::clicked, this, &OfflineServicePanel::keep);
    setTabOrder(m_customer, m_servedOn);
    setTabOrder(m_servedOn, m_channel);
    setTabOrder(m_channel, m_content);
    setTabOrder(m_content, keepButton);
}

QString OfflineServicePanel::message() const
{
    return m_message->text();
}

bool OfflineServicePanel::keep()
{
    S::setMessage(m_message, QString());
    QString why;
    const auto content = FreeTextWarning::review(m_dialogs, this, m_content->toPlainText(), &why);
    if (!content) {
        S::setMessage(m_message, why);
        m_content->setFocus();
        return false;
    }
    auto entry
        = m_session.keepService(m_customer->text(), m_servedOn->date(), m_channel->currentData().toString(), *content);
    if (!entry.ok()) {
        S::setMessage(m_message, entry.error().message);
        if (entry.error().field == QLatin1String("customer"))
            m_customer->setFocus();
        else if (entry.error().field == QLatin1String("served_on"))
            m_servedOn->setFocus();
        else
            m_content->setFocus();
        return false;
    }
    const QString number = m_customer->text().trimmed().toUpper();
    m_customer->clear();
    m_content->clear();
    m_dialogs.showInfo(this, tr("Service record kept offline"),
        tr("The service record for customer %1 was kept in this workstation's outbox as entry %2. It is recorded on "
           "the branch server when you next sign in with the server reachable.")
            .arg(number)
            .arg(*entry));
    emit kept(*entry);
    return true;
}

} // namespace bv::ui
