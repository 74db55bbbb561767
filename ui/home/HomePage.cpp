#include "ui/home/HomePage.h"

#include "core/Core.h"
#include "ui/common/Icons.h"
#include "ui/customers/CustomerLabels.h"

#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace bv::ui {

using Icons::Icon;

namespace {

// The order of the lines and their icons.
const struct
{
    WorkCount which;
    Icon icon;
} kLines[] = {
    {WorkCount::ChangesToApprove, Icon::Approvals},
    {WorkCount::TierChangesToConfirm, Icon::Approvals},
    {WorkCount::RequestsToDecide, Icon::Requests},
    {WorkCount::AccountsToConfirm, Icon::Staff},
    {WorkCount::BranchOverdueComplaints, Icon::Overdue},
    {WorkCount::SuspiciousPairs, Icon::Suspicious},
    {WorkCount::OverdueLendings, Icon::PrintRegister},
    {WorkCount::PrintoutsPastUse, Icon::PrintRegister},
    {WorkCount::UnfinishedPrints, Icon::PrintRegister},
    {WorkCount::CustomersToReassign, Icon::Reassignment},
    {WorkCount::ComplaintsDueToday, Icon::Complaints},
    {WorkCount::OwnOverdueComplaints, Icon::Overdue},
    {WorkCount::OwnPendingChanges, Icon::PendingChanges},
    {WorkCount::OwnPendingRequests, Icon::Requests},
    {WorkCount::OwnApprovedRequests, Icon::Requests},
    {WorkCount::OpenAlerts, Icon::Alerts},
    {WorkCount::AccountsAwaitingConfirmation, Icon::Staff},
    {WorkCount::AccountsLocked, Icon::Staff},
    {WorkCount::PasswordsExpiring, Icon::Staff},
    {WorkCount::AccountsFrozen, Icon::Staff},
};

} // namespace

HomePage::HomePage(const WorkspaceContext& context, Role role, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
    , m_role(role)
{
    setObjectName(QStringLiteral("homePage"));
    auto* layout = new QVBoxLayout(this);
    m_heading = new QLabel(tr("What needs you now"), this);
    m_heading->setObjectName(QStringLiteral("homeHeadingLabel"));
    QFont font = m_heading->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setBold(true);
    m_heading->setFont(font);
    layout->addWidget(m_heading);
    auto* hint = new QLabel(tr("Click a line (or press Enter on it) to open its list."), this);
    hint->setWordWrap(true);
    layout->addWidget(hint);

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("homeListWidget"));
    m_list->setAccessibleName(tr("What needs you now"));
    m_list->setContextMenuPolicy(Qt::NoContextMenu);
    m_list->setIconSize(QSize(24, 24));
    m_list->setSpacing(4);
    m_list->setUniformItemSizes(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    layout->addWidget(m_list, 1);

    auto* bottom = new QHBoxLayout;
    m_updated = new QLabel(this);
    m_updated->setObjectName(QStringLiteral("homeUpdatedLabel"));
    m_refresh = new QPushButton(tr("Re&fresh"), this);
    m_refresh->setObjectName(QStringLiteral("homeRefreshButton"));
    m_refresh->setToolTip(tr("Read the counts again (F5)"));
    bottom->addWidget(m_updated, 1);
    bottom->addWidget(m_refresh);
    layout->addLayout(bottom);

    connect(m_refresh, &QPushButton::clicked, this, &HomePage::refresh);
    connect(m_list, &QListWidget::itemClicked, this, &HomePage::activated);
    connect(m_list, &QListWidget::itemActivated, this, &HomePage::activated);
}

QString HomePage::countText(WorkCount which, qint64 count)
{
    const int n = int(qMin<qint64>(count, std::numeric_limits<int>::max()));
    switch (which) {
    case WorkCount::ChangesToApprove:
        return tr("%n customer changes to approve", nullptr, n);
    case WorkCount::TierChangesToConfirm:
        return tr("%n tier changes to confirm", nullptr, n);
    case WorkCount::RequestsToDecide:
        return tr("%n special requests to decide", nullptr, n);
    case WorkCount::BranchOverdueComplaints:
        return tr("%n overdue complaints in the branch", nullptr, n);
    case WorkCount::SuspiciousPairs:
        return tr("%n suspicious pairs to review", nullptr, n);
    case WorkCount::OverdueLendings:
        return tr("%n lent printouts not returned in time", nullptr, n);
    case WorkCount::PrintoutsPastUse:
        return tr("%n printouts past their period of use, not destroyed", nullptr, n);
    case WorkCount::UnfinishedPrints:
        return tr("%n prints not finished", nullptr, n);
    case WorkCount::CustomersToReassign:
        return tr("%n customers to reassign", nullptr, n);
    case WorkCount::AccountsToConfirm:
        return tr("%n staff accounts to confirm", nullptr, n);
    case WorkCount::OwnPendingChanges:
        return tr("%n of your customer changes waiting for approval", nullptr, n);
    case WorkCount::OwnPendingRequests:
        return tr("%n of your special requests waiting for a decision", nullptr, n);
    case WorkCount::OwnApprovedRequests:
        return tr("%n approved special requests ready to use", nullptr, n);
    case WorkCount::ComplaintsDueToday:
        return tr("%n complaints due today", nullptr, n);
    case WorkCount::OwnOverdueComplaints:
        return tr("%n overdue complaints", nullptr, n);
    case WorkCount::OpenAlerts:
        return tr("%n alerts in the last %1 days", nullptr, n).arg(WorkloadService::AlertDays);
    case WorkCount::AccountsAwaitingConfirmation:
        return tr("%n accounts waiting for a branch manager's confirmation", nullptr, n);
    case WorkCount::AccountsLocked:
        return tr("%n accounts locked after failed sign-ins", nullptr, n);
    case WorkCount::AccountsFrozen:
        return tr("%n frozen accounts", nullptr, n);
    case WorkCount::PasswordsExpiring:
        return tr("%n passwords expired or expiring within %1 days", nullptr, n)
            .arg(WorkloadService::PasswordWarningDays);
    }
    return QString();
}

bool HomePage::refresh()
{
    auto load = m_context.core.workload().workload(m_context.session, m_role);
    if (!load.ok()) {
        emit failed(load.error());
        return false;
    }
    const int current = m_list->currentItem() ? m_list->currentItem()->data(Qt::UserRole).toInt() : -1;
    m_load = std::move(load).value();
    m_list->clear();
    for (const auto& line : kLines) {
        if (!m_load.has(line.which))
            continue;
        const qint64 n = m_load.count(line.which);
        // frozen accounts are a fact, not a task
        const bool attention = n > 0 && line.which != WorkCount::AccountsFrozen;
        addLine(int(line.which), countText(line.which, n), Icons::icon(line.icon), attention);
    }
    addFacts();
    if (QListWidgetItem* again = item(current))
        m_list->setCurrentItem(again);
    m_updated->setText(tr("As of %1").arg(CustomerLabels::dateTime(m_load.readAtUtc)));
    return true;
}

void HomePage::addFacts()
{
    if (m_role == Role::Auditor) {
        const auto& check = m_load.lastAuditVerification;
        QString text;
        if (!check)
            text = tr("The audit chain has not been verified yet: verify it.");
        else if (check->ok)
            text = tr("Last verification of the audit chain: %1, intact").arg(CustomerLabels::dateTime(check->atUtc));
        else
            text = tr("Last verification of the audit chain: %1, broken — look at the first broken row")
                       .arg(CustomerLabels::dateTime(check->atUtc));
        addLine(LastAuditVerification, text, Icons::icon(Icon::Verify), !check || !check->ok);
    }
    if (m_role == Role::Admin) {
        const QLocale locale;
        addLine(DatabaseFile,
            tr("Database %1 (%2)")
                .arg(QDir::toNativeSeparators(m_load.databasePath), locale.formattedDataSize(m_load.databaseBytes)),
            Icons::icon(Icon::Storage), false);
        addLine(AuditRows, tr("%n audit log rows", nullptr, int(qMin<qint64>(m_load.auditRows, INT_MAX))),
            Icons::icon(Icon::AuditLog), false);
        const auto& backup = m_load.lastBackup;
        QString text;
        if (!backup)
            text = tr("No backup yet: back up the database.");
        else if (backup->ok)
            text = tr("Last backup: %1").arg(CustomerLabels::dateTime(backup->atUtc));
        else
            text = tr("Last backup: %1, failed — back up again").arg(CustomerLabels::dateTime(backup->atUtc));
        addLine(LastBackup, text, Icons::icon(Icon::Export), !backup || !backup->ok);
        const auto& verified = m_load.lastDatabaseVerification;
        if (!verified)
            text = tr("The database has not been verified yet: verify it.");
        else if (verified->ok)
            text = tr("Last verification of the database: %1, no problems")
                       .arg(CustomerLabels::dateTime(verified->atUtc));
        else
            text = tr("Last verification of the database: %1, problems found — verify again and read them")
                       .arg(CustomerLabels::dateTime(verified->atUtc));
        addLine(LastDatabaseVerification, text, Icons::icon(Icon::Verify), !verified || !verified->ok);
    }
}

void HomePage::addLine(int entry, const QString& text, const QIcon& icon, bool needsAttention)
{
    auto* line = new QListWidgetItem(icon, text, m_list);
    line->setData(Qt::UserRole, entry);
    line->setToolTip(text);
    if (needsAttention) {
        QFont bold = line->font();
        bold.setBold(true);
        line->setFont(bold);
    }
}

QListWidgetItem* HomePage::item(int entry) const
{
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->data(Qt::UserRole).toInt() == entry)
            return m_list->item(i);
    }
    return nullptr;
}

void HomePage::activated(QListWidgetItem* item)
{
    if (item)
        emit openRequested(item->data(Qt::UserRole).toInt());
}

} // namespace bv::ui
