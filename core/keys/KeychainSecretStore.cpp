#include "core/keys/KeychainSecretStore.h"

#include <QEventLoop>
#include <QTimer>

#include <qt6keychain/keychain.h>

#ifdef BV_SECRET_SERVICE_DBUS
#include <QDBusConnection>
#include <QDBusInterface>
#include <QDBusReply>
#include <QDBusVariant>
#endif

namespace bv {

namespace {

struct JobOutcome
{
    bool finished = false;
    QKeychain::Error error = QKeychain::NoError;
    QString errorText;
};

// Runs a started job to completion or until the watchdog fires. The job is not auto-deleted, so it
// stays valid however the loop ends; a timed-out job is left to finish on its own and delete itself.
JobOutcome runJob(QKeychain::Job* job, int timeoutMs)
{
    JobOutcome outcome;
    QEventLoop loop;
    QTimer watchdog;
    watchdog.setSingleShot(true);
    QObject::connect(&watchdog, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(job, &QKeychain::Job::finished, &loop, [&](QKeychain::Job* finishedJob) {
        outcome.finished = true;
        outcome.error = finishedJob->error();
        outcome.errorText = finishedJob->errorString();
        loop.quit();
    });
    watchdog.start(timeoutMs);
    job->start();
    if (!outcome.finished)
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    if (!outcome.finished) {
        // The job may still call back later; let it clean itself up then.
        QObject::disconnect(job, nullptr, &loop, nullptr);
        job->setAutoDelete(true);
    }
    return outcome;
}

// A locked collection answers a search with "no such entry": ask the secret service whether the default
// collection (the login keyring) is locked, so a locked keyring is not mistaken for a missing key.
bool defaultCollectionLocked()
{
#ifdef BV_SECRET_SERVICE_DBUS
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return false;
    QDBusInterface properties(QStringLiteral("org.freedesktop.secrets"),
        QStringLiteral("/org/freedesktop/secrets/aliases/default"), QStringLiteral("org.freedesktop.DBus.Properties"),
        bus);
    if (!properties.isValid())
        return false;
    properties.setTimeout(3000);
    QDBusReply<QDBusVariant> locked = properties.call(
        QStringLiteral("Get"), QStringLiteral("org.freedesktop.Secret.Collection"), QStringLiteral("Locked"));
    return locked.isValid() && locked.value().variant().toBool();
#else
    return false;
#endif
}

Error lockedKeyring()
{
    return makeError(ErrorCode::KeychainUnavailable,
        KeychainSecretStore::tr("Your login keyring is locked, so the database key cannot be read. Unlock your login "
                                "keyring (sign in to the desktop again, or unlock \"Login\" in the Passwords and Keys "
                                "application), then try again."));
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service, int timeoutMs)
    : m_service(std::move(service))
    , m_timeoutMs(timeoutMs)
{
}

QString KeychainSecretStore::describe() const
{
    return tr("the system keychain");
}

static Error unavailable(const QString& what, const QString& detail)
{
    return makeError(ErrorCode::KeychainUnavailable,
        KeychainSecretStore::tr("The system keychain is not available (%1). Sign in to the desktop so "
                                "the keychain is unlocked, or unlock the database with the recovery "
                                "passphrase (branchvault-cli unlock).")
            .arg(what),
        detail);
}

static Error fromOutcome(const JobOutcome& outcome, int timeoutMs)
{
    if (!outcome.finished)
        return unavailable(
            KeychainSecretStore::tr("no answer within %1 seconds; it may be locked").arg(timeoutMs / 1000), QString());
    switch (outcome.error) {
    case QKeychain::NoBackendAvailable:
        return unavailable(KeychainSecretStore::tr("no keychain service is running"), outcome.errorText);
    case QKeychain::AccessDenied:
        return unavailable(KeychainSecretStore::tr("access was denied"), outcome.errorText);
    case QKeychain::NotImplemented:
        return unavailable(KeychainSecretStore::tr("not supported on this system"), outcome.errorText);
    default:
        return unavailable(KeychainSecretStore::tr("the keychain reported an error"), outcome.errorText);
    }
}

Result<SecureBytes> KeychainSecretStore::read(const QString& name)
{
    auto* job = new QKeychain::ReadPasswordJob(m_service);
    job->setAutoDelete(false);
    job->setInsecureFallback(false);
    job->setKey(name);
    const JobOutcome outcome = runJob(job, m_timeoutMs);
    if (!outcome.finished)
        return fromOutcome(outcome, m_timeoutMs);
    std::unique_ptr<QKeychain::ReadPasswordJob> owned(job);
    if (outcome.error == QKeychain::EntryNotFound && defaultCollectionLocked())
        return lockedKeyring();
    if (outcome.error == QKeychain::EntryNotFound)
        return makeError(ErrorCode::KeyMissing,
            tr("The database key is not in this computer's keychain. Unlock the database with the "
               "recovery passphrase (branchvault-cli unlock)."));
    if (outcome.error != QKeychain::NoError)
        return fromOutcome(outcome, m_timeoutMs);
    QByteArray data = job->binaryData();
    return SecureBytes::takeFrom(data);
}

Status KeychainSecretStore::write(const QString& name, const SecureBytes& secret)
{
    auto* job = new QKeychain::WritePasswordJob(m_service);
    job->setAutoDelete(false);
    job->setInsecureFallback(false);
    job->setKey(name);
    QByteArray data(secret.constChar(), qsizetype(secret.size()));
    job->setBinaryData(data);
    wipe(data);
    const JobOutcome outcome = runJob(job, m_timeoutMs);
    if (!outcome.finished)
        return fromOutcome(outcome, m_timeoutMs);
    std::unique_ptr<QKeychain::WritePasswordJob> owned(job);
    if (outcome.error != QKeychain::NoError && defaultCollectionLocked())
        return lockedKeyring();
    if (outcome.error != QKeychain::NoError)
        return fromOutcome(outcome, m_timeoutMs);
    return {};
}

Status KeychainSecretStore::remove(const QString& name)
{
    auto* job = new QKeychain::DeletePasswordJob(m_service);
    job->setAutoDelete(false);
    job->setInsecureFallback(false);
    job->setKey(name);
    const JobOutcome outcome = runJob(job, m_timeoutMs);
    if (!outcome.finished)
        return fromOutcome(outcome, m_timeoutMs);
    std::unique_ptr<QKeychain::DeletePasswordJob> owned(job);
    if (outcome.error == QKeychain::NoError || outcome.error == QKeychain::EntryNotFound)
        return {};
    return fromOutcome(outcome, m_timeoutMs);
}

} // namespace bv
