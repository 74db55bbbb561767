// The storage seam (core/db/Connection.h) as the repositories use it, over the real SQLCipher database:
// insert-returning-id gives each new row its id without rowid or lastInsertId; scan streams stored bytes with
// NULLs told apart, binds values, stops when asked and reports a bad statement; Transaction over a Connection
// commits, rolls back, and nests as a savepoint; insertRows writes many rows per statement.
#include "core/internal/db/Connection.h"
#include "core/internal/db/Database.h"
#include "core/internal/db/Transaction.h"
#include "tests/testsupport/TestSupport.h"

#include <QTest>

using namespace bv;
using namespace bv::test;

class TestConnection : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestDatabase> t;

    Connection& conn() { return *t->db; }

    qint64 count()
    {
        auto n = conn().scalar(QStringLiteral("SELECT count(*) FROM notes"));
        return n.ok() ? n->toLongLong() : -1;
    }

private slots:
    void init()
    {
        t = TestDatabase::create();
        QVERIFY(t && t->db);
        BV_VERIFY_OK(conn().execScript(QStringLiteral(
            "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL, tag TEXT, data BLOB) STRICT;")));
    }

    void cleanup() { t.reset(); }

    void dialectIsSqlite() { QCOMPARE(conn().dialect(), SqlDialect::SQLite); }

    void insertReturningIdGivesEachRowItsId()
    {
        const QString insert = QStringLiteral("INSERT INTO notes (body) VALUES (?) RETURNING id");
        auto first = conn().insertReturningId(insert, {QStringLiteral("一")});
        BV_VERIFY_OK(first);
        auto second = conn().insertReturningId(insert, {QStringLiteral("二")});
        BV_VERIFY_OK(second);
        QVERIFY(*second != *first);
        auto body = conn().scalar(QStringLiteral("SELECT body FROM notes WHERE id = ?"), {*second});
        BV_VERIFY_OK(body);
        QCOMPARE(body->toString(), QStringLiteral("二"));
        // an explicit id comes back as written
        auto chosen = conn().insertReturningId(
            QStringLiteral("INSERT INTO notes (id, body) VALUES (?, ?) RETURNING id"), {1000, QStringLiteral("x")});
        BV_VERIFY_OK(chosen);
        QCOMPARE(*chosen, qint64(1000));
        // a statement that returns nothing is an error, not id 0
        BV_COMPARE_CODE(
            conn().insertReturningId(QStringLiteral("INSERT INTO notes (body) VALUES (?)"), {QStringLiteral("y")}),
            ErrorCode::Internal);
        // a refused insert is the database's error
        BV_COMPARE_CODE(conn().insertReturningId(QStringLiteral("INSERT INTO notes (body) VALUES (NULL) RETURNING id")),
            ErrorCode::Database);
        QCOMPARE(count(), 4);
    }

    // Many rows through the SQLCipher database's own way (the C API, one prepared statement stepped per row) and
    // through the generic one every Connection has (two multi-row statements of 64 and a remainder): the same rows, in
    // order, NULLs and bytes kept. A row of the wrong width is refused before anything is written; a refused row is the
    // database's error, whether it comes first or after others.
    void insertRowsWritesEveryRowAsGiven_data()
    {
        QTest::addColumn<bool>("generic");
        QTest::newRow("SQLCipher") << false;
        QTest::newRow("generic") << true;
    }
    void insertRowsWritesEveryRowAsGiven()
    {
        QFETCH(bool, generic);
        const auto insert = [&](const QList<QVariantList>& rows) {
            const QString into = QStringLiteral("INSERT INTO notes (id, body, tag, data)");
            return generic ? conn().Connection::insertRows(into, 4, rows) : conn().insertRows(into, 4, rows);
        };
        QList<QVariantList> rows;
        for (int i = 1; i <= 130; ++i)
            rows.append({i, QStringLiteral("第%1条").arg(i),
                i % 3 == 0 ? QVariant(QMetaType::fromType<QString>()) : QVariant(QStringLiteral("t%1").arg(i)),
                QByteArray(i % 5, char(i))});
        BV_VERIFY_OK(insert(rows));
        QCOMPARE(count(), 130);
        int seen = 0;
        BV_VERIFY_OK(conn().scan(
            QStringLiteral("SELECT id, body, tag, data FROM notes ORDER BY id"), {},
            [&](const RawRow& row) {
                ++seen;
                const int i = int(row.int64(0));
                if (i != seen || QString::fromUtf8(row.text(1)) != QStringLiteral("第%1条").arg(i)
                    || row.isNull(2) != (i % 3 == 0) || row.blob(3).toByteArray() != QByteArray(i % 5, char(i)))
                    seen = -1000;
                return true;
            },
            QStringLiteral("notes")));
        QCOMPARE(seen, 130);

        QList<QVariantList> uneven {{131, QStringLiteral("a"), QStringLiteral("b"), QByteArray("c")},
            {132, QStringLiteral("a"), QStringLiteral("b")}};
        BV_COMPARE_CODE(insert(uneven), ErrorCode::Internal);
        QCOMPARE(count(), 130);
        BV_COMPARE_CODE(insert({{133, QVariant(QMetaType::fromType<QString>()), QString(), QByteArray()}}),
            ErrorCode::Database); // body is NOT NULL
        QCOMPARE(count(), 130);

        // A row refused after 65 good ones (an id already taken): the database's error; the rows before it are in
        // the caller's transaction, which rolls them back.
        QList<QVariantList> late;
        for (int i = 200; i < 270; ++i)
            late.append({i == 265 ? 1 : i, QStringLiteral("x"), QString(), QByteArray()});
        BV_VERIFY_OK(conn().execScript(QStringLiteral("SAVEPOINT late")));
        BV_COMPARE_CODE(insert(late), ErrorCode::Database);
        QCOMPARE(count(), 130 + 65);
        BV_VERIFY_OK(conn().execScript(QStringLiteral("ROLLBACK TO late; RELEASE late")));
        QCOMPARE(count(), 130);
    }

    void scanReadsStoredBytes()
    {
        BV_VERIFY_OK(conn().exec(QStringLiteral("INSERT INTO notes (id, body, tag, data) VALUES (?, ?, ?, ?)"),
            {7, QStringLiteral("第一"), QVariant(QMetaType::fromType<QString>()), QByteArray("\x00\x01\x02", 3)}));
        BV_VERIFY_OK(conn().exec(QStringLiteral("INSERT INTO notes (id, body, tag) VALUES (?, ?, ?)"),
            {8, QStringLiteral("second"), QStringLiteral("t")}));
        QList<qint64> ids;
        QStringList texts;
        int nullTags = 0;
        QByteArray blob;
        BV_VERIFY_OK(conn().scan(
            QStringLiteral("SELECT id, body, tag, data FROM notes WHERE id >= ? ORDER BY id"), {7},
            [&](const RawRow& row) {
                ids << row.int64(0);
                texts << QString::fromUtf8(row.text(1)) + QLatin1Char('/') + QString::fromUtf8(row.text(0));
                nullTags += row.isNull(2) ? 1 : 0;
                if (!row.isNull(3))
                    blob = row.blob(3).toByteArray();
                return true;
            },
            Reading::Customers));
        QCOMPARE(ids, (QList<qint64> {7, 8}));
        QCOMPARE(texts, (QStringList {QStringLiteral("第一/7"), QStringLiteral("second/8")}));
        QCOMPARE(nullTags, 1);
        QCOMPARE(blob, QByteArray("\x00\x01\x02", 3));

        // stopping early is not an error
        int visited = 0;
        BV_VERIFY_OK(conn().scan(
            QStringLiteral("SELECT id FROM notes ORDER BY id"), {},
            [&](const RawRow&) {
                ++visited;
                return false;
            },
            Reading::Customers));
        QCOMPARE(visited, 1);
        // a statement that cannot be prepared is an error named by its context
        auto bad = conn().scan(
            QStringLiteral("SELECT nothing FROM nowhere"), {}, [](const RawRow&) { return true; }, Reading::Customers);
        QVERIFY(!bad.ok());
        QVERIFY2(bad.error().message.startsWith(readingContext(Reading::Customers)), qPrintable(bad.error().message));
    }

    void transactionsOverAConnection()
    {
        {
            Transaction tx(conn());
            QVERIFY(tx.ok());
            QVERIFY(conn().inTransaction());
            BV_VERIFY_OK(conn().exec(QStringLiteral("INSERT INTO notes (body) VALUES (?)"), {QStringLiteral("kept")}));
            {
                Transaction inner(conn()); // a savepoint
                QVERIFY(inner.ok());
                BV_VERIFY_OK(
                    conn().exec(QStringLiteral("INSERT INTO notes (body) VALUES (?)"), {QStringLiteral("dropped")}));
                // not committed: rolled back to the savepoint
            }
            {
                Transaction inner(conn());
                QVERIFY(inner.ok());
                BV_VERIFY_OK(
                    conn().exec(QStringLiteral("INSERT INTO notes (body) VALUES (?)"), {QStringLiteral("nested")}));
                BV_VERIFY_OK(inner.commit());
            }
            BV_VERIFY_OK(tx.commit());
        }
        QVERIFY(!conn().inTransaction());
        QCOMPARE(count(), 2);
        {
            Transaction tx(conn());
            QVERIFY(tx.ok());
            BV_VERIFY_OK(conn().exec(QStringLiteral("INSERT INTO notes (body) VALUES (?)"), {QStringLiteral("gone")}));
        }
        QVERIFY(!conn().inTransaction());
        QCOMPARE(count(), 2);
    }
};

QTEST_GUILESS_MAIN(TestConnection)
#include "tst_connection.moc"
