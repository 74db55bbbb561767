#pragma once

#include "core/reports/ReportDocument.h"

#include <QCoreApplication>
#include <QFont>
#include <QRectF>
#include <QString>
#include <QStringList>

class QPainter;
class QPaintDevice;

namespace bv {

// The controlled-document marks of one page (DESIGN §8), internal to bv_render: the fonts, the header band
// (受控文件 CONTROLLED, serial and copy, branch, printing user, branch time, period of use), the footer band
// (page x of y, the handling rule, the QR code) and the diagonal watermark. Everything is drawn as page
// content; the watermark as outlines, so it cannot be lifted out as text.
class PageMarks
{
    Q_DECLARE_TR_FUNCTIONS(PageMarks)
public:
    // A CJK-capable face, the same on screen, on paper and in the PDF: DejaVu Sans for Latin letters and
    // digits, Noto Sans CJK SC (fonts-noto-cjk) for Chinese. Qt 6.4 cannot map Noto's Latin glyphs back to
    // text in a PDF (digits vanish from pdftotext and from search), hence the Latin face first.
    static QFont font(qreal pointSize, bool bold = false);
    // The stamp in both languages, whatever the interface language: a bilingual branch reads either half.
    static QString stamp();

    // Band heights in device pixels for a device of `dpi` dots per inch.
    static qreal headerHeight(QPaintDevice* device);
    static qreal footerHeight(QPaintDevice* device);
    static qreal millimetres(qreal mm, qreal dpi) { return mm * dpi / 25.4; }

    // The lines of the watermark: printing user, printed at and serial with copy (a preview: the preview
    // notice, who ran the report and when).
    static QStringList watermarkLines(const ReportDocument& document, const PrintMarks* marks);
    static void paintWatermark(QPainter& painter, const QRectF& page, const QStringList& lines, qreal dpi);
    static void paintHeader(
        QPainter& painter, const QRectF& band, const ReportDocument& document, const PrintMarks* marks, qreal dpi);
    // Returns false when the page code does not fit in a QR code.
    static bool paintFooter(
        QPainter& painter, const QRectF& band, const PrintMarks* marks, int page, int pages, qreal dpi, QString* error);
    // The QR code of `text` as vector modules filling `square` (quiet zone included, white background).
    static bool paintQrCode(QPainter& painter, const QRectF& square, const QString& text);
};

} // namespace bv
