// branchvault-bench: see docs/PERFORMANCE.md.
#include "app/bench/Bench.h"
#include "app/bench/ServerBench.h"
#include "core/common/Translations.h"
#include "core/vault/SelfCheck.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>

#include <cstdio>

namespace {

// The table on standard output and, with --out, the JSON in `outFile`; the exit status.
int report(const QString& table, const QJsonObject& json, const QString& outFile)
{
    const QByteArray text = table.toUtf8();
    fwrite(text.constData(), 1, size_t(text.size()), stdout);
    if (outFile.isEmpty())
        return 0;
    QFile file(outFile);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        fprintf(stderr, "branchvault-bench: %s\n",
            qPrintable(
                QCoreApplication::translate("BenchMain", "cannot write %1: %2").arg(outFile, file.errorString())));
        return 19;
    }
    file.write(QJsonDocument(json).toJson(QJsonDocument::Indented));
    return 0;
}

// One line of standard input without its line end, kept in locked memory (a password passes through it), as
// branchvault-cli reads its passwords; false at the end of the input.
bool readLine(bv::SecureBytes& line)
{
    bv::SecureBytes buffer(1024);
    std::size_t length = 0;
    int c = 0;
    bool sawAny = false;
    while ((c = std::fgetc(stdin)) != EOF) {
        sawAny = true;
        if (c == '\n')
            break;
        if (length < buffer.size())
            buffer.data()[length++] = static_cast<unsigned char>(c);
    }
    if (length > 0 && buffer.data()[length - 1] == '\r')
        --length;
    line = bv::SecureBytes::copyOf(buffer.data(), length);
    return sawAny;
}

// The branch-server run (--server): the three sign-ins from standard input, one per line.
int runServer(const QCommandLineParser& parser, const QCommandLineOption& customers, const QCommandLineOption& quick,
    const QCommandLineOption& allowExisting, const QCommandLineOption& out)
{
    bv::bench::ServerBench::Options options;
    options.customers = parser.isSet(quick) ? 250
        : parser.isSet(customers)           ? parser.value(customers).toLongLong()
                                            : 2000;
    if (options.customers < 1) {
        fprintf(stderr, "branchvault-bench: %s\n",
            qPrintable(QCoreApplication::translate("BenchMain", "--customers must be at least 1.")));
        return 2;
    }
    options.samples = parser.isSet(quick) ? 50 : 200;
    options.allowExisting = parser.isSet(allowExisting);
    bv::bench::ServerBench::Credentials credentials;
    for (bv::bench::ServerBench::Staff* staff :
        {&credentials.manager, &credentials.customerManager, &credentials.clerk}) {
        bv::SecureBytes login;
        bv::SecureBytes password;
        if (!readLine(login) || !readLine(password) || login.size() == 0) {
            fprintf(stderr, "branchvault-bench: %s\n",
                qPrintable(QCoreApplication::translate("BenchMain",
                    "--server reads six lines on standard input: the branch manager's login and password, a customer "
                    "manager's login and password, a clerk's login and password.")));
            return 2;
        }
        staff->login = QString::fromUtf8(login.view().toByteArray()).trimmed();
        staff->password = std::move(password);
    }
    bv::bench::ServerBench bench(options);
    const int status = bench.run(std::move(credentials));
    if (status != 0) {
        fprintf(stderr, "branchvault-bench: %s\n", qPrintable(bench.failure()));
        return status;
    }
    return report(bench.table(), bench.json(), parser.isSet(out) ? parser.value(out) : QString());
}

} // namespace

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
        QCoreApplication::translate("BenchMain", "Number of customers (default 1000000; with --server 2000)."),
        QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption out(QStringLiteral("out"),
        QCoreApplication::translate("BenchMain", "Write the results as JSON to FILE."), QStringLiteral("FILE"));
    const QCommandLineOption quick(QStringLiteral("quick"),
        QCoreApplication::translate(
            "BenchMain", "A small run (2,000 customers; with --server 250) to prove it works."));
    const QCommandLineOption dir(QStringLiteral("dir"),
        QCoreApplication::translate("BenchMain", "Folder for the databases (default: a temporary folder)."),
        QStringLiteral("DIR"));
    const QCommandLineOption keep(
        QStringLiteral("keep"), QCoreApplication::translate("BenchMain", "Keep the databases."));
    const QCommandLineOption importOnly(QStringLiteral("import-only"),
        QCoreApplication::translate("BenchMain",
            "Profiling: only the encrypted database's imports, in two rounds as in a full run (the second into the "
            "first's customers, left pending), then the stage table."));
    const QCommandLineOption server(QStringLiteral("server"),
        QCoreApplication::translate("BenchMain",
            "Measure the branch-server mode against the server this workstation is connected to (branchvault-cli "
            "server add-workstation). Standard input gives six lines: the branch manager's login and password, a "
            "customer manager's login and password, a clerk's login and password. The server keeps the customers "
            "the run enters (there is no delete): run it against a test branch server, never a production one."));
    const QCommandLineOption allowExisting(QStringLiteral("allow-existing"),
        QCoreApplication::translate(
            "BenchMain", "With --server: run even though the branch has customers already (they are left alone)."));
    parser.addOptions({customers, out, quick, dir, keep, importOnly, server, allowExisting});
    parser.process(app);

    auto checks = bv::SelfCheck::run();
    if (!checks.ok()) {
        fprintf(stderr, "branchvault-bench: %s\n", qPrintable(checks.error().fullText()));
        return 20;
    }
    if (parser.isSet(server))
        return runServer(parser, customers, quick, allowExisting, out);
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
    return report(bench.table(), bench.json(), parser.isSet(out) ? parser.value(out) : QString());
}
