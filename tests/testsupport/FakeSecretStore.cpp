#include "tests/testsupport/FakeSecretStore.h"

namespace bv::test {

static Error unavailableError()
{
    return makeError(ErrorCode::KeychainUnavailable, QStringLiteral("The test keychain is switched off."));
}

Result<SecureBytes> FakeSecretStore::read(const QString& name)
{
    if (m_unavailable)
        return unavailableError();
    if (!m_entries.contains(name))
        return makeError(ErrorCode::KeyMissing, QStringLiteral("No entry in the test keychain."));
    return SecureBytes::copyOf(m_entries.value(name));
}

Status FakeSecretStore::write(const QString& name, const SecureBytes& secret)
{
    if (m_unavailable)
        return unavailableError();
    m_entries.insert(name, QByteArray(secret.constChar(), qsizetype(secret.size())));
    return {};
}

Status FakeSecretStore::remove(const QString& name)
{
    if (m_unavailable)
        return unavailableError();
    m_entries.remove(name);
    return {};
}

} // namespace bv::test
