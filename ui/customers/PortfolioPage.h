#pragma once

#include "ui/customers/ContextWidget.h"

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace bv::ui {

class CustomerListModel;

// The customer manager's own portfolio (CustomerFinder::portfolio): masked name, customer number, tier, age
// band and status, with a name filter that works within the portfolio only. Double-click or Enter opens a
// customer; "Copy row" copies the grade-3 columns only (never the masked name).
class PortfolioPage : public ContextWidget
{
    Q_OBJECT
public:
    explicit PortfolioPage(const WorkspaceContext& context, QWidget* parent = nullptr);

    CustomerListModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QLineEdit* filterEdit() const { return m_filter; }
    QString currentNumber() const;

public slots:
    void reload();
    void openCurrent();
    bool copyRow();

signals:
    void openRequested(const QString& customerNo);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void updateButtons();

    CustomerListModel* m_model = nullptr;
    QLineEdit* m_filter = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_count = nullptr;
    QPushButton* m_open = nullptr;
    QPushButton* m_copy = nullptr;
};

} // namespace bv::ui
