#include "core/policy/Masking.h"

#include <QStringList>

#include <algorithm>
#include <functional>

namespace bv {

namespace {

constexpr QChar kMaskChar = u'*';
constexpr int kHiddenFloor = MaskSettings::kHiddenFloor;

// A value split into code points: each element is one character, a surrogate pair stays together.
// A lone surrogate (invalid UTF-16) is kept as a character of its own, so nothing is dropped.
QStringList codePoints(const QString& value)
{
    QStringList result;
    result.reserve(value.size());
    for (qsizetype i = 0; i < value.size(); ++i) {
        if (value.at(i).isHighSurrogate() && i + 1 < value.size() && value.at(i + 1).isLowSurrogate()) {
            result.append(value.mid(i, 2));
            ++i;
        } else {
            result.append(QString(value.at(i)));
        }
    }
    return result;
}

char32_t ucs4(const QString& codePoint)
{
    if (codePoint.size() == 2)
        return QChar::surrogateToUcs4(codePoint.at(0), codePoint.at(1));
    return codePoint.at(0).unicode();
}

bool isSpace(const QString& codePoint)
{
    return QChar::isSpace(ucs4(codePoint));
}

QString stars(qsizetype count)
{
    return count > 0 ? QString(count, kMaskChar) : QString();
}

QString joined(const QStringList& chars, qsizetype from, qsizetype count)
{
    return chars.mid(from, count).join(QString());
}

// ---- names -------------------------------------------------------------------------------------

bool isWordSeparator(const QString& codePoint)
{
    const char32_t c = ucs4(codePoint);
    return QChar::isSpace(c) || c == U'\u00B7' || c == U'\u30FB' || c == U'\u2022'; // · ・ •
}

bool containsLatinLetter(const QStringList& chars)
{
    return std::any_of(chars.cbegin(), chars.cend(), [](const QString& c) {
        const char32_t u = ucs4(c);
        return QChar::isLetter(u) && QChar::script(u) == QChar::Script_Latin;
    });
}

QString maskLatinName(const QStringList& chars)
{
    QStringList initials;
    bool anyWordLongerThanInitial = false;
    QString initial;
    int lettersInWord = 0;
    const auto endWord = [&] {
        if (!initial.isEmpty())
            initials.append(initial);
        if (lettersInWord > 1)
            anyWordLongerThanInitial = true;
        initial.clear();
        lettersInWord = 0;
    };
    for (const QString& c : chars) {
        if (isWordSeparator(c)) {
            endWord();
            continue;
        }
        if (QChar::isLetterOrNumber(ucs4(c))) {
            if (initial.isEmpty())
                initial = c;
            ++lettersInWord;
        }
    }
    endWord();
    // A name made only of initials ("J S") would be shown whole: hide it completely.
    if (!anyWordLongerThanInitial)
        return QStringLiteral("***");
    return initials.join(QLatin1Char(' ')) + QStringLiteral("***");
}

QString maskName(const QString& value)
{
    const QStringList all = codePoints(value);
    if (containsLatinLetter(all))
        return maskLatinName(all);

    QStringList chars;
    for (const QString& c : all) {
        if (!isSpace(c))
            chars.append(c);
    }
    const qsizetype n = chars.size();
    if (n == 1)
        return stars(1);
    if (n == 2)
        return chars.first() + stars(1);
    return chars.first() + stars(n - 2) + chars.last();
}

// ---- ID numbers --------------------------------------------------------------------------------

int idKeep(MaskKind kind, const MaskSettings& settings)
{
    return kind == MaskKind::MainlandId
        ? std::clamp(settings.mainlandIdKeepStart, 0, MaskSettings::kMainlandIdMaxKeepStart)
        : std::clamp(settings.otherIdKeepStart, 0, MaskSettings::kOtherIdMaxKeepStart);
}

// Shows the first keepStart characters; the last 4 are always hidden.
QString maskId(const QString& value, int keepStart)
{
    QStringList chars;
    for (const QString& c : codePoints(value)) {
        if (!isSpace(c))
            chars.append(c);
    }
    const qsizetype n = chars.size();
    const qsizetype keep = std::clamp<qsizetype>(keepStart, 0, std::max<qsizetype>(0, n - kHiddenFloor));
    return joined(chars, 0, keep) + stars(n - keep);
}

// ---- phone and account numbers -----------------------------------------------------------------

// Letters and digits are the characters of a number; spaces and punctuation between them (and a
// leading '+') are separators, kept in place and not counted.
bool isNumberCharacter(const QString& codePoint)
{
    return QChar::isLetterOrNumber(ucs4(codePoint));
}

// The widest start and end that still hide the middle 4 of n characters. For 11 characters the
// middle 4 are the 4th to 7th (138****5678); for 16 the 7th to 10th (622202******1234).
struct Window
{
    qsizetype maxStart = 0;
    qsizetype maxEnd = 0;
};

Window middleWindow(qsizetype n)
{
    if (n <= kHiddenFloor)
        return {};
    const qsizetype maxStart = (n - kHiddenFloor) / 2;
    return {maxStart, n - kHiddenFloor - maxStart};
}

QString maskNumberCharacters(const QStringList& chars, qsizetype n, qsizetype keepStart, qsizetype keepEnd)
{
    QString result;
    qsizetype index = 0;
    for (const QString& c : chars) {
        if (!isNumberCharacter(c)) {
            result += c;
            continue;
        }
        result += (index < keepStart || index >= n - keepEnd) ? c : QString(kMaskChar);
        ++index;
    }
    return result;
}

qsizetype countNumberCharacters(const QStringList& chars)
{
    return std::count_if(chars.cbegin(), chars.cend(), isNumberCharacter);
}

// The shown start and end of a phone number of n number characters.
Window phoneShown(qsizetype n, const MaskSettings& settings)
{
    const Window window = middleWindow(n);
    qsizetype start = std::clamp(settings.phoneKeepStart, 0, MaskSettings::kPhoneMaxKeepStart);
    qsizetype end = std::clamp(settings.phoneKeepEnd, 0, MaskSettings::kPhoneMaxKeepEnd);
    if (start > window.maxStart || end > window.maxEnd) {
        // Too short for the configured widths: first 2 and last 2, or fewer.
        start = std::min<qsizetype>(start, 2);
        end = std::min<qsizetype>(end, 2);
    }
    return {std::min(start, window.maxStart), std::min(end, window.maxEnd)};
}

// The shown start and end of an account number of n number characters.
Window accountShown(qsizetype n, const MaskSettings& settings)
{
    const Window window = middleWindow(n);
    const int configuredStart = std::clamp(settings.accountKeepStart, 0, MaskSettings::kAccountMaxKeepStart);
    const int configuredEnd = std::clamp(settings.accountKeepEnd, 0, MaskSettings::kAccountMaxKeepEnd);
    return {std::min<qsizetype>(configuredStart, window.maxStart), std::min<qsizetype>(configuredEnd, window.maxEnd)};
}

QString maskPhone(const QString& value, const MaskSettings& settings)
{
    const QStringList chars = codePoints(value);
    const qsizetype n = countNumberCharacters(chars);
    const Window shown = phoneShown(n, settings);
    return maskNumberCharacters(chars, n, shown.maxStart, shown.maxEnd);
}

QString maskAccount(const QString& value, const MaskSettings& settings)
{
    const QStringList chars = codePoints(value);
    const qsizetype n = countNumberCharacters(chars);
    const Window shown = accountShown(n, settings);
    return maskNumberCharacters(chars, n, shown.maxStart, shown.maxEnd);
}

// ---- e-mail and address ------------------------------------------------------------------------

int emailKeep(const MaskSettings& settings)
{
    return std::clamp(settings.emailLocalKeep, 0, MaskSettings::kEmailMaxLocalKeep);
}

int addressKeep(const MaskSettings& settings)
{
    return std::clamp(settings.addressKeepStart, 0, MaskSettings::kAddressMaxKeepStart);
}

QString maskEmail(const QString& value, const MaskSettings& settings)
{
    const qsizetype at = value.lastIndexOf(QLatin1Char('@'));
    if (at < 0 || at == value.size() - 1)
        return QStringLiteral("***");
    const QStringList local = codePoints(value.left(at));
    const qsizetype keep = std::min<qsizetype>(emailKeep(settings), local.size() / 2);
    return joined(local, 0, keep) + QStringLiteral("***") + value.mid(at);
}

QString maskAddress(const QString& value, const MaskSettings& settings)
{
    const QStringList chars = codePoints(value);
    const qsizetype n = chars.size();
    const qsizetype configured = addressKeep(settings);
    const qsizetype keep = n > configured ? configured : n / 2;
    return joined(chars, 0, keep) + QStringLiteral("****");
}

// ---- tightening a stored masked form ------------------------------------------------------------

// Keeps a shown character only where `shown(index)` says the new settings show it; every other
// character of the number becomes '*'. *exact turns false when the new settings would show a
// character the masked form no longer holds.
template <typename Shown>
QString hidePositions(
    const QStringList& chars, const std::function<bool(const QString&)>& counted, Shown shown, bool* exact)
{
    QString result;
    qsizetype index = 0;
    for (const QString& c : chars) {
        if (!counted(c)) {
            result += c;
            continue;
        }
        const bool hidden = c == QString(kMaskChar);
        if (shown(index)) {
            result += c;
            if (hidden)
                *exact = false;
        } else {
            result += kMaskChar;
        }
        ++index;
    }
    return result;
}

QString tightenId(const QString& masked, int keepStart, bool* exact)
{
    QStringList chars;
    for (const QString& c : codePoints(masked)) {
        if (!isSpace(c))
            chars.append(c);
    }
    const qsizetype n = chars.size();
    const qsizetype keep = std::clamp<qsizetype>(keepStart, 0, std::max<qsizetype>(0, n - kHiddenFloor));
    return hidePositions(
        chars, [](const QString&) { return true; }, [keep](qsizetype i) { return i < keep; }, exact);
}

QString tightenNumber(const QString& masked, const MaskSettings& settings, bool phone, bool* exact)
{
    const QStringList chars = codePoints(masked);
    // In a masked form a '*' stands for a character of the number.
    const auto counted = [](const QString& c) { return c == QString(kMaskChar) || isNumberCharacter(c); };
    const qsizetype n = std::count_if(chars.cbegin(), chars.cend(), counted);
    const Window shown = phone ? phoneShown(n, settings) : accountShown(n, settings);
    return hidePositions(
        chars, counted, [&](qsizetype i) { return i < shown.maxStart || i >= n - shown.maxEnd; }, exact);
}

// "<shown>***@domain": the shown part is cut to the new width.
QString tightenEmail(const QString& masked, const MaskSettings& settings, bool* exact)
{
    const qsizetype at = masked.lastIndexOf(QLatin1Char('@'));
    if (at < 0)
        return QStringLiteral("***");
    QString local = masked.left(at);
    if (local.endsWith(QStringLiteral("***")))
        local.chop(3);
    const QStringList shown = codePoints(local);
    const qsizetype keep = emailKeep(settings);
    if (shown.size() < keep)
        *exact = false;
    return joined(shown, 0, std::min(keep, shown.size())) + QStringLiteral("***") + masked.mid(at);
}

// "<shown>****": the shown part is cut to the new width.
QString tightenAddress(const QString& masked, const MaskSettings& settings, bool* exact)
{
    QString start = masked;
    if (start.endsWith(QStringLiteral("****")))
        start.chop(4);
    const QStringList shown = codePoints(start);
    const qsizetype keep = addressKeep(settings);
    if (shown.size() < keep)
        *exact = false; // a short address keeps half of itself: only the value can tell
    return joined(shown, 0, std::min(keep, shown.size())) + QStringLiteral("****");
}

} // namespace

QString Masking::tighten(MaskKind kind, const QString& masked, const MaskSettings& settings, bool* exact)
{
    bool ignored = true;
    bool* isExact = exact ? exact : &ignored;
    *isExact = true;
    if (masked.isEmpty())
        return masked;
    switch (kind) {
    case MaskKind::Name:
    case MaskKind::BirthDate:
        return masked; // fixed masks, no width
    case MaskKind::MainlandId:
    case MaskKind::OtherId:
        return tightenId(masked, idKeep(kind, settings), isExact);
    case MaskKind::Phone:
        return tightenNumber(masked, settings, true, isExact);
    case MaskKind::Account:
        return tightenNumber(masked, settings, false, isExact);
    case MaskKind::Email:
        return tightenEmail(masked, settings, isExact);
    case MaskKind::Address:
        return tightenAddress(masked, settings, isExact);
    }
    *isExact = false;
    return QStringLiteral("***");
}

QString Masking::mask(MaskKind kind, const QString& value, const MaskSettings& settings)
{
    const QString trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return QString();

    switch (kind) {
    case MaskKind::Name:
        return maskName(trimmed);
    case MaskKind::MainlandId:
    case MaskKind::OtherId:
        return maskId(trimmed, idKeep(kind, settings));
    case MaskKind::Phone:
        return maskPhone(trimmed, settings);
    case MaskKind::Account:
        return maskAccount(trimmed, settings);
    case MaskKind::Email:
        return maskEmail(trimmed, settings);
    case MaskKind::Address:
        return maskAddress(trimmed, settings);
    case MaskKind::BirthDate:
        return QStringLiteral("****-**-**");
    }
    // An unknown kind shows nothing of the value.
    return QStringLiteral("***");
}

} // namespace bv
