#include "core/server/ServerDrafts.h"

#include "core/auth/Role.h"
#include "core/common/SecureBytes.h"
#include "core/internal/keys/FieldCipher.h"
#include "core/internal/server/ServerConnection.h"
#include "core/internal/server/ServerSealing.h"
#include "core/internal/server/ServerSessionInternals.h"
#include "core/server/ServerSession.h"

#include <QJsonObject>

// Decisions (docs/SERVER.md, "Drafts over the server"; tests/server/tst_serverdrafts.cpp):
//
// - The content is sealed whole, as local mode seals it, but bound to its author by the associated data instead of a
//   JSON wrapper: "bv-draft1|<staff id>|<login>|<form>|<subject>|<token>". A row the server's owner moved to another
//   author, form or token does not open for anyone; a draft sealed under an earlier key generation is refused naming
//   it.
// - The server decides who may keep, read and discard (migration 25); the checks here only avoid sending what it
//   would refuse.

namespace bv {

using serverentry::serverTime;

namespace {

Error notFound()
{
    return makeError(ErrorCode::NotFound,
        ServerDrafts::tr("This draft is no longer kept (it was discarded, or it expired after 7 days). Fill in the "
                         "form again."));
}

} // namespace

ServerDrafts::ServerDrafts(ServerSession& session)
    : m_session(session)
{
}

bool ServerDrafts::keeps(DraftForm form, const QString& subject)
{
    return form == DraftForm::NewCustomer && subject.isEmpty();
}

Status ServerDrafts::mayKeep() const
{
    const ServerSession::Identity& who = m_session.identity();
    if (who.role != Role::Manager && who.role != Role::CustomerManager)
        return makeError(ErrorCode::PermissionDenied,
            tr("Only a branch manager or a customer manager keeps drafts of customer forms."));
    if (who.keys != ServerSession::Keys::Open || !ServerSessionInternals::keys(m_session).isValid())
        return makeError(ErrorCode::SessionLocked,
            tr("The customer-information keys are not open in this session, so no draft can be sealed or opened. "
               "Sign in again."));
    return {};
}

QByteArray ServerDrafts::boundTo(DraftForm form, const QString& subject, const QString& token) const
{
    const ServerSession::Identity& who = m_session.identity();
    return QByteArrayLiteral("bv-draft1|") + QByteArray::number(who.staffId) + '|' + who.login.toUtf8() + '|'
        + DraftForms::key(form).toUtf8() + '|' + subject.toUtf8() + '|' + token.toUtf8();
}

Result<DraftInfo> ServerDrafts::save(DraftForm form, const QString& subject, const QString& content)
{
    BV_TRY(mayKeep());
    if (!keeps(form, subject))
        return makeError(ErrorCode::InvalidInput,
            tr("Only the new-customer form is kept as a draft over the branch server; this form is not."));
    if (content.isEmpty() || content.size() > DraftService::kMaxContentLength)
        return makeError(ErrorCode::InvalidInput,
            tr("A draft holds between 1 and %1 characters.").arg(DraftService::kMaxContentLength));
    const FieldCipher cipher(ServerSessionInternals::keys(m_session).clone());
    const QString token = QString::fromLatin1(SecureBytes::random(16).toHex().view().toByteArray());
    const QByteArray sealed = cipher.seal(content, boundTo(form, subject, token));
    const QString what = tr("keeping the form as a draft");
    auto rows = ServerSessionInternals::connection(m_session).run(
        QStringLiteral("SELECT id, saved_at, expires_at FROM branchvault.draft_save($1, $2, $3, $4, $5, $6)"),
        {ServerValue::text(DraftForms::key(form)), ServerValue::text(QStringLiteral("")), ServerValue::text(token),
            ServerValue::number(cipher.generation()), ServerValue::bytea(sealed),
            ServerValue::text(ServerSessionInternals::workstation(m_session))},
        what);
    if (!rows.ok())
        return rows.error();
    if (rows->count() != 1)
        return Error {ErrorCode::Damaged, tr("The branch server did not confirm %1.").arg(what), {}, {}};
    DraftInfo info;
    info.id = rows->number(0, 0);
    info.form = form;
    info.savedAt = serverTime(rows->text(0, 1));
    info.expiresAt = serverTime(rows->text(0, 2));
    return info;
}

Result<QList<DraftInfo>> ServerDrafts::list()
{
    BV_TRY(mayKeep());
    const QString what = tr("listing your drafts");
    auto rows = ServerSessionInternals::connection(m_session).run(
        QStringLiteral("SELECT id, form, subject, saved_at, expires_at FROM branchvault.draft_page($1)"),
        {ServerValue::text(ServerSessionInternals::workstation(m_session))}, what);
    if (!rows.ok())
        return rows.error();
    QList<DraftInfo> drafts;
    for (int row = 0; row < rows->count(); ++row) {
        const std::optional<DraftForm> form = DraftForms::fromKey(rows->text(row, 1));
        if (!form)
            return Error {ErrorCode::Damaged, serverentry::unknownStatus(what), rows->text(row, 1).left(40), {}};
        DraftInfo info;
        info.id = rows->number(row, 0);
        info.form = *form;
        info.subject = rows->text(row, 2);
        info.savedAt = serverTime(rows->text(row, 3));
        info.expiresAt = serverTime(rows->text(row, 4));
        drafts << info;
    }
    return drafts;
}

Result<QString> ServerDrafts::restore(qint64 draftId)
{
    BV_TRY(mayKeep());
    const QString what = tr("restoring your draft");
    auto rows = ServerSessionInternals::connection(m_session).readCommitted("draft_restore",
        {{QStringLiteral("id"), draftId}}, ServerSessionInternals::workstation(m_session),
        QStringLiteral("id, form, subject, token, generation, sealed"), what);
    if (!rows.ok()) {
        // the server answers another's draft, an expired one and a missing one alike (and records the attempt); any
        // other refusal (the account frozen meanwhile) is passed on as it is
        if (rows.error().code == ErrorCode::PermissionDenied && rows.error().detail.contains(QLatin1String("no draft")))
            return notFound();
        return rows.error();
    }
    if (rows->count() != 1 || rows->number(0, 0) != draftId)
        return Error {ErrorCode::Damaged, tr("The branch server did not confirm %1.").arg(what), {}, {}};
    const std::optional<DraftForm> form = DraftForms::fromKey(rows->text(0, 1));
    if (!form)
        return Error {ErrorCode::Damaged, serverentry::unknownStatus(what), rows->text(0, 1).left(40), {}};
    const FieldCipher cipher(ServerSessionInternals::keys(m_session).clone());
    const int generation = int(rows->number(0, 4));
    if (generation != cipher.generation())
        return makeError(ErrorCode::Damaged,
            tr("This draft was sealed with the branch's customer-information keys of generation %1; the keys open "
               "now are of generation %2. It cannot be restored: fill in the form again and discard the draft.")
                .arg(generation)
                .arg(cipher.generation()));
    auto content
        = cipher.open(QByteArray::fromBase64(rows->bytes(0, 5)), boundTo(*form, rows->text(0, 2), rows->text(0, 3)));
    if (!content.ok())
        return makeError(ErrorCode::Damaged,
            tr("This draft does not open as yours (it was altered or moved on the server). It is not restored; "
               "discard it and tell the information-security office."));
    return *content;
}

Status ServerDrafts::discard(qint64 draftId)
{
    BV_TRY(mayKeep());
    auto rows
        = ServerSessionInternals::connection(m_session).run(QStringLiteral("SELECT branchvault.draft_discard($1, $2)"),
            {ServerValue::number(draftId), ServerValue::text(ServerSessionInternals::workstation(m_session))},
            tr("discarding your draft"));
    if (!rows.ok())
        return rows.error();
    // false: another's, or none (the server recorded the attempt)
    if (rows->count() != 1 || !rows->boolean(0, 0))
        return notFound();
    return {};
}

Status ServerDrafts::discardFor(DraftForm form, const QString& subject, bool saved)
{
    if (!keeps(form, subject))
        return {};
    BV_TRY(mayKeep());
    auto rows = ServerSessionInternals::connection(m_session).run(
        QStringLiteral("SELECT branchvault.draft_discard_for($1, $2, $3, $4)"),
        {ServerValue::text(DraftForms::key(form)), ServerValue::text(QStringLiteral("")), ServerValue::boolean(saved),
            ServerValue::text(ServerSessionInternals::workstation(m_session))},
        tr("discarding the form's draft"));
    if (!rows.ok())
        return rows.error();
    return {};
}

} // namespace bv
