#include "ui/customers/RequestDialog.h"

#include "core/Core.h"
#include "core/policy/FieldCatalogue.h"
#include "core/policy/SettingsService.h"
#include "ui/common/FreeTextWarning.h"
#include "ui/customers/CustomerWidgetSupport.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace bv::ui {

using S = CustomerWidgetSupport;

namespace {
constexpr int kHardMaxHours = 72; // DESIGN §5: at most 3 days
constexpr int kDefaultHours = 24;
} // namespace

RequestDialog::RequestDialog(
    const WorkspaceContext& context, const QString& customerNo, const QStringList& fields, QWidget* parent)
    : QDialog(parent)
    , m_context(context)
    , m_number(customerNo)
{
    setObjectName(QStringLiteral("requestDialog"));
    setWindowTitle(tr("Request full view — customer %1").arg(customerNo));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Protected values are shown in full only with a branch manager's approval. Choose the "
                                "fields you need, say what for, and for how long. Every use is recorded."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* form = new QFormLayout;
    m_fields = new QListWidget(this);
    m_fields->setObjectName(QStringLiteral("fieldsListWidget"));
    m_fields->setAccessibleName(tr("Fields to see in full"));
    m_fields->setContextMenuPolicy(Qt::NoContextMenu);
    for (const QString& key : fields) {
        if (!FieldCatalogue::isGradeOne(key))
            continue;
        auto* item = new QListWidgetItem(FieldCatalogue::label(key), m_fields);
        item->setData(Qt::UserRole, key);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(Qt::Unchecked);
    }
    auto* fieldsLabel = new QLabel(tr("&Fields:"), this);
    fieldsLabel->setBuddy(m_fields);
    form->addRow(fieldsLabel, m_fields);
    layout->addLayout(form);
    finish(form, m_fields);
}

RequestDialog::RequestDialog(const WorkspaceContext& context, RequestType type, const QString& report,
    const QString& reportTitle, const QString& customerNo, QWidget* parent)
    : QDialog(parent)
    , m_context(context)
    , m_number(customerNo)
    , m_report(report)
{
    setObjectName(QStringLiteral("requestDialog"));
    setWindowTitle(tr("Request approval — %1").arg(reportTitle));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("This report holds protected customer data. Printing it, or saving it as PDF, needs a "
                                "branch manager's approval, and each approval is used up by one print. Say what "
                                "the printout is for and for how long the approval should wait to be used."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* form = new QFormLayout;
    auto* what
        = new QLabel(customerNo.isEmpty() ? reportTitle : tr("%1 — customer %2").arg(reportTitle, customerNo), this);
    what->setObjectName(QStringLiteral("reportLabel"));
    what->setTextFormat(Qt::PlainText);
    form->addRow(tr("Report:"), what);
    m_type = new QComboBox(this);
    m_type->setObjectName(QStringLiteral("typeComboBox"));
    m_type->setAccessibleName(tr("What the approval is for"));
    m_type->addItem(tr("Printing on paper"), int(RequestType::Print));
    m_type->addItem(tr("Saving as PDF"), int(RequestType::Export));
    m_type->setCurrentIndex(qMax(0, m_type->findData(int(type))));
    auto* typeLabel = new QLabel(tr("&For:"), this);
    typeLabel->setBuddy(m_type);
    form->addRow(typeLabel, m_type);
    layout->addLayout(form);
    finish(form, m_type);
}

void RequestDialog::finish(QFormLayout* form, QWidget* first)
{
    auto* layout = qobject_cast<QVBoxLayout*>(this->layout());
    m_purpose = new QPlainTextEdit(this);
    m_purpose->setObjectName(QStringLiteral("purposePlainTextEdit"));
    m_purpose->setAccessibleName(tr("Purpose"));
    m_purpose->setTabChangesFocus(true);
    m_purpose->setPlaceholderText(m_report.isEmpty()
            ? tr("Required: what the full values are needed for (for example: the customer asked "
                 "to confirm the mobile number on record).")
            : tr("Required: what the printout is for and who will receive it."));
    auto* purposeLabel = new QLabel(tr("&Purpose:"), this);
    purposeLabel->setBuddy(m_purpose);
    form->addRow(purposeLabel, m_purpose);

    const qint64 configured = m_context.core.settings().integer(QString::fromLatin1(settings::RequestMaxValidityHours));
    const int maxHours = configured >= 1 ? int(qMin<qint64>(configured, kHardMaxHours)) : kHardMaxHours;
    m_validity = new QSpinBox(this);
    m_validity->setObjectName(QStringLiteral("validitySpinBox"));
    m_validity->setAccessibleName(tr("Validity in hours"));
    m_validity->setRange(1, maxHours);
    m_validity->setValue(qMin(kDefaultHours, maxHours));
    m_validity->setSuffix(tr(" h"));
    auto* validityLabel = new QLabel(tr("&Valid for:"), this);
    validityLabel->setBuddy(m_validity);
    form->addRow(validityLabel, m_validity);

    m_message = S::messageLabel(this, QStringLiteral("messageLabel"));
    layout->addWidget(m_message);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_submit = buttons->addButton(tr("&Submit request"), QDialogButtonBox::AcceptRole);
    m_submit->setObjectName(QStringLiteral("submitButton"));
    m_submit->setDefault(true);
    // 现场授权: file it, then a branch manager decides it on this screen (the caller opens that dialog)
    m_submitHere = buttons->addButton(tr("Submit and authorise &here…"), QDialogButtonBox::ActionRole);
    m_submitHere->setObjectName(QStringLiteral("submitAndAuthoriseHereButton"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &RequestDialog::submit);
    connect(m_submitHere, &QPushButton::clicked, this, [this] {
        m_authoriseHere = true;
        if (!submit())
            m_authoriseHere = false;
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setTabOrder(first, m_purpose);
    setTabOrder(m_purpose, m_validity);
    setTabOrder(m_validity, m_submit);
    setTabOrder(m_submit, m_submitHere);
    first->setFocus();
}

void RequestDialog::setFieldChecked(const QString& fieldKey, bool checked)
{
    for (int i = 0; m_fields && i < m_fields->count(); ++i) {
        QListWidgetItem* item = m_fields->item(i);
        if (item->data(Qt::UserRole).toString() == fieldKey)
            item->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    }
}

QStringList RequestDialog::checkedFields() const
{
    QStringList keys;
    for (int i = 0; m_fields && i < m_fields->count(); ++i) {
        if (m_fields->item(i)->checkState() == Qt::Checked)
            keys << m_fields->item(i)->data(Qt::UserRole).toString();
    }
    return keys;
}

QString RequestDialog::message() const
{
    return m_message->text();
}

bool RequestDialog::submit()
{
    S::setMessage(m_message, QString());
    NewRequest input;
    if (m_report.isEmpty()) {
        input.type = RequestType::Reveal;
        input.customerNumbers = {m_number};
        input.fields = checkedFields();
    } else {
        input.type = RequestType(m_type->currentData().toInt());
        input.report = m_report;
        if (!m_number.isEmpty())
            input.customerNumbers = {m_number};
    }
    QString why;
    const auto purpose = FreeTextWarning::review(m_context.dialogs, this, m_purpose->toPlainText().trimmed(), &why);
    if (!purpose) {
        S::setMessage(m_message, why);
        m_purpose->setFocus();
        return false;
    }
    input.purpose = *purpose;
    input.validityHours = m_validity->value();
    auto filed = m_context.core.requests().create(m_context.session, input);
    if (!filed.ok()) {
        const Error& e = filed.error();
        if (e.code == ErrorCode::SessionLocked || e.code == ErrorCode::AuthenticationFailed) {
            emit lockRequested();
            reject();
            return false;
        }
        S::setMessage(m_message, e.message);
        if (e.field == QLatin1String("fields") && m_fields)
            m_fields->setFocus();
        else if (e.field == QLatin1String("purpose"))
            m_purpose->setFocus();
        else if (e.field == QLatin1String("validity_hours"))
            m_validity->setFocus();
        return false;
    }
    m_request = *filed;
    accept();
    return true;
}

} // namespace bv::ui
