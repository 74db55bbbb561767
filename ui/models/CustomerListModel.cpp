#include "ui/models/CustomerListModel.h"

#include "core/Core.h"
#include "core/customers/CustomerService.h"
#include "core/customers/lifecycle/CustomerFinder.h"

#include <algorithm>
#include <climits>

namespace bv::ui::models {

CustomerListModel::CustomerListModel(QObject* parent)
    : CustomerListModel(branchColumns(), parent)
{
}

CustomerListModel::CustomerListModel(const Columns& columns, QObject* parent)
    : QAbstractTableModel(parent)
    , m_pageSize(kDefaultPageSize)
    , m_maxPages(kMaxCachedRows / kDefaultPageSize)
    , m_columns(columns)
{
    m_state = State::Ready;
}

CustomerListModel::CustomerListModel(Core& core, const Session& session, QObject* parent)
    : CustomerListModel(core, session, kDefaultPageSize, kMaxCachedRows / kDefaultPageSize, parent)
{
}

CustomerListModel::CustomerListModel(
    Core& core, const Session& session, int pageSize, int maxCachedPages, QObject* parent)
    : QAbstractTableModel(parent)
    , m_core(&core)
    , m_session(session)
    , m_pageSize(qBound(1, pageSize, kMaxFetch))
    , m_maxPages(qBound(2, maxCachedPages, qMax(2, kMaxCachedRows / m_pageSize)))
    , m_columns(branchColumns())
{
    m_loadTimer.setSingleShot(true);
    m_loadTimer.setInterval(0);
    connect(&m_loadTimer, &QTimer::timeout, this, &CustomerListModel::loadWanted);
    refresh();
}

CustomerListModel::~CustomerListModel() = default;

int CustomerListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_count);
}

int CustomerListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

const CustomerListRow* CustomerListModel::rowAt(int row, bool touch) const
{
    if (!m_core)
        return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
    const int page = row / m_pageSize;
    const auto it = m_pages.constFind(page);
    const int offset = row - page * m_pageSize;
    if (it == m_pages.constEnd() || offset >= it->rows.size()) {
        if (touch)
            requestPage(page);
        return nullptr;
    }
    if (touch)
        it->used = ++m_tick;
    return &it->rows.at(offset);
}

QVariant CustomerListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const Column column = columnAt(index.column());
    const CustomerListRow* row = rowAt(index.row(), true);
    if (!row) {
        if (role == LoadedRole)
            return false;
        if (role == CustomerNumberRole)
            return QString();
        if (role == Qt::DisplayRole && column == Number)
            return QStringLiteral("…");
        if (role == Qt::AccessibleTextRole && column == Number)
            return tr("Loading");
        return QVariant();
    }
    if (role == LoadedRole)
        return true;
    if (role == CustomerNumberRole)
        return row->number;
    return cellData(*row, column, role);
}

QVariant CustomerListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= m_columns.size())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole)
        return headerText(m_columns.at(section));
    if (role == Qt::ToolTipRole && m_core && !isSortable(m_columns.at(section)))
        return tr("This column cannot be sorted.");
    return QVariant();
}

Qt::ItemFlags CustomerListModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

void CustomerListModel::sort(int column, Qt::SortOrder order)
{
    if (!m_core)
        return;
    const auto key = sortForColumn(columnAt(column));
    if (!key)
        return;
    const bool descending = order == Qt::DescendingOrder;
    if (*key == m_sort && descending == m_descending)
        return;
    m_sort = *key;
    m_descending = descending;
    if (m_state == State::Failed) {
        refresh();
        return;
    }
    beginResetModel();
    ++m_generation;
    dropCache();
    endResetModel();
}

QString CustomerListModel::customerFromIndex(const QModelIndex& index) const
{
    const CustomerListRow* row = rowFromIndex(index);
    return row ? row->number : QString();
}

const CustomerListRow* CustomerListModel::rowFromIndex(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    return rowAt(index.row(), false);
}

int CustomerListModel::rowOf(const QString& customerNo) const
{
    if (!m_core) {
        for (int i = 0; i < m_rows.size(); ++i) {
            if (m_rows.at(i).number == customerNo)
                return i;
        }
        return -1;
    }
    for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it) {
        for (int i = 0; i < it->rows.size(); ++i) {
            if (it->rows.at(i).number == customerNo)
                return it.key() * m_pageSize + i;
        }
    }
    return -1;
}

void CustomerListModel::setRows(const QList<CustomerListRow>& rows)
{
    if (m_core)
        return;
    beginResetModel();
    m_rows = rows;
    m_count = m_rows.size();
    endResetModel();
}

void CustomerListModel::appendRows(const QList<CustomerListRow>& rows)
{
    if (m_core || rows.isEmpty())
        return;
    beginInsertRows(QModelIndex(), int(m_rows.size()), int(m_rows.size() + rows.size() - 1));
    m_rows += rows;
    m_count = m_rows.size();
    endInsertRows();
}

int CustomerListModel::cachedRowCount() const
{
    int rows = 0;
    for (const Page& page : m_pages)
        rows += int(page.rows.size());
    return rows;
}

void CustomerListModel::refresh()
{
    if (!m_core)
        return;
    reset(false);
}

void CustomerListModel::reset(bool automatic)
{
    m_countBeforeRecount = automatic ? std::optional<qint64>(m_count) : std::nullopt;
    beginResetModel();
    ++m_generation;
    m_count = 0;
    dropCache();
    endResetModel();
    setState(State::Counting);
    const quint64 generation = m_generation;
    QTimer::singleShot(0, this, [this, generation] {
        if (generation == m_generation && m_state == State::Counting)
            count();
    });
}

void CustomerListModel::count()
{
    ++m_coreCalls;
    auto counted = m_core->customers().finder().branchCount(m_session);
    if (!counted.ok()) {
        setFailed(counted.error());
        return;
    }
    const qint64 rows = qBound<qint64>(0, *counted, qint64(INT_MAX));
    if (m_countBeforeRecount && *m_countBeforeRecount == rows) {
        m_countBeforeRecount.reset();
        setFailed(makeError(ErrorCode::Conflict,
            tr("The branch list does not match its count. Refresh the list; if this happens again, "
               "ask the administrator to verify the database.")));
        return;
    }
    m_countBeforeRecount.reset();
    if (rows > 0) {
        beginInsertRows(QModelIndex(), 0, int(rows - 1));
        m_count = rows;
        endInsertRows();
    }
    setState(State::Ready);
    emit countChanged(m_count);
}

void CustomerListModel::requestPage(int page) const
{
    if (m_state != State::Ready)
        return;
    m_wanted.removeOne(page);
    m_wanted.append(page);
    while (m_wanted.size() > m_maxPages)
        m_wanted.removeFirst();
    if (!m_loadTimer.isActive())
        m_loadTimer.start();
}

void CustomerListModel::loadWanted()
{
    int budget = 2; // pages per turn of the event loop, so a long jump does not freeze the window
    while (!m_wanted.isEmpty() && budget > 0 && m_state == State::Ready) {
        const int page = m_wanted.takeLast();
        if (m_pages.contains(page))
            continue;
        --budget;
        if (!fetchPage(page))
            return;
    }
    if (!m_wanted.isEmpty() && m_state == State::Ready)
        m_loadTimer.start();
}

bool CustomerListModel::fetchPage(int page)
{
    const qint64 begin = qint64(page) * m_pageSize;
    const qint64 end = qMin(m_count, begin + m_pageSize);
    if (begin >= end)
        return true;
    // Rows to read from the nearest anchor in either direction (skipped rows and the page itself).
    const qint64 ascending = end - std::prev(m_ascAnchors.upperBound(begin)).key();
    const qint64 descending = (m_count - begin) - std::prev(m_descAnchors.upperBound(m_count - end)).key();
    QList<CustomerListRow> rows;
    const bool ok = fetchRun(descending < ascending, begin, end, &rows);
    if (!ok)
        return false;
    store(page, std::move(rows));
    return true;
}

Result<CustomerPage> CustomerListModel::call(bool reversed, const QString& after, int limit)
{
    ++m_coreCalls;
    return m_core->customers().finder().branchList(m_session, m_sort, m_descending != reversed, after, limit);
}

bool CustomerListModel::fetchRun(bool reversed, qint64 begin, qint64 end, QList<CustomerListRow>* rows)
{
    // Positions [from, to) in the direction fetched: the rows themselves, or counted from the end.
    const qint64 from = reversed ? m_count - end : begin;
    const qint64 to = reversed ? m_count - begin : end;
    QMap<qint64, QString>& anchors = reversed ? m_descAnchors : m_ascAnchors;
    auto anchor = std::prev(anchors.upperBound(from));
    qint64 position = anchor.key();
    QString cursor = anchor.value();
    const int chunk = qMax(1, kMaxFetch / m_pageSize) * m_pageSize; // chunks end on page boundaries
    while (position < from) {
        const int limit = int(qMin<qint64>(chunk, from - position));
        auto skipped = call(reversed, cursor, limit);
        if (!skipped.ok()) {
            setFailed(skipped.error());
            return false;
        }
        if (skipped->rows.size() != limit || skipped->nextCursor.isEmpty()) {
            stale();
            return false;
        }
        position += limit;
        cursor = skipped->nextCursor;
        anchors.insert(position, cursor);
    }
    const int limit = int(to - from);
    auto page = call(reversed, cursor, limit);
    if (!page.ok()) {
        setFailed(page.error());
        return false;
    }
    // Exactly the rows counted: a short page, or more rows after the last counted one, means the list
    // changed since it was counted.
    if (page->rows.size() != limit || page->nextCursor.isEmpty() != (to == m_count)) {
        stale();
        return false;
    }
    if (!page->nextCursor.isEmpty())
        anchors.insert(to, page->nextCursor);
    thin(&anchors);
    *rows = std::move(page->rows);
    if (reversed)
        std::reverse(rows->begin(), rows->end());
    return true;
}

void CustomerListModel::store(int page, QList<CustomerListRow> rows)
{
    while (m_pages.size() >= m_maxPages) {
        auto victim = m_pages.begin();
        for (auto it = m_pages.begin(); it != m_pages.end(); ++it) {
            if (it->used < victim->used)
                victim = it;
        }
        const int evicted = victim.key();
        const int evictedRows = int(victim->rows.size());
        m_pages.erase(victim);
        if (evictedRows > 0)
            emit dataChanged(
                index(evicted * m_pageSize, 0), index(evicted * m_pageSize + evictedRows - 1, columnCount() - 1));
    }
    const int first = page * m_pageSize;
    const int count = int(rows.size());
    m_pages.insert(page, Page {std::move(rows), ++m_tick});
    if (count > 0)
        emit dataChanged(index(first, 0), index(first + count - 1, columnCount() - 1));
}

void CustomerListModel::stale()
{
    // Counted again on the next turn of the event loop (never from inside a view's call).
    reset(true);
}

void CustomerListModel::setFailed(const Error& error)
{
    m_wanted.clear();
    m_loadTimer.stop();
    setState(State::Failed);
    emit failed(error);
}

void CustomerListModel::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void CustomerListModel::dropCache()
{
    m_pages.clear();
    m_wanted.clear();
    m_loadTimer.stop();
    m_ascAnchors.clear();
    m_descAnchors.clear();
    m_ascAnchors.insert(0, QString());
    m_descAnchors.insert(0, QString());
}

void CustomerListModel::thin(QMap<qint64, QString>* anchors)
{
    if (anchors->size() <= kMaxAnchors)
        return;
    // Keep every other anchor (and always row 0): coverage stays even, the map halves.
    bool keep = true;
    for (auto it = anchors->begin(); it != anchors->end();) {
        if (it.key() != 0 && !keep)
            it = anchors->erase(it);
        else
            ++it;
        keep = !keep;
    }
}

} // namespace bv::ui::models
