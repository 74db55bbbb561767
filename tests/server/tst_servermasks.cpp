// The stored masked forms follow a narrower mask width over the branch server too (DESIGN §4, docs/SERVER.md
// "Migration 23"), on a real throwaway cluster with TLS (ServerBranch) and customers entered through the core:
// - the server's narrowing (mask_tighten) gives exactly local mode's (StoredMasks::tightenField), form for form, over a
//   corpus of values masked under many widths and narrowed to many others;
// - a narrower width set by the administrator narrows every stored form of the branch at once — the customers' and
//   accounts' values, the suspicious pair, the changes' and the history's diffs — to what masking the values
//   under the new widths gives, shows the narrowed forms on the card, and writes settings.change and policy.remask
//   with counts that match what changed;
// - a form a modified client sends wider than the branch's widths is stored narrowed;
// - a wider width leaves the stored forms narrower, and says so;
// - no staff role calls the narrowing functions, and no workstation appends policy.remask.
//
// Grade-1 values never reach the test's output: only masked forms are compared.
#include "core/internal/policy/StoredMasks.h"
#include "core/policy/FieldCatalogue.h"
#include "core/policy/Masking.h"
#include "core/policy/SettingsService.h"
#include "core/server/ServerCustomers.h"
#include "core/server/ServerSession.h"
#include "tests/server/ServerBranch.h"
#include "tests/server/ServerResults.h"
#include "tests/server/ServerValues.h"
#include "tests/testsupport/TestData.h"
#include "tests/testsupport/TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace bv;
using namespace bv::test;

namespace {

// MaskSettings as mask_widths orders them.
QString widthsSql(const MaskSettings& m)
{
    return QStringLiteral("ARRAY[%1,%2,%3,%4,%5,%6,%7,%8]")
        .arg(m.phoneKeepStart)
        .arg(m.phoneKeepEnd)
        .arg(m.mainlandIdKeepStart)
        .arg(m.otherIdKeepStart)
        .arg(m.accountKeepStart)
        .arg(m.accountKeepEnd)
        .arg(m.addressKeepStart)
        .arg(m.emailLocalKeep);
}

QString literal(const QString& text)
{
    return QLatin1Char('\'') + QString(text).replace(QLatin1Char('\''), QStringLiteral("''")) + QLatin1Char('\'');
}

} // namespace

class TestServerMasks : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<ServerBranch> m_branch;
    // the values typed, by customer number and field ("account_number" for the card)
    QHash<QString, QHash<QString, QString>> m_typed;
    QString m_numberA, m_numberB;
    MaskSettings m_widths; // the branch's widths now

    QString sql(const QString& statement) const { return m_branch->sql(statement); }
    ServerCustomers as(const char* login) { return ServerCustomers(m_branch->session(QLatin1String(login))); }
    qint64 lastSeq() const { return sql(QStringLiteral("SELECT max(seq) FROM branchvault.audit_log")).toLongLong(); }
    QString auditAfter(qint64 seq, const QString& action) const
    {
        return sql(QStringLiteral("SELECT string_agg(login || '|' || details, E'\\n' ORDER BY seq) FROM "
                                  "branchvault.audit_log WHERE seq > %1 AND action = '%2'")
                       .arg(seq)
                       .arg(action));
    }
    // The administrator sets a width through the core (ServerSession::setSetting); the value as stored or the error.
    QString setWidth(QLatin1StringView key, int value)
    {
        auto stored = m_branch->session(QStringLiteral("a1")).setSetting(QString(key), QString::number(value));
        if (!stored.ok())
            return why(stored);
        m_widths = m_widths.with(key, value);
        return *stored;
    }

    // Every stored masked form of the two customers: "customer|owner_kind|field" → masked.
    QHash<QString, QString> sealedForms() const
    {
        QHash<QString, QString> forms;
        const QString rows = sql(QStringLiteral(
            "SELECT c.customer_no || '|' || s.owner_kind || '|' || s.field || '|' || s.owner_id || E'\\x1f' || "
            "s.masked "
            "FROM branchvault.sealed_value s JOIN branchvault.customers c ON c.id = s.customer_id ORDER BY 1"));
        for (const QString& line : rows.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            forms.insert(line.section(QChar(0x1f), 0, 0), line.section(QChar(0x1f), 1));
        return forms;
    }
    QString pairForm() const
    {
        return sql(
            QStringLiteral("SELECT string_agg(masked_value, ',' ORDER BY id) FROM branchvault.suspicious_pairs"));
    }
    // The diffs of the changes and of the history, one JSON array per line.
    QStringList diffs() const
    {
        return sql(QStringLiteral("SELECT diff_json::text FROM branchvault.customer_changes UNION ALL "
                                  "SELECT diff_json::text FROM branchvault.customer_history ORDER BY 1"))
            .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }

    // Every stored form is what masking the typed value under the branch's widths gives; "" or the first that is not.
    QString formsFollowTheWidths() const
    {
        const QHash<QString, QString> forms = sealedForms();
        int compared = 0;
        for (auto it = forms.cbegin(); it != forms.cend(); ++it) {
            const QString customer = it.key().section(QLatin1Char('|'), 0, 0);
            const QString field = it.key().section(QLatin1Char('|'), 2, 2);
            const QString value = m_typed.value(customer).value(field);
            if (value.isEmpty())
                continue;
            ++compared;
            if (it.value() != StoredMasks::maskField(field, value, m_widths))
                return QStringLiteral("%1: stored %2, expected %3")
                    .arg(it.key(), it.value(), StoredMasks::maskField(field, value, m_widths));
        }
        if (compared < 14)
            return QStringLiteral("only %1 forms compared").arg(compared);
        const QString pair = StoredMasks::maskField(
            QStringLiteral("mobile"), m_typed.value(m_numberA).value(QStringLiteral("mobile")), m_widths);
        if (pairForm() != pair)
            return QStringLiteral("pair: %1, expected %2").arg(pairForm(), pair);
        // the diffs hold the typed values' forms wherever they name a grade-1 field with a width
        for (const QString& line : diffs()) {
            for (const QJsonValue& entry : QJsonDocument::fromJson(line.toUtf8()).array()) {
                const QString field = entry[QLatin1String("field")].toString();
                const QString shown = entry[QLatin1String("new")].toString();
                const FieldSpec* spec = FieldCatalogue::find(field);
                if (!spec || spec->grade != 1 || shown.isEmpty() || shown.startsWith(QLatin1Char('#')))
                    continue;
                bool typed = false;
                bool matched = false;
                for (const QString& customer : {m_numberA, m_numberB}) {
                    const QString value = m_typed.value(customer).value(field);
                    typed = typed || !value.isEmpty();
                    matched = matched || (!value.isEmpty() && StoredMasks::maskField(field, value, m_widths) == shown);
                }
                if (typed && !matched)
                    return QStringLiteral("diff %1: %2 is no value's form under the widths").arg(field, shown);
            }
        }
        return QString();
    }

    // c1 enters `input`, m1 approves it when `approve`; the customer number or "<what failed>".
    QString enter(const CustomerInput& input, bool approve = true)
    {
        auto receipt = as("c1").enter(input);
        if (!receipt.ok())
            return QStringLiteral("<%1>").arg(why(receipt));
        QHash<QString, QString>& typed = m_typed[receipt->customerNumber];
        for (auto it = input.values.cbegin(); it != input.values.cend(); ++it)
            typed.insert(it.key(), it.value());
        typed.insert(QStringLiteral("account_number"), input.accounts.value(0).number);
        if (!approve)
            return receipt->customerNumber;
        auto changes = as("m1").pending();
        if (!changes.ok())
            return QStringLiteral("<%1>").arg(why(changes));
        for (const PendingChange& change : *changes) {
            if (change.id != receipt->changeId)
                continue;
            RekeyedValues rekeyed;
            for (const QString& field : change.rekeyFields)
                rekeyed[field] << typed.value(field);
            const Status decided = as("m1").decide(change.id, true, QStringLiteral("核对证件一致"), rekeyed);
            return decided.ok() ? receipt->customerNumber : QStringLiteral("<%1>").arg(why(decided));
        }
        return QStringLiteral("<change not waiting>");
    }

private slots:
    void initTestCase()
    {
        m_branch = std::make_unique<ServerBranch>(QStringLiteral("masks"));
        const QString problem = m_branch->setUp();
        if (problem.startsWith(QLatin1String("SKIP ")))
            QSKIP(qPrintable(problem.mid(5)));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        for (const auto& [login, role] : {std::pair {QStringLiteral("m1"), Role::Manager},
                 std::pair {QStringLiteral("c1"), Role::CustomerManager}}) {
            const QString added = m_branch->addStaff(login, role);
            QVERIFY2(added.isEmpty(), qPrintable(added));
        }
        // A: a mainland ID, two phones, an e-mail address, a card; approved (its history holds the entry's diff)
        CustomerInput a = customerInput(401);
        a.values.insert(QString::fromLatin1(fields::OtherPhone), QStringLiteral("010-62345678"));
        a.values.insert(QString::fromLatin1(fields::Email), QStringLiteral("zhangsan@example.cn"));
        m_numberA = enter(a, true);
        QVERIFY2(!m_numberA.startsWith(QLatin1Char('<')), qPrintable(m_numberA));
        // B: a passport, A's mobile number (a suspicious pair, found at the approval)
        CustomerInput b = customerInput(402);
        b.values.insert(QString::fromLatin1(fields::IdType), QStringLiteral("passport_cn"));
        b.values.insert(QString::fromLatin1(fields::IdNumber), QStringLiteral("E12345678"));
        b.values.insert(QString::fromLatin1(fields::Sex), QStringLiteral("F"));
        b.values.insert(QString::fromLatin1(fields::Mobile), a.values.value(QString::fromLatin1(fields::Mobile)));
        m_numberB = enter(b, true);
        QVERIFY2(!m_numberB.startsWith(QLatin1Char('<')), qPrintable(m_numberB));
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM branchvault.suspicious_pairs")), QStringLiteral("1"));
        const QString followed = formsFollowTheWidths();
        QVERIFY2(followed.isEmpty(), qPrintable(followed));
    }
    void cleanupTestCase() { m_branch.reset(); }

    // mask_tighten against StoredMasks::tightenField: values masked under one set of widths, narrowed (or not) to
    // another, with the previous widths known — the same form and the same exactness, every time.
    void theServerNarrowsAsLocalModeDoes()
    {
        const QList<std::pair<const char*, QString>> values = {{fields::Mobile, QStringLiteral("13812345678")},
            {fields::Mobile, QStringLiteral("+86 138-1234-5678")}, {fields::OtherPhone, QStringLiteral("010-62345678")},
            {fields::OtherPhone, QStringLiteral("12345")}, {fields::OtherPhone, QStringLiteral("1234567")},
            {fields::OtherPhone, QStringLiteral("1234")}, {"account_number", QStringLiteral("6222021234567890123")},
            {"account_number:2", QStringLiteral("6222 0212 3456 7890")}, {"account_number", QStringLiteral("12345678")},
            {fields::IdNumber, QStringLiteral("11010519850615123X")},
            {fields::IdNumber, QStringLiteral("110105850615123")}, {fields::IdNumber, QStringLiteral("E12345678")},
            {fields::IdNumber, QStringLiteral("123456789012345678")}, {fields::IdNumber, QStringLiteral("H1234567801")},
            {fields::IdNumber, QStringLiteral("AB12")}, {fields::Email, QStringLiteral("zhangsan@example.cn")},
            {fields::Email, QStringLiteral("a@b.cn")}, {fields::Email, QStringLiteral("ab@x.org")},
            {fields::Address, QStringLiteral("北京市朝阳区建国路1号")}, {fields::Address, QStringLiteral("上海")},
            {fields::Address, QStringLiteral("广州市天河")}, {fields::Name, QStringLiteral("欧阳娜娜")}};
        QRandomGenerator random(23);
        const auto anyWidths = [&random] {
            MaskSettings m;
            for (const QLatin1StringView key : MaskSettings::keys())
                m = m.with(key, random.bounded(MaskSettings::maximum(key) + 1));
            return m;
        };
        QStringList rows;
        QStringList expected;
        for (int round = 0; round < 120; ++round) {
            const MaskSettings before = round == 0 ? MaskSettings() : anyWidths();
            // mostly narrower (as a setting change gives), sometimes any widths at all
            MaskSettings after = before;
            if (round % 4 == 3) {
                after = anyWidths();
            } else {
                const QList<QLatin1StringView> keys = MaskSettings::keys();
                const QLatin1StringView key = keys.at(random.bounded(int(keys.size())));
                after = before.with(key, random.bounded(before.width(key) + 1));
            }
            for (const auto& [field, value] : values) {
                const QString name = QLatin1String(field);
                const QString masked = StoredMasks::maskField(name, value, before);
                bool exact = true;
                const QString narrowed = StoredMasks::tightenField(name, masked, after, &exact, &before);
                rows << QStringLiteral("(%1, %2, %3, %4::integer[], %5::integer[])")
                            .arg(rows.size())
                            .arg(literal(name), literal(masked), widthsSql(after), widthsSql(before));
                expected << narrowed + QLatin1Char('|') + (exact ? QLatin1Char('t') : QLatin1Char('f'));
            }
        }
        // in slices: one psql argument holds at most 128 KiB
        QStringList lines;
        for (qsizetype from = 0; from < rows.size(); from += 400) {
            const QString got
                = sql(QStringLiteral("SELECT string_agg(t.masked || '|' || CASE WHEN t.exact THEN 't' "
                                     "ELSE 'f' END, E'\\n' ORDER BY v.i) FROM (VALUES %1) AS v (i, field, "
                                     "masked, w, b) CROSS JOIN LATERAL branchvault.mask_tighten(v.field, "
                                     "v.masked, v.w, v.b) t")
                          .arg(rows.mid(from, 400).join(QStringLiteral(", "))));
            QVERIFY2(!got.startsWith(QLatin1String("<error")), qPrintable(got.left(300)));
            lines << got.split(QLatin1Char('\n'));
        }
        QCOMPARE(lines.size(), expected.size());
        int differing = 0;
        for (int i = 0; i < lines.size(); ++i) {
            if (lines.at(i) != expected.at(i)) {
                // masked forms only: the row's field and both forms
                if (++differing <= 5)
                    qWarning("row %d: server %s, local %s", i, qPrintable(lines.at(i)), qPrintable(expected.at(i)));
            }
        }
        QCOMPARE(differing, 0);
        QVERIFY(expected.size() >= 2500);
        // in a diff only an account's entry names its account with '#'; an address starting with '#' is narrowed
        QCOMPARE(sql(QStringLiteral(
                     "SELECT branchvault.mask_tighten_diff('[{\"field\": \"address\", \"old\": \"#12 Ro****\", "
                     "\"new\": \"#34 Ne****\"}, {\"field\": \"account_number\", \"old\": \"#12\", \"new\": "
                     "\"622202******1234\"}]', ARRAY[3,4,6,2,6,2,0,1], ARRAY[3,4,6,2,6,4,6,1], 'id_number')")),
            QStringLiteral("[{\"new\": \"****\", \"old\": \"****\", \"field\": \"address\"}, {\"new\": "
                           "\"622202********34\", \"old\": \"#12\", \"field\": \"account_number\"}]"));
        // a narrowing changed something, and some were inexact (short addresses, forms narrower than the widths)
        QVERIFY(expected.filter(QStringLiteral("|f")).size() > 10);
    }

    // Each narrower width narrows every stored form at once, exactly to the typed values' forms under the new
    // widths, and is recorded with counts of what changed.
    void aNarrowerWidthNarrowsEveryStoredForm()
    {
        // (another ID's width first: a mainland ID's form narrowed to 2 characters would then fit both rules, and
        // only the values could tell which — theServerNarrowsAsLocalModeDoes covers that case)
        const std::pair<QLatin1StringView, int> steps[] = {{MaskSettings::kPhoneKeepStartKey, 1},
            {MaskSettings::kOtherIdKeepStartKey, 0}, {MaskSettings::kMainlandIdKeepStartKey, 2},
            {MaskSettings::kAccountKeepEndKey, 2}, {MaskSettings::kAddressKeepStartKey, 3},
            {MaskSettings::kEmailLocalKeepKey, 0}, {MaskSettings::kPhoneKeepEndKey, 2}};
        for (const auto& [key, width] : steps) {
            const QHash<QString, QString> formsBefore = sealedForms();
            const QString pairBefore = pairForm();
            const QStringList diffsBefore = diffs();
            const qint64 seq = lastSeq();
            const int old = m_widths.width(key);
            QCOMPARE(setWidth(key, width), QString::number(width));
            const QString followed = formsFollowTheWidths();
            QVERIFY2(followed.isEmpty(), qPrintable(QStringLiteral("%1: %2").arg(QString(key), followed)));

            const QHash<QString, QString> formsAfter = sealedForms();
            int changed = 0;
            for (auto it = formsAfter.cbegin(); it != formsAfter.cend(); ++it)
                changed += it.value() != formsBefore.value(it.key()) ? 1 : 0;
            QVERIFY2(changed > 0, qPrintable(QString(key)));
            const QStringList diffsAfter = diffs();
            int diffsChanged = 0;
            for (const QString& line : diffsAfter)
                diffsChanged += diffsBefore.contains(line) ? 0 : 1;
            // the setting's row says nothing about a later re-mask; the re-mask's row counts what changed
            QCOMPARE(auditAfter(seq, QStringLiteral("settings.change")),
                QStringLiteral("a1|{\"new\" : \"%1\", \"old\" : \"%2\"}").arg(width).arg(old));
            const QJsonObject remask = QJsonDocument::fromJson(
                auditAfter(seq, QStringLiteral("policy.remask")).section(QLatin1Char('|'), 1).toUtf8())
                                           .object();
            QCOMPARE(remask.value(QLatin1String("mode")).toString(), QStringLiteral("tighten"));
            QCOMPARE(remask.value(QLatin1String("setting")).toString(), QString(key));
            QCOMPARE(remask.value(QLatin1String("values")).toInt(), formsAfter.size());
            QCOMPARE(remask.value(QLatin1String("changed")).toInt(), changed);
            QCOMPARE(remask.value(QLatin1String("pairs")).toInt(), pairForm() != pairBefore ? 1 : 0);
            QCOMPARE(remask.value(QLatin1String("diffs")).toInt(), diffsChanged);
            QCOMPARE(remask.value(QLatin1String("inexact")).toInt(), 0);
            QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM branchvault.remask_pending")), QStringLiteral("0"));
        }
        // what the branch manager's card shows is the narrowed form
        auto card = as("m1").open(m_numberA);
        QVERIFY2(card.ok(), qPrintable(why(card)));
        QCOMPARE(card->gradeOne.value(QStringLiteral("mobile")),
            StoredMasks::maskField(
                QStringLiteral("mobile"), m_typed.value(m_numberA).value(QStringLiteral("mobile")), m_widths));
        QCOMPARE(card->gradeOne.value(QStringLiteral("id_number")),
            StoredMasks::maskField(
                QStringLiteral("id_number"), m_typed.value(m_numberA).value(QStringLiteral("id_number")), m_widths));
    }

    // A modified client sends the floors' forms although the branch narrowed its widths: the server stores them
    // narrowed (the sealed values, the change's diff).
    void aFormSentWiderIsStoredNarrowed()
    {
        using namespace bv::test::server;
        const QString number = m_branch->sqlAs(
            QStringLiteral("c1"), QStringLiteral("SELECT branchvault.customer_number_reserve('ws-1')"));
        QVERIFY2(!number.startsWith(QLatin1String("<error")), qPrintable(number));
        const QString sent = m_branch->sqlAs(QStringLiteral("c1"),
            QStringLiteral(
                "SELECT change_id FROM branchvault.customer_submit('%1', '{\"occupation\": \"teacher\"}'::jsonb, "
                "ARRAY[%2]::branchvault.sealed_input[], ARRAY[%3]::branchvault.account_input[], NULL, false, "
                "'ws-1')")
                .arg(number,
                    QStringList {shapedSealed(QStringLiteral("name"), QStringLiteral("王*"), QStringLiteral("n 23")),
                        shapedSealed(QStringLiteral("id_type"), QStringLiteral("mainland_id"), QStringLiteral("t 23")),
                        shapedSealed(
                            QStringLiteral("id_number"), QStringLiteral("110101************"), QStringLiteral("i 23")),
                        shapedSealed(QStringLiteral("mobile"), QStringLiteral("139****0011"), QStringLiteral("m 23")),
                        shapedSealed(
                            QStringLiteral("address"), QStringLiteral("北京市海淀区****"), QStringLiteral("a 23"))}
                        .join(QStringLiteral(", ")),
                    shapedAccount(QStringLiteral("622202******9876"), QStringLiteral("c 23"))));
        QVERIFY2(!sent.startsWith(QLatin1String("<error")), qPrintable(sent));
        const QString stored
            = sql(QStringLiteral("SELECT string_agg(s.field || '=' || s.masked, ',' ORDER BY s.field) "
                                 "FROM branchvault.sealed_value s JOIN branchvault.customers c ON c.id "
                                 "= s.customer_id WHERE c.customer_no = '%1'")
                      .arg(number));
        const auto narrowed
            = [this](MaskKind kind, const QString& form) { return Masking::tighten(kind, form, m_widths); };
        QCOMPARE(stored,
            QStringLiteral("account_number=%1,address=%2,id_number=%3,id_type=mainland_id,mobile=%4,name=王*")
                .arg(narrowed(MaskKind::Account, QStringLiteral("622202******9876")),
                    narrowed(MaskKind::Address, QStringLiteral("北京市海淀区****")),
                    narrowed(MaskKind::MainlandId, QStringLiteral("110101************")),
                    narrowed(MaskKind::Phone, QStringLiteral("139****0011"))));
        // the branch's widths now: phone 1 and 2, mainland ID 2, account end 2, address 3
        QCOMPARE(narrowed(MaskKind::Phone, QStringLiteral("139****0011")), QStringLiteral("1********11"));
        // the change's diff shows the same narrowed forms
        const QString diff
            = sql(QStringLiteral("SELECT diff_json::text FROM branchvault.customer_changes WHERE id = %1").arg(sent));
        QVERIFY2(diff.contains(narrowed(MaskKind::Phone, QStringLiteral("139****0011"))), qPrintable(diff));
        QVERIFY2(!diff.contains(QStringLiteral("139****")), qPrintable(diff));
        QVERIFY2(!diff.contains(QStringLiteral("110101")), qPrintable(diff));
    }

    // A wider width cannot be applied without the values: the stored forms stay as they are, and the setting's row
    // says they stay narrower.
    void aWiderWidthLeavesTheFormsNarrower()
    {
        const QHash<QString, QString> formsBefore = sealedForms();
        const QString pairBefore = pairForm();
        const qint64 seq = lastSeq();
        QCOMPARE(setWidth(MaskSettings::kPhoneKeepStartKey, 3), QStringLiteral("3"));
        QCOMPARE(sealedForms(), formsBefore);
        QCOMPARE(pairForm(), pairBefore);
        QCOMPARE(auditAfter(seq, QStringLiteral("settings.change")),
            QStringLiteral("a1|{\"new\" : \"3\", \"old\" : \"1\", \"remask\" : \"stays narrower\"}"));
        QCOMPARE(auditAfter(seq, QStringLiteral("policy.remask")), QString());
        QCOMPARE(sql(QStringLiteral("SELECT setting FROM branchvault.remask_pending")),
            QString(MaskSettings::kPhoneKeepStartKey));
    }

    // A branch that narrowed a width before migration 23 (which only marked remask_pending) has its stored forms
    // narrowed when the migration is applied, recorded as the system's policy.remask row.
    void theMigrationNarrowsWhatIsStoredAlready()
    {
        using namespace bv::test::server;
        ServerDatabase db(QStringLiteral("masks_before"));
        QString problem = db.setUp(22);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(db.addStaff(QStringLiteral("a1"), QStringLiteral("admin"), QStringLiteral("B001")) > 0);
        QVERIFY(db.addStaff(QStringLiteral("c1"), QStringLiteral("customer_manager"), QStringLiteral("B001")) > 0);
        const auto as = [&db](const char* login, const QString& statement) {
            return db.verbose(statement, db.roleOf(QLatin1String(login)));
        };
        const ServerDatabase::Psql number
            = as("c1", QStringLiteral("SELECT branchvault.customer_number_reserve('ws')"));
        QVERIFY2(number.ok(), qPrintable(number.err));
        const ServerDatabase::Psql sent = as("c1",
            QStringLiteral(
                "SELECT change_id FROM branchvault.customer_submit('%1', '{\"occupation\": \"teacher\"}'"
                "::jsonb, ARRAY[%2]::branchvault.sealed_input[], ARRAY[]::branchvault.account_input[], NULL, "
                "false, 'ws')")
                .arg(number.out.trimmed(),
                    QStringList {shapedSealed(QStringLiteral("name"), QStringLiteral("王*"), QStringLiteral("n 1")),
                        shapedSealed(QStringLiteral("id_type"), QStringLiteral("mainland_id"), QStringLiteral("t 1")),
                        shapedSealed(
                            QStringLiteral("id_number"), QStringLiteral("110101************"), QStringLiteral("i 1")),
                        shapedSealed(QStringLiteral("mobile"), QStringLiteral("139****0011"), QStringLiteral("m 1"))}
                        .join(QStringLiteral(", "))));
        QVERIFY2(sent.ok(), qPrintable(sent.err));
        QVERIFY(as("a1", QStringLiteral("SELECT branchvault.settings_set('mask.phone.keep_start', '0', 'ws')")).ok());
        const QString mobileSql = QStringLiteral("SELECT masked FROM branchvault.sealed_value WHERE field = 'mobile'");
        QCOMPARE(db.psql(mobileSql).out.trimmed(), QStringLiteral("139****0011")); // migration 5's way: only marked
        const ServerDatabase::Psql applied = db.psql(
            QStringLiteral("\\i %1/server/sql/023_mask_narrowing.sql").arg(qEnvironmentVariable("BV_SOURCE_DIR")));
        QVERIFY2(applied.ok(), qPrintable(applied.err));
        QCOMPARE(db.psql(mobileSql).out.trimmed(), QStringLiteral("*******0011"));
        QVERIFY(db.psql(QStringLiteral("SELECT diff_json::text FROM branchvault.customer_changes"))
                    .out.contains(QLatin1String("*******0011")));
        QCOMPARE(db.psql(QStringLiteral("SELECT login || '|' || action || '|' || details FROM branchvault.audit_log "
                                        "ORDER BY seq DESC LIMIT 1"))
                     .out.trimmed(),
            QStringLiteral("system|policy.remask|{\"mode\": \"tighten\", \"diffs\": 1, \"pairs\": 0, \"branch\": "
                           "\"B001\", \"values\": 4, \"changed\": 1, \"inexact\": 0}"));
    }

    // A width beyond its floor is refused before anything is sent, naming the setting, and recorded on the server as
    // local mode records it; only the administrator changes settings; settings() lists what applies.
    void aRefusedWidthIsRecorded()
    {
        const qint64 seq = lastSeq();
        auto refused = m_branch->session(QStringLiteral("a1"))
                           .setSetting(QString(MaskSettings::kPhoneKeepStartKey), QStringLiteral("5"));
        BV_COMPARE_CODE(refused, ErrorCode::InvalidInput);
        QCOMPARE(fieldOf(refused), QString(MaskSettings::kPhoneKeepStartKey));
        const QJsonObject details = QJsonDocument::fromJson(
            sql(QStringLiteral("SELECT details FROM branchvault.audit_log WHERE seq > %1 AND action = "
                               "'settings.change' AND outcome = 'failed'")
                    .arg(seq))
                .toUtf8())
                                        .object();
        QCOMPARE(details.value(QLatin1String("refused")).toString(), QStringLiteral("5"));
        QVERIFY(details.value(QLatin1String("reason")).toString().contains(QString(MaskSettings::kPhoneKeepStartKey)));
        BV_COMPARE_CODE(m_branch->session(QStringLiteral("m1"))
                            .setSetting(QString(MaskSettings::kPhoneKeepStartKey), QStringLiteral("1")),
            ErrorCode::PermissionDenied);
        // the settings as they apply: every key, the values set
        auto all = m_branch->session(QStringLiteral("m1")).settings();
        QVERIFY2(all.ok(), qPrintable(why(all)));
        QCOMPARE(all->size(), SettingsService::specs().size());
        QVERIFY(all->contains({QString(MaskSettings::kAccountKeepEndKey), QString::number(m_widths.accountKeepEnd)}));
        // sent with psql as the administrator: a key that names no setting is recorded as "unknown"; a full number,
        // an e-mail address, a second line or an invisible character is refused, nothing written
        const QString direct = m_branch->sqlAs(QStringLiteral("a1"),
            QStringLiteral("SELECT branchvault.settings_refused('110101199001011234', 'v', 'r', 'ws')"));
        QVERIFY2(!direct.startsWith(QLatin1String("<error")), qPrintable(direct));
        QCOMPARE(sql(QStringLiteral("SELECT object_id || ' ' || details FROM branchvault.audit_log WHERE seq = %1")
                         .arg(direct)),
            QStringLiteral("unknown {\"refused\" : \"v\", \"reason\" : \"r\"}"));
        const qint64 before = lastSeq();
        for (const QString& text : {QStringLiteral("13800138000"), QStringLiteral("a@b.cn"),
                 QStringLiteral("a' || "
                                "E'\\n' || 'b"),
                 QStringLiteral("a' || U&'\\202E' || 'b"), QString(201, u'x')}) {
            const QString out = m_branch->sqlAs(QStringLiteral("a1"),
                QStringLiteral("SELECT branchvault.settings_refused('auth.idle.minutes', 'v', '%1', 'ws')").arg(text));
            QVERIFY2(out.contains(QLatin1String("22023")), qPrintable(out.left(200)));
        }
        QCOMPARE(lastSeq(), before);
        QVERIFY(m_branch
                    ->sqlAs(QStringLiteral("m1"),
                        QStringLiteral("SELECT branchvault.settings_refused('k', 'v', 'r', 'ws')"))
                    .contains(QLatin1String("42501")));
    }

    // The narrowing is the server's: no staff role calls its functions, and no workstation appends its row.
    void onlyTheServerNarrows()
    {
        for (const char* login : {"a1", "m1", "c1"}) {
            for (const QString& call : {QStringLiteral("SELECT branchvault.mask_widths('B001')"),
                     QStringLiteral("SELECT * FROM branchvault.mask_tighten('mobile', '138****5678', "
                                    "ARRAY[3,4,6,2,6,4,6,1], NULL)"),
                     QStringLiteral("SELECT * FROM branchvault.masks_narrow('B001', ARRAY[0,0,0,0,0,0,0,0], NULL)")}) {
                const QString out = m_branch->sqlAs(QLatin1String(login), call);
                QVERIFY2(out.contains(QLatin1String("42501")),
                    qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(login), out.left(200))));
            }
        }
        const QString forged = m_branch->sqlAs(QStringLiteral("a1"),
            QStringLiteral("SELECT branchvault.audit_append('ws', 'policy.remask', 'settings', 'mask', NULL, 'ok', "
                           "'{\"mode\":\"tighten\"}')"));
        QVERIFY2(forged.startsWith(QLatin1String("<error")), qPrintable(forged));
    }
};

QTEST_GUILESS_MAIN(TestServerMasks)
#include "tst_servermasks.moc"
