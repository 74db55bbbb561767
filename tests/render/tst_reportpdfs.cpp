// Every controlled report, in English and in Chinese, through the real core and the real renderer into PDF
// files, read back by tools independent of the code that wrote them: pdftotext finds the controlled mark,
// the serial and the page numbering on every page; pdftoppm rasterises each page and zbarimg reads its QR
// code, which must be the code the print register verifies (PrintRegister::trace says Genuine). Run with
// BV_REPORT_SAMPLES=DIR, the PDFs are kept in DIR: docs/reports is made that way (synthetic data only).
#include "core/auth/AccountService.h"
#include "core/common/Translations.h"
#include "core/customers/CustomerService.h"
#include "core/customers/care/CustomerCare.h"
#include "core/customers/lifecycle/CustomerEntry.h"
#include "core/reports/PrintRegister.h"
#include "core/reports/ReportService.h"
#include "core/requests/RequestService.h"
#include "render/ControlledPrint.h"
#include "tests/render/PdfTools.h"
#include "tests/testsupport/TestCore.h"
#include "tests/testsupport/TestData.h"

#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QTemporaryDir>
#include <QTest>

using namespace bv;
using namespace bv::test;

class TestReportPdfs : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestCore> m_t;
    QMap<Role, Session> m_sessions;
    QString m_dataSubject; // a customer of c1's
    QString m_outDir;
    QTemporaryDir m_temp;

    ReportService& reports() { return m_t->core->reports(); }

    Status grant(const Session& requester, const QString& report, const QString& customerNo)
    {
        NewRequest request;
        request.type = RequestType::Print;
        request.report = report;
        if (!customerNo.isEmpty())
            request.customerNumbers << customerNo;
        request.purpose = QStringLiteral("sample printout for the documentation");
        request.validityHours = 24;
        auto filed = m_t->core->requests().create(requester, request);
        if (!filed.ok())
            return filed.error();
        auto second = m_t->signIn(QStringLiteral("m2"));
        if (!second.ok())
            return second.error();
        return m_t->core->requests().approve(*second, filed->id, QStringLiteral("checked the purpose"));
    }

    // Prints one report to DIR/<report>-<lang>.pdf and checks every page with poppler and zbarimg; the
    // auditor traces the first page's code. Returns what is wrong, empty when nothing is.
    QString printAndCheck(const Session& session, const ReportRequest& request, const QString& language)
    {
        const QString path = QDir(m_outDir).filePath(QStringLiteral("%1-%2.pdf").arg(request.report, language));
        QFile::remove(path);
        PrintJob job;
        const Status printed = printControlledPdf(reports(), session, request, 1, path, 0, &job);
        if (!printed.ok())
            return printed.error().message;
        const QStringList codes = job.copies.value(0).pageCodes;
        if (codes.isEmpty() || pdfPageCount(path) != codes.size())
            return QStringLiteral("page count");
        for (int page = 1; page <= codes.size(); ++page) {
            const QString text = pdfPageText(path, page);
            if (!text.contains(job.serial) || !text.contains(QStringLiteral("受控文件"))
                || !text.contains(QStringLiteral("CONTROLLED")))
                return QStringLiteral("page %1 lacks the serial or the controlled mark").arg(page);
            const QString png = rasterisePage(path, page, m_temp.path());
            if (zbarCodes(png) != QStringList {codes.at(page - 1)})
                return QStringLiteral("zbarimg read another code on page %1").arg(page);
        }
        auto traced = m_t->core->printRegister().trace(m_sessions[Role::Auditor], codes.constFirst());
        if (!traced.ok() || traced->verdict != PrintTrace::Verdict::Genuine || traced->copy.serial != job.serial)
            return QStringLiteral("the first page does not trace as genuine");
        return QString();
    }

private slots:
    void initTestCase()
    {
        const QStringList missing = missingTools();
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(", "))));
        QVERIFY(m_temp.isValid());
        m_outDir = qEnvironmentVariableIsEmpty("BV_REPORT_SAMPLES") ? m_temp.path()
                                                                    : qEnvironmentVariable("BV_REPORT_SAMPLES");
        QVERIFY(QDir().mkpath(m_outDir));

        m_t = TestCore::create();
        QVERIFY(m_t);
        m_sessions[Role::Admin] = m_t->admin;
        m_sessions[Role::Manager] = m_t->addUser(QStringLiteral("m1"), Role::Manager, QStringLiteral("Wang Fang"));
        m_t->addUser(QStringLiteral("m2"), Role::Manager, QStringLiteral("Li Qiang"));
        m_sessions[Role::CustomerManager]
            = m_t->addUser(QStringLiteral("c1"), Role::CustomerManager, QStringLiteral("Zhao Min"));
        const Session c2 = m_t->addUser(QStringLiteral("c2"), Role::CustomerManager, QStringLiteral("Sun Li"));
        m_sessions[Role::Auditor] = m_t->addUser(QStringLiteral("u1"), Role::Auditor, QStringLiteral("Zhou Jie"));
        const Session& m1 = m_sessions[Role::Manager];
        const Session& c1 = m_sessions[Role::CustomerManager];

        // a small synthetic branch: customers of two customer managers, service, complaints
        QList<qint64> changes;
        QStringList numbers;
        for (int seed = 1; seed <= 24; ++seed) {
            auto receipt = m_t->core->customers().entry().create(seed % 3 ? c1 : c2, customerInput(seed));
            BV_VERIFY_OK(receipt);
            changes << receipt->changeId;
            numbers << receipt->customerNumber;
        }
        auto approved = m_t->core->customers().entry().approveMany(m1, changes, QStringLiteral("documents checked"));
        BV_VERIFY_OK(approved);
        m_dataSubject = numbers.at(0);
        CustomerCare& care = m_t->core->customers().care();
        for (int i = 0; i < numbers.size(); i += 2) {
            const Session& owner = (i + 1) % 3 ? c1 : c2;
            BV_VERIFY_OK(care.addService(owner, numbers.at(i), m_t->clock.nowUtc().date().addDays(-i),
                QStringLiteral("counter"), QStringLiteral("annual review of the account")));
        }
        for (int i = 1; i < 6; ++i) {
            auto complaint = care.addComplaint(c1, numbers.at(i * 3 - 2), m_t->clock.nowUtc().addDays(-i * 6),
                QStringLiteral("phone"), QStringLiteral("waiting time at the counter"));
            BV_VERIFY_OK(complaint);
        }
        // c2 leaves: the reassignment list has c2's customers
        BV_VERIFY_OK(m_t->core->accounts().freeze(m_t->admin, QStringLiteral("c2")));
    }

    void everyReportInBothLanguages_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
    }

    void everyReportInBothLanguages()
    {
        QFETCH(QString, language);
        installTranslations(language);
        int printed = 0;
        for (auto it = m_sessions.cbegin(); it != m_sessions.cend(); ++it) {
            auto catalogue = reports().catalogue(it.value());
            BV_VERIFY_OK(catalogue);
            for (const ReportInfo& info : *catalogue) {
                ReportRequest request;
                request.report = info.key;
                if (info.needsCustomer) {
                    request.parameters.insert(QStringLiteral("customer"), m_dataSubject);
                    BV_VERIFY_OK(grant(it.value(), info.key, m_dataSubject));
                } else if (info.mayHoldGrade1) {
                    request.parameters.insert(QStringLiteral("with_identities"), QStringLiteral("true"));
                    BV_VERIFY_OK(grant(it.value(), info.key, QString()));
                }
                const QString problem = printAndCheck(it.value(), request, language);
                QVERIFY2(problem.isEmpty(), qPrintable(info.key + QStringLiteral(": ") + problem));
                ++printed;
            }
        }
        QCOMPARE(printed, 14);
        installTranslations(QStringLiteral("en"));
    }
};

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    TestReportPdfs test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_reportpdfs.moc"
