#include "ui/workspaces/ClerkWorkspace.h"

#include "core/Core.h"
#include "core/customers/CustomerService.h"
#include "core/customers/lifecycle/CustomerFinder.h"
#include "core/policy/FieldCatalogue.h"
#include "core/policy/ValueLabels.h"
#include "core/requests/RequestService.h"
#include "ui/common/Dialogs.h"
#include "ui/common/FreeTextWarning.h"
#include "ui/common/ProtectedLabel.h"
#include "ui/customers/CustomerLabels.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace bv::ui {

namespace {

QLineEdit* sensitiveEdit(QWidget* parent, const char* objectName, const QString& accessibleName)
{
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(QString::fromLatin1(objectName));
    edit->setAccessibleName(accessibleName);
    // No predictive text or input-method learning of what the clerk types; no drag of the value out.
    edit->setInputMethodHints(Qt::ImhSensitiveData | Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase);
    edit->setDragEnabled(false);
    edit->setClearButtonEnabled(true);
    return edit;
}

// setText() (unlike clear()) also drops the undo history, so Ctrl+Z cannot bring a value back.
void empty(QLineEdit* edit)
{
    edit->setText(QString());
}

} // namespace

ClerkWorkspace::ClerkWorkspace(const WorkspaceContext& context, QWidget* parent)
    : Workspace(context, parent)
{
    setObjectName(QStringLiteral("clerkWorkspace"));
    auto* layout = new QVBoxLayout(this);

    auto* intro = new QLabel(tr("Look up one customer by the full name AND the full ID number, exactly as on the "
                                "document, and state why. You see one masked card or \"No match\"; nothing is kept "
                                "after the lookup."),
        this);
    intro->setObjectName(QStringLiteral("introLabel"));
    intro->setWordWrap(true);
    layout->addWidget(intro);

    // ---- the form ----
    auto* formBox = new QGroupBox(tr("Lookup"), this);
    formBox->setObjectName(QStringLiteral("lookupGroupBox"));
    auto* form = new QFormLayout(formBox);
    m_name = sensitiveEdit(formBox, "nameLineEdit", tr("Full name"));
    m_idNumber = sensitiveEdit(formBox, "idNumberLineEdit", tr("ID number"));
    m_purpose = sensitiveEdit(formBox, "purposeLineEdit", tr("Purpose of the lookup"));
    m_purpose->setPlaceholderText(tr("for example: verifying the customer at the counter"));
    auto addRow = [&](const QString& text, QLineEdit* edit) {
        auto* label = new QLabel(text, formBox);
        label->setBuddy(edit);
        form->addRow(label, edit);
    };
    addRow(tr("Full &name:"), m_name);
    addRow(tr("I&D number:"), m_idNumber);
    addRow(tr("&Purpose:"), m_purpose);
    auto* buttons = new QHBoxLayout;
    m_lookup = new QPushButton(tr("&Look up"), formBox);
    m_lookup->setObjectName(QStringLiteral("lookupButton"));
    m_lookup->setDefault(true);
    m_newLookup = new QPushButton(tr("N&ew lookup"), formBox);
    m_newLookup->setObjectName(QStringLiteral("newLookupButton"));
    m_newLookup->setToolTip(tr("Empties the form and the card"));
    buttons->addStretch();
    buttons->addWidget(m_newLookup);
    buttons->addWidget(m_lookup);
    form->addRow(buttons);
    layout->addWidget(formBox);

    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("resultLabel"));
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::PlainText);
    layout->addWidget(m_result);

    // ---- the one card: grade 3 and grade 1 masked, in labels that cannot be copied ----
    m_card = new QGroupBox(tr("Customer"), this);
    m_card->setObjectName(QStringLiteral("cardGroupBox"));
    auto* cardForm = new QFormLayout(m_card);
    auto addValue = [&](const char* objectName, const QString& label) {
        auto* value = new ProtectedLabel(m_card);
        value->setObjectName(QString::fromLatin1(objectName));
        value->setAccessibleName(label);
        cardForm->addRow(label + QLatin1Char(':'), value);
        m_cardValues << value;
        return value;
    };
    m_number = addValue("customerNumberLabel", FieldCatalogue::label(QString::fromLatin1(fields::CustomerNo)));
    m_maskedName = addValue("maskedNameLabel", FieldCatalogue::label(QString::fromLatin1(fields::Name)));
    m_sex = addValue("sexLabel", FieldCatalogue::label(QString::fromLatin1(fields::Sex)));
    m_ageBand = addValue("ageBandLabel", FieldCatalogue::label(QString::fromLatin1(fields::AgeBand)));
    m_nationality = addValue("nationalityLabel", FieldCatalogue::label(QString::fromLatin1(fields::Nationality)));
    m_tier = addValue("tierLabel", FieldCatalogue::label(QString::fromLatin1(fields::Tier)));
    m_status = addValue("statusLabel", FieldCatalogue::label(QString::fromLatin1(fields::Status)));
    m_maskedId = addValue("maskedIdNumberLabel", FieldCatalogue::label(QString::fromLatin1(fields::IdNumber)));
    m_maskedMobile = addValue("maskedMobileLabel", FieldCatalogue::label(QString::fromLatin1(fields::Mobile)));
    m_manager = addValue("managerLabel", FieldCatalogue::label(QString::fromLatin1(fields::Manager)));
    layout->addWidget(m_card);

    // ---- a restricted customer: the core's refusal and the request ----
    m_restricted = new QGroupBox(tr("Restricted customer"), this);
    m_restricted->setObjectName(QStringLiteral("restrictedGroupBox"));
    auto* restrictedLayout = new QVBoxLayout(m_restricted);
    m_refusal = new QLabel(m_restricted);
    m_refusal->setObjectName(QStringLiteral("refusalLabel"));
    m_refusal->setWordWrap(true);
    m_refusal->setTextFormat(Qt::PlainText);
    restrictedLayout->addWidget(m_refusal);
    auto* how = new QLabel(tr("To file a restricted-access request, type the customer number the message above names, "
                              "state the purpose and send the request. Look the customer up again once the branch "
                              "manager has approved it."),
        m_restricted);
    how->setWordWrap(true);
    restrictedLayout->addWidget(how);
    auto* requestForm = new QFormLayout;
    m_requestNumber = new QLineEdit(m_restricted);
    m_requestNumber->setObjectName(QStringLiteral("requestCustomerNumberLineEdit"));
    m_requestNumber->setAccessibleName(tr("Customer number for the request"));
    m_requestPurpose = sensitiveEdit(m_restricted, "requestPurposeLineEdit", tr("Purpose of the request"));
    m_requestHours = new QSpinBox(m_restricted);
    m_requestHours->setObjectName(QStringLiteral("requestValiditySpinBox"));
    m_requestHours->setAccessibleName(tr("Validity of the request in hours"));
    m_requestHours->setRange(1, 72);
    m_requestHours->setValue(24);
    m_requestHours->setSuffix(tr(" h"));
    auto addRequestRow = [&](const QString& text, QWidget* field) {
        auto* label = new QLabel(text, m_restricted);
        label->setBuddy(field);
        requestForm->addRow(label, field);
    };
    addRequestRow(tr("Customer n&umber:"), m_requestNumber);
    addRequestRow(tr("Purp&ose of the request:"), m_requestPurpose);
    addRequestRow(tr("&Valid for:"), m_requestHours);
    restrictedLayout->addLayout(requestForm);
    m_requestAccess = new QPushButton(tr("&Request access"), m_restricted);
    m_requestAccess->setObjectName(QStringLiteral("requestAccessButton"));
    auto* requestButtons = new QHBoxLayout;
    requestButtons->addStretch();
    requestButtons->addWidget(m_requestAccess);
    restrictedLayout->addLayout(requestButtons);
    layout->addWidget(m_restricted);
    layout->addStretch();

    setTabOrder(m_name, m_idNumber);
    setTabOrder(m_idNumber, m_purpose);
    setTabOrder(m_purpose, m_lookup);
    setTabOrder(m_lookup, m_newLookup);
    setTabOrder(m_newLookup, m_requestNumber);
    setTabOrder(m_requestNumber, m_requestPurpose);
    setTabOrder(m_requestPurpose, m_requestHours);
    setTabOrder(m_requestHours, m_requestAccess);

    for (QLineEdit* edit : {m_name, m_idNumber, m_purpose, m_requestNumber, m_requestPurpose}) {
        connect(edit, &QLineEdit::textChanged, this, &ClerkWorkspace::updateButtons);
    }
    for (QLineEdit* edit : {m_name, m_idNumber, m_purpose}) {
        connect(edit, &QLineEdit::returnPressed, this, [this] {
            if (m_lookup->isEnabled())
                lookUp();
        });
    }
    connect(m_lookup, &QPushButton::clicked, this, &ClerkWorkspace::lookUp);
    connect(m_newLookup, &QPushButton::clicked, this, &ClerkWorkspace::newLookup);
    connect(m_requestAccess, &QPushButton::clicked, this, &ClerkWorkspace::requestAccess);

    clearResult();
    updateButtons();
    m_name->setFocus();
}

ClerkWorkspace::~ClerkWorkspace()
{
    // The workspace is destroyed on lock and sign-out: leave nothing behind in freed widget memory
    // that a later allocation could show.
    clearForm();
    clearResult();
}

QString ClerkWorkspace::title() const
{
    return tr("Customer lookup");
}

void ClerkWorkspace::updateButtons()
{
    m_lookup->setEnabled(!m_name->text().trimmed().isEmpty() && !m_idNumber->text().trimmed().isEmpty()
        && !m_purpose->text().trimmed().isEmpty());
    m_requestAccess->setEnabled(
        !m_requestNumber->text().trimmed().isEmpty() && !m_requestPurpose->text().trimmed().isEmpty());
}

void ClerkWorkspace::lookUp()
{
    if (!m_lookup->isEnabled())
        return;
    auto reviewed = FreeTextWarning::review(m_context.dialogs, this, m_purpose->text().trimmed());
    if (!reviewed) {
        m_purpose->setFocus();
        return;
    }
    QString name = m_name->text().trimmed();
    QString idNumber = m_idNumber->text().trimmed();
    QString purpose = *reviewed;
    wipe(*reviewed);
    // Each lookup stands alone: the form is emptied before the answer is shown (after "no match" the name
    // and the purpose are put back).
    clearForm();
    clearResult();
    QString keptName = name;
    QString keptPurpose = purpose;
    keptName.detach();
    keptPurpose.detach();
    auto card = m_context.core.customers().finder().clerkLookup(m_context.session, name, idNumber, purpose);
    if (!card.ok() || card->has_value()) {
        wipe(keptName);
        wipe(keptPurpose);
    }
    wipe(name);
    wipe(idNumber);
    wipe(purpose);
    if (!card.ok()) {
        // A clerk may always look up; a refusal here is the core's answer about this customer
        // (restricted, 重点保密).
        if (card.error().code == ErrorCode::PermissionDenied)
            showRefusal(card.error().message);
        else
            fail(card.error());
        m_name->setFocus();
        return;
    }
    if (card->has_value()) {
        showCard(**card);
        m_newLookup->setFocus();
        return;
    }
    // "No match" is most often a mistyped ID number: the name and the purpose stay for the next try,
    // the ID number is typed again from the document.
    m_name->setText(keptName);
    m_purpose->setText(keptPurpose);
    wipe(keptName);
    wipe(keptPurpose);
    showNoMatch();
    m_idNumber->setFocus();
}

void ClerkWorkspace::newLookup()
{
    clearForm();
    clearResult();
    m_name->setFocus();
}

void ClerkWorkspace::requestAccess()
{
    if (!m_requestAccess->isEnabled())
        return;
    NewRequest request;
    request.type = RequestType::RestrictedAccess;
    request.customerNumbers = {m_requestNumber->text().trimmed()};
    const auto purpose = FreeTextWarning::review(m_context.dialogs, this, m_requestPurpose->text().trimmed());
    if (!purpose) {
        m_requestPurpose->setFocus();
        return;
    }
    request.purpose = *purpose;
    request.validityHours = m_requestHours->value();
    auto created = m_context.core.requests().create(m_context.session, request);
    if (!created.ok()) {
        fail(created.error());
        return;
    }
    const qint64 id = created->id;
    clearResult();
    m_context.dialogs.showInfo(this, tr("Request filed"),
        tr("Request %1 is filed and waits for the branch manager's decision. Once it is "
           "approved, look the customer up again with the full name and ID number.")
            .arg(id));
    m_name->setFocus();
}

void ClerkWorkspace::clearForm()
{
    empty(m_name);
    empty(m_idNumber);
    empty(m_purpose);
}

void ClerkWorkspace::clearResult()
{
    m_result->clear();
    m_result->hide();
    for (ProtectedLabel* value : std::as_const(m_cardValues))
        value->clear();
    m_card->hide();
    m_refusal->clear();
    empty(m_requestNumber);
    empty(m_requestPurpose);
    m_requestHours->setValue(24);
    m_restricted->hide();
    updateButtons();
}

void ClerkWorkspace::showCard(const ClerkCard& card)
{
    m_number->setText(card.number);
    m_maskedName->setText(card.maskedName);
    m_sex->setText(ValueLabels::sex(card.sex));
    m_ageBand->setText(ValueLabels::ageBand(card.ageBand));
    m_nationality->setText(card.nationality);
    m_tier->setText(ValueLabels::tier(card.tier));
    m_status->setText(statusLabel(card.status));
    m_maskedId->setText(card.maskedIdNumber);
    m_maskedMobile->setText(card.maskedMobile);
    m_manager->setText(card.managerName);
    m_card->show();
}

void ClerkWorkspace::showNoMatch()
{
    m_result->setText(tr("No match. Check that the full name and the full ID number are typed exactly as on the "
                         "customer's document: partial names and numbers are never searched."));
    m_result->show();
}

void ClerkWorkspace::showRefusal(const QString& message)
{
    m_refusal->setText(message);
    m_restricted->show();
    m_requestNumber->setFocus();
}

} // namespace bv::ui
