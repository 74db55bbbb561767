#include "Cli.h"

#include <QCoreApplication>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("branchvault"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BV_VERSION));
    bv::cli::Cli cli;
    return cli.run(QCoreApplication::arguments());
}
