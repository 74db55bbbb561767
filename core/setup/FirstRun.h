#pragma once

#include "core/auth/Session.h"
#include "core/common/Result.h"
#include "core/common/SecureBytes.h"

#include <QCoreApplication>

#include <functional>
#include <memory>
#include <optional>

namespace bv {

class Core;
class Vault;
class VaultService;

// First run (DESIGN §2, §3): a new encrypted database, its creation recorded in its audit log, the branch
// settings and the first system administrator. The one implementation behind the set-up wizard and
// `branchvault-cli init`; every write is checked and the first failure is returned.
class FirstRun
{
    Q_DECLARE_TR_FUNCTIONS(FirstRun)
public:
    struct Request
    {
        QString databasePath;
        std::optional<QString> branchCode; // given: checked and stored; not given: the default stays
        QString branchName; // empty: not stored
        QString login;
        QString displayName; // empty: "System administrator"
        QString staffNo; // empty: the login
        // Chosen now (the front end has had it typed twice): the administrator is signed in with it at the
        // end. Empty: a one-time password is issued, to be changed at the first sign-in.
        SecureBytes password;
    };

    struct Done
    {
        Session session; // a password was chosen: the administrator, signed in
        SecureBytes oneTimePassword; // none was chosen: the administrator's one-time password
    };

    // Receives the new database and its recovery passphrase (grouped form, to be shown once) as soon as
    // they exist, even when a later step fails, and returns the core services the front end uses over it.
    using Adopt = std::function<Core&(std::unique_ptr<Vault> vault, SecureBytes recoveryPassphrase)>;

    // What can be checked before anything is created: the login, the branch code and the chosen password
    // against the rule of a new database (PasswordRule::defaults). Creates nothing.
    [[nodiscard]] static Status check(const Request& request);

    // check(), then the database (VaultService::init, which refuses an existing file), then through the
    // adopted core: the db.create audit row, the branch settings, the first administrator and, when a
    // password was chosen, the administrator's sign-in and password change. The steps after the database
    // exists are not undone when one fails: the error says which step, and the database stays (a second
    // run refuses the existing file).
    [[nodiscard]] static Result<Done> run(VaultService& vaults, const Request& request, const Adopt& adopt);
};

} // namespace bv
