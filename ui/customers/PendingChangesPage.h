#pragma once

#include "ui/customers/ContextWidget.h"

#include <optional>

class QPushButton;
class QTableView;
class QTableWidget;

namespace bv::ui {

class PendingChangeModel;

// Changes waiting for a branch manager (CustomerEntry::pending): for a customer manager the own new records
// and edits, with the selected change's fields (masked old → new). Double-click opens the customer.
class PendingChangesPage : public ContextWidget
{
    Q_OBJECT
public:
    explicit PendingChangesPage(const WorkspaceContext& context, QWidget* parent = nullptr);

    PendingChangeModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QTableWidget* diffTable() const { return m_diff; }

    // On-the-spot authorisation of the selected change: approved (true), rejected (false) or nothing.
    std::optional<bool> authoriseHere();

public slots:
    void reload();

signals:
    void openRequested(const QString& customerNo);

private:
    void showDiff();

    PendingChangeModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QTableWidget* m_diff = nullptr;
    QPushButton* m_authoriseHere = nullptr;
};

} // namespace bv::ui
