// branchvault-cli for special requests and the audit log: request create/list/approve/reject/revoke/
// withdraw by the people who do them, and the auditor's audit verify/checkpoint/list/export/alerts; exit
// statuses, one-line errors, --json; against the real keychain of the test session.
#include "Core.h"
#include "TestData.h"
#include "TestSupport.h"
#include "auth/AuthService.h"
#include "customers/CustomerEntry.h"
#include "customers/CustomerService.h"
#include "keys/KeychainSecretStore.h"
#include "vault/VaultService.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QUuid>

using namespace bv;
using namespace bv::test;

namespace {

struct Run
{
    int status = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
    int errLines() const { return int(err.count('\n')); }
};

const QByteArray kAdminPassword = "Admin-pass-2026";

QString passwordOf(const QString& login)
{
    return QStringLiteral("%1-Pass-2026").arg(login);
}

} // namespace

class TestCliRequests : public QObject
{
    Q_OBJECT
private:
    QString m_service;
    QProcessEnvironment m_env;
    QString m_db;

    Run cli(
        const QStringList& arguments, const QByteArray& input = QByteArray(), const QProcessEnvironment* env = nullptr)
    {
        QProcess process;
        process.setProcessEnvironment(env ? *env : m_env);
        process.start(qEnvironmentVariable("BV_CLI"), arguments);
        process.write(input);
        process.closeWriteChannel();
        process.waitForFinished(120000);
        return Run {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
    }

    static QStringList admin(QStringList arguments)
    {
        return arguments << QStringLiteral("--user") << QStringLiteral("admin");
    }
    static QByteArray adminPassword() { return kAdminPassword + "\n"; }

    // Runs a command on the test database as `login` (its password on stdin).
    Run as(const QString& login, QStringList arguments)
    {
        arguments << QStringLiteral("--db") << m_db << QStringLiteral("--user") << login;
        return cli(arguments, passwordOf(login).toUtf8() + "\n");
    }

    // Creates a database, changes the first administrator's one-time password, returns the passphrase.
    QString initDatabase(const QString& path)
    {
        const Run run = cli({QStringLiteral("init"), QStringLiteral("--db"), path, QStringLiteral("--json")});
        if (run.status != 0) {
            qWarning("init failed: %s", run.err.constData());
            return QString();
        }
        const QByteArray oneTime = run.json().value(QStringLiteral("password")).toString().toLatin1();
        const Run changed = cli(admin({QStringLiteral("passwd"), QStringLiteral("--db"), path}),
            oneTime + "\n" + kAdminPassword + "\n" + kAdminPassword + "\n");
        if (changed.status != 0)
            qWarning("passwd failed: %s", changed.err.constData());
        return run.json().value(QStringLiteral("recoveryPassphrase")).toString();
    }

    // The administrator adds an account; its person replaces the one-time password with passwordOf(login).
    bool addUser(const QString& login, const QString& role)
    {
        const Run added = cli(
            admin({QStringLiteral("user"), QStringLiteral("add"), login, QStringLiteral("--role"), role,
                QStringLiteral("--name"), login.toUpper(), QStringLiteral("--db"), m_db, QStringLiteral("--json")}),
            adminPassword());
        if (added.status != 0) {
            qWarning("user add %s failed: %s", qPrintable(login), added.err.constData());
            return false;
        }
        const QByteArray oneTime = added.json().value(QStringLiteral("password")).toString().toLatin1();
        const QByteArray next = passwordOf(login).toUtf8();
        const Run changed
            = cli({QStringLiteral("passwd"), QStringLiteral("--db"), m_db, QStringLiteral("--user"), login},
                oneTime + "\n" + next + "\n" + next + "\n");
        if (changed.status != 0)
            qWarning("passwd %s failed: %s", qPrintable(login), changed.err.constData());
        return changed.status == 0;
    }

    static QJsonObject findRequest(const QJsonArray& requests, qint64 id)
    {
        for (const QJsonValue& value : requests) {
            if (value.toObject().value(QStringLiteral("id")).toInteger() == id)
                return value.toObject();
        }
        return QJsonObject();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(
            QFileInfo::exists(qEnvironmentVariable("BV_CLI")), "BV_CLI must point to branchvault-cli (run via ctest)");
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
            "no D-Bus session: run the suite with tools/dev.sh test");
        m_service = QStringLiteral("BranchVault-test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        m_env = QProcessEnvironment::systemEnvironment();
        m_env.insert(QStringLiteral("BV_KEYCHAIN_SERVICE"), m_service);
        m_env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    }

    void help()
    {
        const Run help = cli({QStringLiteral("--help")});
        QCOMPARE(help.status, 0);
        QVERIFY(help.out.contains("request create --type"));
        QVERIFY(help.out.contains("audit verify [--checkpoint FILE]"));
        const Run noSub = cli({QStringLiteral("audit")});
        QCOMPARE(noSub.status, exitStatusFor(ErrorCode::InvalidInput));
        QCOMPARE(noSub.errLines(), 1);
        const Run unknown = cli({QStringLiteral("request"), QStringLiteral("frobnicate")});
        QCOMPARE(unknown.status, exitStatusFor(ErrorCode::InvalidInput));
        QCOMPARE(unknown.errLines(), 1);
    }

    void requestsAndAudit()
    {
        TempDatabaseDir dir;
        m_db = dir.databasePath();
        QVERIFY(!initDatabase(m_db).isEmpty());
        // Cheaper password hashing for this database (the floors allow it); the administrator's hash is
        // re-hashed at the next sign-in, the accounts below are created with it.
        for (const auto& [key, value] :
            {std::pair {"auth.argon2.memlimit_mib", "19"}, std::pair {"auth.argon2.opslimit", "2"}})
            QCOMPARE(cli(admin({QStringLiteral("settings"), QStringLiteral("set"), QString::fromLatin1(key),
                             QString::fromLatin1(value), QStringLiteral("--db"), m_db}),
                         adminPassword())
                         .status,
                0);
        QVERIFY(addUser(QStringLiteral("m1"), QStringLiteral("manager")));
        QVERIFY(addUser(QStringLiteral("m2"), QStringLiteral("manager")));
        QVERIFY(addUser(QStringLiteral("u1"), QStringLiteral("auditor")));
        QVERIFY(addUser(QStringLiteral("c1"), QStringLiteral("customer_manager")));

        // There is no customer command yet: c1 enters a customer through the core, m1 approves it. The
        // database is locked while open, so the vault is closed again before the CLI runs.
        QString customerNo;
        {
            KeychainSecretStore store(m_service);
            VaultService vaults(store);
            auto vault = vaults.open(m_db);
            BV_VERIFY_OK(vault);
            Core core(**vault, vaults);
            auto c1 = core.auth().signIn(
                QStringLiteral("c1"), SecureBytes::copyOf(passwordOf(QStringLiteral("c1")).toUtf8()));
            BV_VERIFY_OK(c1);
            auto m1 = core.auth().signIn(
                QStringLiteral("m1"), SecureBytes::copyOf(passwordOf(QStringLiteral("m1")).toUtf8()));
            BV_VERIFY_OK(m1);
            auto receipt = core.customers().entry().create(*c1, customerInput(1));
            BV_VERIFY_OK(receipt);
            BV_VERIFY_OK(core.customers().entry().approve(*m1, receipt->changeId));
            customerNo = receipt->customerNumber;
        }
        QVERIFY(!customerNo.isEmpty());
        const QString purpose = QStringLiteral("Customer asked to confirm the mobile number on file");

        // Usage errors are refused before anyone signs in (nothing on stdin is read).
        const QStringList reveal {QStringLiteral("request"), QStringLiteral("create"), QStringLiteral("--type"),
            QStringLiteral("reveal"), QStringLiteral("--customer"), customerNo, QStringLiteral("--fields"),
            QStringLiteral("mobile"), QStringLiteral("--purpose"), purpose};
        Run tooLong = as(QStringLiteral("c1"), QStringList(reveal) << QStringLiteral("--days") << QStringLiteral("4"));
        QCOMPARE(tooLong.status, exitStatusFor(ErrorCode::InvalidInput));
        QCOMPARE(tooLong.errLines(), 1);
        QVERIFY(tooLong.err.contains("--days"));
        Run badType = as(QStringLiteral("c1"),
            {QStringLiteral("request"), QStringLiteral("create"), QStringLiteral("--type"), QStringLiteral("peek"),
                QStringLiteral("--days"), QStringLiteral("1")});
        QCOMPARE(badType.status, exitStatusFor(ErrorCode::InvalidInput));

        // c1 asks to see the mobile number in full
        Run created = as(QStringLiteral("c1"),
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

        Run listed
            = as(QStringLiteral("c1"), {QStringLiteral("request"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(listed.status, 0);
        QJsonObject mine = findRequest(listed.json().value(QStringLiteral("requests")).toArray(), r1);
        QCOMPARE(mine.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
        QCOMPARE(mine.value(QStringLiteral("requesterLogin")).toString(), QStringLiteral("c1"));
        QCOMPARE(mine.value(QStringLiteral("purpose")).toString(), purpose);

        // m1 approves it
        Run approved = as(QStringLiteral("m1"),
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
        Run withdrawApproved
            = as(QStringLiteral("c1"), {QStringLiteral("request"), QStringLiteral("withdraw"), QString::number(r1)});
        QCOMPARE(withdrawApproved.status, exitStatusFor(ErrorCode::Conflict));
        QCOMPARE(withdrawApproved.errLines(), 1);

        // m1 files a request and may not approve it; m2 rejects it, with a reason only
        Run own = as(QStringLiteral("m1"),
            QStringList(reveal) << QStringLiteral("--hours") << QStringLiteral("2") << QStringLiteral("--json"));
        QCOMPARE(own.status, 0);
        const qint64 r2 = own.json().value(QStringLiteral("id")).toInteger();
        QVERIFY(r2 > r1);
        QCOMPARE(
            own.json().value(QStringLiteral("request")).toObject().value(QStringLiteral("validityHours")).toInt(), 2);
        Run selfApprove
            = as(QStringLiteral("m1"), {QStringLiteral("request"), QStringLiteral("approve"), QString::number(r2)});
        QCOMPARE(selfApprove.status, exitStatusFor(ErrorCode::PermissionDenied));
        QCOMPARE(selfApprove.errLines(), 1);
        Run noReason
            = as(QStringLiteral("m2"), {QStringLiteral("request"), QStringLiteral("reject"), QString::number(r2)});
        QCOMPARE(noReason.status, exitStatusFor(ErrorCode::InvalidInput));
        QVERIFY(noReason.err.contains("--reason"));
        Run rejected = as(QStringLiteral("m2"),
            {QStringLiteral("request"), QStringLiteral("reject"), QString::number(r2), QStringLiteral("--reason"),
                QStringLiteral("not needed for this task")});
        QCOMPARE(rejected.status, 0);
        QVERIFY(rejected.out.contains("rejected"));

        // revoking needs a reason too; then the grant stops
        Run revokeNoReason
            = as(QStringLiteral("m2"), {QStringLiteral("request"), QStringLiteral("revoke"), QString::number(r1)});
        QCOMPARE(revokeNoReason.status, exitStatusFor(ErrorCode::InvalidInput));
        Run revoked = as(QStringLiteral("m2"),
            {QStringLiteral("request"), QStringLiteral("revoke"), QString::number(r1), QStringLiteral("--reason"),
                QStringLiteral("work finished"), QStringLiteral("--json")});
        QCOMPARE(revoked.status, 0);
        QCOMPARE(revoked.json().value(QStringLiteral("status")).toString(), QStringLiteral("revoked"));

        // a pending request is withdrawn by its requester
        Run third = as(QStringLiteral("c1"),
            QStringList(reveal) << QStringLiteral("--days") << QStringLiteral("3") << QStringLiteral("--json"));
        QCOMPARE(third.status, 0);
        const qint64 r3 = third.json().value(QStringLiteral("id")).toInteger();
        QCOMPARE(
            third.json().value(QStringLiteral("request")).toObject().value(QStringLiteral("validityHours")).toInt(),
            72);
        Run withdrawn
            = as(QStringLiteral("c1"), {QStringLiteral("request"), QStringLiteral("withdraw"), QString::number(r3)});
        QCOMPARE(withdrawn.status, 0);

        // the manager sees every request, the customer manager only the own; nothing is open any more
        Run all
            = as(QStringLiteral("m2"), {QStringLiteral("request"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(all.status, 0);
        const QJsonArray allRequests = all.json().value(QStringLiteral("requests")).toArray();
        QCOMPARE(allRequests.size(), 3);
        QCOMPARE(findRequest(allRequests, r1).value(QStringLiteral("status")).toString(), QStringLiteral("revoked"));
        QCOMPARE(findRequest(allRequests, r1).value(QStringLiteral("revokeReason")).toString(),
            QStringLiteral("work finished"));
        QCOMPARE(findRequest(allRequests, r2).value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
        QCOMPARE(findRequest(allRequests, r3).value(QStringLiteral("status")).toString(), QStringLiteral("withdrawn"));
        Run own1 = as(QStringLiteral("c1"), {QStringLiteral("request"), QStringLiteral("list")});
        QCOMPARE(own1.status, 0);
        QCOMPARE(own1.out.count('\n'), 2); // one line per request: r1 and r3, not m1's r2
        QVERIFY(own1.out.contains("revoked"));
        QVERIFY(own1.out.contains("withdrawn"));
        QVERIFY(!own1.out.contains("rejected"));
        Run open = as(QStringLiteral("m1"),
            {QStringLiteral("request"), QStringLiteral("list"), QStringLiteral("--open"), QStringLiteral("--json")});
        QCOMPARE(open.status, 0);
        QCOMPARE(open.json().value(QStringLiteral("requests")).toArray().size(), 0);

        // --- the audit log ---
        Run verified
            = as(QStringLiteral("u1"), {QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--json")});
        QCOMPARE(verified.status, 0);
        QCOMPARE(verified.json().value(QStringLiteral("intact")).toBool(), true);
        QVERIFY(verified.json().value(QStringLiteral("rowsChecked")).toInt() > 20);
        QCOMPARE(verified.json().value(QStringLiteral("headHash")).toString().size(), 64);

        const QString checkpoint = dir.file(QStringLiteral("checkpoint.txt"));
        Run taken = as(QStringLiteral("u1"),
            {QStringLiteral("audit"), QStringLiteral("checkpoint"), QStringLiteral("--out"), checkpoint,
                QStringLiteral("--json")});
        QCOMPARE(taken.status, 0);
        const QByteArray checkpointText = readFile(checkpoint);
        QVERIFY(checkpointText.startsWith("BranchVault audit checkpoint\n"));
        const qint64 checkpointSeq = taken.json().value(QStringLiteral("seq")).toInteger();
        QVERIFY(checkpointSeq > 20);
        QVERIFY(checkpointText.contains(
            QByteArray("hash: ").append(taken.json().value(QStringLiteral("hash")).toString().toLatin1())));
        Run overwrite = as(QStringLiteral("u1"),
            {QStringLiteral("audit"), QStringLiteral("checkpoint"), QStringLiteral("--out"), checkpoint});
        QCOMPARE(overwrite.status, exitStatusFor(ErrorCode::AlreadyExists));
        QCOMPARE(readFile(checkpoint), checkpointText);

        Run against = as(QStringLiteral("u1"),
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
        Run mismatch = as(QStringLiteral("u1"),
            {QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--checkpoint"), forgedPath});
        QCOMPARE(mismatch.status, exitStatusFor(ErrorCode::Damaged));
        QCOMPARE(mismatch.errLines(), 1);
        QVERIFY2(mismatch.err.contains(QStringLiteral("row %1").arg(checkpointSeq).toUtf8()), mismatch.err.constData());
        QVERIFY(mismatch.out.isEmpty());
        Run missingCheckpoint = as(QStringLiteral("u1"),
            {QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--checkpoint"),
                dir.file(QStringLiteral("none.txt"))});
        QCOMPARE(missingCheckpoint.status, exitStatusFor(ErrorCode::NotFound));

        // the request rows, in order, with the customer number and without the free text
        Run requestRows = as(QStringLiteral("u1"),
            {QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--json"), QStringLiteral("--action"),
                QStringLiteral("request.")});
        QCOMPARE(requestRows.status, 0);
        const QJsonArray rows = requestRows.json().value(QStringLiteral("rows")).toArray();
        QStringList actions;
        for (const QJsonValue& value : rows) {
            const QJsonObject row = value.toObject();
            actions << row.value(QStringLiteral("action")).toString();
            QCOMPARE(row.value(QStringLiteral("customerNo")).toString(), customerNo);
            QCOMPARE(row.value(QStringLiteral("objectType")).toString(), QStringLiteral("request"));
            QCOMPARE(row.value(QStringLiteral("hash")).toString().size(), 64);
            QCOMPARE(row.value(QStringLiteral("prevHash")).toString().size(), 64);
            QVERIFY(row.value(QStringLiteral("details")).isObject());
            QVERIFY(row.value(QStringLiteral("at")).toString().endsWith(QLatin1Char('Z')));
        }
        QCOMPARE(actions,
            (QStringList {QStringLiteral("request.create"), QStringLiteral("request.approve"),
                QStringLiteral("request.create"), QStringLiteral("request.reject"), QStringLiteral("request.revoke"),
                QStringLiteral("request.create"), QStringLiteral("request.withdraw")}));
        QCOMPARE(rows.at(0).toObject().value(QStringLiteral("objectId")).toString(), QString::number(r1));
        QCOMPARE(rows.at(0).toObject().value(QStringLiteral("login")).toString(), QStringLiteral("c1"));
        QVERIFY(!requestRows.out.contains(purpose.toUtf8()));
        QVERIFY(!requestRows.out.contains("work finished"));

        // the user filter: --login, or a second --user
        Run byLogin = as(QStringLiteral("u1"),
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
            QStringLiteral("--db"), m_db, QStringLiteral("--user"), QStringLiteral("u1"), QStringLiteral("--user"),
            QStringLiteral("c1")};
        Run bySecondUser = cli(secondUserArgs, passwordOf(QStringLiteral("u1")).toUtf8() + "\n");
        QCOMPARE(bySecondUser.status, 0);
        QCOMPARE(bySecondUser.json().value(QStringLiteral("rows")).toArray(), c1Rows);
        Run twoFilters = cli(QStringList(secondUserArgs) << QStringLiteral("--login") << QStringLiteral("m1"),
            passwordOf(QStringLiteral("u1")).toUtf8() + "\n");
        QCOMPARE(twoFilters.status, exitStatusFor(ErrorCode::InvalidInput));

        // text output: one line per row; --limit and --after page through the log
        Run firstPage = as(QStringLiteral("u1"),
            {QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("3"),
                QStringLiteral("--json")});
        QCOMPARE(firstPage.status, 0);
        QCOMPARE(firstPage.json().value(QStringLiteral("rows")).toArray().size(), 3);
        QCOMPARE(firstPage.json().value(QStringLiteral("nextAfter")).toInteger(), 3);
        Run secondPage = as(QStringLiteral("u1"),
            {QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("2"),
                QStringLiteral("--after"), QStringLiteral("3")});
        QCOMPARE(secondPage.status, 0);
        const QList<QByteArray> lines = secondPage.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines.at(0).trimmed().startsWith("4 "));
        QVERIFY(lines.at(1).trimmed().startsWith("5 "));
        QVERIFY(secondPage.err.contains("--after 5"));

        // TIME filters: a date is 00:00 branch time; --until is exclusive
        Run past = as(QStringLiteral("u1"),
            {QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--json"), QStringLiteral("--until"),
                QStringLiteral("2000-01-01")});
        QCOMPARE(past.status, 0);
        QCOMPARE(past.json().value(QStringLiteral("rows")).toArray().size(), 0);
        const QString yesterday = QDate::currentDate().addDays(-1).toString(Qt::ISODate);
        Run recent = as(QStringLiteral("u1"),
            {QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--json"), QStringLiteral("--since"),
                yesterday, QStringLiteral("--outcome"), QStringLiteral("denied")});
        QCOMPARE(recent.status, 0);
        const QJsonArray denied = recent.json().value(QStringLiteral("rows")).toArray();
        QCOMPARE(denied.size(), 1); // m1's own approval
        QCOMPARE(denied.at(0).toObject().value(QStringLiteral("login")).toString(), QStringLiteral("m1"));
        QCOMPARE(denied.at(0).toObject().value(QStringLiteral("objectId")).toString(), QString::number(r2));
        Run badTime = as(QStringLiteral("u1"),
            {QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--since"),
                QStringLiteral("last tuesday")});
        QCOMPARE(badTime.status, exitStatusFor(ErrorCode::InvalidInput));
        QCOMPARE(badTime.errLines(), 1);
        QVERIFY(badTime.err.contains("UTC+8"));

        // CSV export: UTF-8 with BOM, never over an existing file
        const QString csv = dir.file(QStringLiteral("audit.csv"));
        Run exported = as(QStringLiteral("u1"),
            {QStringLiteral("audit"), QStringLiteral("export"), QStringLiteral("--out"), csv,
                QStringLiteral("--action"), QStringLiteral("request."), QStringLiteral("--json")});
        QCOMPARE(exported.status, 0);
        QCOMPARE(exported.json().value(QStringLiteral("rows")).toInteger(), 7);
        const QByteArray csvBytes = readFile(csv);
        QVERIFY(csvBytes.startsWith("\xEF\xBB\xBFseq,time_utc,"));
        QCOMPARE(csvBytes.count("request."), 7);
        Run exportAgain = as(
            QStringLiteral("u1"), {QStringLiteral("audit"), QStringLiteral("export"), QStringLiteral("--out"), csv});
        QCOMPARE(exportAgain.status, exitStatusFor(ErrorCode::AlreadyExists));
        QCOMPARE(exportAgain.errLines(), 1);
        QCOMPARE(readFile(csv), csvBytes);

        Run alerts
            = as(QStringLiteral("u1"), {QStringLiteral("audit"), QStringLiteral("alerts"), QStringLiteral("--json")});
        QCOMPARE(alerts.status, 0);
        QVERIFY(alerts.json().value(QStringLiteral("alerts")).isArray());
        const QDateTime since
            = QDateTime::fromString(alerts.json().value(QStringLiteral("since")).toString(), Qt::ISODateWithMs);
        const QDateTime until
            = QDateTime::fromString(alerts.json().value(QStringLiteral("until")).toString(), Qt::ISODateWithMs);
        QCOMPARE(since.daysTo(until), 30);
        // TIME: a date is 00:00 branch time (UTC+8), a date-time without offset is branch time, Z and
        // offsets are honoured; the period comes back in UTC
        Run period = as(QStringLiteral("u1"),
            {QStringLiteral("audit"), QStringLiteral("alerts"), QStringLiteral("--json"), QStringLiteral("--since"),
                QStringLiteral("2026-03-01"), QStringLiteral("--until"), QStringLiteral("2026-03-02 08:30")});
        QCOMPARE(period.status, 0);
        QCOMPARE(period.json().value(QStringLiteral("since")).toString(), QStringLiteral("2026-02-28T16:00:00.000Z"));
        QCOMPARE(period.json().value(QStringLiteral("until")).toString(), QStringLiteral("2026-03-02T00:30:00.000Z"));
        Run zoned = as(QStringLiteral("u1"),
            {QStringLiteral("audit"), QStringLiteral("alerts"), QStringLiteral("--json"), QStringLiteral("--since"),
                QStringLiteral("2026-03-01T08:30:00Z"), QStringLiteral("--until"),
                QStringLiteral("2026-03-02T08:30+02:00")});
        QCOMPARE(zoned.status, 0);
        QCOMPARE(zoned.json().value(QStringLiteral("since")).toString(), QStringLiteral("2026-03-01T08:30:00.000Z"));
        QCOMPARE(zoned.json().value(QStringLiteral("until")).toString(), QStringLiteral("2026-03-02T06:30:00.000Z"));
        Run backwards = as(QStringLiteral("u1"),
            {QStringLiteral("audit"), QStringLiteral("alerts"), QStringLiteral("--since"), QStringLiteral("2026-03-02"),
                QStringLiteral("--until"), QStringLiteral("2026-03-01")});
        QCOMPARE(backwards.status, exitStatusFor(ErrorCode::InvalidInput));

        // only the auditor reads the log; the administrator may verify it
        Run customerManager = as(QStringLiteral("c1"), {QStringLiteral("audit"), QStringLiteral("list")});
        QCOMPARE(customerManager.status, exitStatusFor(ErrorCode::PermissionDenied));
        QCOMPARE(customerManager.errLines(), 1);
        QVERIFY(customerManager.out.isEmpty());
        Run adminVerify = cli(
            admin({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--db"), m_db}), adminPassword());
        QCOMPARE(adminVerify.status, 0);
        QVERIFY(adminVerify.out.contains("intact"));
        Run adminList = cli(
            admin({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--db"), m_db}), adminPassword());
        QCOMPARE(adminList.status, exitStatusFor(ErrorCode::PermissionDenied));
        QVERIFY(adminList.out.isEmpty());

        // the reads above are on record, and the chain still verifies against the checkpoint
        Run reads = as(QStringLiteral("u1"),
            {QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--json"), QStringLiteral("--action"),
                QStringLiteral("audit."), QStringLiteral("--after"), QString::number(checkpointSeq)});
        QCOMPARE(reads.status, 0);
        QSet<QString> auditActions;
        for (const QJsonValue& value : reads.json().value(QStringLiteral("rows")).toArray())
            auditActions << value.toObject().value(QStringLiteral("action")).toString();
        for (const char* action : {"audit.checkpoint", "audit.verify", "audit.read", "audit.export", "audit.alerts"})
            QVERIFY2(auditActions.contains(QString::fromLatin1(action)), action);
        QCOMPARE(as(QStringLiteral("u1"),
                     {QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--checkpoint"), checkpoint})
                     .status,
            0);
    }
};

QTEST_GUILESS_MAIN(TestCliRequests)
#include "tst_cli_requests.moc"
