// Special requests (专项事务申请, DESIGN §5): filing, scope rules per role, maker-checker decisions,
// live grants within scope and validity, expiry without anyone acting, single-use export/print grants,
// revocation, withdrawal, and the audit rows every step leaves (never the purpose text).
#include "core/audit/AuditActions.h"
#include "core/internal/CoreInternal.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/db/Database.h"
#include "core/internal/db/Transaction.h"
#include "core/internal/policy/AccessControl.h"
#include "core/internal/policy/SettingsWriter.h"
#include "core/internal/requests/RequestServiceInternal.h"
#include "core/policy/FreeText.h"
#include "core/policy/SettingsService.h"
#include "core/requests/RequestService.h"
#include "tests/testsupport/TestCore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace bv;
using namespace bv::test;

namespace {
const QString kPurpose = QStringLiteral("Customer asked for a certified copy of the account record");
}

class TestRequests : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestCore> t;
    Session m1, m2, cm1, cm2, k1;
    qint64 c1 = 0; // C0001, cm1's customer
    qint64 c2 = 0; // C0002, cm2's customer
    qint64 r1 = 0; // C0003, restricted, cm1's customer

    RequestService& requests() { return t->core->requests(); }
    RequestGrants grants() { return RequestGrants(t->core->requests()); }

    static NewRequest reveal(const QStringList& customers, const QStringList& fields, int hours = 24)
    {
        NewRequest r;
        r.type = RequestType::Reveal;
        r.customerNumbers = customers;
        r.fields = fields;
        r.purpose = kPurpose;
        r.validityHours = hours;
        return r;
    }
    static NewRequest restrictedAccess(const QStringList& customers)
    {
        NewRequest r;
        r.type = RequestType::RestrictedAccess;
        r.customerNumbers = customers;
        r.purpose = kPurpose;
        return r;
    }
    static NewRequest report(RequestType type, const QString& key, const QStringList& customers = {})
    {
        NewRequest r;
        r.type = type;
        r.report = key;
        r.customerNumbers = customers;
        r.purpose = kPurpose;
        return r;
    }

    // The actor a caller service would hold after authorizing the session.
    Actor actorOf(const Session& session)
    {
        auto actor = internalsOf(*t->core).access().authorize(session, Operation::CreateRequest);
        return actor.ok() ? *actor : Actor();
    }

    // Files a request and returns its id (0 on failure, with a warning naming the error).
    qint64 file(const Session& session, const NewRequest& request)
    {
        auto created = requests().create(session, request);
        if (!created.ok()) {
            qWarning("create failed: %s", qPrintable(created.error().fullText()));
            return 0;
        }
        return created->id;
    }

    QList<AuditRow> auditRows(const char* action = nullptr)
    {
        AuditFilter filter;
        if (action)
            filter.action = QString::fromLatin1(action);
        filter.limit = 100000;
        auto rows = internalsOf(*t->core).auditLog().rows(filter);
        return rows.ok() ? *rows : QList<AuditRow>();
    }
    int auditCount(const char* action = nullptr) { return int(auditRows(action).size()); }

    static QJsonObject details(const AuditRow& row) { return QJsonDocument::fromJson(row.details.toUtf8()).object(); }

    RequestStatus statusOf(qint64 id)
    {
        auto request = requests().get(m1.isValid() ? m1 : t->admin, id);
        return request.ok() ? request->status : RequestStatus::Pending;
    }

    // Sessions lock after 5 idle minutes: after moving the clock, sign in again.
    Session again(const QString& login)
    {
        auto session = t->signIn(login);
        return session.ok() ? *session : Session();
    }

private slots:
    void init()
    {
        t = TestCore::create();
        QVERIFY(t);
        m1 = t->addUser(QStringLiteral("m1"), Role::Manager);
        m2 = t->addUser(QStringLiteral("m2"), Role::Manager);
        cm1 = t->addUser(QStringLiteral("cm1"), Role::CustomerManager);
        cm2 = t->addUser(QStringLiteral("cm2"), Role::CustomerManager);
        k1 = t->addUser(QStringLiteral("k1"), Role::Clerk);
        QVERIFY(m1.isValid() && m2.isValid() && cm1.isValid() && cm2.isValid() && k1.isValid());
        c1 = t->insertCustomer(QStringLiteral("C0001"), t->userId(QStringLiteral("cm1")));
        c2 = t->insertCustomer(QStringLiteral("C0002"), t->userId(QStringLiteral("cm2")));
        r1 = t->insertCustomer(QStringLiteral("C0003"), t->userId(QStringLiteral("cm1")), true);
        QVERIFY(c1 > 0 && c2 > 0 && r1 > 0);
    }
    void cleanup() { t.reset(); }

    void revealGrantWorksOnlyWithinItsScope()
    {
        const QDateTime filedAt = t->clock.nowUtc();
        auto created = requests().create(
            cm1, reveal({QStringLiteral(" c0001 ")}, {QStringLiteral("id_number"), QStringLiteral("mobile")}));
        BV_VERIFY_OK(created);
        QCOMPARE(created->status, RequestStatus::Pending);
        QCOMPARE(created->requesterLogin, QStringLiteral("cm1"));
        QCOMPARE(created->customerNumbers, QStringList {QStringLiteral("C0001")});
        QCOMPARE(created->customerIds, QList<qint64> {c1});
        QCOMPARE(created->fields, (QStringList {QStringLiteral("id_number"), QStringLiteral("mobile")}));
        QCOMPARE(created->purpose, kPurpose);
        QCOMPARE(created->validityHours, 24);
        QCOMPARE(created->createdAt, filedAt);
        const qint64 id = created->id;

        const Actor cm1Actor = actorOf(cm1);
        // pending is not a grant
        BV_COMPARE_CODE(
            grants().liveGrant(cm1Actor, RequestType::Reveal, c1, QStringLiteral("id_number")), ErrorCode::NotFound);

        t->clock.advanceSecs(60);
        BV_VERIFY_OK(requests().approve(m1, id, QStringLiteral("Customer present at the counter")));
        auto approved = requests().get(cm1, id);
        BV_VERIFY_OK(approved);
        QCOMPARE(approved->status, RequestStatus::Approved);
        QCOMPARE(approved->decidedByLogin, QStringLiteral("m1"));
        QCOMPARE(approved->decidedBy, t->userId(QStringLiteral("m1")));
        QCOMPARE(approved->decisionReason, QStringLiteral("Customer present at the counter"));
        QCOMPARE(approved->validFrom, filedAt.addSecs(60));
        QCOMPARE(approved->validUntil, filedAt.addSecs(60 + 24 * 3600));

        auto grant = grants().liveGrant(cm1Actor, RequestType::Reveal, c1, QStringLiteral("id_number"));
        BV_VERIFY_OK(grant);
        QCOMPARE(grant->requestId, id);
        QCOMPARE(grant->type, RequestType::Reveal);
        QCOMPARE(grant->approverId, t->userId(QStringLiteral("m1")));
        QCOMPARE(grant->validUntil, approved->validUntil);
        BV_VERIFY_OK(grants().liveGrant(cm1Actor, RequestType::Reveal, c1, QStringLiteral("mobile")));

        // another field, another customer, another actor, another type: nothing
        auto otherField = grants().liveGrant(cm1Actor, RequestType::Reveal, c1, QStringLiteral("email"));
        BV_COMPARE_CODE(otherField, ErrorCode::NotFound);
        QVERIFY2(otherField.error().message.contains(QStringLiteral("File a special request")),
            qPrintable(otherField.error().message));
        BV_COMPARE_CODE(
            grants().liveGrant(cm1Actor, RequestType::Reveal, c2, QStringLiteral("id_number")), ErrorCode::NotFound);
        BV_COMPARE_CODE(grants().liveGrant(actorOf(cm2), RequestType::Reveal, c1, QStringLiteral("id_number")),
            ErrorCode::NotFound);
        BV_COMPARE_CODE(
            grants().liveGrant(actorOf(m2), RequestType::Reveal, c1, QStringLiteral("id_number")), ErrorCode::NotFound);
        BV_COMPARE_CODE(grants().liveGrant(cm1Actor, RequestType::RestrictedAccess, c1), ErrorCode::NotFound);
        BV_COMPARE_CODE(grants().liveGrant(cm1Actor, RequestType::Export, c1), ErrorCode::NotFound);
        BV_COMPARE_CODE(grants().liveGrant(cm1Actor, RequestType::Print, c1), ErrorCode::NotFound);
    }

    void liveGrantPicksTheLatestValidity()
    {
        const qint64 shortId = file(cm1, reveal({QStringLiteral("C0001")}, {QStringLiteral("name")}, 2));
        const qint64 longId = file(cm1, reveal({QStringLiteral("C0001")}, {QStringLiteral("name")}, 10));
        QVERIFY(shortId > 0 && longId > 0);
        BV_VERIFY_OK(requests().approve(m1, longId, QStringLiteral("checked")));
        BV_VERIFY_OK(requests().approve(m1, shortId, QStringLiteral("checked")));
        auto grant = grants().liveGrant(actorOf(cm1), RequestType::Reveal, c1, QStringLiteral("name"));
        BV_VERIFY_OK(grant);
        QCOMPARE(grant->requestId, longId);
        QCOMPARE(grant->validUntil, t->clock.nowUtc().addSecs(10 * 3600));
    }

    void validityIsAtMostSeventyTwoHours()
    {
        auto tooLong = requests().create(cm1, reveal({QStringLiteral("C0001")}, {QStringLiteral("name")}, 73));
        BV_COMPARE_CODE(tooLong, ErrorCode::InvalidInput);
        QCOMPARE(tooLong.error().field, QStringLiteral("validity_hours"));
        QVERIFY2(tooLong.error().message.contains(QStringLiteral("72")), qPrintable(tooLong.error().message));
        BV_COMPARE_CODE(requests().create(cm1, reveal({QStringLiteral("C0001")}, {QStringLiteral("name")}, 0)),
            ErrorCode::InvalidInput);
        auto longest = requests().create(cm1, reveal({QStringLiteral("C0001")}, {QStringLiteral("name")}, 72));
        BV_VERIFY_OK(longest);
        BV_VERIFY_OK(requests().approve(m1, longest->id, QStringLiteral("checked")));
        auto approved = requests().get(m1, longest->id);
        BV_VERIFY_OK(approved);
        QCOMPARE(approved->validFrom.secsTo(approved->validUntil), qint64(72 * 3600));

        // a lower limit set by the administrator applies, and the message names it
        BV_VERIFY_OK(SettingsWriter::setAs(t->core->settings(), Actor::system(),
            QString::fromLatin1(settings::RequestMaxValidityHours), QStringLiteral("24")));
        auto overSetting = requests().create(cm1, reveal({QStringLiteral("C0001")}, {QStringLiteral("name")}, 25));
        BV_COMPARE_CODE(overSetting, ErrorCode::InvalidInput);
        QVERIFY2(overSetting.error().message.contains(QStringLiteral("24")), qPrintable(overSetting.error().message));
        BV_VERIFY_OK(requests().create(cm1, reveal({QStringLiteral("C0001")}, {QStringLiteral("name")}, 24)));
    }

    void grantExpiresWithoutAnyoneActing()
    {
        const qint64 id = file(cm1, reveal({QStringLiteral("C0001")}, {QStringLiteral("address")}, 2));
        QVERIFY(id > 0);
        BV_VERIFY_OK(requests().approve(m1, id, QStringLiteral("checked")));
        const Actor cm1Actor = actorOf(cm1);
        // (list views leave their own rows; what matters is that nothing expires the grant by writing)
        const auto decisionRows
            = [&] { return auditCount("request.") - auditCount(audit::RequestList) + auditCount(audit::GrantUse); };
        const int requestRowsBefore = decisionRows();

        t->clock.advanceSecs(2 * 3600 - 1);
        BV_VERIFY_OK(grants().liveGrant(cm1Actor, RequestType::Reveal, c1, QStringLiteral("address")));
        t->clock.advanceSecs(1);
        BV_COMPARE_CODE(
            grants().liveGrant(cm1Actor, RequestType::Reveal, c1, QStringLiteral("address")), ErrorCode::NotFound);

        const Session cm1Again = again(QStringLiteral("cm1"));
        const Session m1Again = again(QStringLiteral("m1"));
        QVERIFY(cm1Again.isValid() && m1Again.isValid());
        auto all = requests().list(cm1Again);
        BV_VERIFY_OK(all);
        QCOMPARE(int(all->size()), 1);
        QCOMPARE(all->first().id, id);
        QCOMPARE(all->first().status, RequestStatus::Expired);
        QCOMPARE(statusKey(all->first().status), QStringLiteral("expired"));
        auto open = requests().list(cm1Again, true);
        BV_VERIFY_OK(open);
        QVERIFY(open->isEmpty());
        // nothing was written to expire it, and nothing stored says "expired"
        QCOMPARE(decisionRows(), requestRowsBefore);
        auto stored
            = internalsOf(*t->core).database().scalar(QStringLiteral("SELECT status FROM requests WHERE id = ?"), {id});
        BV_VERIFY_OK(stored);
        QCOMPARE(stored->toString(), QStringLiteral("approved"));
        // an expired grant can be neither revoked nor approved again
        auto revoke = requests().revoke(m1Again, id, QStringLiteral("late"));
        BV_COMPARE_CODE(revoke, ErrorCode::Conflict);
        QVERIFY2(revoke.error().message.contains(QStringLiteral("expired")), qPrintable(revoke.error().message));
        BV_COMPARE_CODE(requests().approve(m1Again, id, QStringLiteral("checked")), ErrorCode::Conflict);
    }

    void selfApprovalIsRefused()
    {
        const qint64 id = file(m1, reveal({QStringLiteral("C0002")}, {QStringLiteral("mobile")}));
        QVERIFY(id > 0);
        const int deniedBefore = auditCount(audit::AccessDenied);
        auto self = requests().approve(m1, id, QStringLiteral("urgent"));
        BV_COMPARE_CODE(self, ErrorCode::PermissionDenied);
        QVERIFY2(self.error().message.contains(QStringLiteral("another branch manager"), Qt::CaseInsensitive),
            qPrintable(self.error().message));
        const QList<AuditRow> denied = auditRows(audit::AccessDenied);
        QCOMPARE(int(denied.size()), deniedBefore + 1);
        QCOMPARE(denied.last().login, QStringLiteral("m1"));
        QCOMPARE(denied.last().outcome, QStringLiteral("denied"));
        QCOMPARE(denied.last().objectType, QStringLiteral("request"));
        QCOMPARE(denied.last().objectId, QString::number(id));
        BV_COMPARE_CODE(requests().reject(m1, id, QStringLiteral("never mind")), ErrorCode::PermissionDenied);
        QCOMPARE(auditCount(audit::RequestApprove), 0);
        QCOMPARE(statusOf(id), RequestStatus::Pending);
        BV_COMPARE_CODE(
            grants().liveGrant(actorOf(m1), RequestType::Reveal, c2, QStringLiteral("mobile")), ErrorCode::NotFound);

        // the database refuses it too
        auto backstop = internalsOf(*t->core).database().query(
            QStringLiteral("UPDATE requests SET decided_by = requester_id WHERE id = ?"), {id});
        QVERIFY(!backstop.ok());

        BV_VERIFY_OK(requests().approve(m2, id, QStringLiteral("checked")));
        auto approved = requests().get(m1, id);
        BV_VERIFY_OK(approved);
        QCOMPARE(approved->decidedByLogin, QStringLiteral("m2"));
        BV_VERIFY_OK(grants().liveGrant(actorOf(m1), RequestType::Reveal, c2, QStringLiteral("mobile")));
    }

    void onlyManagersDecide()
    {
        const qint64 id = file(cm1, reveal({QStringLiteral("C0001")}, {QStringLiteral("mobile")}));
        QVERIFY(id > 0);
        BV_COMPARE_CODE(requests().approve(cm2, id, QStringLiteral("checked")), ErrorCode::PermissionDenied);
        BV_COMPARE_CODE(requests().approve(k1, id, QStringLiteral("checked")), ErrorCode::PermissionDenied);
        BV_COMPARE_CODE(requests().approve(t->admin, id, QStringLiteral("checked")), ErrorCode::PermissionDenied);
        BV_COMPARE_CODE(requests().reject(cm1, id, QStringLiteral("no")), ErrorCode::PermissionDenied);
        QCOMPARE(statusOf(id), RequestStatus::Pending);
        BV_COMPARE_CODE(requests().approve(m1, 999999, QStringLiteral("checked")), ErrorCode::NotFound);
    }

    void approveNeedsReason()
    {
        const qint64 id = file(cm1, reveal({QStringLiteral("C0001")}, {QStringLiteral("mobile")}));
        QVERIFY(id > 0);
        for (const QString& blank : {QString(), QStringLiteral("   "), QStringLiteral("\t\n")}) {
            auto refused = requests().approve(m1, id, blank);
            BV_COMPARE_CODE(refused, ErrorCode::InvalidInput);
            QCOMPARE(refused.error().field, QStringLiteral("reason"));
            QVERIFY2(refused.error().message.contains(QStringLiteral("reason")), qPrintable(refused.error().message));
        }
        QCOMPARE(auditCount(audit::RequestApprove), 0);
        QCOMPARE(statusOf(id), RequestStatus::Pending);
        BV_VERIFY_OK(requests().approve(m1, id, QStringLiteral("Customer present with ID card")));
        auto approved = requests().get(cm1, id);
        BV_VERIFY_OK(approved);
        QCOMPARE(approved->decisionReason, QStringLiteral("Customer present with ID card"));
    }

    void restrictedAccessOnlyForOwnCustomersOfACustomerManager()
    {
        // cm2 cannot reach cm1's restricted customer whatever is granted: refused at filing, audited
        const int deniedBefore = auditCount(audit::AccessDenied);
        auto refused = requests().create(cm2, restrictedAccess({QStringLiteral("C0003")}));
        BV_COMPARE_CODE(refused, ErrorCode::PermissionDenied);
        QVERIFY2(refused.error().message.contains(QStringLiteral("C0003")), qPrintable(refused.error().message));
        QVERIFY2(
            refused.error().message.contains(QStringLiteral("not your customer")), qPrintable(refused.error().message));
        QCOMPARE(auditCount(audit::AccessDenied), deniedBefore + 1);
        QCOMPARE(auditCount(audit::RequestCreate), 0);
        // the own manager, the branch manager and the clerk may
        BV_VERIFY_OK(requests().create(cm1, restrictedAccess({QStringLiteral("C0003")})));
        BV_VERIFY_OK(requests().create(m1, restrictedAccess({QStringLiteral("C0003")})));
        BV_VERIFY_OK(requests().create(k1, restrictedAccess({QStringLiteral("C0003")})));
    }

    void purposeWithProtectedNumbersIsRefused()
    {
        NewRequest r = reveal({QStringLiteral("C0001")}, {QStringLiteral("mobile")});
        r.purpose = QStringLiteral("customer called from 13812345678 about card 6222021234567894");
        auto refused = requests().create(cm1, r);
        BV_COMPARE_CODE(refused, ErrorCode::InvalidInput);
        QCOMPARE(refused.error().field, QStringLiteral("purpose"));
        QVERIFY2(
            refused.error().message.contains(QStringLiteral("mobile number")), qPrintable(refused.error().message));
        QVERIFY(!refused.error().message.contains(QStringLiteral("13812345678")));
        auto count = internalsOf(*t->core).database().scalar(QStringLiteral("SELECT count(*) FROM requests"));
        BV_VERIFY_OK(count);
        QCOMPARE(count->toInt(), 0);
        // masked, it is accepted
        r.purpose = FreeText::maskFindings(r.purpose);
        BV_VERIFY_OK(requests().create(cm1, r));
    }

    void purposeLengthCountsCharacters()
    {
        NewRequest r = reveal({QStringLiteral("C0001")}, {QStringLiteral("mobile")});
        r.purpose = QStringLiteral("𠀀").repeated(500); // 500 characters, 1000 UTF-16 units
        BV_VERIFY_OK(requests().create(cm1, r));
        r.purpose = QStringLiteral("𠀀").repeated(501);
        BV_COMPARE_CODE(requests().create(cm1, r), ErrorCode::InvalidInput);
    }

    void requestListsAreAudited()
    {
        QVERIFY(file(cm1, reveal({QStringLiteral("C0001")}, {QStringLiteral("name")})) > 0);
        BV_VERIFY_OK(requests().list(cm1));
        BV_VERIFY_OK(requests().list(m1, true));
        const QList<AuditRow> rows = auditRows(audit::RequestList);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).login, QStringLiteral("cm1"));
        QCOMPARE(details(rows.at(0)).value(QStringLiteral("scope")).toString(), QStringLiteral("own"));
        QCOMPARE(details(rows.at(0)).value(QStringLiteral("onlyOpen")).toBool(), false);
        QCOMPARE(rows.at(1).login, QStringLiteral("m1"));
        QCOMPARE(details(rows.at(1)).value(QStringLiteral("scope")).toString(), QStringLiteral("all"));
        QCOMPARE(details(rows.at(1)).value(QStringLiteral("onlyOpen")).toBool(), true);
        for (const AuditRow& row : rows)
            QVERIFY(!row.details.contains(kPurpose));
    }

    void rejectNeedsReasonAndLeavesNoGrant()
    {
        const qint64 id = file(cm1, reveal({QStringLiteral("C0001")}, {QStringLiteral("id_number")}));
        QVERIFY(id > 0);
        auto noReason = requests().reject(m1, id, QStringLiteral("   "));
        BV_COMPARE_CODE(noReason, ErrorCode::InvalidInput);
        QCOMPARE(noReason.error().field, QStringLiteral("reason"));
        QCOMPARE(auditCount(audit::RequestReject), 0);
        BV_VERIFY_OK(requests().reject(m1, id, QStringLiteral("The masked number is enough for this purpose")));
        auto rejected = requests().get(cm1, id);
        BV_VERIFY_OK(rejected);
        QCOMPARE(rejected->status, RequestStatus::Rejected);
        QCOMPARE(rejected->decisionReason, QStringLiteral("The masked number is enough for this purpose"));
        QCOMPARE(rejected->decidedByLogin, QStringLiteral("m1"));
        QVERIFY(!rejected->validUntil.isValid());
        BV_COMPARE_CODE(grants().liveGrant(actorOf(cm1), RequestType::Reveal, c1, QStringLiteral("id_number")),
            ErrorCode::NotFound);
        auto approveLater = requests().approve(m2, id, QStringLiteral("checked"));
        BV_COMPARE_CODE(approveLater, ErrorCode::Conflict);
        QVERIFY2(approveLater.error().message.contains(QStringLiteral("rejected")),
            qPrintable(approveLater.error().message));
        QCOMPARE(auditCount(audit::RequestReject), 1);
    }

    void revokeStopsALiveGrantAtOnce()
    {
        const qint64 id = file(cm1, reveal({QStringLiteral("C0001")}, {QStringLiteral("mobile")}, 48));
        QVERIFY(id > 0);
        BV_COMPARE_CODE(requests().revoke(m1, id, QStringLiteral("not yet approved")), ErrorCode::Conflict);
        BV_VERIFY_OK(requests().approve(m1, id, QStringLiteral("checked")));
        const Actor cm1Actor = actorOf(cm1);
        auto grant = grants().liveGrant(cm1Actor, RequestType::Reveal, c1, QStringLiteral("mobile"));
        BV_VERIFY_OK(grant);

        BV_COMPARE_CODE(requests().revoke(m2, id, QString()), ErrorCode::InvalidInput);
        BV_COMPARE_CODE(requests().revoke(cm1, id, QStringLiteral("giving it back")), ErrorCode::PermissionDenied);
        t->clock.advanceSecs(30);
        BV_VERIFY_OK(requests().revoke(m2, id, QStringLiteral("The customer withdrew consent")));

        BV_COMPARE_CODE(
            grants().liveGrant(cm1Actor, RequestType::Reveal, c1, QStringLiteral("mobile")), ErrorCode::NotFound);
        // a grant looked up before the revocation is refused at the moment of use
        BV_COMPARE_CODE(grants().recordUse(cm1Actor, *grant, QStringLiteral("C0001"), {QStringLiteral("mobile")}),
            ErrorCode::NotFound);
        QCOMPARE(auditCount(audit::GrantUse), 0);
        auto revoked = requests().get(m1, id);
        BV_VERIFY_OK(revoked);
        QCOMPARE(revoked->status, RequestStatus::Revoked);
        QCOMPARE(revoked->revokedByLogin, QStringLiteral("m2"));
        QCOMPARE(revoked->revokeReason, QStringLiteral("The customer withdrew consent"));
        QCOMPARE(revoked->revokedAt, t->clock.nowUtc());
        BV_COMPARE_CODE(requests().revoke(m1, id, QStringLiteral("again")), ErrorCode::Conflict);
        QCOMPARE(auditCount(audit::RequestRevoke), 1);
    }

    void requesterWithdrawsOwnPendingRequest()
    {
        const qint64 id = file(cm1, reveal({QStringLiteral("C0001")}, {QStringLiteral("email")}));
        QVERIFY(id > 0);
        BV_COMPARE_CODE(requests().withdraw(cm2, id), ErrorCode::PermissionDenied);
        BV_COMPARE_CODE(requests().withdraw(m1, id), ErrorCode::PermissionDenied);
        QCOMPARE(statusOf(id), RequestStatus::Pending);
        BV_VERIFY_OK(requests().withdraw(cm1, id));
        QCOMPARE(statusOf(id), RequestStatus::Withdrawn);
        auto approve = requests().approve(m1, id, QStringLiteral("checked"));
        BV_COMPARE_CODE(approve, ErrorCode::Conflict);
        QVERIFY2(approve.error().message.contains(QStringLiteral("withdrawn")), qPrintable(approve.error().message));
        BV_COMPARE_CODE(requests().withdraw(cm1, id), ErrorCode::Conflict);
        QCOMPARE(auditCount(audit::RequestWithdraw), 1);

        // an approved request is no longer withdrawn by its requester (the manager revokes it)
        const qint64 approved = file(cm1, reveal({QStringLiteral("C0001")}, {QStringLiteral("email")}));
        QVERIFY(approved > 0);
        BV_VERIFY_OK(requests().approve(m1, approved, QStringLiteral("checked")));
        BV_COMPARE_CODE(requests().withdraw(cm1, approved), ErrorCode::Conflict);
    }

    void exportAndPrintGrantsAreSingleUse()
    {
        const qint64 id
            = file(cm1, report(RequestType::Export, QStringLiteral("data_subject"), {QStringLiteral("C0001")}));
        QVERIFY(id > 0);
        const Actor cm1Actor = actorOf(cm1);
        BV_COMPARE_CODE(grants().consumeGrant(cm1Actor, RequestType::Export, QStringLiteral("data_subject"), c1),
            ErrorCode::NotFound); // pending
        BV_VERIFY_OK(requests().approve(m1, id, QStringLiteral("checked")));
        // a print is not an export, and another customer is not this one
        BV_COMPARE_CODE(grants().consumeGrant(cm1Actor, RequestType::Print, QStringLiteral("data_subject"), c1),
            ErrorCode::NotFound);
        BV_COMPARE_CODE(grants().consumeGrant(cm1Actor, RequestType::Export, QStringLiteral("data_subject"), r1),
            ErrorCode::NotFound);
        BV_COMPARE_CODE(grants().consumeGrant(actorOf(cm2), RequestType::Export, QStringLiteral("data_subject"), c1),
            ErrorCode::NotFound);

        // inside the caller's transaction: rolled back with it, nothing used and nothing logged
        {
            Transaction tx(internalsOf(*t->core).database());
            QVERIFY(tx.ok());
            BV_VERIFY_OK(grants().consumeGrant(cm1Actor, RequestType::Export, QStringLiteral("data_subject"), c1));
        }
        QCOMPARE(statusOf(id), RequestStatus::Approved);
        QCOMPARE(auditCount(audit::GrantUse), 0);

        {
            Transaction tx(internalsOf(*t->core).database());
            QVERIFY(tx.ok());
            auto used = grants().consumeGrant(cm1Actor, RequestType::Export, QStringLiteral("data_subject"), c1);
            BV_VERIFY_OK(used);
            QCOMPARE(used->requestId, id);
            BV_VERIFY_OK(tx.commit());
        }
        auto second = grants().consumeGrant(cm1Actor, RequestType::Export, QStringLiteral("data_subject"), c1);
        BV_COMPARE_CODE(second, ErrorCode::NotFound);
        QVERIFY2(second.error().message.contains(QStringLiteral("File a special request")),
            qPrintable(second.error().message));
        auto request = requests().get(cm1, id);
        BV_VERIFY_OK(request);
        QCOMPARE(request->status, RequestStatus::Used);
        QCOMPARE(request->usedAt, t->clock.nowUtc());

        const QList<AuditRow> uses = auditRows(audit::GrantUse);
        QCOMPARE(int(uses.size()), 1);
        QCOMPARE(uses.first().login, QStringLiteral("cm1"));
        QCOMPARE(uses.first().objectType, QStringLiteral("request"));
        QCOMPARE(uses.first().objectId, QString::number(id));
        QCOMPARE(uses.first().customerNo, QStringLiteral("C0001"));
        const QJsonObject use = details(uses.first());
        QCOMPARE(use.value(QStringLiteral("request")).toInteger(), id);
        QCOMPARE(use.value(QStringLiteral("type")).toString(), QStringLiteral("export"));
        QCOMPARE(use.value(QStringLiteral("report")).toString(), QStringLiteral("data_subject"));
        QCOMPARE(use.value(QStringLiteral("customer")).toString(), QStringLiteral("C0001"));

        // a print of a report without customers, by the manager, approved by the other manager
        const qint64 printId = file(m1, report(RequestType::Print, QStringLiteral("customer_list")));
        QVERIFY(printId > 0);
        BV_VERIFY_OK(requests().approve(m2, printId, QStringLiteral("checked")));
        const Actor m1Actor = actorOf(m1);
        BV_COMPARE_CODE(
            grants().consumeGrant(m1Actor, RequestType::Print, QStringLiteral("data_subject")), ErrorCode::NotFound);
        auto printed = grants().consumeGrant(m1Actor, RequestType::Print, QStringLiteral("customer_list"));
        BV_VERIFY_OK(printed);
        QCOMPARE(printed->requestId, printId);
        QCOMPARE(printed->approverId, t->userId(QStringLiteral("m2")));
        BV_COMPARE_CODE(
            grants().consumeGrant(m1Actor, RequestType::Print, QStringLiteral("customer_list")), ErrorCode::NotFound);
        QCOMPARE(auditCount(audit::GrantUse), 2);
        const AuditRow printUse = auditRows(audit::GrantUse).last();
        QVERIFY(printUse.customerNo.isEmpty());
        QCOMPARE(details(printUse).value(QStringLiteral("type")).toString(), QStringLiteral("print"));
        QVERIFY(!details(printUse).contains(QStringLiteral("customer")));
    }

    void expiredExportGrantCannotBeUsed()
    {
        const qint64 id = file(m1, report(RequestType::Export, QStringLiteral("customer_list")));
        QVERIFY(id > 0);
        BV_VERIFY_OK(requests().approve(m2, id, QStringLiteral("checked")));
        const Actor m1Actor = actorOf(m1);
        t->clock.advanceSecs(24 * 3600);
        BV_COMPARE_CODE(
            grants().consumeGrant(m1Actor, RequestType::Export, QStringLiteral("customer_list")), ErrorCode::NotFound);
        QCOMPARE(auditCount(audit::GrantUse), 0);
    }

    void reusableGrantUseIsAudited()
    {
        const qint64 id = file(cm1, reveal({QStringLiteral("C0001")}, {QStringLiteral("id_number")}));
        QVERIFY(id > 0);
        BV_VERIFY_OK(requests().approve(m1, id, QStringLiteral("checked")));
        const Actor cm1Actor = actorOf(cm1);
        auto grant = grants().liveGrant(cm1Actor, RequestType::Reveal, c1, QStringLiteral("id_number"));
        BV_VERIFY_OK(grant);
        {
            Transaction tx(internalsOf(*t->core).database());
            QVERIFY(tx.ok());
            BV_VERIFY_OK(grants().recordUse(cm1Actor, *grant, QStringLiteral("C0001"), {QStringLiteral("id_number")}));
            BV_VERIFY_OK(tx.commit());
        }
        // reusable: a second use works and is logged again
        BV_VERIFY_OK(grants().recordUse(cm1Actor, *grant, QStringLiteral("C0001"), {QStringLiteral("id_number")}));
        const QList<AuditRow> uses = auditRows(audit::GrantUse);
        QCOMPARE(int(uses.size()), 2);
        QCOMPARE(uses.first().customerNo, QStringLiteral("C0001"));
        QCOMPARE(uses.first().objectId, QString::number(id));
        const QJsonObject use = details(uses.first());
        QCOMPARE(use.value(QStringLiteral("request")).toInteger(), id);
        QCOMPARE(use.value(QStringLiteral("type")).toString(), QStringLiteral("reveal"));
        QCOMPARE(use.value(QStringLiteral("fields")).toArray(), QJsonArray {QStringLiteral("id_number")});
        // outside the grant's scope: refused, not logged
        BV_COMPARE_CODE(grants().recordUse(cm1Actor, *grant, QStringLiteral("C0001"), {QStringLiteral("mobile")}),
            ErrorCode::NotFound);
        BV_COMPARE_CODE(grants().recordUse(cm1Actor, *grant, QStringLiteral("C0002"), {QStringLiteral("id_number")}),
            ErrorCode::NotFound);
        BV_COMPARE_CODE(
            grants().recordUse(actorOf(cm2), *grant, QStringLiteral("C0001"), {QStringLiteral("id_number")}),
            ErrorCode::NotFound);
        QCOMPARE(auditCount(audit::GrantUse), 2);
    }

    void customerManagerAsksOnlyForOwnCustomers()
    {
        const int deniedBefore = auditCount(audit::AccessDenied);
        auto other = requests().create(cm1, reveal({QStringLiteral("C0002")}, {QStringLiteral("name")}));
        BV_COMPARE_CODE(other, ErrorCode::PermissionDenied);
        QVERIFY2(
            other.error().message.contains(QStringLiteral("not your customer")), qPrintable(other.error().message));
        const QList<AuditRow> denied = auditRows(audit::AccessDenied);
        QCOMPARE(int(denied.size()), deniedBefore + 1);
        QCOMPARE(denied.last().login, QStringLiteral("cm1"));
        QCOMPARE(denied.last().customerNo, QStringLiteral("C0002"));
        // one foreign customer among own ones is enough to refuse
        BV_COMPARE_CODE(requests().create(
                            cm1, reveal({QStringLiteral("C0001"), QStringLiteral("C0002")}, {QStringLiteral("name")})),
            ErrorCode::PermissionDenied);
        BV_COMPARE_CODE(requests().create(cm1,
                            report(RequestType::Export, QStringLiteral("data_subject"), {QStringLiteral("C0002")})),
            ErrorCode::PermissionDenied);
        BV_COMPARE_CODE(requests().create(
                            cm1, report(RequestType::Print, QStringLiteral("data_subject"), {QStringLiteral("C0002")})),
            ErrorCode::PermissionDenied);
        QCOMPARE(auditCount(audit::RequestCreate), 0);
        auto count = internalsOf(*t->core).database().scalar(QStringLiteral("SELECT count(*) FROM requests"));
        BV_VERIFY_OK(count);
        QCOMPARE(count->toInt(), 0);

        // restricted access: own restricted customers only; the manager: any customer
        BV_COMPARE_CODE(
            requests().create(cm2, restrictedAccess({QStringLiteral("C0003")})), ErrorCode::PermissionDenied);
        BV_VERIFY_OK(requests().create(cm1, restrictedAccess({QStringLiteral("C0003")})));
        BV_VERIFY_OK(requests().create(
            cm1, reveal({QStringLiteral("C0001"), QStringLiteral("C0003")}, {QStringLiteral("name")})));
        BV_VERIFY_OK(requests().create(
            m1, reveal({QStringLiteral("C0001"), QStringLiteral("C0002")}, {QStringLiteral("name")})));
        BV_VERIFY_OK(requests().create(
            m1, report(RequestType::Export, QStringLiteral("data_subject"), {QStringLiteral("C0002")})));
    }

    void clerkAsksOnlyForRestrictedAccess()
    {
        BV_COMPARE_CODE(requests().create(k1, reveal({QStringLiteral("C0001")}, {QStringLiteral("name")})),
            ErrorCode::PermissionDenied);
        BV_COMPARE_CODE(requests().create(k1, report(RequestType::Export, QStringLiteral("customer_list"))),
            ErrorCode::PermissionDenied);
        BV_COMPARE_CODE(requests().create(
                            k1, report(RequestType::Print, QStringLiteral("data_subject"), {QStringLiteral("C0003")})),
            ErrorCode::PermissionDenied);
        QCOMPARE(auditRows(audit::AccessDenied).last().login, QStringLiteral("k1"));
        auto created = requests().create(k1, restrictedAccess({QStringLiteral("C0003")}));
        BV_VERIFY_OK(created);
        BV_VERIFY_OK(requests().approve(m1, created->id, QStringLiteral("Branch counter service")));
        auto grant = grants().liveGrant(actorOf(k1), RequestType::RestrictedAccess, r1);
        BV_VERIFY_OK(grant);
        QCOMPARE(grant->requestId, created->id);
        BV_COMPARE_CODE(
            grants().liveGrant(actorOf(k1), RequestType::Reveal, r1, QStringLiteral("name")), ErrorCode::NotFound);
        BV_VERIFY_OK(grants().recordUse(actorOf(k1), *grant, QStringLiteral("C0003"), {}));
        QCOMPARE(auditRows(audit::GrantUse).last().customerNo, QStringLiteral("C0003"));

        // roles outside the request process cannot file one
        BV_COMPARE_CODE(
            requests().create(t->admin, restrictedAccess({QStringLiteral("C0003")})), ErrorCode::PermissionDenied);
    }

    void restrictedAccessNeedsARestrictedCustomer()
    {
        auto refused = requests().create(k1, restrictedAccess({QStringLiteral("C0001")}));
        BV_COMPARE_CODE(refused, ErrorCode::InvalidInput);
        QVERIFY2(refused.error().message.contains(QStringLiteral("C0001"))
                && refused.error().message.contains(QStringLiteral("not restricted")),
            qPrintable(refused.error().message));
        BV_COMPARE_CODE(requests().create(k1, restrictedAccess({QStringLiteral("C0003"), QStringLiteral("C0002")})),
            ErrorCode::InvalidInput);
        BV_COMPARE_CODE(requests().create(k1, restrictedAccess({})), ErrorCode::InvalidInput);
    }

    void revealOnlyOfGradeOneFields()
    {
        auto refused = requests().create(
            cm1, reveal({QStringLiteral("C0001")}, {QStringLiteral("name"), QStringLiteral("occupation")}));
        BV_COMPARE_CODE(refused, ErrorCode::InvalidInput);
        QCOMPARE(refused.error().field, QStringLiteral("fields"));
        QVERIFY2(refused.error().message.contains(QStringLiteral("occupation")), qPrintable(refused.error().message));
        auto unknown = requests().create(cm1, reveal({QStringLiteral("C0001")}, {QStringLiteral("card_pin")}));
        BV_COMPARE_CODE(unknown, ErrorCode::InvalidInput);
        QVERIFY2(unknown.error().message.contains(QStringLiteral("card_pin")), qPrintable(unknown.error().message));
        BV_COMPARE_CODE(requests().create(cm1, reveal({QStringLiteral("C0001")}, {})), ErrorCode::InvalidInput);
        BV_COMPARE_CODE(requests().create(cm1, reveal({}, {QStringLiteral("name")})), ErrorCode::InvalidInput);
        QCOMPARE(auditCount(audit::RequestCreate), 0);
    }

    void unknownCustomerIsNotFound()
    {
        auto missing = requests().create(cm1, reveal({QStringLiteral("C9999")}, {QStringLiteral("name")}));
        BV_COMPARE_CODE(missing, ErrorCode::NotFound);
        QVERIFY2(missing.error().message.contains(QStringLiteral("C9999")), qPrintable(missing.error().message));
        BV_COMPARE_CODE(requests().create(
                            m1, report(RequestType::Export, QStringLiteral("data_subject"), {QStringLiteral("C9999")})),
            ErrorCode::NotFound);
    }

    void purposeIsRequired()
    {
        NewRequest r = reveal({QStringLiteral("C0001")}, {QStringLiteral("name")});
        r.purpose = QString();
        auto empty = requests().create(cm1, r);
        BV_COMPARE_CODE(empty, ErrorCode::InvalidInput);
        QCOMPARE(empty.error().field, QStringLiteral("purpose"));
        r.purpose = QStringLiteral(" \t\n ");
        BV_COMPARE_CODE(requests().create(cm1, r), ErrorCode::InvalidInput);
        r.purpose = QString(501, QLatin1Char('x'));
        auto tooLong = requests().create(cm1, r);
        BV_COMPARE_CODE(tooLong, ErrorCode::InvalidInput);
        QVERIFY2(tooLong.error().message.contains(QStringLiteral("500")), qPrintable(tooLong.error().message));
        // 500 Chinese characters are 500 characters
        r.purpose = QString(500, QChar(0x67E5));
        auto longest = requests().create(cm1, r);
        BV_VERIFY_OK(longest);
        QCOMPARE(int(longest->purpose.size()), 500);
        r.purpose = QStringLiteral("  Verify the customer's identity for a lost card  ");
        auto trimmed = requests().create(cm1, r);
        BV_VERIFY_OK(trimmed);
        QCOMPARE(trimmed->purpose, QStringLiteral("Verify the customer's identity for a lost card"));
    }

    void reportRules()
    {
        // only the reports that can hold grade-1 data need (and may name) a request
        QCOMPARE(RequestService::reportKeys(),
            (QStringList {QStringLiteral("data_subject"), QStringLiteral("customer_list")}));
        BV_COMPARE_CODE(
            requests().create(m1, report(RequestType::Print, QStringLiteral("complaints"))), ErrorCode::InvalidInput);
        BV_COMPARE_CODE(requests().create(m1, report(RequestType::Export, QStringLiteral("audit_summary"))),
            ErrorCode::InvalidInput);
        QVERIFY(RequestService::reportNeedsCustomer(QStringLiteral("data_subject")));
        QVERIFY(!RequestService::reportNeedsCustomer(QStringLiteral("customer_list")));
        auto none = requests().create(m1, report(RequestType::Export, QString()));
        BV_COMPARE_CODE(none, ErrorCode::InvalidInput);
        QCOMPARE(none.error().field, QStringLiteral("report"));
        auto unknown = requests().create(m1, report(RequestType::Print, QStringLiteral("everything")));
        BV_COMPARE_CODE(unknown, ErrorCode::InvalidInput);
        QVERIFY2(unknown.error().message.contains(QStringLiteral("everything")), qPrintable(unknown.error().message));
        BV_COMPARE_CODE(requests().create(m1, report(RequestType::Export, QStringLiteral("data_subject"))),
            ErrorCode::InvalidInput);
        BV_COMPARE_CODE(requests().create(m1,
                            report(RequestType::Export, QStringLiteral("data_subject"),
                                {QStringLiteral("C0001"), QStringLiteral("C0002")})),
            ErrorCode::InvalidInput);
        BV_COMPARE_CODE(requests().create(m1,
                            report(RequestType::Export, QStringLiteral("customer_list"), {QStringLiteral("C0001")})),
            ErrorCode::InvalidInput);
        NewRequest withFields = report(RequestType::Export, QStringLiteral("customer_list"));
        withFields.fields = {QStringLiteral("name")};
        BV_COMPARE_CODE(requests().create(m1, withFields), ErrorCode::InvalidInput);
        // the customer roster is the branch manager's report
        BV_COMPARE_CODE(requests().create(cm1, report(RequestType::Export, QStringLiteral("customer_list"))),
            ErrorCode::PermissionDenied);
        auto created = requests().create(m1, report(RequestType::Export, QStringLiteral("customer_list")));
        BV_VERIFY_OK(created);
        QCOMPARE(created->report, QStringLiteral("customer_list"));
        QVERIFY(created->customerNumbers.isEmpty());
        auto stored = internalsOf(*t->core).database().scalar(
            QStringLiteral("SELECT scope FROM requests WHERE id = ?"), {created->id});
        BV_VERIFY_OK(stored);
        QCOMPARE(
            QJsonDocument::fromJson(stored->toString().toUtf8()).object().value(QStringLiteral("report")).toString(),
            QStringLiteral("customer_list"));
    }

    void listShowsOwnRequestsOrAll()
    {
        const qint64 a = file(cm1, reveal({QStringLiteral("C0001")}, {QStringLiteral("name")}));
        const qint64 b = file(cm1, restrictedAccess({QStringLiteral("C0003")}));
        const qint64 c = file(cm2, reveal({QStringLiteral("C0002")}, {QStringLiteral("mobile")}));
        const qint64 d = file(k1, restrictedAccess({QStringLiteral("C0003")}));
        QVERIFY(a > 0 && b > 0 && c > 0 && d > 0);

        auto own = requests().list(cm1);
        BV_VERIFY_OK(own);
        QCOMPARE(int(own->size()), 2);
        for (const Request& r : *own)
            QCOMPARE(r.requesterLogin, QStringLiteral("cm1"));
        QCOMPARE(own->at(0).id, b); // newest first
        QCOMPARE(own->at(0).customerNumbers, QStringList {QStringLiteral("C0003")});
        QCOMPARE(own->at(1).customerNumbers, QStringList {QStringLiteral("C0001")});
        auto clerk = requests().list(k1);
        BV_VERIFY_OK(clerk);
        QCOMPARE(int(clerk->size()), 1);
        QCOMPARE(clerk->first().id, d);
        auto all = requests().list(m1);
        BV_VERIFY_OK(all);
        QCOMPARE(int(all->size()), 4);
        BV_COMPARE_CODE(requests().list(t->admin), ErrorCode::PermissionDenied);

        BV_COMPARE_CODE(requests().get(cm2, a), ErrorCode::PermissionDenied);
        BV_COMPARE_CODE(requests().get(k1, a), ErrorCode::PermissionDenied);
        auto byManager = requests().get(m2, a);
        BV_VERIFY_OK(byManager);
        QCOMPARE(byManager->requesterLogin, QStringLiteral("cm1"));

        // open: pending and live approved
        BV_VERIFY_OK(requests().approve(m1, a, QStringLiteral("checked")));
        BV_VERIFY_OK(requests().reject(m1, b, QStringLiteral("Not needed")));
        BV_VERIFY_OK(requests().withdraw(cm2, c));
        auto open = requests().list(cm1, true);
        BV_VERIFY_OK(open);
        QCOMPARE(int(open->size()), 1);
        QCOMPARE(open->first().id, a);
        QCOMPARE(open->first().status, RequestStatus::Approved);
        auto allOpen = requests().list(m1, true);
        BV_VERIFY_OK(allOpen);
        QCOMPARE(int(allOpen->size()), 2);
        QCOMPARE(allOpen->at(0).id, d);
        QCOMPARE(allOpen->at(0).status, RequestStatus::Pending);
        QCOMPARE(allOpen->at(1).id, a);
    }

    void everyStepWritesExactlyOneAuditRow()
    {
        auto step = [&](const char* action, const std::function<bool()>& run) {
            const int total = auditCount();
            const int ofAction = auditCount(action);
            if (!run())
                return false;
            return auditCount() == total + 1 && auditCount(action) == ofAction + 1;
        };
        qint64 id = 0;
        QVERIFY(step(audit::RequestCreate, [&] {
            id = file(cm1, reveal({QStringLiteral("C0001")}, {QStringLiteral("name"), QStringLiteral("mobile")}, 5));
            return id > 0;
        }));
        AuditRow created = auditRows(audit::RequestCreate).last();
        QCOMPARE(created.login, QStringLiteral("cm1"));
        QCOMPARE(created.objectType, QStringLiteral("request"));
        QCOMPARE(created.objectId, QString::number(id));
        QCOMPARE(created.customerNo, QStringLiteral("C0001"));
        const QJsonObject d = details(created);
        QCOMPARE(d.value(QStringLiteral("type")).toString(), QStringLiteral("reveal"));
        QCOMPARE(d.value(QStringLiteral("customers")).toArray(), QJsonArray {QStringLiteral("C0001")});
        QCOMPARE(d.value(QStringLiteral("fields")).toArray(),
            (QJsonArray {QStringLiteral("name"), QStringLiteral("mobile")}));
        QCOMPARE(d.value(QStringLiteral("validityHours")).toInt(), 5);

        QVERIFY(step(audit::RequestApprove, [&] { return requests().approve(m1, id, QStringLiteral("ok")).ok(); }));
        const AuditRow approved = auditRows(audit::RequestApprove).last();
        QCOMPARE(approved.login, QStringLiteral("m1"));
        QCOMPARE(approved.objectId, QString::number(id));
        QCOMPARE(details(approved).value(QStringLiteral("requester")).toString(), QStringLiteral("cm1"));
        QVERIFY(
            step(audit::RequestRevoke, [&] { return requests().revoke(m1, id, QStringLiteral("Case closed")).ok(); }));
        QCOMPARE(auditRows(audit::RequestRevoke).last().objectId, QString::number(id));

        qint64 second = file(cm1, reveal({QStringLiteral("C0001")}, {QStringLiteral("name")}));
        QVERIFY(second > 0);
        QVERIFY(step(audit::RequestReject,
            [&] { return requests().reject(m2, second, QStringLiteral("Use the masked value")).ok(); }));
        QCOMPARE(auditRows(audit::RequestReject).last().login, QStringLiteral("m2"));
        qint64 third = file(cm1, reveal({QStringLiteral("C0001")}, {QStringLiteral("name")}));
        QVERIFY(third > 0);
        QVERIFY(step(audit::RequestWithdraw, [&] { return requests().withdraw(cm1, third).ok(); }));
        QCOMPARE(auditRows(audit::RequestWithdraw).last().objectId, QString::number(third));

        // refused decisions change nothing and log no decision
        const int decisions = auditCount(audit::RequestApprove) + auditCount(audit::RequestReject);
        BV_COMPARE_CODE(requests().approve(m1, second, QStringLiteral("checked")), ErrorCode::Conflict);
        BV_COMPARE_CODE(requests().reject(m1, third, QStringLiteral("x")), ErrorCode::Conflict);
        QCOMPARE(auditCount(audit::RequestApprove) + auditCount(audit::RequestReject), decisions);
    }

    void auditFailureLeavesNothingBehind()
    {
        const qint64 id = file(cm1, reveal({QStringLiteral("C0001")}, {QStringLiteral("name")}));
        QVERIFY(id > 0);
        internalsOf(*t->core).auditLog().failNextAppendsForTesting(1);
        BV_COMPARE_CODE(requests().approve(m1, id, QStringLiteral("checked")), ErrorCode::DiskFull);
        QCOMPARE(statusOf(id), RequestStatus::Pending);
        internalsOf(*t->core).auditLog().failNextAppendsForTesting(1);
        BV_COMPARE_CODE(
            requests().create(cm1, reveal({QStringLiteral("C0001")}, {QStringLiteral("mobile")})), ErrorCode::DiskFull);
        auto count = internalsOf(*t->core).database().scalar(QStringLiteral("SELECT count(*) FROM requests"));
        BV_VERIFY_OK(count);
        QCOMPARE(count->toInt(), 1);
        auto links = internalsOf(*t->core).database().scalar(QStringLiteral("SELECT count(*) FROM request_customers"));
        BV_VERIFY_OK(links);
        QCOMPARE(links->toInt(), 1);
    }

    void purposeNeverAppearsInTheAuditLog()
    {
        const QString purpose = QStringLiteral("Customer Zhang San 张三 called from 13812345678 about ID "
                                               "110105199001011234");
        NewRequest r = reveal({QStringLiteral("C0001")}, {QStringLiteral("id_number")});
        r.purpose = purpose;
        // full numbers in the purpose are refused; masked they are kept
        BV_COMPARE_CODE(requests().create(cm1, r), ErrorCode::InvalidInput);
        r.purpose = FreeText::maskFindings(purpose);
        auto created = requests().create(cm1, r);
        BV_VERIFY_OK(created);
        QCOMPARE(created->purpose, r.purpose); // stored for the decider
        QVERIFY(!created->purpose.contains(QStringLiteral("13812345678")));
        QVERIFY(!created->purpose.contains(QStringLiteral("110105199001011234")));
        BV_VERIFY_OK(requests().approve(m1, created->id, QStringLiteral("Seen the customer's ID card")));
        auto grant = grants().liveGrant(actorOf(cm1), RequestType::Reveal, c1, QStringLiteral("id_number"));
        BV_VERIFY_OK(grant);
        BV_VERIFY_OK(grants().recordUse(actorOf(cm1), *grant, QStringLiteral("C0001"), {QStringLiteral("id_number")}));
        BV_VERIFY_OK(requests().revoke(m2, created->id, QStringLiteral("Done")));

        const QJsonObject d = details(auditRows(audit::RequestCreate).last());
        QCOMPARE(d.value(QStringLiteral("purposeLength")).toInt(), int(r.purpose.toUcs4().size()));
        const QList<AuditRow> rows = auditRows();
        QVERIFY(rows.size() >= 4);
        for (const AuditRow& row : rows) {
            for (const QString& secret : {QStringLiteral("Zhang San"), QStringLiteral("张三"),
                     QStringLiteral("13812345678"), QStringLiteral("110105199001011234")}) {
                QVERIFY2(!row.details.contains(secret), qPrintable(row.action + QLatin1Char(' ') + row.details));
                QVERIFY2(!row.objectId.contains(secret), qPrintable(row.action));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestRequests)
#include "tst_requests.moc"
