#include "core/reports/ReportService.h"

#include "core/audit/AuditActions.h"
#include "core/common/Clock.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/db/Transaction.h"
#include "core/internal/policy/AccessControl.h"
#include "core/internal/reports/ReportBuilders.h"
#include "core/internal/reports/ReportSupport.h"
#include "core/requests/RequestService.h"

#include <QJsonObject>

#include <optional>

namespace bv {

ReportService::ReportService(ReportContext& context)
    : m_context(context)
{
}

Result<QList<ReportInfo>> ReportService::catalogue(const Session& session) const
{
    auto actor = m_context.access.authorize(session, Operation::RunReport);
    if (!actor.ok())
        return actor.error();
    QList<ReportInfo> reports;
    for (ReportInfo& report : reportCatalogue(reporttext::branchDate(m_context.clock.nowUtc()))) {
        if (report.role == actor->role)
            reports << std::move(report);
    }
    return reports;
}

Result<ReportDocument> ReportService::run(const Session& session, const ReportRequest& request)
{
    auto actor = m_context.access.authorize(session, Operation::RunReport);
    if (!actor.ok())
        return actor.error();
    auto plan = planReport(m_context, *actor, request, Operation::RunReport);
    if (!plan.ok())
        return plan.error();
    {
        // The grant is looked up, the document built and the run recorded in one transaction: a grant revoked
        // meanwhile cannot slip through, and a run that cannot be recorded shows nothing.
        Transaction tx(m_context.db);
        if (!tx.ok())
            return tx.error();
        std::optional<Grant> grant;
        if (plan->holdsGrade1) {
            auto live = liveGrantFor(m_context, *actor, *plan);
            if (live.ok())
                grant = *live;
            else if (live.code() != ErrorCode::NotFound)
                return live.error();
        }
        if (!plan->holdsGrade1 || grant) {
            auto document = buildPlannedReport(m_context, *actor, *plan, grant ? &*grant : nullptr);
            if (!document.ok())
                return document.error();
            // A form with grade-1 values in full (the data-subject report) is shown on screen as its layout only:
            // its values reach paper or PDF once, through print(), which uses the single-use grant up. A preview
            // that showed them would be a reveal without limit for as long as the grant lives.
            if (document->fullGrade1) {
                for (ReportTable& table : document->tables) {
                    table.rows.clear();
                    table.totals.clear();
                    table.emptyText = tr("Shown on the printed copy only: the preview holds no personal information.");
                }
            }
            qint64 rows = 0;
            for (const ReportTable& table : std::as_const(document->tables))
                rows += table.rows.size();
            // The parameters hold no grade-1 value (a customer number at most); the grant is named, not used.
            QJsonObject details {{QStringLiteral("report"), plan->info.key},
                {QStringLiteral("parameters"), plan->auditParameters()}, {QStringLiteral("rows"), rows},
                {QStringLiteral("grade"), document->highestGrade}};
            if (grant) {
                details.insert(QStringLiteral("request"), grant->requestId);
                details.insert(QStringLiteral("grantType"), requestTypeKey(grant->type));
            }
            BV_TRY(m_context.auditLog.append(*actor,
                AuditEvent {QString::fromLatin1(audit::ReportRun), QStringLiteral("report"), plan->info.key,
                    plan->customerNo, AuditOutcome::Ok, details}));
            BV_TRY(tx.commit());
            return document;
        }
    } // rolled back: nothing was written
    return m_context.access.deny(
        *actor, Operation::RunReport, QStringLiteral("report"), plan->info.key, plan->customerNo, plan->grantHint);
}

ReportDocument ReportService::recoverySheet(const QString& passphraseText, const QString& branch) const
{
    return recoverySheet(passphraseText, branch, QString());
}

ReportDocument ReportService::recoverySheet(
    const QString& passphraseText, const QString& branch, const QString& databasePath) const
{
    const QDateTime now = m_context.clock.nowUtc();
    ReportDocument sheet;
    sheet.reportKey = QStringLiteral("recovery_sheet");
    sheet.title = tr("BranchVault recovery sheet");
    sheet.subtitle = tr("Controlled — keep sealed, away from this computer");
    sheet.branch = branch;
    sheet.builtAtUtc = now;
    sheet.builtAtText = reporttext::dateTimeWithZone(now);
    // Not customer data but the key that opens all of it: marked as the most sensitive grade so that every
    // handling rule for grade-1 paper applies. fullGrade1 stays false: it holds no customer's values.
    sheet.highestGrade = 1;
    sheet.fullGrade1 = false;
    sheet.paragraphs << tr("This is the recovery passphrase of the BranchVault database below. With it and the key "
                           "envelope beside the database, the database can be unlocked on a re-imaged workstation "
                           "or under another operating-system account, and the first or the last branch manager "
                           "can be confirmed. Whoever holds it and a copy of the database can read everything in "
                           "it.");

    ReportTable table;
    table.columns = {ReportColumn {tr("Item"), 2, false}, ReportColumn {tr("Value"), 5, false}};
    table.rows << QStringList {tr("Recovery passphrase"), passphraseText};
    table.rows << QStringList {tr("Database"), m_context.auditLog.databaseId()};
    if (!databasePath.isEmpty())
        table.rows << QStringList {tr("Database file"), databasePath};
    if (!branch.isEmpty())
        table.rows << QStringList {tr("Branch"), branch};
    table.rows << QStringList {tr("Created"), sheet.builtAtText};
    sheet.tables << table;

    sheet.closingParagraphs
        << tr("To unlock the database on a new workstation or operating-system account, start BranchVault and type "
              "this passphrase when asked, or run branchvault-cli unlock --db PATH and type it. Letters and digits "
              "only; dashes and case do not matter.")
        << tr("Seal this sheet in an envelope, sign across the seal and keep it in the branch safe, away from this "
              "computer. Make no copies. A new sheet (after a key envelope repair) makes this one void: destroy it "
              "with a witness and record the destruction.")
        << tr("Sealed by: ______________________   Witness: ______________________   Date: ____________");
    return sheet;
}

} // namespace bv
