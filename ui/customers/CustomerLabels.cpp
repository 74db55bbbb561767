#include "ui/customers/CustomerLabels.h"
#include "ui/common/Formats.h"

#include "core/customers/rules/WorkingCalendar.h"
#include "core/policy/FieldCatalogue.h"
#include "core/policy/ValueLabels.h"

#include <QLocale>

namespace bv::ui {

QString CustomerLabels::none()
{
    return ValueLabels::none();
}

QString CustomerLabels::changeKind(const QString& key)
{
    if (key == QLatin1String("create"))
        return tr("new record");
    if (key == QLatin1String("edit"))
        return tr("edit");
    return key;
}

QString CustomerLabels::changed(const QString& fieldKey, const QString& value)
{
    const QString field = fieldKey.section(QLatin1Char(':'), 0, 0);
    if (value.isEmpty())
        return none();
    if (field != QLatin1String(fields::IdType) && FieldCatalogue::isGradeOne(field))
        return value; // masked by the core
    return ValueLabels::value(field, value);
}

QString CustomerLabels::fieldList(const QStringList& keys)
{
    QStringList labels;
    for (const QString& key : keys) {
        const QString label = FieldCatalogue::label(key.section(QLatin1Char(':'), 0, 0));
        if (!labels.contains(label))
            labels << label;
    }
    return labels.join(tr(", "));
}

QDateTime CustomerLabels::toBranchTime(const QDateTime& utc)
{
    return Formats::toBranchTime(utc);
}

QString CustomerLabels::dateTime(const QDateTime& utc)
{
    if (!utc.isValid())
        return none();
    return Formats::dateTime(utc);
}

QString CustomerLabels::time(const QDateTime& utc)
{
    if (!utc.isValid())
        return none();
    return Formats::timeSeconds(utc);
}

QString CustomerLabels::date(const QDate& date)
{
    return date.isValid() ? Formats::date(date) : none();
}

QString CustomerLabels::remaining(qint64 seconds)
{
    seconds = qMax<qint64>(0, seconds);
    const qint64 days = seconds / 86400;
    const QString clock = QStringLiteral("%1:%2:%3")
                              .arg((seconds % 86400) / 3600)
                              .arg((seconds % 3600) / 60, 2, 10, QLatin1Char('0'))
                              .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return days > 0 ? tr("%n d %1", nullptr, int(days)).arg(clock) : clock;
}

} // namespace bv::ui
