#include "ui/reports/PrintCopyView.h"
#include "ui/common/Formats.h"

#include "ui/manager/GuardedTableView.h"
#include "ui/models/RecordTableModel.h"
#include "ui/reports/PrintRegisterModel.h"

#include <QHeaderView>
#include <QLabel>
#include <QVBoxLayout>

namespace bv::ui {

PrintCopyView::PrintCopyView(ClipboardGuard& clipboard, QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("printCopyView"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("copySummaryLabel"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);
    m_history = new models::RecordTableModel(
        {tr("When"), tr("Event"), tr("Recorded by"), tr("Person"), tr("Due"), tr("Note")}, this);
    m_view = new GuardedTableView(clipboard, this);
    m_view->setObjectName(QStringLiteral("historyTableView"));
    m_view->setAccessibleName(tr("History of the copy"));
    m_view->setModel(m_history);
    m_view->setCopyableColumns({When, Event, RecordedBy});
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->verticalHeader()->hide();
    layout->addWidget(m_view, 1);
    clear();
}

void PrintCopyView::clear()
{
    m_summary->setText(tr("Choose a copy to see its details and history."));
    m_history->clear();
}

void PrintCopyView::setCopy(const PrintCopy& copy)
{
    if (copy.serial.isEmpty()) {
        clear();
        return;
    }
    QStringList lines;
    lines << tr("%1 — serial %2, %3")
                 .arg(copy.title.isEmpty() ? copy.report : copy.title, copy.serial,
                     PrintRegisterModel::copyText(copy.copy));
    if (!copy.parameters.isEmpty())
        lines << tr("Parameters: %1").arg(copy.parameters);
    lines << tr("Printed by %1 on %2 (%3, pages: %4).")
                 .arg(copy.printedBy, PrintRegisterModel::timeText(copy.printedAtUtc),
                     PrintRegisterModel::mediumText(copy.medium), QString::number(copy.pages));
    if (!copy.approvedBy.isEmpty())
        lines << tr("Approved by %1 (special request %2).").arg(copy.approvedBy).arg(copy.requestId);
    else if (copy.holdsGrade1)
        lines << tr("Holds protected customer data.");
    if (copy.validUntil.isValid())
        lines << tr("Period of use until %1.").arg(Formats::date(copy.validUntil));
    lines << tr("State: %1.").arg(PrintRegisterModel::stateText(copy));
    if (!copy.holder.isEmpty())
        lines << tr("Held by: %1.").arg(copy.holder);
    m_summary->setText(lines.join(QLatin1Char('\n')));

    QList<models::RecordTableModel::Record> records;
    for (const PrintEvent& event : copy.events) {
        records << models::RecordTableModel::Record {QVariant(),
            {PrintRegisterModel::timeText(event.atUtc), PrintRegister::eventLabel(event.kind), event.by, event.person,
                PrintRegisterModel::timeText(event.dueUtc), event.note},
            QString()};
    }
    m_history->setRecords(records);
}

} // namespace bv::ui
