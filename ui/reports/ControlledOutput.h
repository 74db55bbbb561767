#pragma once

#include "core/common/Error.h"
#include "core/common/Result.h"
#include "core/reports/ReportService.h"
#include "ui/common/WorkspaceContext.h"

#include <QCoreApplication>
#include <QDate>
#include <QString>

#include <functional>

class QPagedPaintDevice;
class QWidget;

namespace bv::ui {

// One controlled print or PDF, the same for every page that prints (reports, reprints from the print
// register, the audit checkpoint sheet): the print dialog or the file dialog (both through the Dialogs seam),
// then the print the core registers onto the printer (printControlled / reprintControlled) or into a new PDF
// file (printControlledPdf / reprintControlledPdf: an existing file is never replaced, the file is complete
// before the print is recorded as done). Errors are not shown here: the caller reports error().
class ControlledOutput
{
    Q_DECLARE_TR_FUNCTIONS(ControlledOutput)
public:
    enum class Outcome
    {
        Done,
        Cancelled, // the dialog was cancelled: nothing registered (the cancellation is audited)
        Failed, // see error()
    };
    // The registered print on paper: `copies` copies of the document onto the printer; fills `job`.
    using PrintFn = std::function<Status(int copies, QPagedPaintDevice& printer, PrintJob* job)>;
    // The registered print into the new PDF file `path`; fills `job`.
    using PdfFn = std::function<Status(const QString& path, PrintJob* job)>;
    // The dialog was cancelled before print(): audits it (ReportService::printCancelled).
    using CancelFn = std::function<Status(PrintMedium medium)>;

    static constexpr int kMaxCopies = 10; // ReportService::print takes 1–10

    ControlledOutput(const WorkspaceContext& context, QWidget* parent);

    // The print dialog, preset to `copies` (the number chosen there is the number printed; each copy is
    // painted with its own marks, the printer itself prints each once).
    Outcome toPrinter(const QString& title, int copies, const PrintFn& print, const CancelFn& cancelled);
    // The file dialog, proposing suggestedFileName(fileBase, today); one copy.
    Outcome toPdf(const QString& title, const QString& fileBase, const PdfFn& print, const CancelFn& cancelled);

    const PrintJob& job() const { return m_job; }
    QString file() const { return m_file; }
    const Error& error() const { return m_error; }

    // "<base>-<yyyyMMdd>.pdf": `base` is a report key or a serial (never customer data), reduced to
    // letters, digits, '-' and '_'.
    static QString suggestedFileName(const QString& base, const QDate& date);
    // The plain statement shown beside every "Save PDF" button.
    static QString pdfAdvisoryNote();

private:
    Outcome cancel(const CancelFn& cancelled, PrintMedium medium);
    Outcome failed(const Error& error);

    WorkspaceContext m_context;
    QWidget* m_parent = nullptr;
    PrintJob m_job;
    QString m_file;
    Error m_error;
};

} // namespace bv::ui
