#include "core/server/ServerCustomers.h"

#include "core/auth/Role.h"
#include "core/common/SecureBytes.h"
#include "core/customers/rules/CustomerValidator.h"
#include "core/customers/rules/IdNumber.h"
#include "core/customers/rules/WorkingCalendar.h"
#include "core/internal/common/TextLength.h"
#include "core/internal/keys/FieldCipher.h"
#include "core/internal/policy/StoredMasks.h"
#include "core/internal/server/ServerConnection.h"
#include "core/internal/server/ServerSealing.h"
#include "core/policy/FieldCatalogue.h"
#include "core/policy/FreeText.h"
#include "core/policy/MaskSettings.h"
#include "core/policy/SettingsService.h"
#include "core/policy/Statuses.h"
#include "core/server/ServerSession.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <sodium.h>

namespace bv {

namespace {

using serverentry::checkedFreeText;
using serverentry::clearColumns;
using serverentry::serverTime;
using serverentry::storedStatus;

// A change's diff as the server stores it ([{field, old, new}]); nullopt when it is not that.
std::optional<QList<FieldDiff>> diffFrom(const QByteArray& json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isArray())
        return std::nullopt;
    QList<FieldDiff> diff;
    for (const QJsonValue& entry : document.array()) {
        const QJsonObject object = entry.toObject();
        if (!object.value(QStringLiteral("field")).isString())
            return std::nullopt;
        diff << FieldDiff {object.value(QStringLiteral("field")).toString(),
            object.value(QStringLiteral("old")).toString(), object.value(QStringLiteral("new")).toString()};
    }
    return diff;
}

} // namespace

ServerCustomers::ServerCustomers(ServerSession& session)
    : m_session(session)
{
}

QByteArray ServerCustomers::associatedData(const QString& customerNo, const QString& field)
{
    return QByteArrayLiteral("bv-server1|") + customerNo.toUtf8() + '|' + field.toUtf8();
}

Status ServerCustomers::needKeys() const
{
    switch (m_session.identity().keys) {
    case ServerSession::Keys::Open:
        return {};
    case ServerSession::Keys::AwaitingPasswordChange:
        return Error {ErrorCode::PasswordChangeRequired,
            tr("Change the one-time password first, with the confirmation code from the branch manager: it opens "
               "the customer-information keys."),
            {}, {}};
    case ServerSession::Keys::None:
        break;
    }
    return Error {ErrorCode::PermissionDenied,
        Roles::holdsKeys(m_session.identity().role)
            ? tr("This account holds no customer-information keys yet: a branch manager confirms it first.")
            : tr("%1 accounts do not work with customer information.").arg(Roles::label(m_session.identity().role)),
        {}, {}};
}

Result<ValidatedCustomer> ServerCustomers::validated(const CustomerInput& input)
{
    const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(WorkingCalendar::branchTimeZone()).date();
    ValidatedCustomer validated = CustomerValidator::validate(input, today);
    if (!validated.ok())
        return validated.errors.constFirst();
    const QString birthDate = validated.values.value(QString::fromLatin1(fields::BirthDate));
    if (!birthDate.isEmpty())
        validated.values.insert(QString::fromLatin1(fields::AgeBand),
            CustomerValidator::ageBand(QDate::fromString(birthDate, Qt::ISODate), today));
    for (const QString& key : clearColumns()) {
        // the server refuses such text too, but only once it has arrived (and its log may hold the statement)
        if (validated.values.contains(key))
            BV_TRY(checkedFreeText(validated.values.value(key), key, FieldCatalogue::label(key)));
    }
    return validated;
}

Result<MaskSettings> ServerCustomers::masks() const
{
    // the branch's mask widths, as the server keeps them (one round trip for all of them)
    QStringList keys;
    for (const QLatin1StringView key : MaskSettings::keys())
        keys << QString(key);
    auto stored
        = m_session.connection().run(QStringLiteral("SELECT k, branchvault.setting(k) FROM unnest($1::text[]) AS k"),
            {ServerValue::textArray(keys)}, tr("reading the branch's mask settings"));
    if (!stored.ok())
        return stored.error();
    QVariantMap widths;
    for (int r = 0; r < stored->count(); ++r)
        if (!stored->isNull(r, 1))
            widths.insert(stored->text(r, 0), stored->text(r, 1));
    return MaskSettings::fromMap(widths);
}

Result<QString> ServerCustomers::reserveNumber()
{
    auto reserved = m_session.connection().run(QStringLiteral("SELECT branchvault.customer_number_reserve($1)"),
        {ServerValue::text(m_session.workstation())}, tr("entering a customer on the branch server"));
    if (!reserved.ok())
        return reserved.error();
    if (reserved->isEmpty() || reserved->isNull(0, 0))
        return Error {ErrorCode::Damaged,
            tr("The branch server gave no customer number. Ask the administrator to check the server."), {}, {}};
    return reserved->text(0, 0);
}

Result<EntryReceipt> ServerCustomers::enter(const CustomerInput& input, const QString& reservedNumber)
{
    BV_TRY(needKeys());
    const Role role = m_session.identity().role;
    // a clerk holds the keys (for the lookup) but enters nothing, as in local mode (Operation::CreateCustomer)
    if (role != Role::CustomerManager && role != Role::Manager)
        return Error {ErrorCode::PermissionDenied,
            tr("%1 accounts do not enter customers: a customer manager enters his or her own customers.")
                .arg(Roles::label(role)),
            {}, {}};
    // the branch manager enters for a customer manager, who is then responsible (the server checks that the id is an
    // active customer manager of the branch); a customer manager for himself or herself
    if (role == Role::Manager && input.managerId <= 0)
        return Error {ErrorCode::InvalidInput,
            tr("Choose the customer manager who will be responsible for this customer."), {},
            QString::fromLatin1(fields::Manager)};
    const qint64 managerId = role == Role::Manager ? input.managerId : 0;
    const ServerConnection& server = m_session.connection();
    const QString what = tr("entering a customer on the branch server");
    auto checked = validated(input);
    if (!checked.ok())
        return checked.error();
    const serverentry::WipedOnExit wiped(*checked);
    const ValidatedCustomer& validated = *checked;
    QJsonObject clear;
    for (const QString& key : clearColumns())
        if (validated.values.contains(key))
            clear.insert(key, validated.values.value(key));
    auto masks = this->masks();
    if (!masks.ok())
        return masks.error();
    QString number = reservedNumber;
    if (number.isEmpty()) {
        auto reserved = reserveNumber();
        if (!reserved.ok())
            return reserved.error();
        number = *reserved;
    }

    const FieldCipher cipher(m_session.keys().clone());
    QList<ServerValue> values;
    values << ServerValue::text(number)
           << ServerValue::text(QString::fromUtf8(QJsonDocument(clear).toJson(QJsonDocument::Compact)));
    ServerSealing sealing(cipher, number, *masks, values);
    QStringList sealedRows;
    for (const FieldSpec& spec : FieldCatalogue::all()) {
        const QString key = QString::fromLatin1(spec.key);
        if (spec.grade != 1 || key == QLatin1String(fields::AccountNumber) || validated.values.value(key).isEmpty())
            continue;
        sealedRows << sealing.field(key, validated.values.value(key));
    }
    QStringList accountRows;
    for (const AccountInput& account : std::as_const(validated.accounts))
        if (!account.remove)
            accountRows << sealing.newAccount(account);
    const int tail = int(values.size()) + 1;
    values << (managerId > 0 ? ServerValue::number(managerId) : ServerValue::none())
           << ServerValue::boolean(validated.restricted.value_or(false)) << ServerValue::text(m_session.workstation());
    const QString sql = QStringLiteral("SELECT customer_no, change_id FROM branchvault.customer_submit($1, "
                                       "$2::jsonb, ARRAY[%1]::branchvault.sealed_input[], "
                                       "ARRAY[%2]::branchvault.account_input[], $%3::bigint, $%4, $%5)")
                            .arg(sealedRows.join(QStringLiteral(", ")), accountRows.join(QStringLiteral(", ")))
                            .arg(tail)
                            .arg(tail + 1)
                            .arg(tail + 2);
    auto submitted = server.run(sql, values, what);
    if (!submitted.ok())
        return submitted.error();
    if (submitted->count() != 1)
        return Error {ErrorCode::Damaged,
            tr("The branch server did not confirm the entry. List the changes waiting "
               "for approval before entering the customer again."),
            {}, {}};
    return EntryReceipt {submitted->text(0, 0), submitted->number(0, 1), validated.warnings};
}

Result<QList<PendingChange>> ServerCustomers::pending(qint64 afterId, int limit)
{
    auto rows = m_session.connection().readCommitted("change_page",
        {{QStringLiteral("after"), afterId > 0 ? QJsonValue(afterId) : QJsonValue()}, {QStringLiteral("limit"), limit}},
        m_session.workstation(),
        QStringLiteral("id, customer_no, kind, maker_login, created_at, diff_json, rekey_fields[]"),
        tr("reading the changes waiting for approval"));
    if (!rows.ok())
        return rows.error();
    QList<PendingChange> out;
    for (int r = 0; r < rows->count(); ++r) {
        PendingChange change;
        change.id = rows->number(r, 0);
        change.customerNumber = rows->text(r, 1);
        change.kind = rows->text(r, 2);
        change.makerLogin = rows->text(r, 3);
        change.createdAt = serverTime(rows->text(r, 4));
        const auto diff = diffFrom(rows->bytes(r, 5));
        if (!diff)
            return Error {ErrorCode::Damaged,
                tr("The branch server sent change %1 in a form this program cannot read; it is not shown, so that it "
                   "is not decided unseen. Ask the administrator to check the server.")
                    .arg(change.id),
                {}, {}};
        change.diff = *diff;
        // the fields the checker types to approve it (migration 14), one entry per value; only those re-keyable
        const auto rekey = rows->array(r, 6);
        if (!rekey)
            return Error {ErrorCode::Damaged,
                tr("The branch server sent change %1 in a form this program cannot read; it is not shown, so that it "
                   "is not decided unseen. Ask the administrator to check the server.")
                    .arg(change.id),
                {}, {}};
        for (const QByteArray& field : *rekey) {
            if (!SettingsService::rekeyableFields().contains(QString::fromUtf8(field)))
                return Error {ErrorCode::Damaged,
                    tr("The branch server asks for a value of change %1 that this program does not re-key. Ask the "
                       "administrator whether the server is newer than this workstation's BranchVault.")
                        .arg(change.id),
                    QString::fromUtf8(field.left(40)), {}};
            change.rekeyFields << QString::fromUtf8(field);
        }
        out << change;
    }
    return out;
}

Status ServerCustomers::decide(qint64 changeId, bool approve, const QString& reason, const RekeyedValues& rekeyed)
{
    BV_TRY(checkedFreeText(reason, QStringLiteral("reason"), tr("The reason")));
    QList<ServerValue> values {
        ServerValue::number(changeId), ServerValue::boolean(approve), ServerValue::text(reason.trimmed())};
    QStringList rows;
    if (approve && !rekeyed.isEmpty()) {
        BV_TRY(needKeys());
        // Blind re-key as local mode (CustomerRekey.cpp): a blank value is not typed; an ID number typed in a
        // full-width input mode is the number entry stored (IdNumber::normalize); the blind index normalises the
        // rest. Only the indexes are sent, each with its field; the server compares them with the stored ones.
        const FieldCipher cipher(m_session.keys().clone());
        for (const QString& field : SettingsService::rekeyableFields()) {
            const BlindDomain domain = field == QLatin1String(fields::IdNumber) ? BlindDomain::IdNumber
                : field == QLatin1String(fields::Mobile)                        ? BlindDomain::Phone
                                                                                : BlindDomain::Account;
            for (const QString& typed : rekeyed.value(field)) {
                if (typed.trimmed().isEmpty())
                    continue;
                QString value = field == QLatin1String(fields::IdNumber) ? IdNumber::normalize(typed) : typed;
                QByteArray index = cipher.blindIndex(domain, value);
                wipe(value);
                if (index.isEmpty()) {
                    // typed, but nothing of it is left once normalised: in local mode it counts as a typed value
                    // that matches nothing; 16 random bytes say so to the server
                    index = QByteArray(16, Qt::Uninitialized);
                    randombytes_buf(index.data(), std::size_t(index.size()));
                }
                const int first = int(values.size()) + 1;
                values << ServerValue::text(field) << ServerValue::bytea(index);
                wipe(index);
                rows << ServerValue::compositeOf(first, {"", "bytea"}, "rekey_input");
            }
        }
    }
    const int last = int(values.size()) + 1;
    values << ServerValue::text(m_session.workstation());
    const QString typedValues = rows.isEmpty()
        ? QStringLiteral("'{}'::branchvault.rekey_input[]")
        : QStringLiteral("ARRAY[%1]::branchvault.rekey_input[]").arg(rows.join(QStringLiteral(", ")));
    auto done = m_session.connection().run(
        QStringLiteral("CALL branchvault.change_decide($1, $2, $3, %1, $%2, NULL)").arg(typedValues).arg(last), values,
        approve ? tr("approving change %1").arg(changeId) : tr("rejecting change %1").arg(changeId));
    for (ServerValue& value : values)
        wipe(value.bytes);
    if (!done.ok())
        return rekeyRefusal(changeId, done.error());
    return {};
}

Error ServerCustomers::rekeyRefusal(qint64 changeId, const Error& error)
{
    // migration 14's refusals start 'field "id_number": ' or 'fields "id_number", "mobile": ' and say "does not
    // match" (a mismatch, audited on the server) or "type from the customer's document" (a value missing)
    if (error.code != ErrorCode::InvalidInput || !error.detail.startsWith(QLatin1String("22023 field")))
        return error;
    static const QRegularExpression head(QStringLiteral("^22023 fields? ((?:\"[a-z_]+\"(?:, )?)+): (.*)$"));
    const QRegularExpressionMatch match = head.match(error.detail);
    if (!match.hasMatch())
        return error;
    QStringList keys;
    static const QRegularExpression quoted(QStringLiteral("\"([a-z_]+)\""));
    for (const QRegularExpressionMatch& key : quoted.globalMatch(match.captured(1)))
        keys << key.captured(1);
    for (const QString& key : std::as_const(keys)) {
        if (!SettingsService::rekeyableFields().contains(key))
            return error; // another field's refusal (the reason, a malformed value): as the server said it
    }
    QStringList labels;
    for (const QString& key : std::as_const(keys))
        labels << FieldCatalogue::label(key);
    const QString rest = match.captured(2);
    if (rest.contains(QLatin1String("does not match")))
        return Error {ErrorCode::InvalidInput,
            tr("What you typed from the customer's document does not match the record: %1. Check the document and "
               "type it again; if it still differs, reject the change so that its maker corrects it.")
                .arg(labels.join(tr(", "))),
            error.detail, keys.join(QLatin1Char(','))};
    if (rest.contains(QLatin1String("type from the customer's document")))
        return Error {ErrorCode::InvalidInput,
            tr("To approve change %1, type from the customer's document: %2. The values are compared with the record "
               "without showing it.")
                .arg(changeId)
                .arg(labels.join(tr(", "))),
            error.detail, keys.join(QLatin1Char(','))};
    return error;
}

Result<QList<CustomerListRow>> ServerCustomers::list(const QString& after, int limit)
{
    auto rows = m_session.connection().readCommitted("customer_page",
        {{QStringLiteral("after"), after.isEmpty() ? QJsonValue() : QJsonValue(after)},
            {QStringLiteral("limit"), limit}},
        m_session.workstation(),
        QStringLiteral("customer_no, masked_name, status, restricted, tier, age_band, created_at"),
        tr("listing customers"));
    if (!rows.ok())
        return rows.error();
    QList<CustomerListRow> out;
    for (int r = 0; r < rows->count(); ++r) {
        auto row = serverentry::listRow(*rows, r, tr("listing customers"));
        if (!row.ok())
            return row.error();
        out << *row;
    }
    return out;
}

Result<QList<SuspiciousPair>> ServerCustomers::suspicious()
{
    const QString what = tr("reading the suspicious pairs");
    auto rows = m_session.connection().readCommitted("suspicious_page", {}, m_session.workstation(),
        QStringLiteral("id, kind, customer_no_a, customer_no_b, masked_value, found_at"), what);
    if (!rows.ok())
        return rows.error();
    QList<SuspiciousPair> out;
    for (int r = 0; r < rows->count(); ++r) {
        SuspiciousPair pair;
        pair.id = rows->number(r, 0);
        pair.kind = rows->text(r, 1);
        if (pair.kind != QLatin1String("phone") && pair.kind != QLatin1String("account"))
            return Error {ErrorCode::Damaged,
                tr("The branch server sent a kind of suspicious pair this program does not know while %1. Ask the "
                   "administrator whether the server is newer than this workstation's BranchVault.")
                    .arg(what),
                pair.kind.left(40), {}};
        pair.numberA = rows->text(r, 2);
        pair.numberB = rows->text(r, 3);
        pair.maskedValue = rows->text(r, 4);
        pair.foundAt = serverTime(rows->text(r, 5));
        pair.status = PairStatus::Open;
        out << pair;
    }
    return out;
}

Status ServerCustomers::clearSuspicious(qint64 pairId, const QString& reason)
{
    if (reason.trimmed().isEmpty())
        return Error {ErrorCode::InvalidInput,
            tr("Give the reason why the pair is in order (for example: husband and wife share the phone)."), {},
            QStringLiteral("reason")};
    BV_TRY(checkedFreeText(reason, QStringLiteral("reason"), tr("The reason")));
    auto done = m_session.connection().run(QStringLiteral("SELECT branchvault.suspicious_clear($1, $2, $3)"),
        {ServerValue::number(pairId), ServerValue::text(reason.trimmed()), ServerValue::text(m_session.workstation())},
        tr("clearing suspicious pair %1").arg(pairId));
    if (!done.ok())
        return done.error();
    return {};
}

Result<QList<HistoryEntry>> ServerCustomers::history(const QString& customerNo)
{
    const QString number = customerNo.trimmed().toUpper();
    const QString what = tr("reading the history of customer %1").arg(number);
    auto rows = m_session.connection().readCommitted("customer_history", {{QStringLiteral("customer_no"), number}},
        m_session.workstation(), QStringLiteral("at, kind, actor_login, diff_json"), what);
    if (!rows.ok())
        return rows.error();
    QList<HistoryEntry> list;
    for (int r = 0; r < rows->count(); ++r) {
        const auto diff = diffFrom(rows->bytes(r, 3));
        if (!diff)
            return Error {ErrorCode::Damaged,
                tr("The branch server sent the history of customer %1 in a form this program cannot read. Ask the "
                   "administrator to check the server.")
                    .arg(number),
                {}, {}};
        list << HistoryEntry {serverTime(rows->text(r, 0)), rows->text(r, 1), rows->text(r, 2), *diff};
    }
    return list;
}

Result<CustomerView> ServerCustomers::open(const QString& customerNo)
{
    const QString number = customerNo.trimmed().toUpper();
    const QString what = tr("opening customer %1").arg(number);
    auto rows = m_session.connection().readCommitted("customer_open", {{QStringLiteral("customer_no"), number}},
        m_session.workstation(),
        QStringLiteral("customer_no, status, restricted, tier, branch, sex, nationality, age_band, created_at, "
                       "updated_at, in_custody, custody_until, grade_one, grade_two, accounts, pending_change_id, "
                       "version"),
        what);
    if (!rows.ok())
        return rows.error();
    if (rows->count() != 1)
        return Error {ErrorCode::NotFound,
            tr("There is no customer %1 that this account may open. Check the customer number.").arg(number), {}, {}};
    CustomerView view;
    view.number = rows->text(0, 0);
    auto status = storedStatus<CustomerStatus>(rows->text(0, 1), what);
    if (!status.ok())
        return status.error();
    view.status = *status;
    view.restricted = rows->boolean(0, 2);
    view.tier = rows->text(0, 3);
    view.branch = rows->text(0, 4);
    view.sex = rows->text(0, 5);
    view.nationality = rows->text(0, 6);
    view.ageBand = rows->text(0, 7);
    view.createdAt = serverTime(rows->text(0, 8));
    view.updatedAt = serverTime(rows->text(0, 9));
    view.inCustody = rows->boolean(0, 10);
    view.custodyUntil = serverTime(rows->text(0, 11));
    const QJsonObject gradeOne = QJsonDocument::fromJson(rows->bytes(0, 12)).object();
    for (auto it = gradeOne.constBegin(); it != gradeOne.constEnd(); ++it)
        view.gradeOne.insert(it.key(), it.value().toString());
    const QJsonObject gradeTwo = QJsonDocument::fromJson(rows->bytes(0, 13)).object();
    view.gradeTwoVisible = true; // the server gives them to whoever may open the record
    for (auto it = gradeTwo.constBegin(); it != gradeTwo.constEnd(); ++it)
        view.gradeTwo.insert(
            it.key(), it.value().isString() ? it.value().toString() : it.value().toVariant().toString());
    const QJsonArray accounts = QJsonDocument::fromJson(rows->bytes(0, 14)).array();
    for (const QJsonValue& value : accounts) {
        const QJsonObject a = value.toObject();
        AccountView account;
        account.id = a.value(QStringLiteral("id")).toInteger();
        account.type = a.value(QStringLiteral("type")).toString();
        account.openedOn = QDate::fromString(a.value(QStringLiteral("opened_on")).toString(), Qt::ISODate);
        auto accountStatus = storedStatus<AccountStatus>(a.value(QStringLiteral("status")).toString(), what);
        if (!accountStatus.ok())
            return accountStatus.error();
        account.status = *accountStatus;
        account.number = a.value(QStringLiteral("masked")).toString();
        view.accounts << account;
    }
    view.pendingChangeId = rows->isNull(0, 15) ? 0 : rows->number(0, 15);
    view.version = int(rows->number(0, 16));
    // what the card offers (the server decides again): an edit by the branch manager or the responsible customer
    // manager, of an active record without a change waiting
    const Role role = m_session.identity().role;
    view.actions.edit = (role == Role::Manager || role == Role::CustomerManager)
        && m_session.identity().keys == ServerSession::Keys::Open;
    view.actions.editNow = view.actions.edit && view.status == CustomerStatus::Active && view.pendingChangeId == 0;
    // service records, complaints and consent (ServerCare): whoever reads the card serves the customer
    view.actions.recordService = view.actions.manageComplaints = view.actions.recordConsent
        = role == Role::Manager || role == Role::CustomerManager;
    return view;
}

Result<std::optional<ClerkCard>> ServerCustomers::clerkLookup(
    const QString& fullName, const QString& idNumber, const QString& purpose)
{
    BV_TRY(needKeys());
    if (fullName.trimmed().isEmpty())
        return Error {ErrorCode::InvalidInput, tr("Type the customer's full name."), {}, QStringLiteral("name")};
    if (idNumber.trimmed().isEmpty())
        return Error {
            ErrorCode::InvalidInput, tr("Type the customer's full ID number."), {}, QStringLiteral("id_number")};
    const QString said = FreeText::forAudit(purpose.trimmed(), {fullName.trimmed()});
    if (charCount(said) < 2)
        return Error {ErrorCode::InvalidInput,
            tr("State the purpose of the lookup (for example: verifying the customer at the counter)."), {},
            QStringLiteral("purpose")};
    const FieldCipher cipher(m_session.keys().clone());
    const QByteArray nameBlind = cipher.blindIndex(BlindDomain::Name, fullName);
    const QByteArray idBlind = cipher.blindIndex(BlindDomain::IdNumber, idNumber);
    if (nameBlind.isEmpty() || idBlind.isEmpty())
        return Error {ErrorCode::InvalidInput,
            tr("Type the full name and the full ID number as the ID document shows them."), {},
            nameBlind.isEmpty() ? QStringLiteral("name") : QStringLiteral("id_number")};
    auto found = m_session.connection().run(
        QStringLiteral("CALL branchvault.clerk_find($1, $2, $3, $4, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)"),
        {ServerValue::bytea(nameBlind), ServerValue::bytea(idBlind), ServerValue::text(said),
            ServerValue::text(m_session.workstation())},
        tr("looking up a customer"));
    if (!found.ok())
        return found.error();
    if (found->isEmpty() || found->isNull(0, 0))
        return std::optional<ClerkCard>();
    ClerkCard card;
    card.number = found->text(0, 0);
    card.maskedName = found->text(0, 1);
    card.maskedIdNumber = found->text(0, 2);
    card.maskedMobile = found->text(0, 3);
    card.sex = found->text(0, 4);
    card.ageBand = found->text(0, 5);
    card.tier = found->text(0, 6);
    auto status = storedStatus<CustomerStatus>(found->text(0, 7), tr("looking up a customer"));
    if (!status.ok())
        return status.error();
    card.status = *status;
    return std::optional<ClerkCard>(card);
}

Result<QList<Request>> ServerCustomers::requests(bool onlyOpen)
{
    const QString what = onlyOpen ? tr("listing the open special requests") : tr("listing special requests");
    auto rows = m_session.connection().readCommitted("request_page", {{QStringLiteral("only_open"), onlyOpen}},
        m_session.workstation(),
        QStringLiteral("id, type, state, requester_login, customer_nos[], fields[], report, purpose, validity_hours, "
                       "created_at, decided_by_login, decided_at, decision_reason, valid_from, valid_until, used_at, "
                       "revoked_by_login, revoked_at, revoke_reason"),
        what);
    if (!rows.ok())
        return rows.error();
    QList<Request> out;
    for (int r = 0; r < rows->count(); ++r) {
        Request request;
        request.id = rows->number(r, 0);
        const std::optional<RequestType> type = requestTypeFromKey(rows->text(r, 1));
        if (!type)
            return Error {ErrorCode::Damaged,
                tr("The branch server sent request %1 with a type this program does not know. Ask the administrator "
                   "whether the server is newer than this workstation's BranchVault.")
                    .arg(request.id),
                rows->text(r, 1).left(40), {}};
        request.type = *type;
        auto status = storedStatus<RequestStatus>(rows->text(r, 2), what);
        if (!status.ok())
            return status.error();
        request.status = *status;
        request.requesterLogin = rows->text(r, 3);
        const auto customers = rows->array(r, 4);
        const auto fields = rows->array(r, 5);
        if (!customers || !fields)
            return Error {ErrorCode::Damaged, tr("The branch server's answer to %1 cannot be read.").arg(what), {}, {}};
        for (const QByteArray& number : *customers)
            request.customerNumbers << QString::fromUtf8(number);
        for (const QByteArray& field : *fields)
            request.fields << QString::fromUtf8(field);
        request.report = rows->text(r, 6);
        request.purpose = rows->text(r, 7);
        request.validityHours = int(rows->number(r, 8));
        request.createdAt = serverTime(rows->text(r, 9));
        request.decidedByLogin = rows->text(r, 10);
        request.decidedAt = serverTime(rows->text(r, 11));
        request.decisionReason = rows->text(r, 12);
        request.validFrom = serverTime(rows->text(r, 13));
        request.validUntil = serverTime(rows->text(r, 14));
        request.usedAt = serverTime(rows->text(r, 15));
        request.revokedByLogin = rows->text(r, 16);
        request.revokedAt = serverTime(rows->text(r, 17));
        request.revokeReason = rows->text(r, 18);
        out << request;
    }
    return out;
}

Result<qint64> ServerCustomers::requestReveal(
    const QString& customerNo, const QStringList& fields, const QString& purpose, int validityHours)
{
    BV_TRY(checkedFreeText(purpose, QStringLiteral("purpose"), tr("The purpose")));
    auto filed = m_session.connection().run(
        QStringLiteral("CALL branchvault.request_submit('reveal', $1::text[], $2::text[], NULL, $3, $4, $5, NULL)"),
        {ServerValue::textArray({customerNo.trimmed().toUpper()}), ServerValue::textArray(fields),
            ServerValue::text(purpose.trimmed()), ServerValue::number(validityHours),
            ServerValue::text(m_session.workstation())},
        tr("filing a request to see customer %1 in full").arg(customerNo.trimmed().toUpper()));
    if (!filed.ok()) {
        // the server refuses a number the branch does not have as a bad value (22023, migration 6); local mode says
        // NotFound, as the other reads of a customer do over the server (P0002)
        if (filed.error().code == ErrorCode::InvalidInput
            && filed.error().detail.startsWith(QLatin1String("22023 customers: there is no customer ")))
            return Error {ErrorCode::NotFound,
                tr("There is no customer %1 in this branch. Check the customer number.")
                    .arg(customerNo.trimmed().toUpper()),
                filed.error().detail, QStringLiteral("customer")};
        // the branch's limit (request.max_validity_hours, migration 30), worded as local mode words it
        static const QRegularExpression limit(
            QStringLiteral("^22023 validity_hours: a request is valid for 1 to ([0-9]{1,2}) hours"));
        if (const auto found = limit.match(filed.error().detail);
            filed.error().code == ErrorCode::InvalidInput && found.hasMatch())
            return Error {ErrorCode::InvalidInput,
                QCoreApplication::translate("RequestService",
                    "A request is valid for 1 to %1 hours. Ask for %1 hours or less, and file a new request "
                    "when it runs out.")
                    .arg(found.captured(1)),
                filed.error().detail, QStringLiteral("validity_hours")};
        return filed.error();
    }
    if (filed->count() != 1 || filed->isNull(0, 0))
        return Error {ErrorCode::Damaged,
            tr("The branch server did not confirm the request. List your requests before filing it again."), {}, {}};
    return filed->number(0, 0);
}

Status ServerCustomers::decideRequest(qint64 requestId, bool approve, const QString& reason)
{
    BV_TRY(checkedFreeText(reason, QStringLiteral("reason"), tr("The reason")));
    auto done = m_session.connection().run(QStringLiteral("CALL branchvault.request_decide($1, $2, $3, $4)"),
        {ServerValue::number(requestId), ServerValue::boolean(approve), ServerValue::text(reason.trimmed()),
            ServerValue::text(m_session.workstation())},
        approve ? tr("approving request %1").arg(requestId) : tr("rejecting request %1").arg(requestId));
    if (!done.ok())
        return done.error();
    return {};
}

Result<QHash<QString, QString>> ServerCustomers::reveal(
    qint64 requestId, const QString& customerNo, const QStringList& fields)
{
    BV_TRY(needKeys());
    const QString number = customerNo.trimmed().toUpper();
    const QString what = tr("showing customer %1 in full").arg(number);
    auto shown = m_session.connection().run(
        QStringLiteral("CALL branchvault.reveal($1, $2, $3::text[], $4, NULL, NULL, NULL)"),
        {ServerValue::number(requestId), ServerValue::text(number), ServerValue::textArray(fields),
            ServerValue::text(m_session.workstation())},
        what);
    if (!shown.ok())
        return shown.error();
    const auto names = shown->isEmpty() ? std::nullopt : shown->array(0, 0);
    const auto generations = shown->isEmpty() ? std::nullopt : shown->array(0, 1);
    const auto sealed = shown->isEmpty() ? std::nullopt : shown->array(0, 2);
    if (!names || !generations || !sealed || names->size() != sealed->size() || names->size() != generations->size())
        return Error {ErrorCode::Damaged, tr("The branch server's answer to %1 cannot be read.").arg(what), {}, {}};
    const FieldCipher cipher(m_session.keys().clone());
    const QString accountField = QString::fromLatin1(fields::AccountNumber);
    static const QRegularExpression accountLabel(QStringLiteral("^account_number:[1-9][0-9]{0,18}$"));
    QHash<QString, QString> values;
    for (qsizetype i = 0; i < names->size(); ++i) {
        const QString shownAs = QString::fromUtf8(names->at(i));
        // only what was asked for, each once: an account number as account_number:<id>, one per account
        const bool account = accountLabel.match(shownAs).hasMatch();
        const QString field = account ? accountField : shownAs;
        if (!fields.contains(field) || (!account && field == accountField) || values.contains(shownAs))
            return Error {ErrorCode::Damaged,
                tr("The branch server's answer to %1 holds a value that was not asked for. Nothing is shown. Report "
                   "it to the information-security office.")
                    .arg(what),
                {}, {}};
        if (generations->at(i).toInt() != cipher.generation())
            return Error {ErrorCode::Damaged,
                tr("A value the branch server returned for customer %1 (field %2) was sealed with key generation %3, "
                   "but the branch's keys here are generation %4. Nothing is shown. Report it to the administrator: "
                   "the server's keys and its values do not match.")
                    .arg(number, field, QString::fromLatin1(generations->at(i)))
                    .arg(cipher.generation()),
                {}, {}};
        auto plain = cipher.open(sealed->at(i), associatedData(number, field));
        if (!plain.ok()) {
            Error failed = plain.error();
            failed.message = tr("A value the branch server returned for customer %1 (field %2) does not open with "
                                "this branch's key: it was changed or moved on the server. Nothing is shown. Report it "
                                "to the information-security office.")
                                 .arg(number, field);
            return failed;
        }
        values.insert(shownAs, *plain);
    }
    return values;
}

} // namespace bv
