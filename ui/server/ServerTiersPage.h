#pragma once

#include "core/customers/lifecycle/CustomerOwnership.h"
#include "ui/server/ServerContext.h"

class QPushButton;
class QTableWidget;

namespace bv::ui {

// The branch manager's tier changes over the branch server (DESIGN §6 "Tiers"): the changes the server computed when
// an approved edit changed a customer's assets, oldest first, read when the page is first shown and at each refresh
// (each read is recorded there). Confirm one (the
// customer takes the new tier), or keep the current tier with a reason; a change another branch manager decided
// first, or whose customer changed since, is refused with the next step and the list reloads.
class ServerTiersPage : public ServerPage
{
    Q_OBJECT
public:
    explicit ServerTiersPage(const ServerContext& context, QWidget* parent = nullptr);

    QTableWidget* table() const { return m_table; }
    QPushButton* confirmButton() const { return m_confirm; }
    QPushButton* keepButton() const { return m_keep; }
    const QList<TierChange>& changes() const { return m_changes; }

public slots:
    // Reads the list from the server (recorded there); also when the page is first shown.
    bool reload();
    // The change of `row` confirmed after the dialog seam's confirmation.
    bool confirmChange(int row);
    // The change of `row` rejected with a reason asked through the dialog seam.
    bool keepCurrent(int row);

signals:
    void decided();

protected:
    void showEvent(QShowEvent* event) override;

private:
    bool m_loaded = false; // read once shown: a list never looked at is not read, nor recorded
    QTableWidget* m_table = nullptr;
    QPushButton* m_confirm = nullptr;
    QPushButton* m_keep = nullptr;
    QList<TierChange> m_changes;
};

} // namespace bv::ui
