#include "ui/customers/PendingChangesPage.h"

#include "core/Core.h"
#include "core/customers/CustomerService.h"
#include "core/customers/lifecycle/CustomerEntry.h"
#include "ui/auth/OnTheSpot.h"
#include "ui/customers/CustomerWidgetSupport.h"
#include "ui/customers/PendingChangeModel.h"

#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace bv::ui {

using S = CustomerWidgetSupport;

PendingChangesPage::PendingChangesPage(const WorkspaceContext& context, QWidget* parent)
    : ContextWidget(context, parent)
{
    setObjectName(QStringLiteral("pendingChangesPage"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Your new records and edits that wait for a branch manager's approval."), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    m_model = new PendingChangeModel(this);
    m_view = S::tableView(splitter, QStringLiteral("pendingTableView"), m_model, m_context.clipboard,
        PendingChangeModel::copyableColumns(), tr("Pending changes"));
    m_view->hideColumn(PendingChangeModel::MakerColumn);
    m_diff = S::tableWidget(splitter, QStringLiteral("diffTableWidget"), {tr("Field"), tr("Before"), tr("After")},
        m_context.clipboard, tr("Fields of the selected change"));
    splitter->addWidget(m_view);
    splitter->addWidget(m_diff);
    layout->addWidget(splitter, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    auto* open = new QPushButton(tr("&Open customer"), this);
    open->setObjectName(QStringLiteral("openCustomerButton"));
    m_authoriseHere = new QPushButton(tr("&Authorise here…"), this);
    m_authoriseHere->setObjectName(QStringLiteral("authoriseHereButton"));
    m_authoriseHere->setEnabled(false);
    m_authoriseHere->setToolTip(tr("A branch manager approves or rejects the selected change on this screen "
                                   "(on-the-spot authorisation), without you signing out."));
    auto* refresh = new QPushButton(tr("Re&fresh"), this);
    refresh->setObjectName(QStringLiteral("refreshButton"));
    buttons->addWidget(m_authoriseHere);
    buttons->addWidget(open);
    buttons->addWidget(refresh);
    layout->addLayout(buttons);
    connect(refresh, &QPushButton::clicked, this, &PendingChangesPage::reload);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &PendingChangesPage::showDiff);
    auto openCurrent = [this] {
        if (const PendingChange* c = m_model->changeFromIndex(m_view->currentIndex()))
            emit openRequested(c->customerNumber);
    };
    connect(open, &QPushButton::clicked, this, openCurrent);
    connect(m_authoriseHere, &QPushButton::clicked, this, &PendingChangesPage::authoriseHere);
    connect(m_view, &QTableView::doubleClicked, this, openCurrent);
    setTabOrder(m_view, m_diff);
    setTabOrder(m_diff, m_authoriseHere);
    setTabOrder(m_authoriseHere, open);
    setTabOrder(open, refresh);
}

void PendingChangesPage::reload()
{
    auto changes = m_context.core.customers().entry().pending(m_context.session);
    if (!changes.ok()) {
        m_model->setChanges({});
        showDiff();
        fail(changes.error());
        return;
    }
    m_model->setChanges(*changes);
    m_view->resizeColumnsToContents();
    if (m_model->rowCount() > 0)
        m_view->setCurrentIndex(m_model->index(0, PendingChangeModel::IdColumn));
    showDiff();
}

void PendingChangesPage::showDiff()
{
    m_diff->setRowCount(0);
    const PendingChange* c = m_model->changeFromIndex(m_view->currentIndex());
    m_authoriseHere->setEnabled(c != nullptr);
    if (!c)
        return;
    S::appendDiffRows(m_diff, {}, c->diff);
    m_diff->resizeColumnsToContents();
}

std::optional<bool> PendingChangesPage::authoriseHere()
{
    const PendingChange* c = m_model->changeFromIndex(m_view->currentIndex());
    if (!c)
        return std::nullopt;
    const PendingChange change = *c;
    const std::optional<bool> decided = OnTheSpot::decideChange(m_context, this, change);
    if (decided)
        reload();
    return decided;
}

} // namespace bv::ui
