#include "ui/server/ServerCustomersPage.h"

#include "core/auth/Role.h"
#include "core/policy/FieldCatalogue.h"
#include "core/policy/Statuses.h"
#include "core/policy/ValueLabels.h"
#include "core/server/ServerCustomers.h"
#include "core/server/ServerSession.h"
#include "ui/common/Dialogs.h"
#include "ui/common/ProtectedLabel.h"
#include "ui/customers/CustomerHistoryPage.h"
#include "ui/customers/CustomerLabels.h"
#include "ui/customers/CustomerWidgetSupport.h"
#include "ui/server/EntryFormPanel.h"
#include "ui/server/RevealRequestDialog.h"
#include "ui/server/ServerAssignDialog.h"
#include "ui/server/ServerCareDialog.h"
#include "ui/server/ServerEditDialog.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace bv::ui {

using S = CustomerWidgetSupport;

ServerCustomersPage::ServerCustomersPage(const ServerContext& context, QWidget* parent)
    : ServerPage(context, parent)
{
    setObjectName(QStringLiteral("serverCustomersPage"));
    auto* layout = new QVBoxLayout(this);
    auto* splitter = new QSplitter(this);
    layout->addWidget(splitter, 1);

    auto* listSide = new QWidget(splitter);
    auto* listLayout = new QVBoxLayout(listSide);
    listLayout->setContentsMargins(0, 0, 0, 0);
    m_table = S::tableWidget(listSide, QStringLiteral("customersTableWidget"),
        {tr("Customer no."), tr("Name"), tr("Status"), tr("Tier"), tr("Entered")}, m_context.clipboard,
        tr("Customers"));
    listLayout->addWidget(m_table, 1);
    auto* listButtons = new QHBoxLayout;
    auto* refresh = new QPushButton(tr("&Refresh"), listSide);
    refresh->setObjectName(QStringLiteral("refreshButton"));
    m_more = new QPushButton(tr("Load &more"), listSide);
    m_more->setObjectName(QStringLiteral("moreButton"));
    listButtons->addWidget(refresh);
    listButtons->addStretch(1);
    listButtons->addWidget(m_more);
    listLayout->addLayout(listButtons);
    connect(refresh, &QPushButton::clicked, this, &ServerCustomersPage::reload);
    connect(m_more, &QPushButton::clicked, this, &ServerCustomersPage::loadMore);
    connect(m_table, &QTableWidget::cellActivated, this, [this](int row, int) { open(row); });
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this](int row, int) { open(row); });

    auto* cardSide = new QWidget(splitter);
    auto* cardLayout = new QVBoxLayout(cardSide);
    cardLayout->setContentsMargins(0, 0, 0, 0);
    m_cardTitle = new QLabel(tr("Open a customer from the list to see the masked card."), cardSide);
    m_cardTitle->setObjectName(QStringLiteral("cardTitleLabel"));
    m_cardTitle->setWordWrap(true);
    cardLayout->addWidget(m_cardTitle);
    m_cardBody = new QWidget(cardSide);
    m_cardForm = new QFormLayout(m_cardBody);
    cardLayout->addWidget(m_cardBody);
    cardLayout->addStretch(1);
    m_request = new QPushButton(tr("Request &full view…"), cardSide);
    m_request->setObjectName(QStringLiteral("requestFullViewButton"));
    m_request->setEnabled(false);
    m_edit = new QPushButton(tr("&Edit…"), cardSide);
    m_edit->setObjectName(QStringLiteral("editButton"));
    m_edit->setEnabled(false);
    m_care = new QPushButton(tr("&Service and complaints…"), cardSide);
    m_care->setObjectName(QStringLiteral("careButton"));
    m_care->setEnabled(false);
    m_history = new QPushButton(tr("Histor&y…"), cardSide);
    m_history->setObjectName(QStringLiteral("historyButton"));
    m_history->setEnabled(false);
    auto* cardButtons = new QHBoxLayout;
    cardButtons->addWidget(m_edit);
    cardButtons->addWidget(m_care);
    cardButtons->addWidget(m_history);
    cardButtons->addWidget(m_request);
    cardLayout->addLayout(cardButtons);
    connect(m_request, &QPushButton::clicked, this, &ServerCustomersPage::requestFullView);
    connect(m_edit, &QPushButton::clicked, this, &ServerCustomersPage::edit);
    connect(m_care, &QPushButton::clicked, this, &ServerCustomersPage::care);
    connect(m_history, &QPushButton::clicked, this, &ServerCustomersPage::history);
    if (m_context.session.identity().role == Role::Manager) {
        // the branch manager gives the customer shown (or any by its number) to a customer manager
        auto* assign = new QPushButton(tr("&Assign…"), cardSide);
        assign->setObjectName(QStringLiteral("assignButton"));
        cardButtons->addWidget(assign);
        connect(assign, &QPushButton::clicked, this, [this] {
            ServerAssignDialog dialog(m_context, m_card ? m_card->number : QString(), this);
            if (m_context.dialogs.exec(&dialog) == QDialog::Accepted)
                m_context.dialogs.showInfo(this, tr("Customer manager changed"), dialog.done());
        });
    }
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    reload();
}

bool ServerCustomersPage::reload()
{
    m_table->setRowCount(0);
    m_last.clear();
    return append(QString());
}

bool ServerCustomersPage::loadMore()
{
    return append(m_last);
}

bool ServerCustomersPage::append(const QString& after)
{
    auto rows = ServerCustomers(m_context.session).list(after, kPage);
    if (!rows.ok())
        return fail(rows.error());
    for (const CustomerListRow& row : *rows)
        S::appendRow(m_table,
            {row.number, row.maskedName, statusLabel(row.status),
                row.tier.isEmpty() ? CustomerLabels::none()
                                   : ValueLabels::value(QString::fromLatin1(fields::Tier), row.tier),
                CustomerLabels::dateTime(row.createdAt)});
    if (!rows->isEmpty())
        m_last = rows->constLast().number;
    m_more->setEnabled(rows->size() == kPage);
    m_table->resizeColumnsToContents();
    return true;
}

bool ServerCustomersPage::open(int row)
{
    if (row < 0 || row >= m_table->rowCount())
        return false;
    auto view = ServerCustomers(m_context.session).open(m_table->item(row, 0)->text());
    if (!view.ok()) {
        m_card.reset(); // a request must not be filed for the customer shown before
        showCard();
        m_cardTitle->setText(tr("Open a customer from the list to see the masked card."));
        return fail(view.error());
    }
    m_card = std::move(view).value();
    showCard();
    return true;
}

void ServerCustomersPage::showCard()
{
    while (m_cardForm->rowCount() > 0)
        m_cardForm->removeRow(0);
    m_request->setEnabled(m_card.has_value());
    m_care->setEnabled(m_card && m_card->actions.recordService);
    m_history->setEnabled(m_card.has_value());
    m_edit->setVisible(!m_card || m_card->actions.edit);
    m_edit->setEnabled(m_card && m_card->actions.editNow);
    if (!m_card)
        return;
    m_cardTitle->setText(tr("Customer %1 — %2").arg(m_card->number, statusLabel(m_card->status)));
    const auto add = [this](const QString& label, QLabel* value) {
        value->setParent(m_cardBody);
        m_cardForm->addRow(label + QLatin1Char(':'), value);
    };
    for (const FieldSpec* field : FieldCatalogue::ofGrade(1)) {
        const QString key = QString::fromLatin1(field->key);
        if (m_card->gradeOne.contains(key))
            add(FieldCatalogue::label(*field), new ProtectedLabel(m_card->gradeOne.value(key)));
    }
    for (const AccountView& account : std::as_const(m_card->accounts))
        add(tr("Account %1").arg(account.id),
            new ProtectedLabel(
                tr("%1 (%2, %3)")
                    .arg(account.number, ValueLabels::accountType(account.type), statusLabel(account.status))));
    const auto shown = [](const QString& field, const QString& value) {
        return value.isEmpty() ? CustomerLabels::none() : ValueLabels::value(field, value);
    };
    add(tr("Sex"), new QLabel(shown(QString::fromLatin1(fields::Sex), m_card->sex)));
    add(tr("Age band"), new QLabel(shown(QString::fromLatin1(fields::AgeBand), m_card->ageBand)));
    add(tr("Tier"), new QLabel(shown(QString::fromLatin1(fields::Tier), m_card->tier)));
    if (m_card->gradeTwoVisible)
        for (auto it = m_card->gradeTwo.cbegin(); it != m_card->gradeTwo.cend(); ++it)
            add(FieldCatalogue::label(it.key()), new QLabel(shown(it.key(), it.value())));
    if (m_card->pendingChangeId != 0)
        add(tr("Waiting"), new QLabel(tr("change %1 waits for a branch manager").arg(m_card->pendingChangeId)));
}

QString ServerCustomersPage::cardText() const
{
    QStringList lines;
    for (int r = 0; r < m_cardForm->rowCount(); ++r) {
        auto* label = qobject_cast<QLabel*>(m_cardForm->itemAt(r, QFormLayout::LabelRole)->widget());
        auto* value = qobject_cast<QLabel*>(m_cardForm->itemAt(r, QFormLayout::FieldRole)->widget());
        if (label && value)
            lines << label->text() + QLatin1Char(' ') + value->text();
    }
    return lines.join(QLatin1Char('\n'));
}

bool ServerCustomersPage::requestFullView()
{
    if (!m_card)
        return false;
    QStringList fields;
    for (const FieldSpec* field : FieldCatalogue::ofGrade(1)) {
        const QString key = QString::fromLatin1(field->key);
        if (m_card->gradeOne.contains(key) || (key == QLatin1String("account_number") && !m_card->accounts.isEmpty()))
            fields << key;
    }
    RevealRequestDialog dialog(m_context, m_card->number, fields, this);
    if (m_context.dialogs.exec(&dialog) != QDialog::Accepted)
        return false;
    m_context.dialogs.showInfo(this, tr("Request filed"),
        tr("Request %1 was filed. A branch manager decides it; once it is approved, show the values from the "
           "Requests page.")
            .arg(dialog.requestId()));
    emit requestFiled(dialog.requestId());
    return true;
}

bool ServerCustomersPage::care()
{
    if (!m_card)
        return false;
    ServerCareDialog dialog(m_context, m_card->number, ServerCareDialog::Tab::Services, this);
    bool lost = false;
    connect(&dialog, &ServerCareDialog::sessionLost, this, [&lost] { lost = true; });
    connect(&dialog, &ServerCareDialog::complaintsChanged, this, &ServerCustomersPage::complaintsChanged);
    m_context.dialogs.exec(&dialog);
    if (lost)
        emit sessionLost();
    return !lost;
}

bool ServerCustomersPage::history()
{
    if (!m_card)
        return false;
    // read (and recorded by the server) when asked for, not with the card
    auto entries = ServerCustomers(m_context.session).history(m_card->number);
    if (!entries.ok())
        return fail(entries.error());
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("serverHistoryDialog"));
    dialog.setWindowTitle(tr("History of customer %1").arg(m_card->number));
    auto* layout = new QVBoxLayout(&dialog);
    QTableWidget* table = CustomerHistoryPage::historyTable(&dialog, m_context.clipboard, m_card->number);
    CustomerHistoryPage::fill(table, *entries);
    layout->addWidget(table, 1);
    if (entries->isEmpty())
        layout->addWidget(new QLabel(tr("Customer %1 has no approved change yet.").arg(m_card->number), &dialog));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    dialog.resize(720, 420);
    m_context.dialogs.exec(&dialog);
    return true;
}

bool ServerCustomersPage::edit()
{
    if (!m_card || !m_card->actions.editNow)
        return false;
    ServerEditDialog dialog(m_context, *m_card, this);
    if (m_context.dialogs.exec(&dialog) != QDialog::Accepted || !dialog.receipt()) {
        if (dialog.failure())
            fail(*dialog.failure());
        return false;
    }
    const EntryReceipt receipt = *dialog.receipt();
    // the card as the server holds it now: the change waits (no second read of the record, no second audit row)
    m_card->pendingChangeId = receipt.changeId;
    m_card->actions.editNow = false;
    showCard();
    m_context.dialogs.showInfo(this, tr("Edit saved"),
        EntryFormPanel::withWarnings(
            tr("The edit of customer %1 was sent to the branch server. Change %2 waits for a branch manager's "
               "approval.")
                .arg(receipt.customerNumber)
                .arg(receipt.changeId),
            receipt.warnings));
    emit edited(receipt.changeId);
    return true;
}

} // namespace bv::ui
