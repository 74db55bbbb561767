#include "ui/server/ServerAuditPage.h"

#include "core/audit/AuditRecords.h"
#include "core/common/AtomicFile.h"
#include "core/server/ServerSession.h"
#include "ui/audit/AuditVerifyPage.h"
#include "ui/common/Dialogs.h"

#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace bv::ui {

namespace {

Result<AuditVerification> verified(Result<ServerSession::AuditCheck> check)
{
    if (!check.ok())
        return check.error();
    return check->verification;
}

} // namespace

ServerAuditPage::ServerAuditPage(const ServerContext& context, QWidget* parent)
    : ServerPage(context, parent)
{
    setObjectName(QStringLiteral("serverAuditPage"));
    auto* layout = new QVBoxLayout(this);
    ServerSession& session = m_context.session;
    m_verify = new AuditVerifyPage(
        m_context.dialogs, [&session] { return verified(session.verifyAudit()); },
        [&session](const QString& text) { return verified(session.verifyAuditAgainst(text)); }, this);
    layout->addWidget(m_verify, 1);
    connect(m_verify, &AuditVerifyPage::failed, this, [this](const Error& error) { fail(error); });
    auto* save = new QPushButton(tr("&Save a checkpoint…"), this);
    save->setObjectName(QStringLiteral("saveCheckpointButton"));
    layout->addWidget(save, 0, Qt::AlignLeft);
    m_saved = new QLabel(this);
    m_saved->setObjectName(QStringLiteral("checkpointLabel"));
    m_saved->setWordWrap(true);
    layout->addWidget(m_saved);
    connect(save, &QPushButton::clicked, this, [this] {
        const QString file = m_context.dialogs.saveFileName(this, tr("Save a checkpoint of the branch's audit log"),
            QStringLiteral("branch-audit.checkpoint"), tr("Audit checkpoints (*.txt *.checkpoint);;All files (*)"));
        if (!file.isEmpty())
            saveCheckpoint(file);
    });
}

bool ServerAuditPage::saveCheckpoint(const QString& file)
{
    m_saved->clear();
    Status fresh = AtomicFile::checkNew(file, QStringLiteral("path"));
    if (!fresh.ok())
        return fail(fresh.error());
    auto head = m_context.session.checkpointAudit();
    if (!head.ok())
        return fail(head.error());
    Status saved = AtomicFile::writeNew(file, QStringLiteral("path"), head->checkpoint.toText().toUtf8());
    if (!saved.ok())
        return fail(saved.error());
    m_saved->setText(tr("Checkpoint saved to %1: row %2 of the branch's audit log. Keep it apart from the server, "
                        "and verify against it next time.")
                         .arg(QDir::toNativeSeparators(file))
                         .arg(head->checkpoint.seq));
    return true;
}

} // namespace bv::ui
