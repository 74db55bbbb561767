#include "ui/common/CalendarWarning.h"

#include "core/customers/care/CustomerCare.h"
#include "core/customers/rules/WorkingCalendar.h"

#include <QLabel>
#include <QStringList>

#include <algorithm>

namespace bv::ui {

QString CalendarWarning::text(const QSet<int>& knownYears, const QList<Complaint>& complaints)
{
    QSet<int> unknown;
    const QTimeZone zone = WorkingCalendar::branchTimeZone();
    auto check = [&](const QDateTime& due, const QDateTime& done) {
        // a step already done has no date left to meet
        if (due.isValid() && !done.isValid() && !knownYears.contains(due.toTimeZone(zone).date().year()))
            unknown.insert(due.toTimeZone(zone).date().year());
    };
    for (const Complaint& c : complaints) {
        check(c.investigateBy, c.investigatedAt);
        check(c.answerBy, c.answeredAt);
    }
    if (unknown.isEmpty())
        return {};
    QList<int> years(unknown.cbegin(), unknown.cend());
    std::sort(years.begin(), years.end());
    QStringList names;
    for (int year : std::as_const(years))
        names << QString::number(year);
    return tr("Due dates in %1 were counted without that year's official holidays (Saturdays and Sundays only). "
              "Check them against the State Council's holiday arrangement, and ask the system administrator to "
              "import the year's holiday calendar.")
        .arg(names.join(QStringLiteral(", ")));
}

QLabel* CalendarWarning::createLabel(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(QStringLiteral("calendarWarningLabel"));
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #8a5300;"));
    label->hide();
    return label;
}

void CalendarWarning::show(QLabel* label, const QSet<int>& knownYears, const QList<Complaint>& complaints)
{
    const QString warning = text(knownYears, complaints);
    label->setText(warning);
    label->setVisible(!warning.isEmpty());
}

} // namespace bv::ui
