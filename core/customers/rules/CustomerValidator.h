#pragma once

#include "core/common/Error.h"
#include "core/customers/CustomerRecord.h"

#include <QCoreApplication>
#include <QStringList>

namespace bv {

// The outcome of checking an entry: normalised values (ID upper-case and 18 digits, phones digits,
// derived birth date and sex), every error with the field it belongs to, and warnings.
struct ValidatedCustomer
{
    QHash<QString, QString> values;
    QList<AccountInput> accounts;
    std::optional<bool> restricted;
    QList<Error> errors;
    QStringList warnings; // e.g. "the family field looks like it holds a PIN"
    bool ok() const { return errors.isEmpty(); }
};

// Validation of a customer entry or edit (DESIGN §6) with a message per field. On an edit `current`
// holds the record's present values, so required fields and consistency (sex against the ID number)
// are checked on the record as it would be after the change.
class CustomerValidator
{
    Q_DECLARE_TR_FUNCTIONS(CustomerValidator)
public:
    static ValidatedCustomer validate(
        const CustomerInput& input, const QDate& today, const QHash<QString, QString>* current = nullptr);

    // Fixed choices (keys stored; labels translated for display).
    static QStringList incomeBands();
    static QStringList maritalStatuses();
    static QStringList riskRatings();
    static QStringList accountTypes();
    static QStringList accountStatuses();
    static bool isCardType(const QString& accountType);
    static QString ageBand(const QDate& birthDate, const QDate& today);
};

} // namespace bv
