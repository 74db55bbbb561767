// branchvault-cli for customers, through the command line only: entry and approval, the masked card, the
// scope rule, the finders of each role, reveal under a grant, edits, CSV import, complaints, consent,
// closing and the data-subject report; exit statuses, one-line errors, --json; and no full grade-1 value
// anywhere but in customer reveal's stdout. Against the real keychain of the test session.
#include "core/policy/FieldCatalogue.h"
#include "tests/testsupport/CliRunner.h"
#include "tests/testsupport/TestData.h"
#include "tests/testsupport/TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTest>

using namespace bv;
using namespace bv::test;

using Run = CliRun;

namespace {

QString value(const CustomerInput& input, const char* key)
{
    return input.values.value(QString::fromLatin1(key));
}

} // namespace

class TestCliCustomers : public QObject
{
    Q_OBJECT
private:
    CliRunner m_cli;
    QByteArray m_seen; // stdout and stderr of every run that must not show a full grade-1 value

    // As CliRunner::as(), and the output joins what is checked for full grade-1 values at the end.
    Run seen(const QString& login, const QStringList& arguments, const QByteArray& input = QByteArray())
    {
        Run run = m_cli.as(login, arguments, input);
        m_seen += run.out + run.err;
        return run;
    }

private slots:
    void initTestCase()
    {
        const QString problem = CliRunner::environmentProblem();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void help()
    {
        const Run help = m_cli.run({QStringLiteral("--help")});
        QCOMPARE(help.status, 0);
        for (const char* synopsis : {"customer add", "approvals list", "tiers list", "suspicious list", "complaint add",
                 "service add", "consent add"})
            QVERIFY2(help.out.contains(synopsis), synopsis);
        for (const char* word : {"customer", "approvals", "complaint", "consent"}) {
            const Run noSub = m_cli.run({QString::fromLatin1(word)});
            QCOMPARE(noSub.status, exitStatusFor(ErrorCode::InvalidInput));
            QCOMPARE(noSub.errLines(), 1);
        }
        const Run unknown = m_cli.run({QStringLiteral("customer"), QStringLiteral("frobnicate")});
        QCOMPARE(unknown.status, exitStatusFor(ErrorCode::InvalidInput));
    }

    void customersThroughTheCli()
    {
        TempDatabaseDir dir;
        m_cli.setDatabase(dir.databasePath());
        QVERIFY(!m_cli.initDatabase(m_cli.database()).isEmpty());
        QVERIFY(m_cli.useCheapPasswordHashing());
        QVERIFY(m_cli.addUser(QStringLiteral("m1"), QStringLiteral("manager")));
        QVERIFY(m_cli.addUser(QStringLiteral("m2"), QStringLiteral("manager")));
        QVERIFY(m_cli.addUser(QStringLiteral("c1"), QStringLiteral("customer_manager")));
        QVERIFY(m_cli.addUser(QStringLiteral("c2"), QStringLiteral("customer_manager")));
        QVERIFY(m_cli.addUser(QStringLiteral("k1"), QStringLiteral("clerk")));
        QVERIFY(m_cli.addUser(QStringLiteral("u1"), QStringLiteral("auditor")));

        const CustomerInput input = customerInput(1);
        const QString fullName = value(input, fields::Name);
        const QString fullId = value(input, fields::IdNumber);
        const QString fullMobile = value(input, fields::Mobile);
        const QString fullAddress = value(input, fields::Address);
        const QString fullCard = input.accounts.constFirst().number;
        QVERIFY(!fullName.isEmpty() && !fullId.isEmpty() && !fullMobile.isEmpty() && !fullCard.isEmpty());

        // --- entry: c1 enters the customer, the document on stdin after the password ---
        // a document that is not right is refused with one line that repeats no value from it
        QJsonObject bad = QJsonDocument::fromJson(customerDocument(input)).object();
        bad.insert(fullId, 1); // an ID number where a key belongs
        Run refused = seen(QStringLiteral("c1"), {QStringLiteral("customer"), QStringLiteral("add")},
            QJsonDocument(bad).toJson(QJsonDocument::Compact));
        QCOMPARE(refused.status, exitStatusFor(ErrorCode::InvalidInput));
        QCOMPARE(refused.errLines(), 1);
        QVERIFY(refused.err.contains("unknown key"));
        Run missingFile = m_cli.as(QStringLiteral("c1"),
            {QStringLiteral("customer"), QStringLiteral("add"), QStringLiteral("--file"),
                dir.file(QStringLiteral("none.json"))});
        QCOMPARE(missingFile.status, exitStatusFor(ErrorCode::NotFound));

        Run added = seen(QStringLiteral("c1"),
            {QStringLiteral("customer"), QStringLiteral("add"), QStringLiteral("--json")}, customerDocument(input));
        QVERIFY2(added.status == 0, added.err.constData());
        const QString customerNo = added.json().value(QStringLiteral("customerNo")).toString();
        const qint64 createChange = added.json().value(QStringLiteral("changeId")).toInteger();
        QVERIFY(!customerNo.isEmpty());
        QVERIFY(createChange > 0);
        QCOMPARE(added.json().value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
        QVERIFY(added.json().value(QStringLiteral("warnings")).isArray());

        // --- approval: the customer manager (the maker) may not approve; m1 sees the change and approves it ---
        Run pending = seen(
            QStringLiteral("m1"), {QStringLiteral("approvals"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(pending.status, 0);
        const QJsonObject change
            = CliRunner::objectWithId(pending.json().value(QStringLiteral("changes")).toArray(), createChange);
        QCOMPARE(change.value(QStringLiteral("customerNo")).toString(), customerNo);
        QCOMPARE(change.value(QStringLiteral("kind")).toString(), QStringLiteral("create"));
        QCOMPARE(change.value(QStringLiteral("makerLogin")).toString(), QStringLiteral("c1"));
        QVERIFY(!change.value(QStringLiteral("diff")).toArray().isEmpty());
        Run makerApproves = seen(QStringLiteral("c1"),
            {QStringLiteral("approvals"), QStringLiteral("approve"), QString::number(createChange),
                QStringLiteral("--reason"), QStringLiteral("checked")});
        QCOMPARE(makerApproves.status, exitStatusFor(ErrorCode::PermissionDenied));
        // an approval needs its reason
        Run noReason = seen(QStringLiteral("m1"),
            {QStringLiteral("approvals"), QStringLiteral("approve"), QString::number(createChange)});
        QCOMPARE(noReason.status, exitStatusFor(ErrorCode::InvalidInput));
        QVERIFY2(noReason.err.contains("--reason"), noReason.err.constData());
        QCOMPARE(makerApproves.errLines(), 1);
        // blind re-key (on by default for ID numbers): the ID number typed from the document, on stdin after the
        // password — a typo is refused by field, never showing the stored value
        QCOMPARE(change.value(QStringLiteral("rekeyFields")).toArray(), QJsonArray {QStringLiteral("id_number")});
        const QString idNumber = input.values.value(QString::fromLatin1(fields::IdNumber));
        QString typo = idNumber;
        typo[8] = typo[8] == QLatin1Char('1') ? QLatin1Char('2') : QLatin1Char('1');
        Run noRekey = seen(QStringLiteral("m1"),
            {QStringLiteral("approvals"), QStringLiteral("approve"), QString::number(createChange),
                QStringLiteral("--reason"), QStringLiteral("ID card checked")});
        QCOMPARE(noRekey.status, exitStatusFor(ErrorCode::InvalidInput));
        Run mismatch = seen(QStringLiteral("m1"),
            {QStringLiteral("approvals"), QStringLiteral("approve"), QString::number(createChange),
                QStringLiteral("--reason"), QStringLiteral("ID card checked")},
            typo.toUtf8() + "\n");
        QCOMPARE(mismatch.status, exitStatusFor(ErrorCode::InvalidInput));
        QVERIFY(!mismatch.err.contains(idNumber.toUtf8()) && !mismatch.err.contains(typo.toUtf8()));
        Run approved = seen(QStringLiteral("m1"),
            {QStringLiteral("approvals"), QStringLiteral("approve"), QString::number(createChange),
                QStringLiteral("--reason"), QStringLiteral("ID card checked"), QStringLiteral("--json")},
            idNumber.toUtf8() + "\n");
        QVERIFY2(approved.status == 0, approved.err.constData());
        QCOMPARE(approved.json().value(QStringLiteral("approved")).toArray(), QJsonArray {createChange});

        // --- the card: masked grade 1, grade 2 for the own manager, masked accounts ---
        Run shown = seen(QStringLiteral("c1"),
            {QStringLiteral("customer"), QStringLiteral("show"), customerNo, QStringLiteral("--json")});
        QCOMPARE(shown.status, 0);
        const QJsonObject card = shown.json().value(QStringLiteral("customer")).toObject();
        QCOMPARE(card.value(QStringLiteral("number")).toString(), customerNo);
        QCOMPARE(card.value(QStringLiteral("status")).toString(), QStringLiteral("active"));
        QCOMPARE(card.value(QStringLiteral("managerName")).toString(), QStringLiteral("C1"));
        const QJsonObject masked = card.value(QStringLiteral("gradeOne")).toObject();
        const QString maskedMobile = masked.value(QStringLiteral("mobile")).toString();
        QVERIFY(!maskedMobile.isEmpty());
        QVERIFY(maskedMobile != fullMobile);
        QVERIFY(maskedMobile.endsWith(fullMobile.right(4)));
        QVERIFY(!masked.value(QStringLiteral("id_number")).toString().isEmpty());
        QVERIFY(card.value(QStringLiteral("gradeTwoVisible")).toBool());
        QCOMPARE(card.value(QStringLiteral("gradeTwo")).toObject().value(QStringLiteral("occupation")).toString(),
            value(input, fields::Occupation));
        const QJsonArray accounts = card.value(QStringLiteral("accounts")).toArray();
        QCOMPARE(accounts.size(), 1);
        QCOMPARE(accounts.at(0).toObject().value(QStringLiteral("type")).toString(), QStringLiteral("debit_card"));
        QVERIFY(accounts.at(0).toObject().value(QStringLiteral("number")).toString().endsWith(fullCard.right(4)));
        QVERIFY(card.value(QStringLiteral("pendingChangeId")).isNull());
        Run shownText = seen(QStringLiteral("c1"), {QStringLiteral("customer"), QStringLiteral("show"), customerNo});
        QCOMPARE(shownText.status, 0);
        QVERIFY(shownText.out.contains(("Mobile: " + maskedMobile).toUtf8()));
        QVERIFY(shownText.out.contains(("Customer number: " + customerNo).toUtf8()));
        QVERIFY(shownText.err.isEmpty());

        // the scope rule: c2 does not reach c1's customer
        Run other = seen(QStringLiteral("c2"), {QStringLiteral("customer"), QStringLiteral("show"), customerNo});
        QCOMPARE(other.status, exitStatusFor(ErrorCode::PermissionDenied));
        QCOMPARE(other.errLines(), 1);
        QVERIFY(other.out.isEmpty());

        // --- finding: the manager's exact lookup, the customer manager's existence check ---
        Run managerFinds = seen(QStringLiteral("m1"),
            {QStringLiteral("customer"), QStringLiteral("find"), QStringLiteral("--id"), fullId,
                QStringLiteral("--json")});
        QCOMPARE(managerFinds.status, 0);
        QCOMPARE(managerFinds.json().value(QStringLiteral("scope")).toString(), QStringLiteral("branch"));
        const QJsonArray managerRows = managerFinds.json().value(QStringLiteral("customers")).toArray();
        QCOMPARE(managerRows.size(), 1);
        QCOMPARE(managerRows.at(0).toObject().value(QStringLiteral("number")).toString(), customerNo);
        Run c1Checks = seen(QStringLiteral("c1"),
            {QStringLiteral("customer"), QStringLiteral("find"), QStringLiteral("--id"), fullId,
                QStringLiteral("--json")});
        QCOMPARE(c1Checks.status, 0);
        QCOMPARE(c1Checks.json().value(QStringLiteral("scope")).toString(), QStringLiteral("existence"));
        const QJsonArray answers = c1Checks.json().value(QStringLiteral("customers")).toArray();
        QCOMPARE(answers.size(), 1);
        const QJsonObject answer = answers.at(0).toObject();
        QCOMPARE(answer.value(QStringLiteral("number")).toString(), customerNo);
        const QStringList answerKeys = answer.keys();
        QCOMPARE(QSet<QString>(answerKeys.cbegin(), answerKeys.cend()),
            (QSet<QString> {
                QStringLiteral("number"), QStringLiteral("maskedManagerName"), QStringLiteral("restricted")}));
        QVERIFY(answer.value(QStringLiteral("maskedManagerName")).toString() != QStringLiteral("C1"));
        Run c2Checks = seen(QStringLiteral("c2"),
            {QStringLiteral("customer"), QStringLiteral("find"), QStringLiteral("--mobile"), fullMobile});
        QCOMPARE(c2Checks.status, 0);
        QCOMPARE(c2Checks.out.count('\n'), 1);
        QVERIFY(c2Checks.out.startsWith(customerNo.toUtf8()));
        QVERIFY(!c2Checks.out.contains("C1"));
        Run byName = seen(QStringLiteral("c1"),
            {QStringLiteral("customer"), QStringLiteral("find"), QStringLiteral("--name"), fullName});
        QCOMPARE(byName.status, exitStatusFor(ErrorCode::InvalidInput)); // the core refuses names here
        QCOMPARE(byName.errLines(), 1);
        Run twoKeys = m_cli.as(QStringLiteral("m1"),
            {QStringLiteral("customer"), QStringLiteral("find"), QStringLiteral("--id"), QStringLiteral("1"),
                QStringLiteral("--mobile"), QStringLiteral("2")});
        QCOMPARE(twoKeys.status, exitStatusFor(ErrorCode::InvalidInput));

        // the clerk: full name AND full ID with a purpose → one masked card, or "no match" (exit 4)
        const QString purpose = QStringLiteral("Verifying the customer at the counter");
        Run looked = seen(QStringLiteral("k1"),
            {QStringLiteral("customer"), QStringLiteral("lookup"), QStringLiteral("--name"), fullName,
                QStringLiteral("--id"), fullId, QStringLiteral("--purpose"), purpose, QStringLiteral("--json")});
        QVERIFY2(looked.status == 0, looked.err.constData());
        QCOMPARE(looked.json().value(QStringLiteral("match")).toBool(), true);
        const QJsonObject clerkCard = looked.json().value(QStringLiteral("card")).toObject();
        QCOMPARE(clerkCard.value(QStringLiteral("number")).toString(), customerNo);
        QCOMPARE(clerkCard.value(QStringLiteral("maskedMobile")).toString(), maskedMobile);
        QVERIFY(!clerkCard.contains(QStringLiteral("occupation")));
        Run partial = seen(QStringLiteral("k1"),
            {QStringLiteral("customer"), QStringLiteral("lookup"), QStringLiteral("--name"), fullName,
                QStringLiteral("--id"), fullId.left(14), QStringLiteral("--purpose"), purpose});
        QCOMPARE(partial.status, exitStatusFor(ErrorCode::NotFound));
        QCOMPARE(partial.errLines(), 1);
        QVERIFY(partial.err.contains("No match"));
        QVERIFY(partial.out.isEmpty());
        Run noPurpose = m_cli.as(QStringLiteral("k1"),
            {QStringLiteral("customer"), QStringLiteral("lookup"), QStringLiteral("--name"), fullName,
                QStringLiteral("--id"), fullId});
        QCOMPARE(noPurpose.status, exitStatusFor(ErrorCode::InvalidInput));

        // --- reveal: refused without a grant; with an approved request the full mobile, on stdout only ---
        const QStringList reveal {QStringLiteral("customer"), QStringLiteral("reveal"), customerNo,
            QStringLiteral("--fields"), QStringLiteral("mobile")};
        Run noGrant = seen(QStringLiteral("c1"), reveal);
        QCOMPARE(noGrant.status, exitStatusFor(ErrorCode::PermissionDenied));
        QCOMPARE(noGrant.errLines(), 1);
        QVERIFY(noGrant.out.isEmpty());
        Run requested = seen(QStringLiteral("c1"),
            {QStringLiteral("request"), QStringLiteral("create"), QStringLiteral("--type"), QStringLiteral("reveal"),
                QStringLiteral("--customer"), customerNo, QStringLiteral("--fields"), QStringLiteral("mobile"),
                QStringLiteral("--purpose"), QStringLiteral("Customer asked to confirm the mobile number"),
                QStringLiteral("--days"), QStringLiteral("1"), QStringLiteral("--json")});
        QCOMPARE(requested.status, 0);
        const qint64 requestId = requested.json().value(QStringLiteral("id")).toInteger();
        QCOMPARE(seen(QStringLiteral("m1"),
                     {QStringLiteral("request"), QStringLiteral("approve"), QString::number(requestId),
                         QStringLiteral("--reason"), QStringLiteral("customer present")})
                     .status,
            0);
        Run revealed = m_cli.as(QStringLiteral("c1"), reveal);
        QVERIFY2(revealed.status == 0, revealed.err.constData());
        QCOMPARE(revealed.out, ("mobile: " + fullMobile + "\n").toUtf8());
        QVERIFY(revealed.err.isEmpty());
        Run notGranted = seen(QStringLiteral("c1"),
            {QStringLiteral("customer"), QStringLiteral("reveal"), customerNo, QStringLiteral("--fields"),
                QStringLiteral("id_number")});
        QCOMPARE(notGranted.status, exitStatusFor(ErrorCode::PermissionDenied));

        // --- an edit (document from --file) waits for approval, then the masked mobile changes ---
        const QString newMobile = mobile(7);
        const QString editFile = dir.file(QStringLiteral("edit.json"));
        QVERIFY(writeFile(editFile,
            QJsonDocument(QJsonObject {{QStringLiteral("values"), QJsonObject {{QStringLiteral("mobile"), newMobile}}}})
                .toJson()));
        Run edited = seen(QStringLiteral("c1"),
            {QStringLiteral("customer"), QStringLiteral("edit"), customerNo, QStringLiteral("--file"), editFile,
                QStringLiteral("--json")});
        QVERIFY2(edited.status == 0, edited.err.constData());
        const qint64 editChange = edited.json().value(QStringLiteral("changeId")).toInteger();
        QVERIFY(editChange > createChange);
        QVERIFY(!edited.out.contains(newMobile.toUtf8()));
        Run rejectNoReason = m_cli.as(
            QStringLiteral("m1"), {QStringLiteral("approvals"), QStringLiteral("reject"), QString::number(editChange)});
        QCOMPARE(rejectNoReason.status, exitStatusFor(ErrorCode::InvalidInput));
        QCOMPARE(seen(QStringLiteral("m2"),
                     {QStringLiteral("approvals"), QStringLiteral("approve"), QString::number(editChange),
                         QStringLiteral("--reason"), QStringLiteral("checked")})
                     .status,
            0);
        Run afterEdit = seen(QStringLiteral("c1"),
            {QStringLiteral("customer"), QStringLiteral("show"), customerNo, QStringLiteral("--json")});
        QCOMPARE(afterEdit.status, 0);
        const QString newMasked = afterEdit.json()
                                      .value(QStringLiteral("customer"))
                                      .toObject()
                                      .value(QStringLiteral("gradeOne"))
                                      .toObject()
                                      .value(QStringLiteral("mobile"))
                                      .toString();
        QVERIFY(newMasked != maskedMobile);
        QVERIFY(newMasked.endsWith(newMobile.right(4)));
        QVERIFY(!afterEdit.out.contains(newMobile.toUtf8()));
        Run history = seen(QStringLiteral("c1"),
            {QStringLiteral("customer"), QStringLiteral("history"), customerNo, QStringLiteral("--json")});
        QCOMPARE(history.status, 0);
        QVERIFY(!history.json().value(QStringLiteral("history")).toArray().isEmpty());

        // --- import: one good row, one bad row (line 3, the ID number in column C) ---
        const CustomerInput second = customerInput(2);
        QString badId = mainlandId(3);
        badId[17] = badId.at(17) == QLatin1Char('0') ? QLatin1Char('1') : QLatin1Char('0');
        const QString csv = dir.file(QStringLiteral("batch.csv"));
        const QString reportFile = dir.file(QStringLiteral("batch-report.csv"));
        QVERIFY(writeFile(csv,
            QStringLiteral("Name,ID type,ID number,Sex,Mobile,Account / card number,Account type\r\n"
                           "%1,mainland_id,%2,,%3,,\r\n"
                           "%4,mainland_id,%5,M,%6,,\r\n")
                .arg(value(second, fields::Name), value(second, fields::IdNumber), value(second, fields::Mobile),
                    chineseName(3), badId, mobile(3))
                .toUtf8()));
        Run imported = seen(QStringLiteral("c1"),
            {QStringLiteral("customer"), QStringLiteral("import"), csv, QStringLiteral("--report"), reportFile,
                QStringLiteral("--json")});
        QCOMPARE(imported.status, exitStatusFor(ErrorCode::InvalidInput)); // a row was refused
        QCOMPARE(imported.errLines(), 1);
        const QJsonObject report = imported.json();
        QCOMPARE(report.value(QStringLiteral("rows")).toInteger(), 2);
        QCOMPARE(report.value(QStringLiteral("accepted")).toInteger(), 1);
        QCOMPARE(report.value(QStringLiteral("rejected")).toInteger(), 1);
        const QJsonArray problems = report.value(QStringLiteral("problems")).toArray();
        QVERIFY2(problems.size() == 1, QJsonDocument(problems).toJson().constData());
        QCOMPARE(problems.at(0).toObject().value(QStringLiteral("line")).toInteger(), 3);
        QCOMPARE(problems.at(0).toObject().value(QStringLiteral("column")).toString(), QStringLiteral("C"));
        QCOMPARE(problems.at(0).toObject().value(QStringLiteral("field")).toString(), QStringLiteral("id_number"));
        QCOMPARE(report.value(QStringLiteral("created")).toArray().size(), 1);
        QVERIFY(QFileInfo::exists(reportFile));
        QVERIFY(!imported.out.contains(badId.toUtf8()));
        QVERIFY(!imported.out.contains(value(second, fields::IdNumber).toUtf8()));

        // the own portfolio: the approved customer and the imported pending record
        Run portfolio = seen(QStringLiteral("c1"), {QStringLiteral("customer"), QStringLiteral("list")});
        QCOMPARE(portfolio.status, 0);
        QCOMPARE(portfolio.out.count('\n'), 2);
        QVERIFY(portfolio.out.contains(customerNo.toUtf8()));
        Run page = seen(QStringLiteral("m1"),
            {QStringLiteral("customer"), QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("1"),
                QStringLiteral("--json")});
        QCOMPARE(page.status, 0);
        QCOMPARE(page.json().value(QStringLiteral("customers")).toArray().size(), 1);
        QVERIFY(!page.json().value(QStringLiteral("nextCursor")).toString().isEmpty());

        // --- free text with a full mobile number: refused unless --mask-numbers, which saves it masked ---
        const QStringList withMobile {QStringLiteral("complaint"), QStringLiteral("add"), customerNo,
            QStringLiteral("--channel"), QStringLiteral("phone"), QStringLiteral("--content"),
            QStringLiteral("Called back on 13812345678, no answer")};
        Run refusedText = m_cli.as(QStringLiteral("c1"), withMobile);
        QCOMPARE(refusedText.status, exitStatusFor(ErrorCode::InvalidInput));
        QCOMPARE(refusedText.errLines(), 1);
        QVERIFY2(refusedText.err.contains("--mask-numbers"), refusedText.err.constData());
        QVERIFY(refusedText.err.contains("mobile number at character 16"));
        QVERIFY(!refusedText.err.contains("13812345678"));
        Run maskedText = seen(QStringLiteral("c1"),
            withMobile + QStringList {QStringLiteral("--mask-numbers"), QStringLiteral("--json")});
        QVERIFY2(maskedText.status == 0, maskedText.err.constData());
        QCOMPARE(
            maskedText.json().value(QStringLiteral("complaint")).toObject().value(QStringLiteral("content")).toString(),
            QStringLiteral("Called back on 138****5678, no answer"));

        // --- a complaint received a month ago is overdue at once ---
        const QString received = QDateTime::currentDateTimeUtc().addDays(-30).toString(Qt::ISODate);
        Run complaint = seen(QStringLiteral("c1"),
            {QStringLiteral("complaint"), QStringLiteral("add"), customerNo, QStringLiteral("--channel"),
                QStringLiteral("counter"), QStringLiteral("--content"),
                QStringLiteral("The customer waited too long at the counter"), QStringLiteral("--received"), received,
                QStringLiteral("--json")});
        QVERIFY2(complaint.status == 0, complaint.err.constData());
        const qint64 complaintId = complaint.json().value(QStringLiteral("id")).toInteger();
        QVERIFY(
            complaint.json().value(QStringLiteral("complaint")).toObject().value(QStringLiteral("overdue")).toBool());
        Run overdue = seen(
            QStringLiteral("c1"), {QStringLiteral("complaint"), QStringLiteral("overdue"), QStringLiteral("--json")});
        QCOMPARE(overdue.status, 0);
        const QJsonArray overdueList = overdue.json().value(QStringLiteral("complaints")).toArray();
        QCOMPARE(overdueList.size(), 1);
        QCOMPARE(overdueList.at(0).toObject().value(QStringLiteral("id")).toInteger(), complaintId);
        QCOMPARE(overdueList.at(0).toObject().value(QStringLiteral("customerNo")).toString(), customerNo);

        // --- a complaint moves only to the statuses after "open", named by their keys ---
        const QString idText = QString::number(complaintId);
        for (const char* bad : {"reopened", "open"}) {
            Run refused = m_cli.as(QStringLiteral("c1"),
                {QStringLiteral("complaint"), QStringLiteral("update"), idText, QStringLiteral("--status"),
                    QString::fromLatin1(bad)});
            QCOMPARE(refused.status, exitStatusFor(ErrorCode::InvalidInput));
            QVERIFY2(refused.err.contains("investigating|answered|closed"), refused.err.constData());
        }
        Run investigating = seen(QStringLiteral("c1"),
            {QStringLiteral("complaint"), QStringLiteral("update"), idText, QStringLiteral("--status"),
                QStringLiteral("Investigating"), QStringLiteral("--json")});
        QVERIFY2(investigating.status == 0, investigating.err.constData());
        QCOMPARE(investigating.json().value(QStringLiteral("status")).toString(), QStringLiteral("investigating"));

        // --- consent: given, then withdrawn: two entries, nothing overwritten ---
        const QStringList consent {customerNo, QStringLiteral("--purpose"), QStringLiteral("processing"),
            QStringLiteral("--channel"), QStringLiteral("counter")};
        QCOMPARE(
            seen(QStringLiteral("c1"), QStringList {QStringLiteral("consent"), QStringLiteral("add")} + consent).status,
            0);
        QCOMPARE(
            seen(QStringLiteral("c1"), QStringList {QStringLiteral("consent"), QStringLiteral("withdraw")} + consent)
                .status,
            0);
        Run consents = seen(QStringLiteral("c1"),
            {QStringLiteral("consent"), QStringLiteral("list"), customerNo, QStringLiteral("--json")});
        QCOMPARE(consents.status, 0);
        const QJsonArray entries = consents.json().value(QStringLiteral("consents")).toArray();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.at(0).toObject().value(QStringLiteral("action")).toString(), QStringLiteral("given"));
        QCOMPARE(entries.at(1).toObject().value(QStringLiteral("action")).toString(), QStringLiteral("withdrawn"));
        QCOMPARE(entries.at(1).toObject().value(QStringLiteral("purpose")).toString(), QStringLiteral("processing"));

        // --- the data-subject report needs a live export grant ---
        Run noReport = seen(QStringLiteral("c1"), {QStringLiteral("customer"), QStringLiteral("report"), customerNo});
        QCOMPARE(noReport.status, exitStatusFor(ErrorCode::PermissionDenied));
        QCOMPARE(noReport.errLines(), 1);
        QVERIFY(noReport.out.isEmpty());

        // --- closing needs a reason (refused before anyone signs in), then the branch manager closes ---
        Run closeNoReason = m_cli.run({QStringLiteral("customer"), QStringLiteral("close"), customerNo,
            QStringLiteral("--db"), m_cli.database(), QStringLiteral("--user"), QStringLiteral("m1")});
        QCOMPARE(closeNoReason.status, exitStatusFor(ErrorCode::InvalidInput));
        QVERIFY(closeNoReason.err.contains("--reason"));
        Run closed = seen(QStringLiteral("m1"),
            {QStringLiteral("customer"), QStringLiteral("close"), customerNo, QStringLiteral("--reason"),
                QStringLiteral("The customer ended the relationship"), QStringLiteral("--json")});
        QVERIFY2(closed.status == 0, closed.err.constData());
        QCOMPARE(closed.json().value(QStringLiteral("status")).toString(), QStringLiteral("closed"));

        // --- the audit log has the customer rows, with masked values only ---
        Run audit = seen(QStringLiteral("u1"),
            {QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--action"), QStringLiteral("customer."),
                QStringLiteral("--json")});
        QCOMPARE(audit.status, 0);
        QSet<QString> actions;
        for (const QJsonValue& row : audit.json().value(QStringLiteral("rows")).toArray())
            actions << row.toObject().value(QStringLiteral("action")).toString();
        for (const char* action : {"customer.create", "customer.approve", "customer.open", "customer.search",
                 "customer.lookup", "customer.reveal", "customer.edit", "customer.import", "customer.complaint",
                 "customer.consent", "customer.close"})
            QVERIFY2(actions.contains(QString::fromLatin1(action)), action);

        // no full grade-1 value in any output but customer reveal's
        for (const QString& full : {fullName, fullId, fullMobile, fullCard, fullAddress, newMobile})
            QVERIFY2(!m_seen.contains(full.toUtf8()), "a full grade-1 value was printed");
    }
};

QTEST_GUILESS_MAIN(TestCliCustomers)
#include "tst_cli_customers.moc"
