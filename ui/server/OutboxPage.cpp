#include "ui/server/OutboxPage.h"

#include "ui/common/Dialogs.h"
#include "ui/customers/CustomerLabels.h"
#include "ui/customers/CustomerWidgetSupport.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace bv::ui {

using S = CustomerWidgetSupport;

OutboxPage::OutboxPage(Dialogs& dialogs, ClipboardGuard& clipboard, const QString& note, List list, Discard discard,
    SendAgain sendAgain, QWidget* parent)
    : QWidget(parent)
    , m_dialogs(dialogs)
    , m_list(std::move(list))
    , m_discardEntry(std::move(discard))
{
    setObjectName(QStringLiteral("outboxPage"));
    auto* layout = new QVBoxLayout(this);
    auto* noteLabel = new QLabel(note, this);
    noteLabel->setWordWrap(true);
    layout->addWidget(noteLabel);
    m_table = S::tableWidget(this, QStringLiteral("outboxTableWidget"),
        {tr("Entry"), tr("Kept at"), tr("Name"), tr("ID number"), tr("State"), tr("Reason")}, clipboard,
        tr("Kept on this workstation"));
    layout->addWidget(m_table, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    m_discard = new QPushButton(tr("&Discard…"), this);
    m_discard->setObjectName(QStringLiteral("discardButton"));
    m_discard->setEnabled(false);
    buttons->addWidget(m_discard);
    if (sendAgain) {
        m_send = new QPushButton(tr("&Send again"), this);
        m_send->setObjectName(QStringLiteral("sendAgainButton"));
        buttons->addWidget(m_send);
        connect(m_send, &QPushButton::clicked, this, [this, sendAgain] {
            sendAgain();
            reload();
        });
    }
    layout->addLayout(buttons);
    connect(m_discard, &QPushButton::clicked, this, &OutboxPage::discardCurrent);
    connect(m_table, &QTableWidget::currentCellChanged, this,
        [this](int row) { m_discard->setEnabled(row >= 0 && row < m_entries.size()); });
    reload();
}

void OutboxPage::reload()
{
    m_table->setRowCount(0);
    m_entries.clear();
    auto listed = m_list();
    if (!listed.ok()) {
        emit failed(listed.error());
        return;
    }
    m_entries = *listed;
    for (const OutboxEntry& entry : std::as_const(m_entries))
        S::appendRow(m_table,
            {QString::number(entry.id), CustomerLabels::dateTime(entry.keptAt),
                entry.kind == OutboxEntry::Kind::Service
                    ? tr("Service record for customer %1").arg(entry.customerNumber)
                    : entry.maskedName,
                entry.maskedIdNumber,
                entry.state == OutboxEntry::State::Waiting ? tr("Waiting to be sent") : tr("Refused"), entry.refusal});
    if (m_send)
        m_send->setEnabled(!m_entries.isEmpty());
    m_discard->setEnabled(false);
}

bool OutboxPage::discardCurrent()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_entries.size())
        return false;
    const OutboxEntry entry = m_entries.at(row);
    const QString question = entry.kind == OutboxEntry::Kind::Service
        ? tr("Discard entry %1 (a service record for customer %2)? It was not recorded on the branch server; once "
             "discarded, it must be recorded again.")
              .arg(entry.id)
              .arg(entry.customerNumber)
        : tr("Discard entry %1 (%2, %3)? It was not sent to the branch server; once discarded, the customer must be "
             "entered again.")
              .arg(entry.id)
              .arg(entry.maskedName, entry.maskedIdNumber);
    if (!m_dialogs.confirm(this, tr("Discard the entry"), question))
        return false;
    if (Status done = m_discardEntry(entry.id); !done.ok()) {
        emit failed(done.error());
        return false;
    }
    reload();
    return true;
}

} // namespace bv::ui
