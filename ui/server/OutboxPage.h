#pragma once

#include "core/common/Result.h"
#include "core/server/ServerOutbox.h"

#include <QWidget>

#include <functional>

class QPushButton;
class QTableWidget;

namespace bv::ui {

class ClipboardGuard;
class Dialogs;

// The customer manager's entries in this workstation's offline outbox (ServerOutbox), masked: when each was kept,
// whether it still waits to be sent or was refused, and why. The maker discards an entry here (after a
// confirmation); online, a refused entry can be sent again once its cause is gone.
class OutboxPage : public QWidget
{
    Q_OBJECT
public:
    using List = std::function<Result<QList<OutboxEntry>>()>;
    using Discard = std::function<Status(qint64)>;
    // Sends the waiting and refused entries again (online only; empty offline).
    using SendAgain = std::function<void()>;
    OutboxPage(Dialogs& dialogs, ClipboardGuard& clipboard, const QString& note, List list, Discard discard,
        SendAgain sendAgain = {}, QWidget* parent = nullptr);

    QTableWidget* table() const { return m_table; }
    QPushButton* discardButton() const { return m_discard; }
    QPushButton* sendAgainButton() const { return m_send; }
    const QList<OutboxEntry>& entries() const { return m_entries; }

public slots:
    void reload();
    bool discardCurrent();

signals:
    // An error that is not about an entry (the outbox file, the connection).
    void failed(const Error& error);

private:
    Dialogs& m_dialogs;
    List m_list;
    Discard m_discardEntry;
    QTableWidget* m_table = nullptr;
    QPushButton* m_discard = nullptr;
    QPushButton* m_send = nullptr;
    QList<OutboxEntry> m_entries;
};

} // namespace bv::ui
