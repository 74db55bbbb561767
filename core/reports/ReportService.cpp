#include "ReportService.h"

#include "ReportContext.h"

namespace bv {

ReportService::ReportService(ReportContext& context)
    : m_context(context)
{
}

namespace {
Error notYet()
{
    return makeError(ErrorCode::Internal, QStringLiteral("not built yet"));
}
} // namespace

Result<QList<ReportInfo>> ReportService::catalogue(const Session&) const
{
    return notYet();
}

Result<ReportDocument> ReportService::run(const Session&, const ReportRequest&)
{
    return notYet();
}

ReportDocument ReportService::recoverySheet(const QString&, const QString&) const
{
    return {};
}

} // namespace bv
