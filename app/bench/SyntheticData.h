#pragma once

#include <QByteArray>
#include <QDate>
#include <QString>

namespace bv::bench {

// Deterministic synthetic customers: valid GB 11643 ID numbers, mobiles, 1–3 Luhn-valid cards.
class SyntheticData
{
public:
    static QString idNumber(qint64 seed);
    static QString mobile(qint64 seed);
    static QString card(qint64 seed, int index);
    static QString name(qint64 seed);
    static int cardCount(qint64 seed) { return 1 + int(seed % 3); }
    // One CSV row of the import template (see docs/IMPORT.md) for customer `seed`, account `index`.
    static QByteArray csvRow(qint64 seed, const QString& managerLogin);
    static QByteArray csvHeader();
};

} // namespace bv::bench
