#include "AuditCheckpointPage.h"

#include "Core.h"
#include "audit/AuditService.h"
#include "common/AtomicFile.h"
#include "common/Dialogs.h"
#include "customers/WorkingCalendar.h"

#include <QBuffer>
#include <QDir>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPageLayout>
#include <QPdfWriter>
#include <QPlainTextEdit>
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
    // Rendered in memory, then written like the text: never over a file, never half a file.
    QBuffer pdf;
    pdf.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&pdf);
        writer.setPageOrientation(QPageLayout::Portrait);
        writer.setTitle(tr("BranchVault audit checkpoint"));
        QTextDocument document;
        document.setDefaultFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        const Actor& who = m_context.session.info();
        document.setPlainText(m_checkpoint + QLatin1Char('\n')
            + tr("Taken by %1 (%2) on %3.")
                  .arg(who.displayName, who.login,
                      m_context.core.clock()
                          .nowUtc()
                          .toTimeZone(WorkingCalendar::branchTimeZone())
                          .toString(Qt::ISODate))
            + QStringLiteral("\n\n") + tr("Signature: ______________________"));
        document.print(&writer);
    }
    Status saved = AtomicFile::writeNew(path, QStringLiteral("path"), pdf.data());
    if (!saved.ok()) {
        emit failed(saved.error());
        return false;
    }
    m_context.dialogs.showInfo(
        this, tr("Checkpoint"), tr("The checkpoint was saved to %1.").arg(QDir::toNativeSeparators(path)));
    return true;
}

} // namespace bv::ui
