#include "render/PdfTextLayer.h"

#include <QFile>
#include <QFont>
#include <QFontDatabase>
#include <QHash>
#include <QRawFont>
#include <QSaveFile>

namespace bv {

namespace {
constexpr char32_t firstRadical = 0x2E80; // CJK Radicals Supplement ...
constexpr char32_t lastRadical = 0x2FDF; // ... and Kangxi Radicals
constexpr char32_t firstIdeograph = 0x4E00; // CJK Unified Ideographs
constexpr char32_t lastIdeograph = 0x9FFF;

bool isIdeograph(char32_t c)
{
    return c >= firstIdeograph && c <= lastIdeograph;
}

// Radical → ideograph, from the glyphs of the CJK font the renderer uses (what Qt's writer confused), then
// from Unicode's compatibility decomposition for the Kangxi radicals the font does not share.
QHash<char32_t, char32_t> buildRadicalMap()
{
    QHash<char32_t, char32_t> map;
    QFont font;
    font.setFamilies({QStringLiteral("Noto Sans CJK SC"), QStringLiteral("Noto Sans Mono CJK SC")});
    const QRawFont raw = QRawFont::fromFont(font, QFontDatabase::SimplifiedChinese);
    if (raw.isValid()) {
        QString ideographs;
        for (char32_t c = firstIdeograph; c <= lastIdeograph; ++c)
            ideographs += QChar(char16_t(c));
        const QList<quint32> glyphs = raw.glyphIndexesForString(ideographs);
        QHash<quint32, char32_t> byGlyph;
        for (qsizetype i = 0; i < glyphs.size(); ++i) {
            if (glyphs.at(i) != 0 && !byGlyph.contains(glyphs.at(i)))
                byGlyph.insert(glyphs.at(i), firstIdeograph + char32_t(i));
        }
        QString radicals;
        for (char32_t c = firstRadical; c <= lastRadical; ++c)
            radicals += QChar(char16_t(c));
        const QList<quint32> radicalGlyphs = raw.glyphIndexesForString(radicals);
        for (qsizetype i = 0; i < radicalGlyphs.size(); ++i) {
            const auto found = byGlyph.constFind(radicalGlyphs.at(i));
            if (radicalGlyphs.at(i) != 0 && found != byGlyph.cend())
                map.insert(firstRadical + char32_t(i), *found);
        }
    }
    for (char32_t c = firstRadical; c <= lastRadical; ++c) {
        if (map.contains(c))
            continue;
        const QString folded = QString(QChar(char16_t(c))).normalized(QString::NormalizationForm_KC);
        if (folded.size() == 1 && isIdeograph(folded.at(0).unicode()))
            map.insert(c, folded.at(0).unicode());
    }
    return map;
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

// A destination code <XXXX> at `at` (four hex digits between the brackets): replaced when it is a radical.
void repairCode(QByteArray& pdf, qsizetype at, qsizetype length)
{
    if (length != 4)
        return;
    char32_t code = 0;
    for (qsizetype i = 0; i < 4; ++i) {
        const int digit = hexValue(pdf.at(at + i));
        if (digit < 0)
            return;
        code = code * 16 + char32_t(digit);
    }
    const char32_t ideograph = PdfTextLayer::ideographFor(code);
    if (ideograph == 0)
        return;
    const QByteArray hex = QByteArray::number(uint(ideograph), 16).toUpper().rightJustified(4, '0');
    for (qsizetype i = 0; i < 4; ++i)
        pdf[at + i] = hex.at(i);
}

// One bfrange or bfchar block of a ToUnicode CMap, from `begin` to `end`. bfrange entries are
// <lo> <hi> <dst> or <lo> <hi> [<dst> ...]; bfchar entries are <src> <dst>. Only destinations change.
void repairBlock(QByteArray& pdf, qsizetype begin, qsizetype end, bool ranges)
{
    int field = 0; // position in the current entry
    bool inArray = false;
    QByteArray lo; // a bfrange entry's first source code
    bool span = false; // the current bfrange entry covers more than one code
    for (qsizetype pos = begin; pos < end; ++pos) {
        const char c = pdf.at(pos);
        if (c == '[') {
            inArray = true;
        } else if (c == ']') {
            inArray = false;
            field = 0;
        } else if (c == '<') {
            const qsizetype close = pdf.indexOf('>', pos);
            if (close < 0 || close > end)
                return;
            const bool destination = inArray || field == (ranges ? 2 : 1);
            if (ranges && !inArray && field == 0)
                lo = pdf.mid(pos + 1, close - pos - 1);
            else if (ranges && !inArray && field == 1)
                span = pdf.mid(pos + 1, close - pos - 1) != lo;
            // <lo> <hi> <dst> with hi > lo maps lo..hi to dst, dst+1, ...: rewriting dst alone would shift the
            // rest, so such a range is left as Qt wrote it (its text reads as radicals, the page is unchanged).
            if (destination && (inArray || !span))
                repairCode(pdf, pos + 1, close - pos - 1);
            if (!inArray)
                field = destination ? 0 : field + 1;
            pos = close;
        }
    }
}
} // namespace

char32_t PdfTextLayer::ideographFor(char32_t radical)
{
    if (radical < firstRadical || radical > lastRadical)
        return 0;
    static const QHash<char32_t, char32_t> map = buildRadicalMap();
    return map.value(radical, 0);
}

QByteArray PdfTextLayer::repaired(QByteArray pdf)
{
    struct Block
    {
        QByteArray begin;
        QByteArray end;
        bool ranges;
    };
    const Block blocks[] = {{"beginbfrange", "endbfrange", true}, {"beginbfchar", "endbfchar", false}};
    for (const Block& block : blocks) {
        qsizetype from = 0;
        while (true) {
            const qsizetype begin = pdf.indexOf(block.begin, from);
            if (begin < 0)
                break;
            const qsizetype end = pdf.indexOf(block.end, begin);
            if (end < 0)
                break;
            repairBlock(pdf, begin + block.begin.size(), end, block.ranges);
            from = end + block.end.size();
        }
    }
    return pdf;
}

Status PdfTextLayer::repairFile(const QString& path)
{
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io,
            tr("The PDF file could not be read back to finish it (%1). Check the folder, then save the PDF again.")
                .arg(in.errorString()),
            path);
    const QByteArray original = in.readAll();
    in.close();
    const QByteArray fixed = repaired(original);
    if (fixed == original)
        return {};
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(fixed) != fixed.size() || !out.commit())
        return makeError(ErrorCode::Io,
            tr("The PDF file could not be finished (%1). Check the free space and the folder, then save the PDF "
               "again.")
                .arg(out.errorString()),
            path);
    return {};
}

} // namespace bv
