#include "Vault.h"

#include "keys/KeyEnvelope.h"

namespace bv {

Vault::~Vault() = default;

QString Vault::envelopePath() const
{
    return KeyEnvelope::pathFor(path());
}

} // namespace bv
