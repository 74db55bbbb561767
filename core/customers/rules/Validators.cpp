#include "core/customers/rules/Validators.h"

#include "core/internal/customers/ValidatorText.h"

#include <QList>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>
#include <utility>

// The phone numbers (mobile, landline, other phone) are checked in PhoneValidators.cpp; the text helpers both files
// use are defined here (core/internal/customers/ValidatorText.h).

namespace bv {

namespace validation {

Error fieldError(QLatin1StringView field, const QString& message)
{
    return makeError(ErrorCode::InvalidInput, message, QString(), QString(field));
}

QString folded(const QString& input)
{
    return input.normalized(QString::NormalizationForm_KC);
}

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool allAsciiDigits(QStringView s)
{
    return !s.isEmpty() && std::all_of(s.begin(), s.end(), isAsciiDigit);
}

QString withoutSeparators(const QString& input, QStringView separators)
{
    QString out;
    out.reserve(input.size());
    for (const QChar c : input) {
        if (c.isSpace() || separators.contains(c))
            continue;
        out.append(c);
    }
    return out;
}

} // namespace validation

using namespace validation;

namespace {

constexpr int kNameMaxLength = 50;
constexpr int kAddressMaxLength = 200;
constexpr int kEmailMaxLength = 254;
constexpr int kEmailLocalMaxLength = 64;
constexpr int kDomainLabelMaxLength = 63;
constexpr char16_t kMiddleDot = u'\u00B7';

bool isControlOrInvisible(char32_t ucs4)
{
    switch (QChar::category(ucs4)) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
    case QChar::Other_PrivateUse:
    case QChar::Other_NotAssigned:
        return true;
    default:
        return false;
    }
}

// --- names ---

bool isHan(char32_t c)
{
    return QChar::script(c) == QChar::Script_Han;
}

bool isMiddleDotLookAlike(char32_t c)
{
    return c == U'\u2022' || c == U'\u2027' || c == U'\u2219' || c == U'\u30FB' || c == U'\uFF65';
}

bool isNamePunctuation(char32_t c)
{
    return c == U' ' || c == U'-' || c == U'\'' || c == U'\u2019' || c == U'.' || c == kMiddleDot;
}

bool isLetterOrMark(char32_t c)
{
    return QChar::isLetter(c) || QChar::isMark(c);
}

// Whitespace folded and dropped where it cannot belong (between Chinese characters, around the middle dot);
// middle-dot look-alikes, and a period between Chinese characters, become the middle dot.
QList<char32_t> canonicalNameCodePoints(const QString& input)
{
    const QList<uint> raw = folded(input).simplified().toUcs4();
    QList<char32_t> in;
    in.reserve(raw.size());
    for (const uint c : raw)
        in.append(isMiddleDotLookAlike(c) ? char32_t(kMiddleDot) : char32_t(c));

    QList<char32_t> out;
    out.reserve(in.size());
    for (qsizetype i = 0; i < in.size(); ++i) {
        const char32_t c = in.at(i);
        const char32_t next = i + 1 < in.size() ? in.at(i + 1) : 0;
        const char32_t previous = out.isEmpty() ? 0 : out.last();
        if (c == U' ') {
            if (previous == kMiddleDot || next == kMiddleDot || (isHan(previous) && isHan(next)))
                continue;
        }
        if (c == U'.' && isHan(previous) && isHan(next)) {
            out.append(kMiddleDot);
            continue;
        }
        out.append(c);
    }
    return out;
}

// --- secrets ---

const QString& passwordWords()
{
    static const QString words = QStringLiteral(
        "(?:密码|口令|验证码|动态码|(?<![A-Za-z])(?:pin|password|passwd|pwd|passcode)(?![A-Za-z])码?)");
    return words;
}

const QString& cardSecurityWords()
{
    static const QString words = QStringLiteral("(?:安全码|(?<![A-Za-z])(?:cvv2?|cvc2?|cvn2?)(?![A-Za-z])码?)");
    return words;
}

// What may stand between the word and the value: "密码：", "密码是", "PIN=", "password is".
const QString& secretSeparator()
{
    static const QString separator = QStringLiteral("\\s*(?:(?:是|为|:|=|is(?![A-Za-z]))\\s*)?");
    return separator;
}

} // namespace

bool Validators::luhnValid(const QString& digits)
{
    if (!allAsciiDigits(digits))
        return false;
    int sum = 0;
    bool doubled = false;
    for (qsizetype i = digits.size() - 1; i >= 0; --i) {
        int d = digits.at(i).unicode() - u'0';
        if (doubled) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
        doubled = !doubled;
    }
    return sum % 10 == 0;
}

Result<QString> Validators::accountNumber(const QString& input, AccountKind kind)
{
    const QString digits = withoutSeparators(folded(input), u"-");
    if (digits.isEmpty())
        return QString();
    const bool card = kind == AccountKind::Card;
    if (!allAsciiDigits(digits)) {
        return fieldError(CustomerField::kAccountNumber,
            card ? tr("The card number can contain only digits (spaces and dashes are ignored).")
                 : tr("The account number can contain only digits (spaces and dashes are ignored)."));
    }
    if (card) {
        if (digits.size() < 13 || digits.size() > 19) {
            return fieldError(CustomerField::kAccountNumber,
                tr("The card number should have 13 to 19 digits, not %1. Check the number on the card.")
                    .arg(digits.size()));
        }
        if (!luhnValid(digits)) {
            return fieldError(CustomerField::kAccountNumber,
                tr("The card number's check digit does not match: a digit is probably mistyped or two "
                   "digits are swapped. Compare the number with the card."));
        }
        return digits;
    }
    if (digits.size() < 12 || digits.size() > 19) {
        return fieldError(CustomerField::kAccountNumber,
            tr("The account number should have 12 to 19 digits, not %1. Check the number on the "
               "passbook or account agreement.")
                .arg(digits.size()));
    }
    return digits;
}

Result<QString> Validators::email(const QString& input)
{
    const QString address = folded(input).trimmed();
    if (address.isEmpty())
        return QString();
    const auto emailError = [](const QString& message) { return fieldError(CustomerField::kEmail, message); };

    if (std::any_of(address.cbegin(), address.cend(), [](QChar c) { return c.isSpace(); }))
        return emailError(tr("The e-mail address cannot contain spaces."));
    if (address.count(u'@') != 1)
        return emailError(tr("The e-mail address should contain exactly one @."));
    if (address.size() > kEmailMaxLength)
        return emailError(tr("The e-mail address can have at most %1 characters.").arg(kEmailMaxLength));
    if (std::any_of(address.cbegin(), address.cend(), [](QChar c) { return c.unicode() > 0x7e || c.unicode() < 0x21; }))
        return emailError(tr("The e-mail address can contain only Latin letters, digits and punctuation; addresses "
                             "with Chinese characters are not accepted."));

    const qsizetype at = address.indexOf(u'@');
    const QString local = address.left(at);
    const QString domain = address.mid(at + 1).toLower();

    static const QRegularExpression localPart(
        QStringLiteral("^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$"));
    if (local.isEmpty())
        return emailError(tr("The e-mail address needs a name before the @."));
    if (local.size() > kEmailLocalMaxLength)
        return emailError(tr("The part of the e-mail address before the @ can have at most %1 characters.")
                              .arg(kEmailLocalMaxLength));
    if (!localPart.match(local).hasMatch())
        return emailError(tr("The part of the e-mail address before the @ contains a character that is not allowed, "
                             "or a dot at its start, at its end or twice in a row."));

    const QStringList labels = domain.split(u'.');
    if (domain.isEmpty() || labels.size() < 2)
        return emailError(tr("The e-mail address needs a domain with a dot after the @ (for example example.com)."));
    static const QRegularExpression label(QStringLiteral("^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$"));
    for (const QString& part : labels) {
        if (part.isEmpty() || part.size() > kDomainLabelMaxLength || !label.match(part).hasMatch())
            return emailError(tr("The domain of the e-mail address (after the @) is not valid: each part between "
                                 "dots needs 1 to 63 letters, digits or inner hyphens."));
    }
    if (allAsciiDigits(labels.last()))
        return emailError(tr("The domain of the e-mail address (after the @) should end with a name such as .com or "
                             ".cn."));
    return QString(local + u'@' + domain);
}

Result<QString> Validators::name(const QString& input)
{
    const QList<char32_t> name = canonicalNameCodePoints(input);
    if (name.isEmpty())
        return fieldError(CustomerField::kName, tr("Enter the customer's name."));
    if (name.size() > kNameMaxLength) {
        return fieldError(CustomerField::kName,
            tr("The name can have at most %1 characters, not %2.").arg(kNameMaxLength).arg(name.size()));
    }
    bool hasLetter = false;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const char32_t c = name.at(i);
        const qsizetype position = i + 1;
        if (QChar::category(c) == QChar::Number_DecimalDigit) {
            return fieldError(CustomerField::kName,
                tr("The name cannot contain digits (character %1). Enter the name as on the ID "
                   "document.")
                    .arg(position));
        }
        if (isControlOrInvisible(c)) {
            return fieldError(CustomerField::kName,
                tr("The name contains a control or invisible character "
                   "(character %1). Retype the name.")
                    .arg(position));
        }
        if (QChar::isLetter(c))
            hasLetter = true;
        if (!isLetterOrMark(c) && !isNamePunctuation(c)) {
            return fieldError(CustomerField::kName,
                tr("The name can contain only letters, spaces, hyphens, apostrophes, periods and the "
                   "middle dot (·); character %1 is not allowed.")
                    .arg(position));
        }
    }
    if (!hasLetter)
        return fieldError(CustomerField::kName, tr("The name should contain at least one letter."));
    const auto dotOrHyphen = [](char32_t c) { return c == kMiddleDot || c == U'-'; };
    if (dotOrHyphen(name.first()) || dotOrHyphen(name.last()))
        return fieldError(CustomerField::kName, tr("The name cannot start or end with a middle dot or a hyphen."));
    return QString::fromUcs4(name.constData(), name.size());
}

Result<QString> Validators::address(const QString& input)
{
    const QString address = input.simplified();
    const QList<uint> codePoints = address.toUcs4();
    if (codePoints.size() > kAddressMaxLength) {
        return fieldError(CustomerField::kAddress,
            tr("The address can have at most %1 characters, not %2.").arg(kAddressMaxLength).arg(codePoints.size()));
    }
    for (qsizetype i = 0; i < codePoints.size(); ++i) {
        if (isControlOrInvisible(codePoints.at(i))) {
            return fieldError(CustomerField::kAddress,
                tr("The address contains a control or invisible character "
                   "(character %1). Retype the address.")
                    .arg(i + 1));
        }
    }
    return address;
}

Result<QChar> Validators::sex(const QString& input)
{
    const QString s = folded(input).trimmed().toLower();
    if (s.isEmpty())
        return QChar();
    if (s == u"m" || s == u"male" || s == u"男")
        return QChar(u'M');
    if (s == u"f" || s == u"female" || s == u"女")
        return QChar(u'F');
    return fieldError(CustomerField::kSex, tr("The sex should be male or female (M or F, 男 or 女)."));
}

Result<QDate> Validators::birthDate(const QDate& date, const QDate& today, const QDate& fromIdNumber)
{
    if (!date.isValid())
        return fromIdNumber;
    if (date < QDate(1900, 1, 1))
        return fieldError(
            CustomerField::kBirthDate, tr("The birth date is before 1900. Check the date on the ID document."));
    if (date > today)
        return fieldError(
            CustomerField::kBirthDate, tr("The birth date is in the future. Check the date on the ID document."));
    if (fromIdNumber.isValid() && date != fromIdNumber) {
        return fieldError(CustomerField::kBirthDate,
            tr("The birth date does not match the one in the ID number. Correct the birth date, or "
               "check the ID number against the document."));
    }
    return date;
}

Status Validators::mobileOrAddress(const QString& mobile, const QString& address)
{
    if (mobile.trimmed().isEmpty() && address.trimmed().isEmpty()) {
        return fieldError(CustomerField::kMobile,
            tr("Enter a mobile number or an address: the customer needs at least one of them."));
    }
    return Status();
}

bool Validators::looksLikeSecret(const QString& freeText)
{
    static const QRegularExpression::PatternOptions options
        = QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption;
    // A password word, then a password-like value (4+ ASCII characters, at least one digit).
    static const QRegularExpression passwordValue(passwordWords() + secretSeparator()
            + QStringLiteral("(?=[A-Za-z0-9!@#$%^&*._+-]*\\d)[A-Za-z0-9!@#$%^&*._+-]{4,}"),
        options);
    // A card-security word, then 3 or 4 digits.
    static const QRegularExpression cardSecurityValue(
        cardSecurityWords() + secretSeparator() + QStringLiteral("(?<!\\d)\\d{3,4}(?!\\d)"), options);
    // A standalone 6-digit number near a password word, or a standalone 3-digit number near a card-security word.
    static const QString sixDigits = QStringLiteral("(?<!\\d)\\d{6}(?!\\d)");
    static const QString threeDigits = QStringLiteral("(?<!\\d)\\d{3}(?!\\d)");
    static const QRegularExpression pinNearby(passwordWords() + QStringLiteral(".{0,12}?") + sixDigits + u'|'
            + sixDigits + QStringLiteral(".{0,12}?") + passwordWords(),
        options);
    static const QRegularExpression cvvNearby(cardSecurityWords() + QStringLiteral(".{0,12}?") + threeDigits + u'|'
            + threeDigits + QStringLiteral(".{0,12}?") + cardSecurityWords(),
        options);

    const QString text = folded(freeText);
    return passwordValue.match(text).hasMatch() || cardSecurityValue.match(text).hasMatch()
        || pinNearby.match(text).hasMatch() || cvvNearby.match(text).hasMatch();
}

} // namespace bv
