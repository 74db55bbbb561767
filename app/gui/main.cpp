#include "app/AppController.h"
#include "common/Dialogs.h"
#include "common/ErrorDialog.h"
#include "common/Translations.h"
#include "keys/KeychainSecretStore.h"
#include "vault/SelfCheck.h"
#include "vault/VaultService.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QIcon>
#include <QSettings>

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("BranchVault"));
    QApplication::setApplicationName(QStringLiteral("branchvault"));
    QApplication::setApplicationDisplayName(QStringLiteral("BranchVault"));
    QApplication::setApplicationVersion(QStringLiteral(BV_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("branchvault"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/branchvault.svg")));

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
    const QString language = parser.isSet(langOption) ? parser.value(langOption)
                                                      : QSettings().value(QStringLiteral("ui/language")).toString();
    bv::installTranslations(language);

    auto checks = bv::SelfCheck::run();
    if (!checks.ok()) {
        bv::ui::ErrorDialog::show(nullptr, checks.error());
        return bv::exitStatusFor(checks.error().code);
    }

    bv::KeychainSecretStore store;
    bv::VaultService vaults(store);
    bv::ui::WidgetDialogs dialogs;
    bv::ui::AppController controller(vaults, dialogs);
    const QString path = parser.isSet(dbOption) ? parser.value(dbOption) : bv::VaultService::defaultDatabasePath();
    QDir().mkpath(QFileInfo(path).absolutePath());
    if (!controller.start(path))
        return 1;
    return app.exec();
}
