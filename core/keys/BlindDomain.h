#pragma once

#include <QString>

namespace bv {

// Which normalisation a blind index uses. Values of the same domain are comparable across fields
// (a mobile number and an "other phone" share the phone domain, so the same number on two
// customers is found whichever field holds it).
enum class BlindDomain
{
    None,
    IdNumber,
    Phone,
    Account,
    Name,
    Email
};

QString blindDomainKey(BlindDomain domain); // "id", "phone", ... ("" for None)
BlindDomain blindDomainFromKey(const QString& key);

} // namespace bv
