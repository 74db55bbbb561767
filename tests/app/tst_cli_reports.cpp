// branchvault-cli for controlled reports and the print register (DESIGN §8), the way a branch does it: a
// manager asks for a roster with masked identities, a second manager approves, the roster is printed to
// a controlled PDF, a colleague signs for it, it is lent and returned and destroyed under a witness, and
// the auditor traces the printout from a picture of one page. The PDF is read back with poppler's
// pdftotext and pdftoppm, independent of the code that wrote it.
#include "core/policy/FieldCatalogue.h"
#include "tests/testsupport/CliRunner.h"
#include "tests/testsupport/TestData.h"
#include "tests/testsupport/TestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace bv;
using namespace bv::test;

using Run = CliRun;

class TestCliReports : public QObject
{
    Q_OBJECT
private:
    CliRunner m_cli;
    QByteArray m_seen; // every output, checked at the end for full grade-1 values

    Run as(const QString& login, const QStringList& arguments, const QByteArray& input = QByteArray())
    {
        Run run = m_cli.as(login, arguments, input);
        m_seen += run.out + run.err;
        return run;
    }

    static QByteArray tool(const QString& program, const QStringList& arguments)
    {
        QProcess process;
        process.start(program, arguments);
        if (!process.waitForFinished(60000) || process.exitCode() != 0)
            return QByteArray();
        return process.readAllStandardOutput();
    }

    static QJsonObject copyOf(const Run& list, const QString& serial, int copy)
    {
        for (const QJsonValue& value : list.json().value(QStringLiteral("copies")).toArray()) {
            const QJsonObject entry = value.toObject();
            if (entry.value(QStringLiteral("serial")).toString() == serial
                && entry.value(QStringLiteral("copy")).toInt() == copy)
                return entry;
        }
        return QJsonObject();
    }

private slots:
    void initTestCase()
    {
        const QString problem = CliRunner::environmentProblem();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        for (const char* program : {"pdftotext", "pdftoppm"})
            QVERIFY2(!QStandardPaths::findExecutable(QString::fromLatin1(program)).isEmpty(),
                "poppler-utils is missing: tools/dev.sh setup installs it");
    }

    void help()
    {
        const Run help = m_cli.run({QStringLiteral("--help")});
        QCOMPARE(help.status, 0);
        QVERIFY(help.out.contains("report list"));
        QVERIFY(help.out.contains("print-register list"));
        const Run noSub = m_cli.run({QStringLiteral("print-register")});
        QCOMPARE(noSub.status, exitStatusFor(ErrorCode::InvalidInput));
        QCOMPARE(noSub.errLines(), 1);
    }

    void rosterFromRequestToDestruction()
    {
        TempDatabaseDir dir;
        m_cli.setDatabase(dir.databasePath());
        QVERIFY(!m_cli.initDatabase(m_cli.database()).isEmpty());
        QVERIFY(m_cli.useCheapPasswordHashing());
        for (const auto& [login, role] : {std::pair {"m1", "manager"}, {"m2", "manager"}, {"u1", "auditor"},
                 {"c1", "customer_manager"}, {"k1", "clerk"}})
            QVERIFY(m_cli.addUser(QString::fromLatin1(login), QString::fromLatin1(role)));

        // one customer, entered by c1 and approved by m1
        const CustomerInput input = customerInput(7);
        Run added = as(QStringLiteral("c1"),
            {QStringLiteral("customer"), QStringLiteral("add"), QStringLiteral("--json")}, customerDocument(input));
        QVERIFY2(added.status == 0, added.err.constData());
        Run approved = as(QStringLiteral("m1"),
            {QStringLiteral("approvals"), QStringLiteral("approve"),
                QString::number(added.json().value(QStringLiteral("changeId")).toInteger()), QStringLiteral("--reason"),
                QStringLiteral("documents checked")},
            input.values.value(QString::fromLatin1(fields::IdNumber)).toUtf8() + "\n"); // blind re-key
        QVERIFY2(approved.status == 0, approved.err.constData());

        // --- the catalogue is per role; the clerk runs nothing ---
        Run adminList = m_cli.run(CliRunner::admin({QStringLiteral("report"), QStringLiteral("list"),
                                      QStringLiteral("--db"), m_cli.database(), QStringLiteral("--json")}),
            CliRunner::adminPassword());
        QCOMPARE(adminList.status, 0);
        const QJsonArray adminReports = adminList.json().value(QStringLiteral("reports")).toArray();
        QCOMPARE(adminReports.size(), 1);
        QCOMPARE(
            adminReports.at(0).toObject().value(QStringLiteral("key")).toString(), QStringLiteral("account_roster"));
        Run clerkList
            = as(QStringLiteral("k1"), {QStringLiteral("report"), QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY(clerkList.status != 0 || clerkList.json().value(QStringLiteral("reports")).toArray().isEmpty());
        Run managerList = as(QStringLiteral("m1"), {QStringLiteral("report"), QStringLiteral("list")});
        QCOMPARE(managerList.status, 0);
        QVERIFY(managerList.out.contains("customer_list"));
        QVERIFY(!managerList.out.contains("audit_summary"));

        // --- a roster without identities prints as text; with identities it needs an approval ---
        Run plain = as(
            QStringLiteral("m1"), {QStringLiteral("report"), QStringLiteral("run"), QStringLiteral("customer_list")});
        QVERIFY2(plain.status == 0, plain.err.constData());
        const QStringList withIdentities {QStringLiteral("report"), QStringLiteral("run"),
            QStringLiteral("customer_list"), QStringLiteral("--param"), QStringLiteral("with_identities=true")};
        const QString pdf = dir.file(QStringLiteral("roster.pdf"));
        Run noGrant = as(QStringLiteral("m1"), withIdentities + QStringList {QStringLiteral("--pdf"), pdf});
        QCOMPARE(noGrant.status, exitStatusFor(ErrorCode::PermissionDenied));
        QCOMPARE(noGrant.errLines(), 1);
        QVERIFY(!QFile::exists(pdf));

        Run filed = as(QStringLiteral("m1"),
            {QStringLiteral("request"), QStringLiteral("create"), QStringLiteral("--type"), QStringLiteral("print"),
                QStringLiteral("--report"), QStringLiteral("customer_list"), QStringLiteral("--purpose"),
                QStringLiteral("annual customer review"), QStringLiteral("--days"), QStringLiteral("1"),
                QStringLiteral("--json")});
        QVERIFY2(filed.status == 0, filed.err.constData());
        const QString requestId = QString::number(filed.json().value(QStringLiteral("id")).toInteger());
        Run granted = as(QStringLiteral("m2"),
            {QStringLiteral("request"), QStringLiteral("approve"), requestId, QStringLiteral("--reason"),
                QStringLiteral("review planned")});
        QVERIFY2(granted.status == 0, granted.err.constData());

        // grade-1 values never go to the terminal, even masked
        Run onTerminal = as(QStringLiteral("m1"), withIdentities);
        QCOMPARE(onTerminal.status, exitStatusFor(ErrorCode::PermissionDenied));
        QVERIFY(onTerminal.err.contains("--pdf"));

        Run printed = as(QStringLiteral("m1"),
            withIdentities + QStringList {QStringLiteral("--pdf"), pdf, QStringLiteral("--json")});
        QVERIFY2(printed.status == 0, printed.err.constData());
        const QString serial = printed.json().value(QStringLiteral("serial")).toString();
        QVERIFY(serial.startsWith(QStringLiteral("PR-")));
        QVERIFY(QFile::exists(pdf));
        // the approval was single use
        Run again = as(QStringLiteral("m1"),
            withIdentities + QStringList {QStringLiteral("--pdf"), dir.file(QStringLiteral("again.pdf"))});
        QCOMPARE(again.status, exitStatusFor(ErrorCode::PermissionDenied));

        // every page carries the controlled mark and the serial (read by poppler, not by our code)
        const QString text = QString::fromUtf8(
            tool(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")}));
        QVERIFY(text.contains(serial));
        QVERIFY(text.contains(QStringLiteral("受控文件")) || text.contains(QStringLiteral("CONTROLLED")));
        for (const QString& page : text.split(QLatin1Char('\f'), Qt::SkipEmptyParts)) {
            if (!page.trimmed().isEmpty())
                QVERIFY(page.contains(serial));
        }

        // --- the lifecycle: signed for, lent (at most three days), returned, destroyed under a witness ---
        const QString copy1 = serial + QStringLiteral("/1");
        QByteArray wrong = "not-the-password\n";
        Run badReceipt = as(QStringLiteral("m1"),
            {QStringLiteral("print-register"), QStringLiteral("receive"), copy1, QStringLiteral("--login"),
                QStringLiteral("m2")},
            wrong);
        QVERIFY(badReceipt.status != 0);
        QCOMPARE(badReceipt.errLines(), 1);
        Run received = as(QStringLiteral("m1"),
            {QStringLiteral("print-register"), QStringLiteral("receive"), copy1, QStringLiteral("--login"),
                QStringLiteral("m2")},
            CliRunner::passwordOf(QStringLiteral("m2")).toUtf8() + "\n");
        QVERIFY2(received.status == 0, received.err.constData());
        Run tooLong = as(QStringLiteral("m1"),
            {QStringLiteral("print-register"), QStringLiteral("lend"), copy1, QStringLiteral("--to"),
                QStringLiteral("head office audit"), QStringLiteral("--days"), QStringLiteral("4")});
        QVERIFY(tooLong.status != 0);
        QCOMPARE(tooLong.errLines(), 1);
        Run lent = as(QStringLiteral("m1"),
            {QStringLiteral("print-register"), QStringLiteral("lend"), copy1, QStringLiteral("--to"),
                QStringLiteral("head office audit"), QStringLiteral("--days"), QStringLiteral("2")});
        QVERIFY2(lent.status == 0, lent.err.constData());
        Run destroyWhileLent = as(QStringLiteral("m1"),
            {QStringLiteral("print-register"), QStringLiteral("destroy"), copy1, QStringLiteral("--witness"),
                QStringLiteral("u1"), QStringLiteral("--method"), QStringLiteral("shredded")},
            CliRunner::passwordOf(QStringLiteral("u1")).toUtf8() + "\n");
        QVERIFY(destroyWhileLent.status != 0);
        Run returned = as(QStringLiteral("m1"), {QStringLiteral("print-register"), QStringLiteral("return"), copy1});
        QVERIFY2(returned.status == 0, returned.err.constData());
        Run selfWitness = as(QStringLiteral("m1"),
            {QStringLiteral("print-register"), QStringLiteral("destroy"), copy1, QStringLiteral("--witness"),
                QStringLiteral("m1"), QStringLiteral("--method"), QStringLiteral("shredded")},
            CliRunner::passwordOf(QStringLiteral("m1")).toUtf8() + "\n");
        QVERIFY(selfWitness.status != 0);
        Run destroyed = as(QStringLiteral("m1"),
            {QStringLiteral("print-register"), QStringLiteral("destroy"), copy1, QStringLiteral("--witness"),
                QStringLiteral("u1"), QStringLiteral("--method"), QStringLiteral("shredded")},
            CliRunner::passwordOf(QStringLiteral("u1")).toUtf8() + "\n");
        QVERIFY2(destroyed.status == 0, destroyed.err.constData());

        Run listed = as(QStringLiteral("u1"),
            {QStringLiteral("print-register"), QStringLiteral("list"), QStringLiteral("--all"),
                QStringLiteral("--json")});
        QVERIFY2(listed.status == 0, listed.err.constData());
        const QJsonObject entry = copyOf(listed, serial, 1);
        QCOMPARE(entry.value(QStringLiteral("state")).toString(), QStringLiteral("destroyed"));
        QCOMPARE(entry.value(QStringLiteral("printedBy")).toString(), QStringLiteral("m1"));
        QCOMPARE(entry.value(QStringLiteral("approvedBy")).toString(), QStringLiteral("m2"));
        QStringList kinds;
        for (const QJsonValue& e : entry.value(QStringLiteral("events")).toArray())
            kinds << e.toObject().value(QStringLiteral("kind")).toString();
        QCOMPARE(kinds,
            (QStringList {QStringLiteral("printed"), QStringLiteral("received"), QStringLiteral("lent"),
                QStringLiteral("returned"), QStringLiteral("destroyed")}));
        Run intact = as(QStringLiteral("u1"), {QStringLiteral("print-register"), QStringLiteral("verify")});
        QVERIFY2(intact.status == 0, intact.err.constData());

        // --- the auditor traces the printout from a picture of its first page ---
        const QString prefix = dir.file(QStringLiteral("page"));
        tool(QStringLiteral("pdftoppm"),
            {QStringLiteral("-r"), QStringLiteral("150"), QStringLiteral("-png"), QStringLiteral("-f"),
                QStringLiteral("1"), QStringLiteral("-l"), QStringLiteral("1"), QStringLiteral("-singlefile"), pdf,
                prefix});
        const QString png = prefix + QStringLiteral(".png");
        QVERIFY(QFile::exists(png));
        Run traced = as(QStringLiteral("u1"),
            {QStringLiteral("print-register"), QStringLiteral("trace"), QStringLiteral("--image"), png,
                QStringLiteral("--json")});
        QVERIFY2(traced.status == 0, traced.err.constData());
        const QJsonObject trace = traced.json().value(QStringLiteral("traces")).toArray().at(0).toObject();
        QCOMPARE(trace.value(QStringLiteral("verdict")).toString(), QStringLiteral("genuine"));
        QCOMPARE(trace.value(QStringLiteral("page")).toInt(), 1);
        QCOMPARE(trace.value(QStringLiteral("entry")).toObject().value(QStringLiteral("serial")).toString(), serial);
        QCOMPARE(trace.value(QStringLiteral("entry")).toObject().value(QStringLiteral("state")).toString(),
            QStringLiteral("destroyed"));
        Run forged = as(QStringLiteral("u1"),
            {QStringLiteral("print-register"), QStringLiteral("trace"),
                QStringLiteral("BVP1|") + serial + QStringLiteral("|1|1|00000000000000000000"),
                QStringLiteral("--json")});
        QVERIFY2(forged.status == 0, forged.err.constData());
        QCOMPARE(forged.json()
                     .value(QStringLiteral("traces"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("verdict"))
                     .toString(),
            QStringLiteral("mac_mismatch"));
        Run stranger = as(QStringLiteral("u1"),
            {QStringLiteral("print-register"), QStringLiteral("trace"), QStringLiteral("hello world"),
                QStringLiteral("--json")});
        QCOMPARE(stranger.json()
                     .value(QStringLiteral("traces"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("verdict"))
                     .toString(),
            QStringLiteral("not_branchvault"));
        // the customer manager may not trace, the clerk may not list
        QVERIFY(
            as(QStringLiteral("c1"), {QStringLiteral("print-register"), QStringLiteral("trace"), serial}).status != 0);
        QVERIFY(as(QStringLiteral("k1"), {QStringLiteral("print-register"), QStringLiteral("list")}).status != 0);

        // no full grade-1 value of the customer in any output (the roster held masked identities only)
        for (const char* key : {fields::Name, fields::IdNumber, fields::Mobile}) {
            const QString full = input.values.value(QString::fromLatin1(key));
            QVERIFY(!full.isEmpty());
            QVERIFY2(!m_seen.contains(full.toUtf8()), key);
            QVERIFY2(!text.contains(full), key);
        }
    }
};

QTEST_GUILESS_MAIN(TestCliReports)
#include "tst_cli_reports.moc"
