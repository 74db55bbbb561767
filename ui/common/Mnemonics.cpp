#include "ui/common/Mnemonics.h"

#include <QAbstractButton>
#include <QGroupBox>
#include <QLabel>
#include <QMainWindow>
#include <QMenuBar>
#include <QStackedWidget>
#include <QTabBar>

namespace bv::ui {

namespace {

bool isLatin(QChar c)
{
    return c.unicode() < 128 && c.isLetter();
}

// `w` is shown together with the rest of its window: no stacked widget between them shows another page.
bool onCurrentPage(const QWidget* w)
{
    for (const QWidget* c = w; c && !c->isWindow(); c = c->parentWidget()) {
        const auto* stack = qobject_cast<const QStackedWidget*>(c->parentWidget());
        if (stack && stack->currentWidget() != c)
            return false;
    }
    return true;
}

} // namespace

QChar Mnemonics::of(const QString& text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text.at(i + 1).toUpper();
    }
    return QChar();
}

QString Mnemonics::withLetter(const QString& text, QChar letter)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('&'), QStringLiteral("&&"));
    const QChar upper = letter.toUpper();
    qsizetype at = -1;
    for (qsizetype i = 0; i < escaped.size(); ++i) {
        if (escaped.at(i).toUpper() != upper)
            continue;
        const bool wordStart = i == 0 || !escaped.at(i - 1).isLetter();
        if (wordStart) {
            at = i;
            break;
        }
        if (at < 0)
            at = i;
    }
    if (at >= 0 && isLatin(escaped.at(at)))
        return escaped.left(at) + QLatin1Char('&') + escaped.mid(at);
    return escaped + QStringLiteral("(&") + upper + QLatin1Char(')');
}

QChar Mnemonics::pick(const QString& text, QSet<QChar>* taken)
{
    QList<QChar> candidates;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (isLatin(text.at(i)) && (i == 0 || !text.at(i - 1).isLetter()))
            candidates << text.at(i).toUpper();
    }
    for (QChar c : text) {
        if (isLatin(c))
            candidates << c.toUpper();
    }
    for (char c = 'A'; c <= 'Z'; ++c)
        candidates << QLatin1Char(c);
    for (QChar c : std::as_const(candidates)) {
        if (!taken->contains(c)) {
            taken->insert(c);
            return c;
        }
    }
    return QChar();
}

QSet<QChar> Mnemonics::usedAround(const QWidget* widget)
{
    QSet<QChar> used = menuBarLetters();
    const QWidget* window = widget->window();
    if (const auto* main = qobject_cast<const QMainWindow*>(window)) {
        for (const QAction* action : main->menuBar()->actions())
            used.insert(of(action->text()));
    }
    QList<const QWidget*> widgets {window};
    for (const QWidget* w : window->findChildren<QWidget*>())
        widgets << w;
    for (const QWidget* w : std::as_const(widgets)) {
        if (!onCurrentPage(w))
            continue;
        if (const auto* button = qobject_cast<const QAbstractButton*>(w))
            used.insert(of(button->text()));
        else if (const auto* label = qobject_cast<const QLabel*>(w); label && label->buddy())
            used.insert(of(label->text()));
        else if (const auto* box = qobject_cast<const QGroupBox*>(w))
            used.insert(of(box->title()));
        else if (const auto* bar = qobject_cast<const QTabBar*>(w)) {
            for (int i = 0; i < bar->count(); ++i)
                used.insert(of(bar->tabText(i)));
        }
    }
    used.remove(QChar());
    return used;
}

} // namespace bv::ui
