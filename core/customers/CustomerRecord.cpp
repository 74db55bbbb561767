#include "core/customers/CustomerRecord.h"

#include "core/common/SecureBytes.h"

namespace bv {

void wipe(CustomerInput& input)
{
    for (auto it = input.values.begin(); it != input.values.end(); ++it)
        wipe(it.value());
    for (AccountInput& account : input.accounts)
        wipe(account.number);
}

} // namespace bv
