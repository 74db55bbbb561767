#pragma once

#include "core/customers/CustomerRecord.h"
#include "ui/common/WorkspaceContext.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

class QAbstractItemModel;
class QLabel;
class QTableView;
class QTableWidget;
class QWidget;

namespace bv::ui {

// Small building blocks shared by the customer widgets: guarded item views (ViewCopyGuard), inline
// message labels, branch time from the core's clock.
class CustomerWidgetSupport
{
    Q_DECLARE_TR_FUNCTIONS(CustomerWidgetSupport)
public:
    // A read-only table over `model`: rows selected whole, one at a time, Ctrl+C / "Copy row" limited to
    // `copyColumns` (none: nothing copies and there is no context menu).
    static QTableView* tableView(QWidget* parent, const QString& objectName, QAbstractItemModel* model,
        ClipboardGuard& clipboard, const QList<int>& copyColumns, const QString& accessibleName);
    // A read-only QTableWidget with these headers; nothing in it copies.
    static QTableWidget* tableWidget(QWidget* parent, const QString& objectName, const QStringList& headers,
        ClipboardGuard& clipboard, const QString& accessibleName);
    // Appends a row of texts to a QTableWidget made by tableWidget().
    static void appendRow(QTableWidget* table, const QStringList& texts);
    // Fills a table with one row per changed field: field, before, after (masked as the core gave them),
    // prefixed by `leading` cells.
    static void appendDiffRows(QTableWidget* table, const QStringList& leading, const QList<FieldDiff>& diff);

    // A label for an inline message (an error under a field, a form's summary), hidden while empty.
    static QLabel* messageLabel(QWidget* parent, const QString& objectName);
    static void setMessage(QLabel* label, const QString& text);

    // "id_number" → "idNumber", for object names.
    static QString camel(const QString& key);

    // Now, and today in branch time, by the core's clock (tests move it).
    static QDateTime nowUtc(const WorkspaceContext& context);
    static QDate today(const WorkspaceContext& context);
};

} // namespace bv::ui
