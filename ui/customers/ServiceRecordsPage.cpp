#include "ui/customers/ServiceRecordsPage.h"
#include "ui/common/Formats.h"

#include "core/Core.h"
#include "core/customers/CustomerService.h"
#include "core/customers/care/CustomerCare.h"
#include "core/drafts/DraftService.h"
#include "core/policy/ValueLabels.h"
#include "ui/common/FreeTextWarning.h"
#include "ui/customers/CustomerLabels.h"
#include "ui/customers/CustomerWidgetSupport.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QGroupBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace bv::ui {

using S = CustomerWidgetSupport;

ServiceRecordsPage::ServiceRecordsPage(
    const CareContext& context, const QString& customerNo, bool mayRecord, QWidget* parent)
    : CarePage(context, parent)
    , m_number(customerNo)
{
    auto* layout = new QVBoxLayout(this);
    m_table = S::tableWidget(this, QStringLiteral("servicesTableWidget"),
        {tr("Date"), tr("Channel"), tr("Service given"), tr("Recorded by"), tr("Recorded at")}, m_care.clipboard,
        tr("Service records"));
    layout->addWidget(m_table, 1);
    if (mayRecord) {
        auto* box = new QGroupBox(tr("New service record"), this);
        auto* form = new QFormLayout(box);
        m_servedOn = new QDateEdit(m_care.today(), box);
        m_servedOn->setObjectName(QStringLiteral("servedOnDateEdit"));
        m_servedOn->setCalendarPopup(true);
        Formats::applyTo(m_servedOn);
        m_servedOn->setAccessibleName(tr("Date of the service"));
        m_channel = new QComboBox(box);
        m_channel->setObjectName(QStringLiteral("serviceChannelComboBox"));
        m_channel->setAccessibleName(tr("Channel"));
        for (const QString& key : CustomerCare::channels())
            m_channel->addItem(ValueLabels::channel(key), key);
        m_content = new QPlainTextEdit(box);
        m_content->setObjectName(QStringLiteral("serviceContentPlainTextEdit"));
        m_content->setAccessibleName(tr("Service given"));
        m_content->setTabChangesFocus(true);
        m_content->setPlaceholderText(tr("What was done for the customer. Never write a PIN, CVV or password."));
        auto* dateLabel = new QLabel(tr("Da&te:"), box);
        dateLabel->setBuddy(m_servedOn);
        auto* channelLabel = new QLabel(tr("Cha&nnel:"), box);
        channelLabel->setBuddy(m_channel);
        auto* contentLabel = new QLabel(tr("Ser&vice given:"), box);
        contentLabel->setBuddy(m_content);
        form->addRow(dateLabel, m_servedOn);
        form->addRow(channelLabel, m_channel);
        form->addRow(contentLabel, m_content);
        m_message = S::messageLabel(box, QStringLiteral("serviceMessageLabel"));
        form->addRow(m_message);
        m_add = new QPushButton(tr("&Add service record"), box);
        m_add->setObjectName(QStringLiteral("addServiceButton"));
        form->addRow(QString(), m_add);
        connect(m_add, &QPushButton::clicked, this, &ServiceRecordsPage::addService);
        layout->addWidget(box);
        setTabOrder(m_servedOn, m_channel);
        setTabOrder(m_channel, m_content);
        setTabOrder(m_content, m_add);
    }
    reload();
}

void ServiceRecordsPage::reload()
{
    m_table->setRowCount(0);
    auto records = m_care.source->services(m_number);
    if (!records.ok()) {
        fail(records.error());
        return;
    }
    for (const ServiceRecord& r : *records)
        S::appendRow(m_table,
            {CustomerLabels::date(r.servedOn), ValueLabels::channel(r.channel),
                QString(r.content).replace(QLatin1Char('\n'), QLatin1Char(' ')), r.byLogin,
                CustomerLabels::dateTime(r.createdAt)});
    m_table->resizeColumnsToContents();
}

bool ServiceRecordsPage::addService()
{
    if (!m_add)
        return false;
    S::setMessage(m_message, QString());
    QString why;
    const auto content = FreeTextWarning::review(m_care.dialogs, this, m_content->toPlainText(), &why);
    if (!content) {
        S::setMessage(m_message, why);
        m_content->setFocus();
        return false;
    }
    auto added = m_care.source->addService(m_number, m_servedOn->date(), m_channel->currentData().toString(), *content);
    if (!added.ok()) {
        if (locks(added.error()))
            return fail(added.error());
        S::setMessage(m_message, added.error().message);
        if (added.error().field == QLatin1String("content"))
            m_content->setFocus();
        else if (added.error().field == QLatin1String("served_on"))
            m_servedOn->setFocus();
        return false;
    }
    m_content->clear();
    m_care.source->formSaved(draftForm(), m_number);
    reload();
    return true;
}

QString ServiceRecordsPage::draftContent() const
{
    if (!m_content || m_content->toPlainText().trimmed().isEmpty())
        return QString();
    const QJsonObject state {{QStringLiteral("version"), 1},
        {QStringLiteral("servedOn"), m_servedOn->date().toString(Qt::ISODate)},
        {QStringLiteral("channel"), m_channel->currentData().toString()},
        {QStringLiteral("content"), m_content->toPlainText()}};
    return QString::fromUtf8(QJsonDocument(state).toJson(QJsonDocument::Compact));
}

bool ServiceRecordsPage::restoreDraft(const QString& content)
{
    const QJsonObject state = QJsonDocument::fromJson(content.toUtf8()).object();
    if (!m_content || state.value(QStringLiteral("version")).toInt() != 1)
        return false;
    const QDate servedOn = QDate::fromString(state.value(QStringLiteral("servedOn")).toString(), Qt::ISODate);
    if (servedOn.isValid())
        m_servedOn->setDate(servedOn);
    const int channel = m_channel->findData(state.value(QStringLiteral("channel")).toString());
    if (channel >= 0)
        m_channel->setCurrentIndex(channel);
    m_content->setPlainText(state.value(QStringLiteral("content")).toString());
    m_content->setFocus();
    return true;
}

} // namespace bv::ui
