#include "ui/customers/ContactFormPage.h"

#include "core/customers/rules/Validators.h"
#include "core/policy/FieldCatalogue.h"

#include <QFormLayout>
#include <QLineEdit>

namespace bv::ui {

namespace {

QString key(const char* field)
{
    return QString::fromLatin1(field);
}

QLineEdit* lineEdit(QWidget* parent, const QString& objectName, int maxLength)
{
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setMaxLength(maxLength);
    return edit;
}

} // namespace

ContactFormPage::ContactFormPage(Today today, QWidget* parent)
    : CustomerFormPage(std::move(today), parent)
{
    setObjectName(QStringLiteral("contactFormPage"));
    auto* form = new QFormLayout(this);
    m_mobile = lineEdit(this, QStringLiteral("mobileLineEdit"), 30);
    m_mobile->setInputMethodHints(Qt::ImhDialableCharactersOnly);
    addRow(form, key(fields::Mobile), m_mobile);
    m_otherPhone = lineEdit(this, QStringLiteral("otherPhoneLineEdit"), 40);
    m_otherPhone->setInputMethodHints(Qt::ImhDialableCharactersOnly);
    addRow(form, key(fields::OtherPhone), m_otherPhone);
    m_email = lineEdit(this, QStringLiteral("emailLineEdit"), 254);
    m_email->setInputMethodHints(Qt::ImhEmailCharactersOnly);
    addRow(form, key(fields::Email), m_email);
    m_address = lineEdit(this, QStringLiteral("addressLineEdit"), 200);
    addRow(form, key(fields::Address), m_address);
    connect(m_mobile, &QLineEdit::editingFinished, this, &ContactFormPage::checkMobile);
    connect(m_otherPhone, &QLineEdit::editingFinished, this, &ContactFormPage::checkOtherPhone);
    connect(m_email, &QLineEdit::editingFinished, this, &ContactFormPage::checkEmail);
    connect(m_address, &QLineEdit::editingFinished, this, &ContactFormPage::checkAddress);
    load(nullptr);
}

QString ContactFormPage::title() const
{
    return tr("Contact");
}

void ContactFormPage::clear()
{
    load(nullptr);
}

void ContactFormPage::load(const CustomerView* view)
{
    m_edit = view != nullptr;
    clearMessages();
    const struct
    {
        QLineEdit* edit;
        const char* field;
    } rows[] = {{m_mobile, fields::Mobile}, {m_otherPhone, fields::OtherPhone}, {m_email, fields::Email},
        {m_address, fields::Address}};
    for (const auto& row : rows) {
        row.edit->clear();
        // edit: the masked value as placeholder; typing a value replaces it
        row.edit->setPlaceholderText(view ? view->gradeOne.value(key(row.field)) : QString());
    }
    if (!view)
        m_mobile->setPlaceholderText(tr("11 digits, for example 138 0013 8000 (a mobile or an address is required)"));
}

void ContactFormPage::collect(CustomerInput& input) const
{
    const struct
    {
        const QLineEdit* edit;
        const char* field;
    } rows[] = {{m_mobile, fields::Mobile}, {m_otherPhone, fields::OtherPhone}, {m_email, fields::Email},
        {m_address, fields::Address}};
    for (const auto& row : rows) {
        const QString text = row.edit->text().trimmed();
        if (!text.isEmpty())
            input.values.insert(key(row.field), text);
    }
}

namespace {

template <typename Check>
bool checkField(CustomerFormPage* page, const QString& field, const QLineEdit* edit, Check check)
{
    page->setFieldMessage(field, QString());
    if (edit->text().trimmed().isEmpty())
        return true;
    auto result = check(edit->text());
    if (!result.ok()) {
        page->setFieldMessage(field, result.error().message);
        return false;
    }
    return true;
}

} // namespace

bool ContactFormPage::checkMobile()
{
    return checkField(this, key(fields::Mobile), m_mobile, &Validators::mobile);
}

bool ContactFormPage::checkOtherPhone()
{
    return checkField(this, key(fields::OtherPhone), m_otherPhone, &Validators::otherPhone);
}

bool ContactFormPage::checkEmail()
{
    return checkField(this, key(fields::Email), m_email, &Validators::email);
}

bool ContactFormPage::checkAddress()
{
    return checkField(this, key(fields::Address), m_address, &Validators::address);
}

} // namespace bv::ui
