// The recovery passphrase and the key envelope: generation, typo detection, unwrap, wrong
// passphrase versus damaged envelope, key-check values, pending slots.
#include "core/internal/keys/KeyEnvelope.h"
#include "core/internal/keys/RecoveryPassphrase.h"
#include "tests/testsupport/TestSupport.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace bv;
using namespace bv::test;

namespace {
SecureBytes typed(const QString& text)
{
    QByteArray bytes = text.toUtf8();
    return SecureBytes::takeFrom(bytes);
}
QString asString(const SecureBytes& bytes)
{
    return QString::fromUtf8(bytes.constChar(), qsizetype(bytes.size()));
}
} // namespace

class TestKeyEnvelope : public QObject
{
    Q_OBJECT
private slots:
    void passphraseFormat()
    {
        QSet<QString> seen;
        for (int i = 0; i < 50; ++i) {
            const QString p = asString(RecoveryPassphrase::generate());
            QVERIFY2(QRegularExpression(QStringLiteral("^([0-9A-HJKMNP-TV-Z]{5}-){4}[0-9A-HJKMNP-TV-Z]{5}$"))
                         .match(p)
                         .hasMatch(),
                "passphrase is not five groups of five Crockford base32 characters");
            seen.insert(p);
            auto normalized = RecoveryPassphrase::normalize(typed(p));
            BV_VERIFY_OK(normalized);
            QCOMPARE(normalized->size(), std::size_t(25));
        }
        QCOMPARE(seen.size(), 50);
        QVERIFY(RecoveryPassphrase::entropyBits() >= 100);
    }

    void passphraseIsReadForgivingly()
    {
        const QString p = asString(RecoveryPassphrase::generate());
        const SecureBytes canonical = *RecoveryPassphrase::normalize(typed(p));
        QString sloppy = p.toLower();
        sloppy.replace(QLatin1Char('-'), QLatin1Char(' '));
        sloppy.replace(QLatin1Char('0'), QLatin1Char('o'));
        sloppy.replace(QLatin1Char('1'), QLatin1Char('l'));
        sloppy += QStringLiteral("\n");
        auto normalized = RecoveryPassphrase::normalize(typed(sloppy));
        BV_VERIFY_OK(normalized);
        QVERIFY(normalized->equals(canonical));
    }

    void passphraseTyposAreCaught()
    {
        const QString p = asString(RecoveryPassphrase::generate());
        // change one character of the random part to another valid character
        QString typo = p;
        const int position = 7;
        typo[position] = typo[position] == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
        auto result = RecoveryPassphrase::normalize(typed(typo));
        // a single substitution changes the check character with probability 31/32; try neighbours too
        int caught = result.ok() ? 0 : 1;
        for (int i = 0; i < 24; ++i) {
            QString t = p;
            const int at = i + i / 5; // skip dashes
            t[at] = t[at] == QLatin1Char('Z') ? QLatin1Char('Y') : QLatin1Char('Z');
            if (!RecoveryPassphrase::normalize(typed(t)).ok())
                ++caught;
        }
        QVERIFY2(caught >= 20, "most single-character typos must be caught by the check character");
        BV_COMPARE_CODE(RecoveryPassphrase::normalize(typed(p.left(20))), ErrorCode::InvalidInput);
        BV_COMPARE_CODE(RecoveryPassphrase::normalize(typed(p + QStringLiteral("-AAAAA"))), ErrorCode::InvalidInput);
        BV_COMPARE_CODE(
            RecoveryPassphrase::normalize(typed(QStringLiteral("UUUUU-") + p.mid(6))), ErrorCode::InvalidInput);
    }

    void unwrapWithPassphrase()
    {
        const KeyMaterial material = KeyMaterial::generate();
        const SecureBytes passphrase = *RecoveryPassphrase::normalize(RecoveryPassphrase::generate());
        auto envelope = KeyEnvelope::create(QStringLiteral("db-1"), passphrase, KdfParams::minimum(), material);
        BV_VERIFY_OK(envelope);
        QVERIFY(envelope->matchesCurrent(material));
        auto unwrapped = envelope->unwrap(passphrase);
        BV_VERIFY_OK(unwrapped);
        QVERIFY(unwrapped->current.databaseKey().equals(material.databaseKey()));
        QVERIFY(unwrapped->current.wrapKey().equals(material.wrapKey()));
        QVERIFY(!unwrapped->pending);
    }

    void wrongPassphraseIsWrongKey()
    {
        const KeyMaterial material = KeyMaterial::generate();
        const SecureBytes passphrase = *RecoveryPassphrase::normalize(RecoveryPassphrase::generate());
        const SecureBytes other = *RecoveryPassphrase::normalize(RecoveryPassphrase::generate());
        auto envelope = KeyEnvelope::create(QStringLiteral("db-1"), passphrase, KdfParams::minimum(), material);
        BV_VERIFY_OK(envelope);
        BV_COMPARE_CODE(envelope->unwrap(other), ErrorCode::WrongKey);
    }

    void savedAndLoaded()
    {
        TempDatabaseDir dir;
        const KeyMaterial material = KeyMaterial::generate();
        const SecureBytes passphrase = *RecoveryPassphrase::normalize(RecoveryPassphrase::generate());
        auto envelope = KeyEnvelope::create(QStringLiteral("db-2"), passphrase, KdfParams::minimum(), material);
        BV_VERIFY_OK(envelope);
        const QString path = dir.file(QStringLiteral("x.envelope"));
        BV_VERIFY_OK(envelope->save(path));
        const QByteArray json = readFile(path);
        // the envelope holds no key in the clear
        QVERIFY(!json.contains(material.databaseKey().view().toByteArray().toBase64()));
        QVERIFY(!json.contains(material.databaseKey().view().toByteArray().toHex()));
        auto loaded = KeyEnvelope::load(path);
        BV_VERIFY_OK(loaded);
        QCOMPARE(loaded->databaseId(), QStringLiteral("db-2"));
        auto unwrapped = loaded->unwrap(passphrase);
        BV_VERIFY_OK(unwrapped);
        QVERIFY(unwrapped->current.databaseKey().equals(material.databaseKey()));
    }

    void damagedEnvelopeIsNotWrongPassphrase_data()
    {
        QTest::addColumn<QString>("field");
        QTest::newRow("sealed slot") << QStringLiteral("current.sealed");
        QTest::newRow("key check") << QStringLiteral("current.keyCheck");
        QTest::newRow("salt") << QStringLiteral("kdf.salt");
        QTest::newRow("public key") << QStringLiteral("recoveryPublicKey");
        QTest::newRow("database id") << QStringLiteral("databaseId");
    }
    void damagedEnvelopeIsNotWrongPassphrase()
    {
        QFETCH(QString, field);
        TempDatabaseDir dir;
        const KeyMaterial material = KeyMaterial::generate();
        const SecureBytes passphrase = *RecoveryPassphrase::normalize(RecoveryPassphrase::generate());
        auto envelope = KeyEnvelope::create(
            QStringLiteral("6f1c2d3e-aaaa-4bbb-8ccc-0123456789ab"), passphrase, KdfParams::minimum(), material);
        BV_VERIFY_OK(envelope);
        QJsonObject object = QJsonDocument::fromJson(envelope->toJson()).object();
        const QStringList parts = field.split(QLatin1Char('.'));
        if (parts.size() == 2) {
            QJsonObject inner = object.value(parts[0]).toObject();
            QString value = inner.value(parts[1]).toString();
            value[4] = value[4] == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
            inner.insert(parts[1], value);
            object.insert(parts[0], inner);
        } else {
            QString value = object.value(field).toString();
            value[4] = value[4] == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
            object.insert(field, value);
        }
        auto damaged = KeyEnvelope::fromJson(QJsonDocument(object).toJson());
        BV_COMPARE_CODE(damaged, ErrorCode::Damaged);

        // truncated file
        BV_COMPARE_CODE(KeyEnvelope::fromJson(envelope->toJson().left(100)), ErrorCode::Damaged);
    }

    void keyCheckTellsWrongKeyFromRightKey()
    {
        const KeyMaterial material = KeyMaterial::generate();
        const KeyMaterial other = KeyMaterial::generate();
        const SecureBytes passphrase = *RecoveryPassphrase::normalize(RecoveryPassphrase::generate());
        auto envelope = KeyEnvelope::create(QStringLiteral("db-4"), passphrase, KdfParams::minimum(), material);
        BV_VERIFY_OK(envelope);
        QVERIFY(envelope->matchesCurrent(material));
        QVERIFY(!envelope->matchesCurrent(other));
        QCOMPARE(material.keyCheck(QStringLiteral("db-4")).size(), 16);
        QVERIFY(material.keyCheck(QStringLiteral("db-4")) != material.keyCheck(QStringLiteral("db-5")));
        // the key-check value is not the key
        QVERIFY(!material.databaseKey().view().toByteArray().contains(material.keyCheck(QStringLiteral("db-4"))));
    }

    void pendingSlotNeedsNoPassphraseToWrite()
    {
        const KeyMaterial material = KeyMaterial::generate();
        const KeyMaterial next = KeyMaterial::generate();
        const SecureBytes passphrase = *RecoveryPassphrase::normalize(RecoveryPassphrase::generate());
        auto envelope = KeyEnvelope::create(QStringLiteral("db-6"), passphrase, KdfParams::minimum(), material);
        BV_VERIFY_OK(envelope);
        auto reloaded = KeyEnvelope::fromJson(envelope->toJson());
        BV_VERIFY_OK(reloaded);
        reloaded->setPending(next); // public key only
        QVERIFY(reloaded->hasPending());
        QVERIFY(reloaded->matchesPending(next));
        auto unwrapped = KeyEnvelope::fromJson(reloaded->toJson())->unwrap(passphrase);
        BV_VERIFY_OK(unwrapped);
        QVERIFY(unwrapped->pending);
        QVERIFY(unwrapped->pending->databaseKey().equals(next.databaseKey()));
        reloaded->promotePending();
        QVERIFY(!reloaded->hasPending());
        QVERIFY(reloaded->matchesCurrent(next));
        QCOMPARE(reloaded->currentGeneration(), 2);
    }

    void keyMaterialSerialization()
    {
        const KeyMaterial material = KeyMaterial::generate();
        auto back = KeyMaterial::deserialize(material.serialize());
        BV_VERIFY_OK(back);
        QVERIFY(back->databaseKey().equals(material.databaseKey()));
        QVERIFY(back->wrapKey().equals(material.wrapKey()));
        QVERIFY(!material.databaseKey().equals(material.wrapKey()));
        BV_COMPARE_CODE(KeyMaterial::deserialize(SecureBytes::random(68)), ErrorCode::Damaged);
        BV_COMPARE_CODE(KeyMaterial::deserialize(SecureBytes::random(32)), ErrorCode::Damaged);
    }
};

QTEST_GUILESS_MAIN(TestKeyEnvelope)
#include "tst_keyenvelope.moc"
