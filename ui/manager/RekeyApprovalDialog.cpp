#include "ui/manager/RekeyApprovalDialog.h"

#include "ui/common/RekeyFieldsWidget.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace bv::ui {

RekeyApprovalDialog::RekeyApprovalDialog(const PendingChange& change, Approve approve, QWidget* parent)
    : QDialog(parent)
    , m_approveFn(std::move(approve))
{
    setObjectName(QStringLiteral("rekeyApprovalDialog"));
    setWindowTitle(tr("Approve change %1").arg(change.id));
    auto* layout = new QVBoxLayout(this);
    auto* heading = new QLabel(
        tr("Customer %1: compare the change with the customer's document.").arg(change.customerNumber), this);
    heading->setWordWrap(true);
    layout->addWidget(heading);
    m_rekey = new RekeyFieldsWidget(this);
    m_rekey->setFields(change.rekeyFields);
    layout->addWidget(m_rekey);
    m_reason = new QPlainTextEdit(this);
    m_reason->setObjectName(QStringLiteral("reasonPlainTextEdit"));
    m_reason->setTabChangesFocus(true);
    m_reason->setAccessibleName(tr("Reason"));
    m_reason->setFixedHeight(m_reason->fontMetrics().lineSpacing() * 4);
    auto* reasonLabel = new QLabel(tr("&Reason for the approval:"), this);
    reasonLabel->setBuddy(m_reason);
    auto* form = new QFormLayout;
    form->addRow(reasonLabel, m_reason);
    layout->addLayout(form);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    m_error->setVisible(false);
    layout->addWidget(m_error);
    auto* buttons = new QDialogButtonBox(this);
    m_approve = buttons->addButton(tr("&Approve"), QDialogButtonBox::AcceptRole);
    m_approve->setObjectName(QStringLiteral("approveButton"));
    QPushButton* cancel = buttons->addButton(QDialogButtonBox::Cancel);
    layout->addWidget(buttons);
    connect(m_approve, &QPushButton::clicked, this, &RekeyApprovalDialog::approve);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    QWidget* previous = nullptr;
    for (QLineEdit* edit : m_rekey->edits()) {
        if (previous)
            setTabOrder(previous, edit);
        previous = edit;
    }
    if (previous)
        setTabOrder(previous, m_reason);
    setTabOrder(m_reason, m_approve);
}

RekeyApprovalDialog::~RekeyApprovalDialog()
{
    m_rekey->clearValues();
}

QString RekeyApprovalDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void RekeyApprovalDialog::approve()
{
    m_error->setVisible(false);
    const QString reason = m_reason->toPlainText().trimmed();
    const Status done = m_approveFn(reason, m_rekey->values());
    if (!done.ok()) {
        m_error->setText(done.error().message);
        m_error->setVisible(true);
        if (!done.error().field.isEmpty() && !m_rekey->showMismatch(done.error().field))
            m_reason->setFocus();
        return;
    }
    m_rekey->clearValues();
    accept();
}

} // namespace bv::ui
