// Start-up self-checks and process hardening.
#include "core/vault/SelfCheck.h"
#include "tests/testsupport/TestSupport.h"

#include <QTest>
#include <QVersionNumber>

#include <sys/prctl.h>
#include <sys/resource.h>

using namespace bv;

class TestSelfCheck : public QObject
{
    Q_OBJECT
private slots:
    void checksPassAndHardenTheProcess()
    {
        struct rlimit before = {};
        getrlimit(RLIMIT_CORE, &before);
        auto report = SelfCheck::run();
        BV_VERIFY_OK(report);
        QVERIFY(QVersionNumber::fromString(report->sqlcipherVersion) >= QVersionNumber(4, 4, 2));
        QVERIFY(!report->cryptoProvider.isEmpty());
        QVERIFY(!report->sodiumVersion.isEmpty());
        QVERIFY(report->passed.size() >= 4);
        struct rlimit after = {};
        QCOMPARE(getrlimit(RLIMIT_CORE, &after), 0);
        QCOMPARE(after.rlim_cur, rlim_t(0));
        QCOMPARE(after.rlim_max, rlim_t(0));
        QCOMPARE(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0), 0);
        QVERIFY(SelfCheck::coreDumpsDisabled());
    }
};

QTEST_GUILESS_MAIN(TestSelfCheck)
#include "tst_selfcheck.moc"
