// settings get [KEY] | settings set KEY VALUE — the administrator's policy values with their floors; with `server`
// before it, the branch server's.
// calendar import FILE — a newer year's official holiday calendar (validated line by line, audited); with `server`
// before it, into the branch server's calendar.
#include "app/cli/Cli.h"
#include "app/cli/ServerCliSupport.h"
#include "core/Core.h"
#include "core/policy/SettingsService.h"
#include "core/server/ServerSession.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace bv::cli {

namespace {

class SettingsCommands
{
    Q_DECLARE_TR_FUNCTIONS(SettingsCommands)
public:
    static int settings(CliContext& ctx)
    {
        if (const int usage = settingsUsage(ctx, 0, QString()))
            return usage;
        Core* core = nullptr;
        auto session = ctx.begin(&core);
        if (!session.ok())
            return ctx.out.fail(session.error());
        SettingsService& settings = core->settings();
        const QString key = ctx.arguments.value(1);
        if (ctx.arguments.value(0) == QLatin1String("set")) {
            BV_CLI_TRY(settings.set(*session, key, ctx.arguments.value(2)));
            return printValue(ctx, key, settings.value(key).toString(), true);
        }
        if (!key.isEmpty()) {
            auto value = settings.get(*session, key);
            if (!value.ok())
                return ctx.out.fail(value.error());
            return printValue(ctx, key, *value, false);
        }
        auto all = settings.list(*session);
        if (!all.ok())
            return ctx.out.fail(all.error());
        return printList(ctx, *all);
    }

    // server settings get [KEY] | set KEY VALUE: the branch server's (ServerSession::settings, ::setSetting).
    static int serverSettings(CliContext& ctx)
    {
        if (const int usage = settingsUsage(ctx, 1, QStringLiteral("server ")))
            return usage;
        const QString sub = ctx.arguments.value(1);
        auto session = serverSignIn(ctx, QStringLiteral("server settings ") + sub);
        if (!session.ok())
            return ctx.out.fail(session.error());
        const QString key = ctx.arguments.value(2);
        if (sub == QLatin1String("set")) {
            auto stored = (*session)->setSetting(key, ctx.arguments.value(3));
            if (!stored.ok())
                return ctx.out.fail(stored.error());
            return printValue(ctx, key, *stored, true);
        }
        auto all = (*session)->settings();
        if (!all.ok())
            return ctx.out.fail(all.error());
        if (key.isEmpty())
            return printList(ctx, *all);
        for (const auto& [k, v] : *all) {
            if (k == key)
                return printValue(ctx, key, v, false);
        }
        return ctx.out.fail(makeError(ErrorCode::InvalidInput,
            tr("There is no setting %1. Run server settings get to list them.").arg(key), QString(), key));
    }

    static int calendar(CliContext& ctx)
    {
        if (!isCalendarImport(ctx, 0))
            return Cli::usageError(ctx.out, tr("Use: calendar import FILE (a CSV file: date,kind,name)."));
        auto csv = calendarFile(ctx, 0);
        if (!csv.ok())
            return ctx.out.fail(csv.error());
        Core* core = nullptr;
        auto session = ctx.begin(&core);
        if (!session.ok())
            return ctx.out.fail(session.error());
        QList<HolidayCalendar::Problem> problems;
        auto imported = core->settings().importCalendar(*session, *csv, &problems);
        if (!imported.ok())
            return calendarRefused(ctx, imported.error(), problems);
        const QSet<int> knownYears = core->settings().calendarYears();
        QList<int> known(knownYears.cbegin(), knownYears.cend());
        std::sort(known.begin(), known.end());
        return calendarImported(ctx, imported->years, imported->holidays, imported->workdays, known);
    }

    // server calendar import FILE: the same file into the branch server's calendar (ServerSession::importCalendar).
    static int serverCalendar(CliContext& ctx)
    {
        if (!isCalendarImport(ctx, 1))
            return Cli::usageError(
                ctx.out, tr("Use: server calendar import FILE --user ADMIN (a CSV file: date,kind,name)."));
        auto csv = calendarFile(ctx, 1);
        if (!csv.ok())
            return ctx.out.fail(csv.error());
        auto session = serverSignIn(ctx, QStringLiteral("server calendar import"));
        if (!session.ok())
            return ctx.out.fail(session.error());
        QList<HolidayCalendar::Problem> problems;
        auto imported = (*session)->importCalendar(*csv, &problems);
        if (!imported.ok())
            return calendarRefused(ctx, imported.error(), problems);
        return calendarImported(ctx, imported->years, imported->holidays, imported->workdays, imported->knownYears);
    }

private:
    // 0 for `get [KEY]` or `set KEY VALUE` from argument `first` on; otherwise the usage error, printed.
    static int settingsUsage(CliContext& ctx, int first, const QString& prefix)
    {
        const QString sub = ctx.arguments.value(first);
        if (sub != QLatin1String("get") && sub != QLatin1String("set"))
            return Cli::usageError(ctx.out, tr("Use: %1settings get [KEY] or %1settings set KEY VALUE.").arg(prefix));
        if (sub == QLatin1String("set") && ctx.arguments.size() < first + 3)
            return Cli::usageError(ctx.out, tr("%1settings set needs a key and a value.").arg(prefix));
        return 0;
    }

    static int printValue(CliContext& ctx, const QString& key, const QString& value, bool set)
    {
        ctx.out.result({{QStringLiteral("key"), key}, {QStringLiteral("value"), value}},
            set ? tr("%1 = %2").arg(key, value) : value);
        return 0;
    }

    static int printList(CliContext& ctx, const QList<QPair<QString, QString>>& all)
    {
        QJsonObject object;
        QString text;
        for (const auto& [k, v] : all) {
            object.insert(k, v);
            const SettingSpec* spec = SettingsService::spec(k);
            text += QStringLiteral("%1 = %2    # %3\n").arg(k, v, spec ? SettingsService::tr(spec->label) : QString());
        }
        ctx.out.result({{QStringLiteral("settings"), object}}, text);
        return 0;
    }

    // `import FILE` from argument `first` on.
    static bool isCalendarImport(const CliContext& ctx, int first)
    {
        return ctx.arguments.value(first) == QLatin1String("import") && ctx.arguments.size() >= first + 2;
    }

    // The FILE of `import FILE`; at most 1 MiB is read (the parser refuses a larger file by its size).
    static Result<QByteArray> calendarFile(const CliContext& ctx, int first)
    {
        const QString path = ctx.arguments.value(first + 1);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::NotFound,
                tr("Cannot read %1: %2. Check the file name.")
                    .arg(QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath()), file.errorString()));
        return file.read(1024 * 1024);
    }

    static int calendarRefused(CliContext& ctx, const Error& error, const QList<HolidayCalendar::Problem>& problems)
    {
        QJsonArray list;
        for (const HolidayCalendar::Problem& p : problems) {
            list.append(QJsonObject {{QStringLiteral("line"), p.line}, {QStringLiteral("reason"), p.reason}});
            ctx.out.text(tr("line %1: %2").arg(p.line).arg(p.reason));
        }
        return ctx.out.fail(error, {{QStringLiteral("problems"), list}});
    }

    static int calendarImported(
        CliContext& ctx, const QList<int>& imported, int holidays, int workdays, const QList<int>& known)
    {
        QJsonArray years;
        QStringList yearText;
        for (int year : imported) {
            years.append(year);
            yearText << QString::number(year);
        }
        QJsonArray knownJson;
        QStringList knownText;
        for (int year : known) {
            knownJson.append(year);
            knownText << QString::number(year);
        }
        ctx.out.result({{QStringLiteral("years"), years}, {QStringLiteral("holidays"), holidays},
                           {QStringLiteral("workdays"), workdays}, {QStringLiteral("knownYears"), knownJson}},
            tr("Imported the official calendar of %1: %2 holidays and %3 make-up working days. Known years: %4.")
                .arg(yearText.join(QStringLiteral(", ")))
                .arg(holidays)
                .arg(workdays)
                .arg(knownText.join(QStringLiteral(", "))));
        return 0;
    }
};

} // namespace

int runServerCalendarCommand(CliContext& ctx)
{
    return SettingsCommands::serverCalendar(ctx);
}

int runServerSettingsCommand(CliContext& ctx)
{
    return SettingsCommands::serverSettings(ctx);
}

void registerSettingsCommands(CommandTable& table)
{
    table.append({QStringLiteral("calendar"),
        QStringLiteral(
            "calendar import FILE   (--user ADMIN; the official holidays and make-up working days of a year)"),
        SettingsCommands::calendar});
    table.append({QStringLiteral("settings"),
        QStringLiteral("settings get [KEY] | settings set KEY VALUE   (--user ADMIN; the auditor may get)"),
        SettingsCommands::settings});
}

} // namespace bv::cli
