#include "core/setup/DatabaseRestore.h"

#include "core/Core.h"
#include "core/auth/AuthService.h"
#include "core/internal/CoreInternal.h"
#include "core/internal/policy/AccessControl.h"
#include "core/vault/AdminService.h"
#include "core/vault/VaultService.h"

namespace bv {

Result<BackupArchive::Restored> DatabaseRestore::run(VaultService& vaults, const QString& databasePath,
    const QString& backupFile, const SignIn& signIn, const AskPassphrase& askPassphrase, const Replacing* replacing)
{
    if (replacing) {
        // allowed in the database being replaced? (a refusal is audited there)
        auto allowed = internalsOf(replacing->core).access().authorize(replacing->session, Operation::RestoreDatabase);
        if (!allowed.ok())
            return allowed.error();
        if (replacing->close)
            replacing->close();
    }
    // Runs on the restored copy before anything is swapped (BackupArchive::Acceptance).
    const BackupArchive::Acceptance accept = [&](Vault& restored) -> Status {
        Core core(restored, vaults, vaults.clock());
        auto session = signIn([&core](const QString& login, const SecureBytes& password, const QString& totpCode) {
            return core.auth().signIn(login, password, totpCode);
        });
        if (!session.ok())
            return session.error();
        Status accepted = core.admin().acceptRestore(*session, backupFile);
        (void)core.auth().signOut(*session); // the copy is about to become the database or to be discarded
        return accepted;
    };
    auto restored = vaults.restore(databasePath, backupFile, nullptr, accept);
    if (!restored.ok() && restored.error().code == ErrorCode::KeyMissing && askPassphrase) {
        // the backup's key is not in this account's keychain: its recovery passphrase opens it
        if (const std::optional<SecureBytes> passphrase = askPassphrase(restored.error()))
            restored = vaults.restore(databasePath, backupFile, &*passphrase, accept);
    }
    return restored;
}

} // namespace bv
