#include "core/setup/RecoverySheet.h"

#include "core/Core.h"
#include "core/audit/AuditActions.h"
#include "core/customers/rules/WorkingCalendar.h"
#include "core/internal/CoreInternal.h"
#include "core/internal/audit/AuditLog.h"
#include "core/reports/ReportService.h"
#include "core/vault/Vault.h"

#include <QJsonObject>

namespace bv {

RecoverySheet::RecoverySheet(Core& core, Session session)
    : m_core(core)
    , m_session(std::move(session))
{
}

void RecoverySheet::beginCopy()
{
    if (!m_firstCopyUtc.isValid())
        m_firstCopyUtc = m_core.clock().nowUtc();
}

QString RecoverySheet::serial() const
{
    const QDateTime when = m_firstCopyUtc.isValid() ? m_firstCopyUtc : m_core.clock().nowUtc();
    const QString date = when.toTimeZone(WorkingCalendar::branchTimeZone()).date().toString(QStringLiteral("yyyyMMdd"));
    return QStringLiteral("RS-%1-%2").arg(m_core.vault().databaseId().left(8).toUpper(), date);
}

Actor RecoverySheet::printedBy() const
{
    return m_session.isValid() ? m_session.info() : Actor::system();
}

ReportDocument RecoverySheet::document(const QString& passphraseText, const QString& branch) const
{
    return m_core.reports().recoverySheet(passphraseText, branch, m_core.vault().path());
}

Status RecoverySheet::recordCopy(int copy, int pages, bool printed, const QString& failure)
{
    QJsonObject details {{QStringLiteral("copy"), copy}, {QStringLiteral("pages"), pages}};
    if (!printed)
        details.insert(QStringLiteral("failure"), failure);
    return internalsOf(m_core).auditLog().appendStandalone(printedBy(),
        AuditEvent {QString::fromLatin1(audit::RecoverySheetPrint), QStringLiteral("recovery_sheet"), serial(),
            QString(), printed ? AuditOutcome::Ok : AuditOutcome::Failed, details});
}

} // namespace bv
