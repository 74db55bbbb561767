#include "ReportService.h"

#include "ReportContext.h"

namespace bv {

namespace {
Error notYet()
{
    return makeError(ErrorCode::Internal, QStringLiteral("not built yet"));
}
} // namespace

Result<PrintJob> ReportService::print(const Session&, const ReportRequest&, int, PrintMedium, int)
{
    return notYet();
}

Result<PrintJob> ReportService::reprint(const Session&, const QString&, int, PrintMedium)
{
    return notYet();
}

Result<QStringList> ReportService::pageCodes(const Session&, const QString&, int, int)
{
    return notYet();
}

Status ReportService::finishPrint(const Session&, const QString&, bool, int, const QString&)
{
    return notYet();
}

Status ReportService::printCancelled(const Session&, const ReportRequest&, PrintMedium)
{
    return notYet();
}

} // namespace bv
