// Crash safety: a child process writing transactions is killed with SIGKILL at random points, 50
// times. After each kill the database opens, integrity_check and cipher_integrity_check pass, every
// transaction the child reported as committed is there in full, and no partial transaction is visible.
#include "core/internal/db/Database.h"
#include "core/internal/db/Transaction.h"
#include "tests/testsupport/TestSupport.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>

#include <cstdio>

using namespace bv;
using namespace bv::test;

namespace {
constexpr int kRowsPerTransaction = 10;
constexpr int kKills = 50;

// The child: writes transactions for ever and reports each one after COMMIT returned.
int runWriter(const QString& path, const QByteArray& hexKey, qint64 firstTxn)
{
    const SecureBytes key = SecureBytes::copyOf(QByteArray::fromHex(hexKey));
    auto db = Database::open(path, key, Database::Mode::OpenExisting);
    if (!db.ok()) {
        fprintf(stderr, "writer: %s\n", qPrintable(db.error().fullText()));
        return 2;
    }
    setvbuf(stdout, nullptr, _IONBF, 0);
    printf("ready\n");
    QRandomGenerator random(quint32(firstTxn * 7919 + 1));
    for (qint64 txn = firstTxn;; ++txn) {
        Transaction tx(**db);
        if (!tx.ok())
            return 3;
        for (int i = 0; i < kRowsPerTransaction; ++i) {
            QByteArray payload(64 + int(random.bounded(900)), 'a' + char(random.bounded(26)));
            if (!(*db)
                     ->cached(QStringLiteral("INSERT INTO t (txn, seq, payload) VALUES (?, ?, ?)"),
                         {txn, i, QString::fromLatin1(payload)})
                     .ok())
                return 4;
        }
        // touch older rows too, so pages are rewritten, not only appended
        if (!(*db)->cached(QStringLiteral("UPDATE t SET touched = touched + 1 WHERE txn = ?"), {txn / 2}).ok())
            return 5;
        if (!tx.commit().ok())
            return 6;
        printf("committed %lld\n", static_cast<long long>(txn));
    }
}
} // namespace

class TestCrashSafety : public QObject
{
    Q_OBJECT
private slots:
    void killedWriterNeverLeavesAPartialTransaction()
    {
        auto test = TestDatabase::create();
        QVERIFY(test);
        BV_VERIFY_OK(test->db->execScript(
            QStringLiteral("CREATE TABLE t (txn INTEGER NOT NULL, seq INTEGER NOT NULL, payload TEXT NOT NULL, "
                           "touched INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (txn, seq));")));
        const QString path = test->db->path();
        const QString hexKey = QString::fromLatin1(test->key.toHex().view().toByteArray());
        test->db.reset();

        const quint32 seed = QRandomGenerator::global()->generate();
        qInfo("random seed %u", seed);
        QRandomGenerator random(seed);
        qint64 nextTxn = 1;
        QSet<qint64> reported;
        int killedMidRun = 0;
        for (int round = 0; round < kKills; ++round) {
            QProcess writer;
            writer.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("--writer"), path, hexKey, QString::number(nextTxn)});
            QVERIFY(writer.waitForStarted());
            QVERIFY2(writer.waitForReadyRead(30000), "writer did not start");
            QTest::qWait(int(random.bounded(10, 250)));
            if (writer.state() == QProcess::Running)
                ++killedMidRun;
            writer.kill(); // SIGKILL
            QVERIFY(writer.waitForFinished(30000));
            QCOMPARE(writer.exitStatus(), QProcess::CrashExit);
            const QList<QByteArray> lines = writer.readAllStandardOutput().split('\n');
            for (const QByteArray& line : lines) {
                if (line.startsWith("committed "))
                    reported.insert(line.mid(10).toLongLong());
            }

            auto db = Database::open(
                path, SecureBytes::copyOf(QByteArray::fromHex(hexKey.toLatin1())), Database::Mode::OpenExisting);
            BV_VERIFY_OK(db);
            QStringList problems;
            BV_VERIFY_OK((*db)->integrityCheck(&problems));
            QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QStringLiteral("; "))));
            auto partial = (*db)->scalar(
                QStringLiteral("SELECT count(*) FROM (SELECT txn FROM t GROUP BY txn HAVING count(*) <> %1)")
                    .arg(kRowsPerTransaction));
            BV_VERIFY_OK(partial);
            QCOMPARE(partial->toInt(), 0);
            auto present = (*db)->query(QStringLiteral("SELECT DISTINCT txn FROM t"));
            BV_VERIFY_OK(present);
            QSet<qint64> inDatabase;
            while (present->next())
                inDatabase.insert(present->value(0).toLongLong());
            for (qint64 txn : std::as_const(reported))
                QVERIFY2(inDatabase.contains(txn),
                    qPrintable(QStringLiteral("committed transaction %1 is missing").arg(txn)));
            // at most the one transaction that committed before its "committed" line was written
            QVERIFY(inDatabase.size() - reported.size() <= round + 1);
            auto maxTxn = (*db)->scalar(QStringLiteral("SELECT coalesce(max(txn), 0) FROM t"));
            nextTxn = maxTxn->toLongLong() + 1;
        }
        QVERIFY2(reported.size() > kKills, "the writer committed too little to exercise the test");
        QVERIFY(killedMidRun == kKills);
        qInfo("%lld transactions committed across %d kills", static_cast<long long>(reported.size()), kKills);
    }
};

int main(int argc, char** argv)
{
    if (argc == 5 && qstrcmp(argv[1], "--writer") == 0) {
        QCoreApplication app(argc, argv);
        return runWriter(QString::fromLocal8Bit(argv[2]), QByteArray(argv[3]), QByteArray(argv[4]).toLongLong());
    }
    QCoreApplication app(argc, argv);
    TestCrashSafety test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_crashsafety.moc"
