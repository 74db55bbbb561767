// Dual control over staff accounts: a branch manager confirms (or declines) a waiting change — in their own
// session with a confirmation code, with the recovery passphrase, or in person on the administrator's screen.

#include "core/audit/AuditActions.h"
#include "core/auth/AccountService.h"
#include "core/auth/AuthService.h"
#include "core/auth/PasswordHasher.h"
#include "core/auth/PasswordRule.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/auth/AccountRepository.h"
#include "core/internal/auth/AuthInternal.h"
#include "core/internal/db/Database.h"
#include "core/internal/db/Transaction.h"
#include "core/internal/keys/KeySlots.h"
#include "core/internal/keys/RecoveryPassphrase.h"
#include "core/internal/policy/AccessControl.h"
#include "core/policy/FreeText.h"
#include "core/policy/SettingsService.h"

#include <QJsonObject>

namespace bv {

namespace {

Error nothingWaiting(const Account& account)
{
    return makeError(ErrorCode::Conflict,
        AccountService::tr("Account %1 has no change waiting for confirmation. List the accounts waiting for "
                           "confirmation to check the login.")
            .arg(account.login),
        QString(), QStringLiteral("login"));
}

// The account read before the confirming transaction opened is not the account inside it (another administrator
// or branch manager acted in between): nothing is written.
Error changedMeanwhile(const Account& account)
{
    return makeError(ErrorCode::Conflict,
        AccountService::tr("Account %1 was changed by someone else meanwhile, so nothing was confirmed or declined. "
                           "List the accounts waiting for confirmation again and decide on the change that waits now.")
            .arg(account.login));
}

} // namespace

Result<Account> AccountService::waitingTarget(const Actor& actor, const QString& login)
{
    auto account = accountByLogin(login);
    if (!account.ok())
        return account.error();
    if (account->id == actor.userId)
        return m_access.deny(actor, Operation::ConfirmAccounts, QStringLiteral("user"), QString::number(account->id),
            QString(),
            tr("Nobody confirms a change to their own account: another branch manager does (for the first or the "
               "last branch manager, the recovery passphrase)."));
    if (account->awaiting.isEmpty())
        return nothingWaiting(*account);
    return account;
}

Status AccountService::stillWaiting(const Account& decided)
{
    auto current = accountById(decided.id);
    if (!current.ok())
        return current.error();
    if (current->awaiting.isEmpty())
        return nothingWaiting(decided);
    if (current->awaiting != decided.awaiting || current->awaitingRole != decided.awaitingRole
        || current->frozen != decided.frozen)
        return changedMeanwhile(decided);
    return {};
}

Status AccountService::recoveryConfirms(const Account& account)
{
    auto other = AccountRepository(m_db).confirmingManagerOtherThan(account.id);
    if (!other.ok())
        return other.error();
    if (other->has_value())
        return makeError(ErrorCode::Conflict,
            tr("Branch manager %1 can confirm this account, so the recovery passphrase is not used for it: it is only "
               "for the first or the last branch manager.")
                .arg(**other));
    return {};
}

Result<bool> AccountService::writesSlot(const Account& account)
{
    auto slot = KeySlots::kindOf(m_db, account.id);
    if (!slot.ok())
        return slot.error();
    // a new, reset or custody account — and any account without a slot — gets a pending slot under a code
    const QString& change = account.awaiting;
    return change == QLatin1String("create") || change == QLatin1String("reset") || change == QLatin1String("custody")
        || !slot->has_value();
}

Result<AccountService::Confirmed> AccountService::applyConfirmation(const Actor& actor, const Account& account,
    const std::function<Result<FieldKeys>()>& keySource, bool withRecovery, const InPerson* inPerson)
{
    auto slotWritten = writesSlot(account);
    if (!slotWritten.ok())
        return slotWritten.error();
    const bool writesSlot = *slotWritten;
    // a frozen account gets no key slot except by its unfreeze: a former employee's account opens nothing
    if (writesSlot && account.frozen && account.awaiting != QLatin1String("unfreeze"))
        return m_access.deny(actor, Operation::ConfirmAccounts, QStringLiteral("user"), QString::number(account.id),
            QString(),
            tr("Account %1 is frozen: confirming this change would give it access to customer information again. "
               "Decline it; if the person is back, the administrator unfreezes the account first.")
                .arg(account.login));
    // the keys are read only to write a slot: a role change or an unfreeze of an account that keeps its slot
    // reads none (on an administrator's screen, on the spot, none are there)
    std::optional<FieldKeys> keys;
    if (writesSlot) {
        auto read = keySource();
        if (!read.ok())
            return read.error();
        keys = std::move(read).value();
    }
    const QString change = account.awaiting;
    Confirmed confirmed;
    confirmed.change = change;
    const QDateTime now = m_clock.nowUtc();
    if (writesSlot && !inPerson)
        confirmed.confirmationCode = PasswordHasher::oneTimePassword();
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    // what was decided above on the account as read before still holds inside the transaction that writes it: the
    // same change still waits, the account was not frozen or unfrozen, its slot is still due (or not), and with the
    // recovery passphrase still no other branch manager could confirm
    BV_TRY(stillWaiting(account));
    auto slotNow = this->writesSlot(account);
    if (!slotNow.ok())
        return slotNow.error();
    if (*slotNow != writesSlot)
        return changedMeanwhile(account);
    if (withRecovery)
        BV_TRY(recoveryConfirms(account));
    if (writesSlot && inPerson) {
        // the owner typed their own new password in front of the branch manager: their slot opens with it, and
        // the one-time password the administrator handed out no longer signs in. It was typed on the
        // administrator's keyboard, so it must be changed at the first sign-in, where the slot is wrapped again
        // under a password typed only by its owner.
        BV_TRY(KeySlots::write(m_db, account.id, KeySlots::Kind::Password, *keys, inPerson->password, m_auth.slotKdf(),
            actor.userId, now));
        BV_TRY(m_auth.storeNewPassword(account.id, inPerson->password, true));
    } else if (writesSlot) {
        BV_TRY(KeySlots::write(m_db, account.id, KeySlots::Kind::Pending, *keys,
            AuthService::normalizeCode(confirmed.confirmationCode), m_auth.slotKdf(), actor.userId, now));
        BV_TRY(AccountRepository(m_db).requirePasswordChange(account.id));
    }
    if (change == QLatin1String("unfreeze"))
        BV_TRY(AccountRepository(m_db).activate(account.id));
    if (change == QLatin1String("role") && account.awaitingRole)
        BV_TRY(AccountRepository(m_db).setRole(account.id, Roles::key(*account.awaitingRole)));
    BV_TRY(AccountRepository(m_db).clearAwaiting(account.id));
    QJsonObject details {{QStringLiteral("change"), change}, {QStringLiteral("keySlotWritten"), writesSlot},
        {QStringLiteral("withRecoveryPassphrase"), withRecovery}};
    if (account.awaitingRole)
        details.insert(QStringLiteral("role"), Roles::key(*account.awaitingRole));
    if (inPerson) {
        details.insert(QStringLiteral("inPerson"), true);
        details.insert(QStringLiteral("operator"), inPerson->operatorLogin);
    }
    BV_TRY(m_audit.append(actor, userEvent(audit::UserConfirm, account, details)));
    BV_TRY(tx.commit());
    m_auth.endSessionsOf(account.id);
    return confirmed;
}

Result<AccountService::Confirmed> AccountService::confirm(const Session& session, const QString& login)
{
    auto actor = m_access.authorize(session, Operation::ConfirmAccounts);
    if (!actor.ok())
        return actor.error();
    auto account = waitingTarget(*actor, login);
    if (!account.ok())
        return account.error();
    if (m_auth.isOnTheSpot(session)) {
        // 现场授权 happens on the administrator's screen: a confirmation code shown there (it unwraps the account's
        // pending key slot) would give the administrator the customer-information keys. Only changes that write no
        // slot (a role change of an account that keeps its slot) are confirmed on the spot; any can be declined.
        auto slotWritten = writesSlot(*account);
        if (!slotWritten.ok())
            return slotWritten.error();
        if (*slotWritten)
            return m_access.deny(*actor, Operation::ConfirmAccounts, QStringLiteral("user"),
                QString::number(account->id), QString(),
                tr("A new, reset or unfrozen account (or one waiting for its key slot) is not confirmed on the "
                   "spot: its confirmation code, which opens the account's access to customer information, would "
                   "appear on the administrator's screen. The branch manager confirms %1 in their own session and "
                   "hands the code to the person.")
                    .arg(account->login));
    }
    return applyConfirmation(
        *actor, *account, [&] { return m_auth.sessionKeys(session); }, false);
}

Result<AccountService::Confirmed> AccountService::confirmWithRecovery(
    const Session& session, const QString& login, const SecureBytes& passphrase)
{
    auto state = m_auth.resolve(session, false);
    if (!state.ok())
        return state.error();
    const Operation operation
        = state->actor.role == Role::Admin ? Operation::ManageAccounts : Operation::ConfirmAccounts;
    auto actor = m_access.authorize(session, operation);
    if (!actor.ok())
        return actor.error();
    auto account = waitingTarget(*actor, login);
    if (!account.ok())
        return account.error();
    const Role role = account->awaitingRole.value_or(account->role);
    if (role != Role::Manager)
        return makeError(ErrorCode::Conflict,
            tr("The recovery passphrase confirms only the first or the last branch manager. %1 is not a branch "
               "manager account: a branch manager confirms it.")
                .arg(account->login));
    // refused early, before the passphrase's slow derivation; checked again inside the confirming transaction
    BV_TRY(recoveryConfirms(*account));
    auto keys = m_auth.recoveryKeys(passphrase);
    if (!keys.ok())
        return keys.error();
    return applyConfirmation(
        *actor, *account, [&] { return keys->clone(); }, true);
}

Status AccountService::decline(const Session& session, const QString& login, const QString& reason)
{
    auto actor = m_access.authorize(session, Operation::ConfirmAccounts);
    if (!actor.ok())
        return actor.error();
    if (reason.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput,
            tr("Give the reason for declining: the administrator and the auditor read it."), QString(),
            QStringLiteral("reason"));
    auto account = waitingTarget(*actor, login);
    if (!account.ok())
        return account.error();
    const QString change = account->awaiting;
    const bool freezes
        = change == QLatin1String("create") || change == QLatin1String("reset") || change == QLatin1String("custody");
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    BV_TRY(stillWaiting(*account)); // the change declined is the one that still waits
    if (freezes) {
        BV_TRY(AccountRepository(m_db).freeze(account->id, m_clock.nowUtc()));
        BV_TRY(KeySlots::remove(m_db, account->id));
    }
    BV_TRY(AccountRepository(m_db).clearAwaiting(account->id));
    BV_TRY(m_audit.append(*actor,
        userEvent(audit::UserDecline, *account,
            QJsonObject {{QStringLiteral("change"), change},
                {QStringLiteral("reason"), FreeText::forAudit(reason.simplified()).left(200)},
                {QStringLiteral("frozen"), freezes}})));
    BV_TRY(tx.commit());
    m_auth.endSessionsOf(account->id);
    return {};
}

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
