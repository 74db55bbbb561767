#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>

class QLabel;
class QWidget;

namespace bv {
struct Complaint;
}

namespace bv::ui {

// The warning shown beside complaint due dates that fall in a year whose official holidays are not known
// (SettingsService::calendarYears): such a date was counted with Saturdays and Sundays only.
class CalendarWarning
{
    Q_DECLARE_TR_FUNCTIONS(CalendarWarning)
public:
    // Empty when every due date (UTC; counted in branch time) falls in a known year.
    static QString text(const QSet<int>& knownYears, const QList<Complaint>& complaints);
    // A hidden warning label (objectName "calendarWarningLabel") for a page's layout.
    static QLabel* createLabel(QWidget* parent);
    // Shows `label` with the warning for `complaints`, or hides it.
    static void show(QLabel* label, const QSet<int>& knownYears, const QList<Complaint>& complaints);
};

} // namespace bv::ui
