// Drafts over the branch server (docs/SERVER.md, "Drafts over the server"; migration 25), on a real throwaway
// cluster with TLS (ServerBranch), through the core (ServerDrafts) and with psql as each staff member:
// - a branch manager's and a customer manager's half-typed new customer is kept sealed: the server holds no byte of
//   what was typed, and the row opens only for its author (moved to another author, it does not open);
// - one draft per author and form (saving again replaces it); listed newest first for its author only;
// - restore returns the content and leaves the draft; draft.restore is committed before the content leaves; another
//   author's id, a discarded one and an expired one are the same "not kept", recorded as access.denied;
// - discard and discardFor (saved or cleared) remove it with local mode's rows; an expired draft is deleted with a
//   system draft.expire row at the next listing;
// - the clerk, the administrator and the auditor are refused; no staff role reads the table or calls draft_restore
//   outside read_committed; no workstation appends a draft.* row.
//
// Grade-1 values never reach the test's output: the typed content is compared, never printed.
#include "core/audit/AuditActions.h"
#include "core/server/ServerDrafts.h"
#include "core/server/ServerSession.h"
#include "tests/server/ServerBranch.h"
#include "tests/server/ServerResults.h"

#include <QTest>

using namespace bv;
using namespace bv::test;

namespace {

// What a half-typed form holds: a name and an ID number (test values), as the form's JSON would carry them.
const QString kContentC1 = QStringLiteral(
    R"({"version":1,"page":0,"pages":{"identity":{"name":"草稿测试甲","id_number":"110101199003077777"}}})");
const QString kContentM1 = QStringLiteral(
    R"({"version":1,"page":1,"pages":{"identity":{"name":"草稿测试乙","id_number":"110101198506061234"}}})");

} // namespace

class TestServerDrafts : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<ServerBranch> m_branch;

    QString sql(const QString& statement) const { return m_branch->sql(statement); }
    ServerDrafts as(const char* login) { return ServerDrafts(m_branch->session(QLatin1String(login))); }
    qint64 lastSeq() const { return sql(QStringLiteral("SELECT max(seq) FROM branchvault.audit_log")).toLongLong(); }
    // "login|action|object_id|outcome|details" of the rows after `seq`, one per line
    QString rowsAfter(qint64 seq) const
    {
        return sql(QStringLiteral("SELECT string_agg(login || '|' || action || '|' || object_id || '|' || outcome || "
                                  "'|' || details, E'\\n' ORDER BY seq) FROM branchvault.audit_log WHERE seq > %1")
                       .arg(seq));
    }

private slots:
    void initTestCase()
    {
        m_branch = std::make_unique<ServerBranch>(QStringLiteral("drafts"));
        const QString problem = m_branch->setUp();
        if (problem.startsWith(QLatin1String("SKIP ")))
            QSKIP(qPrintable(problem.mid(5)));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        for (const auto& [login, role] :
            {std::pair {QStringLiteral("m1"), Role::Manager}, std::pair {QStringLiteral("c1"), Role::CustomerManager},
                std::pair {QStringLiteral("c2"), Role::CustomerManager}, std::pair {QStringLiteral("k1"), Role::Clerk},
                std::pair {QStringLiteral("u1"), Role::Auditor}}) {
            const QString added = m_branch->addStaff(login, role);
            QVERIFY2(added.isEmpty(), qPrintable(added));
        }
    }

    void aDraftIsKeptSealedForItsAuthorOnly()
    {
        const qint64 before = lastSeq();
        auto first = as("c1").save(DraftForm::NewCustomer, QString(), QStringLiteral(R"({"version":1})"));
        QVERIFY2(first.ok(), qPrintable(why(first)));
        auto kept = as("c1").save(DraftForm::NewCustomer, QString(), kContentC1);
        QVERIFY2(kept.ok(), qPrintable(why(kept)));
        QCOMPARE(kept->id, first->id); // replaced in place
        QVERIFY(kept->savedAt.isValid());
        QCOMPARE(kept->savedAt.daysTo(kept->expiresAt), qint64(DraftService::kLifetimeDays));
        auto managers = as("m1").save(DraftForm::NewCustomer, QString(), kContentM1);
        QVERIFY2(managers.ok(), qPrintable(why(managers)));
        // saving again replaced the first; one row per author and form
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM branchvault.drafts")), QStringLiteral("2"));
        QCOMPARE(rowsAfter(before),
            QStringLiteral("c1|draft.save|%1|ok|{\"form\":\"customer_new\"}\n"
                           "c1|draft.save|%2|ok|{\"form\":\"customer_new\"}\n"
                           "m1|draft.save|%3|ok|{\"form\":\"customer_new\"}")
                .arg(first->id)
                .arg(kept->id)
                .arg(managers->id));
        // nothing typed is on the server: not the name, not the ID number, in no table or row
        const QString dump = sql(QStringLiteral("SELECT string_agg(d::text, ' ') FROM branchvault.drafts d"))
            + sql(QStringLiteral("SELECT string_agg(a::text, ' ') FROM branchvault.audit_log a"));
        for (const char* typed : {"草稿测试甲", "110101199003077777", "草稿测试乙", "110101198506061234", "id_number"})
            QVERIFY(!dump.contains(QString::fromUtf8(typed)));

        // each lists only his or her own
        auto listed = as("c1").list();
        QVERIFY2(listed.ok(), qPrintable(why(listed)));
        QCOMPARE(listed->size(), 1);
        QCOMPARE(listed->constFirst().id, kept->id);
        QCOMPARE(listed->constFirst().form, DraftForm::NewCustomer);
        auto none = as("c2").list();
        QVERIFY2(none.ok(), qPrintable(why(none)));
        QVERIFY(none->isEmpty());

        // restored: the content as typed, the draft still there, draft.restore recorded
        const qint64 beforeRestore = lastSeq();
        auto restored = as("c1").restore(kept->id);
        QVERIFY2(restored.ok(), qPrintable(why(restored)));
        QVERIFY(*restored == kContentC1);
        QCOMPARE(rowsAfter(beforeRestore),
            QStringLiteral("c1|draft.restore|%1|ok|{\"form\":\"customer_new\"}").arg(kept->id));
        QCOMPARE(as("c1").list()->size(), 1);

        // another author's id is "not kept", as a discarded one, and the attempt is recorded without the author
        const qint64 beforeOther = lastSeq();
        auto others = as("c2").restore(kept->id);
        QVERIFY(!others.ok());
        QCOMPARE(others.error().code, ErrorCode::NotFound);
        QVERIFY(others.error().message.contains(QStringLiteral("no longer kept")));
        auto missing = as("c2").restore(kept->id + 1000);
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().message, others.error().message);
        QCOMPARE(rowsAfter(beforeOther),
            QStringLiteral("c2|access.denied|edit_customer|denied|{\"operation\":\"edit_customer\"}\n"
                           "c2|access.denied|edit_customer|denied|{\"operation\":\"edit_customer\"}"));
        // discarding another's draft: the same answer, on record naming the draft (as local mode records it)
        const qint64 beforeDiscard = lastSeq();
        const Status othersDiscard = as("c2").discard(kept->id);
        QVERIFY(!othersDiscard.ok());
        QCOMPARE(othersDiscard.error().code, ErrorCode::NotFound);
        QCOMPARE(rowsAfter(beforeDiscard),
            QStringLiteral("c2|access.denied|%1|denied|{\"operation\":\"edit_customer\"}").arg(kept->id));
        QCOMPARE(as("c1").list()->size(), 1);

        // a row moved to another author on the server does not open for that author
        QCOMPARE(sql(QStringLiteral("UPDATE branchvault.drafts SET author_id = (SELECT id FROM branchvault.staff "
                                    "WHERE login = 'c2') WHERE id = %1")
                         .arg(kept->id)),
            QString());
        auto moved = as("c2").restore(kept->id);
        QVERIFY(!moved.ok());
        QCOMPARE(moved.error().code, ErrorCode::Damaged);
        QCOMPARE(sql(QStringLiteral("UPDATE branchvault.drafts SET author_id = (SELECT id FROM branchvault.staff "
                                    "WHERE login = 'c1') WHERE id = %1")
                         .arg(kept->id)),
            QString());
        QVERIFY(as("c1").restore(kept->id).ok());
    }

    void savingOrClearingTheFormDiscardsItsDraft()
    {
        auto listed = as("c1").list();
        QVERIFY2(listed.ok() && listed->size() == 1, qPrintable(why(listed)));
        const qint64 id = listed->constFirst().id;
        qint64 before = lastSeq();
        QVERIFY(as("c1").discardFor(DraftForm::NewCustomer, QString(), true).ok());
        QCOMPARE(rowsAfter(before),
            QStringLiteral("c1|draft.discard|%1|ok|{\"form\":\"customer_new\",\"reason\":\"saved\"}").arg(id));
        // none left: nothing to do, nothing written
        before = lastSeq();
        QVERIFY(as("c1").discardFor(DraftForm::NewCustomer, QString(), false).ok());
        QCOMPARE(lastSeq(), before);
        auto restored = as("c1").restore(id);
        QVERIFY(!restored.ok());
        QCOMPARE(restored.error().code, ErrorCode::NotFound);

        // Discard on the offer
        auto kept = as("c1").save(DraftForm::NewCustomer, QString(), kContentC1);
        QVERIFY(kept.ok());
        before = lastSeq();
        QVERIFY(as("c1").discard(kept->id).ok());
        QCOMPARE(rowsAfter(before),
            QStringLiteral("c1|draft.discard|%1|ok|{\"form\":\"customer_new\",\"reason\":\"discarded\"}")
                .arg(kept->id));
        QCOMPARE(as("c1").discard(kept->id).error().code, ErrorCode::NotFound);
    }

    void anExpiredDraftIsNeitherOfferedNorRestored()
    {
        auto kept = as("c2").save(DraftForm::NewCustomer, QString(), kContentC1);
        QVERIFY(kept.ok());
        QCOMPARE(sql(QStringLiteral("UPDATE branchvault.drafts SET expires_at = now() - interval '1 second' WHERE id "
                                    "= %1")
                         .arg(kept->id)),
            QString());
        auto restored = as("c2").restore(kept->id);
        QVERIFY(!restored.ok());
        QCOMPARE(restored.error().code, ErrorCode::NotFound);
        // the next listing, by anyone of the branch, deletes it with the system's row; the manager's own stays
        const qint64 before = lastSeq();
        auto listed = as("m1").list();
        QVERIFY2(listed.ok(), qPrintable(why(listed)));
        QCOMPARE(listed->size(), 1);
        QCOMPARE(rowsAfter(before), QStringLiteral("system|draft.expire||ok|{\"count\":1,\"lifetimeDays\":7}"));
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM branchvault.drafts WHERE id = %1").arg(kept->id)),
            QStringLiteral("0"));
    }

    void onlyTheNewCustomerFormIsKept()
    {
        auto edit = as("c1").save(DraftForm::EditCustomer, QStringLiteral("0101-00000001"), kContentC1);
        QVERIFY(!edit.ok());
        QCOMPARE(edit.error().code, ErrorCode::InvalidInput);
        // the server refuses it too, whatever a modified client sends
        const QString refused = m_branch->sqlAs(QStringLiteral("c1"),
            QStringLiteral("SELECT id FROM branchvault.draft_save('customer_edit', '0101-00000001', "
                           "'0123456789abcdef0123456789abcdef', 1, decode(repeat('ab', 60), 'hex'), 'ws')"));
        QVERIFY2(refused.contains(QLatin1String("22023")), qPrintable(refused));
    }

    // A server set up by an earlier release, without migration 25: the workstation says the server is older and what
    // to do, instead of a bare server error.
    void aServerWithoutTheMigrationSaysItIsOlder()
    {
        QCOMPARE(
            sql(QStringLiteral("ALTER FUNCTION branchvault.draft_page(text) RENAME TO draft_page_hidden")), QString());
        auto listed = as("c1").list();
        QCOMPARE(
            sql(QStringLiteral("ALTER FUNCTION branchvault.draft_page_hidden(text) RENAME TO draft_page")), QString());
        QVERIFY(!listed.ok());
        QCOMPARE(listed.error().code, ErrorCode::Database);
        QVERIFY2(listed.error().message.contains(QStringLiteral("older than this workstation"))
                && listed.error().message.contains(QStringLiteral("server upgrade")),
            qPrintable(listed.error().message));
        QVERIFY(as("c1").list().ok());
    }

    void theOtherRolesAreRefusedAndTheTableIsClosed()
    {
        for (const char* login : {"k1", "u1", "a1"}) {
            auto saved = as(login).save(DraftForm::NewCustomer, QString(), kContentC1);
            QVERIFY(!saved.ok());
            QCOMPARE(saved.error().code, ErrorCode::PermissionDenied);
            QVERIFY(!as(login).list().ok());
            // with psql, as a modified client would
            const QString page = m_branch->sqlAs(
                QString::fromLatin1(login), QStringLiteral("SELECT * FROM branchvault.draft_page('ws')"));
            QVERIFY2(page.contains(QLatin1String("42501")), qPrintable(login + page));
            const QString save = m_branch->sqlAs(QString::fromLatin1(login),
                QStringLiteral("SELECT id FROM branchvault.draft_save('customer_new', '', "
                               "'0123456789abcdef0123456789abcdef', 1, decode(repeat('ab', 60), 'hex'), 'ws')"));
            QVERIFY2(save.contains(QLatin1String("42501")), qPrintable(login + save));
        }
        for (const char* login : {"m1", "c1", "k1", "u1", "a1"}) {
            const QString table = m_branch->sqlAs(
                QString::fromLatin1(login), QStringLiteral("SELECT count(*) FROM branchvault.drafts"));
            QVERIFY2(table.contains(QLatin1String("42501")), qPrintable(login + table));
            const QString direct = m_branch->sqlAs(
                QString::fromLatin1(login), QStringLiteral("SELECT * FROM branchvault.draft_restore(1, 'ws')"));
            QVERIFY2(direct.contains(QLatin1String("42501")), qPrintable(login + direct));
            const QString forged = m_branch->sqlAs(QString::fromLatin1(login),
                QStringLiteral("SELECT branchvault.audit_append('ws', 'draft.restore', 'draft', '1', NULL, 'ok', "
                               "'{}')"));
            QVERIFY2(forged.contains(QLatin1String("42501")), qPrintable(login + forged));
        }
        // a restore read in a transaction that is rolled back gives nothing: the CALL refuses to run in one
        auto kept = as("c1").save(DraftForm::NewCustomer, QString(), kContentC1);
        QVERIFY(kept.ok());
        const QString inBlock = m_branch->sqlAs(QStringLiteral("c1"),
            QStringLiteral("BEGIN; CALL branchvault.read_committed('draft_restore', '{\"id\": %1}', 'ws', NULL); "
                           "ROLLBACK;")
                .arg(kept->id));
        QVERIFY2(inBlock.startsWith(QLatin1String("<error:")), qPrintable(inBlock.left(200)));
        QVERIFY(!inBlock.contains(QLatin1String("sealed")));
    }
};

QTEST_MAIN(TestServerDrafts)
#include "tst_serverdrafts.moc"
