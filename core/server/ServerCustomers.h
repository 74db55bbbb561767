#pragma once

#include "core/common/Result.h"
#include "core/customers/CustomerRecord.h"
#include "core/customers/lifecycle/CustomerEntry.h"
#include "core/customers/rules/CustomerValidator.h"
#include "core/policy/MaskSettings.h"
#include "core/requests/RequestService.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QStringList>

#include <optional>

namespace bv {

class ServerSession;

// The daily customer work of DESIGN §6 over the branch server (docs/SERVER.md, "Customer work over the server"):
// entry, the branch manager's decision, the list, and the reveal round trip (request, approval, full view). The
// server decides who may do what and writes the audit rows; this class adds what only the workstation can do:
// validate and mask the values as local mode does, seal the grade-1 values with the branch's field key and compute
// their blind indexes before anything is sent, and open what a reveal returns. No grade-1 value leaves the
// workstation in the clear.
class ServerCustomers
{
    Q_DECLARE_TR_FUNCTIONS(ServerCustomers)
public:
    explicit ServerCustomers(ServerSession& session);

    // A new record, pending until a branch manager who is not its maker approves it. A customer manager enters for
    // himself or herself (`input.managerId` is ignored); the branch manager for the customer manager whose staff id
    // `input.managerId` names (ServerOwnership::customerManagerChoices; required, and an active customer manager of the
    // branch: refused naming "manager" otherwise). The number is reserved on the server first: every sealed
    // value names it (associatedData), so a value copied to another customer or field does not open.
    // With `reservedNumber` (reserveNumber(), kept by the caller before the entry is sent), the entry uses that
    // number: the offline outbox keeps it first, so that an upload interrupted after the server committed is found
    // again by its number instead of entered twice. The server refuses a number this account did not reserve, one
    // used already and one older than 24 hours (InvalidInput, field "customer_no").
    Result<EntryReceipt> enter(const CustomerInput& input, const QString& reservedNumber = QString());
    // The branch's next customer number, reserved on the server for an entry this account is about to send.
    Result<QString> reserveNumber();
    // The input checked as enter() checks it before anything is sent (CustomerValidator with the branch's date, the
    // age band derived, free text without ID, card or mobile numbers): the first problem, naming its field.
    static Result<ValidatedCustomer> validated(const CustomerInput& input);
    // An edit of a customer the account reaches (the branch manager: the branch's; a customer manager: his or her
    // own), pending until a branch manager who is not its maker approves it. `present` is the record as open() read
    // it: the edit names its version, and the server refuses it (Conflict, naming both versions) when someone else's
    // edit, a decision or a reassignment came first; it refuses an edit while another change of the record waits.
    // `input` holds only what changes, as the form collects it: a grade-1 value typed in full replaces the stored one
    // (docs/SERVER.md, "Editing a customer over the server").
    Result<EntryReceipt> edit(const CustomerView& present, const CustomerInput& input);
    // `input` checked as edit() checks it before anything is sent. The workstation reads the stored grade-1 values
    // masked only, so it checks what was typed against the record's clear values (sex, ID type, nationality, the
    // profile) and asks for what it cannot check otherwise: a change of the ID type, ID number, birth date or sex
    // needs the ID number typed again from the document; a grade-1 value is replaced, never erased.
    static Result<ValidatedCustomer> validatedEdit(const CustomerView& present, const CustomerInput& input);
    // The branch's mask widths, as the server keeps them.
    Result<MaskSettings> masks() const;

    // The changes waiting for a decision that the account reads (the branch manager: the branch's; a customer
    // manager: those of his or her customers), oldest first after `afterId`, grade-1 values masked; the server
    // records the first page's read.
    Result<QList<PendingChange>> pending(qint64 afterId = 0, int limit = 1000);
    // The branch manager's decision with a reason (numbers in it are masked before it is sent). Blind re-key
    // (migration 14, as CustomerEntry::approve): approving, `rekeyed` holds the values of the change's rekeyFields
    // as the checker typed them from the customer's document (field → values; account numbers in any order). They
    // are normalised as local mode does, and only their blind indexes (the branch's blind key) are sent; the server
    // compares them with the stored ones. A missing value is refused (InvalidInput); a mismatch is refused
    // (InvalidInput) and recorded by the server (customer.rekey_mismatch, field names only). Either error's `field`
    // names the fields, comma-separated. Rejecting ignores `rekeyed`. Copies made here are wiped; the caller wipes
    // its own.
    Status decide(qint64 changeId, bool approve, const QString& reason, const RekeyedValues& rekeyed = {});

    // The branch manager's review of suspicious pairs (DESIGN §6: the same mobile or account number on two customers):
    // the branch's open pairs by id, with both customers' numbers and the shared value masked; the server records
    // the read (customer.list 'suspicious'). Anyone else is refused (PermissionDenied).
    Result<QList<SuspiciousPair>> suspicious();
    // Clears pair `pairId` as in order, with a reason (numbers in it are refused before it is sent); a pair another
    // branch manager cleared first is a Conflict naming who did.
    Status clearSuspicious(qint64 pairId, const QString& reason);
    // The branch manager closes an active customer of the branch, with a reason (DESIGN §6; local mode's
    // CustomerRetention::close; migration 28): the retention period starts (customer.retention_years, at least 5), a
    // pending edit and pending tier changes end, and the reason goes into the customer's history. Returns the end of
    // the retention period. The reason is checked here first (given, at most 500 characters, no ID, mobile or card
    // number). A customer that is not active is a Conflict; another role is refused (PermissionDenied).
    Result<QDateTime> close(const QString& customerNo, const QString& reason);

    // The customers the account reads (the branch manager: the branch's; a customer manager: his or her own), by
    // number after `after`, at most `limit`, with the masked name; the server records the first page's read.
    Result<QList<CustomerListRow>> list(const QString& after = QString(), int limit = 200);
    // One customer the account reaches, masked (grade 1) with its accounts; the server records the read.
    Result<CustomerView> open(const QString& customerNo);
    // The customer's approved changes, oldest first, with masked values (local mode's CustomerEntry::history), for
    // whoever may open the customer; the server records the read (customer.open {"part":"history"}, migration 22).
    Result<QList<HistoryEntry>> history(const QString& customerNo);

    // The clerk's exact lookup (DESIGN §6): the full name and the full ID number typed from the document, and the
    // purpose. Only their blind indexes and the purpose (numbers and the name masked) are sent; the server returns
    // one masked card of an active customer of the branch, or none, and records the lookup either way. A restricted
    // customer without the clerk's live restricted-access grant is refused (PermissionDenied), also recorded.
    Result<std::optional<ClerkCard>> clerkLookup(
        const QString& fullName, const QString& idNumber, const QString& purpose);

    // The special requests the account reads (the branch manager: every request of the branch; a customer manager or
    // a clerk: his or her own), by id, with their status now (Expired for an approved grant past its validity); with
    // `onlyOpen` the pending ones and the live grants only. The server records the read (request.list); an
    // administrator or an auditor is refused (PermissionDenied). Staff are named by their logins: the ids
    // (requesterId, decidedBy, revokedBy, customerIds) stay 0 / empty.
    Result<QList<Request>> requests(bool onlyOpen = false);
    // A reveal request for grade-1 `fields` of one customer; returns its id.
    Result<qint64> requestReveal(
        const QString& customerNo, const QStringList& fields, const QString& purpose, int validityHours);
    // The branch manager's decision on a request, with a reason.
    Status decideRequest(qint64 requestId, bool approve, const QString& reason);
    // The full values of `fields` of a customer under the caller's approved request `requestId`, opened here:
    // field → value (an account number as "account_number:<account id>"). The server writes customer.reveal and
    // grant.use before any sealed byte leaves it.
    Result<QHash<QString, QString>> reveal(qint64 requestId, const QString& customerNo, const QStringList& fields);

    // What a value sealed for the server is bound to: "bv-server1|<customer number>|<field>". The customer number
    // holds the branch; every account number of a customer shares the field "account_number".
    static QByteArray associatedData(const QString& customerNo, const QString& field);

private:
    Status needKeys() const;
    // The server's re-key refusal as local mode words it, with the fields in `field`; any other error unchanged.
    static Error rekeyRefusal(qint64 changeId, const Error& error);
    ServerSession& m_session;
};

} // namespace bv
