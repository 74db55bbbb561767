// The audit log in plain words (AuditWording, issue 13): every action of core/audit/AuditActions.h has
// wording in both languages (the table test fails for a new action without its line in
// core/audit/AuditWordingTable.cpp), no action is written outside that vocabulary, and representative rows
// read as sentences that name people by name and role and customers by number and masked name.
#include "core/audit/AuditActions.h"
#include "core/audit/AuditService.h"
#include "core/audit/AuditWording.h"
#include "core/common/Translations.h"
#include "core/customers/CustomerService.h"
#include "core/customers/lifecycle/CustomerEntry.h"
#include "core/customers/lifecycle/CustomerFinder.h"
#include "core/internal/CoreInternal.h"
#include "core/internal/audit/AuditLog.h"
#include "core/policy/FieldCatalogue.h"
#include "core/policy/Masking.h"
#include "tests/testsupport/TestCore.h"
#include "tests/testsupport/TestData.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QFile>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace bv;
using namespace bv::test;

namespace {

QString sourceDir()
{
    return qEnvironmentVariable("BV_SOURCE_DIR");
}

// The vocabulary as declared: every `inline constexpr char Name[] = "action";` of AuditActions.h.
QStringList declaredActions()
{
    QFile file(sourceDir() + QStringLiteral("/core/audit/AuditActions.h"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    static const QRegularExpression declaration(
        QStringLiteral(R"re(inline\s+constexpr\s+char\s+\w+\[\]\s*=\s*"([^"]+)")re"));
    QStringList actions;
    auto it = declaration.globalMatch(QString::fromUtf8(file.readAll()));
    while (it.hasNext())
        actions << it.next().captured(1);
    return actions;
}

bool hasHan(const QString& text)
{
    static const QRegularExpression han(QStringLiteral("\\p{Han}"));
    return han.match(text).hasMatch();
}

AuditRow syntheticRow(const QString& action, const QString& outcome)
{
    AuditRow row;
    row.seq = 7;
    row.at = QDateTime(QDate(2026, 3, 2), QTime(4, 3), Qt::UTC); // 12:03 branch time
    row.userId = 3;
    row.login = QStringLiteral("zhangwei");
    row.role = QStringLiteral("customer_manager");
    row.action = action;
    row.objectType = QStringLiteral("customer");
    row.objectId = QStringLiteral("5");
    row.customerNo = QStringLiteral("0001-00000001");
    row.outcome = outcome;
    row.details = QStringLiteral("{\"reason\":\"wrong password\",\"fields\":[\"mobile\"]}");
    return row;
}

AuditDirectory syntheticDirectory()
{
    AuditDirectory directory;
    directory.setPeople({AuditPerson {
        3, QStringLiteral("zhangwei"), QStringLiteral("张伟"), QStringLiteral("customer_manager"), false}});
    directory.maskedNames.insert(QStringLiteral("0001-00000001"), QStringLiteral("张*丰"));
    return directory;
}

} // namespace

class TestAuditWording : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestCore> t;

    // The rows the auditor reads, with the directory the log page builds for them.
    QList<AuditRow> read(const Session& auditor, const AuditFilter& filter, AuditDirectory* directory)
    {
        auto rows = t->core->audit().list(auditor, filter);
        if (!rows.ok())
            return {};
        auto people = t->core->audit().people(auditor);
        auto names = t->core->audit().maskedCustomerNames(auditor, AuditWording::customerNumbersIn(*rows));
        if (!people.ok() || !names.ok())
            return {};
        directory->setPeople(*people);
        directory->maskedNames = *names;
        return *rows;
    }

private slots:
    void initTestCase() { QVERIFY2(!sourceDir().isEmpty(), "run through ctest (BV_SOURCE_DIR names the source tree)"); }
    void cleanup()
    {
        t.reset();
        bv::installTranslations(QStringLiteral("en"));
    }

    void everyActionHasWording_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("action");
        const QStringList actions = declaredActions();
        QVERIFY(actions.size() > 70); // the declarations were read
        for (const char* language : {"en", "zh_CN"})
            for (const QString& action : actions)
                QTest::addRow("%s %s", language, qPrintable(action)) << QString::fromLatin1(language) << action;
    }

    void everyActionHasWording()
    {
        QFETCH(QString, language);
        QFETCH(QString, action);
        bv::installTranslations(language);
        QVERIFY2(AuditWording::hasWording(action),
            qPrintable(QStringLiteral("%1 has no wording: add its line to kActions in "
                                      "core/audit/AuditWordingTable.cpp")
                           .arg(action)));
        const QString label = AuditWording::actionLabel(action);
        QVERIFY(!label.isEmpty());
        QVERIFY(label != action);
        const AuditDirectory directory = syntheticDirectory();
        for (const char* outcome : {"ok", "failed", "denied"}) {
            const AuditRow row = syntheticRow(action, QString::fromLatin1(outcome));
            const QString sentence = AuditWording::sentence(row, directory);
            QVERIFY2(!sentence.contains(action), qPrintable(sentence));
            QVERIFY2(!QRegularExpression(QStringLiteral("%\\d")).match(sentence).hasMatch(), qPrintable(sentence));
            QVERIFY2(sentence.contains(QStringLiteral("12:03")) || sentence.contains(QStringLiteral("张伟")),
                qPrintable(sentence));
            if (language == QLatin1String("zh_CN")) {
                // translated, not the English source: Chinese words beyond the names in the row
                QString rest = sentence;
                rest.remove(QStringLiteral("张伟")).remove(QStringLiteral("张*丰"));
                QVERIFY2(hasHan(rest), qPrintable(QStringLiteral("%1: %2").arg(action, sentence)));
                QVERIFY2(hasHan(label), qPrintable(label));
            }
        }
    }

    void theTableHoldsOnlyDeclaredActionsInGroups()
    {
        const QStringList declared = declaredActions();
        const QStringList worded = AuditWording::actions();
        QCOMPARE(QSet<QString>(worded.cbegin(), worded.cend()).size(), worded.size()); // no action twice
        for (const QString& action : worded)
            QVERIFY2(declared.contains(action), qPrintable(action + QStringLiteral(" is not in AuditActions.h")));
        int grouped = 0;
        for (const AuditWording::Group& group : AuditWording::groups()) {
            QVERIFY2(!group.actions.isEmpty(), qPrintable(group.key));
            QVERIFY(!group.label.isEmpty());
            grouped += int(group.actions.size());
        }
        QCOMPARE(grouped, int(worded.size())); // every action in exactly one known group
    }

    // AuditActions.h is the vocabulary: no audit row is written with an action spelled out elsewhere.
    void noActionOutsideTheVocabulary()
    {
        static const QRegularExpression literal(
            QStringLiteral(R"re(AuditEvent\s*\{\s*(QStringLiteral|QString)\s*\()re"));
        QStringList offenders;
        for (const char* folder : {"core", "ui", "app/cli"}) {
            QDirIterator it(sourceDir() + QLatin1Char('/') + QLatin1String(folder), {QStringLiteral("*.cpp")},
                QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile file(it.next());
                QVERIFY(file.open(QIODevice::ReadOnly));
                if (literal.match(QString::fromUtf8(file.readAll())).hasMatch())
                    offenders << it.filePath();
            }
        }
        QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(QLatin1Char(' '))));
    }

    void unknownActionFallsBackVisibly()
    {
        const AuditRow row = syntheticRow(QStringLiteral("future.thing"), QStringLiteral("ok"));
        const QString sentence = AuditWording::sentence(row, syntheticDirectory());
        QVERIFY2(sentence.contains(QStringLiteral("future.thing")), qPrintable(sentence));
        QCOMPARE(AuditWording::actionLabel(QStringLiteral("future.thing")), QStringLiteral("future.thing"));
    }

    void detailsInWords_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("expected");
        QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("Reason: wrong password\nFields: Mobile");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << QStringLiteral("原因：密码错误\n字段：手机号码");
    }

    void detailsInWords()
    {
        QFETCH(QString, language);
        QFETCH(QString, expected);
        bv::installTranslations(language);
        AuditRow row = syntheticRow(QString::fromLatin1(audit::AccessDenied), QStringLiteral("denied"));
        row.details = QStringLiteral("{\"reason\":\"wrong password\",\"fields\":[\"mobile\"],"
                                     "\"operation\":\"manage_accounts\",\"session\":\"abc\",\"term\":\"138****5678\","
                                     "\"secondFactor\":true,\"newKey\":\"x\"}");
        const QStringList lines = AuditWording::detailLines(row, syntheticDirectory());
        const QString text = lines.join(QLatin1Char('\n'));
        // keys in JSON order (QJsonObject sorts them); codes, field names and the operation translated
        QVERIFY2(text.contains(expected.section(QLatin1Char('\n'), 1, 1)), qPrintable(text));
        QVERIFY2(text.contains(expected.section(QLatin1Char('\n'), 0, 0)), qPrintable(text));
        QVERIFY2(!text.contains(QStringLiteral("manage_accounts")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("138****5678")), qPrintable(text)); // a masked value as it is
        QVERIFY2(text.contains(QStringLiteral("newKey")), qPrintable(text)); // an unknown key, visibly
        QVERIFY2(!text.contains(QStringLiteral("abc")), qPrintable(text)); // the session id: raw row only
        QCOMPARE(int(lines.size()), 6);
    }

    // The branch server's read details: a list's later page and the part of a record read, in words in both
    // languages, never as the stored codes.
    void serverReadDetailsInWords()
    {
        AuditRow row = syntheticRow(QString::fromLatin1(audit::CustomerOpen), QStringLiteral("ok"));
        row.details = QStringLiteral("{\"part\":\"service_records\"}");
        QCOMPARE(AuditWording::detailLines(row, syntheticDirectory()),
            QStringList {QStringLiteral("Part read: service records")});
        row.details = QStringLiteral("{\"part\":\"history\"}");
        QCOMPARE(
            AuditWording::detailLines(row, syntheticDirectory()), QStringList {QStringLiteral("Part read: history")});
        AuditRow list = syntheticRow(QString::fromLatin1(audit::CustomerList), QStringLiteral("ok"));
        list.details = QStringLiteral("{\"page\":\"next\",\"rows\":3}");
        QVERIFY2(AuditWording::detailLines(list, syntheticDirectory()).contains(QStringLiteral("Page: a later page")),
            qPrintable(AuditWording::detailLines(list, syntheticDirectory()).join(QLatin1Char('|'))));
        bv::installTranslations(QStringLiteral("zh_CN"));
        const QString zh = AuditWording::detailLines(row, syntheticDirectory()).join(QLatin1Char('|'))
            + AuditWording::detailLines(list, syntheticDirectory()).join(QLatin1Char('|'));
        bv::installTranslations(QStringLiteral("en"));
        for (const char* code : {"history", "next", "part", "page"})
            QVERIFY2(!zh.contains(QLatin1String(code)), qPrintable(zh));
    }

    // The branch server's setting change that cannot re-mask (a wider width: no full value on the server).
    void serverRemaskDetailInWords()
    {
        AuditRow row = syntheticRow(QString::fromLatin1(audit::SettingsChange), QStringLiteral("ok"));
        row.details = QStringLiteral("{\"new\" : \"3\", \"old\" : \"1\", \"remask\" : \"stays narrower\"}");
        QVERIFY2(AuditWording::detailLines(row, syntheticDirectory())
                     .contains(QStringLiteral(
                         "Re-masking: none: the stored masked values stay narrower until each value is entered again")),
            qPrintable(AuditWording::detailLines(row, syntheticDirectory()).join(QLatin1Char('|'))));
        bv::installTranslations(QStringLiteral("zh_CN"));
        const QString zh = AuditWording::detailLines(row, syntheticDirectory()).join(QLatin1Char('|'));
        bv::installTranslations(QStringLiteral("en"));
        QVERIFY2(!zh.contains(QLatin1String("narrower")) && !zh.contains(QLatin1String("remask")), qPrintable(zh));
    }

    void systemAndNotSignedIn()
    {
        AuditRow row = syntheticRow(QString::fromLatin1(audit::DatabaseCreate), QStringLiteral("ok"));
        row.userId = 0;
        row.login = QStringLiteral("system");
        row.role = QStringLiteral("system");
        row.objectType = QStringLiteral("database");
        QCOMPARE(AuditWording::sentence(row, {}), QStringLiteral("The system created the database at 12:03"));
        QCOMPARE(AuditWording::roleLabel(QStringLiteral("system")), QStringLiteral("System"));
        bv::installTranslations(QStringLiteral("zh_CN"));
        QCOMPARE(AuditWording::roleLabel(QStringLiteral("system")), QStringLiteral("系统"));
        QCOMPARE(AuditWording::sentence(row, {}), QStringLiteral("系统在 12:03 创建了数据库"));
        bv::installTranslations(QStringLiteral("en"));
        row = syntheticRow(QString::fromLatin1(audit::SignIn), QStringLiteral("failed"));
        row.userId = 0;
        row.role.clear();
        row.objectType = QStringLiteral("user");
        row.objectId.clear();
        QCOMPARE(AuditWording::sentence(row, {}),
            QStringLiteral("Someone using the login zhangwei failed to sign in at 12:03"));
        QCOMPARE(AuditWording::roleLabel(QString()), QStringLiteral("Not signed in"));
    }

    // Representative rows written by the real services, read back as the auditor reads them.
    void sentencesOfRealRows_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
    }

    void sentencesOfRealRows()
    {
        QFETCH(QString, language);
        t = TestCore::create();
        QVERIFY(t);
        t->clock.set(QDateTime(QDate(2026, 3, 2), QTime(4, 0), Qt::UTC)); // 12:00 branch time
        const Session manager = t->addUser(QStringLiteral("liqiang"), Role::Manager, QStringLiteral("李强"));
        const Session cm = t->addUser(QStringLiteral("zhangwei"), Role::CustomerManager, QStringLiteral("张伟"));
        const Session auditor = t->addUser(QStringLiteral("wangfang"), Role::Auditor, QStringLiteral("王芳"));
        const CustomerInput input = customerInput(7);
        auto receipt = t->core->customers().entry().create(cm, input);
        BV_VERIFY_OK(receipt);
        t->clock.set(QDateTime(QDate(2026, 3, 2), QTime(4, 2), Qt::UTC));
        BV_VERIFY_OK(t->core->customers().entry().approve(manager, receipt->changeId, QStringLiteral("checked")));
        t->clock.set(QDateTime(QDate(2026, 3, 2), QTime(4, 3), Qt::UTC));
        BV_VERIFY_OK(t->core->customers().finder().open(cm, receipt->customerNumber));
        // a print as ReportService registers it (serial, report, copies; the print flow is tested elsewhere)
        const Actor printer {t->userId(QStringLiteral("liqiang")), QStringLiteral("liqiang"), QStringLiteral("李强"),
            Role::Manager, QString(), QString()};
        BV_VERIFY_OK(internalsOf(*t->core).auditLog().appendStandalone(printer,
            AuditEvent {QString::fromLatin1(audit::ReportPrint), QStringLiteral("print"),
                QStringLiteral("PR-2026-000001"), QString(), AuditOutcome::Ok,
                QJsonObject {{QStringLiteral("serial"), QStringLiteral("PR-2026-000001")},
                    {QStringLiteral("report"), QStringLiteral("customer_list")}, {QStringLiteral("copies"), 1},
                    {QStringLiteral("medium"), QStringLiteral("printer")}, {QStringLiteral("grade1"), false}}}));

        bv::installTranslations(language);
        const bool zh = language == QLatin1String("zh_CN");
        const QString masked = Masking::mask(MaskKind::Name, input.values.value(QString::fromLatin1(fields::Name)));
        const QString number = receipt->customerNumber;
        AuditDirectory directory;
        const QList<AuditRow> rows = read(auditor, AuditFilter(), &directory);
        QVERIFY(!rows.isEmpty());
        QCOMPARE(directory.maskedNames.value(number), masked);
        auto sentenceOf = [&](const char* action, const QString& login) {
            for (const AuditRow& row : rows)
                if (row.action == QLatin1String(action) && row.login == login && row.outcome == QLatin1String("ok"))
                    return AuditWording::sentence(row, directory);
            return QString();
        };

        const QString signIn = sentenceOf(audit::SignIn, QStringLiteral("zhangwei"));
        QVERIFY2(signIn
                == (zh ? QStringLiteral("张伟（客户经理）在 12:00 登录")
                       : QStringLiteral("张伟 (customer manager) signed in at 12:00")),
            qPrintable(signIn));
        const QString open = sentenceOf(audit::CustomerOpen, QStringLiteral("zhangwei"));
        const QString expectedOpen = zh
            ? QStringLiteral("张伟（客户经理）在 12:03 打开了客户 %1（%2）的详情").arg(number, masked)
            : QStringLiteral("张伟 (customer manager) opened the details of customer %1 (%2) at 12:03")
                  .arg(number, masked);
        QVERIFY2(open == expectedOpen, qPrintable(open));
        const QString approve = sentenceOf(audit::CustomerApprove, QStringLiteral("liqiang"));
        const QString expectedApprove = zh
            ? QStringLiteral("李强（网点负责人）在 12:02 批准了客户 %1（%2）的录入或修改").arg(number, masked)
            : QStringLiteral("李强 (branch manager) approved the entry or change of customer %1 (%2) at 12:02")
                  .arg(number, masked);
        QVERIFY2(approve == expectedApprove, qPrintable(approve));
        const QString print = sentenceOf(audit::ReportPrint, QStringLiteral("liqiang"));
        const QString expectedPrint = zh
            ? QStringLiteral("李强（网点负责人）在 12:03 打印了打印件 PR-2026-000001")
            : QStringLiteral("李强 (branch manager) printed printout PR-2026-000001 at 12:03");
        QVERIFY2(print == expectedPrint, qPrintable(print));

        // the full name of the customer appears nowhere, sentences or details
        const QString fullName = input.values.value(QString::fromLatin1(fields::Name));
        for (const AuditRow& row : rows) {
            QVERIFY(!AuditWording::sentence(row, directory).contains(fullName));
            QVERIFY(!AuditWording::detailLines(row, directory).join(QLatin1Char('\n')).contains(fullName));
        }
    }

    void peopleAndNamesNeedReadAudit()
    {
        t = TestCore::create();
        QVERIFY(t);
        const Session cm = t->addUser(QStringLiteral("zhangwei"), Role::CustomerManager, QStringLiteral("张伟"));
        BV_COMPARE_CODE(t->core->audit().people(cm), ErrorCode::PermissionDenied);
        BV_COMPARE_CODE(t->core->audit().people(t->admin), ErrorCode::PermissionDenied);
        BV_COMPARE_CODE(
            t->core->audit().maskedCustomerNames(cm, {QStringLiteral("0001-00000001")}), ErrorCode::PermissionDenied);
        const Session auditor = t->addUser(QStringLiteral("wangfang"), Role::Auditor, QStringLiteral("王芳"));
        auto people = t->core->audit().people(auditor);
        BV_VERIFY_OK(people);
        QStringList logins;
        for (const AuditPerson& person : *people)
            logins << person.login;
        QVERIFY(logins.contains(QStringLiteral("zhangwei")) && logins.contains(QStringLiteral("admin")));
        auto names = t->core->audit().maskedCustomerNames(auditor, {QStringLiteral("9999-99999999")});
        BV_VERIFY_OK(names);
        QVERIFY(names->isEmpty()); // an unknown number: no name, no error
    }

    // The action group filter: any of several actions, with bound values.
    void filterByActionGroup()
    {
        t = TestCore::create();
        QVERIFY(t);
        const Session auditor = t->addUser(QStringLiteral("wangfang"), Role::Auditor, QStringLiteral("王芳"));
        AuditFilter filter;
        filter.actions = {QString::fromLatin1(audit::SignIn), QString::fromLatin1(audit::UserCreate),
            QStringLiteral("x') OR 1=1 --")};
        auto rows = t->core->audit().list(auditor, filter);
        BV_VERIFY_OK(rows);
        QSet<QString> seen;
        for (const AuditRow& row : *rows)
            seen.insert(row.action);
        QCOMPARE(seen, (QSet<QString> {QString::fromLatin1(audit::SignIn), QString::fromLatin1(audit::UserCreate)}));
    }
};

QTEST_GUILESS_MAIN(TestAuditWording)
#include "tst_auditwording.moc"
