#pragma once

#include "ui/common/WorkspaceContext.h"

#include <QCoreApplication>

#include <optional>

class QWidget;

namespace bv {
struct Account;
struct PendingChange;
struct Request;
} // namespace bv

namespace bv::ui {

// "Authorise here" (现场授权) for each decision that needs a second person: builds the AuthoriseHereDialog with
// what is decided (as the operator sees it: masked, with the maker's purpose), runs it through the context's
// Dialogs (tests script it) and returns true (approved), false (rejected) or nullopt (cancelled).
class OnTheSpot
{
    Q_DECLARE_TR_FUNCTIONS(OnTheSpot)
public:
    // A customer manager's pending new record or edit (CustomerEntry approve / reject), with the blind re-key.
    static std::optional<bool> decideChange(
        const WorkspaceContext& context, QWidget* parent, const PendingChange& change);
    // A special request (RequestService approve / reject).
    static std::optional<bool> decideRequest(const WorkspaceContext& context, QWidget* parent, const Request& request);
    // An account change waiting for a branch manager, on the administrator's screen (AccountService confirm /
    // decline). A role change is confirmed here; a new, reset or unfrozen account (or one waiting for its key
    // slot) is confirmed in person (AccountService::confirmInPerson): its owner types their own new password, so
    // no confirmation code appears on the administrator's screen.
    static std::optional<bool> decideAccount(const WorkspaceContext& context, QWidget* parent, const Account& account);
};

} // namespace bv::ui
