#include "ui/common/RekeyFieldsWidget.h"

#include "core/policy/FieldCatalogue.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace bv::ui {

RekeyFieldsWidget::RekeyFieldsWidget(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("rekeyFieldsWidget"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* intro = new QLabel(tr("Type these values from the customer's document. They are compared with the record "
                                "without showing it:"),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_form = new QFormLayout;
    layout->addLayout(m_form);
    setVisible(false);
}

void RekeyFieldsWidget::setFields(const QStringList& fields)
{
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    m_edits.clear();
    m_marks.clear();
    m_fields = fields;
    for (int i = 0; i < fields.size(); ++i) {
        const QString& field = fields.at(i);
        const int same = int(fields.mid(0, i).count(field));
        const int total = int(fields.count(field));
        const QString name
            = total > 1 ? tr("%1 %2").arg(FieldCatalogue::label(field)).arg(same + 1) : FieldCatalogue::label(field);
        // digits as mnemonics: unique in any window, and Latin in both languages
        auto* label = new QLabel(tr("%1 (&%2):").arg(name).arg(i + 1), this);
        auto* edit = new QLineEdit(this);
        edit->setObjectName(QStringLiteral("rekey%1LineEdit").arg(i));
        edit->setProperty("field", field);
        edit->setAccessibleName(name);
        edit->setMaxLength(64);
        label->setBuddy(edit);
        auto* mark = new QLabel(this);
        mark->setObjectName(QStringLiteral("rekey%1MismatchLabel").arg(i));
        mark->setStyleSheet(QStringLiteral("color: #b00020"));
        mark->setVisible(false);
        auto* row = new QHBoxLayout;
        row->addWidget(edit, 1);
        row->addWidget(mark);
        m_form->addRow(label, row);
        m_edits << edit;
        m_marks << mark;
        connect(edit, &QLineEdit::textEdited, mark, &QLabel::hide);
    }
    setVisible(!fields.isEmpty());
}

RekeyedValues RekeyFieldsWidget::values() const
{
    RekeyedValues out;
    for (int i = 0; i < m_edits.size(); ++i) {
        const QString text = m_edits.at(i)->text().trimmed();
        if (!text.isEmpty())
            out[m_fields.at(i)] << text;
    }
    return out;
}

bool RekeyFieldsWidget::showMismatch(const QString& fieldList)
{
    const QStringList wrong = fieldList.split(QLatin1Char(','), Qt::SkipEmptyParts);
    bool any = false;
    for (int i = 0; i < m_edits.size(); ++i) {
        const bool marked = wrong.contains(m_fields.at(i));
        m_marks.at(i)->setText(tr("does not match the record"));
        m_marks.at(i)->setVisible(marked);
        any = any || marked;
    }
    for (int i = 0; i < m_edits.size(); ++i) {
        if (wrong.contains(m_fields.at(i))) {
            m_edits.at(i)->setFocus();
            m_edits.at(i)->selectAll();
            break;
        }
    }
    return any;
}

void RekeyFieldsWidget::clearValues()
{
    for (QLineEdit* edit : std::as_const(m_edits))
        edit->clear();
    for (QLabel* mark : std::as_const(m_marks))
        mark->hide();
}

} // namespace bv::ui
