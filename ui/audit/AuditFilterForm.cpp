#include "AuditFilterForm.h"
#include "common/Formats.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>

#include "customers/WorkingCalendar.h"

namespace bv::ui {

AuditFilterForm::AuditFilterForm(const QString& namePrefix, QWidget* parent)
    : QWidget(parent)
{
    setObjectName(namePrefix + QStringLiteral("FilterForm"));
    auto name = [&](const char* suffix) { return namePrefix + QString::fromLatin1(suffix); };
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);

    m_sinceCheck = new QCheckBox(tr("F&rom:"), this);
    m_sinceCheck->setObjectName(name("SinceCheckBox"));
    m_since = new QDateTimeEdit(this);
    m_since->setObjectName(name("SinceDateTimeEdit"));
    m_since->setAccessibleName(tr("From (branch time)"));
    m_since->setCalendarPopup(true);
    Formats::applyTo(m_since);
    m_since->setEnabled(false);
    m_untilCheck = new QCheckBox(tr("&Until:"), this);
    m_untilCheck->setObjectName(name("UntilCheckBox"));
    m_until = new QDateTimeEdit(this);
    m_until->setObjectName(name("UntilDateTimeEdit"));
    m_until->setAccessibleName(tr("Until (branch time)"));
    m_until->setCalendarPopup(true);
    Formats::applyTo(m_until);
    m_until->setEnabled(false);
    connect(m_sinceCheck, &QCheckBox::toggled, m_since, &QWidget::setEnabled);
    connect(m_untilCheck, &QCheckBox::toggled, m_until, &QWidget::setEnabled);

    m_login = new QLineEdit(this);
    m_login->setObjectName(name("LoginLineEdit"));
    m_login->setAccessibleName(tr("User login"));
    m_login->setPlaceholderText(tr("any user"));
    m_action = new QComboBox(this);
    m_action->setObjectName(name("ActionComboBox"));
    m_action->setAccessibleName(tr("Action or action prefix"));
    m_action->setEditable(true);
    m_action->setInsertPolicy(QComboBox::NoInsert);
    m_action->addItem(QString());
    for (const char* prefix :
        {"auth.", "access.", "user.", "settings.", "db.", "audit.", "request.", "grant.", "customer.", "report."})
        m_action->addItem(QString::fromLatin1(prefix));
    m_action->lineEdit()->setPlaceholderText(tr("any action (a prefix ends in \".\")"));
    m_customerNo = new QLineEdit(this);
    m_customerNo->setObjectName(name("CustomerNumberLineEdit"));
    m_customerNo->setAccessibleName(tr("Customer number"));
    m_customerNo->setPlaceholderText(tr("any customer"));
    m_outcome = new QComboBox(this);
    m_outcome->setObjectName(name("OutcomeComboBox"));
    m_outcome->setAccessibleName(tr("Outcome"));
    m_outcome->addItem(tr("any"), QString());
    m_outcome->addItem(tr("ok"), QStringLiteral("ok"));
    m_outcome->addItem(tr("denied"), QStringLiteral("denied"));
    m_outcome->addItem(tr("failed"), QStringLiteral("failed"));

    auto label = [this](const QString& text, QWidget* buddy) {
        auto* l = new QLabel(text, this);
        l->setBuddy(buddy);
        return l;
    };
    grid->addWidget(m_sinceCheck, 0, 0);
    grid->addWidget(m_since, 0, 1);
    grid->addWidget(m_untilCheck, 0, 2);
    grid->addWidget(m_until, 0, 3);
    grid->addWidget(label(tr("U&ser:"), m_login), 1, 0);
    grid->addWidget(m_login, 1, 1);
    grid->addWidget(label(tr("Ac&tion:"), m_action), 1, 2);
    grid->addWidget(m_action, 1, 3);
    grid->addWidget(label(tr("Customer &number:"), m_customerNo), 2, 0);
    grid->addWidget(m_customerNo, 2, 1);
    grid->addWidget(label(tr("&Outcome:"), m_outcome), 2, 2);
    grid->addWidget(m_outcome, 2, 3);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);

    setTabOrder(m_sinceCheck, m_since);
    setTabOrder(m_since, m_untilCheck);
    setTabOrder(m_untilCheck, m_until);
    setTabOrder(m_until, m_login);
    setTabOrder(m_login, m_action);
    setTabOrder(m_action, m_customerNo);
    setTabOrder(m_customerNo, m_outcome);

    connect(m_login, &QLineEdit::returnPressed, this, &AuditFilterForm::submitted);
    connect(m_customerNo, &QLineEdit::returnPressed, this, &AuditFilterForm::submitted);
    connect(m_action->lineEdit(), &QLineEdit::returnPressed, this, &AuditFilterForm::submitted);
}

void AuditFilterForm::setBranchTime(QDateTimeEdit* edit, const QDateTime& utc)
{
    const QDateTime branch = utc.toTimeZone(WorkingCalendar::branchTimeZone());
    edit->setDateTime(QDateTime(branch.date(), branch.time()));
}

QDateTime AuditFilterForm::branchTimeOf(const QDateTimeEdit* edit)
{
    return QDateTime(edit->date(), edit->time(), WorkingCalendar::branchTimeZone()).toUTC();
}

AuditFilter AuditFilterForm::filter() const
{
    AuditFilter filter;
    if (m_sinceCheck->isChecked())
        filter.since = branchTimeOf(m_since);
    if (m_untilCheck->isChecked())
        filter.until = branchTimeOf(m_until);
    filter.login = m_login->text().trimmed();
    filter.action = m_action->currentText().trimmed();
    filter.customerNo = m_customerNo->text().trimmed();
    filter.outcome = m_outcome->currentData().toString();
    return filter;
}

void AuditFilterForm::clear(const QDateTime& now)
{
    m_sinceCheck->setChecked(false);
    m_untilCheck->setChecked(false);
    setBranchTime(m_since, now.addDays(-1));
    setBranchTime(m_until, now.addSecs(60));
    m_login->clear();
    m_action->setCurrentIndex(0);
    m_action->setEditText(QString());
    m_customerNo->clear();
    m_outcome->setCurrentIndex(0);
}

} // namespace bv::ui
