// The offline sessions of ServerOutbox: a customer manager signed in against the kept key slot.
#include "core/server/ServerOutbox.h"

#include "core/audit/AuditActions.h"
#include "core/auth/PasswordHasher.h"
#include "core/common/Clock.h"
#include "core/internal/db/Database.h"
#include "core/internal/db/Transaction.h"
#include "core/internal/keys/FieldCipher.h"
#include "core/internal/keys/KeySlots.h"
#include "core/internal/policy/StoredMasks.h"
#include "core/internal/server/OutboxStore.h"
#include "core/internal/server/ServerConnection.h"
#include "core/internal/server/ServerSealing.h"
#include "core/policy/FieldCatalogue.h"
#include "core/server/ServerCare.h"
#include "core/server/ServerCustomers.h"
#include "core/server/ServerWorkstation.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace bv {

using namespace outbox;

// ---- offline sessions ----

namespace {

// The maker's outbox has room for one more entry (kMaxEntries), or Conflict saying what to do.
Status roomFor(Database& db, const ServerOutbox::Identity& who)
{
    auto count = db.scalar(QStringLiteral("SELECT count(*) FROM outbox_entries WHERE database = ? AND login = ?"),
        {who.database, who.login});
    if (!count.ok())
        return count.error();
    if (count->toInt() >= ServerOutbox::kMaxEntries)
        return Error {ErrorCode::Conflict,
            ServerOutbox::tr("Your outbox holds %1 entries, its limit. Sign in when the branch server can be reached "
                             "so that they are sent.")
                .arg(ServerOutbox::kMaxEntries),
            {}, {}};
    return {};
}

} // namespace

struct ServerOutbox::Session::Private
{
    std::unique_ptr<Database> db;
    Identity identity;
    FieldKeys keys;
    MaskSettings masks;
};

ServerOutbox::Session::Session(std::unique_ptr<Private> d)
    : d(std::move(d))
{
}

ServerOutbox::Session::~Session() = default;

const ServerOutbox::Identity& ServerOutbox::Session::identity() const
{
    return d->identity;
}

Result<std::unique_ptr<ServerOutbox::Session>> ServerOutbox::signIn(
    SecretStore& store, const QString& login, const SecureBytes& password)
{
    auto settings = ServerWorkstation::configured();
    if (!settings.ok())
        return settings.error();
    // only when nothing answers at the server's address: a sign-in the server refused stays refused
    if (ServerConnection::answers(settings->address))
        return Error {ErrorCode::Conflict,
            tr("The branch server %1 answers, so there is no offline sign-in: sign in to the server. If it refused "
               "the sign-in, the reason is above; ask the branch's IT person if it is not clear.")
                .arg(settings->address.url()),
            {}, {}};
    const QString name = login.trimmed().toLower();
    const QString database = settings->address.database;
    const auto notKept = Error {ErrorCode::NotFound,
        tr("Offline entry is not available for %1 at this workstation: it needs one sign-in with the branch server "
           "here first, as a customer manager.")
            .arg(name),
        {}, {}};
    if (!QFileInfo::exists(path()))
        return notKept;
    auto opened = OutboxFile::open(store, false);
    if (!opened.ok())
        return opened.error();
    auto d = std::make_unique<Session::Private>();
    d->db = std::move(opened).value();
    Database& db = *d->db;
    auto q = db.query(QStringLiteral("SELECT staff_id, role, branch, generation, kdf_ops, kdf_mem, salt, nonce, "
                                     "wrapped, masks, idle_minutes, remembered_at, failures FROM outbox_accounts WHERE "
                                     "database = ? AND login = ?"),
        {database, name});
    if (!q.ok())
        return q.error();
    if (!q->next()) {
        BV_TRY(rowsFinished(*q, tr("Reading the offline outbox")));
        return notKept;
    }
    Identity& who = d->identity;
    who.staffId = q->value(0).toLongLong();
    who.login = name;
    who.role = Roles::fromKey(q->value(1).toString()).value_or(Role::Clerk);
    who.branch = q->value(2).toString();
    who.database = database;
    KeySlots::Wrapped slot;
    slot.generation = q->value(3).toInt();
    slot.kdfOps = q->value(4).toLongLong();
    slot.kdfMem = q->value(5).toLongLong();
    slot.salt = q->value(6).toByteArray();
    slot.nonce = q->value(7).toByteArray();
    slot.wrapped = q->value(8).toByteArray();
    const QVariantMap masks = QJsonDocument::fromJson(q->value(9).toString().toUtf8()).object().toVariantMap();
    who.idleMinutes = q->value(10).toInt();
    who.rememberedAt = fromStamp(q->value(11).toString());
    const int failures = q->value(12).toInt();
    q->finish();

    if (who.role != Role::CustomerManager)
        return notKept;
    if (failures >= kMaxFailures) {
        BV_TRY(recordEvent(db, database, name, QLatin1String(audit::OutboxSignIn), QStringLiteral("denied"), 0,
            {{QStringLiteral("reason"), QStringLiteral("locked")}}));
        return Error {ErrorCode::AccountLocked,
            tr("Offline sign-in for %1 is closed at this workstation after %2 wrong passwords in a row. Sign in when "
               "the branch server can be reached again.")
                .arg(name)
                .arg(kMaxFailures),
            {}, {}};
    }
    const QDateTime now = Clock::system().nowUtc();
    if (!who.rememberedAt.isValid() || who.rememberedAt.addDays(kOfflineDays) < now)
        return Error {ErrorCode::Conflict,
            tr("Offline sign-in for %1 ended: the last sign-in with the branch server at this workstation was more "
               "than %2 days ago. Sign in when the server can be reached again.")
                .arg(name)
                .arg(kOfflineDays),
            {}, {}};
    auto keys = KeySlots::unwrap(holderOf(name), KeySlots::Kind::Password, slot, PasswordHasher::normalize(password));
    if (!keys.ok()) {
        if (keys.code() == ErrorCode::AuthenticationFailed) {
            Transaction tx(db); // the count and its record together
            if (!tx.ok())
                return tx.error();
            BV_TRY(db.exec(QStringLiteral("UPDATE outbox_accounts SET failures = failures + 1 WHERE database = ? AND "
                                          "login = ?"),
                {database, name}));
            BV_TRY(recordEvent(db, database, name, QLatin1String(audit::OutboxSignIn), QStringLiteral("denied"), 0,
                {{QStringLiteral("reason"), QStringLiteral("wrong_password")}}));
            BV_TRY(tx.commit());
            return Error {ErrorCode::AuthenticationFailed,
                tr("The login or the password is wrong (offline sign-in against this workstation's copy of the key "
                   "slot)."),
                {}, {}};
        }
        return keys.error();
    }
    auto settled = MaskSettings::fromMap(masks);
    if (!settled.ok())
        return settled.error();
    d->masks = *settled;
    d->keys = std::move(keys).value();
    Transaction tx(db);
    if (!tx.ok())
        return tx.error();
    BV_TRY(db.exec(
        QStringLiteral("UPDATE outbox_accounts SET failures = 0 WHERE database = ? AND login = ?"), {database, name}));
    BV_TRY(recordEvent(db, database, name, QLatin1String(audit::OutboxSignIn), QStringLiteral("ok"), 0, {}));
    BV_TRY(tx.commit());
    return std::unique_ptr<Session>(new Session(std::move(d)));
}

Result<std::pair<qint64, QStringList>> ServerOutbox::Session::keep(const CustomerInput& input)
{
    auto checked = ServerCustomers::validated(input);
    if (!checked.ok())
        return checked.error();
    ValidatedCustomer& validated = *checked;
    const serverentry::WipedOnExit wiped(validated); // the values in the clear, once sealed
    Database& db = *d->db;
    const Identity& who = d->identity;
    const FieldCipher cipher(d->keys.clone());
    const QString idKey = QString::fromLatin1(fields::IdNumber);
    const QByteArray idBlind = cipher.blindIndex(idNumberSpec().blind, validated.values.value(idKey));
    auto same = db.scalar(QStringLiteral("SELECT id FROM outbox_entries WHERE database = ? AND login = ? AND id_blind "
                                         "= ?"),
        {who.database, who.login, idBlind});
    if (!same.ok())
        return same.error();
    if (same->isValid())
        return Error {ErrorCode::Conflict,
            tr("A customer with this ID number is in your outbox already (entry %1). Check that entry instead of "
               "entering the customer twice.")
                .arg(same->toLongLong()),
            {}, idKey};
    BV_TRY(roomFor(db, who));

    const QString token = QString::fromLatin1(SecureBytes::random(16).toHex().view().toByteArray());
    QByteArray plain = serialized(input);
    QString text = QString::fromUtf8(plain);
    wipe(plain);
    const QByteArray sealed = cipher.seal(text, entryData(who.database, who.login, token));
    wipe(text);
    const QString maskedName = StoredMasks::maskField(
        QString::fromLatin1(fields::Name), validated.values.value(QString::fromLatin1(fields::Name)), d->masks);
    const QString maskedId = StoredMasks::maskField(idKey, validated.values.value(idKey), d->masks);

    Transaction tx(db);
    if (!tx.ok())
        return tx.error();
    auto id = db.insertReturningId(
        QStringLiteral("INSERT INTO outbox_entries (database, login, branch, token, kept_at, generation, sealed, "
                       "id_blind, masked_name, masked_id, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'waiting') "
                       "RETURNING id"),
        {who.database, who.login, who.branch, token, stamp(Clock::system().nowUtc()), cipher.generation(), sealed,
            idBlind, maskedName, maskedId});
    if (!id.ok())
        return id.error();
    BV_TRY(recordEvent(db, who.database, who.login, QLatin1String(audit::OutboxKeep), QStringLiteral("ok"), *id, {}));
    BV_TRY(tx.commit());
    return std::make_pair(*id, validated.warnings);
}

Result<qint64> ServerOutbox::Session::keepService(
    const QString& customerNo, const QDate& servedOn, const QString& channel, const QString& content)
{
    // the checks of the counter (CustomerCare::addService) that need no server; the customer is the server's to
    // decide at the upload
    auto checked = ServerCare::checkedService(customerNo, servedOn, channel, content);
    if (!checked.ok())
        return checked.error();
    KeptService service = std::move(checked).value();
    Database& db = *d->db;
    const Identity& who = d->identity;
    BV_TRY(roomFor(db, who));
    const FieldCipher cipher(d->keys.clone());
    const QString token = QString::fromLatin1(SecureBytes::random(16).toHex().view().toByteArray());
    QByteArray plain = serializedService(service);
    QString sealedText = QString::fromUtf8(plain);
    wipe(plain);
    const QByteArray sealed = cipher.seal(sealedText, entryData(who.database, who.login, token));
    wipe(sealedText);

    Transaction tx(db);
    if (!tx.ok())
        return tx.error();
    auto id = db.insertReturningId(
        QStringLiteral("INSERT INTO outbox_entries (database, login, branch, token, kept_at, generation, sealed, "
                       "id_blind, masked_name, masked_id, state, kind, customer_no) VALUES (?, ?, ?, ?, ?, ?, ?, X'', "
                       "'', '', 'waiting', 'service', ?) RETURNING id"),
        {who.database, who.login, who.branch, token, stamp(Clock::system().nowUtc()), cipher.generation(), sealed,
            service.customerNo});
    if (!id.ok())
        return id.error();
    BV_TRY(recordEvent(db, who.database, who.login, QLatin1String(audit::OutboxKeep), QStringLiteral("ok"), *id,
        {{QStringLiteral("kind"), QStringLiteral("service")}, {QStringLiteral("customerNo"), service.customerNo}}));
    BV_TRY(tx.commit());
    return *id;
}

Result<QList<OutboxEntry>> ServerOutbox::Session::entries()
{
    return entriesOf(*d->db, d->identity.database, d->identity.login);
}

Status ServerOutbox::Session::discard(qint64 entryId)
{
    Database& db = *d->db;
    Transaction tx(db);
    if (!tx.ok())
        return tx.error();
    auto found = db.scalar(QStringLiteral("SELECT id FROM outbox_entries WHERE id = ? AND database = ? AND login = ?"),
        {entryId, d->identity.database, d->identity.login});
    if (!found.ok())
        return found.error();
    if (!found->isValid())
        return Error {ErrorCode::NotFound, tr("The outbox holds no entry %1 of yours.").arg(entryId), {}, {}};
    BV_TRY(db.exec(QStringLiteral("DELETE FROM outbox_entries WHERE id = ?"), {entryId}));
    BV_TRY(recordEvent(db, d->identity.database, d->identity.login, QLatin1String(audit::OutboxDiscard),
        QStringLiteral("ok"), entryId, {}));
    return tx.commit();
}

Status ServerOutbox::Session::recordEnd(bool idle)
{
    return recordEvent(*d->db, d->identity.database, d->identity.login,
        QLatin1String(idle ? audit::OutboxIdleLock : audit::OutboxSignOut), QStringLiteral("ok"), 0, {});
}

} // namespace bv
