#pragma once

#include <QImage>
#include <QString>
#include <QStringList>

namespace bv {

// A QR code (libqrencode, error correction level M) as a black-on-white image, `moduleSize` pixels per
// module, with the quiet zone. Null image when the text does not fit.
QImage qrCodeImage(const QString& text, int moduleSize = 4);
// Every QR code found in a scan or photo of a page (zxing-cpp), as text.
QStringList decodeQrCodes(const QImage& image);

} // namespace bv
