// The auditor's front door (AuditService, DESIGN §7): only the auditor reads, exports, checkpoints,
// purges and sees alerts (the administrator may verify); every refusal and every use is itself in the
// log; filters; the CSV export (BOM, RFC 4180, formula guard, never overwrites, keyset paging); the
// retention purge and its 180-day floor; the five alerts with their thresholds, in branch time.
#include "core/audit/AuditActions.h"
#include "core/audit/AuditService.h"
#include "core/auth/AuthService.h"
#include "core/customers/rules/WorkingCalendar.h"
#include "core/internal/CoreInternal.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/db/Database.h"
#include "core/internal/db/Transaction.h"
#include "core/internal/policy/AccessControl.h"
#include "core/internal/policy/SettingsWriter.h"
#include "core/policy/SettingsService.h"
#include "tests/testsupport/TestCore.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace bv;
using namespace bv::test;

namespace {

QStringList grade1Findings(const QList<AuditRow>& rows)
{
    static const QRegularExpression mobile(QStringLiteral("(?<![0-9A-Za-z])1[3-9][0-9]{9}(?![0-9A-Za-z])"));
    static const QRegularExpression idNumber(QStringLiteral("(?<![0-9A-Za-z])[0-9]{17}[0-9Xx](?![0-9A-Za-z])"));
    QStringList findings;
    for (const AuditRow& row : rows) {
        for (const QString& text : {row.details, row.objectId, row.customerNo}) {
            if (mobile.match(text).hasMatch() || idNumber.match(text).hasMatch())
                findings << QStringLiteral("seq %1 (%2)").arg(row.seq).arg(row.action);
        }
    }
    return findings;
}

// A strict RFC 4180 reader for checking the export: records end with CRLF outside quotes only; a quote
// inside an unquoted field makes the text malformed (empty result).
QList<QStringList> parseCsv(const QString& text)
{
    QList<QStringList> records;
    QStringList fields;
    QString field;
    bool quoted = false;
    bool wasQuoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    field += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field += c;
            }
            continue;
        }
        if (c == QLatin1Char('"')) {
            if (!field.isEmpty() || wasQuoted)
                return {};
            quoted = wasQuoted = true;
        } else if (c == QLatin1Char(',')) {
            fields << field;
            field.clear();
            wasQuoted = false;
        } else if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n')) {
            fields << field;
            records << fields;
            fields.clear();
            field.clear();
            wasQuoted = false;
            ++i;
        } else {
            if (wasQuoted)
                return {};
            field += c;
        }
    }
    if (quoted)
        return {};
    if (!field.isEmpty() || !fields.isEmpty()) {
        fields << field;
        records << fields;
    }
    return records;
}

QDateTime branchTime(int month, int day, int hour, int minute = 0)
{
    return QDateTime(QDate(2026, month, day), QTime(hour, minute), WorkingCalendar::branchTimeZone()).toUTC();
}

QJsonObject detailsOf(const AuditRow& row)
{
    return QJsonDocument::fromJson(row.details.toUtf8()).object();
}

const QStringList kHeader {QStringLiteral("seq"), QStringLiteral("time_utc"), QStringLiteral("workstation"),
    QStringLiteral("login"), QStringLiteral("role"), QStringLiteral("action"), QStringLiteral("object_type"),
    QStringLiteral("object_id"), QStringLiteral("customer_no"), QStringLiteral("outcome"), QStringLiteral("details"),
    QStringLiteral("hash_hex")};

} // namespace

class TestAuditService : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestCore> t;
    int m_rotation = 0;

    AuditService& service() { return t->core->audit(); }
    AuditLog& log() { return internalsOf(*t->core).auditLog(); }
    Database& db() { return t->vault->database(); }

    // The purge needs the database for its transaction; this service is wired with it (see coreWiresPurge).
    std::unique_ptr<AuditService> purger()
    {
        return std::make_unique<AuditService>(
            db(), log(), internalsOf(*t->core).access(), t->core->settings(), t->clock);
    }

    static Actor actor(qint64 id, const QString& login, Role role)
    {
        return Actor {id, login, login, role, QStringLiteral("0001"), QStringLiteral("s%1").arg(id)};
    }
    static Actor li() { return actor(201, QStringLiteral("li"), Role::Clerk); }
    static Actor zhou() { return actor(202, QStringLiteral("zhou"), Role::Clerk); }
    static Actor qian() { return actor(203, QStringLiteral("qian"), Role::Clerk); }
    static Actor wang() { return actor(204, QStringLiteral("wang"), Role::Manager); }
    static Actor liu() { return actor(205, QStringLiteral("liu"), Role::Manager); }
    static Actor zhang() { return actor(206, QStringLiteral("zhang"), Role::CustomerManager); }
    static Actor typed(const QString& login)
    {
        Actor someone;
        someone.login = login;
        return someone;
    }

    // Appends one row at the mock clock's time and returns its seq (0 on failure).
    qint64 add(const Actor& who, const char* action, const QString& objectType, const QString& objectId,
        const QString& customerNo = QString(), AuditOutcome outcome = AuditOutcome::Ok, const QJsonObject& details = {})
    {
        if (!log()
                 .append(
                     who, AuditEvent {QString::fromLatin1(action), objectType, objectId, customerNo, outcome, details})
                 .ok())
            return 0;
        auto head = log().head();
        return head.ok() ? head->seq : 0;
    }
    qint64 lookup(const Actor& who, const QString& customerNo)
    {
        return add(who, audit::CustomerLookup, QStringLiteral("customer"), customerNo, customerNo, AuditOutcome::Ok,
            QJsonObject {{QStringLiteral("purpose"), QStringLiteral("柜面业务")}});
    }
    qint64 open(const Actor& who, const QString& customerNo)
    {
        return add(who, audit::CustomerOpen, QStringLiteral("customer"), customerNo, customerNo);
    }

    // A freshly signed-in auditor (the mock clock moves past the idle lock and the password expiry).
    Session auditor()
    {
        auto session = t->signIn(QStringLiteral("audit"));
        if (!session.ok())
            return Session();
        if (internalsOf(*t->core).access().authorize(*session, Operation::ReadAudit).code()
            == ErrorCode::PasswordChangeRequired) {
            const QString next = QStringLiteral("Audit-rotated-%1").arg(++m_rotation);
            if (!t->core->auth()
                     .changePassword(*session, secret(t->passwordOf(QStringLiteral("audit"))), secret(next))
                     .ok())
                return Session();
            t->passwords.insert(QStringLiteral("audit"), next);
        }
        return *session;
    }

    QList<AuditRow> rowsOf(const char* action, const QString& login = QString())
    {
        AuditFilter filter;
        filter.action = QString::fromLatin1(action);
        filter.login = login;
        filter.limit = 100000;
        auto rows = log().rows(filter);
        return rows.ok() ? *rows : QList<AuditRow>();
    }

    static QList<qint64> seqsOf(const QList<AuditRow>& rows)
    {
        QList<qint64> seqs;
        for (const AuditRow& row : rows)
            seqs << row.seq;
        return seqs;
    }

    static QList<AuditAlert> ofKind(const QList<AuditAlert>& alerts, const QString& kind)
    {
        QList<AuditAlert> out;
        for (const AuditAlert& alert : alerts) {
            if (alert.kind == kind)
                out << alert;
        }
        return out;
    }

    qint64 minSeq()
    {
        auto first = db().scalar(QStringLiteral("SELECT min(seq) FROM audit_log"));
        return first.ok() ? first->toLongLong() : -1;
    }

private slots:
    void init()
    {
        t = TestCore::create();
        QVERIFY(t);
        QVERIFY(t->addUser(QStringLiteral("audit"), Role::Auditor).isValid());
    }

    void cleanup()
    {
        if (t) {
            AuditFilter all;
            all.limit = 100000;
            auto rows = log().rows(all);
            QVERIFY(rows.ok());
            QVERIFY(!rows->isEmpty());
            const QStringList findings = grade1Findings(*rows);
            QVERIFY2(findings.isEmpty(), qPrintable(findings.join(QStringLiteral(", "))));
        }
        t.reset();
    }

    // ---- who may do what ----

    void onlyTheAuditorReadsTheLog_data()
    {
        QTest::addColumn<QString>("login");
        QTest::addColumn<int>("role");
        QTest::addColumn<bool>("mayVerify");
        QTest::newRow("admin") << QStringLiteral("admin2") << int(Role::Admin) << true;
        QTest::newRow("manager") << QStringLiteral("wang") << int(Role::Manager) << false;
        QTest::newRow("customer_manager") << QStringLiteral("zhang") << int(Role::CustomerManager) << false;
        QTest::newRow("clerk") << QStringLiteral("li") << int(Role::Clerk) << false;
    }
    void onlyTheAuditorReadsTheLog()
    {
        QFETCH(QString, login);
        QFETCH(int, role);
        QFETCH(bool, mayVerify);
        const Session session = t->addUser(login, Role(role));
        QVERIFY(session.isValid());
        const QString path = t->dir.file(QStringLiteral("refused.csv"));

        BV_COMPARE_CODE(service().list(session, AuditFilter()), ErrorCode::PermissionDenied);
        BV_COMPARE_CODE(service().exportCsv(session, AuditFilter(), path), ErrorCode::PermissionDenied);
        QVERIFY(!QFile::exists(path));
        BV_COMPARE_CODE(service().checkpoint(session), ErrorCode::PermissionDenied);
        BV_COMPARE_CODE(
            service().alerts(session, branchTime(3, 1, 0), branchTime(3, 9, 0)), ErrorCode::PermissionDenied);
        BV_COMPARE_CODE(purger()->purge(session), ErrorCode::PermissionDenied);
        if (mayVerify) {
            auto verification = service().verify(session);
            BV_VERIFY_OK(verification);
            QVERIFY(verification->ok());
            QCOMPARE(rowsOf(audit::AuditVerify, login).size(), 1);
        } else {
            BV_COMPARE_CODE(service().verify(session), ErrorCode::PermissionDenied);
            BV_COMPARE_CODE(service().verifyAgainst(session, QStringLiteral("x")), ErrorCode::PermissionDenied);
        }

        // every refusal is in the log, naming the operation
        QStringList refused;
        for (const AuditRow& row : rowsOf(audit::AccessDenied, login)) {
            QCOMPARE(row.outcome, QStringLiteral("denied"));
            refused << detailsOf(row).value(QStringLiteral("operation")).toString();
        }
        QStringList expected {QStringLiteral("read_audit"), QStringLiteral("export_audit"),
            QStringLiteral("checkpoint_audit"), QStringLiteral("view_alerts"), QStringLiteral("purge_audit")};
        if (!mayVerify)
            expected << QStringLiteral("verify_audit") << QStringLiteral("verify_audit");
        QCOMPARE(refused, expected);
        // and nothing was read, exported or checkpointed
        QCOMPARE(rowsOf(audit::AuditRead).size(), 0);
        QCOMPARE(rowsOf(audit::AuditExport).size(), 0);
        QCOMPARE(rowsOf(audit::AuditCheckpoint).size(), 0);
    }

    void auditorUsesAreAudited()
    {
        const Session session = auditor();
        auto verification = service().verify(session);
        BV_VERIFY_OK(verification);
        QVERIFY(verification->ok());
        QList<AuditRow> verifies = rowsOf(audit::AuditVerify, QStringLiteral("audit"));
        QCOMPARE(verifies.size(), 1);
        QCOMPARE(detailsOf(verifies.constLast()).value(QStringLiteral("result")).toString(), QStringLiteral("intact"));
        QCOMPARE(detailsOf(verifies.constLast()).value(QStringLiteral("rowsChecked")).toInteger(),
            verification->rowsChecked);

        auto text = service().checkpoint(session);
        BV_VERIFY_OK(text);
        auto checkpoint = AuditCheckpoint::parse(*text);
        BV_VERIFY_OK(checkpoint);
        const QList<AuditRow> checkpoints = rowsOf(audit::AuditCheckpoint);
        QCOMPARE(checkpoints.size(), 1);
        // the checkpoint's own audit row comes right after the head it names
        QCOMPARE(checkpoints.constFirst().seq, checkpoint->seq + 1);
        QCOMPARE(detailsOf(checkpoints.constFirst()).value(QStringLiteral("seq")).toInteger(), checkpoint->seq);
        QCOMPARE(detailsOf(checkpoints.constFirst()).value(QStringLiteral("hash")).toString(),
            QString::fromLatin1(checkpoint->hash.toHex()));

        auto against = service().verifyAgainst(session, *text);
        BV_VERIFY_OK(against);
        QVERIFY2(against->ok(), qPrintable(against->problem));
        verifies = rowsOf(audit::AuditVerify, QStringLiteral("audit"));
        QCOMPARE(verifies.size(), 2);
        QCOMPARE(verifies.constLast().objectType, QStringLiteral("checkpoint"));
        QCOMPARE(detailsOf(verifies.constLast()).value(QStringLiteral("checkpointSeq")).toInteger(), checkpoint->seq);

        QString tampered = *text;
        tampered.replace(QStringLiteral("sequence: %1").arg(checkpoint->seq), QStringLiteral("sequence: 1"));
        BV_COMPARE_CODE(service().verifyAgainst(session, tampered), ErrorCode::Damaged);
        verifies = rowsOf(audit::AuditVerify, QStringLiteral("audit"));
        QCOMPARE(verifies.size(), 3);
        QCOMPARE(verifies.constLast().outcome, QStringLiteral("failed"));

        // a broken chain is reported, and its verification recorded as failed
        BV_VERIFY_OK(db().execScript(QStringLiteral("DROP TRIGGER audit_log_no_update;")));
        BV_VERIFY_OK(db().query(QStringLiteral("UPDATE audit_log SET login = 'nobody' WHERE seq = 3")));
        auto broken = service().verify(session);
        BV_VERIFY_OK(broken);
        QVERIFY(!broken->ok());
        QCOMPARE(broken->firstBrokenSeq, qint64(3));
        verifies = rowsOf(audit::AuditVerify, QStringLiteral("audit"));
        QCOMPARE(verifies.constLast().outcome, QStringLiteral("failed"));
        QCOMPARE(detailsOf(verifies.constLast()).value(QStringLiteral("firstBrokenSeq")).toInteger(), qint64(3));
        auto stillAgainst = service().verifyAgainst(session, *text);
        BV_VERIFY_OK(stillAgainst);
        QVERIFY(!stillAgainst->ok());
    }

    // ---- reading with filters ----

    void filtersSelectTheRows()
    {
        t->clock.set(branchTime(3, 3, 10));
        const qint64 r1 = lookup(li(), QStringLiteral("C001"));
        t->clock.advanceSecs(10 * 60);
        const qint64 r2 = open(wang(), QStringLiteral("C002"));
        t->clock.advanceSecs(10 * 60);
        const qint64 r3 = add(typed(QStringLiteral("li")), audit::SignIn, QStringLiteral("user"), QString(), QString(),
            AuditOutcome::Failed, QJsonObject {{QStringLiteral("reason"), QStringLiteral("wrong password")}});
        t->clock.advanceSecs(50 * 60);
        const qint64 r4 = add(li(), audit::CustomerLookup, QStringLiteral("customer"), QStringLiteral("C001"),
            QStringLiteral("C001"), AuditOutcome::Denied);
        t->clock.advanceSecs(10 * 60);
        const qint64 r5 = add(wang(), audit::SignOut, QStringLiteral("user"), QStringLiteral("204"));
        QVERIFY(r1 && r2 && r3 && r4 && r5);
        t->clock.set(branchTime(3, 3, 13));
        const Session session = auditor();

        auto query = [&](AuditFilter filter) {
            auto rows = service().list(session, filter);
            return rows.ok() ? seqsOf(*rows) : QList<qint64> {-1};
        };
        AuditFilter period;
        period.since = branchTime(3, 3, 10);
        period.until = branchTime(3, 3, 11);
        QCOMPARE(query(period), (QList<qint64> {r1, r2, r3}));
        period.until = branchTime(3, 3, 13); // the auditor's sign-in at 13:00 is outside

        AuditFilter byLogin = period;
        byLogin.login = QStringLiteral("li");
        QCOMPARE(query(byLogin), (QList<qint64> {r1, r3, r4}));
        byLogin.login = QStringLiteral("LI");
        QCOMPARE(query(byLogin), (QList<qint64> {r1, r3, r4}));

        AuditFilter byPrefix = period;
        byPrefix.action = QStringLiteral("auth.");
        QCOMPARE(query(byPrefix), (QList<qint64> {r3, r5}));
        byPrefix.action = QString::fromLatin1(audit::CustomerLookup);
        QCOMPARE(query(byPrefix), (QList<qint64> {r1, r4}));

        AuditFilter byCustomer;
        byCustomer.customerNo = QStringLiteral("C001");
        QCOMPARE(query(byCustomer), (QList<qint64> {r1, r4}));

        AuditFilter byOutcome = period;
        byOutcome.outcome = QStringLiteral("denied");
        QCOMPARE(query(byOutcome), (QList<qint64> {r4}));
        byOutcome.outcome = QStringLiteral("failed");
        QCOMPARE(query(byOutcome), (QList<qint64> {r3}));

        // keyset paging
        AuditFilter page = period;
        page.limit = 2;
        QCOMPARE(query(page), (QList<qint64> {r1, r2}));
        page.afterSeq = r2;
        QCOMPARE(query(page), (QList<qint64> {r3, r4}));
        page.afterSeq = r4;
        QCOMPARE(query(page), (QList<qint64> {r5}));

        // every read is recorded with its terms
        const QList<AuditRow> reads = rowsOf(audit::AuditRead, QStringLiteral("audit"));
        QCOMPARE(reads.size(), 11);
        const QJsonObject terms = detailsOf(reads.at(5));
        QCOMPARE(terms.value(QStringLiteral("customerNo")).toString(), QStringLiteral("C001"));
        QCOMPARE(terms.value(QStringLiteral("rows")).toInt(), 2);
        QVERIFY(!terms.contains(QStringLiteral("login")));
        QCOMPARE(detailsOf(reads.at(1)).value(QStringLiteral("login")).toString(), QStringLiteral("li"));
        QCOMPARE(detailsOf(reads.at(0)).value(QStringLiteral("since")).toString(),
            branchTime(3, 3, 10).toString(Qt::ISODateWithMs));
        QCOMPARE(reads.at(0).customerNo, QString()); // a read is not an access to the customer
    }

    // ---- CSV export ----

    void exportWritesSafeCsv()
    {
        t->clock.set(branchTime(3, 3, 10));
        const Actor bob = actor(301, QStringLiteral("@bob"), Role::Manager);
        QList<qint64> seqs;
        seqs << add(bob, audit::CustomerOpen, QStringLiteral("customer"), QStringLiteral("=HYPERLINK(\"http://x\")"),
            QStringLiteral("C100"), AuditOutcome::Ok,
            QJsonObject {{QStringLiteral("note"), QStringLiteral("a, b \"c\" 张*")}});
        seqs << add(li(), audit::CustomerLookup, QStringLiteral("+cmd"), QStringLiteral("+1"), QStringLiteral("-2"));
        seqs << add(li(), audit::CustomerLookup, QStringLiteral("customer"), QStringLiteral("\tcalc"),
            QStringLiteral("C101"), AuditOutcome::Denied);
        seqs << add(li(), audit::CustomerLookup, QStringLiteral("customer"), QStringLiteral("\rcalc"),
            QStringLiteral("C102"), AuditOutcome::Failed);
        seqs << add(zhang(), audit::CustomerEdit, QStringLiteral("customer"), QStringLiteral("第一行\n第二行, 第三段"),
            QStringLiteral("C103"));
        QVERIFY(!seqs.contains(0));
        add(wang(), audit::SignOut, QStringLiteral("user"), QStringLiteral("204")); // not "customer."
        t->clock.advanceSecs(3600);
        const Session session = auditor();

        QVERIFY(QDir(t->dir.path()).mkdir(QStringLiteral("exports")));
        const QString folder = t->dir.file(QStringLiteral("exports"));
        const QString path = folder + QStringLiteral("/audit 审计.csv");
        AuditFilter filter;
        filter.action = QStringLiteral("customer.");
        auto written = service().exportCsv(session, filter, path);
        BV_VERIFY_OK(written);
        QCOMPARE(*written, qint64(5));

        const QByteArray bytes = readFile(path);
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        QVERIFY(bytes.mid(3).startsWith("seq,time_utc,workstation,login,role,action,object_type,object_id,customer_no,"
                                        "outcome,details,hash_hex\r\n"));
        const QList<QStringList> records = parseCsv(QString::fromUtf8(bytes.mid(3)));
        QCOMPARE(records.size(), 6);
        QCOMPARE(records.constFirst(), kHeader);
        for (const QStringList& record : records)
            QCOMPARE(record.size(), kHeader.size());

        AuditFilter all;
        all.action = QStringLiteral("customer.");
        auto rows = log().rows(all);
        BV_VERIFY_OK(rows);
        QCOMPARE(rows->size(), 5);
        for (int i = 0; i < 5; ++i) {
            const QStringList& record = records.at(i + 1);
            const AuditRow& row = rows->at(i);
            QCOMPARE(record.at(0), QString::number(seqs.at(i)));
            QCOMPARE(record.at(1), row.at.toString(Qt::ISODateWithMs));
            QCOMPARE(record.at(2), row.workstation);
            QCOMPARE(record.at(5), row.action);
            QCOMPARE(record.at(9), row.outcome);
            QCOMPARE(record.at(10), row.details); // commas, quotes and CJK survive
            QCOMPARE(record.at(11), QString::fromLatin1(row.hash.toHex()));
        }
        // the formula guard
        QCOMPARE(records.at(1).at(3), QStringLiteral("'@bob"));
        QCOMPARE(records.at(1).at(7), QStringLiteral("'=HYPERLINK(\"http://x\")"));
        QCOMPARE(records.at(2).at(6), QStringLiteral("'+cmd"));
        QCOMPARE(records.at(2).at(7), QStringLiteral("'+1"));
        QCOMPARE(records.at(2).at(8), QStringLiteral("'-2"));
        QCOMPARE(records.at(3).at(7), QStringLiteral("'\tcalc"));
        QCOMPARE(records.at(4).at(7), QStringLiteral("'\rcalc"));
        QCOMPARE(records.at(5).at(7), QStringLiteral("第一行\n第二行, 第三段"));
        QCOMPARE(records.at(1).at(4), QStringLiteral("manager"));
        QCOMPARE(records.at(1).at(8), QStringLiteral("C100"));
        QCOMPARE(
            QJsonDocument::fromJson(records.at(1).at(10).toUtf8()).object().value(QStringLiteral("note")).toString(),
            QStringLiteral("a, b \"c\" 张*"));
        // a quoted cell is quoted in the file exactly as RFC 4180 says
        QVERIFY(bytes.contains(QByteArrayLiteral("\"'=HYPERLINK(\"\"http://x\"\")\"")));

        // the export is recorded with the file name (not the path) and the row count
        const QList<AuditRow> exports = rowsOf(audit::AuditExport);
        QCOMPARE(exports.size(), 1);
        QCOMPARE(exports.constFirst().login, QStringLiteral("audit"));
        QCOMPARE(exports.constFirst().objectId, QStringLiteral("audit 审计.csv"));
        const QJsonObject details = detailsOf(exports.constFirst());
        QCOMPARE(details.value(QStringLiteral("file")).toString(), QStringLiteral("audit 审计.csv"));
        QCOMPARE(details.value(QStringLiteral("rows")).toInteger(), qint64(5));
        QCOMPARE(details.value(QStringLiteral("action")).toString(), QStringLiteral("customer."));
        QVERIFY(!exports.constFirst().details.contains(QStringLiteral("exports")));
        // no temporary file is left beside it
        QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden | QDir::System),
            QStringList {QStringLiteral("audit 审计.csv")});

        // never overwrites
        auto again = service().exportCsv(session, AuditFilter(), path);
        BV_COMPARE_CODE(again, ErrorCode::AlreadyExists);
        QVERIFY(again.error().message.contains(QStringLiteral("audit 审计.csv")));
        QVERIFY(again.error().message.contains(QStringLiteral("Choose another file name")));
        QCOMPARE(readFile(path), bytes);
        QCOMPARE(rowsOf(audit::AuditExport).size(), 1);
        QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden | QDir::System).size(), 1);

        BV_COMPARE_CODE(service().exportCsv(session, AuditFilter(), t->dir.file(QStringLiteral("missing/a.csv"))),
            ErrorCode::NotFound);
    }

    void exportPagesThroughManyRows()
    {
        QList<qint64> seqs;
        {
            Transaction tx(db());
            QVERIFY(tx.ok());
            for (int i = 0; i < 2300; ++i) {
                seqs << add(i % 2 ? li() : wang(), audit::CustomerOpen, QStringLiteral("customer"), QString::number(i),
                    QStringLiteral("C%1").arg(i % 7));
                if (i % 100 == 0)
                    t->clock.advanceSecs(1);
            }
            BV_VERIFY_OK(tx.commit());
        }
        QVERIFY(!seqs.contains(0));
        const Session session = auditor();
        AuditFilter filter;
        filter.action = QString::fromLatin1(audit::CustomerOpen);
        filter.limit = 10; // the page size of a list; an export takes every matching row
        auto written = service().exportCsv(session, filter, t->dir.file(QStringLiteral("all.csv")));
        BV_VERIFY_OK(written);
        QCOMPARE(*written, qint64(2300));
        const QList<QStringList> records
            = parseCsv(QString::fromUtf8(readFile(t->dir.file(QStringLiteral("all.csv"))).mid(3)));
        QCOMPARE(records.size(), 2301);
        QList<qint64> exported;
        for (qsizetype i = 1; i < records.size(); ++i)
            exported << records.at(i).at(0).toLongLong();
        QCOMPARE(exported, seqs);

        filter.afterSeq = seqs.at(99);
        filter.login = QStringLiteral("li");
        written = service().exportCsv(session, filter, t->dir.file(QStringLiteral("li.csv")));
        BV_VERIFY_OK(written);
        QCOMPARE(*written, qint64(1100));
        const QList<QStringList> liRecords
            = parseCsv(QString::fromUtf8(readFile(t->dir.file(QStringLiteral("li.csv"))).mid(3)));
        QCOMPARE(liRecords.size(), 1101);
        QCOMPARE(liRecords.at(1).at(0).toLongLong(), seqs.at(101));
        QCOMPARE(liRecords.constLast().at(0).toLongLong(), seqs.constLast());
    }

    // ---- retention ----

    void retentionSettingCannotGoBelow180Days()
    {
        const QString key = QString::fromLatin1(settings::AuditRetentionDays);
        auto refused = t->core->settings().set(t->admin, key, QStringLiteral("179"));
        BV_COMPARE_CODE(refused, ErrorCode::InvalidInput);
        QVERIFY(refused.error().message.contains(QStringLiteral("180")));
        QCOMPARE(t->core->settings().integer(key), qint64(180));
        BV_VERIFY_OK(t->core->settings().set(t->admin, key, QStringLiteral("400")));
        QCOMPARE(t->core->settings().integer(key), qint64(400));
    }

    void purgeKeepsRowsYoungerThan180Days()
    {
        const qint64 firstSeq = minSeq();
        QCOMPARE(firstSeq, qint64(1));
        t->clock.advanceDays(179);
        auto purged = purger()->purge(auditor());
        BV_VERIFY_OK(purged);
        QCOMPARE(*purged, qint64(0));
        QCOMPARE(minSeq(), firstSeq);
        const QList<AuditRow> purges = rowsOf(audit::AuditPurge);
        QCOMPARE(purges.size(), 1);
        QCOMPARE(purges.constFirst().login, QStringLiteral("audit"));
        QCOMPARE(detailsOf(purges.constFirst()).value(QStringLiteral("rows")).toInt(), 0);
    }

    void purgeRemovesRowsOlderThanRetention()
    {
        auto setupHead = log().head();
        BV_VERIFY_OK(setupHead);
        t->clock.advanceDays(30);
        const qint64 kept = open(wang(), QStringLiteral("C100")); // 170 days old at the purge
        QVERIFY(kept > setupHead->seq);
        t->clock.advanceDays(170);
        const Session session = auditor();

        auto purged = purger()->purge(session);
        BV_VERIFY_OK(purged);
        QCOMPARE(*purged, setupHead->seq);
        QCOMPARE(minSeq(), setupHead->seq + 1);
        AuditFilter customer;
        customer.customerNo = QStringLiteral("C100");
        auto rows = log().rows(customer);
        BV_VERIFY_OK(rows);
        QCOMPARE(seqsOf(*rows), QList<qint64> {kept});

        const QList<AuditRow> purges = rowsOf(audit::AuditPurge);
        QCOMPARE(purges.size(), 1);
        QCOMPARE(purges.constFirst().login, QStringLiteral("audit"));
        QCOMPARE(detailsOf(purges.constFirst()).value(QStringLiteral("rows")).toInteger(), setupHead->seq);
        QCOMPARE(detailsOf(purges.constFirst()).value(QStringLiteral("cutoff")).toString(),
            t->clock.nowUtc().addDays(-180).toString(Qt::ISODateWithMs));

        auto verification = service().verify(session);
        BV_VERIFY_OK(verification);
        QVERIFY2(verification->ok(), qPrintable(verification->problem));
        // purging again right away finds nothing more
        auto again = purger()->purge(session);
        BV_VERIFY_OK(again);
        QCOMPARE(*again, qint64(0));
    }

    void raisedRetentionKeepsRowsLonger()
    {
        BV_VERIFY_OK(t->core->settings().set(
            t->admin, QString::fromLatin1(settings::AuditRetentionDays), QStringLiteral("365")));
        auto setupHead = log().head();
        BV_VERIFY_OK(setupHead);
        t->clock.advanceDays(200);
        auto purged = purger()->purge(auditor());
        BV_VERIFY_OK(purged);
        QCOMPARE(*purged, qint64(0));
        QCOMPARE(minSeq(), qint64(1));
        t->clock.advanceDays(170);
        purged = purger()->purge(auditor());
        BV_VERIFY_OK(purged);
        QCOMPARE(*purged, setupHead->seq);
    }

    void aTamperedRetentionSettingDoesNotShortenRetention()
    {
        const QString key = QString::fromLatin1(settings::AuditRetentionDays);
        BV_VERIFY_OK(db().query(QStringLiteral("INSERT INTO settings (key, value, updated_at) VALUES (?, '30', ?) "
                                               "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
            {key, t->clock.nowUtc().toString(Qt::ISODateWithMs)}));
        BV_VERIFY_OK(t->core->settings().reload());
        QCOMPARE(t->core->settings().integer(key), qint64(180));
        t->clock.advanceDays(100);
        auto purged = purger()->purge(auditor());
        BV_VERIFY_OK(purged);
        QCOMPARE(*purged, qint64(0));
        QCOMPARE(minSeq(), qint64(1));
    }

    // Core must hand the audit service its database for the purge transaction (core/Core.cpp).
    void coreWiresPurge()
    {
        t->clock.advanceDays(200);
        auto purged = service().purge(auditor());
        BV_VERIFY_OK(purged);
        QVERIFY(*purged > 0);
    }

    // ---- alerts ----

    void alertPeriodMustBeValid()
    {
        const Session session = auditor();
        BV_COMPARE_CODE(service().alerts(session, branchTime(3, 4, 0), branchTime(3, 3, 0)), ErrorCode::InvalidInput);
        BV_COMPARE_CODE(service().alerts(session, QDateTime(), branchTime(3, 3, 0)), ErrorCode::InvalidInput);
        auto none = service().alerts(session, branchTime(3, 1, 0), branchTime(3, 9, 0));
        BV_VERIFY_OK(none);
        QCOMPARE(none->size(), 0);
        const QList<AuditRow> views = rowsOf(audit::AuditAlerts);
        QCOMPARE(views.size(), 1);
        QCOMPARE(detailsOf(views.constFirst()).value(QStringLiteral("alerts")).toInt(), 0);
    }

    void clerkLookupsAboveTheHourlyThreshold()
    {
        // li: 21 lookups within 10:00-10:59 branch time; zhou: 20 in the same hour; wang, a manager, 25;
        // qian: 30, but 15 in each of two clock hours
        QList<qint64> liSeqs;
        t->clock.set(branchTime(3, 3, 10));
        for (int i = 0; i < 25; ++i) {
            if (i < 21)
                liSeqs << lookup(li(), QStringLiteral("C%1").arg(i));
            if (i < 20)
                QVERIFY(lookup(zhou(), QStringLiteral("C%1").arg(i)));
            QVERIFY(lookup(wang(), QStringLiteral("C%1").arg(i)));
            t->clock.advanceSecs(2 * 60);
        }
        QVERIFY(!liSeqs.contains(0));
        t->clock.set(branchTime(3, 3, 11, 45));
        for (int i = 0; i < 30; ++i) {
            QVERIFY(lookup(qian(), QStringLiteral("C%1").arg(i)));
            t->clock.advanceSecs(60);
        }
        t->clock.set(branchTime(3, 3, 15));
        const Session session = auditor();

        auto alerts = service().alerts(session, branchTime(3, 3, 0), branchTime(3, 4, 0));
        BV_VERIFY_OK(alerts);
        QCOMPARE(alerts->size(), 1);
        const AuditAlert& alert = alerts->constFirst();
        QCOMPARE(alert.kind, QStringLiteral("clerk_lookups"));
        QCOMPARE(alert.login, QStringLiteral("li"));
        QCOMPARE(alert.count, 21);
        QCOMPARE(alert.seqs, liSeqs);
        QCOMPARE(alert.from, branchTime(3, 3, 10));
        QCOMPARE(alert.to, branchTime(3, 3, 11));
        QVERIFY2(alert.description.contains(QStringLiteral("li")) && alert.description.contains(QStringLiteral("21"))
                && alert.description.contains(QStringLiteral("2026-03-03 10:00"))
                && alert.description.contains(QStringLiteral("20 per hour")),
            qPrintable(alert.description));

        // the period is honoured, and the threshold is a setting ("above": 21 is not above 21)
        auto before = service().alerts(session, branchTime(3, 2, 0), branchTime(3, 3, 10));
        BV_VERIFY_OK(before);
        QCOMPARE(before->size(), 0);
        BV_VERIFY_OK(SettingsWriter::setAs(t->core->settings(), Actor::system(),
            QString::fromLatin1(settings::AlertClerkLookupsPerHour), QStringLiteral("21")));
        auto raised = service().alerts(session, branchTime(3, 3, 0), branchTime(3, 4, 0));
        BV_VERIFY_OK(raised);
        QCOMPARE(raised->size(), 0);
        BV_VERIFY_OK(SettingsWriter::setAs(t->core->settings(), Actor::system(),
            QString::fromLatin1(settings::AlertClerkLookupsPerHour), QStringLiteral("14")));
        auto lowered = service().alerts(session, branchTime(3, 3, 0), branchTime(3, 4, 0));
        BV_VERIFY_OK(lowered);
        QStringList who;
        for (const AuditAlert& each : *lowered)
            who << each.login + QLatin1Char(':') + QString::number(each.count);
        QCOMPARE(who,
            (QStringList {QStringLiteral("li:21"), QStringLiteral("zhou:20"), QStringLiteral("qian:15"),
                QStringLiteral("qian:15")}));

        // viewing alerts is recorded with the counts
        const QList<AuditRow> views = rowsOf(audit::AuditAlerts);
        QCOMPARE(views.size(), 4);
        QCOMPARE(detailsOf(views.constFirst()).value(QStringLiteral("alerts")).toInt(), 1);
        QCOMPARE(detailsOf(views.constFirst())
                     .value(QStringLiteral("byKind"))
                     .toObject()
                     .value(QStringLiteral("clerk_lookups"))
                     .toInt(),
            1);
    }

    void sameCustomerOpenedTooOftenInABranchDay()
    {
        QList<qint64> wangC100;
        t->clock.set(branchTime(3, 3, 9));
        for (int i = 0; i < 11; ++i) {
            wangC100 << open(wang(), QStringLiteral("C100"));
            if (i < 10)
                QVERIFY(open(wang(), QStringLiteral("C200")));
            if (i < 5)
                QVERIFY(open(zhang(), QStringLiteral("C100")));
            t->clock.advanceSecs(5 * 60);
        }
        QVERIFY(!wangC100.contains(0));
        // C300: 6 opens before and 6 after midnight branch time; the same UTC day (15:00-17:00 UTC)
        t->clock.set(branchTime(3, 3, 23));
        for (int i = 0; i < 12; ++i) {
            QVERIFY(open(wang(), QStringLiteral("C300")));
            t->clock.advanceSecs(10 * 60);
        }
        t->clock.set(branchTime(3, 4, 9));
        const Session session = auditor();

        auto alerts = service().alerts(session, branchTime(3, 3, 0), branchTime(3, 5, 0));
        BV_VERIFY_OK(alerts);
        const QList<AuditAlert> same = ofKind(*alerts, QStringLiteral("same_customer"));
        QCOMPARE(same.size(), 1);
        QCOMPARE(same.constFirst().login, QStringLiteral("wang"));
        QCOMPARE(same.constFirst().customerNo, QStringLiteral("C100"));
        QCOMPARE(same.constFirst().count, 11);
        QCOMPARE(same.constFirst().seqs, wangC100);
        QCOMPARE(same.constFirst().from, branchTime(3, 3, 0));
        QCOMPARE(same.constFirst().to, branchTime(3, 4, 0));
        QVERIFY2(same.constFirst().description.contains(QStringLiteral("C100"))
                && same.constFirst().description.contains(QStringLiteral("11"))
                && same.constFirst().description.contains(QStringLiteral("2026-03-03")),
            qPrintable(same.constFirst().description));
        // the night-time opens of C300 are after hours, but not too many in one branch day
        QCOMPARE(ofKind(*alerts, QStringLiteral("after_hours")).size(), 2);
        QCOMPARE(alerts->size(), 3);
    }

    void accessOutsideWorkingHours()
    {
        BV_VERIFY_OK(SettingsWriter::setAs(t->core->settings(), Actor::system(),
            QString::fromLatin1(settings::Holidays), QStringLiteral("2026-03-04")));
        BV_VERIFY_OK(SettingsWriter::setAs(t->core->settings(), Actor::system(),
            QString::fromLatin1(settings::ExtraWorkingDays), QStringLiteral("2026-03-08")));
        t->clock.set(branchTime(3, 3, 10));
        QVERIFY(lookup(li(), QStringLiteral("C100"))); // working hours: nothing
        t->clock.set(branchTime(3, 3, 22, 30));
        const qint64 late = lookup(li(), QStringLiteral("C101"));
        t->clock.set(branchTime(3, 3, 23, 10));
        const qint64 later = open(li(), QStringLiteral("C101"));
        QVERIFY(add(li(), audit::SignOut, QStringLiteral("user"), QStringLiteral("201"))); // not a customer row
        QVERIFY(add(Actor::system(), audit::CustomerAnonymise, QStringLiteral("customer"), QStringLiteral("C009"),
            QStringLiteral("C009"))); // a system job, not a signed-in user
        t->clock.set(branchTime(3, 4, 10));
        const qint64 holiday = open(wang(), QStringLiteral("C102"));
        t->clock.set(branchTime(3, 5, 7, 59));
        const qint64 early = lookup(li(), QStringLiteral("C103"));
        t->clock.set(branchTime(3, 5, 8, 0));
        QVERIFY(lookup(li(), QStringLiteral("C103")));
        t->clock.set(branchTime(3, 5, 17, 59));
        QVERIFY(open(zhang(), QStringLiteral("C104")));
        t->clock.set(branchTime(3, 5, 18, 0));
        const qint64 evening = open(zhang(), QStringLiteral("C104"));
        t->clock.set(branchTime(3, 7, 10));
        const qint64 saturday = open(zhang(), QStringLiteral("C105"));
        t->clock.set(branchTime(3, 8, 10));
        QVERIFY(open(zhang(), QStringLiteral("C105"))); // a make-up working Sunday
        QVERIFY(late && later && holiday && early && evening && saturday);
        t->clock.set(branchTime(3, 9, 9));
        const Session session = auditor();

        auto alerts = service().alerts(session, branchTime(3, 2, 0), branchTime(3, 9, 0));
        BV_VERIFY_OK(alerts);
        QCOMPARE(alerts->size(), 5);
        QStringList summary;
        for (const AuditAlert& alert : *alerts) {
            QCOMPARE(alert.kind, QStringLiteral("after_hours"));
            summary << QStringLiteral("%1 %2 %3")
                           .arg(alert.login,
                               alert.from.toTimeZone(WorkingCalendar::branchTimeZone())
                                   .toString(QStringLiteral("MM-dd HH:mm")),
                               QString::number(alert.count));
        }
        QCOMPARE(summary,
            (QStringList {QStringLiteral("li 03-03 22:30 2"), QStringLiteral("wang 03-04 10:00 1"),
                QStringLiteral("li 03-05 07:59 1"), QStringLiteral("zhang 03-05 18:00 1"),
                QStringLiteral("zhang 03-07 10:00 1")}));
        QCOMPARE(alerts->constFirst().seqs, (QList<qint64> {late, later}));
        QCOMPARE(alerts->constFirst().to, branchTime(3, 3, 23, 10));
        QVERIFY2(alerts->constFirst().description.contains(QStringLiteral("22:30"))
                && alerts->constFirst().description.contains(QStringLiteral("outside working hours")),
            qPrintable(alerts->constFirst().description));
        QCOMPARE(alerts->at(1).seqs, QList<qint64> {holiday});
        QVERIFY2(alerts->at(1).description.contains(QStringLiteral("not a working day")),
            qPrintable(alerts->at(1).description));
        QCOMPARE(alerts->at(4).seqs, QList<qint64> {saturday});
    }

    void repeatedFailedSignIns()
    {
        QVERIFY(t->addUser(QStringLiteral("he"), Role::Clerk).isValid());
        const QJsonObject wrong {{QStringLiteral("reason"), QStringLiteral("wrong password")}};
        auto fail = [&](const QString& login, int hour, int minute) {
            t->clock.set(branchTime(3, 3, hour, minute));
            return add(
                typed(login), audit::SignIn, QStringLiteral("user"), QString(), QString(), AuditOutcome::Failed, wrong);
        };
        const QList<qint64> zhao {fail(QStringLiteral("zhao"), 10, 0), fail(QStringLiteral("zhao"), 10, 20),
            fail(QStringLiteral("zhao"), 10, 40)};
        QVERIFY(fail(QStringLiteral("qian"), 10, 5) && fail(QStringLiteral("qian"), 10, 6));
        QVERIFY(fail(QStringLiteral("sun"), 10, 0) && fail(QStringLiteral("sun"), 11, 1)
            && fail(QStringLiteral("sun"), 12, 2));
        // across a clock hour, within sixty minutes
        const QList<qint64> ma {
            fail(QStringLiteral("ma"), 10, 50), fail(QStringLiteral("ma"), 11, 5), fail(QStringLiteral("MA"), 11, 10)};
        // real failures through AuthService
        t->clock.set(branchTime(3, 3, 14));
        for (int i = 0; i < 3; ++i) {
            BV_COMPARE_CODE(t->signIn(QStringLiteral("he"), QStringLiteral("Wrong-pass-%1").arg(i)),
                ErrorCode::AuthenticationFailed);
            t->clock.advanceSecs(60);
        }
        t->clock.set(branchTime(3, 3, 16));
        const Session session = auditor();

        auto alerts = service().alerts(session, branchTime(3, 3, 0), branchTime(3, 4, 0));
        BV_VERIFY_OK(alerts);
        QCOMPARE(alerts->size(), 3);
        for (const AuditAlert& alert : *alerts)
            QCOMPARE(alert.kind, QStringLiteral("failed_sign_ins"));
        QCOMPARE(alerts->at(0).login, QStringLiteral("zhao"));
        QCOMPARE(alerts->at(0).count, 3);
        QCOMPARE(alerts->at(0).seqs, zhao);
        QCOMPARE(alerts->at(0).from, branchTime(3, 3, 10));
        QCOMPARE(alerts->at(0).to, branchTime(3, 3, 10, 40));
        QVERIFY2(alerts->at(0).description.contains(QStringLiteral("zhao"))
                && alerts->at(0).description.contains(QStringLiteral("3 time")),
            qPrintable(alerts->at(0).description));
        QCOMPARE(alerts->at(1).login, QStringLiteral("ma"));
        QCOMPARE(alerts->at(1).seqs, ma);
        QCOMPARE(alerts->at(2).login, QStringLiteral("he"));
        QCOMPARE(alerts->at(2).count, 3);

        // a fourth failure within the hour extends the same alert
        t->clock.set(branchTime(3, 3, 10, 55));
        const qint64 fourth = fail(QStringLiteral("zhao"), 10, 55);
        t->clock.set(branchTime(3, 3, 16, 30));
        alerts = service().alerts(auditor(), branchTime(3, 3, 0), branchTime(3, 4, 0));
        BV_VERIFY_OK(alerts);
        QCOMPARE(ofKind(*alerts, QStringLiteral("failed_sign_ins")).size(), 3);
        QCOMPARE(alerts->at(0).count, 4);
        QCOMPARE(alerts->at(0).seqs, (QList<qint64> {zhao.at(0), zhao.at(1), zhao.at(2), fourth}));
    }

    void grantUsedSoonAfterItsApproval()
    {
        auto approve = [&](const Actor& approver, qint64 request, int hour, int minute) {
            t->clock.set(branchTime(3, 3, hour, minute));
            return add(approver, audit::RequestApprove, QStringLiteral("request"), QString::number(request), QString(),
                AuditOutcome::Ok,
                QJsonObject {{QStringLiteral("request"), request}, {QStringLiteral("reason"), QStringLiteral("同意")}});
        };
        auto use = [&](const Actor& user, qint64 request, int hour, int minute) {
            t->clock.set(branchTime(3, 3, hour, minute));
            return add(user, audit::GrantUse, QStringLiteral("request"), QString::number(request),
                QStringLiteral("C100"), AuditOutcome::Ok,
                QJsonObject {{QStringLiteral("request"), request}, {QStringLiteral("type"), QStringLiteral("reveal")},
                    {QStringLiteral("fields"), QJsonArray {QStringLiteral("mobile")}}});
        };
        const qint64 approved7 = approve(wang(), 7, 10, 0);
        const qint64 used7 = use(zhang(), 7, 10, 5);
        QVERIFY(use(zhang(), 7, 10, 6)); // a second use of the same grant is not another quick grant
        QVERIFY(approve(wang(), 8, 11, 0) && use(zhang(), 8, 11, 30)); // 30 minutes: none
        const qint64 approved10 = approve(liu(), 10, 12, 0);
        const qint64 used10 = use(zhang(), 10, 12, 10); // exactly the threshold: within
        QVERIFY(use(zhang(), 12, 12, 20)); // no approval in sight
        // a use recorded against the customer, naming the request in its details
        const qint64 approved11 = approve(wang(), 11, 13, 0);
        t->clock.set(branchTime(3, 3, 13, 2));
        const qint64 used11 = add(qian(), audit::GrantUse, QStringLiteral("customer"), QStringLiteral("C100"),
            QStringLiteral("C100"), AuditOutcome::Ok, QJsonObject {{QStringLiteral("request"), 11}});
        QVERIFY(approved7 && used7 && approved10 && used10 && approved11 && used11);
        t->clock.set(branchTime(3, 3, 15));
        const Session session = auditor();

        auto alerts = service().alerts(session, branchTime(3, 3, 0), branchTime(3, 4, 0));
        BV_VERIFY_OK(alerts);
        QCOMPARE(alerts->size(), 3);
        for (const AuditAlert& alert : *alerts)
            QCOMPARE(alert.kind, QStringLiteral("quick_grant"));
        QCOMPARE(alerts->at(0).login, QStringLiteral("zhang"));
        QCOMPARE(alerts->at(0).otherLogin, QStringLiteral("wang"));
        QCOMPARE(alerts->at(0).count, 1);
        QCOMPARE(alerts->at(0).seqs, (QList<qint64> {approved7, used7}));
        QCOMPARE(alerts->at(0).from, branchTime(3, 3, 10));
        QCOMPARE(alerts->at(0).to, branchTime(3, 3, 10, 5));
        QVERIFY2(alerts->at(0).description.contains(QStringLiteral("zhang"))
                && alerts->at(0).description.contains(QStringLiteral("wang"))
                && alerts->at(0).description.contains(QStringLiteral("5 min")),
            qPrintable(alerts->at(0).description));
        QCOMPARE(alerts->at(1).otherLogin, QStringLiteral("liu"));
        QCOMPARE(alerts->at(1).seqs, (QList<qint64> {approved10, used10}));
        QCOMPARE(alerts->at(2).login, QStringLiteral("qian"));
        QCOMPARE(alerts->at(2).otherLogin, QStringLiteral("wang"));
        QCOMPARE(alerts->at(2).seqs, (QList<qint64> {approved11, used11}));

        // the approval may lie before the period
        auto later = service().alerts(session, branchTime(3, 3, 10, 3), branchTime(3, 4, 0));
        BV_VERIFY_OK(later);
        QCOMPARE(later->size(), 3);
        QCOMPARE(later->constFirst().seqs, (QList<qint64> {approved7, used7}));
        // and the threshold is a setting
        BV_VERIFY_OK(SettingsWriter::setAs(t->core->settings(), Actor::system(),
            QString::fromLatin1(settings::AlertQuickGrantMinutes), QStringLiteral("4")));
        auto strict = service().alerts(session, branchTime(3, 3, 0), branchTime(3, 4, 0));
        BV_VERIFY_OK(strict);
        QCOMPARE(strict->size(), 1);
        QCOMPARE(strict->constFirst().login, QStringLiteral("qian"));
    }

    void alertsKeepAtMostFiftyRows()
    {
        t->clock.set(branchTime(3, 3, 10));
        QList<qint64> seqs;
        for (int i = 0; i < 60; ++i) {
            seqs << lookup(li(), QStringLiteral("C%1").arg(i));
            t->clock.advanceSecs(30);
        }
        t->clock.set(branchTime(3, 3, 12));
        auto alerts = service().alerts(auditor(), branchTime(3, 3, 0), branchTime(3, 4, 0));
        BV_VERIFY_OK(alerts);
        QCOMPARE(alerts->size(), 1);
        QCOMPARE(alerts->constFirst().count, 60);
        QCOMPARE(alerts->constFirst().seqs, seqs.mid(0, 50));
    }
};

QTEST_GUILESS_MAIN(TestAuditService)
#include "tst_auditservice.moc"
