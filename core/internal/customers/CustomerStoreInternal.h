#pragma once

#include "core/internal/InternalOnly.h"

#include "core/common/Clock.h"
#include "core/common/Result.h"
#include "core/customers/CustomerRecord.h"
#include "core/internal/keys/SealedValues.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace bv {

class CustomerRepository;
class Database;
class FieldCipher;
class SettingsService;

// Internal to core (see CustomerServiceInternal.h): storage of customer records, below the rules: numbering,
// sealing grade-1 values with their masked form and blind index, reading and writing the grade 2/3 columns and
// accounts. It checks no session and writes no audit row: CustomerService (the front door) decides who may do
// what and writes the audit log; nothing outside core reaches this class (the benchmark excepted). Its statements
// are CustomerRepository's; the sealing and opening are here.
class CustomerStore
{
    Q_DECLARE_TR_FUNCTIONS(CustomerStore)
public:
    CustomerStore(Database& db, CustomerRepository& records, const FieldCipher& cipher, SettingsService& settings,
        const Clock& clock);

    Database& database() { return m_db; }
    const FieldCipher& cipher() const { return m_cipher; }
    const Clock& clock() const { return m_clock; }

    // Next customer number of the branch: "<branch>-<8 digits>". Inside the caller's transaction.
    Result<QString> nextNumber(const QString& branch);

    // The masked form of a grade-1 value under the current mask settings.
    QString mask(const QString& field, const QString& value) const;

    // Seals grade-1 values for an owner ("customer", "change", "history", "account"); an empty value
    // removes the field. `fieldSuffix` lets a change hold several account numbers.
    Status seal(const QString& ownerKind, qint64 ownerId, const QHash<QString, QString>& values);
    // seal() in two steps, for many owners at once (the import): prepareSeal() seals, masks and indexes the
    // grade-1 values of `values` into `prepared` without touching the database; storeNew() writes values of owners
    // that have none yet, with Connection::insertRows.
    Status prepareSeal(const QString& ownerKind, qint64 ownerId, const QHash<QString, QString>& values,
        QList<SealedValues::Prepared>* prepared) const;
    Status storeNew(const QList<SealedValues::Prepared>& prepared);
    Result<QHash<QString, QString>> open(const QString& ownerKind, qint64 ownerId) const;
    Result<QHash<QString, QString>> masked(const QString& ownerKind, qint64 ownerId) const;
    Status moveSealed(const QString& fromKind, qint64 fromId, const QString& toKind, qint64 toId,
        const QString& fromField, const QString& toField);

    // Grade 2/3 columns of the customers table, by field key.
    static QStringList columnFields();
    Result<QHash<QString, QString>> columns(qint64 customerId) const;
    Status writeColumns(qint64 customerId, const QHash<QString, QString>& values);

    // Accounts: numbers sealed under ("account", account id, "account_number").
    Result<QList<AccountView>> accounts(qint64 customerId, bool reveal) const;
    Result<qint64> addAccount(qint64 customerId, const AccountInput& account);
    Status updateAccount(const AccountInput& account);

    // Every customer (other than `exceptCustomer`) holding `value` in `domain` (phone, account, id, name);
    // pending creations included, rejected and anonymised records not.
    Result<QList<qint64>> customersWith(int blindDomain, const QString& value, qint64 exceptCustomer = 0) const;

    QDateTime now() const { return m_clock.nowUtc(); }
    // Today's date in branch time (China Standard Time).
    QDate today() const;

private:
    Database& m_db;
    CustomerRepository& m_records;
    const FieldCipher& m_cipher;
    SettingsService& m_settings;
    const Clock& m_clock;
};

} // namespace bv
