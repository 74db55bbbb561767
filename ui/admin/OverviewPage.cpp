#include "ui/admin/OverviewPage.h"

#include "core/Core.h"
#include "core/vault/AdminService.h"
#include "core/vault/Vault.h"

#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace bv::ui {

OverviewPage::OverviewPage(const WorkspaceContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("overviewPage"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("The system administrator manages accounts, settings and storage and sees counts "
                                "only — never customer data."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* form = new QFormLayout;
    auto addCount = [&](const char* name, const QString& label) {
        auto* value = new QLabel(QStringLiteral("—"), this);
        value->setObjectName(QString::fromLatin1(name));
        value->setAccessibleName(label);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        form->addRow(label + QLatin1Char(':'), value);
        return value;
    };
    m_accounts = addCount("accountsCountLabel", tr("Staff accounts"));
    m_activeAccounts = addCount("activeAccountsCountLabel", tr("Active accounts"));
    m_customers = addCount("customersCountLabel", tr("Customers"));
    m_auditRows = addCount("auditRowsCountLabel", tr("Audit log rows"));
    m_openRequests = addCount("openRequestsCountLabel", tr("Open special requests"));
    m_database = addCount("databaseLabel", tr("Database file"));
    layout->addLayout(form);
    auto* buttons = new QHBoxLayout;
    m_refresh = new QPushButton(tr("Re&fresh"), this);
    m_refresh->setObjectName(QStringLiteral("refreshOverviewButton"));
    buttons->addWidget(m_refresh);
    buttons->addStretch();
    layout->addLayout(buttons);
    layout->addStretch();
    connect(m_refresh, &QPushButton::clicked, this, &OverviewPage::refresh);
}

void OverviewPage::refresh()
{
    auto counts = m_context.core.admin().counts(m_context.session);
    if (!counts.ok()) {
        emit failed(counts.error());
        return;
    }
    const QLocale locale;
    m_accounts->setText(locale.toString(counts->accounts));
    m_activeAccounts->setText(locale.toString(counts->activeAccounts));
    m_customers->setText(locale.toString(counts->customers));
    m_auditRows->setText(locale.toString(counts->auditRows));
    m_openRequests->setText(locale.toString(counts->openRequests));
    m_database->setText(QDir::toNativeSeparators(m_context.core.vault().path()));
}

} // namespace bv::ui
