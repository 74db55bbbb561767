#pragma once

#include "ui/customers/ContextWidget.h"

class QLabel;

namespace bv::ui {

class GuardedTableView;

// One page of the branch manager's workspace. Pages call the core with the session and show what it
// returned; they never keep customer data beyond their own widgets (the workspace is destroyed on lock).
// Failures are reported as every embedded customer widget reports them (ContextWidget::fail: a locked
// session asks the application to lock, anything else goes to the error dialog).
class ManagerPage : public ContextWidget
{
    Q_OBJECT
public:
    explicit ManagerPage(const WorkspaceContext& context, QWidget* parent = nullptr);

    // Reads the page's data from the core again (when the page is shown after a change, or on F5).
    virtual void reload() { }

signals:
    void openCustomerRequested(const QString& customerNo);
    // This page changed customers, approvals or assignments: other pages read again when shown.
    void changed();

protected:
    // A table with grade-3-only copy, its accessible name and object name set.
    GuardedTableView* createTable(const QString& objectName, const QString& accessibleName);
    // A one-line label for what the last action did ("Change 4 approved."), object name `feedbackLabel`.
    QLabel* createFeedbackLabel();
    void setFeedback(const QString& text);

private:
    QLabel* m_feedback = nullptr;
};

} // namespace bv::ui
