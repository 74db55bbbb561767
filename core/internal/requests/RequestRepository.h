#pragma once

#include "core/internal/InternalOnly.h"

#include "core/common/Result.h"
#include "core/internal/requests/RequestSupport.h"
#include "core/requests/RequestService.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace bv {

class Connection;

// Every statement of the requests area (docs/ARCHITECTURE.md, "Storage seam"): the requests table and its
// request_customers rows. RequestService keeps the rules (who may file, decide, withdraw; the validity limit;
// expiry), the audit rows and the transaction boundaries; the callers run the decisions and the uses of grants
// inside their Transaction. Types and statuses are read and written as their stored keys. Internal to core.
class RequestRepository
{
public:
    explicit RequestRepository(Connection& db);

    // A request as stored: every field of Request but the type and the status, which come as their stored keys
    // (RequestService decodes them and computes Expired).
    struct Stored
    {
        Request request;
        QString type;
        QString status;
    };
    // Request `id` (an empty list when there is none).
    Result<QList<Stored>> byId(qint64 id);
    // Newest first. With `requesterId`: only that requester's (none: everyone's); `openAt` valid: only the requests
    // still open at that time (pending, or approved and valid beyond it).
    Result<QList<Stored>> list(std::optional<qint64> requesterId, const QDateTime& openAt);

    // A new pending request; returns its id.
    Result<qint64> insert(qint64 requesterId, const QString& type, const requests_internal::Scope& scope,
        const QString& purpose, int validityHours, const QDateTime& createdAt);
    Status addCustomer(qint64 requestId, qint64 customerId);

    // The decisions. Each changes request `id` only while it is in the state the decision needs (pending; for a
    // revocation approved and valid after `at`) and returns whether exactly one row changed.
    Result<bool> approve(qint64 id, qint64 by, const QDateTime& at, const QString& reason, const QDateTime& validUntil);
    Result<bool> reject(qint64 id, qint64 by, const QDateTime& at, const QString& reason);
    Result<bool> revoke(qint64 id, qint64 by, const QDateTime& at, const QString& reason);
    Result<bool> withdraw(qint64 id);

    // An approved request of `requesterId` of type `type`, live at `now`, naming `customerId` (0: naming no
    // customer).
    struct Live
    {
        qint64 id = 0;
        QDateTime validUntil;
        qint64 decidedBy = 0;
        requests_internal::Scope scope;
    };
    // Latest validity first, or (latestFirst false) the one that runs out first.
    Result<QList<Live>> live(
        qint64 requesterId, const QString& type, qint64 customerId, const QDateTime& now, bool latestFirst);
    // The scope of request `id` when it is still such a live request naming `customerId`; nullopt otherwise.
    Result<std::optional<requests_internal::Scope>> liveScope(
        qint64 id, qint64 requesterId, const QString& type, qint64 customerId, const QDateTime& now);
    // Marks a live single-use grant used at `now` (by `usedFor`, may be empty); whether exactly one row changed.
    Result<bool> markUsed(qint64 id, const QDateTime& now, const QString& usedFor);
    // Makes a print or export grant of `requesterId` that the print `serial` used approved again, while still valid
    // at `now`; whether exactly one row changed.
    Result<bool> release(qint64 id, qint64 requesterId, const QString& serial, const QDateTime& now);

private:
    Result<QList<Stored>> select(const QString& where, const QVariantList& values);
    Result<bool> changedOne(const QString& sql, const QVariantList& values);

    Connection& m_db;
};

} // namespace bv
