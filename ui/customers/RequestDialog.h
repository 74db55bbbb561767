#pragma once

#include "common/WorkspaceContext.h"
#include "requests/RequestService.h"

#include <QDialog>

#include <optional>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace bv::ui {

// Files a special request to see grade-1 values of one customer in full (DESIGN §5): which fields, the
// purpose (required) and the validity asked for (1 to 72 hours, within the branch's limit). A branch
// manager decides it; the dialog only files it. Run it through Dialogs::exec.
class RequestDialog : public QDialog
{
    Q_OBJECT
public:
    RequestDialog(const WorkspaceContext& context, const QString& customerNo, const QStringList& fields,
        QWidget* parent = nullptr);

    // Checks the field in the list (tests and callers that preselect).
    void setFieldChecked(const QString& fieldKey, bool checked);
    QStringList checkedFields() const;
    QPlainTextEdit* purposeEdit() const { return m_purpose; }
    QSpinBox* validitySpinBox() const { return m_validity; }
    QPushButton* submitButton() const { return m_submit; }
    QString message() const;
    // The request as the core filed it (after accept()).
    const std::optional<Request>& request() const { return m_request; }

public slots:
    // Files the request; accepts the dialog on success, shows the core's message under the form otherwise.
    bool submit();

signals:
    // The session is locked: the application locks (the dialog rejects itself).
    void lockRequested();

private:
    WorkspaceContext m_context;
    QString m_number;
    QListWidget* m_fields = nullptr;
    QPlainTextEdit* m_purpose = nullptr;
    QSpinBox* m_validity = nullptr;
    QPushButton* m_submit = nullptr;
    QLabel* m_message = nullptr;
    std::optional<Request> m_request;
};

} // namespace bv::ui
