// Drafts (issue 13): a half-filled form kept sealed for its author across a lock or sign-out. The content is
// sealed at rest (the readable parts of the file hold none of it), only the author lists, restores and discards
// a draft, it goes when the form is saved or discarded and after DraftService::kLifetimeDays, and the audit rows
// name the form kind only.
#include "core/audit/AuditActions.h"
#include "core/auth/AuthService.h"
#include "core/customers/CustomerService.h"
#include "core/customers/lifecycle/CustomerOwnership.h"
#include "core/drafts/DraftService.h"
#include "core/internal/CoreInternal.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/db/Database.h"
#include "tests/testsupport/TestCore.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTest>

using namespace bv;
using namespace bv::test;

namespace {

// Stands for what a customer manager typed: the marker must never appear readable anywhere.
const QString kMarker = QStringLiteral("DRAFTMARK张三丰110105194912310021");

QString formContent()
{
    return QJsonDocument(QJsonObject {{QStringLiteral("name"), kMarker}, {QStringLiteral("page"), 1}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

class TestDrafts : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestCore> t;
    Session m1, cm1, cm2, clerk;

    DraftService drafts() { return DraftService::forCore(*t->core); }
    Database& db() { return t->vault->database(); }

    QList<AuditRow> auditRows(const QString& prefix)
    {
        AuditFilter filter;
        filter.action = prefix;
        filter.limit = 5000;
        auto rows = internalsOf(*t->core).auditLog().rows(filter);
        return rows.ok() ? *rows : QList<AuditRow>();
    }
    int count(const QString& sql)
    {
        auto value = db().scalar(sql);
        return value.ok() ? value->toInt() : -1;
    }
    void unlockAll()
    {
        const QList<QPair<QString, Session*>> sessions = {{QStringLiteral("admin"), &t->admin},
            {QStringLiteral("m1"), &m1}, {QStringLiteral("cm1"), &cm1}, {QStringLiteral("cm2"), &cm2}};
        for (const auto& [login, session] : sessions)
            QVERIFY(t->core->auth().unlock(*session, secret(t->passwordOf(login))).ok());
    }

private slots:
    void init()
    {
        t = TestCore::create();
        QVERIFY(t);
        m1 = t->addUser(QStringLiteral("m1"), Role::Manager);
        cm1 = t->addUser(QStringLiteral("cm1"), Role::CustomerManager);
        cm2 = t->addUser(QStringLiteral("cm2"), Role::CustomerManager);
        clerk = t->addUser(QStringLiteral("clerk"), Role::Clerk);
        // the customers the drafts of an edit are about: cm1's
        for (const QString& number : {QStringLiteral("0001-00000007"), QStringLiteral("0001-00000008")})
            QVERIFY(t->insertCustomer(number, t->userId(QStringLiteral("cm1"))) > 0);
    }
    void cleanup() { t.reset(); }

    void theAuthorRestoresTheDraft()
    {
        auto saved = drafts().save(cm1, DraftForm::NewCustomer, QString(), formContent());
        BV_VERIFY_OK(saved);
        QCOMPARE(saved->savedAt, t->clock.nowUtc());
        QCOMPARE(saved->expiresAt, t->clock.nowUtc().addDays(DraftService::kLifetimeDays));
        auto listed = drafts().list(cm1);
        BV_VERIFY_OK(listed);
        QCOMPARE(listed->size(), 1);
        QCOMPARE(listed->constFirst().id, saved->id);
        QCOMPARE(listed->constFirst().form, DraftForm::NewCustomer);
        auto restored = drafts().restore(cm1, saved->id);
        BV_VERIFY_OK(restored);
        QCOMPARE(*restored, formContent());
        // restoring keeps the draft until the form is saved or discarded
        QCOMPARE(drafts().list(cm1)->size(), 1);
    }

    void savingAgainReplacesTheDraft()
    {
        auto first = drafts().save(cm1, DraftForm::EditCustomer, QStringLiteral("0001-00000007"), formContent());
        BV_VERIFY_OK(first);
        t->clock.advanceSecs(60);
        auto second
            = drafts().save(cm1, DraftForm::EditCustomer, QStringLiteral("0001-00000007"), QStringLiteral("{\"b\":2}"));
        BV_VERIFY_OK(second);
        QCOMPARE(second->id, first->id);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM drafts")), 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sealed_value WHERE owner_kind = 'draft'")), 1);
        QCOMPARE(*drafts().restore(cm1, first->id), QStringLiteral("{\"b\":2}"));
        // another customer's edit, and a new customer form, are drafts of their own
        BV_VERIFY_OK(drafts().save(cm1, DraftForm::EditCustomer, QStringLiteral("0001-00000008"), formContent()));
        BV_VERIFY_OK(drafts().save(cm1, DraftForm::NewCustomer, QString(), formContent()));
        QCOMPARE(drafts().list(cm1)->size(), 3);
    }

    void theContentIsSealedAtRest()
    {
        auto saved = drafts().save(cm1, DraftForm::NewCustomer, QString(), formContent());
        BV_VERIFY_OK(saved);
        // every readable column of the draft's rows, and the sealed bytes themselves
        auto rows = db().query(QStringLiteral("SELECT d.author_id, d.form, d.subject, d.saved_at, d.expires_at, "
                                              "s.masked, s.blind_domain, s.blind, s.sealed FROM drafts d "
                                              "JOIN sealed_value s ON s.owner_kind = 'draft' AND s.owner_id = d.id"));
        BV_VERIFY_OK(rows);
        QVERIFY(rows->next());
        const QByteArray utf8 = kMarker.toUtf8();
        const QByteArray latin = QByteArrayLiteral("DRAFTMARK");
        const QByteArray utf16(reinterpret_cast<const char*>(kMarker.utf16()), kMarker.size() * 2);
        for (int c = 0; c < 9; ++c) {
            const QByteArray raw = rows->value(c).toByteArray();
            QVERIFY2(
                !raw.contains(utf8) && !raw.contains(latin) && !raw.contains(utf16), qPrintable(QString::number(c)));
        }
        QVERIFY(rows->value(5).toString().isEmpty()); // no masked form
        QVERIFY(rows->value(7).isNull()); // no blind index
        QVERIFY(rows->value(8).toByteArray().size() > utf8.size()); // the sealed content is there
        QVERIFY(!rows->next());
        // the file and its WAL: nothing readable either (SQLCipher pages, sealed content inside)
        for (const QString& path : QStringList {db().path(), db().path() + QStringLiteral("-wal")}) {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                continue;
            const QByteArray bytes = file.readAll();
            QVERIFY(!bytes.contains(latin));
            QVERIFY(!bytes.contains(utf16));
        }
        // a locked session opens nothing (its keys went with the lock)
        QVERIFY(t->core->auth().lock(cm1).ok());
        QCOMPARE(drafts().restore(cm1, saved->id).error().code, ErrorCode::SessionLocked);
    }

    void nobodyElseSeesTheDraft()
    {
        auto saved = drafts().save(cm1, DraftForm::NewCustomer, QString(), formContent());
        BV_VERIFY_OK(saved);
        // another customer manager, and the branch manager: no list entry, no count, "not found" for the id
        for (const Session* other : {&cm2, &m1}) {
            auto listed = drafts().list(*other);
            BV_VERIFY_OK(listed);
            QVERIFY(listed->isEmpty());
            auto restored = drafts().restore(*other, saved->id);
            QVERIFY(!restored.ok());
            QCOMPARE(restored.error().code, ErrorCode::NotFound);
            QVERIFY(!restored.error().message.contains(kMarker));
            QCOMPARE(drafts().discard(*other, saved->id).error().code, ErrorCode::NotFound);
            // deleting "their" draft of the same form does not touch the author's
            BV_VERIFY_OK(drafts().discardFor(*other, DraftForm::NewCustomer, QString(), false));
        }
        QCOMPARE(drafts().list(cm1)->size(), 1);
        // the same answer as an id that never existed
        QCOMPARE(
            drafts().restore(cm2, saved->id + 100).error().message, drafts().restore(cm2, saved->id).error().message);
        // the attempts are refusals in the audit log
        QVERIFY(auditRows(QString::fromLatin1(audit::AccessDenied)).size() >= 4);
        // roles that fill no customer form keep no drafts
        for (const Session* refused : {&clerk, &t->admin}) {
            auto save = drafts().save(*refused, DraftForm::NewCustomer, QString(), formContent());
            QCOMPARE(save.error().code, ErrorCode::PermissionDenied);
            QCOMPARE(drafts().list(*refused).error().code, ErrorCode::PermissionDenied);
        }
    }

    void aDraftMovedToAnotherAuthorDoesNotOpen()
    {
        auto saved = drafts().save(cm1, DraftForm::NewCustomer, QString(), formContent());
        BV_VERIFY_OK(saved);
        BV_VERIFY_OK(db().exec(QStringLiteral("UPDATE drafts SET author_id = ? WHERE id = ?"),
            {t->userId(QStringLiteral("cm2")), saved->id}));
        QCOMPARE(drafts().list(cm2)->size(), 1);
        auto restored = drafts().restore(cm2, saved->id);
        QVERIFY(!restored.ok());
        QCOMPARE(restored.error().code, ErrorCode::Damaged);
    }

    void aDraftOfACustomerReassignedMeanwhileDoesNotOpen()
    {
        const QString number = QStringLiteral("0001-00000007");
        auto saved = drafts().save(cm1, DraftForm::ServiceRecord, number, formContent());
        BV_VERIFY_OK(saved);
        BV_VERIFY_OK(t->core->customers().ownership().transfer(
            m1, number, QStringLiteral("cm2"), QStringLiteral("cm1 moved to another branch")));
        const int denials = auditRows(QStringLiteral("access.denied")).size();
        auto restored = drafts().restore(cm1, saved->id);
        BV_COMPARE_CODE(restored, ErrorCode::PermissionDenied);
        QCOMPARE(auditRows(QStringLiteral("access.denied")).size(), denials + 1);
        QCOMPARE(auditRows(QString::fromLatin1(audit::DraftRestore)).size(), 0);
        // given back: the draft opens again
        BV_VERIFY_OK(t->core->customers().ownership().transfer(
            m1, number, QStringLiteral("cm1"), QStringLiteral("cm1 is back")));
        BV_VERIFY_OK(drafts().restore(cm1, saved->id));
    }

    void savingOrDiscardingTheFormDeletesTheDraft()
    {
        auto kept = drafts().save(cm1, DraftForm::EditCustomer, QStringLiteral("0001-00000007"), formContent());
        BV_VERIFY_OK(kept);
        BV_VERIFY_OK(drafts().discardFor(cm1, DraftForm::EditCustomer, QStringLiteral("0001-00000007"), true));
        QVERIFY(drafts().list(cm1)->isEmpty());
        QCOMPARE(drafts().restore(cm1, kept->id).error().code, ErrorCode::NotFound);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sealed_value WHERE owner_kind = 'draft'")), 0);

        auto other = drafts().save(cm1, DraftForm::NewCustomer, QString(), formContent());
        BV_VERIFY_OK(other);
        BV_VERIFY_OK(drafts().discard(cm1, other->id));
        QVERIFY(drafts().list(cm1)->isEmpty());
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM drafts")), 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sealed_value WHERE owner_kind = 'draft'")), 0);

        const QList<AuditRow> discards = auditRows(QString::fromLatin1(audit::DraftDiscard));
        QCOMPARE(discards.size(), 2);
        QCOMPARE(QJsonDocument::fromJson(discards.at(0).details.toUtf8()).object().value(QStringLiteral("reason")),
            QJsonValue(QStringLiteral("saved")));
        QCOMPARE(QJsonDocument::fromJson(discards.at(1).details.toUtf8()).object().value(QStringLiteral("reason")),
            QJsonValue(QStringLiteral("discarded")));
    }

    void oldDraftsExpire()
    {
        auto saved = drafts().save(cm1, DraftForm::NewCustomer, QString(), formContent());
        BV_VERIFY_OK(saved);
        t->clock.advanceDays(DraftService::kLifetimeDays);
        t->clock.advanceSecs(-1);
        unlockAll();
        QCOMPARE(drafts().list(cm1)->size(), 1); // still within its lifetime
        t->clock.advanceSecs(2);
        unlockAll();
        QCOMPARE(drafts().restore(cm1, saved->id).error().code, ErrorCode::NotFound); // never offered once expired
        QVERIFY(drafts().list(cm1)->isEmpty()); // and the listing removed it
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM drafts")), 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sealed_value WHERE owner_kind = 'draft'")), 0);
        const QList<AuditRow> expired = auditRows(QString::fromLatin1(audit::DraftExpire));
        QCOMPARE(expired.size(), 1);
        QCOMPARE(QJsonDocument::fromJson(expired.constFirst().details.toUtf8()).object().value(QStringLiteral("count")),
            QJsonValue(1));
        auto again = drafts().purgeExpired();
        BV_VERIFY_OK(again);
        QCOMPARE(*again, 0);
    }

    void auditRowsNameTheFormOnly()
    {
        auto saved = drafts().save(cm1, DraftForm::EditCustomer, QStringLiteral("0001-00000007"), formContent());
        BV_VERIFY_OK(saved);
        BV_VERIFY_OK(drafts().restore(cm1, saved->id));
        BV_VERIFY_OK(drafts().discard(cm1, saved->id));
        const QList<AuditRow> rows = auditRows(QStringLiteral("draft."));
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(0).action, QString::fromLatin1(audit::DraftSave));
        QCOMPARE(rows.at(1).action, QString::fromLatin1(audit::DraftRestore));
        QCOMPARE(rows.at(2).action, QString::fromLatin1(audit::DraftDiscard));
        for (const AuditRow& row : rows) {
            QCOMPARE(row.login, QStringLiteral("cm1"));
            QVERIFY(row.customerNo.isEmpty());
            QVERIFY(!row.details.contains(QStringLiteral("DRAFTMARK")));
            QVERIFY(!row.details.contains(QStringLiteral("0001-00000007")));
            QCOMPARE(QJsonDocument::fromJson(row.details.toUtf8()).object().value(QStringLiteral("form")),
                QJsonValue(QStringLiteral("customer_edit")));
        }
    }

    void aLockedSessionKeepsNoDraft()
    {
        // the front end saves before it locks: afterwards the session (and its keys) are gone
        QVERIFY(t->core->auth().lock(cm1).ok());
        QCOMPARE(drafts().save(cm1, DraftForm::NewCustomer, QString(), formContent()).error().code,
            ErrorCode::SessionLocked);
        QVERIFY(t->core->auth().signOut(cm2).ok());
        QCOMPARE(drafts().save(cm2, DraftForm::NewCustomer, QString(), formContent()).error().code,
            ErrorCode::AuthenticationFailed);
    }

    void badInputIsRefused()
    {
        QCOMPARE(drafts().save(cm1, DraftForm::EditCustomer, QString(), formContent()).error().code,
            ErrorCode::InvalidInput);
        QCOMPARE(
            drafts().save(cm1, DraftForm::NewCustomer, QStringLiteral("0001-00000001"), formContent()).error().code,
            ErrorCode::InvalidInput);
        QCOMPARE(
            drafts().save(cm1, DraftForm::NewCustomer, QString(), QString()).error().code, ErrorCode::InvalidInput);
        QCOMPARE(drafts()
                     .save(cm1, DraftForm::NewCustomer, QString(),
                         QString(DraftService::kMaxContentLength + 1, QLatin1Char('x')))
                     .error()
                     .code,
            ErrorCode::InvalidInput);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM drafts")), 0);
    }
};

QTEST_GUILESS_MAIN(TestDrafts)
#include "tst_drafts.moc"
