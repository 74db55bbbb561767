// The branch manager's large-list model (issue 5 item 7): the count arrives after construction (never in
// the view's construction or paint path), rows come in keyset pages from the nearest anchor (forward, or
// from the end), the cache never holds more than its bound, every row is eventually the right customer in
// every sort order, and a list that changed under the model is counted again.
#include "core/Core.h"
#include "core/customers/CustomerService.h"
#include "core/customers/lifecycle/CustomerEntry.h"
#include "core/internal/CoreInternal.h"
#include "core/internal/db/Database.h"
#include "core/internal/db/Transaction.h"
#include "core/policy/FieldCatalogue.h"
#include "tests/testsupport/TestCore.h"
#include "tests/testsupport/TestData.h"
#include "ui/customers/CustomerLabels.h"
#include "ui/models/CustomerListModel.h"
#include "ui/models/CustomerRowsModel.h"
#include "ui/models/RecordTableModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace bv;
using namespace bv::test;
using bv::ui::models::CustomerListModel;

class TestCustomerListModel : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestCore> m_t;
    Session m_manager;
    Session m_cm;
    QStringList m_realNumbers; // created and approved through the core (sealed values, masked names)
    QStringList m_fullNames;
    static constexpr int kDirect = 2000; // rows written straight into customers (no grade-1 values)
    static constexpr int kTotal = kDirect + 3;

    // The expected order of the whole list, read with the core's sort keys (CustomerFinder::branchList).
    QStringList expected(CustomerSort sort, bool descending)
    {
        QString key;
        switch (sort) {
        case CustomerSort::Number:
            key = QStringLiteral("''");
            break;
        case CustomerSort::Tier:
            key = QStringLiteral("tier_rank");
            break;
        case CustomerSort::Manager:
            key = QStringLiteral("coalesce(manager_id, 0)");
            break;
        case CustomerSort::Created:
            key = QStringLiteral("created_at");
            break;
        }
        const QString dir = descending ? QStringLiteral(" DESC") : QString();
        auto q = internalsOf(*m_t->core)
                     .database()
                     .query(QStringLiteral("SELECT customer_no FROM customers WHERE status <> 'rejected' "
                                           "ORDER BY ")
                         + key + dir + QStringLiteral(", customer_no") + dir);
        QStringList numbers;
        if (q.ok()) {
            while (q->next())
                numbers << q->value(0).toString();
        }
        return numbers;
    }

    // Asks for `row` the way a view does (data()) and waits until its page is in the cache.
    static bool load(CustomerListModel& model, int row)
    {
        auto loaded = [&] {
            return row < model.rowCount()
                && model.data(model.index(row, CustomerListModel::Number), CustomerListModel::LoadedRole).toBool();
        };
        return loaded() || QTest::qWaitFor(loaded, 5000);
    }

    static bool ready(CustomerListModel& model)
    {
        return QTest::qWaitFor([&] { return model.state() == CustomerListModel::State::Ready; }, 5000);
    }

private slots:
    void initTestCase()
    {
        m_t = TestCore::create();
        QVERIFY(m_t);
        m_manager = m_t->addUser(QStringLiteral("m1"), Role::Manager);
        m_cm = m_t->addUser(QStringLiteral("cm1"), Role::CustomerManager);
        const Session cm2 = m_t->addUser(QStringLiteral("cm2"), Role::CustomerManager);
        QVERIFY(m_manager.isValid() && m_cm.isValid() && cm2.isValid());
        const qint64 cm1Id = m_t->userId(QStringLiteral("cm1"));
        const qint64 cm2Id = m_t->userId(QStringLiteral("cm2"));

        // Thousands of rows: written in one transaction straight into customers (grade 3 only — creating them
        // through entry() costs ~10 ms each with the approval), with tiers, managers and creation times that
        // do not follow the numbers, so every sort order is a different permutation.
        Database& db = internalsOf(*m_t->core).database();
        {
            Transaction tx(db);
            QVERIFY(tx.ok());
            const QStringList tiers {QStringLiteral("regular"), QStringLiteral("gold"), QStringLiteral("platinum"),
                QStringLiteral("diamond")};
            const QDateTime base = m_t->clock.nowUtc().addDays(-30);
            for (int i = 0; i < kDirect; ++i) {
                const QVariant manager
                    = i % 5 == 0 ? QVariant(QMetaType::fromType<qint64>()) : QVariant(i % 2 ? cm1Id : cm2Id);
                auto q
                    = db.query(QStringLiteral("INSERT INTO customers (customer_no, branch, status, manager_id, tier, "
                                              "age_band, created_at, updated_at) VALUES (?, '0001', ?, ?, ?, '30_39', "
                                              "?, ?)"),
                        {QStringLiteral("T001-%1").arg(i, 8, 10, QLatin1Char('0')),
                            i % 7 == 0 ? QStringLiteral("pending") : QStringLiteral("active"), manager,
                            tiers.at((i * 7) % 4), base.addSecs((qint64(i) * 7919) % 100000), base});
                QVERIFY2(q.ok(), qPrintable(q.ok() ? QString() : q.error().fullText()));
            }
            // rejected records are not in the branch list
            QVERIFY(
                db.query(QStringLiteral("INSERT INTO customers (customer_no, branch, status, created_at, updated_at) "
                                        "VALUES ('T001-R0000001', '0001', 'rejected', ?, ?)"),
                      {base, base})
                    .ok());
            QVERIFY(tx.commit().ok());
        }
        // A few real customers: sealed grade-1 values, so the masked name column has something to show.
        for (int seed = 1; seed <= 3; ++seed) {
            const CustomerInput input = customerInput(seed);
            auto receipt = m_t->core->customers().entry().create(m_cm, input);
            QVERIFY2(receipt.ok(), qPrintable(receipt.ok() ? QString() : receipt.error().fullText()));
            QVERIFY(
                m_t->core->customers().entry().approve(m_manager, receipt->changeId, QStringLiteral("checked")).ok());
            m_realNumbers << receipt->customerNumber;
            m_fullNames << input.values.value(QString::fromLatin1(fields::Name));
        }
        QCOMPARE(expected(CustomerSort::Number, false).size(), kTotal);
    }

    void countArrivesAfterConstruction()
    {
        CustomerListModel model(*m_t->core, m_manager);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy counted(&model, &CustomerListModel::countChanged);
        // Nothing was asked of the core while the model (and a view over it) was being built.
        QCOMPARE(model.state(), CustomerListModel::State::Counting);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.coreCalls(), 0);
        QVERIFY(ready(model));
        QCOMPARE(counted.size(), 1);
        QCOMPARE(counted.at(0).at(0).toLongLong(), qint64(kTotal));
        QCOMPARE(model.rowCount(), kTotal);
        QCOMPARE(model.totalCount(), qint64(kTotal));
        QCOMPARE(model.columnCount(), int(CustomerListModel::ColumnCount));
        QCOMPARE(model.coreCalls(), 1);
    }

    void placeholderUntilLoaded()
    {
        CustomerListModel model(*m_t->core, m_manager);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(ready(model));
        const QModelIndex index = model.index(500, CustomerListModel::Number);
        QCOMPARE(model.data(index, CustomerListModel::LoadedRole).toBool(), false);
        QCOMPARE(model.data(index).toString(), QStringLiteral("…"));
        QVERIFY(model.data(model.index(500, CustomerListModel::Tier)).isNull());
        QVERIFY(model.customerFromIndex(index).isEmpty());
        QCOMPARE(model.cachedPageCount(), 0); // data() only asks; the page is loaded later, outside data()
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(load(model, 500));
        QVERIFY(!changed.isEmpty());
        QCOMPARE(model.customerFromIndex(index), expected(CustomerSort::Number, false).at(500));
        QCOMPARE(model.data(index).toString(), model.customerFromIndex(index));
        QCOMPARE(model.data(index, CustomerListModel::CustomerNumberRole).toString(), model.customerFromIndex(index));
    }

    // Every row, in order, through a cache of 4 pages of 100 rows: never more than 400 rows held, and the
    // forward walk costs one core call per page.
    void scrollThroughEveryRowWithinTheCacheBound()
    {
        // No QAbstractItemModelTester here: it reads row 0 on every dataChanged(), which would count as
        // scrolling back to the top (the other tests run under it).
        CustomerListModel model(*m_t->core, m_manager, 100, 4);
        QCOMPARE(model.pageSize(), 100);
        QCOMPARE(model.maxCachedPages(), 4);
        QVERIFY(ready(model));
        const QStringList numbers = expected(CustomerSort::Number, false);
        int maxRows = 0;
        for (int row = 0; row < kTotal; ++row) {
            QVERIFY2(load(model, row), qPrintable(QStringLiteral("row %1").arg(row)));
            QCOMPARE(model.customerFromIndex(model.index(row, 0)), numbers.at(row));
            QVERIFY(model.cachedPageCount() <= 4);
            QVERIFY(model.cachedRowCount() <= 400);
            maxRows = qMax(maxRows, model.cachedRowCount());
        }
        QCOMPARE(maxRows, 400); // the bound was reached, and held
        const int pages = (kTotal + 99) / 100;
        QCOMPARE(model.coreCalls(), 1 + pages);
        // Back to the top: page 0 was evicted long ago and comes back from its anchor.
        QVERIFY(!model.data(model.index(0, 0), CustomerListModel::LoadedRole).toBool());
        QVERIFY(load(model, 0));
        QCOMPARE(model.customerFromIndex(model.index(0, 0)), numbers.at(0));
        QCOMPARE(model.coreCalls(), 2 + pages);
        QVERIFY(model.cachedRowCount() <= 400);
    }

    // A jump far from every known position: forward from the nearest anchor in 5,000-row chunks, or from
    // the end in the reversed order, whichever reads fewer rows; anchors left behind make the next jump cheap.
    void jumpsUseTheNearestAnchor()
    {
        CustomerListModel model(*m_t->core, m_manager, 100, 4); // no tester: see above
        QVERIFY(ready(model));
        const QStringList numbers = expected(CustomerSort::Number, false);
        auto jump = [&](int row, int firstRow, int expectedCalls) {
            const int before = model.coreCalls();
            if (!load(model, row))
                return false;
            if (model.coreCalls() - before != expectedCalls) {
                qWarning("row %d: %d core calls, expected %d", row, model.coreCalls() - before, expectedCalls);
                return false;
            }
            for (int r = firstRow; r < qMin(firstRow + 100, kTotal); ++r) {
                if (model.customerFromIndex(model.index(r, 0)) != numbers.at(r))
                    return false;
            }
            return model.cachedPageCount() <= 4;
        };
        // rows 500-599: 600 rows forward or 1,503 from the end → forward: one skip of 500 rows, then the page
        QVERIFY(jump(550, 500, 2));
        // the last rows: 3 rows from the end → one reversed call
        QVERIFY(jump(kTotal - 1, 2000, 1));
        // rows 1900-1999: from the anchor the last call left 3 rows from the end, no skip
        QVERIFY(jump(1950, 1900, 1));
        // rows 1300-1399: 800 rows forward from row 600, 600 from the anchor 103 rows from the end → reversed,
        // one skip and the page
        QVERIFY(jump(1350, 1300, 2));
        // rows 600-699: forward from the anchor the first jump left at row 600
        QVERIFY(jump(650, 600, 1));
        // rows 1200-1299: reversed from the anchor the fourth jump left
        QVERIFY(jump(1250, 1200, 1));
    }

    // Scrolling, jumping, sorting and refreshing with the tester watching every signal.
    void modelTesterThroughScrollSortAndRefresh()
    {
        CustomerListModel model(*m_t->core, m_manager, 100, 3);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(ready(model));
        for (int row : {0, 150, 1999, kTotal - 1, 700, 1200})
            QVERIFY(load(model, row));
        QVERIFY(model.cachedPageCount() <= 3);
        model.sort(CustomerListModel::Created, Qt::DescendingOrder);
        QVERIFY(load(model, 900));
        model.refresh();
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(ready(model));
        QCOMPARE(model.rowCount(), kTotal);
        QVERIFY(load(model, kTotal - 1));
        QCOMPARE(
            model.customerFromIndex(model.index(kTotal - 1, 0)), expected(CustomerSort::Created, true).constLast());
    }

    void everySortOrder_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("sort");
        QTest::addColumn<bool>("descending");
        const QList<QPair<int, CustomerSort>> sorts {{CustomerListModel::Number, CustomerSort::Number},
            {CustomerListModel::Tier, CustomerSort::Tier}, {CustomerListModel::Manager, CustomerSort::Manager},
            {CustomerListModel::Created, CustomerSort::Created}};
        for (const auto& s : sorts) {
            for (bool descending : {false, true})
                QTest::addRow("%s %s", qPrintable(CustomerListModel::headerText(s.first)),
                    descending ? "descending" : "ascending")
                    << s.first << int(s.second) << descending;
        }
    }

    void everySortOrder()
    {
        QFETCH(int, column);
        QFETCH(int, sort);
        QFETCH(bool, descending);
        CustomerListModel model(*m_t->core, m_manager, 200, 5);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(ready(model));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.sort(column, descending ? Qt::DescendingOrder : Qt::AscendingOrder);
        const bool changed = !(sort == int(CustomerSort::Number) && !descending);
        QCOMPARE(reset.size(), changed ? 1 : 0);
        QCOMPARE(int(model.sortKey()), sort);
        QCOMPARE(model.isDescending(), descending);
        QCOMPARE(model.sortColumn(), column);
        QCOMPARE(model.rowCount(), kTotal); // the count stays
        const QStringList numbers = expected(CustomerSort(sort), descending);
        // From the end first (reversed fetches), then every row from the top.
        for (int row = kTotal - 1; row >= kTotal - 250; --row) {
            QVERIFY(load(model, row));
            QCOMPARE(model.customerFromIndex(model.index(row, 0)), numbers.at(row));
        }
        for (int row = 0; row < kTotal; ++row) {
            QVERIFY(load(model, row));
            QCOMPARE(model.customerFromIndex(model.index(row, 0)), numbers.at(row));
            QVERIFY(model.cachedRowCount() <= 1000);
        }
    }

    void unsortableColumnsChangeNothing()
    {
        CustomerListModel model(*m_t->core, m_manager);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(ready(model));
        QVERIFY(load(model, 0));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        for (int column :
            {int(CustomerListModel::MaskedName), int(CustomerListModel::AgeBand), int(CustomerListModel::Status)}) {
            QVERIFY(!CustomerListModel::isSortable(column));
            model.sort(column, Qt::DescendingOrder);
        }
        QCOMPARE(reset.size(), 0);
        QCOMPARE(model.sortKey(), CustomerSort::Number);
        QVERIFY(model.data(model.index(0, 0), CustomerListModel::LoadedRole).toBool());
        QVERIFY(!CustomerListModel::isCopyable(CustomerListModel::MaskedName));
    }

    // The rows as the core returned them: grade 3 and the masked name, never the full name.
    void realCustomersShowMaskedNamesOnly()
    {
        CustomerListModel model(*m_t->core, m_manager);
        QVERIFY(ready(model));
        const QStringList numbers = expected(CustomerSort::Number, false);
        int seen = 0;
        for (int i = 0; i < m_realNumbers.size(); ++i) {
            const int row = int(numbers.indexOf(m_realNumbers.at(i)));
            QVERIFY(row >= 0);
            QVERIFY(load(model, row));
            const QString masked = model.data(model.index(row, CustomerListModel::MaskedName)).toString();
            QVERIFY2(masked.contains(QLatin1Char('*')), qPrintable(masked));
            QCOMPARE(masked.at(0), m_fullNames.at(i).at(0));
            QCOMPARE(model.data(model.index(row, CustomerListModel::Manager)).toString(), QStringLiteral("cm1"));
            QCOMPARE(model.data(model.index(row, CustomerListModel::Status)).toString(),
                statusLabel(CustomerStatus::Active));
            for (int column = 0; column < CustomerListModel::ColumnCount; ++column) {
                for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole), int(Qt::AccessibleTextRole)})
                    QVERIFY(!model.data(model.index(row, column), role).toString().contains(m_fullNames.at(i)));
            }
            ++seen;
        }
        QCOMPARE(seen, 3);
        // the directly written rows (numbered after the real ones) have no name at all
        QVERIFY(load(model, kTotal - 1));
        QVERIFY(model.data(model.index(kTotal - 1, CustomerListModel::MaskedName)).toString().isEmpty());
        QCOMPARE(model.data(model.index(kTotal - 1, CustomerListModel::AgeBand)).toString(), QStringLiteral("30–39"));
    }

    // A customer added after the count: the forward walk finds more rows than counted, counts again and
    // shows the new row.
    void listChangedUnderTheModelIsCountedAgain()
    {
        CustomerListModel model(*m_t->core, m_manager, 100, 4);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(ready(model));
        QCOMPARE(model.rowCount(), kTotal);
        QVERIFY(m_t->insertCustomer(QStringLiteral("T001-99999999"), m_t->userId(QStringLiteral("cm1"))) > 0);
        QSignalSpy counted(&model, &CustomerListModel::countChanged);
        QSignalSpy failed(&model, &CustomerListModel::failed);
        for (int row = 0; row < kTotal && counted.isEmpty(); row += 100) {
            load(model, row);
            QTest::qWait(0);
        }
        QVERIFY(QTest::qWaitFor(
            [&] { return !counted.isEmpty() && model.state() == CustomerListModel::State::Ready; }, 5000));
        QCOMPARE(failed.size(), 0);
        QCOMPARE(model.rowCount(), kTotal + 1);
        QVERIFY(load(model, kTotal));
        QCOMPARE(model.customerFromIndex(model.index(kTotal, 0)), QStringLiteral("T001-99999999"));
        // back as it was, for the other tests
        QVERIFY(internalsOf(*m_t->core)
                    .database()
                    .query(QStringLiteral("DELETE FROM customers WHERE customer_no = 'T001-99999999'"))
                    .ok());
    }

    void refusedForOtherRoles()
    {
        CustomerListModel model(*m_t->core, m_cm);
        QSignalSpy failed(&model, &CustomerListModel::failed);
        QVERIFY(QTest::qWaitFor([&] { return model.state() == CustomerListModel::State::Failed; }, 5000));
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(0).value<Error>().code, ErrorCode::PermissionDenied);
        QCOMPARE(model.rowCount(), 0);
    }

    void smallModels()
    {
        ui::models::CustomerRowsModel rows;
        QAbstractItemModelTester tester(&rows, QAbstractItemModelTester::FailureReportingMode::QtTest);
        CustomerListRow row;
        row.number = QStringLiteral("0001-00000009");
        row.maskedName = QStringLiteral("王*");
        row.tier = QStringLiteral("gold");
        rows.setRows({row, row});
        QCOMPARE(rows.rowCount(), 2);
        QCOMPARE(rows.customerFromIndex(rows.index(1, 3)), row.number);
        QCOMPARE(rows.data(rows.index(0, CustomerListModel::MaskedName)).toString(), row.maskedName);
        rows.clear();
        QCOMPARE(rows.rowCount(), 0);

        ui::models::RecordTableModel records({QStringLiteral("A"), QStringLiteral("B")});
        QAbstractItemModelTester recordTester(&records, QAbstractItemModelTester::FailureReportingMode::QtTest);
        records.setRecords({{7, {QStringLiteral("a"), QStringLiteral("b")}, QString()},
            {9, {QStringLiteral("c"), QStringLiteral("d")}, QStringLiteral("tip")}});
        QCOMPARE(records.keyFromIndex(records.index(1, 1)).toInt(), 9);
        QCOMPARE(records.rowOf(7), 0);
        QCOMPARE(records.data(records.index(1, 0), Qt::ToolTipRole).toString(), QStringLiteral("tip"));
        QCOMPARE(records.headerData(1, Qt::Horizontal).toString(), QStringLiteral("B"));
    }
};

QTEST_MAIN(TestCustomerListModel)
#include "tst_customerlistmodel.moc"
