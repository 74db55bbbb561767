#pragma once

#include "core/reports/PrintRegister.h"
#include "ui/common/WorkspaceContext.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace bv::ui {

class PrintCopyView;

// Traces a printout that was found (DESIGN §8, issue 12): type its serial or a page code, or open a scan
// or photo of a page — every QR code in the image is read (zxing-cpp) and traced. Each result shows the
// verdict (genuine, unknown serial, MAC does not match, not a BranchVault code) and, for a registered
// copy, the register entry and its history. Run it through Dialogs::exec.
class TraceDialog : public QDialog
{
    Q_OBJECT
public:
    explicit TraceDialog(const WorkspaceContext& context, QWidget* parent = nullptr);

    // Traces the serial or code typed (or given); false when the core refused.
    bool traceText(const QString& serialOrCode);
    // Reads the image's QR codes and traces each; false when the image cannot be read or holds none.
    bool traceImage(const QString& path);

    const QList<PrintTrace>& results() const { return m_results; }
    static QString verdictText(PrintTrace::Verdict verdict);

    QLineEdit* codeEdit() const { return m_code; }
    QPushButton* traceButton() const { return m_trace; }
    QPushButton* openImageButton() const { return m_open; }
    QListWidget* resultsList() const { return m_list; }
    QLabel* verdictLabel() const { return m_verdict; }
    PrintCopyView* copyView() const { return m_copy; }

signals:
    void lockRequested();

private:
    void openImage();
    void showResult(int row);
    // Traces each code and lists the results; false when the core refused one.
    bool trace(const QStringList& codes, bool typed);
    void setProblem(const QString& text);

    WorkspaceContext m_context;
    QList<PrintTrace> m_results;
    QStringList m_codes; // as read, beside m_results
    QLineEdit* m_code = nullptr;
    QPushButton* m_trace = nullptr;
    QPushButton* m_open = nullptr;
    QListWidget* m_list = nullptr;
    QLabel* m_verdict = nullptr;
    PrintCopyView* m_copy = nullptr;
};

} // namespace bv::ui
