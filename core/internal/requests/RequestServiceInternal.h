#pragma once

#include "core/internal/InternalOnly.h"

// Internal to core: the grant functions that other core services (customers, reports) call with an actor they
// already authorized. ui/ and app/ do not include this header; a front end files, decides and lists requests
// through the session-taking operations of RequestService.h, and a grant is used only by the service operation
// it allows.

#include "core/requests/RequestService.h"

namespace bv {

class RequestGrants
{
public:
    explicit RequestGrants(RequestService& requests)
        : m_requests(requests)
    {
    }

    // Returns NotFound (no live grant) when nothing in scope is live; does not consume anything.
    Result<Grant> liveGrant(
        const Actor& actor, RequestType type, qint64 customerId, const QString& field = QString()) const
    {
        return m_requests.liveGrant(actor, type, customerId, field);
    }
    // Single-use grants (export/print): finds the live grant for `report` (and customer, if any),
    // marks it used and audits the use, inside the caller's transaction. `usedFor` names the print that
    // used it (its serial), so that releaseGrant can give it back if that print fails.
    Result<Grant> consumeGrant(const Actor& actor, RequestType type, const QString& report, qint64 customerId = 0,
        const QString& usedFor = QString())
    {
        return m_requests.consumeGrant(actor, type, report, customerId, usedFor);
    }
    // Gives back the single-use grant `requestId` that the print `serial` used (consumeGrant with usedFor) when
    // that print failed: the request is approved again, only if the actor filed it, it was used by that print
    // and it is still within its validity. Audited (request.release) inside the caller's transaction. false:
    // nothing to give back (used by another print, never used, or expired since).
    Result<bool> releaseGrant(const Actor& actor, qint64 requestId, const QString& serial)
    {
        return m_requests.releaseGrant(actor, requestId, serial);
    }
    // The live single-use grant consumeGrant would use, without using it (a report's preview).
    Result<Grant> liveReportGrant(
        const Actor& actor, RequestType type, const QString& report, qint64 customerId = 0) const
    {
        return m_requests.liveReportGrant(actor, type, report, customerId);
    }
    // Audits one use of a reusable grant (reveal, restricted access), inside the caller's transaction.
    Status recordUse(const Actor& actor, const Grant& grant, const QString& customerNo, const QStringList& fields)
    {
        return m_requests.recordUse(actor, grant, customerNo, fields);
    }

private:
    RequestService& m_requests;
};

} // namespace bv
