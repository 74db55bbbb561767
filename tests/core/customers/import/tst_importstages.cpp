// The import's stage clock (core/internal/common/StageClock.h), as the benchmark reads it: every stage of an import
// (read+validate, seal, write, audit, commit) measured, none negative, together within the import's total, a
// bounded number of clock reads per row, nothing measured outside an import, and the import's result and audit
// rows the same with or without a clock. No assertion about speed.
#include "core/customers/CustomerService.h"
#include "core/customers/import/CustomerImport.h"
#include "core/customers/lifecycle/CustomerEntry.h"
#include "core/customers/rules/CsvReader.h"
#include "core/internal/common/StageClock.h"
#include "core/internal/db/Database.h"
#include "core/policy/FieldCatalogue.h"
#include "tests/testsupport/TestCore.h"
#include "tests/testsupport/TestData.h"

#include <QSet>
#include <QTest>

using namespace bv;
using namespace bv::test;

namespace {

using Stage = StageClock::Stage;
const Stage kStages[] = {Stage::ReadValidate, Stage::Seal, Stage::Write, Stage::Audit, Stage::Commit};

QString k(const char* key)
{
    return QString::fromLatin1(key);
}

// A file of `rows` customers (seeds from `firstSeed`), in the template's columns; the rows whose index is in
// `bad` carry a mobile number that is too short.
QByteArray importFile(int firstSeed, int rows, const QSet<int>& bad)
{
    QStringList keys;
    QStringList headings;
    for (const CsvColumn& column : CustomerImport::templateColumns()) {
        keys << column.key;
        headings << column.english;
    }
    QString text = headings.join(QLatin1Char(',')) + QLatin1Char('\n');
    for (int i = 0; i < rows; ++i) {
        const int seed = firstSeed + i;
        const bool male = seed % 2 == 0;
        const QHash<QString, QString> row {
            {k(fields::Name), chineseName(seed)},
            {k(fields::IdType), QStringLiteral("mainland_id")},
            {k(fields::IdNumber), mainlandId(seed, QDate(1960 + seed % 40, 1 + seed % 12, 1 + seed % 28), male)},
            {k(fields::Sex), male ? QStringLiteral("M") : QStringLiteral("F")},
            {k(fields::Mobile), bad.contains(i) ? QStringLiteral("12") : mobile(seed)},
            {k(fields::Address), QStringLiteral("上海市浦东新区世纪大道%1号").arg(seed)},
            {k(fields::IncomeBand), QStringLiteral("100k_300k")},
            {k(fields::AccountNumber), cardNumber(seed)},
            {k(fields::AccountType), QStringLiteral("debit_card")},
            {k(fields::AccountOpenedOn), QStringLiteral("2016-03-01")},
        };
        QStringList cells;
        for (const QString& key : keys)
            cells << row.value(key);
        text += cells.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return text.toUtf8();
}

} // namespace

class TestImportStages : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestCore> t;
    Session cm1;
    CustomerImport& importer() { return t->core->customers().importer(); }

    QString file(const QString& name, const QByteArray& bytes)
    {
        const QString path = t->dir.file(name);
        if (!writeFile(path, bytes))
            qWarning("could not write the test file");
        return path;
    }
    int count(const QString& sql)
    {
        auto n = t->vault->database().scalar(sql);
        return n.ok() ? n->toInt() : -1;
    }

private slots:
    void init()
    {
        t = TestCore::create();
        QVERIFY(t);
        t->addUser(QStringLiteral("m1"), Role::Manager);
        cm1 = t->addUser(QStringLiteral("cm1"), Role::CustomerManager);
    }
    void cleanup() { t.reset(); }

    void stageKeysAreDistinct()
    {
        QSet<QString> keys;
        for (Stage stage : kStages)
            keys.insert(QString::fromLatin1(StageClock::key(stage)));
        QCOMPARE(keys,
            (QSet<QString> {QStringLiteral("read_validate"), QStringLiteral("seal"), QStringLiteral("write"),
                QStringLiteral("audit"), QStringLiteral("commit")}));
    }

    // 40 rows in batches of 15 (three commits), three of them refused: every stage was timed, none is negative,
    // together they stay within the import's total, and the clock was read a bounded number of times per row.
    void everyStageOfAnImportIsMeasured()
    {
        importer().setBatchRowsForTesting(15);
        const int rows = 40;
        const QString path = file(QStringLiteral("stages.csv"), importFile(100, rows, {3, 17, 39}));
        StageClock clock;
        auto report = importer().importFile(cm1, path);
        BV_VERIFY_OK(report);
        QCOMPARE(report->accepted, rows - 3);
        QCOMPARE(report->rejected, 3);

        const StageClock::Times& times = clock.times();
        QCOMPARE(times.runs, 1);
        QVERIFY(times.totalNs > 0);
        for (Stage stage : kStages) {
            QVERIFY2(times.at(stage) > 0, StageClock::key(stage)); // each stage happened and was timed
            QVERIFY2(times.at(stage) <= times.totalNs, StageClock::key(stage));
        }
        QVERIFY(times.stagesNs() <= times.totalNs);
        // A mark per stage boundary, not per value: the rows of a batch are written together, so a few reads per
        // stage of each of the three batches, and never more than about a dozen a row.
        QVERIFY2(times.clockReads >= 3 * 5, qPrintable(QString::number(times.clockReads)));
        QVERIFY2(times.clockReads <= 16 * rows + 10, qPrintable(QString::number(times.clockReads)));

        // A second import adds to the same clock; reset() starts again from nothing.
        const StageClock::Times first = times;
        auto again = importer().importFile(cm1, file(QStringLiteral("stages2.csv"), importFile(500, 5, {})));
        BV_VERIFY_OK(again);
        QCOMPARE(clock.times().runs, 2);
        QVERIFY(clock.times().totalNs > first.totalNs);
        QVERIFY(clock.times().at(Stage::Seal) > first.at(Stage::Seal));
        clock.reset();
        QCOMPARE(clock.times().runs, 0);
        QCOMPARE(clock.times().stagesNs(), 0);
    }

    // Outside an import nothing is read, even with a clock installed: creating one customer by hand is not timed.
    void nothingIsMeasuredOutsideAnImport()
    {
        StageClock clock;
        auto receipt = t->core->customers().entry().create(cm1, customerInput(7));
        BV_VERIFY_OK(receipt);
        QCOMPARE(clock.times().runs, 0);
        QCOMPARE(clock.times().clockReads, 0);
        QCOMPARE(clock.times().stagesNs(), 0);
    }

    // The clock installed last is the one that measures; when it goes, the one before it measures again.
    void theInnermostClockMeasures()
    {
        StageClock outer;
        {
            StageClock inner;
            BV_VERIFY_OK(importer().importFile(cm1, file(QStringLiteral("a.csv"), importFile(200, 3, {}))));
            QCOMPARE(inner.times().runs, 1);
            QCOMPARE(outer.times().runs, 0);
        }
        BV_VERIFY_OK(importer().importFile(cm1, file(QStringLiteral("b.csv"), importFile(300, 3, {}))));
        QCOMPARE(outer.times().runs, 1);
    }

    // The same file shape imported with and without a clock gives the same report, the same rows and the same
    // audit rows: the clock observes, it changes nothing.
    void theClockChangesNothing()
    {
        importer().setBatchRowsForTesting(4);
        const QSet<int> bad {1, 6};
        const QString audits = QStringLiteral("SELECT count(*) FROM audit_log");
        const QString creates = QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'customer.create'");
        const QString imports = QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'customer.import'");
        const QString customers = QStringLiteral("SELECT count(*) FROM customers");
        const QString sealed = QStringLiteral("SELECT count(*) FROM sealed_value");
        const QString changes = QStringLiteral("SELECT count(*) FROM customer_changes");
        const int auditBefore = count(audits);

        auto plain = importer().importFile(cm1, file(QStringLiteral("plain.csv"), importFile(1000, 10, bad)));
        BV_VERIFY_OK(plain);
        QCOMPARE(plain->accepted, 8);
        const int auditPlain = count(audits) - auditBefore;
        const int customersPlain = count(customers);
        const int sealedPlain = count(sealed);
        const int changesPlain = count(changes);
        QVERIFY(customersPlain == 8 && sealedPlain > 8 && changesPlain == 8);

        // Seeds 840 apart have the same birth dates and sexes (840 = lcm(40, 12, 28)): other people, same shape.
        StageClock clock;
        auto timed = importer().importFile(cm1, file(QStringLiteral("timed.csv"), importFile(1840, 10, bad)));
        BV_VERIFY_OK(timed);
        QCOMPARE(clock.times().runs, 1);

        QCOMPARE(timed->rows, plain->rows);
        QCOMPARE(timed->accepted, plain->accepted);
        QCOMPARE(timed->rejected, plain->rejected);
        QCOMPARE(timed->createdNumbers.size(), plain->createdNumbers.size());
        QCOMPARE(timed->warnings, plain->warnings);
        QCOMPARE(timed->problems.size(), plain->problems.size());
        for (qsizetype i = 0; i < plain->problems.size(); ++i) {
            QCOMPARE(timed->problems.at(i).line, plain->problems.at(i).line);
            QCOMPARE(timed->problems.at(i).column, plain->problems.at(i).column);
            QCOMPARE(timed->problems.at(i).field, plain->problems.at(i).field);
            QCOMPARE(timed->problems.at(i).message, plain->problems.at(i).message);
        }
        QCOMPARE(count(customers), 2 * customersPlain);
        QCOMPARE(count(sealed), 2 * sealedPlain);
        QCOMPARE(count(changes), 2 * changesPlain);
        QCOMPARE(count(audits) - auditBefore, 2 * auditPlain);
        QCOMPARE(count(creates), int(plain->accepted + timed->accepted));
        QCOMPARE(count(imports), 2);
    }
};

QTEST_GUILESS_MAIN(TestImportStages)
#include "tst_importstages.moc"
