// Issue 15: editing a customer over the branch server, from the workstation (ServerCustomers::edit; docs/SERVER.md,
// "Editing a customer over the server"). A real branch server on the suite's throwaway cluster with TLS (ServerBranch):
// a customer manager edits his or her own customer, the values go sealed, masked and blind-indexed, the change waits
// for a branch manager who is not its maker and carries the record's version. What the workstation cannot check
// without the stored grade-1 values (it reads them masked) is asked for; two workstations editing the same record, an
// approval in between and a reassignment racing an edit end in a conflict that names what came first, never a lost
// update; the roles that do not edit are refused, also when a modified client sends the edit itself.
//
// Grade-1 values never reach the test's output: they are compared with QVERIFY2 and a message naming the field.
#include "core/customers/rules/WorkingCalendar.h"
#include "core/server/ServerCustomers.h"
#include "core/server/ServerOwnership.h"
#include "core/server/ServerSession.h"
#include "tests/server/ServerBranch.h"
#include "tests/testsupport/TestData.h"
#include "tests/testsupport/TestSupport.h"

#include <QTest>

using namespace bv;
using namespace bv::test;

namespace {

QString value(const CustomerInput& input, const char* field)
{
    return input.values.value(QLatin1String(field));
}

template <typename R>
QString why(const R& result)
{
    return result.ok() ? QString()
                       : QStringLiteral("[%1] %2").arg(errorCodeName(result.error().code), result.error().message);
}

} // namespace

class TestServerEdits : public QObject
{
    Q_OBJECT

    std::unique_ptr<ServerBranch> m_branch;
    CustomerInput m_a; // c1's customer
    CustomerInput m_b; // c1's second customer, whose ID number an edit of A must not take
    QString m_numberA, m_numberB;

    ServerCustomers as(const QString& login) { return ServerCustomers(m_branch->session(login)); }
    QString sql(const QString& statement) const { return m_branch->sql(statement); }
    QString version(const QString& number) const
    {
        return sql(QStringLiteral("SELECT version FROM branchvault.customers WHERE customer_no = '%1'").arg(number));
    }
    // The values the checker types for `change` (its rekeyFields), from what the maker typed.
    static RekeyedValues rekeyedFor(const PendingChange& change, const CustomerInput& typed)
    {
        RekeyedValues out;
        for (const QString& field : change.rekeyFields) {
            if (field == QLatin1String("account_number")) {
                for (const AccountInput& account : typed.accounts)
                    if (!account.number.isEmpty())
                        out[field] << account.number;
            } else {
                out[field] << typed.values.value(field);
            }
        }
        return out;
    }
    // m1 approves change `id`, typing what the maker typed where the server asks for it.
    QString approve(qint64 id, const CustomerInput& typed, const QString& checker = QStringLiteral("m1"))
    {
        auto changes = as(checker).pending();
        if (!changes.ok())
            return why(changes);
        for (const PendingChange& change : *changes)
            if (change.id == id) {
                const Status decided
                    = as(checker).decide(id, true, QStringLiteral("核对证件一致"), rekeyedFor(change, typed));
                return why(decided);
            }
        return QStringLiteral("change %1 is not waiting").arg(id);
    }
    Result<CustomerView> open(const QString& login, const QString& number) { return as(login).open(number); }

private slots:
    void initTestCase()
    {
        m_branch = std::make_unique<ServerBranch>(QStringLiteral("edits"));
        const QString problem = m_branch->setUp();
        if (problem.startsWith(QLatin1String("SKIP ")))
            QSKIP(qPrintable(problem.mid(5)));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        for (const auto& [login, role] :
            {std::pair {QStringLiteral("m1"), Role::Manager}, std::pair {QStringLiteral("m2"), Role::Manager},
                std::pair {QStringLiteral("c1"), Role::CustomerManager},
                std::pair {QStringLiteral("c2"), Role::CustomerManager},
                std::pair {QStringLiteral("k1"), Role::Clerk}}) {
            const QString added = m_branch->addStaff(login, role);
            QVERIFY2(added.isEmpty(), qPrintable(added));
        }
        m_a = customerInput(301);
        m_b = customerInput(302);
        for (auto [input, number] : {std::pair {&m_a, &m_numberA}, std::pair {&m_b, &m_numberB}}) {
            auto receipt = as(QStringLiteral("c1")).enter(*input);
            QVERIFY2(receipt.ok(), qPrintable(why(receipt)));
            *number = receipt->customerNumber;
            const QString approved = approve(receipt->changeId, *input);
            QVERIFY2(approved.isEmpty(), qPrintable(approved));
        }
    }
    void cleanupTestCase() { m_branch.reset(); }

    void aCustomerManagerEditsAndABranchManagerApproves()
    {
        auto present = open(QStringLiteral("c1"), m_numberA);
        QVERIFY2(present.ok(), qPrintable(why(present)));
        QVERIFY(present->actions.edit);
        QVERIFY(present->actions.editNow);
        QCOMPARE(QString::number(present->version), version(m_numberA));
        const QString oldMaskedMobile = present->gradeOne.value(QStringLiteral("mobile"));

        CustomerInput edit;
        edit.values.insert(QStringLiteral("mobile"), mobile(9301));
        edit.values.insert(QStringLiteral("occupation"), QStringLiteral("教师"));
        edit.restricted = true;
        auto receipt = as(QStringLiteral("c1")).edit(*present, edit);
        QVERIFY2(receipt.ok(), qPrintable(why(receipt)));
        QCOMPARE(receipt->customerNumber, m_numberA);

        // the change: pending, the maker's, with the field names and masked values only
        auto changes = as(QStringLiteral("m1")).pending();
        QVERIFY2(changes.ok(), qPrintable(why(changes)));
        const PendingChange* change = nullptr;
        for (const PendingChange& c : *changes)
            if (c.id == receipt->changeId)
                change = &c;
        QVERIFY(change);
        QCOMPARE(change->kind, QStringLiteral("edit"));
        QStringList fieldsChanged;
        for (const FieldDiff& diff : change->diff) {
            fieldsChanged << diff.field;
            QVERIFY2(diff.newMasked != value(edit, "mobile") && diff.oldMasked != value(m_a, "mobile"),
                qPrintable(QStringLiteral("a full mobile in the diff of %1").arg(diff.field)));
        }
        fieldsChanged.sort();
        QCOMPARE(fieldsChanged, QStringList({"mobile", "occupation", "restricted"}));
        // on the server: the new mobile sealed, masked and blind-indexed, nothing of it in the clear
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM branchvault.sealed_value WHERE owner_kind = 'change' AND "
                                    "owner_id = %1 AND field = 'mobile' AND position('*' in masked) > 0 AND blind IS "
                                    "NOT NULL")
                         .arg(receipt->changeId)),
            QStringLiteral("1"));
        QVERIFY2(!sql(QStringLiteral("SELECT string_agg(values_json::text || diff_json::text, '') FROM "
                                     "branchvault.customer_changes"))
                      .contains(value(edit, "mobile")),
            "a full mobile number in a change's columns");
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM branchvault.audit_log WHERE action = 'customer.edit' AND "
                                    "login = 'c1' AND object_id IS NOT NULL")),
            QStringLiteral("1"));
        QVERIFY2(!sql(QStringLiteral("SELECT string_agg(details, '') FROM branchvault.audit_log"))
                      .contains(value(edit, "mobile")),
            "a full mobile number in the audit log");

        // while it waits: the card says so and offers no edit; a second edit is refused, naming the change
        auto waiting = open(QStringLiteral("c1"), m_numberA);
        QVERIFY2(waiting.ok(), qPrintable(why(waiting)));
        QCOMPARE(waiting->pendingChangeId, receipt->changeId);
        QVERIFY(!waiting->actions.editNow);
        CustomerInput again;
        again.values.insert(QStringLiteral("employer"), QStringLiteral("第一中学"));
        auto refused = as(QStringLiteral("m2")).edit(*present, again);
        BV_COMPARE_CODE(refused, ErrorCode::Conflict);
        QVERIFY2(refused.error().message.contains(m_numberA) && refused.error().message.contains(QLatin1String("wait")),
            qPrintable(refused.error().message));

        // the maker never approves; a branch manager does, re-typing what the server asks for
        const auto& pending = *changes;
        for (const PendingChange& c : pending)
            if (c.id == receipt->changeId)
                BV_COMPARE_CODE(
                    as(QStringLiteral("c1")).decide(c.id, true, QStringLiteral("核对"), rekeyedFor(c, edit)),
                    ErrorCode::PermissionDenied);
        const QString approved = approve(receipt->changeId, edit);
        QVERIFY2(approved.isEmpty(), qPrintable(approved));
        auto after = open(QStringLiteral("c1"), m_numberA);
        QVERIFY2(after.ok(), qPrintable(why(after)));
        QCOMPARE(after->version, present->version + 1);
        QVERIFY(after->restricted);
        QCOMPARE(after->gradeTwo.value(QStringLiteral("occupation")), QStringLiteral("教师"));
        QVERIFY2(after->gradeOne.value(QStringLiteral("mobile")) != oldMaskedMobile,
            "the masked mobile is still the old one");
        QCOMPARE(after->pendingChangeId, 0);
        // the new value opens to what was typed (the customer manager's reveal round trip)
        auto request = as(QStringLiteral("c1"))
                           .requestReveal(m_numberA, {QStringLiteral("mobile")}, QStringLiteral("核对客户新手机号"), 1);
        QVERIFY2(request.ok(), qPrintable(why(request)));
        BV_VERIFY_OK(as(QStringLiteral("m1")).decideRequest(*request, true, QStringLiteral("同意")));
        auto shown = as(QStringLiteral("c1")).reveal(*request, m_numberA, {QStringLiteral("mobile")});
        QVERIFY2(shown.ok(), qPrintable(why(shown)));
        QVERIFY2(shown->value(QStringLiteral("mobile")) == value(edit, "mobile"),
            "the revealed mobile is not the one typed in the edit");
    }

    // The branch's request.max_validity_hours (migration 30), set by the administrator through the core: a reveal
    // request asks for at most that many hours, refused in local mode's words naming the field; a grant is never
    // longer than the limit at its approval, which may have been lowered since the filing.
    void theBranchsRequestValidityLimitApplies()
    {
        const auto limit = [this](int hours) {
            return m_branch->session(QStringLiteral("a1"))
                .setSetting(QStringLiteral("request.max_validity_hours"), QString::number(hours));
        };
        auto set = limit(24);
        QVERIFY2(set.ok(), qPrintable(why(set)));
        const QStringList mobile {QStringLiteral("mobile")};
        auto tooLong = as(QStringLiteral("c1")).requestReveal(m_numberB, mobile, QStringLiteral("核对客户手机号"), 25);
        QVERIFY(!tooLong.ok());
        QCOMPARE(tooLong.error().code, ErrorCode::InvalidInput);
        QCOMPARE(tooLong.error().field, QStringLiteral("validity_hours"));
        QVERIFY2(tooLong.error().message.startsWith(QStringLiteral("A request is valid for 1 to 24 hours.")),
            qPrintable(tooLong.error().message));
        auto filed = as(QStringLiteral("c1")).requestReveal(m_numberB, mobile, QStringLiteral("核对客户手机号"), 24);
        QVERIFY2(filed.ok(), qPrintable(why(filed)));
        set = limit(12);
        QVERIFY2(set.ok(), qPrintable(why(set)));
        BV_VERIFY_OK(as(QStringLiteral("m1")).decideRequest(*filed, true, QStringLiteral("同意")));
        QCOMPARE(sql(QStringLiteral("SELECT validity_hours, valid_until - valid_from FROM branchvault.requests "
                                    "WHERE id = %1")
                         .arg(*filed)),
            QStringLiteral("24|12:00:00"));
        QCOMPARE(sql(QStringLiteral("SELECT details::jsonb ->> 'validityHours' FROM branchvault.audit_log WHERE "
                                    "action = 'request.approve' AND object_id = '%1'")
                         .arg(*filed)),
            QStringLiteral("12"));
        set = limit(72);
        QVERIFY2(set.ok(), qPrintable(why(set)));
    }

    void whatTheWorkstationCannotCheckIsAskedFor()
    {
        auto present = open(QStringLiteral("c1"), m_numberA);
        QVERIFY2(present.ok(), qPrintable(why(present)));
        const QString changes
            = sql(QStringLiteral("SELECT count(*) FROM branchvault.customer_changes WHERE kind = 'edit'"));
        const auto refusedOn = [&](const CustomerInput& input, const char* field) -> QString {
            auto refused = as(QStringLiteral("c1")).edit(*present, input);
            if (refused.ok())
                return QStringLiteral("accepted");
            if (refused.error().code != ErrorCode::InvalidInput || refused.error().field != QLatin1String(field))
                return QStringLiteral("refused on \"%1\" [%2]: %3")
                    .arg(refused.error().field, errorCodeName(refused.error().code), refused.error().message);
            return QString();
        };
        CustomerInput sex;
        sex.values.insert(QStringLiteral("sex"), present->sex == QLatin1String("M") ? "F" : "M");
        QCOMPARE(refusedOn(sex, "id_number"), QString());
        CustomerInput birth;
        birth.values.insert(QStringLiteral("birth_date"), QStringLiteral("1970-01-01"));
        QCOMPARE(refusedOn(birth, "id_number"), QString());
        CustomerInput idType;
        idType.values.insert(QStringLiteral("id_type"), QStringLiteral("passport"));
        QCOMPARE(refusedOn(idType, "id_number"), QString());
        // the ID number typed again: checked against the sex the record holds
        CustomerInput otherSex = sex;
        otherSex.values.insert(QStringLiteral("id_number"), value(m_a, "id_number"));
        QCOMPARE(refusedOn(otherSex, "sex"), QString());
        CustomerInput erased;
        erased.values.insert(QStringLiteral("email"), QString());
        QCOMPARE(refusedOn(erased, "email"), QString());
        CustomerInput badMobile;
        badMobile.values.insert(QStringLiteral("mobile"), QStringLiteral("12345"));
        QCOMPARE(refusedOn(badMobile, "mobile"), QString());
        CustomerInput badCard;
        AccountInput card;
        card.number = QStringLiteral("6222020000000001");
        card.type = QStringLiteral("debit_card");
        badCard.accounts << card;
        QCOMPARE(refusedOn(badCard, "account_number"), QString());
        CustomerInput same;
        same.values.insert(QStringLiteral("occupation"), present->gradeTwo.value(QStringLiteral("occupation")));
        auto nothing = as(QStringLiteral("c1")).edit(*present, same);
        BV_COMPARE_CODE(nothing, ErrorCode::InvalidInput);
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM branchvault.customer_changes WHERE kind = 'edit'")), changes);

        // another customer's ID number: the server's duplicate check, naming the record by its number only
        CustomerInput taken;
        taken.values.insert(QStringLiteral("id_number"), value(m_b, "id_number"));
        auto duplicate = as(QStringLiteral("c1")).edit(*present, taken);
        QVERIFY2(!duplicate.ok(), "an edit took another customer's ID number");
        QVERIFY2(
            !duplicate.error().fullText().contains(value(m_b, "id_number")), "the refusal holds the full ID number");
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM branchvault.customer_changes WHERE kind = 'edit'")), changes);
    }

    void anIdNumberTypedAgainCarriesItsBirthDateAndAnAccountIsAdded()
    {
        auto present = open(QStringLiteral("c1"), m_numberB);
        QVERIFY2(present.ok(), qPrintable(why(present)));
        CustomerInput edit;
        // the ID number typed again (in lower case, as it may be typed): normalised, the same record's own number is no
        // duplicate, and the birth date it gives goes with it
        edit.values.insert(QStringLiteral("id_number"), value(m_b, "id_number").toLower());
        AccountInput card;
        card.number = cardNumber(9302);
        card.type = QStringLiteral("credit_card");
        card.openedOn = QDate(2020, 5, 1);
        edit.accounts << card;
        AccountInput frozen;
        frozen.id = present->accounts.constFirst().id;
        frozen.type = present->accounts.constFirst().type;
        frozen.openedOn = present->accounts.constFirst().openedOn;
        frozen.status = QStringLiteral("frozen");
        edit.accounts << frozen;
        auto receipt = as(QStringLiteral("c1")).edit(*present, edit);
        QVERIFY2(receipt.ok(), qPrintable(why(receipt)));
        QCOMPARE(sql(QStringLiteral("SELECT string_agg(field, ',' ORDER BY field) FROM branchvault.sealed_value "
                                    "WHERE owner_kind = 'change' AND owner_id = %1")
                         .arg(receipt->changeId)),
            QStringLiteral("account_number:0,birth_date,id_number"));
        const QString approved = approve(receipt->changeId, edit, QStringLiteral("m2"));
        QVERIFY2(approved.isEmpty(), qPrintable(approved));
        auto after = open(QStringLiteral("c1"), m_numberB);
        QVERIFY2(after.ok(), qPrintable(why(after)));
        QCOMPARE(after->accounts.size(), 2);
        QCOMPARE(
            after->gradeOne.value(QStringLiteral("id_number")), present->gradeOne.value(QStringLiteral("id_number")));
        bool frozenNow = false;
        for (const AccountView& account : after->accounts)
            frozenNow = frozenNow || (account.id == frozen.id && account.status == AccountStatus::Frozen);
        QVERIFY(frozenNow);
    }

    void twoWorkstationsEditingTheSameCustomerOneWins()
    {
        // c1 and the branch manager m2 open the same record at the same version, at two workstations (two sessions,
        // two connections); c1's edit is approved first, then m2's edit made on the old version is refused
        auto atC1 = open(QStringLiteral("c1"), m_numberA);
        auto atM2 = open(QStringLiteral("m2"), m_numberA);
        QVERIFY2(atC1.ok() && atM2.ok(), qPrintable(why(atC1) + why(atM2)));
        QCOMPARE(atC1->version, atM2->version);
        CustomerInput first;
        first.values.insert(QStringLiteral("employer"), QStringLiteral("第二中学"));
        auto firstReceipt = as(QStringLiteral("c1")).edit(*atC1, first);
        QVERIFY2(firstReceipt.ok(), qPrintable(why(firstReceipt)));
        const QString approved = approve(firstReceipt->changeId, first);
        QVERIFY2(approved.isEmpty(), qPrintable(approved));
        CustomerInput second;
        second.values.insert(QStringLiteral("employer"), QStringLiteral("第三中学"));
        auto stale = as(QStringLiteral("m2")).edit(*atM2, second);
        BV_COMPARE_CODE(stale, ErrorCode::Conflict);
        const QString message = stale.error().message;
        QVERIFY2(message.contains(m_numberA) && message.contains(QString::number(atM2->version))
                && message.contains(QString::number(atM2->version + 1)),
            qPrintable(message));
        auto now = open(QStringLiteral("m2"), m_numberA);
        QVERIFY2(now.ok(), qPrintable(why(now)));
        QCOMPARE(now->gradeTwo.value(QStringLiteral("employer")), QStringLiteral("第二中学"));
        // on the record as it is now the same edit goes through
        auto retried = as(QStringLiteral("m2")).edit(*now, second);
        QVERIFY2(retried.ok(), qPrintable(why(retried)));
        BV_VERIFY_OK(as(QStringLiteral("m1")).decide(retried->changeId, false, QStringLiteral("不需要修改")));
    }

    void aReassignmentRacingAnEditWins()
    {
        auto atC1 = open(QStringLiteral("c1"), m_numberB);
        QVERIFY2(atC1.ok(), qPrintable(why(atC1)));
        // the branch manager gives the customer to c2 while c1 has the record open
        QCOMPARE(m_branch->sqlAs(QStringLiteral("m1"),
                     QStringLiteral("SELECT branchvault.customer_assign('%1', 'transfer', 'c2', NULL, '岗位调整', "
                                    "'ws-edits')")
                         .arg(m_numberB)),
            QString());
        CustomerInput edit;
        edit.values.insert(QStringLiteral("family"), QStringLiteral("已婚，一子"));
        auto late = as(QStringLiteral("c1")).edit(*atC1, edit);
        QVERIFY2(!late.ok(), "c1 edited a customer given to c2");
        // c1 no longer reaches the record, and is told why
        QCOMPARE(errorCodeName(late.error().code), errorCodeName(ErrorCode::PermissionDenied));
        QVERIFY2(late.error().message.contains(QLatin1String("not one of your customers")),
            qPrintable(late.error().message));
        // c2 reaches it, at the version the transfer made
        auto atC2 = open(QStringLiteral("c2"), m_numberB);
        QVERIFY2(atC2.ok(), qPrintable(why(atC2)));
        QCOMPARE(atC2->version, atC1->version + 1);
        auto byC2 = as(QStringLiteral("c2")).edit(*atC2, edit);
        QVERIFY2(byC2.ok(), qPrintable(why(byC2)));
        // and a transfer back while c2's edit waits makes that edit stale: its approval is refused, naming versions
        QCOMPARE(m_branch->sqlAs(QStringLiteral("m1"),
                     QStringLiteral("SELECT branchvault.customer_assign('%1', 'transfer', 'c1', NULL, '岗位调整', "
                                    "'ws-edits')")
                         .arg(m_numberB)),
            QString());
        const QString approved = approve(byC2->changeId, edit);
        QVERIFY2(approved.startsWith(QLatin1String("[conflict]")), qPrintable(approved));
    }

    // DESIGN §6: the same mobile on two customers lists both for the branch manager (migration 16's suspicious_page),
    // masked, and the read is recorded; a pair in order is cleared with a reason, once.
    void aSharedMobileIsListedForTheBranchManagerAndCleared()
    {
        CustomerInput c = customerInput(303);
        c.values.insert(QStringLiteral("mobile"), value(m_b, "mobile"));
        auto receipt = as(QStringLiteral("c2")).enter(c);
        QVERIFY2(receipt.ok(), qPrintable(why(receipt)));
        const QString approved = approve(receipt->changeId, c);
        QVERIFY2(approved.isEmpty(), qPrintable(approved));
        const QString reads = sql(QStringLiteral("SELECT count(*) FROM branchvault.audit_log WHERE action = "
                                                 "'customer.list' AND object_type = 'suspicious'"));
        auto pairs = as(QStringLiteral("m1")).suspicious();
        QVERIFY2(pairs.ok(), qPrintable(why(pairs)));
        QCOMPARE(pairs->size(), 1);
        const SuspiciousPair pair = pairs->constFirst();
        QCOMPARE(pair.kind, QStringLiteral("phone"));
        QCOMPARE(QStringList({pair.numberA, pair.numberB}), QStringList({m_numberB, receipt->customerNumber}));
        QVERIFY2(pair.maskedValue.contains(QLatin1Char('*')) && pair.maskedValue != value(c, "mobile"),
            "the shared mobile is not masked");
        QVERIFY(pair.foundAt.isValid());
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM branchvault.audit_log WHERE action = 'customer.list' AND "
                                    "object_type = 'suspicious'")),
            QString::number(reads.toInt() + 1));
        QCOMPARE(sql(QStringLiteral("SELECT details FROM branchvault.audit_log WHERE action = 'customer.list' AND "
                                    "object_type = 'suspicious' ORDER BY seq DESC LIMIT 1")),
            QStringLiteral("{\"list\":\"suspicious_pairs\",\"rows\":1,\"status\":\"open\"}"));
        // the others do not review pairs, through the workstation or with psql
        for (const char* login : {"c1", "k1", "a1"})
            BV_COMPARE_CODE(as(QLatin1String(login)).suspicious(), ErrorCode::PermissionDenied);
        for (const char* login : {"c1", "k1"}) {
            const QString sent
                = m_branch->sqlAs(QLatin1String(login), ServerDatabase::readCall(QStringLiteral("suspicious_page")));
            QVERIFY2(sent.contains(QLatin1String("42501")), qPrintable(sent));
        }
        // cleared with a reason, once: the second branch manager is told it was done
        BV_COMPARE_CODE(
            as(QStringLiteral("m1")).clearSuspicious(pair.id, QStringLiteral(" ")), ErrorCode::InvalidInput);
        BV_COMPARE_CODE(as(QStringLiteral("c1")).clearSuspicious(pair.id, QStringLiteral("夫妻共用手机")),
            ErrorCode::PermissionDenied);
        BV_VERIFY_OK(as(QStringLiteral("m1")).clearSuspicious(pair.id, QStringLiteral("夫妻共用手机")));
        const Status again = as(QStringLiteral("m2")).clearSuspicious(pair.id, QStringLiteral("夫妻共用手机"));
        BV_COMPARE_CODE(again, ErrorCode::Conflict);
        QVERIFY2(
            again.error().detail.contains(QLatin1String("already cleared by m1")), qPrintable(again.error().detail));
        auto after = as(QStringLiteral("m1")).suspicious();
        QVERIFY2(after.ok(), qPrintable(why(after)));
        QVERIFY(after->isEmpty());
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM branchvault.audit_log WHERE action = "
                                    "'customer.suspicious_clear' AND login = 'm1'")),
            QStringLiteral("1"));
    }

    // DESIGN §6: the branch manager enters for a customer manager, who is then responsible; the choice is required and
    // must be an active customer manager of the branch (checked by the server); a customer manager's choice is ignored.
    void theBranchManagerEntersForACustomerManager()
    {
        auto choices = ServerOwnership(m_branch->session(QStringLiteral("m1"))).customerManagerChoices();
        QVERIFY2(choices.ok(), qPrintable(why(choices)));
        QHash<QString, qint64> ids;
        for (const auto& [id, login] : std::as_const(*choices))
            ids.insert(login, id);
        QCOMPARE(ids.size(), 2);
        QVERIFY(ids.value(QStringLiteral("c1")) > 0 && ids.value(QStringLiteral("c2")) > 0);
        const QString before = sql(QStringLiteral("SELECT count(*) FROM branchvault.customer_changes"));
        CustomerInput input = customerInput(304);
        auto unnamed = as(QStringLiteral("m1")).enter(input);
        BV_COMPARE_CODE(unnamed, ErrorCode::InvalidInput);
        QCOMPARE(unnamed.error().field, QStringLiteral("manager"));
        input.managerId = sql(QStringLiteral("SELECT id FROM branchvault.staff WHERE login = 'k1'")).toLongLong();
        BV_COMPARE_CODE(as(QStringLiteral("m1")).enter(input), ErrorCode::InvalidInput);
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM branchvault.customer_changes")), before);
        input.managerId = ids.value(QStringLiteral("c2"));
        auto entered = as(QStringLiteral("m1")).enter(input);
        QVERIFY2(entered.ok(), qPrintable(why(entered)));
        QCOMPARE(sql(QStringLiteral("SELECT s.login || '|' || c.status || '|' || m.login FROM branchvault.customers c "
                                    "JOIN branchvault.staff s ON s.id = c.manager_id JOIN branchvault.staff m ON m.id "
                                    "= c.created_by WHERE c.customer_no = '%1'")
                         .arg(entered->customerNumber)),
            QStringLiteral("c2|pending|m1"));
        // approved by the other branch manager; c2 reaches it, c1 does not
        const QString approved = approve(entered->changeId, input, QStringLiteral("m2"));
        QVERIFY2(approved.isEmpty(), qPrintable(approved));
        QVERIFY(open(QStringLiteral("c2"), entered->customerNumber).ok());
        BV_COMPARE_CODE(open(QStringLiteral("c1"), entered->customerNumber), ErrorCode::PermissionDenied);
        // a customer manager naming another is ignored: the entry is his or her own
        CustomerInput own = customerInput(305);
        own.managerId = ids.value(QStringLiteral("c2"));
        auto mine = as(QStringLiteral("c1")).enter(own);
        QVERIFY2(mine.ok(), qPrintable(why(mine)));
        QCOMPARE(sql(QStringLiteral("SELECT s.login FROM branchvault.customers c JOIN branchvault.staff s ON s.id = "
                                    "c.manager_id WHERE c.customer_no = '%1'")
                         .arg(mine->customerNumber)),
            QStringLiteral("c1"));
        BV_VERIFY_OK(as(QStringLiteral("m1")).decide(mine->changeId, false, QStringLiteral("测试：不录入")));
    }

    void theRolesThatDoNotEditAreRefused()
    {
        auto present = open(QStringLiteral("m1"), m_numberB);
        QVERIFY2(present.ok(), qPrintable(why(present)));
        CustomerInput edit;
        edit.values.insert(QStringLiteral("occupation"), QStringLiteral("律师"));
        const QString before = sql(QStringLiteral("SELECT count(*) FROM branchvault.customer_changes"));
        for (const char* login : {"k1", "a1"})
            BV_COMPARE_CODE(as(QLatin1String(login)).edit(*present, edit), ErrorCode::PermissionDenied);
        // c2 does not reach c1's customer B, and a modified client sending the edit itself is refused
        BV_COMPARE_CODE(as(QStringLiteral("c2")).edit(*present, edit), ErrorCode::PermissionDenied);
        for (const char* login : {"k1", "c2"}) {
            const QString sent = m_branch->sqlAs(QLatin1String(login),
                QStringLiteral("SELECT branchvault.customer_edit('%1', %2, '{\"occupation\": \"律师\"}'::jsonb, "
                               "NULL, NULL, NULL, 'ws-edits')")
                    .arg(m_numberB)
                    .arg(present->version));
            QVERIFY2(sent.startsWith(QLatin1String("<error:")), qPrintable(sent));
        }
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM branchvault.customer_changes")), before);
    }

    // The branch manager closes a customer (migration 28, as CustomerRetention::close): the retention period starts,
    // the waiting edit ends with its staged values erased, the reason goes into the history; the customer manager
    // still reads the record but edits it no more; nobody else closes, and a closed customer is not closed twice.
    void theBranchManagerClosesACustomer()
    {
        // an edit of B left waiting by an earlier test is decided first, so that the one waiting now holds a new mobile
        const QString earlier
            = sql(QStringLiteral("SELECT coalesce(max(ch.id)::text, '') FROM "
                                 "branchvault.customer_changes ch JOIN branchvault.customers c ON c.id "
                                 "= ch.customer_id WHERE c.customer_no = '%1' AND ch.status = "
                                 "'pending'")
                      .arg(m_numberB));
        if (!earlier.isEmpty())
            BV_VERIFY_OK(as(QStringLiteral("m1")).decide(earlier.toLongLong(), false, QStringLiteral("不需要修改")));
        auto present = open(QStringLiteral("c1"), m_numberB);
        QVERIFY2(present.ok(), qPrintable(why(present)));
        CustomerInput edit;
        edit.values.insert(QStringLiteral("mobile"), mobile(9302));
        edit.values.insert(QStringLiteral("employer"), QStringLiteral("第四中学"));
        auto waiting = as(QStringLiteral("c1")).edit(*present, edit);
        QVERIFY2(waiting.ok(), qPrintable(why(waiting)));
        const QString staged = QStringLiteral("SELECT count(*) FROM branchvault.sealed_value WHERE owner_kind = "
                                              "'change' AND owner_id = %1")
                                   .arg(waiting->changeId);
        QCOMPARE(sql(staged), QStringLiteral("1"));

        // refused before anything is sent: no reason, or a reason holding an ID number; then by the server: the
        // customer manager, the clerk, the administrator
        const QString rows = QStringLiteral("SELECT count(*) FROM branchvault.audit_log");
        const QString rowsBefore = sql(rows);
        BV_COMPARE_CODE(as(QStringLiteral("m1")).close(m_numberB, QStringLiteral("  ")), ErrorCode::InvalidInput);
        auto leaked
            = as(QStringLiteral("m1")).close(m_numberB, QStringLiteral("证件号 %1").arg(value(m_b, "id_number")));
        BV_COMPARE_CODE(leaked, ErrorCode::InvalidInput);
        QCOMPARE(leaked.error().field, QStringLiteral("reason"));
        QCOMPARE(sql(rows), rowsBefore);
        for (const char* login : {"c1", "k1", "a1"})
            BV_COMPARE_CODE(as(QLatin1String(login)).close(m_numberB, QStringLiteral("客户已销全部账户")),
                ErrorCode::PermissionDenied);
        QCOMPARE(
            sql(QStringLiteral("SELECT status FROM branchvault.customers WHERE customer_no = '%1'").arg(m_numberB)),
            QStringLiteral("active"));

        const QString reason = QStringLiteral("客户已销全部账户");
        auto until = as(QStringLiteral("m1")).close(m_numberB, reason);
        QVERIFY2(until.ok(), qPrintable(why(until)));
        QVERIFY(*until > QDateTime::currentDateTimeUtc().addYears(5).addSecs(-3600));
        QVERIFY(*until < QDateTime::currentDateTimeUtc().addYears(5).addSecs(3600));
        QCOMPARE(sql(QStringLiteral("SELECT status || '|' || version || '|' || (closed_at IS NOT NULL) FROM "
                                    "branchvault.customers WHERE customer_no = '%1'")
                         .arg(m_numberB)),
            QStringLiteral("closed|%1|true").arg(present->version + 1));
        // the waiting edit ended: rejected by the branch manager, its staged mobile erased
        QCOMPARE(sql(QStringLiteral("SELECT status || '|' || reason || '|' || (SELECT login FROM branchvault.staff s "
                                    "WHERE s.id = checker_id) FROM branchvault.customer_changes WHERE id = %1")
                         .arg(waiting->changeId)),
            QStringLiteral("rejected|customer closed|m1"));
        QCOMPARE(sql(staged), QStringLiteral("0"));
        const QString day = until->toTimeZone(WorkingCalendar::branchTimeZone()).date().toString(Qt::ISODate);
        QCOMPARE(sql(QStringLiteral("SELECT login || '|' || customer_no || '|' || details FROM branchvault.audit_log "
                                    "WHERE action = 'customer.close'")),
            QStringLiteral("m1|%1|{\"ended_change\":%2,\"ended_tier_changes\":0,\"reason_chars\":%3,"
                           "\"retention_until\":\"%4\"}")
                .arg(m_numberB)
                .arg(waiting->changeId)
                .arg(reason.size())
                .arg(day));

        // the customer manager still reads the record and its history, with the reason; edits no more
        auto closed = open(QStringLiteral("c1"), m_numberB);
        QVERIFY2(closed.ok(), qPrintable(why(closed)));
        QCOMPARE(closed->status, CustomerStatus::Closed);
        auto history = as(QStringLiteral("c1")).history(m_numberB);
        QVERIFY2(history.ok(), qPrintable(why(history)));
        QVERIFY(!history->isEmpty());
        const HistoryEntry& last = history->constLast();
        QCOMPARE(last.kind, QStringLiteral("close"));
        QCOMPARE(last.actorLogin, QStringLiteral("m1"));
        QStringList said;
        for (const FieldDiff& diff : last.diff)
            said << diff.field + QLatin1Char('=') + diff.newMasked;
        said.sort();
        QCOMPARE(said, QStringList({QStringLiteral("close_reason=") + reason, QStringLiteral("status=closed")}));
        CustomerInput later;
        later.values.insert(QStringLiteral("employer"), QStringLiteral("第五中学"));
        BV_COMPARE_CODE(as(QStringLiteral("c1")).edit(*closed, later), ErrorCode::Conflict);
        BV_COMPARE_CODE(as(QStringLiteral("m1")).close(m_numberB, reason), ErrorCode::Conflict);
        BV_COMPARE_CODE(as(QStringLiteral("m1")).close(QStringLiteral("0101999999"), reason), ErrorCode::NotFound);
    }

    // When the retention of the closed customer B ends, the next sign-in of the branch's staff anonymises it
    // (migration 29, as CustomerRetention::anonymiseDue): every sealed value and the grade-2 columns gone, the history
    // and changes reduced to field names, grade 3 and the account rows kept, one system row with the counts; the record
    // is no longer read by anyone. A closed customer whose retention has not ended is left as it is. Its pairs still
    // open are closed by the system (migration 32): nobody may clear them later with a reason about it.
    void aClosedCustomerIsAnonymisedWhenItsRetentionEnds()
    {
        const QString idOfB
            = sql(QStringLiteral("SELECT id FROM branchvault.customers WHERE customer_no = '%1'").arg(m_numberB));
        // a customer entered now with B's mobile: an open pair with the closed B, and one with customer 303 (which
        // holds the same mobile) that has nothing to do with B
        CustomerInput twin = customerInput(306);
        twin.values.insert(QStringLiteral("mobile"), value(m_b, "mobile"));
        auto twinReceipt = as(QStringLiteral("c2")).enter(twin);
        QVERIFY2(twinReceipt.ok(), qPrintable(why(twinReceipt)));
        const QString twinApproved = approve(twinReceipt->changeId, twin);
        QVERIFY2(twinApproved.isEmpty(), qPrintable(twinApproved));
        const QString idOfTwin = sql(QStringLiteral("SELECT id FROM branchvault.customers WHERE customer_no = '%1'")
                                         .arg(twinReceipt->customerNumber));
        const QString pairOfB = QStringLiteral("SELECT status || '|' || coalesce(cleared_by::text, 'system') || '|' || "
                                               "(reason IS NULL) || '|' || (masked_value IS NULL) FROM "
                                               "branchvault.suspicious_pairs WHERE customer_a = least(%1, %2) AND "
                                               "customer_b = greatest(%1, %2)")
                                    .arg(idOfB, idOfTwin);
        QCOMPARE(sql(pairOfB), QStringLiteral("open|system|true|false"));
        const QString openPairs = QStringLiteral("SELECT count(*) FROM branchvault.suspicious_pairs WHERE status = "
                                                 "'open' AND (customer_a = %1 OR customer_b = %1)");
        QCOMPARE(sql(openPairs.arg(idOfTwin)), QStringLiteral("2"));
        QCOMPARE(sql(QStringLiteral("SELECT status FROM branchvault.customers WHERE id = %1").arg(idOfB)),
            QStringLiteral("closed"));
        const auto count = [&](const char* table) {
            return sql(QStringLiteral("SELECT count(*) FROM branchvault.%1 WHERE customer_id = %2")
                           .arg(QLatin1String(table), idOfB));
        };
        const QString accounts = count("accounts");
        const QString history = count("customer_history");
        const QString changes = count("customer_changes");
        QVERIFY(count("sealed_value").toInt() > 0);
        QVERIFY(accounts.toInt() > 0);
        const QString grade3 = QStringLiteral("SELECT customer_no || '|' || tier || '|' || coalesce(sex, '') || '|' || "
                                              "coalesce(age_band, '') || '|' || coalesce(nationality, '') FROM "
                                              "branchvault.customers WHERE id = %1")
                                   .arg(idOfB);
        const QString grade3Before = sql(grade3);

        // not yet due: a sign-in leaves it
        auto early = ServerSession::signIn(m_branch->store(), QStringLiteral("k1"),
            SecureBytes::copyOf(m_branch->password(QStringLiteral("k1")).toUtf8()));
        QVERIFY2(early.ok(), qPrintable(why(early)));
        QCOMPARE(sql(QStringLiteral("SELECT status FROM branchvault.customers WHERE id = %1").arg(idOfB)),
            QStringLiteral("closed"));

        // the retention ended (moved back as if five years had passed); the clerk's next sign-in anonymises it
        QCOMPARE(sql(QStringLiteral("UPDATE branchvault.customers SET closed_at = now() - interval '5 years 1 day', "
                                    "retention_until = now() - interval '1 day' WHERE id = %1")
                         .arg(idOfB)),
            QString());
        const qint64 seq = sql(QStringLiteral("SELECT max(seq) FROM branchvault.audit_log")).toLongLong();
        auto signedIn = ServerSession::signIn(m_branch->store(), QStringLiteral("k1"),
            SecureBytes::copyOf(m_branch->password(QStringLiteral("k1")).toUtf8()));
        QVERIFY2(signedIn.ok(), qPrintable(why(signedIn)));
        QCOMPARE(sql(QStringLiteral("SELECT status || '|' || (anonymised_at IS NOT NULL) || '|' || concat_ws(',', "
                                    "occupation, employer, income_band, marital_status, family, risk_rating, aum_cny, "
                                    "product_holdings) FROM branchvault.customers WHERE id = %1")
                         .arg(idOfB)),
            QStringLiteral("anonymised|true|"));
        QCOMPARE(sql(grade3), grade3Before);
        QCOMPARE(count("sealed_value"), QStringLiteral("0"));
        QCOMPARE(count("accounts"), accounts);
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM branchvault.customer_history WHERE customer_id = %1 AND "
                                    "jsonb_path_exists(diff_json, '$[*] ? (exists(@.old) || exists(@.new))')")
                         .arg(idOfB)),
            QStringLiteral("0"));
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM branchvault.customer_changes WHERE customer_id = %1 AND "
                                    "(values_json <> '{}' OR reason IS NOT NULL OR jsonb_path_exists(diff_json, "
                                    "'$[*] ? (exists(@.old) || exists(@.new))'))")
                         .arg(idOfB)),
            QStringLiteral("0"));
        QCOMPARE(sql(QStringLiteral("SELECT string_agg(login || '|' || action || '|' || customer_no || '|' || details, "
                                    "E'\\n' ORDER BY seq) FROM branchvault.audit_log WHERE seq > %1 AND action <> "
                                    "'auth.sign_in'")
                         .arg(seq)),
            QStringLiteral("system|customer.anonymise|%1|{\"accounts\":%2,\"changes\":%3,\"complaints\":0,"
                           "\"history\":%4,\"pairs_closed\":1,\"service_records\":0}")
                .arg(m_numberB, accounts, changes, history));
        // B's open pair closed by the system at the anonymisation, without its value; the pair cleared earlier by m1
        // keeps its clearer; the twin's pair with customer 303 stays open for the branch manager
        QCOMPARE(sql(pairOfB), QStringLiteral("cleared|system|true|true"));
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM branchvault.suspicious_pairs p JOIN branchvault.customers c "
                                    "ON c.id = %1 WHERE (p.customer_a = %1 OR p.customer_b = %1) AND (p.status <> "
                                    "'cleared' OR p.cleared_at IS DISTINCT FROM c.anonymised_at AND p.cleared_by IS "
                                    "NULL)")
                         .arg(idOfB)),
            QStringLiteral("0"));
        QCOMPARE(sql(QStringLiteral("SELECT string_agg(coalesce(s.login, 'system'), ',' ORDER BY p.id) FROM "
                                    "branchvault.suspicious_pairs p LEFT JOIN branchvault.staff s ON s.id = "
                                    "p.cleared_by WHERE p.customer_a = %1 OR p.customer_b = %1")
                         .arg(idOfB)),
            QStringLiteral("m1,system"));
        QCOMPARE(sql(openPairs.arg(idOfTwin)), QStringLiteral("1"));
        auto stillOpen = as(QStringLiteral("m1")).suspicious();
        QVERIFY2(stillOpen.ok(), qPrintable(why(stillOpen)));
        QCOMPARE(stillOpen->size(), 1);
        QVERIFY(!stillOpen->constFirst().numberA.isEmpty());
        QVERIFY(stillOpen->constFirst().numberA != m_numberB && stillOpen->constFirst().numberB != m_numberB);
        const QString closedPair
            = sql(QStringLiteral("SELECT id FROM branchvault.suspicious_pairs WHERE customer_a = least(%1, %2) AND "
                                 "customer_b = greatest(%1, %2)")
                      .arg(idOfB, idOfTwin));
        const Status late
            = as(QStringLiteral("m1")).clearSuspicious(closedPair.toLongLong(), QStringLiteral("夫妻共用手机"));
        BV_COMPARE_CODE(late, ErrorCode::Conflict);
        QVERIFY2(late.error().detail.contains(QLatin1String("already cleared by the system")),
            qPrintable(late.error().detail));
        QCOMPARE(sql(pairOfB), QStringLiteral("cleared|system|true|true"));
        // the customer manager no longer reads the record (refused as a customer out of reach: it is no longer held);
        // the branch manager sees grade 3 only; another sign-in finds nothing more to do
        BV_COMPARE_CODE(open(QStringLiteral("c1"), m_numberB), ErrorCode::PermissionDenied);
        auto left = open(QStringLiteral("m1"), m_numberB);
        QVERIFY2(left.ok(), qPrintable(why(left)));
        QCOMPARE(left->status, CustomerStatus::Anonymised);
        for (auto it = left->gradeOne.cbegin(); it != left->gradeOne.cend(); ++it)
            QVERIFY2(it.value().isEmpty(), qPrintable(QStringLiteral("%1 is still shown").arg(it.key())));
        for (auto it = left->gradeTwo.cbegin(); it != left->gradeTwo.cend(); ++it)
            QVERIFY2(it.value().isEmpty(), qPrintable(QStringLiteral("%1 is still shown").arg(it.key())));
        auto again = ServerSession::signIn(m_branch->store(), QStringLiteral("k1"),
            SecureBytes::copyOf(m_branch->password(QStringLiteral("k1")).toUtf8()));
        QVERIFY2(again.ok(), qPrintable(why(again)));
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM branchvault.audit_log WHERE action = 'customer.anonymise'")),
            QStringLiteral("1"));
    }
};

QTEST_GUILESS_MAIN(TestServerEdits)
#include "tst_serveredits.moc"
