#include "core/customers/rules/Validators.h"

#include "core/internal/customers/ValidatorText.h"

#include <QRegularExpression>

#include <algorithm>

// Validators, the phone numbers: mobile (mainland), landline (with its area code) and the "other phone" that may be
// either or an international number. The rest of Validators is in Validators.cpp.

namespace bv {

using namespace validation;

namespace {

// --- phones ---

enum class MobileProblem
{
    None,
    Characters,
    Length,
    Prefix,
};

MobileProblem parseMobile(const QString& input, QString* normalized, qsizetype* length)
{
    QString s = withoutSeparators(folded(input), u"-()");
    if (s.startsWith(u"+86"))
        s.remove(0, 3);
    else if (s.startsWith(u"0086"))
        s.remove(0, 4);
    else if (s.size() == 13 && s.startsWith(u"86"))
        s.remove(0, 2);
    if (!allAsciiDigits(s))
        return MobileProblem::Characters;
    *length = s.size();
    if (s.size() != 11)
        return MobileProblem::Length;
    if (s.at(0) != u'1' || s.at(1) < u'3')
        return MobileProblem::Prefix;
    *normalized = s;
    return MobileProblem::None;
}

enum class LandlineProblem
{
    None,
    Characters,
    NoAreaCode,
    AreaCode,
    LocalNumber,
    Extension,
};

// Mainland numbering plan: 010 (Beijing) and 020-029 have three digits, every other area code four (03xx-09xx).
int areaCodeLength(QStringView digits)
{
    if (digits.size() < 3 || digits.at(0) != u'0')
        return 0;
    if (digits.startsWith(u"010") || digits.at(1) == u'2')
        return 3;
    if (digits.at(1) >= u'3' && digits.at(1) <= u'9' && digits.size() >= 4)
        return 4;
    return 0;
}

LandlineProblem parseLandline(const QString& input, QString* normalized)
{
    QString s = folded(input).trimmed();

    // An extension marked by a word: "转123", "分机 123", "ext. 123", "x123", "#123".
    static const QRegularExpression extensionWord(
        QStringLiteral("(?:转|分机|ext\\.?|x|#)\\s*(\\d+)\\s*$"), QRegularExpression::CaseInsensitiveOption);
    QString extension;
    const QRegularExpressionMatch match = extensionWord.match(s);
    if (match.hasMatch()) {
        extension = match.captured(1);
        s.truncate(match.capturedStart());
        s = s.trimmed();
        if (s.endsWith(u'-'))
            s.chop(1);
    }

    // +86 / 0086 in front: the area code is then written without its leading 0.
    bool international = false;
    if (s.startsWith(u"+86")) {
        s.remove(0, 3);
        international = true;
    } else if (s.startsWith(u"0086")) {
        s.remove(0, 4);
        international = true;
    }

    QStringList groups;
    QString current;
    for (const QChar c : std::as_const(s)) {
        if (isAsciiDigit(c)) {
            current.append(c);
        } else if (c.isSpace() || c == u'-' || c == u'(' || c == u')' || c == u'/') {
            if (!current.isEmpty())
                groups.append(std::exchange(current, QString()));
        } else {
            return LandlineProblem::Characters;
        }
    }
    if (!current.isEmpty())
        groups.append(current);
    if (groups.isEmpty())
        return LandlineProblem::Characters;
    if (international && !groups.first().startsWith(u'0'))
        groups.first().prepend(u'0');

    QString first = groups.takeFirst();
    if (!first.startsWith(u'0'))
        return LandlineProblem::NoAreaCode;
    QString area;
    QString local;
    if (first.size() <= 4) {
        if (areaCodeLength(first) != first.size())
            return LandlineProblem::AreaCode;
        area = first;
        // The local number may be written in groups ("8765 4321"); what follows it is the extension.
        while (!groups.isEmpty() && local.size() + groups.first().size() <= 8)
            local += groups.takeFirst();
    } else {
        const int length = areaCodeLength(first);
        if (length == 0)
            return LandlineProblem::AreaCode;
        area = first.left(length);
        local = first.mid(length);
    }
    if (local.size() < 7 || local.size() > 8 || local.at(0) == u'0' || local.at(0) == u'1')
        return LandlineProblem::LocalNumber;
    if (!groups.isEmpty()) {
        if (groups.size() > 1 || !extension.isEmpty())
            return LandlineProblem::Extension;
        extension = groups.takeFirst();
    }
    if (extension.size() > 6)
        return LandlineProblem::Extension;

    *normalized = area + u'-' + local;
    if (!extension.isEmpty())
        *normalized += u'-' + extension;
    return LandlineProblem::None;
}

Error landlineError(LandlineProblem problem)
{
    QString message;
    switch (problem) {
    case LandlineProblem::None:
    case LandlineProblem::Characters:
        message = Validators::tr("The landline number can contain only digits, spaces, dashes and parentheses, with "
                                 "an optional extension (for example 010-62345678-123).");
        break;
    case LandlineProblem::NoAreaCode:
        message = Validators::tr("The landline number needs its area code in front (for example 010 or 0755).");
        break;
    case LandlineProblem::AreaCode:
        message = Validators::tr("The landline number's area code is not valid: it should be 010, 020 to 029, or four "
                                 "digits starting with 03 to 09. Check the number with the customer.");
        break;
    case LandlineProblem::LocalNumber:
        message = Validators::tr("The landline number after the area code should have 7 or 8 digits and not start "
                                 "with 0 or 1. Check the number with the customer.");
        break;
    case LandlineProblem::Extension:
        message = Validators::tr("The landline extension should be 1 to 6 digits after the number (for example "
                                 "010-62345678-123).");
        break;
    }
    return fieldError(CustomerField::kOtherPhone, message);
}

// An international number of another country: + or 00, then 8 to 15 digits in all (ITU-T E.164).
bool parseInternational(const QString& input, QString* normalized)
{
    QString s = withoutSeparators(folded(input), u"-().");
    if (s.startsWith(u'+'))
        s.remove(0, 1);
    else if (s.startsWith(u"00"))
        s.remove(0, 2);
    else
        return false;
    if (!allAsciiDigits(s) || s.size() < 8 || s.size() > 15 || s.startsWith(u'0') || s.startsWith(u"86"))
        return false;
    *normalized = u'+' + s;
    return true;
}

} // namespace

Result<QString> Validators::mobile(const QString& input)
{
    if (input.trimmed().isEmpty())
        return QString();
    QString normalized;
    qsizetype length = 0;
    switch (parseMobile(input, &normalized, &length)) {
    case MobileProblem::None:
        return normalized;
    case MobileProblem::Characters:
        return fieldError(CustomerField::kMobile,
            tr("The mobile number can contain only digits, spaces and dashes, "
               "with an optional +86 in front."));
    case MobileProblem::Length:
        return fieldError(CustomerField::kMobile,
            tr("The mobile number should have 11 digits, not %1. Check the "
               "number with the customer.")
                .arg(length));
    case MobileProblem::Prefix:
        break;
    }
    return fieldError(
        CustomerField::kMobile, tr("A mobile number starts with 13 to 19. Check the number with the customer."));
}

Result<QString> Validators::landline(const QString& input)
{
    if (input.trimmed().isEmpty())
        return QString();
    QString normalized;
    const LandlineProblem problem = parseLandline(input, &normalized);
    if (problem == LandlineProblem::None)
        return normalized;
    return landlineError(problem);
}

Result<QString> Validators::otherPhone(const QString& input)
{
    if (input.trimmed().isEmpty())
        return QString();
    QString normalized;
    qsizetype length = 0;
    if (parseMobile(input, &normalized, &length) == MobileProblem::None)
        return normalized;
    const LandlineProblem landlineProblem = parseLandline(input, &normalized);
    if (landlineProblem == LandlineProblem::None)
        return normalized;
    if (parseInternational(input, &normalized))
        return normalized;

    // Written like a landline (a leading 0 but not 00): say what is wrong with it.
    const QString compact = withoutSeparators(folded(input), u"-()");
    if (compact.startsWith(u'0') && !compact.startsWith(u"00"))
        return landlineError(landlineProblem);
    return fieldError(CustomerField::kOtherPhone,
        tr("The other phone number should be a mobile number (11 digits starting with 13 to 19), a "
           "landline number with its area code (for example 010-62345678), or an international number "
           "starting with + and the country code. Check the number with the customer."));
}

} // namespace bv
