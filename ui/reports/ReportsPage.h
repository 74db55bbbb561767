#pragma once

#include "core/reports/ReportService.h"
#include "core/requests/RequestService.h"
#include "ui/manager/ManagerPage.h"

#include <memory>
#include <optional>

class QGroupBox;
class QListWidget;
class QPrintPreviewWidget;
class QPrinter;
class QPushButton;
class QSpinBox;

namespace bv {
class ReportRenderer;
}

namespace bv::ui {

class ControlledOutput;
class ReportParameterForm;

// Controlled reports (DESIGN §8, issue 12) for the signed-in role: the reports the core's catalogue offers,
// a form for the chosen report's parameters, and three ways out — Preview (on screen, marked as a preview,
// no serial; audited as a run), Print… (the print dialog, then a registered print with the controlled marks on
// every page) and Save PDF… (a new file, registered the same way). Where the report may hold protected
// customer data the page shows which approved special request the print will use, or that there is none,
// and files a request for one. A data-subject form, once printed, is recorded as handed to its customer here.
class ReportsPage : public ManagerPage
{
    Q_OBJECT
public:
    explicit ReportsPage(const WorkspaceContext& context, QWidget* parent = nullptr);
    ~ReportsPage() override;

    // Reads the catalogue and the session's live grants again (keeps the chosen report).
    void reload() override;

    const QList<ReportInfo>& catalogue() const { return m_catalogue; }
    bool selectReport(const QString& key);
    std::optional<ReportInfo> currentReport() const;
    ReportRequest currentRequest() const;
    // True when the chosen report with the current parameters holds protected customer data (a grant is needed).
    bool needsGrant() const;
    // The approved requests the print or the PDF would use (empty: none).
    QList<Request> liveGrants() const;

    QListWidget* reportList() const { return m_list; }
    ReportParameterForm* parameterForm() const { return m_form; }
    QPrintPreviewWidget* previewWidget() const { return m_preview; }
    QSpinBox* copiesSpinBox() const { return m_copies; }
    QSpinBox* periodSpinBox() const { return m_period; }
    QGroupBox* grantBox() const { return m_grantBox; }
    // The serial of the last print or PDF from this page.
    QString lastSerial() const { return m_lastSerial; }
    QString lastFile() const { return m_lastFile; }
    QPushButton* handOverButton() const { return m_handOver; }

public slots:
    bool preview();
    bool printReport();
    bool savePdf();
    bool requestApproval();
    // The data-subject form just printed was handed to its customer: records it for every copy of the print.
    bool recordHandOver();

private:
    void reportChosen();
    void updateGrant();
    void clearPreview();
    void paintPreview(QPrinter* printer);
    void readGrants();
    bool finishOutput(int outcome, const ControlledOutput& output, const ReportInfo& info);

    QList<ReportInfo> m_catalogue;
    QList<Request> m_grants; // the session's own approved print/export requests
    QListWidget* m_list = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_description = nullptr;
    ReportParameterForm* m_form = nullptr;
    QGroupBox* m_grantBox = nullptr;
    QLabel* m_grant = nullptr;
    QPushButton* m_request = nullptr;
    QSpinBox* m_copies = nullptr;
    QSpinBox* m_period = nullptr;
    QPushButton* m_previewButton = nullptr;
    QPushButton* m_print = nullptr;
    QPushButton* m_pdf = nullptr;
    QLabel* m_placeholder = nullptr;
    QPrintPreviewWidget* m_preview = nullptr;
    std::unique_ptr<ReportRenderer> m_renderer; // the document shown in the preview
    QString m_lastSerial;
    QString m_lastFile;
    QList<int> m_lastCopies; // of a data-subject form, until its hand-over is recorded
    QPushButton* m_handOver = nullptr;
};

} // namespace bv::ui
