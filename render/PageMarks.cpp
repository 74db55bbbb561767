#include "render/PageMarks.h"

#include "render/PageCodes.h"

#include <QFontMetricsF>
#include <QPaintDevice>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace bv {

namespace {
constexpr qreal qrSizeMm = 24; // about 3 px a module at 150 dpi for a version-5 code: a phone or scanner reads it
constexpr qreal stampPoints = 12;
constexpr qreal serialPoints = 9;
constexpr qreal smallPoints = 7.5;
constexpr qreal pagePoints = 9;
const QColor stampColor(170, 20, 20);
const QColor previewColor(110, 110, 110);
const QColor bandTextColor(40, 40, 40);
const QColor watermarkColor(212, 212, 220); // light grey with a trace of blue: under the text, not over it

qreal points(qreal pt, qreal dpi)
{
    return pt * dpi / 72.0;
}

void drawElided(QPainter& painter, const QRectF& rect, int flags, const QString& text)
{
    const QFontMetricsF metrics(painter.font(), painter.device());
    painter.drawText(rect, flags | Qt::TextSingleLine, metrics.elidedText(text, Qt::ElideRight, rect.width()));
}

void rule(QPainter& painter, qreal x1, qreal x2, qreal y, qreal widthPt, qreal dpi)
{
    painter.save();
    QPen pen(bandTextColor);
    pen.setWidthF(points(widthPt, dpi));
    pen.setCapStyle(Qt::FlatCap);
    painter.setPen(pen);
    painter.drawLine(QPointF(x1, y), QPointF(x2, y));
    painter.restore();
}
} // namespace

QFont PageMarks::font(qreal pointSize, bool bold)
{
    QFont font;
    font.setFamilies({QStringLiteral("DejaVu Sans"), QStringLiteral("Noto Sans CJK SC"),
        QStringLiteral("Noto Sans Mono CJK SC"), QStringLiteral("WenQuanYi Micro Hei")});
    font.setStyleHint(QFont::SansSerif);
    font.setPointSizeF(pointSize);
    font.setBold(bold);
    // A letter spacing too small to see turns the "ff", "fi", "fl" ligatures off, so the PDF's text layer
    // reads "differ", not "diﬀer", and a search for the word finds it.
    font.setLetterSpacing(QFont::AbsoluteSpacing, 0.02);
    return font;
}

QString PageMarks::stamp()
{
    // Not translated on purpose: the regulation's stamp is 受控文件, and the English half serves auditors and
    // a branch that works in both languages. The field labels around it follow the interface language.
    return QStringLiteral("受控文件 CONTROLLED");
}

qreal PageMarks::headerHeight(QPaintDevice* device)
{
    const qreal dpi = device->logicalDpiY();
    return QFontMetricsF(font(stampPoints, true), device).height()
        + 2 * QFontMetricsF(font(smallPoints), device).height() + millimetres(2, dpi);
}

qreal PageMarks::footerHeight(QPaintDevice* device)
{
    const qreal dpi = device->logicalDpiY();
    const qreal text = QFontMetricsF(font(pagePoints, true), device).height()
        + 4 * QFontMetricsF(font(smallPoints), device).height();
    return millimetres(1.5, dpi) + std::max(millimetres(qrSizeMm, dpi), text);
}

QStringList PageMarks::watermarkLines(const ReportDocument& document, const PrintMarks* marks)
{
    if (!marks)
        return {tr("PREVIEW — not a controlled copy"), document.builtBy, document.builtAtText};
    return {marks->printedBy, marks->printedAtText, QStringLiteral("%1 · %2").arg(marks->serial, marks->copyLabel)};
}

void PageMarks::paintWatermark(QPainter& painter, const QRectF& page, const QStringList& lines, qreal dpi)
{
    QFont face = font(10, true);
    face.setPixelSize(std::max(1, int(millimetres(9, dpi))));
    qreal widest = 1;
    for (const QString& line : lines)
        widest = std::max(widest, QFontMetricsF(face).horizontalAdvance(line));
    const qreal diagonal = std::hypot(page.width(), page.height());
    const qreal pixels
        = std::clamp(face.pixelSize() * 0.62 * diagonal / widest, millimetres(4, dpi), millimetres(12, dpi));
    face.setPixelSize(std::max(1, int(pixels)));
    const QFontMetricsF metrics(face);
    const qreal spacing = metrics.lineSpacing() * 1.25;
    QPainterPath path;
    qreal y = -spacing * (lines.size() - 1) / 2.0 + (metrics.ascent() - metrics.descent()) / 2.0;
    for (const QString& line : lines) {
        path.addText(QPointF(-metrics.horizontalAdvance(line) / 2.0, y), face, line);
        y += spacing;
    }
    painter.save();
    painter.translate(page.center());
    painter.rotate(-std::atan2(page.height(), page.width()) * 180.0 / M_PI);
    painter.fillPath(path, watermarkColor);
    painter.restore();
}

void PageMarks::paintHeader(
    QPainter& painter, const QRectF& band, const ReportDocument& document, const PrintMarks* marks, qreal dpi)
{
    painter.save();
    const QFont small = font(smallPoints);
    const qreal firstHeight = QFontMetricsF(font(stampPoints, true), painter.device()).height();
    const qreal smallHeight = QFontMetricsF(small, painter.device()).height();
    const QRectF first(band.left(), band.top(), band.width(), firstHeight);
    const qreal half = band.width() / 2.0;
    const QRectF second(band.left(), first.bottom(), half, smallHeight);
    const QRectF third = second.translated(0, smallHeight);
    const qreal gap = millimetres(2, dpi);

    painter.setFont(font(stampPoints, true));
    painter.setPen(marks ? stampColor : previewColor);
    const QString left = marks ? stamp() : tr("PREVIEW — not a controlled copy");
    const qreal leftWidth = QFontMetricsF(painter.font(), painter.device()).horizontalAdvance(left);
    drawElided(painter, first, Qt::AlignLeft | Qt::AlignVCenter, left);
    if (marks) {
        painter.setFont(font(serialPoints, true));
        painter.setPen(bandTextColor);
        QRectF right = first;
        right.setLeft(std::min(first.right(), first.left() + leftWidth + gap));
        drawElided(painter, right, Qt::AlignRight | Qt::AlignVCenter,
            tr("Serial %1 · %2").arg(marks->serial, marks->copyLabel));
    }

    painter.setFont(small);
    painter.setPen(bandTextColor);
    const QString branch = tr("Branch: %1").arg(marks ? marks->branch : document.branch);
    drawElided(painter, second.adjusted(0, 0, -gap, 0), Qt::AlignLeft | Qt::AlignVCenter, branch);
    if (marks) {
        const QString validUntil
            = marks->validUntilText.isEmpty() ? marks->validUntil.toString(Qt::ISODate) : marks->validUntilText;
        drawElided(painter, second.translated(half, 0), Qt::AlignLeft | Qt::AlignVCenter,
            tr("Printed by: %1").arg(marks->printedBy));
        drawElided(painter, third.adjusted(0, 0, -gap, 0), Qt::AlignLeft | Qt::AlignVCenter,
            tr("Printed at: %1").arg(marks->printedAtText));
        drawElided(painter, third.translated(half, 0), Qt::AlignLeft | Qt::AlignVCenter,
            tr("Valid until: %1").arg(validUntil));
    } else {
        drawElided(painter, second.translated(half, 0), Qt::AlignLeft | Qt::AlignVCenter,
            tr("Run by: %1").arg(document.builtBy));
        drawElided(painter, third.adjusted(0, 0, -gap, 0), Qt::AlignLeft | Qt::AlignVCenter,
            tr("Run at: %1").arg(document.builtAtText));
        drawElided(painter, third.translated(half, 0), Qt::AlignLeft | Qt::AlignVCenter,
            tr("No serial number: not registered in the print register"));
    }
    rule(painter, band.left(), band.right(), band.bottom() - millimetres(0.8, dpi), 0.6, dpi);
    painter.restore();
}

bool PageMarks::paintFooter(
    QPainter& painter, const QRectF& band, const PrintMarks* marks, int page, int pages, qreal dpi, QString* error)
{
    painter.save();
    rule(painter, band.left(), band.right(), band.top(), 0.6, dpi);
    const qreal qrSize = millimetres(qrSizeMm, dpi);
    const qreal top = band.top() + millimetres(1.5, dpi);
    QRectF text(band.left(), top, band.width() - qrSize - millimetres(4, dpi), band.bottom() - top);

    painter.setPen(bandTextColor);
    painter.setFont(font(pagePoints, true));
    const QString pageText = tr("Page %1 of %2").arg(page).arg(pages);
    const qreal pageHeight = QFontMetricsF(painter.font(), painter.device()).height();
    drawElided(painter, QRectF(text.topLeft(), QSizeF(text.width(), pageHeight)), Qt::AlignLeft, pageText);
    text.setTop(text.top() + pageHeight + millimetres(0.5, dpi));

    painter.setFont(font(smallPoints));
    const QString rules = marks
        ? tr("Controlled document — do not copy it or leave it unattended. The person who receives it signs "
             "for it; lending is recorded and may not exceed three days; when it is no longer needed or its "
             "period of use ends, it is destroyed under supervision and the destruction is recorded.")
        : tr("Preview on screen only — not a controlled copy. Print it or save it as PDF to get a registered "
             "copy with a serial number and a QR code on every page.");
    painter.drawText(text, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, rules);
    painter.restore();

    if (!marks)
        return true;
    const QRectF square(band.right() - qrSize, band.bottom() - qrSize, qrSize, qrSize);
    if (!paintQrCode(painter, square, marks->pageCodes.value(page - 1))) {
        if (error)
            *error = tr("The page code of page %1 does not fit in a QR code.").arg(page);
        return false;
    }
    return true;
}

bool PageMarks::paintQrCode(QPainter& painter, const QRectF& square, const QString& text)
{
    const QImage modules = qrCodeImage(text, 1);
    if (modules.isNull())
        return false;
    const qreal size = square.width() / modules.width();
    QPainterPath dark;
    dark.setFillRule(Qt::WindingFill);
    for (int y = 0; y < modules.height(); ++y) {
        const uchar* row = modules.constScanLine(y);
        for (int x = 0; x < modules.width();) {
            if (row[x] >= 128) {
                ++x;
                continue;
            }
            const int start = x;
            while (x < modules.width() && row[x] < 128)
                ++x;
            dark.addRect(square.left() + start * size, square.top() + y * size, (x - start) * size, size);
        }
    }
    painter.save();
    painter.fillRect(square, Qt::white);
    painter.fillPath(dark, Qt::black);
    painter.restore();
    return true;
}

} // namespace bv
