// The branch's settings over the server: ServerSession::settings and ::setSetting (migrations 5, 23 and 24).
#include "core/server/ServerSession.h"

#include "core/internal/server/ServerConnection.h"
#include "core/policy/FreeText.h"
#include "core/policy/SettingsService.h"

#include <QHash>
#include <QRegularExpression>

namespace bv {

namespace {

// Free text for a refused setting's audit row: masked as locally (FreeText::forAudit), on one line, without control
// or invisible formatting characters (the server refuses them), at most 200 characters.
QString auditText(const QString& text)
{
    static const QRegularExpression invisible(
        QStringLiteral("[\\x{0}-\\x{1f}\\x{7f}-\\x{9f}\\x{ad}\\x{200b}-\\x{200f}\\x{2028}-\\x{202e}\\x{2060}-"
                       "\\x{206f}\\x{feff}]"));
    return FreeText::forAudit(QString(text).remove(invisible)).left(200);
}

} // namespace

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
    // What was typed and why, masked as free text, as local mode records a refused change (the server records the
    // key only when it names a setting). The refusal is what the administrator sees, also when it could not be
    // recorded (the failure is added to its detail).
    const auto recordRefusal = [&](Error refusal, const QString& reason) -> Error {
        auto recorded = connection().run(QStringLiteral("SELECT branchvault.settings_refused($1, $2, $3, $4)"),
            {ServerValue::text(key.left(64)), ServerValue::text(auditText(value)), ServerValue::text(auditText(reason)),
                ServerValue::text(workstation())},
            tr("recording the refused setting"));
        if (!recorded.ok())
            refusal.detail = (refusal.detail.isEmpty() ? QString() : refusal.detail + QStringLiteral("; "))
                + tr("not recorded on the server: %1").arg(recorded.error().message);
        return refusal;
    };
    auto checked = SettingsService::validateAgainst(key, value, [&](const QString& other) {
        auto it = applying.constFind(other);
        if (it != applying.cend())
            return QVariant(*it);
        const SettingSpec* spec = SettingsService::spec(other);
        return spec ? spec->defaultValue : QVariant();
    });
    if (!checked.ok())
        return checked.error().code == ErrorCode::InvalidInput ? recordRefusal(checked.error(), checked.error().message)
                                                               : checked.error();
    auto stored = connection().run(QStringLiteral("SELECT branchvault.settings_set($1, $2, $3)"),
        {ServerValue::text(key), ServerValue::text(value), ServerValue::text(workstation())},
        tr("changing the setting %1").arg(key));
    if (!stored.ok()) {
        Error refused = stored.error();
        if (refused.code != ErrorCode::InvalidInput)
            return refused;
        refused.field = key;
        // the server's own reason (in its detail, in English) is what the row records; the administrator sees the
        // translated message with that detail
        return recordRefusal(refused, refused.detail.isEmpty() ? refused.message : refused.detail);
    }
    if (stored->isEmpty() || stored->isNull(0, 0))
        return Error {ErrorCode::Damaged,
            tr("The branch server did not confirm the setting %1. List the settings to see whether it changed.")
                .arg(key),
            {}, key};
    return stored->text(0, 0);
}

} // namespace bv
