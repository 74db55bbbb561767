#pragma once

#include "ui/common/DraftSource.h"
#include "ui/customers/CareSource.h"

class QComboBox;
class QDateEdit;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace bv::ui {

// A customer's service records (grade 2) and, where the role may add one, the form for a new record, whose
// half-typed content is kept as a draft when the session locks or signs out (DraftSource).
class ServiceRecordsPage : public CarePage, public DraftSource
{
    Q_OBJECT
public:
    // `mayRecord`: the core's answer for this customer (CustomerView::actions); without it the page only lists.
    ServiceRecordsPage(
        const CareContext& context, const QString& customerNo, bool mayRecord, QWidget* parent = nullptr);

    DraftForm draftForm() const override { return DraftForm::ServiceRecord; }
    QString draftSubject() const override { return m_number; }
    QString draftContent() const override;
    bool restoreDraft(const QString& content) override;

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
