#include "ui/audit/AuditFilterForm.h"
#include "ui/common/Formats.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFont>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>

#include "core/audit/AuditWording.h"
#include "core/customers/rules/WorkingCalendar.h"

namespace bv::ui {

AuditFilterForm::AuditFilterForm(const QString& namePrefix, QWidget* parent)
    : QWidget(parent)
{
    setObjectName(namePrefix + QStringLiteral("FilterForm"));
    auto name = [&](const char* suffix) { return namePrefix + QString::fromLatin1(suffix); };
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);

    m_sinceCheck = new QCheckBox(tr("&From:"), this);
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

    m_person = new QComboBox(this);
    m_person->setObjectName(name("PersonComboBox"));
    m_person->setAccessibleName(tr("Person"));
    m_person->addItem(tr("any person"), QString());
    m_action = new QComboBox(this);
    m_action->setObjectName(name("ActionComboBox"));
    m_action->setAccessibleName(tr("Action"));
    m_action->addItem(tr("any action"), QStringList());
    QFont heading = m_action->font();
    heading.setBold(true);
    for (const AuditWording::Group& group : AuditWording::groups()) {
        // a group heading filters the whole group; its actions follow, indented
        m_action->addItem(tr("%1 (all)").arg(group.label), group.actions);
        m_action->setItemData(m_action->count() - 1, heading, Qt::FontRole);
        for (const QString& action : group.actions) {
            m_action->addItem(QStringLiteral("    ") + AuditWording::actionLabel(action), QStringList {action});
            m_action->setItemData(m_action->count() - 1, action, Qt::ToolTipRole);
        }
    }
    m_customerNo = new QLineEdit(this);
    m_customerNo->setObjectName(name("CustomerNumberLineEdit"));
    m_customerNo->setAccessibleName(tr("Customer number"));
    m_customerNo->setPlaceholderText(tr("any customer"));
    m_outcome = new QComboBox(this);
    m_outcome->setObjectName(name("OutcomeComboBox"));
    m_outcome->setAccessibleName(tr("Outcome"));
    m_outcome->addItem(tr("any"), QString());
    for (AuditOutcome outcome : {AuditOutcome::Ok, AuditOutcome::Denied, AuditOutcome::Failed}) {
        const QString key = auditOutcomeKey(outcome);
        m_outcome->addItem(AuditWording::outcomeLabel(key), key);
    }

    auto label = [this](const QString& text, QWidget* buddy) {
        auto* l = new QLabel(text, this);
        l->setBuddy(buddy);
        return l;
    };
    grid->addWidget(m_sinceCheck, 0, 0);
    grid->addWidget(m_since, 0, 1);
    grid->addWidget(m_untilCheck, 0, 2);
    grid->addWidget(m_until, 0, 3);
    grid->addWidget(label(tr("&Person:"), m_person), 1, 0);
    grid->addWidget(m_person, 1, 1);
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
    setTabOrder(m_until, m_person);
    setTabOrder(m_person, m_action);
    setTabOrder(m_action, m_customerNo);
    setTabOrder(m_customerNo, m_outcome);

    connect(m_customerNo, &QLineEdit::returnPressed, this, &AuditFilterForm::submitted);
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
    filter.login = m_person->currentData().toString();
    filter.actions = m_action->currentData().toStringList();
    filter.customerNo = m_customerNo->text().trimmed().toUpper();
    filter.outcome = m_outcome->currentData().toString();
    return filter;
}

void AuditFilterForm::clear(const QDateTime& now)
{
    m_sinceCheck->setChecked(false);
    m_untilCheck->setChecked(false);
    setBranchTime(m_since, now.addDays(-1));
    setBranchTime(m_until, now.addSecs(60));
    m_person->setCurrentIndex(0);
    m_action->setCurrentIndex(0);
    m_customerNo->clear();
    m_outcome->setCurrentIndex(0);
}

void AuditFilterForm::setPeople(const QList<AuditPerson>& people)
{
    const QString chosen = m_person->currentData().toString();
    while (m_person->count() > 1)
        m_person->removeItem(1);
    m_person->addItem(AuditWording::roleLabel(QStringLiteral("system")), QStringLiteral("system"));
    for (const AuditPerson& person : people) {
        QString text = tr("%1 (%2), %3")
                           .arg(person.displayName.isEmpty() ? person.login : person.displayName, person.login,
                               AuditWording::roleLabel(person.role));
        if (person.frozen)
            text = tr("%1, frozen").arg(text);
        m_person->addItem(text, person.login);
    }
    if (!chosen.isEmpty())
        selectPerson(chosen);
}

bool AuditFilterForm::selectPerson(const QString& login)
{
    for (int i = 0; i < m_person->count(); ++i) {
        if (m_person->itemData(i).toString().compare(login, Qt::CaseInsensitive) == 0) {
            m_person->setCurrentIndex(i);
            return true;
        }
    }
    return false;
}

bool AuditFilterForm::selectActions(const QStringList& actions)
{
    const int index = m_action->findData(actions);
    if (index < 0)
        return false;
    m_action->setCurrentIndex(index);
    return true;
}

} // namespace bv::ui
