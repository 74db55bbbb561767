#include "ui/customers/IdentityFormPage.h"

#include "core/customers/rules/IdNumber.h"
#include "core/customers/rules/Validators.h"
#include "core/policy/FieldCatalogue.h"
#include "core/policy/ValueLabels.h"
#include "ui/customers/CustomerLabels.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpressionValidator>

namespace bv::ui {

namespace {
QString key(const char* field)
{
    return QString::fromLatin1(field);
}
} // namespace

IdentityFormPage::IdentityFormPage(Today today, QWidget* parent)
    : CustomerFormPage(std::move(today), parent)
{
    setObjectName(QStringLiteral("identityFormPage"));
    auto* form = new QFormLayout(this);
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("nameLineEdit"));
    m_name->setMaxLength(50);
    addRow(form, key(fields::Name), m_name);

    m_idType = new QComboBox(this);
    m_idType->setObjectName(QStringLiteral("idTypeComboBox"));
    m_idType->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_idType->setMinimumContentsLength(16);
    for (IdType type : allIdTypes())
        m_idType->addItem(IdNumber::typeName(type), idTypeKey(type));
    addRow(form, key(fields::IdType), m_idType);

    m_idNumber = new QLineEdit(this);
    m_idNumber->setObjectName(QStringLiteral("idNumberLineEdit"));
    m_idNumber->setMaxLength(40);
    m_idNumber->setInputMethodHints(Qt::ImhNoPredictiveText | Qt::ImhPreferUppercase);
    addRow(form, key(fields::IdNumber), m_idNumber);

    m_birthDate = new QLineEdit(this);
    m_birthDate->setObjectName(QStringLiteral("birthDateLineEdit"));
    m_birthDate->setPlaceholderText(tr("YYYY-MM-DD (filled from a mainland ID number)"));
    m_birthDate->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[0-9]{0,4}-?[0-9]{0,2}-?[0-9]{0,2}")), m_birthDate));
    addRow(form, key(fields::BirthDate), m_birthDate);

    m_sex = new QComboBox(this);
    m_sex->setObjectName(QStringLiteral("sexComboBox"));
    m_sex->addItem(tr("(from the ID number)"), QString());
    m_sex->addItem(ValueLabels::sex(QStringLiteral("M")), QStringLiteral("M"));
    m_sex->addItem(ValueLabels::sex(QStringLiteral("F")), QStringLiteral("F"));
    addRow(form, key(fields::Sex), m_sex);

    m_nationality = new QLineEdit(this);
    m_nationality->setObjectName(QStringLiteral("nationalityLineEdit"));
    m_nationality->setMaxLength(40);
    m_nationality->setPlaceholderText(tr("CHN"));
    addRow(form, key(fields::Nationality), m_nationality);

    m_restricted = new QCheckBox(tr("Visible only to its manager and the branch manager"), this);
    m_restricted->setObjectName(QStringLiteral("restrictedCheckBox"));
    addRow(form, key(fields::Restricted), m_restricted);

    m_manager = new QComboBox(this);
    m_manager->setObjectName(QStringLiteral("managerComboBox"));
    addRow(form, key(fields::Manager), m_manager);
    m_managerRow = m_manager->parentWidget();
    form->setRowVisible(m_managerRow, false);

    connect(m_idNumber, &QLineEdit::textEdited, this, &IdentityFormPage::idNumberEdited);
    connect(m_idNumber, &QLineEdit::editingFinished, this, [this] {
        if (!m_idNumber->text().trimmed().isEmpty())
            checkIdNumber();
    });
    connect(m_sex, &QComboBox::currentIndexChanged, this, [this] {
        m_filledSex.clear(); // chosen by the user now
        setFieldMessage(key(fields::Sex), QString());
        if (IdNumber::normalize(m_idNumber->text()).size() >= 15)
            checkIdNumber();
    });
    connect(m_idType, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_idNumber->text().trimmed().isEmpty())
            checkIdNumber();
    });
    connect(m_birthDate, &QLineEdit::editingFinished, this, &IdentityFormPage::checkBirthDate);
    connect(m_birthDate, &QLineEdit::textEdited, this, [this] { m_filledBirth.clear(); });
    connect(m_name, &QLineEdit::editingFinished, this, &IdentityFormPage::checkName);
    load(nullptr);
}

QString IdentityFormPage::title() const
{
    return tr("Identity");
}

void IdentityFormPage::setManagerChoices(const QList<std::pair<qint64, QString>>& managers)
{
    m_manager->clear();
    m_manager->addItem(tr("(choose)"), 0);
    for (const auto& [id, name] : managers)
        m_manager->addItem(name, id);
    if (auto* form = qobject_cast<QFormLayout*>(layout()))
        form->setRowVisible(m_managerRow, !managers.isEmpty());
}

void IdentityFormPage::clear()
{
    load(nullptr);
}

void IdentityFormPage::load(const CustomerView* view)
{
    m_edit = view != nullptr;
    clearMessages();
    m_filledBirth.clear();
    m_filledSex.clear();
    m_name->clear();
    m_idNumber->clear();
    m_birthDate->clear();
    if (!view) {
        m_name->setPlaceholderText(QString());
        m_idNumber->setPlaceholderText(QString());
        m_birthDate->setPlaceholderText(tr("YYYY-MM-DD (filled from a mainland ID number)"));
        m_idType->setCurrentIndex(m_idType->findData(idTypeKey(IdType::MainlandId)));
        m_sex->setCurrentIndex(0);
        m_nationality->setText(QStringLiteral("CHN"));
        m_restricted->setChecked(false);
        m_originalIdType.clear();
        m_originalSex.clear();
        m_originalNationality.clear();
        m_originalRestricted = false;
        if (m_manager->count() > 0)
            m_manager->setCurrentIndex(0);
        return;
    }
    // grade 1: empty editors, the masked value as placeholder — typing a value replaces it
    m_name->setPlaceholderText(view->gradeOne.value(key(fields::Name)));
    m_idNumber->setPlaceholderText(view->gradeOne.value(key(fields::IdNumber)));
    m_birthDate->setPlaceholderText(view->gradeOne.value(key(fields::BirthDate)));
    m_originalIdType = view->gradeOne.value(key(fields::IdType)); // the type itself identifies nobody
    const int type = m_idType->findData(m_originalIdType);
    m_idType->setCurrentIndex(type >= 0 ? type : 0);
    m_originalSex = view->sex;
    const int sex = m_sex->findData(view->sex);
    m_sex->setCurrentIndex(sex >= 0 ? sex : 0);
    m_originalNationality = view->nationality;
    m_nationality->setText(view->nationality);
    m_originalRestricted = view->restricted;
    m_restricted->setChecked(view->restricted);
}

void IdentityFormPage::collect(CustomerInput& input) const
{
    auto typed = [&](const char* field, const QLineEdit* edit) {
        const QString text = edit->text().trimmed();
        if (!text.isEmpty())
            input.values.insert(key(field), text);
    };
    typed(fields::Name, m_name);
    typed(fields::IdNumber, m_idNumber);
    typed(fields::BirthDate, m_birthDate);
    const QString idType = m_idType->currentData().toString();
    const QString sex = m_sex->currentData().toString();
    const QString nationality = m_nationality->text().trimmed();
    if (!m_edit) {
        input.values.insert(key(fields::IdType), idType);
        if (!sex.isEmpty())
            input.values.insert(key(fields::Sex), sex);
        if (!nationality.isEmpty())
            input.values.insert(key(fields::Nationality), nationality);
        if (m_restricted->isChecked())
            input.restricted = true;
        if (m_manager->count() > 0 && m_manager->currentData().toLongLong() > 0)
            input.managerId = m_manager->currentData().toLongLong();
        return;
    }
    if (idType != m_originalIdType)
        input.values.insert(key(fields::IdType), idType);
    if (!sex.isEmpty() && sex != m_originalSex)
        input.values.insert(key(fields::Sex), sex);
    if (nationality != m_originalNationality)
        input.values.insert(key(fields::Nationality), nationality);
    if (m_restricted->isChecked() != m_originalRestricted)
        input.restricted = m_restricted->isChecked();
}

void IdentityFormPage::idNumberEdited(const QString& text)
{
    const QString number = IdNumber::normalize(text);
    // still typing: say nothing until the number is complete
    if (number.size() < 18) {
        setFieldMessage(key(fields::IdNumber), QString());
        return;
    }
    checkIdNumber();
}

bool IdentityFormPage::checkIdNumber()
{
    const QString idKey = key(fields::IdNumber);
    const QString sexKey = key(fields::Sex);
    setFieldMessage(idKey, QString());
    setFieldMessage(sexKey, QString());
    const QString number = IdNumber::normalize(m_idNumber->text());
    if (number.isEmpty())
        return false;
    auto type = idTypeFromKey(m_idType->currentData().toString());
    if (!type.ok()) {
        setFieldMessage(key(fields::IdType), type.error().message);
        return false;
    }
    const QString declared = m_sex->currentData().toString();
    // a sex filled in from an earlier number is not the user's declaration
    const bool sexFromId = !m_filledSex.isEmpty() && declared == m_filledSex;
    const QChar declaredSex = declared.isEmpty() || sexFromId ? QChar() : declared.at(0);
    auto checked = IdNumber::validate(*type, number, today(), declaredSex);
    if (!checked.ok()) {
        const Error& e = checked.error();
        setFieldMessage(e.field == sexKey ? sexKey : idKey, e.message);
        return false;
    }
    // fill what the number carries, where it is still empty
    const QString birth = m_birthDate->text().trimmed();
    if ((birth.isEmpty() || birth == m_filledBirth) && checked->birthDate.isValid()) {
        m_filledBirth = checked->birthDate.toString(Qt::ISODate);
        m_birthDate->setText(m_filledBirth);
    }
    if (declaredSex.isNull() && !checked->sex.isNull()) {
        const QSignalBlocker block(m_sex);
        m_sex->setCurrentIndex(m_sex->findData(QString(checked->sex)));
        m_filledSex = QString(checked->sex);
    }
    if (checked->upgradedFrom15)
        setFieldMessage(idKey, tr("The 15-digit number will be stored in its 18-digit form."));
    checkBirthDate();
    return true;
}

bool IdentityFormPage::checkBirthDate()
{
    const QString birthKey = key(fields::BirthDate);
    setFieldMessage(birthKey, QString());
    const QString text = m_birthDate->text().trimmed();
    if (text.isEmpty())
        return true;
    const QDate date = QDate::fromString(text, Qt::ISODate);
    if (!date.isValid()) {
        setFieldMessage(birthKey, tr("Write the birth date as YYYY-MM-DD, for example 1985-06-15."));
        return false;
    }
    QDate fromId;
    auto type = idTypeFromKey(m_idType->currentData().toString());
    const QString number = IdNumber::normalize(m_idNumber->text());
    if (type.ok() && *type == IdType::MainlandId && IdNumber::mod11_2Valid(number))
        fromId = IdNumber::birthDate(number);
    auto checked = Validators::birthDate(date, today(), fromId);
    if (!checked.ok()) {
        setFieldMessage(birthKey, checked.error().message);
        return false;
    }
    return true;
}

bool IdentityFormPage::checkName()
{
    const QString nameKey = key(fields::Name);
    setFieldMessage(nameKey, QString());
    if (m_name->text().trimmed().isEmpty())
        return !m_edit ? false : true;
    auto checked = Validators::name(m_name->text());
    if (!checked.ok()) {
        setFieldMessage(nameKey, checked.error().message);
        return false;
    }
    return true;
}

} // namespace bv::ui
