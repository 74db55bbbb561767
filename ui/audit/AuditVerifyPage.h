#pragma once

#include "core/common/Error.h"
#include "ui/common/WorkspaceContext.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace bv {
struct AuditVerification;
}

namespace bv::ui {

// Verifies the audit chain (every row's hash over its content and the previous hash) and, with a
// checkpoint file taken earlier, that the chain was not rewritten or truncated since.
class AuditVerifyPage : public QWidget
{
    Q_OBJECT
public:
    explicit AuditVerifyPage(const WorkspaceContext& context, QWidget* parent = nullptr);

    bool verifyChain();
    bool verifyAgainstCheckpoint();
    QString resultText() const;

    static constexpr qint64 kMaxCheckpointBytes = 64 * 1024;

signals:
    void failed(const bv::Error& error);

private:
    void showResult(const AuditVerification& verification, const QString& against);

    WorkspaceContext m_context;
    QPushButton* m_verify = nullptr;
    QPushButton* m_verifyAgainst = nullptr;
    QLabel* m_result = nullptr;
};

} // namespace bv::ui
