// Field-level encryption of grade-1 values and the blind index.
#include "core/internal/keys/FieldCipher.h"
#include "core/internal/keys/SealedValues.h"
#include "tests/testsupport/TestSupport.h"

#include <QTest>

using namespace bv;
using namespace bv::test;

class TestFieldCipher : public QObject
{
    Q_OBJECT
private slots:
    void roundTrip_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("id") << QStringLiteral("11010519491231002X");
        QTest::newRow("name") << QStringLiteral("欧阳娜娜");
        QTest::newRow("address") << QStringLiteral("北京市朝阳区建国路88号");
        QTest::newRow("one char") << QStringLiteral("x");
    }
    void roundTrip()
    {
        QFETCH(QString, value);
        const FieldCipher cipher(FieldKeys::generate(1));
        const QByteArray ad = FieldCipher::associatedData(u"customer", 42, u"id_number");
        const QByteArray sealed = cipher.seal(value, ad);
        // the plaintext is not in the sealed bytes (a 1-byte value can occur in random ciphertext by chance,
        // so the check starts at 8 bytes, where a chance match is about 2^-64 per position)
        if (value.toUtf8().size() >= 8)
            QVERIFY(!sealed.contains(value.toUtf8()));
        auto opened = cipher.open(sealed, ad);
        BV_VERIFY_OK(opened);
        QCOMPARE(*opened, value);
        // two seals of the same value differ (random nonce)
        QVERIFY(cipher.seal(value, ad) != sealed);
    }

    void ciphertextMovedElsewhereFails()
    {
        const FieldCipher cipher(FieldKeys::generate(1));
        const QByteArray sealed
            = cipher.seal(QStringLiteral("13812345678"), FieldCipher::associatedData(u"customer", 1, u"mobile"));
        BV_COMPARE_CODE(
            cipher.open(sealed, FieldCipher::associatedData(u"customer", 2, u"mobile")), ErrorCode::Damaged);
        BV_COMPARE_CODE(
            cipher.open(sealed, FieldCipher::associatedData(u"customer", 1, u"other_phone")), ErrorCode::Damaged);
        BV_COMPARE_CODE(cipher.open(sealed, FieldCipher::associatedData(u"account", 1, u"mobile")), ErrorCode::Damaged);
        QByteArray flipped = sealed;
        flipped[30] = char(flipped[30] ^ 0x01);
        BV_COMPARE_CODE(
            cipher.open(flipped, FieldCipher::associatedData(u"customer", 1, u"mobile")), ErrorCode::Damaged);
        const FieldCipher other(FieldKeys::generate(1));
        BV_COMPARE_CODE(other.open(sealed, FieldCipher::associatedData(u"customer", 1, u"mobile")), ErrorCode::Damaged);
        BV_COMPARE_CODE(cipher.open(QByteArray("short"), QByteArray()), ErrorCode::Damaged);
    }

    void blindIndexNormalisation_data()
    {
        QTest::addColumn<int>("domain");
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("equal");
        const int id = int(BlindDomain::IdNumber), phone = int(BlindDomain::Phone), account = int(BlindDomain::Account),
                  name = int(BlindDomain::Name), email = int(BlindDomain::Email);
        QTest::newRow("id lower x") << id << QStringLiteral("11010519491231002x")
                                    << QStringLiteral("11010519491231002X") << true;
        QTest::newRow("id spaces") << id << QStringLiteral("110105 19491231 002X")
                                   << QStringLiteral("11010519491231002X") << true;
        QTest::newRow("id differs") << id << QStringLiteral("110105194912310021")
                                    << QStringLiteral("11010519491231002X") << false;
        QTest::newRow("phone dashes") << phone << QStringLiteral("138-1234-5678") << QStringLiteral("13812345678")
                                      << true;
        QTest::newRow("phone +86") << phone << QStringLiteral("+86 138 1234 5678") << QStringLiteral("13812345678")
                                   << true;
        QTest::newRow("phone 0086") << phone << QStringLiteral("0086 13812345678") << QStringLiteral("13812345678")
                                    << true;
        QTest::newRow("phone full-width digits")
            << phone << QStringLiteral("１３８１２３４５６７８") << QStringLiteral("13812345678") << true;
        QTest::newRow("phone differs") << phone << QStringLiteral("13812345679") << QStringLiteral("13812345678")
                                       << false;
        QTest::newRow("card spaces") << account << QStringLiteral("6222 0212 3456 7890")
                                     << QStringLiteral("6222021234567890") << true;
        QTest::newRow("card differs") << account << QStringLiteral("6222021234567891")
                                      << QStringLiteral("6222021234567890") << false;
        QTest::newRow("name spaces") << name << QStringLiteral("  张  三 ") << QStringLiteral("张 三") << true;
        QTest::newRow("name full-width space")
            << name << QStringLiteral("John\u3000Smith") << QStringLiteral("John Smith") << true;
        QTest::newRow("name differs") << name << QStringLiteral("张三") << QStringLiteral("张 三") << false;
        QTest::newRow("email case") << email << QStringLiteral(" Zhang@Example.CN ")
                                    << QStringLiteral("zhang@example.cn") << true;
    }
    void blindIndexNormalisation()
    {
        QFETCH(int, domain);
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, equal);
        const FieldCipher cipher(FieldKeys::generate(1));
        const QByteArray ia = cipher.blindIndex(BlindDomain(domain), a);
        const QByteArray ib = cipher.blindIndex(BlindDomain(domain), b);
        QCOMPARE(ia.size(), FieldCipher::kBlindIndexBytes);
        QCOMPARE(ia == ib, equal);
    }

    void blindIndexDependsOnKeyAndDomain()
    {
        const FieldCipher one(FieldKeys::generate(1));
        const FieldCipher two(FieldKeys::generate(1));
        const QString digits = QStringLiteral("6222021234567890");
        QVERIFY(one.blindIndex(BlindDomain::Account, digits) != two.blindIndex(BlindDomain::Account, digits));
        QVERIFY(one.blindIndex(BlindDomain::Account, digits) != one.blindIndex(BlindDomain::Phone, digits));
        QVERIFY(one.blindIndex(BlindDomain::None, digits).isEmpty());
        QVERIFY(one.blindIndex(BlindDomain::Phone, QStringLiteral("--")).isEmpty());
    }

    void sealedValuesStoreFindAndReseal()
    {
        auto test = TestDatabase::create();
        QVERIFY(test);
        Database& db = *test->db;
        const FieldCipher cipher(FieldKeys::generate(1));
        const SealedValues::Key k1 {QStringLiteral("customer"), 1, QStringLiteral("mobile")};
        const SealedValues::Key k2 {QStringLiteral("customer"), 2, QStringLiteral("other_phone")};
        BV_VERIFY_OK(SealedValues::put(
            db, cipher, k1, QStringLiteral("13812345678"), QStringLiteral("138****5678"), BlindDomain::Phone));
        BV_VERIFY_OK(SealedValues::put(
            db, cipher, k2, QStringLiteral("138-1234-5678"), QStringLiteral("138****5678"), BlindDomain::Phone));
        auto found = SealedValues::find(db, cipher, BlindDomain::Phone, QStringLiteral("+86 13812345678"));
        BV_VERIFY_OK(found);
        QCOMPARE(found->size(), 2);
        QCOMPARE(found->at(0).ownerId, 1);
        QCOMPARE(found->at(1).field, QStringLiteral("other_phone"));
        auto masked = SealedValues::masked(db, k1);
        QCOMPARE(*masked, QStringLiteral("138****5678"));

        // the database holds no plaintext value
        auto raw = db.query(QStringLiteral("SELECT sealed, masked FROM sealed_value"));
        BV_VERIFY_OK(raw);
        while (raw->next())
            QVERIFY(!raw->value(0).toByteArray().contains("12345678"));

        // rotation: new keys, every value still opens, lookups still work, old key no longer opens
        const FieldCipher next(FieldKeys::generate(2));
        BV_VERIFY_OK(SealedValues::reseal(db, cipher, next));
        auto opened = SealedValues::open(db, next, k2);
        BV_VERIFY_OK(opened);
        QCOMPARE(*opened, QStringLiteral("138-1234-5678"));
        BV_COMPARE_CODE(SealedValues::open(db, cipher, k2), ErrorCode::Damaged);
        QCOMPARE(SealedValues::find(db, next, BlindDomain::Phone, QStringLiteral("13812345678"))->size(), 2);
        QCOMPARE(SealedValues::find(db, cipher, BlindDomain::Phone, QStringLiteral("13812345678"))->size(), 0);
        auto generations = db.scalar(QStringLiteral("SELECT group_concat(DISTINCT generation) FROM sealed_value"));
        QCOMPARE(generations->toString(), QStringLiteral("2"));

        // a ciphertext copied onto another row does not open there
        BV_VERIFY_OK(db.query(QStringLiteral("UPDATE sealed_value SET sealed = (SELECT sealed FROM sealed_value WHERE "
                                             "owner_id = 1) WHERE owner_id = 2")));
        BV_COMPARE_CODE(SealedValues::open(db, next, k2), ErrorCode::Damaged);
        BV_COMPARE_CODE(
            SealedValues::open(db, next, SealedValues::Key {QStringLiteral("customer"), 9, QStringLiteral("mobile")}),
            ErrorCode::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestFieldCipher)
#include "tst_fieldcipher.moc"
