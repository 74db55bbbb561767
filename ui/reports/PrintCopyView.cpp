#include "PrintCopyView.h"

#include "PrintRegisterModel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace bv::ui {

PrintCopyView::PrintCopyView(QWidget* parent)
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
    m_history = new QTreeWidget(this);
    m_history->setObjectName(QStringLiteral("historyTreeWidget"));
    m_history->setAccessibleName(tr("History of the copy"));
    m_history->setRootIsDecorated(false);
    m_history->setContextMenuPolicy(Qt::NoContextMenu);
    m_history->setHeaderLabels({tr("When"), tr("Event"), tr("Recorded by"), tr("Person"), tr("Due"), tr("Note")});
    m_history->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_history->header()->setStretchLastSection(true);
    layout->addWidget(m_history, 1);
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
        lines << tr("Period of use until %1.").arg(copy.validUntil.toString(QStringLiteral("yyyy-MM-dd")));
    lines << tr("State: %1.").arg(PrintRegisterModel::stateText(copy));
    if (!copy.holder.isEmpty())
        lines << tr("Held by: %1.").arg(copy.holder);
    m_summary->setText(lines.join(QLatin1Char('\n')));

    m_history->clear();
    for (const PrintEvent& event : copy.events) {
        auto* item = new QTreeWidgetItem(m_history);
        item->setText(0, PrintRegisterModel::timeText(event.atUtc));
        item->setText(1, PrintRegister::eventLabel(event.kind));
        item->setText(2, event.by);
        item->setText(3, event.person);
        item->setText(4, PrintRegisterModel::timeText(event.dueUtc));
        item->setText(5, event.note);
    }
}

} // namespace bv::ui
