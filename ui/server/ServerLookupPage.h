#pragma once

#include "ui/server/ServerContext.h"

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace bv::ui {

// The clerk's exact lookup over the branch server (DESIGN §6): the full name AND the full ID number from the
// customer's document, and the purpose. Only their blind indexes leave this workstation; the server answers one
// masked card or "no match" and records the lookup either way. What was typed is cleared after each lookup.
class ServerLookupPage : public ServerPage
{
    Q_OBJECT
public:
    explicit ServerLookupPage(const ServerContext& context, QWidget* parent = nullptr);

    QLineEdit* nameEdit() const { return m_name; }
    QLineEdit* idEdit() const { return m_id; }
    QPlainTextEdit* purposeEdit() const { return m_purpose; }
    QPushButton* lookupButton() const { return m_lookup; }
    QString result() const;

public slots:
    bool lookup();

private:
    QLineEdit* m_name = nullptr;
    QLineEdit* m_id = nullptr;
    QPlainTextEdit* m_purpose = nullptr;
    QPushButton* m_lookup = nullptr;
    QLabel* m_message = nullptr;
    QWidget* m_card = nullptr;
};

} // namespace bv::ui
