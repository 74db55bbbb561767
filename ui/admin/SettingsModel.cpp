#include "ui/admin/SettingsModel.h"

#include "ui/admin/SettingDescriptions.h"

#include <QFont>

namespace bv::ui {

namespace {
using T = SettingSpec::Type;

bool isTrue(const QString& text)
{
    return text == QLatin1String("true") || text == QLatin1String("1") || text == QLatin1String("yes");
}
} // namespace

SettingsModel::SettingsModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

QString SettingsModel::label(const SettingSpec& spec)
{
    QString text = SettingsService::tr(spec.label);
    // The mask widths share one label: the key tells them apart.
    if (spec.key.startsWith(QLatin1String("mask.")))
        text += QStringLiteral(" — ") + spec.key.mid(5);
    return text;
}

QString SettingsModel::limits(const SettingSpec& spec)
{
    switch (spec.type) {
    case T::Integer:
        return tr("%1 to %2").arg(spec.minimum).arg(spec.maximum);
    case T::Boolean:
        // The core's own hint ("true or false") is for the command line; here the value is a check box.
        return tr("Yes or no (tick the box)");
    case T::DateList:
        return tr("Dates as YYYY-MM-DD, one per line or separated by commas");
    case T::Text:
        break;
    }
    return SettingsService::tr(spec.reason);
}

QString SettingsModel::reason(const SettingSpec& spec)
{
    if (spec.type == T::Boolean || spec.type == T::DateList)
        return limits(spec);
    return SettingsService::tr(spec.reason);
}

QString SettingsModel::description(const SettingSpec& spec)
{
    return SettingDescriptions::description(spec.key);
}

int SettingsModel::changedCount() const
{
    int count = 0;
    for (const Entry& entry : m_entries)
        count += entry.changed() ? 1 : 0;
    return count;
}

void SettingsModel::setValues(const QList<QPair<QString, QString>>& values)
{
    beginResetModel();
    m_entries.clear();
    for (const auto& [key, value] : values) {
        const SettingSpec* spec = SettingsService::spec(key);
        if (spec)
            m_entries.append(Entry {spec, value, value});
    }
    endResetModel();
    emit changesChanged(false);
}

SettingsModel::Entry SettingsModel::entryFromIndex(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this || index.row() >= m_entries.size())
        return Entry();
    return m_entries.at(index.row());
}

QModelIndex SettingsModel::indexOfKey(const QString& key, int column) const
{
    for (qsizetype row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).spec->key == key)
            return index(int(row), column);
    }
    return QModelIndex();
}

QList<SettingsModel::Entry> SettingsModel::changedEntries() const
{
    QList<Entry> changed;
    for (const Entry& entry : m_entries) {
        if (entry.changed())
            changed << entry;
    }
    return changed;
}

bool SettingsModel::hasChanges() const
{
    for (const Entry& entry : m_entries) {
        if (entry.changed())
            return true;
    }
    return false;
}

void SettingsModel::markSaved(const QString& key, const QString& stored)
{
    const QModelIndex index = indexOfKey(key, Setting);
    if (!index.isValid())
        return;
    Entry& entry = m_entries[index.row()];
    entry.current = stored;
    entry.edited = stored;
    emit dataChanged(index, this->index(index.row(), ColumnCount - 1));
    emit changesChanged(hasChanges());
}

void SettingsModel::revert()
{
    if (m_entries.isEmpty())
        return;
    for (Entry& entry : m_entries)
        entry.edited = entry.current;
    emit dataChanged(index(0, 0), index(int(m_entries.size()) - 1, ColumnCount - 1));
    emit changesChanged(false);
}

int SettingsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int SettingsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SettingsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size() || index.column() >= ColumnCount)
        return QVariant();
    const Entry& entry = m_entries.at(index.row());
    const SettingSpec& spec = *entry.spec;
    const bool boolean = spec.type == T::Boolean;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (Column(index.column())) {
        case Setting:
            // An unsaved row is marked in words as well as in bold (a screen reader reads the mark).
            return entry.changed() ? tr("• %1 (unsaved)").arg(label(spec)) : label(spec);
        case Value:
            if (boolean)
                return isTrue(entry.edited) ? tr("Yes") : tr("No");
            if (spec.type == T::DateList && role == Qt::DisplayRole) // one line in the table; in full in the tooltip
                return QString(entry.edited).replace(QLatin1Char('\n'), QStringLiteral(", "));
            return entry.edited;
        case Limits:
            return limits(spec);
        case Key:
            return spec.key;
        case ColumnCount:
            break;
        }
        break;
    case Qt::EditRole:
        if (index.column() == Value && !boolean)
            return entry.edited;
        break;
    case Qt::CheckStateRole:
        if (index.column() == Value && boolean)
            return isTrue(entry.edited) ? Qt::Checked : Qt::Unchecked;
        break;
    case Qt::ToolTipRole: {
        QString tip;
        // The value in full first: a long value (a branch name, a list of dates) does not fit its cell.
        if (index.column() == Value && !boolean && !entry.edited.isEmpty())
            tip += entry.edited + QStringLiteral("\n\n");
        tip += label(spec);
        const QString what = description(spec);
        if (!what.isEmpty())
            tip += QLatin1Char('\n') + what;
        tip += QLatin1Char('\n') + tr("Allowed: %1").arg(reason(spec));
        if (spec.type == T::Integer)
            tip += QStringLiteral(" (%1)").arg(limits(spec));
        if (boolean) {
            tip += QLatin1Char('\n') + tr("Default: %1").arg(spec.defaultValue.toBool() ? tr("Yes") : tr("No"));
            if (entry.changed())
                tip += QLatin1Char('\n')
                    + tr("Saved value: %1 (not saved yet: %2)")
                          .arg(isTrue(entry.current) ? tr("Yes") : tr("No"),
                              isTrue(entry.edited) ? tr("Yes") : tr("No"));
        } else {
            const QString shownDefault = spec.defaultValue.toString();
            tip += QLatin1Char('\n') + tr("Default: %1").arg(shownDefault.isEmpty() ? tr("(empty)") : shownDefault);
            if (entry.changed())
                tip += QLatin1Char('\n') + tr("Saved value: %1 (not saved yet: %2)").arg(entry.current, entry.edited);
        }
        return tip;
    }
    case Qt::FontRole:
        if (entry.changed()) {
            QFont font;
            font.setBold(true);
            return font;
        }
        break;
    default:
        break;
    }
    return QVariant();
}

bool SettingsModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!index.isValid() || index.row() >= m_entries.size() || index.column() != Value)
        return false;
    Entry& entry = m_entries[index.row()];
    const bool boolean = entry.spec->type == T::Boolean;
    QString text;
    if (boolean && role == Qt::CheckStateRole)
        text = Qt::CheckState(value.toInt()) == Qt::Checked ? QStringLiteral("true") : QStringLiteral("false");
    else if (!boolean && role == Qt::EditRole)
        text = value.toString().trimmed();
    else
        return false;
    if (text == entry.edited)
        return true;
    entry.edited = text;
    emit dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
    emit changesChanged(hasChanges());
    return true;
}

Qt::ItemFlags SettingsModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == Value && index.row() < m_entries.size()) {
        if (m_entries.at(index.row()).spec->type == T::Boolean)
            f |= Qt::ItemIsUserCheckable;
        else
            f |= Qt::ItemIsEditable;
    }
    return f;
}

QVariant SettingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    switch (Column(section)) {
    case Setting:
        return tr("Setting");
    case Value:
        return tr("Value");
    case Limits:
        return tr("Allowed");
    case Key:
        return tr("Key");
    case ColumnCount:
        break;
    }
    return QVariant();
}

} // namespace bv::ui
