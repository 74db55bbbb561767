#include "ui/reports/ReportParameterForm.h"

#include "ui/common/Formats.h"
#include "ui/common/Mnemonics.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSet>
#include <QSpinBox>

namespace bv::ui {

namespace {

using Kind = ReportParameterSpec::Kind;

const QString kDateFormat = QLatin1String(Formats::kDate);
const QString kMonthFormat = QStringLiteral("yyyy-MM");

QDate parseDate(const QString& text, Kind kind)
{
    return kind == Kind::Month ? QDate::fromString(text + QStringLiteral("-01"), kDateFormat)
                               : QDate::fromString(text, kDateFormat);
}

} // namespace

ReportParameterForm::ReportParameterForm(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("reportParameterForm"));
    m_layout = new QFormLayout(this);
    m_layout->setContentsMargins(0, 0, 0, 0);
}

QString ReportParameterForm::mnemonicLabel(const QString& label, QSet<QChar>* taken)
{
    const QChar letter = Mnemonics::pick(label, taken);
    if (letter.isNull())
        return QString(label).replace(QLatin1Char('&'), QStringLiteral("&&"));
    return Mnemonics::withLetter(label, letter);
}

void ReportParameterForm::setParameters(const QList<ReportParameterSpec>& specs, const QDate& today)
{
    while (m_layout->rowCount() > 0)
        m_layout->removeRow(0); // deletes the widgets
    m_editors.clear();
    m_specs = specs;
    QWidget* previous = nullptr;
    // every label gets a Latin mnemonic not used by the page, its window or the labels before it
    QSet<QChar> taken = Mnemonics::usedAround(this);
    for (const ReportParameterSpec& spec : specs) {
        QWidget* editor = nullptr;
        switch (spec.kind) {
        case Kind::Date:
        case Kind::Month: {
            auto* edit = new QDateEdit(this);
            const bool month = spec.kind == Kind::Month;
            edit->setObjectName(spec.key + QStringLiteral("DateEdit"));
            edit->setDisplayFormat(month ? kMonthFormat : kDateFormat);
            edit->setCalendarPopup(!month);
            const QDate initial = parseDate(spec.defaultValue, spec.kind);
            edit->setDate(initial.isValid() ? initial : (month ? QDate(today.year(), today.month(), 1) : today));
            connect(edit, &QDateEdit::dateChanged, this, &ReportParameterForm::changed);
            editor = edit;
            break;
        }
        case Kind::Integer: {
            auto* spin = new QSpinBox(this);
            spin->setObjectName(spec.key + QStringLiteral("SpinBox"));
            spin->setRange(0, 1000000);
            spin->setValue(spec.defaultValue.toInt());
            connect(spin, &QSpinBox::valueChanged, this, &ReportParameterForm::changed);
            editor = spin;
            break;
        }
        case Kind::Boolean: {
            auto* check = new QCheckBox(mnemonicLabel(spec.label, &taken), this);
            check->setObjectName(spec.key + QStringLiteral("CheckBox"));
            check->setChecked(spec.defaultValue == QLatin1String("true"));
            connect(check, &QCheckBox::toggled, this, &ReportParameterForm::changed);
            editor = check;
            break;
        }
        case Kind::Text:
        case Kind::CustomerNumber:
        case Kind::Login: {
            if (!spec.choices.isEmpty()) {
                auto* combo = new QComboBox(this);
                combo->setObjectName(spec.key + QStringLiteral("ComboBox"));
                for (int i = 0; i < spec.choices.size(); ++i)
                    combo->addItem(spec.choiceLabels.value(i, spec.choices.at(i)), spec.choices.at(i));
                combo->setCurrentIndex(qMax(0, combo->findData(spec.defaultValue)));
                connect(combo, &QComboBox::currentIndexChanged, this, &ReportParameterForm::changed);
                editor = combo;
                break;
            }
            auto* line = new QLineEdit(this);
            line->setObjectName(spec.key + QStringLiteral("LineEdit"));
            line->setText(spec.defaultValue);
            line->setContextMenuPolicy(Qt::NoContextMenu);
            if (spec.kind == Kind::CustomerNumber)
                line->setPlaceholderText(tr("Customer number"));
            else if (spec.kind == Kind::Login)
                line->setPlaceholderText(tr("Staff login"));
            connect(line, &QLineEdit::textChanged, this, &ReportParameterForm::changed);
            editor = line;
            break;
        }
        }
        editor->setAccessibleName(spec.label);
        if (spec.kind == Kind::Boolean) {
            m_layout->addRow(editor);
        } else {
            const QString text = mnemonicLabel(spec.label, &taken);
            auto* label = new QLabel(spec.required ? tr("%1 (required):").arg(text) : tr("%1:").arg(text), this);
            label->setBuddy(editor);
            m_layout->addRow(label, editor);
        }
        if (previous)
            setTabOrder(previous, editor);
        previous = editor;
        m_editors.insert(spec.key, editor);
    }
    emit changed();
}

bool ReportParameterForm::hasParameter(const QString& key) const
{
    return m_editors.contains(key);
}

QString ReportParameterForm::value(const QString& key) const
{
    QWidget* editor = m_editors.value(key);
    if (auto* date = qobject_cast<QDateEdit*>(editor))
        return date->date().toString(date->displayFormat() == kMonthFormat ? kMonthFormat : kDateFormat);
    if (auto* spin = qobject_cast<QSpinBox*>(editor))
        return QString::number(spin->value());
    if (auto* check = qobject_cast<QCheckBox*>(editor))
        return check->isChecked() ? QStringLiteral("true") : QStringLiteral("false");
    if (auto* line = qobject_cast<QLineEdit*>(editor))
        return line->text().trimmed();
    if (auto* combo = qobject_cast<QComboBox*>(editor))
        return combo->currentData().toString();
    return QString();
}

QHash<QString, QString> ReportParameterForm::values() const
{
    QHash<QString, QString> all;
    for (const ReportParameterSpec& spec : m_specs)
        all.insert(spec.key, value(spec.key));
    return all;
}

bool ReportParameterForm::setValue(const QString& key, const QString& text)
{
    QWidget* editor = m_editors.value(key);
    for (const ReportParameterSpec& spec : std::as_const(m_specs)) {
        if (spec.key != key)
            continue;
        if (auto* date = qobject_cast<QDateEdit*>(editor)) {
            const QDate parsed = parseDate(text, spec.kind);
            if (!parsed.isValid())
                return false;
            date->setDate(parsed);
        } else if (auto* spin = qobject_cast<QSpinBox*>(editor)) {
            spin->setValue(text.toInt());
        } else if (auto* check = qobject_cast<QCheckBox*>(editor)) {
            check->setChecked(text == QLatin1String("true"));
        } else if (auto* line = qobject_cast<QLineEdit*>(editor)) {
            line->setText(text);
        } else if (auto* combo = qobject_cast<QComboBox*>(editor)) {
            const int index = combo->findData(text);
            if (index < 0)
                return false;
            combo->setCurrentIndex(index);
        }
        return true;
    }
    return false;
}

} // namespace bv::ui
