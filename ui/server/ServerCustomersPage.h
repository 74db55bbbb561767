#pragma once

#include "core/customers/CustomerRecord.h"
#include "ui/server/ServerContext.h"

#include <optional>

class QFormLayout;
class QLabel;
class QPushButton;
class QTableWidget;

namespace bv::ui {

// The customers the account reads on the branch server (the branch manager: the branch's; a customer manager: his
// or her own), by number, a page at a time, the name masked; a customer opened from the list shows its masked card
// (grade 1 masked, grade 2 where the server sends it, the accounts masked). "Request full view" files a reveal
// request for chosen grade-1 fields, which a branch manager decides; the values are then shown from the Requests
// page. "Edit" (the branch manager, or the customer's own customer manager) sends an edit that waits for a branch
// manager's approval. Every list's first page and every opened card is recorded by the server.
class ServerCustomersPage : public ServerPage
{
    Q_OBJECT
public:
    explicit ServerCustomersPage(const ServerContext& context, QWidget* parent = nullptr);

    QTableWidget* table() const { return m_table; }
    QPushButton* moreButton() const { return m_more; }
    QPushButton* requestButton() const { return m_request; }
    QPushButton* editButton() const { return m_edit; }
    QPushButton* careButton() const { return m_care; }
    QPushButton* historyButton() const { return m_history; }
    // The card shown, as the server returned it.
    const std::optional<CustomerView>& card() const { return m_card; }
    // The texts of the card's rows (label → value), for tests and screen readers.
    QString cardText() const;

public slots:
    // The list from the start.
    bool reload();
    // The next page after the last number shown.
    bool loadMore();
    // Opens the customer of `row` in the card.
    bool open(int row);
    // Files a reveal request for the open customer (RevealRequestDialog).
    bool requestFullView();
    // Edits the open customer (ServerEditDialog); the card then shows the change waiting.
    bool edit();
    // The open customer's service records, complaints and consent (ServerCareDialog).
    bool care();
    // The customer's approved changes, masked, in a dialog (ServerCustomers::history: the server records the read).
    bool history();

signals:
    void requestFiled(qint64 requestId);
    void edited(qint64 changeId);
    void complaintsChanged();

private:
    bool append(const QString& after);
    void showCard();
    QTableWidget* m_table = nullptr;
    QPushButton* m_more = nullptr;
    QPushButton* m_request = nullptr;
    QPushButton* m_edit = nullptr;
    QPushButton* m_care = nullptr;
    QPushButton* m_history = nullptr;
    QLabel* m_cardTitle = nullptr;
    QWidget* m_cardBody = nullptr;
    QFormLayout* m_cardForm = nullptr;
    std::optional<CustomerView> m_card;
    QString m_last;
    static constexpr int kPage = 200;
};

} // namespace bv::ui
