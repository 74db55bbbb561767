#include "ui/customers/AccountsFormPage.h"

#include "core/customers/rules/CustomerValidator.h"
#include "core/customers/rules/Validators.h"
#include "core/policy/FieldCatalogue.h"
#include "core/policy/ValueLabels.h"
#include "ui/customers/CustomerLabels.h"
#include "ui/customers/CustomerWidgetSupport.h"

#include <QComboBox>
#include <QGridLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace bv::ui {

using S = CustomerWidgetSupport;

AccountsFormPage::AccountsFormPage(Today today, QWidget* parent)
    : CustomerFormPage(std::move(today), parent)
{
    setObjectName(QStringLiteral("accountsFormPage"));
    auto* layout = new QVBoxLayout(this);
    m_message = S::messageLabel(this, QStringLiteral("accountsMessageLabel"));
    layout->addWidget(m_message);
    m_grid = new QGridLayout;
    const QStringList headers {FieldCatalogue::label(QString::fromLatin1(fields::AccountType)),
        FieldCatalogue::label(QString::fromLatin1(fields::AccountNumber)),
        FieldCatalogue::label(QString::fromLatin1(fields::AccountOpenedOn)),
        FieldCatalogue::label(QString::fromLatin1(fields::AccountStatus))};
    const QStringList keys {QString::fromLatin1(fields::AccountType), QString::fromLatin1(fields::AccountNumber),
        QString::fromLatin1(fields::AccountOpenedOn), QString::fromLatin1(fields::AccountStatus)};
    for (int c = 0; c < headers.size(); ++c) {
        // the column's label is the buddy of the first row's field
        auto* label = new QLabel(fieldLabel(keys.at(c), headers.at(c)), this);
        label->setObjectName(QStringLiteral("column%1Label").arg(c));
        m_grid->addWidget(label, 0, c);
    }
    m_grid->setColumnStretch(1, 1);
    layout->addLayout(m_grid);
    m_add = new QPushButton(tr("Add an &account or card"), this);
    m_add->setObjectName(QStringLiteral("addAccountButton"));
    layout->addWidget(m_add, 0, Qt::AlignLeft);
    layout->addStretch(1);
    connect(m_add, &QPushButton::clicked, this, &AccountsFormPage::addAccount);
    for (const char* field :
        {fields::AccountNumber, fields::AccountType, fields::AccountOpenedOn, fields::AccountStatus})
        m_messages.insert(QString::fromLatin1(field), m_message);
    load(nullptr);
}

QString AccountsFormPage::title() const
{
    return tr("Accounts");
}

QLineEdit* AccountsFormPage::numberEdit(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).number : nullptr;
}

void AccountsFormPage::clear()
{
    load(nullptr);
}

void AccountsFormPage::load(const CustomerView* view)
{
    m_edit = view != nullptr;
    for (const Row& row : std::as_const(m_rows))
        qDeleteAll(row.widgets);
    m_rows.clear();
    clearMessages();
    if (view) {
        for (const AccountView& account : view->accounts)
            appendRow(&account);
    } else {
        appendRow(nullptr);
    }
    relayout();
}

AccountsFormPage::Row& AccountsFormPage::appendRow(const AccountView* existing)
{
    Row row;
    row.type = new QComboBox(this);
    row.type->setObjectName(QStringLiteral("accountTypeComboBox"));
    row.type->setAccessibleName(FieldCatalogue::label(QString::fromLatin1(fields::AccountType)));
    for (const QString& type : CustomerValidator::accountTypes())
        row.type->addItem(ValueLabels::accountType(type), type);
    row.number = new QLineEdit(this);
    row.number->setObjectName(QStringLiteral("accountNumberLineEdit"));
    row.number->setAccessibleName(FieldCatalogue::label(QString::fromLatin1(fields::AccountNumber)));
    row.number->setMaxLength(30);
    row.number->setInputMethodHints(Qt::ImhDigitsOnly);
    row.openedOn = new QLineEdit(this);
    row.openedOn->setObjectName(QStringLiteral("accountOpenedOnLineEdit"));
    row.openedOn->setAccessibleName(FieldCatalogue::label(QString::fromLatin1(fields::AccountOpenedOn)));
    row.openedOn->setPlaceholderText(tr("YYYY-MM-DD"));
    row.openedOn->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[0-9]{0,4}-?[0-9]{0,2}-?[0-9]{0,2}")), row.openedOn));
    row.status = new QComboBox(this);
    row.status->setObjectName(QStringLiteral("accountStatusComboBox"));
    row.status->setAccessibleName(FieldCatalogue::label(QString::fromLatin1(fields::AccountStatus)));
    for (const QString& status : CustomerValidator::accountStatuses())
        row.status->addItem(statusLabelOfKey<AccountStatus>(status), status);
    row.remove = new QPushButton(tr("Remove"), this);
    row.remove->setObjectName(QStringLiteral("removeAccountButton"));
    row.message = S::messageLabel(this, QStringLiteral("accountRowMessageLabel"));
    if (existing) {
        row.id = existing->id;
        row.originalType = existing->type;
        row.originalStatus = statusKey(existing->status);
        row.originalOpenedOn = existing->openedOn;
        row.number->setPlaceholderText(existing->number); // masked, as the core sent it
        row.type->setCurrentIndex(qMax(0, row.type->findData(existing->type)));
        row.status->setCurrentIndex(qMax(0, row.status->findData(statusKey(existing->status))));
        row.openedOn->setText(existing->openedOn.isValid() ? existing->openedOn.toString(Qt::ISODate) : QString());
        row.remove->setCheckable(true);
        row.remove->setToolTip(tr("Remove this account from the record (when the change is approved)."));
    } else {
        row.number->setPlaceholderText(tr("card: 13-19 digits; account: 12-19 digits"));
        row.remove->setToolTip(tr("Remove this row."));
    }
    row.widgets = {row.type, row.number, row.openedOn, row.status, row.remove, row.message};
    QLineEdit* number = row.number;
    connect(number, &QLineEdit::editingFinished, this, [this, number] {
        for (int i = 0; i < m_rows.size(); ++i) {
            if (m_rows.at(i).number == number)
                checkRow(i);
        }
    });
    QLineEdit* opened = row.openedOn;
    connect(opened, &QLineEdit::editingFinished, this, [this, opened] {
        for (int i = 0; i < m_rows.size(); ++i) {
            if (m_rows.at(i).openedOn == opened)
                checkRow(i);
        }
    });
    QPushButton* remove = row.remove;
    if (!existing)
        connect(remove, &QPushButton::clicked, this, [this, remove] { removeRow(remove); });
    else
        connect(remove, &QPushButton::toggled, this,
            [remove](bool on) { remove->setText(on ? tr("Keep") : tr("Remove")); });
    m_rows << row;
    return m_rows.last();
}

void AccountsFormPage::addAccount()
{
    Row& row = appendRow(nullptr);
    relayout();
    row.number->setFocus();
}

void AccountsFormPage::removeRow(QPushButton* button)
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).remove == button) {
            const QList<QWidget*> widgets = m_rows.at(i).widgets;
            m_rows.removeAt(i);
            for (QWidget* w : widgets)
                w->deleteLater();
            break;
        }
    }
    relayout();
}

void AccountsFormPage::relayout()
{
    int gridRow = 1;
    QWidget* previous = nullptr;
    for (const Row& row : std::as_const(m_rows)) {
        m_grid->addWidget(row.type, gridRow, 0);
        m_grid->addWidget(row.number, gridRow, 1);
        m_grid->addWidget(row.openedOn, gridRow, 2);
        m_grid->addWidget(row.status, gridRow, 3);
        m_grid->addWidget(row.remove, gridRow, 4);
        m_grid->addWidget(row.message, gridRow + 1, 0, 1, 5);
        for (QWidget* w :
            {static_cast<QWidget*>(row.type), static_cast<QWidget*>(row.number), static_cast<QWidget*>(row.openedOn),
                static_cast<QWidget*>(row.status), static_cast<QWidget*>(row.remove)}) {
            if (previous)
                setTabOrder(previous, w);
            previous = w;
        }
        gridRow += 2;
    }
    if (previous)
        setTabOrder(previous, m_add);
    // the column labels are the buddies of the first row's fields
    const Row* first = m_rows.isEmpty() ? nullptr : &m_rows.first();
    const QList<QWidget*> columns
        = first ? QList<QWidget*> {first->type, first->number, first->openedOn, first->status} : QList<QWidget*> {};
    for (int c = 0; c < 4; ++c) {
        if (auto* header = findChild<QLabel*>(QStringLiteral("column%1Label").arg(c), Qt::FindDirectChildrenOnly))
            header->setBuddy(columns.value(c));
    }
    registerFirstRow();
}

void AccountsFormPage::registerFirstRow()
{
    m_editors.remove(QString::fromLatin1(fields::AccountNumber));
    m_editors.remove(QString::fromLatin1(fields::AccountType));
    m_editors.remove(QString::fromLatin1(fields::AccountOpenedOn));
    m_editors.remove(QString::fromLatin1(fields::AccountStatus));
    // the core names the field, not the row: point at the first row that fails the check here, else the first
    int target = 0;
    for (int i = 0; i < m_rows.size(); ++i) {
        if (!m_rows.at(i).message->text().isEmpty()) {
            target = i;
            break;
        }
    }
    QWidget* number = m_rows.isEmpty() ? static_cast<QWidget*>(m_add) : m_rows.at(target).number;
    m_editors.insert(QString::fromLatin1(fields::AccountNumber), number);
    m_editors.insert(QString::fromLatin1(fields::AccountType), m_rows.isEmpty() ? number : m_rows.at(target).type);
    m_editors.insert(
        QString::fromLatin1(fields::AccountOpenedOn), m_rows.isEmpty() ? number : m_rows.at(target).openedOn);
    m_editors.insert(QString::fromLatin1(fields::AccountStatus), m_rows.isEmpty() ? number : m_rows.at(target).status);
}

bool AccountsFormPage::checkRow(int index)
{
    if (index < 0 || index >= m_rows.size())
        return false;
    const Row& row = m_rows.at(index);
    S::setMessage(row.message, QString());
    const QString opened = row.openedOn->text().trimmed();
    if (!opened.isEmpty()) {
        const QDate date = QDate::fromString(opened, Qt::ISODate);
        if (!date.isValid()) {
            S::setMessage(row.message, tr("Write the opening date as YYYY-MM-DD."));
            registerFirstRow();
            return false;
        }
        if (date > today()) {
            S::setMessage(row.message, tr("An account cannot be opened in the future."));
            registerFirstRow();
            return false;
        }
    }
    const QString number = row.number->text().trimmed();
    if (!number.isEmpty()) {
        const auto kind = CustomerValidator::isCardType(row.type->currentData().toString())
            ? Validators::AccountKind::Card
            : Validators::AccountKind::Account;
        auto checked = Validators::accountNumber(number, kind);
        if (!checked.ok()) {
            S::setMessage(row.message, checked.error().message);
            registerFirstRow();
            return false;
        }
    }
    registerFirstRow();
    return true;
}

QJsonObject AccountsFormPage::state() const
{
    QJsonArray rows;
    for (const Row& row : m_rows) {
        rows.append(QJsonObject {{QStringLiteral("id"), row.id}, {QStringLiteral("type"), editorState(row.type)},
            {QStringLiteral("number"), row.number->text()}, {QStringLiteral("openedOn"), row.openedOn->text()},
            {QStringLiteral("status"), editorState(row.status)}, {QStringLiteral("remove"), row.remove->isChecked()}});
    }
    return QJsonObject {{QStringLiteral("rows"), rows}};
}

void AccountsFormPage::setState(const QJsonObject& state)
{
    // existing accounts (an edit) are matched by id; new rows are added as needed
    const QJsonArray rows = state.value(QStringLiteral("rows")).toArray();
    int nextNew = 0;
    for (const QJsonValue& value : rows) {
        const QJsonObject saved = value.toObject();
        const qint64 id = saved.value(QStringLiteral("id")).toInteger();
        Row* target = nullptr;
        if (id > 0) {
            for (Row& row : m_rows) {
                if (row.id == id)
                    target = &row;
            }
        } else {
            int seen = 0;
            for (Row& row : m_rows) {
                if (row.id == 0 && seen++ == nextNew)
                    target = &row;
            }
            if (!target)
                target = &appendRow(nullptr);
            ++nextNew;
        }
        if (!target)
            continue;
        setEditorState(target->type, saved.value(QStringLiteral("type")));
        target->number->setText(saved.value(QStringLiteral("number")).toString());
        target->openedOn->setText(saved.value(QStringLiteral("openedOn")).toString());
        setEditorState(target->status, saved.value(QStringLiteral("status")));
        if (target->id > 0)
            target->remove->setChecked(saved.value(QStringLiteral("remove")).toBool());
    }
    relayout();
}

void AccountsFormPage::collect(CustomerInput& input) const
{
    for (const Row& row : m_rows) {
        AccountInput account;
        account.id = row.id;
        account.number = row.number->text().trimmed();
        account.type = row.type->currentData().toString();
        account.status = row.status->currentData().toString();
        account.openedOn = QDate::fromString(row.openedOn->text().trimmed(), Qt::ISODate);
        if (row.id == 0) {
            if (!account.number.isEmpty())
                input.accounts << account;
            continue;
        }
        account.remove = row.remove->isChecked();
        const bool changed = account.remove || !account.number.isEmpty() || account.type != row.originalType
            || account.status != row.originalStatus || account.openedOn != row.originalOpenedOn;
        if (changed)
            input.accounts << account;
    }
}

} // namespace bv::ui
