#include "ui/audit/AuditAlertsPage.h"
#include "ui/common/Formats.h"

#include "ui/audit/AuditFilterForm.h"

#include "core/Core.h"
#include "core/audit/AuditService.h"
#include "core/customers/rules/WorkingCalendar.h"

#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTimeZone>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace bv::ui {

AuditAlertsPage::AuditAlertsPage(const WorkspaceContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("auditAlertsPage"));
    auto* layout = new QVBoxLayout(this);
    auto* period = new QHBoxLayout;
    const QDateTime now = m_context.core.clock().nowUtc();
    auto makeEdit = [this](const char* name, const QString& accessible, const QDateTime& utc) {
        auto* edit = new QDateTimeEdit(this);
        AuditFilterForm::setBranchTime(edit, utc);
        edit->setObjectName(QString::fromLatin1(name));
        edit->setAccessibleName(accessible);
        edit->setCalendarPopup(true);
        Formats::applyTo(edit);
        return edit;
    };
    m_since = makeEdit("alertsSinceDateTimeEdit", tr("Alerts from"), now.addDays(-7));
    m_until = makeEdit("alertsUntilDateTimeEdit", tr("Alerts until"), now.addSecs(60));
    auto* sinceLabel = new QLabel(tr("&From:"), this);
    sinceLabel->setBuddy(m_since);
    auto* untilLabel = new QLabel(tr("&Until:"), this);
    untilLabel->setBuddy(m_until);
    m_show = new QPushButton(tr("&Show alerts"), this);
    m_show->setObjectName(QStringLiteral("showAlertsButton"));
    period->addWidget(sinceLabel);
    period->addWidget(m_since);
    period->addWidget(untilLabel);
    period->addWidget(m_until);
    period->addWidget(m_show);
    period->addStretch();
    layout->addLayout(period);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("alertsTreeWidget"));
    m_list->setAccessibleName(tr("Alerts"));
    m_list->setRootIsDecorated(false);
    m_list->setContextMenuPolicy(Qt::NoContextMenu);
    m_list->setColumnCount(ColumnCount);
    m_list->setHeaderLabels({tr("Kind"), tr("Who"), tr("When"), tr("Rows"), tr("Description")});
    m_list->header()->setStretchLastSection(true);
    layout->addWidget(m_list, 1);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("alertsStatusLabel"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    connect(m_show, &QPushButton::clicked, this, &AuditAlertsPage::refresh);
}

QString AuditAlertsPage::kindLabel(const QString& kind)
{
    if (kind == QLatin1String("clerk_lookups"))
        return tr("Many clerk lookups");
    if (kind == QLatin1String("same_customer"))
        return tr("Same customer opened repeatedly");
    if (kind == QLatin1String("after_hours"))
        return tr("Access outside working hours");
    if (kind == QLatin1String("failed_sign_ins"))
        return tr("Repeated failed sign-ins");
    if (kind == QLatin1String("quick_grant"))
        return tr("Grant used right after approval");
    // the print register's open alerts (core/reports)
    if (kind == QLatin1String("print_overdue"))
        return tr("Printout not returned in time");
    if (kind == QLatin1String("print_past_period"))
        return tr("Printout past its period of use");
    if (kind == QLatin1String("print_unfinished"))
        return tr("Print never finished");
    return kind;
}

bool AuditAlertsPage::refresh()
{
    m_list->clear();
    auto alerts = m_context.core.audit().alerts(
        m_context.session, AuditFilterForm::branchTimeOf(m_since), AuditFilterForm::branchTimeOf(m_until));
    if (!alerts.ok()) {
        m_status->clear();
        emit failed(alerts.error());
        return false;
    }
    for (const AuditAlert& alert : std::as_const(*alerts)) {
        QString who = alert.login;
        if (!alert.otherLogin.isEmpty())
            who += QStringLiteral(" / ") + alert.otherLogin;
        if (!alert.customerNo.isEmpty())
            who += QStringLiteral(" · ") + alert.customerNo;
        const QString when = Formats::dateTime(alert.from) + QStringLiteral(" – ") + Formats::dateTime(alert.to);
        auto* item = new QTreeWidgetItem(
            m_list, {kindLabel(alert.kind), who, when, QString::number(alert.count), alert.description});
        QStringList seqs;
        for (qint64 seq : alert.seqs)
            seqs << QString::number(seq);
        item->setToolTip(Description, alert.description);
        item->setToolTip(Count, tr("Audit rows: %1").arg(seqs.join(QStringLiteral(", "))));
    }
    for (int column = 0; column < ColumnCount - 1; ++column)
        m_list->resizeColumnToContents(column);
    m_status->setText(alerts->isEmpty() ? tr("No alerts in this period.")
                                        : tr("%n alerts in this period.", nullptr, int(alerts->size())));
    return true;
}

} // namespace bv::ui
