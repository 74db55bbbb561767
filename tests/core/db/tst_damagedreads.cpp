// A read error in the middle of a result is an error, never the end of the data: a real SQLCipher file
// with one damaged page inside a table's b-tree (its HMAC no longer matches, so reading it gives
// SQLITE_CORRUPT) makes the driver report the error where the rows stop, and the services that read
// that table return ErrorCode::Damaged instead of a short list: the audit log (list, export, verify)
// and the pending customer changes (the approvals list).
#include "core/audit/AuditService.h"
#include "core/auth/AuthService.h"
#include "core/customers/CustomerService.h"
#include "core/customers/lifecycle/CustomerEntry.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/db/Database.h"
#include "core/internal/db/QueryRows.h"
#include "tests/testsupport/TestCore.h"
#include "tests/testsupport/TestData.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QTest>

#include <sqlite3.h>

using namespace bv;
using namespace bv::test;

namespace {

constexpr int kCustomers = 1200; // each one a pending change and an audit row

} // namespace

class TestDamagedReads : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestCore> m_t;
    QByteArray m_pristine; // the closed, healthy database file
    int m_pageSize = 4096;
    qint64 m_auditRows = 0;
    qint64 m_pendingChanges = 0;
    int m_auditPage = 0; // a page of audit_log's b-tree, about 60 % into the file
    int m_changesPage = 0; // a page of customer_changes' b-tree

    struct Open
    {
        std::unique_ptr<Vault> vault;
        std::unique_ptr<Core> core;
        Session manager;
        Session auditor;
    };

    QString path() const { return m_t->dir.databasePath(); }

    // Rows of `table` read in key order before the read stopped, and whether it stopped on damage.
    static std::pair<qint64, bool> scan(Database& db, const QString& table)
    {
        auto q = db.query(QStringLiteral("SELECT rowid FROM %1 ORDER BY rowid").arg(table));
        if (!q.ok())
            return {0, q.error().code == ErrorCode::Damaged};
        qint64 rows = 0;
        while (q->next())
            ++rows;
        const Status finished = rowsFinished(*q, QString());
        return {rows, !finished.ok() && finished.error().code == ErrorCode::Damaged};
    }

    // A page inside `table`'s b-tree, from about 60 % of the file on: SQLCipher gives no map of pages to
    // tables, so each candidate is damaged in turn until a scan of the table stops on it half-way.
    int pageInTable(const QString& table, qint64 rows)
    {
        const int pages = int(m_pristine.size() / m_pageSize);
        for (int k = 0; k < pages / 2; ++k) {
            const int page = int(pages * 0.6) + (k % 2 ? -(k + 1) / 2 : k / 2);
            if (page <= 1 || page > pages || !writeDamaged({page}))
                continue;
            auto vault = m_t->vaults->open(path());
            if (!vault.ok())
                continue; // a page the open itself needs (schema, meta, users)
            const auto [read, damaged] = scan((*vault)->database(), table);
            if (damaged && read > rows / 4 && read < rows)
                return page;
        }
        return 0;
    }

    // The healthy file again, with the given pages damaged (16 bytes in the middle of each flipped).
    bool writeDamaged(const QList<int>& pages)
    {
        QFile::remove(path() + QStringLiteral("-wal"));
        QFile::remove(path() + QStringLiteral("-shm"));
        QFile::remove(Database::damageMarkerPath(path())); // the healthy file has met no damaged page
        QByteArray bytes = m_pristine;
        for (int page : pages) {
            const qsizetype at = qsizetype(page - 1) * m_pageSize + m_pageSize / 2;
            if (page <= 1 || at + 16 > bytes.size())
                return false;
            for (int i = 0; i < 16; ++i)
                bytes[at + i] = char(~uchar(bytes.at(at + i)));
        }
        return writeFile(path(), bytes);
    }

    std::unique_ptr<Open> open()
    {
        auto opened = std::make_unique<Open>();
        auto vault = m_t->vaults->open(path());
        if (!vault.ok()) {
            qWarning("open: %s", qPrintable(vault.error().fullText()));
            return nullptr;
        }
        opened->vault = std::move(*vault);
        opened->core = std::make_unique<Core>(*opened->vault, *m_t->vaults, m_t->clock);
        auto manager = opened->core->auth().signIn(QStringLiteral("m1"), secret(m_t->passwordOf(QStringLiteral("m1"))));
        auto auditor = opened->core->auth().signIn(QStringLiteral("a1"), secret(m_t->passwordOf(QStringLiteral("a1"))));
        if (!manager.ok() || !auditor.ok())
            return nullptr;
        opened->manager = *manager;
        opened->auditor = *auditor;
        return opened;
    }

private slots:
    void initTestCase()
    {
        QElapsedTimer timer;
        timer.start();
        m_t = TestCore::create();
        QVERIFY(m_t);
        const Session clerk = m_t->addUser(QStringLiteral("c1"), Role::CustomerManager);
        QVERIFY(clerk.isValid());
        QVERIFY(m_t->addUser(QStringLiteral("m1"), Role::Manager).isValid());
        QVERIFY(m_t->addUser(QStringLiteral("a1"), Role::Auditor).isValid());
        for (int i = 1; i <= kCustomers; ++i)
            BV_VERIFY_OK(m_t->core->customers().entry().create(clerk, customerInput(i)));

        Database& db = m_t->vault->database();
        auto pageSize = db.scalar(QStringLiteral("PRAGMA page_size"));
        BV_VERIFY_OK(pageSize);
        m_pageSize = pageSize->toInt();
        QVERIFY(m_pageSize >= 512);
        auto auditRows = db.scalar(QStringLiteral("SELECT count(*) FROM audit_log"));
        BV_VERIFY_OK(auditRows);
        m_auditRows = auditRows->toLongLong();
        auto pending = db.scalar(QStringLiteral("SELECT count(*) FROM customer_changes WHERE status = 'pending'"));
        BV_VERIFY_OK(pending);
        m_pendingChanges = pending->toLongLong();
        QCOMPARE(m_pendingChanges, qint64(kCustomers));
        QVERIFY(m_auditRows >= kCustomers);

        BV_VERIFY_OK(db.checkpoint());
        m_t->core.reset();
        m_t->vault.reset();
        QVERIFY(
            !QFile::exists(path() + QStringLiteral("-wal")) || QFileInfo(path() + QStringLiteral("-wal")).size() == 0);
        m_pristine = readFile(path());
        m_auditPage = pageInTable(QStringLiteral("audit_log"), m_auditRows);
        m_changesPage = pageInTable(QStringLiteral("customer_changes"), m_pendingChanges);
        QVERIFY(m_auditPage > 1 && m_changesPage > 1 && m_auditPage != m_changesPage);
        QVERIFY(writeDamaged({}));
        qInfo("%d customers, %lld audit rows, %d pages of %d bytes; damaged pages %d (audit_log), %d "
              "(customer_changes); set up in %lld ms",
            kCustomers, m_auditRows, int(m_pristine.size() / m_pageSize), m_pageSize, m_auditPage, m_changesPage,
            timer.elapsed());
    }

    void healthyFileReadsEverything()
    {
        QVERIFY(writeDamaged({}));
        auto o = open();
        QVERIFY(o);
        auto changes = o->core->customers().entry().pending(o->manager, 0, 10000);
        BV_VERIFY_OK(changes);
        QCOMPARE(qint64(changes->size()), m_pendingChanges);
        AuditFilter all;
        all.limit = 100000;
        auto rows = o->core->audit().list(o->auditor, all);
        BV_VERIFY_OK(rows);
        QVERIFY(qint64(rows->size()) >= m_auditRows);
        auto verified = o->core->audit().verify(o->auditor);
        BV_VERIFY_OK(verified);
        QVERIFY(verified->ok());
    }

    void driverReportsTheErrorWhereTheRowsStop()
    {
        QVERIFY(writeDamaged({m_auditPage}));
        auto o = open();
        QVERIFY(o);
        Database& db = o->vault->database();
        {
            auto q = db.query(QStringLiteral("SELECT seq FROM audit_log ORDER BY seq"));
            BV_VERIFY_OK(q);
            qint64 read = 0;
            while (q->next())
                ++read;
            QVERIFY2(read > 0 && read < m_auditRows, qPrintable(QString::number(read)));
            QVERIFY(q->lastError().isValid());
            QCOMPARE(q->lastError().nativeErrorCode().toInt() & 0xff, SQLITE_CORRUPT);
            const Status finished = rowsFinished(*q, readingContext(Reading::AuditLog));
            BV_COMPARE_CODE(finished, ErrorCode::Damaged);
            QVERIFY(finished.error().message.startsWith(readingContext(Reading::AuditLog)));
        }
        {
            // the same through the C API
            sqlite3_stmt* stmt = nullptr;
            QCOMPARE(sqlite3_prepare_v2(db.handle(), "SELECT seq FROM audit_log ORDER BY seq", -1, &stmt, nullptr),
                SQLITE_OK);
            int rc = SQLITE_ROW;
            qint64 read = 0;
            while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
                ++read;
            const Status finished = rowsFinished(stmt, rc, readingContext(Reading::AuditLog));
            sqlite3_finalize(stmt);
            QVERIFY(read > 0 && read < m_auditRows);
            BV_COMPARE_CODE(finished, ErrorCode::Damaged);
        }
    }

    void auditReadsFailAsDamaged()
    {
        QVERIFY(writeDamaged({m_auditPage}));
        auto o = open();
        QVERIFY(o);
        AuditFilter all;
        all.limit = 100000;
        BV_COMPARE_CODE(o->core->audit().list(o->auditor, all), ErrorCode::Damaged);

        const QString csv = m_t->dir.file(QStringLiteral("audit.csv"));
        BV_COMPARE_CODE(o->core->audit().exportCsv(o->auditor, AuditFilter(), csv), ErrorCode::Damaged);
        QVERIFY(!QFile::exists(csv));
        const QStringList leftovers = QDir(m_t->dir.path()).entryList({QStringLiteral("audit.csv*")}, QDir::Files);
        QVERIFY2(leftovers.isEmpty(), qPrintable(leftovers.join(QLatin1Char(' '))));

        auto verified = o->core->audit().verify(o->auditor);
        BV_COMPARE_CODE(verified, ErrorCode::Damaged);
        QVERIFY(verified.error().message.startsWith(readingContext(Reading::AuditLog)));

        // a filtered read that never reaches the damaged page still answers
        AuditFilter first;
        first.limit = 10;
        auto head = o->core->audit().list(o->auditor, first);
        BV_VERIFY_OK(head);
        QCOMPARE(head->size(), 10);
    }

    void approvalsListFailsAsDamaged()
    {
        QVERIFY(writeDamaged({m_changesPage}));
        auto o = open();
        QVERIFY(o);
        auto changes = o->core->customers().entry().pending(o->manager, 0, 10000);
        BV_COMPARE_CODE(changes, ErrorCode::Damaged);
        QVERIFY(changes.error().message.startsWith(readingContext(Reading::Customers)));
        QVERIFY(changes.error().detail.contains(QString::number(SQLITE_CORRUPT)));
        // the first page of the list lies before the damage
        auto firstPage = o->core->customers().entry().pending(o->manager, 0, 10);
        BV_VERIFY_OK(firstPage);
        QCOMPARE(firstPage->size(), 10);
    }

    void cleanupTestCase()
    {
        // leave the folder with a healthy file, so nothing damaged outlives the test by accident
        (void)writeDamaged({});
    }
};

QTEST_GUILESS_MAIN(TestDamagedReads)
#include "tst_damagedreads.moc"
