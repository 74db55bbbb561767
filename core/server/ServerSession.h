#pragma once

#include "core/audit/AuditRecords.h"
#include "core/auth/Role.h"
#include "core/common/Result.h"
#include "core/common/SecureBytes.h"
#include "core/customers/rules/HolidayCalendar.h"

#include <QCoreApplication>

#include <memory>
#include <optional>

namespace bv {

class SecretStore;
class ServerConnection;
struct FieldKeys;

// A staff member signed in to the branch server from this workstation (DESIGN §9; docs/SERVER.md, "Signing in").
// The connection is the authority: the server takes who acts from its login role, and its policies and functions
// decide what the account may read and do, whatever this program sends. The session adds what only the
// workstation may hold: the customer-information keys, opened from the account's key slot on the server with the
// password, for sealing and opening grade-1 values here. The keys are wiped when the session ends.
class ServerSession
{
    Q_DECLARE_TR_FUNCTIONS(ServerSession)
public:
    enum class Keys
    {
        None, // administrator and auditor: no key slot
        Open, // the account's password slot opened
        AwaitingPasswordChange, // a branch manager's confirmation left a slot under a code: change the password first
    };

    struct Identity
    {
        qint64 staffId = 0;
        QString login;
        Role role = Role::Clerk;
        QString branch;
        bool mustChangePassword = false;
        Keys keys = Keys::None;
        QString url;
        QString tlsVersion;
    };

    // Derives the server password from `password`, connects as the account's login role (TLS, verify-full, the
    // workstation's certificate), records the sign-in on the server and opens the account's password slot.
    static Result<std::unique_ptr<ServerSession>> signIn(
        SecretStore& store, const QString& login, const SecureBytes& password);
    ~ServerSession();

    const Identity& identity() const;

    // The administrator: a new account with a one-time password, returned to be handed over in private (it must be
    // changed at the first sign-in). An account that sees customers waits for a branch manager's confirmation.
    Result<SecureBytes> createAccount(const QString& login, Role role, const QString& staffNo);

    struct Confirmed
    {
        QString change; // create, reset, unfreeze, role
        SecureBytes confirmationCode; // a key slot was written under it: hand it over apart from the password
    };
    // A branch manager confirms the change waiting for `login`; with the recovery passphrase (typed, any grouping),
    // an administrator or branch manager confirms the first or the last branch manager.
    Result<Confirmed> confirm(const QString& login, const SecureBytes& recoveryPassphrase = SecureBytes());

    // Records the end of this session in the branch's audit chain, as local mode does: auth.sign_out, or
    // auth.idle_lock {"reason":"idle"} when the idle time ended it. The session stays usable; the caller destroys it.
    Status recordEnd(bool idle);

    // The branch's idle time in minutes (setting auth.idle.minutes, 1 to 30), after which the desktop ends the session.
    Result<int> idleMinutes() const;

    // The own password: the current one, the new one (the branch server's password rule) and, the first time after
    // a branch manager's confirmation, the confirmation code, which opens the slot the new password then keeps.
    Status changePassword(const SecureBytes& current, const SecureBytes& next, const SecureBytes& confirmationCode);
    // That rule in words, for the password dialog (local mode's PasswordRule wording): the branch's
    // auth.password.min_length, letters and digits, and none of the last auth.password.history passwords — which the
    // server compares with the Argon2id hashes it keeps of them, given the new password hashed with their salts
    // (migration 31).
    Result<QString> passwordRule() const;

    // The security auditor's reads of the branch's one audit chain. The database id the server reports (which the
    // genesis hash names) is held to the one this workstation pinned at its first successful verification or
    // checkpoint (ServerWorkstation::pinDatabaseId; trust on first use): another id is refused (Damaged) before the
    // chain is read. The first success pins it.
    struct AuditCheck
    {
        AuditVerification verification;
        QString databaseId; // the id the server reports
        bool pinnedNow = false; // this workstation had no pinned id: this run pinned it
        std::optional<AuditCheckpoint> checkpoint; // the one the chain was compared with
    };
    // The chain read from the server and verified here by the same verifier as a workstation's own log
    // (AuditLog::verifyChain): sequence, links, every row's hash, the front against the purge rows and the anchor;
    // with a checkpoint, also compared with it as `audit verify --checkpoint` does (AuditLog::verifyChainAgainst).
    // Each verification is recorded in the branch's chain as local mode records it (audit.verify, failed when the
    // chain is broken; migration 18's audit_record_check).
    Result<AuditCheck> verifyAudit(const std::optional<AuditCheckpoint>& checkpoint = std::nullopt);
    // The same against a checkpoint's text: one that does not parse is refused and recorded as a failed
    // verification of a checkpoint (it may have been tampered with), as `audit verify --checkpoint` does.
    Result<AuditCheck> verifyAuditAgainst(const QString& checkpointText);
    struct AuditHead
    {
        AuditCheckpoint checkpoint; // in the local checkpoint's form (AuditCheckpoint::toText)
        bool pinnedNow = false;
    };
    // The checkpoint of the server's chain as it is now (AuditLog::chainHead), recorded after the head it names
    // (audit.checkpoint), as in local mode.
    Result<AuditHead> checkpointAudit();
    struct AuditPurge
    {
        qint64 rows = 0; // purged; 0 when no row was past retention
        int retentionDays = 0; // the branch's audit.retention_days, never less than 180, as the server applied it
        QDateTime cutoff; // rows before the first row at or after it went (UTC)
    };
    // The security auditor's retention purge of the branch's chain (migration 18's audit_purge, as
    // AuditService::purge): the server computes the cutoff, writes the chained audit.purge row first and deletes
    // exactly the rows it records, through a gate of that one transaction; the verifier checks the purge row.
    Result<AuditPurge> purgeAudit();

    struct CalendarImport
    {
        QList<int> years; // imported, ascending
        int holidays = 0;
        int workdays = 0;
        QList<int> knownYears; // the server's calendar after the import, ascending
    };
    // The administrator imports a newer official holiday calendar (migration 21's calendar_import, as
    // SettingsService::importCalendar): the file is checked line by line here (HolidayCalendar::parse; every problem
    // listed in `problems`, nothing sent, and the refusal recorded on the server with its count), then the years of
    // the file replace those years of the server's calendar, audited there (calendar.import).
    Result<CalendarImport> importCalendar(const QByteArray& csv, QList<HolidayCalendar::Problem>* problems = nullptr);

    // The branch's settings as they apply on the server (the value set, else the default), in the order of
    // SettingsService::specs(); any staff member reads them.
    Result<QList<QPair<QString, QString>>> settings() const;
    // The administrator changes one (SettingsService::set over the server): checked here as locally
    // (SettingsService::validateAgainst, with the branch's other values from the server), then by the server's
    // settings_set, which stores it, narrows the stored masked forms of a narrower mask width (migration 23) and
    // records settings.change. A refused value (InvalidInput, naming the setting) is recorded on the server too, as
    // locally: the key, what was typed and the reason, both masked as free text (migration 24). Returns the value as
    // stored.
    Result<QString> setSetting(const QString& key, const QString& value);

private:
    // What the customer work over the server (ServerCustomers) uses: the connection, the open keys (invalid when
    // none are open) and this workstation's name for the audit rows.
    friend class ServerCustomers;
    friend struct ServerSessionInternals;
    const ServerConnection& connection() const;
    const FieldKeys& keys() const;
    const QString& workstation() const;

    struct Private;
    explicit ServerSession(std::unique_ptr<Private> d);
    std::unique_ptr<Private> d;
};

} // namespace bv
