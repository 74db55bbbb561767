#include "app/cli/CustomerCliSupport.h"
#include "app/cli/CliInput.h"
#include "core/common/SecureBytes.h"

#include "core/Core.h"
#include "core/customers/rules/WorkingCalendar.h"
#include "core/policy/FieldCatalogue.h"
#include "core/policy/Statuses.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace bv::cli {

QString CustomerCli::iso(const QDateTime& at)
{
    return at.isValid() ? at.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QJsonValue CustomerCli::time(const QDateTime& at)
{
    return at.isValid() ? QJsonValue(iso(at)) : QJsonValue(QJsonValue::Null);
}

QJsonValue CustomerCli::date(const QDate& day)
{
    return day.isValid() ? QJsonValue(day.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

std::optional<qint64> CustomerCli::positiveId(const QString& text)
{
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id <= 0)
        return std::nullopt;
    return id;
}

Result<QDate> CustomerCli::parseDate(const QString& option, const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    const QString trimmed = text.trimmed();
    const QDate day = pattern.match(trimmed).hasMatch() ? QDate::fromString(trimmed, Qt::ISODate) : QDate();
    if (!day.isValid())
        return makeError(ErrorCode::InvalidInput,
            tr("--%1 \"%2\" is not a date. Write it as YYYY-MM-DD (for example 2026-03-01).").arg(option, text),
            QString(), option);
    return day;
}

Result<QDateTime> CustomerCli::parseTime(const QString& option, const QString& text)
{
    const QString trimmed = text.trimmed();
    const QTimeZone zone = WorkingCalendar::branchTimeZone();
    static const QRegularExpression dateOnly(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}$"));
    static const QRegularExpression dateTime(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}"));
    if (dateOnly.match(trimmed).hasMatch()) {
        const QDate day = QDate::fromString(trimmed, Qt::ISODate);
        if (day.isValid())
            return QDateTime(day, QTime(0, 0), zone).toUTC();
    } else if (dateTime.match(trimmed).hasMatch()) {
        QString normalised = trimmed;
        normalised[10] = QLatin1Char('T');
        QDateTime at = QDateTime::fromString(normalised, Qt::ISODateWithMs);
        if (at.isValid()) {
            if (at.timeSpec() == Qt::LocalTime)
                at = QDateTime(at.date(), at.time(), zone);
            return at.toUTC();
        }
    }
    return makeError(ErrorCode::InvalidInput,
        tr("--%1 \"%2\" is not a time. Give an ISO 8601 date-time (2026-03-01T08:30 in branch time, UTC+8, or "
           "with Z or an offset such as +08:00) or a date (00:00 branch time).")
            .arg(option, text),
        QString(), option);
}

QDate CustomerCli::today(const Core& core)
{
    return core.clock().nowUtc().toTimeZone(WorkingCalendar::branchTimeZone()).date();
}

Status CustomerCli::noExtraArguments(const CliContext& ctx, int count)
{
    if (ctx.arguments.size() <= count)
        return {};
    return makeError(ErrorCode::InvalidInput,
        tr("Unexpected argument \"%1\". Put values with spaces in quotes. See branchvault-cli --help.")
            .arg(ctx.arguments.value(count)));
}

Result<QString> CustomerCli::customerNumber(const CliContext& ctx, const QString& command)
{
    const QString number = ctx.arguments.value(1).trimmed();
    if (number.isEmpty() || number.startsWith(QLatin1Char('-')))
        return makeError(ErrorCode::InvalidInput,
            tr("%1 needs the customer number (customer list shows it). See branchvault-cli --help.").arg(command));
    return number.toUpper();
}

Result<qint64> CustomerCli::objectId(const CliContext& ctx, const QString& command, const QString& what)
{
    const auto id = positiveId(ctx.arguments.value(1));
    if (!id)
        return makeError(ErrorCode::InvalidInput,
            tr("%1 needs the number of the %2 (the list shows it). See branchvault-cli --help.").arg(command, what));
    return *id;
}

QStringList CustomerCli::listOption(const CliContext& ctx, const QString& name)
{
    QStringList out;
    for (const QString& value : ctx.parser.values(name)) {
        for (const QString& item : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (!item.trimmed().isEmpty())
                out << item.trimmed();
        }
    }
    return out;
}

Result<int> CustomerCli::limitOption(const CliContext& ctx, int fallback, int maximum)
{
    if (!ctx.isSet(QStringLiteral("limit")))
        return fallback;
    bool ok = false;
    const int limit = ctx.option(QStringLiteral("limit")).toInt(&ok);
    if (!ok || limit < 1 || limit > maximum)
        return makeError(ErrorCode::InvalidInput, tr("--limit must be a whole number from 1 to %1.").arg(maximum),
            QString(), QStringLiteral("limit"));
    return limit;
}

QJsonArray CustomerCli::diffJson(const QList<FieldDiff>& diff)
{
    QJsonArray out;
    for (const FieldDiff& d : diff)
        out.append(QJsonObject {{QStringLiteral("field"), d.field}, {QStringLiteral("old"), d.oldMasked},
            {QStringLiteral("new"), d.newMasked}});
    return out;
}

QString CustomerCli::diffText(const QList<FieldDiff>& diff)
{
    QStringList parts;
    for (const FieldDiff& d : diff) {
        if (d.oldMasked.isEmpty())
            parts << QStringLiteral("%1: %2").arg(d.field, oneLine(d.newMasked));
        else
            parts << QStringLiteral("%1: %2 -> %3").arg(d.field, oneLine(d.oldMasked), dash(oneLine(d.newMasked)));
    }
    return parts.isEmpty() ? QStringLiteral("-") : parts.join(QStringLiteral("; "));
}

namespace {

QJsonObject accountJson(const AccountView& a)
{
    return QJsonObject {{QStringLiteral("id"), a.id}, {QStringLiteral("number"), a.number},
        {QStringLiteral("revealed"), a.revealed}, {QStringLiteral("type"), a.type},
        {QStringLiteral("openedOn"), CustomerCli::date(a.openedOn)}, {QStringLiteral("status"), statusKey(a.status)}};
}

} // namespace

void CustomerCli::history(CliContext& ctx, const QString& number, const QList<HistoryEntry>& entries)
{
    QJsonArray rows;
    QString text;
    for (const HistoryEntry& h : entries) {
        rows.append(QJsonObject {{QStringLiteral("at"), time(h.at)}, {QStringLiteral("kind"), h.kind},
            {QStringLiteral("actorLogin"), h.actorLogin}, {QStringLiteral("diff"), diffJson(h.diff)}});
        text += QStringLiteral("%1  %2  %3  %4\n")
                    .arg(timeText(h.at), -20)
                    .arg(h.kind, -8)
                    .arg(dash(h.actorLogin), -16)
                    .arg(diffText(h.diff));
    }
    if (entries.isEmpty())
        text = tr("Customer %1 has no history yet.").arg(number);
    ctx.out.result({{QStringLiteral("customerNo"), number}, {QStringLiteral("history"), rows}}, text);
}

void CustomerCli::customerView(CliContext& ctx, const CustomerView& view)
{
    const CustomerView& v = view;

    QJsonObject gradeOne;
    QJsonObject gradeTwo;
    QStringList lines;
    const auto line = [&](const QString& label, const QString& value) {
        lines << QStringLiteral("%1: %2").arg(label, CustomerCli::dash(value));
    };
    line(FieldCatalogue::label(QString::fromLatin1(fields::CustomerNo)), v.number);
    line(FieldCatalogue::label(QString::fromLatin1(fields::Status)), statusKey(v.status));
    if (v.restricted)
        line(FieldCatalogue::label(QString::fromLatin1(fields::Restricted)), tr("yes"));
    line(FieldCatalogue::label(QString::fromLatin1(fields::Tier)), v.tier);
    line(FieldCatalogue::label(QString::fromLatin1(fields::Branch)), v.branch);
    line(FieldCatalogue::label(QString::fromLatin1(fields::Manager)),
        v.inCustody ? tr("%1 (custody until %2 UTC)").arg(v.managerName, CustomerCli::timeText(v.custodyUntil))
                    : v.managerName);
    line(FieldCatalogue::label(QString::fromLatin1(fields::Sex)), v.sex);
    line(FieldCatalogue::label(QString::fromLatin1(fields::Nationality)), v.nationality);
    line(FieldCatalogue::label(QString::fromLatin1(fields::AgeBand)), v.ageBand);
    for (const FieldSpec* spec : FieldCatalogue::ofGrade(1)) {
        const QString key = QString::fromLatin1(spec->key);
        if (spec->owner != FieldOwner::Customer || !v.gradeOne.contains(key))
            continue;
        gradeOne.insert(key, v.gradeOne.value(key));
        line(FieldCatalogue::label(*spec), v.gradeOne.value(key));
    }
    if (v.gradeTwoVisible) {
        for (const FieldSpec* spec : FieldCatalogue::ofGrade(2)) {
            const QString key = QString::fromLatin1(spec->key);
            if (!v.gradeTwo.contains(key))
                continue;
            gradeTwo.insert(key, v.gradeTwo.value(key));
            line(FieldCatalogue::label(*spec), CustomerCli::oneLine(v.gradeTwo.value(key)));
        }
    }
    QJsonArray accounts;
    for (const AccountView& a : v.accounts) {
        accounts.append(accountJson(a));
        lines << tr("Account %1: %2  %3  opened %4  %5")
                     .arg(a.id)
                     .arg(a.number, a.type, CustomerCli::dateText(a.openedOn), statusKey(a.status));
    }
    line(FieldCatalogue::label(QString::fromLatin1(fields::CreatedAt)), CustomerCli::timeText(v.createdAt));
    line(FieldCatalogue::label(QString::fromLatin1(fields::UpdatedAt)), CustomerCli::timeText(v.updatedAt));
    if (v.pendingChangeId > 0)
        lines << tr("Pending change: %1 (waiting for a branch manager's approval)").arg(v.pendingChangeId);

    const QJsonObject json {{QStringLiteral("number"), v.number}, {QStringLiteral("status"), statusKey(v.status)},
        {QStringLiteral("restricted"), v.restricted}, {QStringLiteral("tier"), v.tier},
        {QStringLiteral("branch"), v.branch}, {QStringLiteral("managerId"), v.managerId},
        {QStringLiteral("managerName"), v.managerName}, {QStringLiteral("inCustody"), v.inCustody},
        {QStringLiteral("custodyUntil"), CustomerCli::time(v.inCustody ? v.custodyUntil : QDateTime())},
        {QStringLiteral("sex"), v.sex}, {QStringLiteral("nationality"), v.nationality},
        {QStringLiteral("ageBand"), v.ageBand}, {QStringLiteral("createdAt"), CustomerCli::time(v.createdAt)},
        {QStringLiteral("updatedAt"), CustomerCli::time(v.updatedAt)}, {QStringLiteral("gradeOne"), gradeOne},
        {QStringLiteral("gradeTwoVisible"), v.gradeTwoVisible}, {QStringLiteral("gradeTwo"), gradeTwo},
        {QStringLiteral("accounts"), accounts},
        {QStringLiteral("pendingChangeId"),
            v.pendingChangeId > 0 ? QJsonValue(v.pendingChangeId) : QJsonValue(QJsonValue::Null)}};
    ctx.out.result({{QStringLiteral("customer"), json}}, lines.join(QLatin1Char('\n')));
}

int CustomerCli::clerkCard(CliContext& ctx, const std::optional<ClerkCard>& card)
{
    if (!card.has_value())
        return ctx.out.fail(makeError(ErrorCode::NotFound,
                                tr("No match: no active customer has exactly this full name and ID number. Check "
                                   "both against the ID document (they must match in full).")),
            {{QStringLiteral("match"), false}});
    const ClerkCard& c = *card;
    const auto label = [](const char* key) { return FieldCatalogue::label(QString::fromLatin1(key)); };
    QStringList lines;
    for (const auto& [key, value] : {std::pair {fields::CustomerNo, c.number}, std::pair {fields::Name, c.maskedName},
             std::pair {fields::Sex, c.sex}, std::pair {fields::AgeBand, c.ageBand},
             std::pair {fields::Nationality, c.nationality}, std::pair {fields::Tier, c.tier},
             std::pair {fields::Status, statusKey(c.status)}, std::pair {fields::IdNumber, c.maskedIdNumber},
             std::pair {fields::Mobile, c.maskedMobile}, std::pair {fields::Manager, c.managerName}})
        lines << QStringLiteral("%1: %2").arg(label(key), CustomerCli::dash(value));
    const QJsonObject json {{QStringLiteral("number"), c.number}, {QStringLiteral("maskedName"), c.maskedName},
        {QStringLiteral("sex"), c.sex}, {QStringLiteral("ageBand"), c.ageBand},
        {QStringLiteral("nationality"), c.nationality}, {QStringLiteral("tier"), c.tier},
        {QStringLiteral("status"), statusKey(c.status)}, {QStringLiteral("maskedIdNumber"), c.maskedIdNumber},
        {QStringLiteral("maskedMobile"), c.maskedMobile}, {QStringLiteral("managerName"), c.managerName}};
    ctx.out.result({{QStringLiteral("match"), true}, {QStringLiteral("card"), json}}, lines.join(QLatin1Char('\n')));
    return 0;
}

void CustomerCli::revealed(
    CliContext& ctx, const QString& number, const QStringList& fieldKeys, const QHash<QString, QString>& values)
{
    // in the order asked; every account number after its field
    QJsonObject json;
    QStringList lines;
    for (const QString& field : fieldKeys) {
        if (field == QLatin1String(fields::AccountNumber)) {
            QList<qint64> ids;
            const QString prefix = QStringLiteral("account_number:");
            for (auto it = values.cbegin(); it != values.cend(); ++it) {
                if (it.key().startsWith(prefix))
                    ids << it.key().mid(prefix.size()).toLongLong();
            }
            std::sort(ids.begin(), ids.end());
            for (qint64 id : std::as_const(ids)) {
                const QString key = prefix + QString::number(id);
                json.insert(key, values.value(key));
                lines << tr("%1 (account %2): %3").arg(field).arg(id).arg(values.value(key));
            }
            continue;
        }
        json.insert(field, values.contains(field) ? QJsonValue(values.value(field)) : QJsonValue::Null);
        lines << QStringLiteral("%1: %2").arg(field, values.contains(field) ? values.value(field) : tr("(empty)"));
    }
    ctx.out.result(
        {{QStringLiteral("customerNo"), number}, {QStringLiteral("values"), json}}, lines.join(QLatin1Char('\n')));
}

Result<RekeyedValues> CustomerCli::readRekeyed(qint64 changeId, const QStringList& rekeyFields)
{
    RekeyedValues out;
    for (const QString& field : rekeyFields) {
        auto typed = CliInput::readSecret(
            tr("%1 of change %2, typed from the customer's document").arg(FieldCatalogue::label(field)).arg(changeId));
        if (!typed.ok()) {
            for (QStringList& values : out) {
                for (QString& value : values)
                    wipe(value);
            }
            return typed.error();
        }
        QString value = QString::fromUtf8(typed->view().toByteArray());
        out[field] << value;
        wipe(value);
    }
    return out;
}

} // namespace bv::cli
