#include "core/common/Translations.h"
#include "core/keys/KeychainSecretStore.h"
#include "core/server/ServerWorkstation.h"
#include "core/vault/SelfCheck.h"
#include "core/vault/VaultService.h"
#include "ui/app/AppController.h"
#include "ui/common/Dialogs.h"
#include "ui/common/ErrorDialog.h"
#include "ui/server/ServerConnectDialog.h"
#include "ui/server/ServerController.h"
#include "ui/startup/FirstRunChoiceDialog.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QSettings>

#include <algorithm>
#include <cstdio>
#include <memory>

namespace {

// The tr() context of the texts main() prints before any window exists.
struct GuiMain
{
    Q_DECLARE_TR_FUNCTIONS(GuiMain)
};

struct Options
{
    QCommandLineOption db {QStringLiteral("db"),
        GuiMain::tr("The database file (default: %1). A workstation connected to a branch server works on the server "
                    "unless this is given.")
            .arg(QDir::toNativeSeparators(bv::VaultService::defaultDatabasePath())),
        GuiMain::tr("path")};
    QCommandLineOption lang {QStringLiteral("lang"),
        GuiMain::tr("The language of the interface: zh_CN or en (default: the last one chosen, else the "
                    "system language)."),
        GuiMain::tr("language")};
};

void describe(QCommandLineParser& parser, const Options& options)
{
    parser.setApplicationDescription(
        GuiMain::tr("BranchVault keeps a bank branch's personal-customer records encrypted on this workstation: "
                    "masked by role, full access only after a second person's approval, every access in a "
                    "tamper-evident audit log, controlled printing. branchvault-cli is its command-line front "
                    "end."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(options.db);
    parser.addOption(options.lang);
}

void nameApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("BranchVault"));
    QCoreApplication::setApplicationName(QStringLiteral("branchvault"));
    QCoreApplication::setApplicationVersion(QStringLiteral(BV_VERSION));
}

QStringList argumentsOf(int argc, char** argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    return arguments;
}

// Whether a window can be shown at all. Qt aborts (after printing its own plugin diagnostics) when the
// platform it picks has no display; this asks first, so the user reads one plain line instead.
bool hasDisplay()
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    const QString platform = qEnvironmentVariable("QT_QPA_PLATFORM");
    const bool x11 = !qEnvironmentVariableIsEmpty("DISPLAY");
    const bool wayland = !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
    if (platform.startsWith(QLatin1String("xcb")))
        return x11;
    if (platform.startsWith(QLatin1String("wayland")))
        return wayland;
    return !platform.isEmpty() || x11 || wayland;
#else
    return true;
#endif
}

} // namespace

int main(int argc, char** argv)
{
    nameApplication();
    // --help, --version, a mistyped option and a missing display are answered before a QApplication exists:
    // they need no display (help2man runs --help at build time on machines without one).
    {
        QCommandLineParser early;
        const Options options;
        describe(early, options);
        const QStringList arguments = argumentsOf(argc, argv);
        early.parse(arguments); // Qt's own options (-platform, -style …) are left to QApplication
        const bool infoOnly = early.isSet(QStringLiteral("help")) || early.isSet(QStringLiteral("version"))
            || early.isSet(QStringLiteral("help-all"));
        const bool platformChosen = std::any_of(arguments.cbegin(), arguments.cend(),
            [](const QString& a) { return a == QLatin1String("-platform") || a == QLatin1String("--platform"); });
        if (infoOnly || (!platformChosen && !hasDisplay())) {
            QCoreApplication core(argc, argv);
            const QString language = early.isSet(options.lang)
                ? early.value(options.lang)
                : QSettings().value(QStringLiteral("ui/language")).toString();
            bv::installTranslations(language);
            QCommandLineParser parser;
            const Options translated;
            describe(parser, translated);
            parser.process(core); // prints help, version or the parse error, and exits
            std::fputs(qPrintable(GuiMain::tr("branchvault: no display (DISPLAY and WAYLAND_DISPLAY are not set). "
                                              "Start it from a desktop session, or use branchvault-cli in a "
                                              "terminal.")
                           + QLatin1Char('\n')),
                stderr);
            return 1;
        }
    }

    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("BranchVault"));
    QApplication::setDesktopFileName(QStringLiteral("org.branchvault.BranchVault"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/branchvault.svg")));

    QCommandLineParser parser;
    const Options options;
    describe(parser, options);
    parser.process(app);
    const QString language = parser.isSet(options.lang) ? parser.value(options.lang)
                                                        : QSettings().value(QStringLiteral("ui/language")).toString();
    bv::installTranslations(language);

    auto checks = bv::SelfCheck::run();
    if (!checks.ok()) {
        bv::ui::ErrorDialog::show(nullptr, checks.error());
        return bv::exitStatusFor(checks.error().code);
    }

    bv::KeychainSecretStore store;
    bv::ui::WidgetDialogs dialogs;
    const QString path = parser.isSet(options.db) ? parser.value(options.db) : bv::VaultService::defaultDatabasePath();
    if (!parser.isSet(options.db)) {
        // Branch-server mode when this workstation is connected to one; on the very first start, the choice.
        auto server = bv::ServerWorkstation::configured();
        if (!server.ok() && server.error().code != bv::ErrorCode::NotFound) {
            bv::ui::ErrorDialog::show(nullptr, server.error());
            return bv::exitStatusFor(server.error().code);
        }
        bool useServer = server.ok();
        if (!useServer && !QFileInfo::exists(path)) {
            bv::ui::FirstRunChoiceDialog choice;
            if (dialogs.exec(&choice) != QDialog::Accepted)
                return 1;
            if (choice.choice() == bv::ui::FirstRunChoiceDialog::Choice::BranchServer) {
                bv::ui::ServerConnectDialog connect(store, dialogs);
                if (dialogs.exec(&connect) != QDialog::Accepted)
                    return 1;
                useServer = true;
            }
        }
        if (useServer) {
            bv::ui::ServerController controller(store, dialogs);
            if (!controller.start())
                return 1;
            return app.exec();
        }
    }
    bv::VaultService vaults(store);
    bv::ui::AppController controller(vaults, dialogs);
    QDir().mkpath(QFileInfo(path).absolutePath());
    if (!controller.start(path))
        return 1;
    return app.exec();
}
