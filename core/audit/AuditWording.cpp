#include "core/audit/AuditWording.h"

#include "core/audit/AuditActions.h"
#include "core/audit/AuditWordingTable.h"
#include "core/auth/Role.h"
#include "core/customers/rules/WorkingCalendar.h"
#include "core/internal/reports/ReportBuilders.h"
#include "core/policy/Operation.h"
#include "core/policy/SettingsService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace bv {

namespace {

const QString kSystem = QStringLiteral("system");

QString translated(const char* text)
{
    return QCoreApplication::translate("AuditWording", text);
}

// %1, %2, %3 replaced in one pass: a template may leave any of them out, and a replacement that holds
// "%2" (a typed login) is never replaced again.
QString substitute(const QString& pattern, const QStringList& values)
{
    QString out;
    out.reserve(pattern.size() + 64);
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c == QLatin1Char('%') && i + 1 < pattern.size() && pattern.at(i + 1).isDigit()) {
            const int n = pattern.at(i + 1).digitValue();
            if (n >= 1 && n <= values.size()) {
                out += values.at(n - 1);
                ++i;
                continue;
            }
        }
        out += c;
    }
    return out;
}

// A sentence that starts with "the system" or "someone …" starts with a capital; a person's name is left as
// it was typed.
QString capitalised(QString text, const AuditRow& row)
{
    if (row.userId <= 0 && !text.isEmpty() && text.front().isLower())
        text.front() = text.front().toUpper();
    return text;
}

QString roleNoun(const QString& roleKey)
{
    const auto role = Roles::fromKey(roleKey);
    if (!role)
        return roleKey;
    switch (*role) {
    case Role::Admin:
        return AuditWording::tr("system administrator");
    case Role::Auditor:
        return AuditWording::tr("security auditor");
    case Role::Manager:
        return AuditWording::tr("branch manager");
    case Role::CustomerManager:
        return AuditWording::tr("customer manager");
    case Role::Clerk:
        return AuditWording::tr("query clerk");
    }
    return roleKey;
}

QString operationLabel(const QString& key)
{
    for (Operation operation : Operations::all())
        if (Operations::key(operation) == key)
            return Operations::label(operation);
    return key;
}

QString reportTitle(const QString& key)
{
    const auto info = findReportInfo(key);
    return info ? AuditWording::tr("“%1”").arg(info->title) : key;
}

QString settingText(const QString& key)
{
    const SettingSpec* spec = SettingsService::spec(key);
    if (!spec || !spec->label)
        return key;
    return AuditWording::tr("“%1” (%2)").arg(QCoreApplication::translate("SettingsService", spec->label), key);
}

} // namespace

void AuditDirectory::setPeople(const QList<AuditPerson>& people)
{
    byId.clear();
    idByLogin.clear();
    for (const AuditPerson& person : people) {
        byId.insert(person.id, person);
        idByLogin.insert(person.login.toLower(), person.id);
    }
}

const AuditPerson* AuditDirectory::person(qint64 id) const
{
    const auto it = byId.constFind(id);
    return it == byId.cend() ? nullptr : &it.value();
}

const AuditPerson* AuditDirectory::personByLogin(const QString& login) const
{
    const auto it = idByLogin.constFind(login.toLower());
    return it == idByLogin.cend() ? nullptr : person(it.value());
}

QStringList AuditWording::actions()
{
    QStringList all;
    for (const AuditWordingTable::ActionEntry* entry : AuditWordingTable::actions())
        all << QString::fromLatin1(entry->action);
    return all;
}

QList<AuditWording::Group> AuditWording::groups()
{
    QList<Group> groups;
    for (const AuditWordingTable::GroupEntry* group : AuditWordingTable::groups()) {
        Group g {QString::fromLatin1(group->key), translated(group->label), {}};
        for (const AuditWordingTable::ActionEntry* entry : AuditWordingTable::actions())
            if (qstrcmp(entry->group, group->key) == 0)
                g.actions << QString::fromLatin1(entry->action);
        groups << g;
    }
    return groups;
}

bool AuditWording::hasWording(const QString& action)
{
    return AuditWordingTable::find(action) != nullptr;
}

QString AuditWording::actionLabel(const QString& action)
{
    const AuditWordingTable::ActionEntry* entry = AuditWordingTable::find(action);
    return entry ? translated(entry->label) : action;
}

QString AuditWording::roleLabel(const QString& roleKey)
{
    if (roleKey == kSystem)
        return tr("System");
    if (roleKey.isEmpty())
        return tr("Not signed in");
    const auto role = Roles::fromKey(roleKey);
    return role ? Roles::label(*role) : roleKey;
}

QString AuditWording::outcomeLabel(const QString& outcome)
{
    if (outcome == QLatin1String("ok"))
        return tr("ok");
    if (outcome == QLatin1String("denied"))
        return tr("refused");
    if (outcome == QLatin1String("failed"))
        return tr("failed");
    return outcome;
}

QString AuditWording::clockText(const QDateTime& at)
{
    return at.isValid() ? at.toTimeZone(WorkingCalendar::branchTimeZone()).toString(QStringLiteral("HH:mm"))
                        : QString();
}

QString AuditWording::accountText(const QString& login, const AuditDirectory& directory)
{
    if (login.isEmpty())
        return tr("nobody");
    if (login == kSystem)
        return tr("the system");
    const AuditPerson* person = directory.personByLogin(login);
    if (!person || person->displayName.isEmpty())
        return login;
    return tr("%1 (%2)").arg(person->displayName, person->login);
}

QString AuditWording::customerText(const QString& customerNo, const AuditDirectory& directory)
{
    const QString masked = directory.maskedNames.value(customerNo);
    return masked.isEmpty() ? tr("customer %1").arg(customerNo) : tr("customer %1 (%2)").arg(customerNo, masked);
}

QString AuditWording::personText(const AuditRow& row, const AuditDirectory& directory)
{
    if (row.role == kSystem)
        return tr("the system");
    if (row.userId <= 0) // not signed in: the login that was typed
        return row.login.isEmpty() ? tr("someone") : tr("someone using the login %1").arg(row.login);
    const AuditPerson* person = directory.person(row.userId);
    const QString name = person && !person->displayName.isEmpty() ? person->displayName : row.login;
    return tr("%1 (%2)").arg(name, roleNoun(row.role));
}

QString AuditWording::objectText(const AuditRow& row, const AuditDirectory& directory)
{
    const QString& type = row.objectType;
    const QString& id = row.objectId;
    if (type == QLatin1String("customer") || type == QLatin1String("service_record")
        || type == QLatin1String("complaint") || type == QLatin1String("consent"))
        return row.customerNo.isEmpty() ? tr("a customer") : customerText(row.customerNo, directory);
    if (type == QLatin1String("user")) {
        bool ok = false;
        const qint64 userId = id.toLongLong(&ok);
        if (const AuditPerson* person = ok ? directory.person(userId) : nullptr)
            return tr("%1 (%2)").arg(person->displayName, person->login);
        if (!id.isEmpty())
            return tr("account no. %1").arg(id);
        return row.login.isEmpty() ? tr("an unknown account") : tr("the login %1").arg(row.login);
    }
    if (type == QLatin1String("request") || type == QLatin1String("suspicious_pair")) {
        if (id.isEmpty())
            return type == QLatin1String("request") ? tr("special requests") : tr("suspicious pairs");
        const QString number = tr("no. %1").arg(id);
        return row.customerNo.isEmpty() ? number
                                        : tr("%1 about %2").arg(number, customerText(row.customerNo, directory));
    }
    if (type == QLatin1String("setting"))
        return settingText(id);
    if (type == QLatin1String("settings"))
        return tr("the mask settings");
    if (type == QLatin1String("database"))
        return tr("the database");
    if (type == QLatin1String("audit_log"))
        return tr("the audit log");
    if (type == QLatin1String("checkpoint"))
        return id.isEmpty() ? tr("a checkpoint") : tr("the checkpoint up to row %1").arg(id);
    if (type == QLatin1String("file"))
        return tr("the file %1").arg(id);
    if (type == QLatin1String("portfolio"))
        return tr("their own customers");
    if (type == QLatin1String("branch"))
        return tr("the branch's customers");
    if (type == QLatin1String("existence"))
        return tr("for an existing customer");
    if (type == QLatin1String("complaints"))
        return tr("overdue complaints");
    if (type == QLatin1String("reassignments"))
        return tr("reassignments of customers");
    if (type == QLatin1String("tiers"))
        return tr("pending tier changes");
    if (type == QLatin1String("changes"))
        return tr("entries and changes waiting for approval");
    if (type == QLatin1String("suspicious"))
        return tr("suspicious pairs");
    if (type == QLatin1String("operation")) {
        if (row.action == QLatin1String(audit::CustomerImport))
            return tr("the import %1").arg(id);
        return operationLabel(id);
    }
    if (type == QLatin1String("report")) {
        const QString title = reportTitle(id);
        return row.customerNo.isEmpty() ? title : tr("%1 about %2").arg(title, customerText(row.customerNo, directory));
    }
    if (type == QLatin1String("print"))
        return id.isEmpty() ? tr("a printout") : tr("printout %1").arg(id);
    if (type == QLatin1String("recovery_sheet"))
        return id;
    if (type == QLatin1String("outbox_entry")) {
        const QString entry = tr("entry %1").arg(id);
        return row.customerNo.isEmpty() ? entry : tr("%1, now %2").arg(entry, customerText(row.customerNo, directory));
    }
    // an object type without wording (a newer version wrote it): shown as it is stored
    return id.isEmpty() ? type : QStringLiteral("%1 %2").arg(type, id);
}

QString AuditWording::sentence(const AuditRow& row, const AuditDirectory& directory)
{
    const AuditWordingTable::ActionEntry* entry = AuditWordingTable::find(row.action);
    const QString person = personText(row, directory);
    const QString time = clockText(row.at);
    QString object = objectText(row, directory);
    if (!entry) {
        // an action without wording (a newer version wrote it): visibly the raw action name
        QString text = tr("%1 at %2: %3").arg(person, time, row.action);
        if (!row.objectType.isEmpty())
            text = tr("%1 (%2)").arg(text, object);
        return outcomeNote(capitalised(text, row), row.outcome);
    }
    if (row.action == QLatin1String(audit::AccessDenied) && row.objectType != QLatin1String("operation")) {
        // the refused operation, then what it was about ("open a customer's details (customer 0001-…)")
        const QJsonObject details = QJsonDocument::fromJson(row.details.toUtf8()).object();
        const QString operation = details.value(QStringLiteral("operation")).toString();
        if (!operation.isEmpty())
            object = row.objectType.isEmpty() ? operationLabel(operation)
                                              : tr("%1 (%2)").arg(operationLabel(operation), object);
    }
    const bool failed = row.outcome == QLatin1String("failed");
    const char* pattern = failed && entry->failed ? entry->failed : entry->sentence;
    QString text = capitalised(substitute(translated(pattern), {person, time, object}), row);
    if (!(failed && entry->failed) && row.action != QLatin1String(audit::AccessDenied))
        text = outcomeNote(text, row.outcome);
    return text;
}

QString AuditWording::outcomeNote(const QString& sentence, const QString& outcome)
{
    if (outcome == QLatin1String("failed"))
        return tr("%1 (failed)").arg(sentence);
    if (outcome == QLatin1String("denied"))
        return tr("%1 (refused)").arg(sentence);
    return sentence;
}

QStringList AuditWording::customerNumbersIn(const QList<AuditRow>& rows)
{
    QStringList numbers;
    QSet<QString> seen;
    auto add = [&](const QString& number) {
        if (!number.isEmpty() && !seen.contains(number)) {
            seen.insert(number);
            numbers << number;
        }
    };
    for (const AuditRow& row : rows) {
        add(row.customerNo);
        if (!row.details.contains(QLatin1String("customer")))
            continue;
        const QJsonObject details = QJsonDocument::fromJson(row.details.toUtf8()).object();
        add(details.value(QStringLiteral("customer")).toString());
        add(details.value(QStringLiteral("customerNo")).toString());
        for (const QJsonValue& value : details.value(QStringLiteral("customers")).toArray())
            add(value.toString());
    }
    return numbers;
}

} // namespace bv
