#include "ui/customers/ImportPage.h"

#include "core/Core.h"
#include "core/common/AtomicFile.h"
#include "core/customers/CustomerService.h"
#include "core/customers/import/CustomerImport.h"
#include "ui/common/Dialogs.h"
#include "ui/manager/GuardedTableView.h"
#include "ui/models/RecordTableModel.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace bv::ui {

ImportPage::ImportPage(const WorkspaceContext& context, QWidget* parent)
    : ManagerPage(context, parent)
{
    setObjectName(QStringLiteral("importPage"));
    auto* layout = new QVBoxLayout(this);
    auto* explain = new QLabel(tr("Enter many new customers at once: fill in the template in Excel, save it as CSV "
                                  "(UTF-8 or GB18030) and import it. Every row is checked like an entry in the "
                                  "form; good rows become new records waiting for a branch manager's approval, "
                                  "refused rows are listed below with their line, column and reason. A branch "
                                  "manager's file needs the column \"Customer manager\"."),
        this);
    explain->setWordWrap(true);
    layout->addWidget(explain);

    auto* buttons = new QHBoxLayout;
    m_template = new QPushButton(tr("Save the &template…"), this);
    m_template->setObjectName(QStringLiteral("saveTemplateButton"));
    m_import = new QPushButton(tr("Import a &CSV file…"), this);
    m_import->setObjectName(QStringLiteral("importButton"));
    buttons->addWidget(m_template);
    buttons->addWidget(m_import);
    buttons->addStretch();
    layout->addLayout(buttons);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("importProgressBar"));
    m_progress->setAccessibleName(tr("Import progress"));
    m_progress->setRange(0, 1000);
    m_progress->hide();
    layout->addWidget(m_progress);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("importSummaryLabel"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    layout->addWidget(m_summary);

    m_problemsModel = new models::RecordTableModel({tr("Line"), tr("Column"), tr("Reason")}, this);
    m_problems = createTable(QStringLiteral("importProblemsTableView"), tr("Refused rows"));
    m_problems->setModel(m_problemsModel);
    // a reason names the field and the rule, never the value (at most an ID number's check character)
    m_problems->setCopyableColumns({0, 1, 2});
    m_problems->setWordWrap(true);
    layout->addWidget(m_problems, 1);

    connect(m_template, &QPushButton::clicked, this, &ImportPage::saveTemplate);
    connect(m_import, &QPushButton::clicked, this, &ImportPage::importFile);
}

bool ImportPage::saveTemplate()
{
    const QString path = m_context.dialogs.saveFileName(this, tr("Save the import template"),
        QStringLiteral("branchvault-import-template.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return false;
    if (Status written = AtomicFile::write(path, CustomerImport::templateCsv()); !written.ok())
        return fail(written.error());
    m_summary->setText(tr("Template saved: %1").arg(QFileInfo(path).fileName()));
    return true;
}

bool ImportPage::importFile()
{
    const QString path
        = m_context.dialogs.openFileName(this, tr("Import customers"), tr("CSV files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return false;
    const QFileInfo info(path);
    const QString reportPath
        = m_context.dialogs.saveFileName(this, tr("Save the import report (Cancel: no report file)"),
            info.dir().filePath(info.completeBaseName() + QStringLiteral("-report.csv")), tr("CSV files (*.csv)"));

    m_problemsModel->setRecords({});
    m_summary->setText(tr("Importing %1…").arg(info.fileName()));
    m_template->setEnabled(false);
    m_import->setEnabled(false);
    m_progress->setValue(0);
    m_progress->show();
    QApplication::setOverrideCursor(Qt::WaitCursor);
    repaint();
    auto report = m_context.core.customers().importer().importFile(
        m_context.session, path, reportPath, [this](qint64 done, qint64 total) {
            if (total > 0)
                m_progress->setValue(int(qBound(qint64(0), done * 1000 / total, qint64(1000))));
            m_progress->repaint();
        });
    QApplication::restoreOverrideCursor();
    m_progress->hide();
    m_template->setEnabled(true);
    m_import->setEnabled(true);
    if (!report.ok()) {
        m_summary->setText(tr("Nothing was imported from %1.").arg(info.fileName()));
        return fail(report.error());
    }
    QString summary = tr("%1: %n rows read; %2 accepted and waiting for a branch manager's approval; %3 refused.",
        nullptr, int(report->rows))
                          .arg(info.fileName())
                          .arg(report->accepted)
                          .arg(report->rejected);
    if (!reportPath.isEmpty())
        summary += QLatin1Char(' ') + tr("The report was saved as %1.").arg(QFileInfo(reportPath).fileName());
    for (const QString& warning : std::as_const(report->warnings))
        summary += QLatin1Char('\n') + warning;
    m_summary->setText(summary);
    QList<models::RecordTableModel::Record> records;
    for (const ImportProblem& problem : std::as_const(report->problems))
        records << models::RecordTableModel::Record {
            problem.line, {QString::number(problem.line), problem.column, problem.message}, problem.message};
    m_problemsModel->setRecords(records);
    m_problems->resizeRowsToContents();
    if (report->accepted > 0) {
        emit imported();
        emit changed(); // the approvals inbox has new entries
    }
    return true;
}

} // namespace bv::ui
