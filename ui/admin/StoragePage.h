#pragma once

#include "core/common/Error.h"
#include "ui/common/WorkspaceContext.h"

#include <QWidget>

class QLabel;

class QListWidget;
class QProgressBar;
class QPushButton;

namespace bv::ui {

class CalendarBox;

// The administrator's storage work on the open database: backup to a file, key rotation with progress,
// verification (integrity, page authentication, keys, audit chain) with its findings, and restore. A
// restore replaces the database file, which cannot happen while this program has it open: the page
// only picks the backup and asks; the application closes the database and restores (AppController).
class StoragePage : public QWidget
{
    Q_OBJECT
public:
    explicit StoragePage(const WorkspaceContext& context, QWidget* parent = nullptr);

    void refresh();
    bool backup();
    bool rotateKeys();
    bool verify();
    bool restore();

signals:
    void failed(const bv::Error& error);
    void restoreRequested(const QString& backupFile);

private:
    class Busy;
    void setButtonsEnabled(bool enabled);

    WorkspaceContext m_context;
    QPushButton* m_backup = nullptr;
    QPushButton* m_rekey = nullptr;
    QPushButton* m_verify = nullptr;
    QPushButton* m_restore = nullptr;
    CalendarBox* m_calendar = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_status = nullptr;
    QListWidget* m_results = nullptr;
};

} // namespace bv::ui
