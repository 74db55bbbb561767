#include "ui/audit/AuditVerifyPage.h"

#include "core/Core.h"
#include "core/audit/AuditService.h"
#include "ui/common/Dialogs.h"

#include <QApplication>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace bv::ui {

AuditVerifyPage::AuditVerifyPage(const WorkspaceContext& context, QWidget* parent)
    : AuditVerifyPage(
        context.dialogs, [context] { return context.core.audit().verify(context.session); },
        [context](const QString& text) { return context.core.audit().verifyAgainst(context.session, text); }, parent)
{
}

AuditVerifyPage::AuditVerifyPage(Dialogs& dialogs, Verify verify, VerifyAgainst verifyAgainst, QWidget* parent)
    : QWidget(parent)
    , m_dialogs(dialogs)
    , m_verifyFn(std::move(verify))
    , m_verifyAgainstFn(std::move(verifyAgainst))
{
    setObjectName(QStringLiteral("auditVerifyPage"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Every audit row carries the hash of the row before it and its own. Verifying walks "
                                "the whole chain and names the first row that does not match. A checkpoint taken "
                                "earlier also proves that the rows up to it were not rewritten or removed since."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* buttons = new QHBoxLayout;
    m_verify = new QPushButton(tr("Verify the &chain"), this);
    m_verify->setObjectName(QStringLiteral("verifyChainButton"));
    m_verifyAgainst = new QPushButton(tr("Verify against a check&point file…"), this);
    m_verifyAgainst->setObjectName(QStringLiteral("verifyCheckpointButton"));
    buttons->addWidget(m_verify);
    buttons->addWidget(m_verifyAgainst);
    buttons->addStretch();
    layout->addLayout(buttons);
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("verifyResultLabel"));
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::PlainText);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_result->setAccessibleName(tr("Verification result"));
    layout->addWidget(m_result);
    layout->addStretch();
    connect(m_verify, &QPushButton::clicked, this, &AuditVerifyPage::verifyChain);
    connect(m_verifyAgainst, &QPushButton::clicked, this, &AuditVerifyPage::verifyAgainstCheckpoint);
}

QString AuditVerifyPage::resultText() const
{
    return m_result->text();
}

void AuditVerifyPage::showResult(const AuditVerification& verification, const QString& against)
{
    QString text;
    if (verification.ok()) {
        text = tr("Intact: %n rows checked; head row %1, head hash %2.", nullptr, int(verification.rowsChecked))
                   .arg(verification.headSeq)
                   .arg(QString::fromLatin1(verification.headHash.toHex()));
        m_result->setStyleSheet(QString());
    } else {
        text = tr("Broken at row %1: %2").arg(verification.firstBrokenSeq).arg(verification.problem);
        text += QLatin1Char('\n')
            + tr("Keep the database as it is (make a backup of it for the investigation) and report this to the "
                 "branch manager and the information-security office.");
        m_result->setStyleSheet(QStringLiteral("color: #b00020;"));
    }
    if (!against.isEmpty())
        text = tr("Against the checkpoint %1:").arg(against) + QLatin1Char('\n') + text;
    m_result->setText(text);
}

bool AuditVerifyPage::verifyChain()
{
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto verification = m_verifyFn();
    QApplication::restoreOverrideCursor();
    if (!verification.ok()) {
        m_result->clear();
        emit failed(verification.error());
        return false;
    }
    showResult(*verification, QString());
    return verification->ok();
}

bool AuditVerifyPage::verifyAgainstCheckpoint()
{
    const QString path = m_dialogs.openFileName(
        this, tr("Open a checkpoint"), tr("Audit checkpoints (*.txt *.checkpoint);;All files (*)"));
    if (path.isEmpty())
        return false;
    const QString name = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        emit failed(makeError(ErrorCode::Io,
            tr("The checkpoint file %1 cannot be read (%2). Check the file and try again.")
                .arg(name, file.errorString()),
            path));
        return false;
    }
    if (file.size() > kMaxCheckpointBytes) {
        emit failed(makeError(ErrorCode::InvalidInput,
            tr("The file %1 is too large to be an audit checkpoint. Choose the checkpoint file "
               "that BranchVault saved.")
                .arg(name),
            path));
        return false;
    }
    const QString text = QString::fromUtf8(file.readAll());
    QApplication::setOverrideCursor(Qt::WaitCursor);
    auto verification = m_verifyAgainstFn(text);
    QApplication::restoreOverrideCursor();
    if (!verification.ok()) {
        m_result->clear();
        emit failed(verification.error());
        return false;
    }
    showResult(*verification, name);
    return verification->ok();
}

} // namespace bv::ui
