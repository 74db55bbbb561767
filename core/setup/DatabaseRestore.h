#pragma once

#include "core/auth/Session.h"
#include "core/common/Result.h"
#include "core/common/SecureBytes.h"
#include "core/vault/BackupArchive.h"

#include <QCoreApplication>

#include <functional>
#include <optional>

namespace bv {

class Core;
class VaultService;

// Restoring a backup over the branch database (DESIGN §2, §10): the one implementation behind the GUI's
// Restore and `branchvault-cli restore`.
//
// Who may restore is decided in core, twice over:
//  - in the database being replaced, when it is open with someone signed in (the GUI): that session needs
//    Operation::RestoreDatabase there (a refusal is audited there) before the database is closed;
//  - in the backup, always: an administrator of the backed-up database signs in to the restored copy before
//    anything is swapped, needs Operation::RestoreDatabase there, and the restore is recorded in the
//    backup's own audit log (AdminService::acceptRestore). A refusal or a cancelled sign-in changes nothing.
// The command line restores without opening the database it replaces, so that a damaged database can be
// replaced; there only the second check applies.
class DatabaseRestore
{
    Q_DECLARE_TR_FUNCTIONS(DatabaseRestore)
public:
    // Signs in to the restored copy (the backup's accounts).
    using Authenticate
        = std::function<Result<Session>(const QString& login, const SecureBytes& password, const QString& totpCode)>;
    // The front end asks an administrator of the backup for the sign-in (a dialog, or standard input) and
    // signs in through `authenticate`; an error (e.g. cancelled) stops the restore with nothing changed.
    using SignIn = std::function<Result<Session>(const Authenticate& authenticate)>;
    // Asked only when the backup's key is not in this account's keychain (`why` says so): the recovery
    // passphrase of the backed-up database as typed, or nothing to give up.
    using AskPassphrase = std::function<std::optional<SecureBytes>(const Error& why)>;

    // The database being replaced, open in this process with a signed-in session.
    struct Replacing
    {
        Core& core;
        Session session;
        // Closes that database (and releases its lock) once the session may restore.
        std::function<void()> close;
    };

    // Restores `backupFile` over `databasePath`. With `replacing`, its session's permission is checked first
    // and the database is closed through it; on a refusal nothing is closed. The previous database is kept
    // beside the restored one (Restored::previousSavedAs).
    [[nodiscard]] static Result<BackupArchive::Restored> run(VaultService& vaults, const QString& databasePath,
        const QString& backupFile, const SignIn& signIn, const AskPassphrase& askPassphrase,
        const Replacing* replacing = nullptr);
};

} // namespace bv
