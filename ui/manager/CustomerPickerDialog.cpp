#include "ui/manager/CustomerPickerDialog.h"

#include "core/Core.h"
#include "core/customers/CustomerService.h"
#include "core/customers/lifecycle/CustomerFinder.h"
#include "ui/manager/GuardedTableView.h"
#include "ui/models/CustomerListModel.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace bv::ui {

CustomerPickerDialog::CustomerPickerDialog(const WorkspaceContext& context, QWidget* parent)
    : QDialog(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("customerPickerDialog"));
    setWindowTitle(tr("Choose a customer"));
    auto* layout = new QVBoxLayout(this);
    auto* row = new QHBoxLayout;
    auto* label = new QLabel(tr("&Search:"), this);
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("searchLineEdit"));
    m_search->setAccessibleName(tr("Customer number or masked name"));
    m_search->setPlaceholderText(tr("Part of the customer number or of the masked name, e.g. 0001-0000012 or 张*"));
    m_search->setClearButtonEnabled(true);
    label->setBuddy(m_search);
    row->addWidget(label);
    row->addWidget(m_search, 1);
    layout->addLayout(row);

    using L = models::CustomerListModel;
    m_model = new L({L::Number, L::MaskedName, L::Tier, L::Manager, L::Status}, this); // in the order of Column
    m_table = new GuardedTableView(m_context.clipboard, this);
    m_table->setObjectName(QStringLiteral("customersTableView"));
    m_table->setAccessibleName(tr("Customers of the branch"));
    m_table->setModel(m_model);
    m_table->setCopyableColumns({Number, Tier, Status});
    layout->addWidget(m_table, 1);
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("countLabel"));
    layout->addWidget(m_count);

    auto* buttons = new QDialogButtonBox(this);
    m_choose = buttons->addButton(tr("C&hoose"), QDialogButtonBox::AcceptRole);
    m_choose->setObjectName(QStringLiteral("chooseButton"));
    m_choose->setDefault(true);
    buttons->addButton(QDialogButtonBox::Cancel);
    layout->addWidget(buttons);

    setTabOrder(m_search, m_table);
    setTabOrder(m_table, m_choose);

    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!chosenNumber().isEmpty())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_table, &GuardedTableView::openRequested, this, [this](const QModelIndex& index) {
        if (index.isValid())
            accept();
    });
    connect(m_search, &QLineEdit::textChanged, this, &CustomerPickerDialog::filter);
    // Down from the search box goes to the list, as in any search field.
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        if (m_model->rowCount() == 1) {
            m_table->selectRow(0);
            accept();
        } else {
            m_table->setFocus();
        }
    });
    resize(720, 480);
    load();
    filter();
    m_search->setFocus();
}

void CustomerPickerDialog::load()
{
    CustomerFinder& finder = m_context.core.customers().finder();
    QString after;
    do {
        auto page = finder.branchList(m_context.session, CustomerSort::Number, false, after, 1000);
        if (!page.ok()) {
            m_error = page.error();
            m_rows.clear();
            return;
        }
        m_rows << page->rows;
        after = page->nextCursor;
    } while (!after.isEmpty() && m_rows.size() < kMaxLoaded);
}

void CustomerPickerDialog::filter()
{
    const QString typed = m_search->text().trimmed();
    QList<CustomerListRow> shown;
    int matches = 0;
    for (const CustomerListRow& r : std::as_const(m_rows)) {
        if (!typed.isEmpty() && !r.number.contains(typed, Qt::CaseInsensitive)
            && !r.maskedName.contains(typed, Qt::CaseInsensitive))
            continue;
        ++matches;
        if (shown.size() < kMaxShown)
            shown << r;
    }
    m_model->setRows(shown);
    if (!shown.isEmpty())
        m_table->selectRow(0);
    if (m_error)
        m_count->setText(m_error->message);
    else if (matches > int(shown.size()))
        m_count->setText(
            tr("%n customers match; the first %1 are shown. Type more to narrow the list.", nullptr, matches)
                .arg(shown.size()));
    else
        m_count->setText(tr("%n customers match.", nullptr, matches));
}

QString CustomerPickerDialog::chosenNumber() const
{
    const int row = m_table->selectedRow();
    if (row < 0)
        return {};
    return m_model->customerFromIndex(m_model->index(row, Number));
}

} // namespace bv::ui
