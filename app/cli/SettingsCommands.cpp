// settings get [KEY] | settings set KEY VALUE — the administrator's policy values with their floors.
#include "Cli.h"
#include "Core.h"
#include "policy/SettingsService.h"

#include <QJsonObject>

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
};

} // namespace

void registerSettingsCommands(CommandTable& table)
{
    table.append({QStringLiteral("settings"),
        QStringLiteral("settings get [KEY] | settings set KEY VALUE   (--user ADMIN; the auditor may get)"),
        SettingsCommands::settings});
}

} // namespace bv::cli
