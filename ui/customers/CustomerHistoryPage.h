#pragma once

#include "ui/customers/ContextWidget.h"

class QTableWidget;

namespace bv {
struct HistoryEntry;
}

namespace bv::ui {

class ClipboardGuard;

// A customer's approved changes (CustomerEntry::history): when, who, and per field the masked old value
// and the masked new one. Old full values stay sealed in the history; nothing here can unmask them.
class CustomerHistoryPage : public ContextWidget
{
    Q_OBJECT
public:
    CustomerHistoryPage(const WorkspaceContext& context, const QString& customerNo, QWidget* parent = nullptr);

    // The table of a customer's history and its rows, shared with the branch server's card (ServerCustomersPage).
    static QTableWidget* historyTable(QWidget* parent, ClipboardGuard& clipboard, const QString& customerNo);
    static void fill(QTableWidget* table, const QList<HistoryEntry>& history);

public slots:
    void reload();

private:
    QString m_number;
    QTableWidget* m_table = nullptr;
};

} // namespace bv::ui
