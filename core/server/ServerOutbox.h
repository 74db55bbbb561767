#pragma once

#include "core/auth/Role.h"
#include "core/common/Result.h"
#include "core/common/SecureBytes.h"
#include "core/customers/CustomerRecord.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>

#include <memory>
#include <optional>

namespace bv {

class SecretStore;
class ServerSession;

// One new customer — or one service record of a customer — kept in this workstation's outbox while the branch server
// could not be reached, as its maker sees it: masked, with its state.
struct OutboxEntry
{
    enum class Kind
    {
        Customer, // a new customer (maskedName, maskedIdNumber)
        Service, // a service record of the customer customerNumber
    };
    enum class State
    {
        Waiting, // to be sent at the maker's next sign-in with the server reachable
        Refused, // the server (or this program, opening it) refused it: kept, with the reason, until the maker
                 // discards it
    };
    qint64 id = 0;
    Kind kind = Kind::Customer;
    QString customerNumber; // a service record's customer
    QDateTime keptAt; // UTC
    QString maskedName;
    QString maskedIdNumber;
    State state = State::Waiting;
    QString refusal; // the reason, for a refused entry
    QString field; // the field it names, if any
};

// What an upload did: the entries the server took (each now a pending record under maker-checker), those it
// refused (kept in the outbox), and the error that stopped it early (the connection lost: the rest still wait).
struct OutboxUpload
{
    struct Sent
    {
        qint64 entryId = 0;
        OutboxEntry::Kind kind = OutboxEntry::Kind::Customer;
        QString customerNumber; // the new customer's; a service record's customer
        qint64 changeId = 0; // 0: found on the server from an earlier, interrupted upload
        QStringList warnings;
    };
    QList<Sent> sent;
    QList<OutboxEntry> refused;
    std::optional<Error> stoppedBy;
    int stillWaiting = 0;
};

// Offline record entry (issue 15; docs/SERVER.md, "When the server cannot be reached"). A customer manager who
// has signed in to the branch server at this workstation can, while the server cannot be reached, sign in here
// against the copy of his or her key slot kept at that sign-in and enter new customers. They are kept in the
// workstation's outbox, a SQLCipher file beside the workstation's configuration whose key is in this OS account's
// keychain; each entry is sealed as a whole with the customer-information key (so the keychain and the file alone
// open nothing), bound to its maker and its own random token. At the maker's next sign-in with the server reachable
// (ServerOutbox::upload), the entries go to the server in the order they were kept, each through the same entry
// as at the counter (ServerCustomers::enter): a pending record waiting for a branch manager's approval; a service
// record kept offline goes as at the counter too (ServerCare::addService, once: the entry's token). A duplicate
// or any other refusal is kept in the outbox with the reason for its maker; nothing is dropped unless the maker
// discards it. The offline sign-ins, entries and discards are recorded in the outbox and appended to the branch's
// audit chain at the upload (outbox.*, with the time they happened). Approvals, reveals, lookups and prints need
// the server.
//
// Limits, on purpose: the kept slot opens offline for kOfflineDays after the last sign-in with the server at this
// workstation, and kMaxFailures wrong passwords in a row close it until the next sign-in with the server. A
// password changed at another workstation opens the kept slot until this workstation sees the server again.
class ServerOutbox
{
    Q_DECLARE_TR_FUNCTIONS(ServerOutbox)
public:
    static constexpr int kOfflineDays = 7;
    static constexpr int kMaxFailures = 5;
    static constexpr int kMaxEntries = 500; // per maker: a day's counter work many times over

    // The outbox file: "outbox.db" in ServerWorkstation::folder().
    static QString path();
    // The keychain entry that holds its key.
    static QString keyEntry();

    // After a sign-in with the server: keeps what an offline sign-in of this account needs (the key slot as the
    // server holds it, the account, the branch's mask widths and idle time). Only a customer manager whose keys
    // opened is kept (the others do nothing offline); for anyone else a copy kept earlier is deleted. A copy older
    // than kOfflineDays is deleted whenever the outbox is opened. Creates the outbox (and
    // its key) the first time. Failures are returned: the online session is not affected, but offline entry will
    // not be available, and the caller says so.
    static Status remember(SecretStore& store, ServerSession& session);

    // Whether the outbox exists and how many entries it holds for anyone (ServerWorkstation::remove refuses while
    // it holds any).
    static Result<int> entryCount(SecretStore& store);
    // Deletes the outbox and its key; refused (Conflict) while it holds entries.
    static Status removeEmpty(SecretStore& store);

    // The signed-in maker's entries in the outbox, oldest first, masked.
    static Result<QList<OutboxEntry>> entries(SecretStore& store, ServerSession& session);
    // Sends the maker's waiting entries (and refused ones again when `retryRefused`) in order, then the recorded
    // offline events. Only the entries kept by this login for this server database.
    static Result<OutboxUpload> upload(SecretStore& store, ServerSession& session, bool retryRefused = false);
    // The maker discards one of his or her entries (recorded: outbox.discard on the server).
    static Status discard(SecretStore& store, ServerSession& session, qint64 entryId);

    struct Identity
    {
        qint64 staffId = 0;
        QString login;
        Role role = Role::CustomerManager;
        QString branch;
        QString database; // the branch server's database
        QDateTime rememberedAt; // UTC: the last sign-in with the server at this workstation
        int idleMinutes = 5;
    };

    // An offline session: a customer manager signed in against the kept key slot. The keys are wiped when it ends.
    class Session
    {
        Q_DECLARE_TR_FUNCTIONS(ServerOutbox)
    public:
        ~Session();
        const Identity& identity() const;
        // A new customer, checked as an entry at the counter is (the first problem, naming its field), refused when
        // the same ID number is in this maker's outbox already; kept sealed. Returns the entry's id and the
        // validator's warnings.
        Result<std::pair<qint64, QStringList>> keep(const CustomerInput& input);
        Result<QList<OutboxEntry>> entries();
        Status discard(qint64 entryId);
        // A service record of an existing customer (checked as at the counter, but the customer only at the upload:
        // the server decides whether it is the maker's), kept sealed. Returns the entry's id.
        Result<qint64> keepService(
            const QString& customerNo, const QDate& servedOn, const QString& channel, const QString& content);
        // Records the end of the offline session (outbox.sign_out, or outbox.idle_lock).
        Status recordEnd(bool idle);

    private:
        friend class ServerOutbox;
        struct Private;
        explicit Session(std::unique_ptr<Private> d);
        std::unique_ptr<Private> d;
    };

    // Signs in without the server, only when nothing answers at the server's address (Conflict otherwise: a sign-in
    // the server refused is not turned into an offline one): NotFound when this workstation kept nothing for the
    // login (sign in once with the server first), AuthenticationFailed for a wrong password (recorded),
    // AccountLocked after kMaxFailures in a row (recorded), Conflict when the kept slot is older than kOfflineDays.
    static Result<std::unique_ptr<Session>> signIn(
        SecretStore& store, const QString& login, const SecureBytes& password);
};

} // namespace bv
