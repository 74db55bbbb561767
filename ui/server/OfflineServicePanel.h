#pragma once

#include "core/server/ServerOutbox.h"

#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace bv::ui {

class Dialogs;

// A service record kept offline (ServerOutbox::Session::keepService): the customer's number, the date, the channel and
// what was done. It is checked here as at the counter; whether the customer is one of the maker's is the server's to
// decide at the upload (a refusal is kept in the outbox with its reason). The form is emptied once kept.
class OfflineServicePanel : public QWidget
{
    Q_OBJECT
public:
    OfflineServicePanel(ServerOutbox::Session& session, Dialogs& dialogs, QWidget* parent = nullptr);

    QLineEdit* customerEdit() const { return m_customer; }
    QPlainTextEdit* contentEdit() const { return m_content; }
    QString message() const;

public slots:
    bool keep();

signals:
    void kept(qint64 entryId);

private:
    ServerOutbox::Session& m_session;
    Dialogs& m_dialogs;
    QLineEdit* m_customer = nullptr;
    QDateEdit* m_servedOn = nullptr;
    QComboBox* m_channel = nullptr;
    QPlainTextEdit* m_content = nullptr;
    QLabel* m_message = nullptr;
};

} // namespace bv::ui
