#pragma once

#include "db/Database.h"
#include "keys/FieldCipher.h"
#include "keys/KeyMaterial.h"

#include <memory>

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
    const FieldCipher& cipher() const { return m_cipher; }
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
    QString m_envelopeProblem;
};

} // namespace bv
