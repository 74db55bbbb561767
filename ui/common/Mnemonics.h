#pragma once

#include <QChar>
#include <QSet>
#include <QString>

class QWidget;

namespace bv::ui {

// Mnemonics (Alt+letter) for labels made from data: a field's name from the field catalogue, a report
// parameter's name. A mnemonic is always a Latin letter: in a label that has the letter (English) the
// '&' goes before it, in any other label (Chinese) "(&X)" is appended — `姓名(&N)`, never `&姓名`.
class Mnemonics
{
public:
    // The letters of the main window's menu titles (Session, Language, Help): no page uses them.
    static QSet<QChar> menuBarLetters() { return {QLatin1Char('I'), QLatin1Char('G'), QLatin1Char('H')}; }

    // `text` with its mnemonic on `letter` (A–Z): before the first occurrence at the start of a word, else
    // before the first occurrence, else appended as "(&X)". Any '&' already in `text` is doubled.
    static QString withLetter(const QString& text, QChar letter);

    // A letter for `text` that is not in `taken` — the text's own letters first (word starts, then the
    // others), then A–Z — added to `taken`; a null QChar when every letter is taken.
    static QChar pick(const QString& text, QSet<QChar>* taken);

    // The mnemonic letters (upper case) shown together with `widget`: its window's menu bar titles and the
    // buttons, buddy labels, group boxes and tabs that are not on another page of a stacked widget.
    static QSet<QChar> usedAround(const QWidget* widget);

    // The letter after a single '&' in `text` (upper case), or a null QChar.
    static QChar of(const QString& text);
};

} // namespace bv::ui
