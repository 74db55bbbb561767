#pragma once

#include "core/requests/RequestService.h"

#include <QAbstractTableModel>

namespace bv::ui {

// Special requests as RequestService::list returned them: the one model of requests, for the customer manager's
// own requests (every column, in the order of Column) and the branch manager's approvals (its own column list).
class RequestListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        IdColumn,
        TypeColumn,
        CustomersColumn,
        FieldsColumn, // field names (or the report), never values
        StatusColumn,
        ValidityColumn,
        RequesterColumn,
        CreatedColumn,
        PurposeColumn, // free text written by staff: not copied
        ColumnCount
    };
    using Columns = QList<Column>;
    // Every column, in the order of Column.
    static Columns allColumns();
    // The positions a "copy row" may take with allColumns() (never the purpose, free text).
    static QList<int> copyableColumns();

    explicit RequestListModel(QObject* parent = nullptr);
    // Shows the columns given, in that order.
    explicit RequestListModel(const Columns& columns, QObject* parent = nullptr);

    // What the column at a view position shows; ColumnCount for a position out of range.
    Column columnAt(int section) const;
    // The view positions a "copy row" may take with this model's columns.
    QList<int> copyableSections() const;

    void setRequests(const QList<Request>& requests);
    const QList<Request>& requests() const { return m_requests; }
    const Request* requestFromIndex(const QModelIndex& index) const;
    int rowOf(qint64 requestId) const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "valid until 2026-03-03 09:00", "24 h asked", "expired 2026-03-03 09:00".
    static QString validityText(const Request& request);

private:
    static QList<int> copyable(const Columns& columns);

    Columns m_columns;
    QList<Request> m_requests;
};

} // namespace bv::ui
