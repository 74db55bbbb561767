// The grade-1 masks of DESIGN §4 and their settings: expected masks per kind, the regulatory floors
// (also against hand-built bad settings), and validation / persistence of the mask widths.
#include "core/policy/MaskSettings.h"
#include "core/policy/Masking.h"
#include "core/policy/SettingsService.h"
#include "tests/testsupport/TestSupport.h"

#include <QTest>

#include <functional>

using namespace bv;

Q_DECLARE_METATYPE(bv::MaskKind)
Q_DECLARE_METATYPE(bv::MaskSettings)

namespace {

// Number of code points (a surrogate pair counts once).
qsizetype codePointCount(const QString& s)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s.at(i).isHighSurrogate() && i + 1 < s.size() && s.at(i + 1).isLowSurrogate())
            ++i;
        ++count;
    }
    return count;
}

QString digitsOnly(const QString& s)
{
    QString result;
    for (const QChar c : s) {
        if (c.isDigit() || c == u'*')
            result += c;
    }
    return result;
}

// Sets one width by its settings key, without validation (a "hand-built" MaskSettings).
MaskSettings withWidth(MaskSettings settings, const QString& key, int value)
{
    const std::pair<QLatin1StringView, int MaskSettings::*> members[] = {
        {MaskSettings::kPhoneKeepStartKey, &MaskSettings::phoneKeepStart},
        {MaskSettings::kPhoneKeepEndKey, &MaskSettings::phoneKeepEnd},
        {MaskSettings::kMainlandIdKeepStartKey, &MaskSettings::mainlandIdKeepStart},
        {MaskSettings::kOtherIdKeepStartKey, &MaskSettings::otherIdKeepStart},
        {MaskSettings::kAccountKeepStartKey, &MaskSettings::accountKeepStart},
        {MaskSettings::kAccountKeepEndKey, &MaskSettings::accountKeepEnd},
        {MaskSettings::kAddressKeepStartKey, &MaskSettings::addressKeepStart},
        {MaskSettings::kEmailLocalKeepKey, &MaskSettings::emailLocalKeep},
    };
    for (const auto& [k, member] : members) {
        if (k == key) {
            settings.*member = value;
            return settings;
        }
    }
    qFatal("unknown mask setting key %s", qPrintable(key));
    return settings;
}

// Widths well outside what validate() allows, including negative ones.
QList<MaskSettings> handBuiltSettings()
{
    QList<MaskSettings> list;
    list.append(MaskSettings());
    for (const int v : {-5, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 14, 15, 16, 18, 19, 20, 100}) {
        for (const int w : {-1, 0, 2, 4, 7, 11, 50}) {
            MaskSettings s;
            s.phoneKeepStart = v;
            s.phoneKeepEnd = w;
            s.mainlandIdKeepStart = v;
            s.otherIdKeepStart = v;
            s.accountKeepStart = v;
            s.accountKeepEnd = w;
            s.addressKeepStart = v;
            s.emailLocalKeep = v;
            list.append(s);
        }
    }
    return list;
}

QString settingsText(const MaskSettings& s)
{
    return QStringLiteral("phone %1/%2 account %3/%4 mainland %5 other %6")
        .arg(s.phoneKeepStart)
        .arg(s.phoneKeepEnd)
        .arg(s.accountKeepStart)
        .arg(s.accountKeepEnd)
        .arg(s.mainlandIdKeepStart)
        .arg(s.otherIdKeepStart);
}

// One width's reference value and kind, for the floors table.
struct Reference
{
    MaskKind kind;
    QString value;
};

Reference referenceFor(const QString& key)
{
    if (key.startsWith(QLatin1String("mask.phone.")))
        return {MaskKind::Phone, QStringLiteral("13812345678")};
    if (key.startsWith(QLatin1String("mask.mainland_id.")))
        return {MaskKind::MainlandId, QStringLiteral("11010519491231002X")};
    if (key.startsWith(QLatin1String("mask.other_id.")))
        return {MaskKind::OtherId, QStringLiteral("E12345678")};
    if (key.startsWith(QLatin1String("mask.account.")))
        return {MaskKind::Account, QStringLiteral("6222021234561234")};
    if (key.startsWith(QLatin1String("mask.address.")))
        return {MaskKind::Address, QStringLiteral("北京市朝阳区建国路88号")};
    return {MaskKind::Email, QStringLiteral("zhangsan@example.cn")};
}

// The positions of `value` that `masked` shows (same length, each shown character at its own place).
QList<int> shownPositions(const QString& value, const QString& masked)
{
    QList<int> shown;
    for (int i = 0; i < value.size() && i < masked.size(); ++i) {
        if (masked.at(i) != u'*') {
            shown.append(i);
            if (masked.at(i) != value.at(i))
                shown.append(-1); // a character not at its place: never expected
        }
    }
    return shown;
}

QList<int> positions(int from, int to)
{
    QList<int> list;
    for (int i = from; i < to; ++i)
        list.append(i);
    return list;
}

} // namespace

class TestMasking : public QObject
{
    Q_OBJECT

private:
    static void addColumns()
    {
        QTest::addColumn<MaskKind>("kind");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
    }

    static void add(const char* name, MaskKind kind, const QString& value, const QString& expected)
    {
        QTest::newRow(name) << kind << value << expected;
    }

    static void verifyMask()
    {
        QFETCH(MaskKind, kind);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        const QString masked = Masking::mask(kind, value);
        QCOMPARE(masked, expected);
        QVERIFY2(masked.isValidUtf16(), "a surrogate pair was cut");
    }

private slots:
    // ---- the masks with default settings ------------------------------------------------------

    void names_data()
    {
        addColumns();
        const auto k = MaskKind::Name;
        add("1 char", k, QStringLiteral("张"), QStringLiteral("*"));
        add("2 chars", k, QStringLiteral("张三"), QStringLiteral("张*"));
        add("3 chars", k, QStringLiteral("李小明"), QStringLiteral("李*明"));
        add("4 chars", k, QStringLiteral("欧阳娜娜"), QStringLiteral("欧**娜"));
        add("5 chars", k, QStringLiteral("司马相如文"), QStringLiteral("司***文"));
        add("ethnic name with middle dot", k, QStringLiteral("阿沛·阿旺晋美"), QStringLiteral("阿*****美"));
        add("trimmed", k, QStringLiteral("  张三 "), QStringLiteral("张*"));
        add("space inside CJK name dropped", k, QStringLiteral("张 三"), QStringLiteral("张*"));
        // U+2000B and U+2A6A5 (CJK Extension B) are one character each, two UTF-16 units.
        add("ext-B alone", k, QStringLiteral("𠀋"), QStringLiteral("*"));
        add("ext-B first of 2", k, QStringLiteral("𠀋三"), QStringLiteral("𠀋*"));
        add("ext-B last of 2", k, QStringLiteral("张𠀋"), QStringLiteral("张*"));
        add("ext-B middle of 3", k, QStringLiteral("李𠀋明"), QStringLiteral("李*明"));
        add("ext-B in 4", k, QStringLiteral("欧阳𠀋娜"), QStringLiteral("欧**娜"));
        add("ext-B first and last", k, QStringLiteral("𪚥小𠀋"), QStringLiteral("𪚥*𠀋"));
        add("latin two words", k, QStringLiteral("John Smith"), QStringLiteral("J S***"));
        add("pinyin", k, QStringLiteral("Zhang San"), QStringLiteral("Z S***"));
        add("latin apostrophe", k, QStringLiteral("O'Neil"), QStringLiteral("O***"));
        add("latin hyphenated word", k, QStringLiteral("Mary-Jane Watson"), QStringLiteral("M W***"));
        add("latin three words, extra spaces", k, QStringLiteral("  john   ronald  tolkien "),
            QStringLiteral("j r t***"));
        add("latin accents", k, QStringLiteral("José García"), QStringLiteral("J G***"));
        add("latin with middle dot", k, QStringLiteral("John·Smith"), QStringLiteral("J S***"));
        add("latin initials only", k, QStringLiteral("J S"), QStringLiteral("***"));
        add("latin single letter", k, QStringLiteral("J"), QStringLiteral("***"));
        add("mixed CJK and latin", k, QStringLiteral("李 Lee"), QStringLiteral("李 L***"));
    }
    void names() { verifyMask(); }

    void mainlandIds_data()
    {
        addColumns();
        const auto k = MaskKind::MainlandId;
        add("18 with X", k, QStringLiteral("11010519491231002X"), QStringLiteral("110105************"));
        add("18 with x", k, QStringLiteral("11010519491231002x"), QStringLiteral("110105************"));
        add("18 digits", k, QStringLiteral("440301198001011234"), QStringLiteral("440301************"));
        add("15 legacy", k, QStringLiteral("110105491231002"), QStringLiteral("110105*********"));
        add("18 with spaces", k, QStringLiteral(" 110105 19491231 002X "), QStringLiteral("110105************"));
        add("malformed 10", k, QStringLiteral("1101051949"), QStringLiteral("110105****"));
        add("malformed 8", k, QStringLiteral("11010519"), QStringLiteral("1101****"));
        add("malformed 5", k, QStringLiteral("12345"), QStringLiteral("1****"));
        add("malformed 4", k, QStringLiteral("1234"), QStringLiteral("****"));
        add("malformed 1", k, QStringLiteral("1"), QStringLiteral("*"));
    }
    void mainlandIds() { verifyMask(); }

    void otherIds_data()
    {
        addColumns();
        const auto k = MaskKind::OtherId;
        add("passport E", k, QStringLiteral("E12345678"), QStringLiteral("E1*******"));
        add("passport EA", k, QStringLiteral("EA1234567"), QStringLiteral("EA*******"));
        add("foreign passport", k, QStringLiteral("X98765432"), QStringLiteral("X9*******"));
        add("HK/Macau permit", k, QStringLiteral("C12345678"), QStringLiteral("C1*******"));
        add("HK/Macau permit, old 11", k, QStringLiteral("H1234567801"), QStringLiteral("H1*********"));
        add("HK/Macau permit, brackets", k, QStringLiteral("H12345678(01)"), QStringLiteral("H1***********"));
        add("Taiwan permit 8", k, QStringLiteral("12345678"), QStringLiteral("12******"));
        add("foreign permanent residence 15", k, QStringLiteral("USA123456789012"), QStringLiteral("US*************"));
        add("short 6", k, QStringLiteral("AB1234"), QStringLiteral("AB****"));
        add("short 5", k, QStringLiteral("AB123"), QStringLiteral("A****"));
        add("short 4", k, QStringLiteral("AB12"), QStringLiteral("****"));
        add("ext-B character", k, QStringLiteral("𠀋12345678"), QStringLiteral("𠀋1*******"));
    }
    void otherIds() { verifyMask(); }

    void phones_data()
    {
        addColumns();
        const auto k = MaskKind::Phone;
        add("mobile", k, QStringLiteral("13812345678"), QStringLiteral("138****5678"));
        add("mobile spaced", k, QStringLiteral("138 1234 5678"), QStringLiteral("138 **** 5678"));
        add("mobile dashed", k, QStringLiteral("138-1234-5678"), QStringLiteral("138-****-5678"));
        add("mobile +86", k, QStringLiteral("+86 138 1234 5678"), QStringLiteral("+86 1** **** 5678"));
        add("landline 3-digit area code", k, QStringLiteral("010-12345678"), QStringLiteral("010-****5678"));
        add("landline brackets", k, QStringLiteral("(010) 1234 5678"), QStringLiteral("(010) **** 5678"));
        add("landline 4-digit area code", k, QStringLiteral("0755-12345678"), QStringLiteral("075*-****5678"));
        add("landline 4+7", k, QStringLiteral("0571-1234567"), QStringLiteral("057*-***4567"));
        add("10 digits", k, QStringLiteral("0101234567"), QStringLiteral("01******67"));
        add("8 digits", k, QStringLiteral("12345678"), QStringLiteral("12****78"));
        add("7 digits", k, QStringLiteral("1234567"), QStringLiteral("1****67"));
        add("6 digits", k, QStringLiteral("123456"), QStringLiteral("1****6"));
        add("5 digits", k, QStringLiteral("95588"), QStringLiteral("****8"));
        add("4 digits", k, QStringLiteral("1234"), QStringLiteral("****"));
        add("3 digits", k, QStringLiteral("110"), QStringLiteral("***"));
        add("trimmed", k, QStringLiteral("\t13812345678 "), QStringLiteral("138****5678"));
    }
    void phones() { verifyMask(); }

    void accounts_data()
    {
        addColumns();
        const auto k = MaskKind::Account;
        add("16-digit card", k, QStringLiteral("6222021234561234"), QStringLiteral("622202******1234"));
        add("16-digit card spaced", k, QStringLiteral("6222 0212 3456 1234"), QStringLiteral("6222 02** **** 1234"));
        add("17-digit", k, QStringLiteral("62220212345678901"), QStringLiteral("622202*******8901"));
        add("19-digit card", k, QStringLiteral("6217001234567890123"), QStringLiteral("621700*********0123"));
        add("12-digit account", k, QStringLiteral("123456789012"), QStringLiteral("1234****9012"));
        add("10-digit account", k, QStringLiteral("1234567890"), QStringLiteral("123****890"));
        add("8-digit account", k, QStringLiteral("12345678"), QStringLiteral("12****78"));
        add("6-digit account", k, QStringLiteral("123456"), QStringLiteral("1****6"));
        add("5-digit account", k, QStringLiteral("12345"), QStringLiteral("****5"));
        add("4-digit account", k, QStringLiteral("1234"), QStringLiteral("****"));
        add("1-digit account", k, QStringLiteral("7"), QStringLiteral("*"));
    }
    void accounts() { verifyMask(); }

    void emails_data()
    {
        addColumns();
        const auto k = MaskKind::Email;
        add("usual", k, QStringLiteral("zhangsan@example.cn"), QStringLiteral("z***@example.cn"));
        add("two-char local part", k, QStringLiteral("zs@example.cn"), QStringLiteral("z***@example.cn"));
        add("one-char local part", k, QStringLiteral("z@example.cn"), QStringLiteral("***@example.cn"));
        add("empty local part", k, QStringLiteral("@example.cn"), QStringLiteral("***@example.cn"));
        add("no @", k, QStringLiteral("zhangsan.example.cn"), QStringLiteral("***"));
        add("nothing after @", k, QStringLiteral("zhangsan@"), QStringLiteral("***"));
        add("last @ separates the domain", k, QStringLiteral("\"a@b\"@example.cn"), QStringLiteral("\"***@example.cn"));
        add("CJK", k, QStringLiteral("张三@例子.中国"), QStringLiteral("张***@例子.中国"));
        add("ext-B first", k, QStringLiteral("𠀋abc@example.cn"), QStringLiteral("𠀋***@example.cn"));
        add("trimmed", k, QStringLiteral(" Li.Si@Example.CN "), QStringLiteral("L***@Example.CN"));
    }
    void emails() { verifyMask(); }

    void addresses_data()
    {
        addColumns();
        const auto k = MaskKind::Address;
        add("long", k, QStringLiteral("北京市朝阳区建国路88号院3号楼"), QStringLiteral("北京市朝阳区****"));
        add("7 chars", k, QStringLiteral("北京市朝阳区1"), QStringLiteral("北京市朝阳区****"));
        add("6 chars", k, QStringLiteral("北京市朝阳区"), QStringLiteral("北京市****"));
        add("3 chars", k, QStringLiteral("上海市"), QStringLiteral("上****"));
        add("2 chars", k, QStringLiteral("朝阳"), QStringLiteral("朝****"));
        add("1 char", k, QStringLiteral("京"), QStringLiteral("****"));
        add("latin", k, QStringLiteral("1 Main Street, Springfield"), QStringLiteral("1 Main****"));
        add("ext-B", k, QStringLiteral("𠀋𠀋𠀋𠀋𠀋𠀋𠀋𠀋"), QStringLiteral("𠀋𠀋𠀋𠀋𠀋𠀋****"));
    }
    void addresses() { verifyMask(); }

    void birthDates_data()
    {
        addColumns();
        const auto k = MaskKind::BirthDate;
        add("iso", k, QStringLiteral("1949-12-31"), QStringLiteral("****-**-**"));
        add("compact", k, QStringLiteral("19491231"), QStringLiteral("****-**-**"));
        add("chinese", k, QStringLiteral("1949年12月31日"), QStringLiteral("****-**-**"));
    }
    void birthDates() { verifyMask(); }

    void emptyValues_data()
    {
        addColumns();
        const MaskKind kinds[] = {MaskKind::Name, MaskKind::MainlandId, MaskKind::OtherId, MaskKind::Phone,
            MaskKind::Account, MaskKind::Email, MaskKind::Address, MaskKind::BirthDate};
        for (const MaskKind kind : kinds) {
            const int i = int(kind);
            QTest::addRow("kind %d empty", i) << kind << QString() << QString();
            QTest::addRow("kind %d spaces", i) << kind << QStringLiteral("   ") << QString();
            QTest::addRow("kind %d tab, newline, ideographic space", i)
                << kind << QStringLiteral("\t\n\u3000") << QString();
        }
    }
    void emptyValues() { verifyMask(); }

    // ---- the floors -------------------------------------------------------------------------------

    // For every ID of every length, with any settings (valid or hand-built), the last 4 characters
    // are masked, the length is kept and nothing outside the shown start is revealed.
    void idLastFourNeverShown()
    {
        const QStringList alphabet = {QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2"),
            QStringLiteral("3"), QStringLiteral("5"), QStringLiteral("7"), QStringLiteral("9"), QStringLiteral("X"),
            QStringLiteral("E"), QStringLiteral("𠀋")};
        const QList<MaskSettings> settingsList = handBuiltSettings();
        for (int length = 1; length <= 24; ++length) {
            QStringList chars;
            for (int i = 0; i < length; ++i)
                chars.append(alphabet.at((i * 7 + length) % alphabet.size()));
            const QString id = chars.join(QString());
            const QString last4 = chars.mid(qMax(0, length - 4)).join(QString());
            for (const MaskKind kind : {MaskKind::MainlandId, MaskKind::OtherId}) {
                for (const MaskSettings& settings : settingsList) {
                    const QString masked = Masking::mask(kind, id, settings);
                    const QString context
                        = QStringLiteral("length %1 kind %2 %3").arg(length).arg(int(kind)).arg(settingsText(settings));
                    QVERIFY2(codePointCount(masked) == codePointCount(id), qPrintable(context));
                    QVERIFY2(masked.endsWith(QString(qMin(length, 4), u'*')), qPrintable(context));
                    QVERIFY2(!masked.endsWith(last4), qPrintable(context));
                    QVERIFY2(masked.isValidUtf16(), qPrintable(context));
                }
            }
        }
        // The 18-digit example with the widest allowed setting still hides the last 4.
        MaskSettings widest;
        widest.mainlandIdKeepStart = MaskSettings::kMainlandIdMaxKeepStart;
        QVERIFY(widest.validate().ok());
        QCOMPARE(Masking::mask(MaskKind::MainlandId, QStringLiteral("11010519491231002X"), widest),
            QStringLiteral("110105************"));
    }

    // For every 11-digit mobile, with any settings, the 4th to 7th digits are masked.
    void mobileMiddleFourNeverShown_data()
    {
        QTest::addColumn<QString>("mobile");
        for (const char* m : {"13812345678", "18698761234", "15900000001", "17755554321", "19920243333"})
            QTest::newRow(m) << QString::fromLatin1(m);
        QTest::newRow("spaced") << QStringLiteral("139 2468 1357");
        QTest::newRow("+86") << QStringLiteral("+86 186 9876 1234");
    }
    void mobileMiddleFourNeverShown()
    {
        QFETCH(QString, mobile);
        QString digits = digitsOnly(mobile);
        if (digits.size() == 13)
            digits = digits.mid(2); // the country code 86
        QCOMPARE(digits.size(), 11);
        const QString middle = digits.mid(3, 4);
        for (const MaskSettings& settings : handBuiltSettings()) {
            const QString masked = Masking::mask(MaskKind::Phone, mobile, settings);
            const QString maskedDigits = digitsOnly(masked).right(11);
            const QString context = settingsText(settings) + QStringLiteral(" -> ") + masked;
            QVERIFY2(maskedDigits.mid(3, 4) == QStringLiteral("****"), qPrintable(context));
            if (!digits.left(3).contains(middle) && !digits.right(4).contains(middle))
                QVERIFY2(!masked.contains(middle), qPrintable(context));
            // What is shown is the number's own digits at their own places.
            for (qsizetype i = 0; i < 11; ++i)
                QVERIFY2(maskedDigits.at(i) == u'*' || maskedDigits.at(i) == digits.at(i), qPrintable(context));
        }
    }

    // For every account length, with any settings, the middle 4 digits and at least 4 digits stay
    // hidden, and a value of 4 or fewer digits is hidden completely.
    void accountMiddleFourNeverShown()
    {
        for (int length = 1; length <= 24; ++length) {
            QString account;
            for (int i = 0; i < length; ++i)
                account += QChar(u'0' + (i * 3 + 1) % 10);
            for (const MaskSettings& settings : handBuiltSettings()) {
                const QString masked = Masking::mask(MaskKind::Account, account, settings);
                const QString context
                    = QStringLiteral("length %1 %2 -> %3").arg(length).arg(settingsText(settings), masked);
                QCOMPARE(masked.size(), account.size());
                const qsizetype hidden = masked.count(u'*');
                QVERIFY2(hidden >= qMin(length, 4), qPrintable(context));
                if (length > 4) {
                    const int middleStart = (length - 4) / 2;
                    QVERIFY2(masked.mid(middleStart, 4) == QStringLiteral("****"), qPrintable(context));
                }
            }
        }
    }

    // A MaskSettings built by hand with widths validate() refuses is masked within the floors.
    void handBuiltBadSettings_data()
    {
        QTest::addColumn<MaskKind>("kind");
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("width");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        const QString mobile = QStringLiteral("13812345678");
        const QString card = QStringLiteral("6222021234561234");
        QTest::newRow("phone start 11") << MaskKind::Phone << QString(MaskSettings::kPhoneKeepStartKey) << 11 << mobile
                                        << QStringLiteral("138****5678");
        QTest::newRow("phone end 11") << MaskKind::Phone << QString(MaskSettings::kPhoneKeepEndKey) << 11 << mobile
                                      << QStringLiteral("138****5678");
        QTest::newRow("phone start -3") << MaskKind::Phone << QString(MaskSettings::kPhoneKeepStartKey) << -3 << mobile
                                        << QStringLiteral("*******5678");
        QTest::newRow("account start 16") << MaskKind::Account << QString(MaskSettings::kAccountKeepStartKey) << 16
                                          << card << QStringLiteral("622202******1234");
        QTest::newRow("account end 16") << MaskKind::Account << QString(MaskSettings::kAccountKeepEndKey) << 16 << card
                                        << QStringLiteral("622202****561234");
        QTest::newRow("account end -1") << MaskKind::Account << QString(MaskSettings::kAccountKeepEndKey) << -1 << card
                                        << QStringLiteral("622202**********");
        QTest::newRow("mainland 18") << MaskKind::MainlandId << QString(MaskSettings::kMainlandIdKeepStartKey) << 18
                                     << QStringLiteral("11010519491231002X") << QStringLiteral("110105************");
        QTest::newRow("mainland 18 on 15")
            << MaskKind::MainlandId << QString(MaskSettings::kMainlandIdKeepStartKey) << 18
            << QStringLiteral("110105491231002") << QStringLiteral("110105*********");
        QTest::newRow("other 9") << MaskKind::OtherId << QString(MaskSettings::kOtherIdKeepStartKey) << 9
                                 << QStringLiteral("E12345678") << QStringLiteral("E123*****");
        QTest::newRow("other -2") << MaskKind::OtherId << QString(MaskSettings::kOtherIdKeepStartKey) << -2
                                  << QStringLiteral("E12345678") << QStringLiteral("*********");
        QTest::newRow("address -1") << MaskKind::Address << QString(MaskSettings::kAddressKeepStartKey) << -1
                                    << QStringLiteral("北京市朝阳区建国路") << QStringLiteral("****");
        QTest::newRow("address 100") << MaskKind::Address << QString(MaskSettings::kAddressKeepStartKey) << 100
                                     << QStringLiteral("北京市朝阳区建国路") << QStringLiteral("北京市朝阳区****");
        QTest::newRow("email 100") << MaskKind::Email << QString(MaskSettings::kEmailLocalKeepKey) << 100
                                   << QStringLiteral("zhangsan@example.cn") << QStringLiteral("z***@example.cn");
        QTest::newRow("email -1") << MaskKind::Email << QString(MaskSettings::kEmailLocalKeepKey) << -1
                                  << QStringLiteral("zhangsan@example.cn") << QStringLiteral("***@example.cn");
    }
    void handBuiltBadSettings()
    {
        QFETCH(MaskKind, kind);
        QFETCH(QString, key);
        QFETCH(int, width);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        const MaskSettings settings = withWidth(MaskSettings(), key, width);
        QCOMPARE(Masking::mask(kind, value, settings), expected);
    }

    // Valid non-default widths are used as set.
    void customSettings()
    {
        MaskSettings s;
        s.phoneKeepStart = 2;
        s.phoneKeepEnd = 2;
        s.mainlandIdKeepStart = 3;
        s.otherIdKeepStart = 1;
        s.accountKeepStart = 4;
        s.accountKeepEnd = 4;
        s.addressKeepStart = 3;
        s.emailLocalKeep = 0;
        QVERIFY(s.validate().ok());
        QCOMPARE(Masking::mask(MaskKind::Phone, QStringLiteral("13812345678"), s), QStringLiteral("13*******78"));
        QCOMPARE(Masking::mask(MaskKind::MainlandId, QStringLiteral("11010519491231002X"), s),
            QStringLiteral("110***************"));
        QCOMPARE(Masking::mask(MaskKind::OtherId, QStringLiteral("E12345678"), s), QStringLiteral("E********"));
        QCOMPARE(Masking::mask(MaskKind::Account, QStringLiteral("6222021234561234"), s),
            QStringLiteral("6222********1234"));
        QCOMPARE(Masking::mask(MaskKind::Address, QStringLiteral("北京市朝阳区"), s), QStringLiteral("北京市****"));
        QCOMPARE(
            Masking::mask(MaskKind::Email, QStringLiteral("zhangsan@example.cn"), s), QStringLiteral("***@example.cn"));
    }

    // ---- the floors, table-driven: every width, every value in and out of range -----------------

    void floorsForEveryWidth_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("width");
        for (const QLatin1StringView key : MaskSettings::keys()) {
            const int maximum = MaskSettings::maximum(key);
            QVERIFY(maximum >= 0);
            for (int width = -3; width <= maximum + 4; ++width)
                QTest::addRow("%s=%d", key.data(), width) << QString(key) << width;
            QTest::addRow("%s=100", key.data()) << QString(key) << 100;
        }
    }
    void floorsForEveryWidth()
    {
        QFETCH(QString, key);
        QFETCH(int, width);
        const int maximum = MaskSettings::maximum(key);
        const bool allowed = width >= 0 && width <= maximum;
        const QString allowedRange = QStringLiteral("0 to %1").arg(maximum);

        // refused by the settings themselves, naming the setting and the allowed range
        const MaskSettings settings = MaskSettings().with(key, width);
        QCOMPARE(settings.width(key), width);
        const Status valid = settings.validate();
        QCOMPARE(valid.ok(), allowed);
        if (!allowed) {
            QCOMPARE(valid.error().code, ErrorCode::InvalidInput);
            QCOMPARE(valid.error().field, key);
            QVERIFY2(valid.error().message.contains(key), qPrintable(valid.error().message));
            QVERIFY2(valid.error().message.contains(allowedRange), qPrintable(valid.error().message));
        }
        // and by the settings service, the same way
        const Result<QVariant> service = SettingsService::validate(key, QString::number(width));
        QCOMPARE(service.ok(), allowed);
        if (!allowed) {
            QCOMPARE(service.error().field, key);
            QVERIFY2(service.error().message.contains(key), qPrintable(service.error().message));
            QVERIFY2(service.error().message.contains(QStringLiteral("from ") + allowedRange),
                qPrintable(service.error().message));
        }
        const SettingSpec* spec = SettingsService::spec(key);
        QVERIFY(spec);
        QCOMPARE(spec->minimum, 0);
        QCOMPARE(spec->maximum, maximum);

        // masking clamps: whatever the width, exactly the positions of the clamped width are shown
        const int k = std::clamp(width, 0, maximum);
        const Reference ref = referenceFor(key);
        const QString masked = Masking::mask(ref.kind, ref.value, settings);
        QList<int> expected;
        if (key == QLatin1String(MaskSettings::kPhoneKeepStartKey))
            expected = positions(0, k) + positions(7, 11); // never the 4th to 7th digit
        else if (key == QLatin1String(MaskSettings::kPhoneKeepEndKey))
            expected = positions(0, 3) + positions(11 - k, 11);
        else if (key == QLatin1String(MaskSettings::kMainlandIdKeepStartKey))
            expected = positions(0, k); // never the birth date (7th to 14th) nor the last 4
        else if (key == QLatin1String(MaskSettings::kOtherIdKeepStartKey))
            expected = positions(0, k); // never the last 4
        else if (key == QLatin1String(MaskSettings::kAccountKeepStartKey))
            expected = positions(0, k) + positions(12, 16); // never the 7th to 10th digit
        else if (key == QLatin1String(MaskSettings::kAccountKeepEndKey))
            expected = positions(0, 6) + positions(16 - k, 16);
        if (ref.kind == MaskKind::Address) {
            QCOMPARE(masked, ref.value.left(k) + QStringLiteral("****"));
        } else if (ref.kind == MaskKind::Email) {
            QCOMPARE(masked, ref.value.left(k) + QStringLiteral("***@example.cn"));
        } else {
            QCOMPARE(masked.size(), ref.value.size());
            QCOMPARE(shownPositions(ref.value, masked), expected);
        }
        if (ref.kind == MaskKind::MainlandId) {
            // the 15-digit card: birth date from the 7th digit too
            const QString legacy = QStringLiteral("110105491231002");
            QCOMPARE(shownPositions(legacy, Masking::mask(ref.kind, legacy, settings)), positions(0, k));
        }
    }

    // Names and birth dates have no width: no setting changes them.
    void fixedMasksIgnoreEveryWidth()
    {
        for (const MaskSettings& settings : handBuiltSettings()) {
            QCOMPARE(Masking::mask(MaskKind::Name, QStringLiteral("欧阳娜娜"), settings), QStringLiteral("欧**娜"));
            QCOMPARE(Masking::mask(MaskKind::Name, QStringLiteral("张三"), settings), QStringLiteral("张*"));
            QCOMPARE(Masking::mask(MaskKind::BirthDate, QStringLiteral("1985-06-15"), settings),
                QStringLiteral("****-**-**"));
            QCOMPARE(Masking::tighten(MaskKind::Name, QStringLiteral("欧**娜"), settings), QStringLiteral("欧**娜"));
        }
    }

    // ---- tightening a stored masked form ----------------------------------------------------------

    // For every width and every narrower value of it, re-masking the masked form gives exactly what
    // masking the value under the narrower setting gives.
    void tightenEqualsMaskingUnderNarrowerSettings()
    {
        for (const QLatin1StringView key : MaskSettings::keys()) {
            const Reference ref = referenceFor(key);
            const QStringList values = {ref.value,
                ref.kind == MaskKind::Phone            ? QStringLiteral("+86 139-2468-1357")
                    : ref.kind == MaskKind::MainlandId ? QStringLiteral("110105491231002")
                    : ref.kind == MaskKind::Account    ? QStringLiteral("6222 0212 3456 1234 567")
                    : ref.kind == MaskKind::Email      ? QStringLiteral("li@example.cn")
                                                       : ref.value};
            for (int wide = 0; wide <= MaskSettings::maximum(key); ++wide) {
                for (int narrow = 0; narrow < wide; ++narrow) {
                    const MaskSettings from = MaskSettings().with(key, wide);
                    const MaskSettings to = MaskSettings().with(key, narrow);
                    for (const QString& value : values) {
                        bool exact = false;
                        const QString tightened
                            = Masking::tighten(ref.kind, Masking::mask(ref.kind, value, from), to, &exact);
                        const QString context = QStringLiteral("%1 %2 -> %3").arg(QString(key)).arg(wide).arg(narrow);
                        QVERIFY2(tightened == Masking::mask(ref.kind, value, to), qPrintable(context));
                        QVERIFY2(exact, qPrintable(context));
                    }
                }
            }
        }
    }

    // Whatever the settings before and after, a re-masked form never shows a character its stored form
    // hid, and hides at least what the new settings hide.
    void tightenNeverShowsAgain()
    {
        const QList<MaskSettings> list = handBuiltSettings();
        const QList<Reference> values
            = {{MaskKind::Phone, QStringLiteral("13812345678")}, {MaskKind::Phone, QStringLiteral("010-8765-4321")},
                {MaskKind::Phone, QStringLiteral("12345678")}, {MaskKind::Account, QStringLiteral("6222021234561234")},
                {MaskKind::Account, QStringLiteral("62220212345612345")},
                {MaskKind::MainlandId, QStringLiteral("11010519491231002X")},
                {MaskKind::OtherId, QStringLiteral("E12345678")}, {MaskKind::OtherId, QStringLiteral("12345678")}};
        for (const Reference& ref : values) {
            for (qsizetype a = 0; a < list.size(); a += 7) {
                const QString stored = Masking::mask(ref.kind, ref.value, list.at(a));
                for (qsizetype b = 0; b < list.size(); b += 5) {
                    const QString tightened = Masking::tighten(ref.kind, stored, list.at(b));
                    const QString fresh = Masking::mask(ref.kind, ref.value, list.at(b));
                    QCOMPARE(tightened.size(), stored.size());
                    for (qsizetype i = 0; i < stored.size(); ++i) {
                        if (stored.at(i) == u'*' || fresh.at(i) == u'*')
                            QVERIFY2(tightened.at(i) == u'*',
                                qPrintable(QStringLiteral("%1 -> %2 (%3)").arg(stored, tightened, fresh)));
                        else
                            QCOMPARE(tightened.at(i), stored.at(i));
                    }
                }
            }
        }
    }

    // Short addresses keep half of themselves: the masked form cannot tell how long the value was.
    void tightenTellsWhenOnlyTheValueCanSay()
    {
        bool exact = true;
        const QString shortAddress = Masking::mask(MaskKind::Address, QStringLiteral("北京市朝阳"), MaskSettings());
        QCOMPARE(shortAddress, QStringLiteral("北京****"));
        const MaskSettings three = MaskSettings().with(QString(MaskSettings::kAddressKeepStartKey), 3);
        QCOMPARE(Masking::tighten(MaskKind::Address, shortAddress, three, &exact), QStringLiteral("北京****"));
        QVERIFY(!exact); // the value (5 characters) would now show 3
        QCOMPARE(Masking::mask(MaskKind::Address, QStringLiteral("北京市朝阳"), three), QStringLiteral("北京市****"));
        // a form made under narrower settings cannot be widened
        const MaskSettings two = MaskSettings().with(QString(MaskSettings::kPhoneKeepStartKey), 2);
        exact = true;
        QCOMPARE(Masking::tighten(MaskKind::Phone, QStringLiteral("13*****5678"), MaskSettings(), &exact),
            QStringLiteral("13*****5678"));
        QVERIFY(!exact);
        exact = false;
        QCOMPARE(Masking::tighten(MaskKind::Phone, QStringLiteral("138****5678"), two, &exact),
            QStringLiteral("13*****5678"));
        QVERIFY(exact);
    }

    // ---- settings -----------------------------------------------------------------------------

    void defaultsValidate()
    {
        const MaskSettings defaults;
        BV_VERIFY_OK(defaults.validate());
        QCOMPARE(defaults.phoneKeepStart, 3);
        QCOMPARE(defaults.phoneKeepEnd, 4);
        QCOMPARE(defaults.mainlandIdKeepStart, 6);
        QCOMPARE(defaults.otherIdKeepStart, 2);
        QCOMPARE(defaults.accountKeepStart, 6);
        QCOMPARE(defaults.accountKeepEnd, 4);
        QCOMPARE(defaults.addressKeepStart, 6);
        QCOMPARE(defaults.emailLocalKeep, 1);
    }

    void widestAllowedValidate_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("width");
        QTest::newRow("phone start 3") << QString(MaskSettings::kPhoneKeepStartKey) << 3;
        QTest::newRow("phone end 4") << QString(MaskSettings::kPhoneKeepEndKey) << 4;
        QTest::newRow("phone start 0") << QString(MaskSettings::kPhoneKeepStartKey) << 0;
        QTest::newRow("mainland 6") << QString(MaskSettings::kMainlandIdKeepStartKey) << 6;
        QTest::newRow("other 4") << QString(MaskSettings::kOtherIdKeepStartKey) << 4;
        QTest::newRow("account start 6") << QString(MaskSettings::kAccountKeepStartKey) << 6;
        QTest::newRow("account end 6") << QString(MaskSettings::kAccountKeepEndKey) << 6;
        QTest::newRow("address 0") << QString(MaskSettings::kAddressKeepStartKey) << 0;
        QTest::newRow("address 6") << QString(MaskSettings::kAddressKeepStartKey) << 6;
        QTest::newRow("email 1") << QString(MaskSettings::kEmailLocalKeepKey) << 1;
        QTest::newRow("email 0") << QString(MaskSettings::kEmailLocalKeepKey) << 0;
    }
    void widestAllowedValidate()
    {
        QFETCH(QString, key);
        QFETCH(int, width);
        BV_VERIFY_OK(withWidth(MaskSettings(), key, width).validate());
    }

    void weakerSettingsRefused_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("width");
        QTest::addColumn<QString>("label"); // the setting as the message names it
        QTest::addColumn<QString>("mustSay"); // the floor or the limit
        const QString phone4 = QStringLiteral("middle 4 digits of an 11-digit mobile number");
        const QString idLast4 = QStringLiteral("last 4 characters");
        const QString card4 = QStringLiteral("middle 4 digits of a 16-digit card number");
        const QString negative = QStringLiteral("cannot be negative");
        QTest::newRow("phone start 4") << QString(MaskSettings::kPhoneKeepStartKey) << 4
                                       << QStringLiteral("Phone numbers: digits shown at the start") << phone4;
        QTest::newRow("phone end 5") << QString(MaskSettings::kPhoneKeepEndKey) << 5
                                     << QStringLiteral("Phone numbers: digits shown at the end") << phone4;
        QTest::newRow("mainland 7 (birth date)")
            << QString(MaskSettings::kMainlandIdKeepStartKey) << 7
            << QStringLiteral("Mainland ID numbers: characters shown at the start") << QStringLiteral("birth date");
        QTest::newRow("mainland 14 (birth date)")
            << QString(MaskSettings::kMainlandIdKeepStartKey) << 14
            << QStringLiteral("Mainland ID numbers: characters shown at the start") << QStringLiteral("birth date");
        QTest::newRow("address 7") << QString(MaskSettings::kAddressKeepStartKey) << 7
                                   << QStringLiteral("Addresses: characters shown at the start")
                                   << QStringLiteral("first 6 characters");
        QTest::newRow("email 2") << QString(MaskSettings::kEmailLocalKeepKey) << 2
                                 << QStringLiteral("E-mail addresses: characters of the name shown")
                                 << QStringLiteral("first character");
        QTest::newRow("mainland 15") << QString(MaskSettings::kMainlandIdKeepStartKey) << 15
                                     << QStringLiteral("Mainland ID numbers: characters shown at the start") << idLast4;
        QTest::newRow("mainland 18") << QString(MaskSettings::kMainlandIdKeepStartKey) << 18
                                     << QStringLiteral("Mainland ID numbers: characters shown at the start") << idLast4;
        QTest::newRow("other 5") << QString(MaskSettings::kOtherIdKeepStartKey) << 5
                                 << QStringLiteral("Other ID numbers: characters shown at the start") << idLast4;
        QTest::newRow("account start 7") << QString(MaskSettings::kAccountKeepStartKey) << 7
                                         << QStringLiteral("Account and card numbers: digits shown at the start")
                                         << card4;
        QTest::newRow("account end 7") << QString(MaskSettings::kAccountKeepEndKey) << 7
                                       << QStringLiteral("Account and card numbers: digits shown at the end") << card4;
        QTest::newRow("phone start -1") << QString(MaskSettings::kPhoneKeepStartKey) << -1
                                        << QStringLiteral("Phone numbers: digits shown at the start") << negative;
        QTest::newRow("phone end -1") << QString(MaskSettings::kPhoneKeepEndKey) << -1
                                      << QStringLiteral("Phone numbers: digits shown at the end") << negative;
        QTest::newRow("mainland -1") << QString(MaskSettings::kMainlandIdKeepStartKey) << -1
                                     << QStringLiteral("Mainland ID numbers: characters shown at the start")
                                     << negative;
        QTest::newRow("other -1") << QString(MaskSettings::kOtherIdKeepStartKey) << -1
                                  << QStringLiteral("Other ID numbers: characters shown at the start") << negative;
        QTest::newRow("account start -1")
            << QString(MaskSettings::kAccountKeepStartKey) << -1
            << QStringLiteral("Account and card numbers: digits shown at the start") << negative;
        QTest::newRow("account end -1") << QString(MaskSettings::kAccountKeepEndKey) << -1
                                        << QStringLiteral("Account and card numbers: digits shown at the end")
                                        << negative;
        QTest::newRow("address -1") << QString(MaskSettings::kAddressKeepStartKey) << -1
                                    << QStringLiteral("Addresses: characters shown at the start") << negative;
        QTest::newRow("email -1") << QString(MaskSettings::kEmailLocalKeepKey) << -1
                                  << QStringLiteral("E-mail addresses: characters of the name shown") << negative;
    }
    void weakerSettingsRefused()
    {
        QFETCH(QString, key);
        QFETCH(int, width);
        QFETCH(QString, label);
        QFETCH(QString, mustSay);

        const Status status = withWidth(MaskSettings(), key, width).validate();
        BV_COMPARE_CODE(status, ErrorCode::InvalidInput);
        QCOMPARE(status.error().field, key);
        QVERIFY2(status.error().message.contains(label), qPrintable(status.error().message));
        QVERIFY2(status.error().message.contains(mustSay), qPrintable(status.error().message));
        QVERIFY2(status.error().message.contains(QString::number(width)), qPrintable(status.error().message));

        // The same value coming from the settings store is refused the same way.
        QVariantMap map = MaskSettings().toMap();
        map.insert(key, width);
        const Result<MaskSettings> loaded = MaskSettings::fromMap(map);
        BV_COMPARE_CODE(loaded, ErrorCode::InvalidInput);
        QCOMPARE(loaded.error().field, key);
    }

    void floorMessagesNameTheMaximum()
    {
        MaskSettings s;
        s.phoneKeepStart = 5;
        const Status status = s.validate();
        BV_COMPARE_CODE(status, ErrorCode::InvalidInput);
        QVERIFY2(status.error().message.contains(QStringLiteral("at most 3")), qPrintable(status.error().message));
        QVERIFY2(
            status.error().message.contains(QStringLiteral("Set it to 3 or less")), qPrintable(status.error().message));
    }

    void toMapKeys()
    {
        const QVariantMap map = MaskSettings().toMap();
        const QStringList expectedKeys = {
            QStringLiteral("mask.account.keep_end"),
            QStringLiteral("mask.account.keep_start"),
            QStringLiteral("mask.address.keep_start"),
            QStringLiteral("mask.email.local_keep"),
            QStringLiteral("mask.mainland_id.keep_start"),
            QStringLiteral("mask.other_id.keep_start"),
            QStringLiteral("mask.phone.keep_end"),
            QStringLiteral("mask.phone.keep_start"),
        };
        QCOMPARE(map.keys(), expectedKeys);
        QCOMPARE(map.value(QStringLiteral("mask.phone.keep_start")).toInt(), 3);
        QCOMPARE(map.value(QStringLiteral("mask.phone.keep_end")).toInt(), 4);
        QCOMPARE(map.value(QStringLiteral("mask.mainland_id.keep_start")).toInt(), 6);
        QCOMPARE(map.value(QStringLiteral("mask.other_id.keep_start")).toInt(), 2);
        QCOMPARE(map.value(QStringLiteral("mask.account.keep_start")).toInt(), 6);
        QCOMPARE(map.value(QStringLiteral("mask.account.keep_end")).toInt(), 4);
        QCOMPARE(map.value(QStringLiteral("mask.address.keep_start")).toInt(), 6);
        QCOMPARE(map.value(QStringLiteral("mask.email.local_keep")).toInt(), 1);
    }

    void mapRoundTrip_data()
    {
        QTest::addColumn<MaskSettings>("settings");
        QTest::newRow("defaults") << MaskSettings();
        MaskSettings s;
        s.phoneKeepStart = 2;
        s.phoneKeepEnd = 3;
        s.mainlandIdKeepStart = 0;
        s.otherIdKeepStart = 4;
        s.accountKeepStart = 4;
        s.accountKeepEnd = 6;
        s.addressKeepStart = 5;
        s.emailLocalKeep = 0;
        QTest::newRow("custom") << s;
        MaskSettings widest;
        widest.mainlandIdKeepStart = 6;
        widest.accountKeepStart = 6;
        widest.accountKeepEnd = 6;
        QTest::newRow("widest") << widest;
    }
    void mapRoundTrip()
    {
        QFETCH(MaskSettings, settings);
        const Result<MaskSettings> loaded = MaskSettings::fromMap(settings.toMap());
        BV_VERIFY_OK(loaded);
        QVERIFY(*loaded == settings);
        QCOMPARE(loaded->toMap(), settings.toMap());
    }

    void fromMapValues_data()
    {
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<int>("expected");
        QTest::newRow("int") << QVariant(2) << true << 2;
        QTest::newRow("longlong") << QVariant(qlonglong(1)) << true << 1;
        QTest::newRow("digit string") << QVariant(QStringLiteral("2")) << true << 2;
        QTest::newRow("digit string, spaces") << QVariant(QStringLiteral(" 0 ")) << true << 0;
        QTest::newRow("whole double") << QVariant(3.0) << true << 3;
        QTest::newRow("fraction") << QVariant(2.5) << false << 0;
        QTest::newRow("text") << QVariant(QStringLiteral("three")) << false << 0;
        QTest::newRow("empty text") << QVariant(QString()) << false << 0;
        QTest::newRow("bool") << QVariant(true) << false << 0;
        QTest::newRow("invalid") << QVariant() << false << 0;
        QTest::newRow("huge") << QVariant(qlonglong(1) << 40) << false << 0;
        QTest::newRow("list") << QVariant(QVariantList {1}) << false << 0;
    }
    void fromMapValues()
    {
        QFETCH(QVariant, value);
        QFETCH(bool, accepted);
        QFETCH(int, expected);
        const QString key = QString(MaskSettings::kPhoneKeepStartKey);
        const Result<MaskSettings> loaded = MaskSettings::fromMap({{key, value}});
        if (accepted) {
            BV_VERIFY_OK(loaded);
            QCOMPARE(loaded->phoneKeepStart, expected);
        } else {
            BV_COMPARE_CODE(loaded, ErrorCode::InvalidInput);
            QCOMPARE(loaded.error().field, key);
            QVERIFY2(loaded.error().message.contains(QStringLiteral("Phone numbers: digits shown at the start")),
                qPrintable(loaded.error().message));
        }
    }

    void fromMapMissingAndUnknownKeys()
    {
        const Result<MaskSettings> empty = MaskSettings::fromMap({});
        BV_VERIFY_OK(empty);
        QVERIFY(*empty == MaskSettings());

        const Result<MaskSettings> partial = MaskSettings::fromMap(
            {{QStringLiteral("mask.address.keep_start"), 3}, {QStringLiteral("ui.theme"), QStringLiteral("dark")}});
        BV_VERIFY_OK(partial);
        QCOMPARE(partial->addressKeepStart, 3);
        QCOMPARE(partial->phoneKeepStart, 3);
        QCOMPARE(partial->accountKeepEnd, 4);
    }
};

QTEST_GUILESS_MAIN(TestMasking)
#include "tst_masking.moc"
