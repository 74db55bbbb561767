#pragma once

#include "core/audit/AuditRecords.h"
#include "core/audit/AuditService.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLineEdit;

namespace bv::ui {

// The audit log filter as a form: period (each end optional), person (a chooser of the staff accounts and
// the system), action (translated choices grouped as in AuditWording: a whole group or one action),
// customer number, outcome. Used by the log page and the export page.
class AuditFilterForm : public QWidget
{
    Q_OBJECT
public:
    // `namePrefix` keeps object names unique when two forms exist in one workspace ("log", "export").
    explicit AuditFilterForm(const QString& namePrefix, QWidget* parent = nullptr);

    AuditFilter filter() const;
    // Empties every field; the period boxes show `now` minus a day and `now` (unticked).
    void clear(const QDateTime& now);
    // The accounts the person filter offers (AuditService::people); keeps the chosen person if still there.
    void setPeople(const QList<AuditPerson>& people);
    // Chooses the person with this login / the choice that filters exactly these actions (false: none).
    bool selectPerson(const QString& login);
    bool selectActions(const QStringList& actions);

    // Period boxes show branch time (WorkingCalendar::branchTimeZone(), as every time in the UI).
    static void setBranchTime(QDateTimeEdit* edit, const QDateTime& utc);
    static QDateTime branchTimeOf(const QDateTimeEdit* edit); // in UTC

    QComboBox* personCombo() const { return m_person; }
    QComboBox* actionCombo() const { return m_action; }
    QLineEdit* customerNumberEdit() const { return m_customerNo; }
    QComboBox* outcomeCombo() const { return m_outcome; }
    QCheckBox* sinceCheck() const { return m_sinceCheck; }
    QDateTimeEdit* sinceEdit() const { return m_since; }
    QCheckBox* untilCheck() const { return m_untilCheck; }
    QDateTimeEdit* untilEdit() const { return m_until; }

signals:
    // Return pressed in the customer number.
    void submitted();

private:
    QCheckBox* m_sinceCheck = nullptr;
    QDateTimeEdit* m_since = nullptr;
    QCheckBox* m_untilCheck = nullptr;
    QDateTimeEdit* m_until = nullptr;
    QComboBox* m_person = nullptr;
    QComboBox* m_action = nullptr;
    QLineEdit* m_customerNo = nullptr;
    QComboBox* m_outcome = nullptr;
};

} // namespace bv::ui
