#pragma once

#include "core/server/ServerOwnership.h"
#include "ui/server/ServerContext.h"

#include <QDialog>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace bv::ui {

// The branch manager gives a customer of the branch to a customer manager over the branch server (DESIGN §6
// "Ownership"; ServerOwnership): the kind (assign, transfer, custody, return, reclaim), the customer manager (the
// branch's active ones, as the server lists them; a login can be typed too), the custody's last day (custody only,
// today to 180 days ahead, branch time) and the reason (required for transfer, custody and reclaim). The
// reassignment list — the customers of frozen customer managers and those without one — is read on demand (the
// server records the read); choosing a row fills in its number. A refusal is shown under the form, which stays open.
class ServerAssignDialog : public QDialog
{
    Q_OBJECT
public:
    ServerAssignDialog(const ServerContext& context, const QString& customerNo, QWidget* parent = nullptr);

    QLineEdit* numberEdit() const { return m_number; }
    QComboBox* kindComboBox() const { return m_kind; }
    QComboBox* managerComboBox() const { return m_manager; }
    QDateEdit* untilDateEdit() const { return m_until; }
    QLineEdit* reasonEdit() const { return m_reason; }
    QPushButton* applyButton() const { return m_apply; }
    QTableWidget* reassignmentTable() const { return m_list; }
    QString message() const;
    void setKind(ServerOwnership::Kind kind);
    ServerOwnership::Kind kind() const;
    // What was done, for the page's confirmation ("Customer … was transferred to …").
    QString done() const { return m_done; }

public slots:
    bool apply();
    // Reads the reassignment list into the table.
    bool showReassignmentList();

private:
    void kindChanged();
    ServerContext m_context;
    QLineEdit* m_number = nullptr;
    QComboBox* m_kind = nullptr;
    QComboBox* m_manager = nullptr;
    QDateEdit* m_until = nullptr;
    QLineEdit* m_reason = nullptr;
    QPushButton* m_apply = nullptr;
    QTableWidget* m_list = nullptr;
    QLabel* m_message = nullptr;
    QString m_done;
};

} // namespace bv::ui
