#pragma once

#include "core/keys/SecretStore.h"

#include <QHash>
#include <QMap>

namespace bv::test {

// In-memory SecretStore for tests that are not about the keychain. It can be switched to behave like
// an unavailable keychain. (tests/core/keys/tst_keychain tests the real QtKeychain store against a
// real gnome-keyring.)
class FakeSecretStore final : public SecretStore
{
public:
    Result<SecureBytes> read(const QString& name) override;
    Status write(const QString& name, const SecureBytes& secret) override;
    Status remove(const QString& name) override;
    QString describe() const override { return QStringLiteral("the test keychain"); }

    void setUnavailable(bool unavailable) { m_unavailable = unavailable; }
    bool contains(const QString& name) const { return m_entries.contains(name); }
    int size() const { return int(m_entries.size()); }
    void clear() { m_entries.clear(); }
    QStringList names() const { return m_entries.keys(); }

private:
    QMap<QString, QByteArray> m_entries;
    bool m_unavailable = false;
};

} // namespace bv::test
