#include "common/ErrorDialog.h"
#include "common/Translations.h"
#include "keys/KeychainSecretStore.h"
#include "main/MainWindow.h"
#include "startup/StartupController.h"
#include "startup/WidgetStartupPrompts.h"
#include "vault/SelfCheck.h"
#include "vault/VaultService.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("branchvault"));
    QApplication::setApplicationDisplayName(QStringLiteral("BranchVault"));
    QApplication::setApplicationVersion(QStringLiteral(BV_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("branchvault"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("BranchVault"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(QStringLiteral("db"), QStringLiteral("Database file."), QStringLiteral("path"));
    const QCommandLineOption langOption(
        QStringLiteral("lang"), QStringLiteral("zh_CN or en."), QStringLiteral("language"));
    parser.addOption(dbOption);
    parser.addOption(langOption);
    parser.process(app);
    bv::installTranslations(parser.value(langOption));

    auto checks = bv::SelfCheck::run();
    if (!checks.ok()) {
        bv::ui::ErrorDialog::show(nullptr, checks.error());
        return bv::exitStatusFor(checks.error().code);
    }

    bv::KeychainSecretStore store;
    bv::VaultService vaults(store);
    bv::ui::WidgetStartupPrompts prompts;
    bv::ui::StartupController startup(vaults, prompts);
    const QString path = parser.isSet(dbOption) ? parser.value(dbOption) : bv::VaultService::defaultDatabasePath();
    if (!parser.isSet(dbOption))
        QDir().mkpath(QFileInfo(path).absolutePath());
    auto vault = startup.run(path);
    if (!vault)
        return 1;
    bv::ui::MainWindow window(std::move(vault));
    window.show();
    return app.exec();
}
