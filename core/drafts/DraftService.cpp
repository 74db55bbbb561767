#include "core/drafts/DraftService.h"

#include "core/Core.h"
#include "core/audit/AuditActions.h"
#include "core/internal/CoreInternal.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/common/TextLength.h"
#include "core/internal/customers/CustomerServiceInternal.h"
#include "core/internal/db/Database.h"
#include "core/internal/db/Transaction.h"
#include "core/internal/drafts/DraftRepository.h"
#include "core/internal/keys/FieldCipher.h"
#include "core/internal/keys/SealedValues.h"
#include "core/internal/policy/AccessControl.h"
#include "core/vault/Vault.h"

#include <QJsonDocument>
#include <QJsonObject>

// Decisions (relied on by tests/core/drafts/tst_drafts.cpp, described in docs/STORAGE.md and docs/AUDIT.md):
//
// - The sealed text is a JSON object {author, form, subject, content}: the associated data binds the ciphertext
//   to its draft row (owner_kind "draft", owner_id = drafts.id, field "form"), and the author, form and subject
//   inside it must equal the row's, so a row whose author_id was changed in the file does not open for anyone.
// - Every save is audited: drafts are kept only at a lock, a sign-out or the idle warning, so this is a few
//   rows a day, and the auditor sees that form content left the screen. Restores and discards are audited too;
//   the expiry job records how many drafts it removed. Details: the form kind (and the reason), nothing else —
//   not the customer number either, so the log says nothing about what the draft holds.
// - Someone else's draft id is answered "not found", exactly like an id that does not exist; the attempt is
//   recorded as a refusal (access.denied) without the author.
// - Listing purges expired drafts first (of every author: the purge is a system job that reads no content).
// - Restoring and discarding one draft check that it is the author's own before anything else (a refusal is
//   recorded on its own, outside any transaction) and again inside the transaction that acts on it, where the
//   check decides: a draft removed or expired in between is "not found".
// - Every statement is in DraftRepository (core/drafts/DraftRepository.cpp); the sealed content goes through
//   SealedValues.

namespace bv {

namespace {

const QString kOwnerKind = QStringLiteral("draft");
const QString kField = QStringLiteral("form");
const QString kObjectType = QStringLiteral("draft");
// the roles that fill customer forms (branch manager, customer manager) list their drafts
constexpr Operation kListOperation = Operation::EditCustomer;
constexpr int kMaxSubjectLength = 32;

Operation operationFor(DraftForm form)
{
    switch (form) {
    case DraftForm::NewCustomer:
        return Operation::CreateCustomer;
    case DraftForm::EditCustomer:
        return Operation::EditCustomer;
    case DraftForm::ServiceRecord:
        return Operation::RecordService;
    case DraftForm::Complaint:
        return Operation::ManageComplaints;
    }
    return Operation::CreateCustomer;
}

// Customer numbers are stored as typed on the form, in capitals; "no customer" is an empty text, never NULL.
QString normalizedSubject(const QString& subject)
{
    const QString normalized = subject.trimmed().toUpper();
    return normalized.isNull() ? QStringLiteral("") : normalized;
}

SealedValues::Key sealedKey(qint64 draftId)
{
    return SealedValues::Key {kOwnerKind, draftId, kField};
}

QString sealedText(const Actor& author, DraftForm form, const QString& subject, const QString& content)
{
    const QJsonObject object {{QStringLiteral("author"), author.userId},
        {QStringLiteral("form"), DraftForms::key(form)}, {QStringLiteral("subject"), subject},
        {QStringLiteral("content"), content}};
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

Error notFound()
{
    return makeError(ErrorCode::NotFound,
        DraftService::tr("This draft does not exist any more (it was restored and saved, discarded, or it expired "
                         "after %n days). Fill in the form again.",
            nullptr, DraftService::kLifetimeDays));
}

// The deciding check, inside the transaction that acts on the draft: it is still there, has not expired, and is
// still the actor's draft of the same form and customer.
Status stillOwn(DraftRepository& repo, const Actor& actor, const DraftInfo& info, const QDateTime& now)
{
    auto row = repo.unexpired(info.id, now);
    if (!row.ok())
        return row.error();
    if (!*row || (*row)->authorId != actor.userId || (*row)->form != DraftForms::key(info.form)
        || (*row)->subject != info.subject)
        return notFound();
    return {};
}

} // namespace

QString DraftForms::key(DraftForm form)
{
    switch (form) {
    case DraftForm::NewCustomer:
        return QStringLiteral("customer_new");
    case DraftForm::EditCustomer:
        return QStringLiteral("customer_edit");
    case DraftForm::ServiceRecord:
        return QStringLiteral("service_record");
    case DraftForm::Complaint:
        return QStringLiteral("complaint");
    }
    return QString();
}

std::optional<DraftForm> DraftForms::fromKey(const QString& key)
{
    for (DraftForm form :
        {DraftForm::NewCustomer, DraftForm::EditCustomer, DraftForm::ServiceRecord, DraftForm::Complaint}) {
        if (DraftForms::key(form) == key)
            return form;
    }
    return std::nullopt;
}

DraftService::DraftService(Database& db, FieldCipher& cipher, AuditLog& audit, AccessControl& access,
    const Clock& clock, CustomerService& customers)
    : m_db(db)
    , m_cipher(cipher)
    , m_audit(audit)
    , m_access(access)
    , m_clock(clock)
    , m_customers(customers)
{
}

DraftService DraftService::forCore(Core& core)
{
    return DraftService(internalsOf(core).database(), core.vault().cipher(), internalsOf(core).auditLog(),
        internalsOf(core).access(), core.clock(), core.customers());
}

Result<DraftInfo> DraftService::save(
    const Session& session, DraftForm form, const QString& subjectInput, const QString& content)
{
    auto actor = m_access.authorize(session, operationFor(form));
    if (!actor.ok())
        return actor.error();
    const QString subject = normalizedSubject(subjectInput);
    const bool needsSubject = form != DraftForm::NewCustomer;
    if (needsSubject == subject.isEmpty() || subject.size() > kMaxSubjectLength)
        return makeError(ErrorCode::InvalidInput,
            needsSubject ? tr("A draft of this form names the customer it is about. Open the customer and try again.")
                         : tr("A draft of a new customer form names no customer."),
            QString(), QStringLiteral("subject"));
    if (content.isEmpty())
        return makeError(ErrorCode::InvalidInput, tr("The form is empty, so there is nothing to keep as a draft."),
            QString(), QStringLiteral("content"));
    if (charCount(content) > kMaxContentLength)
        return makeError(ErrorCode::InvalidInput,
            tr("The form holds more than %1 characters, more than a draft keeps. Save the form instead.")
                .arg(kMaxContentLength),
            QString(), QStringLiteral("content"));
    BV_TRY(m_cipher.checkAvailable());

    const QDateTime now = m_clock.nowUtc();
    DraftInfo info {0, form, subject, now, now.addDays(kLifetimeDays)};
    DraftRepository repo(m_db);
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    auto existing = repo.find(actor->userId, DraftForms::key(form), subject);
    if (!existing.ok())
        return existing.error();
    if (*existing) {
        info.id = **existing;
        BV_TRY(repo.touch(info.id, info.savedAt, info.expiresAt));
    } else {
        auto inserted = repo.insert(actor->userId, DraftForms::key(form), subject, info.savedAt, info.expiresAt);
        if (!inserted.ok())
            return inserted.error();
        info.id = *inserted;
    }
    // no masked form and no blind index: a draft is never shown or found, only opened by its author
    BV_TRY(SealedValues::put(m_db, m_cipher, sealedKey(info.id), sealedText(*actor, form, subject, content),
        QStringLiteral(""), BlindDomain::None));
    BV_TRY(m_audit.append(*actor,
        AuditEvent {QString::fromLatin1(audit::DraftSave), kObjectType, QString::number(info.id), QString(),
            AuditOutcome::Ok, QJsonObject {{QStringLiteral("form"), DraftForms::key(form)}}}));
    BV_TRY(tx.commit());
    return info;
}

Result<QList<DraftInfo>> DraftService::list(const Session& session)
{
    auto actor = m_access.authorize(session, kListOperation);
    if (!actor.ok())
        return actor.error();
    auto purged = purgeExpired();
    if (!purged.ok())
        return purged.error();
    auto rows = DraftRepository(m_db).ofAuthor(actor->userId, m_clock.nowUtc());
    if (!rows.ok())
        return rows.error();
    QList<DraftInfo> drafts;
    for (const DraftRepository::Row& row : std::as_const(*rows)) {
        const auto form = DraftForms::fromKey(row.form);
        if (!form)
            continue;
        drafts.append(DraftInfo {row.id, *form, row.subject, row.savedAt, row.expiresAt});
    }
    return drafts;
}

Result<DraftInfo> DraftService::ownDraft(const Actor& actor, qint64 draftId)
{
    auto row = DraftRepository(m_db).unexpired(draftId, m_clock.nowUtc());
    if (!row.ok())
        return row.error();
    if (!*row)
        return notFound();
    const auto form = DraftForms::fromKey((*row)->form);
    DraftInfo info {
        draftId, form.value_or(DraftForm::NewCustomer), (*row)->subject, (*row)->savedAt, (*row)->expiresAt};
    if ((*row)->authorId != actor.userId || !form) {
        // someone else's draft: recorded as a refusal, answered like a draft that does not exist
        (void)m_access.deny(
            actor, kListOperation, kObjectType, QString::number(draftId), QString(), notFound().message);
        return notFound();
    }
    return info;
}

Result<QString> DraftService::restore(const Session& session, qint64 draftId)
{
    auto actor = m_access.authorize(session, kListOperation);
    if (!actor.ok())
        return actor.error();
    auto info = ownDraft(*actor, draftId);
    if (!info.ok())
        return info.error();
    // A draft about a customer opens only while its author may still work on that customer with the form: one
    // reassigned meanwhile (or restricted, or anonymised) is "not your customer", audited as any refusal.
    if (info->form != DraftForm::NewCustomer) {
        auto scoped
            = CustomerServiceInternals::of(m_customers).scoped(session, operationFor(info->form), info->subject);
        if (!scoped.ok())
            return scoped.error();
    }
    BV_TRY(m_cipher.checkAvailable());
    DraftRepository repo(m_db);
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    BV_TRY(stillOwn(repo, *actor, *info, m_clock.nowUtc()));
    auto opened = SealedValues::open(m_db, m_cipher, sealedKey(draftId));
    if (!opened.ok())
        return opened.error().code == ErrorCode::NotFound ? notFound() : opened.error();
    const QJsonObject object = QJsonDocument::fromJson(opened->toUtf8()).object();
    if (object.value(QStringLiteral("author")).toInteger() != actor->userId
        || object.value(QStringLiteral("form")).toString() != DraftForms::key(info->form)
        || object.value(QStringLiteral("subject")).toString() != info->subject)
        return makeError(ErrorCode::Damaged,
            tr("This draft does not belong to the row it is stored in (the database file was altered). It is not "
               "restored; tell the system administrator."));
    BV_TRY(m_audit.append(*actor,
        AuditEvent {QString::fromLatin1(audit::DraftRestore), kObjectType, QString::number(draftId), QString(),
            AuditOutcome::Ok, QJsonObject {{QStringLiteral("form"), DraftForms::key(info->form)}}}));
    BV_TRY(tx.commit());
    return object.value(QStringLiteral("content")).toString();
}

Status DraftService::removeRow(qint64 draftId)
{
    BV_TRY(SealedValues::removeOwner(m_db, kOwnerKind, draftId));
    return DraftRepository(m_db).remove(draftId);
}

Status DraftService::discard(const Session& session, qint64 draftId)
{
    auto actor = m_access.authorize(session, kListOperation);
    if (!actor.ok())
        return actor.error();
    auto info = ownDraft(*actor, draftId);
    if (!info.ok())
        return info.error();
    DraftRepository repo(m_db);
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    BV_TRY(stillOwn(repo, *actor, *info, m_clock.nowUtc()));
    BV_TRY(removeRow(draftId));
    BV_TRY(m_audit.append(*actor,
        AuditEvent {QString::fromLatin1(audit::DraftDiscard), kObjectType, QString::number(draftId), QString(),
            AuditOutcome::Ok,
            QJsonObject {{QStringLiteral("form"), DraftForms::key(info->form)},
                {QStringLiteral("reason"), QStringLiteral("discarded")}}}));
    return tx.commit();
}

Status DraftService::discardFor(const Session& session, DraftForm form, const QString& subject, bool saved)
{
    auto actor = m_access.authorize(session, operationFor(form));
    if (!actor.ok())
        return actor.error();
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    auto existing = DraftRepository(m_db).find(actor->userId, DraftForms::key(form), normalizedSubject(subject));
    if (!existing.ok())
        return existing.error();
    if (!*existing)
        return {};
    const qint64 id = **existing;
    BV_TRY(removeRow(id));
    BV_TRY(m_audit.append(*actor,
        AuditEvent {QString::fromLatin1(audit::DraftDiscard), kObjectType, QString::number(id), QString(),
            AuditOutcome::Ok,
            QJsonObject {{QStringLiteral("form"), DraftForms::key(form)},
                {QStringLiteral("reason"), saved ? QStringLiteral("saved") : QStringLiteral("discarded")}}}));
    return tx.commit();
}

Result<int> DraftService::purgeExpired()
{
    const QDateTime now = m_clock.nowUtc();
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    auto expired = DraftRepository(m_db).expired(now);
    if (!expired.ok())
        return expired.error();
    const QList<qint64> ids = *expired;
    if (ids.isEmpty())
        return 0;
    for (qint64 id : std::as_const(ids))
        BV_TRY(removeRow(id));
    BV_TRY(m_audit.append(Actor::system(),
        AuditEvent {QString::fromLatin1(audit::DraftExpire), kObjectType, QString(), QString(), AuditOutcome::Ok,
            QJsonObject {
                {QStringLiteral("count"), int(ids.size())}, {QStringLiteral("lifetimeDays"), kLifetimeDays}}}));
    BV_TRY(tx.commit());
    return int(ids.size());
}

} // namespace bv
