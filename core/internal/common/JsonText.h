#pragma once

#include "core/internal/InternalOnly.h"

#include <QByteArray>
#include <QStringView>

namespace bv::jsontext {

// Compact JSON text written directly, for hot paths where building a QJsonObject for every row cost more than
// the work around it (the import's diffs, docs/PERFORMANCE.md). appendString() writes `text` as a JSON string,
// quotes included, byte for byte as QJsonDocument::toJson(Compact) writes the same string: '"', '\' and the
// control characters escaped (\b \f \n \r \t, the others as \u00XX), everything else as UTF-8, and an unpaired
// surrogate as \uXXXX. tst_jsontext compares the two over every character class.
void appendString(QByteArray& out, QStringView text);

} // namespace bv::jsontext
