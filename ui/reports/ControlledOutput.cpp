#include "ControlledOutput.h"

#include "Core.h"
#include "PdfTextLayer.h"
#include "common/AtomicFile.h"
#include "common/Dialogs.h"
#include "customers/WorkingCalendar.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPdfWriter>
#include <QPrintDialog>
#include <QPrinter>
#include <QRegularExpression>
#include <QStandardPaths>

#include <cerrno>

namespace bv::ui {

namespace {
constexpr int kPdfResolution = 300; // dpi: sharp print, a small file
} // namespace

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
    Status printed = print(PrintMedium::Printer, chosen, printer, &m_job);
    if (!printed.ok())
        return failed(printed.error());
    return Outcome::Done;
}

ControlledOutput::Outcome ControlledOutput::toPdf(
    const QString& title, const QString& fileBase, const PrintFn& print, const CancelFn& cancelled)
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
    // Refused before anything is registered: a name that exists, a folder that does not.
    if (Status fresh = AtomicFile::checkNew(path, QStringLiteral("path")); !fresh.ok())
        return failed(fresh.error());

    bool registered = false;
    Status written = AtomicFile::writeNew(path, QStringLiteral("path"), [&](QFile& file) -> Status {
        // Drawn in memory first: the PDF's text layer is repaired (PdfTextLayer, so that 受控文件 reads as
        // written) before the bytes reach the file.
        QBuffer drawn;
        drawn.open(QIODevice::WriteOnly);
        {
            QPdfWriter writer(&drawn);
            writer.setCreator(QStringLiteral("BranchVault"));
            writer.setTitle(title);
            writer.setResolution(kPdfResolution);
            Status printed = print(PrintMedium::Pdf, 1, writer, &m_job);
            if (!printed.ok())
                return printed;
        }
        registered = true;
        const QByteArray pdf = PdfTextLayer::repaired(drawn.data());
        errno = 0;
        if (file.write(pdf) != pdf.size())
            return AtomicFile::fromErrno(
                errno != 0 ? errno : EIO, tr("Writing %1").arg(QFileInfo(path).fileName()), path);
        return {};
    });
    if (!written.ok()) {
        if (!registered)
            return failed(written.error());
        // The core recorded the copy as printed (and used its grant) before the file could be named.
        Error lost = written.error();
        lost.message = tr("The PDF with serial %1 is in the print register as printed, but the file could not be "
                          "saved: %2 Record in the print register that this copy was destroyed, then save the "
                          "report again.")
                           .arg(m_job.serial, written.error().message);
        return failed(lost);
    }
    m_file = path;
    return Outcome::Done;
}

} // namespace bv::ui
