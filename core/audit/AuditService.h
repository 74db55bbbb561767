#pragma once

#include "core/audit/AuditRecords.h"
#include "core/auth/Session.h"
#include "core/common/Clock.h"

#include <QCoreApplication>
#include <QHash>

#include <functional>
#include <memory>
#include <optional>

class QFile;

namespace bv {

class AccessControl;
class AuditRepository;
class AuditLog;
class Database;
class SettingsService;

// Something the auditor should look at (DESIGN §7). Thresholds are settings (alert.*).
struct AuditAlert
{
    QString kind; // "clerk_lookups", "same_customer", "after_hours", "failed_sign_ins", "quick_grant"
    QString login; // who
    QString otherLogin; // quick_grant: the approver
    QString customerNo; // same_customer
    QDateTime from; // the period the alert covers
    QDateTime to;
    int count = 0;
    QString description; // translated, one sentence
    QList<qint64> seqs; // the audit rows behind it (at most 50)
};

// A staff account as the audit log names it: for the auditor's person filter and for sentences that name
// people ("Zhang Wei (customer manager)"). Staff data only; no customer data.
struct AuditPerson
{
    qint64 id = 0;
    QString login;
    QString displayName;
    QString role; // role key ("customer_manager")
    bool frozen = false;
};

// The security auditor's front door to the audit log: reading with filters, verifying the chain (also
// against an earlier checkpoint), exporting checkpoints and CSV, retention purge and alerts. Only the
// auditor reads the log (VerifyAudit is also the administrator's, it reveals no row). Every use is
// itself audited.
class AuditService
{
    Q_DECLARE_TR_FUNCTIONS(AuditService)
public:
    // purge() runs in a transaction of its own and needs the database for it: Core should use the second
    // constructor. With the first one, purge() refuses (Internal) and everything else works.
    AuditService(AuditLog& log, AccessControl& access, SettingsService& settings, const Clock& clock);
    AuditService(Database& db, AuditLog& log, AccessControl& access, SettingsService& settings, const Clock& clock);
    ~AuditService();
    AuditService(const AuditService&) = delete;
    AuditService& operator=(const AuditService&) = delete;

    Result<QList<AuditRow>> list(const Session& session, const AuditFilter& filter);
    // Every staff account (frozen ones too: their rows stay attributable), ordered by display name. For the
    // person filter and the sentences (AuditWording). Needs ReadAudit; reads no log row, so no row of its own.
    Result<QList<AuditPerson>> people(const Session& session);
    // The stored masked names of these customers (DESIGN §3: the auditor sees customer numbers and masked
    // names only), by customer number; a number without a stored masked name (unknown, anonymised) is left
    // out. Never opens a sealed value. Needs ReadAudit; the rows they belong to were read (and recorded)
    // through list().
    Result<QHash<QString, QString>> maskedCustomerNames(const Session& session, const QStringList& customerNos);
    Result<AuditVerification> verify(const Session& session);
    Result<AuditVerification> verifyAgainst(const Session& session, const QString& checkpointText);
    Result<QString> checkpoint(const Session& session); // the checkpoint text to save or print
    // Writes a CSV file (UTF-8 with BOM, RFC 4180, formula-safe); never overwrites. Returns the rows written.
    Result<qint64> exportCsv(const Session& session, const AuditFilter& filter, const QString& path);
    // Purges rows older than the retention period (retentionDays()).
    Result<qint64> purge(const Session& session);
    // The retention period in force: audit.retention_days, never less than kMinimumRetentionDays (DESIGN §7). The
    // one place the floor is applied to the setting; purge() and the front ends ask here.
    int retentionDays() const;
    Result<QList<AuditAlert>> alerts(const Session& session, const QDateTime& since, const QDateTime& until);
    // Alerts that come from outside the audit log (the print register's overdue lendings, printouts past their
    // period of use, unfinished prints): alerts() adds what each source finds open before `until`. Core wires them.
    using AlertSource = std::function<Status(const QDateTime& until, QList<AuditAlert>* alerts)>;
    void addAlertSource(AlertSource source) { m_alertSources.append(std::move(source)); }

    static constexpr int kMinimumRetentionDays = kAuditMinimumRetentionDays; // DESIGN §7: never less
    static constexpr int kExportBatch = 1000; // rows per keyset page while exporting
    static constexpr int kMaxAlertSeqs = 50;

private:
    // The alerts of a period without authorization or an audit row of their own (core/audit/AuditAlerts.h):
    // alerts() and core/reports' alert report, which records the read in its own report.run row.
    friend Result<QList<AuditAlert>> collectAuditAlerts(
        const AuditService& service, const QDateTime& since, const QDateTime& until);
    struct AlertGroup;
    using RowVisitor = std::function<Status(const AuditRow&)>;

    Status record(const Actor& actor, const char* action, const QString& objectType, const QString& objectId,
        const QJsonObject& details, AuditOutcome outcome = AuditOutcome::Ok);
    // Keyset paging over the rows matching `filter` (its afterSeq is the start, its limit is ignored), up to
    // and including row `throughSeq` (0: no end), in batches of kExportBatch.
    Status forEachRow(AuditFilter filter, qint64 throughSeq, const RowVisitor& visit) const;
    // `context` names the export in error messages ("Exporting the audit log to x.csv").
    Result<qint64> writeCsv(QFile& file, const QString& context, const AuditFilter& filter, qint64 throughSeq) const;
    Status customerAlerts(const QDateTime& since, const QDateTime& until, QList<AuditAlert>* alerts) const;
    Status failedSignInAlerts(const QDateTime& since, const QDateTime& until, QList<AuditAlert>* alerts) const;
    Status quickGrantAlerts(const QDateTime& since, const QDateTime& until, QList<AuditAlert>* alerts) const;

    Database* m_db = nullptr; // the purge's transaction
    std::unique_ptr<AuditRepository> m_repo; // with m_db: the staff and masked-name reads
    AuditLog& m_log;
    AccessControl& m_access;
    SettingsService& m_settings;
    const Clock& m_clock;
    QList<AlertSource> m_alertSources;
};

} // namespace bv
