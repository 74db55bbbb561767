// branchvault-bench: see docs/PERFORMANCE.md.
#include "app/bench/Bench.h"
#include "core/common/Translations.h"
#include "core/vault/SelfCheck.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <cstdio>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("branchvault-bench"));
    bv::installTranslations();
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "BenchMain", "BranchVault benchmark: an encrypted and a plaintext branch, one table."));
    parser.addHelpOption();
    const QCommandLineOption customers(QStringLiteral("customers"),
        QCoreApplication::translate("BenchMain", "Number of customers (default 1000000)."), QStringLiteral("N"),
        QStringLiteral("1000000"));
    const QCommandLineOption out(QStringLiteral("out"),
        QCoreApplication::translate("BenchMain", "Write the results as JSON to FILE."), QStringLiteral("FILE"));
    const QCommandLineOption quick(QStringLiteral("quick"),
        QCoreApplication::translate("BenchMain", "A small run (2,000 customers) to prove it works."));
    const QCommandLineOption dir(QStringLiteral("dir"),
        QCoreApplication::translate("BenchMain", "Folder for the databases (default: a temporary folder)."),
        QStringLiteral("DIR"));
    const QCommandLineOption keep(
        QStringLiteral("keep"), QCoreApplication::translate("BenchMain", "Keep the databases."));
    const QCommandLineOption importOnly(QStringLiteral("import-only"),
        QCoreApplication::translate("BenchMain", "Profiling: stop after the first import."));
    parser.addOptions({customers, out, quick, dir, keep, importOnly});
    parser.process(app);

    auto checks = bv::SelfCheck::run();
    if (!checks.ok()) {
        fprintf(stderr, "branchvault-bench: %s\n", qPrintable(checks.error().fullText()));
        return 20;
    }
    bv::bench::Bench::Options options;
    options.customers = parser.isSet(quick) ? 2000 : parser.value(customers).toLongLong();
    if (options.customers < 100) {
        fprintf(stderr, "branchvault-bench: %s\n",
            qPrintable(QCoreApplication::translate("BenchMain", "--customers must be at least 100.")));
        return 2;
    }
    if (parser.isSet(quick))
        options.samples = 50;
    QTemporaryDir temporary(QDir::tempPath() + QStringLiteral("/branchvault-bench-XXXXXX"));
    options.folder = parser.isSet(dir) ? parser.value(dir) : temporary.path();
    options.keep = parser.isSet(keep);
    options.importOnly = parser.isSet(importOnly);
    bv::bench::Bench bench(options);
    const int status = bench.run();
    if (status != 0)
        return status;
    const QByteArray table = bench.table().toUtf8();
    fwrite(table.constData(), 1, size_t(table.size()), stdout);
    if (parser.isSet(out)) {
        QFile file(parser.value(out));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            fprintf(stderr, "branchvault-bench: %s\n",
                qPrintable(QCoreApplication::translate("BenchMain", "cannot write %1: %2")
                               .arg(parser.value(out), file.errorString())));
            return 19;
        }
        file.write(QJsonDocument(bench.json()).toJson(QJsonDocument::Indented));
    }
    return 0;
}
