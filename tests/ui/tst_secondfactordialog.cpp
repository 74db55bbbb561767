// The second-factor enrolment dialog: the otpauth link is shown as a QR code that decodes back to exactly that
// link (libqrencode through render/PageCodes, read back with zxing-cpp), beside the key to type; the code from the
// app confirms the enrolment. The link holds the secret: the test compares without printing it.

#include "core/Core.h"
#include "core/auth/AuthService.h"
#include "core/internal/auth/Totp.h"
#include "render/PageCodes.h"
#include "tests/testsupport/TestCore.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/auth/SecondFactorDialog.h"
#include "ui/common/ProtectedLabel.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

using namespace bv;
using namespace bv::test;
using namespace bv::ui;

class TestSecondFactorDialog : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestCore> t;
    Session m1;

private slots:
    void initTestCase() { bv::installTranslations(QStringLiteral("en")); }
    void init()
    {
        t = TestCore::create();
        QVERIFY(t);
        m1 = t->addUser(QStringLiteral("m1"), Role::Manager);
    }
    void cleanup() { t.reset(); }

    void qrCodeDecodesToTheOtpauthLink()
    {
        auto enrolment = t->core->auth().beginSecondFactor(m1);
        BV_VERIFY_OK(enrolment);
        const QString secret = QString::fromLatin1(enrolment->secretBase32.view().toByteArray());
        const QString uri = QString::fromLatin1(enrolment->uri.view().toByteArray());
        QVERIFY(uri.startsWith(QStringLiteral("otpauth://totp/")));
        QVERIFY(uri.contains(secret));

        int confirmations = 0;
        SecondFactorDialog dialog(secret, uri, false, [&](const QString& code) {
            ++confirmations;
            return t->core->auth().confirmSecondFactor(m1, code);
        });
        auto* qr = child<QLabel>(&dialog, "qrCodeLabel");
        QVERIFY(qr);
        QVERIFY(!qr->accessibleName().isEmpty());
        const QImage image = qr->pixmap().toImage();
        QVERIFY(!image.isNull());
        const QStringList decoded = decodeQrCodes(image);
        QCOMPARE(decoded.size(), 1);
        QVERIFY2(decoded.constFirst() == uri, "the QR code does not hold the otpauth link");
        // another link gives another code: the image is not a fixed picture
        QVERIFY(decodeQrCodes(qrCodeImage(uri + QStringLiteral("x"), 5)).constFirst() != uri);

        // the key to type is still there, and the app's code confirms the enrolment
        QVERIFY(child<ProtectedLabel>(&dialog, "secretLabel")->text() == secret);
        auto secretBytes = Totp::base32Decode(enrolment->secretBase32.view());
        BV_VERIFY_OK(secretBytes);
        dialog.codeEdit()->setText(
            QString::fromLatin1(Totp::codeAt(*secretBytes, t->clock.nowUtc().toSecsSinceEpoch())));
        QTest::mouseClick(dialog.confirmButton(), Qt::LeftButton);
        QCOMPARE(confirmations, 1);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }
};

QTEST_MAIN(TestSecondFactorDialog)
#include "tst_secondfactordialog.moc"
