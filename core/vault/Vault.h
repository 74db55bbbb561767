#pragma once

#include "core/db/Database.h"
#include "core/keys/FieldCipher.h"
#include "core/keys/KeyMaterial.h"
#include "core/keys/KeySlots.h"

#include <memory>
#include <optional>

namespace bv {

// An open, unlocked BranchVault database: the SQLCipher connection, the database's identity, and the
// field cipher for grade-1 values. Created only by VaultService. Services above (auth, audit,
// customers, ...) work on a Vault.
class Vault
{
public:
    ~Vault();
    Vault(const Vault&) = delete;
    Vault& operator=(const Vault&) = delete;

    Database& database() { return *m_db; }
    const Database& database() const { return *m_db; }
    QString path() const { return m_db->path(); }
    QString envelopePath() const;
    QString databaseId() const { return m_databaseId; }
    // The customer-information cipher: empty until a key holder signs in (AuthService installs the keys
    // unwrapped from that account's key slot, and wipes them when the last such session locks or ends).
    const FieldCipher& cipher() const { return m_cipher; }
    FieldCipher& cipher() { return m_cipher; }
    // Seals staff secrets (second-factor seeds); its keys are wrapped by the database key material
    // (Keyring::Table::Staff): administrators and auditors sign in with a second factor without any
    // customer-information key.
    const FieldCipher& staffCipher() const { return m_staffCipher; }
    // The recovery passphrase's public key, salt and cost, from the key envelope beside the database.
    Result<KeySlots::Recipient> recoveryRecipient() const;
    // The field keys of a database written by release 0.1 (keyring table, wrapped by the keychain's wrapping
    // key); nothing once a branch manager's sign-in has moved them into key slots.
    Result<std::optional<FieldKeys>> legacyKeys();
    const KeyMaterial& material() const { return m_material; }
    // Set when the database was opened for verification or repair although its key envelope is missing,
    // damaged or out of step (VaultService::OpenPurpose::Repair): what is wrong with it. Empty otherwise.
    QString envelopeProblem() const { return m_envelopeProblem; }

private:
    friend class VaultService;
    friend class KeyRotation;
    friend class BackupArchive;
    Vault() = default;

    std::unique_ptr<Database> m_db;
    QString m_databaseId;
    KeyMaterial m_material;
    FieldCipher m_cipher;
    FieldCipher m_staffCipher;
    QString m_envelopeProblem;
};

} // namespace bv
