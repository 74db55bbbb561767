#pragma once

#include "core/common/Result.h"
#include "core/reports/ReportService.h"

#include <functional>

class QPagedPaintDevice;

namespace bv {

class Session;

// One controlled print, the same for the GUI (QPrinter) and the CLI (QPdfWriter): registers the print in
// core (ReportService::print), lays the document out, fetches the page codes of every copy, paints every
// copy, and records the outcome (finishPrint), so a failure releases the grant and a success uses it up.
// `job`, when given, receives the registered job (serial, copies). `deliver`, when given, runs after the last
// page is finished and before the outcome is recorded (writing the drawn PDF to its file): if it fails, the
// print is recorded as failed, so the register never holds a printout that was not delivered.
using Deliver = std::function<Status()>;
Status printControlled(ReportService& reports, const Session& session, const ReportRequest& request, int copies,
    PrintMedium medium, QPagedPaintDevice& device, int periodDays = 0, PrintJob* job = nullptr,
    const Deliver& deliver = {});
// The same for a further copy (副本) of a registered printout.
Status reprintControlled(ReportService& reports, const Session& session, const QString& serial, int copies,
    PrintMedium medium, QPagedPaintDevice& device, PrintJob* job = nullptr, const Deliver& deliver = {});

// A controlled print into a new PDF file at `path` (the GUI's Save as PDF, the CLI's --pdf): refuses an
// existing file before anything is registered, draws in memory, repairs the text layer (PdfTextLayer), writes
// the file under a temporary name and renames it, and only then records the print as done.
Status printControlledPdf(ReportService& reports, const Session& session, const ReportRequest& request, int copies,
    const QString& path, int periodDays = 0, PrintJob* job = nullptr);
Status reprintControlledPdf(ReportService& reports, const Session& session, const QString& serial, int copies,
    const QString& path, PrintJob* job = nullptr);

} // namespace bv
