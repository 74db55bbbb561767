// printControlled / reprintControlled end to end on a real core with the print register: two copies in one
// PDF, every page's QR code (read by zbarimg) is the code core made for that page of that copy and traces
// as genuine; the copies are recorded as printed with their page count; a PDF that cannot be opened
// records a failed print and gives a grade-1 print's grant back; a reprint carries its own copy numbers.
// The report builder is the test's own (ReportContext::builder), so this does not depend on any one report.
#include "core/internal/CoreInternal.h"
#include "core/internal/reports/ReportContext.h"
#include "core/reports/PrintRegister.h"
#include "core/reports/ReportService.h"
#include "core/requests/RequestService.h"
#include "render/ControlledPrint.h"
#include "render/PdfTextLayer.h"
#include "tests/render/PdfTools.h"
#include "tests/testsupport/TestCore.h"

#include <QPdfWriter>
#include <QTemporaryDir>
#include <QTest>

using namespace bv;
using namespace bv::test;

namespace {
const QString kRoster = QStringLiteral("customer_list");

const ReportInfo* findInfo(const QString& key)
{
    static const ReportInfo roster = [] {
        ReportInfo info;
        info.key = kRoster;
        info.title = QStringLiteral("Customer roster");
        info.role = Role::Manager;
        info.mayHoldGrade1 = true;
        info.parameters = {{QStringLiteral("with_identities"), QStringLiteral("With identities"),
            ReportParameterSpec::Kind::Boolean, QStringLiteral("false"), false}};
        return info;
    }();
    return key == kRoster ? &roster : nullptr;
}

ReportRequest roster(bool identities)
{
    return ReportRequest {
        kRoster, {{QStringLiteral("with_identities"), identities ? QStringLiteral("true") : QStringLiteral("false")}}};
}
} // namespace

class TestPrintFlow : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestCore> t;
    std::unique_ptr<ReportContext> context;
    std::unique_ptr<ReportService> reports;
    std::unique_ptr<PrintRegister> reg;
    Session m1;
    Session m2;
    QTemporaryDir m_dir;

    qint64 printGrant()
    {
        NewRequest request;
        request.type = RequestType::Print;
        request.report = kRoster;
        request.purpose = QStringLiteral("Quarterly review of the branch's customers");
        auto created = t->core->requests().create(m1, request);
        if (!created.ok() || !t->core->requests().approve(m2, created->id, QStringLiteral("checked")).ok())
            return 0;
        return created->id;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(missingTools().isEmpty(), qPrintable(missingTools().join(QStringLiteral(", "))));
    }

    void init()
    {
        t = TestCore::create();
        QVERIFY(t);
        m1 = t->addUser(QStringLiteral("m1"), Role::Manager, QStringLiteral("王五"));
        m2 = t->addUser(QStringLiteral("m2"), Role::Manager);
        Core& core = *t->core;
        context.reset(new ReportContext {internalsOf(core).database(), internalsOf(core).auditLog(),
            internalsOf(core).access(), core.settings(), core.auth(), core.accounts(), core.audit(), core.customers(),
            core.requests(), t->vault->staffCipher(), t->clock});
        context->reportInfo = &findInfo;
        context->builder = [](ReportContext&, const Actor& actor, const ReportRequest& request, const Grant* grant) {
            ReportDocument document;
            document.reportKey = request.report;
            document.title = QStringLiteral("网点客户名册 Customer roster");
            document.branch = QStringLiteral("第一支行 First Branch");
            document.builtBy = actor.login;
            ReportTable table;
            table.columns = {{QStringLiteral("编号 No."), 1, false}, {QStringLiteral("姓名 Name"), 2, false},
                {QStringLiteral("末列 Last"), 1, false}};
            for (int i = 1; i <= 120; ++i)
                table.rows << QStringList {QStringLiteral("C-%1").arg(i, 4, 10, QLatin1Char('0')),
                    QStringLiteral("客户%1").arg(i), QStringLiteral("E-%1").arg(i, 4, 10, QLatin1Char('0'))};
            document.tables << table;
            const bool grade1 = request.parameters.value(QStringLiteral("with_identities")) == QLatin1String("true");
            document.highestGrade = grade1 ? 1 : 3;
            document.grantRequestId = grant ? grant->requestId : 0;
            return Result<ReportDocument>(document);
        };
        reports = std::make_unique<ReportService>(*context);
        reg = std::make_unique<PrintRegister>(*context);
    }

    void cleanup()
    {
        reg.reset();
        reports.reset();
        context.reset();
        t.reset();
    }

    void twoCopiesCarryTheirOwnCodes()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("two.pdf"));
        PrintJob job;
        {
            QPdfWriter writer(pdf);
            writer.setResolution(300); // as the CLI writes it
            const Status printed = printControlled(*reports, m1, roster(false), 2, PrintMedium::Pdf, writer, 0, &job);
            QVERIFY2(printed.ok(), qPrintable(printed.ok() ? QString() : printed.error().fullText()));
        }
        QVERIFY(PdfTextLayer::repairFile(pdf).ok());
        QCOMPARE(job.copies.size(), 2);
        const int pages = int(job.copies.first().pageCodes.size());
        QVERIFY(pages >= 3);
        QCOMPARE(pdfPageCount(pdf), 2 * pages);
        for (int c = 0; c < 2; ++c) {
            const PrintMarks& marks = job.copies.at(c);
            QCOMPARE(marks.pageCodes.size(), pages);
            for (int page = 1; page <= pages; ++page) {
                const int pdfPage = c * pages + page;
                const QString text = pdfPageText(pdf, pdfPage);
                QVERIFY(text.contains(QStringLiteral("受控文件")));
                QVERIFY(text.contains(job.serial));
                QVERIFY(text.contains(marks.copyLabel));
                QVERIFY(text.contains(QStringLiteral("Page %1 of %2").arg(page).arg(pages)));
                QVERIFY(text.contains(marks.validUntilText));
                const QString png = rasterisePage(pdf, pdfPage, m_dir.path());
                QCOMPARE(zbarCodes(png), QStringList {marks.pageCodes.at(page - 1)});
                auto traced = reg->trace(m2, marks.pageCodes.at(page - 1));
                QVERIFY(traced.ok());
                QCOMPARE(traced->verdict, PrintTrace::Verdict::Genuine);
                QCOMPARE(traced->page, page);
                QCOMPARE(traced->copy.copy, c + 1);
            }
            auto copy = reg->copy(m1, job.serial, c + 1);
            QVERIFY(copy.ok());
            QCOMPARE(copy->state, PrintCopyState::Printed);
            QCOMPARE(copy->pages, pages);
        }

        // a further copy of the same printout
        const QString again = m_dir.filePath(QStringLiteral("again.pdf"));
        PrintJob reprint;
        {
            QPdfWriter writer(again);
            QVERIFY(reprintControlled(*reports, m1, job.serial, 1, PrintMedium::Pdf, writer, &reprint).ok());
        }
        QCOMPARE(reprint.copies.size(), 1);
        QCOMPARE(reprint.copies.first().copy, 3);
        QCOMPARE(pdfPageCount(again), pages);
        QCOMPARE(
            zbarCodes(rasterisePage(again, 2, m_dir.path())), QStringList {reprint.copies.first().pageCodes.at(1)});
    }

    void failedPaintingIsRecordedAndGivesTheGrantBack()
    {
        const qint64 grant = printGrant();
        QVERIFY(grant > 0);
        PrintJob job;
        {
            QPdfWriter writer(m_dir.filePath(QStringLiteral("no-such-folder/x.pdf")));
            const Status printed = printControlled(*reports, m1, roster(true), 1, PrintMedium::Pdf, writer, 0, &job);
            QVERIFY(!printed.ok());
            QVERIFY2(printed.error().message.contains(QStringLiteral("recorded as failed")),
                qPrintable(printed.error().message));
        }
        QVERIFY(!job.serial.isEmpty());
        auto copy = reg->copy(m1, job.serial, 1);
        QVERIFY(copy.ok());
        QCOMPARE(copy->state, PrintCopyState::Failed);
        auto request = t->core->requests().get(m1, grant);
        QVERIFY(request.ok());
        QCOMPARE(request->status, RequestStatus::Approved); // not used up: it may print again
    }
};

QTEST_MAIN(TestPrintFlow)
#include "tst_printflow.moc"
