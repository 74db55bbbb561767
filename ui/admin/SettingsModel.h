#pragma once

#include "core/policy/SettingsService.h"

#include <QAbstractTableModel>

namespace bv::ui {

// Every setting (SettingsService::specs()) with its current value as the core returned it and the value
// the administrator typed, until it is saved. The limits and the reason for them are in the tooltip; the
// core checks them again on save (the floors cannot be configured away).
class SettingsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Setting,
        Value,
        Limits,
        Key,
        ColumnCount
    };

    struct Entry
    {
        const SettingSpec* spec = nullptr;
        QString current; // as stored (the core's text form)
        QString edited; // what the administrator typed; equals `current` when unchanged
        bool changed() const { return edited != current; }
    };

    explicit SettingsModel(QObject* parent = nullptr);

    // The core's list (key, value); keys unknown to SettingsService::specs() are left out.
    void setValues(const QList<QPair<QString, QString>>& values);
    Entry entryFromIndex(const QModelIndex& index) const;
    QModelIndex indexOfKey(const QString& key, int column = Value) const;
    QList<Entry> changedEntries() const;
    bool hasChanges() const;
    // After a successful save of one key.
    void markSaved(const QString& key, const QString& stored);
    void revert();

    static QString label(const SettingSpec& spec);
    static QString limits(const SettingSpec& spec); // "180 to 3650"
    static QString reason(const SettingSpec& spec); // why: "at least 180 days"
    static QString description(const SettingSpec& spec); // what the setting does (SettingDescriptions)
    int changedCount() const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    void changesChanged(bool hasChanges);

private:
    QList<Entry> m_entries;
};

} // namespace bv::ui
