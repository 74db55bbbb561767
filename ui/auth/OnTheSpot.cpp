#include "ui/auth/OnTheSpot.h"

#include "core/Core.h"
#include "core/auth/AccountService.h"
#include "core/customers/CustomerService.h"
#include "core/customers/lifecycle/CustomerEntry.h"
#include "core/policy/FieldCatalogue.h"
#include "core/requests/RequestService.h"
#include "ui/auth/AuthoriseHereDialog.h"
#include "ui/common/Dialogs.h"
#include "ui/customers/CustomerLabels.h"
#include "ui/manager/AccountConfirmationsPage.h"

namespace bv::ui {

namespace {

std::optional<bool> run(const WorkspaceContext& context, AuthoriseHereDialog& dialog)
{
    if (context.dialogs.exec(&dialog) != QDialog::Accepted)
        return std::nullopt;
    return dialog.approved();
}

} // namespace

std::optional<bool> OnTheSpot::decideChange(
    const WorkspaceContext& context, QWidget* parent, const PendingChange& change)
{
    CustomerEntry& entry = context.core.customers().entry();
    const qint64 id = change.id;
    AuthoriseHereDialog dialog(
        context.core, context.session, Operation::ApproveChanges,
        [&entry, id](const Session& checker, bool approve, const QString& reason, const RekeyedValues& values) {
            return approve ? entry.approve(checker, id, reason, values) : entry.reject(checker, id, reason);
        },
        parent);
    QStringList lines;
    for (const FieldDiff& d : change.diff) {
        const QString field = d.field.section(QLatin1Char(':'), 0, 0);
        lines << tr("%1: %2 → %3")
                     .arg(FieldCatalogue::label(field), CustomerLabels::changed(field, d.oldMasked),
                         CustomerLabels::changed(field, d.newMasked));
    }
    dialog.setSubject(tr("Change %1 of customer %2 (%3), made by %4")
                          .arg(change.id)
                          .arg(change.customerNumber, CustomerLabels::changeKind(change.kind), change.makerLogin),
        lines);
    dialog.setRekeyFields(change.rekeyFields);
    return run(context, dialog);
}

std::optional<bool> OnTheSpot::decideRequest(const WorkspaceContext& context, QWidget* parent, const Request& request)
{
    RequestService& requests = context.core.requests();
    const qint64 id = request.id;
    AuthoriseHereDialog dialog(
        context.core, context.session, Operation::DecideRequest,
        [&requests, id](const Session& checker, bool approve, const QString& reason, const RekeyedValues&) {
            return approve ? requests.approve(checker, id, reason) : requests.reject(checker, id, reason);
        },
        parent);
    QStringList lines;
    if (!request.customerNumbers.isEmpty())
        lines << tr("Customers: %1").arg(request.customerNumbers.join(QStringLiteral(", ")));
    if (!request.fields.isEmpty())
        lines << tr("Fields: %1").arg(CustomerLabels::fieldList(request.fields));
    if (!request.report.isEmpty())
        lines << tr("Report: %1").arg(request.report);
    lines << tr("Purpose: %1").arg(request.purpose);
    lines << tr("Validity: %n hours", nullptr, request.validityHours);
    dialog.setSubject(
        tr("Request %1 (%2) by %3").arg(request.id).arg(requestTypeLabel(request.type), request.requesterLogin), lines);
    return run(context, dialog);
}

std::optional<bool> OnTheSpot::decideAccount(const WorkspaceContext& context, QWidget* parent, const Account& account)
{
    AccountService& accounts = context.core.accounts();
    const QString login = account.login;
    AuthoriseHereDialog dialog(
        context.core, context.session, Operation::ConfirmAccounts,
        [&accounts, login](
            const Session& checker, bool approve, const QString& reason, const RekeyedValues&) -> Status {
            if (!approve)
                return accounts.decline(checker, login, reason);
            auto confirmed = accounts.confirm(checker, login);
            if (!confirmed.ok())
                return confirmed.error();
            return {};
        },
        parent);
    dialog.setButtonTexts(tr("C&onfirm"), tr("&Decline"));
    dialog.setReasonRequiredToApprove(false);
    QStringList lines {tr("Change: %1").arg(AccountConfirmationsPage::changeLabel(account.awaiting)),
        tr("Role: %1").arg(Roles::label(account.awaitingRole.value_or(account.role)))};
    dialog.setSubject(tr("Account %1 (%2)").arg(account.login, account.displayName), lines);
    // A new, reset or unfrozen account: its confirmation code would open its key slot on this screen, so it is
    // confirmed in person instead — the owner types their own new password here and no code is made.
    auto inPerson = accounts.confirmsInPerson(context.session, login);
    if (!inPerson.ok()) {
        context.dialogs.showError(parent, inPerson.error());
        return std::nullopt;
    }
    if (*inPerson) {
        const Session operatorSession = context.session;
        dialog.setInPerson(login,
            [&accounts, operatorSession, login](const QString& checker, const SecureBytes& password,
                const QString& code, const SecureBytes& ownerPassword) -> Status {
                auto confirmed
                    = accounts.confirmInPerson(operatorSession, checker, password, code, login, ownerPassword);
                if (!confirmed.ok())
                    return confirmed.error();
                return {};
            });
    }
    return run(context, dialog);
}

} // namespace bv::ui
