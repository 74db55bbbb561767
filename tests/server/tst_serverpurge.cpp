// The branch's audit chain purged past retention, and its checks recorded (migration 18; DESIGN §7, docs/AUDIT.md
// "Retention purge", docs/SERVER.md "Retention purge of the branch's chain"), on a real throwaway cluster with TLS
// through the core: the security auditor's purge removes exactly the rows past retention behind the chained
// audit.purge row and moves the anchor, and the workstation's verifier (local mode's) finds the chain intact after
// one purge and after a second that removes the first purge row; nothing younger than 180 days goes, whatever the
// branch's setting says; a log with a gap is not purged; nobody else purges, and neither the database's owner nor
// a gate row of another transaction deletes a row or moves the anchor. The verifications and checkpoints made at the
// workstation are recorded in local mode's shape, an unreadable checkpoint as a failed verification.
//
// Rows "past retention" are made by the test's time machine: as the cluster's superuser, with the log's triggers off,
// every row's time is moved back and the chain re-hashed with the server's own encoding — a log written that many
// days ago.
#include "core/audit/AuditRecords.h"
#include "core/server/ServerSession.h"
#include "tests/server/ServerBranch.h"
#include "tests/server/ServerResults.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace bv;
using namespace bv::test;

class TestServerPurge : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<ServerBranch> m_branch;

    QString sql(const QString& statement) const { return m_branch->sql(statement); }
    ServerSession& auditor() { return m_branch->session(QStringLiteral("u1")); }
    qint64 number(const QString& statement) const { return sql(statement).toLongLong(); }
    qint64 firstSeq() const { return number(QStringLiteral("SELECT min(seq) FROM branchvault.audit_log")); }
    qint64 lastSeq() const { return number(QStringLiteral("SELECT max(seq) FROM branchvault.audit_log")); }
    // The newest row: "action|object_type|object_id|outcome|details".
    QString newest() const
    {
        return sql(QStringLiteral("SELECT action || '|' || object_type || '|' || object_id || '|' || outcome || '|' || "
                                  "details FROM branchvault.audit_log ORDER BY seq DESC LIMIT 1"));
    }

    // Every row of the log moved `days` back, a purge row's cutoff with it, and the chain re-hashed from the first
    // kept row's link (audit_write's encoding); the head follows. "" or what failed.
    QString travelBack(int days) const
    {
        const QString shifted = QStringLiteral(
            "to_char((%1::timestamptz - interval '%2 days') AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')");
        const QString out = sql(
            QStringLiteral(
                "ALTER TABLE branchvault.audit_log DISABLE TRIGGER USER; "
                "DO $$ DECLARE r record; prev bytea; d bytea; stamp text; det text; cut text; BEGIN "
                "FOR r IN SELECT * FROM branchvault.audit_log ORDER BY seq LOOP "
                "  IF prev IS NULL THEN prev := r.prev_hash; END IF; "
                "  stamp := %1; det := r.details; "
                "  IF r.action = 'audit.purge' THEN "
                "    cut := substring(det from '\"cutoff\":\"([^\"]+)\"'); "
                "    det := replace(det, '\"cutoff\":\"' || cut || '\"', '\"cutoff\":\"' || %2 || '\"'); "
                "  END IF; "
                "  d := branchvault.audit_row_digest(prev, r.seq, stamp, r.workstation, r.user_id, r.login, r.role, "
                "       r.action, r.object_type, r.object_id, r.customer_no, r.outcome, det); "
                "  UPDATE branchvault.audit_log SET at = stamp, details = det, prev_hash = prev, hash = d "
                "   WHERE seq = r.seq; "
                "  prev := d; "
                "END LOOP; "
                "UPDATE branchvault.audit_head SET last_hash = prev WHERE id = 1; "
                "END $$; "
                "ALTER TABLE branchvault.audit_log ENABLE TRIGGER USER")
                .arg(shifted.arg(QStringLiteral("r.at")).arg(days), shifted.arg(QStringLiteral("cut")).arg(days)));
        return out.startsWith(QLatin1String("<error")) ? out : QString();
    }

    // The chain verified at the workstation; "" or why not.
    QString intact()
    {
        auto check = auditor().verifyAudit();
        if (!check.ok())
            return why(check);
        return check->verification.ok() ? QString()
                                        : QStringLiteral("broken at %1: %2")
                                              .arg(check->verification.firstBrokenSeq)
                                              .arg(check->verification.problem);
    }

    // Some rows of today (sign-outs recorded by the branch manager's session).
    void work(int rows)
    {
        for (int i = 0; i < rows; ++i)
            QVERIFY(m_branch->session(QStringLiteral("m1")).recordEnd(false).ok());
    }

private slots:
    void initTestCase()
    {
        m_branch = std::make_unique<ServerBranch>(QStringLiteral("purge"));
        const QString problem = m_branch->setUp();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        for (const auto& [login, role] :
            {std::pair {QStringLiteral("m1"), Role::Manager}, std::pair {QStringLiteral("c1"), Role::CustomerManager},
                std::pair {QStringLiteral("u1"), Role::Auditor}}) {
            const QString added = m_branch->addStaff(login, role);
            QVERIFY2(added.isEmpty(), qPrintable(added));
        }
    }

    void cleanupTestCase() { m_branch.reset(); }

    // A verification and a checkpoint made at the workstation leave local mode's rows; a checkpoint that does not
    // parse is refused and recorded as a failed verification of a checkpoint.
    void checksAreRecorded()
    {
        QCOMPARE(intact(), QString());
        const qint64 head = lastSeq() - 1; // the verification's own row comes after the head it checked
        QCOMPARE(newest(),
            QStringLiteral("audit.verify|audit_log||ok|{\"headSeq\":%1,\"result\":\"intact\",\"rowsChecked\":%1}")
                .arg(head));

        auto checkpoint = auditor().checkpointAudit();
        QVERIFY2(checkpoint.ok(), qPrintable(why(checkpoint)));
        const AuditCheckpoint& taken = checkpoint->checkpoint;
        QCOMPARE(taken.seq, lastSeq() - 1);
        QCOMPARE(newest(),
            QStringLiteral("audit.checkpoint|audit_log|%1|ok|{\"firstSeq\":1,\"hash\":\"%2\",\"rows\":%1,\"seq\":%1}")
                .arg(taken.seq)
                .arg(QString::fromLatin1(taken.hash.toHex())));

        auto against = auditor().verifyAuditAgainst(taken.toText());
        QVERIFY2(against.ok() && against->verification.ok(), qPrintable(why(against)));
        QVERIFY(against->checkpoint && against->checkpoint->seq == taken.seq);
        QVERIFY2(newest().startsWith(QStringLiteral("audit.verify|checkpoint|%1|ok|{\"checkpointCreated\":\"%2\","
                                                    "\"checkpointSeq\":%1,\"headSeq\":")
                                         .arg(taken.seq)
                                         .arg(against->checkpoint->created.toUTC().toString(
                                             QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ")))),
            qPrintable(newest()));

        const qint64 before = lastSeq();
        auto unreadable = auditor().verifyAuditAgainst(QStringLiteral("not a checkpoint"));
        QVERIFY(!unreadable.ok());
        QCOMPARE(lastSeq(), before + 1);
        QCOMPARE(newest(), QStringLiteral("audit.verify|checkpoint||failed|{\"result\":\"invalid checkpoint\"}"));

        // only the auditor records checks, only in their shape, and the workstation field is bounded in the server's
        // own rows too
        const QString call = QStringLiteral(
            "SELECT branchvault.audit_record_check('%1', '%2', 'audit_log', NULL, 'ok', 'intact', 5, 5, NULL, NULL, "
            "NULL, NULL)");
        QString refused
            = m_branch->sqlAs(QStringLiteral("m1"), call.arg(QStringLiteral("ws"), QStringLiteral("audit.verify")));
        QVERIFY2(refused.contains(QLatin1String("42501")), qPrintable(refused));
        refused = m_branch->sqlAs(QStringLiteral("u1"), call.arg(QStringLiteral("ws"), QStringLiteral("audit.purge")));
        QVERIFY2(refused.contains(QLatin1String("22023")), qPrintable(refused));
        refused = m_branch->sqlAs(QStringLiteral("u1"),
            QStringLiteral("SELECT branchvault.audit_record_check('ws', 'audit.verify', 'audit_log', NULL, 'ok', "
                           "'broken', 5, 5, 3, NULL, NULL, NULL)"));
        QVERIFY2(refused.contains(QLatin1String("22023")), qPrintable(refused));
        refused = m_branch->sqlAs(
            QStringLiteral("u1"), call.arg(QString(129, QLatin1Char('w')), QStringLiteral("audit.verify")));
        QVERIFY2(refused.contains(QLatin1String("22023")) && refused.contains(QLatin1String("workstation")),
            qPrintable(refused));
        QCOMPARE(lastSeq(), before + 1);
    }

    // Nothing is past retention in a branch set up today: no row goes, and the use is recorded.
    void nothingYoungIsPurged()
    {
        const qint64 first = firstSeq();
        auto purged = auditor().purgeAudit();
        QVERIFY2(purged.ok(), qPrintable(why(purged)));
        QCOMPARE(purged->rows, qint64(0));
        QCOMPARE(purged->retentionDays, 180);
        QCOMPARE(firstSeq(), first);
        QVERIFY2(
            QRegularExpression(QStringLiteral("^audit\\.purge\\|audit_log\\|\\|ok\\|\\{\"cutoff\":\"[0-9T:.Z-]{24}\","
                                              "\"rows\":0\\}$"))
                .match(newest())
                .hasMatch(),
            qPrintable(newest()));
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM branchvault.audit_anchor")), QStringLiteral("0"));
        QCOMPARE(intact(), QString());
    }

    // Nobody but the auditor purges; the database's owner (here the superuser) deletes no row and moves no anchor
    // while the triggers stand, and a gate row does not open for another transaction or a row that is not behind a
    // purge row.
    void nobodyElsePurges()
    {
        const qint64 rows = number(QStringLiteral("SELECT count(*) FROM branchvault.audit_log"));
        for (const char* login : {"m1", "c1", "a1"}) {
            auto refused = m_branch->session(QLatin1String(login)).purgeAudit();
            QCOMPARE(codeOf(refused), ErrorCode::PermissionDenied);
            const QString psql
                = m_branch->sqlAs(QLatin1String(login), QStringLiteral("SELECT branchvault.audit_purge('ws')"));
            QVERIFY2(psql.contains(QLatin1String("42501")), qPrintable(psql));
        }
        // the auditor's purge in a snapshot older than its lock is refused
        QString refused = m_branch->sqlAs(QStringLiteral("u1"),
            QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT branchvault.audit_purge('ws'); COMMIT"));
        QVERIFY2(refused.contains(QLatin1String("READ COMMITTED")), qPrintable(refused));
        // the auditor reads the gate table no more than anyone
        refused = m_branch->sqlAs(
            QStringLiteral("u1"), QStringLiteral("SELECT count(*) FROM branchvault.audit_purge_gate"));
        QVERIFY2(refused.contains(QLatin1String("42501")), qPrintable(refused));

        refused = sql(QStringLiteral("DELETE FROM branchvault.audit_log WHERE seq = 1"));
        QVERIFY2(refused.contains(QLatin1String("append-only")), qPrintable(refused));
        // a gate written in another transaction opens nothing
        const qint64 purgeRow
            = number(QStringLiteral("SELECT max(seq) FROM branchvault.audit_log WHERE action = 'audit.purge'"));
        QVERIFY(purgeRow > 2);
        QCOMPARE(sql(QStringLiteral("INSERT INTO branchvault.audit_purge_gate VALUES (pg_current_xact_id(), %1, 1, 1, "
                                    "'9999-12-31T00:00:00.000Z', '\\x00')")
                         .arg(purgeRow)),
            QString());
        refused = sql(QStringLiteral("DELETE FROM branchvault.audit_log WHERE seq = 1"));
        QVERIFY2(refused.contains(QLatin1String("append-only")), qPrintable(refused));
        // nor one in the same transaction whose row is not a purge row recording the range
        refused = sql(
            QStringLiteral("BEGIN; INSERT INTO branchvault.audit_purge_gate VALUES (pg_current_xact_id(), 3, 1, 1, "
                           "'9999-12-31T00:00:00.000Z', '\\x00'); DELETE FROM branchvault.audit_log WHERE seq = 1; "
                           "COMMIT"));
        QVERIFY2(refused.contains(QLatin1String("append-only")), qPrintable(refused));
        refused = sql(
            QStringLiteral("BEGIN; INSERT INTO branchvault.audit_purge_gate VALUES (pg_current_xact_id(), %1, 1, 1, "
                           "'9999-12-31T00:00:00.000Z', '\\x00'); DELETE FROM branchvault.audit_log WHERE seq = 1; "
                           "COMMIT")
                .arg(purgeRow));
        QVERIFY2(refused.contains(QLatin1String("append-only")), qPrintable(refused)); // it recorded no range up to 1
        // with a purge row recording rows 1 to 2 (forged here by the superuser, who may insert), a gate of another
        // transaction still opens nothing, nor one of the same transaction for rows not older than its cutoff; one of
        // the same transaction does (what the owner can do, and the verifier then judges the forged purge row)
        QCOMPARE(sql(QStringLiteral("INSERT INTO branchvault.audit_log (seq, at, workstation, login, role, action, "
                                    "object_type, object_id, outcome, details, prev_hash, hash) VALUES (1000000, "
                                    "'2030-01-01T00:00:00.000Z', 'ws', 'x', 'auditor', 'audit.purge', 'audit_log', "
                                    "'2', 'ok', '{\"purgedFrom\":1,\"purgedThrough\":2}', '\\x00', '\\x00')")),
            QString());
        QCOMPARE(sql(QStringLiteral("INSERT INTO branchvault.audit_purge_gate VALUES (pg_current_xact_id(), 1000000, "
                                    "1, 2, '2029-01-01T00:00:00.000Z', '\\x00')")),
            QString());
        refused = sql(QStringLiteral("DELETE FROM branchvault.audit_log WHERE seq = 1"));
        QVERIFY2(refused.contains(QLatin1String("append-only")), qPrintable(refused));
        refused = sql(
            QStringLiteral("BEGIN; INSERT INTO branchvault.audit_purge_gate VALUES (pg_current_xact_id(), "
                           "1000000, 1, 2, '2000-01-01T00:00:00.000Z', '\\x00'); DELETE FROM branchvault.audit_log "
                           "WHERE seq = 1; COMMIT"));
        QVERIFY2(refused.contains(QLatin1String("append-only")), qPrintable(refused));
        QCOMPARE(
            sql(QStringLiteral("BEGIN; INSERT INTO branchvault.audit_purge_gate VALUES (pg_current_xact_id(), "
                               "1000000, 1, 2, '2029-01-01T00:00:00.000Z', '\\x00'); DELETE FROM branchvault.audit_log "
                               "WHERE seq = 1 RETURNING seq; ROLLBACK")),
            QStringLiteral("1"));
        refused = sql(QStringLiteral("BEGIN; INSERT INTO branchvault.audit_purge_gate VALUES (pg_current_xact_id(), "
                                     "1000000, 1, 2, '2029-12-01T00:00:00.000Z', '\\x00'); DELETE FROM "
                                     "branchvault.audit_log WHERE seq = 1; COMMIT"));
        QVERIFY2(refused.contains(QLatin1String("append-only")), qPrintable(refused));
        QCOMPARE(sql(QStringLiteral("ALTER TABLE branchvault.audit_log DISABLE TRIGGER USER; DELETE FROM "
                                    "branchvault.audit_log WHERE seq = 1000000; ALTER TABLE branchvault.audit_log "
                                    "ENABLE TRIGGER USER")),
            QString());
        refused = sql(QStringLiteral("INSERT INTO branchvault.audit_anchor VALUES (1, 2, '\\x00'); "
                                     "UPDATE branchvault.audit_anchor SET first_seq = 3"));
        QVERIFY2(refused.contains(QLatin1String("anchor")), qPrintable(refused));
        QCOMPARE(sql(QStringLiteral("DELETE FROM branchvault.audit_purge_gate; DELETE FROM branchvault.audit_anchor")),
            QString());
        QCOMPARE(number(QStringLiteral("SELECT count(*) FROM branchvault.audit_log")), rows);
        QCOMPARE(intact(), QString());
    }

    // A purge removes exactly the rows past retention, behind its purge row; the verifier follows it, and a second
    // purge that removes the first purge row.
    void rowsPastRetentionArePurgedAndTheChainStaysWhole()
    {
        // everything written so far was written 400 days ago, two rows 100 days ago, three rows today
        QCOMPARE(travelBack(300), QString());
        const qint64 through = lastSeq();
        work(2);
        QCOMPARE(travelBack(100), QString());
        work(3);

        // the branch's setting cannot make the retention shorter than 180 days: the rows 100 days old stay
        QCOMPARE(
            sql(QStringLiteral("INSERT INTO branchvault.settings (branch, key, value) VALUES ('%1', "
                               "'audit.retention_days', '90') ON CONFLICT (branch, key) DO UPDATE SET value = '90'")
                    .arg(QLatin1String(ServerBranch::kBranch))),
            QString());
        auto purged = auditor().purgeAudit();
        QVERIFY2(purged.ok(), qPrintable(why(purged)));
        QCOMPARE(purged->retentionDays, 180);
        const qint64 purgeRow = lastSeq();
        QCOMPARE(purged->rows, through);
        QCOMPARE(firstSeq(), through + 1);
        const QString firstLink
            = sql(QStringLiteral("SELECT encode(prev_hash, 'hex') FROM branchvault.audit_log WHERE seq = %1")
                      .arg(through + 1));
        const QString details
            = sql(QStringLiteral("SELECT details FROM branchvault.audit_log WHERE seq = %1").arg(purgeRow));
        const QJsonObject record = QJsonDocument::fromJson(details.toUtf8()).object();
        QCOMPARE(record.value(QStringLiteral("purgedFrom")).toInteger(), qint64(1));
        QCOMPARE(record.value(QStringLiteral("purgedThrough")).toInteger(), through);
        QCOMPARE(record.value(QStringLiteral("rows")).toInteger(), through);
        QCOMPARE(record.value(QStringLiteral("previousPurge")).toInteger(), qint64(0));
        QCOMPARE(record.value(QStringLiteral("continuesFrom")).toString(), firstLink);
        // local mode's form: compact, the keys in QJsonObject's order
        QCOMPARE(details, QString::fromUtf8(QJsonDocument(record).toJson(QJsonDocument::Compact)));
        QCOMPARE(
            sql(QStringLiteral("SELECT first_seq || '|' || encode(prev_hash, 'hex') FROM branchvault.audit_anchor")),
            QStringLiteral("%1|%2").arg(through + 1).arg(firstLink));
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM branchvault.audit_purge_gate")), QStringLiteral("0"));
        QCOMPARE(intact(), QString());

        // a year later, the second purge removes the first purge row too, and names it as the purge before it
        QCOMPARE(travelBack(365), QString());
        work(2);
        const qint64 through2 = lastSeq() - 2;
        purged = auditor().purgeAudit();
        QVERIFY2(purged.ok(), qPrintable(why(purged)));
        QCOMPARE(purged->rows, through2 - through);
        QCOMPARE(firstSeq(), through2 + 1);
        const QJsonObject second = QJsonDocument::fromJson(
            sql(QStringLiteral("SELECT details FROM branchvault.audit_log ORDER BY seq DESC LIMIT 1")).toUtf8())
                                       .object();
        QCOMPARE(second.value(QStringLiteral("purgedFrom")).toInteger(), through + 1);
        QCOMPARE(second.value(QStringLiteral("previousPurge")).toInteger(), purgeRow);
        QVERIFY(purgeRow <= through2);
        QCOMPARE(intact(), QString());

        // a checkpoint after the purges names the first kept row
        auto checkpoint = auditor().checkpointAudit();
        QVERIFY2(checkpoint.ok(), qPrintable(why(checkpoint)));
        QCOMPARE(checkpoint->checkpoint.firstSeq, through2 + 1);
    }

    // The cutoff is the same in every session time zone: a purge from a session in Sydney or Berlin (daylight saving
    // on one side of the 180 days and not on the other) leaves a purge row the verifier accepts.
    void theSessionTimeZoneDoesNotMoveTheCutoff()
    {
        for (const char* zone : {"Australia/Sydney", "Europe/Berlin"}) {
            QCOMPARE(travelBack(400), QString());
            work(1);
            const qint64 through = lastSeq() - 1;
            const qint64 first = firstSeq();
            const QString purged = m_branch->sqlAs(QStringLiteral("u1"),
                QStringLiteral("SET TimeZone = '%1'; SELECT rows || '|' || retention_days FROM "
                               "branchvault.audit_purge('ws')")
                    .arg(QLatin1String(zone)));
            QCOMPARE(purged, QStringLiteral("%1|180").arg(through - first + 1));
            QCOMPARE(intact(), QString());
        }
    }

    // A row changed among the old ones is not purged away: the purge is refused, and the change stays for the
    // verifier to name.
    void aChangedRowIsNotHidden()
    {
        QCOMPARE(travelBack(400), QString());
        work(1);
        const qint64 changed = firstSeq() + 1;
        const QString original
            = sql(QStringLiteral("SELECT workstation FROM branchvault.audit_log WHERE seq = %1").arg(changed));
        const QString edit = QStringLiteral("ALTER TABLE branchvault.audit_log DISABLE TRIGGER USER; UPDATE "
                                            "branchvault.audit_log SET workstation = '%1' WHERE seq = %2; ALTER TABLE "
                                            "branchvault.audit_log ENABLE TRIGGER USER");
        QCOMPARE(sql(edit.arg(QStringLiteral("elsewhere")).arg(changed)), QString());
        auto purged = auditor().purgeAudit();
        QCOMPARE(codeOf(purged), ErrorCode::Damaged);
        QVERIFY2(purged.error().detail.contains(QStringLiteral("audit row %1 was changed").arg(changed)),
            qPrintable(why(purged)));
        QCOMPARE(firstSeq(), changed - 1);
        QCOMPARE(sql(edit.arg(original).arg(changed)), QString());
        QCOMPARE(intact(), QString());
    }

    // A log with a gap in the range, or rows missing at its front, is not purged: the purge would hide it.
    void aGapIsNotHidden()
    {
        QCOMPARE(travelBack(400), QString());
        work(1);
        const qint64 first = firstSeq();
        const qint64 rows = number(QStringLiteral("SELECT count(*) FROM branchvault.audit_log"));
        QCOMPARE(sql(QStringLiteral("ALTER TABLE branchvault.audit_log DISABLE TRIGGER USER; DELETE FROM "
                                    "branchvault.audit_log WHERE seq = %1; ALTER TABLE branchvault.audit_log ENABLE "
                                    "TRIGGER USER")
                         .arg(first + 2)),
            QString());
        auto purged = auditor().purgeAudit();
        QCOMPARE(codeOf(purged), ErrorCode::Damaged);
        QVERIFY2(purged.error().detail.contains(QStringLiteral("rows missing between row %1").arg(first)),
            qPrintable(why(purged)));
        QCOMPARE(firstSeq(), first);
        QCOMPARE(number(QStringLiteral("SELECT count(*) FROM branchvault.audit_log")), rows - 1);
        QVERIFY(!intact().isEmpty());

        // the front: the first kept row deleted behind the triggers' back
        QCOMPARE(sql(QStringLiteral("ALTER TABLE branchvault.audit_log DISABLE TRIGGER USER; DELETE FROM "
                                    "branchvault.audit_log WHERE seq BETWEEN %1 AND %2; ALTER TABLE "
                                    "branchvault.audit_log ENABLE TRIGGER USER")
                         .arg(first)
                         .arg(first + 2)),
            QString());
        purged = auditor().purgeAudit();
        QCOMPARE(codeOf(purged), ErrorCode::Damaged);
        QVERIFY2(purged.error().detail.contains(QStringLiteral("kept chain starts at row %1").arg(first)),
            qPrintable(why(purged)));
        QCOMPARE(firstSeq(), first + 3);
        QVERIFY(!intact().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestServerPurge)
#include "tst_serverpurge.moc"
