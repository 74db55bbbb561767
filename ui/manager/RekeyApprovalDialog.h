#pragma once

#include "core/common/Result.h"
#include "core/customers/CustomerRecord.h"

#include <QDialog>

#include <functional>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace bv::ui {

class RekeyFieldsWidget;

// The branch manager's approval of a change that needs a blind re-key: the values typed from the customer's
// document and the reason; Approve runs `approve` and keeps the dialog open on a refusal, with the fields that
// did not match marked (never a stored value).
class RekeyApprovalDialog : public QDialog
{
    Q_OBJECT
public:
    using Approve = std::function<Status(const QString& reason, const RekeyedValues& values)>;

    RekeyApprovalDialog(const PendingChange& change, Approve approve, QWidget* parent = nullptr);
    ~RekeyApprovalDialog() override;

    RekeyFieldsWidget* rekeyWidget() const { return m_rekey; }
    QPlainTextEdit* reasonEdit() const { return m_reason; }
    QPushButton* approveButton() const { return m_approve; }
    QString errorText() const;

private:
    void approve();

    Approve m_approveFn;
    RekeyFieldsWidget* m_rekey = nullptr;
    QPlainTextEdit* m_reason = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_approve = nullptr;
};

} // namespace bv::ui
