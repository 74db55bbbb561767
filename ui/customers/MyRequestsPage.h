#pragma once

#include "ui/customers/ContextWidget.h"

#include <optional>

class QLabel;
class QPushButton;
class QTableView;

namespace bv::ui {

class RequestListModel;

// The user's own special requests (RequestService::list): type, customers, fields, status and validity,
// the decision's reason; a pending request can be withdrawn.
class MyRequestsPage : public ContextWidget
{
    Q_OBJECT
public:
    explicit MyRequestsPage(const WorkspaceContext& context, QWidget* parent = nullptr);

    RequestListModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }

public slots:
    void reload();
    bool withdrawCurrent();
    // On-the-spot authorisation of the selected pending request: approved (true), rejected (false) or nothing.
    std::optional<bool> authoriseHere();

private:
    void updateDetails();

    RequestListModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_details = nullptr;
    QPushButton* m_withdraw = nullptr;
    QPushButton* m_authoriseHere = nullptr;
};

} // namespace bv::ui
