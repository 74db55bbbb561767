#include "ui/server/RevealRequestDialog.h"

#include "core/policy/FieldCatalogue.h"
#include "core/server/ServerCustomers.h"
#include "ui/customers/CustomerWidgetSupport.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace bv::ui {

RevealRequestDialog::RevealRequestDialog(
    const ServerContext& context, const QString& customerNo, const QStringList& fields, QWidget* parent)
    : QDialog(parent)
    , m_context(context)
    , m_number(customerNo)
{
    setWindowTitle(tr("Request full view of customer %1").arg(customerNo));
    setObjectName(QStringLiteral("revealRequestDialog"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_fields = new QListWidget(this);
    m_fields->setObjectName(QStringLiteral("fieldsListWidget"));
    m_fields->setAccessibleName(tr("Fields to see in full"));
    for (const QString& key : fields) {
        auto* item = new QListWidgetItem(FieldCatalogue::label(key), m_fields);
        item->setData(Qt::UserRole, key);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    auto* fieldsLabel = new QLabel(tr("&Fields:"), this);
    fieldsLabel->setBuddy(m_fields);
    form->addRow(fieldsLabel, m_fields);
    m_purpose = new QPlainTextEdit(this);
    m_purpose->setObjectName(QStringLiteral("purposePlainTextEdit"));
    m_purpose->setTabChangesFocus(true);
    m_purpose->setAccessibleName(tr("Purpose"));
    auto* purposeLabel = new QLabel(tr("&Purpose:"), this);
    purposeLabel->setBuddy(m_purpose);
    form->addRow(purposeLabel, m_purpose);
    m_validity = new QSpinBox(this);
    m_validity->setObjectName(QStringLiteral("validitySpinBox"));
    m_validity->setRange(1, 72);
    m_validity->setValue(24);
    m_validity->setSuffix(tr(" h"));
    auto* validityLabel = new QLabel(tr("&Valid for:"), this);
    validityLabel->setBuddy(m_validity);
    form->addRow(validityLabel, m_validity);
    layout->addLayout(form);
    m_message = CustomerWidgetSupport::messageLabel(this, QStringLiteral("messageLabel"));
    layout->addWidget(m_message);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_submit = buttons->addButton(tr("&Submit request"), QDialogButtonBox::AcceptRole);
    m_submit->setObjectName(QStringLiteral("submitButton"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &RevealRequestDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void RevealRequestDialog::setFieldChecked(const QString& fieldKey, bool checked)
{
    for (int i = 0; i < m_fields->count(); ++i)
        if (m_fields->item(i)->data(Qt::UserRole).toString() == fieldKey)
            m_fields->item(i)->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
}

QStringList RevealRequestDialog::checkedFields() const
{
    QStringList keys;
    for (int i = 0; i < m_fields->count(); ++i)
        if (m_fields->item(i)->checkState() == Qt::Checked)
            keys << m_fields->item(i)->data(Qt::UserRole).toString();
    return keys;
}

QString RevealRequestDialog::message() const
{
    return m_message->text();
}

bool RevealRequestDialog::submit()
{
    if (checkedFields().isEmpty()) {
        CustomerWidgetSupport::setMessage(m_message, tr("Choose at least one field to see in full."));
        m_fields->setFocus();
        return false;
    }
    auto id = ServerCustomers(m_context.session)
                  .requestReveal(m_number, checkedFields(), m_purpose->toPlainText().trimmed(), m_validity->value());
    if (!id.ok()) {
        CustomerWidgetSupport::setMessage(m_message, id.error().message);
        return false;
    }
    m_id = *id;
    accept();
    return true;
}

} // namespace bv::ui
