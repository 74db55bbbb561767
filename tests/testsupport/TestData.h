#pragma once

#include "core/customers/CustomerRecord.h"

#include <QByteArray>
#include <QDate>
#include <QString>

namespace bv::test {

// Synthetic but valid personal data for tests and the benchmark: ID numbers with a correct
// GB 11643 check character, mobiles, Luhn-valid card numbers. Deterministic for a given seed.
QString mainlandId(int seed, const QDate& birth = QDate(1985, 6, 15), bool male = true);
QString mobile(int seed);
QString cardNumber(int seed, const QString& bin = QStringLiteral("622202"));
QString chineseName(int seed);

// A complete, valid entry for a new customer.
CustomerInput customerInput(int seed);
// The same entry as the JSON document `branchvault-cli customer add` reads on stdin.
QByteArray customerDocument(const CustomerInput& input);

} // namespace bv::test
