#pragma once

#include "core/common/Result.h"
#include "core/drafts/DraftService.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace bv {

class ServerSession;

// Drafts over the branch server (docs/SERVER.md, "Drafts over the server"; migration 25): local mode's DraftService
// for a signed-in ServerSession. What the branch manager or customer manager was typing into the new-customer form
// when the session ends (the idle time, a sign-out) is sealed here with the branch's customer-information key
// (XChaCha20-Poly1305; associated data "bv-draft1|staff id|login|form|subject|token", the token random per save) and
// kept on the server for its author, which holds who, which form and when — never what was typed. It is offered at
// the author's next sign-in, at any workstation of the branch, for 7 days. The server writes local mode's rows
// (draft.save, draft.restore before the content leaves, draft.discard, draft.expire) and refuses every other role
// and every other author. Only the new-customer form is kept over the server for now; the other forms are refused
// (InvalidInput) before anything is sent.
class ServerDrafts
{
    Q_DECLARE_TR_FUNCTIONS(ServerDrafts)
public:
    explicit ServerDrafts(ServerSession& session);

    // The forms kept over the server.
    static bool keeps(DraftForm form, const QString& subject);

    Result<DraftInfo> save(DraftForm form, const QString& subject, const QString& content);
    // The author's own drafts that have not expired, newest first.
    Result<QList<DraftInfo>> list();
    // The content of one of the author's drafts (recorded on the server before it is sent); NotFound when it was
    // discarded, expired or is not the caller's.
    Result<QString> restore(qint64 draftId);
    // NotFound when there is no such draft of the caller's.
    Status discard(qint64 draftId);
    // After the form was saved (`saved`) or cleared: the author's draft of it, if any.
    Status discardFor(DraftForm form, const QString& subject, bool saved);

private:
    Status mayKeep() const;
    QByteArray boundTo(DraftForm form, const QString& subject, const QString& token) const;

    ServerSession& m_session;
};

} // namespace bv
