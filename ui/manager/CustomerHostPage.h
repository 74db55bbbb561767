#pragma once

#include "ui/manager/ManagerPage.h"

class QLabel;

namespace bv::ui {

class CustomerDetailWidget;
class CustomerFormWidget;

// Holds the one open customer (CustomerDetailWidget, shared with the customer manager's workspace) with a
// way back to the page it was opened from; the detail's Edit opens the shared CustomerFormWidget in its
// place (the branch manager's edit waits for another branch manager's approval, as the core rules). Opening
// another customer or closing destroys the widget, so no customer's data stays in a hidden widget.
class CustomerHostPage : public ManagerPage
{
    Q_OBJECT
public:
    explicit CustomerHostPage(const WorkspaceContext& context, QWidget* parent = nullptr);

    void open(const QString& customerNo);
    void edit(const QString& customerNo);
    void close();
    void reload() override;
    CustomerDetailWidget* detail() const { return m_detail; }
    CustomerFormWidget* form() const { return m_form; }

signals:
    void backRequested();

private:
    void place(QWidget* widget);

    CustomerDetailWidget* m_detail = nullptr;
    CustomerFormWidget* m_form = nullptr;
    QLabel* m_empty = nullptr;
};

} // namespace bv::ui
