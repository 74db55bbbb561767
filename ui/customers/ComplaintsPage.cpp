#include "ui/customers/ComplaintsPage.h"
#include "ui/common/Formats.h"

#include "core/policy/SettingsService.h"
#include "ui/common/CalendarWarning.h"

#include "core/Core.h"
#include "core/customers/CustomerService.h"
#include "core/customers/care/CustomerCare.h"
#include "core/customers/rules/WorkingCalendar.h"
#include "core/drafts/DraftService.h"
#include "core/policy/ValueLabels.h"
#include "ui/common/Dialogs.h"
#include "ui/common/FreeTextWarning.h"
#include "ui/customers/ComplaintListModel.h"
#include "ui/customers/CustomerLabels.h"
#include "ui/customers/CustomerWidgetSupport.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace bv::ui {

using S = CustomerWidgetSupport;

ComplaintsPage::ComplaintsPage(const CareContext& context, const QString& customerNo, bool mayManage, QWidget* parent)
    : CarePage(context, parent)
    , m_number(customerNo)
    , m_canManage(mayManage)
{
    auto* layout = new QVBoxLayout(this);
    m_model = new ComplaintListModel(this);
    m_view = S::tableView(this, QStringLiteral("complaintsTableView"), m_model, m_care.clipboard,
        ComplaintListModel::copyableColumns(), tr("Complaints of customer %1").arg(customerNo));
    m_view->hideColumn(ComplaintListModel::CustomerColumn);
    m_calendarWarning = CalendarWarning::createLabel(this);
    layout->addWidget(m_calendarWarning);
    layout->addWidget(m_view, 1);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ComplaintsPage::updateButtons);

    if (m_canManage) {
        auto* steps = new QHBoxLayout;
        m_investigating = new QPushButton(tr("Mark as in&vestigating"), this);
        m_investigating->setObjectName(QStringLiteral("investigatingButton"));
        m_answer = new QPushButton(tr("Record the &answer…"), this);
        m_answer->setObjectName(QStringLiteral("answerButton"));
        m_close = new QPushButton(tr("C&lose…"), this);
        m_close->setObjectName(QStringLiteral("closeComplaintButton"));
        steps->addWidget(m_investigating);
        steps->addWidget(m_answer);
        steps->addWidget(m_close);
        steps->addStretch(1);
        layout->addLayout(steps);
        connect(m_investigating, &QPushButton::clicked, this, &ComplaintsPage::markInvestigating);
        connect(m_answer, &QPushButton::clicked, this, &ComplaintsPage::answer);
        connect(m_close, &QPushButton::clicked, this, &ComplaintsPage::closeComplaint);

        auto* box = new QGroupBox(tr("New complaint"), this);
        auto* form = new QFormLayout(box);
        // branch wall-clock time, edited as such (no conversion through the workstation's time zone)
        const QDateTime branchNow = CustomerLabels::toBranchTime(m_care.source->nowUtc());
        m_received = new QDateTimeEdit(QDateTime(branchNow.date(), branchNow.time(), Qt::UTC), box);
        m_received->setTimeSpec(Qt::UTC);
        m_received->setObjectName(QStringLiteral("receivedDateTimeEdit"));
        Formats::applyTo(m_received);
        m_received->setCalendarPopup(true);
        m_received->setAccessibleName(tr("Received (branch time)"));
        m_channel = new QComboBox(box);
        m_channel->setObjectName(QStringLiteral("complaintChannelComboBox"));
        m_channel->setAccessibleName(tr("Channel"));
        for (const QString& key : CustomerCare::channels())
            m_channel->addItem(ValueLabels::channel(key), key);
        m_content = new QPlainTextEdit(box);
        m_content->setObjectName(QStringLiteral("complaintContentPlainTextEdit"));
        m_content->setAccessibleName(tr("Complaint"));
        m_content->setTabChangesFocus(true);
        m_content->setPlaceholderText(tr("What the customer complains about. Never write a PIN, CVV or password."));
        auto* receivedLabel = new QLabel(tr("Re&ceived:"), box);
        receivedLabel->setBuddy(m_received);
        auto* channelLabel = new QLabel(tr("Cha&nnel:"), box);
        channelLabel->setBuddy(m_channel);
        auto* contentLabel = new QLabel(tr("Com&plaint:"), box);
        contentLabel->setBuddy(m_content);
        form->addRow(receivedLabel, m_received);
        form->addRow(channelLabel, m_channel);
        form->addRow(contentLabel, m_content);
        m_message = S::messageLabel(box, QStringLiteral("complaintMessageLabel"));
        form->addRow(m_message);
        m_add = new QPushButton(tr("Record co&mplaint"), box);
        m_add->setObjectName(QStringLiteral("addComplaintButton"));
        form->addRow(QString(), m_add);
        connect(m_add, &QPushButton::clicked, this, &ComplaintsPage::addComplaint);
        layout->addWidget(box);
        setTabOrder(m_view, m_investigating);
        setTabOrder(m_investigating, m_answer);
        setTabOrder(m_answer, m_close);
        setTabOrder(m_close, m_received);
        setTabOrder(m_received, m_channel);
        setTabOrder(m_channel, m_content);
        setTabOrder(m_content, m_add);
    }
    reload();
}

void ComplaintsPage::reload()
{
    auto complaints = m_care.source->complaints(m_number);
    if (!complaints.ok()) {
        m_model->setComplaints({});
        fail(complaints.error());
    } else {
        m_model->setComplaints(*complaints);
    }
    CalendarWarning::show(
        m_calendarWarning, m_care.source->calendarYears(), complaints.ok() ? *complaints : QList<Complaint>());
    m_view->resizeColumnsToContents();
    updateButtons();
}

void ComplaintsPage::updateButtons()
{
    if (!m_canManage)
        return;
    const Complaint* c = m_model->complaintFromIndex(m_view->currentIndex());
    m_investigating->setEnabled(c && c->status == ComplaintStatus::Open);
    m_answer->setEnabled(c && (c->status == ComplaintStatus::Open || c->status == ComplaintStatus::Investigating));
    m_close->setEnabled(c && c->status == ComplaintStatus::Answered);
}

bool ComplaintsPage::addComplaint()
{
    if (!m_add)
        return false;
    S::setMessage(m_message, QString());
    const QDateTime local = m_received->dateTime();
    const QDateTime received(local.date(), local.time(), WorkingCalendar::branchTimeZone());
    QString why;
    const auto content = FreeTextWarning::review(m_care.dialogs, this, m_content->toPlainText(), &why);
    if (!content) {
        S::setMessage(m_message, why);
        m_content->setFocus();
        return false;
    }
    auto added = m_care.source->addComplaint(m_number, received.toUTC(), m_channel->currentData().toString(), *content);
    if (!added.ok()) {
        if (locks(added.error()))
            return fail(added.error());
        S::setMessage(m_message, added.error().message);
        if (added.error().field == QLatin1String("received_at"))
            m_received->setFocus();
        else
            m_content->setFocus();
        return false;
    }
    m_content->clear();
    m_care.source->formSaved(draftForm(), m_number);
    m_care.dialogs.showInfo(this, tr("Complaint recorded"),
        tr("The complaint of customer %1 was recorded. Investigate it by %2 and answer the "
           "customer by %3 (branch time).")
            .arg(m_number, CustomerLabels::dateTime(added->investigateBy), CustomerLabels::dateTime(added->answerBy)));
    reload();
    emit complaintsChanged();
    return true;
}

bool ComplaintsPage::update(ComplaintStatus status, bool needsResolution, const QString& title, const QString& label)
{
    const Complaint* c = m_model->complaintFromIndex(m_view->currentIndex());
    if (!c || !m_canManage)
        return false;
    const qint64 id = c->id;
    QString resolution;
    if (needsResolution) {
        auto text = m_care.dialogs.askText(this, title, label);
        if (!text)
            return false;
        auto reviewed = FreeTextWarning::review(m_care.dialogs, this, *text);
        if (!reviewed)
            return false;
        resolution = *reviewed;
    }
    Status updated = m_care.source->updateComplaint(id, status, resolution);
    if (!updated.ok())
        return fail(updated.error());
    reload();
    emit complaintsChanged();
    return true;
}

bool ComplaintsPage::markInvestigating()
{
    return update(ComplaintStatus::Investigating, false, QString(), QString());
}

bool ComplaintsPage::answer()
{
    return update(ComplaintStatus::Answered, true, tr("Answer to the complaint"),
        tr("What was the customer told, and what was done? (Never write a PIN, CVV or password.)"));
}

bool ComplaintsPage::closeComplaint()
{
    return update(ComplaintStatus::Closed, true, tr("Close the complaint"), tr("The final outcome of the complaint:"));
}

QString ComplaintsPage::draftContent() const
{
    if (!m_content || m_content->toPlainText().trimmed().isEmpty())
        return QString();
    const QJsonObject state {{QStringLiteral("version"), 1},
        {QStringLiteral("received"), m_received->dateTime().toString(Qt::ISODate)},
        {QStringLiteral("channel"), m_channel->currentData().toString()},
        {QStringLiteral("content"), m_content->toPlainText()}};
    return QString::fromUtf8(QJsonDocument(state).toJson(QJsonDocument::Compact));
}

bool ComplaintsPage::restoreDraft(const QString& content)
{
    const QJsonObject state = QJsonDocument::fromJson(content.toUtf8()).object();
    if (!m_content || state.value(QStringLiteral("version")).toInt() != 1)
        return false;
    // branch wall-clock time, kept as the editor holds it (UTC spec, no conversion)
    QDateTime received = QDateTime::fromString(state.value(QStringLiteral("received")).toString(), Qt::ISODate);
    if (received.isValid()) {
        received.setTimeSpec(Qt::UTC);
        m_received->setDateTime(received);
    }
    const int channel = m_channel->findData(state.value(QStringLiteral("channel")).toString());
    if (channel >= 0)
        m_channel->setCurrentIndex(channel);
    m_content->setPlainText(state.value(QStringLiteral("content")).toString());
    m_content->setFocus();
    return true;
}

} // namespace bv::ui
