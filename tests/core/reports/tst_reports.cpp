// Controlled reports (DESIGN §8, issue 12): the catalogue per role, every report refused to every role but its
// own, the content of each report for a small seeded branch, masked identities only under a live grant, the
// data-subject report under a live grant for that customer that a run does not use, parameter validation, and
// the report.run audit row of every run (with no grade-1 value in it). Grade-1 values are only ever compared,
// never printed.
#include "core/audit/AuditActions.h"
#include "core/audit/AuditService.h"
#include "core/auth/AccountService.h"
#include "core/auth/AuthService.h"
#include "core/customers/CustomerService.h"
#include "core/customers/care/CustomerCare.h"
#include "core/customers/lifecycle/CustomerEntry.h"
#include "core/customers/lifecycle/CustomerRetention.h"
#include "core/customers/lifecycle/Tiers.h"
#include "core/internal/CoreInternal.h"
#include "core/internal/audit/AuditLog.h"
#include "core/policy/FieldCatalogue.h"
#include "core/policy/Masking.h"
#include "core/policy/SettingsService.h"
#include "core/reports/ReportService.h"
#include "core/requests/RequestService.h"
#include "tests/testsupport/TestCore.h"
#include "tests/testsupport/TestData.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using namespace bv;
using namespace bv::test;

namespace {

// Everything a document shows, as one text, for contains() checks.
QString textOf(const ReportDocument& doc)
{
    QStringList parts {doc.title, doc.subtitle, doc.branch, doc.builtBy, doc.builtAtText};
    for (const ReportParameter& p : doc.parameters)
        parts << p.label << p.value;
    parts << doc.paragraphs << doc.closingParagraphs;
    for (const ReportTable& table : doc.tables) {
        parts << table.title << table.emptyText << table.totals;
        for (const ReportColumn& column : table.columns)
            parts << column.title;
        for (const QStringList& row : table.rows)
            parts << row;
    }
    return parts.join(QLatin1Char('\n'));
}

// The column of `table` titled `title` (-1 if none).
int columnOf(const ReportTable& table, const QString& title)
{
    for (int i = 0; i < table.columns.size(); ++i) {
        if (table.columns.at(i).title == title)
            return i;
    }
    return -1;
}

const ReportTable* tableTitled(const ReportDocument& doc, const QString& title)
{
    for (const ReportTable& table : doc.tables) {
        if (table.title == title)
            return &table;
    }
    return nullptr;
}

// The row of `table` whose first cell is `first`.
QStringList rowOf(const ReportTable& table, const QString& first)
{
    for (const QStringList& row : table.rows) {
        if (!row.isEmpty() && row.first() == first)
            return row;
    }
    return {};
}

ReportRequest request(const QString& report, const QHash<QString, QString>& parameters = {})
{
    return ReportRequest {report, parameters};
}

} // namespace

class TestReports : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestCore> t;
    Session aud, m1, m2, cm1, cm2, clerk;
    QString c1, c2, c3, c4, c5, c6; // c1..c3, c6 of cm1 (c6 closed); c4, c5 of cm2; c1 and c5 share a mobile
    const QList<int> seeds {1, 8, 35, 4, 12, 6};

    ReportService& reports() { return t->core->reports(); }
    RequestService& requests() { return t->core->requests(); }
    CustomerEntry& entry() { return t->core->customers().entry(); }

    QString createApproved(const Session& maker, const CustomerInput& input)
    {
        auto receipt = entry().create(maker, input);
        if (!receipt.ok()) {
            qWarning("create: %s", qPrintable(receipt.error().fullText()));
            return QString();
        }
        if (!entry().approve(m1, receipt->changeId, QStringLiteral("checked")).ok())
            return QString();
        return receipt->customerNumber;
    }
    // Every grade-1 value of a seeded customer, in full.
    QStringList secretsOf(int seed)
    {
        CustomerInput input = customerInput(seed);
        if (seed == 12)
            input.values[QString::fromLatin1(fields::Mobile)] = mobile(1);
        return {input.values.value(QString::fromLatin1(fields::Name)),
            input.values.value(QString::fromLatin1(fields::IdNumber)),
            input.values.value(QString::fromLatin1(fields::Mobile)), input.accounts.constFirst().number,
            input.values.value(QString::fromLatin1(fields::Address))};
    }
    QStringList allSecrets()
    {
        QStringList all;
        for (int seed : seeds)
            all << secretsOf(seed);
        return all;
    }
    QList<AuditRow> auditRows(const char* action)
    {
        AuditFilter filter;
        filter.action = QString::fromLatin1(action);
        filter.limit = 5000;
        auto rows = internalsOf(*t->core).auditLog().rows(filter);
        return rows.ok() ? *rows : QList<AuditRow>();
    }
    static QJsonObject details(const AuditRow& row) { return QJsonDocument::fromJson(row.details.toUtf8()).object(); }
    qint64 approvedRequest(const Session& requester, RequestType type, const QString& report,
        const QStringList& customers = {}, const Session* approver = nullptr)
    {
        auto created = requests().create(
            requester, NewRequest {type, customers, {}, report, QStringLiteral("customer asked at the counter"), 24});
        if (!created.ok()) {
            qWarning("request: %s", qPrintable(created.error().fullText()));
            return 0;
        }
        if (!requests().approve(approver ? *approver : m1, created->id, QStringLiteral("checked")).ok())
            return 0;
        return created->id;
    }
    QList<std::pair<Role, Session>> sessions() const
    {
        return {{Role::Admin, t->admin}, {Role::Auditor, aud}, {Role::Manager, m1}, {Role::CustomerManager, cm1},
            {Role::Clerk, clerk}};
    }
    // Parameters that make the report run for its own role.
    QHash<QString, QString> validParameters(const QString& key) const
    {
        if (key == QLatin1String("data_subject"))
            return {{QStringLiteral("customer"), c1}};
        return {};
    }

private slots:
    void init()
    {
        t = TestCore::create();
        QVERIFY(t);
        aud = t->addUser(QStringLiteral("aud"), Role::Auditor, QStringLiteral("审计员甲"));
        m1 = t->addUser(QStringLiteral("m1"), Role::Manager, QStringLiteral("王行长"));
        m2 = t->addUser(QStringLiteral("m2"), Role::Manager);
        cm1 = t->addUser(QStringLiteral("cm1"), Role::CustomerManager, QStringLiteral("张经理"));
        cm2 = t->addUser(QStringLiteral("cm2"), Role::CustomerManager, QStringLiteral("李经理"));
        clerk = t->addUser(QStringLiteral("clerk"), Role::Clerk);
        QVERIFY(aud.isValid() && m1.isValid() && m2.isValid() && cm1.isValid() && cm2.isValid() && clerk.isValid());

        c1 = createApproved(cm1, customerInput(1));
        c2 = createApproved(cm1, customerInput(8));
        c3 = createApproved(cm1, customerInput(35));
        c4 = createApproved(cm2, customerInput(4));
        CustomerInput twin = customerInput(12);
        twin.values[QString::fromLatin1(fields::Mobile)] = mobile(1);
        c5 = createApproved(cm2, twin);
        c6 = createApproved(cm1, customerInput(6));
        QVERIFY(!c1.isEmpty() && !c2.isEmpty() && !c3.isEmpty() && !c4.isEmpty() && !c5.isEmpty() && !c6.isEmpty());
        BV_VERIFY_OK(t->core->customers().retention().close(m1, c6, QStringLiteral("moved away")));
    }
    void cleanup() { t.reset(); }

    void catalogueGivesEachRoleItsReports()
    {
        const QMap<Role, QStringList> expected {
            {Role::Manager,
                {QStringLiteral("customer_list"), QStringLiteral("tier_distribution"),
                    QStringLiteral("customer_movements"), QStringLiteral("service_activity"),
                    QStringLiteral("complaints"), QStringLiteral("suspicious_pairs"), QStringLiteral("reassignments")}},
            {Role::CustomerManager, {QStringLiteral("portfolio_summary"), QStringLiteral("data_subject")}},
            {Role::Auditor,
                {QStringLiteral("audit_summary"), QStringLiteral("audit_alerts"), QStringLiteral("audit_checkpoint"),
                    QStringLiteral("print_register")}},
            {Role::Admin, {QStringLiteral("account_roster")}},
        };
        QStringList grantable;
        for (const auto& [role, session] : sessions()) {
            auto catalogue = reports().catalogue(session);
            if (role == Role::Clerk) {
                BV_COMPARE_CODE(catalogue, ErrorCode::PermissionDenied);
                continue;
            }
            BV_VERIFY_OK(catalogue);
            QStringList keys;
            for (const ReportInfo& info : *catalogue) {
                keys << info.key;
                QCOMPARE(info.role, role);
                QVERIFY(!info.title.isEmpty());
                QVERIFY(!info.description.isEmpty());
                if (info.mayHoldGrade1)
                    grantable << info.key;
                for (const ReportParameterSpec& spec : info.parameters) {
                    QVERIFY(!spec.label.isEmpty());
                    QCOMPARE(spec.choices.size(), spec.choiceLabels.size());
                }
            }
            QCOMPARE(keys, expected.value(role));
        }
        // a print or export request may name exactly the reports that can hold grade-1 data
        QStringList requestable = RequestService::reportKeys();
        requestable.sort();
        grantable.sort();
        QCOMPARE(requestable, grantable);

        // concrete defaults for today (2026-03-02 in branch time)
        auto manager = reports().catalogue(m1);
        BV_VERIFY_OK(manager);
        for (const ReportInfo& info : *manager) {
            if (info.key == QLatin1String("customer_movements")) {
                QCOMPARE(info.parameters.at(0).defaultValue, QStringLiteral("2025-04"));
                QCOMPARE(info.parameters.at(1).defaultValue, QStringLiteral("2026-03"));
            }
            if (info.key == QLatin1String("customer_list"))
                QCOMPARE(info.orientation, ReportOrientation::Landscape);
        }
    }

    void everyReportIsRefusedToEveryOtherRole()
    {
        // the data-subject report needs a live grant for the customer manager's customer
        QVERIFY(approvedRequest(cm1, RequestType::Print, QStringLiteral("data_subject"), {c1}) > 0);
        QStringList keys;
        QHash<QString, Role> roleOf;
        for (const auto& [role, session] : sessions()) {
            if (role == Role::Clerk)
                continue;
            const QList<ReportInfo> catalogue = *reports().catalogue(session);
            for (const ReportInfo& info : catalogue) {
                keys << info.key;
                roleOf.insert(info.key, info.role);
            }
        }
        QCOMPARE(keys.size(), 14);
        for (const QString& key : std::as_const(keys)) {
            for (const auto& [role, session] : sessions()) {
                const int runsBefore = auditRows(audit::ReportRun).size();
                const int deniedBefore = auditRows(audit::AccessDenied).size();
                auto document = reports().run(session, request(key, validParameters(key)));
                if (role == roleOf.value(key)) {
                    BV_VERIFY_OK(document);
                    QCOMPARE(document->reportKey, key);
                    QCOMPARE(auditRows(audit::ReportRun).size(), runsBefore + 1);
                    continue;
                }
                BV_COMPARE_CODE(document, ErrorCode::PermissionDenied);
                QCOMPARE(auditRows(audit::ReportRun).size(), runsBefore);
                // every refusal is audited; the message names who runs the report
                const QList<AuditRow> denied = auditRows(audit::AccessDenied);
                QCOMPARE(denied.size(), deniedBefore + 1);
                if (role != Role::Clerk) {
                    QVERIFY2(document.error().message.contains(Roles::label(roleOf.value(key))),
                        qPrintable(document.error().message));
                    QCOMPARE(denied.constLast().objectType, QStringLiteral("report"));
                    QCOMPARE(denied.constLast().objectId, key);
                }
            }
        }
    }

    void theCustomerRosterShowsIdentitiesOnlyMaskedAndOnlyUnderAGrant()
    {
        auto plain = reports().run(m1, request(QStringLiteral("customer_list")));
        BV_VERIFY_OK(plain);
        QCOMPARE(plain->orientation, ReportOrientation::Landscape);
        QCOMPARE(plain->highestGrade, 3);
        QCOMPARE(plain->grantRequestId, qint64(0));
        QCOMPARE(plain->tables.size(), 1);
        const ReportTable& active = plain->tables.first();
        QCOMPARE(active.rows.size(), 5); // c6 is closed
        QVERIFY(active.totals.first().contains(QStringLiteral("5")));
        QCOMPARE(columnOf(active, QStringLiteral("Name (masked)")), -1);
        QVERIFY(!rowOf(active, c1).isEmpty());
        QVERIFY(rowOf(active, c6).isEmpty());
        QCOMPARE(rowOf(active, c1).at(columnOf(active, QStringLiteral("Customer manager"))), QStringLiteral("张经理"));
        QCOMPARE(rowOf(active, c4).at(columnOf(active, QStringLiteral("Status"))), QStringLiteral("active"));
        const MaskSettings masks = t->core->settings().maskSettings();
        const QString text = textOf(*plain);
        for (int seed : seeds) {
            for (const QString& secret : secretsOf(seed))
                QVERIFY(!text.contains(secret));
        }
        QVERIFY(!text.contains(Masking::mask(MaskKind::Phone, mobile(1), masks)));

        auto all = reports().run(
            m1, request(QStringLiteral("customer_list"), {{QStringLiteral("status"), QStringLiteral("all")}}));
        BV_VERIFY_OK(all);
        QCOMPARE(all->tables.first().rows.size(), 6);
        QCOMPARE(rowOf(all->tables.first(), c6).at(columnOf(all->tables.first(), QStringLiteral("Status"))),
            QStringLiteral("closed"));

        // with identities: refused without a live grant, with the way to get one; audited
        const QHash<QString, QString> withIds {{QStringLiteral("with_identities"), QStringLiteral("true")}};
        const int deniedBefore = auditRows(audit::AccessDenied).size();
        auto refused = reports().run(m1, request(QStringLiteral("customer_list"), withIds));
        BV_COMPARE_CODE(refused, ErrorCode::PermissionDenied);
        QVERIFY(refused.error().message.contains(QStringLiteral("special request")));
        QVERIFY(refused.error().message.contains(QStringLiteral("\"customer_list\"")));
        QCOMPARE(auditRows(audit::AccessDenied).size(), deniedBefore + 1);
        // a grant of another manager does not count; one for this manager does
        QVERIFY(approvedRequest(m2, RequestType::Print, QStringLiteral("customer_list"), {}, &m1) > 0);
        BV_COMPARE_CODE(
            reports().run(m1, request(QStringLiteral("customer_list"), withIds)), ErrorCode::PermissionDenied);
        const qint64 grantId = approvedRequest(m1, RequestType::Export, QStringLiteral("customer_list"), {}, &m2);
        QVERIFY(grantId > 0);
        auto masked = reports().run(m1, request(QStringLiteral("customer_list"), withIds));
        BV_VERIFY_OK(masked);
        QCOMPARE(masked->highestGrade, 1);
        QVERIFY(!masked->fullGrade1);
        QCOMPARE(masked->grantRequestId, grantId);
        const ReportTable& table = masked->tables.first();
        const int name = columnOf(table, QStringLiteral("Name (masked)"));
        const int id = columnOf(table, QStringLiteral("ID number (masked)"));
        const int phone = columnOf(table, QStringLiteral("Mobile (masked)"));
        QVERIFY(name > 0 && id > 0 && phone > 0);
        const QStringList row = rowOf(table, c2);
        const QStringList secrets = secretsOf(8);
        QVERIFY(row.at(name) == Masking::mask(MaskKind::Name, secrets.at(0), masks));
        QVERIFY(row.at(id) == Masking::mask(MaskKind::MainlandId, secrets.at(1), masks));
        QVERIFY(row.at(phone) == Masking::mask(MaskKind::Phone, secrets.at(2), masks));
        const QString maskedText = textOf(*masked);
        for (const QString& secret : allSecrets())
            QVERIFY(!maskedText.contains(secret));
        // checked, not used: the single-use grant is still live after two runs
        BV_VERIFY_OK(reports().run(m1, request(QStringLiteral("customer_list"), withIds)));
        QCOMPARE(requests().get(m1, grantId)->status, RequestStatus::Approved);
        QCOMPARE(auditRows(audit::GrantUse).size(), 0);
        const AuditRow run = auditRows(audit::ReportRun).constLast();
        QCOMPARE(details(run).value(QStringLiteral("request")).toInteger(), grantId);
        QCOMPARE(details(run)
                     .value(QStringLiteral("parameters"))
                     .toObject()
                     .value(QStringLiteral("with_identities"))
                     .toString(),
            QStringLiteral("true"));
    }

    void tiersAndMovementsAddUp()
    {
        auto tiers = reports().run(m1, request(QStringLiteral("tier_distribution")));
        BV_VERIFY_OK(tiers);
        QHash<QString, qint64> customers;
        QHash<QString, qint64> assets;
        qint64 total = 0;
        for (int seed : {1, 8, 35, 4, 12}) { // the active ones
            const qint64 aum = (seed % 50) * 100000;
            const QString tier = Tiers::forAssets(aum, t->core->settings());
            ++customers[tier];
            assets[tier] += aum;
            total += aum;
        }
        const ReportTable& table = tiers->tables.first();
        QCOMPARE(table.rows.size(), 4); // every tier, in order
        for (const QString& key : Tiers::keys()) {
            const QStringList row = rowOf(table, Tiers::label(key));
            QCOMPARE(row.size(), 6);
            QCOMPARE(row.at(1), QLocale().toString(customers.value(key)));
            QCOMPARE(row.at(3), QLocale().toString(assets.value(key)));
        }
        QCOMPARE(table.totals.at(1), QLocale().toString(5));
        QCOMPARE(table.totals.at(3), QLocale().toString(total));
        QCOMPARE(table.totals.at(2), QLocale().toString(100.0, 'f', 1) + QLatin1Char('%'));

        auto movements = reports().run(m1, request(QStringLiteral("customer_movements")));
        BV_VERIFY_OK(movements);
        const ReportTable& months = movements->tables.first();
        QCOMPARE(months.rows.size(), 12);
        QCOMPARE(months.rows.first().first(), QStringLiteral("2025-04"));
        QCOMPARE(rowOf(months, QStringLiteral("2026-03")),
            (QStringList {QStringLiteral("2026-03"), QStringLiteral("6"), QStringLiteral("1"), QStringLiteral("+5")}));
        QCOMPARE(rowOf(months, QStringLiteral("2026-02")).at(1), QStringLiteral("0"));
        QCOMPARE(months.totals,
            (QStringList {QStringLiteral("Total"), QStringLiteral("6"), QStringLiteral("1"), QStringLiteral("+5")}));
        // a period before the customers existed
        auto earlier = reports().run(m1,
            request(QStringLiteral("customer_movements"),
                {{QStringLiteral("from"), QStringLiteral("2025-01")},
                    {QStringLiteral("to"), QStringLiteral("2025-02")}}));
        BV_VERIFY_OK(earlier);
        QCOMPARE(earlier->tables.first().rows.size(), 2);
        QCOMPARE(earlier->tables.first().totals.at(1), QStringLiteral("0"));
    }

    void serviceActivityAndComplaintsCountWithoutQuoting()
    {
        CustomerCare& care = t->core->customers().care();
        const QDate today = QDate(2026, 3, 2);
        BV_VERIFY_OK(care.addService(cm1, c1, today, QStringLiteral("counter"), QStringLiteral("办理定期存款业务")));
        BV_VERIFY_OK(care.addService(cm1, c1, today, QStringLiteral("phone"), QStringLiteral("回访客户")));
        auto open = care.addComplaint(
            cm1, c2, t->clock.nowUtc(), QStringLiteral("letter"), QStringLiteral("对手续费有异议的投诉内容"));
        BV_VERIFY_OK(open);
        auto answered = care.addComplaint(
            cm2, c4, t->clock.nowUtc(), QStringLiteral("phone"), QStringLiteral("排队时间过长的投诉内容"));
        BV_VERIFY_OK(answered);
        t->clock.advanceSecs(120);
        BV_VERIFY_OK(
            care.updateComplaint(cm2, answered->id, ComplaintStatus::Answered, QStringLiteral("已致歉并说明")));
        t->clock.advanceDays(3); // the open one is now past both deadlines
        BV_VERIFY_OK(t->core->auth().unlock(m1, secret(t->passwordOf(QStringLiteral("m1")))));

        auto activity = reports().run(m1, request(QStringLiteral("service_activity")));
        BV_VERIFY_OK(activity);
        const ReportTable& byStaff = activity->tables.first();
        QCOMPARE(rowOf(byStaff, QStringLiteral("张经理 (cm1)")),
            (QStringList {
                QStringLiteral("张经理 (cm1)"), QStringLiteral("2"), QStringLiteral("1"), QStringLiteral("1")}));
        QCOMPARE(rowOf(byStaff, QStringLiteral("李经理 (cm2)")),
            (QStringList {
                QStringLiteral("李经理 (cm2)"), QStringLiteral("0"), QStringLiteral("0"), QStringLiteral("1")}));
        QCOMPARE(byStaff.totals,
            (QStringList {QStringLiteral("Total"), QStringLiteral("2"), QStringLiteral("1"), QStringLiteral("2")}));
        QVERIFY(!textOf(*activity).contains(QStringLiteral("定期存款")));
        // a period without the activity
        auto before = reports().run(m1,
            request(QStringLiteral("service_activity"),
                {{QStringLiteral("from"), QStringLiteral("2026-01-01")},
                    {QStringLiteral("to"), QStringLiteral("2026-01-31")}}));
        BV_VERIFY_OK(before);
        QCOMPARE(before->tables.first().totals.at(1), QStringLiteral("0"));

        auto complaints = reports().run(m1, request(QStringLiteral("complaints")));
        BV_VERIFY_OK(complaints);
        const ReportTable* summary = tableTitled(*complaints, QStringLiteral("By customer manager"));
        QVERIFY(summary);
        // open, overdue, answered in time, answered late
        QCOMPARE(rowOf(*summary, QStringLiteral("张经理 (cm1)")).mid(1),
            (QStringList {QStringLiteral("1"), QStringLiteral("1"), QStringLiteral("0"), QStringLiteral("0")}));
        QCOMPARE(rowOf(*summary, QStringLiteral("李经理 (cm2)")).mid(1),
            (QStringList {QStringLiteral("0"), QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("0")}));
        const ReportTable* list = tableTitled(*complaints, QStringLiteral("Open complaints"));
        QVERIFY(list);
        QCOMPARE(list->rows.size(), 1);
        QCOMPARE(list->rows.first().first(), c2);
        QCOMPARE(list->rows.first().at(1), QStringLiteral("张经理 (cm1)"));
        QCOMPARE(list->rows.first().constLast(), QStringLiteral("yes"));
        const QString text = textOf(*complaints);
        QVERIFY(!text.contains(QStringLiteral("投诉内容")));
        QVERIFY(!text.contains(QStringLiteral("已致歉")));
    }

    void suspiciousPairsAndReassignmentsNameCustomersOnly()
    {
        auto pairs = reports().run(m1, request(QStringLiteral("suspicious_pairs")));
        BV_VERIFY_OK(pairs);
        const ReportTable& table = pairs->tables.first();
        QCOMPARE(table.rows.size(), 1);
        QVERIFY((table.rows.first().at(0) == c1 && table.rows.first().at(1) == c5)
            || (table.rows.first().at(0) == c5 && table.rows.first().at(1) == c1));
        QCOMPARE(table.rows.first().at(2), QStringLiteral("a phone number"));
        const QString text = textOf(*pairs);
        QVERIFY(!text.contains(mobile(1)));
        QVERIFY(!text.contains(Masking::mask(MaskKind::Phone, mobile(1), t->core->settings().maskSettings())));
        QCOMPARE(pairs->highestGrade, 3);

        auto none = reports().run(m1, request(QStringLiteral("reassignments")));
        BV_VERIFY_OK(none);
        QCOMPARE(none->tables.first().rows.size(), 0);
        BV_VERIFY_OK(t->core->accounts().freeze(t->admin, QStringLiteral("cm2")));
        auto list = reports().run(m1, request(QStringLiteral("reassignments")));
        BV_VERIFY_OK(list);
        const ReportTable& waiting = list->tables.first();
        QCOMPARE(waiting.rows.size(), 2);
        QCOMPARE(waiting.rows.at(0).first(), c4);
        QCOMPARE(waiting.rows.at(1).first(), c5);
        QCOMPARE(waiting.rows.at(0).at(3), QStringLiteral("李经理 (cm2)"));
        QCOMPARE(waiting.rows.at(0).at(5), QStringLiteral("customer manager frozen"));
    }

    void thePortfolioIsTheCustomerManagersOwn()
    {
        BV_VERIFY_OK(t->core->customers().care().addService(
            cm1, c3, QDate(2026, 3, 1), QStringLiteral("counter"), QStringLiteral("咨询理财产品")));
        auto own = reports().run(cm1, request(QStringLiteral("portfolio_summary")));
        BV_VERIFY_OK(own);
        QCOMPARE(own->tables.size(), 3);
        const ReportTable* list = tableTitled(*own, QStringLiteral("Customers"));
        QVERIFY(list);
        QCOMPARE(list->rows.size(), 4); // c1, c2, c3 and the closed c6
        for (const QString& number : {c1, c2, c3, c6})
            QVERIFY(!rowOf(*list, number).isEmpty());
        QVERIFY(rowOf(*list, c4).isEmpty());
        QCOMPARE(rowOf(*list, c3).constLast(), QStringLiteral("2026-03-01"));
        QCOMPARE(rowOf(*list, c1).constLast(), QStringLiteral("—"));
        const ReportTable* statuses = tableTitled(*own, QStringLiteral("By status"));
        QVERIFY(statuses);
        QCOMPARE(rowOf(*statuses, QStringLiteral("active")).at(1), QStringLiteral("3"));
        QCOMPARE(rowOf(*statuses, QStringLiteral("closed")).at(1), QStringLiteral("1"));
        QCOMPARE(statuses->totals.at(1), QStringLiteral("4"));
        const QString text = textOf(*own);
        for (const QString& secret : allSecrets())
            QVERIFY(!text.contains(secret));

        auto other = reports().run(cm2, request(QStringLiteral("portfolio_summary")));
        BV_VERIFY_OK(other);
        QCOMPARE(tableTitled(*other, QStringLiteral("Customers"))->rows.size(), 2);
    }

    void theDataSubjectReportNeedsALiveGrantItDoesNotUse()
    {
        const QHash<QString, QString> forC1 {{QStringLiteral("customer"), c1}};
        // without a grant: refused with the way to get one, audited
        const int deniedBefore = auditRows(audit::AccessDenied).size();
        auto refused = reports().run(cm1, request(QStringLiteral("data_subject"), forC1));
        BV_COMPARE_CODE(refused, ErrorCode::PermissionDenied);
        QVERIFY(refused.error().message.contains(QStringLiteral("special request")));
        QVERIFY(refused.error().message.contains(c1));
        QCOMPARE(auditRows(audit::AccessDenied).size(), deniedBefore + 1);

        const qint64 grantId = approvedRequest(cm1, RequestType::Export, QStringLiteral("data_subject"), {c1});
        QVERIFY(grantId > 0);
        // the grant names c1: it does not open c2, and another customer manager's customer stays out of reach
        BV_COMPARE_CODE(reports().run(cm1, request(QStringLiteral("data_subject"), {{QStringLiteral("customer"), c2}})),
            ErrorCode::PermissionDenied);
        auto foreign = reports().run(cm1, request(QStringLiteral("data_subject"), {{QStringLiteral("customer"), c4}}));
        BV_COMPARE_CODE(foreign, ErrorCode::PermissionDenied);
        QVERIFY(foreign.error().message.contains(QStringLiteral("not one of your customers")));
        BV_COMPARE_CODE(
            reports().run(cm2, request(QStringLiteral("data_subject"), forC1)), ErrorCode::PermissionDenied);

        auto first = reports().run(cm1, request(QStringLiteral("data_subject"), forC1));
        BV_VERIFY_OK(first);
        auto second = reports().run(cm1, request(QStringLiteral("data_subject"), forC1));
        BV_VERIFY_OK(second);
        // run() checks the grant but never uses it
        QCOMPARE(requests().get(cm1, grantId)->status, RequestStatus::Approved);
        QCOMPARE(auditRows(audit::GrantUse).size(), 0);

        const ReportDocument& doc = *second;
        QCOMPARE(doc.title, QStringLiteral("Personal information held about you"));
        QCOMPARE(doc.highestGrade, 1);
        QVERIFY(doc.fullGrade1);
        QCOMPARE(doc.grantRequestId, grantId);
        QVERIFY(doc.subtitle.contains(c1));
        QVERIFY(!doc.paragraphs.isEmpty());
        QVERIFY(doc.closingParagraphs.join(QLatin1Char('\n')).contains(QStringLiteral("Received by the customer")));
        QStringList titles;
        for (const ReportTable& table : doc.tables)
            titles << table.title;
        for (const QString& section : {QStringLiteral("Identity"), QStringLiteral("Contact"),
                 QStringLiteral("Accounts and cards"), QStringLiteral("Profile"), QStringLiteral("History of changes"),
                 QStringLiteral("Service records"), QStringLiteral("Complaints"), QStringLiteral("Consents")})
            QVERIFY2(titles.contains(section), qPrintable(section));
        // the preview is the form's layout only: no grade-1 value on screen while the grant lives
        const QString preview = textOf(doc);
        for (const QString& secret : allSecrets())
            QVERIFY(!preview.contains(secret));
        QVERIFY(tableTitled(doc, QStringLiteral("Identity"))->rows.isEmpty());

        // both runs audited with the customer and the grant, never a value
        QList<AuditRow> runs = auditRows(audit::ReportRun);
        QCOMPARE(runs.size(), 2);
        for (const AuditRow& run : std::as_const(runs)) {
            QCOMPARE(run.objectId, QStringLiteral("data_subject"));
            QCOMPARE(run.customerNo, c1);
            QCOMPARE(details(run).value(QStringLiteral("request")).toInteger(), grantId);
            for (const QString& secret : allSecrets())
                QVERIFY(!run.details.contains(secret));
        }

        // the printed form holds grade 1 in full, from the shared content builder, and uses the grant up
        auto job = reports().print(cm1, request(QStringLiteral("data_subject"), forC1), 1, PrintMedium::Pdf);
        BV_VERIFY_OK(job);
        const QString text = textOf(job->document);
        for (const QString& secret : secretsOf(1))
            QVERIFY(text.contains(secret));
        for (const QString& secret : secretsOf(8))
            QVERIFY(!text.contains(secret));
        QCOMPARE(rowOf(*tableTitled(job->document, QStringLiteral("Identity")), QStringLiteral("ID number")).at(1),
            secretsOf(1).at(1));
        QCOMPARE(rowOf(*tableTitled(job->document, QStringLiteral("Your record at the branch")),
                     QStringLiteral("Customer manager"))
                     .at(1),
            QStringLiteral("张经理"));
        QCOMPARE(requests().get(cm1, grantId)->status, RequestStatus::Used);
        BV_COMPARE_CODE(
            reports().run(cm1, request(QStringLiteral("data_subject"), forC1)), ErrorCode::PermissionDenied);
    }

    void anAnonymisedCustomerHasNoDataSubjectReport()
    {
        const QString gone = QStringLiteral("0001-90000001");
        QVERIFY(t->insertCustomer(gone, t->userId(QStringLiteral("cm1")), false, QStringLiteral("anonymised")) > 0);
        // out of the customer manager's reach like any other anonymised record
        BV_COMPARE_CODE(
            reports().run(cm1, request(QStringLiteral("data_subject"), {{QStringLiteral("customer"), gone}})),
            ErrorCode::PermissionDenied);
        // a closed customer still has one
        QVERIFY(approvedRequest(cm1, RequestType::Print, QStringLiteral("data_subject"), {c6}) > 0);
        auto closed = reports().print(
            cm1, request(QStringLiteral("data_subject"), {{QStringLiteral("customer"), c6}}), 1, PrintMedium::Printer);
        BV_VERIFY_OK(closed);
        QCOMPARE(
            rowOf(*tableTitled(closed->document, QStringLiteral("Your record at the branch")), QStringLiteral("Status"))
                .at(1),
            QStringLiteral("closed"));
    }

    void parametersAreCheckedWithAClearMessage()
    {
        struct Case
        {
            Session session;
            QString report;
            QHash<QString, QString> parameters;
            QString field;
            QString message;
        };
        const QList<Case> cases {
            {m1, QStringLiteral("service_activity"), {{QStringLiteral("from"), QStringLiteral("2026-13-01")}},
                QStringLiteral("from"), QStringLiteral("from: not a date (yyyy-MM-dd)")},
            {m1, QStringLiteral("service_activity"), {{QStringLiteral("to"), QStringLiteral("yesterday")}},
                QStringLiteral("to"), QStringLiteral("to: not a date (yyyy-MM-dd)")},
            {m1, QStringLiteral("service_activity"),
                {{QStringLiteral("from"), QStringLiteral("2026-02-10")},
                    {QStringLiteral("to"), QStringLiteral("2026-02-01")}},
                QStringLiteral("from"), QStringLiteral("from: 2026-02-10 is after to (2026-02-01)")},
            {m1, QStringLiteral("complaints"), {{QStringLiteral("to"), QStringLiteral("2026-03-03")}},
                QStringLiteral("to"), QStringLiteral("to: 2026-03-03 is in the future")},
            {aud, QStringLiteral("audit_summary"), {{QStringLiteral("from"), QStringLiteral("2019-01-01")}},
                QStringLiteral("from"), QStringLiteral("longer than 5 years")},
            {m1, QStringLiteral("customer_movements"), {{QStringLiteral("from"), QStringLiteral("2026-3")}},
                QStringLiteral("from"), QStringLiteral("from: not a month (yyyy-MM)")},
            {m1, QStringLiteral("customer_list"), {{QStringLiteral("with_identities"), QStringLiteral("maybe")}},
                QStringLiteral("with_identities"), QStringLiteral("with_identities: not true or false")},
            {m1, QStringLiteral("customer_list"), {{QStringLiteral("status"), QStringLiteral("closed")}},
                QStringLiteral("status"), QStringLiteral("status: \"closed\" is not one of active, all")},
            {m1, QStringLiteral("customer_list"), {{QStringLiteral("manager"), QStringLiteral("cm1")}},
                QStringLiteral("manager"), QStringLiteral("manager: not a parameter of the report \"customer_list\"")},
            {m1, QStringLiteral("tier_distribution"), {{QStringLiteral("from"), QStringLiteral("2026-01-01")}},
                QStringLiteral("from"), QStringLiteral("takes no parameters")},
            {cm1, QStringLiteral("data_subject"), {}, QStringLiteral("customer"), QStringLiteral("customer: required")},
            {cm1, QStringLiteral("data_subject"), {{QStringLiteral("customer"), QStringLiteral("0001-99999999")}},
                QStringLiteral("customer"), QStringLiteral("customer: there is no customer 0001-99999999")},
            {m1, QStringLiteral("everything"), {}, QStringLiteral("report"),
                QStringLiteral("There is no report \"everything\"")},
        };
        for (const Case& c : cases) {
            auto result = reports().run(c.session, request(c.report, c.parameters));
            QVERIFY2(!result.ok(), qPrintable(c.message));
            QCOMPARE(bv::errorCodeName(result.error().code), bv::errorCodeName(ErrorCode::InvalidInput));
            QCOMPARE(result.error().field, c.field);
            QVERIFY2(result.error().message.contains(c.message), qPrintable(result.error().message));
        }
        QCOMPARE(auditRows(audit::ReportRun).size(), 0);
        // values are normalised: " TRUE " is true, " All " is all
        QVERIFY(approvedRequest(m1, RequestType::Print, QStringLiteral("customer_list"), {}, &m2) > 0);
        auto normalised = reports().run(m1,
            request(QStringLiteral("customer_list"),
                {{QStringLiteral("with_identities"), QStringLiteral(" TRUE ")},
                    {QStringLiteral("status"), QStringLiteral(" All ")}}));
        BV_VERIFY_OK(normalised);
        QCOMPARE(normalised->tables.first().rows.size(), 6);
        QCOMPARE(normalised->parameters.size(), 2);
        QCOMPARE(normalised->parameters.at(0).value, QStringLiteral("all customers"));
        QCOMPARE(normalised->parameters.at(1).value, QStringLiteral("yes"));
    }

    void theDocumentCarriesItsControlledMetadata()
    {
        BV_VERIFY_OK(
            t->core->settings().set(t->admin, QString::fromLatin1(settings::BranchName), QStringLiteral("朝阳支行")));
        auto doc = reports().run(m1, request(QStringLiteral("tier_distribution")));
        BV_VERIFY_OK(doc);
        QCOMPARE(doc->branch, QStringLiteral("朝阳支行"));
        QCOMPARE(doc->builtBy, QStringLiteral("王行长 (m1)"));
        QCOMPARE(doc->builtAtUtc, t->clock.nowUtc());
        QCOMPARE(doc->builtAtText, QStringLiteral("2026-03-02 17:00 (UTC+08:00)"));
        QCOMPARE(doc->title, QStringLiteral("Tiers and assets"));
        QCOMPARE(doc->highestGrade, 2);
        QCOMPARE(doc->orientation, ReportOrientation::Portrait);

        const AuditRow run = auditRows(audit::ReportRun).constLast();
        QCOMPARE(run.login, QStringLiteral("m1"));
        QCOMPARE(run.objectType, QStringLiteral("report"));
        QCOMPARE(run.objectId, QStringLiteral("tier_distribution"));
        QCOMPARE(details(run).value(QStringLiteral("report")).toString(), QStringLiteral("tier_distribution"));
        QVERIFY(!details(run).contains(QStringLiteral("request")));
        // a run that cannot be recorded shows nothing
        internalsOf(*t->core).auditLog().failNextAppendsForTesting(1);
        BV_COMPARE_CODE(reports().run(m1, request(QStringLiteral("tier_distribution"))), ErrorCode::DiskFull);
    }

    void theAuditorsReportsReadTheLog()
    {
        // a refusal to count and list
        BV_COMPARE_CODE(reports().run(clerk, request(QStringLiteral("customer_list"))), ErrorCode::PermissionDenied);
        AuditFilter everything;
        everything.limit = 100000;
        const QList<AuditRow> rows = *internalsOf(*t->core).auditLog().rows(everything); // before the report's own row
        auto summary = reports().run(aud, request(QStringLiteral("audit_summary")));
        BV_VERIFY_OK(summary);
        int denied = 0;
        for (const AuditRow& row : rows)
            denied += row.outcome == QLatin1String("denied") ? 1 : 0;
        const ReportTable* totals = tableTitled(*summary, QStringLiteral("Summary"));
        QVERIFY(totals);
        // the report's own run row comes after the rows it counts
        QCOMPARE(rowOf(*totals, QStringLiteral("Audit rows in the period")).at(1), QLocale().toString(rows.size()));
        QCOMPARE(rowOf(*totals, QStringLiteral("Refusals")).at(1), QLocale().toString(denied));
        const ReportTable* refusals = tableTitled(*summary, QStringLiteral("Refusals"));
        QVERIFY(refusals);
        QCOMPARE(refusals->rows.size(), denied);
        QCOMPARE(refusals->rows.constLast().at(2), QStringLiteral("clerk"));
        QCOMPARE(refusals->rows.constLast().at(5), QStringLiteral("run_report"));
        const ReportTable* byDay = tableTitled(*summary, QStringLiteral("By day (branch time)"));
        QVERIFY(byDay);
        QCOMPARE(byDay->rows.size(), 1); // everything happened at 17:00 branch time
        QCOMPARE(rowOf(*byDay, QStringLiteral("2026-03-02")).at(1), QLocale().toString(rows.size()));
        const ReportTable* byUser = tableTitled(*summary, QStringLiteral("By user"));
        QVERIFY(byUser && !rowOf(*byUser, QStringLiteral("cm1")).isEmpty());
        // the default period: the last 30 days, branch days (UTC+08:00)
        const QTimeZone branch(8 * 3600);
        auto alerts = t->core->audit().alerts(aud, QDateTime(QDate(2026, 2, 1), QTime(0, 0), branch).toUTC(),
            QDateTime(QDate(2026, 3, 3), QTime(0, 0), branch).toUTC());
        BV_VERIFY_OK(alerts);
        QCOMPARE(rowOf(*totals, QStringLiteral("Alerts")).at(1), QLocale().toString(alerts->size()));
        const QString text = textOf(*summary);
        for (const QString& secret : allSecrets())
            QVERIFY(!text.contains(secret));

        auto alertReport = reports().run(aud, request(QStringLiteral("audit_alerts")));
        BV_VERIFY_OK(alertReport);
        QCOMPARE(alertReport->tables.first().rows.size(), alerts->size());
        QCOMPARE(alertReport->orientation, ReportOrientation::Landscape);
    }

    void theCheckpointSheetVerifiesTheLog()
    {
        auto head = internalsOf(*t->core).auditLog().head();
        BV_VERIFY_OK(head);
        auto sheet = reports().run(aud, request(QStringLiteral("audit_checkpoint")));
        BV_VERIFY_OK(sheet);
        const ReportTable* checkpoint = tableTitled(*sheet, QStringLiteral("Checkpoint"));
        QVERIFY(checkpoint);
        QCOMPARE(rowOf(*checkpoint, QStringLiteral("Head row")).at(1), QString::number(head->seq));
        QCOMPARE(rowOf(*checkpoint, QStringLiteral("Head hash")).at(1), QString::fromLatin1(head->hash.toHex()));
        QCOMPARE(rowOf(*checkpoint, QStringLiteral("Rows")).at(1), QString::number(head->rowCount));
        QCOMPARE(rowOf(*checkpoint, QStringLiteral("Database")).at(1), head->databaseId);
        QVERIFY(sheet->closingParagraphs.contains(QStringLiteral("branchvault-cli audit verify --checkpoint FILE")));
        // the text, typed back line by line, is a checkpoint the log verifies against
        QStringList lines;
        for (const ReportTable& table : sheet->tables) {
            if (table.title.startsWith(QStringLiteral("Checkpoint text")))
                for (const QStringList& row : table.rows)
                    lines << row.at(1);
        }
        QVERIFY(lines.size() >= 10);
        const QString typed = lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
        auto verified = t->core->audit().verifyAgainst(aud, typed);
        BV_VERIFY_OK(verified);
        QVERIFY2(verified->ok(), qPrintable(verified->problem));
        // a typing error is caught by the check line
        BV_COMPARE_CODE(t->core->audit().verifyAgainst(
                            aud, QString(typed).replace(QStringLiteral("rows: "), QStringLiteral("rows: 1"))),
            ErrorCode::Damaged);
    }

    void theAccountRosterHoldsNoCustomerData()
    {
        BV_VERIFY_OK(t->core->accounts().freeze(t->admin, QStringLiteral("clerk")));
        auto roster = reports().run(t->admin, request(QStringLiteral("account_roster")));
        BV_VERIFY_OK(roster);
        const ReportTable* accounts = tableTitled(*roster, QStringLiteral("Accounts"));
        QVERIFY(accounts);
        QCOMPARE(accounts->rows.size(), int(*t->core->accounts().count()));
        const QStringList cm1Row = rowOf(*accounts, QStringLiteral("cm1"));
        QCOMPARE(cm1Row.at(1), QStringLiteral("张经理"));
        QCOMPARE(cm1Row.at(2), Roles::label(Role::CustomerManager));
        QCOMPARE(cm1Row.at(3), QStringLiteral("active"));
        QCOMPARE(cm1Row.at(4), QStringLiteral("off"));
        QCOMPARE(rowOf(*accounts, QStringLiteral("clerk")).at(3), QStringLiteral("frozen"));
        const ReportTable* byRole = tableTitled(*roster, QStringLiteral("By role"));
        QVERIFY(byRole);
        QCOMPARE(rowOf(*byRole, Roles::label(Role::CustomerManager)).mid(1),
            (QStringList {QStringLiteral("2"), QStringLiteral("0")}));
        QCOMPARE(
            rowOf(*byRole, Roles::label(Role::Clerk)).mid(1), (QStringList {QStringLiteral("0"), QStringLiteral("1")}));
        const QString text = textOf(*roster);
        for (const QString& number : {c1, c2, c3, c4, c5, c6})
            QVERIFY(!text.contains(number));
        for (const QString& secret : allSecrets())
            QVERIFY(!text.contains(secret));
    }

    void noRunRecordsAGradeOneValue()
    {
        QVERIFY(approvedRequest(m1, RequestType::Print, QStringLiteral("customer_list"), {}, &m2) > 0);
        QVERIFY(approvedRequest(cm1, RequestType::Print, QStringLiteral("data_subject"), {c2}) > 0);
        BV_VERIFY_OK(reports().run(m1,
            request(QStringLiteral("customer_list"), {{QStringLiteral("with_identities"), QStringLiteral("true")}})));
        BV_VERIFY_OK(reports().run(cm1, request(QStringLiteral("data_subject"), {{QStringLiteral("customer"), c2}})));
        BV_VERIFY_OK(reports().run(cm1, request(QStringLiteral("portfolio_summary"))));
        const QList<AuditRow> runs = auditRows(audit::ReportRun);
        QCOMPARE(runs.size(), 3);
        const MaskSettings masks = t->core->settings().maskSettings();
        AuditFilter everything;
        everything.limit = 100000;
        const QList<AuditRow> all = *internalsOf(*t->core).auditLog().rows(everything);
        for (const AuditRow& row : all) {
            for (const QString& secret : allSecrets())
                QVERIFY2(!row.details.contains(secret), qPrintable(row.action));
        }
        // the runs name parameters and grants, not even masked values
        for (const AuditRow& run : runs) {
            QVERIFY(!run.details.contains(Masking::mask(MaskKind::MainlandId, secretsOf(8).at(1), masks)));
            QVERIFY(!run.details.contains(Masking::mask(MaskKind::Name, secretsOf(8).at(0), masks)));
        }
        QCOMPARE(details(runs.at(0))
                     .value(QStringLiteral("parameters"))
                     .toObject()
                     .value(QStringLiteral("status"))
                     .toString(),
            QStringLiteral("active"));
        QCOMPARE(details(runs.at(1))
                     .value(QStringLiteral("parameters"))
                     .toObject()
                     .value(QStringLiteral("customer"))
                     .toString(),
            c2);
    }

    void thePrintFlowBuildsWithTheseBuilders()
    {
        // Core wires the catalogue and the builders into the print flow (ReportPrinting.cpp)
        auto plain = reports().print(m1, request(QStringLiteral("customer_list")), 1, PrintMedium::Pdf);
        BV_VERIFY_OK(plain);
        QCOMPARE(plain->document.reportKey, QStringLiteral("customer_list"));
        QCOMPARE(plain->document.highestGrade, 3);
        QCOMPARE(plain->document.tables.first().rows.size(), 5);
        BV_VERIFY_OK(reports().finishPrint(m1, plain->serial, true, 1));

        const QHash<QString, QString> withIds {{QStringLiteral("with_identities"), QStringLiteral("true")}};
        BV_COMPARE_CODE(reports().print(m1, request(QStringLiteral("customer_list"), withIds), 1, PrintMedium::Printer),
            ErrorCode::PermissionDenied);
        BV_COMPARE_CODE(reports().print(cm1, request(QStringLiteral("customer_list")), 1, PrintMedium::Printer),
            ErrorCode::PermissionDenied);
        const qint64 grantId = approvedRequest(m1, RequestType::Print, QStringLiteral("customer_list"), {}, &m2);
        QVERIFY(grantId > 0);
        auto masked = reports().print(m1, request(QStringLiteral("customer_list"), withIds), 1, PrintMedium::Printer);
        BV_VERIFY_OK(masked);
        QCOMPARE(masked->document.highestGrade, 1);
        QCOMPARE(masked->document.grantRequestId, grantId);
        QCOMPARE(requests().get(m1, grantId)->status, RequestStatus::Used); // a print uses it, a run does not
        BV_VERIFY_OK(reports().finishPrint(m1, masked->serial, true, 1));

        const qint64 subjectGrant = approvedRequest(cm1, RequestType::Print, QStringLiteral("data_subject"), {c1});
        QVERIFY(subjectGrant > 0);
        auto subject = reports().print(
            cm1, request(QStringLiteral("data_subject"), {{QStringLiteral("customer"), c1}}), 1, PrintMedium::Printer);
        BV_VERIFY_OK(subject);
        QVERIFY(subject->document.fullGrade1);
        QCOMPARE(subject->document.grantRequestId, subjectGrant);
        QCOMPARE(requests().get(cm1, subjectGrant)->status, RequestStatus::Used);
        BV_VERIFY_OK(reports().finishPrint(cm1, subject->serial, true, 3));
    }

    void theRecoverySheetIsAControlledDocument()
    {
        const QString passphrase = QStringLiteral("ABCD-EFGH-JKLM-NPQR-STUV-WXYZ");
        const ReportDocument sheet
            = reports().recoverySheet(passphrase, QStringLiteral("朝阳支行"), QStringLiteral("/srv/branch.bvdb"));
        QCOMPARE(sheet.reportKey, QStringLiteral("recovery_sheet"));
        QCOMPARE(sheet.highestGrade, 1);
        QVERIFY(!sheet.fullGrade1);
        QCOMPARE(sheet.branch, QStringLiteral("朝阳支行"));
        QCOMPARE(sheet.builtAtText, QStringLiteral("2026-03-02 17:00 (UTC+08:00)"));
        QCOMPARE(rowOf(sheet.tables.first(), QStringLiteral("Recovery passphrase")).at(1), passphrase);
        QCOMPARE(rowOf(sheet.tables.first(), QStringLiteral("Database")).at(1),
            internalsOf(*t->core).auditLog().databaseId());
        QCOMPARE(
            rowOf(sheet.tables.first(), QStringLiteral("Database file")).at(1), QStringLiteral("/srv/branch.bvdb"));
        QVERIFY(sheet.closingParagraphs.join(QLatin1Char(' ')).contains(QStringLiteral("branchvault-cli unlock")));
        const ReportDocument plain = reports().recoverySheet(passphrase, QString());
        QVERIFY(rowOf(plain.tables.first(), QStringLiteral("Database file")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestReports)
#include "tst_reports.moc"
