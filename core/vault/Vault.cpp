#include "core/vault/Vault.h"

#include "core/internal/keys/KeyEnvelope.h"
#include "core/internal/keys/Keyring.h"
#include "core/internal/vault/VaultState.h"

namespace bv {

Vault::Vault()
    : m(std::make_unique<VaultState>())
{
}

Vault::~Vault() = default;

Database& Vault::database()
{
    return *m->db;
}

const Database& Vault::database() const
{
    return *m->db;
}

QString Vault::path() const
{
    return m->db->path();
}

QString Vault::databaseId() const
{
    return m->databaseId;
}

const FieldCipher& Vault::cipher() const
{
    return m->cipher;
}

FieldCipher& Vault::cipher()
{
    return m->cipher;
}

const FieldCipher& Vault::staffCipher() const
{
    return m->staffCipher;
}

const KeyMaterial& Vault::material() const
{
    return m->material;
}

QString Vault::envelopeProblem() const
{
    return m->envelopeProblem;
}

QString Vault::envelopePath() const
{
    return KeyEnvelope::pathFor(path());
}

Result<KeySlots::Recipient> recoveryRecipientOf(const Vault& vault)
{
    auto envelope = KeyEnvelope::load(vault.envelopePath());
    if (!envelope.ok())
        return envelope.error();
    return KeySlots::recipientOf(*envelope);
}

Result<std::optional<FieldKeys>> Vault::legacyKeys()
{
    auto empty = Keyring::isEmpty(*m->db, Keyring::Table::Legacy);
    if (!empty.ok())
        return empty.error();
    if (*empty)
        return std::optional<FieldKeys>();
    auto keys = Keyring::load(*m->db, Keyring::Table::Legacy, m->material);
    if (!keys.ok())
        return keys.error();
    return std::optional<FieldKeys>(std::move(keys).value());
}

} // namespace bv
