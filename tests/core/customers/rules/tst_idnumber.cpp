// Identity document numbers: GB 11643 mainland IDs (check character, birth date, sex, 15-digit upgrade), the
// residence permits and the 2023 permanent residence card that share its layout, travel permits and passports.
// Every valid 18-character example below was computed with the MOD 11-2 rule, not copied from the code under test.
#include "core/customers/rules/IdNumber.h"

#include <QRegularExpression>
#include <QTest>

using namespace bv;

Q_DECLARE_METATYPE(bv::IdType)

namespace {

// Fixed "today" so birth dates in the future are deterministic.
QDate today()
{
    return QDate(2024, 6, 15);
}

// An error must not carry the number or any recognisable piece of it: no six consecutive characters of the
// normalised input, and no date written out.
bool leaksInput(const Error& error, const QString& input, QString* why)
{
    const QString normalized = IdNumber::normalize(input);
    static const QRegularExpression isoDate(QStringLiteral("\\d{4}-\\d{2}-\\d{2}"));
    for (const QString& text : {error.message, error.detail}) {
        for (qsizetype i = 0; i + 6 <= normalized.size(); ++i) {
            if (text.contains(normalized.mid(i, 6))) {
                *why = QStringLiteral("contains characters %1-%2 of the input: %3").arg(i + 1).arg(i + 6).arg(text);
                return true;
            }
        }
        if (text.contains(isoDate)) {
            *why = QStringLiteral("contains a date: %1").arg(text);
            return true;
        }
    }
    return false;
}

} // namespace

class TestIdNumber : public QObject
{
    Q_OBJECT

private slots:
    void typeKeys_data()
    {
        QTest::addColumn<IdType>("type");
        QTest::addColumn<QString>("key");
        QTest::newRow("mainland") << IdType::MainlandId << QStringLiteral("mainland_id");
        QTest::newRow("hk/macau") << IdType::HongKongMacauPermit << QStringLiteral("hk_macau_permit");
        QTest::newRow("taiwan") << IdType::TaiwanPermit << QStringLiteral("taiwan_permit");
        QTest::newRow("permanent residence")
            << IdType::ForeignPermanentResidence << QStringLiteral("foreign_permanent_residence");
        QTest::newRow("passport cn") << IdType::ChinesePassport << QStringLiteral("passport_cn");
        QTest::newRow("passport foreign") << IdType::ForeignPassport << QStringLiteral("passport_foreign");
        QTest::newRow("other") << IdType::Other << QStringLiteral("other");
    }
    void typeKeys()
    {
        QFETCH(IdType, type);
        QFETCH(QString, key);
        QCOMPARE(idTypeKey(type), key);
        const Result<IdType> parsed = idTypeFromKey(key);
        QVERIFY(parsed.ok());
        QCOMPARE(*parsed, type);
        QVERIFY(allIdTypes().contains(type));
    }

    void unknownTypeKey()
    {
        QCOMPARE(allIdTypes().size(), 7);
        const Result<IdType> parsed = idTypeFromKey(QStringLiteral("driving_licence"));
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.code(), ErrorCode::InvalidInput);
        QCOMPARE(parsed.error().field, QStringLiteral("id_type"));
        QVERIFY(!idTypeFromKey(QStringLiteral("MAINLAND_ID")).ok());
    }

    void normalize_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("trim and inner spaces") << QStringLiteral(" 110105 19491231 002x\t") << "11010519491231002X";
        QTest::newRow("full-width digits")
            << QStringLiteral("１１０１０５１９４９１２３１００２ｘ") << "11010519491231002X";
        QTest::newRow("ideographic space") << QStringLiteral("E1234\u30005678") << "E12345678";
        QTest::newRow("zero-width space") << QStringLiteral("H1234\u200B5678") << "H12345678";
        QTest::newRow("lower case") << QStringLiteral("ea1234567") << "EA1234567";
    }
    void normalize()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(IdNumber::normalize(input), expected);
    }

    void checkCharacter_data()
    {
        QTest::addColumn<QString>("first17");
        QTest::addColumn<QChar>("expected");
        QTest::newRow("ten is X") << "11010519491231002" << QChar(u'X');
        QTest::newRow("nine") << "11010519900307123" << QChar(u'9');
        QTest::newRow("one") << "11010519900307223" << QChar(u'1');
        QTest::newRow("zero weights sum") << "00000000000000000" << QChar(u'1');
        QTest::newRow("16 digits") << "1101051990030712" << QChar();
        QTest::newRow("18 digits") << "110105199003071239" << QChar();
        QTest::newRow("letter") << "1101051990030712A" << QChar();
    }
    void checkCharacter()
    {
        QFETCH(QString, first17);
        QFETCH(QChar, expected);
        QCOMPARE(IdNumber::checkCharacter(first17), expected);
    }

    void mod11_2Valid_data()
    {
        QTest::addColumn<QString>("number");
        QTest::addColumn<bool>("valid");
        QTest::newRow("X") << "11010519491231002X" << true;
        QTest::newRow("lower-case x") << "11010519491231002x" << true;
        QTest::newRow("digit") << "110105199003071239" << true;
        QTest::newRow("wrong check digit") << "110105199003071238" << false;
        QTest::newRow("X where 9 belongs") << "11010519900307123X" << false;
        QTest::newRow("one digit changed") << "110105199003072239" << false;
        QTest::newRow("two digits swapped") << "110105199000371239" << false;
        QTest::newRow("17 characters") << "11010519900307123" << false;
        QTest::newRow("empty") << "" << false;
    }
    void mod11_2Valid()
    {
        QFETCH(QString, number);
        QFETCH(bool, valid);
        QCOMPARE(IdNumber::mod11_2Valid(number), valid);
    }

    void upgrade15To18_data()
    {
        QTest::addColumn<QString>("id15");
        QTest::addColumn<QString>("id18");
        QTest::newRow("check X") << "110105491231002"
                                 << "11010519491231002X";
        QTest::newRow("check 3") << "440524800101001"
                                 << "440524198001010013";
        QTest::newRow("check 6") << "130503670401001"
                                 << "130503196704010016";
        QTest::newRow("14 digits") << "11010549123100"
                                   << "";
        QTest::newRow("letter") << "11010549123100X"
                                << "";
    }
    void upgrade15To18()
    {
        QFETCH(QString, id15);
        QFETCH(QString, id18);
        QCOMPARE(IdNumber::upgrade15To18(id15), id18);
        if (!id18.isEmpty())
            QVERIFY(IdNumber::mod11_2Valid(id18));
    }

    void derivation_data()
    {
        QTest::addColumn<QString>("number");
        QTest::addColumn<QDate>("birthDate");
        QTest::addColumn<QChar>("sex");
        QTest::newRow("18 male") << "110105199003071239" << QDate(1990, 3, 7) << QChar(u'M');
        QTest::newRow("18 female") << "11010519491231002X" << QDate(1949, 12, 31) << QChar(u'F');
        QTest::newRow("18 sequence ending 0 is female") << "440308199901011101" << QDate(1999, 1, 1) << QChar(u'F');
        QTest::newRow("15 female") << "110105491231002" << QDate(1949, 12, 31) << QChar(u'F');
        QTest::newRow("15 male") << "440524800101001" << QDate(1980, 1, 1) << QChar(u'M');
        QTest::newRow("date does not exist") << "11010519900230001X" << QDate() << QChar(u'M');
        QTest::newRow("passport") << "E12345678" << QDate() << QChar();
        QTest::newRow("empty") << "" << QDate() << QChar();
    }
    void derivation()
    {
        QFETCH(QString, number);
        QFETCH(QDate, birthDate);
        QFETCH(QChar, sex);
        QCOMPARE(IdNumber::birthDate(number), birthDate);
        QCOMPARE(IdNumber::sex(number), sex);
    }

    void validMainland_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("normalized");
        QTest::addColumn<QDate>("birthDate");
        QTest::addColumn<QChar>("sex");
        QTest::addColumn<bool>("upgraded");
        QTest::newRow("check X") << "11010519491231002X"
                                 << "11010519491231002X" << QDate(1949, 12, 31) << QChar(u'F') << false;
        QTest::newRow("lower-case x") << "11010519491231002x"
                                      << "11010519491231002X" << QDate(1949, 12, 31) << QChar(u'F') << false;
        QTest::newRow("another X") << "32010219880112234X"
                                   << "32010219880112234X" << QDate(1988, 1, 12) << QChar(u'F') << false;
        QTest::newRow("spaces around and inside") << "  320102 19880112 234x "
                                                  << "32010219880112234X" << QDate(1988, 1, 12) << QChar(u'F') << false;
        QTest::newRow("full-width") << QStringLiteral("１１０１０５１９９００３０７１２３９") << "110105199003071239"
                                    << QDate(1990, 3, 7) << QChar(u'M') << false;
        QTest::newRow("male") << "110105199003071239"
                              << "110105199003071239" << QDate(1990, 3, 7) << QChar(u'M') << false;
        QTest::newRow("leap day 2000") << "510104200002290011"
                                       << "510104200002290011" << QDate(2000, 2, 29) << QChar(u'M') << false;
        QTest::newRow("earliest 1900-01-01") << "110101190001010014"
                                             << "110101190001010014" << QDate(1900, 1, 1) << QChar(u'M') << false;
        QTest::newRow("born today") << "110105202406150024"
                                    << "110105202406150024" << QDate(2024, 6, 15) << QChar(u'F') << false;
        QTest::newRow("region starting with 8") << "810105199003071234"
                                                << "810105199003071234" << QDate(1990, 3, 7) << QChar(u'M') << false;
        QTest::newRow("15 digits upgraded") << "110105491231002"
                                            << "11010519491231002X" << QDate(1949, 12, 31) << QChar(u'F') << true;
        QTest::newRow("15 digits upgraded, male") << " 440524 800101 001 "
                                                  << "440524198001010013" << QDate(1980, 1, 1) << QChar(u'M') << true;
    }
    void validMainland()
    {
        QFETCH(QString, input);
        QFETCH(QString, normalized);
        QFETCH(QDate, birthDate);
        QFETCH(QChar, sex);
        QFETCH(bool, upgraded);
        const Result<IdCheck> check = IdNumber::validate(IdType::MainlandId, input, today());
        QVERIFY2(check.ok(), qPrintable(check.ok() ? QString() : check.error().message));
        QCOMPARE(check->normalized, normalized);
        QCOMPARE(check->type, IdType::MainlandId);
        QCOMPARE(check->birthDate, birthDate);
        QCOMPARE(check->sex, sex);
        QCOMPARE(check->upgradedFrom15, upgraded);
        QVERIFY(IdNumber::mod11_2Valid(check->normalized));
        // The declared sex, when it agrees, is accepted in either case.
        QVERIFY(IdNumber::validate(IdType::MainlandId, input, today(), sex).ok());
        QVERIFY(IdNumber::validate(IdType::MainlandId, input, today(), sex.toLower()).ok());
    }

    void invalidMainland_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("reason");
        QTest::newRow("wrong check digit") << "110105199003071238"
                                           << "does not add up";
        QTest::newRow("X where 9 belongs") << "11010519900307123X"
                                           << "does not add up";
        QTest::newRow("digit where X belongs") << "110105194912310020"
                                               << "does not add up";
        QTest::newRow("one digit changed") << "110105199003072239"
                                           << "does not add up";
        QTest::newRow("month 13") << "110105199013010018"
                                  << "(characters 7 to 14) does not exist";
        QTest::newRow("February 30") << "11010519900230001X"
                                     << "(characters 7 to 14) does not exist";
        QTest::newRow("February 29, 1990") << "110105199002290018"
                                           << "(characters 7 to 14) does not exist";
        QTest::newRow("February 29, 1900 (not leap)") << "110105190002290017"
                                                      << "(characters 7 to 14) does not exist";
        QTest::newRow("before 1900") << "11010118991231001X"
                                     << "before 1900";
        QTest::newRow("tomorrow") << "110105202406160011"
                                  << "in the future";
        QTest::newRow("leading 0") << "010105199003071235"
                                   << "should be 1 to 8";
        QTest::newRow("leading 9") << "910105199003071238"
                                   << "foreign permanent residence ID card";
        // residence permits for Hong Kong, Macau and Taiwan residents have the layout (and check digit) of an ID
        // number but are their own documents: routed to their types, never accepted as a mainland ID
        QTest::newRow("taiwan residence permit") << "830000197511110049"
                                                 << "Taiwan residents' travel or residence permit";
        QTest::newRow("hong kong residence permit") << "810000199408230021"
                                                    << "Hong Kong/Macau residents' travel or residence permit";
        QTest::newRow("macau residence permit") << "820000198506120026"
                                                << "Hong Kong/Macau residents' travel or residence permit";
        QTest::newRow("17 characters") << "11010519900307123"
                                       << "should have 18 characters";
        QTest::newRow("19 characters") << "1101051990030712390"
                                       << "should have 18 characters";
        QTest::newRow("letter inside") << "1101051990030712A9"
                                       << "character 17 is not a digit";
        QTest::newRow("bad last character") << "11010519900307123Y"
                                            << "digit or X";
        QTest::newRow("15 digits, month 13") << "110105901301001"
                                             << "(characters 7 to 12) does not exist";
        QTest::newRow("15 digits, February 29, 1990") << "110105900229001"
                                                      << "(characters 7 to 12) does not exist";
        QTest::newRow("15 digits, letter") << "11010549123100X"
                                           << "character 15 is not a digit";
        QTest::newRow("15 digits, leading 0") << "010105491231002"
                                              << "should be 1 to 8";
        QTest::newRow("blank") << "   "
                               << "Enter the ID number";
    }
    void invalidMainland()
    {
        QFETCH(QString, input);
        QFETCH(QString, reason);
        const Result<IdCheck> check = IdNumber::validate(IdType::MainlandId, input, today());
        QVERIFY(!check.ok());
        QCOMPARE(check.code(), ErrorCode::InvalidInput);
        QCOMPARE(check.error().field, QStringLiteral("id_number"));
        QVERIFY2(check.error().message.contains(reason), qPrintable(check.error().message));
        QString why;
        QVERIFY2(!leaksInput(check.error(), input, &why), qPrintable(why));
    }

    // A wrong check character does not say which character is wrong nor what the last one "should be": the
    // message is the same whichever character was mistyped, and it asks for the whole number to be compared.
    void checkCharacterMessageInvitesNoChangeOfTheLastCharacter()
    {
        const QStringList wrong {QStringLiteral("110105199003071238"), QStringLiteral("11010519900307123X"),
            QStringLiteral("110105194912310020"), QStringLiteral("110105199003072239")};
        QString first;
        for (const QString& input : wrong) {
            const Result<IdCheck> check = IdNumber::validate(IdType::MainlandId, input, today());
            QVERIFY2(!check.ok(), qPrintable(input));
            const QString message = check.error().message;
            if (first.isEmpty())
                first = message;
            QCOMPARE(message, first);
        }
        QVERIFY(first.contains(QStringLiteral("Any of the 18 characters may be mistyped")));
        QVERIFY(first.contains(QStringLiteral("compare the whole number with the document")));
        QVERIFY(!first.contains(QStringLiteral("should be")));
    }

    void futureDependsOnToday()
    {
        const QString number = QStringLiteral("110105202406160011");
        QVERIFY(!IdNumber::validate(IdType::MainlandId, number, QDate(2024, 6, 15)).ok());
        const Result<IdCheck> check = IdNumber::validate(IdType::MainlandId, number, QDate(2024, 6, 16));
        QVERIFY(check.ok());
        QCOMPARE(check->birthDate, QDate(2024, 6, 16));
    }

    void declaredSex_data()
    {
        QTest::addColumn<IdType>("type");
        QTest::addColumn<QString>("input");
        QTest::addColumn<QChar>("declared");
        QTest::addColumn<QString>("errorField");
        QTest::newRow("male agrees") << IdType::MainlandId << "110105199003071239" << QChar(u'M') << "";
        QTest::newRow("male declared female") << IdType::MainlandId << "110105199003071239" << QChar(u'F') << "sex";
        QTest::newRow("female agrees") << IdType::MainlandId << "11010519491231002X" << QChar(u'F') << "";
        QTest::newRow("female declared male") << IdType::MainlandId << "11010519491231002X" << QChar(u'M') << "sex";
        QTest::newRow("female declared male, lower case")
            << IdType::MainlandId << "11010519491231002X" << QChar(u'm') << "sex";
        QTest::newRow("15 digits female declared male")
            << IdType::MainlandId << "110105491231002" << QChar(u'M') << "sex";
        QTest::newRow("residence permit female declared male")
            << IdType::HongKongMacauPermit << "810000199408230021" << QChar(u'M') << "sex";
        QTest::newRow("2023 permanent residence male declared female")
            << IdType::ForeignPermanentResidence << "911840198503120116" << QChar(u'F') << "sex";
        QTest::newRow("not a sex") << IdType::MainlandId << "110105199003071239" << QChar(u'Q') << "sex";
        QTest::newRow("passport carries no sex") << IdType::ChinesePassport << "E12345678" << QChar(u'F') << "";
        QTest::newRow("check error comes before sex")
            << IdType::MainlandId << "110105199003071238" << QChar(u'F') << "id_number";
    }
    void declaredSex()
    {
        QFETCH(IdType, type);
        QFETCH(QString, input);
        QFETCH(QChar, declared);
        QFETCH(QString, errorField);
        const Result<IdCheck> check = IdNumber::validate(type, input, today(), declared);
        if (errorField.isEmpty()) {
            QVERIFY2(check.ok(), qPrintable(check.ok() ? QString() : check.error().message));
            return;
        }
        QVERIFY(!check.ok());
        QCOMPARE(check.error().field, errorField);
        QString why;
        QVERIFY2(!leaksInput(check.error(), input, &why), qPrintable(why));
    }

    void otherDocuments_data()
    {
        QTest::addColumn<IdType>("type");
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("normalized"); // empty: refused
        QTest::addColumn<QDate>("birthDate");
        QTest::addColumn<QChar>("sex");

        const IdType hk = IdType::HongKongMacauPermit;
        QTest::newRow("hk travel permit") << hk << "H12345678"
                                          << "H12345678" << QDate() << QChar();
        QTest::newRow("macau travel permit, spaced") << hk << " m 1234 5678 "
                                                     << "M12345678" << QDate() << QChar();
        QTest::newRow("hk permit with issue count") << hk << "H1234567801"
                                                    << "H1234567801" << QDate() << QChar();
        QTest::newRow("hk permit, 7 digits") << hk << "H1234567"
                                             << "" << QDate() << QChar();
        QTest::newRow("hk permit, 9 digits") << hk << "H123456789"
                                             << "" << QDate() << QChar();
        QTest::newRow("hk permit, wrong letter") << hk << "K12345678"
                                                 << "" << QDate() << QChar();
        QTest::newRow("hk residence permit") << hk << "810000199408230021"
                                             << "810000199408230021" << QDate(1994, 8, 23) << QChar(u'F');
        QTest::newRow("macau residence permit") << hk << "820000198001010032"
                                                << "820000198001010032" << QDate(1980, 1, 1) << QChar(u'M');
        QTest::newRow("hk residence permit, wrong check") << hk << "810000199408230022"
                                                          << "" << QDate() << QChar();
        QTest::newRow("hk type, taiwan residence permit") << hk << "830000197511110049"
                                                          << "" << QDate() << QChar();
        QTest::newRow("hk type, mainland id") << hk << "110105199003071239"
                                              << "" << QDate() << QChar();

        const IdType tw = IdType::TaiwanPermit;
        QTest::newRow("taiwan permit card") << tw << "12345678"
                                            << "12345678" << QDate() << QChar();
        QTest::newRow("taiwan booklet (B)") << tw << "12345678(b)"
                                            << "12345678B" << QDate() << QChar();
        QTest::newRow("taiwan booklet full-width parentheses")
            << tw << QStringLiteral("12345678（B）") << "12345678B" << QDate() << QChar();
        QTest::newRow("taiwan booklet 10 digits") << tw << "1234567801"
                                                  << "1234567801" << QDate() << QChar();
        QTest::newRow("taiwan permit, 7 digits") << tw << "1234567"
                                                 << "" << QDate() << QChar();
        QTest::newRow("taiwan permit, letter first") << tw << "A1234567"
                                                     << "" << QDate() << QChar();
        QTest::newRow("taiwan permit, 11 characters") << tw << "12345678ABC"
                                                      << "" << QDate() << QChar();
        QTest::newRow("taiwan residence permit") << tw << "830000197511110049"
                                                 << "830000197511110049" << QDate(1975, 11, 11) << QChar(u'F');
        QTest::newRow("taiwan type, hk residence permit") << tw << "810000199408230021"
                                                          << "" << QDate() << QChar();

        const IdType pr = IdType::ForeignPermanentResidence;
        QTest::newRow("permanent residence, old") << pr << "USA110085031201"
                                                  << "USA110085031201" << QDate() << QChar();
        QTest::newRow("permanent residence, old, lower case spaced") << pr << " usa 1100 8503 1201"
                                                                     << "USA110085031201" << QDate() << QChar();
        QTest::newRow("permanent residence, old, 2 letters") << pr << "US1100850312011"
                                                             << "" << QDate() << QChar();
        QTest::newRow("permanent residence, old, 11 digits") << pr << "USA11008503120"
                                                             << "" << QDate() << QChar();
        QTest::newRow("permanent residence, 2023, male") << pr << "911840198503120116"
                                                         << "911840198503120116" << QDate(1985, 3, 12) << QChar(u'M');
        QTest::newRow("permanent residence, 2023, female") << pr << "911840198503120124"
                                                           << "911840198503120124" << QDate(1985, 3, 12) << QChar(u'F');
        QTest::newRow("permanent residence, 2023, wrong check") << pr << "911840198503120117"
                                                                << "" << QDate() << QChar();
        QTest::newRow("permanent residence, mainland id") << pr << "110105199003071239"
                                                          << "" << QDate() << QChar();
        QTest::newRow("permanent residence, 2023, bad date") << pr << "911840198502300119"
                                                             << "" << QDate() << QChar();

        const IdType cn = IdType::ChinesePassport;
        QTest::newRow("passport E + 8") << cn << "E12345678"
                                        << "E12345678" << QDate() << QChar();
        QTest::newRow("passport EA + 7") << cn << "EA1234567"
                                         << "EA1234567" << QDate() << QChar();
        QTest::newRow("passport, lower case spaced") << cn << " e a 1234567 "
                                                     << "EA1234567" << QDate() << QChar();
        QTest::newRow("passport G + 8") << cn << "G12345678"
                                        << "G12345678" << QDate() << QChar();
        QTest::newRow("diplomatic e-passport") << cn << "DE1234567"
                                               << "DE1234567" << QDate() << QChar();
        QTest::newRow("service passport") << cn << "S1234567"
                                          << "S1234567" << QDate() << QChar();
        QTest::newRow("passport EI (no I)") << cn << "EI1234567"
                                            << "" << QDate() << QChar();
        QTest::newRow("passport E + 7") << cn << "E1234567"
                                        << "" << QDate() << QChar();
        QTest::newRow("passport E + 9") << cn << "E123456789"
                                        << "" << QDate() << QChar();
        QTest::newRow("passport K") << cn << "K12345678"
                                    << "" << QDate() << QChar();

        const IdType foreign = IdType::ForeignPassport;
        QTest::newRow("foreign passport digits") << foreign << "123456789"
                                                 << "123456789" << QDate() << QChar();
        QTest::newRow("foreign passport mixed") << foreign << "c01x00t47"
                                                << "C01X00T47" << QDate() << QChar();
        QTest::newRow("foreign passport 5") << foreign << "AB123"
                                            << "AB123" << QDate() << QChar();
        QTest::newRow("foreign passport 4") << foreign << "A123"
                                            << "" << QDate() << QChar();
        QTest::newRow("foreign passport 18") << foreign << "AB1234567890123456"
                                             << "" << QDate() << QChar();
        QTest::newRow("foreign passport letters only") << foreign << "SMITHJOHN"
                                                       << "" << QDate() << QChar();
        QTest::newRow("foreign passport hyphen") << foreign << "AB-12345"
                                                 << "" << QDate() << QChar();

        const IdType other = IdType::Other;
        QTest::newRow("other, officer card")
            << other << QStringLiteral("南字第 012345 号") << QStringLiteral("南字第012345号") << QDate() << QChar();
        QTest::newRow("other, 33 characters") << other << QString(33, u'A') << "" << QDate() << QChar();
        // lengths count characters: U+20000 is one character (two UTF-16 units)
        QTest::newRow("other, 32 supplementary characters")
            << other << QStringLiteral("𠀀").repeated(32) << QStringLiteral("𠀀").repeated(32) << QDate() << QChar();
        QTest::newRow("other, 33 supplementary characters")
            << other << QStringLiteral("𠀀").repeated(33) << "" << QDate() << QChar();
        QTest::newRow("other, control character") << other << QStringLiteral("AB\u0001CD") << "" << QDate() << QChar();
        QTest::newRow("other, blank") << other << "  "
                                      << "" << QDate() << QChar();
    }
    void otherDocuments()
    {
        QFETCH(IdType, type);
        QFETCH(QString, input);
        QFETCH(QString, normalized);
        QFETCH(QDate, birthDate);
        QFETCH(QChar, sex);
        const Result<IdCheck> check = IdNumber::validate(type, input, today());
        if (normalized.isEmpty()) {
            QVERIFY(!check.ok());
            QCOMPARE(check.code(), ErrorCode::InvalidInput);
            QCOMPARE(check.error().field, QStringLiteral("id_number"));
            QVERIFY(!check.error().message.isEmpty());
            QString why;
            QVERIFY2(!leaksInput(check.error(), input, &why), qPrintable(why));
            return;
        }
        QVERIFY2(check.ok(), qPrintable(check.ok() ? QString() : check.error().message));
        QCOMPARE(check->normalized, normalized);
        QCOMPARE(check->type, type);
        QCOMPARE(check->birthDate, birthDate);
        QCOMPARE(check->sex, sex);
        QCOMPARE(check->upgradedFrom15, false);
    }

    // The leak check itself must be able to fail.
    void leakCheckDetectsLeaks()
    {
        QString why;
        const Error leaky = makeError(ErrorCode::InvalidInput, QStringLiteral("Number 110105199003071238 is bad"));
        QVERIFY(leaksInput(leaky, QStringLiteral("110105199003071238"), &why));
        const Error dated = makeError(ErrorCode::InvalidInput, QStringLiteral("born 1990-02-30"));
        QVERIFY(leaksInput(dated, QStringLiteral("E12345678"), &why));
        const Error detail = makeError(ErrorCode::InvalidInput, QStringLiteral("bad"), QStringLiteral("H12345678"));
        QVERIFY(leaksInput(detail, QStringLiteral("H12345678"), &why));
    }

    void typeNamesAreDistinct()
    {
        QStringList names;
        for (const IdType type : allIdTypes())
            names.append(IdNumber::typeName(type));
        names.removeDuplicates();
        QCOMPARE(names.size(), 7);
        QCOMPARE(IdNumber::typeName(IdType::MainlandId), QStringLiteral("Mainland resident ID card"));
    }
};

QTEST_GUILESS_MAIN(TestIdNumber)
#include "tst_idnumber.moc"
