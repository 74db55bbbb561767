#pragma once

#include "core/policy/Statuses.h"
#include "core/policy/ValueLabels.h"
#include "core/requests/RequestService.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace bv::ui {

// Display texts the customer widgets share beyond the core's own mappings (values: ValueLabels; statuses:
// Statuses.h): the kind of a change, the values of a pending change, field lists, and times in branch time.
class CustomerLabels
{
    Q_DECLARE_TR_FUNCTIONS(CustomerLabels)
public:
    static QString none(); // "—" for an empty value
    static QString changeKind(const QString& key);
    // A value of a pending change as the core gives it: grade-1 values exactly as they come (masked), the ID
    // type (a choice) by its label, the others as ValueLabels::value(); none() for an empty one. `fieldKey` may carry a
    // suffix ("account_number:<id>").
    static QString changed(const QString& fieldKey, const QString& value);
    // The labels of field keys ("mobile" → "Mobile"), "account_number:<id>" read as the account number.
    static QString fieldList(const QStringList& keys);

    // Times are shown in branch time (UTC+08:00), as the calendar of complaint deadlines counts them.
    static QString dateTime(const QDateTime& utc);
    static QString time(const QDateTime& utc);
    static QString date(const QDate& date);
    static QDateTime toBranchTime(const QDateTime& utc);
    // "1:05:09", "2 d 03:00:00"; never negative.
    static QString remaining(qint64 seconds);
};

} // namespace bv::ui
