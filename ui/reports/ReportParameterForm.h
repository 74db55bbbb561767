#pragma once

#include "core/reports/ReportService.h"

#include <QDate>
#include <QHash>
#include <QSet>
#include <QWidget>

class QFormLayout;

namespace bv::ui {

// The parameters of one report as a form, built from the catalogue's ReportParameterSpec list: a date
// edit for a date, a month picker for a month, a spin box for a number, a check box for yes/no and a line
// edit for text, a customer number or a staff login, a combo box for text with fixed choices. Object names are
// the key followed by the widget type ("fromDateEdit", "with_identitiesCheckBox", "customerLineEdit",
// "statusComboBox").
class ReportParameterForm : public QWidget
{
    Q_OBJECT
public:
    explicit ReportParameterForm(QWidget* parent = nullptr);

    // Rebuilds the form; `today` (branch time) fills dates and months without a default.
    void setParameters(const QList<ReportParameterSpec>& specs, const QDate& today);
    const QList<ReportParameterSpec>& parameters() const { return m_specs; }

    // Every parameter as ReportRequest::parameters wants it (dates yyyy-MM-dd, months yyyy-MM, "true"/"false").
    QHash<QString, QString> values() const;
    QString value(const QString& key) const;
    bool hasParameter(const QString& key) const;
    QWidget* editor(const QString& key) const { return m_editors.value(key); }
    // Sets one parameter as text (tests, and callers that preselect); false when there is no such key.
    bool setValue(const QString& key, const QString& value);

signals:
    void changed();

private:
    // `label` with a mnemonic letter not in `taken` (added to it).
    static QString mnemonicLabel(const QString& label, QSet<QChar>* taken);
    QFormLayout* m_layout = nullptr;
    QList<ReportParameterSpec> m_specs;
    QHash<QString, QWidget*> m_editors;
};

} // namespace bv::ui
