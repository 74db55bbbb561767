#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QStringList>

namespace bv::test {

// One run of branchvault-cli: exit status, stdout, stderr.
struct CliRun
{
    int status = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const;
    int errLines() const { return int(err.count('\n')); }
};

// branchvault-cli (the path in BV_CLI, set by ctest) against the real keychain of the test session, under a
// keychain service of its own, with the accounts of a test database: "admin" with adminPassword(), every
// other account with passwordOf(login).
class CliRunner
{
public:
    CliRunner();

    // Empty when the CLI and a D-Bus session are there; otherwise what is missing.
    static QString environmentProblem();

    const QString& keychainService() const { return m_service; }
    QProcessEnvironment& environment() { return m_env; }
    // The database as() and addUser() work on.
    void setDatabase(const QString& path) { m_db = path; }
    const QString& database() const { return m_db; }

    // Runs the CLI with `input` on stdin (in `env` instead of environment() when given).
    CliRun run(const QStringList& arguments, const QByteArray& input = QByteArray(),
        const QProcessEnvironment* env = nullptr) const;
    // Runs a command on database() as `login`: its password on stdin, then `input`.
    CliRun as(const QString& login, QStringList arguments, const QByteArray& input = QByteArray()) const;
    // `init` of a database at `path`, then the first administrator's one-time password replaced with
    // adminPassword(); returns the recovery passphrase (empty on failure, with a warning).
    QString initDatabase(const QString& path) const;
    // The administrator adds an account on database(); an account that can see customer data is confirmed
    // (dual control: the first branch manager with the recovery passphrase of initDatabase(), later accounts
    // by that manager; a customer manager or clerk added before any manager brings a manager "keeper" into
    // being); its person replaces the one-time password, typing the confirmation code.
    bool addUser(const QString& login, const QString& role) const;
    // `user confirm` of a waiting account, as the key holder (or with the recovery passphrase for the first
    // manager); the confirmation code, empty on failure.
    QString confirmUser(const QString& login) const;
    const QString& recoveryPassphrase() const { return m_recovery; }
    void setRecoveryPassphrase(const QString& passphrase) { m_recovery = passphrase; }
    // OWASP's minimum Argon2id cost on database() (the floors allow it), so that the accounts a test
    // creates sign in quickly; the administrator's hash follows at its next sign-in.
    bool useCheapPasswordHashing() const;

    static QStringList admin(QStringList arguments);
    static QByteArray adminPassword(); // with its newline, as typed on stdin
    static QString passwordOf(const QString& login);
    // The object of a --json list whose "id" is `id`; empty when there is none.
    static QJsonObject objectWithId(const QJsonArray& list, qint64 id);

private:
    QString m_service;
    QProcessEnvironment m_env;
    QString m_db;
    mutable QString m_recovery;
    mutable QString m_keyHolder;
};

} // namespace bv::test
