#pragma once

#include "ui/server/ServerContext.h"

#include <QDialog>

class QTabWidget;

namespace bv::ui {

class ComplaintsPage;
class ConsentPage;
class ServiceRecordsPage;

// Serving one customer over the branch server (DESIGN §6; docs/SERVER.md, "Care over the server"): local mode's
// service-record, complaint and consent pages on the branch server (CareContext::server → ServerCare), for the branch
// manager and the customer's own customer manager. The server decides and records; the pages show what it returned.
// When the server is gone, the dialog closes and asks the window to end the session.
class ServerCareDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Tab
    {
        Services,
        Complaints,
        Consent,
    };
    ServerCareDialog(
        const ServerContext& context, const QString& customerNo, Tab first = Tab::Services, QWidget* parent = nullptr);

    ServiceRecordsPage* servicesPage() const { return m_services; }
    ComplaintsPage* complaintsPage() const { return m_complaints; }
    ConsentPage* consentPage() const { return m_consent; }
    QTabWidget* tabs() const { return m_tabs; }

signals:
    void sessionLost();
    // a complaint was recorded or moved on (the overdue list reloads)
    void complaintsChanged();

private:
    QTabWidget* m_tabs = nullptr;
    ServiceRecordsPage* m_services = nullptr;
    ComplaintsPage* m_complaints = nullptr;
    ConsentPage* m_consent = nullptr;
};

} // namespace bv::ui
