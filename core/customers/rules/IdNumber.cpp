#include "core/customers/rules/IdNumber.h"

#include "core/customers/rules/Validators.h"
#include "core/internal/common/TextLength.h"

#include <QRegularExpression>

#include <algorithm>
#include <iterator>

// Document number formats accepted here, and why.
//
// Mainland resident ID card (居民身份证), GB 11643-1999: 18 characters, see IdNumber.h. 15-digit numbers of the
// first-generation card (region code, YYMMDD birth date in the 1900s, three digits sequence, no check
// character) are still met on old records and are upgraded to 18 characters the way the public security
// authorities did it: "19" inserted before the year, check character appended. The residence permits for
// Hong Kong, Macau and Taiwan residents (see below) are GB 11643 numbers too, but they are other documents:
// a number starting 810000, 820000 or 830000 is refused as a mainland ID with a message naming the right type.
//
// Hong Kong / Macau (IdType::HongKongMacauPermit):
//  - Mainland travel permit for Hong Kong and Macau residents (港澳居民来往内地通行证, 回乡证): H (Hong Kong) or
//    M (Macau) and the 8-digit personal number, which stays the same across renewals; some issues print it with
//    the two-digit issue count appended (H/M + 10 digits). Both forms are accepted and stored as entered.
//  - Residence permit for Hong Kong and Macau residents (港澳居民居住证, since 2018): 18 characters in the GB 11643
//    layout beginning 810000 (Hong Kong) or 820000 (Macau), fully checked like an ID number (birth date, sex
//    digit, MOD 11-2 check character).
// Taiwan (IdType::TaiwanPermit):
//  - Mainland travel permit for Taiwan residents (台湾居民来往大陆通行证, 台胞证): 8 digits, the personal number,
//    on the card issued since 2015; older booklets add a one- or two-character issue code after it, written
//    with or without parentheses ("12345678(B)", "1234567801"). Accepted as 8 digits plus an optional one or
//    two letters/digits; parentheses are removed.
//  - Residence permit for Taiwan residents (台湾居民居住证): 18 characters beginning 830000, checked as above.
// Foreign permanent residence ID card (外国人永久居留身份证, IdType::ForeignPermanentResidence):
//  - cards issued before December 2023: 15 characters, the 3-letter nationality code followed by 12 digits.
//    Only that pattern is checked (the old number has no published check digit).
//  - cards issued since 1 December 2023: 18 characters in the GB 11643 layout, first digit 9 (which
//    distinguishes them from citizens' numbers, whose first digit is 1-8), birth date at characters 7-14,
//    sex in the 17th digit and the MOD 11-2 check character, all checked like an ID number.
// Chinese passport (IdType::ChinesePassport): E + 8 digits (ordinary e-passport, 2012 on), E + a letter other
// than I or O + 7 digits (when the E-numbers ran out, 2017 on), G + 8 digits (ordinary passport before 2012),
// and the diplomatic (D), service (S) and public-affairs ordinary (P) passports: the letter, an optional E for
// the electronic version, and 7 digits (8 on some older issues).
// Foreign passport (IdType::ForeignPassport): countries number passports their own way; ICAO 9303 leaves the
// document number alphanumeric. Accepted: 5-17 letters and digits with at least one digit (a number made only of
// letters is almost always a name typed into the wrong field).
// Other (IdType::Other): any 1-32 printable characters (military officer cards, for example, contain Chinese
// characters); the normalisation still applies.

namespace bv {

namespace {

constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr char kCheckTable[] = "10X98765432";
constexpr int kOtherMaxLength = 32;

struct TypeKey
{
    IdType type;
    const char* key;
};

constexpr TypeKey kTypeKeys[] = {
    {IdType::MainlandId, "mainland_id"},
    {IdType::HongKongMacauPermit, "hk_macau_permit"},
    {IdType::TaiwanPermit, "taiwan_permit"},
    {IdType::ForeignPermanentResidence, "foreign_permanent_residence"},
    {IdType::ChinesePassport, "passport_cn"},
    {IdType::ForeignPassport, "passport_foreign"},
    {IdType::Other, "other"},
};

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

int digitAt(const QString& s, qsizetype i)
{
    return s.at(i).unicode() - u'0';
}

// Index of the first character in [from, to) that is not an ASCII digit, or -1.
qsizetype firstNonDigit(const QString& s, qsizetype from, qsizetype to)
{
    for (qsizetype i = from; i < to; ++i) {
        if (!isAsciiDigit(s.at(i)))
            return i;
    }
    return -1;
}

bool allDigits(const QString& s)
{
    return !s.isEmpty() && firstNonDigit(s, 0, s.size()) < 0;
}

int numberAt(const QString& s, qsizetype pos, qsizetype length)
{
    int value = 0;
    for (qsizetype i = pos; i < pos + length; ++i)
        value = value * 10 + digitAt(s, i);
    return value;
}

QDate earliestBirthDate()
{
    return QDate(1900, 1, 1);
}

Error idError(const QString& message)
{
    return makeError(ErrorCode::InvalidInput, message, QString(), QString(CustomerField::kIdNumber));
}

IdCheck plainCheck(IdType type, const QString& number)
{
    IdCheck check;
    check.normalized = number;
    check.type = type;
    return check;
}

} // namespace

QString idTypeKey(IdType type)
{
    for (const TypeKey& entry : kTypeKeys) {
        if (entry.type == type)
            return QString::fromLatin1(entry.key);
    }
    return QString::fromLatin1(kTypeKeys[std::size(kTypeKeys) - 1].key);
}

Result<IdType> idTypeFromKey(const QString& key)
{
    const QString wanted = key.trimmed();
    for (const TypeKey& entry : kTypeKeys) {
        if (wanted == QLatin1StringView(entry.key))
            return entry.type;
    }
    return makeError(ErrorCode::InvalidInput,
        IdNumber::tr("The ID type is not one BranchVault knows. Use one of: mainland_id, "
                     "hk_macau_permit, taiwan_permit, foreign_permanent_residence, passport_cn, "
                     "passport_foreign, other."),
        QString(), QString(CustomerField::kIdType));
}

QList<IdType> allIdTypes()
{
    QList<IdType> types;
    for (const TypeKey& entry : kTypeKeys)
        types.append(entry.type);
    return types;
}

QString IdNumber::typeName(IdType type)
{
    switch (type) {
    case IdType::MainlandId:
        return tr("Mainland resident ID card");
    case IdType::HongKongMacauPermit:
        return tr("Hong Kong/Macau residents' travel or residence permit");
    case IdType::TaiwanPermit:
        return tr("Taiwan residents' travel or residence permit");
    case IdType::ForeignPermanentResidence:
        return tr("Foreign permanent residence ID card");
    case IdType::ChinesePassport:
        return tr("Chinese passport");
    case IdType::ForeignPassport:
        return tr("Foreign passport");
    case IdType::Other:
        break;
    }
    return tr("Other document");
}

QString IdNumber::normalize(const QString& input)
{
    const QString folded = input.normalized(QString::NormalizationForm_KC);
    QString out;
    out.reserve(folded.size());
    for (const QChar c : folded) {
        if (c.isSpace() || c.category() == QChar::Other_Format)
            continue;
        out.append(c.toUpper());
    }
    return out;
}

QChar IdNumber::checkCharacter(const QString& first17)
{
    if (first17.size() != 17 || !allDigits(first17))
        return QChar();
    int sum = 0;
    for (int i = 0; i < 17; ++i)
        sum += digitAt(first17, i) * kWeights[i];
    return QChar::fromLatin1(kCheckTable[sum % 11]);
}

bool IdNumber::mod11_2Valid(const QString& number)
{
    if (number.size() != 18)
        return false;
    const QChar expected = checkCharacter(number.left(17));
    return !expected.isNull() && number.at(17).toUpper() == expected;
}

QString IdNumber::upgrade15To18(const QString& id15)
{
    if (id15.size() != 15 || !allDigits(id15))
        return QString();
    const QString first17 = id15.left(6) + QStringLiteral("19") + id15.mid(6);
    return first17 + checkCharacter(first17);
}

QDate IdNumber::birthDate(const QString& number)
{
    if (number.size() == 18 && firstNonDigit(number, 0, 17) < 0)
        return QDate(numberAt(number, 6, 4), numberAt(number, 10, 2), numberAt(number, 12, 2));
    if (number.size() == 15 && allDigits(number))
        return QDate(1900 + numberAt(number, 6, 2), numberAt(number, 8, 2), numberAt(number, 10, 2));
    return QDate();
}

QChar IdNumber::sex(const QString& number)
{
    qsizetype pos = -1;
    if (number.size() == 18 && firstNonDigit(number, 0, 17) < 0)
        pos = 16;
    else if (number.size() == 15 && allDigits(number))
        pos = 14;
    if (pos < 0)
        return QChar();
    return digitAt(number, pos) % 2 == 1 ? QChar(u'M') : QChar(u'F');
}

Result<IdCheck> IdNumber::validate(IdType type, const QString& input, const QDate& today, QChar declaredSex)
{
    QChar sex;
    if (!declaredSex.isNull()) {
        sex = declaredSex.toUpper();
        if (sex != u'M' && sex != u'F') {
            return makeError(ErrorCode::InvalidInput, tr("The sex should be male (M) or female (F)."), QString(),
                QString(CustomerField::kSex));
        }
    }

    const QString number = normalize(input);
    if (number.isEmpty())
        return idError(tr("Enter the ID number."));

    switch (type) {
    case IdType::MainlandId:
        return validateMainland(number, today, sex);
    case IdType::HongKongMacauPermit:
        return validateHongKongMacau(number, today, sex);
    case IdType::TaiwanPermit:
        return validateTaiwan(number, today, sex);
    case IdType::ForeignPermanentResidence:
        return validatePermanentResidence(number, today, sex);
    case IdType::ChinesePassport:
        return validateChinesePassport(number);
    case IdType::ForeignPassport:
        return validateForeignPassport(number);
    case IdType::Other:
        break;
    }
    return validateOther(number);
}

Result<IdCheck> IdNumber::validateMainland(const QString& number, const QDate& today, QChar sex)
{
    if (number.size() == 15)
        return validateLegacy15(number, today, sex);
    if (number.size() != 18) {
        return idError(tr("The ID number should have 18 characters (15 on a first-generation card), not %1. Check "
                          "the number on the ID card.")
                           .arg(number.size()));
    }
    return validateGb11643(IdType::MainlandId, number, today, sex);
}

// The 18-character GB 11643 layout shared by the ID card, the residence permits for Hong Kong, Macau and Taiwan
// residents and the 2023 foreign permanent residence card; they differ in the first six characters.
Result<IdCheck> IdNumber::validateGb11643(IdType type, const QString& number, const QDate& today, QChar sex)
{
    Q_ASSERT(number.size() == 18);
    const qsizetype bad = firstNonDigit(number, 0, 17);
    if (bad >= 0) {
        return idError(tr("The ID number can contain only digits, with X allowed as the last character; character "
                          "%1 is not a digit. Check the number on the document.")
                           .arg(bad + 1));
    }
    const QChar last = number.at(17);
    if (!isAsciiDigit(last) && last != u'X')
        return idError(tr("The last character of the ID number should be a digit or X. Check the number on the "
                          "document."));

    const QStringView prefix = QStringView(number).left(6);
    switch (type) {
    case IdType::MainlandId:
        if (number.at(0) == u'9') {
            return idError(tr("An 18-character number starting with 9 is a foreign permanent residence ID card, not "
                              "a mainland ID card. Choose that ID type, or check the number on the ID card."));
        }
        if (prefix == u"810000" || prefix == u"820000" || prefix == u"830000") {
            // a residence permit of a Hong Kong, Macau or Taiwan resident: its own document, never an ID card
            const IdType permit = prefix == u"830000" ? IdType::TaiwanPermit : IdType::HongKongMacauPermit;
            return idError(
                tr("ID number: the first six digits show a residence permit for %1 residents, not a "
                   "mainland ID card. Choose the ID type \"%2\" and enter the number again.")
                    .arg(permit == IdType::TaiwanPermit ? tr("Taiwan") : tr("Hong Kong or Macau"), typeName(permit)));
        }
        if (number.at(0) < u'1' || number.at(0) > u'8') {
            return idError(tr("The first digit of the ID number (the region code) should be 1 to 8. Check the "
                              "number on the ID card."));
        }
        break;
    case IdType::HongKongMacauPermit:
        if (prefix != u"810000" && prefix != u"820000") {
            return idError(tr("An 18-character residence permit number for Hong Kong or Macau residents starts with "
                              "810000 or 820000. Check the number on the permit, or choose the right ID type."));
        }
        break;
    case IdType::TaiwanPermit:
        if (prefix != u"830000") {
            return idError(tr("An 18-character residence permit number for Taiwan residents starts with 830000. "
                              "Check the number on the permit, or choose the right ID type."));
        }
        break;
    case IdType::ForeignPermanentResidence:
        if (number.at(0) != u'9') {
            return idError(tr("An 18-character foreign permanent residence ID card number starts with 9. Check the "
                              "number on the card, or choose the right ID type."));
        }
        break;
    case IdType::ChinesePassport:
    case IdType::ForeignPassport:
    case IdType::Other:
        Q_ASSERT(false);
        break;
    }

    const QDate born = birthDate(number);
    if (!born.isValid()) {
        return idError(tr("The birth date in the ID number (characters 7 to 14) does not exist. Check the number on "
                          "the document."));
    }
    if (born < earliestBirthDate()) {
        return idError(tr("The birth date in the ID number (characters 7 to 14) is before 1900. Check the number on "
                          "the document."));
    }
    if (born > today) {
        return idError(tr("The birth date in the ID number (characters 7 to 14) is in the future. Check the number "
                          "on the document."));
    }

    const QChar expected = checkCharacter(number.left(17));
    if (last != expected) {
        // The message names no character: the check character only says that the 18 do not fit together,
        // not which one is wrong, and naming the "right" last character invites typing it over a typo elsewhere.
        return idError(tr("The ID number does not add up: its check character (the 18th) does not fit the other 17. "
                          "Any of the 18 characters may be mistyped, not only the last one: compare the whole number "
                          "with the document, character by character."));
    }

    const QChar derivedSex = IdNumber::sex(number);
    if (!sex.isNull() && sex != derivedSex) {
        return makeError(ErrorCode::InvalidInput,
            tr("The sex does not match the ID number, whose 17th digit is odd for men and even for "
               "women. Correct the sex, or check the number on the document."),
            QString(), QString(CustomerField::kSex));
    }

    IdCheck check = plainCheck(type, number);
    check.birthDate = born;
    check.sex = derivedSex;
    return check;
}

Result<IdCheck> IdNumber::validateLegacy15(const QString& number, const QDate& today, QChar sex)
{
    Q_ASSERT(number.size() == 15);
    const qsizetype bad = firstNonDigit(number, 0, 15);
    if (bad >= 0) {
        return idError(tr("A 15-character ID number (first-generation card) has digits only; character %1 is not a "
                          "digit. Check the number on the ID card.")
                           .arg(bad + 1));
    }
    if (number.at(0) < u'1' || number.at(0) > u'8') {
        return idError(tr("The first digit of the ID number (the region code) should be 1 to 8. Check the number on "
                          "the ID card."));
    }
    const QDate born = birthDate(number);
    if (!born.isValid()) {
        return idError(tr("The birth date in the 15-character ID number (characters 7 to 12) does not exist. Check "
                          "the number on the ID card."));
    }
    if (born > today) {
        return idError(tr("The birth date in the 15-character ID number (characters 7 to 12) is in the future. "
                          "Check the number on the ID card."));
    }
    const QChar derivedSex = IdNumber::sex(number);
    if (!sex.isNull() && sex != derivedSex) {
        return makeError(ErrorCode::InvalidInput,
            tr("The sex does not match the ID number, whose last digit is odd for men and even for "
               "women. Correct the sex, or check the number on the ID card."),
            QString(), QString(CustomerField::kSex));
    }

    IdCheck check = plainCheck(IdType::MainlandId, upgrade15To18(number));
    check.birthDate = born;
    check.sex = derivedSex;
    check.upgradedFrom15 = true;
    return check;
}

Result<IdCheck> IdNumber::validateHongKongMacau(const QString& number, const QDate& today, QChar sex)
{
    static const QRegularExpression travelPermit(QStringLiteral("^[HM](?:\\d{8}|\\d{10})$"));
    if (travelPermit.match(number).hasMatch())
        return plainCheck(IdType::HongKongMacauPermit, number);
    if (number.size() == 18)
        return validateGb11643(IdType::HongKongMacauPermit, number, today, sex);
    return idError(tr("A Hong Kong or Macau travel permit number is H or M followed by 8 digits (10 with the issue "
                      "count); a residence permit number has 18 characters starting with 810000 or 820000. Check "
                      "the number on the permit."));
}

Result<IdCheck> IdNumber::validateTaiwan(const QString& input, const QDate& today, QChar sex)
{
    QString number = input;
    number.remove(u'(');
    number.remove(u')');
    static const QRegularExpression travelPermit(QStringLiteral("^\\d{8}(?:[A-Z0-9]{1,2})?$"));
    if (travelPermit.match(number).hasMatch())
        return plainCheck(IdType::TaiwanPermit, number);
    if (number.size() == 18)
        return validateGb11643(IdType::TaiwanPermit, number, today, sex);
    return idError(tr("A Taiwan travel permit number has 8 digits (on older permits followed by a one- or "
                      "two-character issue code); a residence permit number has 18 characters starting with 830000. "
                      "Check the number on the permit."));
}

Result<IdCheck> IdNumber::validatePermanentResidence(const QString& number, const QDate& today, QChar sex)
{
    static const QRegularExpression oldCard(QStringLiteral("^[A-Z]{3}\\d{12}$"));
    if (oldCard.match(number).hasMatch())
        return plainCheck(IdType::ForeignPermanentResidence, number);
    if (number.size() == 18)
        return validateGb11643(IdType::ForeignPermanentResidence, number, today, sex);
    return idError(tr("A foreign permanent residence ID card number has 18 characters starting with 9 (cards issued "
                      "since December 2023), or 3 letters followed by 12 digits (earlier cards). Check the number "
                      "on the card."));
}

Result<IdCheck> IdNumber::validateChinesePassport(const QString& number)
{
    static const QRegularExpression passport(
        QStringLiteral("^(?:E\\d{8}|E[A-HJ-NP-Z]\\d{7}|G\\d{8}|[DSP]E?\\d{7}|[DSP]\\d{8})$"));
    if (passport.match(number).hasMatch())
        return plainCheck(IdType::ChinesePassport, number);
    return idError(tr("A Chinese passport number is E followed by 8 digits, E and a letter followed by 7 digits, or "
                      "G followed by 8 digits (diplomatic and service passports: D, S or P, an optional E and 7 "
                      "digits). Check the number on the passport's photo page."));
}

Result<IdCheck> IdNumber::validateForeignPassport(const QString& number)
{
    static const QRegularExpression allowed(QStringLiteral("^[A-Z0-9]+$"));
    if (!allowed.match(number).hasMatch()) {
        return idError(tr("A passport number can contain only Latin letters and digits. Check the number on the "
                          "passport's photo page."));
    }
    if (number.size() < 5 || number.size() > 17) {
        return idError(tr("A passport number should have 5 to 17 letters and digits, not %1. Check the number on the "
                          "passport's photo page.")
                           .arg(number.size()));
    }
    if (std::none_of(number.cbegin(), number.cend(), isAsciiDigit)) {
        return idError(tr("A passport number contains at least one digit; this looks like a name. Check the number "
                          "on the passport's photo page."));
    }
    return plainCheck(IdType::ForeignPassport, number);
}

Result<IdCheck> IdNumber::validateOther(const QString& number)
{
    if (charCount(number) > kOtherMaxLength)
        return idError(tr("The document number can have at most %1 characters, not %2.")
                           .arg(kOtherMaxLength)
                           .arg(charCount(number)));
    for (const QChar c : number) {
        const QChar::Category category = c.category();
        if (category == QChar::Other_Control || category == QChar::Other_NotAssigned
            || category == QChar::Other_PrivateUse) {
            return idError(tr("The document number contains a control or unprintable character. Retype the "
                              "number."));
        }
    }
    return plainCheck(IdType::Other, number);
}

} // namespace bv
