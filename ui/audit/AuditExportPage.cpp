#include "ui/audit/AuditExportPage.h"

#include "ui/audit/AuditFilterForm.h"

#include "core/Core.h"
#include "core/audit/AuditService.h"
#include "core/customers/rules/WorkingCalendar.h"
#include "ui/common/Dialogs.h"

#include <QApplication>
#include <QDir>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTimeZone>
#include <QVBoxLayout>

namespace bv::ui {

AuditExportPage::AuditExportPage(const WorkspaceContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("auditExportPage"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Export the audit rows that match the filter to a CSV file for the investigation "
                                "or the archive. The file holds customer numbers and masked details only; it is "
                                "never written over an existing file, and the export is itself recorded."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* box = new QGroupBox(tr("Rows to export"), this);
    auto* boxLayout = new QVBoxLayout(box);
    m_filter = new AuditFilterForm(QStringLiteral("export"), box);
    m_filter->clear(m_context.core.clock().nowUtc());
    if (auto people = m_context.core.audit().people(m_context.session); people.ok())
        m_filter->setPeople(*people);
    boxLayout->addWidget(m_filter);
    layout->addWidget(box);
    auto* buttons = new QHBoxLayout;
    m_export = new QPushButton(tr("&Export CSV…"), this);
    m_export->setObjectName(QStringLiteral("exportCsvButton"));
    buttons->addWidget(m_export);
    buttons->addStretch();
    layout->addLayout(buttons);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("exportProgressBar"));
    m_progress->setAccessibleName(tr("Export in progress"));
    m_progress->setRange(0, 0);
    m_progress->hide();
    layout->addWidget(m_progress);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("exportStatusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    layout->addWidget(m_status);
    layout->addStretch();
    connect(m_export, &QPushButton::clicked, this, &AuditExportPage::exportCsv);
}

bool AuditExportPage::exportCsv()
{
    const QString suggested = QStringLiteral("audit-%1.csv")
                                  .arg(m_context.core.clock()
                                           .nowUtc()
                                           .toTimeZone(WorkingCalendar::branchTimeZone())
                                           .toString(QStringLiteral("yyyyMMdd-HHmm")));
    const QString path
        = m_context.dialogs.saveFileName(this, tr("Export the audit log"), suggested, tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return false;
    const AuditFilter filter = m_filter->filter();
    m_export->setEnabled(false);
    m_status->setText(tr("Exporting…"));
    m_progress->show();
    QApplication::setOverrideCursor(Qt::WaitCursor);
    repaint();
    auto written = m_context.core.audit().exportCsv(m_context.session, filter, path);
    QApplication::restoreOverrideCursor();
    m_progress->hide();
    m_export->setEnabled(true);
    if (!written.ok()) {
        m_status->setText(tr("Nothing was exported."));
        emit failed(written.error());
        return false;
    }
    m_status->setText(tr("%n rows exported to %1.", nullptr, int(*written)).arg(QDir::toNativeSeparators(path)));
    return true;
}

} // namespace bv::ui
