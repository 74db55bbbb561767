#include "ui/audit/AuditLogPage.h"

#include "ui/audit/AuditFilterForm.h"
#include "ui/audit/AuditLogModel.h"

#include "core/Core.h"
#include "core/audit/AuditService.h"
#include "core/audit/AuditWording.h"
#include "ui/common/ClipboardGuard.h"
#include "ui/common/ProtectedLabel.h"
#include "ui/customers/ViewCopyGuard.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace bv::ui {

AuditLogPage::AuditLogPage(const WorkspaceContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("auditLogPage"));
    auto* layout = new QVBoxLayout(this);

    auto* filterBox = new QGroupBox(tr("Filter"), this);
    auto* filterLayout = new QVBoxLayout(filterBox);
    m_filter = new AuditFilterForm(QStringLiteral("log"), filterBox);
    filterLayout->addWidget(m_filter);
    auto* filterButtons = new QHBoxLayout;
    filterButtons->addStretch();
    m_clear = new QPushButton(tr("&Clear filter"), filterBox);
    m_clear->setObjectName(QStringLiteral("clearFilterButton"));
    m_apply = new QPushButton(tr("Appl&y filter"), filterBox);
    m_apply->setObjectName(QStringLiteral("applyFilterButton"));
    filterButtons->addWidget(m_clear);
    filterButtons->addWidget(m_apply);
    filterLayout->addLayout(filterButtons);
    layout->addWidget(filterBox);

    m_model = new AuditLogModel(context.core, context.session, this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("auditLogTableView"));
    m_view->setAccessibleName(tr("Audit log rows"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(
        m_view->fontMetrics().height() + m_view->fontMetrics().height() / 2);
    m_view->horizontalHeader()->setStretchLastSection(true);
    // Copy: every column but the sentence (it names customers with their masked names); the details are in
    // the pane below, which cannot be copied.
    ViewCopyGuard::install(m_view, m_context.clipboard,
        {AuditLogModel::Seq, AuditLogModel::Time, AuditLogModel::Person, AuditLogModel::RoleColumn,
            AuditLogModel::Action, AuditLogModel::CustomerNo, AuditLogModel::Outcome, AuditLogModel::Workstation});

    auto* detailsBox = new QGroupBox(tr("Details of the selected row"), this);
    auto* detailsLayout = new QVBoxLayout(detailsBox);
    auto* scroll = new QScrollArea(detailsBox);
    scroll->setWidgetResizable(true);
    m_details = new ProtectedLabel(scroll);
    m_details->setObjectName(QStringLiteral("detailsLabel"));
    m_details->setAccessibleName(tr("Details of the selected row"));
    m_details->setWordWrap(true);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    scroll->setWidget(m_details);
    detailsLayout->addWidget(scroll);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(detailsBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);

    auto* bottom = new QHBoxLayout;
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("rowCountLabel"));
    bottom->addWidget(m_count, 1);
    m_more = new QPushButton(tr("Load &more"), this);
    m_more->setObjectName(QStringLiteral("loadMoreButton"));
    bottom->addWidget(m_more);
    layout->addLayout(bottom);

    setTabOrder(m_filter, m_clear);
    setTabOrder(m_clear, m_apply);
    setTabOrder(m_apply, m_view);
    setTabOrder(m_view, m_more);

    m_filter->clear(m_context.core.clock().nowUtc());
    loadPeople();
    connect(m_apply, &QPushButton::clicked, this, &AuditLogPage::refresh);
    connect(m_clear, &QPushButton::clicked, this, &AuditLogPage::clearFilter);
    connect(m_filter, &AuditFilterForm::submitted, this, &AuditLogPage::refresh);
    connect(m_more, &QPushButton::clicked, this, &AuditLogPage::loadMore);
    connect(m_model, &AuditLogModel::failed, this, &AuditLogPage::failed);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AuditLogPage::updateCount);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &AuditLogPage::updateCount);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &AuditLogPage::showCurrent);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AuditLogPage::showCurrent);
    updateCount();
}

void AuditLogPage::refresh()
{
    m_model->setFilter(m_filter->filter());
    m_model->reload();
    m_view->resizeColumnsToContents();
}

void AuditLogPage::clearFilter()
{
    m_filter->clear(m_context.core.clock().nowUtc());
    loadPeople();
    refresh();
}

void AuditLogPage::loadPeople()
{
    // A refusal shows when the rows are read; the person filter then offers no accounts.
    auto people = m_context.core.audit().people(m_context.session);
    if (people.ok())
        m_filter->setPeople(*people);
}

void AuditLogPage::loadMore()
{
    if (m_model->canFetchMore(QModelIndex()))
        m_model->fetchMore(QModelIndex());
}

void AuditLogPage::updateCount()
{
    const int rows = m_model->rowCount();
    m_count->setText(
        m_model->hasMore() ? tr("%n rows shown; more rows match.", nullptr, rows) : tr("%n rows.", nullptr, rows));
    m_more->setEnabled(m_model->hasMore());
}

void AuditLogPage::showCurrent()
{
    const AuditRow row = m_model->rowFromIndex(m_view->currentIndex());
    if (row.seq == 0) {
        m_details->clear();
        return;
    }
    const AuditDirectory& directory = m_model->directory();
    QStringList lines {AuditWording::sentence(row, directory)};
    const QStringList details = AuditWording::detailLines(row, directory);
    if (!details.isEmpty())
        lines << QString() << details;
    // The raw row as stored, for the investigation: every column, the JSON details and the hashes.
    lines << QString() << tr("Row as stored:")
          << tr("Row %1 · %2 (UTC %3) · workstation %4")
                 .arg(row.seq)
                 .arg(AuditLogModel::timeText(row.at), row.at.toUTC().toString(Qt::ISODateWithMs), row.workstation)
          << tr("User id %1 · login %2 · role %3")
                 .arg(row.userId)
                 .arg(row.login, row.role.isEmpty() ? QStringLiteral("-") : row.role)
          << tr("Action %1 · outcome %2").arg(row.action, row.outcome)
          << tr("Object %1 %2 · customer number %3")
                 .arg(row.objectType, row.objectId, row.customerNo.isEmpty() ? QStringLiteral("-") : row.customerNo)
          << tr("Details %1").arg(row.details) << tr("Previous hash: %1").arg(QString::fromLatin1(row.prevHash.toHex()))
          << tr("Hash: %1").arg(QString::fromLatin1(row.hash.toHex()));
    m_details->setText(lines.join(QLatin1Char('\n')));
}

} // namespace bv::ui
