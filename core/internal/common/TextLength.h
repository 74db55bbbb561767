#pragma once

#include "core/internal/InternalOnly.h"

#include <QStringView>

namespace bv {

// The length of user input in characters (Unicode code points), as DESIGN §4 counts every length: a
// character outside the Basic Multilingual Plane (CJK Extension B such as 𠀀 U+20000, emoji) is one
// character, not the two UTF-16 units QString::size() counts. Every length limit on what staff type uses it.
inline qsizetype charCount(QStringView text)
{
    qsizetype count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            ++i;
        ++count;
    }
    return count;
}

} // namespace bv
