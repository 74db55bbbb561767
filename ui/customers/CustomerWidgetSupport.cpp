#include "ui/customers/CustomerWidgetSupport.h"

#include "core/Core.h"
#include "core/policy/FieldCatalogue.h"
#include "core/policy/ValueLabels.h"
#include "ui/customers/CustomerLabels.h"
#include "ui/customers/ViewCopyGuard.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QTableWidget>

namespace bv::ui {

namespace {

void setUpView(QTableView* view, const QString& objectName, const QString& accessibleName)
{
    view->setObjectName(objectName);
    view->setAccessibleName(accessibleName);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->setTabKeyNavigation(false);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    view->horizontalHeader()->setHighlightSections(false);
}

} // namespace

QTableView* CustomerWidgetSupport::tableView(QWidget* parent, const QString& objectName, QAbstractItemModel* model,
    ClipboardGuard& clipboard, const QList<int>& copyColumns, const QString& accessibleName)
{
    auto* view = new QTableView(parent);
    setUpView(view, objectName, accessibleName);
    view->setModel(model);
    ViewCopyGuard::install(view, clipboard, copyColumns);
    return view;
}

QTableWidget* CustomerWidgetSupport::tableWidget(QWidget* parent, const QString& objectName, const QStringList& headers,
    ClipboardGuard& clipboard, const QString& accessibleName)
{
    auto* table = new QTableWidget(0, int(headers.size()), parent);
    setUpView(table, objectName, accessibleName);
    table->setHorizontalHeaderLabels(headers);
    ViewCopyGuard::install(table, clipboard);
    return table;
}

void CustomerWidgetSupport::appendRow(QTableWidget* table, const QStringList& texts)
{
    const int row = table->rowCount();
    table->insertRow(row);
    for (int column = 0; column < texts.size() && column < table->columnCount(); ++column) {
        auto* item = new QTableWidgetItem(texts.at(column));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        item->setToolTip(texts.at(column));
        table->setItem(row, column, item);
    }
}

void CustomerWidgetSupport::appendDiffRows(
    QTableWidget* table, const QStringList& leading, const QList<FieldDiff>& diff)
{
    for (const FieldDiff& d : diff) {
        const QString field = d.field.section(QLatin1Char(':'), 0, 0);
        const FieldSpec* spec = FieldCatalogue::find(field);
        // grade 1 values come masked from the core; others are shown as their labels
        auto shown = [&](const QString& value) {
            if (value.isEmpty())
                return CustomerLabels::none();
            return spec && spec->grade == 1 ? value : ValueLabels::value(field, value);
        };
        QString after = shown(d.newMasked);
        if (field == QLatin1String(fields::Restricted))
            appendRow(table,
                leading
                    + QStringList {FieldCatalogue::label(field), ValueLabels::yesNo(d.oldMasked == QLatin1String("1")),
                        ValueLabels::yesNo(d.newMasked == QLatin1String("1"))});
        else
            appendRow(table, leading + QStringList {FieldCatalogue::label(field), shown(d.oldMasked), after});
    }
}

QLabel* CustomerWidgetSupport::messageLabel(QWidget* parent, const QString& objectName)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setStyleSheet(QStringLiteral("color: #b00020;"));
    label->hide();
    return label;
}

void CustomerWidgetSupport::setMessage(QLabel* label, const QString& text)
{
    label->setText(text);
    label->setAccessibleDescription(text);
    label->setVisible(!text.isEmpty());
}

QString CustomerWidgetSupport::camel(const QString& key)
{
    QString out;
    bool upper = false;
    for (const QChar c : key) {
        if (c == QLatin1Char('_')) {
            upper = true;
            continue;
        }
        out += upper ? c.toUpper() : c;
        upper = false;
    }
    return out;
}

QDateTime CustomerWidgetSupport::nowUtc(const WorkspaceContext& context)
{
    return context.core.clock().nowUtc();
}

QDate CustomerWidgetSupport::today(const WorkspaceContext& context)
{
    return CustomerLabels::toBranchTime(nowUtc(context)).date();
}

} // namespace bv::ui
