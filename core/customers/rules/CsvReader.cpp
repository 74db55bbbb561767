#include "core/customers/rules/CsvReader.h"

#include <QBuffer>
#include <QIODevice>
#include <QStringDecoder>

#include <algorithm>
#include <utility>

// The reader in two files: this one opens the file, detects its encoding and decodes it (the Decoder);
// CsvRecords.cpp splits the text into records, reads the heading row and the data rows.

namespace bv {

// Decodes the file chunk by chunk and reports invalid byte sequences instead of replacing them.
//
// Why QStringDecoder("GB18030"): Qt 6.4's QStringConverter has no GB18030 of its own, but when Qt is built
// with ICU (Debian's libqt6core6 is: it links libicu72), QStringDecoder(const char* name) falls back to an
// ICU converter for any name ICU knows, and counts invalid and unassigned sequences so that hasError()
// reports them (checked: 0x80, 0xFF, a lead byte without its trail byte, four-byte codes past U+10FFFF).
// This needs no extra package (Qt6::Core5Compat's QTextCodec would add qt6-5compat-dev to the install
// list) and, unlike iconv, stays within Qt types. If a Qt build lacks ICU, isValid() is false and such a
// file is refused with a message saying so.
//
// Two pitfalls of Qt 6.4's ICU path are avoided here:
// - a stateful ICU decoder never flushes, so a sequence cut off at the end of the file would go unnoticed.
//   The decoder is therefore Stateless (each call flushes and counts left-over bytes as errors), and each
//   chunk is cut at a character boundary: its incomplete tail is carried over to the next chunk.
// - a moved QStringDecoder keeps ICU's error callback pointed at the old object and then reports no errors
//   at all; a Decoder is created in place on the heap and never moved.
// UTF-8 goes through the same cutting with Qt's own strict decoder (overlong forms, surrogates and values
// above U+10FFFF are errors). ConvertInitialBom stops Stateless mode from dropping a U+FEFF found at the
// start of any chunk; the reader skips the file's BOM itself.
class CsvReader::Decoder
{
public:
    explicit Decoder(Encoding encoding)
        : m_gb18030(encoding == Encoding::Gb18030)
        , m_decoder(m_gb18030 ? "GB18030" : "UTF-8",
              QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom)
    {
    }
    Q_DISABLE_COPY_MOVE(Decoder)

    bool isValid() const { return m_decoder.isValid(); }
    bool hasError() const { return m_decoder.hasError(); }

    // Decodes the carried-over bytes and `bytes`, up to the last complete character unless `last`.
    QString decode(QByteArrayView bytes, bool last)
    {
        QByteArrayView input = bytes;
        if (!m_carry.isEmpty()) {
            m_carry.append(bytes);
            input = m_carry;
        }
        const qsizetype complete = last ? input.size() : completePrefix(input);
        QString text = m_decoder.decode(input.first(complete));
        QByteArray rest = input.sliced(complete).toByteArray();
        m_carry = std::move(rest);
        return text;
    }

private:
    qsizetype completePrefix(QByteArrayView bytes) const
    {
        return m_gb18030 ? completePrefixGb18030(bytes) : completePrefixUtf8(bytes);
    }

    // UTF-8: back up over at most three continuation bytes to the lead byte of the last sequence.
    static qsizetype completePrefixUtf8(QByteArrayView bytes)
    {
        const qsizetype n = bytes.size();
        qsizetype i = n;
        while (i > 0 && n - i < 3 && (uchar(bytes[i - 1]) & 0xC0) == 0x80)
            --i;
        if (i == 0)
            return n;
        const uchar lead = uchar(bytes[i - 1]);
        const qsizetype length = (lead & 0xE0) == 0xC0 ? 2 : (lead & 0xF0) == 0xE0 ? 3 : (lead & 0xF8) == 0xF0 ? 4 : 1;
        return (i - 1) + length > n ? i - 1 : n;
    }

    // GB18030: one byte 00-7F (80 and FF are invalid, left to the decoder); two bytes [81-FE][40-7E,80-FE];
    // four bytes [81-FE][30-39][81-FE][30-39]. The second byte tells two from four. Trail bytes are never
    // 00-2F, so only a forward scan finds the boundaries.
    static qsizetype completePrefixGb18030(QByteArrayView bytes)
    {
        const qsizetype n = bytes.size();
        qsizetype i = 0;
        while (i < n) {
            const uchar b = uchar(bytes[i]);
            qsizetype length = 1;
            if (b >= 0x81 && b <= 0xFE) {
                if (i + 1 >= n)
                    break;
                const uchar b2 = uchar(bytes[i + 1]);
                length = (b2 >= 0x30 && b2 <= 0x39) ? 4 : 2;
            }
            if (i + length > n)
                break;
            i += length;
        }
        return i;
    }

    const bool m_gb18030;
    QStringDecoder m_decoder;
    QByteArray m_carry; // at most 3 bytes
};

namespace {

bool isControlByte(uchar b)
{
    return (b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7F;
}

} // namespace

CsvReader::CsvReader()
    : CsvReader(Options())
{
}

CsvReader::CsvReader(const Options& options)
    : m_options(options)
{
    m_options.chunkBytes = std::clamp<qsizetype>(m_options.chunkBytes, 1, 16 * 1024 * 1024);
    m_options.maxColumns = std::max<qsizetype>(m_options.maxColumns, 1);
    m_options.maxFieldChars = std::max<qsizetype>(m_options.maxFieldChars, 1);
}

CsvReader::~CsvReader() = default;

void CsvReader::setProgressCallback(std::function<void(qint64, qint64)> callback)
{
    m_progress = std::move(callback);
}

void CsvReader::reset()
{
    m_device = nullptr;
    m_decoder.reset();
    m_encoding = Encoding::Unknown;
    m_start = 0;
    m_totalBytes = 0;
    m_bytesConsumed = 0;
    m_open = false;
    m_inputDone = false;
    m_failed = false;
    m_fatal.reset();
    m_chunk.clear();
    m_text.clear();
    m_pos = 0;
    m_line = 1;
    m_errorColumn = -1;
    m_headerRead = false;
    m_headerKeys.clear();
    m_headerNames.clear();
}

Status CsvReader::open(QIODevice* device)
{
    reset();
    m_ownBuffer.reset();
    return openDevice(device);
}

Status CsvReader::open(const QByteArray& data)
{
    reset();
    m_ownBuffer = std::make_unique<QBuffer>();
    m_ownBuffer->setData(data);
    if (!m_ownBuffer->open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Internal, tr("The import data could not be opened."));
    return openDevice(m_ownBuffer.get());
}

Status CsvReader::openDevice(QIODevice* device)
{
    if (!device || !device->isOpen() || !device->isReadable())
        return makeError(ErrorCode::Io,
            tr("The file could not be read. Check that it exists and that you may open it, then "
               "import again."),
            device ? device->errorString() : QString());
    if (device->isSequential())
        return makeError(ErrorCode::Internal,
            tr("The import can only read a file on disk. Save the file to a folder and import it "
               "from there."));
    m_device = device;
    m_start = device->pos();
    m_chunk.resize(m_options.chunkBytes);
    const Status detected = detectEncoding();
    if (!detected.ok()) {
        m_device = nullptr;
        m_decoder.reset();
        m_encoding = Encoding::Unknown;
        return detected;
    }
    m_open = true;
    return {};
}

Error CsvReader::readError() const
{
    return makeError(ErrorCode::Io,
        tr("Reading the file failed. Check that the disk or network drive is still available and "
           "import again."),
        m_device ? m_device->errorString() : QString());
}

// Reads from the current position to the end: counts bytes, NUL bytes and other control bytes (when the
// counters are given) and feeds the decoder until its first error.
Status CsvReader::scan(Decoder* decoder, bool* decodeError, qint64* bytes, qint64* nulBytes, qint64* controlBytes)
{
    *decodeError = false;
    for (;;) {
        const qint64 n = m_device->read(m_chunk.data(), m_chunk.size());
        if (n < 0)
            return readError();
        if (n == 0)
            break;
        *bytes += n;
        const QByteArrayView view(m_chunk.constData(), n);
        if (nulBytes) {
            for (const char ch : view) {
                if (ch == '\0')
                    ++*nulBytes;
                else if (isControlByte(uchar(ch)))
                    ++*controlBytes;
            }
            if (*nulBytes > 0)
                return {};
        }
        if (!*decodeError) {
            decoder->decode(view, false);
            *decodeError = decoder->hasError();
        }
        if (*decodeError && !nulBytes)
            return {};
    }
    if (!*decodeError) {
        decoder->decode({}, true);
        *decodeError = decoder->hasError();
    }
    return {};
}

Status CsvReader::detectEncoding()
{
    const QString saveAsUtf8 = tr("Save it from Excel as \"CSV UTF-8\" and import again.");
    const QByteArray head = m_device->peek(3);
    if (head.startsWith("\xFF\xFE") || head.startsWith("\xFE\xFF"))
        return makeError(ErrorCode::InvalidInput,
            tr("The file is saved as \"Unicode text\" (UTF-16), which cannot be imported.") + QLatin1Char(' ')
                + saveAsUtf8);
    const bool bom = head == QByteArrayView("\xEF\xBB\xBF");
    const qint64 textStart = m_start + (bom ? 3 : 0);
    if (bom && !m_device->seek(textStart))
        return readError();

    Decoder utf8(Encoding::Utf8);
    bool utf8Error = false;
    qint64 textBytes = 0;
    qint64 nulBytes = 0;
    qint64 controlBytes = 0;
    BV_TRY(scan(&utf8, &utf8Error, &textBytes, &nulBytes, &controlBytes));
    m_totalBytes = textBytes + (bom ? 3 : 0);

    if (nulBytes > 0 || controlBytes * 20 > textBytes)
        return makeError(ErrorCode::InvalidInput,
            tr("The file is not a text file (it contains binary data). Check that you chose the CSV "
               "file.")
                + QLatin1Char(' ') + saveAsUtf8);
    if (textBytes == 0)
        return makeError(
            ErrorCode::InvalidInput, tr("The file is empty. Fill in the import template, save it and import again."));

    if (!utf8Error) {
        m_encoding = bom ? Encoding::Utf8WithBom : Encoding::Utf8;
    } else if (bom) {
        return makeError(ErrorCode::InvalidInput,
            tr("The file is marked as UTF-8 but contains bytes that are not UTF-8 text.") + QLatin1Char(' ')
                + saveAsUtf8);
    } else {
        const auto gb18030 = std::make_unique<Decoder>(Encoding::Gb18030);
        if (!gb18030->isValid())
            return makeError(ErrorCode::InvalidInput,
                tr("The file is not UTF-8 text, and this build of BranchVault cannot read GB18030 "
                   "text.")
                    + QLatin1Char(' ') + saveAsUtf8);
        if (!m_device->seek(m_start))
            return readError();
        bool gbError = false;
        qint64 bytes = 0;
        BV_TRY(scan(gb18030.get(), &gbError, &bytes, nullptr, nullptr));
        if (gbError)
            return makeError(ErrorCode::InvalidInput,
                tr("The file is neither UTF-8 nor GB18030 text.") + QLatin1Char(' ') + saveAsUtf8);
        m_encoding = Encoding::Gb18030;
    }

    if (!m_device->seek(textStart))
        return readError();
    m_bytesConsumed = bom ? 3 : 0;
    m_decoder = std::make_unique<Decoder>(m_encoding);
    return {};
}

// Makes sure a decoded character is available; false at the end of the file or after a failure (m_fatal).
bool CsvReader::fill()
{
    while (m_pos >= m_text.size()) {
        if (m_inputDone)
            return false;
        m_text.clear();
        m_pos = 0;
        const qint64 n = m_device->read(m_chunk.data(), m_chunk.size());
        if (n < 0) {
            m_fatal = readError();
            m_inputDone = true;
            return false;
        }
        m_bytesConsumed += n;
        m_text = m_decoder->decode(QByteArrayView(m_chunk.constData(), n), n == 0);
        if (n == 0)
            m_inputDone = true;
        if (m_decoder->hasError() || m_bytesConsumed > m_totalBytes
            || (m_inputDone && m_bytesConsumed != m_totalBytes)) {
            m_fatal = makeError(ErrorCode::Io,
                tr("The file changed while it was being read. Close it in Excel or any other "
                   "program, then import it again."));
            m_inputDone = true;
            m_text.clear();
            return false;
        }
        if (n > 0 && m_progress)
            m_progress(m_bytesConsumed, m_totalBytes);
    }
    return true;
}

bool CsvReader::peekChar(QChar* c)
{
    if (!fill())
        return false;
    *c = m_text.at(m_pos);
    return true;
}

bool CsvReader::getChar(QChar* c)
{
    if (!peekChar(c))
        return false;
    ++m_pos;
    return true;
}

// After a CR or LF has been read: counts the line and swallows the LF of a CRLF.
void CsvReader::consumeLineBreak(QChar c)
{
    ++m_line;
    QChar next;
    if (c == u'\r' && peekChar(&next) && next == u'\n')
        ++m_pos;
}

} // namespace bv
