#pragma once

#include "core/common/Result.h"
#include "core/customers/CustomerRecord.h"
#include "core/customers/lifecycle/CustomerOwnership.h"

#include <QCoreApplication>
#include <QDate>
#include <QStringList>

#include <optional>

namespace bv {

class ServerSession;

// Ownership over the branch server (DESIGN §6 "Ownership"; docs/SERVER.md, "Customer work over the server"): the
// branch manager gives a customer of the branch to a customer manager — assign (nobody active holds it), transfer (a
// new owner), custody (托管: another customer manager through the end of a day, branch time, at most 180 days; the
// customer then returns by itself), return (a custody ends early) and reclaim (from whoever holds it) — and reads the
// reassignment list: the customers with no customer manager, a frozen one, or a frozen custodian during a custody.
// The server decides (customer_assign, reassignment_page) and writes the assignment and audit rows; this class checks
// what it can before sending, with local mode's wording (CustomerOwnership), and words the server's refusals with the
// next step: a customer manager or a clerk is refused (PermissionDenied), a change that no longer fits the
// customer's state is a Conflict, a bad value is InvalidInput naming its field ("manager", "until", "reason").
class ServerOwnership
{
    Q_DECLARE_TR_FUNCTIONS(ServerOwnership)
public:
    enum class Kind
    {
        Assign,
        Transfer,
        Custody,
        Return,
        Reclaim,
    };
    // "assign", "transfer", "custody", "return", "reclaim": the server's and local mode's keys.
    static QString kindKey(Kind kind);
    static std::optional<Kind> kindFromKey(const QString& key);
    // The kind as the user reads it ("Custody").
    static QString kindLabel(Kind kind);
    // Whether the kind needs a reason (transfer, custody, reclaim) and a customer manager (all but return).
    static bool needsReason(Kind kind);
    static bool needsManager(Kind kind);

    explicit ServerOwnership(ServerSession& session);

    // One change of customer manager of `customerNo`: `managerLogin` takes the customer (ignored for Return),
    // `until` is the custody's last day, branch time (Custody only), `reason` is required for transfer, custody and
    // reclaim (at most 500 characters, no ID, mobile or card numbers). Nothing is sent when a check here fails.
    Status move(
        Kind kind, const QString& customerNo, const QString& managerLogin, const QDate& until, const QString& reason);
    Status assign(const QString& customerNo, const QString& managerLogin, const QString& reason = QString());
    Status transfer(const QString& customerNo, const QString& managerLogin, const QString& reason);
    Status custody(const QString& customerNo, const QString& managerLogin, const QDate& until, const QString& reason);
    Status endCustody(const QString& customerNo);
    Status reclaim(const QString& customerNo, const QString& managerLogin, const QString& reason);

    // The branch's customers that need a customer manager, by number, the name masked; `managerName` holds the login
    // of the frozen account holding the customer (empty when none does). The server records the read.
    Result<QList<CustomerListRow>> reassignmentList();
    // The logins of the branch's active customer managers, the accounts a customer can be given to.
    Result<QStringList> customerManagers();
    // The same customer managers with their staff ids (the branch manager's entry names the one responsible by id:
    // CustomerInput::managerId), by login.
    Result<QList<std::pair<qint64, QString>>> customerManagerChoices();

    // The branch's tier changes waiting for the branch manager's confirmation (computed when an approved edit changed
    // a customer's assets), oldest first, as locally; the server records the read. The branch manager's alone.
    Result<QList<TierChange>> pendingTiers();
    // The branch manager confirms a tier change (the customer takes the new tier) or rejects it with a reason (the
    // customer keeps the current tier; required, at most 500 characters, no ID, mobile or card numbers). A change
    // already decided, or whose customer's assets or tier moved since it was computed, is a Conflict.
    Status confirmTier(qint64 tierChangeId);
    Status rejectTier(qint64 tierChangeId, const QString& reason);

    // A custody lasts at most this many days (through the end of its last day, branch time), as locally.
    static constexpr int kMaxCustodyDays = 180;
    static constexpr int kMaxReasonLength = 500;

private:
    // The server's refusal of `kind` for `customerNo` worded with its next step; the field named when the server
    // names one.
    static Error refusal(const Error& error, Kind kind, const QString& customerNo);
    Status decideTier(qint64 tierChangeId, bool confirm, const QString& reason);
    ServerSession& m_session;
};

} // namespace bv
