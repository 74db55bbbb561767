#pragma once

#include "core/common/Error.h"
#include "ui/common/WorkspaceContext.h"

#include <QGroupBox>

class QLabel;
class QPushButton;

namespace bv::ui {

// The official holiday calendar on the administrator's storage page: which years are known (shipped with
// the program or imported), and the import of a newer year's file (SettingsService::importCalendar: every
// bad line is named with its number and reason, nothing is stored then).
class CalendarBox : public QGroupBox
{
    Q_OBJECT
public:
    explicit CalendarBox(const WorkspaceContext& context, QWidget* parent = nullptr);

    void refresh();
    bool importCalendar();

signals:
    void failed(const bv::Error& error);

private:
    WorkspaceContext m_context;
    QLabel* m_years = nullptr;
    QPushButton* m_import = nullptr;
};

} // namespace bv::ui
