#include "ui/common/LanguageMenu.h"

#include <QAction>
#include <QActionGroup>
#include <QMenu>
#include <QMenuBar>

namespace bv::ui {

namespace {

QString actionName(const QString& language)
{
    return QStringLiteral("languageAction_%1").arg(language.isEmpty() ? QStringLiteral("system") : language);
}

} // namespace

QMenu* LanguageMenu::add(QMenuBar* bar, const QString& current, const std::function<void(const QString&)>& chosen)
{
    QMenu* language = bar->addMenu(tr("Lan&guage"));
    fill(language, current, chosen);
    return language;
}

QMenu* LanguageMenu::add(QMenu* menu, const QString& current, const std::function<void(const QString&)>& chosen)
{
    QMenu* language = menu->addMenu(tr("Lan&guage"));
    fill(language, current, chosen);
    return language;
}

void LanguageMenu::fill(QMenu* language, const QString& current, const std::function<void(const QString&)>& chosen)
{
    language->setObjectName(QStringLiteral("languageMenu"));
    auto* group = new QActionGroup(language);
    const struct
    {
        QString key;
        QString label;
    } languages[] = {{QString(), tr("&System language")}, {QStringLiteral("zh_CN"), QStringLiteral("中文（简体）(&C)")},
        {QStringLiteral("en"), QStringLiteral("&English")}};
    for (const auto& entry : languages) {
        QAction* action = language->addAction(entry.label);
        action->setObjectName(actionName(entry.key));
        action->setCheckable(true);
        action->setChecked(entry.key == current);
        group->addAction(action);
        const QString key = entry.key;
        QObject::connect(action, &QAction::triggered, language, [chosen, key] { chosen(key); });
    }
}

void LanguageMenu::check(QMenuBar* bar, const QString& language)
{
    const QString name = actionName(language);
    for (QAction* action : bar->findChildren<QAction*>()) {
        if (action->objectName().startsWith(QLatin1String("languageAction_")))
            action->setChecked(action->objectName() == name);
    }
}

} // namespace bv::ui
