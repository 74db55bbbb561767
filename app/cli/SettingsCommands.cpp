// settings get [KEY] | settings set KEY VALUE — the administrator's policy values with their floors.
// calendar import FILE — a newer year's official holiday calendar (validated line by line, audited).
#include "app/cli/Cli.h"
#include "core/Core.h"
#include "core/policy/SettingsService.h"

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
        const QString sub = ctx.arguments.value(0);
        if (sub != QLatin1String("get") && sub != QLatin1String("set"))
            return Cli::usageError(ctx.out, tr("Use: settings get [KEY] or settings set KEY VALUE."));
        if (sub == QLatin1String("set") && ctx.arguments.size() < 3)
            return Cli::usageError(ctx.out, tr("settings set needs a key and a value."));
        Core* core = nullptr;
        auto session = ctx.begin(&core);
        if (!session.ok())
            return ctx.out.fail(session.error());
        SettingsService& settings = core->settings();
        const QString key = ctx.arguments.value(1);
        if (sub == QLatin1String("set")) {
            BV_CLI_TRY(settings.set(*session, key, ctx.arguments.value(2)));
            ctx.out.result({{QStringLiteral("key"), key}, {QStringLiteral("value"), settings.value(key).toString()}},
                tr("%1 = %2").arg(key, settings.value(key).toString()));
            return 0;
        }
        if (!key.isEmpty()) {
            auto value = settings.get(*session, key);
            if (!value.ok())
                return ctx.out.fail(value.error());
            ctx.out.result({{QStringLiteral("key"), key}, {QStringLiteral("value"), *value}}, *value);
            return 0;
        }
        auto all = settings.list(*session);
        if (!all.ok())
            return ctx.out.fail(all.error());
        QJsonObject object;
        QString text;
        for (const auto& [k, v] : *all) {
            object.insert(k, v);
            const SettingSpec* spec = SettingsService::spec(k);
            text += QStringLiteral("%1 = %2    # %3\n").arg(k, v, spec ? SettingsService::tr(spec->label) : QString());
        }
        ctx.out.result({{QStringLiteral("settings"), object}}, text);
        return 0;
    }

    static int calendar(CliContext& ctx)
    {
        if (ctx.arguments.value(0) != QLatin1String("import") || ctx.arguments.size() < 2)
            return Cli::usageError(ctx.out, tr("Use: calendar import FILE (a CSV file: date,kind,name)."));
        const QString path = ctx.arguments.value(1);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return ctx.out.fail(makeError(ErrorCode::NotFound,
                tr("Cannot read %1: %2. Check the file name.")
                    .arg(QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath()), file.errorString())));
        const QByteArray csv = file.read(1024 * 1024);
        Core* core = nullptr;
        auto session = ctx.begin(&core);
        if (!session.ok())
            return ctx.out.fail(session.error());
        QList<HolidayCalendar::Problem> problems;
        auto imported = core->settings().importCalendar(*session, csv, &problems);
        if (!imported.ok()) {
            QJsonArray list;
            for (const HolidayCalendar::Problem& p : std::as_const(problems)) {
                list.append(QJsonObject {{QStringLiteral("line"), p.line}, {QStringLiteral("reason"), p.reason}});
                ctx.out.text(tr("line %1: %2").arg(p.line).arg(p.reason));
            }
            return ctx.out.fail(imported.error(), {{QStringLiteral("problems"), list}});
        }
        const QSet<int> knownYears = core->settings().calendarYears();
        QList<int> known(knownYears.cbegin(), knownYears.cend());
        std::sort(known.begin(), known.end());
        QJsonArray years;
        QStringList yearText;
        for (int year : std::as_const(imported->years)) {
            years.append(year);
            yearText << QString::number(year);
        }
        QJsonArray knownJson;
        QStringList knownText;
        for (int year : std::as_const(known)) {
            knownJson.append(year);
            knownText << QString::number(year);
        }
        ctx.out.result({{QStringLiteral("years"), years}, {QStringLiteral("holidays"), imported->holidays},
                           {QStringLiteral("workdays"), imported->workdays}, {QStringLiteral("knownYears"), knownJson}},
            tr("Imported the official calendar of %1: %2 holidays and %3 make-up working days. Known years: %4.")
                .arg(yearText.join(QStringLiteral(", ")))
                .arg(imported->holidays)
                .arg(imported->workdays)
                .arg(knownText.join(QStringLiteral(", "))));
        return 0;
    }
};

} // namespace

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
