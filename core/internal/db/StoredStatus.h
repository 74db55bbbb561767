#pragma once

#include "core/internal/InternalOnly.h"

#include "core/common/Error.h"
#include "core/common/Result.h"
#include "core/policy/Statuses.h"

#include <QCoreApplication>
#include <QVariant>

namespace bv {

// A status as a repository reads it: an unknown key means a damaged or foreign database and is an error,
// never a default. (The schema's CHECK constraints make it unreachable for an intact file.)
template <typename S>
Result<S> storedStatus(const QVariant& value)
{
    const QString key = value.toString();
    if (const std::optional<S> status = statusFromKey<S>(key))
        return *status;
    return makeError(ErrorCode::Damaged,
        QCoreApplication::translate("StoredStatus",
            "The database holds a status this version does not know (\"%1\"). Run the database check "
            "(branchvault-cli verify) and tell the administrator.")
            .arg(key));
}

} // namespace bv
