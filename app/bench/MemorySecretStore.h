#pragma once

#include "core/keys/SecretStore.h"

#include <QMap>

namespace bv::bench {

// The benchmark's keychain: the key material stays in this process's memory. The benchmark measures
// the database, field crypto and audit — not the OS keychain, which is used once per start.
class MemorySecretStore final : public SecretStore
{
public:
    Result<SecureBytes> read(const QString& name) override
    {
        if (!m_entries.contains(name))
            return makeError(ErrorCode::KeyMissing, QStringLiteral("no entry"));
        return SecureBytes::copyOf(m_entries.value(name));
    }
    Status write(const QString& name, const SecureBytes& secret) override
    {
        m_entries.insert(name, QByteArray(secret.constChar(), qsizetype(secret.size())));
        return {};
    }
    Status remove(const QString& name) override
    {
        m_entries.remove(name);
        return {};
    }
    QString describe() const override { return QStringLiteral("memory"); }

private:
    QMap<QString, QByteArray> m_entries;
};

} // namespace bv::bench
