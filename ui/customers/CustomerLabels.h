#pragma once

#include "core/requests/RequestService.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace bv::ui {

// Display texts for the keys the core stores (tier, status, age band, channel, …) and for times in
// branch time. Shared by every customer widget so that one key reads the same everywhere; the key itself
// is shown when it is unknown.
class CustomerLabels
{
    Q_DECLARE_TR_FUNCTIONS(CustomerLabels)
public:
    static QString none(); // "—" for an empty value
    static QString tier(const QString& key);
    static QString status(const QString& key);
    static QString ageBand(const QString& key);
    static QString sex(const QString& key);
    static QString yesNo(bool value);
    static QString idType(const QString& key);
    static QString channel(const QString& key);
    static QString complaintStatus(const QString& key);
    static QString consentPurpose(const QString& key);
    static QString consentAction(const QString& key);
    static QString accountType(const QString& key);
    static QString accountStatus(const QString& key);
    static QString incomeBand(const QString& key);
    static QString maritalStatus(const QString& key);
    static QString changeKind(const QString& key);
    static QString requestType(RequestType type);
    // A field's value for display: the label of a choice (sex, income band, …), the amount with digit
    // grouping, or the text itself. For grade 2 and grade 3 values (grade 1 values come masked).
    static QString value(const QString& fieldKey, const QString& value);
    // A value of a pending change as the core gives it: grade-1 values exactly as they come (masked), the ID
    // type (a choice) by its label, the others as value(); none() for an empty one. `fieldKey` may carry a
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
