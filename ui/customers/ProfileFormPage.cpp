#include "ui/customers/ProfileFormPage.h"

#include "core/customers/rules/CustomerValidator.h"
#include "core/customers/rules/Validators.h"
#include "core/policy/FieldCatalogue.h"
#include "core/policy/ValueLabels.h"
#include "ui/customers/CustomerLabels.h"
#include "ui/customers/CustomerWidgetSupport.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QRegularExpressionValidator>

namespace bv::ui {

using S = CustomerWidgetSupport;

ProfileFormPage::ProfileFormPage(Today today, QWidget* parent)
    : CustomerFormPage(std::move(today), parent)
{
    setObjectName(QStringLiteral("profileFormPage"));
    auto* form = new QFormLayout(this);
    const QHash<QString, QStringList> choices {
        {QString::fromLatin1(fields::IncomeBand), CustomerValidator::incomeBands()},
        {QString::fromLatin1(fields::MaritalStatus), CustomerValidator::maritalStatuses()},
        {QString::fromLatin1(fields::RiskRating), CustomerValidator::riskRatings()},
    };
    for (const FieldSpec* spec : FieldCatalogue::ofGrade(2)) {
        const QString key = QString::fromLatin1(spec->key);
        if (choices.contains(key)) {
            auto* combo = new QComboBox(this);
            combo->setObjectName(S::camel(key) + QStringLiteral("ComboBox"));
            combo->addItem(tr("(not given)"), QString());
            for (const QString& choice : choices.value(key))
                combo->addItem(ValueLabels::value(key, choice), choice);
            addRow(form, key, combo);
            m_choices.insert(key, combo);
            continue;
        }
        auto* edit = new QLineEdit(this);
        edit->setObjectName(S::camel(key) + QStringLiteral("LineEdit"));
        edit->setMaxLength(500);
        if (spec->kind == FieldKind::Amount) {
            edit->setValidator(
                new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9,]{0,16}")), edit));
            edit->setPlaceholderText(tr("whole CNY, for example 250000"));
        }
        addRow(form, key, edit);
        m_texts.insert(key, edit);
        if (spec->kind == FieldKind::Text)
            connect(edit, &QLineEdit::editingFinished, this, [this, key, edit] { checkText(key, edit); });
    }
    load(nullptr);
}

QString ProfileFormPage::title() const
{
    return tr("Profile");
}

void ProfileFormPage::clear()
{
    load(nullptr);
}

void ProfileFormPage::load(const CustomerView* view)
{
    m_edit = view != nullptr;
    clearMessages();
    m_original = view ? view->gradeTwo : QHash<QString, QString>();
    for (auto it = m_texts.cbegin(); it != m_texts.cend(); ++it)
        it.value()->setText(m_original.value(it.key()));
    for (auto it = m_choices.cbegin(); it != m_choices.cend(); ++it) {
        const int index = it.value()->findData(m_original.value(it.key()));
        it.value()->setCurrentIndex(index >= 0 ? index : 0);
    }
}

QString ProfileFormPage::current(const QString& fieldKey) const
{
    if (const QLineEdit* edit = m_texts.value(fieldKey))
        return edit->text().trimmed();
    if (const QComboBox* combo = m_choices.value(fieldKey))
        return combo->currentData().toString();
    return QString();
}

void ProfileFormPage::collect(CustomerInput& input) const
{
    for (const QString& key : m_editors.keys()) {
        QString value = current(key);
        if (key == QLatin1String(fields::AssetsUnderManagement))
            value.remove(QLatin1Char(','));
        if (!m_edit) {
            if (!value.isEmpty())
                input.values.insert(key, value);
        } else if (value != m_original.value(key)) {
            input.values.insert(key, value); // empty clears the field
        }
    }
}

void ProfileFormPage::checkText(const QString& fieldKey, const QLineEdit* edit)
{
    setFieldMessage(fieldKey,
        Validators::looksLikeSecret(edit->text())
            ? tr("This looks like a PIN, CVV or password. BranchVault never stores customers' "
                 "authentication secrets: remove it.")
            : QString());
}

} // namespace bv::ui
