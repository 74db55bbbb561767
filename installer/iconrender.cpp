// Build-time tool: renders the application's SVG icon into the PNG sizes of the hicolor icon theme
// (installer/CMakeLists.txt). Uses Qt's SVG image format plugin (libqt6svg6), which the application
// itself needs for its icon, so the build needs nothing else.
//   bv-iconrender ICON.svg OUTDIR SIZE...   writes OUTDIR/SIZExSIZE/apps/branchvault.png
#include <QCoreApplication>
#include <QDir>
#include <QImage>
#include <QImageReader>

#include <cstdio>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 4) {
        std::fputs("usage: bv-iconrender ICON.svg OUTDIR SIZE...\n", stderr);
        return 2;
    }
    for (int i = 3; i < args.size(); ++i) {
        const int size = args.at(i).toInt();
        QImageReader reader(args.at(1), "svg");
        reader.setScaledSize(QSize(size, size));
        const QImage image = reader.read();
        if (image.isNull() || image.size() != QSize(size, size)) {
            std::fprintf(stderr, "bv-iconrender: cannot render %s at %d px: %s (is libqt6svg6 installed?)\n",
                qPrintable(args.at(1)), size, qPrintable(reader.errorString()));
            return 1;
        }
        const QString dir = QStringLiteral("%1/%2x%2/apps").arg(args.at(2)).arg(size);
        if (!QDir().mkpath(dir) || !image.save(dir + QStringLiteral("/branchvault.png"), "PNG")) {
            std::fprintf(stderr, "bv-iconrender: cannot write %s\n", qPrintable(dir));
            return 1;
        }
    }
    return 0;
}
