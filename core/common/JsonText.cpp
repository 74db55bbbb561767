#include "core/internal/common/JsonText.h"

namespace bv::jsontext {

namespace {

void appendUnicodeEscape(QByteArray& out, char16_t unit)
{
    static constexpr char kHex[] = "0123456789abcdef";
    out += "\\u";
    out += kHex[(unit >> 12) & 0xf];
    out += kHex[(unit >> 8) & 0xf];
    out += kHex[(unit >> 4) & 0xf];
    out += kHex[unit & 0xf];
}

} // namespace

void appendString(QByteArray& out, QStringView text)
{
    out += '"';
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t unit = text.at(i).unicode();
        if (unit < 0x80) {
            switch (unit) {
            case u'"':
                out += "\\\"";
                break;
            case u'\\':
                out += "\\\\";
                break;
            case u'\b':
                out += "\\b";
                break;
            case u'\f':
                out += "\\f";
                break;
            case u'\n':
                out += "\\n";
                break;
            case u'\r':
                out += "\\r";
                break;
            case u'\t':
                out += "\\t";
                break;
            default:
                if (unit < 0x20)
                    appendUnicodeEscape(out, unit);
                else
                    out += char(unit);
            }
        } else if (unit < 0x800) {
            out += char(0xc0 | (unit >> 6));
            out += char(0x80 | (unit & 0x3f));
        } else if (QChar::isHighSurrogate(unit)) {
            if (i + 1 < size && QChar::isLowSurrogate(text.at(i + 1).unicode())) {
                const char32_t code = QChar::surrogateToUcs4(unit, text.at(i + 1).unicode());
                ++i;
                out += char(0xf0 | (code >> 18));
                out += char(0x80 | ((code >> 12) & 0x3f));
                out += char(0x80 | ((code >> 6) & 0x3f));
                out += char(0x80 | (code & 0x3f));
            } else {
                appendUnicodeEscape(out, unit);
            }
        } else if (QChar::isLowSurrogate(unit)) {
            appendUnicodeEscape(out, unit);
        } else {
            out += char(0xe0 | (unit >> 12));
            out += char(0x80 | ((unit >> 6) & 0x3f));
            out += char(0x80 | (unit & 0x3f));
        }
    }
    out += '"';
}

} // namespace bv::jsontext
