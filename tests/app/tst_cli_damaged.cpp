// branchvault-cli on a real database with one damaged page in the middle of a table: the commands that
// read that table stop with exit 14 (damaged) and one line on stderr that names what was being read,
// and never print a partial list or write a partial export as a success.
#include "core/Core.h"
#include "core/auth/AuthService.h"
#include "core/customers/CustomerService.h"
#include "core/customers/lifecycle/CustomerEntry.h"
#include "core/internal/db/Database.h"
#include "core/internal/db/QueryRows.h"
#include "core/keys/KeychainSecretStore.h"
#include "core/vault/VaultService.h"
#include "tests/testsupport/CliRunner.h"
#include "tests/testsupport/TestData.h"
#include "tests/testsupport/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace bv;
using namespace bv::test;

namespace {

constexpr int kCustomers = 1200; // each one a pending change and an audit row

QByteArray withDamagedPage(QByteArray bytes, int pageSize, int page)
{
    const qsizetype at = qsizetype(page - 1) * pageSize + pageSize / 2;
    for (int i = 0; i < 16 && at + i < bytes.size(); ++i)
        bytes[at + i] = char(~uchar(bytes.at(at + i)));
    return bytes;
}

// Whether a scan of `table` in key order stops on damage after more than a quarter of its `rows`.
bool stopsHalfway(Database& db, const QString& table, qint64 rows)
{
    auto q = db.query(QStringLiteral("SELECT rowid FROM %1 ORDER BY rowid").arg(table));
    if (!q.ok())
        return false;
    qint64 read = 0;
    while (q->next())
        ++read;
    const Status finished = rowsFinished(*q, QString());
    return !finished.ok() && finished.error().code == ErrorCode::Damaged && read > rows / 4 && read < rows;
}

} // namespace

class TestCliDamaged : public QObject
{
    Q_OBJECT
private:
    CliRunner m_cli;

private slots:
    void initTestCase()
    {
        const QString problem = CliRunner::environmentProblem();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void damagedPageIsAnErrorNotAShortList()
    {
        TempDatabaseDir dir;
        m_cli.setDatabase(dir.databasePath());
        QVERIFY(!m_cli.initDatabase(m_cli.database()).isEmpty());
        QVERIFY(m_cli.useCheapPasswordHashing());
        QVERIFY(m_cli.addUser(QStringLiteral("c1"), QStringLiteral("customer_manager")));
        QVERIFY(m_cli.addUser(QStringLiteral("m1"), QStringLiteral("manager")));
        QVERIFY(m_cli.addUser(QStringLiteral("u1"), QStringLiteral("auditor")));

        // c1 enters the customers through the core (faster than one CLI run each); none is approved, so
        // every one waits in the approvals list. The vault is closed again before the CLI runs.
        int pageSize = 0;
        qint64 changeRows = 0;
        qint64 auditRows = 0;
        {
            KeychainSecretStore store(m_cli.keychainService());
            VaultService vaults(store);
            auto vault = vaults.open(m_cli.database());
            BV_VERIFY_OK(vault);
            Core core(**vault, vaults);
            auto c1 = core.auth().signIn(
                QStringLiteral("c1"), SecureBytes::copyOf(CliRunner::passwordOf(QStringLiteral("c1")).toUtf8()));
            BV_VERIFY_OK(c1);
            for (int i = 1; i <= kCustomers; ++i)
                BV_VERIFY_OK(core.customers().entry().create(*c1, customerInput(i)));
            Database& db = (*vault)->database();
            auto size = db.scalar(QStringLiteral("PRAGMA page_size"));
            BV_VERIFY_OK(size);
            pageSize = size->toInt();
            auto changes = db.scalar(QStringLiteral("SELECT count(*) FROM customer_changes"));
            BV_VERIFY_OK(changes);
            changeRows = changes->toLongLong();
            auto audit = db.scalar(QStringLiteral("SELECT count(*) FROM audit_log"));
            BV_VERIFY_OK(audit);
            auditRows = audit->toLongLong();
            BV_VERIFY_OK(db.checkpoint());
        }
        QVERIFY(pageSize >= 512);
        const QFileInfo wal(m_cli.database() + QStringLiteral("-wal"));
        QVERIFY2(!wal.exists() || wal.size() == 0, "the pages are not all in the main file");
        const QByteArray pristine = readFile(m_cli.database());

        // SQLCipher gives no map of pages to tables: from about 60 % of the file on, each candidate page is
        // damaged in turn until a scan of the table stops on it half-way.
        auto pageInTable = [&](const QString& table, qint64 rows) {
            const int pages = int(pristine.size() / pageSize);
            KeychainSecretStore store(m_cli.keychainService());
            VaultService vaults(store);
            for (int k = 0; k < pages / 2; ++k) {
                const int page = int(pages * 0.6) + (k % 2 ? -(k + 1) / 2 : k / 2);
                QFile::remove(m_cli.database() + QStringLiteral("-wal"));
                QFile::remove(m_cli.database() + QStringLiteral("-shm"));
                QFile::remove(Database::damageMarkerPath(m_cli.database()));
                if (page <= 1 || page > pages
                    || !writeFile(m_cli.database(), withDamagedPage(pristine, pageSize, page)))
                    continue;
                auto vault = vaults.open(m_cli.database());
                if (vault.ok() && stopsHalfway((*vault)->database(), table, rows))
                    return page;
            }
            return 0;
        };
        const int changesPage = pageInTable(QStringLiteral("customer_changes"), changeRows);
        const int auditPage = pageInTable(QStringLiteral("audit_log"), auditRows);
        QVERIFY2(changesPage > 1 && auditPage > 1 && changesPage != auditPage,
            qPrintable(QStringLiteral("%1 %2").arg(changesPage).arg(auditPage)));
        QFile::remove(m_cli.database() + QStringLiteral("-wal"));
        QFile::remove(m_cli.database() + QStringLiteral("-shm"));
        QFile::remove(Database::damageMarkerPath(m_cli.database()));
        QVERIFY(writeFile(m_cli.database(), pristine));

        // the healthy file lists every change
        const QStringList approvals {QStringLiteral("approvals"), QStringLiteral("list"), QStringLiteral("--limit"),
            QStringLiteral("10000"), QStringLiteral("--json")};
        const CliRun healthy = m_cli.as(QStringLiteral("m1"), approvals);
        QCOMPARE(healthy.status, 0);
        QCOMPARE(int(healthy.json().value(QStringLiteral("changes")).toArray().size()), kCustomers);

        // one page in the middle of each table: 16 bytes flipped, so its HMAC fails
        const QFileInfo walAfter(m_cli.database() + QStringLiteral("-wal"));
        QVERIFY2(!walAfter.exists() || walAfter.size() == 0, "the pages are not all in the main file");
        QVERIFY(writeFile(m_cli.database(),
            withDamagedPage(withDamagedPage(readFile(m_cli.database()), pageSize, changesPage), pageSize, auditPage)));

        const QByteArray damaged = "the database file is damaged";
        const CliRun list = m_cli.as(QStringLiteral("m1"), approvals.mid(0, 4));
        QCOMPARE(list.status, 14);
        QCOMPARE(list.status, exitStatusFor(ErrorCode::Damaged));
        QVERIFY2(list.out.isEmpty(), "a partial list was printed");
        QCOMPARE(list.errLines(), 1);
        QVERIFY2(list.err.contains(damaged) && list.err.contains("Reading the customer records"), list.err.constData());
        // the damage is remembered: until a verification passes, only verify and backup open the database
        const QString marker = Database::damageMarkerPath(m_cli.database());
        QVERIFY(QFile::exists(marker));
        const CliRun confined = m_cli.as(QStringLiteral("m1"), approvals.mid(0, 4));
        QCOMPARE(confined.status, exitStatusFor(ErrorCode::Damaged));
        QVERIFY2(confined.err.contains("verify"), confined.err.constData());
        QVERIFY(QFile::remove(marker)); // to see each read below fail on the page itself

        const CliRun listJson = m_cli.as(QStringLiteral("m1"), approvals);
        QVERIFY(QFile::remove(marker));
        QCOMPARE(listJson.status, 14);
        QCOMPARE(listJson.json().value(QStringLiteral("ok")).toBool(true), false);
        QCOMPARE(listJson.json().value(QStringLiteral("error")).toString(), QStringLiteral("damaged"));
        QVERIFY(!listJson.json().contains(QStringLiteral("changes")));
        QCOMPARE(listJson.errLines(), 1);

        const QString csv = dir.file(QStringLiteral("audit.csv"));
        const CliRun exported = m_cli.as(QStringLiteral("u1"),
            {QStringLiteral("audit"), QStringLiteral("export"), QStringLiteral("--out"), csv,
                QStringLiteral("--json")});
        QFile::remove(marker);
        QCOMPARE(exported.status, 14);
        QCOMPARE(exported.json().value(QStringLiteral("ok")).toBool(true), false);
        QCOMPARE(exported.json().value(QStringLiteral("error")).toString(), QStringLiteral("damaged"));
        QCOMPARE(exported.errLines(), 1);
        QVERIFY2(
            exported.err.contains(damaged) && exported.err.contains("Reading the audit log"), exported.err.constData());
        QVERIFY2(!QFile::exists(csv), "a partial export was left under the chosen name");
        QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("audit.csv*")}, QDir::Files), QStringList());

        const CliRun audit = m_cli.as(QStringLiteral("u1"),
            {QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("100000")});
        QFile::remove(marker);
        QCOMPARE(audit.status, 14);
        QVERIFY2(audit.out.isEmpty(), "a partial audit list was printed");
        QCOMPARE(audit.errLines(), 1);

        const CliRun verify = m_cli.as(QStringLiteral("u1"), {QStringLiteral("audit"), QStringLiteral("verify")});
        QCOMPARE(verify.status, 14);
        QCOMPARE(verify.errLines(), 1);
    }
};

QTEST_GUILESS_MAIN(TestCliDamaged)
#include "tst_cli_damaged.moc"
