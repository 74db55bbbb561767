#pragma once

#include "core/common/Error.h"
#include "ui/common/WorkspaceContext.h"

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace bv::ui {

class AuditFilterForm;

// Exports the audit rows matching a filter to a CSV file (UTF-8 with BOM, formula-safe; never overwrites).
// The export is itself recorded in the log.
class AuditExportPage : public QWidget
{
    Q_OBJECT
public:
    explicit AuditExportPage(const WorkspaceContext& context, QWidget* parent = nullptr);

    bool exportCsv();
    AuditFilterForm* filterForm() const { return m_filter; }

signals:
    void failed(const bv::Error& error);

private:
    WorkspaceContext m_context;
    AuditFilterForm* m_filter = nullptr;
    QPushButton* m_export = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
};

} // namespace bv::ui
