#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace bv {

// The five roles of DESIGN §3. One role per account.
enum class Role
{
    Admin,
    Auditor,
    Manager,
    CustomerManager,
    Clerk
};

class Roles
{
    Q_DECLARE_TR_FUNCTIONS(Roles)
public:
    static QList<Role> all() { return {Role::Admin, Role::Auditor, Role::Manager, Role::CustomerManager, Role::Clerk}; }
    static QString key(Role role); // "admin", "customer_manager", ...
    static std::optional<Role> fromKey(const QString& key);
    static QString label(Role role); // translated: "System administrator" / 系统管理员
    // Roles that never see customer data.
    static bool isPrivileged(Role role) { return role == Role::Admin || role == Role::Auditor; }
    // Roles whose accounts hold a key slot for customer information (DESIGN §2, §3).
    static bool holdsKeys(Role role) { return !isPrivileged(role); }
};

} // namespace bv
