#include "ui/server/ServerCareDialog.h"

#include "ui/customers/CareSource.h"
#include "ui/customers/ComplaintsPage.h"
#include "ui/customers/ConsentPage.h"
#include "ui/customers/ServiceRecordsPage.h"

#include <QDialogButtonBox>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace bv::ui {

ServerCareDialog::ServerCareDialog(const ServerContext& context, const QString& customerNo, Tab first, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("serverCareDialog"));
    setWindowTitle(tr("Service, complaints and consent — customer %1").arg(customerNo));
    const CareContext care = CareContext::server(context.session, context.dialogs, context.clipboard);
    auto* layout = new QVBoxLayout(this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("careTabs"));
    layout->addWidget(m_tabs, 1);
    // the server decides for the customer (own customer manager or branch manager); the pages offer the forms
    m_services = new ServiceRecordsPage(care, customerNo, true);
    m_services->setObjectName(QStringLiteral("servicesPage"));
    m_tabs->addTab(m_services, tr("Service records"));
    m_complaints = new ComplaintsPage(care, customerNo, true);
    m_complaints->setObjectName(QStringLiteral("complaintsPage"));
    m_tabs->addTab(m_complaints, tr("Complaints"));
    m_consent = new ConsentPage(care, customerNo, true);
    m_consent->setObjectName(QStringLiteral("consentPage"));
    m_tabs->addTab(m_consent, tr("Consent"));
    m_tabs->setCurrentIndex(int(first));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_complaints, &ComplaintsPage::complaintsChanged, this, &ServerCareDialog::complaintsChanged);
    for (CarePage* page :
        {static_cast<CarePage*>(m_services), static_cast<CarePage*>(m_complaints), static_cast<CarePage*>(m_consent)})
        connect(page, &CarePage::lockRequested, this, [this] {
            reject();
            emit sessionLost();
        });
    resize(760, 560);
}

} // namespace bv::ui
