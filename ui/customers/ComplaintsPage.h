#pragma once

#include "ui/common/DraftSource.h"
#include "ui/customers/CareSource.h"

#include "core/policy/Statuses.h"

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableView;

namespace bv::ui {

class ComplaintListModel;

// One customer's complaints with their due dates, the steps of a complaint (investigating → answered →
// closed, the resolution asked for through the dialog seam) and the form for a new complaint, whose half-typed
// content is kept as a draft when the session locks or signs out (DraftSource).
class ComplaintsPage : public CarePage, public DraftSource
{
    Q_OBJECT
public:
    // `mayManage`: the core's answer for this customer (CustomerView::actions); without it the page only lists.
    ComplaintsPage(const CareContext& context, const QString& customerNo, bool mayManage, QWidget* parent = nullptr);

    QString customerNumber() const { return m_number; }
    ComplaintListModel* model() const { return m_model; }

    DraftForm draftForm() const override { return DraftForm::Complaint; }
    QString draftSubject() const override { return m_number; }
    QString draftContent() const override;
    bool restoreDraft(const QString& content) override;

public slots:
    void reload();
    bool addComplaint();
    bool markInvestigating();
    bool answer();
    bool closeComplaint();

signals:
    void complaintsChanged();

private:
    bool update(ComplaintStatus status, bool needsResolution, const QString& title, const QString& label);
    void updateButtons();

    QString m_number;
    bool m_canManage = false;
    ComplaintListModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QPushButton* m_investigating = nullptr;
    QPushButton* m_answer = nullptr;
    QPushButton* m_close = nullptr;
    QDateTimeEdit* m_received = nullptr;
    QComboBox* m_channel = nullptr;
    QPlainTextEdit* m_content = nullptr;
    QPushButton* m_add = nullptr;
    QLabel* m_message = nullptr;
    QLabel* m_calendarWarning = nullptr;
};

} // namespace bv::ui
