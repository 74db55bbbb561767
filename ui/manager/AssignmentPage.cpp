#include "ui/manager/AssignmentPage.h"
#include "ui/common/Formats.h"

#include "core/Core.h"
#include "core/customers/CustomerService.h"
#include "core/customers/lifecycle/CustomerFinder.h"
#include "core/customers/lifecycle/CustomerOwnership.h"
#include "core/customers/rules/WorkingCalendar.h"
#include "ui/common/Dialogs.h"
#include "ui/customers/CustomerLabels.h"
#include "ui/manager/CustomerPickerDialog.h"
#include "ui/manager/GuardedTableView.h"
#include "ui/models/RecordTableModel.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace bv::ui {

QString AssignmentPage::kindLabel(const QString& key)
{
    if (key == QLatin1String("assign"))
        return tr("Assigned");
    if (key == QLatin1String("transfer"))
        return tr("Transferred");
    if (key == QLatin1String("custody"))
        return tr("Custody");
    if (key == QLatin1String("return"))
        return tr("Custody ended early");
    if (key == QLatin1String("custody_end"))
        return tr("Custody ran out");
    if (key == QLatin1String("reclaim"))
        return tr("Reclaimed");
    return key;
}

AssignmentPage::AssignmentPage(const WorkspaceContext& context, QWidget* parent)
    : ManagerPage(context, parent)
{
    setObjectName(QStringLiteral("assignmentPage"));
    auto* numberLabel = new QLabel(tr("Customer &number:"), this);
    m_numberEdit = new QLineEdit(this);
    m_numberEdit->setObjectName(QStringLiteral("customerNumberLineEdit"));
    m_numberEdit->setAccessibleName(tr("Customer number"));
    numberLabel->setBuddy(m_numberEdit);
    auto* show = new QPushButton(tr("&Show"), this);
    show->setObjectName(QStringLiteral("showCustomerButton"));
    // No number to remember: the branch list, searched by number or masked name.
    auto* choose = new QPushButton(tr("Ch&oose customer…"), this);
    choose->setObjectName(QStringLiteral("chooseCustomerButton"));
    choose->setToolTip(tr("Find the customer in the branch list by a part of the number or of the masked name."));
    m_holder = new QLabel(this);
    m_holder->setObjectName(QStringLiteral("holderLabel"));
    m_holder->setWordWrap(true);
    m_holder->setTextFormat(Qt::PlainText);

    m_history = new models::RecordTableModel(
        {tr("When"), tr("Kind"), tr("From"), tr("To"), tr("Custody until"), tr("By"), tr("Reason")}, this);
    m_historyTable = createTable(QStringLiteral("historyTableView"), tr("Assignment history"));
    m_historyTable->setModel(m_history);
    m_historyTable->setCopyableColumns({When, Kind, From, To, Until, By});

    auto* form = new QGroupBox(tr("Change the customer manager"), this);
    m_manager = new QComboBox(form);
    m_manager->setObjectName(QStringLiteral("managerLoginComboBox"));
    m_manager->setEditable(true);
    m_manager->setInsertPolicy(QComboBox::NoInsert);
    m_manager->setAccessibleName(tr("Customer manager's login"));
    m_manager->setToolTip(tr("The login of an active customer manager account."));
    m_until = new QDateEdit(form);
    m_until->setObjectName(QStringLiteral("untilDateEdit"));
    m_until->setCalendarPopup(true);
    Formats::applyTo(m_until); // 2026-12-12, as everywhere (not the locale's 2026/12/12)
    resetUntil();
    m_until->setAccessibleName(tr("Last day of the custody"));
    m_reason = new QLineEdit(form);
    m_reason->setObjectName(QStringLiteral("reasonLineEdit"));
    m_reason->setAccessibleName(tr("Reason"));
    m_reason->setMaxLength(500);
    m_reason->setPlaceholderText(tr("For example: staff change, leave, customer's wish"));
    auto* fields = new QFormLayout;
    auto* managerLabel = new QLabel(tr("Customer &manager (login):"), form);
    managerLabel->setBuddy(m_manager);
    auto* untilLabel = new QLabel(tr("Custody &until (last day):"), form);
    untilLabel->setBuddy(m_until);
    auto* reasonLabel = new QLabel(tr("&Reason:"), form);
    reasonLabel->setBuddy(m_reason);
    fields->addRow(managerLabel, m_manager);
    fields->addRow(untilLabel, m_until);
    fields->addRow(reasonLabel, m_reason);

    struct ActionButton
    {
        Action action;
        QString text;
        const char* name;
        QString tip;
    };
    const QList<ActionButton> buttons {
        {Action::Assign, tr("&Assign"), "assignButton",
            tr("Give a customer without an active manager to the manager.")},
        {Action::Transfer, tr("&Transfer"), "transferButton", tr("Move the customer to the manager permanently.")},
        {Action::Custody, tr("&Custody"), "custodyButton",
            tr("Let the manager serve the customer until the chosen day; the customer then returns by itself.")},
        {Action::EndCustody, tr("&End custody"), "endCustodyButton",
            tr("Return the customer to the own manager before the custody's end.")},
        {Action::Reclaim, tr("Rec&laim"), "reclaimButton",
            tr("Take the customer from whoever holds it now and give it to the manager.")},
    };
    auto* row = new QHBoxLayout;
    row->addStretch(1);
    for (const ActionButton& b : buttons) {
        auto* button = new QPushButton(b.text, form);
        button->setObjectName(QString::fromLatin1(b.name));
        button->setToolTip(b.tip);
        const Action action = b.action;
        connect(button, &QPushButton::clicked, this, [this, action] { apply(action); });
        row->addWidget(button);
        m_actions << button;
    }
    auto* formLayout = new QVBoxLayout(form);
    formLayout->addLayout(fields);
    formLayout->addLayout(row);

    auto* top = new QHBoxLayout;
    top->addWidget(numberLabel);
    top->addWidget(m_numberEdit, 1);
    top->addWidget(show);
    top->addWidget(choose);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_holder);
    layout->addWidget(m_historyTable, 1);
    layout->addWidget(form);
    layout->addWidget(createFeedbackLabel());

    setTabOrder(m_numberEdit, show);
    setTabOrder(show, choose);
    setTabOrder(choose, m_historyTable);
    setTabOrder(m_historyTable, m_manager);
    setTabOrder(m_manager, m_until);
    setTabOrder(m_until, m_reason);
    QWidget* previous = m_reason;
    for (QPushButton* button : std::as_const(m_actions)) {
        setTabOrder(previous, button);
        previous = button;
    }

    connect(show, &QPushButton::clicked, this, &AssignmentPage::showCustomer);
    connect(choose, &QPushButton::clicked, this, &AssignmentPage::chooseCustomer);
    connect(m_numberEdit, &QLineEdit::returnPressed, this, &AssignmentPage::showCustomer);
    clearCustomer();
}

void AssignmentPage::reload()
{
    if (!m_number.isEmpty())
        showCustomer();
}

void AssignmentPage::setCustomer(const QString& customerNo)
{
    m_numberEdit->setText(customerNo);
    showCustomer();
}

bool AssignmentPage::chooseCustomer()
{
    CustomerPickerDialog picker(m_context, this);
    if (picker.loadError()) {
        fail(*picker.loadError());
        return false;
    }
    if (m_context.dialogs.exec(&picker) != QDialog::Accepted)
        return false;
    const QString number = picker.chosenNumber();
    if (number.isEmpty())
        return false;
    setCustomer(number);
    return true;
}

void AssignmentPage::clearCustomer()
{
    m_number.clear();
    m_holder->setText(tr("Choose a customer from the branch list, or type a customer number and choose Show."));
    m_history->clear();
    for (QPushButton* button : std::as_const(m_actions))
        button->setEnabled(false);
}

void AssignmentPage::showCustomer()
{
    const QString number = m_numberEdit->text().trimmed();
    if (number.isEmpty()) {
        clearCustomer();
        return;
    }
    auto view = m_context.core.customers().finder().open(m_context.session, number);
    if (!view.ok()) {
        clearCustomer();
        fail(view.error());
        return;
    }
    auto history = m_context.core.customers().ownership().assignments(m_context.session, number);
    if (!history.ok()) {
        clearCustomer();
        fail(history.error());
        return;
    }
    m_number = view->number;
    QString holder = view->managerName.isEmpty()
        ? tr("Customer %1 (%2) has no customer manager.").arg(view->number, statusLabel(view->status))
        : tr("Customer %1 (%2) is served by %3.").arg(view->number, statusLabel(view->status), view->managerName);
    if (view->inCustody)
        holder += QLatin1Char(' ') + tr("In custody until %1.").arg(CustomerLabels::dateTime(view->custodyUntil));
    m_holder->setText(holder);
    QList<models::RecordTableModel::Record> records;
    for (const AssignmentEntry& e : *history) {
        records << models::RecordTableModel::Record {QVariant(),
            {CustomerLabels::dateTime(e.at), kindLabel(e.kind), e.fromLogin, e.toLogin,
                CustomerLabels::dateTime(e.until), e.byLogin, e.reason},
            e.reason};
        rememberLogin(e.fromLogin);
        rememberLogin(e.toLogin);
    }
    m_history->setRecords(records);
    for (QPushButton* button : std::as_const(m_actions))
        button->setEnabled(true);
}

void AssignmentPage::resetUntil()
{
    // Branch time by the core's clock: the core decides what "today" is for a custody.
    const QDate today = m_context.core.clock().nowUtc().toTimeZone(WorkingCalendar::branchTimeZone()).date();
    m_until->setDateRange(today, today.addDays(CustomerOwnership::kMaxCustodyDays));
    m_until->setDate(today.addDays(7));
}

void AssignmentPage::rememberLogin(const QString& login)
{
    if (!login.isEmpty() && m_manager->findText(login) < 0)
        m_manager->addItem(login);
}

void AssignmentPage::apply(Action action)
{
    if (m_number.isEmpty())
        return;
    CustomerOwnership& ownership = m_context.core.customers().ownership();
    const QString login = m_manager->currentText().trimmed();
    const QString reason = m_reason->text().trimmed();
    Status status;
    QString done;
    switch (action) {
    case Action::Assign:
        status = ownership.assign(m_context.session, m_number, login, reason);
        done = tr("Customer %1 assigned to %2.").arg(m_number, login);
        break;
    case Action::Transfer:
        status = ownership.transfer(m_context.session, m_number, login, reason);
        done = tr("Customer %1 transferred to %2.").arg(m_number, login);
        break;
    case Action::Custody:
        status = ownership.custody(m_context.session, m_number, login, m_until->date(), reason);
        done = tr("Customer %1 in the custody of %2 until %3.")
                   .arg(m_number, login, CustomerLabels::date(m_until->date()));
        break;
    case Action::EndCustody:
        status = ownership.endCustody(m_context.session, m_number);
        done = tr("The custody of customer %1 ended; the customer is back with the own manager.").arg(m_number);
        break;
    case Action::Reclaim:
        status = ownership.reclaim(m_context.session, m_number, login, reason);
        done = tr("Customer %1 reclaimed for %2.").arg(m_number, login);
        break;
    }
    if (!status.ok()) {
        fail(status.error());
        return;
    }
    if (action != Action::EndCustody)
        rememberLogin(login);
    m_reason->clear();
    setFeedback(done);
    showCustomer();
    emit changed();
}

} // namespace bv::ui
