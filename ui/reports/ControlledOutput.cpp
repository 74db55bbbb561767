#include "ui/reports/ControlledOutput.h"

#include "core/Core.h"
#include "core/customers/rules/WorkingCalendar.h"
#include "ui/common/Dialogs.h"

#include <QDir>
#include <QPrintDialog>
#include <QPrinter>
#include <QRegularExpression>
#include <QStandardPaths>

namespace bv::ui {

ControlledOutput::ControlledOutput(const WorkspaceContext& context, QWidget* parent)
    : m_context(context)
    , m_parent(parent)
{
}

QString ControlledOutput::suggestedFileName(const QString& base, const QDate& date)
{
    QString safe = base;
    safe.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_-]+")), QStringLiteral("-"));
    if (safe.isEmpty())
        safe = QStringLiteral("report");
    return QStringLiteral("%1-%2.pdf").arg(safe, date.toString(QStringLiteral("yyyyMMdd")));
}

QString ControlledOutput::pdfAdvisoryNote()
{
    return tr("PDF permission flags are advisory; the controlled marks are part of every page.");
}

ControlledOutput::Outcome ControlledOutput::cancel(const CancelFn& cancelled, PrintMedium medium)
{
    if (cancelled) {
        if (Status audited = cancelled(medium); !audited.ok())
            return failed(audited.error());
    }
    return Outcome::Cancelled;
}

ControlledOutput::Outcome ControlledOutput::failed(const Error& error)
{
    m_error = error;
    return Outcome::Failed;
}

ControlledOutput::Outcome ControlledOutput::toPrinter(
    const QString& title, int copies, const PrintFn& print, const CancelFn& cancelled)
{
    m_job = {};
    m_file.clear();
    m_error = {};
    QPrinter printer(QPrinter::HighResolution);
    printer.setDocName(title);
    printer.setCopyCount(qBound(1, copies, kMaxCopies));
    QPrintDialog dialog(&printer, m_parent);
    dialog.setWindowTitle(tr("Print %1").arg(title));
    // No "print to file": a file is a PDF and goes through Save PDF, registered as one. No page range
    // either: a controlled copy is printed whole.
    dialog.setOptions(QAbstractPrintDialog::PrintShowPageSize);
    if (m_context.dialogs.exec(&dialog) != QDialog::Accepted)
        return cancel(cancelled, PrintMedium::Printer);
    // Every copy carries its own marks (copy number, QR codes): the printer prints each painted copy once.
    const int chosen = qBound(1, printer.copyCount(), kMaxCopies);
    printer.setCopyCount(1);
    printer.setCollateCopies(false);
    Status printed = print(chosen, printer, &m_job);
    if (!printed.ok())
        return failed(printed.error());
    return Outcome::Done;
}

ControlledOutput::Outcome ControlledOutput::toPdf(
    const QString& title, const QString& fileBase, const PdfFn& print, const CancelFn& cancelled)
{
    m_job = {};
    m_file.clear();
    m_error = {};
    const QDate today = m_context.core.clock().nowUtc().toTimeZone(WorkingCalendar::branchTimeZone()).date();
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString suggested = folder.isEmpty() ? suggestedFileName(fileBase, today)
                                               : QDir(folder).filePath(suggestedFileName(fileBase, today));
    const QString path
        = m_context.dialogs.saveFileName(m_parent, tr("Save %1 as PDF").arg(title), suggested, tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return cancel(cancelled, PrintMedium::Pdf);
    // An existing name is refused before anything is registered; the file is complete before the print is
    // recorded as done.
    if (Status printed = print(path, &m_job); !printed.ok())
        return failed(printed.error());
    m_file = path;
    return Outcome::Done;
}

} // namespace bv::ui
