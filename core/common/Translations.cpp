#include "core/common/Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace bv {

QString installTranslations(const QString& language)
{
    static QTranslator* ours = nullptr;
    static QTranslator* qt = nullptr;
    auto* app = QCoreApplication::instance();
    if (!app)
        return QStringLiteral("en");
    if (ours) {
        app->removeTranslator(ours);
        delete ours;
        ours = nullptr;
    }
    if (qt) {
        app->removeTranslator(qt);
        delete qt;
        qt = nullptr;
    }
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    const bool chinese = locale.language() == QLocale::Chinese;
    if (!chinese) {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        // English needs no translation but its plurals: "%n customers" → "1 customer".
        ours = new QTranslator(app);
        if (ours->load(QStringLiteral(":/i18n/branchvault_en.qm")))
            app->installTranslator(ours);
        return QStringLiteral("en");
    }
    QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
    ours = new QTranslator(app);
    if (ours->load(QStringLiteral(":/i18n/branchvault_zh_CN.qm")))
        app->installTranslator(ours);
    qt = new QTranslator(app);
    if (qt->load(QStringLiteral("qtbase_zh_CN"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app->installTranslator(qt);
    return QStringLiteral("zh_CN");
}

} // namespace bv
