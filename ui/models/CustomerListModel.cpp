#include "ui/models/CustomerListModel.h"

#include "core/Core.h"
#include "core/customers/CustomerService.h"
#include "core/customers/lifecycle/CustomerFinder.h"
#include "core/policy/FieldCatalogue.h"
#include "ui/customers/CustomerLabels.h"

#include <algorithm>
#include <climits>

namespace bv::ui::models {

CustomerListModel::CustomerListModel(Core& core, const Session& session, QObject* parent)
    : CustomerListModel(core, session, kDefaultPageSize, kMaxCachedRows / kDefaultPageSize, parent)
{
}

CustomerListModel::CustomerListModel(
    Core& core, const Session& session, int pageSize, int maxCachedPages, QObject* parent)
    : QAbstractTableModel(parent)
    , m_core(core)
    , m_session(session)
    , m_pageSize(qBound(1, pageSize, kMaxFetch))
    , m_maxPages(qBound(2, maxCachedPages, qMax(2, kMaxCachedRows / m_pageSize)))
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
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CustomerListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const int page = index.row() / m_pageSize;
    const auto it = m_pages.constFind(page);
    const int offset = index.row() - page * m_pageSize;
    if (it == m_pages.constEnd() || offset >= it->rows.size()) {
        requestPage(page);
        if (role == LoadedRole)
            return false;
        if (role == CustomerNumberRole)
            return QString();
        if (role == Qt::DisplayRole && index.column() == Number)
            return QStringLiteral("…");
        if (role == Qt::AccessibleTextRole && index.column() == Number)
            return tr("Loading");
        return QVariant();
    }
    it->used = ++m_tick;
    const CustomerListRow& row = it->rows.at(offset);
    if (role == LoadedRole)
        return true;
    if (role == CustomerNumberRole)
        return row.number;
    return cellData(row, index.column(), role);
}

QVariant CustomerListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole)
        return headerText(section);
    if (role == Qt::ToolTipRole && !isSortable(section))
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
    const auto key = sortForColumn(column);
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
    if (!index.isValid() || index.model() != this)
        return QString();
    const int page = index.row() / m_pageSize;
    const auto it = m_pages.constFind(page);
    const int offset = index.row() - page * m_pageSize;
    if (it == m_pages.constEnd() || offset >= it->rows.size())
        return QString();
    return it->rows.at(offset).number;
}

int CustomerListModel::cachedRowCount() const
{
    int rows = 0;
    for (const Page& page : m_pages)
        rows += int(page.rows.size());
    return rows;
}

std::optional<CustomerSort> CustomerListModel::sortForColumn(int column)
{
    switch (column) {
    case Number:
        return CustomerSort::Number;
    case Tier:
        return CustomerSort::Tier;
    case Manager:
        return CustomerSort::Manager;
    case Created:
        return CustomerSort::Created;
    default:
        return std::nullopt;
    }
}

int CustomerListModel::columnForSort(CustomerSort sort)
{
    switch (sort) {
    case CustomerSort::Number:
        return Number;
    case CustomerSort::Tier:
        return Tier;
    case CustomerSort::Manager:
        return Manager;
    case CustomerSort::Created:
        return Created;
    }
    return Number;
}

QString CustomerListModel::headerText(int column)
{
    switch (column) {
    case Number:
        return FieldCatalogue::label(QString::fromLatin1(fields::CustomerNo));
    case MaskedName:
        return FieldCatalogue::label(QString::fromLatin1(fields::Name));
    case Tier:
        return FieldCatalogue::label(QString::fromLatin1(fields::Tier));
    case AgeBand:
        return FieldCatalogue::label(QString::fromLatin1(fields::AgeBand));
    case Status:
        return FieldCatalogue::label(QString::fromLatin1(fields::Status));
    case Manager:
        return FieldCatalogue::label(QString::fromLatin1(fields::Manager));
    case Created:
        return FieldCatalogue::label(QString::fromLatin1(fields::CreatedAt));
    default:
        return QString();
    }
}

QVariant CustomerListModel::cellData(const CustomerListRow& row, int column, int role)
{
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole && role != Qt::ToolTipRole)
        return QVariant();
    if (role == Qt::ToolTipRole)
        return column == Status && row.restricted ? tr("Restricted customer (重点保密)") : QVariant();
    switch (column) {
    case Number:
        return row.number;
    case MaskedName:
        return row.maskedName;
    case Tier:
        return CustomerLabels::tier(row.tier);
    case AgeBand:
        return CustomerLabels::ageBand(row.ageBand);
    case Status:
        return row.restricted ? tr("%1, restricted").arg(CustomerLabels::status(row.status))
                              : CustomerLabels::status(row.status);
    case Manager:
        return row.managerName;
    case Created:
        return CustomerLabels::dateTime(row.createdAt);
    default:
        return QVariant();
    }
}

void CustomerListModel::refresh()
{
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
    auto counted = m_core.customers().finder().branchCount(m_session);
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
    return m_core.customers().finder().branchList(m_session, m_sort, m_descending != reversed, after, limit);
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
                index(evicted * m_pageSize, 0), index(evicted * m_pageSize + evictedRows - 1, ColumnCount - 1));
    }
    const int first = page * m_pageSize;
    const int count = int(rows.size());
    m_pages.insert(page, Page {std::move(rows), ++m_tick});
    if (count > 0)
        emit dataChanged(index(first, 0), index(first + count - 1, ColumnCount - 1));
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
