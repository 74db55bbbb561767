#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cstddef>

namespace bv {

// A move-only buffer for keys and other secrets: allocated with sodium_malloc (guard pages, locked
// where the OS allows), wiped and freed on destruction. Use it for every key, passphrase and
// temporary derived from them. Call ensureSodium() (core/common/Sodium.h) before the first use.
class SecureBytes
{
public:
    SecureBytes() = default;
    explicit SecureBytes(std::size_t size);
    ~SecureBytes();

    SecureBytes(SecureBytes&& other) noexcept;
    SecureBytes& operator=(SecureBytes&& other) noexcept;
    SecureBytes(const SecureBytes&) = delete;
    SecureBytes& operator=(const SecureBytes&) = delete;

    static SecureBytes random(std::size_t size);
    static SecureBytes copyOf(const void* data, std::size_t size);
    static SecureBytes copyOf(QByteArrayView bytes) { return copyOf(bytes.data(), std::size_t(bytes.size())); }
    // Copies `bytes` and wipes the source array in place (it must not be shared).
    static SecureBytes takeFrom(QByteArray& bytes);

    SecureBytes clone() const { return copyOf(m_data, m_size); }
    unsigned char* data() { return m_data; }
    const unsigned char* data() const { return m_data; }
    const char* constChar() const { return reinterpret_cast<const char*>(m_data); }
    std::size_t size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    // A view for APIs that take bytes; the view must not outlive this object.
    QByteArrayView view() const { return QByteArrayView(constChar(), qsizetype(m_size)); }

    // Constant-time comparison.
    bool equals(const SecureBytes& other) const;
    // Lower-case hex of the content, in secure memory.
    SecureBytes toHex() const;
    // Concatenation of this and other, in secure memory.
    SecureBytes concat(const SecureBytes& other) const;
    // A copy of [offset, offset+length) in secure memory.
    SecureBytes mid(std::size_t offset, std::size_t length) const;

    void clear();

private:
    unsigned char* m_data = nullptr;
    std::size_t m_size = 0;
};

// Wipes a QByteArray / QString buffer in place when it is not shared (best effort for values that
// had to pass through Qt types, such as a passphrase read from stdin).
void wipe(QByteArray& bytes);
void wipe(QString& text);

} // namespace bv
