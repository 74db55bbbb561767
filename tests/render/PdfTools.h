#pragma once

// Independent readers of the PDFs the renderer writes (header-only: every tests/render/tst_*.cpp is its own
// executable): poppler-utils (pdfinfo, pdftotext, pdftoppm, pdffonts) and zbar-tools (zbarimg). A missing
// tool fails the test with the package to install (tools/dev.sh installs both).

#include <QDir>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QSizeF>
#include <QStandardPaths>
#include <QString>
#include <QStringList>

namespace bv::test {

struct ToolRun
{
    bool started = false;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

inline QString packageOf(const QString& tool)
{
    return tool == QLatin1String("zbarimg") ? QStringLiteral("zbar-tools") : QStringLiteral("poppler-utils");
}

// The tools the render tests need that are not on PATH, each with its Debian package.
inline QStringList missingTools()
{
    QStringList missing;
    for (const char* tool : {"pdfinfo", "pdftotext", "pdftoppm", "pdffonts", "zbarimg"}) {
        const QString name = QString::fromLatin1(tool);
        if (QStandardPaths::findExecutable(name).isEmpty())
            missing << QStringLiteral("%1 (apt-get install %2)").arg(name, packageOf(name));
    }
    return missing;
}

inline ToolRun runTool(const QString& tool, const QStringList& arguments)
{
    ToolRun run;
    QProcess process;
    process.start(tool, arguments);
    run.started = process.waitForStarted(30000);
    if (!run.started)
        return run;
    process.waitForFinished(120000);
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

// pdfinfo: page count (0 when unreadable) and the first page's size in points.
inline int pdfPageCount(const QString& pdf, QSizeF* size = nullptr)
{
    const ToolRun run = runTool(QStringLiteral("pdfinfo"), {pdf});
    const QString text = QString::fromUtf8(run.out);
    const QRegularExpressionMatch pages
        = QRegularExpression(QStringLiteral("^Pages:\\s+(\\d+)"), QRegularExpression::MultilineOption).match(text);
    const QRegularExpressionMatch dims = QRegularExpression(
        QStringLiteral("^Page size:\\s+([\\d.]+) x ([\\d.]+) pts"), QRegularExpression::MultilineOption)
                                             .match(text);
    if (size && dims.hasMatch())
        *size = QSizeF(dims.captured(1).toDouble(), dims.captured(2).toDouble());
    return pages.hasMatch() ? pages.captured(1).toInt() : 0;
}

// pdftotext -layout of one page (1-based).
inline QString pdfPageText(const QString& pdf, int page)
{
    const QString n = QString::number(page);
    return QString::fromUtf8(runTool(QStringLiteral("pdftotext"),
        {QStringLiteral("-layout"), QStringLiteral("-f"), n, QStringLiteral("-l"), n, pdf, QStringLiteral("-")})
                                 .out);
}

// pdftoppm -r 150 of one page to PNG; returns the PNG's path (empty on failure).
inline QString rasterisePage(const QString& pdf, int page, const QString& directory)
{
    const QString n = QString::number(page);
    const QString prefix = QDir(directory).filePath(QStringLiteral("page-%1").arg(page));
    const ToolRun run = runTool(QStringLiteral("pdftoppm"),
        {QStringLiteral("-r"), QStringLiteral("150"), QStringLiteral("-png"), QStringLiteral("-singlefile"),
            QStringLiteral("-f"), n, QStringLiteral("-l"), n, pdf, prefix});
    return run.exitCode == 0 ? prefix + QStringLiteral(".png") : QString();
}

// zbarimg --raw -q: every code it reads in the image (empty when it finds none; it then exits with 4).
inline QStringList zbarCodes(const QString& image, int* exitCode = nullptr)
{
    const ToolRun run = runTool(QStringLiteral("zbarimg"), {QStringLiteral("--raw"), QStringLiteral("-q"), image});
    if (exitCode)
        *exitCode = run.exitCode;
    QStringList codes = QString::fromUtf8(run.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (QString& code : codes)
        code = code.trimmed();
    return codes;
}

// pdffonts: the lines naming an embedded font whose name contains `fragment`.
inline QStringList embeddedFonts(const QString& pdf, const QString& fragment)
{
    QStringList found;
    const QStringList lines
        = QString::fromUtf8(runTool(QStringLiteral("pdffonts"), {pdf}).out).split(QLatin1Char('\n'));
    for (const QString& line : lines) {
        // name type encoding emb sub uni object ID: "emb" is the third field from the "Identity-H"-like encoding
        const QStringList fields = line.simplified().split(QLatin1Char(' '));
        if (fields.size() >= 7 && fields.first().contains(fragment)
            && fields.at(fields.size() - 5) == QLatin1String("yes"))
            found << line.simplified();
    }
    return found;
}

// Pixels of exactly `rgb`: the interior of the watermark's outlines.
inline int pixelsOfColour(const QImage& image, QRgb rgb)
{
    const QImage rgb32 = image.convertToFormat(QImage::Format_RGB32);
    int count = 0;
    for (int y = 0; y < rgb32.height(); ++y) {
        const QRgb* line = reinterpret_cast<const QRgb*>(rgb32.constScanLine(y));
        for (int x = 0; x < rgb32.width(); ++x)
            count += (line[x] & 0xFFFFFF) == (rgb & 0xFFFFFF) ? 1 : 0;
    }
    return count;
}

} // namespace bv::test
