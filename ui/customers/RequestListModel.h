#pragma once

#include "core/requests/RequestService.h"

#include <QAbstractTableModel>

namespace bv::ui {

// Special requests as RequestService::list returned them (own requests, or all for the branch manager).
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
    static QList<int> copyableColumns();

    explicit RequestListModel(QObject* parent = nullptr);

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
    QList<Request> m_requests;
};

} // namespace bv::ui
