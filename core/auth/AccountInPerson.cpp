// A confirmation in person (现场授权 for a new, reset or unfrozen account): AccountService::confirmInPerson.

#include "AccountService.h"
#include "AuthService.h"
#include "PasswordHasher.h"
#include "audit/AuditActions.h"
#include "policy/AccessControl.h"
#include "policy/Policy.h"

namespace bv {

Result<AccountService::Confirmed> AccountService::confirmInPerson(const Session& operatorSession,
    const QString& checkerLogin, const SecureBytes& checkerPassword, const QString& checkerTotp, const QString& login,
    const SecureBytes& ownerPassword)
{
    auto operatorActor = m_access.authorize(operatorSession, Operation::ManageAccounts);
    if (!operatorActor.ok())
        return operatorActor.error();
    if (checkerLogin.trimmed().compare(operatorActor->login, Qt::CaseInsensitive) == 0)
        return m_access.deny(*operatorActor, Operation::ConfirmAccounts, QStringLiteral("user"), QString(), QString(),
            tr("You cannot confirm a change you made yourself: a branch manager (not you) confirms it here."));
    auto account = accountByLogin(login);
    if (!account.ok())
        return account.error();
    auto slot = writesSlot(*account);
    if (!slot.ok())
        return slot.error();
    if (account->awaiting.isEmpty() || !*slot)
        return makeError(ErrorCode::Conflict,
            tr("Account %1 has no new, reset or unfrozen access waiting for confirmation: confirm its change with "
               "\"Authorise here\" instead.")
                .arg(account->login),
            QString(), QStringLiteral("login"));
    // the owner's new password first: a refused one costs the branch manager no code
    const SecureBytes normalized = PasswordHasher::normalize(ownerPassword);
    if (normalized.isEmpty())
        return makeError(ErrorCode::InvalidInput,
            tr("%1 types their own new password (twice) while the branch manager watches.").arg(account->login),
            QString(), QStringLiteral("ownerPassword"));
    BV_TRY(m_auth.checkNewPassword(account->id, normalized));

    auto checker
        = m_auth.confirmKeyHolder(checkerLogin, checkerPassword, checkerTotp, QString::fromLatin1(audit::UserConfirm));
    if (!checker.ok())
        return checker.error();
    const Actor& manager = checker->actor;
    if (!Policy::allows(manager.role, Operation::ConfirmAccounts))
        return m_access.deny(manager, Operation::ConfirmAccounts, QStringLiteral("user"), QString::number(account->id),
            QString(),
            tr("%1 (%2) may not confirm staff accounts: a branch manager does.")
                .arg(manager.login, Roles::label(manager.role)));
    auto target = waitingTarget(manager, login); // refuses the manager's own account
    if (!target.ok())
        return target.error();
    const InPerson inPerson {normalized.clone(), operatorActor->login};
    return applyConfirmation(
        manager, *target, [&checker]() -> Result<FieldKeys> { return checker->keys.clone(); }, false, &inPerson);
}

} // namespace bv
