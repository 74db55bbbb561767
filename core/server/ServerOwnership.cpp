#include "core/server/ServerOwnership.h"

#include "core/customers/rules/WorkingCalendar.h"
#include "core/internal/common/TextLength.h"
#include "core/internal/server/ServerConnection.h"
#include "core/internal/server/ServerSealing.h"
#include "core/internal/server/ServerSessionInternals.h"
#include "core/policy/FieldCatalogue.h"
#include "core/policy/FreeText.h"
#include "core/policy/Statuses.h"
#include "core/server/ServerSession.h"

#include <QJsonObject>
#include <QRegularExpression>

namespace bv {

namespace {

QDate branchToday()
{
    return QDateTime::currentDateTimeUtc().toTimeZone(WorkingCalendar::branchTimeZone()).date();
}

} // namespace

QString ServerOwnership::kindKey(Kind kind)
{
    switch (kind) {
    case Kind::Assign:
        return QStringLiteral("assign");
    case Kind::Transfer:
        return QStringLiteral("transfer");
    case Kind::Custody:
        return QStringLiteral("custody");
    case Kind::Return:
        return QStringLiteral("return");
    case Kind::Reclaim:
        return QStringLiteral("reclaim");
    }
    return QString();
}

std::optional<ServerOwnership::Kind> ServerOwnership::kindFromKey(const QString& key)
{
    for (Kind kind : {Kind::Assign, Kind::Transfer, Kind::Custody, Kind::Return, Kind::Reclaim})
        if (kindKey(kind) == key)
            return kind;
    return std::nullopt;
}

QString ServerOwnership::kindLabel(Kind kind)
{
    switch (kind) {
    case Kind::Assign:
        return tr("Assign");
    case Kind::Transfer:
        return tr("Transfer");
    case Kind::Custody:
        return tr("Custody");
    case Kind::Return:
        return tr("Return from custody");
    case Kind::Reclaim:
        return tr("Reclaim");
    }
    return QString();
}

bool ServerOwnership::needsReason(Kind kind)
{
    return kind == Kind::Transfer || kind == Kind::Custody || kind == Kind::Reclaim;
}

bool ServerOwnership::needsManager(Kind kind)
{
    return kind != Kind::Return;
}

ServerOwnership::ServerOwnership(ServerSession& session)
    : m_session(session)
{
}

Status ServerOwnership::assign(const QString& customerNo, const QString& managerLogin, const QString& reason)
{
    return move(Kind::Assign, customerNo, managerLogin, QDate(), reason);
}

Status ServerOwnership::transfer(const QString& customerNo, const QString& managerLogin, const QString& reason)
{
    return move(Kind::Transfer, customerNo, managerLogin, QDate(), reason);
}

Status ServerOwnership::custody(
    const QString& customerNo, const QString& managerLogin, const QDate& until, const QString& reason)
{
    return move(Kind::Custody, customerNo, managerLogin, until, reason);
}

Status ServerOwnership::endCustody(const QString& customerNo)
{
    return move(Kind::Return, customerNo, QString(), QDate(), QString());
}

Status ServerOwnership::reclaim(const QString& customerNo, const QString& managerLogin, const QString& reason)
{
    return move(Kind::Reclaim, customerNo, managerLogin, QDate(), reason);
}

Status ServerOwnership::move(
    Kind kind, const QString& customerNo, const QString& managerLogin, const QDate& until, const QString& reason)
{
    const QString number = customerNo.trimmed().toUpper();
    if (number.isEmpty())
        return makeError(
            ErrorCode::InvalidInput, tr("Give the customer number."), QString(), QStringLiteral("customer"));
    // the checks local mode makes before its transaction, with its wording; the server makes them again
    const QString why = reason.trimmed();
    BV_TRY(CustomerOwnership::checkReason(why, needsReason(kind)));
    // the reason is stored on the server: no ID, mobile or card number in it
    if (const QList<FreeTextFinding> findings = FreeText::check(why); !findings.isEmpty())
        return FreeText::refusal(findings, QStringLiteral("reason"), tr("The reason"));
    const QString login = managerLogin.trimmed();
    if (needsManager(kind) && login.isEmpty())
        return makeError(ErrorCode::InvalidInput, tr("Choose the customer manager who is to take the customer."),
            QString(), QString::fromLatin1(fields::Manager));
    if (kind == Kind::Custody) {
        // the branch's date decides, as on the server (branch time UTC+8); the server checks again
        BV_TRY(CustomerOwnership::checkCustodyEnd(until, branchToday()));
    }

    auto done = ServerSessionInternals::connection(m_session).run(
        QStringLiteral("SELECT branchvault.customer_assign($1, $2, $3, $4::date, $5, $6)"),
        {ServerValue::text(number), ServerValue::text(kindKey(kind)),
            needsManager(kind) ? ServerValue::text(login) : ServerValue::none(),
            kind == Kind::Custody ? ServerValue::text(until.toString(Qt::ISODate)) : ServerValue::none(),
            why.isEmpty() ? ServerValue::none() : ServerValue::text(why),
            ServerValue::text(ServerSessionInternals::workstation(m_session))},
        tr("changing the customer manager of customer %1").arg(number));
    if (!done.ok())
        return refusal(done.error(), kind, number);
    return {};
}

Error ServerOwnership::refusal(const Error& error, Kind kind, const QString& customerNo)
{
    Error worded = error;
    switch (error.code) {
    case ErrorCode::PermissionDenied:
        worded.message = tr("Only a branch manager gives customers to customer managers. Ask the branch manager to "
                            "make this change.");
        break;
    case ErrorCode::InvalidInput: {
        static const QRegularExpression named(QStringLiteral("field \"([a-z_]+)\""));
        const QString field = named.match(error.detail).captured(1);
        worded.field = field;
        if (field == QLatin1String("manager"))
            worded.message = kind == Kind::Custody
                ? tr("The branch server refused the customer manager: the custodian must be another active customer "
                     "manager account of this branch than the customer's own (the server's reason follows). Choose "
                     "another customer manager.")
                : tr("The branch server refused the customer manager: it must be an active customer manager account "
                     "of this branch (the server's reason follows). Choose another customer manager.");
        else if (field == QLatin1String("until"))
            worded.message = tr("The custody end date must be today or a later date, at most %n days ahead (branch "
                                "time). Choose the last day of the custody.",
                nullptr, kMaxCustodyDays);
        else if (field == QLatin1String("reason"))
            worded.message = tr("The branch server refused the reason (its reason follows). Correct the reason and "
                                "try again.");
        break;
    }
    case ErrorCode::Conflict:
        // the server's BV409 says what the customer's state is now (no active customer manager, already held by
        // the account, not in custody, closed) or that someone changed it first
        worded.message
            = tr("The branch server refused \"%1\" for customer %2: it does not fit the customer's state now "
                 "(the server's reason follows). Reload the customer and choose the change that fits it.")
                  .arg(kindLabel(kind), customerNo);
        break;
    default:
        break;
    }
    return worded;
}

Result<QList<CustomerListRow>> ServerOwnership::reassignmentList()
{
    const QString what = tr("reading the reassignment list");
    auto rows = ServerSessionInternals::connection(m_session).readCommitted("reassignment_page", {},
        ServerSessionInternals::workstation(m_session),
        QStringLiteral("customer_no, masked_name, status, restricted, tier, age_band, created_at, holder_login"), what);
    if (!rows.ok()) {
        if (rows.error().code == ErrorCode::PermissionDenied) {
            Error worded = rows.error();
            worded.message = tr("Only a branch manager reads the reassignment list.");
            return worded;
        }
        return rows.error();
    }
    QList<CustomerListRow> out;
    for (int r = 0; r < rows->count(); ++r) {
        auto row = serverentry::listRow(*rows, r, what);
        if (!row.ok())
            return row.error();
        row->managerName = rows->text(r, 7);
        out << *row;
    }
    return out;
}

Result<QStringList> ServerOwnership::customerManagers()
{
    auto choices = customerManagerChoices();
    if (!choices.ok())
        return choices.error();
    QStringList logins;
    for (const auto& [id, login] : std::as_const(*choices))
        logins << login;
    return logins;
}

Result<QList<std::pair<qint64, QString>>> ServerOwnership::customerManagerChoices()
{
    auto rows = ServerSessionInternals::connection(m_session).run(
        QStringLiteral("SELECT id, login FROM branchvault.customer_manager_list()"), {},
        tr("listing the branch's customer managers"));
    if (!rows.ok())
        return rows.error();
    QList<std::pair<qint64, QString>> choices;
    for (int r = 0; r < rows->count(); ++r)
        choices << std::pair {rows->number(r, 0), rows->text(r, 1)};
    return choices;
}

Result<QList<TierChange>> ServerOwnership::pendingTiers()
{
    const QString what = tr("reading the tier changes");
    auto rows = ServerSessionInternals::connection(m_session).readCommitted("tier_page", {},
        ServerSessionInternals::workstation(m_session),
        QStringLiteral("id, customer_no, from_tier, to_tier, computed_at, status"), what);
    if (!rows.ok()) {
        if (rows.error().code == ErrorCode::PermissionDenied) {
            Error worded = rows.error();
            worded.message = tr("Only a branch manager confirms tier changes.");
            return worded;
        }
        return rows.error();
    }
    QList<TierChange> changes;
    for (int r = 0; r < rows->count(); ++r) {
        auto status = statusFromKey<TierChangeStatus>(rows->text(r, 5));
        if (!status)
            return Error {ErrorCode::Damaged,
                tr("The branch server sent a tier change in an unknown state (%1) while %2. Ask the administrator to "
                   "check the server's set-up.")
                    .arg(rows->text(r, 5).left(32), what),
                {}, {}};
        changes << TierChange {rows->number(r, 0), rows->text(r, 1), rows->text(r, 2), rows->text(r, 3),
            serverentry::serverTime(rows->text(r, 4)), *status};
    }
    return changes;
}

Status ServerOwnership::confirmTier(qint64 tierChangeId)
{
    return decideTier(tierChangeId, true, QString());
}

Status ServerOwnership::rejectTier(qint64 tierChangeId, const QString& reason)
{
    return decideTier(tierChangeId, false, reason);
}

Status ServerOwnership::decideTier(qint64 tierChangeId, bool confirm, const QString& reason)
{
    // local mode's checks and wording first; the server makes them again
    const QString why = reason.trimmed();
    BV_TRY(CustomerOwnership::checkTierReason(why, confirm));
    // the reason is stored on the server: no ID, mobile or card number in it
    if (const QList<FreeTextFinding> findings = FreeText::check(why); !findings.isEmpty())
        return FreeText::refusal(findings, QStringLiteral("reason"), tr("The reason"));
    auto done = ServerSessionInternals::connection(m_session).run(
        QStringLiteral("SELECT branchvault.tier_decide($1, $2, $3, $4)"),
        {ServerValue::number(tierChangeId), ServerValue::boolean(confirm),
            why.isEmpty() ? ServerValue::none() : ServerValue::text(why),
            ServerValue::text(ServerSessionInternals::workstation(m_session))},
        confirm ? tr("confirming tier change %1").arg(tierChangeId) : tr("rejecting tier change %1").arg(tierChangeId));
    if (done.ok())
        return {};
    Error worded = done.error();
    switch (worded.code) {
    case ErrorCode::PermissionDenied:
        worded.message = tr("Only a branch manager confirms tier changes.");
        break;
    case ErrorCode::NotFound:
        worded.message = tr("There is no tier change %1. Reload the list.").arg(tierChangeId);
        break;
    case ErrorCode::Conflict:
        worded.message = confirm
            ? tr("Tier change %1 cannot be confirmed: it was decided meanwhile, or the customer's assets, tier or "
                 "state changed after it was computed (the server's reason follows). Reload the list; keep the "
                 "current tier if the change no longer fits.")
                  .arg(tierChangeId)
            : tr("Tier change %1 was decided meanwhile, or changed under you (the server's reason follows). Reload the "
                 "list.")
                  .arg(tierChangeId);
        break;
    case ErrorCode::InvalidInput: {
        static const QRegularExpression named(QStringLiteral("field \"([a-z_]+)\""));
        worded.field = named.match(worded.detail).captured(1);
        if (worded.field == QLatin1String("reason"))
            worded.message = tr("The branch server refused the reason (its reason follows). Correct the reason and "
                                "try again.");
        break;
    }
    default:
        break;
    }
    return worded;
}

} // namespace bv
