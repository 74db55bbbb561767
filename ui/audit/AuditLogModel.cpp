#include "ui/audit/AuditLogModel.h"
#include "ui/common/Formats.h"

#include "core/Core.h"
#include "core/audit/AuditService.h"
#include "core/customers/rules/WorkingCalendar.h"

#include <QColor>
#include <QScopedValueRollback>

namespace bv::ui {

AuditLogModel::AuditLogModel(Core& core, const Session& session, QObject* parent)
    : QAbstractTableModel(parent)
    , m_core(core)
    , m_session(session)
{
}

void AuditLogModel::setFilter(const AuditFilter& filter)
{
    m_filter = filter;
    m_filter.afterSeq = 0;
    m_filter.limit = kPageSize;
}

bool AuditLogModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_sentences.clear();
    m_more = false;
    m_loaded = false;
    endResetModel();
    m_loaded = true;
    m_peopleRead = false;
    return loadPage();
}

bool AuditLogModel::loadPage()
{
    // Views (and the model tester) may ask for more while rows are being inserted: one page at a time.
    if (m_loading)
        return true;
    const QScopedValueRollback<bool> loading(m_loading, true);
    AuditFilter page = m_filter;
    page.afterSeq = m_rows.isEmpty() ? 0 : m_rows.constLast().seq;
    page.limit = kPageSize;
    auto rows = m_core.audit().list(m_session, page);
    if (!rows.ok()) {
        m_more = false;
        emit failed(rows.error());
        return false;
    }
    m_more = false;
    if (!m_peopleRead) {
        // once the read is allowed and on record: the accounts that name the people (without them, logins)
        auto people = m_core.audit().people(m_session);
        m_directory.setPeople(people.ok() ? *people : QList<AuditPerson>());
        m_peopleRead = true;
    }
    if (!rows->isEmpty()) {
        // the masked names of the customers this page names, never a full value (DESIGN §3)
        QStringList numbers;
        for (const QString& number : AuditWording::customerNumbersIn(*rows))
            if (!m_directory.maskedNames.contains(number))
                numbers << number;
        if (!numbers.isEmpty()) {
            auto names = m_core.audit().maskedCustomerNames(m_session, numbers);
            if (names.ok())
                m_directory.maskedNames.insert(*names);
        }
        QStringList sentences;
        for (const AuditRow& row : std::as_const(*rows))
            sentences << AuditWording::sentence(row, m_directory);
        beginInsertRows(QModelIndex(), int(m_rows.size()), int(m_rows.size() + rows->size() - 1));
        m_rows.append(*rows);
        m_sentences.append(sentences);
        endInsertRows();
    }
    m_more = rows->size() >= kPageSize;
    return true;
}

AuditRow AuditLogModel::rowFromIndex(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this || index.row() >= m_rows.size())
        return AuditRow();
    return m_rows.at(index.row());
}

QString AuditLogModel::timeText(const QDateTime& at)
{
    return Formats::dateTimeSeconds(at);
}

int AuditLogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AuditLogModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditLogModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size() || index.column() >= ColumnCount)
        return QVariant();
    const AuditRow& row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (Column(index.column())) {
        case Seq:
            return row.seq;
        case Time:
            return timeText(row.at);
        case Sentence:
            return m_sentences.value(index.row());
        case Person:
            if (row.role == QLatin1String("system"))
                return AuditWording::roleLabel(row.role);
            if (row.userId > 0)
                return AuditWording::accountText(row.login, m_directory);
            return row.login; // typed at a failed sign-in
        case RoleColumn:
            return AuditWording::roleLabel(row.role);
        case Action:
            return AuditWording::actionLabel(row.action);
        case CustomerNo:
            return row.customerNo;
        case Outcome:
            return AuditWording::outcomeLabel(row.outcome);
        case Workstation:
            return row.workstation;
        case ColumnCount:
            break;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == Sentence)
            return m_sentences.value(index.row());
        if (index.column() == Action)
            return row.action;
        if (index.column() == Time && row.at.isValid())
            return row.at.toUTC().toString(Qt::ISODateWithMs);
        break;
    case RawActionRole:
        return row.action;
    case Qt::ForegroundRole:
        if (index.column() == Outcome && row.outcome != QLatin1String("ok"))
            return QVariant::fromValue(QColor(0xb0, 0x00, 0x20));
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == Seq)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return QVariant();
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    switch (Column(section)) {
    case Seq:
        return tr("Row");
    case Time:
        return tr("Time");
    case Sentence:
        return tr("What happened");
    case Person:
        return tr("Person");
    case RoleColumn:
        return tr("Role");
    case Action:
        return tr("Action");
    case CustomerNo:
        return tr("Customer number");
    case Outcome:
        return tr("Outcome");
    case Workstation:
        return tr("Workstation");
    case ColumnCount:
        break;
    }
    return QVariant();
}

bool AuditLogModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_loaded && m_more && !m_loading;
}

void AuditLogModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    loadPage();
}

} // namespace bv::ui
