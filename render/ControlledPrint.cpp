#include "render/ControlledPrint.h"

#include "core/common/AtomicFile.h"
#include "render/PdfTextLayer.h"
#include "render/ReportRenderer.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPdfWriter>

namespace bv {

namespace {
class ControlledPrint
{
    Q_DECLARE_TR_FUNCTIONS(ControlledPrint)
public:
    static Error paintingFailed(const QString& cause)
    {
        return makeError(ErrorCode::Io,
            tr("%1 The report was not printed: the print is recorded as failed in the print register, and its "
               "approval was not used up.")
                .arg(cause));
    }
};

// Records a failed print and returns the failure (the register's own error, if it has one, as detail).
Error failPrint(ReportService& reports, const Session& session, const PrintJob& job, int pages, const Error& failure)
{
    const Status recorded = reports.finishPrint(session, job.serial, false, pages, failure.message);
    Error error = failure;
    if (!recorded.ok())
        error.detail = recorded.error().fullText();
    return error;
}

// Lays the registered job out, fetches every copy's page codes, paints every copy and records the outcome.
Status paintJob(
    ReportService& reports, const Session& session, PrintJob& job, QPagedPaintDevice& device, const Deliver& deliver)
{
    if (job.copies.isEmpty())
        return failPrint(reports, session, job, 0,
            makeError(ErrorCode::Internal,
                ControlledPrint::tr("The print register returned no copies to print. Print the report again.")));
    ReportRenderer renderer(job.document);
    const int pages = renderer.layout(device);
    for (PrintMarks& marks : job.copies) {
        Result<QStringList> codes = reports.pageCodes(session, job.serial, marks.copy, pages);
        if (!codes.ok())
            return failPrint(reports, session, job, pages, codes.error());
        marks.pageCodes = std::move(*codes);
    }

    QPainter painter;
    if (!painter.begin(&device))
        return failPrint(reports, session, job, pages,
            ControlledPrint::paintingFailed(ReportRenderer::tr(
                "The printer or the PDF file could not be opened for drawing. Check the printer, or that the "
                "folder can be written to, then try again.")));
    for (qsizetype i = 0; i < job.copies.size(); ++i) {
        QString cause;
        if (!renderer.paint(painter, device, &job.copies.at(i), i > 0, &cause)) {
            painter.end();
            return failPrint(reports, session, job, pages, ControlledPrint::paintingFailed(cause));
        }
    }
    if (!painter.end())
        return failPrint(reports, session, job, pages,
            ControlledPrint::paintingFailed(ReportRenderer::tr(
                "The pages could not be finished on the printer or in the PDF file. Check the printer or the "
                "free disk space, then try again.")));
    if (deliver) {
        const Status delivered = deliver();
        if (!delivered.ok())
            return failPrint(reports, session, job, pages, delivered.error());
    }
    return reports.finishPrint(session, job.serial, true, pages);
}

// Draws into memory through `print` and delivers the repaired PDF to `path` before the print is recorded.
Status printPdf(const QString& path, const std::function<Status(QPagedPaintDevice&, const Deliver&)>& print)
{
    BV_TRY(AtomicFile::checkNew(path, QStringLiteral("pdf")));
    QBuffer drawn;
    drawn.open(QIODevice::WriteOnly);
    QPdfWriter writer(&drawn);
    writer.setCreator(QStringLiteral("BranchVault"));
    writer.setResolution(300);
    return print(writer, [&]() -> Status {
        return AtomicFile::writeNew(path, QStringLiteral("pdf"), PdfTextLayer::repaired(drawn.data()));
    });
}
} // namespace

Status printControlled(ReportService& reports, const Session& session, const ReportRequest& request, int copies,
    PrintMedium medium, QPagedPaintDevice& device, int periodDays, PrintJob* job, const Deliver& deliver)
{
    Result<PrintJob> registered = reports.print(session, request, copies, medium, periodDays);
    if (!registered.ok())
        return registered.error();
    const Status status = paintJob(reports, session, *registered, device, deliver);
    if (job)
        *job = std::move(*registered);
    return status;
}

Status reprintControlled(ReportService& reports, const Session& session, const QString& serial, int copies,
    PrintMedium medium, QPagedPaintDevice& device, PrintJob* job, const Deliver& deliver)
{
    Result<PrintJob> registered = reports.reprint(session, serial, copies, medium);
    if (!registered.ok())
        return registered.error();
    const Status status = paintJob(reports, session, *registered, device, deliver);
    if (job)
        *job = std::move(*registered);
    return status;
}

Status printControlledPdf(ReportService& reports, const Session& session, const ReportRequest& request, int copies,
    const QString& path, int periodDays, PrintJob* job)
{
    return printPdf(path, [&](QPagedPaintDevice& device, const Deliver& deliver) {
        return printControlled(reports, session, request, copies, PrintMedium::Pdf, device, periodDays, job, deliver);
    });
}

Status reprintControlledPdf(ReportService& reports, const Session& session, const QString& serial, int copies,
    const QString& path, PrintJob* job)
{
    return printPdf(path, [&](QPagedPaintDevice& device, const Deliver& deliver) {
        return reprintControlled(reports, session, serial, copies, PrintMedium::Pdf, device, job, deliver);
    });
}

} // namespace bv
