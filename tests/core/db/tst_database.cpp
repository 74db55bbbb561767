// Opening the encrypted database: encryption on disk, refusals that leave the file untouched,
// pragmas, migrations, the lock file, transactions and rekey.
#include "core/internal/db/Database.h"
#include "core/internal/db/SqlCipherDriver.h"
#include "core/internal/db/Transaction.h"
#include "tests/testsupport/TestSupport.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlQuery>
#include <QTest>

#include <sqlite3.h>
#include <unistd.h>

using namespace bv;
using namespace bv::test;

namespace {

const QByteArray kMarker = "MARKER-7Q2X-SHOULD-NEVER-APPEAR-IN-PLAINTEXT";

MigrationList versionsUpTo(int last)
{
    MigrationList list = schemaMigrations();
    const int base = list.constLast().version;
    if (last > base) {
        list.append({base + 1, QStringLiteral("test: notes table"),
            sqlMigration(QStringLiteral("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL);"))});
    }
    if (last > base + 1) {
        list.append({base + 2, QStringLiteral("test: notes get a tag"),
            sqlMigration(QStringLiteral("ALTER TABLE notes ADD COLUMN tag TEXT NOT NULL DEFAULT 'none';"))});
    }
    return list;
}

} // namespace

class TestDatabase_ : public QObject
{
    Q_OBJECT
private slots:
    void createdFileIsEncrypted()
    {
        TempDatabaseDir dir;
        const SecureBytes key = SecureBytes::random(32);
        {
            auto db = Database::open(dir.databasePath(), key, Database::Mode::CreateNew);
            BV_VERIFY_OK(db);
            BV_VERIFY_OK((*db)->execScript(QStringLiteral("CREATE TABLE secret (v TEXT);")));
            BV_VERIFY_OK(
                (*db)->query(QStringLiteral("INSERT INTO secret (v) VALUES (?)"), {QString::fromLatin1(kMarker)}));
            // with the database still open the marker is in the WAL, if anywhere
            const QByteArray wal = readFile(dir.databasePath() + QStringLiteral("-wal"));
            QVERIFY(!wal.isEmpty());
            QVERIFY2(!wal.contains(kMarker), "the marker is readable in the WAL file");
            QVERIFY(!readFile(dir.databasePath()).contains(kMarker));
            BV_VERIFY_OK((*db)->checkpoint());
        }
        const QByteArray bytes = readFile(dir.databasePath());
        QVERIFY(bytes.size() >= 4096);
        QVERIFY2(!bytes.startsWith("SQLite format 3"), "the file has a plaintext SQLite header");
        QVERIFY2(!bytes.contains(kMarker), "the marker is readable in the database file");
        QVERIFY(!bytes.contains("CREATE TABLE"));
        for (const char* suffix : {"-wal", "-journal"})
            QVERIFY(!readFile(dir.databasePath() + QLatin1String(suffix)).contains(kMarker));
    }

    void reopenWithSameKey()
    {
        TempDatabaseDir dir;
        const SecureBytes key = SecureBytes::random(32);
        {
            auto db = Database::open(dir.databasePath(), key, Database::Mode::CreateNew);
            BV_VERIFY_OK(db);
            BV_VERIFY_OK((*db)->execScript(QStringLiteral("CREATE TABLE t (v TEXT); INSERT INTO t VALUES ('kept');")));
        }
        auto db = Database::open(dir.databasePath(), key, Database::Mode::OpenExisting);
        BV_VERIFY_OK(db);
        auto value = (*db)->scalar(QStringLiteral("SELECT v FROM t"));
        BV_VERIFY_OK(value);
        QCOMPARE(value->toString(), QStringLiteral("kept"));
        QCOMPARE((*db)->schemaVersion(), schemaMigrations().constLast().version);
    }

    void pragmasAreSet()
    {
        auto test = TestDatabase::create();
        QVERIFY(test);
        Database& db = *test->db;
        const QList<QPair<QString, QString>> expected = {
            {QStringLiteral("foreign_keys"), QStringLiteral("1")},
            {QStringLiteral("secure_delete"), QStringLiteral("1")},
            {QStringLiteral("temp_store"), QStringLiteral("2")},
            {QStringLiteral("journal_mode"), QStringLiteral("wal")},
            {QStringLiteral("synchronous"), QStringLiteral("2")},
            {QStringLiteral("cipher_plaintext_header_size"), QStringLiteral("0")},
            {QStringLiteral("application_id"), QString::number(Database::kApplicationId)},
        };
        for (const auto& [pragma, value] : expected) {
            auto actual = db.scalar(QStringLiteral("PRAGMA ") + pragma);
            BV_VERIFY_OK(actual);
            QCOMPARE(actual->toString(), value);
        }
        auto cipher = db.scalar(QStringLiteral("PRAGMA cipher_version"));
        BV_VERIFY_OK(cipher);
        QVERIFY(cipher->toString().startsWith(QLatin1Char('4')));
    }

    void wrongKeyIsRefusedAndFileUntouched()
    {
        auto test = TestDatabase::create();
        QVERIFY(test);
        const QString path = test->db->path();
        BV_VERIFY_OK(test->db->checkpoint());
        test->db.reset();
        const QByteArray before = fileSha256(path);
        const qint64 sizeBefore = QFileInfo(path).size();
        auto wrong = Database::open(path, SecureBytes::random(32), Database::Mode::OpenExisting);
        BV_COMPARE_CODE(wrong, ErrorCode::WrongKey);
        QVERIFY(!wrong.error().message.isEmpty());
        QCOMPARE(fileSha256(path), before);
        QCOMPARE(QFileInfo(path).size(), sizeBefore);
        // the right key still works afterwards
        BV_VERIFY_OK(Database::open(path, test->key, Database::Mode::OpenExisting));
    }

    void missingFileIsNotCreated()
    {
        TempDatabaseDir dir;
        auto db = Database::open(dir.databasePath(), SecureBytes::random(32), Database::Mode::OpenExisting);
        BV_COMPARE_CODE(db, ErrorCode::NotFound);
        QVERIFY(!QFileInfo::exists(dir.databasePath()));
        QVERIFY(db.error().message.contains(QStringLiteral("branchvault-cli init")));
    }

    void createNeverOverwrites()
    {
        TempDatabaseDir dir;
        QVERIFY(writeFile(dir.databasePath(), "precious bytes"));
        auto db = Database::open(dir.databasePath(), SecureBytes::random(32), Database::Mode::CreateNew);
        BV_COMPARE_CODE(db, ErrorCode::AlreadyExists);
        QCOMPARE(readFile(dir.databasePath()), QByteArray("precious bytes"));
    }

    void plainFileIsRefusedUntouched()
    {
        TempDatabaseDir dir;
        QByteArray junk(8192, 'x');
        QVERIFY(writeFile(dir.databasePath(), junk));
        auto db = Database::open(dir.databasePath(), SecureBytes::random(32), Database::Mode::OpenExisting);
        BV_COMPARE_CODE(db, ErrorCode::WrongKey); // "wrong key or not a BranchVault database"
        QCOMPARE(readFile(dir.databasePath()), junk);
    }

    void otherSqlCipherDatabaseIsNotBranchVault()
    {
        TempDatabaseDir dir;
        const SecureBytes key = SecureBytes::random(32);
        {
            // a SQLCipher database with the same key but not made by BranchVault
            SqlCipherDriver driver;
            QCOMPARE(driver.openFile(dir.databasePath(), SqlCipherDriver::OpenFlag::ReadWriteCreate, key), SQLITE_OK);
            QVERIFY(driver.execScript(QStringLiteral("CREATE TABLE other (x); INSERT INTO other VALUES (1);")));
            driver.close();
        }
        const QByteArray before = fileSha256(dir.databasePath());
        auto db = Database::open(dir.databasePath(), key, Database::Mode::OpenExisting);
        BV_COMPARE_CODE(db, ErrorCode::NotBranchVault);
        QCOMPARE(fileSha256(dir.databasePath()), before);
    }

    void migrationKeepsData()
    {
        TempDatabaseDir dir;
        const SecureBytes key = SecureBytes::random(32);
        const MigrationList v1 = versionsUpTo(schemaMigrations().constLast().version + 1);
        const MigrationList v2 = versionsUpTo(schemaMigrations().constLast().version + 2);
        Database::Options options;
        options.migrations = &v1;
        {
            auto db = Database::open(dir.databasePath(), key, Database::Mode::CreateNew, options);
            BV_VERIFY_OK(db);
            BV_VERIFY_OK((*db)->query(QStringLiteral("INSERT INTO notes (body) VALUES (?)"), {QStringLiteral("一")}));
            BV_VERIFY_OK((*db)->query(QStringLiteral("INSERT INTO notes (body) VALUES (?)"), {QStringLiteral("two")}));
            QCOMPARE((*db)->schemaVersion(), v1.constLast().version);
        }
        options.migrations = &v2;
        auto db = Database::open(dir.databasePath(), key, Database::Mode::OpenExisting, options);
        BV_VERIFY_OK(db);
        QCOMPARE((*db)->schemaVersion(), v2.constLast().version);
        auto rows = (*db)->query(QStringLiteral("SELECT body, tag FROM notes ORDER BY id"));
        BV_VERIFY_OK(rows);
        QVERIFY(rows->next());
        QCOMPARE(rows->value(0).toString(), QStringLiteral("一"));
        QCOMPARE(rows->value(1).toString(), QStringLiteral("none"));
        QVERIFY(rows->next());
        QCOMPARE(rows->value(0).toString(), QStringLiteral("two"));
        QVERIFY(!rows->next());
        auto version = (*db)->scalar(QStringLiteral("PRAGMA user_version"));
        QCOMPARE(version->toInt(), v2.constLast().version);
    }

    void failedMigrationChangesNothing()
    {
        TempDatabaseDir dir;
        const SecureBytes key = SecureBytes::random(32);
        {
            auto db = Database::open(dir.databasePath(), key, Database::Mode::CreateNew);
            BV_VERIFY_OK(db);
        }
        MigrationList broken = schemaMigrations();
        broken.append({broken.constLast().version + 1, QStringLiteral("test: broken"),
            sqlMigration(QStringLiteral("CREATE TABLE half (x); INSERT INTO nowhere VALUES (1);"))});
        Database::Options options;
        options.migrations = &broken;
        auto db = Database::open(dir.databasePath(), key, Database::Mode::OpenExisting, options);
        QVERIFY(!db.ok());
        auto again = Database::open(dir.databasePath(), key, Database::Mode::OpenExisting);
        BV_VERIFY_OK(again);
        QCOMPARE((*again)->schemaVersion(), schemaMigrations().constLast().version);
        QVERIFY(!(*again)->connection().tables().contains(QStringLiteral("half")));
    }

    void newerSchemaIsRefusedUntouched()
    {
        TempDatabaseDir dir;
        const SecureBytes key = SecureBytes::random(32);
        const MigrationList newer = versionsUpTo(schemaMigrations().constLast().version + 2);
        Database::Options options;
        options.migrations = &newer;
        {
            auto db = Database::open(dir.databasePath(), key, Database::Mode::CreateNew, options);
            BV_VERIFY_OK(db);
            BV_VERIFY_OK((*db)->checkpoint());
        }
        const QByteArray before = fileSha256(dir.databasePath());
        auto db = Database::open(dir.databasePath(), key, Database::Mode::OpenExisting);
        BV_COMPARE_CODE(db, ErrorCode::SchemaTooNew);
        QVERIFY(db.error().message.contains(QString::number(newer.constLast().version)));
        QCOMPARE(fileSha256(dir.databasePath()), before);
    }

    void secondInstanceIsRefused()
    {
        auto test = TestDatabase::create();
        QVERIFY(test);
        auto second = Database::open(test->db->path(), test->key, Database::Mode::OpenExisting);
        BV_COMPARE_CODE(second, ErrorCode::InUse);
        QVERIFY(second.error().message.contains(QString::number(QCoreApplication::applicationPid())));
        // the first connection is unaffected
        BV_VERIFY_OK(test->db->scalar(QStringLiteral("SELECT count(*) FROM meta")));
    }

    void secondProcessIsRefused()
    {
        auto test = TestDatabase::create();
        QVERIFY(test);
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(),
            {QStringLiteral("--try-open"), test->db->path(),
                QString::fromLatin1(test->key.toHex().view().toByteArray())});
        QVERIFY(child.waitForFinished(30000));
        QCOMPARE(child.exitCode(), int(exitStatusFor(ErrorCode::InUse)));
        test->db.reset();
        // once the first instance is gone, a new one may open it
        QProcess again;
        again.start(QCoreApplication::applicationFilePath(),
            {QStringLiteral("--try-open"), test->dir.databasePath(),
                QString::fromLatin1(test->key.toHex().view().toByteArray())});
        QVERIFY(again.waitForFinished(30000));
        QCOMPARE(again.exitCode(), 0);
    }

    void readOnlyFileIsRefused()
    {
        // Run the open in a child process as an unprivileged user (root ignores permission bits).
        auto test = TestDatabase::create();
        QVERIFY(test);
        const QString path = test->db->path();
        test->db.reset();
        QVERIFY(QFile::setPermissions(test->dir.path(),
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner | QFileDevice::ReadOther
                | QFileDevice::ExeOther | QFileDevice::ReadGroup | QFileDevice::ExeGroup));
        QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
        const QByteArray before = fileSha256(path);
        QStringList arguments {
            QStringLiteral("--try-open"), path, QString::fromLatin1(test->key.toHex().view().toByteArray())};
        QString program = QCoreApplication::applicationFilePath();
        if (geteuid() == 0) {
            arguments.prepend(program);
            arguments = QStringList {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                            QStringLiteral("--clear-groups")}
                + arguments;
            program = QStringLiteral("setpriv");
        }
        QProcess child;
        child.start(program, arguments);
        QVERIFY(child.waitForFinished(30000));
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QCOMPARE(child.exitCode(), int(exitStatusFor(ErrorCode::ReadOnly)));
        QCOMPARE(fileSha256(path), before);
    }

    void transactionRollsBackUnlessCommitted()
    {
        auto test = TestDatabase::create();
        QVERIFY(test);
        Database& db = *test->db;
        BV_VERIFY_OK(db.execScript(QStringLiteral("CREATE TABLE t (v INTEGER);")));
        {
            Transaction tx(db);
            QVERIFY(tx.ok());
            BV_VERIFY_OK(db.query(QStringLiteral("INSERT INTO t VALUES (1)")));
            // no commit: destroyed → rolled back
        }
        {
            Transaction tx(db);
            BV_VERIFY_OK(db.query(QStringLiteral("INSERT INTO t VALUES (2)")));
            {
                Transaction inner(db); // becomes a savepoint
                QVERIFY(inner.ok());
                BV_VERIFY_OK(db.query(QStringLiteral("INSERT INTO t VALUES (3)")));
            } // inner rolled back
            {
                Transaction inner(db);
                BV_VERIFY_OK(db.query(QStringLiteral("INSERT INTO t VALUES (4)")));
                BV_VERIFY_OK(inner.commit());
            }
            BV_VERIFY_OK(tx.commit());
        }
        QVERIFY(!db.inTransaction());
        auto sum = db.scalar(QStringLiteral("SELECT group_concat(v) FROM t"));
        BV_VERIFY_OK(sum);
        QCOMPARE(sum->toString(), QStringLiteral("2,4"));
    }

    void copyUnderNewKeyReplacesTheFile()
    {
        auto test = TestDatabase::create();
        QVERIFY(test);
        BV_VERIFY_OK(
            test->db->execScript(QStringLiteral("CREATE TABLE t (v TEXT); INSERT INTO t VALUES ('a'), ('b');")));
        const SecureBytes newKey = SecureBytes::random(32);
        const QString copy = test->db->path() + QStringLiteral(".rekey-test");
        BV_VERIFY_OK(test->db->backupTo(copy, newKey));
        QCOMPARE(QFileInfo(copy).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
            QFileDevice::Permissions());
        QStringList problems;
        BV_VERIFY_OK(Database::verifyFile(copy, newKey, &problems));
        QVERIFY(problems.isEmpty());
        BV_COMPARE_CODE(Database::verifyFile(copy, test->key, &problems), ErrorCode::WrongKey);
        bool swapped = false;
        BV_VERIFY_OK(test->db->replaceWith(copy, test->key, newKey, &swapped));
        QVERIFY(swapped);
        QVERIFY(!QFileInfo::exists(copy));
        auto mode = test->db->scalar(QStringLiteral("PRAGMA journal_mode"));
        QCOMPARE(mode->toString(), QStringLiteral("wal"));
        BV_VERIFY_OK(test->db->exec(QStringLiteral("INSERT INTO t VALUES ('c')")));
        // a copy that cannot be put in place leaves the database as it was, under its key
        BV_VERIFY_OK(test->db->backupTo(copy, test->key));
        QVERIFY(QFile::remove(copy));
        BV_COMPARE_CODE(test->db->replaceWith(copy, newKey, test->key, &swapped), ErrorCode::Io);
        QVERIFY(!swapped);
        auto count = test->db->scalar(QStringLiteral("SELECT count(*) FROM t"));
        BV_VERIFY_OK(count);
        QCOMPARE(count->toInt(), 3);
        const QString path = test->db->path();
        test->db.reset();
        BV_COMPARE_CODE(Database::open(path, test->key, Database::Mode::OpenExisting), ErrorCode::WrongKey);
        auto db = Database::open(path, newKey, Database::Mode::OpenExisting);
        BV_VERIFY_OK(db);
        auto rows = (*db)->scalar(QStringLiteral("SELECT group_concat(v) FROM t"));
        QCOMPARE(rows->toString(), QStringLiteral("a,b,c"));
    }

    void integrityCheckOfHealthyDatabase()
    {
        auto test = TestDatabase::create();
        QVERIFY(test);
        QStringList problems {QStringLiteral("placeholder")};
        BV_VERIFY_OK(test->db->integrityCheck(&problems));
        QVERIFY(problems.isEmpty());
    }
};

int main(int argc, char** argv)
{
    // Child mode for secondProcessIsRefused: open and report the error code as exit status.
    if (argc == 4 && qstrcmp(argv[1], "--try-open") == 0) {
        QCoreApplication app(argc, argv);
        const QByteArray hex = argv[3];
        const SecureBytes key = SecureBytes::copyOf(QByteArray::fromHex(hex));
        auto db = Database::open(QString::fromLocal8Bit(argv[2]), key, Database::Mode::OpenExisting);
        return db.ok() ? 0 : exitStatusFor(db.error().code);
    }
    QCoreApplication app(argc, argv);
    TestDatabase_ test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_database.moc"
