#include "ui/audit/AuditCheckpointPage.h"

#include "core/Core.h"
#include "core/audit/AuditService.h"
#include "core/common/AtomicFile.h"
#include "core/customers/rules/WorkingCalendar.h"
#include "render/ControlledPrint.h"
#include "ui/common/Dialogs.h"
#include "ui/reports/ControlledOutput.h"

#include <QDir>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace bv::ui {

namespace {
constexpr char kCheckpointReport[] = "audit_checkpoint";
} // namespace

AuditCheckpointPage::AuditCheckpointPage(const WorkspaceContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("auditCheckpointPage"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("A checkpoint names the first and the last audit row, the last row's hash and the "
                                "number of rows. Keep it away from this computer (printed in a file, or on a medium "
                                "the administrator cannot reach): verifying against it later shows whether rows were "
                                "deleted or the log was rewritten in between."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* buttons = new QHBoxLayout;
    m_take = new QPushButton(tr("&Take a checkpoint"), this);
    m_take->setObjectName(QStringLiteral("takeCheckpointButton"));
    m_save = new QPushButton(tr("&Save as text…"), this);
    m_save->setObjectName(QStringLiteral("saveCheckpointButton"));
    m_pdf = new QPushButton(tr("Save as &PDF…"), this);
    m_pdf->setObjectName(QStringLiteral("saveCheckpointPdfButton"));
    m_pdf->setToolTip(tr("The controlled checkpoint sheet: the chain's head when it is printed, with a serial, "
                         "registered in the print register."));
    m_print = new QPushButton(tr("Pri&nt the sheet…"), this);
    m_print->setObjectName(QStringLiteral("printCheckpointButton"));
    m_print->setToolTip(m_pdf->toolTip());
    buttons->addWidget(m_take);
    buttons->addWidget(m_save);
    buttons->addWidget(m_pdf);
    buttons->addWidget(m_print);
    buttons->addStretch();
    layout->addLayout(buttons);
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("checkpointPlainTextEdit"));
    m_text->setAccessibleName(tr("Checkpoint"));
    m_text->setReadOnly(true);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    layout->addWidget(m_text, 1);
    auto* advisory = new QLabel(ControlledOutput::pdfAdvisoryNote(), this);
    advisory->setWordWrap(true);
    layout->addWidget(advisory);
    m_save->setEnabled(false);
    connect(m_take, &QPushButton::clicked, this, &AuditCheckpointPage::takeCheckpoint);
    connect(m_save, &QPushButton::clicked, this, &AuditCheckpointPage::saveText);
    connect(m_pdf, &QPushButton::clicked, this, &AuditCheckpointPage::savePdf);
    connect(m_print, &QPushButton::clicked, this, [this] { printSheet(false); });
}

bool AuditCheckpointPage::takeCheckpoint()
{
    auto checkpoint = m_context.core.audit().checkpoint(m_context.session);
    if (!checkpoint.ok()) {
        emit failed(checkpoint.error());
        return false;
    }
    m_checkpoint = *checkpoint;
    m_text->setPlainText(m_checkpoint);
    m_save->setEnabled(true);
    return true;
}

QString AuditCheckpointPage::newFile(const QString& title, const QString& suggested, const QString& filter)
{
    const QString path = m_context.dialogs.saveFileName(this, title, suggested, filter);
    if (path.isEmpty())
        return QString();
    Status fresh = AtomicFile::checkNew(path, QStringLiteral("path"));
    if (!fresh.ok()) {
        emit failed(fresh.error());
        return QString();
    }
    return path;
}

bool AuditCheckpointPage::saveText()
{
    if (m_checkpoint.isEmpty())
        return false;
    const QString suggested = QStringLiteral("audit-checkpoint-%1.txt")
                                  .arg(m_context.core.clock()
                                           .nowUtc()
                                           .toTimeZone(WorkingCalendar::branchTimeZone())
                                           .toString(QStringLiteral("yyyyMMdd-HHmm")));
    const QString path = newFile(tr("Save the checkpoint"), suggested, tr("Audit checkpoints (*.txt)"));
    if (path.isEmpty())
        return false;
    // Never replaces a file, not even one that appeared after the dialog closed.
    Status saved = AtomicFile::writeNew(path, QStringLiteral("path"), m_checkpoint.toUtf8());
    if (!saved.ok()) {
        emit failed(saved.error());
        return false;
    }
    m_context.dialogs.showInfo(
        this, tr("Checkpoint"), tr("The checkpoint was saved to %1.").arg(QDir::toNativeSeparators(path)));
    return true;
}

bool AuditCheckpointPage::savePdf()
{
    return printSheet(true);
}

bool AuditCheckpointPage::printSheet(bool pdf)
{
    // The sheet is the controlled report "audit_checkpoint": built by the core from the chain as it stands
    // when it is printed, with a serial, registered in the print register and audited like every print.
    ReportRequest request;
    request.report = QString::fromLatin1(kCheckpointReport);
    ControlledOutput output(m_context, this);
    const ControlledOutput::PrintFn print = [this, &request](int copies, QPagedPaintDevice& printer, PrintJob* job) {
        return printControlled(
            m_context.core.reports(), m_context.session, request, copies, PrintMedium::Printer, printer, 0, job);
    };
    const ControlledOutput::PdfFn toFile = [this, &request](const QString& path, PrintJob* job) {
        return printControlledPdf(m_context.core.reports(), m_context.session, request, 1, path, 0, job);
    };
    const ControlledOutput::CancelFn cancelled = [this, &request](PrintMedium medium) {
        return m_context.core.reports().printCancelled(m_context.session, request, medium);
    };
    const QString title = tr("Audit checkpoint sheet");
    const ControlledOutput::Outcome outcome
        = pdf ? output.toPdf(title, request.report, toFile, cancelled) : output.toPrinter(title, 1, print, cancelled);
    if (outcome == ControlledOutput::Outcome::Failed) {
        emit failed(output.error());
        return false;
    }
    if (outcome == ControlledOutput::Outcome::Cancelled)
        return false;
    m_context.dialogs.showInfo(this, tr("Checkpoint"),
        pdf ? tr("The checkpoint sheet (serial %1) was saved to %2. It is in the print register: destroy it there "
                 "with a witness when it is replaced.")
                  .arg(output.job().serial, QDir::toNativeSeparators(output.file()))
            : tr("The checkpoint sheet was printed with serial %1. Sign it, file it away from this computer, and "
                 "record its receipt in the print register.")
                  .arg(output.job().serial));
    return true;
}

} // namespace bv::ui
