#pragma once

#include "core/common/Error.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace bv {

// What looks like protected data inside free text (service notes, complaint text, request and lookup
// purposes): DESIGN §4 "free-text fields warn when something looks like one".
enum class FreeTextFindingKind
{
    MainlandId, // a run of 18 characters (17 digits + digit or X) or 15 digits: an ID or residence permit number
    Mobile, // 11 digits 1[3-9]..., also written 138 1234 5678 or 138-1234-5678
    Card, // 13-19 digits with a valid Luhn check digit, also in groups of 4
    Secret, // the value after a password / PIN / CVV word ("密码123456", "CVV 123")
};

struct FreeTextFinding
{
    FreeTextFindingKind kind = FreeTextFindingKind::MainlandId;
    qsizetype start = 0; // in QString (UTF-16) units, for replacing
    qsizetype length = 0; // in QString (UTF-16) units
    qsizetype position = 0; // 1-based character (code point) position, for messages
    QString masked; // what FreeText::maskFindings puts in its place
};

// Checks and masks free text. Pure functions: no database, no settings (the default mask widths apply).
class FreeText
{
    Q_DECLARE_TR_FUNCTIONS(FreeText)
public:
    // Every finding, in text order, none overlapping. Digits may be ASCII or full-width; a run only counts when
    // no digit stands right before or after it (an ID number inside a longer number is not one).
    static QList<FreeTextFinding> check(const QString& text);

    // The text with every finding replaced by its masked form (138****5678, 110105************,
    // 622202******1234, a secret by one '*' per character). What the form's "Mask them" choice saves.
    static QString maskFindings(const QString& text);

    // For audit details: findings masked, then every remaining run of 6 or more digits cut to its first two,
    // e-mail addresses hidden, each of `hide` (for example the customer name typed for a lookup) replaced by
    // its masked form wherever it occurs, and the result cut to 200 characters. Never holds a grade-1 value
    // in full.
    static QString forAudit(const QString& text, const QStringList& hide = {});

    // "mobile number", "ID number", ... (translated)
    static QString kindLabel(FreeTextFindingKind kind);

    // The refusal for free text that still holds findings: InvalidInput for `field`, naming what was found
    // where (never the value) and the way out (mask them, or remove them).
    static Error refusal(const QList<FreeTextFinding>& findings, const QString& field, const QString& fieldLabel);
};

} // namespace bv
