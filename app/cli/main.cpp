#include "app/cli/Cli.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <memory>

int main(int argc, char** argv)
{
    // Reports are laid out with fonts and PDFs written, and page photos decoded, which needs Qt Gui: those
    // commands run on the offscreen platform, so they work without a desktop. Every other command stays a
    // plain console program.
    bool rendering = false;
    for (int i = 1; i < argc; ++i) {
        const QByteArray word(argv[i]);
        if (word == "report" || word == "print-register")
            rendering = true;
    }
    std::unique_ptr<QCoreApplication> app;
    if (rendering) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("branchvault"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BV_VERSION));
    bv::cli::Cli cli;
    return cli.run(QCoreApplication::arguments());
}
