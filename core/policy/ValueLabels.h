#pragma once

#include <QCoreApplication>
#include <QString>

namespace bv {

// Display texts for the value keys the core stores in a customer record (tier, age band, sex, channel, ID type,
// account type, ...): the one mapping, used by the GUI's customer views and by the reports. The key itself is
// shown when it is unknown, "—" when it is empty. Statuses have their own mapping (Statuses.h).
class ValueLabels
{
    Q_DECLARE_TR_FUNCTIONS(ValueLabels)
public:
    static QString none(); // "—"
    static QString tier(const QString& key);
    static QString ageBand(const QString& key);
    static QString sex(const QString& key);
    static QString yesNo(bool value);
    static QString idType(const QString& key);
    static QString channel(const QString& key);
    static QString consentPurpose(const QString& key);
    static QString consentAction(const QString& key);
    static QString accountType(const QString& key);
    static QString incomeBand(const QString& key);
    static QString maritalStatus(const QString& key);
    // A grade-2 or grade-3 field's value for display: the label of a choice (sex, income band, status, ...),
    // an amount with the locale's digit grouping, or the text itself.
    static QString value(const QString& fieldKey, const QString& value);
};

} // namespace bv
