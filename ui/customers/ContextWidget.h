#pragma once

#include "core/common/Error.h"
#include "ui/common/WorkspaceContext.h"

#include <QWidget>

namespace bv::ui {

// Base of the customer widgets that workspaces embed (detail, form, lists): they call the core with the
// context's session and report failures like Workspace::fail — "session locked" (or no longer signed in)
// asks the application to lock through lockRequested(), every other error goes to the error dialog.
class ContextWidget : public QWidget
{
    Q_OBJECT
public:
    explicit ContextWidget(const WorkspaceContext& context, QWidget* parent = nullptr);

    const WorkspaceContext& context() const { return m_context; }

signals:
    void lockRequested();

protected:
    // Returns false so callers can write `if (!result.ok()) return fail(result.error());`.
    bool fail(const Error& error);
    // True for the errors that mean "lock now" (they are not shown, the application locks).
    static bool locks(const Error& error);
    // Forwards a child's lockRequested() to this widget's.
    void forwardLock(ContextWidget* child);

    WorkspaceContext m_context;
};

} // namespace bv::ui
