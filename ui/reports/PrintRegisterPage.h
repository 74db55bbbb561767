#pragma once

#include "core/reports/PrintRegister.h"
#include "ui/manager/ManagerPage.h"

#include <optional>

class QCheckBox;
class QListWidget;
class QPushButton;

namespace bv::ui {

class GuardedTableView;
class PrintCopyView;
class PrintRegisterModel;
class RegisterEventDialog;

// The print register (DESIGN §8, 《客户信息借阅、销毁记录表》) for the branch manager and the auditor: every
// printed copy with its state and holder, the alerts (overdue lendings, copies past their period of use,
// prints never finished) above it, the selected copy's history below. The branch manager records the
// lifecycle — receipt signed for with the recipient's own password, hand-over of a data-subject report to
// its customer, lending (at most three days), return, destruction with a witness who confirms with their
// own password — and reprints a copy (副本); the manager and the auditor trace a printout that was found.
class PrintRegisterPage : public ManagerPage
{
    Q_OBJECT
public:
    explicit PrintRegisterPage(const WorkspaceContext& context, QWidget* parent = nullptr);

    void reload() override;

    PrintRegisterModel* model() const { return m_model; }
    GuardedTableView* table() const { return m_table; }
    QListWidget* alertsList() const { return m_alerts; }
    PrintCopyView* copyView() const { return m_copyView; }
    // Selects the row of serial/copy; false when it is not listed.
    bool selectCopy(const QString& serial, int copy);
    std::optional<PrintCopy> currentCopy() const;

public slots:
    bool recordReceipt();
    bool handOver();
    bool lend();
    bool giveBack();
    bool destroyCopy();
    bool reprint();
    bool trace();

private:
    void updateSelection();
    // Runs an event dialog for the selected copy; on success reads the register again and keeps the copy
    // selected, with `done` as feedback.
    bool runEvent(RegisterEventDialog& dialog, const PrintCopy& copy, const QString& done);
    QPushButton* addAction(const QString& text, const char* objectName, bool (PrintRegisterPage::*slot)());

    bool m_records = false; // the branch manager records events and reprints
    PrintRegisterModel* m_model = nullptr;
    GuardedTableView* m_table = nullptr;
    QListWidget* m_alerts = nullptr;
    QCheckBox* m_openOnly = nullptr;
    PrintCopyView* m_copyView = nullptr;
    QList<QPushButton*> m_recordButtons;
    QPushButton* m_receive = nullptr;
    QPushButton* m_handOver = nullptr;
    QPushButton* m_lend = nullptr;
    QPushButton* m_return = nullptr;
    QPushButton* m_destroy = nullptr;
    QPushButton* m_reprint = nullptr;
    QPushButton* m_trace = nullptr;
};

} // namespace bv::ui
