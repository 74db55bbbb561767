#pragma once

#include "core/internal/InternalOnly.h"

// Internal to core: the text helpers the two files of Validators (Validators.cpp, PhoneValidators.cpp) share.

#include "core/common/Result.h"

#include <QString>
#include <QStringView>

namespace bv::validation {

// An InvalidInput error naming `field`.
Error fieldError(QLatin1StringView field, const QString& message);
// Full-width digits, letters and punctuation typed with a Chinese input method become ASCII.
QString folded(const QString& input);
bool isAsciiDigit(QChar c);
bool allAsciiDigits(QStringView s);
// The input with spaces and the given separator characters removed.
QString withoutSeparators(const QString& input, QStringView separators);

} // namespace bv::validation
