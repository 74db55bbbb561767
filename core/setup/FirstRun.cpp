#include "core/setup/FirstRun.h"

#include "core/Core.h"
#include "core/audit/AuditActions.h"
#include "core/auth/AccountService.h"
#include "core/auth/AuthService.h"
#include "core/auth/PasswordHasher.h"
#include "core/auth/PasswordRule.h"
#include "core/internal/CoreInternal.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/policy/SettingsWriter.h"
#include "core/policy/SettingsService.h"
#include "core/vault/Vault.h"
#include "core/vault/VaultService.h"

namespace bv {

Status FirstRun::check(const Request& request)
{
    BV_TRY(AccountService::validateLogin(request.login));
    if (request.branchCode) {
        auto code = SettingsService::validate(QString::fromLatin1(settings::BranchCode), *request.branchCode);
        if (!code.ok())
            return code.error();
    }
    if (!request.password.isEmpty())
        BV_TRY(PasswordRule::defaults().check(PasswordHasher::normalize(request.password)));
    return {};
}

Result<FirstRun::Done> FirstRun::run(VaultService& vaults, const Request& request, const Adopt& adopt)
{
    BV_TRY(check(request));
    auto created = vaults.init(request.databasePath);
    if (!created.ok())
        return created.error();
    const QString databaseId = created->vault->databaseId();
    Core& core = adopt(std::move(created->vault), std::move(created->recoveryPassphrase));

    BV_TRY(internalsOf(core).auditLog().appendStandalone(Actor::system(),
        AuditEvent {QString::fromLatin1(audit::DatabaseCreate), QStringLiteral("database"), databaseId, QString(),
            AuditOutcome::Ok, {}}));
    SettingsService& branchSettings = core.settings();
    if (request.branchCode)
        BV_TRY(SettingsWriter::setAs(
            branchSettings, Actor::system(), QString::fromLatin1(settings::BranchCode), *request.branchCode));
    if (!request.branchName.isEmpty())
        BV_TRY(SettingsWriter::setAs(
            branchSettings, Actor::system(), QString::fromLatin1(settings::BranchName), request.branchName));

    const QString name = request.displayName.isEmpty() ? tr("System administrator") : request.displayName;
    auto oneTime = core.accounts().createFirstAdministrator(
        NewAccount {request.login, name, Role::Admin, request.staffNo, QString()});
    if (!oneTime.ok())
        return oneTime.error();
    Done done;
    if (request.password.isEmpty()) {
        done.oneTimePassword = std::move(oneTime).value();
        return done;
    }
    auto session = core.auth().signIn(request.login, *oneTime);
    if (!session.ok())
        return session.error();
    BV_TRY(core.auth().changePassword(*session, *oneTime, request.password));
    done.session = *session;
    return done;
}

} // namespace bv
