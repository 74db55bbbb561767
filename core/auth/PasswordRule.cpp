#include "core/auth/PasswordRule.h"

#include "core/auth/PasswordHasher.h"
#include "core/policy/SettingsService.h"

namespace bv {

namespace {

int defaultOf(const char* key)
{
    const SettingSpec* spec = SettingsService::spec(QString::fromLatin1(key));
    Q_ASSERT(spec);
    return spec ? spec->defaultValue.toInt() : 0;
}

} // namespace

PasswordRule::PasswordRule(int minLength, int history)
    : m_minLength(minLength)
    , m_history(history)
{
}

PasswordRule PasswordRule::current(const SettingsService& settings)
{
    return PasswordRule(int(settings.integer(QString::fromLatin1(settings::PasswordMinLength))),
        int(settings.integer(QString::fromLatin1(settings::PasswordHistory))));
}

PasswordRule PasswordRule::defaults()
{
    return PasswordRule(defaultOf(settings::PasswordMinLength), defaultOf(settings::PasswordHistory));
}

PasswordRule PasswordRule::of(int minLength, int history)
{
    return PasswordRule(minLength, history);
}

int PasswordRule::maxLength() const
{
    return PasswordHasher::kMaxLength;
}

QString PasswordRule::description() const
{
    return tr("At least %1 characters with letters and digits; your last %n passwords cannot be used again.", nullptr,
        m_history)
        .arg(m_minLength);
}

Status PasswordRule::check(const SecureBytes& normalized) const
{
    return PasswordHasher::checkPolicy(normalized, m_minLength);
}

Status PasswordRule::checkHistory(const QStringList& hashes, const SecureBytes& normalized) const
{
    for (const QString& hash : hashes) {
        if (PasswordHasher::verify(hash, normalized))
            return usedRecently();
    }
    return {};
}

Error PasswordRule::usedRecently() const
{
    return makeError(ErrorCode::InvalidInput,
        tr("This password was used recently. Choose one that differs from your last %n passwords.", nullptr, m_history),
        QString(), QStringLiteral("password"));
}

} // namespace bv
