#pragma once

#include "ui/customers/CareSource.h"

class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QTableWidget;

namespace bv::ui {

// A customer's consent history (processing, marketing; given or withdrawn — a withdrawal is a new entry)
// and the form to record a new entry where the role may.
class ConsentPage : public CarePage
{
    Q_OBJECT
public:
    // `mayRecord`: the core's answer for this customer (CustomerView::actions); without it the page only lists.
    ConsentPage(const CareContext& context, const QString& customerNo, bool mayRecord, QWidget* parent = nullptr);

public slots:
    void reload();
    bool recordConsent();

private:
    QString m_number;
    QTableWidget* m_table = nullptr;
    QComboBox* m_purpose = nullptr;
    QComboBox* m_action = nullptr;
    QDateEdit* m_date = nullptr;
    QComboBox* m_channel = nullptr;
    QPushButton* m_record = nullptr;
    QLabel* m_message = nullptr;
};

} // namespace bv::ui
