#pragma once

#include "core/common/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>

namespace bv {

// The identity documents a customer can be registered with. The string keys (idTypeKey) are stored in the
// database and used in the CSV import template; never change an existing key.
enum class IdType
{
    MainlandId, // 居民身份证 (and the GB 11643-compatible residence permits, see IdNumber)
    HongKongMacauPermit, // 港澳居民来往内地通行证 (回乡证), or the 港澳居民居住证 residence permit
    TaiwanPermit, // 台湾居民来往大陆通行证 (台胞证), or the 台湾居民居住证 residence permit
    ForeignPermanentResidence, // 外国人永久居留身份证, old (3 letters + 12 digits) and 2023 (18 digits) formats
    ChinesePassport, // 中华人民共和国护照
    ForeignPassport, // 外国护照
    Other, // any other document (军官证 etc.): loosely checked
};

// "mainland_id", "hk_macau_permit", "taiwan_permit", "foreign_permanent_residence", "passport_cn",
// "passport_foreign", "other".
QString idTypeKey(IdType type);
// The type for a stored key; an InvalidInput error for the field "id_type" when the key is unknown.
Result<IdType> idTypeFromKey(const QString& key);
// Every type, in the order the entry form offers them.
QList<IdType> allIdTypes();

// What IdNumber::validate found out about an accepted number.
struct IdCheck
{
    QString normalized; // the number to store: trimmed, upper case, no spaces; 15-digit IDs upgraded
    IdType type = IdType::Other; // the type the number was validated as
    QDate birthDate; // from the number where it carries one (mainland ID, residence permits,
                     // 2023 permanent residence card); null otherwise
    QChar sex; // 'M' or 'F' where the number carries it; null otherwise
    bool upgradedFrom15 = false; // the input was a 15-digit first-generation ID number
};

// Identity document numbers. Pure functions: no database, no clock (the caller passes "today").
//
// Mainland resident ID numbers follow GB 11643-1999: six digits region code (first digit 1-8; the region
// table itself is not checked), eight digits birth date YYYYMMDD, three digits sequence (the last of them odd
// for men, even for women) and a check character computed by ISO 7064 MOD 11-2 (0-9 or X). 15-digit
// first-generation numbers (YYMMDD birth date in the 1900s, no check character) are accepted and upgraded.
//
// Error messages never contain the number or any part of it (ID numbers are protected personal data): they
// refer to positions ("the birth date in the ID number (characters 7 to 14)") and, for the check character,
// to the expected and typed check character only. Error::field is "id_number", or "sex" when the number is
// valid but disagrees with the declared sex.
class IdNumber
{
    Q_DECLARE_TR_FUNCTIONS(IdNumber)
public:
    // Validates `input` as a number of the given document type and returns the normalised number with what it
    // reveals. `today` bounds the birth date (no birth dates in the future); `declaredSex` ('M' or 'F', case
    // insensitive, or null when not yet chosen) must agree with the number where the number carries a sex.
    static Result<IdCheck> validate(IdType type, const QString& input, const QDate& today, QChar declaredSex = QChar());

    // Trim, Unicode compatibility folding (full-width digits and letters typed with a Chinese input method
    // become ASCII), upper case, and removal of all spaces and invisible format characters.
    static QString normalize(const QString& input);

    // The MOD 11-2 check character ('0'-'9' or 'X') for 17 ASCII digits; a null QChar for anything else.
    // For the entry form's inline check while typing.
    static QChar checkCharacter(const QString& first17);
    // True when `number` is 17 ASCII digits followed by the right check character (x or X for ten).
    static bool mod11_2Valid(const QString& number);

    // The 18-digit number for a 15-digit first-generation number: "19" inserted before the year and the
    // check character appended. Empty when `id15` is not 15 ASCII digits (validate() does the full check).
    static QString upgrade15To18(const QString& id15);

    // The birth date and sex carried by a mainland-format number (18 digits, or 15 digits of the first
    // generation). Meant for a number validate() accepted, to fill in the birth date and sex fields when they
    // were left empty. A null QDate / QChar when the number is not in that format or the date does not exist.
    static QDate birthDate(const QString& number);
    static QChar sex(const QString& number);

    // The document's name for the entry form ("Mainland resident ID card").
    static QString typeName(IdType type);

private:
    static Result<IdCheck> validateGb11643(IdType type, const QString& number, const QDate& today, QChar sex);
    static Result<IdCheck> validateLegacy15(const QString& number, const QDate& today, QChar sex);
    static Result<IdCheck> validateMainland(const QString& number, const QDate& today, QChar sex);
    static Result<IdCheck> validateHongKongMacau(const QString& number, const QDate& today, QChar sex);
    static Result<IdCheck> validateTaiwan(const QString& number, const QDate& today, QChar sex);
    static Result<IdCheck> validatePermanentResidence(const QString& number, const QDate& today, QChar sex);
    static Result<IdCheck> validateChinesePassport(const QString& number);
    static Result<IdCheck> validateForeignPassport(const QString& number);
    static Result<IdCheck> validateOther(const QString& number);
};

} // namespace bv
