#pragma once

#include "core/internal/InternalOnly.h"

#include "core/internal/db/Database.h"
#include "core/internal/keys/FieldCipher.h"
#include "core/internal/keys/KeyMaterial.h"
#include "core/internal/keys/KeySlots.h"
#include "core/vault/Vault.h"

#include <memory>

namespace bv {

// What an open Vault holds (core/vault/Vault.h): filled in by VaultService when it opens or creates the
// database, changed by KeyRotation (new key material) and read by core's services through Vault's accessors.
struct VaultState
{
    std::unique_ptr<Database> db;
    QString databaseId;
    KeyMaterial material;
    FieldCipher cipher;
    FieldCipher staffCipher;
    QString envelopeProblem;

    static VaultState& of(Vault& vault) { return *vault.m; }
};

// The recovery passphrase's public key, salt and cost, from the key envelope beside the database.
Result<KeySlots::Recipient> recoveryRecipientOf(const Vault& vault);

} // namespace bv
