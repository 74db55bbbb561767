// The branch's settings over the server: ServerSession::settings and ::setSetting (migrations 5, 23 and 24).
#include "core/server/ServerSession.h"

#include "core/internal/server/ServerConnection.h"
#include "core/policy/FreeText.h"
#include "core/policy/SettingsService.h"

#include <QHash>

namespace bv {

Result<QList<QPair<QString, QString>>> ServerSession::settings() const
{
    QStringList keys;
    for (const SettingSpec& spec : SettingsService::specs())
        keys << spec.key;
    auto rows = connection().run(QStringLiteral("SELECT t.k, branchvault.setting(t.k) FROM unnest($1::text[]) WITH "
                                                "ORDINALITY AS t (k, n) ORDER BY t.n"),
        {ServerValue::textArray(keys)}, tr("reading the branch's settings"));
    if (!rows.ok())
        return rows.error();
    QList<QPair<QString, QString>> values;
    for (int row = 0; row < rows->count(); ++row) {
        // a key the server does not know yet (an older server) is left out, as an unknown key is locally
        if (!rows->isNull(row, 1))
            values.append({rows->text(row, 0), rows->text(row, 1)});
    }
    return values;
}

Result<QString> ServerSession::setSetting(const QString& key, const QString& value)
{
    if (identity().role != Role::Admin)
        return Error {ErrorCode::PermissionDenied,
            tr("Only the administrator changes the branch's settings. Sign in as the administrator."), {}, key};
    auto current = settings();
    if (!current.ok())
        return current.error();
    QHash<QString, QString> applying;
    for (const auto& [k, v] : *current)
        applying.insert(k, v);
    const auto recordRefusal = [&](const Error& refusal) -> Error {
        // what was typed and why, masked as free text, as local mode records a refused change
        auto recorded = connection().run(QStringLiteral("SELECT branchvault.settings_refused($1, $2, $3, $4)"),
            {ServerValue::text(key.left(64)), ServerValue::text(FreeText::forAudit(value).left(512)),
                ServerValue::text(FreeText::forAudit(refusal.message).left(1024)), ServerValue::text(workstation())},
            tr("recording the refused setting"));
        return recorded.ok() ? refusal : recorded.error();
    };
    auto checked = SettingsService::validateAgainst(key, value, [&](const QString& other) {
        auto it = applying.constFind(other);
        if (it != applying.cend())
            return QVariant(*it);
        const SettingSpec* spec = SettingsService::spec(other);
        return spec ? spec->defaultValue : QVariant();
    });
    if (!checked.ok())
        return checked.error().code == ErrorCode::InvalidInput ? recordRefusal(checked.error()) : checked.error();
    auto stored = connection().run(QStringLiteral("SELECT branchvault.settings_set($1, $2, $3)"),
        {ServerValue::text(key), ServerValue::text(value), ServerValue::text(workstation())},
        tr("changing the setting %1").arg(key));
    if (!stored.ok()) {
        Error refused = stored.error();
        if (refused.code != ErrorCode::InvalidInput)
            return refused;
        refused.field = key;
        return recordRefusal(refused);
    }
    if (stored->isEmpty() || stored->isNull(0, 0))
        return Error {ErrorCode::Damaged,
            tr("The branch server did not confirm the setting %1. List the settings to see whether it changed.")
                .arg(key),
            {}, key};
    return stored->text(0, 0);
}

} // namespace bv
