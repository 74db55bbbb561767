#include "AuditCheckpointPage.h"

#include "Core.h"
#include "audit/AuditService.h"
#include "common/Dialogs.h"
#include "customers/WorkingCalendar.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPageLayout>
#include <QPlainTextEdit>
#include <QPrinter>
#include <QPushButton>
#include <QTextDocument>
#include <QTimeZone>
#include <QVBoxLayout>

namespace bv::ui {

AuditCheckpointPage::AuditCheckpointPage(const WorkspaceContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("auditCheckpointPage"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("A checkpoint names the last audit row and its hash. Keep it away from this computer "
                                "(printed in a file, or on a medium the administrator cannot reach): verifying "
                                "against it later shows whether the log was rewritten in between."),
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
    buttons->addWidget(m_take);
    buttons->addWidget(m_save);
    buttons->addWidget(m_pdf);
    buttons->addStretch();
    layout->addLayout(buttons);
    m_text = new QPlainTextEdit(this);
    m_text->setObjectName(QStringLiteral("checkpointPlainTextEdit"));
    m_text->setAccessibleName(tr("Checkpoint"));
    m_text->setReadOnly(true);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    layout->addWidget(m_text, 1);
    m_save->setEnabled(false);
    m_pdf->setEnabled(false);
    connect(m_take, &QPushButton::clicked, this, &AuditCheckpointPage::takeCheckpoint);
    connect(m_save, &QPushButton::clicked, this, &AuditCheckpointPage::saveText);
    connect(m_pdf, &QPushButton::clicked, this, &AuditCheckpointPage::savePdf);
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
    m_pdf->setEnabled(true);
    return true;
}

QString AuditCheckpointPage::newFile(const QString& title, const QString& suggested, const QString& filter)
{
    const QString path = m_context.dialogs.saveFileName(this, title, suggested, filter);
    if (path.isEmpty())
        return QString();
    const QFileInfo info(path);
    if (info.exists() || info.isSymLink()) {
        emit failed(makeError(ErrorCode::AlreadyExists,
            tr("The file %1 already exists, and a checkpoint never overwrites a file. Choose "
               "another file name.")
                .arg(info.fileName()),
            QDir::toNativeSeparators(info.absoluteFilePath())));
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
    QFile file(path);
    // NewOnly: refused if the file appeared meanwhile.
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly)
        || file.write(m_checkpoint.toUtf8()) != m_checkpoint.toUtf8().size() || !file.flush()) {
        const QString why = file.errorString();
        file.close();
        emit failed(makeError(ErrorCode::Io,
            tr("The checkpoint could not be saved to %1 (%2). Choose another place.")
                .arg(QFileInfo(path).fileName(), why),
            QDir::toNativeSeparators(path)));
        return false;
    }
    file.close();
    m_context.dialogs.showInfo(
        this, tr("Checkpoint"), tr("The checkpoint was saved to %1.").arg(QDir::toNativeSeparators(path)));
    return true;
}

bool AuditCheckpointPage::savePdf()
{
    if (m_checkpoint.isEmpty())
        return false;
    const QString suggested = QStringLiteral("audit-checkpoint-%1.pdf")
                                  .arg(m_context.core.clock()
                                           .nowUtc()
                                           .toTimeZone(WorkingCalendar::branchTimeZone())
                                           .toString(QStringLiteral("yyyyMMdd-HHmm")));
    const QString path = newFile(tr("Save the checkpoint as PDF"), suggested, tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return false;
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(path);
    printer.setPageOrientation(QPageLayout::Portrait);
    printer.setDocName(tr("BranchVault audit checkpoint"));
    QTextDocument document;
    document.setDefaultFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    const Actor& who = m_context.session.info();
    document.setPlainText(m_checkpoint + QLatin1Char('\n')
        + tr("Taken by %1 (%2) on %3.")
              .arg(who.displayName, who.login,
                  m_context.core.clock().nowUtc().toTimeZone(WorkingCalendar::branchTimeZone()).toString(Qt::ISODate))
        + QStringLiteral("\n\n") + tr("Signature: ______________________"));
    document.print(&printer);
    if (!QFileInfo::exists(path)) {
        emit failed(makeError(ErrorCode::Io,
            tr("The PDF could not be written to %1. Choose another place.").arg(QFileInfo(path).fileName()),
            QDir::toNativeSeparators(path)));
        return false;
    }
    m_context.dialogs.showInfo(
        this, tr("Checkpoint"), tr("The checkpoint was saved to %1.").arg(QDir::toNativeSeparators(path)));
    return true;
}

} // namespace bv::ui
