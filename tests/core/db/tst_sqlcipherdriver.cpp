// The SQLCipher Qt SQL driver: value round trips, placeholders, errors, transactions, cursors.
#include "core/internal/db/Database.h"
#include "core/internal/db/SqlCipherDriver.h"
#include "tests/testsupport/TestSupport.h"

#include <QDateTime>
#include <QFile>
#include <QSqlError>
#include <QSqlField>
#include <QSqlIndex>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QSqlResult>
#include <QTest>

using namespace bv;
using namespace bv::test;

class TestSqlCipherDriver : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestDatabase> m_test;
    QSqlDatabase db() { return m_test->db->connection(); }

private slots:
    void init()
    {
        m_test = TestDatabase::create();
        QVERIFY(m_test);
        QSqlQuery q(db());
        QVERIFY2(q.exec(QStringLiteral("CREATE TABLE t (id INTEGER PRIMARY KEY, i INTEGER, r REAL, s TEXT, b BLOB, "
                                       "u TEXT UNIQUE)")),
            qPrintable(q.lastError().text()));
    }
    void cleanup() { m_test.reset(); }

    void driverIsOurs()
    {
        QVERIFY(qobject_cast<SqlCipherDriver*>(db().driver()));
        QVERIFY(db().isOpen());
        QVERIFY(db().driver()->hasFeature(QSqlDriver::PreparedQueries));
        QVERIFY(db().driver()->hasFeature(QSqlDriver::LastInsertId));
        QVERIFY(db().driver()->hasFeature(QSqlDriver::BLOB));
        QVERIFY(db().driver()->hasFeature(QSqlDriver::Transactions));
        QVERIFY(!db().driver()->hasFeature(QSqlDriver::QuerySize));
    }

    void qtSqlitePluginNeverLoaded()
    {
        // Qt's QSQLITE plugin links the system libsqlite3; it must never be mapped into this process.
        QSqlQuery q(db());
        QVERIFY(q.exec(QStringLiteral("SELECT 1")));
        const QByteArray maps = readFile(QStringLiteral("/proc/self/maps"));
        QVERIFY(!maps.isEmpty());
        QVERIFY2(!maps.contains("libqsqlite"), "Qt's QSQLITE plugin is loaded");
        QVERIFY2(!maps.contains("libsqlite3.so"), "the system libsqlite3 is loaded beside libsqlcipher");
        QVERIFY(maps.contains("libsqlcipher"));
    }

    void textRoundTrip_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("ascii") << QStringLiteral("hello");
        QTest::newRow("quotes") << QStringLiteral("it's \"quoted\" '; DROP TABLE t; --");
        QTest::newRow("cjk") << QStringLiteral("欧阳娜娜 北京市朝阳区建国路88号");
        QTest::newRow("emoji") << QString::fromUtf8("\xF0\x9F\x8F\xA6 bank");
        QTest::newRow("embedded NUL") << QString(QStringLiteral("a") + QChar(0) + QStringLiteral("b"));
        QTest::newRow("empty") << QStringLiteral("");
        QTest::newRow("long") << QString(100000, QLatin1Char('x'));
    }
    void textRoundTrip()
    {
        QFETCH(QString, text);
        QSqlQuery q(db());
        QVERIFY(q.prepare(QStringLiteral("INSERT INTO t (s) VALUES (?)")));
        q.addBindValue(text);
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        const QVariant id = q.lastInsertId();
        QVERIFY(id.isValid());
        QVERIFY(q.prepare(QStringLiteral("SELECT s, typeof(s) FROM t WHERE id = ?")));
        q.addBindValue(id);
        QVERIFY(q.exec());
        QVERIFY(q.next());
        QVERIFY(!q.isNull(0));
        QCOMPARE(q.value(0).toString(), text);
        QCOMPARE(q.value(0).toString().size(), text.size());
        QCOMPARE(q.value(1).toString(), QStringLiteral("text"));
    }

    void numbersRoundTrip()
    {
        QSqlQuery q(db());
        QVERIFY(q.prepare(QStringLiteral("INSERT INTO t (i, r) VALUES (?, ?)")));
        const qint64 big = Q_INT64_C(9007199254740993); // not representable as a double
        q.addBindValue(big);
        q.addBindValue(3.141592653589793);
        QVERIFY(q.exec());
        QVERIFY(q.prepare(QStringLiteral("INSERT INTO t (i, r) VALUES (?, ?)")));
        q.addBindValue(true);
        q.addBindValue(-0.5f);
        QVERIFY(q.exec());
        QVERIFY(q.exec(QStringLiteral("SELECT i, r, typeof(i), typeof(r) FROM t ORDER BY id")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toLongLong(), big);
        QCOMPARE(q.value(1).toDouble(), 3.141592653589793);
        QCOMPARE(q.value(2).toString(), QStringLiteral("integer"));
        QCOMPARE(q.value(3).toString(), QStringLiteral("real"));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toLongLong(), 1);
        QCOMPARE(q.value(1).toDouble(), -0.5);
        QVERIFY(!q.next());
    }

    void blobAndNullRoundTrip()
    {
        QByteArray blob;
        for (int i = 0; i < 512; ++i)
            blob.append(char(i % 256));
        QSqlQuery q(db());
        QVERIFY(q.prepare(QStringLiteral("INSERT INTO t (b, s, i) VALUES (?, ?, ?)")));
        q.addBindValue(blob);
        q.addBindValue(QVariant(QMetaType::fromType<QString>())); // typed NULL
        q.addBindValue(QVariant()); // untyped NULL
        QVERIFY(q.exec());
        QVERIFY(q.prepare(QStringLiteral("INSERT INTO t (b) VALUES (?)")));
        q.addBindValue(QByteArray(""));
        QVERIFY(q.exec());
        QVERIFY(q.exec(QStringLiteral("SELECT b, s, i, typeof(b) FROM t ORDER BY id")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toByteArray(), blob);
        QVERIFY(q.isNull(1));
        QVERIFY(q.isNull(2));
        QCOMPARE(q.value(3).toString(), QStringLiteral("blob"));
        QVERIFY(q.next());
        QVERIFY(!q.isNull(0));
        QCOMPARE(q.value(0).toByteArray().size(), 0);
        QCOMPARE(q.value(3).toString(), QStringLiteral("blob"));
    }

    void dateTimeIsStoredAsUtcIsoText()
    {
        const QDateTime when(QDate(2026, 11, 23), QTime(8, 30, 15, 250), Qt::UTC);
        QSqlQuery q(db());
        QVERIFY(q.prepare(QStringLiteral("INSERT INTO t (s) VALUES (?)")));
        q.addBindValue(when);
        QVERIFY(q.exec());
        QVERIFY(q.exec(QStringLiteral("SELECT s FROM t")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("2026-11-23T08:30:15.250Z"));
        QCOMPARE(QDateTime::fromString(q.value(0).toString(), Qt::ISODateWithMs), when);
    }

    void namedPlaceholders()
    {
        QSqlQuery q(db());
        QVERIFY(q.prepare(QStringLiteral("INSERT INTO t (i, s, u) VALUES (:num, :text, :text || ':suffix')")));
        q.bindValue(QStringLiteral(":num"), 42);
        q.bindValue(QStringLiteral(":text"), QStringLiteral("名字"));
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        QVERIFY(q.prepare(QStringLiteral("SELECT i, s, u FROM t WHERE s = :text AND i = :num")));
        q.bindValue(QStringLiteral(":num"), 42);
        q.bindValue(QStringLiteral(":text"), QStringLiteral("名字"));
        QVERIFY(q.exec());
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 42);
        QCOMPARE(q.value(1).toString(), QStringLiteral("名字"));
        QCOMPARE(q.value(2).toString(), QStringLiteral("名字:suffix"));
    }

    void preparedStatementIsReused()
    {
        QSqlQuery q(db());
        QVERIFY(q.prepare(QStringLiteral("INSERT INTO t (i) VALUES (?)")));
        for (int i = 0; i < 100; ++i) {
            q.bindValue(0, i);
            QVERIFY(q.exec());
            QCOMPARE(q.numRowsAffected(), 1);
        }
        QVERIFY(q.exec(QStringLiteral("SELECT count(*), sum(i) FROM t")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 100);
        QCOMPARE(q.value(1).toInt(), 4950);
    }

    // A finished query's statement goes back to the driver's pool; the next query with the same text
    // takes it. Queries with the same text that are open at once each have their own statement, the
    // pooled one keeps no bound value, and a schema change is seen by the next query.
    void statementPoolKeepsQueriesApart()
    {
        const QString insert = QStringLiteral("INSERT INTO t (i, s) VALUES (?, ?)");
        for (int i = 1; i <= 4; ++i) {
            QSqlQuery q(db());
            QVERIFY(q.prepare(insert));
            q.addBindValue(i);
            q.addBindValue(i % 2 ? QVariant(QStringLiteral("odd")) : QVariant(QMetaType::fromType<QString>()));
            QVERIFY(q.exec());
        }
        const QString select = QStringLiteral("SELECT i FROM t WHERE i >= ? ORDER BY i");
        QSqlQuery outer(db());
        outer.setForwardOnly(true);
        QVERIFY(outer.prepare(select));
        outer.addBindValue(1);
        QVERIFY(outer.exec());
        QList<int> pairs;
        while (outer.next()) {
            QSqlQuery inner(db()); // the same text while the outer one is still stepping
            inner.setForwardOnly(true);
            QVERIFY(inner.prepare(select));
            inner.addBindValue(outer.value(0).toInt() + 2);
            QVERIFY(inner.exec());
            pairs << outer.value(0).toInt() * 10 + (inner.next() ? inner.value(0).toInt() : 0);
        }
        QCOMPARE(pairs, (QList<int> {13, 24, 30, 40}));
        // the statements really are reused: a finished query's statement serves the next one
        void* first = nullptr;
        {
            QSqlQuery q(db());
            QVERIFY(q.prepare(QStringLiteral("SELECT max(i) FROM t")));
            first = q.result()->handle().value<void*>();
        }
        QSqlQuery again(db());
        QVERIFY(again.prepare(QStringLiteral("SELECT max(i) FROM t")));
        QCOMPARE(again.result()->handle().value<void*>(), first);
        QVERIFY(again.exec() && again.next());
        QCOMPARE(again.value(0).toInt(), 4);
        {
            // a reused statement with a value bound again reads the new value, not a leftover
            QSqlQuery q(db());
            QVERIFY(q.prepare(QStringLiteral("SELECT count(*) FROM t WHERE s = ?")));
            q.addBindValue(QStringLiteral("odd"));
            QVERIFY(q.exec() && q.next());
            QCOMPARE(q.value(0).toInt(), 2);
        }
        {
            QSqlQuery q(db());
            QVERIFY(q.prepare(QStringLiteral("SELECT count(*) FROM t WHERE s = ?")));
            q.addBindValue(QStringLiteral("even"));
            QVERIFY(q.exec() && q.next());
            QCOMPARE(q.value(0).toInt(), 0);
        }
        // schema change between two uses of the same text
        const QString all = QStringLiteral("SELECT * FROM t LIMIT 1");
        {
            QSqlQuery q(db());
            QVERIFY(q.exec(all) && q.next());
            QCOMPARE(q.record().count(), 6);
        }
        BV_VERIFY_OK(m_test->db->execScript(QStringLiteral("ALTER TABLE t ADD COLUMN extra TEXT;")));
        QSqlQuery q(db());
        QVERIFY(q.exec(all) && q.next());
        QCOMPARE(q.record().count(), 7);
        QCOMPARE(q.record().fieldName(6), QStringLiteral("extra"));
    }

    void rowsAffectedAndLastInsertId()
    {
        QSqlQuery q(db());
        for (int i = 0; i < 5; ++i)
            QVERIFY(q.exec(QStringLiteral("INSERT INTO t (i) VALUES (%1)").arg(i)));
        QCOMPARE(q.lastInsertId().toLongLong(), 5);
        QVERIFY(q.prepare(QStringLiteral("UPDATE t SET s = 'x' WHERE i >= ?")));
        q.addBindValue(2);
        QVERIFY(q.exec());
        QCOMPARE(q.numRowsAffected(), 3);
        QVERIFY(q.exec(QStringLiteral("DELETE FROM t")));
        QCOMPARE(q.numRowsAffected(), 5);
        QVERIFY(q.exec(QStringLiteral("SELECT * FROM t")));
        QCOMPARE(q.numRowsAffected(), -1);
        QCOMPARE(q.size(), -1);
    }

    void errorsCarrySqliteCodes()
    {
        QSqlQuery q(db());
        QVERIFY(!q.exec(QStringLiteral("SELEKT nonsense")));
        QCOMPARE(q.lastError().type(), QSqlError::StatementError);
        QCOMPARE(q.lastError().nativeErrorCode(), QStringLiteral("1")); // SQLITE_ERROR
        QVERIFY(q.lastError().databaseText().contains(QStringLiteral("syntax error")));

        QVERIFY(q.exec(QStringLiteral("INSERT INTO t (u) VALUES ('same')")));
        QVERIFY(!q.exec(QStringLiteral("INSERT INTO t (u) VALUES ('same')")));
        QCOMPARE(q.lastError().nativeErrorCode(), QStringLiteral("2067")); // SQLITE_CONSTRAINT_UNIQUE
        QVERIFY(q.lastError().databaseText().contains(QStringLiteral("UNIQUE")));

        QVERIFY(q.prepare(QStringLiteral("INSERT INTO t (i, s) VALUES (?, ?)")));
        q.addBindValue(1);
        QVERIFY(!q.exec()); // one value for two placeholders
        QCOMPARE(q.lastError().nativeErrorCode(), QStringLiteral("25")); // SQLITE_RANGE

        // One statement per query: a second statement never rides along.
        QVERIFY(!q.exec(QStringLiteral("SELECT 1; DELETE FROM t")));
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM t")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 1);
    }

    void errorMapsToErrorCode()
    {
        QSqlQuery q(db());
        QVERIFY(!q.exec(QStringLiteral("SELEKT")));
        const Error error = Database::sqlError(q.lastError(), QStringLiteral("Doing it"));
        QCOMPARE(error.code, ErrorCode::Database);
        QVERIFY(error.message.startsWith(QStringLiteral("Doing it")));
        QVERIFY(error.detail.contains(QStringLiteral("1")));
        QCOMPARE(Database::sqliteError(13, QStringLiteral("x")).code, ErrorCode::DiskFull);
        QCOMPARE(Database::sqliteError(8, QStringLiteral("x")).code, ErrorCode::ReadOnly);
        QCOMPARE(Database::sqliteError(11, QStringLiteral("x")).code, ErrorCode::Damaged);
        QCOMPARE(Database::sqliteError(26, QStringLiteral("x")).code, ErrorCode::WrongKey);
    }

    void transactionsCommitAndRollBack()
    {
        QVERIFY(db().transaction());
        QSqlQuery q(db());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO t (i) VALUES (1)")));
        QVERIFY(db().commit());
        QVERIFY(db().transaction());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO t (i) VALUES (2)")));
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM t")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 2);
        q.finish();
        QVERIFY(db().rollback());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM t")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 1);
        QVERIFY(!m_test->db->inTransaction());
    }

    void scrollableResult()
    {
        QSqlQuery q(db());
        for (int i = 0; i < 10; ++i)
            QVERIFY(q.exec(QStringLiteral("INSERT INTO t (i) VALUES (%1)").arg(i * 10)));
        QSqlQuery s(db());
        s.setForwardOnly(false);
        QVERIFY(s.exec(QStringLiteral("SELECT i FROM t ORDER BY i")));
        QVERIFY(s.seek(5));
        QCOMPARE(s.value(0).toInt(), 50);
        QVERIFY(s.previous());
        QCOMPARE(s.value(0).toInt(), 40);
        QVERIFY(s.first());
        QCOMPARE(s.value(0).toInt(), 0);
        QVERIFY(s.last());
        QCOMPARE(s.value(0).toInt(), 90);
        QCOMPARE(s.at(), 9);
        QVERIFY(!s.next());
        QVERIFY(s.previous());
        QCOMPARE(s.value(0).toInt(), 90);
        QVERIFY(s.seek(2));
        QCOMPARE(s.value(0).toInt(), 20);
        QVERIFY(!s.seek(10));
    }

    void forwardOnlyResult()
    {
        QSqlQuery q(db());
        for (int i = 0; i < 3; ++i)
            QVERIFY(q.exec(QStringLiteral("INSERT INTO t (i) VALUES (%1)").arg(i)));
        QSqlQuery f(db());
        f.setForwardOnly(true);
        QVERIFY(f.exec(QStringLiteral("SELECT i FROM t ORDER BY i")));
        QVERIFY(f.next());
        QCOMPARE(f.value(0).toInt(), 0);
        QVERIFY(f.next());
        QCOMPARE(f.value(0).toInt(), 1);
        QTest::ignoreMessage(QtWarningMsg, "QSqlQuery::seek: cannot seek backwards in a forward only query");
        QVERIFY(!f.seek(0));
        QVERIFY(f.next());
        QCOMPARE(f.value(0).toInt(), 2);
        QVERIFY(!f.next());
    }

    void emptyResult()
    {
        QSqlQuery q(db());
        QVERIFY(q.exec(QStringLiteral("SELECT i FROM t")));
        QVERIFY(q.isSelect());
        QVERIFY(!q.next());
        QVERIFY(!q.first());
        QVERIFY(!q.last());
    }

    void recordAndMetadata()
    {
        QSqlQuery q(db());
        QVERIFY(q.exec(QStringLiteral("SELECT id, s AS label, b FROM t")));
        const QSqlRecord rec = q.record();
        QCOMPARE(rec.count(), 3);
        QCOMPARE(rec.fieldName(1), QStringLiteral("label"));
        QCOMPARE(rec.field(0).metaType(), QMetaType::fromType<qlonglong>());
        QCOMPARE(rec.field(2).metaType(), QMetaType::fromType<QByteArray>());
        QVERIFY(db().tables().contains(QStringLiteral("t")));
        const QSqlRecord table = db().record(QStringLiteral("t"));
        QCOMPARE(table.count(), 6);
        QCOMPARE(db().primaryIndex(QStringLiteral("t")).fieldName(0), QStringLiteral("id"));
        QCOMPARE(db().driver()->escapeIdentifier(QStringLiteral("we\"ird"), QSqlDriver::FieldName),
            QStringLiteral("\"we\"\"ird\""));
    }
};

QTEST_GUILESS_MAIN(TestSqlCipherDriver)
#include "tst_sqlcipherdriver.moc"
