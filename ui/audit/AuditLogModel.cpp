#include "AuditLogModel.h"
#include "common/Formats.h"

#include "Core.h"
#include "audit/AuditService.h"
#include "auth/Role.h"
#include "customers/WorkingCalendar.h"

#include <QColor>
#include <QJsonDocument>
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
    m_more = false;
    m_loaded = false;
    endResetModel();
    m_loaded = true;
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
    if (!rows->isEmpty()) {
        beginInsertRows(QModelIndex(), int(m_rows.size()), int(m_rows.size() + rows->size() - 1));
        m_rows.append(*rows);
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

QString AuditLogModel::outcomeLabel(const QString& outcome)
{
    if (outcome == QLatin1String("ok"))
        return tr("ok");
    if (outcome == QLatin1String("denied"))
        return tr("denied");
    if (outcome == QLatin1String("failed"))
        return tr("failed");
    return outcome;
}

QString AuditLogModel::roleLabel(const QString& roleKey)
{
    const auto role = Roles::fromKey(roleKey);
    return role ? Roles::label(*role) : roleKey;
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
        case Login:
            return row.login;
        case RoleColumn:
            return roleLabel(row.role);
        case Action:
            return row.action;
        case Object:
            if (row.objectId.isEmpty())
                return row.objectType;
            return QStringLiteral("%1 %2").arg(row.objectType, row.objectId);
        case CustomerNo:
            return row.customerNo;
        case Outcome:
            return outcomeLabel(row.outcome);
        case Workstation:
            return row.workstation;
        case Details:
            return row.details;
        case ColumnCount:
            break;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == Details && !row.details.isEmpty()) {
            const QJsonDocument json = QJsonDocument::fromJson(row.details.toUtf8());
            return json.isNull() ? row.details : QString::fromUtf8(json.toJson(QJsonDocument::Indented));
        }
        if (index.column() == Time && row.at.isValid())
            return row.at.toUTC().toString(Qt::ISODateWithMs);
        break;
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
    case Login:
        return tr("User");
    case RoleColumn:
        return tr("Role");
    case Action:
        return tr("Action");
    case Object:
        return tr("Object");
    case CustomerNo:
        return tr("Customer number");
    case Outcome:
        return tr("Outcome");
    case Workstation:
        return tr("Workstation");
    case Details:
        return tr("Details");
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
