#include "core/internal/customers/CustomerStoreInternal.h"

#include "core/customers/rules/WorkingCalendar.h"

#include "core/internal/common/StageClock.h"
#include "core/internal/customers/CustomerRepository.h"
#include "core/internal/db/Database.h"
#include "core/internal/keys/FieldCipher.h"
#include "core/internal/keys/SealedValues.h"
#include "core/internal/policy/StoredMasks.h"
#include "core/policy/FieldCatalogue.h"
#include "core/policy/SettingsService.h"

namespace bv {

namespace {

const QString kAccount = QStringLiteral("account");

} // namespace

CustomerStore::CustomerStore(
    Database& db, CustomerRepository& records, const FieldCipher& cipher, SettingsService& settings, const Clock& clock)
    : m_db(db)
    , m_records(records)
    , m_cipher(cipher)
    , m_settings(settings)
    , m_clock(clock)
{
}

QDate CustomerStore::today() const
{
    return m_clock.nowUtc().toTimeZone(WorkingCalendar::branchTimeZone()).date();
}

Result<QString> CustomerStore::nextNumber(const QString& branch)
{
    auto next = m_records.nextNumber(branch);
    if (!next.ok())
        return next.error();
    if (!*next)
        return makeError(ErrorCode::Internal, tr("The customer number counter is missing."));
    return QStringLiteral("%1-%2").arg(branch.toUpper()).arg(**next, 8, 10, QLatin1Char('0'));
}

QString CustomerStore::mask(const QString& field, const QString& value) const
{
    return StoredMasks::maskField(field, value, m_settings.maskSettings());
}

Status CustomerStore::prepareSeal(const QString& ownerKind, qint64 ownerId, const QHash<QString, QString>& values,
    QList<SealedValues::Prepared>* prepared) const
{
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        const FieldSpec* spec = FieldCatalogue::find(it.key().section(QLatin1Char(':'), 0, 0));
        if (!spec || spec->grade != 1)
            continue;
        auto sealed = SealedValues::prepare(m_cipher, SealedValues::Key {ownerKind, ownerId, it.key()}, it.value(),
            mask(it.key(), it.value()), spec->blind);
        if (!sealed.ok())
            return sealed.error();
        prepared->append(std::move(sealed).value());
    }
    return {};
}

Status CustomerStore::seal(const QString& ownerKind, qint64 ownerId, const QHash<QString, QString>& values)
{
    // Every value sealed first, then written: the import's stage clock (StageClock.h) times the two apart with
    // two clock reads, not two per value. Inside the caller's transaction either way.
    const StageClock::Stage caller = StageClock::mark(StageClock::Stage::Seal);
    QList<SealedValues::Prepared> prepared;
    prepared.reserve(values.size());
    if (Status sealed = prepareSeal(ownerKind, ownerId, values, &prepared); !sealed.ok()) {
        StageClock::mark(caller);
        return sealed;
    }
    StageClock::mark(StageClock::Stage::Write);
    Status stored;
    for (const SealedValues::Prepared& value : std::as_const(prepared)) {
        stored = SealedValues::store(m_db, value);
        if (!stored.ok())
            break;
    }
    StageClock::mark(caller);
    return stored;
}

Status CustomerStore::storeNew(const QList<SealedValues::Prepared>& prepared)
{
    return SealedValues::storeNew(m_db, prepared);
}

Result<QHash<QString, QString>> CustomerStore::open(const QString& ownerKind, qint64 ownerId) const
{
    auto sealed = m_records.sealedOf(ownerKind, ownerId);
    if (!sealed.ok())
        return sealed.error();
    QHash<QString, QString> values;
    for (const auto& [field, bytes] : std::as_const(*sealed)) {
        auto plain = m_cipher.open(bytes, FieldCipher::associatedData(ownerKind, ownerId, field));
        if (!plain.ok())
            return plain.error();
        values.insert(field, *plain);
    }
    return values;
}

Result<QHash<QString, QString>> CustomerStore::masked(const QString& ownerKind, qint64 ownerId) const
{
    return m_records.maskedOf(ownerKind, ownerId);
}

Status CustomerStore::moveSealed(const QString& fromKind, qint64 fromId, const QString& toKind, qint64 toId,
    const QString& fromField, const QString& toField)
{
    // The associated data binds a ciphertext to its owner and field, so moving a value means opening
    // and sealing it again.
    auto value = SealedValues::open(m_db, m_cipher, SealedValues::Key {fromKind, fromId, fromField});
    if (!value.ok())
        return value.error();
    BV_TRY(seal(toKind, toId, {{toField, *value}}));
    QString cleared = std::move(value).value();
    wipe(cleared);
    return SealedValues::remove(m_db, SealedValues::Key {fromKind, fromId, fromField});
}

QStringList CustomerStore::columnFields()
{
    return CustomerRepository::columnFields();
}

Result<QHash<QString, QString>> CustomerStore::columns(qint64 customerId) const
{
    auto values = m_records.columns(customerId);
    if (!values.ok())
        return values.error();
    if (!*values)
        return makeError(ErrorCode::NotFound, tr("There is no such customer."));
    return **values;
}

Status CustomerStore::writeColumns(qint64 customerId, const QHash<QString, QString>& values)
{
    return m_records.writeColumns(customerId, values);
}

Result<QList<AccountView>> CustomerStore::accounts(qint64 customerId, bool reveal) const
{
    auto stored = m_records.accounts(customerId);
    if (!stored.ok())
        return stored.error();
    QList<AccountView> list;
    for (const CustomerRepository::StoredAccount& account : std::as_const(*stored)) {
        AccountView view = account.view;
        if (reveal && account.sealed) {
            auto plain
                = m_cipher.open(*account.sealed, FieldCipher::associatedData(kAccount, view.id, u"account_number"));
            if (!plain.ok())
                return plain.error();
            view.number = *plain;
            view.revealed = true;
        }
        list << view;
    }
    return list;
}

Result<qint64> CustomerStore::addAccount(qint64 customerId, const AccountInput& account)
{
    auto id = m_records.insertAccount(customerId, account, m_clock.nowUtc());
    if (!id.ok())
        return id.error();
    BV_TRY(seal(kAccount, *id, {{QString::fromLatin1(fields::AccountNumber), account.number}}));
    return *id;
}

Status CustomerStore::updateAccount(const AccountInput& account)
{
    BV_TRY(m_records.updateAccount(account));
    if (!account.number.isEmpty())
        BV_TRY(seal(kAccount, account.id, {{QString::fromLatin1(fields::AccountNumber), account.number}}));
    return {};
}

Result<QList<qint64>> CustomerStore::customersWith(int blindDomain, const QString& value, qint64 exceptCustomer) const
{
    BV_TRY(m_cipher.checkAvailable());
    const QByteArray blind = m_cipher.blindIndex(BlindDomain(blindDomain), value);
    if (blind.isEmpty())
        return QList<qint64>();
    return m_records.customersWithBlind(blindDomainKey(BlindDomain(blindDomain)), blind, exceptCustomer);
}

} // namespace bv
