#pragma once

#include "core/customers/CustomerRecord.h"
#include "ui/manager/ManagerPage.h"

class QPushButton;

namespace bv::ui {

class GuardedTableView;
namespace models {
class RecordTableModel;
}

// Pairs of customers holding the same mobile or account number (DESIGN §6), for the branch manager to
// review: open either customer, or clear the pair with a reason.
class SuspiciousPage : public ManagerPage
{
    Q_OBJECT
public:
    enum Column
    {
        Pair,
        Kind,
        CustomerA,
        CustomerB,
        Found,
        SharedValue, // masked: not copied
        ColumnCount
    };

    explicit SuspiciousPage(const WorkspaceContext& context, QWidget* parent = nullptr);
    void reload() override;
    qint64 pairFromIndex(const QModelIndex& index) const;
    static QString kindLabel(const QString& key); // "phone", "account"

private:
    void updateButtons();
    void clearPair();
    const SuspiciousPair* selected() const;

    QList<SuspiciousPair> m_pairs;
    models::RecordTableModel* m_model = nullptr;
    GuardedTableView* m_table = nullptr;
    QPushButton* m_clear = nullptr;
    QPushButton* m_openA = nullptr;
    QPushButton* m_openB = nullptr;
};

} // namespace bv::ui
