#pragma once

#include <QCoreApplication>
#include <QString>

#include <functional>

class QMenu;
class QMenuBar;

namespace bv::ui {

// The Language menu of both main windows (local and branch-server mode): the system language, 中文（简体）, English,
// the current one checked. The interface language is a preference kept in QSettings ("ui/language"), not a secret.
class LanguageMenu
{
    Q_DECLARE_TR_FUNCTIONS(LanguageMenu)
public:
    // Adds the menu to `bar`, or as a submenu of `menu`; `chosen` gets the language's key ("" for the system language,
    // "zh_CN", "en").
    static QMenu* add(QMenuBar* bar, const QString& current, const std::function<void(const QString&)>& chosen);
    static QMenu* add(QMenu* menu, const QString& current, const std::function<void(const QString&)>& chosen);
    // Checks the entry of `language` in the menu `add` made in `bar` (or in one of its menus).
    static void check(QMenuBar* bar, const QString& language);

private:
    static void fill(QMenu* language, const QString& current, const std::function<void(const QString&)>& chosen);
};

} // namespace bv::ui
