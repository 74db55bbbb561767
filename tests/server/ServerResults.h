#pragma once

// What a core call over the branch server returned, for the server tests' checks and messages: why it failed
// ("[code] message (the server's detail)", empty when it did not), its error code and the field it names.
// Messages and details name fields and numbers of rows, never grade-1 values.

#include "core/common/Error.h"

#include <QString>

namespace bv::test {

template <typename R>
QString why(const R& result)
{
    return result.ok() ? QString()
                       : QStringLiteral("[%1] %2 (%3)")
                             .arg(errorCodeName(result.error().code), result.error().message, result.error().detail);
}

template <typename R>
ErrorCode codeOf(const R& result)
{
    return result.ok() ? ErrorCode::None : result.error().code;
}

template <typename R>
QString fieldOf(const R& result)
{
    return result.ok() ? QString() : result.error().field;
}

} // namespace bv::test
