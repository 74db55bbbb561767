#pragma once

#include "ui/server/ServerContext.h"

class QLabel;

namespace bv::ui {

class AuditVerifyPage;

// The security auditor's check of the branch's one audit chain on the server: read and verified on this
// workstation by the same verifier and page as a workstation's own log (AuditVerifyPage), and compared with a
// checkpoint file the auditor kept (a chain cut back at its end fails that comparison); "Save a checkpoint" keeps the
// chain's head as it is now in a new file. The first success pins the server's database id on this workstation.
class ServerAuditPage : public ServerPage
{
    Q_OBJECT
public:
    explicit ServerAuditPage(const ServerContext& context, QWidget* parent = nullptr);

    AuditVerifyPage* verifyPage() const { return m_verify; }
    QLabel* checkpointLabel() const { return m_saved; }

public slots:
    bool saveCheckpoint(const QString& file);

private:
    AuditVerifyPage* m_verify = nullptr;
    QLabel* m_saved = nullptr;
};

} // namespace bv::ui
