#pragma once

#include "core/common/Result.h"

#include <QString>

#include <memory>
#include <optional>

namespace bv {

class Database;
class FieldCipher;
struct VaultState;
class KeyMaterial;
struct FieldKeys;

// An open, unlocked BranchVault database: the SQLCipher connection, the database's identity, and the
// field cipher for grade-1 values. Created only by VaultService. Services above (auth, audit,
// customers, ...) work on a Vault.
//
// To the front ends a Vault is a handle: they hold it, pass it to Core and ask its path. What it holds (the
// connection, the key material, the ciphers) is core's plumbing, declared in core/internal/vault/VaultState.h;
// the accessors below return types a front end cannot use without core's internal headers.
class Vault
{
public:
    ~Vault();
    Vault(const Vault&) = delete;
    Vault& operator=(const Vault&) = delete;

    Database& database();
    const Database& database() const;
    QString path() const;
    QString envelopePath() const;
    QString databaseId() const;
    // The customer-information cipher: empty until a key holder signs in (AuthService installs the keys
    // unwrapped from that account's key slot, and wipes them when the last such session locks or ends).
    const FieldCipher& cipher() const;
    FieldCipher& cipher();
    // Seals staff secrets (second-factor seeds); its keys are wrapped by the database key material
    // (Keyring::Table::Staff): administrators and auditors sign in with a second factor without any
    // customer-information key.
    const FieldCipher& staffCipher() const;
    // The field keys of a database written by release 0.1 (keyring table, wrapped by the keychain's wrapping
    // key); nothing once a branch manager's sign-in has moved them into key slots.
    Result<std::optional<FieldKeys>> legacyKeys();
    const KeyMaterial& material() const;
    // Set when the database was opened for verification or repair although its key envelope is missing,
    // damaged or out of step (VaultService::OpenPurpose::Repair): what is wrong with it. Empty otherwise.
    QString envelopeProblem() const;

private:
    friend class VaultService;
    friend class KeyRotation;
    friend class BackupArchive;
    friend struct VaultState;
    Vault();

    std::unique_ptr<VaultState> m;
};

} // namespace bv
