#include "ControlledPrint.h"

namespace bv {

Status printControlled(
    ReportService&, const Session&, const ReportRequest&, int, PrintMedium, QPagedPaintDevice&, int, PrintJob*)
{
    return makeError(ErrorCode::Internal, QStringLiteral("not built yet"));
}

Status reprintControlled(
    ReportService&, const Session&, const QString&, int, PrintMedium, QPagedPaintDevice&, PrintJob*)
{
    return makeError(ErrorCode::Internal, QStringLiteral("not built yet"));
}

} // namespace bv
