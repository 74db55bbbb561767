#pragma once

#include "core/common/Error.h"
#include "core/drafts/DraftService.h"
#include "ui/common/WorkspaceContext.h"

#include <QWidget>

namespace bv::ui {

class DraftSource;

// A role's workspace: its pages show only what the core returned for the signed-in session. When a
// core call answers "session locked" (idle), the workspace asks the application to lock.
class Workspace : public QWidget
{
    Q_OBJECT
public:
    Workspace(const WorkspaceContext& context, QWidget* parent = nullptr);
    virtual QString title() const = 0;
    // Opens the form a draft of `form` about `subject` belongs in and returns it (a DraftSource the draft is
    // restored into), or nullptr when this workspace has no such form. ui/app/DraftKeeper calls it.
    virtual DraftSource* draftTarget(DraftForm form, const QString& subject);
    // Asked before the person signs out or closes the window: true when nothing would be lost (forms become
    // drafts anyway), false to stay. A page with unsaved values that are not kept as a draft asks first.
    virtual bool confirmLeave() { return true; }

signals:
    void lockRequested();
    // The administrator asked to replace the database with a backup (the application closes it first).
    void restoreRequested(const QString& backupFile);

protected:
    // For a failed core call: SessionLocked → lock; anything else → the error dialog. Returns false so
    // callers can write `if (!result.ok()) return fail(result.error());`.
    bool fail(const Error& error);
    WorkspaceContext m_context;
};

} // namespace bv::ui
