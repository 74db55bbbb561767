// Migrations carry one step per SQL dialect (docs/ARCHITECTURE.md, "Migrations"): every shipped step has its
// SQLite text; the PostgreSQL text is optional per step, and missingDialect names the first step without it, so a
// PostgreSQL migrator can refuse an incomplete list. Adding the PostgreSQL text leaves the SQLite step as it was.
#include "core/internal/db/Migration.h"

#include <QTest>

using namespace bv;

class TestMigrationDialects : public QObject
{
    Q_OBJECT
private slots:
    void everyStepHasItsSqliteText()
    {
        const MigrationList& migrations = schemaMigrations();
        QVERIFY(!migrations.isEmpty());
        QCOMPARE(missingDialect(migrations, SqlDialect::SQLite), 0);
        for (int i = 0; i < migrations.size(); ++i)
            QCOMPARE(migrations.at(i).version, i + 1);
    }

    void missingPostgresStepsAreNamed()
    {
        MigrationList migrations = schemaMigrations();
        // none is written yet (issue 15): the first step is the first gap
        QCOMPARE(missingDialect(migrations, SqlDialect::PostgreSQL), 1);
        for (int i = 0; i < 3; ++i)
            migrations[i].postgres = sqlScript(QStringLiteral("SELECT 1;"));
        QCOMPARE(missingDialect(migrations, SqlDialect::PostgreSQL), 4);
        for (Migration& migration : migrations)
            migration.postgres = sqlScript(QStringLiteral("SELECT 1;"));
        QCOMPARE(missingDialect(migrations, SqlDialect::PostgreSQL), 0);
        // the SQLite steps are the shipped ones, untouched
        QCOMPARE(missingDialect(migrations, SqlDialect::SQLite), 0);
        QCOMPARE(migrations.size(), schemaMigrations().size());
        QVERIFY(migrations.constFirst().has(SqlDialect::SQLite));
        QVERIFY(!schemaMigrations().constFirst().has(SqlDialect::PostgreSQL));
    }

    void aStepWithoutSqliteTextIsAGap()
    {
        MigrationList migrations = schemaMigrations();
        const int next = migrations.constLast().version + 1;
        Migration postgresOnly;
        postgresOnly.version = next;
        postgresOnly.description = QStringLiteral("test: server only");
        postgresOnly.postgres = sqlScript(QStringLiteral("SELECT 1;"));
        migrations.append(postgresOnly);
        QCOMPARE(missingDialect(migrations, SqlDialect::SQLite), next);
    }
};

QTEST_GUILESS_MAIN(TestMigrationDialects)
#include "tst_migrationdialects.moc"
