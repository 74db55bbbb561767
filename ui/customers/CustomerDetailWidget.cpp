#include "ui/customers/CustomerDetailWidget.h"

#include "core/Core.h"
#include "core/common/SecureBytes.h"
#include "core/customers/CustomerService.h"
#include "core/customers/lifecycle/CustomerFinder.h"
#include "core/policy/FieldCatalogue.h"
#include "core/policy/SettingsService.h"
#include "core/policy/ValueLabels.h"
#include "core/requests/RequestService.h"
#include "ui/auth/OnTheSpot.h"
#include "ui/common/Dialogs.h"
#include "ui/common/ProtectedLabel.h"
#include "ui/customers/ComplaintsPage.h"
#include "ui/customers/ConsentPage.h"
#include "ui/customers/CustomerHistoryPage.h"
#include "ui/customers/CustomerLabels.h"
#include "ui/customers/CustomerWidgetSupport.h"
#include "ui/customers/RequestDialog.h"
#include "ui/customers/ServiceRecordsPage.h"

#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace bv::ui {

using S = CustomerWidgetSupport;

namespace {

// The grade-1 fields of the Identity & contact tab, in the order of the form.
const char* const kIdentityFields[] = {fields::Name, fields::IdType, fields::IdNumber, fields::BirthDate,
    fields::Mobile, fields::OtherPhone, fields::Email, fields::Address};

QString fieldKeyOf(const QString& labelKey)
{
    return labelKey.section(QLatin1Char(':'), 0, 0);
}

QLabel* valueLabel(QWidget* parent, const QString& text, const QString& objectName)
{
    auto* label = new QLabel(text, parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    return label;
}

QLabel* rowLabel(QWidget* parent, const QString& key)
{
    return new QLabel(CustomerDetailWidget::tr("%1:").arg(FieldCatalogue::label(key)), parent);
}

QWidget* scrolled(QWidget* content, const QString& objectName)
{
    auto* area = new QScrollArea;
    area->setObjectName(objectName);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    area->setWidget(content);
    return area;
}

} // namespace

CustomerDetailWidget::CustomerDetailWidget(const WorkspaceContext& context, const QString& customerNo, QWidget* parent)
    : ContextWidget(context, parent)
    , m_number(customerNo.trimmed().toUpper())
{
    setObjectName(QStringLiteral("customerDetailWidget"));
    auto* layout = new QVBoxLayout(this);
    auto* header = new QHBoxLayout;
    m_title = new QLabel(tr("Customer %1").arg(m_number), this);
    m_title->setObjectName(QStringLiteral("titleLabel"));
    QFont font = m_title->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    font.setBold(true);
    m_title->setFont(font);
    m_headerName = new ProtectedLabel(this);
    m_headerName->setObjectName(QStringLiteral("headerNameProtectedLabel"));
    m_headerName->setFont(font);
    m_headerName->setAccessibleName(tr("Name (masked)"));
    header->addWidget(m_title);
    header->addWidget(m_headerName);
    header->addStretch(1);
    m_edit = new QPushButton(tr("&Edit…"), this);
    m_edit->setObjectName(QStringLiteral("editButton"));
    m_edit->setVisible(false); // until the core said this session edits customers
    m_refresh = new QPushButton(tr("Re&fresh"), this);
    m_refresh->setObjectName(QStringLiteral("refreshButton"));
    header->addWidget(m_edit);
    header->addWidget(m_refresh);
    layout->addLayout(header);
    m_notice = valueLabel(this, QString(), QStringLiteral("noticeLabel"));
    m_notice->hide();
    layout->addWidget(m_notice);
    m_message = S::messageLabel(this, QStringLiteral("messageLabel"));
    layout->addWidget(m_message);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("detailTabWidget"));
    m_tabs->setDocumentMode(true);
    layout->addWidget(m_tabs, 1);

    m_countdown = new QTimer(this);
    m_countdown->setObjectName(QStringLiteral("countdownTimer"));
    m_countdown->setInterval(1000);
    connect(m_countdown, &QTimer::timeout, this, &CustomerDetailWidget::tickCountdown);
    connect(m_edit, &QPushButton::clicked, this, [this] { emit editRequested(m_number); });
    connect(m_refresh, &QPushButton::clicked, this, &CustomerDetailWidget::reload);
    reload();
}

CustomerDetailWidget::~CustomerDetailWidget()
{
    hideFullValues();
}

void CustomerDetailWidget::clearTabs()
{
    hideFullValues();
    m_protected.clear();
    m_masked.clear();
    m_grants.clear();
    m_pendingFields.clear();
    m_request = m_show = m_hide = nullptr;
    m_grantStatus = m_countdownLabel = nullptr;
    while (m_tabs->count() > 0) {
        QWidget* page = m_tabs->widget(0);
        m_tabs->removeTab(0);
        delete page;
    }
}

void CustomerDetailWidget::showRefusal(const Error& error)
{
    m_view.reset();
    m_refusal = error.message;
    m_headerName->clear();
    m_notice->hide();
    m_tabs->hide();
    m_edit->setEnabled(false);
    S::setMessage(m_message, error.message);
    if (locks(error))
        emit lockRequested();
}

void CustomerDetailWidget::reload()
{
    clearTabs();
    auto view = m_context.core.customers().finder().open(m_context.session, m_number);
    if (!view.ok()) {
        showRefusal(view.error());
        return;
    }
    m_view = std::move(view).value();
    m_refusal.clear();
    S::setMessage(m_message, QString());
    const CustomerView& v = *m_view;
    m_headerName->setText(v.gradeOne.value(QString::fromLatin1(fields::Name)));

    QStringList notices;
    if (v.status == CustomerStatus::Pending)
        notices << tr("This new record is waiting for a branch manager's approval.");
    else if (v.pendingChangeId > 0)
        notices << tr("A change of this customer (change %1) is waiting for a branch manager's approval.")
                       .arg(v.pendingChangeId);
    if (v.restricted)
        notices << tr("Restricted (重点保密): only its customer manager and the branch manager may see it.");
    if (v.inCustody)
        notices << tr("In temporary custody until %1.").arg(CustomerLabels::dateTime(v.custodyUntil));
    m_notice->setText(notices.join(QLatin1Char('\n')));
    m_notice->setVisible(!notices.isEmpty());
    // what this session may do with the customer is the core's answer, the same for every role's workspace
    const bool editable = v.actions.editNow;
    m_edit->setVisible(v.actions.edit);
    m_edit->setEnabled(editable);
    m_edit->setToolTip(
        editable ? QString() : tr("Only an active customer without a change waiting for approval can be edited."));

    m_tabs->show();
    m_tabs->addTab(scrolled(buildGeneral(v), QStringLiteral("generalScrollArea")), tr("General"));
    m_tabs->addTab(scrolled(buildIdentity(v), QStringLiteral("identityScrollArea")), tr("Identity && contact"));
    if (v.gradeTwoVisible)
        m_tabs->addTab(scrolled(buildProfile(v), QStringLiteral("profileScrollArea")), tr("Profile"));
    m_tabs->addTab(scrolled(buildAccounts(v), QStringLiteral("accountsScrollArea")), tr("Accounts"));
    const CareContext care = CareContext::local(m_context);
    auto* services = new ServiceRecordsPage(care, m_number, v.actions.recordService);
    services->setObjectName(QStringLiteral("servicesPage"));
    connect(services, &CarePage::lockRequested, this, &ContextWidget::lockRequested);
    m_tabs->addTab(services, tr("Service records"));
    auto* complaints = new ComplaintsPage(care, m_number, v.actions.manageComplaints);
    complaints->setObjectName(QStringLiteral("complaintsPage"));
    connect(complaints, &CarePage::lockRequested, this, &ContextWidget::lockRequested);
    m_tabs->addTab(complaints, tr("Complaints"));
    auto* consent = new ConsentPage(care, m_number, v.actions.recordConsent);
    consent->setObjectName(QStringLiteral("consentPage"));
    connect(consent, &CarePage::lockRequested, this, &ContextWidget::lockRequested);
    m_tabs->addTab(consent, tr("Consent"));
    auto* history = new CustomerHistoryPage(m_context, m_number);
    history->setObjectName(QStringLiteral("historyPage"));
    forwardLock(history);
    m_tabs->addTab(history, tr("History"));
    refreshGrants();
}

QWidget* CustomerDetailWidget::buildGeneral(const CustomerView& v)
{
    auto* page = new QWidget;
    page->setObjectName(QStringLiteral("generalPage"));
    auto* form = new QFormLayout(page);
    auto add = [&](const QString& key, const QString& text) {
        form->addRow(rowLabel(page, key), valueLabel(page, text, S::camel(key) + QStringLiteral("ValueLabel")));
    };
    add(QString::fromLatin1(fields::CustomerNo), v.number);
    add(QString::fromLatin1(fields::Status), statusLabel(v.status));
    add(QString::fromLatin1(fields::Tier), ValueLabels::tier(v.tier));
    add(QString::fromLatin1(fields::AgeBand), ValueLabels::ageBand(v.ageBand));
    add(QString::fromLatin1(fields::Sex), ValueLabels::sex(v.sex));
    add(QString::fromLatin1(fields::Nationality), v.nationality.isEmpty() ? CustomerLabels::none() : v.nationality);
    add(QString::fromLatin1(fields::Branch), v.branch.isEmpty() ? CustomerLabels::none() : v.branch);
    add(QString::fromLatin1(fields::Manager), v.managerName.isEmpty() ? CustomerLabels::none() : v.managerName);
    form->addRow(new QLabel(tr("Temporary custody:"), page),
        valueLabel(page,
            v.inCustody ? tr("yes, until %1").arg(CustomerLabels::dateTime(v.custodyUntil)) : ValueLabels::yesNo(false),
            QStringLiteral("custodyValueLabel")));
    add(QString::fromLatin1(fields::Restricted), ValueLabels::yesNo(v.restricted));
    add(QString::fromLatin1(fields::CreatedAt), CustomerLabels::dateTime(v.createdAt));
    add(QString::fromLatin1(fields::UpdatedAt), CustomerLabels::dateTime(v.updatedAt));
    return page;
}

ProtectedLabel* CustomerDetailWidget::protectedValue(
    QWidget* parent, const QString& key, const QString& masked, const QString& objectName)
{
    auto* label = new ProtectedLabel(masked.isEmpty() ? CustomerLabels::none() : masked, parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setAccessibleName(FieldCatalogue::label(fieldKeyOf(key)));
    if (!masked.isEmpty()) {
        m_protected.insert(key, label);
        m_masked.insert(key, masked);
    }
    return label;
}

QWidget* CustomerDetailWidget::buildIdentity(const CustomerView& v)
{
    auto* page = new QWidget;
    page->setObjectName(QStringLiteral("identityPage"));
    auto* layout = new QVBoxLayout(page);
    auto* form = new QFormLayout;
    for (const char* field : kIdentityFields) {
        const QString key = QString::fromLatin1(field);
        if (key == QLatin1String(fields::IdType)) {
            form->addRow(rowLabel(page, key),
                valueLabel(page, ValueLabels::idType(v.gradeOne.value(key)), QStringLiteral("idTypeValueLabel")));
            continue;
        }
        form->addRow(rowLabel(page, key),
            protectedValue(page, key, v.gradeOne.value(key), S::camel(key) + QStringLiteral("ProtectedLabel")));
    }
    layout->addLayout(form);

    m_grantStatus = valueLabel(page, QString(), QStringLiteral("grantStatusLabel"));
    layout->addWidget(m_grantStatus);
    m_countdownLabel = valueLabel(page, QString(), QStringLiteral("countdownLabel"));
    QFont bold = m_countdownLabel->font();
    bold.setBold(true);
    m_countdownLabel->setFont(bold);
    m_countdownLabel->hide();
    layout->addWidget(m_countdownLabel);
    auto* buttons = new QHBoxLayout;
    m_request = new QPushButton(tr("&Request full view…"), page);
    m_request->setObjectName(QStringLiteral("requestFullViewButton"));
    m_request->setVisible(v.actions.requestReveal);
    m_show = new QPushButton(tr("Show f&ull values"), page);
    m_show->setObjectName(QStringLiteral("showFullValuesButton"));
    m_show->setVisible(v.actions.reveal);
    m_hide = new QPushButton(tr("Hi&de full values"), page);
    m_hide->setObjectName(QStringLiteral("hideFullValuesButton"));
    m_hide->setVisible(m_show->isVisibleTo(page));
    buttons->addWidget(m_request);
    buttons->addWidget(m_show);
    buttons->addWidget(m_hide);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    layout->addStretch(1);
    connect(m_request, &QPushButton::clicked, this, &CustomerDetailWidget::requestFullView);
    connect(m_show, &QPushButton::clicked, this, &CustomerDetailWidget::showFullValues);
    connect(m_hide, &QPushButton::clicked, this, &CustomerDetailWidget::hideFullValues);
    setTabOrder(m_request, m_show);
    setTabOrder(m_show, m_hide);
    return page;
}

QWidget* CustomerDetailWidget::buildProfile(const CustomerView& v)
{
    auto* page = new QWidget;
    page->setObjectName(QStringLiteral("profilePage"));
    auto* form = new QFormLayout(page);
    for (const FieldSpec* spec : FieldCatalogue::ofGrade(2)) {
        const QString key = QString::fromLatin1(spec->key);
        form->addRow(rowLabel(page, key),
            valueLabel(
                page, ValueLabels::value(key, v.gradeTwo.value(key)), S::camel(key) + QStringLiteral("ValueLabel")));
    }
    return page;
}

QWidget* CustomerDetailWidget::buildAccounts(const CustomerView& v)
{
    auto* page = new QWidget;
    page->setObjectName(QStringLiteral("accountsPage"));
    auto* outer = new QVBoxLayout(page);
    if (v.accounts.isEmpty()) {
        outer->addWidget(valueLabel(page, tr("No accounts or cards on record."), QStringLiteral("noAccountsLabel")));
        outer->addStretch(1);
        return page;
    }
    auto* grid = new QGridLayout;
    const QStringList headers {FieldCatalogue::label(QString::fromLatin1(fields::AccountType)),
        FieldCatalogue::label(QString::fromLatin1(fields::AccountNumber)),
        FieldCatalogue::label(QString::fromLatin1(fields::AccountOpenedOn)),
        FieldCatalogue::label(QString::fromLatin1(fields::AccountStatus))};
    for (int c = 0; c < headers.size(); ++c) {
        auto* h = new QLabel(headers.at(c), page);
        QFont bold = h->font();
        bold.setBold(true);
        h->setFont(bold);
        grid->addWidget(h, 0, c);
    }
    int row = 1;
    for (const AccountView& a : v.accounts) {
        const QString key = QStringLiteral("account_number:%1").arg(a.id);
        grid->addWidget(
            valueLabel(page, ValueLabels::accountType(a.type), QStringLiteral("accountTypeValueLabel")), row, 0);
        grid->addWidget(protectedValue(page, key, a.number, QStringLiteral("accountNumberProtectedLabel")), row, 1);
        grid->addWidget(
            valueLabel(page, CustomerLabels::date(a.openedOn), QStringLiteral("accountOpenedOnValueLabel")), row, 2);
        grid->addWidget(valueLabel(page, statusLabel(a.status), QStringLiteral("accountStatusValueLabel")), row, 3);
        ++row;
    }
    grid->setColumnStretch(4, 1);
    outer->addLayout(grid);
    outer->addStretch(1);
    return page;
}

QStringList CustomerDetailWidget::revealableFields() const
{
    QStringList out;
    if (!m_view)
        return out;
    for (const char* field : kIdentityFields) {
        const QString key = QString::fromLatin1(field);
        if (key != QLatin1String(fields::IdType) && !m_view->gradeOne.value(key).isEmpty())
            out << key;
    }
    if (!m_view->accounts.isEmpty())
        out << QString::fromLatin1(fields::AccountNumber);
    return out;
}

void CustomerDetailWidget::refreshGrants()
{
    if (!m_view)
        return;
    auto requests = m_context.core.requests().list(m_context.session);
    if (!requests.ok()) {
        hideFullValues();
        fail(requests.error());
        return;
    }
    const QDateTime now = S::nowUtc(m_context);
    m_grants.clear();
    m_pendingFields.clear();
    // a grant works for its requester only (the branch manager's list holds everybody's requests)
    const qint64 me = m_context.session.info().userId;
    for (const Request& r : *requests) {
        if (r.type != RequestType::Reveal || r.requesterId != me || !r.customerNumbers.contains(m_number))
            continue;
        if (r.status == RequestStatus::Approved && r.validFrom <= now && r.validUntil > now) {
            for (const QString& field : r.fields) {
                if (!m_grants.contains(field) || m_grants.value(field) < r.validUntil)
                    m_grants.insert(field, r.validUntil);
            }
        } else if (r.status == RequestStatus::Pending) {
            for (const QString& field : r.fields) {
                if (!m_pendingFields.contains(field))
                    m_pendingFields << field;
            }
        }
    }
    // an approval revoked (or replaced) since the values were shown
    const QStringList shown = m_shown.keys();
    for (const QString& key : shown) {
        const QString field = fieldKeyOf(key);
        if (!m_grants.contains(field))
            restore(key);
        else
            m_shown.insert(key, m_grants.value(field));
    }
    if (m_shown.isEmpty()) {
        m_countdown->stop();
        if (m_countdownLabel)
            m_countdownLabel->hide();
    } else {
        updateCountdown();
    }
    updateRevealControls();
}

void CustomerDetailWidget::updateRevealControls()
{
    if (!m_request)
        return;
    const QStringList revealable = revealableFields();
    QStringList granted;
    QDateTime until;
    for (const QString& field : revealable) {
        if (m_grants.contains(field)) {
            granted << field;
            if (!until.isValid() || m_grants.value(field) > until)
                until = m_grants.value(field);
        }
    }
    m_request->setEnabled(!revealable.isEmpty());
    m_show->setEnabled(!granted.isEmpty());
    m_show->setText(m_shownBefore && !granted.isEmpty() ? tr("Sho&w again") : tr("Show f&ull values"));
    m_hide->setEnabled(!m_shown.isEmpty());
    QStringList lines;
    if (!granted.isEmpty())
        lines << tr("Approved to see in full: %1, until %2 (branch time).")
                     .arg(CustomerLabels::fieldList(granted), CustomerLabels::dateTime(until));
    if (!m_pendingFields.isEmpty())
        lines << tr("Waiting for a branch manager's decision: full view of %1.")
                     .arg(CustomerLabels::fieldList(m_pendingFields));
    if (lines.isEmpty())
        lines << tr("Protected values are shown masked. To see one in full, request a full view; a branch manager "
                    "must approve it.");
    m_grantStatus->setText(lines.join(QLatin1Char('\n')));
}

bool CustomerDetailWidget::requestFullView()
{
    if (!m_view)
        return false;
    RequestDialog dialog(m_context, m_number, revealableFields(), this);
    connect(&dialog, &RequestDialog::lockRequested, this, &ContextWidget::lockRequested);
    if (m_context.dialogs.exec(&dialog) != QDialog::Accepted || !dialog.request())
        return false;
    if (dialog.authoriseHereRequested() && OnTheSpot::decideRequest(m_context, this, *dialog.request())) {
        refreshGrants(); // approved (or rejected) on the spot: no sign-out
        return true;
    }
    m_context.dialogs.showInfo(this, tr("Request filed"),
        tr("Request %1 was filed. Once a branch manager approves it, \"Show full values\" "
           "shows the values until the approval ends.")
            .arg(dialog.request()->id));
    refreshGrants();
    return true;
}

bool CustomerDetailWidget::showFullValues()
{
    if (!m_view)
        return false;
    QStringList wanted;
    for (const QString& field : revealableFields()) {
        if (m_grants.contains(field))
            wanted << field;
    }
    if (wanted.isEmpty())
        return false;
    auto values = m_context.core.customers().finder().reveal(m_context.session, m_number, wanted);
    if (!values.ok()) {
        fail(values.error());
        if (!locks(values.error()))
            refreshGrants();
        return false;
    }
    // shown for the display time only; "Show again" asks the core anew while the approval lasts
    const qint64 displaySeconds
        = m_context.core.settings().integer(QString::fromLatin1(settings::RevealDisplaySeconds));
    m_displayUntil = S::nowUtc(m_context).addSecs(qBound(qint64(10), displaySeconds, qint64(600)));
    m_shownBefore = true;
    QHash<QString, QString> full = std::move(values).value();
    for (auto it = full.begin(); it != full.end(); ++it) {
        ProtectedLabel* label = m_protected.value(it.key());
        if (!label)
            continue;
        label->setText(it.value());
        m_shown.insert(it.key(), m_grants.value(fieldKeyOf(it.key())));
        wipe(it.value());
    }
    full.clear();
    if (!m_shown.isEmpty()) {
        m_ticks = 0;
        m_countdown->start();
        updateCountdown();
    }
    updateRevealControls();
    return !m_shown.isEmpty();
}

void CustomerDetailWidget::restore(const QString& key)
{
    if (ProtectedLabel* label = m_protected.value(key))
        label->setText(m_masked.value(key));
    m_shown.remove(key);
}

void CustomerDetailWidget::hideFullValues()
{
    const QStringList shown = m_shown.keys();
    for (const QString& key : shown)
        restore(key);
    m_countdown->stop();
    if (m_countdownLabel) {
        m_countdownLabel->clear();
        m_countdownLabel->hide();
    }
    updateRevealControls();
}

void CustomerDetailWidget::tickCountdown()
{
    const QDateTime now = S::nowUtc(m_context);
    bool ended = false;
    const QStringList shown = m_shown.keys();
    for (const QString& key : shown) {
        if (m_shown.value(key) <= now) {
            restore(key);
            ended = true;
        } else if (m_displayUntil.isValid() && m_displayUntil <= now) {
            restore(key); // the display time is over; the approval may still allow "Show again"
        }
    }
    if (m_shown.isEmpty()) {
        hideFullValues();
        if (ended)
            refreshGrants();
        return;
    }
    updateCountdown();
    // now and then, ask whether an approval was revoked meanwhile
    if (++m_ticks % 30 == 0)
        refreshGrants();
}

DraftSource* CustomerDetailWidget::showDraftForm(DraftForm form)
{
    if (!m_view)
        return nullptr;
    QWidget* page = nullptr;
    if (form == DraftForm::ServiceRecord)
        page = findChild<ServiceRecordsPage*>(QStringLiteral("servicesPage"));
    else if (form == DraftForm::Complaint)
        page = findChild<ComplaintsPage*>(QStringLiteral("complaintsPage"));
    if (!page)
        return nullptr;
    m_tabs->setCurrentWidget(page);
    return dynamic_cast<DraftSource*>(page);
}

QDateTime CustomerDetailWidget::hiddenAt() const
{
    QDateTime earliest;
    for (const QDateTime& until : std::as_const(m_shown)) {
        if (!earliest.isValid() || until < earliest)
            earliest = until;
    }
    if (earliest.isValid() && m_displayUntil.isValid() && m_displayUntil < earliest)
        earliest = m_displayUntil;
    return earliest;
}

void CustomerDetailWidget::updateCountdown()
{
    if (!m_countdownLabel || m_shown.isEmpty())
        return;
    const QDateTime earliest = hiddenAt();
    const qint64 seconds = S::nowUtc(m_context).secsTo(earliest);
    m_countdownLabel->setText(tr("Full values are shown until %1 (branch time); they are hidden again in %2.")
                                  .arg(CustomerLabels::time(earliest), CustomerLabels::remaining(seconds)));
    m_countdownLabel->show();
}

} // namespace bv::ui
