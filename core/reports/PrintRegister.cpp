#include "PrintRegister.h"

#include "ReportContext.h"

namespace bv {

PrintRegister::PrintRegister(ReportContext& context)
    : m_context(context)
{
}

namespace {
Error notYet()
{
    return makeError(ErrorCode::Internal, QStringLiteral("not built yet"));
}
} // namespace

Result<QList<PrintCopy>> PrintRegister::list(const Session&, const PrintRegisterFilter&)
{
    return notYet();
}
Result<PrintCopy> PrintRegister::copy(const Session&, const QString&, int)
{
    return notYet();
}
Status PrintRegister::receive(const Session&, const QString&, int, const QString&, const SecureBytes&)
{
    return notYet();
}
Status PrintRegister::handOver(const Session&, const QString&, int, const QString&)
{
    return notYet();
}
Status PrintRegister::lend(const Session&, const QString&, int, const QString&, const QDateTime&, const QString&)
{
    return notYet();
}
Status PrintRegister::giveBack(const Session&, const QString&, int, const QString&)
{
    return notYet();
}
Status PrintRegister::destroy(const Session&, const QString&, int, const QString&, const SecureBytes&, const QString&)
{
    return notYet();
}
Result<QList<PrintAlert>> PrintRegister::alerts(const Session&)
{
    return notYet();
}
Result<PrintTrace> PrintRegister::trace(const Session&, const QString&)
{
    return notYet();
}
Status PrintRegister::verify(const Session&)
{
    return notYet();
}
QString PrintRegister::stateLabel(PrintCopyState)
{
    return {};
}
QString PrintRegister::eventLabel(PrintEventKind)
{
    return {};
}

} // namespace bv

namespace bv {

Result<ReportDocument> buildPrintRegisterReport(ReportContext&, const Actor&, const ReportRequest&)
{
    return makeError(ErrorCode::Internal, QStringLiteral("not built yet"));
}

} // namespace bv
