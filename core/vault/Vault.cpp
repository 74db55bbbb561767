#include "core/vault/Vault.h"

#include "core/internal/keys/Keyring.h"
#include "core/keys/KeyEnvelope.h"

namespace bv {

Vault::~Vault() = default;

QString Vault::envelopePath() const
{
    return KeyEnvelope::pathFor(path());
}

Result<KeySlots::Recipient> Vault::recoveryRecipient() const
{
    auto envelope = KeyEnvelope::load(envelopePath());
    if (!envelope.ok())
        return envelope.error();
    return KeySlots::recipientOf(*envelope);
}

Result<std::optional<FieldKeys>> Vault::legacyKeys()
{
    auto empty = Keyring::isEmpty(*m_db, Keyring::Table::Legacy);
    if (!empty.ok())
        return empty.error();
    if (*empty)
        return std::optional<FieldKeys>();
    auto keys = Keyring::load(*m_db, Keyring::Table::Legacy, m_material);
    if (!keys.ok())
        return keys.error();
    return std::optional<FieldKeys>(std::move(keys).value());
}

} // namespace bv
