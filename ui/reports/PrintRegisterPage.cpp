#include "ui/reports/PrintRegisterPage.h"

#include "core/Core.h"
#include "render/ControlledPrint.h"
#include "ui/common/Dialogs.h"
#include "ui/manager/GuardedTableView.h"
#include "ui/reports/ControlledOutput.h"
#include "ui/reports/PrintCopyView.h"
#include "ui/reports/PrintRegisterModel.h"
#include "ui/reports/RegisterEventDialog.h"
#include "ui/reports/TraceDialog.h"

#include <QCheckBox>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace bv::ui {

namespace {
constexpr int kMaxLendingDays = 3; // DESIGN §8; the core refuses more
const QString kDataSubjectReport = QStringLiteral("data_subject");
enum AlertRole
{
    SerialRole = Qt::UserRole,
    CopyRole,
};
} // namespace

PrintRegisterPage::PrintRegisterPage(const WorkspaceContext& context, QWidget* parent)
    : ManagerPage(context, parent)
    , m_records(context.session.info().role == Role::Manager)
{
    setObjectName(QStringLiteral("printRegisterPage"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(m_records ? tr("Every printed copy from the moment it is printed until it is destroyed. "
                                            "Record who received each copy, lendings (at most three days) and "
                                            "returns, and destroy copies that are no longer needed with a witness.")
                                       : tr("Every printed copy from the moment it is printed until it is destroyed. "
                                            "Trace a printout that was found by its serial or a photo of a page."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_alerts = new QListWidget(this);
    m_alerts->setObjectName(QStringLiteral("alertsListWidget"));
    m_alerts->setAccessibleName(tr("Print register alerts"));
    m_alerts->setContextMenuPolicy(Qt::NoContextMenu);
    m_alerts->setWordWrap(true);
    m_alerts->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_alerts->setMaximumHeight(m_alerts->fontMetrics().height() * 5);
    m_alerts->setStyleSheet(QStringLiteral("QListWidget { background: #fff4e5; }"));
    m_alerts->hide();
    layout->addWidget(m_alerts);

    auto* filter = new QHBoxLayout;
    m_openOnly = new QCheckBox(tr("Op&en copies only (not destroyed)"), this);
    m_openOnly->setObjectName(QStringLiteral("openOnlyCheckBox"));
    auto* refresh = new QPushButton(tr("Re&fresh"), this);
    refresh->setObjectName(QStringLiteral("refreshButton"));
    filter->addWidget(m_openOnly);
    filter->addStretch();
    filter->addWidget(refresh);
    layout->addLayout(filter);

    m_model = new PrintRegisterModel(this);
    m_table = createTable(QStringLiteral("registerTableView"), tr("Printed copies"));
    m_table->setModel(m_model);
    m_table->setCopyableColumns({PrintRegisterModel::Serial, PrintRegisterModel::Copy, PrintRegisterModel::Report,
        PrintRegisterModel::PrintedAt, PrintRegisterModel::ValidUntil, PrintRegisterModel::State});
    m_table->horizontalHeader()->setStretchLastSection(true);

    auto* actions = new QHBoxLayout;
    auto add = [&](QPushButton* button) { actions->addWidget(button); };
    if (m_records) {
        m_receive = addAction(tr("Record re&ceipt…"), "receiveButton", &PrintRegisterPage::recordReceipt);
        m_handOver = addAction(tr("Hand over to cust&omer…"), "handOverButton", &PrintRegisterPage::handOver);
        m_lend = addAction(tr("Le&nd…"), "lendButton", &PrintRegisterPage::lend);
        m_return = addAction(tr("Ret&urned…"), "returnButton", &PrintRegisterPage::giveBack);
        m_destroy = addAction(tr("Destro&y…"), "destroyButton", &PrintRegisterPage::destroyCopy);
        m_reprint = addAction(tr("Re&print…"), "reprintButton", &PrintRegisterPage::reprint);
        for (QPushButton* button : {m_receive, m_handOver, m_lend, m_return, m_destroy, m_reprint})
            add(button);
    }
    actions->addStretch();
    m_trace = addAction(tr("&Trace…"), "traceButton", &PrintRegisterPage::trace);
    m_trace->setToolTip(tr("Check a printout that was found: type its serial or open a scan or photo of a page."));
    add(m_trace);

    m_copyView = new PrintCopyView(m_context.clipboard, this);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    auto* top = new QWidget(splitter);
    auto* topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_table, 1);
    topLayout->addLayout(actions);
    topLayout->addWidget(createFeedbackLabel());
    splitter->addWidget(top);
    splitter->addWidget(m_copyView);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    connect(m_openOnly, &QCheckBox::toggled, this, &PrintRegisterPage::reload);
    connect(refresh, &QPushButton::clicked, this, &PrintRegisterPage::reload);
    connect(
        m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &PrintRegisterPage::updateSelection);
    connect(m_alerts, &QListWidget::itemActivated, this,
        [this](QListWidgetItem* item) { selectCopy(item->data(SerialRole).toString(), item->data(CopyRole).toInt()); });
    connect(m_alerts, &QListWidget::itemClicked, this,
        [this](QListWidgetItem* item) { selectCopy(item->data(SerialRole).toString(), item->data(CopyRole).toInt()); });
    updateSelection();
}

QPushButton* PrintRegisterPage::addAction(
    const QString& text, const char* objectName, bool (PrintRegisterPage::*slot)())
{
    auto* button = new QPushButton(text, this);
    button->setObjectName(QString::fromLatin1(objectName));
    connect(button, &QPushButton::clicked, this, [this, slot] { (this->*slot)(); });
    return button;
}

void PrintRegisterPage::reload()
{
    const std::optional<PrintCopy> selected = currentCopy();
    PrintRegisterFilter filter;
    filter.openOnly = m_openOnly->isChecked();
    auto copies = m_context.core.printRegister().list(m_context.session, filter);
    if (!copies.ok()) {
        m_model->setCopies({});
        updateSelection();
        fail(copies.error());
        return;
    }
    m_model->setCopies(*copies);
    auto alerts = m_context.core.printRegister().alerts(m_context.session);
    m_alerts->clear();
    if (alerts.ok()) {
        for (const PrintAlert& alert : std::as_const(*alerts)) {
            // the core's message names the copy and the next step
            auto* item = new QListWidgetItem(alert.message, m_alerts);
            item->setData(SerialRole, alert.serial);
            item->setData(CopyRole, alert.copy);
        }
    }
    m_alerts->setVisible(m_alerts->count() > 0);
    if (!selected || !selectCopy(selected->serial, selected->copy))
        updateSelection();
    if (!alerts.ok())
        fail(alerts.error());
}

bool PrintRegisterPage::selectCopy(const QString& serial, int copy)
{
    const QModelIndex index = m_model->indexOf(serial, copy);
    if (!index.isValid())
        return false;
    m_table->setCurrentIndex(index);
    m_table->selectRow(index.row());
    m_table->scrollTo(index);
    updateSelection();
    return true;
}

std::optional<PrintCopy> PrintRegisterPage::currentCopy() const
{
    const int row = m_table->selectedRow();
    if (row < 0)
        return std::nullopt;
    return m_model->copyFromIndex(m_model->index(row, 0));
}

void PrintRegisterPage::updateSelection()
{
    const std::optional<PrintCopy> copy = currentCopy();
    if (copy)
        m_copyView->setCopy(*copy);
    else
        m_copyView->clear();
    if (!m_records)
        return;
    const PrintCopyState state = copy ? copy->state : PrintCopyState::Failed;
    const bool inHand = state == PrintCopyState::Printed || state == PrintCopyState::Received;
    m_receive->setEnabled(copy && inHand); // received again: it passed to someone else
    m_handOver->setEnabled(copy && inHand && copy->report == kDataSubjectReport);
    m_lend->setEnabled(copy && inHand);
    m_return->setEnabled(copy && state == PrintCopyState::Lent);
    m_destroy->setEnabled(copy && (inHand || state == PrintCopyState::Failed)); // a spoiled print too
    m_reprint->setEnabled(copy && state != PrintCopyState::Printing && state != PrintCopyState::Failed);
}

bool PrintRegisterPage::runEvent(RegisterEventDialog& dialog, const PrintCopy& copy, const QString& done)
{
    connect(&dialog, &RegisterEventDialog::lockRequested, this, &ContextWidget::lockRequested);
    if (m_context.dialogs.exec(&dialog) != QDialog::Accepted)
        return false;
    reload();
    selectCopy(copy.serial, copy.copy);
    setFeedback(done);
    emit changed();
    return true;
}

bool PrintRegisterPage::recordReceipt()
{
    const std::optional<PrintCopy> copy = currentCopy();
    if (!copy)
        return false;
    RegisterEventDialog dialog(m_context.dialogs, tr("Record receipt"),
        tr("%1 (serial %2, %3). The person who receives the copy signs for it: they type their own login and "
           "password here (and the code of their authenticator app when they use one).")
            .arg(copy->title, copy->serial, PrintRegisterModel::copyText(copy->copy)),
        RegisterEventDialog::Person | RegisterEventDialog::Password, tr("&Recipient (login):"), this);
    dialog.setAction([this, copy](RegisterEventDialog& d) {
        const SecureBytes password = d.takePassword();
        return m_context.core.printRegister().receive(
            m_context.session, copy->serial, copy->copy, d.person(), password, d.takeCode());
    });
    return runEvent(
        dialog, *copy, tr("%1, %2: receipt recorded.").arg(copy->serial, PrintRegisterModel::copyText(copy->copy)));
}

bool PrintRegisterPage::handOver()
{
    const std::optional<PrintCopy> copy = currentCopy();
    if (!copy)
        return false;
    RegisterEventDialog dialog(m_context.dialogs, tr("Hand over to the customer"),
        tr("%1 (serial %2, %3) is handed to the customer it is about, who signs the paper form. The copy then "
           "leaves the branch's register of copies in hand.")
            .arg(copy->title, copy->serial, PrintRegisterModel::copyText(copy->copy)),
        RegisterEventDialog::Note, QString(), this);
    dialog.setAction([this, copy](RegisterEventDialog& d) {
        return m_context.core.printRegister().handOver(m_context.session, copy->serial, copy->copy, d.note());
    });
    return runEvent(dialog, *copy,
        tr("%1, %2: handed over to the customer.").arg(copy->serial, PrintRegisterModel::copyText(copy->copy)));
}

bool PrintRegisterPage::lend()
{
    const std::optional<PrintCopy> copy = currentCopy();
    if (!copy)
        return false;
    RegisterEventDialog dialog(m_context.dialogs, tr("Lend a copy"),
        tr("%1 (serial %2, %3). A copy is lent for at most three days; when it is overdue, it is listed among the "
           "alerts until its return is recorded.")
            .arg(copy->title, copy->serial, PrintRegisterModel::copyText(copy->copy)),
        RegisterEventDialog::Person | RegisterEventDialog::Due | RegisterEventDialog::Note,
        tr("&Borrower (login or name):"), this);
    const QDateTime now = m_context.core.clock().nowUtc();
    dialog.setDueRange(now, now.addDays(kMaxLendingDays), now.addDays(1));
    dialog.setAction([this, copy](RegisterEventDialog& d) {
        return m_context.core.printRegister().lend(
            m_context.session, copy->serial, copy->copy, d.person(), d.dueUtc(), d.note());
    });
    return runEvent(
        dialog, *copy, tr("%1, %2: lending recorded.").arg(copy->serial, PrintRegisterModel::copyText(copy->copy)));
}

bool PrintRegisterPage::giveBack()
{
    const std::optional<PrintCopy> copy = currentCopy();
    if (!copy)
        return false;
    RegisterEventDialog dialog(m_context.dialogs, tr("Record the return"),
        tr("%1 (serial %2, %3) lent to %4 is back.")
            .arg(copy->title, copy->serial, PrintRegisterModel::copyText(copy->copy), copy->holder),
        RegisterEventDialog::Note, QString(), this);
    dialog.setAction([this, copy](RegisterEventDialog& d) {
        return m_context.core.printRegister().giveBack(m_context.session, copy->serial, copy->copy, d.note());
    });
    return runEvent(
        dialog, *copy, tr("%1, %2: return recorded.").arg(copy->serial, PrintRegisterModel::copyText(copy->copy)));
}

bool PrintRegisterPage::destroyCopy()
{
    const std::optional<PrintCopy> copy = currentCopy();
    if (!copy)
        return false;
    RegisterEventDialog dialog(m_context.dialogs, tr("Destroy a copy"),
        tr("%1 (serial %2, %3). Destroy the copy in front of a witness — another branch manager or the auditor — "
           "who confirms it by typing their own login and password here (and the code of their authenticator app when "
           "they use one). The register keeps the record for good.")
            .arg(copy->title, copy->serial, PrintRegisterModel::copyText(copy->copy)),
        RegisterEventDialog::Method | RegisterEventDialog::Person | RegisterEventDialog::Password,
        tr("&Witness (login):"), this);
    dialog.setAction([this, copy](RegisterEventDialog& d) {
        const SecureBytes password = d.takePassword();
        return m_context.core.printRegister().destroy(
            m_context.session, copy->serial, copy->copy, d.person(), password, d.method(), d.takeCode());
    });
    return runEvent(
        dialog, *copy, tr("%1, %2: destruction recorded.").arg(copy->serial, PrintRegisterModel::copyText(copy->copy)));
}

bool PrintRegisterPage::reprint()
{
    const std::optional<PrintCopy> copy = currentCopy();
    if (!copy)
        return false;
    RegisterEventDialog dialog(m_context.dialogs, tr("Reprint"),
        tr("%1 (serial %2): further copies (副本) are built again with the same parameters and registered under "
           "the same serial with their own copy numbers. A report with protected customer data needs a new "
           "approval.")
            .arg(copy->title, copy->serial),
        RegisterEventDialog::Copies | RegisterEventDialog::Medium, QString(), this);
    if (m_context.dialogs.exec(&dialog) != QDialog::Accepted)
        return false;
    ControlledOutput output(m_context, this);
    const QString serial = copy->serial;
    const ControlledOutput::PrintFn print = [this, serial](int copies, QPagedPaintDevice& printer, PrintJob* job) {
        return reprintControlled(
            m_context.core.reports(), m_context.session, serial, copies, PrintMedium::Printer, printer, job);
    };
    const ControlledOutput::PdfFn pdf = [this, serial](const QString& path, PrintJob* job) {
        return reprintControlledPdf(m_context.core.reports(), m_context.session, serial, 1, path, job);
    };
    ReportRequest request;
    request.report = copy->report;
    const ControlledOutput::CancelFn cancelled = [this, request](PrintMedium medium) {
        return m_context.core.reports().printCancelled(m_context.session, request, medium);
    };
    const ControlledOutput::Outcome outcome = dialog.medium() == PrintMedium::Pdf
        ? output.toPdf(copy->title, serial, pdf, cancelled)
        : output.toPrinter(copy->title, dialog.copies(), print, cancelled);
    if (outcome == ControlledOutput::Outcome::Cancelled) {
        setFeedback(tr("Reprint cancelled; nothing was registered."));
        return false;
    }
    if (outcome == ControlledOutput::Outcome::Failed) {
        reload();
        return fail(output.error());
    }
    reload();
    const PrintJob& job = output.job();
    if (!job.copies.isEmpty())
        selectCopy(job.serial, job.copies.constFirst().copy);
    setFeedback(output.file().isEmpty()
            ? tr("%1: further copies printed and registered: %2.").arg(job.serial).arg(job.copies.size())
            : tr("%1: a further copy was saved as %2.").arg(job.serial, QDir::toNativeSeparators(output.file())));
    emit changed();
    return true;
}

bool PrintRegisterPage::trace()
{
    TraceDialog dialog(m_context, this);
    connect(&dialog, &TraceDialog::lockRequested, this, &ContextWidget::lockRequested);
    m_context.dialogs.exec(&dialog);
    return !dialog.results().isEmpty();
}

} // namespace bv::ui
