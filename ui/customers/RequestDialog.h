#pragma once

#include "core/requests/RequestService.h"
#include "ui/common/WorkspaceContext.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QFormLayout;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace bv::ui {

// Files a special request (DESIGN §5): to see grade-1 values of one customer in full (which fields), or to
// print or export a report that holds grade-1 content (which report, for the data-subject report which
// customer) — with the purpose (required) and the validity asked for (1 to 72 hours, within the branch's
// limit). A branch manager decides it; the dialog only files it. Run it through Dialogs::exec.
class RequestDialog : public QDialog
{
    Q_OBJECT
public:
    RequestDialog(const WorkspaceContext& context, const QString& customerNo, const QStringList& fields,
        QWidget* parent = nullptr);
    // A print or export request for `report` (a RequestService::reportKeys() key); `customerNo` only for
    // a report about one customer. `type` (Print or Export) is preselected; the user may change it.
    RequestDialog(const WorkspaceContext& context, RequestType type, const QString& report, const QString& reportTitle,
        const QString& customerNo, QWidget* parent = nullptr);

    // Checks the field in the list (tests and callers that preselect).
    void setFieldChecked(const QString& fieldKey, bool checked);
    QStringList checkedFields() const;
    QPlainTextEdit* purposeEdit() const { return m_purpose; }
    QSpinBox* validitySpinBox() const { return m_validity; }
    QComboBox* typeComboBox() const { return m_type; } // report requests only
    QPushButton* submitButton() const { return m_submit; }
    QString message() const;
    // The request as the core filed it (after accept()).
    const std::optional<Request>& request() const { return m_request; }
    // Filed with "Submit and authorise here": the caller lets a branch manager decide it on the spot.
    bool authoriseHereRequested() const { return m_authoriseHere; }
    QPushButton* submitAndAuthoriseHereButton() const { return m_submitHere; }

public slots:
    // Files the request; accepts the dialog on success, shows the core's message under the form otherwise.
    bool submit();

signals:
    // The session is locked: the application locks (the dialog rejects itself).
    void lockRequested();

private:
    // The purpose, validity, message and buttons (both kinds); `form` already holds the kind's own rows.
    void finish(QFormLayout* form, QWidget* first);

    WorkspaceContext m_context;
    QString m_number;
    QString m_report; // empty: a reveal request
    QComboBox* m_type = nullptr;
    QListWidget* m_fields = nullptr;
    QPlainTextEdit* m_purpose = nullptr;
    QSpinBox* m_validity = nullptr;
    QPushButton* m_submit = nullptr;
    QPushButton* m_submitHere = nullptr;
    bool m_authoriseHere = false;
    QLabel* m_message = nullptr;
    std::optional<Request> m_request;
};

} // namespace bv::ui
