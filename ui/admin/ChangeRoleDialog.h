#pragma once

#include "core/auth/Role.h"

#include <QDialog>

class QComboBox;

namespace bv::ui {

// Chooses a new role for an account among the roles that serve customers (branch manager, customer
// manager, query clerk): an account never moves into or out of the administrator or auditor role.
class ChangeRoleDialog : public QDialog
{
    Q_OBJECT
public:
    ChangeRoleDialog(const QString& login, Role current, QWidget* parent = nullptr);
    Role role() const;
    void setRole(Role role);

private:
    QComboBox* m_role = nullptr;
};

} // namespace bv::ui
