// printControlled / reprintControlled on a real core: a print that core refuses (unknown report, a role
// that may not print, a copy count out of range, an unknown serial) draws nothing, opens no file and is
// returned as an error. The successful and the failed print with the register are in tst_printflow.
#include "render/ControlledPrint.h"
#include "tests/testsupport/TestCore.h"

#include <QFile>
#include <QPdfWriter>
#include <QTemporaryDir>
#include <QTest>

using namespace bv;
using namespace bv::test;

class TestControlledPrint : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestCore> t;
    QTemporaryDir m_dir;

private slots:
    void init()
    {
        t = TestCore::create();
        QVERIFY(t);
        QVERIFY(m_dir.isValid());
    }

    void refusedPrintDrawsNothing_data()
    {
        QTest::addColumn<QString>("report");
        QTest::addColumn<int>("copies");
        QTest::newRow("unknown report") << QStringLiteral("no_such_report") << 1;
        QTest::newRow("no copies") << QStringLiteral("customer_list") << 0;
        QTest::newRow("too many copies") << QStringLiteral("customer_list") << 11;
    }

    void refusedPrintDrawsNothing()
    {
        QFETCH(QString, report);
        QFETCH(int, copies);
        const Session manager = t->addUser(QStringLiteral("wang.wu"), Role::Manager, QStringLiteral("王五"));
        const QString pdf = m_dir.filePath(QStringLiteral("refused.pdf"));
        PrintJob job;
        {
            QPdfWriter writer(pdf);
            const Status status = printControlled(
                t->core->reports(), manager, ReportRequest {report, {}}, copies, PrintMedium::Pdf, writer, 0, &job);
            QVERIFY(!status.ok());
            QVERIFY(!status.error().message.isEmpty());
        }
        QVERIFY(job.serial.isEmpty());
        QVERIFY2(!QFile::exists(pdf), "a refused print opened its PDF file");
    }

    void administratorCannotPrintARoster()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("admin.pdf"));
        {
            QPdfWriter writer(pdf);
            const Status status = printControlled(t->core->reports(), t->admin,
                ReportRequest {QStringLiteral("customer_list"), {}}, 1, PrintMedium::Pdf, writer);
            QVERIFY(!status.ok());
        }
        QVERIFY(!QFile::exists(pdf));
    }

    void reprintOfAnUnknownSerialDrawsNothing()
    {
        const Session manager = t->addUser(QStringLiteral("wang.wu"), Role::Manager, QStringLiteral("王五"));
        const QString pdf = m_dir.filePath(QStringLiteral("reprint.pdf"));
        PrintJob job;
        {
            QPdfWriter writer(pdf);
            const Status status = reprintControlled(
                t->core->reports(), manager, QStringLiteral("BV-1999-999999"), 1, PrintMedium::Pdf, writer, &job);
            QVERIFY(!status.ok());
        }
        QVERIFY(job.serial.isEmpty());
        QVERIFY(!QFile::exists(pdf));
    }
};

QTEST_MAIN(TestControlledPrint)
#include "tst_controlledprint.moc"
