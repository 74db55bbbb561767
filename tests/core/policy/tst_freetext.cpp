// Free text (service notes, complaints, purposes) checked for what looks like protected data (DESIGN §4):
// ID, mobile and card numbers and secrets found with their kind and position, masked on request, and never
// in full in what goes to the audit log; character counts that treat a supplementary-plane character as one.
#include "core/internal/common/TextLength.h"
#include "core/policy/FreeText.h"
#include "tests/testsupport/TestSupport.h"

#include <QTest>

using namespace bv;

Q_DECLARE_METATYPE(bv::FreeTextFindingKind)

class TestFreeText : public QObject
{
    Q_OBJECT
private slots:
    void findings_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QList<FreeTextFindingKind>>("kinds");
        QTest::addColumn<QList<qsizetype>>("positions");
        QTest::addColumn<QString>("masked");
        using K = FreeTextFindingKind;
        QTest::newRow("mobile") << QStringLiteral("客户手机13812345678已核实") << QList<K> {K::Mobile}
                                << QList<qsizetype> {5} << QStringLiteral("客户手机138****5678已核实");
        QTest::newRow("mobile in groups") << QStringLiteral("call 138 1234 5678 today") << QList<K> {K::Mobile}
                                          << QList<qsizetype> {6} << QStringLiteral("call 138 **** 5678 today");
        QTest::newRow("mainland id") << QStringLiteral("身份证110105199003071239") << QList<K> {K::MainlandId}
                                     << QList<qsizetype> {4} << QStringLiteral("身份证110105************");
        QTest::newRow("id ending in x") << QStringLiteral("ID 32010219880112234x ok") << QList<K> {K::MainlandId}
                                        << QList<qsizetype> {4} << QStringLiteral("ID 320102************ ok");
        QTest::newRow("legacy 15") << QStringLiteral("old card 110105491231002") << QList<K> {K::MainlandId}
                                   << QList<qsizetype> {10} << QStringLiteral("old card 110105*********");
        QTest::newRow("full-width mobile") << QStringLiteral("手机１３８１２３４５６７８") << QList<K> {K::Mobile}
                                           << QList<qsizetype> {3} << QStringLiteral("手机１３８****５６７８");
        QTest::newRow("card") << QStringLiteral("card 6222021234567894 lost") << QList<K> {K::Card}
                              << QList<qsizetype> {6} << QStringLiteral("card 622202******7894 lost");
        QTest::newRow("card in groups") << QStringLiteral("卡号 6222 0212 3456 7894") << QList<K> {K::Card}
                                        << QList<qsizetype> {4} << QStringLiteral("卡号 6222 02** **** 7894");
        QTest::newRow("card failing luhn") << QStringLiteral("order 6222021234567890") << QList<K> {}
                                           << QList<qsizetype> {} << QStringLiteral("order 6222021234567890");
        QTest::newRow("pin") << QStringLiteral("客户说密码是123456") << QList<K> {K::Secret} << QList<qsizetype> {7}
                             << QStringLiteral("客户说密码是******");
        QTest::newRow("cvv") << QStringLiteral("CVV: 123 given") << QList<K> {K::Secret} << QList<qsizetype> {6}
                             << QStringLiteral("CVV: *** given");
        QTest::newRow("password word alone") << QStringLiteral("客户要求重置网银密码") << QList<K> {}
                                             << QList<qsizetype> {} << QStringLiteral("客户要求重置网银密码");
        QTest::newRow("dates and amounts")
            << QStringLiteral("2026-03-01 deposit 50000.00, ref 12345") << QList<K> {} << QList<qsizetype> {}
            << QStringLiteral("2026-03-01 deposit 50000.00, ref 12345");
        QTest::newRow("12 digits is not a mobile")
            << QStringLiteral("138123456789") << QList<K> {} << QList<qsizetype> {} << QStringLiteral("138123456789");
        QTest::newRow("position after a supplementary character")
            << QStringLiteral("𠀀𠀀 13812345678") << QList<K> {K::Mobile} << QList<qsizetype> {4}
            << QStringLiteral("𠀀𠀀 138****5678");
        QTest::newRow("two findings") << QStringLiteral("13912345678 / 110105199003071239")
                                      << QList<K> {K::Mobile, K::MainlandId} << QList<qsizetype> {1, 15}
                                      << QStringLiteral("139****5678 / 110105************");
    }
    void findings()
    {
        QFETCH(QString, text);
        QFETCH(QList<FreeTextFindingKind>, kinds);
        QFETCH(QList<qsizetype>, positions);
        QFETCH(QString, masked);
        const QList<FreeTextFinding> found = FreeText::check(text);
        QCOMPARE(found.size(), kinds.size());
        for (qsizetype i = 0; i < found.size(); ++i) {
            QCOMPARE(found.at(i).kind, kinds.at(i));
            QCOMPARE(found.at(i).position, positions.at(i));
        }
        QCOMPARE(FreeText::maskFindings(text), masked);
        QVERIFY(FreeText::check(FreeText::maskFindings(text)).isEmpty());
    }

    void refusalNamesKindAndPositionNeverTheValue()
    {
        const QString text = QStringLiteral("回访13812345678");
        const Error e = FreeText::refusal(FreeText::check(text), QStringLiteral("content"), QStringLiteral("Note"));
        QCOMPARE(e.code, ErrorCode::InvalidInput);
        QCOMPARE(e.field, QStringLiteral("content"));
        QVERIFY(e.message.contains(QStringLiteral("mobile number at character 3")));
        QVERIFY(!e.message.contains(QStringLiteral("13812345678")));
        QVERIFY(!e.message.contains(QStringLiteral("5678")));
    }

    void forAuditHidesNumbersAndTypedNames()
    {
        const QString purpose = QStringLiteral("verify 张三丰 at the counter, id 110105199003071239, "
                                               "phone 13812345678, mail zs@example.cn");
        const QString logged = FreeText::forAudit(purpose, {QStringLiteral("张三丰")});
        QVERIFY2(!logged.contains(QStringLiteral("张三丰")), qPrintable(logged));
        QVERIFY(logged.contains(QStringLiteral("张*丰")));
        QVERIFY(!logged.contains(QStringLiteral("19900307")));
        QVERIFY(!logged.contains(QStringLiteral("1239")));
        QVERIFY(!logged.contains(QStringLiteral("13812345678")));
        QVERIFY(!logged.contains(QStringLiteral("1234")));
        QVERIFY(!logged.contains(QStringLiteral("zs@example.cn")));
        // a Latin name, typed with other spacing and case
        const QString latin = FreeText::forAudit(QStringLiteral("for JOHN SMITH"), {QStringLiteral("John Smith")});
        QVERIFY2(!latin.contains(QStringLiteral("SMITH"), Qt::CaseInsensitive), qPrintable(latin));
        // long text is cut without splitting a character
        const QString cut = FreeText::forAudit(QStringLiteral("𠀀").repeated(300));
        QCOMPARE(charCount(cut), 200);
    }

    void charCountCountsCodePoints()
    {
        QCOMPARE(charCount(u"abc"), 3);
        QCOMPARE(charCount(QStringLiteral("𠀀")), 1);
        QCOMPARE(QStringLiteral("𠀀").size(), 2);
        QCOMPARE(charCount(QStringLiteral("张𠀀三")), 3);
        QCOMPARE(charCount(QString()), 0);
    }
};

QTEST_GUILESS_MAIN(TestFreeText)
#include "tst_freetext.moc"
