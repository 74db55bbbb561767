#include "core/server/ServerWorkstation.h"

#include "core/internal/server/ServerConnection.h"
#include "core/keys/SecretStore.h"
#include "core/server/ServerOutbox.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSettings>

namespace bv {

namespace {

const QString kUrlKey = QStringLiteral("server/url");
const QString kDatabaseIdKey = QStringLiteral("server/databaseId");

QSettings workstationSettings()
{
    return QSettings(
        QSettings::NativeFormat, QSettings::UserScope, QStringLiteral("BranchVault"), QStringLiteral("workstation"));
}

ServerWorkstation::Files copiesIn(const QString& folder)
{
    return {folder + QStringLiteral("/ca.crt"), folder + QStringLiteral("/workstation.crt"),
        folder + QStringLiteral("/workstation.key")};
}

// The file's text when it holds a PEM block of `kind`; an error naming the file otherwise.
Result<QByteArray> readPem(const QString& path, const char* kind, const QString& what)
{
    QFile file(path);
    if (!file.exists())
        return Error {ErrorCode::NotFound, ServerWorkstation::tr("%1 %2 does not exist.").arg(what, path), {},
            QStringLiteral("file")};
    if (file.size() > 64 * 1024 || !file.open(QIODevice::ReadOnly))
        return Error {
            ErrorCode::Io, ServerWorkstation::tr("%1 %2 cannot be read.").arg(what, path), {}, QStringLiteral("file")};
    QByteArray text = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return Error {
            ErrorCode::Io, ServerWorkstation::tr("%1 %2 cannot be read.").arg(what, path), {}, QStringLiteral("file")};
    if (!text.contains(QByteArray(QByteArray("-----BEGIN ") + kind + "-----")))
        return Error {ErrorCode::InvalidInput,
            ServerWorkstation::tr("%1 %2 is not what it should be (a PEM file with a %3).")
                .arg(what, path, QString::fromLatin1(kind)),
            {}, QStringLiteral("file")};
    return text;
}

Status writePrivate(const QString& path, const QByteArray& content)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || file.write(content) != content.size() || !file.commit())
        return Error {
            ErrorCode::Io, ServerWorkstation::tr("Could not write %1: %2").arg(path, file.errorString()), {}, {}};
    return {};
}

} // namespace

QString ServerWorkstation::folder()
{
    return QFileInfo(workstationSettings().fileName()).absolutePath() + QStringLiteral("/server");
}

QString ServerWorkstation::passphraseEntry(const ServerAddress& address)
{
    return QStringLiteral("server-key/")
        + QString::fromLatin1(
            QCryptographicHash::hash(address.url().toUtf8(), QCryptographicHash::Sha256).toHex().left(32));
}

Result<ServerWorkstation::Settings> ServerWorkstation::configured()
{
    const QSettings settings = workstationSettings();
    const QString url = settings.value(kUrlKey).toString();
    if (url.isEmpty())
        return Error {ErrorCode::NotFound,
            tr("This workstation is not connected to a branch server. Connect it first: branchvault-cli server "
               "add-workstation (docs/SERVER.md)."),
            {}, {}};
    auto address = ServerAddress::parse(url);
    if (!address.ok())
        return Error {ErrorCode::Damaged,
            tr("The branch server's address in this workstation's configuration is damaged. Connect the workstation "
               "again (branchvault-cli server remove-workstation, then add-workstation)."),
            {}, {}};
    return Settings {*address, copiesIn(folder()), settings.value(kDatabaseIdKey).toString()};
}

Status ServerWorkstation::pinDatabaseId(const QString& databaseId)
{
    QSettings settings = workstationSettings();
    settings.setValue(kDatabaseIdKey, databaseId);
    settings.sync();
    if (settings.status() != QSettings::NoError)
        return Error {
            ErrorCode::Io, tr("Could not write this workstation's configuration %1.").arg(settings.fileName()), {}, {}};
    return {};
}

Result<SecureBytes> ServerWorkstation::keyPassphrase(SecretStore& store, const Settings& settings)
{
    auto passphrase = store.read(passphraseEntry(settings.address));
    if (passphrase.code() == ErrorCode::KeyMissing)
        return Error {ErrorCode::KeyMissing,
            tr("The passphrase of this workstation's key is not in %1. Connect the workstation again "
               "(branchvault-cli server remove-workstation, then add-workstation).")
                .arg(store.describe()),
            {}, {}};
    return passphrase;
}

Result<ServerWorkstation::Settings> ServerWorkstation::add(
    SecretStore& store, const ServerAddress& address, const Files& files, const SecureBytes& keyPassphrase)
{
    if (auto existing = configured(); existing.ok())
        return Error {ErrorCode::AlreadyExists,
            tr("This workstation is connected to the branch server %1 already; nothing was changed. To connect it "
               "elsewhere, remove that connection first (branchvault-cli server remove-workstation).")
                .arg(existing->address.url()),
            {}, {}};
    auto ca = readPem(files.caFile, "CERTIFICATE", tr("The branch CA's certificate"));
    if (!ca.ok())
        return ca.error();
    auto cert = readPem(files.certFile, "CERTIFICATE", tr("The workstation's certificate"));
    if (!cert.ok())
        return cert.error();
    auto key = readPem(files.keyFile, "ENCRYPTED PRIVATE KEY", tr("The workstation's encrypted key"));
    if (!key.ok())
        return key.error();
    if (keyPassphrase.isEmpty())
        return Error {ErrorCode::InvalidInput, tr("The workstation key's passphrase is empty."), {},
            QStringLiteral("passphrase")};
    if (Status reached = ServerConnection::probe(address, {files, &keyPassphrase}); !reached.ok())
        return reached.error();

    const QString target = folder();
    if (!QDir().mkpath(target)
        || !QFile::setPermissions(target, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner))
        return Error {ErrorCode::Io, tr("Could not create the folder %1.").arg(target), {}, {}};
    const Files copies = copiesIn(target);
    const auto undo = [&] {
        for (const QString& path : {copies.caFile, copies.certFile, copies.keyFile})
            QFile::remove(path);
    };
    for (const auto& [path, content] :
        {std::pair {copies.caFile, *ca}, std::pair {copies.certFile, *cert}, std::pair {copies.keyFile, *key}}) {
        if (Status written = writePrivate(path, content); !written.ok()) {
            undo();
            return written.error();
        }
    }
    if (Status kept = store.write(passphraseEntry(address), keyPassphrase); !kept.ok()) {
        undo();
        return kept.error();
    }
    QSettings settings = workstationSettings();
    settings.setValue(kUrlKey, address.url());
    settings.remove(kDatabaseIdKey); // a pin left from an earlier connection is not this server's
    settings.sync();
    if (settings.status() != QSettings::NoError) {
        undo();
        (void)store.remove(passphraseEntry(address));
        return Error {
            ErrorCode::Io, tr("Could not write this workstation's configuration %1.").arg(settings.fileName()), {}, {}};
    }
    return Settings {address, copies, QString()};
}

Status ServerWorkstation::remove(SecretStore& store)
{
    auto existing = configured();
    if (!existing.ok())
        return existing.error();
    // the offline outbox goes with the connection, but never with entries in it
    BV_TRY(ServerOutbox::removeEmpty(store));
    if (Status forgotten = store.remove(passphraseEntry(existing->address)); !forgotten.ok())
        return forgotten;
    for (const QString& path : {existing->files.caFile, existing->files.certFile, existing->files.keyFile})
        QFile::remove(path);
    QSettings settings = workstationSettings();
    settings.remove(kUrlKey);
    settings.remove(kDatabaseIdKey);
    settings.sync();
    return {};
}

} // namespace bv
