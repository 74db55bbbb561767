#pragma once

#include "core/common/Error.h"
#include "core/common/Result.h"
#include "ui/common/WorkspaceContext.h"

#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;

namespace bv {
struct AuditVerification;
}

namespace bv::ui {

class Dialogs;

// Verifies the audit chain (every row's hash over its content and the previous hash) and, with a
// checkpoint file taken earlier, that the chain was not rewritten or truncated since.
class AuditVerifyPage : public QWidget
{
    Q_OBJECT
public:
    explicit AuditVerifyPage(const WorkspaceContext& context, QWidget* parent = nullptr);
    // Another chain: the branch server's (ServerSession::verifyAudit), verified and compared on this workstation.
    using Verify = std::function<Result<AuditVerification>()>;
    using VerifyAgainst = std::function<Result<AuditVerification>(const QString& checkpointText)>;
    AuditVerifyPage(Dialogs& dialogs, Verify verify, VerifyAgainst verifyAgainst, QWidget* parent = nullptr);

    bool verifyChain();
    bool verifyAgainstCheckpoint();
    QString resultText() const;

    static constexpr qint64 kMaxCheckpointBytes = 64 * 1024;

signals:
    void failed(const bv::Error& error);

private:
    void showResult(const AuditVerification& verification, const QString& against);

    Dialogs& m_dialogs;
    Verify m_verifyFn;
    VerifyAgainst m_verifyAgainstFn;
    QPushButton* m_verify = nullptr;
    QPushButton* m_verifyAgainst = nullptr;
    QLabel* m_result = nullptr;
};

} // namespace bv::ui
