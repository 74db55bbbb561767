#pragma once

#include "core/reports/PrintRegister.h"

#include <QAbstractTableModel>

namespace bv::ui {

// The print register's copies as PrintRegister::list returned them: serial, copy, report, who printed it
// and when (branch time), the last day of its period of use, its state and who holds it. An overdue
// lending or a copy past its period of use shows as such in the state column.
class PrintRegisterModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Serial,
        Copy,
        Report,
        PrintedBy,
        PrintedAt,
        ValidUntil,
        State,
        Holder,
        ColumnCount
    };

    explicit PrintRegisterModel(QObject* parent = nullptr);

    void setCopies(const QList<PrintCopy>& copies);
    // The copy of a row (an empty PrintCopy for an invalid index).
    PrintCopy copyFromIndex(const QModelIndex& index) const;
    // The row of serial/copy, or an invalid index.
    QModelIndex indexOf(const QString& serial, int copy, int column = 0) const;

    static QString copyText(int copy); // "Original", "Copy 2"
    static QString stateText(const PrintCopy& copy); // the state, with "overdue" / "past its period of use"
    static QString timeText(const QDateTime& utc); // branch time, yyyy-MM-dd HH:mm
    static QString mediumText(PrintMedium medium);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<PrintCopy> m_copies;
};

} // namespace bv::ui
