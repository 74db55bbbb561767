#include "ui/app/DraftKeeper.h"

#include "core/Core.h"
#include "core/policy/Policy.h"
#include "ui/common/Dialogs.h"
#include "ui/common/DraftSource.h"
#include "ui/main/MainWindow.h"
#include "ui/main/SessionBanners.h"
#include "ui/workspaces/Workspace.h"

namespace bv::ui {

DraftKeeper::DraftKeeper(MainWindow& window, Dialogs& dialogs, QObject* parent)
    : QObject(parent)
    , m_window(window)
    , m_dialogs(dialogs)
{
    connect(m_window.draftOffer(), &DraftOfferBanner::restoreRequested, this, &DraftKeeper::restore);
    connect(m_window.draftOffer(), &DraftOfferBanner::discardRequested, this, &DraftKeeper::discard);
}

int DraftKeeper::keep(Core& core, const Session& session)
{
    Workspace* workspace = m_window.workspace();
    if (!workspace || !session.isValid())
        return 0;
    int kept = 0;
    const QList<QWidget*> widgets = workspace->findChildren<QWidget*>();
    for (QWidget* widget : widgets) {
        auto* source = dynamic_cast<DraftSource*>(widget);
        if (!source)
            continue;
        const QString content = source->draftContent();
        if (content.isEmpty())
            continue;
        // Nothing to tell the person now (the window is locking); a form that could not be kept is lost as it
        // was before drafts existed, and the refusal is in the audit log where there is one.
        if (DraftService::forCore(core).save(session, source->draftForm(), source->draftSubject(), content).ok())
            ++kept;
    }
    return kept;
}

void DraftKeeper::offer(Core& core, const Session& session)
{
    m_core = &core;
    m_session = session;
    // only the roles that fill customer forms keep drafts (DraftService lists with this permission)
    if (!Policy::allows(session.info().role, Operation::EditCustomer)) {
        m_window.draftOffer()->setDrafts({});
        return;
    }
    auto drafts = DraftService::forCore(core).list(session);
    if (!drafts.ok()) {
        handled(drafts.error());
        m_window.draftOffer()->setDrafts({});
        return;
    }
    m_window.draftOffer()->setDrafts(*drafts);
}

void DraftKeeper::clear()
{
    m_core = nullptr;
    m_session = Session();
    m_window.draftOffer()->setDrafts({});
}

bool DraftKeeper::handled(const Error& error)
{
    if (error.code == ErrorCode::SessionLocked || error.code == ErrorCode::AuthenticationFailed) {
        emit lockRequested();
        return false;
    }
    m_dialogs.showError(&m_window, error);
    return false;
}

void DraftKeeper::restore(const DraftInfo& draft)
{
    if (!m_core || !m_window.workspace())
        return;
    DraftSource* target = m_window.workspace()->draftTarget(draft.form, draft.subject);
    if (!target) {
        m_dialogs.showError(&m_window,
            makeError(ErrorCode::NotFound,
                tr("The form of this draft cannot be opened here (the customer may no longer be yours). Discard "
                   "the draft, or ask the branch manager.")));
        return;
    }
    auto content = DraftService::forCore(*m_core).restore(m_session, draft.id);
    if (!content.ok()) {
        if (content.error().code == ErrorCode::NotFound)
            m_window.draftOffer()->remove(draft.id);
        handled(content.error());
        return;
    }
    if (!target->restoreDraft(*content)) {
        m_dialogs.showError(&m_window,
            makeError(ErrorCode::Damaged,
                tr("The draft was kept by another version of BranchVault and does not fit this form. Fill in the "
                   "form again and discard the draft.")));
        return;
    }
    m_window.draftOffer()->remove(draft.id);
}

void DraftKeeper::discard(const DraftInfo& draft)
{
    if (!m_core)
        return;
    Status discarded = DraftService::forCore(*m_core).discard(m_session, draft.id);
    if (!discarded.ok() && discarded.error().code != ErrorCode::NotFound) {
        handled(discarded.error());
        return;
    }
    m_window.draftOffer()->remove(draft.id);
}

} // namespace bv::ui
