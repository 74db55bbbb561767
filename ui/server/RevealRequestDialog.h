#pragma once

#include "ui/server/ServerContext.h"

#include <QDialog>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace bv::ui {

// Files a reveal request on the branch server (DESIGN §5): which grade-1 fields of one customer, the purpose
// (required; an ID, mobile or card number in it is refused before it is sent) and the validity asked for (1 to 72
// hours, within the branch's limit, which the server holds). A branch manager who is not the requester decides it.
// A refusal is shown under the form, which stays open.
class RevealRequestDialog : public QDialog
{
    Q_OBJECT
public:
    RevealRequestDialog(
        const ServerContext& context, const QString& customerNo, const QStringList& fields, QWidget* parent = nullptr);

    void setFieldChecked(const QString& fieldKey, bool checked);
    QStringList checkedFields() const;
    QPlainTextEdit* purposeEdit() const { return m_purpose; }
    QSpinBox* validitySpinBox() const { return m_validity; }
    QPushButton* submitButton() const { return m_submit; }
    QString message() const;
    qint64 requestId() const { return m_id; }

public slots:
    bool submit();

private:
    ServerContext m_context;
    QString m_number;
    QListWidget* m_fields = nullptr;
    QPlainTextEdit* m_purpose = nullptr;
    QSpinBox* m_validity = nullptr;
    QPushButton* m_submit = nullptr;
    QLabel* m_message = nullptr;
    qint64 m_id = 0;
};

} // namespace bv::ui
