#pragma once

#include "ContextWidget.h"

class QComboBox;
class QDateEdit;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace bv::ui {

// A customer's service records (grade 2) and, where the role may add one, the form for a new record.
class ServiceRecordsPage : public ContextWidget
{
    Q_OBJECT
public:
    // `mayRecord`: the core's answer for this customer (CustomerView::actions); without it the page only lists.
    ServiceRecordsPage(
        const WorkspaceContext& context, const QString& customerNo, bool mayRecord, QWidget* parent = nullptr);

public slots:
    void reload();
    bool addService();

private:
    QString m_number;
    QTableWidget* m_table = nullptr;
    QDateEdit* m_servedOn = nullptr;
    QComboBox* m_channel = nullptr;
    QPlainTextEdit* m_content = nullptr;
    QPushButton* m_add = nullptr;
    QLabel* m_message = nullptr;
};

} // namespace bv::ui
