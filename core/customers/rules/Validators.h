#pragma once

#include "core/common/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QLatin1StringView>
#include <QString>

namespace bv {

// The field keys carried in Error::field. Stable: the entry form highlights the field by its key and the CSV
// import report names it.
namespace CustomerField {
inline constexpr QLatin1StringView kIdNumber {"id_number"};
inline constexpr QLatin1StringView kIdType {"id_type"};
inline constexpr QLatin1StringView kMobile {"mobile"};
inline constexpr QLatin1StringView kOtherPhone {"other_phone"};
inline constexpr QLatin1StringView kEmail {"email"};
inline constexpr QLatin1StringView kAccountNumber {"account_number"};
inline constexpr QLatin1StringView kBirthDate {"birth_date"};
inline constexpr QLatin1StringView kSex {"sex"};
inline constexpr QLatin1StringView kName {"name"};
inline constexpr QLatin1StringView kAddress {"address"};
} // namespace CustomerField

// Format rules for the customer fields other than the ID number (see IdNumber). Pure functions: each takes
// what the user typed and returns the normalised value to store, or an InvalidInput error whose field is the
// CustomerField key and whose message names the field, the reason and what to do.
//
// Required or optional: the name is required. Every other validator here treats empty (or blank) input as
// "not given" and returns an empty value; which of them must be present is decided by the caller (for example
// mobileOrAddress()). A sex or birth date left empty is filled from the ID number by the caller.
//
// Error messages never contain the value (phone, card and account numbers are protected personal data); they
// refer to lengths and positions.
class Validators
{
    Q_DECLARE_TR_FUNCTIONS(Validators)
public:
    // Card or account: a bank card number (13-19 digits) carries a Luhn check digit; a bare account number
    // (passbook, settlement or internal account, 12-19 digits) follows each bank's own scheme or none, so only
    // its length and digits are checked. The entry form lets the user choose, as it does for the ID type.
    enum class AccountKind
    {
        Card,
        Account,
    };

    // Mainland mobile number: 11 digits matching 1[3-9]xxxxxxxxx. Spaces, dashes and parentheses are removed
    // and a leading +86, 0086 or 86 (before 11 more digits) is dropped. Returns the 11 digits.
    static Result<QString> mobile(const QString& input);

    // Mainland landline: area code (010, 02x, or four digits 03xx-09xx) + local number (7-8 digits, not
    // starting with 0 or 1) + optional extension (1-6 digits after "-", "转", "分机", "ext", "x" or "#").
    // Separators may be spaces, dashes or parentheses ("(0755) 8765 4321"); without separators the area code
    // is split off by the numbering plan ("01062345678"). A leading +86/0086 with the area code's 0 dropped
    // is accepted. Returns "010-62345678" or "021-62345678-123". Errors carry the field "other_phone".
    static Result<QString> landline(const QString& input);

    // The "other phone" field: a mainland mobile (11 digits), a landline (as above), or an international
    // number of another country written with + or 00 and 8-15 digits in all (customers from Hong Kong,
    // Macau, Taiwan and abroad), returned as "+85291234567".
    static Result<QString> otherPhone(const QString& input);

    // Bank card or account number: spaces and dashes removed, digits only, 13-19 digits with a valid Luhn
    // check digit for a card, 12-19 digits for an account. Returns the digits.
    static Result<QString> accountNumber(const QString& input, AccountKind kind);
    // Luhn (ISO/IEC 7812) check over ASCII digits; false for empty input or any other character.
    static bool luhnValid(const QString& digits);

    // Pragmatic e-mail check: exactly one @; local part 1-64 characters of letters, digits and
    // !#$%&'*+/=?^_`{|}~- with single dots inside; domain of at least two dot-separated labels (1-63 letters,
    // digits or inner hyphens each, the last not all digits); 254 characters in all; ASCII only (addresses
    // with Chinese domains are not accepted). Returns it with the domain in lower case.
    static Result<QString> email(const QString& input);

    // Customer name (required): compatibility-folded (full-width Latin becomes ASCII), trimmed, inner
    // whitespace folded to one space and removed between Chinese characters and around the middle dot;
    // middle-dot look-alikes (• ‧ ・ ･) become "·" (U+00B7), so transliterated names such as 阿依古丽·买买提
    // are stored one way and exact look-ups find them. 1-50 characters of letters and combining marks, spaces,
    // hyphens, apostrophes, periods and the middle dot, with at least one letter; no digits, no control
    // characters.
    static Result<QString> name(const QString& input);

    // Address (optional): trimmed, whitespace folded, no control characters, at most 200 characters.
    static Result<QString> address(const QString& input);

    // Sex as typed in a form or CSV: M/F, male/female, 男/女 (case-insensitive). Returns 'M', 'F', or a null
    // QChar for empty input (the caller fills it from the ID number).
    static Result<QChar> sex(const QString& input);

    // Birth date: not before 1900-01-01 and not after `today`; when the ID number carries a birth date
    // (`fromIdNumber` valid) the two must agree. A null `date` returns `fromIdNumber` (filled from the ID).
    static Result<QDate> birthDate(const QDate& date, const QDate& today, const QDate& fromIdNumber = QDate());

    // A customer needs a mobile number or an address (DESIGN §6). Takes the normalised values; the error
    // names the field "mobile".
    static Status mobileOrAddress(const QString& mobile, const QString& address);

    // True when free text (notes, service records, complaint text) seems to contain an authentication secret,
    // which BranchVault never stores; the form then warns before saving. A heuristic, not a block. It fires on:
    //  - a password word (密码, 口令, 验证码, 动态码, PIN, PIN码, password, passwd, pwd, passcode) followed by an
    //    optional ":", "：", "=", "是", "为" or "is" and then a run of 4+ ASCII letters/digits/symbols that
    //    contains a digit ("密码123456", "password: abc123", "PIN 1234");
    //  - a card-security word (CVV, CVV2, CVC, CVC2, CVN2, 安全码) followed the same way by 3-4 digits;
    //  - a standalone 6-digit number within 12 characters of a password word, or a standalone 3-digit number
    //    within 12 characters of a card-security word ("123456是他的取款密码").
    // Words alone ("客户要求重置网银密码", "password reset") and numbers alone (phone numbers, dates) do not.
    static bool looksLikeSecret(const QString& freeText);
};

} // namespace bv
