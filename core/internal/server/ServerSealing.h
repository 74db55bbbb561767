#pragma once

#include "core/internal/InternalOnly.h"

#include "core/common/Result.h"
#include "core/customers/CustomerRecord.h"
#include "core/customers/rules/CustomerValidator.h"
#include "core/internal/keys/FieldCipher.h"
#include "core/internal/server/ServerConnection.h"
#include "core/policy/MaskSettings.h"
#include "core/policy/Statuses.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace bv {

namespace serverentry {
// The grade 2/3 values the server's customer_submit and customer_edit take in the clear (its entry_columns()).
const QStringList& clearColumns();
// Free text that will be stored on the server (a grade 2 value, a purpose, a reason): refused here, before it is
// sent, when it holds what looks like an ID, mobile or card number or a secret.
Status checkedFreeText(const QString& text, const QString& field, const QString& label);
// A timestamptz as the server writes it in text (ISO 8601 with a space and a short offset: 2026-12-06
// 02:16:56.123+00), in UTC; invalid when NULL or unreadable.
QDateTime serverTime(const QString& text);
// The message of a status the server sent that this program does not know, while `what`.
QString unknownStatus(const QString& what);
// A status the server sent, as its enum; Damaged naming `what` when it is none this program knows.
template <typename S>
Result<S> storedStatus(const QString& key, const QString& what)
{
    if (const std::optional<S> status = statusFromKey<S>(key))
        return *status;
    return Error {ErrorCode::Damaged, unknownStatus(what), key.left(40), {}};
}
// One customer-list row from the columns customer_no, masked_name, status, restricted, tier, age_band, created_at
// (customer_page, reassignment_page), read while `what`.
Result<CustomerListRow> listRow(const ServerRows& rows, int row, const QString& what);
// Overwrites the checked values (the grade-1 ones in the clear: the normalised ID number, mobile, account numbers)
// once they are sealed.
void wipe(ValidatedCustomer& checked);
// ... on every way out of the scope that holds them.
class WipedOnExit
{
public:
    explicit WipedOnExit(ValidatedCustomer& checked)
        : m_checked(checked)
    {
    }
    ~WipedOnExit() { wipe(m_checked); }
    WipedOnExit(const WipedOnExit&) = delete;
    WipedOnExit& operator=(const WipedOnExit&) = delete;

private:
    ValidatedCustomer& m_checked;
};
} // namespace serverentry

// The grade-1 values of one customer as a statement's parameters (customer_submit, customer_edit): each sealed with
// the branch's field key under "bv-server1|<customer number>|<field>" (ServerCustomers::associatedData), masked with
// the branch's widths and blind-indexed, appended to `values`. Each call returns the composite the statement's text
// names ("ROW($7, $8::int, …)::branchvault.sealed_input"); nothing grade-1 goes into that text.
class ServerSealing
{
public:
    ServerSealing(
        const FieldCipher& cipher, const QString& customerNo, const MaskSettings& masks, QList<ServerValue>& values);

    // One customer field (name, id_type, id_number, birth_date, mobile, other_phone, email, address): a sealed_input.
    QString field(const QString& key, const QString& value);
    // One account of a new record: an account_input.
    QString newAccount(const AccountInput& account);
    // One account of an edit (added, changed or removed): an account_change. The number is sealed only when it was
    // typed; a NULL type, opening date or status keeps the stored one.
    QString accountChange(const AccountInput& account);

private:
    struct Sealed;
    Sealed seal(const QString& field, const QString& value, BlindDomain domain) const;
    const FieldCipher& m_cipher;
    QString m_customerNo;
    const MaskSettings& m_masks;
    QList<ServerValue>& m_values;
};

} // namespace bv
