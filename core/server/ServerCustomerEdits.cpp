// ServerCustomers::edit and its checks: an edit of a customer over the branch server (docs/SERVER.md, "Editing a
// customer over the server").
#include "core/auth/Role.h"
#include "core/customers/rules/CustomerValidator.h"
#include "core/customers/rules/WorkingCalendar.h"
#include "core/internal/keys/FieldCipher.h"
#include "core/internal/server/ServerConnection.h"
#include "core/internal/server/ServerSealing.h"
#include "core/policy/FieldCatalogue.h"
#include "core/server/ServerCustomers.h"
#include "core/server/ServerSession.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace bv {

namespace {

QString key(const char* field)
{
    return QString::fromLatin1(field);
}

// A customer's own grade-1 fields (the account numbers are the accounts').
bool isGradeOneOfCustomer(const QString& field)
{
    const FieldSpec* spec = FieldCatalogue::find(field);
    return spec && spec->grade == 1 && field != key(fields::AccountNumber);
}

// The server's refusal of an edit (BV409) as this program words it, naming what came first; any other error
// unchanged. The server's own text stays in the detail.
Error editRefusal(const QString& customerNo, int version, const Error& error)
{
    if (error.code == ErrorCode::PermissionDenied) {
        Error out = error;
        if (error.detail.contains(QLatin1String("not one of your customers")))
            out.message = ServerCustomers::tr("Customer %1 is not one of your customers (or no longer: the branch "
                                              "manager may have given it to another customer manager). Nothing was "
                                              "sent; ask its customer manager or the branch manager.")
                              .arg(customerNo);
        else if (error.detail.contains(QLatin1String("is restricted")))
            out.message = ServerCustomers::tr("Customer %1 is restricted (重点保密): only its own customer manager and "
                                              "the branch manager act on it. Nothing was sent.")
                              .arg(customerNo);
        return out;
    }
    if (error.code != ErrorCode::Conflict)
        return error;
    static const QRegularExpression newerVersion(QStringLiteral("at version (\\d+) now"));
    Error out = error;
    if (const QRegularExpressionMatch match = newerVersion.match(error.detail); match.hasMatch())
        out.message = ServerCustomers::tr("Customer %1 was changed by someone else after you opened it: it is at "
                                          "version %2 now, your edit was made on version %3 (an approved edit or a "
                                          "change of customer manager came first). Nothing was sent; open the "
                                          "customer again and make the edit on what it holds now.")
                          .arg(customerNo)
                          .arg(match.captured(1))
                          .arg(version);
    else if (error.detail.contains(QLatin1String("still waiting for approval")))
        out.message = ServerCustomers::tr("An earlier change of customer %1 is still waiting for a branch manager's "
                                          "decision. Nothing was sent; edit again once it is decided.")
                          .arg(customerNo);
    else if (error.detail.contains(QLatin1String("only active customers")))
        out.message = ServerCustomers::tr("Customer %1 is no longer active, so it cannot be edited. Open it again to "
                                          "see its state.")
                          .arg(customerNo);
    return out;
}

} // namespace

Result<ValidatedCustomer> ServerCustomers::validatedEdit(const CustomerView& present, const CustomerInput& input)
{
    // a grade-1 value typed empty: the server keeps a sealed value or none, and an edit replaces it
    for (auto it = input.values.cbegin(); it != input.values.cend(); ++it)
        if (isGradeOneOfCustomer(it.key()) && it.value().trimmed().isEmpty())
            return Error {ErrorCode::InvalidInput,
                tr("On the branch server a stored %1 is replaced, never erased: type the new value, or leave the "
                   "field empty to keep the stored one.")
                    .arg(FieldCatalogue::label(it.key())),
                {}, it.key()};
    const auto changes = [&](const char* field, const QString& stored) {
        return input.values.contains(key(field)) && input.values.value(key(field)).trimmed() != stored;
    };
    const bool identity = changes(fields::IdType, present.gradeOne.value(key(fields::IdType)))
        || input.values.contains(key(fields::IdNumber)) || input.values.contains(key(fields::BirthDate))
        || changes(fields::Sex, present.sex);
    const bool idTyped = input.values.contains(key(fields::IdNumber));
    if (identity && !idTyped)
        return Error {ErrorCode::InvalidInput,
            tr("To change the ID type, the birth date or the sex, type the customer's ID number again from the "
               "identity document: this workstation reads the stored number masked only, and checks the others "
               "against it."),
            {}, key(fields::IdNumber)};

    // the record as the workstation reads it: the clear values; the grade-1 ones only masked
    QHash<QString, QString> current;
    current.insert(key(fields::Sex), present.sex);
    current.insert(key(fields::Nationality), present.nationality);
    current.insert(key(fields::IdType), present.gradeOne.value(key(fields::IdType)));
    for (auto it = present.gradeTwo.cbegin(); it != present.gradeTwo.cend(); ++it)
        current.insert(it.key(), it.value());
    const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(WorkingCalendar::branchTimeZone()).date();
    ValidatedCustomer checked = CustomerValidator::validate(input, today, &current);

    // A stored grade-1 value that was not typed is not in `current`: the validator calls it missing (and, for the
    // mobile, misses the address). Such a value stays as it is, so those errors and no value of it go further. The
    // birth date a typed mainland ID number gives is checked and sent with it.
    const auto kept = [&](const QString& field) {
        return isGradeOneOfCustomer(field) && field != key(fields::IdType) && !input.values.contains(field)
            && !(idTyped && field == key(fields::BirthDate));
    };
    QList<Error> errors;
    for (const Error& error : std::as_const(checked.errors))
        if (!kept(error.field))
            errors << error;
    if (!errors.isEmpty())
        return errors.constFirst();
    for (auto it = checked.values.begin(); it != checked.values.end();)
        it = kept(it.key()) ? checked.values.erase(it) : std::next(it);
    checked.errors.clear();

    const QString birthDate = checked.values.value(key(fields::BirthDate));
    if (!birthDate.isEmpty())
        checked.values.insert(
            key(fields::AgeBand), CustomerValidator::ageBand(QDate::fromString(birthDate, Qt::ISODate), today));
    for (const QString& column : serverentry::clearColumns())
        if (checked.values.contains(column))
            BV_TRY(serverentry::checkedFreeText(checked.values.value(column), column, FieldCatalogue::label(column)));
    bool anything
        = !checked.accounts.isEmpty() || (checked.restricted.has_value() && *checked.restricted != present.restricted);
    for (auto it = checked.values.cbegin(); it != checked.values.cend() && !anything; ++it)
        anything = (isGradeOneOfCustomer(it.key()) && it.key() != key(fields::IdType))
            || it.value() != current.value(it.key());
    if (!anything)
        return Error {ErrorCode::InvalidInput,
            tr("Nothing was changed: every value is the same as in the record. Type what changes, then save."), {}, {}};
    return checked;
}

Result<EntryReceipt> ServerCustomers::edit(const CustomerView& present, const CustomerInput& input)
{
    BV_TRY(needKeys());
    const Role role = m_session.identity().role;
    if (role != Role::CustomerManager && role != Role::Manager)
        return Error {ErrorCode::PermissionDenied,
            tr("%1 accounts do not edit customers: the customer manager responsible, or the branch manager, does.")
                .arg(Roles::label(role)),
            {}, {}};
    auto checked = validatedEdit(present, input);
    if (!checked.ok())
        return checked.error();
    const serverentry::WipedOnExit wiped(*checked);
    auto masks = this->masks();
    if (!masks.ok())
        return masks.error();

    QJsonObject clear;
    for (const QString& column : serverentry::clearColumns())
        if (checked->values.contains(column))
            clear.insert(column, checked->values.value(column));
    QList<ServerValue> values {ServerValue::text(present.number), ServerValue::number(present.version),
        ServerValue::text(QString::fromUtf8(QJsonDocument(clear).toJson(QJsonDocument::Compact)))};
    const FieldCipher cipher(m_session.keys().clone());
    ServerSealing sealing(cipher, present.number, *masks, values);
    QStringList sealedRows;
    for (const FieldSpec& spec : FieldCatalogue::all()) {
        const QString field = QString::fromLatin1(spec.key);
        if (isGradeOneOfCustomer(field) && !checked->values.value(field).isEmpty()
            && (field != key(fields::IdType) || checked->values.value(field) != present.gradeOne.value(field)))
            sealedRows << sealing.field(field, checked->values.value(field));
    }
    QStringList accountRows;
    for (const AccountInput& account : std::as_const(checked->accounts))
        accountRows << sealing.accountChange(account);
    const int tail = int(values.size()) + 1;
    values << (checked->restricted ? ServerValue::boolean(*checked->restricted) : ServerValue::none())
           << ServerValue::text(m_session.workstation());
    const QString sql = QStringLiteral("SELECT branchvault.customer_edit($1, $2::int, $3::jsonb, "
                                       "ARRAY[%1]::branchvault.sealed_input[], "
                                       "ARRAY[%2]::branchvault.account_change[], $%3::boolean, $%4)")
                            .arg(sealedRows.join(QStringLiteral(", ")), accountRows.join(QStringLiteral(", ")))
                            .arg(tail)
                            .arg(tail + 1);
    auto submitted = m_session.connection().run(sql, values, tr("editing customer %1").arg(present.number));
    if (!submitted.ok())
        return editRefusal(present.number, present.version, submitted.error());
    if (submitted->count() != 1 || submitted->isNull(0, 0))
        return Error {ErrorCode::Damaged,
            tr("The branch server did not confirm the edit. Open the customer again before editing it again."), {}, {}};
    return EntryReceipt {present.number, submitted->number(0, 0), checked->warnings};
}

} // namespace bv
