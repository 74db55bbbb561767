// The hash-chained audit log itself (DESIGN §7), on a real encrypted database: the chain verifies after
// many appends; tampering through raw SQL (edit, delete, insert, reorder) is named at the first broken
// row; the triggers refuse UPDATE and DELETE; truncation and a rewritten chain are caught against an
// earlier checkpoint; checkpoint texts round-trip and refuse tampering; the retention purge keeps young
// rows and leaves a verifiable chain; a failed audit write makes the operation fail without a trace.
#include "core/audit/AuditActions.h"
#include "core/auth/AccountService.h"
#include "core/internal/CoreInternal.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/db/Database.h"
#include "core/internal/db/Transaction.h"
#include "core/policy/SettingsService.h"
#include "tests/testsupport/TestCore.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using namespace bv;
using namespace bv::test;

namespace {

// Full grade-1 values the log must never hold: an 11-digit mainland mobile, an 18-digit ID number.
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

} // namespace

class TestAuditLog : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestCore> t;

    AuditLog& log() { return internalsOf(*t->core).auditLog(); }
    Database& db() { return t->vault->database(); }

    static Actor clerk()
    {
        return Actor {101, QStringLiteral("li.si"), QStringLiteral("李四"), Role::Clerk, QStringLiteral("0001"),
            QStringLiteral("s1")};
    }
    static Actor manager()
    {
        return Actor {102, QStringLiteral("wang"), QStringLiteral("王五"), Role::Manager, QStringLiteral("0001"),
            QStringLiteral("s2")};
    }
    static Actor typedLogin(const QString& login)
    {
        Actor actor;
        actor.login = login;
        return actor;
    }

    // Appends `count` rows with mixed actors, outcomes and CJK details in one transaction; returns their seqs.
    QList<qint64> appendMany(int count, const QString& tag = QStringLiteral("row"))
    {
        QList<qint64> seqs;
        Transaction tx(db());
        if (!tx.ok())
            return seqs;
        for (int i = 0; i < count; ++i) {
            const Actor actor = i % 4 == 0 ? clerk()
                : i % 4 == 1               ? manager()
                : i % 4 == 2               ? Actor::system()
                                           : typedLogin(QStringLiteral("guess%1").arg(i));
            const AuditOutcome outcome = i % 3 == 0 ? AuditOutcome::Ok
                : i % 3 == 1                        ? AuditOutcome::Denied
                                                    : AuditOutcome::Failed;
            const AuditEvent event {QStringLiteral("test.%1").arg(tag), QStringLiteral("customer"), QString::number(i),
                QStringLiteral("C%1").arg(i, 6, 10, QLatin1Char('0')), outcome,
                QJsonObject {{QStringLiteral("name"), QStringLiteral("张*")},
                    {QStringLiteral("note"), QStringLiteral("第%1次，含\"引号\", 逗号\n换行").arg(i)}}};
            if (!log().append(actor, event).ok())
                return {};
            auto head = log().head();
            seqs << (head.ok() ? head->seq : 0);
        }
        if (!tx.commit().ok())
            return {};
        return seqs;
    }

    AuditRow rowAt(qint64 seq)
    {
        AuditFilter filter;
        filter.afterSeq = seq - 1;
        filter.limit = 1;
        auto rows = log().rows(filter);
        return rows.ok() && !rows->isEmpty() && rows->constFirst().seq == seq ? rows->constFirst() : AuditRow();
    }

    qint64 rowCount()
    {
        auto count = db().scalar(QStringLiteral("SELECT count(*) FROM audit_log"));
        return count.ok() ? count->toLongLong() : -1;
    }

    int countOf(const char* action)
    {
        AuditFilter filter;
        filter.action = QString::fromLatin1(action);
        filter.limit = 100000;
        auto rows = log().rows(filter);
        return rows.ok() ? int(rows->size()) : -1;
    }

    bool dropTriggers()
    {
        return db()
            .execScript(QStringLiteral("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;"))
            .ok();
    }

    bool insertRaw(const AuditRow& row)
    {
        return db()
            .query(QStringLiteral("INSERT INTO audit_log (seq, at, workstation, user_id, login, role, action, "
                                  "object_type, object_id, customer_no, outcome, details, prev_hash, hash) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                {row.seq, row.at.toUTC().toString(Qt::ISODateWithMs), row.workstation,
                    row.userId > 0 ? QVariant(row.userId) : QVariant(QMetaType::fromType<qlonglong>()), row.login,
                    row.role, row.action, row.objectType, row.objectId,
                    row.customerNo.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(row.customerNo),
                    row.outcome, row.details, row.prevHash, row.hash})
            .ok();
    }

    bool forgeAnchor(qint64 firstSeq, const QByteArray& prevHash)
    {
        return db()
            .query(QStringLiteral("INSERT INTO audit_anchor (id, first_seq, prev_hash) VALUES (1, ?, ?) "
                                  "ON CONFLICT (id) DO UPDATE SET first_seq = excluded.first_seq, "
                                  "prev_hash = excluded.prev_hash"),
                {firstSeq, prevHash})
            .ok();
    }

    // What an attacker with the database key writes to make a deletion look like a retention purge: a
    // well-formed, correctly chained audit.purge row that claims rows [from, through].
    bool appendForgedPurge(qint64 from, qint64 through, const QDateTime& cutoff, const QByteArray& continuesFrom)
    {
        Transaction tx(db());
        if (!tx.ok())
            return false;
        const QJsonObject details {{QStringLiteral("purgedFrom"), from}, {QStringLiteral("purgedThrough"), through},
            {QStringLiteral("rows"), through - from + 1},
            {QStringLiteral("cutoff"), cutoff.toUTC().toString(Qt::ISODateWithMs)},
            {QStringLiteral("continuesFrom"), QString::fromLatin1(continuesFrom.toHex())},
            {QStringLiteral("previousPurge"), 0}};
        if (!log()
                 .append(Actor::system(),
                     AuditEvent {QString::fromLatin1(audit::AuditPurge), QStringLiteral("audit_log"),
                         QString::number(through), QString(), AuditOutcome::Ok, details})
                 .ok())
            return false;
        return tx.commit().ok();
    }

    // Inserts a row into audit_purge_gate as an attacker would, whatever its columns are: every column
    // gets the value most likely to open the gate for rows [first, last] (a far-future cutoff, a random
    // token, the purge row `purgeSeq`).
    Status insertForgedGateRow(qint64 first, qint64 last, qint64 purgeSeq)
    {
        auto columns = db().query(QStringLiteral("SELECT name FROM pragma_table_info('audit_purge_gate')"));
        if (!columns.ok())
            return columns.error();
        QStringList names;
        QStringList placeholders;
        QVariantList values;
        while (columns->next()) {
            const QString name = columns->value(0).toString();
            names << name;
            if (name == QLatin1String("cutoff")) {
                placeholders << QStringLiteral("?");
                values << QStringLiteral("9999-12-31T23:59:59.999Z");
            } else if (name == QLatin1String("token")) {
                placeholders << QStringLiteral("randomblob(32)");
            } else if (name == QLatin1String("first_seq")) {
                placeholders << QStringLiteral("?");
                values << first;
            } else if (name == QLatin1String("last_seq")) {
                placeholders << QStringLiteral("?");
                values << last;
            } else {
                placeholders << QStringLiteral("?");
                values << purgeSeq;
            }
        }
        if (names.isEmpty())
            return makeError(ErrorCode::Internal, QStringLiteral("audit_purge_gate has no columns"));
        auto inserted = db().query(QStringLiteral("INSERT INTO audit_purge_gate (%1) VALUES (%2)")
                                       .arg(names.join(QStringLiteral(", ")), placeholders.join(QStringLiteral(", "))),
            values);
        if (!inserted.ok())
            return inserted.error();
        return {};
    }

    void purgeNow(qint64 days = 180)
    {
        Transaction tx(db());
        QVERIFY(tx.ok());
        auto purged = log().purgeOlderThan(t->clock.nowUtc().addDays(-days), Actor::system());
        BV_VERIFY_OK(purged);
        BV_VERIFY_OK(tx.commit());
    }

private slots:
    void init()
    {
        t = TestCore::create();
        QVERIFY(t);
    }

    void cleanup()
    {
        if (t) {
            AuditFilter all;
            all.limit = 100000;
            auto rows = log().rows(all);
            QVERIFY(rows.ok());
            const QStringList findings = grade1Findings(*rows);
            QVERIFY2(findings.isEmpty(), qPrintable(findings.join(QStringLiteral(", "))));
        }
        t.reset();
    }

    void grade1ScanFindsFullValues()
    {
        AuditRow row;
        row.seq = 1;
        row.details = QStringLiteral("{\"mobile\":\"13812345678\"}");
        QCOMPARE(grade1Findings({row}).size(), 1);
        row.details = QStringLiteral("{\"id\":\"11010519491231002X\"}");
        QCOMPARE(grade1Findings({row}).size(), 1);
        row.details = QStringLiteral("{\"mobile\":\"138****5678\",\"id\":\"110105************\","
                                     "\"hash\":\"3f1a0b13812345678c\",\"session\":\"012345678912\"}");
        QCOMPARE(grade1Findings({row}).size(), 0);
    }

    void chainVerifiesAfterManyAppends()
    {
        const QList<qint64> seqs = appendMany(300);
        QCOMPARE(seqs.size(), 300);
        auto verification = log().verify();
        BV_VERIFY_OK(verification);
        QVERIFY2(verification->ok(), qPrintable(verification->problem));
        QCOMPARE(verification->rowsChecked, rowCount());
        QCOMPARE(verification->headSeq, seqs.constLast());
        QCOMPARE(verification->headHash, rowAt(seqs.constLast()).hash);

        // what was written is what is read back, CJK and all
        const AuditRow row = rowAt(seqs.at(13));
        QCOMPARE(row.login, QStringLiteral("wang"));
        QCOMPARE(row.role, QStringLiteral("manager"));
        QCOMPARE(row.outcome, QStringLiteral("denied"));
        QCOMPARE(row.customerNo, QStringLiteral("C000013"));
        const QJsonObject details = QJsonDocument::fromJson(row.details.toUtf8()).object();
        QCOMPARE(details.value(QStringLiteral("note")).toString(), QStringLiteral("第13次，含\"引号\", 逗号\n换行"));
        QCOMPARE(details.value(QStringLiteral("session")).toString(), QStringLiteral("s2"));
        // a typed login that is not signed in carries no role
        QCOMPARE(rowAt(seqs.at(3)).role, QString());
        QCOMPARE(rowAt(seqs.at(3)).userId, qint64(0));
    }

    void editedRowIsNamed()
    {
        const QList<qint64> seqs = appendMany(20);
        QVERIFY(dropTriggers());
        const qint64 target = seqs.at(10);
        BV_VERIFY_OK(db().query(QStringLiteral("UPDATE audit_log SET details = ? WHERE seq = ?"),
            {QStringLiteral("{\"note\":\"nothing happened\"}"), target}));
        auto verification = log().verify();
        BV_VERIFY_OK(verification);
        QVERIFY(!verification->ok());
        QCOMPARE(verification->firstBrokenSeq, target);
        QVERIFY2(verification->problem.contains(QStringLiteral("changed")), qPrintable(verification->problem));
        QCOMPARE(verification->rowsChecked, target - 1);
    }

    void deletedRowIsNamed()
    {
        const QList<qint64> seqs = appendMany(20);
        QVERIFY(dropTriggers());
        const qint64 target = seqs.at(5);
        BV_VERIFY_OK(db().query(QStringLiteral("DELETE FROM audit_log WHERE seq = ?"), {target}));
        auto verification = log().verify();
        BV_VERIFY_OK(verification);
        QVERIFY(!verification->ok());
        QCOMPARE(verification->firstBrokenSeq, target);
        QVERIFY2(verification->problem.contains(QStringLiteral("missing")), qPrintable(verification->problem));
    }

    void insertedRowIsNamed()
    {
        const QList<qint64> seqs = appendMany(20);
        QVERIFY(dropTriggers());
        const qint64 target = seqs.at(8);
        // make room: every row from `target` on moves up by one (through negative numbers, seq is the key)
        BV_VERIFY_OK(db().query(QStringLiteral("UPDATE audit_log SET seq = -seq WHERE seq >= ?"), {target}));
        BV_VERIFY_OK(db().query(QStringLiteral("UPDATE audit_log SET seq = 1 - seq WHERE seq < 0")));
        // the attacker's best forgery: it continues correctly from the row before and carries its own right hash
        AuditRow forged = rowAt(target - 1);
        forged.seq = target;
        forged.action = QStringLiteral("customer.open");
        forged.details = QStringLiteral("{\"note\":\"forged\"}");
        forged.prevHash = rowAt(target - 1).hash;
        forged.hash = AuditLog::rowHash(forged.prevHash, forged);
        QVERIFY(insertRaw(forged));

        auto verification = log().verify();
        BV_VERIFY_OK(verification);
        QVERIFY(!verification->ok());
        // the forged row itself is consistent; the row after it no longer continues from its predecessor
        QCOMPARE(verification->firstBrokenSeq, target + 1);
        QVERIFY2(
            verification->problem.contains(QStringLiteral("does not continue")), qPrintable(verification->problem));
    }

    void swappedRowsAreNamed()
    {
        const QList<qint64> seqs = appendMany(20);
        QVERIFY(dropTriggers());
        const qint64 a = seqs.at(12);
        const qint64 b = seqs.at(13);
        const AuditRow before = rowAt(a);
        BV_VERIFY_OK(db().query(QStringLiteral("UPDATE audit_log SET seq = -1 WHERE seq = ?"), {a}));
        BV_VERIFY_OK(db().query(QStringLiteral("UPDATE audit_log SET seq = ? WHERE seq = ?"), {a, b}));
        BV_VERIFY_OK(db().query(QStringLiteral("UPDATE audit_log SET seq = ? WHERE seq = -1"), {b}));
        QCOMPARE(rowAt(b).hash, before.hash);

        auto verification = log().verify();
        BV_VERIFY_OK(verification);
        QVERIFY(!verification->ok());
        QCOMPARE(verification->firstBrokenSeq, a);
    }

    void triggersRefuseUpdateAndDelete()
    {
        const QList<qint64> seqs = appendMany(5);
        const AuditRow before = rowAt(seqs.at(2));
        auto update = db().query(QStringLiteral("UPDATE audit_log SET details = '{}' WHERE seq = ?"), {seqs.at(2)});
        QVERIFY(!update.ok());
        QVERIFY2(
            update.error().fullText().contains(QStringLiteral("append-only")), qPrintable(update.error().fullText()));
        auto remove = db().query(QStringLiteral("DELETE FROM audit_log WHERE seq = ?"), {seqs.at(2)});
        QVERIFY(!remove.ok());
        QVERIFY2(remove.error().fullText().contains(QStringLiteral("cannot be deleted")),
            qPrintable(remove.error().fullText()));
        QVERIFY(!db().query(QStringLiteral("DELETE FROM audit_log")).ok());
        QCOMPARE(rowAt(seqs.at(2)).details, before.details);
        QCOMPARE(rowAt(seqs.at(2)).hash, before.hash);
        auto verification = log().verify();
        BV_VERIFY_OK(verification);
        QVERIFY(verification->ok());
    }

    void truncationIsCaughtAgainstACheckpoint()
    {
        appendMany(10);
        auto checkpoint = log().head();
        BV_VERIFY_OK(checkpoint);
        const qint64 named = checkpoint->seq;
        QVERIFY(dropTriggers());
        BV_VERIFY_OK(db().query(QStringLiteral("DELETE FROM audit_log WHERE seq > ?"), {named - 3}));

        auto plain = log().verify();
        BV_VERIFY_OK(plain);
        QVERIFY2(plain->ok(), "a truncated chain is still a valid chain on its own");
        QCOMPARE(plain->headSeq, named - 3);

        auto against = log().verifyAgainst(*checkpoint);
        BV_VERIFY_OK(against);
        QVERIFY(!against->ok());
        QCOMPARE(against->firstBrokenSeq, named - 2);
        QVERIFY2(against->problem.contains(QStringLiteral("truncated")), qPrintable(against->problem));
    }

    void rewrittenChainIsCaughtAgainstACheckpoint()
    {
        const QList<qint64> seqs = appendMany(30);
        auto checkpoint = log().head();
        BV_VERIFY_OK(checkpoint);
        QCOMPARE(checkpoint->seq, seqs.constLast());
        appendMany(5, QStringLiteral("later"));
        auto before = log().verifyAgainst(*checkpoint);
        BV_VERIFY_OK(before);
        QVERIFY2(before->ok(), qPrintable(before->problem));

        // the attacker edits one row and recomputes every later hash
        QVERIFY(dropTriggers());
        const qint64 edited = seqs.at(4);
        QByteArray prev = rowAt(edited - 1).hash;
        AuditFilter rest;
        rest.afterSeq = edited - 1;
        rest.limit = 100000;
        auto rows = log().rows(rest);
        BV_VERIFY_OK(rows);
        for (AuditRow row : *rows) {
            if (row.seq == edited)
                row.details = QStringLiteral("{\"note\":\"rewritten\"}");
            row.prevHash = prev;
            row.hash = AuditLog::rowHash(prev, row);
            BV_VERIFY_OK(
                db().query(QStringLiteral("UPDATE audit_log SET details = ?, prev_hash = ?, hash = ? WHERE seq = ?"),
                    {row.details, row.prevHash, row.hash, row.seq}));
            prev = row.hash;
        }

        auto plain = log().verify();
        BV_VERIFY_OK(plain);
        QVERIFY2(plain->ok(), "a consistently rewritten chain passes verify on its own");
        auto against = log().verifyAgainst(*checkpoint);
        BV_VERIFY_OK(against);
        QVERIFY(!against->ok());
        QCOMPARE(against->firstBrokenSeq, checkpoint->seq);
        QVERIFY2(against->problem.contains(QStringLiteral("rewritten")), qPrintable(against->problem));
    }

    void checkpointTextRoundTrips()
    {
        appendMany(3);
        t->clock.advanceSecs(90);
        auto head = log().head();
        BV_VERIFY_OK(head);
        const QString text = head->toText();
        QVERIFY(text.startsWith(QStringLiteral("BranchVault audit checkpoint\n")));
        QVERIFY(text.contains(QStringLiteral("sequence: %1\n").arg(head->seq)));
        auto parsed = AuditCheckpoint::parse(text);
        BV_VERIFY_OK(parsed);
        QCOMPARE(parsed->databaseId, log().databaseId());
        QCOMPARE(parsed->seq, head->seq);
        QCOMPARE(parsed->hash, head->hash);
        QCOMPARE(parsed->created, t->clock.nowUtc());
        auto verification = log().verifyAgainst(*parsed);
        BV_VERIFY_OK(verification);
        QVERIFY(verification->ok());

        // any edit of the body is refused by the check line
        QString edited = text;
        edited.replace(
            QStringLiteral("sequence: %1").arg(head->seq), QStringLiteral("sequence: %1").arg(head->seq - 1));
        BV_COMPARE_CODE(AuditCheckpoint::parse(edited), ErrorCode::Damaged);
        QString hashEdited = text;
        const qsizetype at = hashEdited.indexOf(QStringLiteral("hash: ")) + 6;
        hashEdited[at] = hashEdited.at(at) == QLatin1Char('0') ? QLatin1Char('1') : QLatin1Char('0');
        BV_COMPARE_CODE(AuditCheckpoint::parse(hashEdited), ErrorCode::Damaged);
        BV_COMPARE_CODE(AuditCheckpoint::parse(QStringLiteral("sequence: 5\n")), ErrorCode::Damaged);
        BV_COMPARE_CODE(AuditCheckpoint::parse(text.left(text.indexOf(QStringLiteral("check: ")))), ErrorCode::Damaged);

        // a checkpoint of another database is not a match
        AuditCheckpoint other = *parsed;
        other.databaseId = QStringLiteral("another-database");
        auto foreign = log().verifyAgainst(*AuditCheckpoint::parse(other.toText()));
        BV_VERIFY_OK(foreign);
        QVERIFY(!foreign->ok());
        QVERIFY(foreign->problem.contains(QStringLiteral("another database")));
    }

    void youngRowsCannotBeDeleted()
    {
        const QList<qint64> seqs = appendMany(5);
        const qint64 count = rowCount();
        // a gate row written from outside the purge does not open the trigger
        BV_VERIFY_OK(insertForgedGateRow(1, seqs.constLast(), seqs.constLast()));
        auto remove = db().query(QStringLiteral("DELETE FROM audit_log WHERE seq = ?"), {seqs.at(2)});
        QVERIFY(!remove.ok());
        QVERIFY2(remove.error().fullText().contains(QStringLiteral("cannot be deleted")),
            qPrintable(remove.error().fullText()));
        QVERIFY(!db().query(QStringLiteral("DELETE FROM audit_log")).ok());
        BV_VERIFY_OK(db().query(QStringLiteral("DELETE FROM audit_purge_gate")));
        QCOMPARE(rowCount(), count);

        // and purgeOlderThan with a cutoff before every row purges nothing
        Transaction tx(db());
        QVERIFY(tx.ok());
        auto purged = log().purgeOlderThan(t->clock.nowUtc().addDays(-180), Actor::system());
        BV_VERIFY_OK(purged);
        QCOMPARE(*purged, qint64(0));
        BV_VERIFY_OK(tx.commit());
        QCOMPARE(rowCount(), count);
    }

    void purgeLeavesAVerifiableChain()
    {
        appendMany(4, QStringLiteral("old"));
        auto early = log().head();
        BV_VERIFY_OK(early);
        appendMany(6, QStringLiteral("old"));
        auto lastOld = log().head();
        BV_VERIFY_OK(lastOld);

        t->clock.advanceDays(200);
        const QList<qint64> young = appendMany(5, QStringLiteral("young"));
        QCOMPARE(young.constFirst(), lastOld->seq + 1);

        {
            Transaction tx(db());
            QVERIFY(tx.ok());
            auto purged = log().purgeOlderThan(t->clock.nowUtc().addDays(-180), Actor::system());
            BV_VERIFY_OK(purged);
            QCOMPARE(*purged, lastOld->seq); // everything up to the last old row, setup rows included
            BV_VERIFY_OK(tx.commit());
        }
        QCOMPARE(rowCount(), qint64(5 + 1)); // the young rows and the purge row
        QCOMPARE(rowAt(young.constFirst()).action, QStringLiteral("test.young"));

        auto verification = log().verify();
        BV_VERIFY_OK(verification);
        QVERIFY2(verification->ok(), qPrintable(verification->problem));
        QCOMPARE(verification->rowsChecked, qint64(6));

        // the purge row names what it continues from
        AuditFilter purgeRows;
        purgeRows.action = QString::fromLatin1(audit::AuditPurge);
        auto rows = log().rows(purgeRows);
        BV_VERIFY_OK(rows);
        QCOMPARE(rows->size(), 1);
        const QJsonObject details = QJsonDocument::fromJson(rows->constFirst().details.toUtf8()).object();
        QCOMPARE(details.value(QStringLiteral("purgedThrough")).toInteger(), lastOld->seq);
        QCOMPARE(details.value(QStringLiteral("rows")).toInteger(), lastOld->seq);
        QCOMPARE(details.value(QStringLiteral("continuesFrom")).toString(), QString::fromLatin1(lastOld->hash.toHex()));

        // a checkpoint at the last purged row still compares; an earlier one cannot be compared any more
        auto atLast = log().verifyAgainst(*lastOld);
        BV_VERIFY_OK(atLast);
        QVERIFY2(atLast->ok(), qPrintable(atLast->problem));
        auto atEarly = log().verifyAgainst(*early);
        BV_VERIFY_OK(atEarly);
        QVERIFY(!atEarly->ok());
        QCOMPARE(atEarly->firstBrokenSeq, qint64(0));
        QVERIFY2(atEarly->problem.contains(QStringLiteral("can no longer be compared")), qPrintable(atEarly->problem));
        // a forged checkpoint at the last purged row with another hash does not compare
        AuditCheckpoint forged = *lastOld;
        forged.hash = early->hash;
        auto wrong = log().verifyAgainst(forged);
        BV_VERIFY_OK(wrong);
        QVERIFY(!wrong->ok());
        // and a checkpoint of a kept row compares as before
        auto now = log().head();
        BV_VERIFY_OK(now);
        auto kept = log().verifyAgainst(*now);
        BV_VERIFY_OK(kept);
        QVERIFY(kept->ok());
    }

    // Every row older than the cutoff: the purge row, appended before the rows go, is the only row left and
    // the chain continues from it (AuditService::purge keeps the newest row as well, for readability).
    void purgeOfEveryRowKeepsTheChain()
    {
        appendMany(3);
        t->clock.advanceDays(200);
        {
            Transaction tx(db());
            QVERIFY(tx.ok());
            auto purged = log().purgeOlderThan(t->clock.nowUtc().addDays(-180), Actor::system());
            BV_VERIFY_OK(purged);
            BV_VERIFY_OK(tx.commit());
        }
        auto verification = log().verify();
        BV_VERIFY_OK(verification);
        QVERIFY2(verification->ok(), qPrintable(verification->problem));
    }

    // ---- issue 11, finding 2: the audit log cannot be trimmed unnoticed ----

    // The reported attack: rows 1-199 deleted with the triggers dropped, and an anchor written that makes
    // the rest look like a purged log. No purge row records the range, so verify names row 1.
    void frontTruncationWithAForgedAnchorIsNamed()
    {
        appendMany(250);
        auto checkpoint = log().head();
        BV_VERIFY_OK(checkpoint);
        const QByteArray hash199 = rowAt(199).hash;
        QVERIFY(dropTriggers());
        BV_VERIFY_OK(db().query(QStringLiteral("DELETE FROM audit_log WHERE seq <= 199")));
        QVERIFY(forgeAnchor(200, hash199));

        auto verification = log().verify();
        BV_VERIFY_OK(verification);
        QVERIFY2(!verification->ok(), "a front truncation with a forged anchor passed verify");
        QCOMPARE(verification->firstBrokenSeq, qint64(1));
        QVERIFY2(verification->problem.contains(QStringLiteral("1 to 199")), qPrintable(verification->problem));

        auto against = log().verifyAgainst(*checkpoint);
        BV_VERIFY_OK(against);
        QVERIFY2(!against->ok(), "a front truncation with a forged anchor passed verify --checkpoint");
        QCOMPARE(against->firstBrokenSeq, qint64(1));
    }

    // A purge does not hide a break: with rows deleted at the front (which its purge row would then claim) or a row
    // changed among the old ones (which it would remove), it is refused and nothing is purged.
    void aBrokenChainIsNotPurged()
    {
        appendMany(100, QStringLiteral("old"));
        t->clock.advanceDays(200);
        appendMany(10, QStringLiteral("young"));
        auto before = db().scalar(QStringLiteral("SELECT count(*) FROM audit_log"));
        BV_VERIFY_OK(before);
        const qint64 rows = before->toLongLong();
        QVERIFY(dropTriggers());
        BV_VERIFY_OK(db().query(QStringLiteral("UPDATE audit_log SET details = '{\"changed\":true}' WHERE seq = 50")));
        const auto purgeRefused = [this](qint64 brokenAt) {
            Transaction tx(db());
            QVERIFY(tx.ok());
            auto purged = log().purgeOlderThan(t->clock.nowUtc().addDays(-180), Actor::system());
            QVERIFY(!purged.ok());
            QCOMPARE(purged.error().code, ErrorCode::Damaged);
            QVERIFY2(purged.error().message.contains(QStringLiteral("broken at row %1 ").arg(brokenAt)),
                qPrintable(purged.error().message));
        };
        purgeRefused(50);
        auto count = db().scalar(QStringLiteral("SELECT count(*) FROM audit_log"));
        BV_VERIFY_OK(count);
        QCOMPARE(count->toLongLong(), rows);

        BV_VERIFY_OK(db().query(QStringLiteral("DELETE FROM audit_log WHERE seq <= 50")));
        purgeRefused(1);
        count = db().scalar(QStringLiteral("SELECT count(*) FROM audit_log"));
        BV_VERIFY_OK(count);
        QCOMPARE(count->toLongLong(), rows - 50);
    }

    // Rows deleted right behind a legal purge, with the anchor moved over them: the purge row records only
    // its own range, so the first row after it is named.
    void deletionBehindALegalPurgeIsNamed()
    {
        appendMany(100, QStringLiteral("old"));
        t->clock.advanceDays(200);
        appendMany(150, QStringLiteral("young"));
        purgeNow();
        auto clean = log().verify();
        BV_VERIFY_OK(clean);
        QVERIFY2(clean->ok(), qPrintable(clean->problem));
        auto first = db().scalar(QStringLiteral("SELECT min(seq) FROM audit_log"));
        BV_VERIFY_OK(first);
        const qint64 firstKept = first->toLongLong();
        QVERIFY(firstKept > 100);

        QVERIFY(dropTriggers());
        BV_VERIFY_OK(db().query(QStringLiteral("DELETE FROM audit_log WHERE seq < ?"), {firstKept + 40}));
        QVERIFY(forgeAnchor(firstKept + 40, rowAt(firstKept + 40).prevHash));
        auto verification = log().verify();
        BV_VERIFY_OK(verification);
        QVERIFY2(!verification->ok(), "rows deleted behind a legal purge passed verify");
        QCOMPARE(verification->firstBrokenSeq, firstKept);
        QVERIFY2(verification->problem.contains(QString::number(firstKept)), qPrintable(verification->problem));
    }

    // A chained purge row that an attacker appended for young rows: its cutoff is not 180 days before its
    // own time, so it is not a retention purge.
    void forgedPurgeOfYoungRowsIsNamed()
    {
        appendMany(250);
        const QByteArray hash199 = rowAt(199).hash;
        QVERIFY(dropTriggers());
        BV_VERIFY_OK(db().query(QStringLiteral("DELETE FROM audit_log WHERE seq <= 199")));
        QVERIFY(forgeAnchor(200, hash199));
        QVERIFY(appendForgedPurge(1, 199, t->clock.nowUtc().addSecs(60), hash199));

        auto verification = log().verify();
        BV_VERIFY_OK(verification);
        QVERIFY2(!verification->ok(), "a purge row for rows younger than the retention period passed verify");
        QCOMPARE(verification->firstBrokenSeq, qint64(1));
    }

    // The strongest forgery a database-key holder can write without a checkpoint: a purge row whose cutoff
    // claims the rows were old. verify cannot see the deleted rows' times; a checkpoint taken while they
    // were young can.
    void forgedPurgeOfYoungRowsIsCaughtByACheckpoint()
    {
        appendMany(250);
        auto checkpoint = log().head();
        BV_VERIFY_OK(checkpoint);
        t->clock.advanceDays(3);
        appendMany(5, QStringLiteral("later"));
        const QByteArray hash199 = rowAt(199).hash;
        QVERIFY(dropTriggers());
        BV_VERIFY_OK(db().query(QStringLiteral("DELETE FROM audit_log WHERE seq <= 199")));
        QVERIFY(forgeAnchor(200, hash199));
        QVERIFY(appendForgedPurge(1, 199, t->clock.nowUtc().addDays(-400), hash199));

        auto against = log().verifyAgainst(*checkpoint);
        BV_VERIFY_OK(against);
        QVERIFY2(!against->ok(), "young rows removed under a forged purge row passed verify --checkpoint");
        QCOMPARE(against->firstBrokenSeq, qint64(1));
    }

    // A row written into audit_purge_gate from outside the purge does not open the gate; an attacker who
    // drops the triggers instead is caught by verify.
    void forgedGateRowDoesNotOpenTheGate()
    {
        const QList<qint64> seqs = appendMany(20);
        auto checkpoint = log().head();
        BV_VERIFY_OK(checkpoint);
        const qint64 count = rowCount();
        // a gate row naming an ordinary row
        BV_VERIFY_OK(insertForgedGateRow(1, 10, seqs.constLast()));
        QVERIFY2(!db().query(QStringLiteral("DELETE FROM audit_log WHERE seq <= 10")).ok(),
            "a forged gate row opened the purge gate");
        // even with a chained purge row that claims the rows, past retention as far as it says
        QVERIFY(appendForgedPurge(1, 10, t->clock.nowUtc().addDays(-400), rowAt(10).hash));
        auto head = log().head();
        BV_VERIFY_OK(head);
        BV_VERIFY_OK(insertForgedGateRow(1, 10, head->seq));
        auto remove = db().query(QStringLiteral("DELETE FROM audit_log WHERE seq <= 10"));
        QVERIFY2(!remove.ok(), "a forged gate row with a forged purge row opened the purge gate");
        QVERIFY(!db().query(QStringLiteral("DELETE FROM audit_log WHERE seq = ?"), {seqs.at(3)}).ok());
        QCOMPARE(rowCount(), count + 1);

        // The attacker drops the triggers instead. Their forged purge row is well formed and chained, so the
        // log verifies on its own (docs/AUDIT.md: what verify cannot prove); the checkpoint taken while the
        // rows were young names row 1.
        QVERIFY(dropTriggers());
        BV_VERIFY_OK(db().query(QStringLiteral("DELETE FROM audit_log WHERE seq <= 10")));
        QVERIFY(forgeAnchor(11, rowAt(11).prevHash));
        auto against = log().verifyAgainst(*checkpoint);
        BV_VERIFY_OK(against);
        QVERIFY(!against->ok());
        QCOMPARE(against->firstBrokenSeq, qint64(1));
        QVERIFY2(against->problem.contains(QStringLiteral("forged")), qPrintable(against->problem));
        // without the forged purge row, verify alone names row 1
        const qint64 forgedSeq = head->seq;
        BV_VERIFY_OK(db().query(QStringLiteral("DELETE FROM audit_log WHERE seq >= ?"), {forgedSeq}));
        auto verification = log().verify();
        BV_VERIFY_OK(verification);
        QVERIFY(!verification->ok());
        QCOMPARE(verification->firstBrokenSeq, qint64(1));
        QVERIFY2(verification->problem.contains(QStringLiteral("1 to 10")), qPrintable(verification->problem));
    }

    // The best an attacker can write without the purge's token: rows past retention, a chained purge row
    // that records exactly their range with a legal cutoff, and a gate row naming it. Only the token is
    // wrong, and the gate stays shut.
    void forgedGateRowDoesNotOpenTheGateEvenForOldRows()
    {
        appendMany(10, QStringLiteral("old"));
        t->clock.advanceDays(400);
        appendMany(3, QStringLiteral("young"));
        const qint64 count = rowCount();
        auto last = db().scalar(QStringLiteral("SELECT max(seq) FROM audit_log WHERE action = 'test.old'"));
        BV_VERIFY_OK(last);
        const qint64 through = last->toLongLong();
        QVERIFY(appendForgedPurge(1, through, t->clock.nowUtc().addDays(-200), rowAt(through).hash));
        auto head = log().head();
        BV_VERIFY_OK(head);
        BV_VERIFY_OK(insertForgedGateRow(1, through, head->seq));
        auto remove = db().query(QStringLiteral("DELETE FROM audit_log WHERE seq BETWEEN 1 AND ?"), {through});
        QVERIFY2(!remove.ok(), "a gate row without the purge's token opened the gate");
        QVERIFY2(remove.error().fullText().contains(QStringLiteral("cannot be deleted")),
            qPrintable(remove.error().fullText()));
        QCOMPARE(rowCount(), count + 1);
    }

    void purgeOfYoungRowsIsRefused()
    {
        appendMany(10);
        const qint64 count = rowCount();
        t->clock.advanceDays(30);
        Transaction tx(db());
        QVERIFY(tx.ok());
        auto purged = log().purgeOlderThan(t->clock.nowUtc().addDays(-1), Actor::system());
        QVERIFY2(!purged.ok(), "a purge of rows younger than 180 days was carried out");
        BV_COMPARE_CODE(purged, ErrorCode::InvalidInput);
        QVERIFY2(purged.error().message.contains(QStringLiteral("180")), qPrintable(purged.error().message));
        tx.rollback();
        QCOMPARE(rowCount(), count);
    }

    // A second purge that also removes the first purge row: the second purge row names the first as the
    // purge before it, inside its own range, and the log still verifies; so does a third purge that keeps
    // the second purge row.
    void repeatedPurgesVerify()
    {
        appendMany(30, QStringLiteral("first"));
        t->clock.advanceDays(200);
        appendMany(10, QStringLiteral("second"));
        purgeNow();
        AuditFilter purges;
        purges.action = QString::fromLatin1(audit::AuditPurge);
        auto firstPurge = log().rows(purges);
        BV_VERIFY_OK(firstPurge);
        QCOMPARE(firstPurge->size(), 1);
        const qint64 firstPurgeSeq = firstPurge->constFirst().seq;
        QCOMPARE(QJsonDocument::fromJson(firstPurge->constFirst().details.toUtf8())
                     .object()
                     .value(QStringLiteral("previousPurge"))
                     .toInteger(),
            qint64(0));

        t->clock.advanceDays(200);
        appendMany(10, QStringLiteral("third"));
        t->clock.advanceDays(5);
        purgeNow();
        auto secondPurge = log().rows(purges);
        BV_VERIFY_OK(secondPurge);
        QCOMPARE(secondPurge->size(), 1); // the first purge row went with the second purge
        const QJsonObject details = QJsonDocument::fromJson(secondPurge->constFirst().details.toUtf8()).object();
        QCOMPARE(details.value(QStringLiteral("previousPurge")).toInteger(), firstPurgeSeq);
        QVERIFY(details.value(QStringLiteral("purgedFrom")).toInteger() <= firstPurgeSeq);
        QVERIFY(details.value(QStringLiteral("purgedThrough")).toInteger() >= firstPurgeSeq);
        auto verification = log().verify();
        BV_VERIFY_OK(verification);
        QVERIFY2(verification->ok(), qPrintable(verification->problem));

        // a purge that removes the rows before the second purge row and keeps that row
        t->clock.advanceDays(10);
        appendMany(3, QStringLiteral("fourth"));
        t->clock.advanceDays(200);
        {
            Transaction tx(db());
            QVERIFY(tx.ok());
            auto purged = log().purgeOlderThan(t->clock.nowUtc().addDays(-210), Actor::system());
            BV_VERIFY_OK(purged);
            QVERIFY(*purged > 0);
            BV_VERIFY_OK(tx.commit());
        }
        auto thirdPurges = log().rows(purges);
        BV_VERIFY_OK(thirdPurges);
        QCOMPARE(thirdPurges->size(), 2);
        auto again = log().verify();
        BV_VERIFY_OK(again);
        QVERIFY2(again->ok(), qPrintable(again->problem));
    }

    // A purge row written before issue 11 (no purgedFrom, no previousPurge) still verifies.
    void legacyPurgeRowStillVerifies()
    {
        appendMany(10, QStringLiteral("old"));
        t->clock.advanceDays(200);
        const QList<qint64> young = appendMany(5, QStringLiteral("young"));
        const qint64 through = young.constFirst() - 1;
        const QByteArray continuesFrom = rowAt(through).hash;
        // what the old purgeOlderThan left behind: rows deleted, the anchor, then the purge row
        QVERIFY(dropTriggers());
        BV_VERIFY_OK(db().query(QStringLiteral("DELETE FROM audit_log WHERE seq <= ?"), {through}));
        QVERIFY(forgeAnchor(through + 1, continuesFrom));
        Transaction tx(db());
        QVERIFY(tx.ok());
        BV_VERIFY_OK(log().append(Actor::system(),
            AuditEvent {QString::fromLatin1(audit::AuditPurge), QStringLiteral("audit_log"), QString::number(through),
                QString(), AuditOutcome::Ok,
                QJsonObject {{QStringLiteral("purgedThrough"), through}, {QStringLiteral("rows"), through},
                    {QStringLiteral("cutoff"), t->clock.nowUtc().addDays(-180).toString(Qt::ISODateWithMs)},
                    {QStringLiteral("continuesFrom"), QString::fromLatin1(continuesFrom.toHex())}}}));
        BV_VERIFY_OK(tx.commit());
        auto verification = log().verify();
        BV_VERIFY_OK(verification);
        QVERIFY2(verification->ok(), qPrintable(verification->problem));
        QCOMPARE(verification->firstSeq, through + 1);
    }

    void checkpointCarriesFirstRowHeadAndCount()
    {
        appendMany(10, QStringLiteral("old"));
        t->clock.advanceDays(200);
        appendMany(5, QStringLiteral("young"));
        purgeNow();
        auto head = log().head();
        BV_VERIFY_OK(head);
        auto first = db().scalar(QStringLiteral("SELECT min(seq) FROM audit_log"));
        BV_VERIFY_OK(first);
        QCOMPARE(head->firstSeq, first->toLongLong());
        QCOMPARE(head->rowCount, rowCount());
        QCOMPARE(head->rowCount, head->seq - head->firstSeq + 1);
        QCOMPARE(head->firstAt, rowAt(head->firstSeq).at);
        QCOMPARE(head->headAt, rowAt(head->seq).at);
        QCOMPARE(head->format, 2);
        const QString text = head->toText();
        QVERIFY(text.contains(QStringLiteral("first: %1\n").arg(head->firstSeq)));
        QVERIFY(text.contains(QStringLiteral("rows: %1\n").arg(head->rowCount)));
        auto parsed = AuditCheckpoint::parse(text);
        BV_VERIFY_OK(parsed);
        QCOMPARE(parsed->firstSeq, head->firstSeq);
        QCOMPARE(parsed->rowCount, head->rowCount);
        QCOMPARE(parsed->firstAt, head->firstAt);
        QCOMPARE(parsed->headAt, head->headAt);
        auto verification = log().verifyAgainst(*parsed);
        BV_VERIFY_OK(verification);
        QVERIFY2(verification->ok(), qPrintable(verification->problem));

        // a format-2 checkpoint without its count is refused
        QString body = text.left(text.indexOf(QStringLiteral("check: ")));
        body.remove(QRegularExpression(QStringLiteral("rows: [0-9]+\n")));
        const QString withoutRows = body + QStringLiteral("check: ")
            + QString::fromLatin1(QCryptographicHash::hash(body.toUtf8(), QCryptographicHash::Sha256).toHex())
            + QLatin1Char('\n');
        BV_COMPARE_CODE(AuditCheckpoint::parse(withoutRows), ErrorCode::Damaged);

        // a checkpoint whose count does not fill its range was taken of a log with rows missing
        AuditCheckpoint gapped = *head;
        gapped.rowCount -= 1;
        auto gappedResult = log().verifyAgainst(gapped);
        BV_VERIFY_OK(gappedResult);
        QVERIFY(!gappedResult->ok());
        QVERIFY2(gappedResult->problem.contains(QStringLiteral("already had rows missing")),
            qPrintable(gappedResult->problem));
    }

    // Checkpoint files exported before issue 11 (format 1: the head only) are still read and compared.
    void formatOneCheckpointIsStillRead()
    {
        appendMany(12);
        auto head = log().head();
        BV_VERIFY_OK(head);
        const QString body = QStringLiteral("BranchVault audit checkpoint\n"
                                            "database: %1\n"
                                            "sequence: %2\n"
                                            "hash: %3\n"
                                            "created: %4\n")
                                 .arg(log().databaseId())
                                 .arg(head->seq)
                                 .arg(QString::fromLatin1(head->hash.toHex()), t->clock.nowUtc().toString(Qt::ISODate));
        const QString text = body + QStringLiteral("check: ")
            + QString::fromLatin1(QCryptographicHash::hash(body.toUtf8(), QCryptographicHash::Sha256).toHex())
            + QLatin1Char('\n');
        auto parsed = AuditCheckpoint::parse(text);
        BV_VERIFY_OK(parsed);
        QCOMPARE(parsed->format, 1);
        QCOMPARE(parsed->seq, head->seq);
        QCOMPARE(parsed->firstSeq, qint64(0));
        QCOMPARE(parsed->rowCount, qint64(-1));
        auto verification = log().verifyAgainst(*parsed);
        BV_VERIFY_OK(verification);
        QVERIFY2(verification->ok(), qPrintable(verification->problem));

        appendMany(3, QStringLiteral("later"));
        QVERIFY(dropTriggers());
        BV_VERIFY_OK(db().query(QStringLiteral("DELETE FROM audit_log WHERE seq > ?"), {head->seq - 2}));
        auto truncated = log().verifyAgainst(*parsed);
        BV_VERIFY_OK(truncated);
        QVERIFY(!truncated->ok());
        QCOMPARE(truncated->firstBrokenSeq, head->seq - 1);
    }

    // Rows deleted in the middle are named by verify and by verify against a checkpoint.
    void middleDeletionIsNamedAgainstACheckpoint()
    {
        appendMany(40);
        auto checkpoint = log().head();
        BV_VERIFY_OK(checkpoint);
        appendMany(5, QStringLiteral("later"));
        QVERIFY(dropTriggers());
        BV_VERIFY_OK(db().query(QStringLiteral("DELETE FROM audit_log WHERE seq BETWEEN 20 AND 24")));
        auto verification = log().verify();
        BV_VERIFY_OK(verification);
        QVERIFY(!verification->ok());
        QCOMPARE(verification->firstBrokenSeq, qint64(20));
        QVERIFY2(verification->problem.contains(QStringLiteral("20 to 24")), qPrintable(verification->problem));
        auto against = log().verifyAgainst(*checkpoint);
        BV_VERIFY_OK(against);
        QVERIFY(!against->ok());
        QCOMPARE(against->firstBrokenSeq, qint64(20));
    }

    // The whole chain rewritten from the genesis hash without rows 1-199 (renumbered, every hash
    // recomputed): a valid chain on its own, but the checkpoint's head is gone.
    void wholeChainRewrittenIsCaughtByACheckpoint()
    {
        appendMany(250);
        auto checkpoint = log().head();
        BV_VERIFY_OK(checkpoint);
        QVERIFY(dropTriggers());
        AuditFilter all;
        all.afterSeq = 199;
        all.limit = 100000;
        auto kept = log().rows(all);
        BV_VERIFY_OK(kept);
        BV_VERIFY_OK(db().query(QStringLiteral("DELETE FROM audit_log")));
        QByteArray prev = AuditLog::genesisHash(log().databaseId());
        qint64 seq = 0;
        for (AuditRow row : std::as_const(*kept)) {
            row.seq = ++seq;
            row.prevHash = prev;
            row.hash = AuditLog::rowHash(prev, row);
            QVERIFY(insertRaw(row));
            prev = row.hash;
        }
        auto plain = log().verify();
        BV_VERIFY_OK(plain);
        QVERIFY2(plain->ok(), "a chain rewritten from the genesis hash is a valid chain on its own");
        auto against = log().verifyAgainst(*checkpoint);
        BV_VERIFY_OK(against);
        QVERIFY(!against->ok());
        QCOMPARE(against->firstBrokenSeq, seq + 1);

        // rewritten to the same length (the attacker pads it): the hash at the checkpoint's head differs
        for (qint64 pad = seq + 1; pad <= checkpoint->seq; ++pad) {
            AuditRow row = rowAt(seq);
            row.seq = pad;
            row.prevHash = prev;
            row.hash = AuditLog::rowHash(prev, row);
            QVERIFY(insertRaw(row));
            prev = row.hash;
        }
        auto padded = log().verifyAgainst(*checkpoint);
        BV_VERIFY_OK(padded);
        QVERIFY(!padded->ok());
        QCOMPARE(padded->firstBrokenSeq, checkpoint->seq);
        QVERIFY2(padded->problem.contains(QStringLiteral("rewritten")), qPrintable(padded->problem));
    }

    // A legal purge of rows past retention after a checkpoint: the checkpoint still compares.
    void legalPurgeAfterACheckpointStillCompares()
    {
        appendMany(30, QStringLiteral("old"));
        t->clock.advanceDays(200);
        appendMany(10, QStringLiteral("young"));
        auto checkpoint = log().head();
        BV_VERIFY_OK(checkpoint);
        QCOMPARE(checkpoint->firstSeq, qint64(1));
        purgeNow();
        auto against = log().verifyAgainst(*checkpoint);
        BV_VERIFY_OK(against);
        QVERIFY2(against->ok(), qPrintable(against->problem));
        // the same purge without the purge row is named at the first purged row
        QVERIFY(dropTriggers());
        BV_VERIFY_OK(db().query(
            QStringLiteral("DELETE FROM audit_log WHERE action = ?"), {QString::fromLatin1(audit::AuditPurge)}));
        auto withoutPurgeRow = log().verifyAgainst(*checkpoint);
        BV_VERIFY_OK(withoutPurgeRow);
        QVERIFY(!withoutPurgeRow->ok());
        QCOMPARE(withoutPurgeRow->firstBrokenSeq, qint64(1));
    }

    void failedAuditWriteFailsTheSettingChange()
    {
        const QString key = QString::fromLatin1(settings::IdleMinutes);
        const qint64 before = t->core->settings().integer(key);
        QCOMPARE(before, 5);
        const int changes = countOf(audit::SettingsChange);
        log().failNextAppendsForTesting(1);
        auto changed = t->core->settings().set(t->admin, key, QStringLiteral("7"));
        BV_COMPARE_CODE(changed, ErrorCode::DiskFull);
        QVERIFY(changed.error().message.contains(QStringLiteral("audit log")));
        QCOMPARE(t->core->settings().integer(key), before);
        BV_VERIFY_OK(t->core->settings().reload());
        QCOMPARE(t->core->settings().integer(key), before);
        auto stored = db().scalar(QStringLiteral("SELECT count(*) FROM settings WHERE key = ? AND value = '7'"), {key});
        BV_VERIFY_OK(stored);
        QCOMPARE(stored->toInt(), 0);
        QCOMPARE(countOf(audit::SettingsChange), changes);

        // the failure was the audit write, nothing else: the same change works once the log can be written
        BV_VERIFY_OK(t->core->settings().set(t->admin, key, QStringLiteral("7")));
        QCOMPARE(t->core->settings().integer(key), 7);
        QCOMPARE(countOf(audit::SettingsChange), changes + 1);
        auto verification = log().verify();
        BV_VERIFY_OK(verification);
        QVERIFY(verification->ok());
    }

    void failedAuditWriteFailsTheAccountCreation()
    {
        const int creations = countOf(audit::UserCreate);
        log().failNextAppendsForTesting(1);
        auto created = t->core->accounts().create(
            t->admin, NewAccount {QStringLiteral("zhou"), QStringLiteral("周六"), Role::Clerk, QString(), QString()});
        BV_COMPARE_CODE(created, ErrorCode::DiskFull);
        auto users = db().scalar(QStringLiteral("SELECT count(*) FROM users WHERE login = 'zhou'"));
        BV_VERIFY_OK(users);
        QCOMPARE(users->toInt(), 0);
        BV_COMPARE_CODE(t->core->accounts().accountByLogin(QStringLiteral("zhou")), ErrorCode::NotFound);
        QCOMPARE(countOf(audit::UserCreate), creations);

        BV_VERIFY_OK(t->core->accounts().create(
            t->admin, NewAccount {QStringLiteral("zhou"), QStringLiteral("周六"), Role::Clerk, QString(), QString()}));
        BV_VERIFY_OK(t->core->accounts().accountByLogin(QStringLiteral("zhou")));
        QCOMPARE(countOf(audit::UserCreate), creations + 1);
    }
};

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
