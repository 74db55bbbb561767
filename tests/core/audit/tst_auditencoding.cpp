// One encoder for the audit row hash (DESIGN §7, issue 14): append() hashes the row it builds (AuditLog::rowHash)
// and verify() hashes the stored bytes, both through rowDigest in AuditLog.cpp. These tests fail when the two
// drift apart or when the canonical encoding v1 itself changes (which would break every existing chain):
//   - the encoding is written out here a second time, from docs/AUDIT.md, and rowHash must agree with it and
//     with a fixed vector;
//   - rows appended with every kind of value (NULL user id and customer number, CJK, quotes, newlines) verify,
//     and their stored hash is rowHash of the row read back;
//   - a field whose meaning is unchanged but whose stored encoding differs (the time without its milliseconds)
//     is named as changed by verify(): verify hashes what is stored, not what it parses.
#include "core/internal/CoreInternal.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/db/Database.h"
#include "core/internal/db/Transaction.h"
#include "tests/testsupport/TestCore.h"

#include <QCryptographicHash>
#include <QTest>
#include <QtEndian>

using namespace bv;
using namespace bv::test;

namespace {

// Canonical encoding v1, as docs/AUDIT.md states it: "bv-audit-v1", then the previous hash and the twelve fields,
// each as a 4-byte big-endian length and its UTF-8 bytes, hashed with SHA-256.
QByteArray specHash(const QByteArray& prevHash, const AuditRow& row)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QByteArrayView("bv-audit-v1"));
    auto field = [&hash](const QByteArray& bytes) {
        char length[4];
        qToBigEndian<quint32>(quint32(bytes.size()), length);
        hash.addData(QByteArrayView(length, 4));
        hash.addData(bytes);
    };
    field(prevHash);
    field(QByteArray::number(row.seq));
    field(row.at.toUTC().toString(Qt::ISODateWithMs).toUtf8());
    field(row.workstation.toUtf8());
    field(QByteArray::number(row.userId));
    for (const QString* text : {&row.login, &row.role, &row.action, &row.objectType, &row.objectId, &row.customerNo,
             &row.outcome, &row.details})
        field(text->toUtf8());
    return hash.result();
}

AuditRow fixedRow()
{
    AuditRow row;
    row.seq = 42;
    row.at = QDateTime(QDate(2026, 3, 1), QTime(8, 30, 15, 7), Qt::UTC);
    row.workstation = QStringLiteral("BRANCH-PC-01");
    row.userId = 7;
    row.login = QStringLiteral("zhang.wei");
    row.role = QStringLiteral("manager");
    row.action = QStringLiteral("customer.open");
    row.objectType = QStringLiteral("customer");
    row.objectId = QStringLiteral("19");
    row.customerNo = QStringLiteral("C000019");
    row.outcome = QStringLiteral("ok");
    row.details = QStringLiteral("{\"name\":\"张*\",\"note\":\"含\\\"引号\\\"\\n换行\"}");
    return row;
}

} // namespace

class TestAuditEncoding : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestCore> t;

    AuditLog& log() { return internalsOf(*t->core).auditLog(); }
    Database& db() { return t->vault->database(); }

    QList<AuditRow> allRows()
    {
        AuditFilter all;
        all.limit = 100000;
        auto rows = log().rows(all);
        return rows.ok() ? *rows : QList<AuditRow>();
    }

    // Rows of every shape the log stores: a signed-in person, the system (NULL user id), someone not signed in,
    // with and without a customer number (NULL when empty), CJK, quotes and newlines in the details.
    void appendVaried()
    {
        Transaction tx(db());
        QVERIFY(tx.ok());
        const Actor manager {102, QStringLiteral("wang"), QStringLiteral("王五"), Role::Manager, QStringLiteral("0001"),
            QStringLiteral("s2")};
        Actor typed;
        typed.login = QStringLiteral("guess");
        const QList<Actor> actors {manager, Actor::system(), typed};
        for (int i = 0; i < 9; ++i) {
            const AuditEvent event {QStringLiteral("test.encoding"), QStringLiteral("customer"), QString::number(i),
                i % 2 ? QString() : QStringLiteral("C%1").arg(i, 6, 10, QLatin1Char('0')),
                i % 3 == 0 ? AuditOutcome::Ok : (i % 3 == 1 ? AuditOutcome::Denied : AuditOutcome::Failed),
                QJsonObject {{QStringLiteral("name"), QStringLiteral("欧**娜")},
                    {QStringLiteral("note"), QStringLiteral("第%1次，\"引号\"\n换行").arg(i)}}};
            BV_VERIFY_OK(log().append(actors.at(i % actors.size()), event));
        }
        BV_VERIFY_OK(tx.commit());
    }

private slots:
    void init()
    {
        t = TestCore::create();
        QVERIFY(t);
    }

    void cleanup() { t.reset(); }

    void rowHashIsTheCanonicalEncoding()
    {
        const AuditRow row = fixedRow();
        const QByteArray prev = AuditLog::genesisHash(QStringLiteral("db-1"));
        QCOMPARE(AuditLog::rowHash(prev, row).toHex(), specHash(prev, row).toHex());
        // The vector as version 1 hashes it. If this changes, every stored chain stops verifying: write a v2
        // encoder beside v1 instead.
        QCOMPARE(AuditLog::rowHash(prev, row).toHex(),
            QByteArray("a0fa6163937820645aea1b19cbde4020fc4a330675b865f03dd26e11a09f8cc1"));
        // every field is part of it
        AuditRow other = row;
        other.userId = 0;
        QVERIFY(AuditLog::rowHash(prev, other) != AuditLog::rowHash(prev, row));
        other = row;
        other.at = other.at.addMSecs(1);
        QVERIFY(AuditLog::rowHash(prev, other) != AuditLog::rowHash(prev, row));
        other = row;
        other.details.append(QLatin1Char(' '));
        QVERIFY(AuditLog::rowHash(prev, other) != AuditLog::rowHash(prev, row));
        // the length prefixes keep field boundaries: moving a character from one field to the next changes the hash
        other = row;
        other.login = QStringLiteral("zhang.we");
        other.role = QStringLiteral("imanager");
        QVERIFY(AuditLog::rowHash(prev, other) != AuditLog::rowHash(prev, row));
    }

    void appendAndVerifyHashTheSameBytes()
    {
        appendVaried();
        const QList<AuditRow> rows = allRows();
        QVERIFY(rows.size() >= 9);
        int withoutUser = 0;
        int withoutCustomer = 0;
        for (const AuditRow& row : rows) {
            // what append stored is what the one encoder makes of the row read back, and what the spec says
            QCOMPARE(row.hash.toHex(), AuditLog::rowHash(row.prevHash, row).toHex());
            QCOMPARE(row.hash.toHex(), specHash(row.prevHash, row).toHex());
            withoutUser += row.userId == 0 ? 1 : 0;
            withoutCustomer += row.customerNo.isEmpty() ? 1 : 0;
        }
        QVERIFY(withoutUser > 0);
        QVERIFY(withoutCustomer > 0);
        // and verify, which hashes the stored bytes, agrees with every one of them
        auto verification = log().verify();
        BV_VERIFY_OK(verification);
        QVERIFY2(verification->ok(), qPrintable(verification->problem));
        QCOMPARE(verification->rowsChecked, qint64(rows.size()));
        QCOMPARE(verification->headHash.toHex(), rows.constLast().hash.toHex());
    }

    void verifyHashesTheStoredEncoding()
    {
        appendVaried();
        const QList<AuditRow> rows = allRows();
        QVERIFY(rows.size() >= 5);
        const AuditRow target = rows.at(4);
        BV_VERIFY_OK(db().execScript(QStringLiteral("DROP TRIGGER audit_log_no_update;")));
        // the same instant, written without its milliseconds: parsed, it is the row append wrote
        const QString shortAt = target.at.toUTC().toString(Qt::ISODate);
        QVERIFY(shortAt != target.at.toUTC().toString(Qt::ISODateWithMs));
        BV_VERIFY_OK(db().query(QStringLiteral("UPDATE audit_log SET at = ? WHERE seq = ?"), {shortAt, target.seq}));
        AuditFilter one;
        one.afterSeq = target.seq - 1;
        one.limit = 1;
        auto reread = log().rows(one);
        BV_VERIFY_OK(reread);
        QCOMPARE(reread->size(), 1);
        QCOMPARE(reread->constFirst().at.toSecsSinceEpoch(), target.at.toSecsSinceEpoch());

        auto verification = log().verify();
        BV_VERIFY_OK(verification);
        QVERIFY(!verification->ok());
        QCOMPARE(verification->firstBrokenSeq, target.seq);
        QVERIFY2(verification->problem.contains(QStringLiteral("changed")), qPrintable(verification->problem));
    }
};

QTEST_GUILESS_MAIN(TestAuditEncoding)
#include "tst_auditencoding.moc"
