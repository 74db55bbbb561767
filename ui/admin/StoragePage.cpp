#include "ui/admin/StoragePage.h"

#include "ui/admin/CalendarBox.h"

#include "core/Core.h"
#include "core/customers/rules/WorkingCalendar.h"
#include "core/vault/AdminService.h"
#include "core/vault/Vault.h"
#include "ui/common/Dialogs.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTimeZone>
#include <QVBoxLayout>

namespace bv::ui {

// While a storage operation runs (on this thread: the database connection belongs to it): the buttons
// are off, the progress bar shows, the cursor waits. No event loop runs meanwhile, so nothing else can
// touch the database or close this workspace under the operation; the bar is repainted directly.
class StoragePage::Busy
{
public:
    Busy(StoragePage* page, const QString& what)
        : m_page(page)
    {
        m_page->setButtonsEnabled(false);
        m_page->m_status->setText(what);
        m_page->m_progress->setRange(0, 0);
        m_page->m_progress->show();
        QApplication::setOverrideCursor(Qt::WaitCursor);
        m_page->repaint();
    }
    ~Busy()
    {
        QApplication::restoreOverrideCursor();
        m_page->m_progress->hide();
        m_page->m_progress->setRange(0, 100);
        m_page->setButtonsEnabled(true);
    }
    Busy(const Busy&) = delete;
    Busy& operator=(const Busy&) = delete;

private:
    StoragePage* m_page;
};

StoragePage::StoragePage(const WorkspaceContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("storagePage"));
    auto* layout = new QVBoxLayout(this);

    auto* operations = new QGroupBox(tr("Database"), this);
    auto* opsLayout = new QVBoxLayout(operations);
    auto* explain = new QLabel(tr("Back up writes an encrypted, integrity-checked copy that opens only with the "
                                  "recovery passphrase or this branch's keys; it never overwrites a file. Rotate "
                                  "keys replaces every key and re-encrypts the protected values. Verify checks the "
                                  "database, its keys and the audit chain."),
        operations);
    explain->setWordWrap(true);
    opsLayout->addWidget(explain);
    auto* buttons = new QHBoxLayout;
    m_backup = new QPushButton(tr("&Back up…"), operations);
    m_backup->setObjectName(QStringLiteral("backupButton"));
    m_rekey = new QPushButton(tr("&Rotate keys…"), operations);
    m_rekey->setObjectName(QStringLiteral("rotateKeysButton"));
    m_verify = new QPushButton(tr("&Verify"), operations);
    m_verify->setObjectName(QStringLiteral("verifyButton"));
    buttons->addWidget(m_backup);
    buttons->addWidget(m_rekey);
    buttons->addWidget(m_verify);
    buttons->addStretch();
    opsLayout->addLayout(buttons);
    m_progress = new QProgressBar(operations);
    m_progress->setObjectName(QStringLiteral("storageProgressBar"));
    m_progress->setAccessibleName(tr("Progress"));
    m_progress->hide();
    opsLayout->addWidget(m_progress);
    m_status = new QLabel(operations);
    m_status->setObjectName(QStringLiteral("storageStatusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    opsLayout->addWidget(m_status);
    m_results = new QListWidget(operations);
    m_results->setObjectName(QStringLiteral("verifyResultsListWidget"));
    m_results->setAccessibleName(tr("Verification results"));
    m_results->setContextMenuPolicy(Qt::NoContextMenu);
    opsLayout->addWidget(m_results, 1);
    layout->addWidget(operations, 1);

    m_calendar = new CalendarBox(m_context, this);
    connect(m_calendar, &CalendarBox::failed, this, &StoragePage::failed);
    layout->addWidget(m_calendar);

    auto* restore = new QGroupBox(tr("Restore"), this);
    auto* restoreLayout = new QVBoxLayout(restore);
    auto* why = new QLabel(tr("A restore replaces this database with a backup. BranchVault first signs you out and "
                              "closes the database, checks the whole backup, and asks an administrator of the backup "
                              "to sign in (and for its recovery passphrase if this computer does not hold its key). "
                              "Only then is the backup put in place; the current database is kept beside it. "
                              "Afterwards everyone signs in to the restored database."),
        restore);
    why->setWordWrap(true);
    restoreLayout->addWidget(why);
    auto* restoreRow = new QHBoxLayout;
    m_restore = new QPushButton(tr("R&estore from a backup…"), restore);
    m_restore->setObjectName(QStringLiteral("restoreButton"));
    restoreRow->addWidget(m_restore);
    restoreRow->addStretch();
    restoreLayout->addLayout(restoreRow);
    layout->addWidget(restore);

    connect(m_backup, &QPushButton::clicked, this, &StoragePage::backup);
    connect(m_rekey, &QPushButton::clicked, this, &StoragePage::rotateKeys);
    connect(m_verify, &QPushButton::clicked, this, &StoragePage::verify);
    connect(m_restore, &QPushButton::clicked, this, &StoragePage::restore);
}

void StoragePage::refresh()
{
    m_status->clear();
    m_calendar->refresh();
}

void StoragePage::setButtonsEnabled(bool enabled)
{
    m_backup->setEnabled(enabled);
    m_rekey->setEnabled(enabled);
    m_verify->setEnabled(enabled);
    m_restore->setEnabled(enabled);
}

bool StoragePage::backup()
{
    const QString suggested = QStringLiteral("branchvault-%1.bvbackup")
                                  .arg(m_context.core.clock()
                                           .nowUtc()
                                           .toTimeZone(WorkingCalendar::branchTimeZone())
                                           .toString(QStringLiteral("yyyyMMdd-HHmm")));
    const QString path = m_context.dialogs.saveFileName(
        this, tr("Back up the database"), suggested, tr("BranchVault backups (*.bvbackup)"));
    if (path.isEmpty())
        return false;
    m_results->clear();
    Result<BackupArchive::Written> written = [&] {
        Busy busy(this, tr("Writing the backup to %1…").arg(QFileInfo(path).fileName()));
        return m_context.core.admin().backup(m_context.session, path);
    }();
    if (!written.ok()) {
        m_status->setText(tr("The backup was not written."));
        emit failed(written.error());
        return false;
    }
    m_status->setText(tr("Backup written: %1 (%2). Keep it with the sealed recovery passphrase, apart from this "
                         "computer.")
                          .arg(QDir::toNativeSeparators(written->path), QLocale().formattedDataSize(written->bytes)));
    return true;
}

bool StoragePage::rotateKeys()
{
    if (!m_context.dialogs.confirm(this, tr("Rotate keys"),
            tr("Rotate every key of the database now? Every protected value is re-encrypted; "
               "this can take a while and nobody else should be working meanwhile. Make a new "
               "backup afterwards.")))
        return false;
    m_results->clear();
    Status rotated = [&] {
        Busy busy(this, tr("Rotating the keys…"));
        return m_context.core.admin().rekey(m_context.session, [this](qint64 done, qint64 total) {
            if (total > 0) {
                m_progress->setRange(0, 1000);
                m_progress->setValue(int(qBound(qint64(0), done * 1000 / total, qint64(1000))));
            }
            m_progress->repaint();
        });
    }();
    if (!rotated.ok()) {
        m_status->setText(tr("The keys were not rotated."));
        emit failed(rotated.error());
        return false;
    }
    m_status->setText(tr("Every key was rotated. Make a new backup now."));
    return true;
}

bool StoragePage::verify()
{
    m_results->clear();
    Result<AdminService::Verification> verification = [&] {
        Busy busy(this, tr("Verifying the database…"));
        return m_context.core.admin().verify(&m_context.session);
    }();
    if (!verification.ok()) {
        m_status->setText(tr("The verification did not run."));
        emit failed(verification.error());
        return false;
    }
    if (verification->ok()) {
        m_status->setText(tr("All checks passed: database integrity, page authentication, keys, and the audit chain "
                             "(%n rows).",
            nullptr, int(verification->auditRows)));
        m_results->addItem(tr("All checks passed."));
        for (const QString& notice : std::as_const(verification->notices))
            m_results->addItem(notice);
        return true;
    }
    m_status->setText(tr("Verification found %n problems. Restore the latest good backup if the database is "
                         "damaged, and tell the security auditor.",
        nullptr, int(verification->problems.size())));
    for (const QString& problem : std::as_const(verification->problems))
        m_results->addItem(problem);
    return true;
}

bool StoragePage::restore()
{
    const QString path
        = m_context.dialogs.openFileName(this, tr("Restore from a backup"), tr("BranchVault backups (*.bvbackup)"));
    if (path.isEmpty())
        return false;
    if (!m_context.dialogs.confirm(this, tr("Restore from a backup"),
            tr("Replace this database with the backup %1? You will be signed out now; the current database is "
               "kept beside the restored one.")
                .arg(QFileInfo(path).fileName())))
        return false;
    emit restoreRequested(path);
    return true;
}

} // namespace bv::ui
