#pragma once

#include <QLocale>
#include <QString>

class QCoreApplication;

namespace bv {

// Loads BranchVault's own translation (embedded under :/i18n) and Qt's qtbase translation for the
// language. `language` is "zh_CN", "en", or empty for the system locale. Returns the language in use.
QString installTranslations(const QString& language = QString());

} // namespace bv
