#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace bv {

// Qt 6.4's PDF writer names each embedded glyph by the lowest code point that shows it. Noto Sans CJK draws
// 文 and the Kangxi radical ⽂ (U+2F42) with one glyph, so the text layer of a controlled report says
// "受控⽂件": it looks right, but searching the PDF for 受控文件, copying from it or pdftotext finds
// radicals. repairPdfTextLayer rewrites the ToUnicode maps of a finished PDF so that radicals (U+2E80–
// U+2FDF) read as the ideograph the font draws with the same glyph. The page content is not touched and
// the file keeps its length (every code is four hex digits), so the cross-reference table stays valid.
class PdfTextLayer
{
    Q_DECLARE_TR_FUNCTIONS(PdfTextLayer)
public:
    // The repaired bytes of a PDF written by QPdfWriter or QPrinter (unchanged when nothing needs it).
    static QByteArray repaired(QByteArray pdf);
    // Repairs a PDF file in place, after its QPainter has ended.
    [[nodiscard]] static Status repairFile(const QString& path);
    // The ideograph shown by the same glyph as `radical` (U+2E80–U+2FDF), or 0 when there is none.
    static char32_t ideographFor(char32_t radical);
};

} // namespace bv
