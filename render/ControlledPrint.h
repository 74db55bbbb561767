#pragma once

#include "common/Result.h"
#include "reports/ReportService.h"

class QPagedPaintDevice;

namespace bv {

class Session;

// One controlled print, the same for the GUI (QPrinter) and the CLI (QPdfWriter): registers the print in
// core (ReportService::print), lays the document out, fetches the page codes of every copy, paints every
// copy, and records the outcome (finishPrint), so a failure releases the grant and a success uses it up.
// `job`, when given, receives the registered job (serial, copies).
Status printControlled(ReportService& reports, const Session& session, const ReportRequest& request, int copies,
    PrintMedium medium, QPagedPaintDevice& device, int periodDays = 0, PrintJob* job = nullptr);
// The same for a further copy (副本) of a registered printout.
Status reprintControlled(ReportService& reports, const Session& session, const QString& serial, int copies,
    PrintMedium medium, QPagedPaintDevice& device, PrintJob* job = nullptr);

} // namespace bv
