// Field validators for customer records: phones, card and account numbers, e-mail, names, sex, birth date,
// and the free-text warning for authentication secrets. Valid card numbers were generated with the Luhn rule.
#include "core/customers/rules/Validators.h"

#include <QTest>

using namespace bv;

Q_DECLARE_METATYPE(bv::Validators::AccountKind)

namespace {

QDate today()
{
    return QDate(2024, 6, 15);
}

// No error may repeat a protected number: no six consecutive digits of the input.
bool leaksDigits(const Error& error, const QString& input, QString* why)
{
    QString digits;
    for (const QChar c : input.normalized(QString::NormalizationForm_KC)) {
        if (c >= u'0' && c <= u'9')
            digits.append(c);
    }
    for (const QString& text : {error.message, error.detail}) {
        for (qsizetype i = 0; i + 6 <= digits.size(); ++i) {
            if (text.contains(digits.mid(i, 6))) {
                *why = QStringLiteral("repeats digits %1-%2 of the input: %3").arg(i + 1).arg(i + 6).arg(text);
                return true;
            }
        }
    }
    return false;
}

// Shared by the table-driven tests: `expected` is the normalised value, or empty with `reason` naming the refusal.
void verifyResult(const Result<QString>& result, const QString& field, const QString& expected, const QString& reason)
{
    if (reason.isEmpty()) {
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().message));
        QCOMPARE(*result, expected);
        return;
    }
    QVERIFY2(!result.ok(), qPrintable(result.ok() ? *result : QString()));
    QCOMPARE(result.code(), ErrorCode::InvalidInput);
    QCOMPARE(result.error().field, field);
    QVERIFY2(result.error().message.contains(reason), qPrintable(result.error().message));
}

} // namespace

class TestValidators : public QObject
{
    Q_OBJECT

private slots:
    void mobile_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("reason"); // empty: accepted
        QTest::newRow("plain") << "13800138000"
                               << "13800138000"
                               << "";
        QTest::newRow("19x") << "19912345678"
                             << "19912345678"
                             << "";
        QTest::newRow("spaces") << " 138 0013 8000 "
                                << "13800138000"
                                << "";
        QTest::newRow("dashes") << "138-0013-8000"
                                << "13800138000"
                                << "";
        QTest::newRow("+86") << "+86 138 0013 8000"
                             << "13800138000"
                             << "";
        QTest::newRow("+86 glued") << "+8613800138000"
                                   << "13800138000"
                                   << "";
        QTest::newRow("(+86)") << "(+86) 13800138000"
                               << "13800138000"
                               << "";
        QTest::newRow("0086") << "0086-13800138000"
                              << "13800138000"
                              << "";
        QTest::newRow("86") << "8613800138000"
                            << "13800138000"
                            << "";
        QTest::newRow("full-width") << QStringLiteral("１３８００１３８０００") << "13800138000"
                                    << "";
        QTest::newRow("empty is not given") << "  "
                                            << ""
                                            << "";
        QTest::newRow("12 digits") << "138001380001"
                                   << ""
                                   << "11 digits, not 12";
        QTest::newRow("10 digits") << "1380013800"
                                   << ""
                                   << "11 digits, not 10";
        QTest::newRow("+86 and 12 digits") << "+86138001380001"
                                           << ""
                                           << "11 digits, not 12";
        QTest::newRow("starts 12") << "12800138000"
                                   << ""
                                   << "starts with 13 to 19";
        QTest::newRow("starts 2") << "23800138000"
                                  << ""
                                  << "starts with 13 to 19";
        QTest::newRow("landline") << "010-12345678"
                                  << ""
                                  << "starts with 13 to 19";
        QTest::newRow("letter") << "138001380O0"
                                << ""
                                << "only digits";
        QTest::newRow("foreign") << "+1 415 555 0100"
                                 << ""
                                 << "only digits";
    }
    void mobile()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QFETCH(QString, reason);
        const Result<QString> result = Validators::mobile(input);
        verifyResult(result, QStringLiteral("mobile"), expected, reason);
        if (!result.ok()) {
            QString why;
            QVERIFY2(!leaksDigits(result.error(), input, &why), qPrintable(why));
        }
    }

    void landline_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("reason");
        QTest::newRow("dash") << "010-62345678"
                              << "010-62345678"
                              << "";
        QTest::newRow("no separator, 010") << "01062345678"
                                           << "010-62345678"
                                           << "";
        QTest::newRow("no separator, 0755") << "075587654321"
                                            << "0755-87654321"
                                            << "";
        QTest::newRow("no separator, 021") << "02152345678"
                                           << "021-52345678"
                                           << "";
        QTest::newRow("parentheses and spaces") << "(0755) 8765 4321"
                                                << "0755-87654321"
                                                << "";
        QTest::newRow("space") << "0755 87654321"
                               << "0755-87654321"
                               << "";
        QTest::newRow("7-digit local") << "0571-8765432"
                                       << "0571-8765432"
                                       << "";
        QTest::newRow("extension by dash") << "021-52345678-123"
                                           << "021-52345678-123"
                                           << "";
        QTest::newRow("extension by 转") << QStringLiteral("021-52345678转123") << "021-52345678-123"
                                         << "";
        QTest::newRow("extension by ext.") << "02152345678 ext. 45"
                                           << "021-52345678-45"
                                           << "";
        QTest::newRow("+86 without the 0") << "+86 10 62345678"
                                           << "010-62345678"
                                           << "";
        QTest::newRow("full-width") << QStringLiteral("０１０－６２３４５６７８") << "010-62345678"
                                    << "";
        QTest::newRow("no area code") << "62345678"
                                      << ""
                                      << "needs its area code";
        QTest::newRow("area code 0011") << "0011-62345678"
                                        << ""
                                        << "area code is not valid";
        QTest::newRow("area code 0211") << "0211-62345678"
                                        << ""
                                        << "area code is not valid";
        QTest::newRow("area code 01") << "01-62345678"
                                      << ""
                                      << "area code is not valid";
        QTest::newRow("glued, area code 00") << "00162345678"
                                             << ""
                                             << "area code is not valid";
        QTest::newRow("local starts 0") << "010-02345678"
                                        << ""
                                        << "7 or 8 digits";
        QTest::newRow("local starts 1") << "010-12345678"
                                        << ""
                                        << "7 or 8 digits";
        QTest::newRow("local 6 digits") << "010-234567"
                                        << ""
                                        << "7 or 8 digits";
        QTest::newRow("local 9 digits") << "010-234567890"
                                        << ""
                                        << "7 or 8 digits";
        QTest::newRow("extension 7 digits") << "010-22345678-1234567"
                                            << ""
                                            << "extension should be 1 to 6 digits";
        QTest::newRow("letters") << "010-2345abcd"
                                 << ""
                                 << "only digits";
    }
    void landline()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QFETCH(QString, reason);
        verifyResult(Validators::landline(input), QStringLiteral("other_phone"), expected, reason);
    }

    void otherPhone_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("reason");
        QTest::newRow("mobile") << "+86 138 0013 8000"
                                << "13800138000"
                                << "";
        QTest::newRow("landline") << "(010) 2345 6789"
                                  << "010-23456789"
                                  << "";
        QTest::newRow("landline with extension") << "021-22345678-8"
                                                 << "021-22345678-8"
                                                 << "";
        QTest::newRow("hong kong mobile") << "+852 9123 4567"
                                          << "+85291234567"
                                          << "";
        QTest::newRow("international with 00") << "001 (415) 555-0100"
                                               << "+14155550100"
                                               << "";
        QTest::newRow("empty") << ""
                               << ""
                               << "";
        QTest::newRow("too short") << "12345"
                                   << ""
                                   << "should be a mobile number";
        QTest::newRow("mobile with 12 digits") << "138001380001"
                                               << ""
                                               << "should be a mobile number";
        QTest::newRow("+86 and nonsense") << "+86 12345"
                                          << ""
                                          << "should be a mobile number";
        QTest::newRow("international too long") << "+852 1234 5678 9012 34"
                                                << ""
                                                << "should be a mobile number";
        QTest::newRow("landline with bad area code") << "0211-12345678"
                                                     << ""
                                                     << "area code is not valid";
    }
    void otherPhone()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QFETCH(QString, reason);
        verifyResult(Validators::otherPhone(input), QStringLiteral("other_phone"), expected, reason);
    }

    void luhn_data()
    {
        QTest::addColumn<QString>("digits");
        QTest::addColumn<bool>("valid");
        QTest::newRow("16 digits") << "6222021234567894" << true;
        QTest::newRow("19 digits") << "6217001234567890122" << true;
        QTest::newRow("test visa") << "4111111111111111" << true;
        QTest::newRow("16, last digit changed") << "6222021234567895" << false;
        QTest::newRow("16, middle digit changed") << "6222021234567884" << false;
        QTest::newRow("16, adjacent digits swapped") << "6222021243567894" << false;
        QTest::newRow("19, last digit changed") << "6217001234567890121" << false;
        QTest::newRow("19, first digit changed") << "7217001234567890122" << false;
        QTest::newRow("empty") << "" << false;
        QTest::newRow("letter") << "62220212345678a4" << false;
        QTest::newRow("spaces not stripped here") << "6222 0212 3456 7894" << false;
    }
    void luhn()
    {
        QFETCH(QString, digits);
        QFETCH(bool, valid);
        QCOMPARE(Validators::luhnValid(digits), valid);
    }

    void accountNumber_data()
    {
        using Kind = Validators::AccountKind;
        QTest::addColumn<QString>("input");
        QTest::addColumn<Kind>("kind");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("reason");
        QTest::newRow("card with spaces") << "6222 0212 3456 7894" << Kind::Card << "6222021234567894"
                                          << "";
        QTest::newRow("19-digit card with dashes") << "6217-0012-3456-7890-122" << Kind::Card << "6217001234567890122"
                                                   << "";
        QTest::newRow("card, one digit changed") << "6222021234567895" << Kind::Card << ""
                                                 << "check digit does not match";
        QTest::newRow("card, 12 digits") << "622202123456" << Kind::Card << ""
                                         << "13 to 19 digits, not 12";
        QTest::newRow("card, 20 digits") << "62220212345678940000" << Kind::Card << ""
                                         << "13 to 19 digits, not 20";
        QTest::newRow("card, letter O") << "6222O21234567894" << Kind::Card << ""
                                        << "only digits";
        QTest::newRow("account, 12 digits") << "622202123456" << Kind::Account << "622202123456"
                                            << "";
        QTest::newRow("account, no Luhn needed") << "6222 0212 3456 7895" << Kind::Account << "6222021234567895"
                                                 << "";
        QTest::newRow("account, 11 digits") << "12345678901" << Kind::Account << ""
                                            << "12 to 19 digits, not 11";
        QTest::newRow("account, 20 digits") << "12345678901234567890" << Kind::Account << ""
                                            << "12 to 19 digits, not 20";
        QTest::newRow("empty is not given") << " " << Kind::Card << ""
                                            << "";
    }
    void accountNumber()
    {
        QFETCH(QString, input);
        QFETCH(Validators::AccountKind, kind);
        QFETCH(QString, expected);
        QFETCH(QString, reason);
        const Result<QString> result = Validators::accountNumber(input, kind);
        verifyResult(result, QStringLiteral("account_number"), expected, reason);
        if (!result.ok()) {
            QString why;
            QVERIFY2(!leaksDigits(result.error(), input, &why), qPrintable(why));
        }
    }

    void email_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("reason");
        QTest::newRow("domain lower-cased") << "Zhang.San@Example.COM"
                                            << "Zhang.San@example.com"
                                            << "";
        QTest::newRow("trimmed") << " a@b.cn "
                                 << "a@b.cn"
                                 << "";
        QTest::newRow("plus and subdomains") << "user+tag@mail.bank.com.cn"
                                             << "user+tag@mail.bank.com.cn"
                                             << "";
        QTest::newRow("hyphen in domain") << "li_si@my-bank.com"
                                          << "li_si@my-bank.com"
                                          << "";
        QTest::newRow("full-width") << QStringLiteral("ｚｓ＠ｅｘａｍｐｌｅ．ｃｏｍ") << "zs@example.com"
                                    << "";
        QTest::newRow("64-character local part")
            << QString(64, u'a') + "@example.com" << QString(64, u'a') + "@example.com"
            << "";
        QTest::newRow("empty is not given") << ""
                                            << ""
                                            << "";
        QTest::newRow("no @") << "zhangsan.example.com"
                              << ""
                              << "exactly one @";
        QTest::newRow("two @") << "a@@example.com"
                               << ""
                               << "exactly one @";
        QTest::newRow("empty local part") << "@example.com"
                                          << ""
                                          << "needs a name before the @";
        QTest::newRow("65-character local part") << QString(65, u'a') + "@example.com"
                                                 << ""
                                                 << "at most 64 characters";
        QTest::newRow("double dot") << "a..b@example.com"
                                    << ""
                                    << "twice in a row";
        QTest::newRow("leading dot") << ".ab@example.com"
                                     << ""
                                     << "twice in a row";
        QTest::newRow("space") << "a b@example.com"
                               << ""
                               << "cannot contain spaces";
        QTest::newRow("no dot in domain") << "a@example"
                                          << ""
                                          << "domain with a dot";
        QTest::newRow("domain label starts with hyphen") << "a@-example.com"
                                                         << ""
                                                         << "domain of the e-mail address";
        QTest::newRow("empty domain label") << "a@example..com"
                                            << ""
                                            << "domain of the e-mail address";
        QTest::newRow("numeric top-level domain") << "a@example.123"
                                                  << ""
                                                  << "should end with a name";
        QTest::newRow("chinese") << QStringLiteral("张三@example.com") << ""
                                 << "Chinese characters";
        QTest::newRow("255 characters") << "a@" + QString(63, u'b') + "." + QString(63, u'c') + "." + QString(63, u'd')
                + "." + QString(61, u'e')
                                        << ""
                                        << "at most 254 characters";
    }
    void email()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QFETCH(QString, reason);
        verifyResult(Validators::email(input), QStringLiteral("email"), expected, reason);
    }

    void name_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("reason");
        QTest::newRow("chinese 1") << QStringLiteral("李") << QStringLiteral("李") << "";
        QTest::newRow("chinese 2") << QStringLiteral("张三") << QStringLiteral("张三") << "";
        QTest::newRow("chinese 4") << QStringLiteral("欧阳娜娜") << QStringLiteral("欧阳娜娜") << "";
        QTest::newRow("chinese, rare character outside the BMP")
            << QStringLiteral("张\U00020001") << QStringLiteral("张\U00020001") << "";
        QTest::newRow("chinese, spaces removed") << QStringLiteral("  王  小明 ") << QStringLiteral("王小明") << "";
        QTest::newRow("middle dot") << QStringLiteral("阿依古丽·买买提") << QStringLiteral("阿依古丽·买买提") << "";
        QTest::newRow("middle dot with spaces")
            << QStringLiteral("阿依古丽 · 买买提") << QStringLiteral("阿依古丽·买买提") << "";
        QTest::newRow("bullet becomes middle dot")
            << QStringLiteral("阿依古丽•买买提") << QStringLiteral("阿依古丽·买买提") << "";
        QTest::newRow("katakana dot becomes middle dot")
            << QStringLiteral("阿依古丽・买买提") << QStringLiteral("阿依古丽·买买提") << "";
        QTest::newRow("period between chinese becomes middle dot")
            << QStringLiteral("阿依古丽.买买提") << QStringLiteral("阿依古丽·买买提") << "";
        QTest::newRow("latin, spaces folded") << " John   Smith "
                                              << "John Smith"
                                              << "";
        QTest::newRow("hyphen and apostrophe") << "Mary-Jane O'Neil"
                                               << "Mary-Jane O'Neil"
                                               << "";
        QTest::newRow("initial with period") << "J. R. Smith"
                                             << "J. R. Smith"
                                             << "";
        QTest::newRow("accents") << QStringLiteral("Zoë Ångström") << QStringLiteral("Zoë Ångström") << "";
        QTest::newRow("full-width latin") << QStringLiteral("ＪＯＨＮ　ＳＭＩＴＨ") << "JOHN SMITH"
                                          << "";
        QTest::newRow("50 characters") << QString(50, u'a') << QString(50, u'a') << "";
        QTest::newRow("empty") << ""
                               << ""
                               << "Enter the customer's name";
        QTest::newRow("blank") << QStringLiteral(" \u3000 ") << ""
                               << "Enter the customer's name";
        QTest::newRow("51 characters") << QString(51, u'a') << ""
                                       << "at most 50 characters, not 51";
        QTest::newRow("chinese digit") << QStringLiteral("张3") << ""
                                       << "cannot contain digits (character 2)";
        QTest::newRow("latin digit") << "John2 Smith"
                                     << ""
                                     << "cannot contain digits (character 5)";
        QTest::newRow("full-width digit") << QStringLiteral("张三３") << ""
                                          << "cannot contain digits (character 3)";
        QTest::newRow("control character") << QStringLiteral("张\u0007三") << ""
                                           << "control or invisible character (character 2)";
        QTest::newRow("zero-width space") << QStringLiteral("张三\u200B") << ""
                                          << "control or invisible character (character 3)";
        QTest::newRow("at sign") << QStringLiteral("张三@") << ""
                                 << "character 3 is not allowed";
        QTest::newRow("leading middle dot") << QStringLiteral("·张三") << ""
                                            << "cannot start or end";
        QTest::newRow("punctuation only") << "---"
                                          << ""
                                          << "at least one letter";
    }
    void name()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QFETCH(QString, reason);
        verifyResult(Validators::name(input), QStringLiteral("name"), expected, reason);
    }

    void address_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("reason");
        QTest::newRow("folded") << QStringLiteral(" 北京市朝阳区\n建国路 1 号 ")
                                << QStringLiteral("北京市朝阳区 建国路 1 号") << "";
        QTest::newRow("empty is not given") << ""
                                            << ""
                                            << "";
        QTest::newRow("200 characters") << QString(200, u'路') << QString(200, u'路') << "";
        QTest::newRow("201 characters") << QString(201, u'路') << ""
                                        << "at most 200 characters, not 201";
        QTest::newRow("control character") << QStringLiteral("建国路\u00071号") << ""
                                           << "control or invisible character (character 4)";
    }
    void address()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QFETCH(QString, reason);
        verifyResult(Validators::address(input), QStringLiteral("address"), expected, reason);
    }

    void sex_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QChar>("expected");
        QTest::addColumn<bool>("valid");
        QTest::newRow("M") << "M" << QChar(u'M') << true;
        QTest::newRow("f") << " f " << QChar(u'F') << true;
        QTest::newRow("male") << "Male" << QChar(u'M') << true;
        QTest::newRow("female") << "FEMALE" << QChar(u'F') << true;
        QTest::newRow("男") << QStringLiteral("男") << QChar(u'M') << true;
        QTest::newRow("女") << QStringLiteral("女") << QChar(u'F') << true;
        QTest::newRow("empty is not given") << "" << QChar() << true;
        QTest::newRow("unknown") << "X" << QChar() << false;
    }
    void sex()
    {
        QFETCH(QString, input);
        QFETCH(QChar, expected);
        QFETCH(bool, valid);
        const Result<QChar> result = Validators::sex(input);
        QCOMPARE(result.ok(), valid);
        if (valid)
            QCOMPARE(*result, expected);
        else
            QCOMPARE(result.error().field, QStringLiteral("sex"));
    }

    void birthDate_data()
    {
        QTest::addColumn<QDate>("date");
        QTest::addColumn<QDate>("fromId");
        QTest::addColumn<QDate>("expected");
        QTest::addColumn<QString>("reason");
        QTest::newRow("given") << QDate(1990, 3, 7) << QDate() << QDate(1990, 3, 7) << "";
        QTest::newRow("matches the ID") << QDate(1990, 3, 7) << QDate(1990, 3, 7) << QDate(1990, 3, 7) << "";
        QTest::newRow("filled from the ID") << QDate() << QDate(1990, 3, 7) << QDate(1990, 3, 7) << "";
        QTest::newRow("neither") << QDate() << QDate() << QDate() << "";
        QTest::newRow("today") << today() << QDate() << today() << "";
        QTest::newRow("tomorrow") << today().addDays(1) << QDate() << QDate() << "in the future";
        QTest::newRow("1899") << QDate(1899, 12, 31) << QDate() << QDate() << "before 1900";
        QTest::newRow("differs from the ID")
            << QDate(1990, 3, 8) << QDate(1990, 3, 7) << QDate() << "does not match the one in the ID number";
    }
    void birthDate()
    {
        QFETCH(QDate, date);
        QFETCH(QDate, fromId);
        QFETCH(QDate, expected);
        QFETCH(QString, reason);
        const Result<QDate> result = Validators::birthDate(date, today(), fromId);
        if (reason.isEmpty()) {
            QVERIFY(result.ok());
            QCOMPARE(*result, expected);
            return;
        }
        QVERIFY(!result.ok());
        QCOMPARE(result.error().field, QStringLiteral("birth_date"));
        QVERIFY2(result.error().message.contains(reason), qPrintable(result.error().message));
        QVERIFY(!result.error().message.contains(QStringLiteral("1990")));
    }

    void mobileOrAddress()
    {
        QVERIFY(Validators::mobileOrAddress(QStringLiteral("13800138000"), QString()).ok());
        QVERIFY(Validators::mobileOrAddress(QString(), QStringLiteral("建国路1号")).ok());
        const Status neither = Validators::mobileOrAddress(QStringLiteral(" "), QString());
        QVERIFY(!neither.ok());
        QCOMPARE(neither.code(), ErrorCode::InvalidInput);
        QCOMPARE(neither.error().field, QStringLiteral("mobile"));
    }

    void looksLikeSecret_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("secret");
        QTest::newRow("密码 + digits") << QStringLiteral("客户密码123456") << true;
        QTest::newRow("密码是") << QStringLiteral("客户说密码是 888888，请尽快处理") << true;
        QTest::newRow("密码为 letters and digits") << QStringLiteral("网银密码为Abc@2024") << true;
        QTest::newRow("full-width colon") << QStringLiteral("查询密码：135790") << true;
        QTest::newRow("PIN") << "PIN: 1234" << true;
        QTest::newRow("PIN码") << QStringLiteral("PIN码 4321") << true;
        QTest::newRow("password=") << "password=Abc12345" << true;
        QTest::newRow("password is") << "online banking password is qwe123" << true;
        QTest::newRow("pwd") << "pwd: zx9c8v" << true;
        QTest::newRow("验证码") << QStringLiteral("短信验证码 602113 已告知") << true;
        QTest::newRow("CVV") << "CVV 123" << true;
        QTest::newRow("CVV2") << "card cvv2: 987" << true;
        QTest::newRow("安全码") << QStringLiteral("卡背面安全码：456") << true;
        QTest::newRow("6 digits before 密码") << QStringLiteral("123456是他的取款密码") << true;
        QTest::newRow("6 digits after 密码 with words between")
            << QStringLiteral("密码好像是生日后六位 900101") << true;
        QTest::newRow("3 digits before CVV") << "back of card shows 321, the CVV" << true;

        QTest::newRow("reset request") << QStringLiteral("客户来电咨询如何重置网银密码") << false;
        QTest::newRow("english reset") << "Customer forgot the online banking password; advised to visit the branch"
                                       << false;
        QTest::newRow("locked after 3 tries") << QStringLiteral("密码连续输错3次被锁定") << false;
        QTest::newRow("password changed twice") << "password changed 2 times this year" << false;
        QTest::newRow("mobile number") << QStringLiteral("客户手机号13800138000，地址变更") << false;
        QTest::newRow("card number") << QStringLiteral("卡号 6222 0212 3456 7894 挂失") << false;
        QTest::newRow("date") << QStringLiteral("2024年3月15日来行办理，已重置密码") << false;
        QTest::newRow("PIN pad") << "PIN pad at counter 3 replaced" << false;
        QTest::newRow("spinning") << "spin 123456 times" << false;
        QTest::newRow("CVV mentioned") << "Customer asked whether we need the CVV; told no" << false;
        QTest::newRow("6 digits far from 密码")
            << QStringLiteral("工单号 100234。客户今天下午再来柜台办理重置密码业务") << false;
        QTest::newRow("empty") << "" << false;
    }
    void looksLikeSecret()
    {
        QFETCH(QString, text);
        QFETCH(bool, secret);
        QCOMPARE(Validators::looksLikeSecret(text), secret);
    }
};

QTEST_GUILESS_MAIN(TestValidators)
#include "tst_validators.moc"
