#pragma once

#include "core/common/Error.h"
#include "core/work/WorkloadService.h"
#include "ui/common/WorkspaceContext.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;

namespace bv::ui {

// The first page of a role's workspace: what needs this person now, one line per thing that waits, with its
// count (WorkloadService, read with the session) and one click (or Enter) to the page with the list. Read when
// the workspace shows it and on Refresh (F5, wired by the workspace). The workspace decides which page a line
// opens; lines the role does not have are not shown.
class HomePage : public QWidget
{
    Q_OBJECT
public:
    // A line of the page: a count, or one of the facts below.
    enum Fact
    {
        LastAuditVerification = 100,
        DatabaseFile,
        AuditRows,
        LastBackup,
        LastDatabaseVerification,
    };

    // The home page of `role` (the workspace's role; the core refuses it to a session of another role).
    HomePage(const WorkspaceContext& context, Role role, QWidget* parent = nullptr);

    // Reads the counts again; false (and failed()) when the core refused.
    bool refresh();
    const Workload& workload() const { return m_load; }
    QListWidget* list() const { return m_list; }
    // The line of a WorkCount (int) or Fact, or nullptr when the role has none.
    QListWidgetItem* item(int entry) const;
    // The text a count's line shows, e.g. "3 customer changes to approve" (proper plurals).
    static QString countText(WorkCount which, qint64 count);

signals:
    void openRequested(int entry);
    void failed(const Error& error);

private:
    void addLine(int entry, const QString& text, const QIcon& icon, bool needsAttention);
    void addFacts();
    void activated(QListWidgetItem* item);

    WorkspaceContext m_context;
    Role m_role;
    Workload m_load;
    QLabel* m_heading = nullptr;
    QLabel* m_updated = nullptr;
    QListWidget* m_list = nullptr;
    QPushButton* m_refresh = nullptr;
};

} // namespace bv::ui
