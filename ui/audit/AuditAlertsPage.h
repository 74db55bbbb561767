#pragma once

#include "core/common/Error.h"
#include "ui/common/WorkspaceContext.h"

#include <QWidget>

class QDateTimeEdit;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace bv::ui {

// The auditor's alerts for a period (DESIGN §7; thresholds are settings): many clerk lookups, the same
// customer opened again and again, access outside working hours, repeated failed sign-ins, grants used
// within minutes of their approval.
class AuditAlertsPage : public QWidget
{
    Q_OBJECT
public:
    enum Column
    {
        Kind,
        Who,
        When,
        Count,
        Description,
        ColumnCount
    };

    explicit AuditAlertsPage(const WorkspaceContext& context, QWidget* parent = nullptr);

    bool refresh();
    static QString kindLabel(const QString& kind);
    QTreeWidget* list() const { return m_list; }

signals:
    void failed(const bv::Error& error);

private:
    WorkspaceContext m_context;
    QDateTimeEdit* m_since = nullptr;
    QDateTimeEdit* m_until = nullptr;
    QPushButton* m_show = nullptr;
    QTreeWidget* m_list = nullptr;
    QLabel* m_status = nullptr;
};

} // namespace bv::ui
