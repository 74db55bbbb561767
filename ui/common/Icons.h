#pragma once

#include <QIcon>

namespace bv::ui {

// The navigation icons, one consistent set: the desktop theme's icons (QIcon::fromTheme, freedesktop names)
// when the theme has every one of them, otherwise all of BranchVault's own monochrome icons (:/icons/nav,
// resources/icons/nav) — never a mix of two styles.
namespace Icons {

enum class Icon
{
    Home,
    Customers,
    NewCustomer,
    Approvals,
    Requests,
    Complaints,
    PendingChanges,
    Import,
    Reports,
    PrintRegister,
    Assignment,
    Suspicious,
    Reassignment,
    Overdue,
    Staff,
    AuditLog,
    Verify,
    Checkpoint,
    Alerts,
    Export,
    Overview,
    Settings,
    Storage,
    Lookup,
};
inline constexpr int kIconCount = int(Icon::Lookup) + 1;

QIcon icon(Icon which);
// The freedesktop theme name and the bundled file behind an icon (for tests).
QString themeName(Icon which);
QString bundledFile(Icon which);
// True when the theme is used (it has every name).
bool usesTheme();

} // namespace Icons
} // namespace bv::ui
