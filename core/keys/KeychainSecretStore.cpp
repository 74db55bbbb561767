#include "KeychainSecretStore.h"

#include <QEventLoop>
#include <QTimer>

#include <qt6keychain/keychain.h>

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
        return unavailable(KeychainSecretStore::tr("no answer within %1 seconds; it may be locked").arg(timeoutMs / 1000),
                           QString());
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
