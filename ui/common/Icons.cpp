#include "ui/common/Icons.h"

namespace bv::ui::Icons {

namespace {

struct Entry
{
    const char* theme; // freedesktop icon naming specification (or a name the common themes share)
    const char* file; // resources/icons/nav/<file>.svg
};

const Entry kEntries[kIconCount] = {
    {"go-home", "home"},
    {"x-office-address-book", "customers"},
    {"contact-new", "new-customer"},
    {"emblem-default", "approvals"},
    {"mail-send", "requests"},
    {"mail-mark-important", "complaints"},
    {"document-open-recent", "pending"},
    {"document-import", "import"},
    {"x-office-document", "reports"},
    {"document-print", "print-register"},
    {"go-jump", "assignment"},
    {"dialog-warning", "suspicious"},
    {"view-refresh", "reassignment"},
    {"appointment-missed", "overdue"},
    {"system-users", "staff"},
    {"format-justify-left", "audit-log"},
    {"security-high", "verify"},
    {"bookmark-new", "checkpoint"},
    {"dialog-information", "alerts"},
    {"document-save-as", "export"},
    {"computer", "overview"},
    {"preferences-system", "settings"},
    {"drive-harddisk", "storage"},
    {"system-search", "lookup"},
};

} // namespace

QString themeName(Icon which)
{
    return QString::fromLatin1(kEntries[int(which)].theme);
}

QString bundledFile(Icon which)
{
    return QStringLiteral(":/icons/nav/%1.svg").arg(QLatin1String(kEntries[int(which)].file));
}

bool usesTheme()
{
    if (QIcon::themeName().isEmpty())
        return false;
    for (const Entry& entry : kEntries) {
        if (!QIcon::hasThemeIcon(QString::fromLatin1(entry.theme)))
            return false;
    }
    return true;
}

QIcon icon(Icon which)
{
    static const bool theme = usesTheme();
    if (theme)
        return QIcon::fromTheme(themeName(which), QIcon(bundledFile(which)));
    return QIcon(bundledFile(which));
}

} // namespace bv::ui::Icons
