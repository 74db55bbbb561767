#include "ui/server/ServerAssignDialog.h"

#include "core/customers/rules/WorkingCalendar.h"
#include "core/policy/Statuses.h"
#include "core/server/ServerSession.h"
#include "ui/customers/CustomerWidgetSupport.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace bv::ui {

namespace {

QDate branchToday()
{
    return QDateTime::currentDateTimeUtc().toTimeZone(WorkingCalendar::branchTimeZone()).date();
}

} // namespace

ServerAssignDialog::ServerAssignDialog(const ServerContext& context, const QString& customerNo, QWidget* parent)
    : QDialog(parent)
    , m_context(context)
{
    setWindowTitle(tr("Change the customer manager"));
    setObjectName(QStringLiteral("serverAssignDialog"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;

    m_number = new QLineEdit(customerNo, this);
    m_number->setObjectName(QStringLiteral("customerNumberLineEdit"));
    m_number->setAccessibleName(tr("Customer number"));
    auto* numberLabel = new QLabel(tr("Customer &number:"), this);
    numberLabel->setBuddy(m_number);
    form->addRow(numberLabel, m_number);

    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("kindComboBox"));
    m_kind->setAccessibleName(tr("Kind of change"));
    using Kind = ServerOwnership::Kind;
    const QList<std::pair<Kind, QString>> kinds {
        {Kind::Assign, tr("Give a customer without an active manager to the manager.")},
        {Kind::Transfer, tr("Move the customer to the manager permanently.")},
        {Kind::Custody,
            tr("Let the manager serve the customer until the chosen day; the customer then returns by itself.")},
        {Kind::Return, tr("Return the customer to the own manager before the custody's end.")},
        {Kind::Reclaim, tr("Take the customer from whoever holds it now and give it to the manager.")}};
    for (const auto& [kind, hint] : kinds) {
        m_kind->addItem(ServerOwnership::kindLabel(kind), int(kind));
        m_kind->setItemData(m_kind->count() - 1, hint, Qt::ToolTipRole);
    }
    auto* kindLabel = new QLabel(tr("&Kind:"), this);
    kindLabel->setBuddy(m_kind);
    form->addRow(kindLabel, m_kind);

    m_manager = new QComboBox(this);
    m_manager->setObjectName(QStringLiteral("managerComboBox"));
    m_manager->setEditable(true); // a login can be typed when the list cannot be read
    m_manager->setAccessibleName(tr("Customer manager's login"));
    m_manager->setToolTip(tr("An active customer manager account of this branch."));
    auto* managerLabel = new QLabel(tr("Customer &manager:"), this);
    managerLabel->setBuddy(m_manager);
    form->addRow(managerLabel, m_manager);

    const QDate today = branchToday();
    m_until = new QDateEdit(today.addDays(7), this);
    m_until->setObjectName(QStringLiteral("untilDateEdit"));
    m_until->setCalendarPopup(true);
    m_until->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_until->setDateRange(today, today.addDays(ServerOwnership::kMaxCustodyDays));
    m_until->setAccessibleName(tr("Last day of the custody"));
    m_until->setToolTip(tr("The custody lasts through the end of this day (branch time), at most %n days.", nullptr,
        ServerOwnership::kMaxCustodyDays));
    auto* untilLabel = new QLabel(tr("Custody &until (last day):"), this);
    untilLabel->setBuddy(m_until);
    form->addRow(untilLabel, m_until);

    m_reason = new QLineEdit(this);
    m_reason->setObjectName(QStringLiteral("reasonLineEdit"));
    m_reason->setMaxLength(ServerOwnership::kMaxReasonLength);
    m_reason->setAccessibleName(tr("Reason"));
    m_reason->setPlaceholderText(tr("For example: staff change, leave, customer's wish"));
    auto* reasonLabel = new QLabel(tr("&Reason:"), this);
    reasonLabel->setBuddy(m_reason);
    form->addRow(reasonLabel, m_reason);
    layout->addLayout(form);

    m_list = CustomerWidgetSupport::tableWidget(this, QStringLiteral("reassignmentTableWidget"),
        {tr("Customer no."), tr("Name"), tr("Status"), tr("Held by")}, m_context.clipboard,
        tr("Customers needing a customer manager"));
    m_list->setMinimumHeight(120);
    layout->addWidget(m_list, 1);
    auto* listButtons = new QHBoxLayout;
    auto* showList = new QPushButton(tr("Show the reassignment &list"), this);
    showList->setObjectName(QStringLiteral("reassignmentListButton"));
    showList->setToolTip(tr("The customers of frozen customer managers and those without one. The server records "
                            "the read."));
    listButtons->addWidget(showList);
    listButtons->addStretch(1);
    layout->addLayout(listButtons);
    connect(showList, &QPushButton::clicked, this, &ServerAssignDialog::showReassignmentList);
    const auto choose = [this](int row) {
        if (row >= 0 && row < m_list->rowCount())
            m_number->setText(m_list->item(row, 0)->text());
    };
    connect(m_list, &QTableWidget::cellActivated, this, [choose](int row, int) { choose(row); });
    connect(m_list, &QTableWidget::cellClicked, this, [choose](int row, int) { choose(row); });

    m_message = CustomerWidgetSupport::messageLabel(this, QStringLiteral("messageLabel"));
    layout->addWidget(m_message);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_apply = buttons->addButton(tr("&Apply"), QDialogButtonBox::AcceptRole);
    m_apply->setObjectName(QStringLiteral("applyButton"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &ServerAssignDialog::apply);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ServerAssignDialog::kindChanged);

    // the customer managers the server offers (staff logins; not a read of customer data)
    auto logins = ServerOwnership(m_context.session).customerManagers();
    if (logins.ok()) {
        m_manager->addItems(*logins);
        m_manager->setCurrentIndex(-1);
    } else {
        CustomerWidgetSupport::setMessage(m_message,
            tr("The list of customer managers could not be read (%1). Type the login.").arg(logins.error().message));
    }
    kindChanged();
}

QString ServerAssignDialog::message() const
{
    return m_message->text();
}

void ServerAssignDialog::setKind(ServerOwnership::Kind kind)
{
    m_kind->setCurrentIndex(m_kind->findData(int(kind)));
}

ServerOwnership::Kind ServerAssignDialog::kind() const
{
    return ServerOwnership::Kind(m_kind->currentData().toInt());
}

void ServerAssignDialog::kindChanged()
{
    const ServerOwnership::Kind k = kind();
    m_manager->setEnabled(ServerOwnership::needsManager(k));
    m_until->setEnabled(k == ServerOwnership::Kind::Custody);
    m_reason->setEnabled(k != ServerOwnership::Kind::Return);
}

bool ServerAssignDialog::apply()
{
    using Kind = ServerOwnership::Kind;
    const Kind k = kind();
    const QString number = m_number->text().trimmed().toUpper();
    const QString manager = m_manager->currentText().trimmed();
    const QDate until = k == Kind::Custody ? m_until->date() : QDate();
    const Status done = ServerOwnership(m_context.session)
                            .move(k, number, manager, until, k == Kind::Return ? QString() : m_reason->text());
    if (!done.ok()) {
        CustomerWidgetSupport::setMessage(m_message, done.error().fullText());
        const QString field = done.error().field;
        if (field == QLatin1String("manager"))
            m_manager->setFocus();
        else if (field == QLatin1String("until"))
            m_until->setFocus();
        else if (field == QLatin1String("reason"))
            m_reason->setFocus();
        else if (field == QLatin1String("customer"))
            m_number->setFocus();
        return false;
    }
    switch (k) {
    case Kind::Assign:
        m_done = tr("Customer %1 is assigned to %2.").arg(number, manager);
        break;
    case Kind::Transfer:
        m_done = tr("Customer %1 was transferred to %2.").arg(number, manager);
        break;
    case Kind::Custody:
        m_done = tr("Customer %1 is in the custody of %2 until the end of %3 (branch time); then it returns to its "
                    "customer manager by itself.")
                     .arg(number, manager, until.toString(Qt::ISODate));
        break;
    case Kind::Return:
        m_done = tr("The custody of customer %1 ended; the customer is back with its customer manager.").arg(number);
        break;
    case Kind::Reclaim:
        m_done = tr("Customer %1 was reclaimed for %2.").arg(number, manager);
        break;
    }
    accept();
    return true;
}

bool ServerAssignDialog::showReassignmentList()
{
    auto rows = ServerOwnership(m_context.session).reassignmentList();
    if (!rows.ok()) {
        CustomerWidgetSupport::setMessage(m_message, rows.error().fullText());
        return false;
    }
    m_list->setRowCount(0);
    for (const CustomerListRow& row : *rows)
        CustomerWidgetSupport::appendRow(m_list,
            {row.number, row.maskedName, statusLabel(row.status),
                row.managerName.isEmpty() ? tr("no customer manager") : tr("%1 (frozen)").arg(row.managerName)});
    m_list->resizeColumnsToContents();
    CustomerWidgetSupport::setMessage(m_message,
        rows->isEmpty() ? tr("No customer needs a new customer manager.")
                        : tr("%n customers need a new customer manager. Choose one to fill in its number.", nullptr,
                            int(rows->size())));
    return true;
}

} // namespace bv::ui
