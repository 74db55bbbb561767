// Migration 14 on the branch server: the blind re-key at approval, as in local mode (CustomerRekey.cpp). With psql
// and each staff member's own credentials: change_page names the fields the checker types for each change under the
// branch's approval.rekey_fields (one entry per value); approving with the right blind indexes passes; without them
// it is refused (22023 naming the field) and nothing is approved; with a wrong one it is refused (22023 naming the
// field) and a customer.rekey_mismatch row that names the fields only survives the refusal; account numbers match
// in any order; a change that brings no configured field, a rejection and an empty setting need no typing; a typed
// value of the wrong shape is refused; the old entry point is gone; the mismatch row is the server's alone.
#include "tests/server/ServerValues.h"
#include "tests/testsupport/ServerDatabase.h"

#include <QTest>

#include <memory>

using namespace bv::test;
using bv::test::server::shapedBlind;
using bv::test::server::shapedBytes;

class TestServerRekey : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<ServerDatabase> m_db;
    using Psql = ServerDatabase::Psql;

    Psql run(const QString& sql, const char* login)
    {
        return m_db->verbose(sql, *login ? m_db->roleOf(QLatin1String(login)) : QString());
    }
    QString owner(const QString& sql)
    {
        const Psql r = run(sql, "");
        return r.ok() ? r.out.trimmed() : QStringLiteral("<failed: %1>").arg(r.err);
    }
    static bool refused(const Psql& r, const char* sqlState, const QStringList& words = {})
    {
        return ServerDatabase::refusedWith(r, sqlState, words);
    }

    static QString value(const QString& field, const QString& masked, const QString& domain, const QString& label)
    {
        return QStringLiteral("ROW('%1', 1, %2, '%3', %4, %5)::branchvault.sealed_input")
            .arg(field, shapedBytes(label), masked,
                domain.isEmpty() ? QStringLiteral("NULL") : QStringLiteral("'%1'").arg(domain),
                domain.isEmpty() ? QStringLiteral("NULL") : shapedBlind(label));
    }
    static QString account(const QString& label)
    {
        return QStringLiteral(
            "ROW('debit_card', '2020-01-01', 'active', 1, %1, '622202******0001', %2)::branchvault.account_input")
            .arg(shapedBytes(label), shapedBlind(label));
    }
    // A new account in an edit (account_change).
    static QString newAccount(const QString& label)
    {
        return QStringLiteral("ROW(NULL, 'debit_card', '2021-01-01', 'active', false, 1, %1, '622202******0002', "
                              "%2)::branchvault.account_change")
            .arg(shapedBytes(label), shapedBlind(label));
    }

    // A record submitted by cm1: "customer_no|change_id" (labels "id <tag>", "mobile <tag>", "acct <tag> <n>").
    QString submit(const QString& tag, int accounts = 0)
    {
        const Psql number = run(QStringLiteral("SELECT branchvault.customer_number_reserve('ws-1')"), "cm1");
        if (!number.ok())
            return number.err;
        const QStringList values {
            value(QStringLiteral("name"), QStringLiteral("王*"), QStringLiteral("name"), QStringLiteral("name ") + tag),
            value(QStringLiteral("id_type"), QStringLiteral("mainland_id"), QString(), QStringLiteral("type ") + tag),
            value(QStringLiteral("id_number"), QStringLiteral("110101************"), QStringLiteral("id"),
                QStringLiteral("id ") + tag),
            value(QStringLiteral("mobile"), QStringLiteral("139****0011"), QStringLiteral("phone"),
                QStringLiteral("mobile ") + tag)};
        QStringList rows;
        for (int i = 1; i <= accounts; ++i)
            rows << account(QStringLiteral("acct %1 %2").arg(tag).arg(i));
        const Psql made
            = run(QStringLiteral("SELECT customer_no || '|' || change_id FROM branchvault.customer_submit('%1', "
                                 "'{\"occupation\": \"teacher\"}'::jsonb, ARRAY[%2]::branchvault.sealed_input[], "
                                 "ARRAY[%3]::branchvault.account_input[], NULL, false, 'ws-1')")
                      .arg(number.out.trimmed(), values.join(QStringLiteral(", ")), rows.join(QStringLiteral(", "))),
                "cm1");
        return made.ok() ? made.out.trimmed() : made.err;
    }
    static qint64 changeOf(const QString& made) { return made.section(QLatin1Char('|'), 1).toLongLong(); }
    static QString numberOf(const QString& made) { return made.section(QLatin1Char('|'), 0, 0); }

    // The typed values as the workstation sends them: {field, label} → rekey_input[].
    static QString typed(const QList<QPair<QString, QString>>& values)
    {
        QStringList rows;
        for (const auto& [field, label] : values)
            rows << QStringLiteral("ROW('%1', %2)::branchvault.rekey_input").arg(field, shapedBlind(label));
        return QStringLiteral("ARRAY[%1]::branchvault.rekey_input[]").arg(rows.join(QStringLiteral(", ")));
    }
    Psql decide(qint64 change, bool approve, const QString& rekeyed, const char* login = "m1")
    {
        return run(QStringLiteral("CALL branchvault.change_decide(%1, %2, 'documents checked', %3, 'ws-2', NULL)")
                       .arg(change)
                       .arg(approve ? QStringLiteral("true") : QStringLiteral("false"), rekeyed),
            login);
    }
    QString statusOf(qint64 change)
    {
        return owner(QStringLiteral("SELECT ch.status || '|' || c.status FROM branchvault.customer_changes ch JOIN "
                                    "branchvault.customers c ON c.id = ch.customer_id WHERE ch.id = %1")
                         .arg(change));
    }
    // The rekey_fields change_page gives m1 for the change.
    QString rekeyFields(qint64 change)
    {
        const Psql r = run(
            QStringLiteral("SELECT array_to_string(rekey_fields, ',') FROM branchvault.change_page(NULL, 1000, 'ws-2') "
                           "WHERE id = %1")
                .arg(change),
            "m1");
        return r.ok() ? r.out.trimmed() : QStringLiteral("<%1>").arg(r.err);
    }
    void setRekeyFields(const QString& value)
    {
        const Psql r = run(
            QStringLiteral("SELECT branchvault.settings_set('approval.rekey_fields', '%1', 'ws-a')").arg(value), "a1");
        QVERIFY2(r.ok(), qPrintable(r.err));
    }
    QString lastSeq() { return owner(QStringLiteral("SELECT max(seq) FROM branchvault.audit_log")); }
    // The audit rows after `seq`: "login|action|object_type|customer_no|outcome|details" per line.
    QString rowsAfter(const QString& seq)
    {
        return owner(QStringLiteral("SELECT string_agg(login || '|' || action || '|' || object_type || '|' || "
                                    "coalesce(customer_no, '') || '|' || outcome || '|' || details, E'\\n' "
                                    "ORDER BY seq) FROM branchvault.audit_log WHERE seq > %1")
                         .arg(seq));
    }
    QString versionOf(const QString& number)
    {
        return owner(QStringLiteral("SELECT version FROM branchvault.customers WHERE customer_no = '%1'").arg(number));
    }
    // An approved record of cm1's with `accounts` accounts: its number.
    QString active(const QString& tag, int accounts = 0)
    {
        const QString made = submit(tag, accounts);
        QList<QPair<QString, QString>> values {{QStringLiteral("id_number"), QStringLiteral("id ") + tag}};
        const Psql approved = decide(changeOf(made), true, typed(values));
        return approved.ok() ? numberOf(made) : approved.err;
    }
    // An edit by cm1 of `number` with these sealed values and new accounts: the change id, or -1.
    qint64 edit(const QString& number, const QStringList& sealed, const QStringList& accounts = {})
    {
        const Psql r = run(
            QStringLiteral("SELECT branchvault.customer_edit('%1', %2, '{}'::jsonb, "
                           "ARRAY[%3]::branchvault.sealed_input[], "
                           "ARRAY[%4]::branchvault.account_change[], NULL, 'ws-1')")
                .arg(number, versionOf(number), sealed.join(QStringLiteral(", ")), accounts.join(QStringLiteral(", "))),
            "cm1");
        if (!r.ok())
            qWarning("%s", qPrintable(r.err));
        return r.ok() ? r.out.trimmed().toLongLong() : -1;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(ServerDatabase::environmentProblem().isEmpty(), qPrintable(ServerDatabase::environmentProblem()));
        m_db = std::make_unique<ServerDatabase>(QStringLiteral("rekey"));
        const QString problem = m_db->setUp(14);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const QString b1 = QStringLiteral("B001");
        const std::pair<const char*, const char*> staff[]
            = {{"m1", "manager"}, {"m2", "manager"}, {"cm1", "customer_manager"}, {"a1", "admin"}, {"au1", "auditor"}};
        for (const auto& [login, role] : staff)
            QVERIFY(m_db->addStaff(QLatin1String(login), QLatin1String(role), b1) > 0);
    }

    void cleanupTestCase() { m_db.reset(); }

    void init() { setRekeyFields(QStringLiteral("id_number")); }

    // The default setting (id_number): a new record needs its ID number typed; the right blind index approves it.
    void theRightIdNumberApproves()
    {
        const QString made = submit(QStringLiteral("k01"));
        const qint64 change = changeOf(made);
        QVERIFY2(change > 0, qPrintable(made));
        QCOMPARE(rekeyFields(change), QStringLiteral("id_number"));
        const QString seq = lastSeq();
        const Psql r = decide(change, true, typed({{QStringLiteral("id_number"), QStringLiteral("id k01")}}));
        QVERIFY2(r.ok(), qPrintable(r.err));
        QCOMPARE(r.out.trimmed(), QStringLiteral("approved"));
        QCOMPARE(statusOf(change), QStringLiteral("approved|active"));
        QVERIFY2(rowsAfter(seq).startsWith(QStringLiteral("m1|customer.approve|customer|%1|ok|").arg(numberOf(made))),
            qPrintable(rowsAfter(seq)));
        // a value of a field the setting does not name is ignored, as in local mode
        const QString other = submit(QStringLiteral("k02"));
        const Psql extra = decide(changeOf(other), true,
            typed({{QStringLiteral("id_number"), QStringLiteral("id k02")},
                {QStringLiteral("mobile"), QStringLiteral("not the mobile")}}));
        QVERIFY2(extra.ok(), qPrintable(extra.err));
    }

    // No typed value: refused naming the field, nothing approved, no mismatch row.
    void aMissingValueIsRefused()
    {
        const QString made = submit(QStringLiteral("k03"));
        const qint64 change = changeOf(made);
        const QString seq = lastSeq();
        for (const QString& none : {QStringLiteral("NULL"), QStringLiteral("'{}'::branchvault.rekey_input[]"),
                 typed({{QStringLiteral("mobile"), QStringLiteral("mobile k03")}})}) {
            const Psql r = decide(change, true, none);
            QVERIFY2(refused(r, "22023", {QStringLiteral("field \"id_number\""), QStringLiteral("type from the")}),
                qPrintable(r.err));
        }
        QCOMPARE(statusOf(change), QStringLiteral("pending|pending"));
        QCOMPARE(rowsAfter(seq), QString());
    }

    // A wrong value: refused naming the field; the customer.rekey_mismatch row (field names only) stays; nothing
    // approved. The right value afterwards approves.
    void aWrongValueIsRefusedAndAudited()
    {
        const QString made = submit(QStringLiteral("k04"));
        const qint64 change = changeOf(made);
        const QString seq = lastSeq();
        const Psql r = decide(change, true, typed({{QStringLiteral("id_number"), QStringLiteral("id k05")}}));
        QVERIFY2(refused(r, "22023", {QStringLiteral("field \"id_number\""), QStringLiteral("does not match")}),
            qPrintable(r.err));
        QCOMPARE(statusOf(change), QStringLiteral("pending|pending"));
        const QString customerId = owner(
            QStringLiteral("SELECT id FROM branchvault.customers WHERE customer_no = '%1'").arg(numberOf(made)));
        QCOMPARE(
            owner(QStringLiteral("SELECT object_id FROM branchvault.audit_log WHERE seq > %1").arg(seq)), customerId);
        QCOMPARE(rowsAfter(seq),
            QStringLiteral("m1|customer.rekey_mismatch|customer|%1|failed|{\"change\":%2,\"fields\":[\"id_number\"]}")
                .arg(numberOf(made))
                .arg(change));
        const Psql right = decide(change, true, typed({{QStringLiteral("id_number"), QStringLiteral("id k04")}}));
        QVERIFY2(right.ok(), qPrintable(right.err));
        QCOMPARE(statusOf(change), QStringLiteral("approved|active"));
        // decided meanwhile: a conflict, whatever is typed
        const Psql again = decide(change, true, typed({{QStringLiteral("id_number"), QStringLiteral("id k04")}}), "m2");
        QVERIFY2(refused(again, "BV409", {QStringLiteral("already approved by")}), qPrintable(again.err));
    }

    // With the three fields: each new account number is typed once, in any order; one missing, one wrong, one too
    // many are refused; a mismatch wins over a missing value.
    void accountNumbersInAnyOrder()
    {
        setRekeyFields(QStringLiteral("account_number, mobile ,id_number"));
        const QString made = submit(QStringLiteral("k06"), 2);
        const qint64 change = changeOf(made);
        QCOMPARE(rekeyFields(change), QStringLiteral("id_number,mobile,account_number,account_number"));
        const QPair<QString, QString> id {QStringLiteral("id_number"), QStringLiteral("id k06")};
        const QPair<QString, QString> mobile {QStringLiteral("mobile"), QStringLiteral("mobile k06")};
        const QPair<QString, QString> one {QStringLiteral("account_number"), QStringLiteral("acct k06 1")};
        const QPair<QString, QString> two {QStringLiteral("account_number"), QStringLiteral("acct k06 2")};
        const QPair<QString, QString> wrong {QStringLiteral("account_number"), QStringLiteral("acct k99 1")};
        const QString seq = lastSeq();
        const Psql onlyOne = decide(change, true, typed({id, mobile, one}));
        QVERIFY2(refused(onlyOne, "22023", {QStringLiteral("field \"account_number\""), QStringLiteral("type from")}),
            qPrintable(onlyOne.err));
        const Psql twice = decide(change, true, typed({id, mobile, one, one}));
        QVERIFY2(
            refused(twice, "22023", {QStringLiteral("field \"account_number\""), QStringLiteral("does not match")}),
            qPrintable(twice.err));
        const Psql tooMany = decide(change, true, typed({id, mobile, one, two, wrong}));
        QVERIFY2(refused(tooMany, "22023", {QStringLiteral("does not match")}), qPrintable(tooMany.err));
        // the mobile wrong and an account missing: the mismatch is what is refused and audited
        const Psql both
            = decide(change, true, typed({id, {QStringLiteral("mobile"), QStringLiteral("mobile k99")}, two}));
        QVERIFY2(refused(both, "22023", {QStringLiteral("field \"mobile\":"), QStringLiteral("does not match")}),
            qPrintable(both.err));
        QCOMPARE(statusOf(change), QStringLiteral("pending|pending"));
        const QString rows = rowsAfter(seq);
        QCOMPARE(rows.count(QLatin1String("customer.rekey_mismatch")), 3);
        QVERIFY2(
            rows.endsWith(QStringLiteral("{\"change\":%1,\"fields\":[\"mobile\"]}").arg(change)), qPrintable(rows));
        const Psql reversed = decide(change, true, typed({two, mobile, one, id}));
        QVERIFY2(reversed.ok(), qPrintable(reversed.err));
        QCOMPARE(statusOf(change), QStringLiteral("approved|active"));

        // an edit adding an account: only the new number is typed (the ID number is not part of the edit)
        const qint64 added = edit(numberOf(made), {}, {newAccount(QStringLiteral("acct k06 3"))});
        QVERIFY(added > 0);
        QCOMPARE(rekeyFields(added), QStringLiteral("account_number"));
        const Psql old = decide(added, true, typed({one}));
        QVERIFY2(refused(old, "22023", {QStringLiteral("field \"account_number\""), QStringLiteral("does not match")}),
            qPrintable(old.err));
        const Psql fresh
            = decide(added, true, typed({{QStringLiteral("account_number"), QStringLiteral("acct k06 3")}}));
        QVERIFY2(fresh.ok(), qPrintable(fresh.err));
    }

    // An edit of the ID number needs the new number, not the old one; an edit of fields the setting does not name
    // needs nothing.
    void editsNeedWhatTheyBring()
    {
        const QString number = active(QStringLiteral("k07"));
        QVERIFY2(number.startsWith(QLatin1String("B001-")), qPrintable(number));
        const qint64 idEdit = edit(number,
            {value(QStringLiteral("id_number"), QStringLiteral("110101************"), QStringLiteral("id"),
                QStringLiteral("id k08"))});
        QVERIFY(idEdit > 0);
        QCOMPARE(rekeyFields(idEdit), QStringLiteral("id_number"));
        const Psql old = decide(idEdit, true, typed({{QStringLiteral("id_number"), QStringLiteral("id k07")}}));
        QVERIFY2(refused(old, "22023", {QStringLiteral("does not match")}), qPrintable(old.err));
        const Psql missing = decide(idEdit, true, QStringLiteral("NULL"));
        QVERIFY2(refused(missing, "22023", {QStringLiteral("field \"id_number\"")}), qPrintable(missing.err));
        QCOMPARE(statusOf(idEdit), QStringLiteral("pending|active"));
        const Psql fresh = decide(idEdit, true, typed({{QStringLiteral("id_number"), QStringLiteral("id k08")}}));
        QVERIFY2(fresh.ok(), qPrintable(fresh.err));

        const qint64 mobileEdit = edit(number,
            {value(QStringLiteral("mobile"), QStringLiteral("139****0012"), QStringLiteral("phone"),
                QStringLiteral("mobile k09"))});
        QVERIFY(mobileEdit > 0);
        QCOMPARE(rekeyFields(mobileEdit), QString());
        const Psql plain = decide(mobileEdit, true, QStringLiteral("NULL"));
        QVERIFY2(plain.ok(), qPrintable(plain.err));
        QCOMPARE(statusOf(mobileEdit), QStringLiteral("approved|active"));
    }

    // Rejecting needs no typing; the setting emptied needs none for approving either.
    void rejectionsAndAnEmptySettingNeedNoValues()
    {
        const qint64 rejected = changeOf(submit(QStringLiteral("k10")));
        const Psql r = decide(rejected, false, QStringLiteral("NULL"));
        QVERIFY2(r.ok(), qPrintable(r.err));
        QCOMPARE(r.out.trimmed(), QStringLiteral("rejected"));
        QCOMPARE(statusOf(rejected), QStringLiteral("rejected|rejected"));

        setRekeyFields(QString());
        const qint64 change = changeOf(submit(QStringLiteral("k11"), 1));
        QCOMPARE(rekeyFields(change), QString());
        const Psql approved = decide(change, true, QStringLiteral("NULL"));
        QVERIFY2(approved.ok(), qPrintable(approved.err));
        QCOMPARE(statusOf(change), QStringLiteral("approved|active"));
    }

    // A typed value without a field or with a blind index that is not 16 bytes is refused, before anything.
    void aMalformedValueIsRefused()
    {
        const qint64 change = changeOf(submit(QStringLiteral("k12")));
        const Psql shortIndex = decide(
            change, true, QStringLiteral("ARRAY[ROW('id_number', '\\x0102'::bytea)]::branchvault.rekey_input[]"));
        QVERIFY2(refused(shortIndex, "22023", {QStringLiteral("field \"id_number\""), QStringLiteral("16 bytes")}),
            qPrintable(shortIndex.err));
        const Psql noField = decide(change, true,
            QStringLiteral("ARRAY[ROW(NULL, %1)]::branchvault.rekey_input[]")
                .arg(shapedBlind(QStringLiteral("id k12"))));
        QVERIFY2(refused(noField, "22023", {QStringLiteral("field \"rekeyed\"")}), qPrintable(noField.err));
        QCOMPARE(statusOf(change), QStringLiteral("pending|pending"));
    }

    // The other checks stay: only a branch manager decides; the old function is gone; the attempt function and the
    // procedure are the branch manager's only; the mismatch row is not a workstation's to append.
    void theOldEntryPointIsGone()
    {
        const qint64 change = changeOf(submit(QStringLiteral("k13")));
        const Psql old
            = run(QStringLiteral("SELECT branchvault.change_decide(%1, true, 'documents checked', 'ws-2')").arg(change),
                "m1");
        QVERIFY2(refused(old, "42883"), qPrintable(old.err));
        QCOMPARE(
            owner(QStringLiteral("SELECT count(*) FROM pg_proc WHERE proname = 'change_decide' AND prokind = 'f'")),
            QStringLiteral("0"));
        const Psql byMaker
            = decide(change, true, typed({{QStringLiteral("id_number"), QStringLiteral("id k13")}}), "cm1");
        QVERIFY2(refused(byMaker, "42501"), qPrintable(byMaker.err));
        const Psql attempt = run(QStringLiteral("SELECT * FROM branchvault.change_decide_attempt(%1, true, 'x', NULL, "
                                                "'ws')")
                                     .arg(change),
            "cm1");
        QVERIFY2(refused(attempt, "42501"), qPrintable(attempt.err));
        QCOMPARE(statusOf(change), QStringLiteral("pending|pending"));
        const Psql forged = run(QStringLiteral("SELECT branchvault.audit_append('ws', 'customer.rekey_mismatch', "
                                               "'customer', '1', NULL, 'failed', '{}')"),
            "m1");
        QVERIFY2(refused(forged, "42501", {QStringLiteral("the server writes them itself")}), qPrintable(forged.err));
    }
};

QTEST_GUILESS_MAIN(TestServerRekey)
#include "tst_serverrekey.moc"
