#pragma once

#include "core/auth/Session.h"
#include "core/common/Clock.h"
#include "core/common/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>

#include <optional>

namespace bv {

class AccessControl;
class AuditLog;
class Core;
class CustomerService;
class Database;
class FieldCipher;

// The forms whose half-typed content survives a lock or a sign-out.
enum class DraftForm
{
    NewCustomer, // subject: empty
    EditCustomer, // subject: the customer number
    ServiceRecord, // subject: the customer number
    Complaint, // subject: the customer number
};

// The one text mapping of the form kinds (database and audit log).
class DraftForms
{
public:
    static QString key(DraftForm form); // "customer_new", "customer_edit", "service_record", "complaint"
    static std::optional<DraftForm> fromKey(const QString& key);
};

// One of the author's own drafts, as listed: what it is and when it was kept, never its content.
struct DraftInfo
{
    qint64 id = 0;
    DraftForm form = DraftForm::NewCustomer;
    QString subject; // customer number (grade 3) or empty
    QDateTime savedAt; // UTC
    QDateTime expiresAt; // UTC
};

// Drafts (issue 13): a form being filled in when its author's session locks or signs out is kept, sealed with
// the customer-information key (FieldCipher, like a grade-1 value, in sealed_value under owner_kind "draft"),
// for that author only, and offered again after the same person unlocks or signs in.
//
// - Save while the session is still open: the front end saves right before it asks AuthService to lock or sign
//   out (and when it warns of the idle lock), because a locked session holds no key to seal with.
// - One draft per author, form and customer: saving again replaces it.
// - Permissions: saving, restoring and discarding a draft need the permission of its form (CreateCustomer,
//   EditCustomer, RecordService, ManageComplaints); listing needs EditCustomer (the roles that fill customer
//   forms: branch manager and customer manager). A draft about a customer is restored only while its author
//   may still work on that customer with that form (CustomerServiceInternals::scoped: reassigned meanwhile, it is
//   "not your customer", audited as a refusal).
// - Only the author lists, restores and discards a draft; anyone else gets "not found" for its id and sees no
//   trace of it in any list, count, report or export. The audit rows (draft.save, draft.restore, draft.discard,
//   draft.expire) name the form kind only, never the content or the customer.
// - A draft is deleted when its form is saved (discardFor), when the author discards it, and kLifetimeDays after
//   it was kept (purgeExpired: at every listing and in the daily jobs); an expired draft is never offered.
// - The content is an opaque text of the front end (its own JSON); at most kMaxContentLength characters.
class DraftService
{
    Q_DECLARE_TR_FUNCTIONS(DraftService)
public:
    static constexpr int kLifetimeDays = 7;
    static constexpr int kMaxContentLength = 200000;

    DraftService(Database& db, FieldCipher& cipher, AuditLog& audit, AccessControl& access, const Clock& clock,
        CustomerService& customers);
    // The service over a Core's database, customer-information cipher, audit log, access control and clock. It
    // holds nothing of its own, so front ends make one where they need it.
    static DraftService forCore(Core& core);

    // Keeps (or replaces) the author's draft of `form` about `subject`. Audited (draft.save).
    Result<DraftInfo> save(const Session& session, DraftForm form, const QString& subject, const QString& content);
    // The author's own drafts that have not expired, newest first. Not audited (it shows no content).
    Result<QList<DraftInfo>> list(const Session& session);
    // The content of one of the author's drafts (audited, draft.restore). The draft stays until the form is saved
    // or the draft is discarded, so a restored form that is locked again is not lost.
    Result<QString> restore(const Session& session, qint64 draftId);
    // Deletes one of the author's drafts (audited, draft.discard).
    Status discard(const Session& session, qint64 draftId);
    // After the form was saved or cleared: deletes the author's draft of that form, if there is one (audited
    // when there was one). `saved`: why, for the audit row ("saved" or "discarded").
    Status discardFor(const Session& session, DraftForm form, const QString& subject, bool saved);
    // Deletes every draft kept more than kLifetimeDays ago (a system job; audited with the count when any).
    Result<int> purgeExpired();

private:
    Result<DraftInfo> ownDraft(const Actor& actor, qint64 draftId);
    Status removeRow(qint64 draftId);

    Database& m_db;
    FieldCipher& m_cipher;
    AuditLog& m_audit;
    AccessControl& m_access;
    const Clock& m_clock;
    CustomerService& m_customers;
};

} // namespace bv
