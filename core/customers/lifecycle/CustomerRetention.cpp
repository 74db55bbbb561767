#include "core/customers/lifecycle/CustomerRetention.h"

#include "core/audit/AuditActions.h"
#include "core/audit/AuditLog.h"
#include "core/auth/AccountService.h"
#include "core/customers/rules/WorkingCalendar.h"
#include "core/db/Database.h"
#include "core/db/QueryRows.h"
#include "core/db/Transaction.h"
#include "core/internal/common/TextLength.h"
#include "core/internal/customers/CustomerServiceInternal.h"
#include "core/internal/customers/CustomerStoreInternal.h"
#include "core/internal/keys/SealedValues.h"
#include "core/policy/AccessControl.h"
#include "core/policy/FieldCatalogue.h"
#include "core/policy/SettingsService.h"
#include "core/requests/RequestService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlQuery>

namespace bv {

namespace {

const QString kCustomer = QStringLiteral("customer");
const QString kAccount = QStringLiteral("account");
const QString kHistory = QStringLiteral("history");
const QString kChange = QStringLiteral("change");
const QString kReport = QStringLiteral("data_subject");
// Stored as the decision reason of what a closure ends (a pending edit, pending tier changes).
const QString kClosedReason = QStringLiteral("customer closed");
// The history entry of a closure holds its reason under this key (not a customer field of the catalogue).
const QString kCloseReasonKey = QStringLiteral("close_reason");

constexpr qint64 kRetentionFloorYears = 5; // DESIGN §6; SettingsService enforces it too
constexpr int kMaxReasonChars = 500;

QString compact(const QJsonValue& value)
{
    return QString::fromUtf8(value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                                             : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
}

// A stored diff reduced to the names of the fields it touched, each once, in order.
QString fieldNamesOnly(const QString& diffJson)
{
    QJsonArray out;
    QSet<QString> seen;
    for (const QJsonValue& v : QJsonDocument::fromJson(diffJson.toUtf8()).array()) {
        const QString field = v.toObject().value(QStringLiteral("field")).toString();
        if (field.isEmpty() || seen.contains(field))
            continue;
        seen.insert(field);
        out.append(QJsonObject {{QStringLiteral("field"), field}});
    }
    return compact(out);
}

// A field key with both labels, for the printed form (FieldCatalogue is their one source).
QJsonObject labelled(const QString& key)
{
    QJsonObject out {{QStringLiteral("key"), key}};
    if (const FieldSpec* spec = FieldCatalogue::find(key.section(QLatin1Char(':'), 0, 0))) {
        out.insert(QStringLiteral("english"), QString::fromUtf8(spec->english));
        out.insert(QStringLiteral("chinese"), QString::fromUtf8(spec->chinese));
        out.insert(QStringLiteral("grade"), spec->grade);
    } else if (key == kCloseReasonKey) {
        out.insert(QStringLiteral("english"), QStringLiteral("Reason for closing"));
        out.insert(QStringLiteral("chinese"), QStringLiteral("销户原因"));
        out.insert(QStringLiteral("grade"), 2);
    } else {
        out.insert(QStringLiteral("english"), key);
        out.insert(QStringLiteral("chinese"), key);
    }
    return out;
}

QJsonObject fieldValue(const QString& key, const QString& value)
{
    QJsonObject out = labelled(key);
    out.insert(QStringLiteral("value"), value);
    return out;
}

// A stored diff (masked grade-1 values, as kept) with labels.
QJsonArray labelledDiff(const QString& diffJson)
{
    QJsonArray out;
    for (const QJsonValue& v : QJsonDocument::fromJson(diffJson.toUtf8()).array()) {
        const QJsonObject d = v.toObject();
        QJsonObject entry = labelled(d.value(QStringLiteral("field")).toString());
        entry.insert(QStringLiteral("old"), d.value(QStringLiteral("old")).toString());
        entry.insert(QStringLiteral("new"), d.value(QStringLiteral("new")).toString());
        out.append(entry);
    }
    return out;
}

QJsonValue cell(const QSqlQuery& q, int i)
{
    if (q.isNull(i))
        return QJsonValue();
    const QVariant value = q.value(i);
    if (value.typeId() == QMetaType::LongLong || value.typeId() == QMetaType::Int)
        return QJsonValue(value.toLongLong());
    return QJsonValue(value.toString());
}

// Every row of a query as an object with the given keys.
Result<QJsonArray> rowsOf(Database& db, const QString& sql, const QVariantList& values, const QStringList& keys,
    Reading what = Reading::Customers)
{
    auto q = db.query(sql, values);
    if (!q.ok())
        return q.error();
    QJsonArray out;
    while (q->next()) {
        QJsonObject row;
        for (int i = 0; i < keys.size(); ++i)
            row.insert(keys.at(i), cell(*q, i));
        out.append(row);
    }
    BV_TRY(rowsFinished(*q, what));
    return out;
}

Result<QList<qint64>> idsOf(Database& db, const QString& sql, qint64 customerId)
{
    auto q = db.query(sql, {customerId});
    if (!q.ok())
        return q.error();
    QList<qint64> ids;
    while (q->next())
        ids << q->value(0).toLongLong();
    BV_TRY(rowsFinished(*q, Reading::Customers));
    return ids;
}

Result<QList<QPair<qint64, QString>>> diffsOf(Database& db, const QString& sql, qint64 customerId)
{
    auto q = db.query(sql, {customerId});
    if (!q.ok())
        return q.error();
    QList<QPair<qint64, QString>> rows;
    while (q->next())
        rows << qMakePair(q->value(0).toLongLong(), q->value(1).toString());
    BV_TRY(rowsFinished(*q, Reading::Customers));
    return rows;
}

} // namespace

CustomerRetention::CustomerRetention(CustomerServiceInternals& internals)
    : m_internals(internals)
{
}

Status CustomerRetention::close(const Session& session, const QString& customerNo, const QString& reason)
{
    auto scope = m_internals.scoped(session, Operation::CloseCustomer, customerNo);
    if (!scope.ok())
        return scope.error();
    const Actor& actor = scope->actor;
    const CustomerRef& ref = scope->customer;
    if (ref.status != QLatin1String("active"))
        return makeError(ErrorCode::Conflict,
            tr("Customer %1 is %2; only an active customer can be closed.").arg(ref.number, ref.status));
    const QString why = reason.trimmed();
    if (why.isEmpty())
        return makeError(ErrorCode::InvalidInput,
            tr("Give the reason for closing the customer (for example: the customer closed every "
               "account and ended the relationship)."),
            QString(), QStringLiteral("reason"));
    const qsizetype chars = charCount(why);
    if (chars > kMaxReasonChars)
        return makeError(ErrorCode::InvalidInput,
            tr("The reason has %1 characters; at most %2 are allowed. Shorten it.").arg(chars).arg(kMaxReasonChars),
            QString(), QStringLiteral("reason"));

    Database& db = m_internals.database();
    CustomerStore& store = m_internals.store();
    const qint64 years = qMax(
        kRetentionFloorYears, m_internals.settings().integer(QString::fromLatin1(settings::CustomerRetentionYears)));
    const QDateTime now = store.now();
    const QDateTime until = now.addYears(int(years));

    Transaction tx(db);
    if (!tx.ok())
        return tx.error();
    auto closed = db.query(QStringLiteral("UPDATE customers SET status = 'closed', closed_at = ?, retention_until = ?, "
                                          "updated_at = ?, version = version + 1 WHERE id = ? AND status = 'active'"),
        {now, until, now, ref.id});
    if (!closed.ok())
        return closed.error();
    if (closed->numRowsAffected() != 1)
        return makeError(ErrorCode::Conflict,
            tr("Customer %1 changed while it was being closed. Open it again and retry.").arg(ref.number));

    // A pending edit ends with the customer: rejected, its staged grade-1 values erased.
    auto pending = idsOf(db,
        QStringLiteral("SELECT id FROM customer_changes WHERE customer_id = ? AND status = 'pending' "
                       "ORDER BY id"),
        ref.id);
    if (!pending.ok())
        return pending.error();
    for (qint64 changeId : std::as_const(*pending)) {
        BV_TRY(SealedValues::removeOwner(db, kChange, changeId));
        // the checker must not be the maker (a branch manager may have made the edit)
        BV_TRY(db.exec(QStringLiteral("UPDATE customer_changes SET status = 'rejected', checker_id = CASE WHEN "
                                      "maker_id = ? THEN NULL ELSE ? END, decided_at = ?, reason = ? WHERE id = ?"),
            {actor.userId, actor.userId, now, kClosedReason, changeId}));
    }
    auto tiers = db.query(QStringLiteral("UPDATE tier_changes SET status = 'rejected', decided_by = ?, decided_at = ?, "
                                         "reason = ? WHERE customer_id = ? AND status = 'pending'"),
        {actor.userId, now, kClosedReason, ref.id});
    if (!tiers.ok())
        return tiers.error();
    const int endedTiers = tiers->numRowsAffected();

    // The reason is kept with the customer's own history (visible to the same people as grade 2, erased at
    // anonymisation); the audit row gets its length only, as it is free staff text.
    const QJsonArray diff {
        QJsonObject {{QStringLiteral("field"), QString::fromLatin1(fields::Status)},
            {QStringLiteral("old"), QStringLiteral("active")}, {QStringLiteral("new"), QStringLiteral("closed")}},
        QJsonObject {{QStringLiteral("field"), kCloseReasonKey}, {QStringLiteral("old"), QString()},
            {QStringLiteral("new"), why}}};
    BV_TRY(
        db.query(QStringLiteral("INSERT INTO customer_history (customer_id, change_id, at, kind, actor_id, diff_json) "
                                "VALUES (?, NULL, ?, 'close', ?, ?)"),
            {ref.id, now, actor.userId, compact(diff)}));

    QJsonObject details {{QStringLiteral("retention_until"),
                             until.toTimeZone(WorkingCalendar::branchTimeZone()).date().toString(Qt::ISODate)},
        {QStringLiteral("reason_chars"), qint64(chars)}, {QStringLiteral("ended_tier_changes"), endedTiers}};
    if (!pending->isEmpty())
        details.insert(QStringLiteral("ended_change"), pending->constFirst());
    BV_TRY(m_internals.auditLog().append(actor,
        AuditEvent {QString::fromLatin1(audit::CustomerClose), kCustomer, QString::number(ref.id), ref.number,
            AuditOutcome::Ok, details}));
    return tx.commit();
}

Result<int> CustomerRetention::anonymiseDue()
{
    Database& db = m_internals.database();
    const QDateTime now = m_internals.store().now();
    QList<QPair<qint64, QString>> due;
    {
        auto q = db.query(QStringLiteral("SELECT id, customer_no FROM customers WHERE status = 'closed' AND "
                                         "retention_until <= ? ORDER BY retention_until, id"),
            {now});
        if (!q.ok())
            return q.error();
        while (q->next())
            due << qMakePair(q->value(0).toLongLong(), q->value(1).toString());
        BV_TRY(rowsFinished(*q, Reading::Customers));
    }
    int count = 0;
    for (const auto& [id, number] : std::as_const(due)) {
        auto done = anonymise(id, number, now);
        if (!done.ok())
            return done.error();
        if (*done)
            ++count;
    }
    return count;
}

Result<bool> CustomerRetention::anonymise(qint64 customerId, const QString& customerNo, const QDateTime& now)
{
    Database& db = m_internals.database();
    Transaction tx(db);
    if (!tx.ok())
        return tx.error();
    auto marked
        = db.query(QStringLiteral("UPDATE customers SET status = 'anonymised', anonymised_at = ?, updated_at = ?, "
                                  "version = version + 1 WHERE id = ? AND status = 'closed' AND "
                                  "retention_until <= ?"),
            {now, now, customerId, now});
    if (!marked.ok())
        return marked.error();
    if (marked->numRowsAffected() != 1)
        return false; // no longer due: done by an earlier run

    // Grade 1: every sealed value of the customer, its accounts, its history and its changes.
    BV_TRY(SealedValues::removeOwner(db, kCustomer, customerId));
    auto accounts = idsOf(db, QStringLiteral("SELECT id FROM accounts WHERE customer_id = ? ORDER BY id"), customerId);
    if (!accounts.ok())
        return accounts.error();
    // The account rows stay (type, opening date, status: grade 3, for statistics) without their numbers.
    for (qint64 id : std::as_const(*accounts))
        BV_TRY(SealedValues::removeOwner(db, kAccount, id));
    auto history
        = diffsOf(db, QStringLiteral("SELECT id, diff_json FROM customer_history WHERE customer_id = ?"), customerId);
    if (!history.ok())
        return history.error();
    for (const auto& [id, diff] : std::as_const(*history)) {
        BV_TRY(SealedValues::removeOwner(db, kHistory, id));
        BV_TRY(db.exec(
            QStringLiteral("UPDATE customer_history SET diff_json = ? WHERE id = ?"), {fieldNamesOnly(diff), id}));
    }
    auto changes
        = diffsOf(db, QStringLiteral("SELECT id, diff_json FROM customer_changes WHERE customer_id = ?"), customerId);
    if (!changes.ok())
        return changes.error();
    for (const auto& [id, diff] : std::as_const(*changes)) {
        BV_TRY(SealedValues::removeOwner(db, kChange, id));
        BV_TRY(db.exec(QStringLiteral("UPDATE customer_changes SET values_json = '{}', diff_json = ?, reason = NULL "
                                      "WHERE id = ?"),
            {fieldNamesOnly(diff), id}));
    }

    // Grade 2: the profile columns, service and complaint contents, staff reasons written about the customer.
    QHash<QString, QString> cleared;
    for (const QString& field : CustomerStore::columnFields()) {
        const FieldSpec* spec = FieldCatalogue::find(field);
        if (spec && spec->grade == 2)
            cleared.insert(field, QString());
    }
    BV_TRY(m_internals.store().writeColumns(customerId, cleared));
    auto services
        = db.query(QStringLiteral("UPDATE service_records SET content = '' WHERE customer_id = ?"), {customerId});
    if (!services.ok())
        return services.error();
    const int serviceCount = services->numRowsAffected();
    auto complaints
        = db.query(QStringLiteral("UPDATE complaints SET content = '', resolution = CASE WHEN resolution IS "
                                  "NULL THEN NULL ELSE '' END WHERE customer_id = ?"),
            {customerId});
    if (!complaints.ok())
        return complaints.error();
    const int complaintCount = complaints->numRowsAffected();
    BV_TRY(db.exec(QStringLiteral("UPDATE tier_changes SET reason = NULL WHERE customer_id = ?"), {customerId}));
    BV_TRY(
        db.query(QStringLiteral("UPDATE customer_assignments SET reason = NULL WHERE customer_id = ?"), {customerId}));
    BV_TRY(
        db.exec(QStringLiteral("UPDATE suspicious_pairs SET reason = NULL, masked_value = NULL WHERE customer_a = ? OR "
                               "customer_b = ?"),
            {customerId, customerId}));

    BV_TRY(m_internals.auditLog().append(Actor::system(),
        AuditEvent {QString::fromLatin1(audit::CustomerAnonymise), kCustomer, QString::number(customerId), customerNo,
            AuditOutcome::Ok,
            QJsonObject {{QStringLiteral("accounts"), int(accounts->size())},
                {QStringLiteral("history"), int(history->size())}, {QStringLiteral("changes"), int(changes->size())},
                {QStringLiteral("service_records"), serviceCount}, {QStringLiteral("complaints"), complaintCount}}}));
    BV_TRY(tx.commit());
    return true;
}

Result<QJsonObject> CustomerRetention::dataSubjectReport(const Session& session, const QString& customerNo)
{
    auto scope = m_internals.scoped(session, Operation::DataSubjectReport, customerNo);
    if (!scope.ok())
        return scope.error();
    const Actor& actor = scope->actor;
    const CustomerRef& ref = scope->customer;
    if (ref.status == QLatin1String("anonymised") || ref.status == QLatin1String("rejected"))
        return makeError(ErrorCode::Conflict,
            tr("Customer %1 is %2: no personal information about the customer is held any more, so "
               "there is no data-subject report to produce.")
                .arg(ref.number, ref.status));
    RequestGrants* requests = m_internals.grants();
    if (!requests)
        return makeError(ErrorCode::Internal, tr("Special requests are not available, so the report cannot be made."));

    Database& db = m_internals.database();
    {
        Transaction tx(db);
        if (!tx.ok())
            return tx.error();
        auto grant = requests->consumeGrant(actor, RequestType::Export, kReport, ref.id);
        if (!grant.ok() && grant.code() == ErrorCode::NotFound)
            grant = requests->consumeGrant(actor, RequestType::Print, kReport, ref.id);
        if (grant.ok()) {
            auto report = dataSubjectContent(actor, ref, *grant);
            if (!report.ok())
                return report.error();
            QJsonObject details {{QStringLiteral("request"), grant->requestId},
                {QStringLiteral("type"), requestTypeKey(grant->type)}, {QStringLiteral("report"), kReport}};
            for (const char* section : {"accounts", "history", "service_records", "complaints", "consents",
                     "assignments", "requests", "access_log"})
                details.insert(
                    QString::fromLatin1(section), report->value(QString::fromLatin1(section)).toArray().size());
            BV_TRY(m_internals.auditLog().append(actor,
                AuditEvent {QString::fromLatin1(audit::CustomerReport), kCustomer, QString::number(ref.id), ref.number,
                    AuditOutcome::Ok, details}));
            BV_TRY(tx.commit());
            return std::move(report).value();
        }
        if (grant.code() != ErrorCode::NotFound)
            return grant.error();
    } // rolled back: nothing was used
    return m_internals.access().deny(actor, Operation::DataSubjectReport, kCustomer, QString::number(ref.id),
        ref.number,
        tr("The data-subject report of customer %1 holds the customer's personal information in full. File a "
           "special request (type export, report \"data_subject\", customer %1) and wait for the branch "
           "manager's approval; each approval makes one report.")
            .arg(ref.number));
}

Result<QJsonObject> CustomerRetention::dataSubjectContent(
    const Actor& actor, const CustomerRef& ref, const Grant& grant)
{
    Database& db = m_internals.database();
    CustomerStore& store = m_internals.store();
    const qint64 id = ref.id;
    const QDateTime now = store.now();

    auto row = db.query(QStringLiteral("SELECT customer_no, status, branch, restricted, tier, age_band, created_at, "
                                       "updated_at, approved_at, closed_at, retention_until, custody_until "
                                       "FROM customers WHERE id = ?"),
        {id});
    if (!row.ok())
        return row.error();
    if (!row->next()) {
        BV_TRY(rowsFinished(*row, Reading::Customers));
        return makeError(ErrorCode::NotFound, tr("There is no customer %1 any more.").arg(ref.number));
    }

    // Every customer field of the catalogue, grade 1 in full.
    auto gradeOne = store.open(kCustomer, id);
    if (!gradeOne.ok())
        return gradeOne.error();
    auto columns = store.columns(id);
    if (!columns.ok())
        return columns.error();
    QHash<QString, QString> values = *gradeOne;
    for (auto it = columns->cbegin(); it != columns->cend(); ++it)
        values.insert(it.key(), it.value());
    values.insert(QString::fromLatin1(fields::CustomerNo), row->value(0).toString());
    values.insert(QString::fromLatin1(fields::Status), row->value(1).toString());
    values.insert(QString::fromLatin1(fields::Branch), row->value(2).toString());
    values.insert(QString::fromLatin1(fields::Restricted),
        row->value(3).toInt() != 0 ? QStringLiteral("1") : QStringLiteral("0"));
    values.insert(QString::fromLatin1(fields::Tier), row->value(4).toString());
    values.insert(QString::fromLatin1(fields::AgeBand), row->value(5).toString());
    values.insert(QString::fromLatin1(fields::CreatedAt), row->value(6).toString());
    values.insert(QString::fromLatin1(fields::UpdatedAt), row->value(7).toString());
    values.insert(QString::fromLatin1(fields::Manager), m_internals.staffName(ref.managerId));
    QJsonArray fieldList;
    for (const FieldSpec& spec : FieldCatalogue::all()) {
        if (spec.owner != FieldOwner::Customer)
            continue;
        const QString key = QString::fromLatin1(spec.key);
        fieldList.append(fieldValue(key, values.value(key)));
    }
    const QJsonObject dates {{QStringLiteral("created_at"), cell(*row, 6)},
        {QStringLiteral("updated_at"), cell(*row, 7)}, {QStringLiteral("approved_at"), cell(*row, 8)},
        {QStringLiteral("closed_at"), cell(*row, 9)}, {QStringLiteral("retention_until"), cell(*row, 10)},
        {QStringLiteral("custody_until"), cell(*row, 11)}};

    auto accountViews = store.accounts(id, true);
    if (!accountViews.ok())
        return accountViews.error();
    QJsonArray accounts;
    for (const AccountView& a : std::as_const(*accountViews))
        accounts.append(QJsonObject {{QStringLiteral("id"), a.id},
            {QStringLiteral("fields"),
                QJsonArray {fieldValue(QString::fromLatin1(fields::AccountNumber), a.number),
                    fieldValue(QString::fromLatin1(fields::AccountType), a.type),
                    fieldValue(QString::fromLatin1(fields::AccountOpenedOn), a.openedOn.toString(Qt::ISODate)),
                    fieldValue(QString::fromLatin1(fields::AccountStatus), a.status)}}});

    // History and a pending change as stored: grade-1 values masked, grade 2 as entered.
    QJsonArray history;
    {
        auto q
            = db.query(QStringLiteral("SELECT h.at, h.kind, coalesce(u.login, ''), h.diff_json FROM customer_history h "
                                      "LEFT JOIN users u ON u.id = h.actor_id WHERE h.customer_id = ? "
                                      "ORDER BY h.at, h.id"),
                {id});
        if (!q.ok())
            return q.error();
        while (q->next())
            history.append(QJsonObject {{QStringLiteral("at"), q->value(0).toString()},
                {QStringLiteral("kind"), q->value(1).toString()}, {QStringLiteral("by"), q->value(2).toString()},
                {QStringLiteral("changes"), labelledDiff(q->value(3).toString())}});
        BV_TRY(rowsFinished(*q, Reading::Customers));
    }
    QJsonArray pendingChanges;
    {
        auto q = db.query(QStringLiteral("SELECT ch.created_at, ch.kind, coalesce(u.login, ''), ch.diff_json FROM "
                                         "customer_changes ch LEFT JOIN users u ON u.id = ch.maker_id WHERE "
                                         "ch.customer_id = ? AND ch.status = 'pending' ORDER BY ch.id"),
            {id});
        if (!q.ok())
            return q.error();
        while (q->next())
            pendingChanges.append(QJsonObject {{QStringLiteral("at"), q->value(0).toString()},
                {QStringLiteral("kind"), q->value(1).toString()}, {QStringLiteral("by"), q->value(2).toString()},
                {QStringLiteral("changes"), labelledDiff(q->value(3).toString())}});
        BV_TRY(rowsFinished(*q, Reading::Customers));
    }

    auto tierChanges = rowsOf(db,
        QStringLiteral("SELECT from_tier, to_tier, computed_at, status, decided_at FROM "
                       "tier_changes WHERE customer_id = ? ORDER BY computed_at, id"),
        {id},
        {QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("computed_at"), QStringLiteral("status"),
            QStringLiteral("decided_at")});
    if (!tierChanges.ok())
        return tierChanges.error();
    auto services = rowsOf(db,
        QStringLiteral("SELECT s.served_on, s.channel, s.content, coalesce(u.login, ''), "
                       "s.created_at FROM service_records s LEFT JOIN users u ON u.id = s.by_id "
                       "WHERE s.customer_id = ? ORDER BY s.served_on, s.id"),
        {id},
        {QStringLiteral("served_on"), QStringLiteral("channel"), QStringLiteral("content"), QStringLiteral("by"),
            QStringLiteral("created_at")});
    if (!services.ok())
        return services.error();
    auto complaints = rowsOf(db,
        QStringLiteral("SELECT c.received_at, c.channel, c.content, c.status, c.investigate_by, c.answer_by, "
                       "c.investigated_at, c.answered_at, c.resolution, coalesce(r.login, ''), h.login "
                       "FROM complaints c LEFT JOIN users r ON r.id = c.recorded_by LEFT JOIN users h ON "
                       "h.id = c.handled_by WHERE c.customer_id = ? ORDER BY c.received_at, c.id"),
        {id},
        {QStringLiteral("received_at"), QStringLiteral("channel"), QStringLiteral("content"), QStringLiteral("status"),
            QStringLiteral("investigate_by"), QStringLiteral("answer_by"), QStringLiteral("investigated_at"),
            QStringLiteral("answered_at"), QStringLiteral("resolution"), QStringLiteral("recorded_by"),
            QStringLiteral("handled_by")});
    if (!complaints.ok())
        return complaints.error();
    auto consents = rowsOf(db,
        QStringLiteral("SELECT c.purpose, c.action, c.on_date, c.channel, coalesce(u.login, ''), "
                       "c.recorded_at FROM consents c LEFT JOIN users u ON u.id = c.recorded_by "
                       "WHERE c.customer_id = ? ORDER BY c.recorded_at, c.id"),
        {id},
        {QStringLiteral("purpose"), QStringLiteral("action"), QStringLiteral("on_date"), QStringLiteral("channel"),
            QStringLiteral("recorded_by"), QStringLiteral("recorded_at")});
    if (!consents.ok())
        return consents.error();
    // Who was responsible when, as staff logins (staff reasons are internal and not copied).
    auto assignments = rowsOf(db,
        QStringLiteral("SELECT a.at, a.kind, f.login, t.login, a.until, coalesce(b.login, '') "
                       "FROM customer_assignments a LEFT JOIN users f ON f.id = a.from_id "
                       "LEFT JOIN users t ON t.id = a.to_id LEFT JOIN users b ON b.id = a.by_id "
                       "WHERE a.customer_id = ? ORDER BY a.at, a.id"),
        {id},
        {QStringLiteral("at"), QStringLiteral("kind"), QStringLiteral("from"), QStringLiteral("to"),
            QStringLiteral("until"), QStringLiteral("by")});
    if (!assignments.ok())
        return assignments.error();

    // Special requests concerning the customer: type, status, dates, requester — not the purpose text.
    QJsonArray requestList;
    {
        auto q = db.query(QStringLiteral("SELECT r.id, r.type, CASE WHEN r.status = 'approved' AND r.valid_until <= ? "
                                         "THEN 'expired' ELSE r.status END, r.scope, r.created_at, r.decided_at, "
                                         "r.valid_until, r.used_at, coalesce(u.login, '') FROM requests r "
                                         "JOIN request_customers rc ON rc.request_id = r.id LEFT JOIN users u ON "
                                         "u.id = r.requester_id WHERE rc.customer_id = ? ORDER BY r.created_at, r.id"),
            {now, id});
        if (!q.ok())
            return q.error();
        while (q->next()) {
            const QJsonObject scope = QJsonDocument::fromJson(q->value(3).toString().toUtf8()).object();
            requestList.append(QJsonObject {{QStringLiteral("id"), q->value(0).toLongLong()},
                {QStringLiteral("type"), q->value(1).toString()}, {QStringLiteral("status"), q->value(2).toString()},
                {QStringLiteral("report"), scope.value(QStringLiteral("report"))},
                {QStringLiteral("fields"), scope.value(QStringLiteral("fields"))},
                {QStringLiteral("created_at"), cell(*q, 4)}, {QStringLiteral("decided_at"), cell(*q, 5)},
                {QStringLiteral("valid_until"), cell(*q, 6)}, {QStringLiteral("used_at"), cell(*q, 7)},
                {QStringLiteral("requester"), q->value(8).toString()}});
        }
        BV_TRY(rowsFinished(*q, Reading::Requests));
    }
    // Accesses to the customer as the audit log recorded them (read here directly: the auditor's
    // AuditService is not for this).
    auto accessLog = rowsOf(db,
        QStringLiteral("SELECT at, action, role, outcome FROM audit_log WHERE customer_no = ? "
                       "ORDER BY seq"),
        {ref.number},
        {QStringLiteral("at"), QStringLiteral("action"), QStringLiteral("role"), QStringLiteral("outcome")},
        Reading::AuditLog);
    if (!accessLog.ok())
        return accessLog.error();

    auto approver = m_internals.accounts().accountById(grant.approverId);
    return QJsonObject {
        {QStringLiteral("report"), kReport},
        {QStringLiteral("customer_no"), ref.number},
        {QStringLiteral("status"), values.value(QString::fromLatin1(fields::Status))},
        {QStringLiteral("generated_at"), now.toString(Qt::ISODateWithMs)},
        {QStringLiteral("generated_by"), actor.login},
        {QStringLiteral("request"), grant.requestId},
        {QStringLiteral("grant_type"), requestTypeKey(grant.type)},
        {QStringLiteral("approved_by"), approver.ok() ? approver->login : QString()},
        {QStringLiteral("dates"), dates},
        {QStringLiteral("fields"), fieldList},
        {QStringLiteral("accounts"), accounts},
        {QStringLiteral("history"), history},
        {QStringLiteral("pending_changes"), pendingChanges},
        {QStringLiteral("tier_changes"), *tierChanges},
        {QStringLiteral("service_records"), *services},
        {QStringLiteral("complaints"), *complaints},
        {QStringLiteral("consents"), *consents},
        {QStringLiteral("assignments"), *assignments},
        {QStringLiteral("requests"), requestList},
        {QStringLiteral("access_log"), *accessLog},
    };
}

} // namespace bv
