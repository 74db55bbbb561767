// A confirmation in person (现场授权 for a new, reset or unfrozen account): AccountService::confirmInPerson.

#include "AccountService.h"
#include "AuthService.h"
#include "PasswordHasher.h"
#include "PasswordRule.h"
#include "audit/AuditActions.h"
#include "policy/AccessControl.h"

namespace bv {

Result<bool> AccountService::confirmsInPerson(const Session& session, const QString& login)
{
    auto actor = m_access.authorize(session, Operation::ManageAccounts);
    if (!actor.ok())
        return actor.error();
    auto account = accountByLogin(login);
    if (!account.ok())
        return account.error();
    if (account->awaiting.isEmpty())
        return false;
    return writesSlot(*account);
}

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
    // the owner's new password against the rule first: a refused one costs the branch manager no code. Its
    // history (the account's earlier hashes) is compared only once a branch manager has authenticated.
    const SecureBytes normalized = PasswordHasher::normalize(ownerPassword);
    if (normalized.isEmpty())
        return makeError(ErrorCode::InvalidInput,
            tr("%1 types their own new password (twice) while the branch manager watches.").arg(account->login),
            QString(), QStringLiteral("ownerPassword"));
    BV_TRY(PasswordRule::current(m_settings).check(normalized));

    // the checker's role is checked before their key slot is opened (and the refusal audited)
    auto checker = m_auth.confirmKeyHolder(checkerLogin, checkerPassword, checkerTotp,
        QString::fromLatin1(audit::UserConfirm), Operation::ConfirmAccounts);
    if (!checker.ok())
        return checker.error();
    const Actor& manager = checker->actor;
    BV_TRY(m_auth.checkNewPassword(account->id, normalized));
    auto target = waitingTarget(manager, login); // refuses the manager's own account
    if (!target.ok())
        return target.error();
    const InPerson inPerson {normalized.clone(), operatorActor->login};
    return applyConfirmation(
        manager, *target, [&checker]() -> Result<FieldKeys> { return checker->keys.clone(); }, false, &inPerson);
}

} // namespace bv
