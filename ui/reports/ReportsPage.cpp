#include "ui/reports/ReportsPage.h"
#include "ui/common/Formats.h"

#include "core/Core.h"
#include "core/customers/rules/WorkingCalendar.h"
#include "core/reports/PrintRegister.h"
#include "render/ControlledPrint.h"
#include "render/ReportRenderer.h"
#include "ui/auth/OnTheSpot.h"
#include "ui/common/Dialogs.h"
#include "ui/customers/RequestDialog.h"
#include "ui/reports/ControlledOutput.h"
#include "ui/reports/RegisterEventDialog.h"
#include "ui/reports/ReportParameterForm.h"

#include <QDir>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPrintPreviewWidget>
#include <QPrinter>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace bv::ui {

namespace {
const QString kWithIdentities = QStringLiteral("with_identities");

bool isReportGrant(const Request& request)
{
    return (request.type == RequestType::Print || request.type == RequestType::Export)
        && request.status == RequestStatus::Approved;
}

QString timeText(const QDateTime& utc)
{
    return Formats::dateTime(utc);
}
} // namespace

ReportsPage::ReportsPage(const WorkspaceContext& context, QWidget* parent)
    : ManagerPage(context, parent)
{
    setObjectName(QStringLiteral("reportsPage"));
    auto* layout = new QHBoxLayout(this);

    // the reports of this role
    auto* listColumn = new QVBoxLayout;
    auto* listLabel = new QLabel(tr("R&eports:"), this);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("reportsListWidget"));
    m_list->setAccessibleName(tr("Reports"));
    m_list->setContextMenuPolicy(Qt::NoContextMenu);
    m_list->setWordWrap(true);
    listLabel->setBuddy(m_list);
    listColumn->addWidget(listLabel);
    listColumn->addWidget(m_list, 1);
    layout->addLayout(listColumn, 2);

    // the chosen report: what it holds, its parameters, the grant, the ways out
    auto* formColumn = new QWidget(this);
    auto* formLayout = new QVBoxLayout(formColumn);
    formLayout->setContentsMargins(0, 0, 0, 0);
    m_title = new QLabel(formColumn);
    m_title->setObjectName(QStringLiteral("reportTitleLabel"));
    m_title->setTextFormat(Qt::PlainText);
    QFont big = m_title->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.2);
    m_title->setFont(big);
    m_title->setWordWrap(true);
    m_description = new QLabel(formColumn);
    m_description->setObjectName(QStringLiteral("reportDescriptionLabel"));
    m_description->setTextFormat(Qt::PlainText);
    m_description->setWordWrap(true);
    formLayout->addWidget(m_title);
    formLayout->addWidget(m_description);
    m_form = new ReportParameterForm(formColumn);
    formLayout->addWidget(m_form);

    m_grantBox = new QGroupBox(tr("Protected customer data"), formColumn);
    m_grantBox->setObjectName(QStringLiteral("grantGroupBox"));
    auto* grantLayout = new QVBoxLayout(m_grantBox);
    m_grant = new QLabel(m_grantBox);
    m_grant->setObjectName(QStringLiteral("grantLabel"));
    m_grant->setTextFormat(Qt::PlainText);
    m_grant->setWordWrap(true);
    grantLayout->addWidget(m_grant);
    m_request = new QPushButton(tr("Re&quest approval…"), m_grantBox);
    m_request->setObjectName(QStringLiteral("requestApprovalButton"));
    m_request->setToolTip(tr("File a special request: another branch manager approves one print or one PDF of "
                             "this report."));
    grantLayout->addWidget(m_request, 0, Qt::AlignLeft);
    formLayout->addWidget(m_grantBox);

    auto* options = new QFormLayout;
    m_copies = new QSpinBox(formColumn);
    m_copies->setObjectName(QStringLiteral("copiesSpinBox"));
    m_copies->setAccessibleName(tr("Copies to print"));
    m_copies->setRange(1, ControlledOutput::kMaxCopies);
    auto* copiesLabel = new QLabel(tr("&Copies (paper):"), formColumn);
    copiesLabel->setBuddy(m_copies);
    options->addRow(copiesLabel, m_copies);
    m_period = new QSpinBox(formColumn);
    m_period->setObjectName(QStringLiteral("periodSpinBox"));
    m_period->setAccessibleName(tr("Period of use in days"));
    m_period->setRange(0, 365);
    m_period->setSpecialValueText(tr("branch setting"));
    m_period->setSuffix(tr(" days"));
    auto* periodLabel = new QLabel(tr("Period of &use:"), formColumn);
    periodLabel->setBuddy(m_period);
    options->addRow(periodLabel, m_period);
    formLayout->addLayout(options);

    auto* buttons = new QHBoxLayout;
    m_previewButton = new QPushButton(tr("Previe&w"), formColumn);
    m_previewButton->setObjectName(QStringLiteral("previewButton"));
    m_previewButton->setToolTip(
        tr("Shows the report on screen, marked as a preview: no serial, not a controlled copy."));
    m_print = new QPushButton(tr("Pri&nt…"), formColumn);
    m_print->setObjectName(QStringLiteral("printButton"));
    m_pdf = new QPushButton(tr("Save as PD&F…"), formColumn);
    m_pdf->setObjectName(QStringLiteral("savePdfButton"));
    buttons->addWidget(m_previewButton);
    buttons->addWidget(m_print);
    buttons->addWidget(m_pdf);
    buttons->addStretch();
    formLayout->addLayout(buttons);
    auto* advisory = new QLabel(ControlledOutput::pdfAdvisoryNote(), formColumn);
    advisory->setObjectName(QStringLiteral("pdfAdvisoryLabel"));
    advisory->setWordWrap(true);
    formLayout->addWidget(advisory);
    formLayout->addWidget(createFeedbackLabel());
    m_handOver = new QPushButton(tr("Handed to the custo&mer…"), formColumn);
    m_handOver->setObjectName(QStringLiteral("handOverButton"));
    m_handOver->setToolTip(tr("Records in the print register that the form was given to the customer it is about."));
    m_handOver->hide();
    formLayout->addWidget(m_handOver, 0, Qt::AlignLeft);
    formLayout->addStretch();
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(formColumn);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    layout->addWidget(scroll, 3);

    // the preview
    auto* previewColumn = new QVBoxLayout;
    m_placeholder = new QLabel(tr("Choose a report, fill in its parameters and press Preview to see it here."), this);
    m_placeholder->setObjectName(QStringLiteral("previewPlaceholderLabel"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_preview = new QPrintPreviewWidget(this);
    m_preview->setObjectName(QStringLiteral("printPreviewWidget"));
    m_preview->setAccessibleName(tr("Preview"));
    m_preview->setZoomMode(QPrintPreviewWidget::FitToWidth);
    m_preview->hide();
    previewColumn->addWidget(m_placeholder, 1);
    previewColumn->addWidget(m_preview, 1);
    layout->addLayout(previewColumn, 5);

    connect(m_list, &QListWidget::currentRowChanged, this, &ReportsPage::reportChosen);
    connect(m_form, &ReportParameterForm::changed, this, &ReportsPage::updateGrant);
    connect(m_preview, &QPrintPreviewWidget::paintRequested, this, &ReportsPage::paintPreview);
    connect(m_previewButton, &QPushButton::clicked, this, &ReportsPage::preview);
    connect(m_print, &QPushButton::clicked, this, &ReportsPage::printReport);
    connect(m_pdf, &QPushButton::clicked, this, &ReportsPage::savePdf);
    connect(m_request, &QPushButton::clicked, this, &ReportsPage::requestApproval);
    connect(m_handOver, &QPushButton::clicked, this, &ReportsPage::recordHandOver);
    reportChosen();
}

ReportsPage::~ReportsPage() = default;

void ReportsPage::reload()
{
    const std::optional<ReportInfo> chosen = currentReport();
    auto catalogue = m_context.core.reports().catalogue(m_context.session);
    if (!catalogue.ok()) {
        fail(catalogue.error());
        return;
    }
    m_catalogue = *catalogue;
    // The catalogue of a role does not change while it is signed in: the list is built once.
    if (m_list->count() != m_catalogue.size()) {
        const QSignalBlocker block(m_list);
        m_list->clear();
        for (const ReportInfo& info : std::as_const(m_catalogue)) {
            auto* item = new QListWidgetItem(info.title, m_list);
            item->setData(Qt::UserRole, info.key);
            item->setToolTip(info.description);
        }
    }
    readGrants();
    if (!chosen || !selectReport(chosen->key)) {
        if (m_list->count() > 0 && m_list->currentRow() < 0)
            m_list->setCurrentRow(0);
        else
            reportChosen();
    } else {
        updateGrant();
    }
}

void ReportsPage::readGrants()
{
    // Requests are read only when a report of this role may need one: the administrator and the auditor
    // never print customer data.
    m_grants.clear();
    bool anyGrade1 = false;
    for (const ReportInfo& info : std::as_const(m_catalogue))
        anyGrade1 = anyGrade1 || info.mayHoldGrade1;
    if (!anyGrade1)
        return;
    auto requests = m_context.core.requests().list(m_context.session, true);
    if (!requests.ok()) {
        fail(requests.error());
        return;
    }
    for (const Request& request : std::as_const(*requests)) {
        if (isReportGrant(request) && request.requesterId == m_context.session.info().userId)
            m_grants << request;
    }
}

bool ReportsPage::selectReport(const QString& key)
{
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(Qt::UserRole).toString() == key) {
            if (m_list->currentRow() == row)
                updateGrant();
            else
                m_list->setCurrentRow(row);
            return true;
        }
    }
    return false;
}

std::optional<ReportInfo> ReportsPage::currentReport() const
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_catalogue.size())
        return std::nullopt;
    const QString key = m_list->item(row)->data(Qt::UserRole).toString();
    for (const ReportInfo& info : m_catalogue) {
        if (info.key == key)
            return info;
    }
    return std::nullopt;
}

ReportRequest ReportsPage::currentRequest() const
{
    ReportRequest request;
    if (const std::optional<ReportInfo> info = currentReport()) {
        request.report = info->key;
        request.parameters = m_form->values();
    }
    return request;
}

void ReportsPage::reportChosen()
{
    clearPreview();
    const std::optional<ReportInfo> info = currentReport();
    m_title->setText(info ? info->title : tr("No report chosen"));
    m_description->setText(info ? info->description : QString());
    const QDate today = m_context.core.clock().nowUtc().toTimeZone(WorkingCalendar::branchTimeZone()).date();
    m_form->setParameters(info ? info->parameters : QList<ReportParameterSpec>(), today);
    for (QPushButton* button : {m_previewButton, m_print, m_pdf})
        button->setEnabled(info.has_value());
    m_copies->setEnabled(info.has_value());
    m_period->setEnabled(info.has_value());
    m_lastCopies.clear();
    m_handOver->hide();
    setFeedback(QString());
    updateGrant();
}

bool ReportsPage::needsGrant() const
{
    const std::optional<ReportInfo> info = currentReport();
    if (!info || !info->mayHoldGrade1)
        return false;
    // With the identities left out, the roster holds no grade-1 value, masked or not.
    if (m_form->hasParameter(kWithIdentities))
        return m_form->value(kWithIdentities) == QLatin1String("true");
    return true;
}

QList<Request> ReportsPage::liveGrants() const
{
    QList<Request> live;
    const std::optional<ReportInfo> info = currentReport();
    if (!info)
        return live;
    QString customer;
    for (const ReportParameterSpec& spec : info->parameters) {
        if (spec.kind == ReportParameterSpec::Kind::CustomerNumber)
            customer = m_form->value(spec.key);
    }
    const QDateTime now = m_context.core.clock().nowUtc();
    for (const Request& request : m_grants) {
        if (request.report != info->key || (request.validUntil.isValid() && request.validUntil <= now))
            continue;
        if (info->needsCustomer && !request.customerNumbers.contains(customer))
            continue;
        live << request;
    }
    // the order in which the core uses them: the one that runs out first
    std::sort(live.begin(), live.end(), [](const Request& a, const Request& b) {
        return a.validUntil != b.validUntil ? a.validUntil < b.validUntil : a.id < b.id;
    });
    return live;
}

void ReportsPage::updateGrant()
{
    const bool needed = needsGrant();
    m_grantBox->setVisible(needed);
    if (!needed)
        return;
    const std::optional<ReportInfo> info = currentReport();
    m_request->setEnabled(RequestService::reportKeys().contains(info->key));
    // As the core chooses: the approval that runs out first; a PDF uses an export approval, else a print one.
    const QList<Request> live = liveGrants();
    auto first = [&](RequestType type) -> std::optional<Request> {
        for (const Request& request : live) {
            if (request.type == type)
                return request;
        }
        return std::nullopt;
    };
    const std::optional<Request> onPaper = first(RequestType::Print);
    std::optional<Request> asPdf = first(RequestType::Export);
    if (!asPdf)
        asPdf = onPaper;
    QStringList lines;
    if (onPaper)
        lines << tr("Print… will use special request %1, approved by %2, valid until %3.")
                     .arg(onPaper->id)
                     .arg(onPaper->decidedByLogin, timeText(onPaper->validUntil));
    if (asPdf)
        lines << tr("Save as PDF… will use special request %1, approved by %2, valid until %3.")
                     .arg(asPdf->id)
                     .arg(asPdf->decidedByLogin, timeText(asPdf->validUntil));
    if (lines.isEmpty())
        lines << tr("This report holds protected customer data with these parameters. There is no approved special "
                    "request for it: printing or saving it will be refused. Request approval, and have another "
                    "branch manager approve it.");
    else
        lines << tr("Each approval is used up by one print or one PDF.");
    m_grant->setText(lines.join(QLatin1Char('\n')));
}

void ReportsPage::clearPreview()
{
    m_renderer.reset();
    m_preview->hide();
    m_placeholder->show();
}

void ReportsPage::paintPreview(QPrinter* printer)
{
    if (!m_renderer)
        return;
    m_renderer->layout(*printer);
    QString error;
    if (!m_renderer->paint(*printer, nullptr, false, &error))
        setFeedback(tr("The preview could not be drawn: %1").arg(error));
}

bool ReportsPage::preview()
{
    const ReportRequest request = currentRequest();
    if (request.report.isEmpty())
        return false;
    auto document = m_context.core.reports().run(m_context.session, request);
    if (!document.ok()) {
        clearPreview();
        return fail(document.error());
    }
    m_renderer = std::make_unique<ReportRenderer>(*document);
    m_placeholder->hide();
    m_preview->show();
    m_preview->updatePreview();
    setFeedback(tr("Preview of %1: not a controlled copy. Print or save it as PDF to get a registered copy.")
                    .arg(document->title));
    return true;
}

bool ReportsPage::finishOutput(int outcome, const ControlledOutput& output, const ReportInfo& info)
{
    // A grant may have been used up (or released): show what is left.
    if (needsGrant())
        readGrants();
    updateGrant();
    switch (ControlledOutput::Outcome(outcome)) {
    case ControlledOutput::Outcome::Cancelled:
        setFeedback(tr("Cancelled; nothing was printed or registered."));
        return false;
    case ControlledOutput::Outcome::Failed:
        setFeedback(QString());
        return fail(output.error());
    case ControlledOutput::Outcome::Done:
        break;
    }
    const PrintJob& job = output.job();
    m_lastSerial = job.serial;
    m_lastFile = output.file();
    m_lastCopies.clear();
    if (info.needsCustomer) { // the data-subject form: handed to its customer next
        for (const PrintMarks& copy : job.copies)
            m_lastCopies << copy.copy;
    }
    m_handOver->setVisible(!m_lastCopies.isEmpty());
    if (m_lastFile.isEmpty())
        setFeedback(tr("%1 printed with serial %2, copies: %3. Record in the print register who received them.")
                        .arg(info.title, job.serial)
                        .arg(job.copies.size()));
    else
        setFeedback(tr("%1 saved as %2 with serial %3. The file is a registered copy: destroy it (and record that) "
                       "when it is no longer needed.")
                        .arg(info.title, QDir::toNativeSeparators(m_lastFile), job.serial));
    emit changed();
    return true;
}

bool ReportsPage::printReport()
{
    const std::optional<ReportInfo> info = currentReport();
    if (!info)
        return false;
    const ReportRequest request = currentRequest();
    const int period = m_period->value();
    ControlledOutput output(m_context, this);
    const auto outcome = output.toPrinter(
        info->title, m_copies->value(),
        [&](int copies, QPagedPaintDevice& printer, PrintJob* job) {
            return printControlled(m_context.core.reports(), m_context.session, request, copies, PrintMedium::Printer,
                printer, period, job);
        },
        [&](PrintMedium medium) {
            return m_context.core.reports().printCancelled(m_context.session, request, medium);
        });
    return finishOutput(int(outcome), output, *info);
}

bool ReportsPage::savePdf()
{
    const std::optional<ReportInfo> info = currentReport();
    if (!info)
        return false;
    const ReportRequest request = currentRequest();
    const int period = m_period->value();
    ControlledOutput output(m_context, this);
    const auto outcome = output.toPdf(
        info->title, info->key,
        [&](const QString& path, PrintJob* job) {
            return printControlledPdf(m_context.core.reports(), m_context.session, request, 1, path, period, job);
        },
        [&](PrintMedium medium) {
            return m_context.core.reports().printCancelled(m_context.session, request, medium);
        });
    return finishOutput(int(outcome), output, *info);
}

bool ReportsPage::recordHandOver()
{
    if (m_lastCopies.isEmpty())
        return false;
    const QString serial = m_lastSerial;
    RegisterEventDialog dialog(m_context.dialogs, tr("Handed to the customer"),
        tr("Serial %1: the customer received the form and signed for it on paper. The register records the "
           "hand-over.")
            .arg(serial),
        RegisterEventDialog::Note, QString(), this);
    dialog.setAction([this, serial](RegisterEventDialog& d) -> Status {
        // a copy recorded by an earlier attempt leaves the list: a retry records only the rest
        while (!m_lastCopies.isEmpty()) {
            BV_TRY(m_context.core.printRegister().handOver(
                m_context.session, serial, m_lastCopies.constFirst(), d.note()));
            m_lastCopies.removeFirst();
        }
        return {};
    });
    connect(&dialog, &RegisterEventDialog::lockRequested, this, &ContextWidget::lockRequested);
    if (m_context.dialogs.exec(&dialog) != QDialog::Accepted)
        return false;
    m_lastCopies.clear();
    m_handOver->hide();
    setFeedback(tr("%1: the hand-over to the customer is recorded.").arg(serial));
    emit changed();
    return true;
}

bool ReportsPage::requestApproval()
{
    const std::optional<ReportInfo> info = currentReport();
    if (!info)
        return false;
    QString customer;
    for (const ReportParameterSpec& spec : info->parameters) {
        if (spec.kind == ReportParameterSpec::Kind::CustomerNumber)
            customer = m_form->value(spec.key);
    }
    RequestDialog dialog(m_context, RequestType::Print, info->key, info->title, customer, this);
    connect(&dialog, &RequestDialog::lockRequested, this, &ContextWidget::lockRequested);
    if (m_context.dialogs.exec(&dialog) != QDialog::Accepted || !dialog.request())
        return false;
    if (dialog.authoriseHereRequested() && OnTheSpot::decideRequest(m_context, this, *dialog.request())) {
        readGrants(); // decided on the spot: an approval can be printed now
        updateGrant();
        emit changed();
        return true;
    }
    setFeedback(tr("Special request %1 filed. Another branch manager decides it; then print or save the report.")
                    .arg(dialog.request()->id));
    emit changed();
    return true;
}

} // namespace bv::ui
