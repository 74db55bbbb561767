#include "core/auth/Role.h"

namespace bv {

QString Roles::key(Role role)
{
    switch (role) {
    case Role::Admin:
        return QStringLiteral("admin");
    case Role::Auditor:
        return QStringLiteral("auditor");
    case Role::Manager:
        return QStringLiteral("manager");
    case Role::CustomerManager:
        return QStringLiteral("customer_manager");
    case Role::Clerk:
        return QStringLiteral("clerk");
    }
    return QString();
}

std::optional<Role> Roles::fromKey(const QString& key)
{
    for (Role role : all()) {
        if (Roles::key(role) == key)
            return role;
    }
    return std::nullopt;
}

QString Roles::label(Role role)
{
    switch (role) {
    case Role::Admin:
        return tr("System administrator");
    case Role::Auditor:
        return tr("Security auditor");
    case Role::Manager:
        return tr("Branch manager");
    case Role::CustomerManager:
        return tr("Customer manager");
    case Role::Clerk:
        return tr("Query clerk");
    }
    return QString();
}

} // namespace bv
