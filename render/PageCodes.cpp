#include "render/PageCodes.h"

#include <qrencode.h>

// zxing-cpp 1.4: Result::text() as UTF-8 std::string (the wide-string form is going away)
#define ZX_USE_UTF8

#include <ZXing/BarcodeFormat.h>
#include <ZXing/DecodeHints.h>

#include <ZXing/ImageView.h>
#include <ZXing/ReadBarcode.h>
#include <algorithm>

#include <memory>

namespace bv {

namespace {
constexpr int quietZoneModules = 4; // ISO/IEC 18004 asks for four modules of white around the symbol

struct QrCodeDeleter
{
    void operator()(QRcode* code) const { QRcode_free(code); }
};
} // namespace

QImage qrCodeImage(const QString& text, int moduleSize)
{
    if (text.isEmpty() || moduleSize < 1)
        return {};
    const QByteArray bytes = text.toUtf8();
    // Byte mode, version chosen by the library (0), error correction level M: about 15 % of the symbol may
    // be soiled, folded or stamped over and it still reads.
    const std::unique_ptr<QRcode, QrCodeDeleter> code(QRcode_encodeData(
        int(bytes.size()), reinterpret_cast<const unsigned char*>(bytes.constData()), 0, QR_ECLEVEL_M));
    if (!code || code->width <= 0)
        return {};
    const int modules = code->width + 2 * quietZoneModules;
    QImage image(modules * moduleSize, modules * moduleSize, QImage::Format_Grayscale8);
    image.fill(255);
    for (int y = 0; y < code->width; ++y) {
        for (int x = 0; x < code->width; ++x) {
            if (!(code->data[y * code->width + x] & 1)) // bit 0: dark module
                continue;
            const int left = (x + quietZoneModules) * moduleSize;
            const int top = (y + quietZoneModules) * moduleSize;
            for (int row = top; row < top + moduleSize; ++row)
                std::fill_n(image.scanLine(row) + left, moduleSize, uchar(0));
        }
    }
    return image;
}

QStringList decodeQrCodes(const QImage& image)
{
    if (image.isNull())
        return {};
    // A page photo needs no more than about 3000 pixels on its long side for a 24 mm code; a larger or crafted
    // image is scaled down first, and only a few codes are looked for, so decoding stays bounded.
    constexpr int kLongestSide = 3000;
    QImage scaled = image;
    if (std::max(image.width(), image.height()) > kLongestSide)
        scaled = image.scaled(kLongestSide, kLongestSide, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    const QImage gray = scaled.convertToFormat(QImage::Format_Grayscale8);
    const ZXing::ImageView view(
        gray.constBits(), gray.width(), gray.height(), ZXing::ImageFormat::Lum, int(gray.bytesPerLine()));
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode);
    hints.setTryHarder(true);
    hints.setTryRotate(true);
    hints.setTryDownscale(true); // a photo of a page is large; the code is found faster on a smaller copy
    hints.setMaxNumberOfSymbols(4); // one code per page; a few in case a photo shows two pages
    QStringList found;
    for (const ZXing::Result& result : ZXing::ReadBarcodes(view, hints)) {
        if (!result.isValid())
            continue;
        const std::string text = result.text();
        const QString code = QString::fromUtf8(text.data(), qsizetype(text.size()));
        if (!found.contains(code))
            found << code;
    }
    return found;
}

} // namespace bv
