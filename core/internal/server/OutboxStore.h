#pragma once

#include "core/internal/InternalOnly.h"

#include "core/common/Result.h"
#include "core/customers/CustomerRecord.h"
#include "core/internal/db/Database.h"
#include "core/server/ServerCare.h"
#include "core/server/ServerOutbox.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <memory>
#include <optional>

namespace bv {

class SecretStore;
struct FieldSpec;

// The offline outbox's file (ServerOutbox; docs/SERVER.md, "When the server cannot be reached") and what its online
// side and its offline sessions share.
namespace outbox {

// The outbox file, opened with its key from the keychain. Never created when it does not exist unless asked, and
// never re-created when it does not open: a file that fails is left as it is. A kept slot past its offline time is
// deleted at every open.
class OutboxFile
{
    Q_DECLARE_TR_FUNCTIONS(ServerOutbox)
public:
    static Result<std::unique_ptr<Database>> open(SecretStore& store, bool create);
};

// A time as the outbox stores it (UTC, ISO 8601 with milliseconds), and back.
QString stamp(const QDateTime& at);
QDateTime fromStamp(const QString& text);
// What an entry's sealed content is bound to: its maker, the server database and its own random token, so that a
// sealed entry copied to another row or maker does not open.
QByteArray entryData(const QString& database, const QString& login, const QString& token);
// The holder a server key slot is bound to (ServerSession): the kept copy is the same slot.
QString holderOf(const QString& login);
// What the maker typed, as the sealed entry holds it (the upload checks it again, as the counter does), and back.
QByteArray serialized(const CustomerInput& in);
std::optional<CustomerInput> deserialized(const QString& text);
// A service record kept offline, as its sealed entry holds it, and back.
using KeptService = ServerCare::CheckedService;
QByteArray serializedService(const KeptService& service);
std::optional<KeptService> deserializedService(const QString& text);
const FieldSpec& idNumberSpec();
// One offline record, appended to the branch's chain at the maker's next upload.
Status recordEvent(Database& db, const QString& database, const QString& login, const QString& action,
    const QString& outcome, qint64 entry, const QJsonObject& details);
// The maker's entries, oldest first, masked.
Result<QList<OutboxEntry>> entriesOf(Database& db, const QString& database, const QString& login);

} // namespace outbox

} // namespace bv
