#pragma once

#include "core/policy/MaskSettings.h"

#include <QString>

namespace bv {

// The kinds of grade-1 values that are shown masked (DESIGN §4).
enum class MaskKind
{
    Name,
    MainlandId, // resident identity card, 18 characters (15 for the legacy card)
    OtherId, // passports, Hong Kong / Macau / Taiwan permits, foreign permanent residence IDs ...
    Phone, // mobile and landline
    Account, // bank account and card numbers
    Email,
    Address,
    BirthDate,
};

// Masks grade-1 values for display. Every length counts Unicode code points, so a character
// outside the BMP (CJK Extension B ...) is one character and is never cut in half. The value is
// trimmed first; an empty or whitespace-only value gives an empty string. Each hidden character
// becomes one '*' unless stated otherwise. The regulatory floors are enforced here for every
// length, whatever the settings say: a width outside 0 ... its maximum (MaskSettings::k*Max*) is used
// as if clamped into that range, and the floors are then applied to the actual length of the value.
//
//  Name        1 char: "*"; 2: first + "*"; 3+: first + "*" per hidden char + last (张三 → 张*,
//              欧阳娜娜 → 欧**娜); whitespace inside a non-Latin name is dropped first.
//              A name containing a Latin letter: the initial of each word, separated by one space,
//              then "***" (John Smith → "J S***", O'Neil → "O***"); words split at whitespace and
//              middle dots. A name made only of initials ("J S") gives "***".
//  MainlandId  first mainlandIdKeepStart (at most 6: the birth date follows) shown
//              (110105************); whitespace is dropped.
//  OtherId     first otherIdKeepStart shown (E1*******); whitespace is dropped.
//              For both ID kinds the last 4 characters are always hidden (a value of 4 or fewer
//              characters is hidden completely).
//  Phone       only letters and digits are masked or counted; separators (spaces, '-', '(', ')',
//              '+', '.', '/' and other punctuation) stay where they are (010-****5678). First
//              phoneKeepStart and last phoneKeepEnd shown when the middle 4 digits stay hidden
//              (138****5678); otherwise first 2 and last 2 (12****78), and fewer still when even
//              that would show a middle digit. 4 or fewer digits: all hidden.
//  Account     like Phone for separators; first accountKeepStart and last accountKeepEnd shown
//              (622202******1234), each reduced as far as needed to keep the middle 4 digits
//              hidden (so at least 4, and at least half of a value of 8 or fewer, stay hidden).
//  Email       first emailLocalKeep (at most 1) characters of the local part (at most half of it) + "***@" +
//              domain (z***@example.cn, a@example.cn → ***@example.cn); no '@' or nothing after
//              the last '@': "***".
//  Address     first addressKeepStart (at most 6) characters + "****" (北京市朝阳区****); a value of
//              addressKeepStart or fewer characters keeps half of them (rounded down) + "****".
//  BirthDate   always "****-**-**".
class Masking
{
public:
    static QString mask(MaskKind kind, const QString& value, const MaskSettings& settings = MaskSettings());

    // Re-masks a stored masked form (made by mask() under wider or equal settings) for narrower
    // settings without the value: every character the new settings hide becomes '*', nothing hidden is
    // shown again. Names and birth dates are returned as they are (their masks have no width).
    // *exact (optional) turns false when the new settings would show a character the masked form no
    // longer holds (a short address, a form made under narrower settings): only a re-mask from the
    // value itself gives the exact form then.
    static QString tighten(MaskKind kind, const QString& masked, const MaskSettings& settings, bool* exact = nullptr);
};

} // namespace bv
