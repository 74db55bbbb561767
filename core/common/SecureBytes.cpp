#include "core/common/SecureBytes.h"

#include "core/internal/common/Sodium.h"

#include <sodium.h>

#include <new>
#include <utility>

namespace bv {

SecureBytes::SecureBytes(std::size_t size)
    : m_size(size)
{
    if (size == 0)
        return;
    ensureSodium();
    m_data = static_cast<unsigned char*>(sodium_malloc(size));
    if (!m_data)
        throw std::bad_alloc(); // out of memory is not a recoverable condition here
    sodium_memzero(m_data, size);
}

SecureBytes::~SecureBytes()
{
    clear();
}

SecureBytes::SecureBytes(SecureBytes&& other) noexcept
    : m_data(std::exchange(other.m_data, nullptr))
    , m_size(std::exchange(other.m_size, 0))
{
}

SecureBytes& SecureBytes::operator=(SecureBytes&& other) noexcept
{
    if (this != &other) {
        clear();
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
    }
    return *this;
}

SecureBytes SecureBytes::random(std::size_t size)
{
    SecureBytes bytes(size);
    if (size)
        randombytes_buf(bytes.m_data, size);
    return bytes;
}

SecureBytes SecureBytes::copyOf(const void* data, std::size_t size)
{
    SecureBytes bytes(size);
    if (size)
        memcpy(bytes.m_data, data, size);
    return bytes;
}

SecureBytes SecureBytes::takeFrom(QByteArray& source)
{
    SecureBytes bytes = copyOf(source.constData(), std::size_t(source.size()));
    wipe(source);
    return bytes;
}

bool SecureBytes::equals(const SecureBytes& other) const
{
    if (m_size != other.m_size)
        return false;
    if (m_size == 0)
        return true;
    return sodium_memcmp(m_data, other.m_data, m_size) == 0;
}

SecureBytes SecureBytes::toHex() const
{
    SecureBytes hex(m_size * 2 + 1);
    if (m_size)
        sodium_bin2hex(reinterpret_cast<char*>(hex.m_data), hex.m_size, m_data, m_size);
    // drop the terminating NUL from the logical size, keep it in the allocation
    SecureBytes out = copyOf(hex.m_data, m_size * 2);
    return out;
}

SecureBytes SecureBytes::concat(const SecureBytes& other) const
{
    SecureBytes out(m_size + other.m_size);
    if (m_size)
        memcpy(out.m_data, m_data, m_size);
    if (other.m_size)
        memcpy(out.m_data + m_size, other.m_data, other.m_size);
    return out;
}

SecureBytes SecureBytes::mid(std::size_t offset, std::size_t length) const
{
    if (offset > m_size)
        return {};
    if (length > m_size - offset)
        length = m_size - offset;
    return copyOf(m_data + offset, length);
}

void SecureBytes::clear()
{
    if (m_data) {
        sodium_free(m_data); // sodium_free wipes before freeing
        m_data = nullptr;
    }
    m_size = 0;
}

void wipe(QByteArray& bytes)
{
    if (!bytes.isEmpty() && !bytes.isDetached())
        bytes.detach();
    if (!bytes.isEmpty())
        sodium_memzero(bytes.data(), std::size_t(bytes.size()));
    bytes.clear();
}

void wipe(QString& text)
{
    if (!text.isEmpty()) {
        QChar* chars = text.data(); // detaches
        sodium_memzero(chars, std::size_t(text.size()) * sizeof(QChar));
    }
    text.clear();
}

} // namespace bv
