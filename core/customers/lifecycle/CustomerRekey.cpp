// Blind re-key (issue 13): a checker approving a new record, or an edit of an ID number, mobile or account
// number, types that value from the customer's document. The typed value is compared with the stored one through
// the blind index (keyed BLAKE2b over the normalised value): nothing is decrypted for the checker, and a mismatch
// names the field, never the stored value.

#include "core/audit/AuditActions.h"
#include "core/customers/lifecycle/CustomerEntry.h"
#include "core/customers/rules/IdNumber.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/customers/CustomerRepository.h"
#include "core/internal/customers/CustomerServiceInternal.h"
#include "core/internal/customers/CustomerStoreInternal.h"
#include "core/internal/db/Database.h"
#include "core/internal/db/Transaction.h"
#include "core/internal/keys/FieldCipher.h"
#include "core/policy/FieldCatalogue.h"
#include "core/policy/SettingsService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <sodium.h>

namespace bv {

namespace {

// One stored value the checker must re-type.
struct Target
{
    QString field; // id_number, mobile, account_number
    QString ownerKind;
    qint64 ownerId = 0;
    QString sealedField; // the sealed_value field (account_number:N for an edit's new account number)
};

bool sameIndex(const QByteArray& a, const QByteArray& b)
{
    return !a.isEmpty() && a.size() == b.size()
        && sodium_memcmp(a.constData(), b.constData(), std::size_t(a.size())) == 0;
}

} // namespace

QStringList CustomerEntry::rekeyFieldsFor(const QList<FieldDiff>& diff) const
{
    const QStringList configured = m_internals.settings().rekeyFields();
    QStringList out;
    for (const FieldDiff& d : diff) {
        if (configured.contains(d.field) && !d.newMasked.isEmpty())
            out << d.field;
    }
    return out;
}

Status CustomerEntry::checkRekey(
    Transaction& tx, const Actor& actor, qint64 changeId, const ChangeHead& change, const RekeyedValues& typed)
{
    const QStringList configured = m_internals.settings().rekeyFields();
    if (configured.isEmpty())
        return {};
    Database& db = m_internals.database();
    CustomerRepository& records = m_internals.records();
    const FieldCipher& cipher = m_internals.store().cipher();
    BV_TRY(cipher.checkAvailable());

    // What is stored for this change, read from the database (never from what a front end shows).
    QList<Target> targets;
    const QString accountField = QString::fromLatin1(fields::AccountNumber);
    if (change.kind == QLatin1String("create")) {
        for (const QString& field : configured) {
            if (field != accountField)
                targets << Target {field, QStringLiteral("customer"), change.customerId, field};
        }
        if (configured.contains(accountField)) {
            auto ids = records.accountIds(change.customerId);
            if (!ids.ok())
                return ids.error();
            for (qint64 id : std::as_const(*ids))
                targets << Target {accountField, QStringLiteral("account"), id, accountField};
        }
    } else {
        auto staged = records.stagedValues(changeId);
        if (!staged.ok())
            return staged.error();
        const QJsonObject values = QJsonDocument::fromJson(staged->toUtf8()).object();
        for (const QJsonValue& key : values.value(QStringLiteral("sealed")).toArray()) {
            if (configured.contains(key.toString()) && key.toString() != accountField)
                targets << Target {key.toString(), QStringLiteral("change"), changeId, key.toString()};
        }
        if (configured.contains(accountField)) {
            for (const QJsonValue& v : values.value(QStringLiteral("accounts")).toArray()) {
                const QString numberKey = v.toObject().value(QStringLiteral("number")).toString();
                if (!numberKey.isEmpty())
                    targets << Target {accountField, QStringLiteral("change"), changeId, numberKey};
            }
        }
    }

    // The stored blind index of each target (a field cleared by the change has none and needs no re-key).
    QHash<QString, QList<QPair<BlindDomain, QByteArray>>> stored; // field → indexes
    QStringList order;
    for (const Target& target : std::as_const(targets)) {
        auto blind = records.blindOf(target.ownerKind, target.ownerId, target.sealedField);
        if (!blind.ok())
            return blind.error();
        if (*blind) {
            stored[target.field] << qMakePair(blindDomainFromKey((*blind)->domainKey), (*blind)->blind);
            if (!order.contains(target.field))
                order << target.field;
        }
    }

    QStringList missing;
    QStringList mismatched;
    for (const QString& field : std::as_const(order)) {
        QList<QPair<BlindDomain, QByteArray>> indexes = stored.value(field);
        QStringList values;
        for (const QString& value : typed.value(field)) {
            if (value.trimmed().isEmpty())
                continue;
            // an ID number typed in a full-width input mode (１１０…Ｘ) is the number entry stored (NFKC, upper case)
            values << (field == QLatin1String(fields::IdNumber) ? IdNumber::normalize(value) : value);
        }
        if (values.size() < indexes.size()) {
            missing << field;
            continue;
        }
        // each stored value is matched by a typed value of its own (account numbers in any order)
        bool all = values.size() == indexes.size();
        for (const QString& value : std::as_const(values)) {
            bool found = false;
            for (int i = 0; i < indexes.size() && !found; ++i) {
                if (sameIndex(indexes.at(i).second, cipher.blindIndex(indexes.at(i).first, value))) {
                    indexes.removeAt(i);
                    found = true;
                }
            }
            all = all && found;
        }
        if (!all)
            mismatched << field;
    }
    const auto labels = [](const QStringList& keys) {
        QStringList out;
        for (const QString& key : keys)
            out << FieldCatalogue::label(key);
        return out.join(tr(", "));
    };
    if (!mismatched.isEmpty()) {
        const AuditEvent event {QString::fromLatin1(audit::CustomerRekeyMismatch), QStringLiteral("customer"),
            QString::number(change.customerId), change.customerNumber, AuditOutcome::Failed,
            QJsonObject {{QStringLiteral("change"), changeId},
                {QStringLiteral("fields"), QJsonArray::fromStringList(mismatched)}}};
        tx.rollback(); // the refusal is kept, the decision's transaction is not
        BV_TRY(db.inTransaction() ? m_internals.auditLog().append(actor, event)
                                  : m_internals.auditLog().appendStandalone(actor, event));
        return makeError(ErrorCode::InvalidInput,
            tr("What you typed from the customer's document does not match the record: %1. Check the document and "
               "type it again; if it still differs, reject the change so that its maker corrects it.")
                .arg(labels(mismatched)),
            QString(), mismatched.join(QLatin1Char(',')));
    }
    if (!missing.isEmpty())
        return makeError(ErrorCode::InvalidInput,
            tr("To approve change %1, type from the customer's document: %2. The values are compared with the record "
               "without showing it.")
                .arg(changeId)
                .arg(labels(missing)),
            QString(), missing.join(QLatin1Char(',')));
    return {};
}

} // namespace bv
