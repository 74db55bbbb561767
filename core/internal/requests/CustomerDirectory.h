#pragma once

#include "core/internal/InternalOnly.h"

#include "core/common/Result.h"
#include "core/policy/Statuses.h"

#include <QString>

namespace bv {

// What the core's other services need to know about a customer without reading the record:
// its number, its manager, whether it is restricted, its status. Implemented by CustomerServiceInternals.
struct CustomerRef
{
    qint64 id = 0;
    QString number; // customer number (grade 3)
    qint64 managerId = 0; // the customer manager responsible now (custody included)
    bool restricted = false;
    CustomerStatus status = CustomerStatus::Pending;
};

class CustomerDirectory
{
public:
    virtual ~CustomerDirectory() = default;
    virtual Result<CustomerRef> customerByNumber(const QString& number) const = 0;
    virtual Result<CustomerRef> customerById(qint64 id) const = 0;
};

} // namespace bv
