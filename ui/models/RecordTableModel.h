#pragma once

#include <QAbstractTableModel>
#include <QStringList>
#include <QVariant>

namespace bv::ui::models {

// A small read-only table of records the core returned in one piece (pending changes, requests,
// suspicious pairs, complaints...): display text per cell and one key per record (the id the page acts
// on). The page that fills it declares the columns in its own Column enum.
class RecordTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    struct Record
    {
        QVariant key;
        QStringList cells;
        QString toolTip;
    };

    explicit RecordTableModel(const QStringList& headers, QObject* parent = nullptr);

    void setRecords(const QList<Record>& records);
    void clear() { setRecords({}); }
    const QList<Record>& records() const { return m_records; }

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

    // The record's key; invalid for an invalid index.
    QVariant keyFromIndex(const QModelIndex& index) const;
    // The row of the record with this key, or -1.
    int rowOf(const QVariant& key) const;

private:
    QStringList m_headers;
    QList<Record> m_records;
};

} // namespace bv::ui::models
