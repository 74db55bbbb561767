#pragma once

#include "core/customers/CustomerRecord.h"
#include "ui/server/ServerContext.h"

class QPushButton;
class QTableWidget;

namespace bv::ui {

// The branch manager's review of suspicious pairs over the branch server (DESIGN §6): the branch's open pairs of
// customers holding the same mobile or account number, with both customer numbers and the shared value masked, as
// the server returns them, read when the page is first shown and at each refresh (each read is recorded there). A pair
// in order is cleared with a reason; a pair another branch manager cleared first is refused, naming who, and the list
// reloads.
class ServerSuspiciousPage : public ServerPage
{
    Q_OBJECT
public:
    explicit ServerSuspiciousPage(const ServerContext& context, QWidget* parent = nullptr);

    QTableWidget* table() const { return m_table; }
    QPushButton* clearButton() const { return m_clear; }
    const QList<SuspiciousPair>& pairs() const { return m_pairs; }

public slots:
    // Reads the list from the server (recorded there); also when the page is first shown.
    bool reload();
    // Clears the pair of `row` with a reason asked through the dialog seam.
    bool clearPair(int row);

protected:
    void showEvent(QShowEvent* event) override;

private:
    bool m_loaded = false; // read once shown: a list never looked at is not read, nor recorded
    QTableWidget* m_table = nullptr;
    QPushButton* m_clear = nullptr;
    QList<SuspiciousPair> m_pairs;
};

} // namespace bv::ui
