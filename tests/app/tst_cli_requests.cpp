// branchvault-cli for special requests and the audit log: request create/list/approve/reject/revoke/
// withdraw by the people who do them, and the auditor's audit verify/checkpoint/list/export/alerts; exit
// statuses, one-line errors, --json; against the real keychain of the test session.
#include "core/Core.h"
#include "core/audit/AuditActions.h"
#include "core/auth/AuthService.h"
#include "core/customers/CustomerService.h"
#include "core/customers/lifecycle/CustomerEntry.h"
#include "core/internal/CoreInternal.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/db/Database.h"
#include "core/internal/db/Transaction.h"
#include "core/keys/KeychainSecretStore.h"
#include "core/policy/FieldCatalogue.h"
#include "core/vault/VaultService.h"
#include "tests/testsupport/CliRunner.h"
#include "tests/testsupport/TestData.h"
#include "tests/testsupport/TestSupport.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace bv;
using namespace bv::test;

using Run = CliRun;

class TestCliRequests : public QObject
{
    Q_OBJECT
private:
    CliRunner m_cli;

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
        QVERIFY(help.out.contains("request create --type"));
        QVERIFY(help.out.contains("audit verify [--checkpoint FILE]"));
        const Run noSub = m_cli.run({QStringLiteral("audit")});
        QCOMPARE(noSub.status, exitStatusFor(ErrorCode::InvalidInput));
        QCOMPARE(noSub.errLines(), 1);
        const Run unknown = m_cli.run({QStringLiteral("request"), QStringLiteral("frobnicate")});
        QCOMPARE(unknown.status, exitStatusFor(ErrorCode::InvalidInput));
        QCOMPARE(unknown.errLines(), 1);
    }

    void requestsAndAudit()
    {
        TempDatabaseDir dir;
        m_cli.setDatabase(dir.databasePath());
        QVERIFY(!m_cli.initDatabase(m_cli.database()).isEmpty());
        QVERIFY(m_cli.useCheapPasswordHashing());
        QVERIFY(m_cli.addUser(QStringLiteral("m1"), QStringLiteral("manager")));
        QVERIFY(m_cli.addUser(QStringLiteral("m2"), QStringLiteral("manager")));
        QVERIFY(m_cli.addUser(QStringLiteral("u1"), QStringLiteral("auditor")));
        QVERIFY(m_cli.addUser(QStringLiteral("c1"), QStringLiteral("customer_manager")));

        // There is no customer command yet: c1 enters a customer through the core, m1 approves it. The
        // database is locked while open, so the vault is closed again before the CLI runs.
        QString customerNo;
        {
            KeychainSecretStore store(m_cli.keychainService());
            VaultService vaults(store);
            auto vault = vaults.open(m_cli.database());
            BV_VERIFY_OK(vault);
            Core core(**vault, vaults);
            auto c1 = core.auth().signIn(
                QStringLiteral("c1"), SecureBytes::copyOf(CliRunner::passwordOf(QStringLiteral("c1")).toUtf8()));
            BV_VERIFY_OK(c1);
            auto m1 = core.auth().signIn(
                QStringLiteral("m1"), SecureBytes::copyOf(CliRunner::passwordOf(QStringLiteral("m1")).toUtf8()));
            BV_VERIFY_OK(m1);
            auto receipt = core.customers().entry().create(*c1, customerInput(1));
            BV_VERIFY_OK(receipt);
            const QString idNumber = customerInput(1).values.value(QString::fromLatin1(fields::IdNumber));
            BV_VERIFY_OK(core.customers().entry().approve(*m1, receipt->changeId, QStringLiteral("checked"),
                {{QString::fromLatin1(fields::IdNumber), {idNumber}}}));
            customerNo = receipt->customerNumber;
        }
        QVERIFY(!customerNo.isEmpty());
        const QString purpose = QStringLiteral("Customer asked to confirm the mobile number on file");

        // Usage errors are refused before anyone signs in (nothing on stdin is read).
        const QStringList reveal {QStringLiteral("request"), QStringLiteral("create"), QStringLiteral("--type"),
            QStringLiteral("reveal"), QStringLiteral("--customer"), customerNo, QStringLiteral("--fields"),
            QStringLiteral("mobile"), QStringLiteral("--purpose"), purpose};
        Run tooLong
            = m_cli.as(QStringLiteral("c1"), QStringList(reveal) << QStringLiteral("--days") << QStringLiteral("4"));
        QCOMPARE(tooLong.status, exitStatusFor(ErrorCode::InvalidInput));
        QCOMPARE(tooLong.errLines(), 1);
        QVERIFY(tooLong.err.contains("--days"));
        Run badType = m_cli.as(QStringLiteral("c1"),
            {QStringLiteral("request"), QStringLiteral("create"), QStringLiteral("--type"), QStringLiteral("peek"),
                QStringLiteral("--days"), QStringLiteral("1")});
        QCOMPARE(badType.status, exitStatusFor(ErrorCode::InvalidInput));

        // c1 asks to see the mobile number in full
        Run created = m_cli.as(QStringLiteral("c1"),
            QStringList(reveal) << QStringLiteral("--days") << QStringLiteral("1") << QStringLiteral("--json"));
        QCOMPARE(created.status, 0);
        const qint64 r1 = created.json().value(QStringLiteral("id")).toInteger();
        QVERIFY(r1 > 0);
        const QJsonObject r1Json = created.json().value(QStringLiteral("request")).toObject();
        QCOMPARE(r1Json.value(QStringLiteral("validityHours")).toInt(), 24);
        QCOMPARE(r1Json.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
        QCOMPARE(r1Json.value(QStringLiteral("customerNumbers")).toArray(), QJsonArray {customerNo});
        QCOMPARE(r1Json.value(QStringLiteral("fields")).toArray(), QJsonArray {QStringLiteral("mobile")});
        QVERIFY(r1Json.value(QStringLiteral("validUntil")).isNull());

        Run listed = m_cli.as(
            QStringLiteral("c1"), {QStringLiteral("request"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(listed.status, 0);
        QJsonObject mine = CliRunner::objectWithId(listed.json().value(QStringLiteral("requests")).toArray(), r1);
        QCOMPARE(mine.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
        QCOMPARE(mine.value(QStringLiteral("requesterLogin")).toString(), QStringLiteral("c1"));
        QCOMPARE(mine.value(QStringLiteral("purpose")).toString(), purpose);

        // m1 approves it
        Run approved = m_cli.as(QStringLiteral("m1"),
            {QStringLiteral("request"), QStringLiteral("approve"), QString::number(r1), QStringLiteral("--reason"),
                QStringLiteral("verified by phone"), QStringLiteral("--json")});
        QCOMPARE(approved.status, 0);
        QCOMPARE(approved.json().value(QStringLiteral("status")).toString(), QStringLiteral("approved"));
        const QJsonObject decided = approved.json().value(QStringLiteral("request")).toObject();
        QCOMPARE(decided.value(QStringLiteral("decidedByLogin")).toString(), QStringLiteral("m1"));
        const QDateTime validUntil
            = QDateTime::fromString(decided.value(QStringLiteral("validUntil")).toString(), Qt::ISODateWithMs);
        QVERIFY(validUntil.isValid());
        QCOMPARE(validUntil.timeSpec(), Qt::UTC);
        const qint64 left = QDateTime::currentDateTimeUtc().secsTo(validUntil);
        QVERIFY2(left > 23 * 3600 && left <= 24 * 3600, qPrintable(QString::number(left)));

        // an approved request can no longer be withdrawn by its requester
        Run withdrawApproved = m_cli.as(
            QStringLiteral("c1"), {QStringLiteral("request"), QStringLiteral("withdraw"), QString::number(r1)});
        QCOMPARE(withdrawApproved.status, exitStatusFor(ErrorCode::Conflict));
        QCOMPARE(withdrawApproved.errLines(), 1);

        // m1 files a request and may not approve it; m2 rejects it, with a reason only
        Run own = m_cli.as(QStringLiteral("m1"),
            QStringList(reveal) << QStringLiteral("--hours") << QStringLiteral("2") << QStringLiteral("--json"));
        QCOMPARE(own.status, 0);
        const qint64 r2 = own.json().value(QStringLiteral("id")).toInteger();
        QVERIFY(r2 > r1);
        QCOMPARE(
            own.json().value(QStringLiteral("request")).toObject().value(QStringLiteral("validityHours")).toInt(), 2);
        Run selfApprove = m_cli.as(QStringLiteral("m1"),
            {QStringLiteral("request"), QStringLiteral("approve"), QString::number(r2), QStringLiteral("--reason"),
                QStringLiteral("urgent")});
        QCOMPARE(selfApprove.status, exitStatusFor(ErrorCode::PermissionDenied));
        QCOMPARE(selfApprove.errLines(), 1);
        Run approveNoReason = m_cli.as(
            QStringLiteral("m2"), {QStringLiteral("request"), QStringLiteral("approve"), QString::number(r2)});
        QCOMPARE(approveNoReason.status, exitStatusFor(ErrorCode::InvalidInput));
        QVERIFY(approveNoReason.err.contains("--reason"));
        Run noReason = m_cli.as(
            QStringLiteral("m2"), {QStringLiteral("request"), QStringLiteral("reject"), QString::number(r2)});
        QCOMPARE(noReason.status, exitStatusFor(ErrorCode::InvalidInput));
        QVERIFY(noReason.err.contains("--reason"));
        Run rejected = m_cli.as(QStringLiteral("m2"),
            {QStringLiteral("request"), QStringLiteral("reject"), QString::number(r2), QStringLiteral("--reason"),
                QStringLiteral("not needed for this task")});
        QCOMPARE(rejected.status, 0);
        QVERIFY(rejected.out.contains("rejected"));

        // revoking needs a reason too; then the grant stops
        Run revokeNoReason = m_cli.as(
            QStringLiteral("m2"), {QStringLiteral("request"), QStringLiteral("revoke"), QString::number(r1)});
        QCOMPARE(revokeNoReason.status, exitStatusFor(ErrorCode::InvalidInput));
        Run revoked = m_cli.as(QStringLiteral("m2"),
            {QStringLiteral("request"), QStringLiteral("revoke"), QString::number(r1), QStringLiteral("--reason"),
                QStringLiteral("work finished"), QStringLiteral("--json")});
        QCOMPARE(revoked.status, 0);
        QCOMPARE(revoked.json().value(QStringLiteral("status")).toString(), QStringLiteral("revoked"));

        // a pending request is withdrawn by its requester
        Run third = m_cli.as(QStringLiteral("c1"),
            QStringList(reveal) << QStringLiteral("--days") << QStringLiteral("3") << QStringLiteral("--json"));
        QCOMPARE(third.status, 0);
        const qint64 r3 = third.json().value(QStringLiteral("id")).toInteger();
        QCOMPARE(
            third.json().value(QStringLiteral("request")).toObject().value(QStringLiteral("validityHours")).toInt(),
            72);
        Run withdrawn = m_cli.as(
            QStringLiteral("c1"), {QStringLiteral("request"), QStringLiteral("withdraw"), QString::number(r3)});
        QCOMPARE(withdrawn.status, 0);

        // the manager sees every request, the customer manager only the own; nothing is open any more
        Run all = m_cli.as(
            QStringLiteral("m2"), {QStringLiteral("request"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(all.status, 0);
        const QJsonArray allRequests = all.json().value(QStringLiteral("requests")).toArray();
        QCOMPARE(allRequests.size(), 3);
        QCOMPARE(CliRunner::objectWithId(allRequests, r1).value(QStringLiteral("status")).toString(),
            QStringLiteral("revoked"));
        QCOMPARE(CliRunner::objectWithId(allRequests, r1).value(QStringLiteral("revokeReason")).toString(),
            QStringLiteral("work finished"));
        QCOMPARE(CliRunner::objectWithId(allRequests, r2).value(QStringLiteral("status")).toString(),
            QStringLiteral("rejected"));
        QCOMPARE(CliRunner::objectWithId(allRequests, r3).value(QStringLiteral("status")).toString(),
            QStringLiteral("withdrawn"));
        Run own1 = m_cli.as(QStringLiteral("c1"), {QStringLiteral("request"), QStringLiteral("list")});
        QCOMPARE(own1.status, 0);
        QCOMPARE(own1.out.count('\n'), 2); // one line per request: r1 and r3, not m1's r2
        QVERIFY(own1.out.contains("revoked"));
        QVERIFY(own1.out.contains("withdrawn"));
        QVERIFY(!own1.out.contains("rejected"));
        Run open = m_cli.as(QStringLiteral("m1"),
            {QStringLiteral("request"), QStringLiteral("list"), QStringLiteral("--open"), QStringLiteral("--json")});
        QCOMPARE(open.status, 0);
        QCOMPARE(open.json().value(QStringLiteral("requests")).toArray().size(), 0);

        // --- the audit log ---
        Run verified = m_cli.as(
            QStringLiteral("u1"), {QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--json")});
        QCOMPARE(verified.status, 0);
        QCOMPARE(verified.json().value(QStringLiteral("intact")).toBool(), true);
        QVERIFY(verified.json().value(QStringLiteral("rowsChecked")).toInt() > 20);
        QCOMPARE(verified.json().value(QStringLiteral("headHash")).toString().size(), 64);

        const QString checkpoint = dir.file(QStringLiteral("checkpoint.txt"));
        Run taken = m_cli.as(QStringLiteral("u1"),
            {QStringLiteral("audit"), QStringLiteral("checkpoint"), QStringLiteral("--out"), checkpoint,
                QStringLiteral("--json")});
        QCOMPARE(taken.status, 0);
        const QByteArray checkpointText = readFile(checkpoint);
        QVERIFY(checkpointText.startsWith("BranchVault audit checkpoint\n"));
        const qint64 checkpointSeq = taken.json().value(QStringLiteral("seq")).toInteger();
        QVERIFY(checkpointSeq > 20);
        QVERIFY(checkpointText.contains(
            QByteArray("hash: ").append(taken.json().value(QStringLiteral("hash")).toString().toLatin1())));
        Run overwrite = m_cli.as(QStringLiteral("u1"),
            {QStringLiteral("audit"), QStringLiteral("checkpoint"), QStringLiteral("--out"), checkpoint});
        QCOMPARE(overwrite.status, exitStatusFor(ErrorCode::AlreadyExists));
        QCOMPARE(readFile(checkpoint), checkpointText);

        Run against = m_cli.as(QStringLiteral("u1"),
            {QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--checkpoint"), checkpoint});
        QCOMPARE(against.status, 0);
        QVERIFY(against.out.contains(QStringLiteral("checkpoint of row %1").arg(checkpointSeq).toUtf8()));

        // a checkpoint that names another hash for its row (a rewritten log, as far as the checkpoint
        // can tell): exit 14, and stderr names the row
        QByteArray forged = checkpointText.left(checkpointText.indexOf("check: "));
        const QByteArray realHash = taken.json().value(QStringLiteral("hash")).toString().toLatin1();
        forged.replace(realHash, QByteArray(64, 'a'));
        forged += "check: " + QCryptographicHash::hash(forged, QCryptographicHash::Sha256).toHex() + "\n";
        const QString forgedPath = dir.file(QStringLiteral("forged.txt"));
        QVERIFY(writeFile(forgedPath, forged));
        Run mismatch = m_cli.as(QStringLiteral("u1"),
            {QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--checkpoint"), forgedPath});
        QCOMPARE(mismatch.status, exitStatusFor(ErrorCode::Damaged));
        QCOMPARE(mismatch.errLines(), 1);
        QVERIFY2(mismatch.err.contains(QStringLiteral("row %1").arg(checkpointSeq).toUtf8()), mismatch.err.constData());
        QVERIFY(mismatch.out.isEmpty());
        Run missingCheckpoint = m_cli.as(QStringLiteral("u1"),
            {QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--checkpoint"),
                dir.file(QStringLiteral("none.txt"))});
        QCOMPARE(missingCheckpoint.status, exitStatusFor(ErrorCode::NotFound));

        // the request rows, in order, with the customer number and without the free text
        Run requestRows = m_cli.as(QStringLiteral("u1"),
            {QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--json"), QStringLiteral("--action"),
                QStringLiteral("request.")});
        QCOMPARE(requestRows.status, 0);
        const QJsonArray rows = requestRows.json().value(QStringLiteral("rows")).toArray();
        QStringList actions;
        int listViews = 0;
        for (const QJsonValue& value : rows) {
            const QJsonObject row = value.toObject();
            if (row.value(QStringLiteral("action")).toString() == QLatin1String("request.list")) {
                ++listViews; // a list view: one row with its filter, about no single request
                QVERIFY(row.value(QStringLiteral("details")).toObject().contains(QStringLiteral("onlyOpen")));
                continue;
            }
            actions << row.value(QStringLiteral("action")).toString();
            QCOMPARE(row.value(QStringLiteral("customerNo")).toString(), customerNo);
            QCOMPARE(row.value(QStringLiteral("objectType")).toString(), QStringLiteral("request"));
            QCOMPARE(row.value(QStringLiteral("hash")).toString().size(), 64);
            QCOMPARE(row.value(QStringLiteral("prevHash")).toString().size(), 64);
            QVERIFY(row.value(QStringLiteral("details")).isObject());
            QVERIFY(row.value(QStringLiteral("at")).toString().endsWith(QLatin1Char('Z')));
            // and in words: the request by its number, about the customer (AuditWording)
            const QString sentence = row.value(QStringLiteral("sentence")).toString();
            QVERIFY2(sentence.contains(QStringLiteral("special request no. %1 about customer %2")
                                           .arg(row.value(QStringLiteral("objectId")).toString(), customerNo)),
                qPrintable(sentence));
        }
        QCOMPARE(actions,
            (QStringList {QStringLiteral("request.create"), QStringLiteral("request.approve"),
                QStringLiteral("request.create"), QStringLiteral("request.reject"), QStringLiteral("request.revoke"),
                QStringLiteral("request.create"), QStringLiteral("request.withdraw")}));
        QCOMPARE(listViews, 4); // the four request lists above
        const QJsonObject firstCreate = [&] {
            for (const QJsonValue& value : rows)
                if (value.toObject().value(QStringLiteral("action")).toString() == QLatin1String("request.create"))
                    return value.toObject();
            return QJsonObject();
        }();
        QCOMPARE(firstCreate.value(QStringLiteral("objectId")).toString(), QString::number(r1));
        QCOMPARE(firstCreate.value(QStringLiteral("login")).toString(), QStringLiteral("c1"));
        QVERIFY(!requestRows.out.contains(purpose.toUtf8()));
        QVERIFY(!requestRows.out.contains("work finished"));

        // the user filter: --login, or a second --user
        Run byLogin = m_cli.as(QStringLiteral("u1"),
            {QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--json"), QStringLiteral("--login"),
                QStringLiteral("c1")});
        QCOMPARE(byLogin.status, 0);
        const QJsonArray c1Rows = byLogin.json().value(QStringLiteral("rows")).toArray();
        QVERIFY(c1Rows.size() >= 5);
        QSet<QString> c1Actions;
        for (const QJsonValue& value : c1Rows) {
            QCOMPARE(value.toObject().value(QStringLiteral("login")).toString(), QStringLiteral("c1"));
            c1Actions << value.toObject().value(QStringLiteral("action")).toString();
        }
        QVERIFY(c1Actions.contains(QStringLiteral("request.withdraw")));
        QVERIFY(c1Actions.contains(QStringLiteral("customer.create")));
        QStringList secondUserArgs {QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--json"),
            QStringLiteral("--db"), m_cli.database(), QStringLiteral("--user"), QStringLiteral("u1"),
            QStringLiteral("--user"), QStringLiteral("c1")};
        Run bySecondUser = m_cli.run(secondUserArgs, CliRunner::passwordOf(QStringLiteral("u1")).toUtf8() + "\n");
        QCOMPARE(bySecondUser.status, 0);
        QCOMPARE(bySecondUser.json().value(QStringLiteral("rows")).toArray(), c1Rows);
        Run twoFilters = m_cli.run(QStringList(secondUserArgs) << QStringLiteral("--login") << QStringLiteral("m1"),
            CliRunner::passwordOf(QStringLiteral("u1")).toUtf8() + "\n");
        QCOMPARE(twoFilters.status, exitStatusFor(ErrorCode::InvalidInput));

        // text output: one line per row and its sentence; --limit and --after page through the log
        Run firstPage = m_cli.as(QStringLiteral("u1"),
            {QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("3"),
                QStringLiteral("--json")});
        QCOMPARE(firstPage.status, 0);
        QCOMPARE(firstPage.json().value(QStringLiteral("rows")).toArray().size(), 3);
        QCOMPARE(firstPage.json().value(QStringLiteral("nextAfter")).toInteger(), 3);
        Run secondPage = m_cli.as(QStringLiteral("u1"),
            {QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("2"),
                QStringLiteral("--after"), QStringLiteral("3")});
        QCOMPARE(secondPage.status, 0);
        // each row's line, then the row as a sentence, indented
        const QList<QByteArray> lines = secondPage.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 4);
        QVERIFY(lines.at(0).trimmed().startsWith("4 "));
        QVERIFY(lines.at(1).startsWith("        ") && lines.at(1).contains(" at "));
        QVERIFY(lines.at(2).trimmed().startsWith("5 "));
        QVERIFY(lines.at(3).startsWith("        ") && lines.at(3).contains(" at "));
        QVERIFY(secondPage.err.contains("--after 5"));

        // TIME filters: a date is 00:00 branch time; --until is exclusive
        Run past = m_cli.as(QStringLiteral("u1"),
            {QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--json"), QStringLiteral("--until"),
                QStringLiteral("2000-01-01")});
        QCOMPARE(past.status, 0);
        QCOMPARE(past.json().value(QStringLiteral("rows")).toArray().size(), 0);
        const QString yesterday = QDate::currentDate().addDays(-1).toString(Qt::ISODate);
        Run recent = m_cli.as(QStringLiteral("u1"),
            {QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--json"), QStringLiteral("--since"),
                yesterday, QStringLiteral("--outcome"), QStringLiteral("denied")});
        QCOMPARE(recent.status, 0);
        const QJsonArray denied = recent.json().value(QStringLiteral("rows")).toArray();
        QCOMPARE(denied.size(), 1); // m1's own approval
        QCOMPARE(denied.at(0).toObject().value(QStringLiteral("login")).toString(), QStringLiteral("m1"));
        QCOMPARE(denied.at(0).toObject().value(QStringLiteral("objectId")).toString(), QString::number(r2));
        Run badTime = m_cli.as(QStringLiteral("u1"),
            {QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--since"),
                QStringLiteral("last tuesday")});
        QCOMPARE(badTime.status, exitStatusFor(ErrorCode::InvalidInput));
        QCOMPARE(badTime.errLines(), 1);
        QVERIFY(badTime.err.contains("UTC+8"));

        // CSV export: UTF-8 with BOM, never over an existing file
        const QString csv = dir.file(QStringLiteral("audit.csv"));
        Run exported = m_cli.as(QStringLiteral("u1"),
            {QStringLiteral("audit"), QStringLiteral("export"), QStringLiteral("--out"), csv,
                QStringLiteral("--action"), QStringLiteral("request."), QStringLiteral("--json")});
        QCOMPARE(exported.status, 0);
        QCOMPARE(exported.json().value(QStringLiteral("rows")).toInteger(), 7 + 4); // decisions + list views
        const QByteArray csvBytes = readFile(csv);
        QVERIFY(csvBytes.startsWith("\xEF\xBB\xBFseq,time_utc,"));
        QCOMPARE(csvBytes.count("request."), 7 + 4);
        QCOMPARE(csvBytes.count("request.list"), 4);
        Run exportAgain = m_cli.as(
            QStringLiteral("u1"), {QStringLiteral("audit"), QStringLiteral("export"), QStringLiteral("--out"), csv});
        QCOMPARE(exportAgain.status, exitStatusFor(ErrorCode::AlreadyExists));
        QCOMPARE(exportAgain.errLines(), 1);
        QCOMPARE(readFile(csv), csvBytes);

        Run alerts = m_cli.as(
            QStringLiteral("u1"), {QStringLiteral("audit"), QStringLiteral("alerts"), QStringLiteral("--json")});
        QCOMPARE(alerts.status, 0);
        QVERIFY(alerts.json().value(QStringLiteral("alerts")).isArray());
        const QDateTime since
            = QDateTime::fromString(alerts.json().value(QStringLiteral("since")).toString(), Qt::ISODateWithMs);
        const QDateTime until
            = QDateTime::fromString(alerts.json().value(QStringLiteral("until")).toString(), Qt::ISODateWithMs);
        QCOMPARE(since.daysTo(until), 30);
        // TIME: a date is 00:00 branch time (UTC+8), a date-time without offset is branch time, Z and
        // offsets are honoured; the period comes back in UTC
        Run period = m_cli.as(QStringLiteral("u1"),
            {QStringLiteral("audit"), QStringLiteral("alerts"), QStringLiteral("--json"), QStringLiteral("--since"),
                QStringLiteral("2026-03-01"), QStringLiteral("--until"), QStringLiteral("2026-03-02 08:30")});
        QCOMPARE(period.status, 0);
        QCOMPARE(period.json().value(QStringLiteral("since")).toString(), QStringLiteral("2026-02-28T16:00:00.000Z"));
        QCOMPARE(period.json().value(QStringLiteral("until")).toString(), QStringLiteral("2026-03-02T00:30:00.000Z"));
        Run zoned = m_cli.as(QStringLiteral("u1"),
            {QStringLiteral("audit"), QStringLiteral("alerts"), QStringLiteral("--json"), QStringLiteral("--since"),
                QStringLiteral("2026-03-01T08:30:00Z"), QStringLiteral("--until"),
                QStringLiteral("2026-03-02T08:30+02:00")});
        QCOMPARE(zoned.status, 0);
        QCOMPARE(zoned.json().value(QStringLiteral("since")).toString(), QStringLiteral("2026-03-01T08:30:00.000Z"));
        QCOMPARE(zoned.json().value(QStringLiteral("until")).toString(), QStringLiteral("2026-03-02T06:30:00.000Z"));
        Run backwards = m_cli.as(QStringLiteral("u1"),
            {QStringLiteral("audit"), QStringLiteral("alerts"), QStringLiteral("--since"), QStringLiteral("2026-03-02"),
                QStringLiteral("--until"), QStringLiteral("2026-03-01")});
        QCOMPARE(backwards.status, exitStatusFor(ErrorCode::InvalidInput));

        // only the auditor reads the log; the administrator may verify it
        Run customerManager = m_cli.as(QStringLiteral("c1"), {QStringLiteral("audit"), QStringLiteral("list")});
        QCOMPARE(customerManager.status, exitStatusFor(ErrorCode::PermissionDenied));
        QCOMPARE(customerManager.errLines(), 1);
        QVERIFY(customerManager.out.isEmpty());
        Run adminVerify = m_cli.run(CliRunner::admin({QStringLiteral("audit"), QStringLiteral("verify"),
                                        QStringLiteral("--db"), m_cli.database()}),
            CliRunner::adminPassword());
        QCOMPARE(adminVerify.status, 0);
        QVERIFY(adminVerify.out.contains("intact"));
        Run adminList = m_cli.run(CliRunner::admin({QStringLiteral("audit"), QStringLiteral("list"),
                                      QStringLiteral("--db"), m_cli.database()}),
            CliRunner::adminPassword());
        QCOMPARE(adminList.status, exitStatusFor(ErrorCode::PermissionDenied));
        QVERIFY(adminList.out.isEmpty());

        // the reads above are on record, and the chain still verifies against the checkpoint
        Run reads = m_cli.as(QStringLiteral("u1"),
            {QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--json"), QStringLiteral("--action"),
                QStringLiteral("audit."), QStringLiteral("--after"), QString::number(checkpointSeq)});
        QCOMPARE(reads.status, 0);
        QSet<QString> auditActions;
        for (const QJsonValue& value : reads.json().value(QStringLiteral("rows")).toArray())
            auditActions << value.toObject().value(QStringLiteral("action")).toString();
        for (const char* action : {"audit.checkpoint", "audit.verify", "audit.read", "audit.export", "audit.alerts"})
            QVERIFY2(auditActions.contains(QString::fromLatin1(action)), action);
        QCOMPARE(
            m_cli
                .as(QStringLiteral("u1"),
                    {QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--checkpoint"), checkpoint})
                .status,
            0);
    }
    // Issue 11, finding 2, against the real CLI: rows 1-199 deleted from the file (triggers dropped) and
    // a matching anchor written. audit verify and audit verify --checkpoint both fail and name row 1.
    void frontTruncationIsCaught()
    {
        TempDatabaseDir dir;
        m_cli.setDatabase(dir.databasePath());
        QVERIFY(!m_cli.initDatabase(m_cli.database()).isEmpty());
        QVERIFY(m_cli.useCheapPasswordHashing());
        QVERIFY(m_cli.addUser(QStringLiteral("u1"), QStringLiteral("auditor")));
        {
            KeychainSecretStore store(m_cli.keychainService());
            VaultService vaults(store);
            auto vault = vaults.open(m_cli.database());
            BV_VERIFY_OK(vault);
            Core core(**vault, vaults);
            Database& db = (*vault)->database();
            Transaction tx(db);
            QVERIFY(tx.ok());
            for (int i = 0; i < 250; ++i)
                BV_VERIFY_OK(internalsOf(core).auditLog().append(Actor::system(),
                    AuditEvent {QStringLiteral("test.row"), QStringLiteral("test"), QString::number(i), QString(),
                        AuditOutcome::Ok, QJsonObject()}));
            BV_VERIFY_OK(tx.commit());
        }
        const QString checkpoint = dir.file(QStringLiteral("checkpoint.txt"));
        const Run taken = m_cli.as(QStringLiteral("u1"),
            {QStringLiteral("audit"), QStringLiteral("checkpoint"), QStringLiteral("--out"), checkpoint,
                QStringLiteral("--json")});
        QCOMPARE(taken.status, 0);
        // the checkpoint carries the first row, the head and the row count
        QCOMPARE(taken.json().value(QStringLiteral("firstSeq")).toInteger(), 1);
        QVERIFY(taken.json().value(QStringLiteral("seq")).toInteger() > 250);
        QCOMPARE(taken.json().value(QStringLiteral("rows")).toInteger(),
            taken.json().value(QStringLiteral("seq")).toInteger());
        QVERIFY(readFile(checkpoint).contains("\nfirst: 1\n"));
        {
            KeychainSecretStore store(m_cli.keychainService());
            VaultService vaults(store);
            auto vault = vaults.open(m_cli.database());
            BV_VERIFY_OK(vault);
            Database& db = (*vault)->database();
            auto hash199 = db.scalar(QStringLiteral("SELECT hash FROM audit_log WHERE seq = 199"));
            BV_VERIFY_OK(hash199);
            BV_VERIFY_OK(db.execScript(QStringLiteral("DROP TRIGGER audit_log_no_delete;")));
            BV_VERIFY_OK(db.query(QStringLiteral("DELETE FROM audit_log WHERE seq <= 199")));
            BV_VERIFY_OK(
                db.query(QStringLiteral("INSERT INTO audit_anchor (id, first_seq, prev_hash) VALUES (1, 200, ?) "
                                        "ON CONFLICT (id) DO UPDATE SET first_seq = excluded.first_seq, "
                                        "prev_hash = excluded.prev_hash"),
                    {hash199->toByteArray()}));
        }
        const Run verified = m_cli.as(QStringLiteral("u1"), {QStringLiteral("audit"), QStringLiteral("verify")});
        QCOMPARE(verified.status, exitStatusFor(ErrorCode::Damaged));
        QCOMPARE(verified.errLines(), 1);
        QVERIFY2(verified.err.contains("row 1:") && verified.err.contains("1 to 199"), verified.err.constData());
        const Run against = m_cli.as(QStringLiteral("u1"),
            {QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--checkpoint"), checkpoint});
        QCOMPARE(against.status, exitStatusFor(ErrorCode::Damaged));
        QVERIFY2(against.err.contains("row 1:"), against.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliRequests)
#include "tst_cli_requests.moc"
