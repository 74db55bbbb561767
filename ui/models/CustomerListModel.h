#pragma once

#include "core/auth/Session.h"
#include "core/common/Error.h"
#include "core/common/Result.h"
#include "core/customers/CustomerRecord.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QMap>
#include <QTimer>

#include <optional>

namespace bv {
class Core;
}

namespace bv::ui::models {

// The one model of customer list rows (CustomerListRow: grade 3 and the masked name only, as the core returns
// them) for every screen that lists customers. Our own model rather than a SQL query model: every row comes
// from the core for this session. Two sources of rows:
// - paged from the core: the branch manager's list of every customer of the branch (CustomerFinder::branchList),
//   for branches of any size; constructed with the Core and the Session; described below;
// - held whole: a list the core returned in one piece (the customer manager's portfolio, the manager's lookup
//   results, the reassignment list); constructed without the core, filled with setRows()/appendRows().
//
// Columns. `Column` names what a column shows; a screen passes the columns it shows, in its order, at
// construction (default: branchColumns(), the number first). The customer manager's portfolio shows the masked
// name first (ui/customers/CustomerListModel.h passes its order). The static helpers (headerText, cellData,
// isSortable, isCopyable, sortForColumn) take a Column; the instance ones named "section" take a view position.
//
// The paged source (the rest of this comment) keeps the rows in memory bounded.
//
// Count. rowCount() is CustomerFinder::branchCount(). The core holds one SQLCipher connection per
// database, owned by the thread that opened it; QtSql connections cannot be used from another thread,
// and a second connection would need the raw database key and the vault's lock file (both held by the
// core, neither given to the UI) and would bypass the finder's session check and audit. So the count
// cannot run on a worker thread without changes to the core. Instead it is taken out of the view's
// construction and paint path: refresh() puts the model into State::Counting with rowCount() 0, and the
// count runs in a zero-timer continuation on the next turn of the event loop; countChanged() and
// stateChanged() announce it (rows are then inserted). The single connection serialises every query
// anyway, so a worker thread would not make the count run beside other queries — it would only move
// the wait.
//
// Paging. Rows are fetched in pages of pageSize() rows by keyset paging (branchList with an opaque
// cursor), never by OFFSET. A page of rows [s, e) is reached from an "anchor" — a cursor whose fetch
// starts at a known row:
// - ascending anchors at page boundaries (row 0 is the empty cursor; every fetch records the cursor
//   after it), so scrolling forward costs one fetch per page;
// - descending anchors counted from the end of the list (the empty cursor in the reversed order is the
//   last row), so pages near the end cost about as much as pages near the start.
// For a jump (scroll bar dragged to the middle) the model picks whichever anchor leaves fewer rows to
// skip and walks from it in chunks of up to 5,000 rows (the core's largest page), recording an anchor
// after each chunk, so a second jump nearby is cheap. Keyset paging cannot seek by position: a cold jump
// to the middle of N rows costs about N/2 rows read in N/10,000 queries; that is the honest price of not
// using OFFSET (which reads the same rows, but again on every page). The anchor maps are thinned to at
// most kMaxAnchors entries each.
// Positions from the end rely on the count. When a fetch finds the list shorter or longer than counted
// (a customer was added or rejected meanwhile) the model counts again and starts over; if the new count
// equals the old one, list and count disagree in the core and the model stops (failed()) rather than
// loop. A change that keeps the count (one added, one rejected) shows only after refresh(); the manager's
// workspace refreshes the list after its own changes. Every fetch with the empty cursor (the first page,
// or the last one in the reversed order) is a new listing for the core and writes its audit row.
//
// Cache. At most maxCachedPages() pages (≤ 10,000 rows) are held, least recently used evicted first.
// data() for a row that is not cached returns a placeholder ("…" in the number column, LoadedRole false)
// and asks for its page; pages are loaded in a zero-timer continuation (never inside data()), most
// recently asked first, and announced with dataChanged(). An evicted page is announced too, so a view
// never shows rows the model no longer holds.
//
// Sorting by number, tier, manager or creation time (the core's CustomerSort); sort() on another column
// does nothing. A new order drops the cache and the anchors (model reset; the count stays).
// A failed core call stops loading (State::Failed, failed() emitted once) until refresh().
class CustomerListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Number,
        MaskedName,
        Tier,
        AgeBand,
        Status,
        Manager,
        Created,
        ColumnCount
    };
    enum DataRole
    {
        LoadedRole = Qt::UserRole + 0x4c44, // bool: the row is in the cache (else the data is a placeholder);
                                            // a number of its own: views test it on any model
        CustomerNumberRole, // the customer number, empty while not loaded
    };
    enum class State
    {
        Idle,
        Counting,
        Ready,
        Failed
    };
    Q_ENUM(State)

    static constexpr int kDefaultPageSize = 200;
    static constexpr int kMaxCachedRows = 10000;
    static constexpr int kMaxFetch = 5000; // the core's largest page
    static constexpr int kMaxAnchors = 2000;

    using Columns = QList<Column>;
    // Every column, the number first: the branch list, the lookup results, the reassignment list.
    static Columns branchColumns();

    // Rows held whole (setRows), with the columns given (each at most once; default branchColumns()).
    explicit CustomerListModel(QObject* parent = nullptr);
    explicit CustomerListModel(const Columns& columns, QObject* parent = nullptr);
    // Paged from the branch list; starts counting at once (on the next turn of the event loop).
    CustomerListModel(Core& core, const Session& session, QObject* parent = nullptr);
    // pageSize ≥ 1; maxCachedPages ≥ 2, and pageSize × maxCachedPages ≤ kMaxCachedRows.
    CustomerListModel(Core& core, const Session& session, int pageSize, int maxCachedPages, QObject* parent = nullptr);
    ~CustomerListModel() override;

    // What the column at a view position shows; ColumnCount for a position out of range.
    Column columnAt(int section) const;
    // The view position of a column, or -1 when this model does not show it.
    int sectionOf(Column column) const;
    bool isSortableSection(int section) const { return isSortable(columnAt(section)); }
    // The view positions a "copy row" may copy (grade 3: never the masked name).
    QList<int> copyableSections() const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // The row's customer number; empty for an invalid index or a row not loaded yet.
    QString customerFromIndex(const QModelIndex& index) const;
    // The row behind an index of this model; nullptr for an invalid index or a row not loaded yet.
    const CustomerListRow* rowFromIndex(const QModelIndex& index) const;
    // The position of the row showing a customer number among the rows held or cached, or -1.
    int rowOf(const QString& customerNo) const;

    // Held rows only (a paged model ignores them): replace, append, clear; the rows held.
    void setRows(const QList<CustomerListRow>& rows);
    void appendRows(const QList<CustomerListRow>& rows);
    void clear() { setRows({}); }
    const QList<CustomerListRow>& rows() const { return m_rows; }

    State state() const { return m_state; }
    qint64 totalCount() const { return m_count; }
    CustomerSort sortKey() const { return m_sort; }
    bool isDescending() const { return m_descending; }
    // The view position of the sort column (-1 when it is not shown).
    int sortColumn() const { return sectionOf(Column(columnForSort(m_sort))); }
    int pageSize() const { return m_pageSize; }
    int maxCachedPages() const { return m_maxPages; }
    int cachedPageCount() const { return int(m_pages.size()); }
    int cachedRowCount() const;
    // Core calls made since construction (count and pages); for tests and diagnostics.
    int coreCalls() const { return m_coreCalls; }

    static std::optional<CustomerSort> sortForColumn(int column);
    static int columnForSort(CustomerSort sort);
    static bool isSortable(int column) { return sortForColumn(column).has_value(); }
    // Grade 3 columns (everything but the masked name): the only ones a "copy row" may copy.
    static bool isCopyable(int column) { return column >= 0 && column < ColumnCount && column != MaskedName; }
    static QString headerText(int column);
    // Display data of one row in a column (a Column).
    static QVariant cellData(const CustomerListRow& row, int column, int role);

public slots:
    // Drops everything and counts again.
    void refresh();

signals:
    void stateChanged(bv::ui::models::CustomerListModel::State state);
    void countChanged(qint64 count);
    void failed(const bv::Error& error);

private:
    struct Page
    {
        QList<CustomerListRow> rows;
        mutable quint64 used = 0; // last use (LRU), written from data()
    };

    // The row at a position: held, or cached (nullptr when not; `touch` marks the page used and asks for it).
    const CustomerListRow* rowAt(int row, bool touch) const;
    void reset(bool automatic);
    void count();
    void loadWanted();
    void requestPage(int page) const;
    bool fetchPage(int page);
    // Rows [begin, end) read in the list's order from the nearest anchor before them, or (reversed) in the
    // opposite order from the nearest anchor after them; false when the list changed or the read failed.
    bool fetchRun(bool reversed, qint64 begin, qint64 end, QList<CustomerListRow>* rows);
    Result<CustomerPage> call(bool descending, const QString& after, int limit);
    void store(int page, QList<CustomerListRow> rows);
    void stale();
    void setFailed(const Error& error);
    void setState(State state);
    void dropCache();
    static void thin(QMap<qint64, QString>* anchors);

    Core* const m_core = nullptr; // null: rows held whole
    Session m_session;
    const int m_pageSize;
    const int m_maxPages;
    const Columns m_columns;
    QList<CustomerListRow> m_rows; // held rows

    State m_state = State::Idle;
    qint64 m_count = 0;
    CustomerSort m_sort = CustomerSort::Number;
    bool m_descending = false;
    // After a fetch found the list longer or shorter than counted, the model counts again; if the count
    // did not change, list and count disagree in the core and the model stops instead of looping.
    std::optional<qint64> m_countBeforeRecount;
    quint64 m_generation = 0; // bumped on every reset; pending continuations check it

    QHash<int, Page> m_pages;
    mutable quint64 m_tick = 0;
    mutable QList<int> m_wanted; // pages asked for and not cached, most recent last
    mutable QTimer m_loadTimer;
    QMap<qint64, QString> m_ascAnchors; // row index → cursor whose fetch (in the list's order) starts there
    QMap<qint64, QString> m_descAnchors; // rows skipped from the end → cursor of the reversed order
    int m_coreCalls = 0;
};

} // namespace bv::ui::models
