// TOTP second factor: RFC 6238 / RFC 4226 vectors, the ±1 step window, replay refusal, code format,
// base32 and the otpauth:// URI.
#include "core/internal/auth/Totp.h"
#include "tests/testsupport/MockClock.h"
#include "tests/testsupport/TestSupport.h"

#include <QTest>
#include <QUrl>
#include <QUrlQuery>

using namespace bv;
using namespace bv::test;

namespace {

// RFC 6238 Appendix B and RFC 4226 Appendix D use this ASCII secret for SHA-1.
SecureBytes rfcSecret()
{
    return SecureBytes::copyOf(QByteArrayView("12345678901234567890"));
}

QByteArray toByteArray(const SecureBytes& bytes)
{
    return bytes.view().toByteArray();
}

} // namespace

class TestTotp : public QObject
{
    Q_OBJECT

private slots:
    void rfc6238Vectors_data()
    {
        QTest::addColumn<qint64>("unixTime");
        QTest::addColumn<qint64>("step");
        QTest::addColumn<QByteArray>("code8");
        QTest::newRow("59") << qint64(59) << qint64(1) << QByteArray("94287082");
        QTest::newRow("1111111109") << qint64(1111111109) << qint64(37037036) << QByteArray("07081804");
        QTest::newRow("1111111111") << qint64(1111111111) << qint64(37037037) << QByteArray("14050471");
        QTest::newRow("1234567890") << qint64(1234567890) << qint64(41152263) << QByteArray("89005924");
        QTest::newRow("2000000000") << qint64(2000000000) << qint64(66666666) << QByteArray("69279037");
        QTest::newRow("20000000000") << qint64(20000000000) << qint64(666666666) << QByteArray("65353130");
    }
    void rfc6238Vectors()
    {
        QFETCH(qint64, unixTime);
        QFETCH(qint64, step);
        QFETCH(QByteArray, code8);
        const SecureBytes secret = rfcSecret();
        const QByteArray code6 = code8.right(6);

        QCOMPARE(Totp::timeStep(unixTime), step);
        QCOMPARE(Totp::codeAt(secret, unixTime, 8), code8);
        QCOMPARE(Totp::codeAt(secret, unixTime), code6);

        const Result<qint64> matched = Totp::verify(secret, QString::fromLatin1(code6), unixTime);
        BV_VERIFY_OK(matched);
        QCOMPARE(*matched, step);
    }

    void rfc4226Vectors_data()
    {
        QTest::addColumn<quint64>("counter");
        QTest::addColumn<QByteArray>("code");
        const char* codes[]
            = {"755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"};
        for (quint64 counter = 0; counter < 10; ++counter)
            QTest::addRow("counter %llu", counter) << counter << QByteArray(codes[counter]);
    }
    void rfc4226Vectors()
    {
        QFETCH(quint64, counter);
        QFETCH(QByteArray, code);
        QCOMPARE(Totp::hotp(rfcSecret(), counter), code);
    }

    void window_data()
    {
        QTest::addColumn<int>("offset");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("two steps early") << -2 << false;
        QTest::newRow("previous step") << -1 << true;
        QTest::newRow("current step") << 0 << true;
        QTest::newRow("next step") << 1 << true;
        QTest::newRow("two steps late") << 2 << false;
        QTest::newRow("ten steps late") << 10 << false;
    }
    void window()
    {
        QFETCH(int, offset);
        QFETCH(bool, accepted);
        const SecureBytes secret = rfcSecret();
        const qint64 now = 1111111111;
        const qint64 codeStep = Totp::timeStep(now) + offset;
        const QByteArray code = Totp::hotp(secret, quint64(codeStep));

        const Result<qint64> result = Totp::verify(secret, QString::fromLatin1(code), now);
        QCOMPARE(result.ok(), accepted);
        if (accepted)
            QCOMPARE(*result, codeStep);
        else
            BV_COMPARE_CODE(result, ErrorCode::AuthenticationFailed);
    }

    void windowFollowsTheClockWithinAStep()
    {
        // The code of step 1 (t = 30..59) is still good at t = 89 (step 2) and no longer at t = 90 (step 3).
        const SecureBytes secret = rfcSecret();
        const QString code = QStringLiteral("287082");
        QVERIFY(Totp::verify(secret, code, 30).ok());
        QVERIFY(Totp::verify(secret, code, 89).ok());
        QVERIFY(!Totp::verify(secret, code, 90).ok());
        QVERIFY(Totp::verify(secret, code, 0).ok()); // next step at step 0; no negative steps tried
        QVERIFY(!Totp::verify(secret, code, -1).ok());
    }

    void replayOfTheSameStepIsRefused()
    {
        const SecureBytes secret = rfcSecret();
        const qint64 now = 1234567890;
        const QString code = QString::fromLatin1(Totp::codeAt(secret, now));

        const Result<qint64> first = Totp::verify(secret, code, now, std::nullopt);
        BV_VERIFY_OK(first);
        const qint64 lastUsed = *first;

        // The same code again, even ten seconds later within the same step: refused as a replay.
        const Result<qint64> again = Totp::verify(secret, code, now + 10, lastUsed);
        BV_COMPARE_CODE(again, ErrorCode::AuthenticationFailed);
        QCOMPARE(again.error().message,
            QStringLiteral("This code was already used. Wait for the next code in your authenticator app."));
        QVERIFY(!again.error().fullText().contains(code));

        // Still refused in the next step, although the window would otherwise accept it.
        BV_COMPARE_CODE(Totp::verify(secret, code, now + Totp::kPeriodSecs, lastUsed), ErrorCode::AuthenticationFailed);

        // A code of an earlier step than the last accepted one is refused too.
        const QString earlier = QString::fromLatin1(Totp::hotp(secret, quint64(lastUsed - 1)));
        BV_COMPARE_CODE(Totp::verify(secret, earlier, now, lastUsed), ErrorCode::AuthenticationFailed);

        // The next code is accepted and reports its own step.
        const QString next = QString::fromLatin1(Totp::codeAt(secret, now + Totp::kPeriodSecs));
        const Result<qint64> later = Totp::verify(secret, next, now + Totp::kPeriodSecs, lastUsed);
        BV_VERIFY_OK(later);
        QCOMPARE(*later, lastUsed + 1);

        // A code of the next step typed early (phone clock ahead) is accepted within the window.
        const Result<qint64> early = Totp::verify(secret, next, now, lastUsed);
        BV_VERIFY_OK(early);
        QCOMPARE(*early, lastUsed + 1);
    }

    void wrongCodeIsRefusedWithoutEchoingIt()
    {
        const SecureBytes secret = rfcSecret();
        const qint64 now = 2000000000;
        QByteArray code = Totp::codeAt(secret, now);
        code[5] = char('0' + (code[5] - '0' + 1) % 10);
        const Result<qint64> result = Totp::verify(secret, QString::fromLatin1(code), now);
        BV_COMPARE_CODE(result, ErrorCode::AuthenticationFailed);
        QCOMPARE(result.error().field, QStringLiteral("totp_code"));
        QVERIFY(!result.error().fullText().contains(QString::fromLatin1(code)));
        QVERIFY(!result.error().fullText().contains(QStringLiteral("GEZDGNBV")));
        QVERIFY(!result.error().message.contains(QStringLiteral("already used")));

        // A different secret does not accept the right code of this one.
        const SecureBytes other = SecureBytes::copyOf(QByteArrayView("12345678901234567891"));
        BV_COMPARE_CODE(
            Totp::verify(other, QString::fromLatin1(Totp::codeAt(secret, now)), now), ErrorCode::AuthenticationFailed);
    }

    void codeFormat_data()
    {
        // The code of the RFC secret at t = 59 is 287082.
        QTest::addColumn<QString>("typed");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("plain") << QStringLiteral("287082") << true;
        QTest::newRow("grouped as the app shows it") << QStringLiteral("287 082") << true;
        QTest::newRow("surrounding spaces") << QStringLiteral(" 287082\t") << true;
        QTest::newRow("full-width digits") << QStringLiteral("\uFF12\uFF18\uFF17\uFF10\uFF18\uFF12") << true;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("only spaces") << QStringLiteral("   ") << false;
        QTest::newRow("five digits") << QStringLiteral("28708") << false;
        QTest::newRow("seven digits") << QStringLiteral("2870820") << false;
        QTest::newRow("eight-digit form") << QStringLiteral("94287082") << false;
        QTest::newRow("letter") << QStringLiteral("28708a") << false;
        QTest::newRow("dash") << QStringLiteral("287-082") << false;
        QTest::newRow("sign") << QStringLiteral("+287082") << false;
        QTest::newRow("arabic-indic digits") << QStringLiteral("\u0662\u0668\u0667\u0660\u0668\u0662") << false;
    }
    void codeFormat()
    {
        QFETCH(QString, typed);
        QFETCH(bool, accepted);
        const Result<qint64> result = Totp::verify(rfcSecret(), typed, 59);
        QCOMPARE(result.ok(), accepted);
        if (accepted) {
            QCOMPARE(*result, qint64(1));
        } else {
            BV_COMPARE_CODE(result, ErrorCode::AuthenticationFailed);
            QCOMPARE(result.error().field, QStringLiteral("totp_code"));
        }
    }

    void malformedCodeMessageDiffersFromWrongCode()
    {
        const SecureBytes secret = rfcSecret();
        const Result<qint64> shortCode = Totp::verify(secret, u"12345", 59);
        const Result<qint64> wrongCode = Totp::verify(secret, u"123456", 59);
        QVERIFY(!shortCode.ok());
        QVERIFY(!wrongCode.ok());
        QVERIFY(shortCode.error().message.contains(QStringLiteral("6 digits")));
        QVERIFY(shortCode.error().message != wrongCode.error().message);
    }

    void emptySecretIsAnInternalError()
    {
        BV_COMPARE_CODE(Totp::verify(SecureBytes(), u"287082", 59), ErrorCode::Internal);
    }

    void verifyWithClock()
    {
        MockClock clock(QDateTime::fromSecsSinceEpoch(1234567890, Qt::UTC));
        const SecureBytes secret = rfcSecret();
        const Result<qint64> result = Totp::verify(secret, u"005924", clock);
        BV_VERIFY_OK(result);
        QCOMPARE(*result, qint64(41152263));

        clock.advanceSecs(2 * Totp::kPeriodSecs); // two steps later: out of the window
        BV_COMPARE_CODE(Totp::verify(secret, u"005924", clock), ErrorCode::AuthenticationFailed);

        const QString current = QString::fromLatin1(Totp::codeAt(secret, clock.nowUtc().toSecsSinceEpoch()));
        const Result<qint64> next = Totp::verify(secret, current, clock, *result);
        BV_VERIFY_OK(next);
        QCOMPARE(*next, qint64(41152265));
    }

    void generatedSecrets()
    {
        const SecureBytes a = Totp::generateSecret();
        const SecureBytes b = Totp::generateSecret();
        QCOMPARE(a.size(), std::size_t(Totp::kSecretBytes));
        QCOMPARE(a.size(), std::size_t(20));
        QVERIFY(!a.equals(b));
        QCOMPARE(Totp::base32Encode(a).size(), std::size_t(32));

        // A fresh secret works end to end through its base32 form.
        const Result<SecureBytes> decoded = Totp::base32Decode(Totp::base32Encode(a).view());
        BV_VERIFY_OK(decoded);
        QVERIFY(decoded->equals(a));
        const qint64 now = 1767225600; // 2026-01-01T00:00:00Z
        BV_VERIFY_OK(Totp::verify(*decoded, QString::fromLatin1(Totp::codeAt(a, now)), now));
    }

    void base32KnownVectors_data()
    {
        QTest::addColumn<QByteArray>("plain");
        QTest::addColumn<QByteArray>("encoded"); // RFC 4648 section 10, without padding
        QTest::newRow("rfc 6238 secret") << QByteArray("12345678901234567890")
                                         << QByteArray("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        QTest::newRow("f") << QByteArray("f") << QByteArray("MY");
        QTest::newRow("fo") << QByteArray("fo") << QByteArray("MZXQ");
        QTest::newRow("foo") << QByteArray("foo") << QByteArray("MZXW6");
        QTest::newRow("foob") << QByteArray("foob") << QByteArray("MZXW6YQ");
        QTest::newRow("fooba") << QByteArray("fooba") << QByteArray("MZXW6YTB");
        QTest::newRow("foobar") << QByteArray("foobar") << QByteArray("MZXW6YTBOI");
    }
    void base32KnownVectors()
    {
        QFETCH(QByteArray, plain);
        QFETCH(QByteArray, encoded);
        QCOMPARE(toByteArray(Totp::base32Encode(SecureBytes::copyOf(plain))), encoded);
        const Result<SecureBytes> decoded = Totp::base32Decode(encoded);
        BV_VERIFY_OK(decoded);
        QCOMPARE(toByteArray(*decoded), plain);
    }

    void base32RoundTrip()
    {
        for (std::size_t size = 1; size <= 41; ++size) {
            const SecureBytes secret = SecureBytes::random(size);
            const SecureBytes text = Totp::base32Encode(secret);
            QCOMPARE(text.size(), (size * 8 + 4) / 5);
            const Result<SecureBytes> decoded = Totp::base32Decode(text.view());
            BV_VERIFY_OK(decoded);
            QVERIFY2(decoded->equals(secret), qPrintable(QStringLiteral("size %1").arg(size)));
        }
    }

    void base32DecodeIsForgiving_data()
    {
        QTest::addColumn<QByteArray>("typed");
        QTest::newRow("lower case") << QByteArray("gezdgnbvgy3tqojqgezdgnbvgy3tqojq");
        QTest::newRow("groups of four") << QByteArray("GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ");
        QTest::newRow("mixed case, newline") << QByteArray("GEZDgnbvGY3TqojqGEZD\r\ngnbvGY3TqojQ\n");
        QTest::newRow("extra padding") << QByteArray("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ========");
    }
    void base32DecodeIsForgiving()
    {
        QFETCH(QByteArray, typed);
        const Result<SecureBytes> decoded = Totp::base32Decode(typed);
        BV_VERIFY_OK(decoded);
        QCOMPARE(toByteArray(*decoded), QByteArray("12345678901234567890"));
    }

    void base32DecodeRefuses_data()
    {
        QTest::addColumn<QByteArray>("typed");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("only padding") << QByteArray("========");
        QTest::newRow("digit one") << QByteArray("GEZDGNBVGY3TQOJ1");
        QTest::newRow("digit eight") << QByteArray("GEZDGNBVGY3TQOJ8");
        QTest::newRow("dash") << QByteArray("GEZD-GNBV");
        QTest::newRow("text after padding") << QByteArray("MY======MY");
        QTest::newRow("one symbol") << QByteArray("M");
        QTest::newRow("three symbols") << QByteArray("MZX");
        QTest::newRow("six symbols") << QByteArray("MZXW6Y");
        QTest::newRow("nine symbols") << QByteArray("MZXW6YTBO");
    }
    void base32DecodeRefuses()
    {
        QFETCH(QByteArray, typed);
        const Result<SecureBytes> decoded = Totp::base32Decode(typed);
        BV_COMPARE_CODE(decoded, ErrorCode::InvalidInput);
        QCOMPARE(decoded.error().field, QStringLiteral("totp_secret"));
        if (typed.size() >= 4)
            QVERIFY(!decoded.error().fullText().contains(QString::fromLatin1(typed)));
    }

    void provisioningUri()
    {
        const Result<SecureBytes> uri = Totp::provisioningUri(QStringLiteral("teller.wang"), rfcSecret());
        BV_VERIFY_OK(uri);
        QCOMPARE(toByteArray(*uri),
            QByteArray("otpauth://totp/BranchVault:teller.wang?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                       "&issuer=BranchVault&algorithm=SHA1&digits=6&period=30"));

        const QUrl url(QString::fromLatin1(toByteArray(*uri)));
        QVERIFY(url.isValid());
        QCOMPARE(url.scheme(), QStringLiteral("otpauth"));
        QCOMPARE(url.host(), QStringLiteral("totp"));
        QCOMPARE(url.path(), QStringLiteral("/BranchVault:teller.wang"));
        const QUrlQuery query(url);
        QCOMPARE(query.queryItemValue(QStringLiteral("secret")), QStringLiteral("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"));
        QCOMPARE(query.queryItemValue(QStringLiteral("issuer")), QStringLiteral("BranchVault"));
    }

    void provisioningUriEncodesTheLogin()
    {
        // Characters that would otherwise end the label or start the query are percent-encoded;
        // a Chinese login is UTF-8 percent-encoded.
        const Result<SecureBytes> uri = Totp::provisioningUri(QStringLiteral("wang li:01?a=b&c#d/e"), rfcSecret());
        BV_VERIFY_OK(uri);
        QVERIFY(toByteArray(*uri).startsWith(
            "otpauth://totp/BranchVault:wang%20li%3A01%3Fa%3Db%26c%23d%2Fe?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&"));
        const QUrlQuery query {QUrl(QString::fromLatin1(toByteArray(*uri)))};
        QCOMPARE(query.queryItemValue(QStringLiteral("secret")), QStringLiteral("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"));
        QVERIFY(!query.hasQueryItem(QStringLiteral("c")));

        const Result<SecureBytes> chinese = Totp::provisioningUri(QStringLiteral("王丽"), rfcSecret());
        BV_VERIFY_OK(chinese);
        QVERIFY(toByteArray(*chinese).startsWith("otpauth://totp/BranchVault:%E7%8E%8B%E4%B8%BD?secret="));
    }

    void provisioningUriRefusesEmptyInput()
    {
        BV_COMPARE_CODE(Totp::provisioningUri(QString(), rfcSecret()), ErrorCode::InvalidInput);
        BV_COMPARE_CODE(Totp::provisioningUri(QStringLiteral("  "), rfcSecret()), ErrorCode::InvalidInput);
        BV_COMPARE_CODE(Totp::provisioningUri(QStringLiteral("teller.wang"), SecureBytes()), ErrorCode::Internal);
    }
};

QTEST_GUILESS_MAIN(TestTotp)
#include "tst_totp.moc"
