// Customer tiers over the branch server through the core (ServerOwnership; DESIGN §6 "Tiers", docs/SERVER.md "Tiers
// over the server"), on a real throwaway cluster with TLS: the approval of a new customer sets its first tier from the
// assets and the branch's thresholds; an approved edit of the assets leaves a tier change waiting for a branch manager
// (a newer edit replaces it), who confirms it — the customer takes the new tier — or keeps the current tier with a
// reason; a change decided twice, or whose customer's thresholds moved since, is a conflict; each decision and each
// read of the list leaves local mode's audit row. Only the branch manager reads or decides, also for psql with a staff
// member's credentials (no table readable, no function callable).
//
// Grade-1 values never reach the test's output.
#include "core/server/ServerCustomers.h"
#include "core/server/ServerOwnership.h"
#include "tests/server/ServerBranch.h"
#include "tests/server/ServerResults.h"
#include "tests/testsupport/TestData.h"
#include "tests/testsupport/TestSupport.h"

#include <QTest>

using namespace bv;
using namespace bv::test;

class TestServerTiers : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<ServerBranch> m_branch;
    QString m_number; // c1's customer, entered with 600,000 yuan

    QString sql(const QString& statement) const { return m_branch->sql(statement); }
    ServerOwnership owner(const char* login) { return ServerOwnership(m_branch->session(QLatin1String(login))); }
    ServerCustomers customers(const char* login) { return ServerCustomers(m_branch->session(QLatin1String(login))); }
    QString tierOf(const QString& number) const
    {
        return sql(QStringLiteral("SELECT tier FROM branchvault.customers WHERE customer_no = '%1'").arg(number));
    }
    qint64 lastSeq() const { return sql(QStringLiteral("SELECT max(seq) FROM branchvault.audit_log")).toLongLong(); }
    // The audit rows of `action` after `seq`: "login|object_type|customer_no|details", one per line.
    QString auditAfter(qint64 seq, const QString& action) const
    {
        return sql(
            QStringLiteral("SELECT string_agg(login || '|' || object_type || '|' || coalesce(customer_no, '') || "
                           "'|' || details, E'\\n' ORDER BY seq) FROM branchvault.audit_log WHERE seq > %1 AND "
                           "action = '%2'")
                .arg(seq)
                .arg(action));
    }

    // c1 edits the assets of `number`, m1 approves; "" or what failed.
    QString editAssets(const QString& number, qint64 yuan)
    {
        auto present = customers("c1").open(number);
        if (!present.ok())
            return why(present);
        CustomerInput edit;
        edit.values.insert(QStringLiteral("aum_cny"), QString::number(yuan));
        auto receipt = customers("c1").edit(*present, edit);
        if (!receipt.ok())
            return why(receipt);
        const Status decided = customers("m1").decide(receipt->changeId, true, QStringLiteral("核对资产证明"), {});
        return decided.ok() ? QString() : why(decided);
    }

    // The one waiting change of `number` as the branch manager lists it: "from>to", or "" when none waits.
    QString waiting(const QString& number, qint64* id = nullptr)
    {
        auto changes = owner("m1").pendingTiers();
        if (!changes.ok())
            return why(changes);
        for (const TierChange& change : *changes)
            if (change.customerNumber == number) {
                if (id)
                    *id = change.id;
                return change.fromTier + QLatin1Char('>') + change.toTier;
            }
        return QString();
    }

private slots:
    void initTestCase()
    {
        m_branch = std::make_unique<ServerBranch>(QStringLiteral("tiers"));
        const QString problem = m_branch->setUp();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        for (const auto& [login, role] :
            {std::pair {QStringLiteral("m1"), Role::Manager}, std::pair {QStringLiteral("m2"), Role::Manager},
                std::pair {QStringLiteral("c1"), Role::CustomerManager},
                std::pair {QStringLiteral("k1"), Role::Clerk}}) {
            const QString added = m_branch->addStaff(login, role);
            QVERIFY2(added.isEmpty(), qPrintable(added));
        }
    }

    void cleanupTestCase() { m_branch.reset(); }

    // The approval of a new customer confirms the first tier the assets give (gold from 500,000 yuan by default);
    // until then the customer is regular.
    void theFirstTierIsSetAtApproval()
    {
        CustomerInput input = customerInput(811);
        input.values.insert(QStringLiteral("aum_cny"), QStringLiteral("600000"));
        auto receipt = customers("c1").enter(input);
        QVERIFY2(receipt.ok(), qPrintable(why(receipt)));
        m_number = receipt->customerNumber;
        QCOMPARE(tierOf(m_number), QStringLiteral("regular"));
        const RekeyedValues typed {{QStringLiteral("id_number"), {input.values.value(QStringLiteral("id_number"))}}};
        const Status decided = customers("m1").decide(receipt->changeId, true, QStringLiteral("核对证件一致"), typed);
        QVERIFY2(decided.ok(), qPrintable(why(decided)));
        QCOMPARE(tierOf(m_number), QStringLiteral("gold"));
        QCOMPARE(waiting(m_number), QString()); // the approval confirmed it: nothing waits
    }

    // An approved edit of the assets leaves a change waiting; the list is recorded; a newer edit replaces the
    // waiting change, and one that gives the current tier again leaves none.
    void anEditOfTheAssetsWaitsForTheBranchManager()
    {
        QCOMPARE(editAssets(m_number, 3500000), QString());
        QCOMPARE(tierOf(m_number), QStringLiteral("gold"));
        const qint64 seq = lastSeq();
        QCOMPARE(waiting(m_number), QStringLiteral("gold>platinum"));
        QCOMPARE(auditAfter(seq, QStringLiteral("customer.list")),
            QStringLiteral("m1|tiers||{\"list\":\"pending_tier_changes\",\"rows\":1}"));

        QCOMPARE(editAssets(m_number, 12000000), QString());
        QCOMPARE(waiting(m_number), QStringLiteral("gold>diamond"));
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM branchvault.tier_changes")), QStringLiteral("1"));
        QCOMPARE(editAssets(m_number, 700000), QString());
        QCOMPARE(waiting(m_number), QString());
        // an edit that does not touch the assets computes nothing: the waiting change stays as it was
        QCOMPARE(editAssets(m_number, 3500000), QString());
        qint64 before = 0;
        QCOMPARE(waiting(m_number, &before), QStringLiteral("gold>platinum"));
        auto present = customers("c1").open(m_number);
        QVERIFY2(present.ok(), qPrintable(why(present)));
        CustomerInput other;
        other.values.insert(QStringLiteral("occupation"), QStringLiteral("教师"));
        auto receipt = customers("c1").edit(*present, other);
        QVERIFY2(receipt.ok(), qPrintable(why(receipt)));
        QVERIFY(customers("m1").decide(receipt->changeId, true, QStringLiteral("核对"), {}).ok());
        qint64 after = 0;
        QCOMPARE(waiting(m_number, &after), QStringLiteral("gold>platinum"));
        QCOMPARE(after, before);
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM branchvault.tier_changes")), QStringLiteral("1"));
    }

    // Only the branch manager lists and decides: the others are refused through the core and with psql, and no staff
    // role reads the table.
    void onlyTheBranchManagerDecides()
    {
        qint64 id = 0;
        QCOMPARE(waiting(m_number, &id), QStringLiteral("gold>platinum"));
        for (const char* login : {"c1", "k1", "a1"}) {
            QCOMPARE(codeOf(owner(login).pendingTiers()), ErrorCode::PermissionDenied);
            QCOMPARE(codeOf(owner(login).confirmTier(id)), ErrorCode::PermissionDenied);
            for (const QString& statement : {ServerDatabase::readCall(QStringLiteral("tier_page")),
                     QStringLiteral("SELECT branchvault.tier_decide(%1, true, NULL, 'ws')").arg(id),
                     QStringLiteral("SELECT count(*) FROM branchvault.tier_changes"),
                     QStringLiteral("SELECT branchvault.audit_append('ws', 'customer.tier_confirm', 'customer', '1', "
                                    "'', 'ok', '{}')")}) {
                const QString refused = m_branch->sqlAs(QLatin1String(login), statement);
                QVERIFY2(
                    refused.contains(QLatin1String("42501")), qPrintable(login + (QStringLiteral(": ") + refused)));
            }
        }
        // the branch manager reads the table no more than the others
        const QString refused
            = m_branch->sqlAs(QStringLiteral("m1"), QStringLiteral("SELECT count(*) FROM branchvault.tier_changes"));
        QVERIFY2(refused.contains(QLatin1String("42501")), qPrintable(refused));
        QCOMPARE(tierOf(m_number), QStringLiteral("gold"));

        // a branch manager of another branch (m2, moved there for the check) neither sees nor decides it
        QCOMPARE(sql(QStringLiteral("UPDATE branchvault.staff SET branch = '0202' WHERE login = 'm2'")), QString());
        auto elsewhere = owner("m2").pendingTiers();
        QVERIFY2(elsewhere.ok(), qPrintable(why(elsewhere)));
        QVERIFY(elsewhere->isEmpty());
        QCOMPARE(codeOf(owner("m2").confirmTier(id)), ErrorCode::NotFound);
        QCOMPARE(codeOf(owner("m2").rejectTier(id, QStringLiteral("不属本网点"))), ErrorCode::NotFound);
        QCOMPARE(sql(QStringLiteral("UPDATE branchvault.staff SET branch = '%1' WHERE login = 'm2'")
                         .arg(QLatin1String(ServerBranch::kBranch))),
            QString());
        QCOMPARE(waiting(m_number), QStringLiteral("gold>platinum"));
    }

    // Confirmed, the customer takes the new tier, with local mode's audit row; a second decision is a conflict.
    void aConfirmedChangeSetsTheTier()
    {
        qint64 id = 0;
        QCOMPARE(waiting(m_number, &id), QStringLiteral("gold>platinum"));
        const qint64 seq = lastSeq();
        const Status confirmed = owner("m2").confirmTier(id);
        QVERIFY2(confirmed.ok(), qPrintable(why(confirmed)));
        QCOMPARE(tierOf(m_number), QStringLiteral("platinum"));
        QCOMPARE(auditAfter(seq, QStringLiteral("customer.tier_confirm")),
            QStringLiteral("m2|customer|%1|{\"change\":%2,\"from\":\"gold\",\"kind\":\"confirm\",\"to\":\"platinum\"}")
                .arg(m_number)
                .arg(id));
        QCOMPARE(codeOf(owner("m1").confirmTier(id)), ErrorCode::Conflict);
        QCOMPARE(codeOf(owner("m1").rejectTier(id, QStringLiteral("重复"))), ErrorCode::Conflict);
        QCOMPARE(codeOf(owner("m1").confirmTier(id + 1000)), ErrorCode::NotFound);
        QCOMPARE(waiting(m_number), QString());
        // a confirmation keeps no reason, even one a modified client sends
        QCOMPARE(
            sql(QStringLiteral("SELECT coalesce(reason, '-') FROM branchvault.tier_changes WHERE id = %1").arg(id)),
            QStringLiteral("-"));
    }

    // Kept: the customer keeps the current tier; the reason is required, stays on the server (never in the audit row)
    // and holds no ID, mobile or card number.
    void aRejectedChangeKeepsTheTier()
    {
        QCOMPARE(editAssets(m_number, 20000000), QString());
        qint64 id = 0;
        QCOMPARE(waiting(m_number, &id), QStringLiteral("platinum>diamond"));
        auto refused = owner("m1").rejectTier(id, QStringLiteral("  "));
        QCOMPARE(codeOf(refused), ErrorCode::InvalidInput);
        QCOMPARE(refused.error().field, QStringLiteral("reason"));
        refused = owner("m1").rejectTier(id, QStringLiteral("客户手机 13800138000 来电"));
        QCOMPARE(codeOf(refused), ErrorCode::InvalidInput);
        QCOMPARE(refused.error().field, QStringLiteral("reason"));
        const QString psql = m_branch->sqlAs(QStringLiteral("m1"),
            QStringLiteral("SELECT branchvault.tier_decide(%1, false, '客户手机 13800138000 来电', 'ws')").arg(id));
        QVERIFY2(psql.contains(QLatin1String("22023")), qPrintable(psql));
        QCOMPARE(waiting(m_number), QStringLiteral("platinum>diamond"));

        const qint64 seq = lastSeq();
        const Status kept = owner("m1").rejectTier(id, QStringLiteral("资产为临时转入，月底转出"));
        QVERIFY2(kept.ok(), qPrintable(why(kept)));
        QCOMPARE(tierOf(m_number), QStringLiteral("platinum"));
        QCOMPARE(auditAfter(seq, QStringLiteral("customer.tier_confirm")),
            QStringLiteral(
                "m1|customer|%1|{\"change\":%2,\"from\":\"platinum\",\"kind\":\"reject\",\"to\":\"diamond\"}")
                .arg(m_number)
                .arg(id));
        QCOMPARE(
            sql(QStringLiteral("SELECT status || '|' || reason FROM branchvault.tier_changes WHERE id = %1").arg(id)),
            QStringLiteral("rejected|资产为临时转入，月底转出"));
    }

    // A change computed under thresholds the branch has since moved no longer fits: confirming it is a conflict (the
    // branch manager rejects it; the next approved edit of the assets computes a new one).
    void aChangeThatNoLongerFitsIsAConflict()
    {
        QCOMPARE(editAssets(m_number, 20000001), QString());
        qint64 id = 0;
        QCOMPARE(waiting(m_number, &id), QStringLiteral("platinum>diamond"));
        QCOMPARE(sql(QStringLiteral("INSERT INTO branchvault.settings (branch, key, value) VALUES ('%1', "
                                    "'customer.tier.diamond_cny', '50000000')")
                         .arg(QLatin1String(ServerBranch::kBranch))),
            QString());
        const Status refused = owner("m1").confirmTier(id);
        QCOMPARE(codeOf(refused), ErrorCode::Conflict);
        QVERIFY2(refused.error().detail.contains(QLatin1String("changed after this tier change was computed")),
            qPrintable(why(refused)));
        QCOMPARE(tierOf(m_number), QStringLiteral("platinum"));
        // so is one whose customer's tier itself moved since (set here behind the functions' back)
        QCOMPARE(sql(QStringLiteral("DELETE FROM branchvault.settings WHERE key = 'customer.tier.diamond_cny'; "
                                    "UPDATE branchvault.customers SET tier = 'gold' WHERE customer_no = '%1'")
                         .arg(m_number)),
            QString());
        const Status moved = owner("m1").confirmTier(id);
        QCOMPARE(codeOf(moved), ErrorCode::Conflict);
        QCOMPARE(sql(QStringLiteral("UPDATE branchvault.customers SET tier = 'platinum' WHERE customer_no = '%1'; "
                                    "INSERT INTO branchvault.settings (branch, key, value) VALUES ('%2', "
                                    "'customer.tier.diamond_cny', '50000000')")
                         .arg(m_number, QLatin1String(ServerBranch::kBranch))),
            QString());
        QCOMPARE(tierOf(m_number), QStringLiteral("platinum"));
        // the branch's thresholds decide the first tier too
        CustomerInput input = customerInput(812);
        input.values.insert(QStringLiteral("aum_cny"), QStringLiteral("20000000"));
        auto receipt = customers("c1").enter(input);
        QVERIFY2(receipt.ok(), qPrintable(why(receipt)));
        const RekeyedValues typed {{QStringLiteral("id_number"), {input.values.value(QStringLiteral("id_number"))}}};
        QVERIFY(customers("m1").decide(receipt->changeId, true, QStringLiteral("核对证件一致"), typed).ok());
        QCOMPARE(tierOf(receipt->customerNumber), QStringLiteral("platinum"));
    }
};

QTEST_GUILESS_MAIN(TestServerTiers)
#include "tst_servertiers.moc"
