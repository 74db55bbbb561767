#include "ui/customers/ConsentPage.h"
#include "ui/common/Formats.h"

#include "core/Core.h"
#include "core/customers/CustomerService.h"
#include "core/customers/care/CustomerCare.h"
#include "core/policy/ValueLabels.h"
#include "ui/customers/CustomerLabels.h"
#include "ui/customers/CustomerWidgetSupport.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace bv::ui {

using S = CustomerWidgetSupport;

ConsentPage::ConsentPage(const CareContext& context, const QString& customerNo, bool mayRecord, QWidget* parent)
    : CarePage(context, parent)
    , m_number(customerNo)
{
    auto* layout = new QVBoxLayout(this);
    m_table = S::tableWidget(this, QStringLiteral("consentsTableWidget"),
        {tr("Date"), tr("Purpose"), tr("Consent"), tr("Channel"), tr("Recorded by"), tr("Recorded at")},
        m_care.clipboard, tr("Consent history"));
    layout->addWidget(m_table, 1);
    if (mayRecord) {
        auto* box = new QGroupBox(tr("Record consent"), this);
        auto* form = new QFormLayout(box);
        m_purpose = new QComboBox(box);
        m_purpose->setObjectName(QStringLiteral("consentPurposeComboBox"));
        m_purpose->setAccessibleName(tr("Purpose"));
        for (const char* key : {"processing", "marketing"})
            m_purpose->addItem(ValueLabels::consentPurpose(QString::fromLatin1(key)), QString::fromLatin1(key));
        m_action = new QComboBox(box);
        m_action->setObjectName(QStringLiteral("consentActionComboBox"));
        m_action->setAccessibleName(tr("Consent given or withdrawn"));
        for (const char* key : {"given", "withdrawn"})
            m_action->addItem(ValueLabels::consentAction(QString::fromLatin1(key)), QString::fromLatin1(key));
        m_date = new QDateEdit(m_care.today(), box);
        m_date->setObjectName(QStringLiteral("consentDateEdit"));
        Formats::applyTo(m_date);
        m_date->setCalendarPopup(true);
        m_date->setAccessibleName(tr("Date of the consent"));
        m_channel = new QComboBox(box);
        m_channel->setObjectName(QStringLiteral("consentChannelComboBox"));
        m_channel->setAccessibleName(tr("Channel"));
        for (const QString& key : CustomerCare::channels())
            m_channel->addItem(ValueLabels::channel(key), key);
        auto* purposeLabel = new QLabel(tr("&Purpose:"), box);
        purposeLabel->setBuddy(m_purpose);
        auto* actionLabel = new QLabel(tr("C&onsent:"), box);
        actionLabel->setBuddy(m_action);
        auto* dateLabel = new QLabel(tr("Da&te:"), box);
        dateLabel->setBuddy(m_date);
        auto* channelLabel = new QLabel(tr("Cha&nnel:"), box);
        channelLabel->setBuddy(m_channel);
        form->addRow(purposeLabel, m_purpose);
        form->addRow(actionLabel, m_action);
        form->addRow(dateLabel, m_date);
        form->addRow(channelLabel, m_channel);
        m_message = S::messageLabel(box, QStringLiteral("consentMessageLabel"));
        form->addRow(m_message);
        m_record = new QPushButton(tr("Re&cord consent"), box);
        m_record->setObjectName(QStringLiteral("recordConsentButton"));
        form->addRow(QString(), m_record);
        connect(m_record, &QPushButton::clicked, this, &ConsentPage::recordConsent);
        layout->addWidget(box);
        setTabOrder(m_purpose, m_action);
        setTabOrder(m_action, m_date);
        setTabOrder(m_date, m_channel);
        setTabOrder(m_channel, m_record);
    }
    reload();
}

void ConsentPage::reload()
{
    m_table->setRowCount(0);
    auto entries = m_care.source->consents(m_number);
    if (!entries.ok()) {
        fail(entries.error());
        return;
    }
    for (const ConsentEntry& e : *entries)
        S::appendRow(m_table,
            {CustomerLabels::date(e.onDate), ValueLabels::consentPurpose(e.purpose),
                ValueLabels::consentAction(e.action), ValueLabels::channel(e.channel), e.recordedBy,
                CustomerLabels::dateTime(e.recordedAt)});
    m_table->resizeColumnsToContents();
}

bool ConsentPage::recordConsent()
{
    if (!m_record)
        return false;
    S::setMessage(m_message, QString());
    auto recorded = m_care.source->recordConsent(m_number, m_purpose->currentData().toString(),
        m_action->currentData().toString(), m_date->date(), m_channel->currentData().toString());
    if (!recorded.ok()) {
        if (locks(recorded.error()))
            return fail(recorded.error());
        S::setMessage(m_message, recorded.error().message);
        return false;
    }
    reload();
    return true;
}

} // namespace bv::ui
