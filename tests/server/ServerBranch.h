#pragma once

// A branch server set up through the core, as a workstation does it (docs/SERVER.md, "Setting up a branch server"):
// TLS on the suite's throwaway cluster (ServerTls: the test holds the CTest resource lock cluster_tls), the owner and
// the empty database the bank's DBA makes, this process's workstation connected (ServerWorkstation::add), the schema,
// the branch's keys and its first administrator (ServerSetup::init), and staff of every role, each created by the
// administrator (ServerSession::createAccount), confirmed by a branch manager (the first one by the administrator with
// the recovery passphrase), signed in through ServerSession::signIn and through the first password change with the
// confirmation code. Everything the test does as the cluster's superuser goes through sql(). Dropped when destroyed.
// tst_serverdesktop sets up the same through the windows, tst_serversetup through the command line.

#include "core/auth/PasswordHasher.h"
#include "core/auth/Role.h"
#include "core/internal/server/ServerCredentials.h"
#include "core/internal/server/ServerSetupSteps.h"
#include "core/server/ServerSession.h"
#include "core/server/ServerSetup.h"
#include "core/server/ServerWorkstation.h"
#include "tests/testsupport/FakeSecretStore.h"
#include "tests/testsupport/ServerDatabase.h"
#include "tests/testsupport/ServerTls.h"

#include <QCoreApplication>
#include <QHash>
#include <QProcessEnvironment>
#include <QTemporaryDir>

#include <memory>

namespace bv::test {

class ServerBranch
{
public:
    static constexpr const char* kBranch = "0101";

    explicit ServerBranch(const QString& tag)
    {
        const QString pid = QString::number(QCoreApplication::applicationPid());
        m_database = QStringLiteral("bv_%1_%2").arg(tag, pid);
        m_owner = QStringLiteral("bv_%1_owner_%2").arg(tag, pid);
    }
    ~ServerBranch()
    {
        m_sessions.clear();
        ServerTls::disable();
        if (!m_created)
            return;
        ServerTls::superuser(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_database));
        ServerTls::superuser(QStringLiteral("DROP ROLE IF EXISTS %1").arg(m_owner));
        for (const QString& login : std::as_const(m_logins))
            if (auto role = ServerCredentials::roleOf(login, m_database); role.ok())
                ServerTls::superuser(QStringLiteral("DROP ROLE IF EXISTS %1").arg(*role));
    }
    ServerBranch(const ServerBranch&) = delete;
    ServerBranch& operator=(const ServerBranch&) = delete;

    // TLS, the database, this workstation (its configuration under the temporary folder: XDG_CONFIG_HOME is set
    // here, before anything reads it), the schema and the administrator a1 signed in with the password changed.
    // `schemaVersion` (21 or later): the schema as the release whose last migration it was set it up
    // (serversetup::initThrough); 0: this release's. "" or what failed.
    QString setUp(int schemaVersion = 0)
    {
        if (const QString problem = ServerDatabase::environmentProblem(); !problem.isEmpty())
            return problem;
        if (!m_dir.isValid())
            return QStringLiteral("no temporary folder");
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_dir.filePath(QStringLiteral("config"))));
        if (const QString failed = m_tls.enable(m_dir.path()); !failed.isEmpty())
            return failed;
        auto r = ServerTls::createOwner(m_owner, ownerPassword(), m_database);
        if (r.status != 0)
            return r.err;
        m_created = true;
        auto address = ServerAddress::parse(
            QStringLiteral("postgresql://127.0.0.1:%1/%2").arg(qEnvironmentVariable("PGPORT"), m_database));
        if (!address.ok())
            return address.error().message;
        auto added = ServerWorkstation::add(m_store, *address, {m_tls.caFile(), m_tls.certFile(), m_tls.keyFile()},
            SecureBytes::copyOf(m_tls.passphrase().toUtf8()));
        if (!added.ok())
            return QStringLiteral("add-workstation: ") + added.error().message;
        auto init = serversetup::initThrough(m_store, m_owner, SecureBytes::copyOf(ownerPassword().toUtf8()),
            {QLatin1String(kBranch), QStringLiteral("Matrix branch"), QStringLiteral("a1"), QString()}, schemaVersion);
        if (!init.ok())
            return QStringLiteral("init: ") + init.error().message;
        m_recovery = std::move(init->recoveryPassphrase);
        m_logins << QStringLiteral("a1");
        return firstSignIn(QStringLiteral("a1"), init->adminPassword, SecureBytes());
    }

    // `login` of `role`: created by the administrator, confirmed (when the role sees customers) by the first branch
    // manager — or, for the first branch manager, by the administrator with the recovery passphrase — and signed in
    // with the first password change done. "" or what failed.
    QString addStaff(const QString& login, Role role)
    {
        auto oneTime = session(QStringLiteral("a1")).createAccount(login, role, QString());
        if (!oneTime.ok())
            return QStringLiteral("create %1: %2").arg(login, oneTime.error().message);
        m_logins << login;
        SecureBytes code;
        if (Roles::holdsKeys(role)) {
            const bool first = role == Role::Manager && m_firstManager.isEmpty();
            auto confirmed = first ? session(QStringLiteral("a1")).confirm(login, m_recovery)
                                   : session(m_firstManager).confirm(login);
            if (!confirmed.ok())
                return QStringLiteral("confirm %1: %2").arg(login, confirmed.error().message);
            code = std::move(confirmed->confirmationCode);
            if (first)
                m_firstManager = login;
        }
        return firstSignIn(login, *oneTime, code);
    }

    // A signed-in session of a member added here.
    ServerSession& session(const QString& login) { return *m_sessions.value(login); }
    // The member's password now; a test that changes it records the new one with setPassword().
    QString password(const QString& login) const { return m_passwords.value(login); }
    void setPassword(const QString& login, const QString& password) { m_passwords.insert(login, password); }
    SecretStore& store() { return m_store; }
    QString database() const { return m_database; }
    // The database's owner, as the DBA made it, and its password.
    QString owner() const { return m_owner; }
    static QString ownerPassword() { return QStringLiteral("owner-pw-4Vm8"); }

    // One statement on this database as the cluster's superuser (over the local socket): its output, trimmed, or
    // "<error: ...>".
    QString sql(const QString& statement) const
    {
        const auto r = ServerTls::exec(QStringLiteral("psql"),
            {QStringLiteral("-X"), QStringLiteral("-Atq"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
                QStringLiteral("-d"), m_database, QStringLiteral("-c"), statement});
        return r.status == 0 ? r.out.trimmed() : QStringLiteral("<error: %1>").arg(r.err.trimmed());
    }

    // One statement as the staff member `login` with the password it has now, as a modified client would send it: psql
    // with the server password derived as the workstation derives it, verbose errors ("<error: ERROR:  42501: ...>").
    QString sqlAs(const QString& login, const QString& statement)
    {
        const QString key = login + QLatin1Char('\n') + m_passwords.value(login);
        if (!m_serverPasswords.contains(key)) {
            auto derived = ServerCredentials::serverPassword(
                login, m_database, PasswordHasher::normalize(SecureBytes::copyOf(m_passwords.value(login).toUtf8())));
            if (!derived.ok())
                return QStringLiteral("<error: no server password>");
            m_serverPasswords.insert(key, QString::fromLatin1(derived->view().toByteArray()));
        }
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGPASSWORD"), m_serverPasswords.value(key));
        const auto r = ServerTls::exec(QStringLiteral("psql"),
            {QStringLiteral("-X"), QStringLiteral("-Atq"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
                QStringLiteral("-v"), QStringLiteral("VERBOSITY=verbose"),
                QStringLiteral("host=127.0.0.1 port=%1 dbname=%2 user=%3")
                    .arg(qEnvironmentVariable("PGPORT"), m_database, *ServerCredentials::roleOf(login, m_database)),
                QStringLiteral("-c"), statement},
            {}, env);
        return r.status == 0 ? r.out.trimmed() : QStringLiteral("<error: %1>").arg(r.err.trimmed());
    }

private:
    QString firstSignIn(const QString& login, const SecureBytes& oneTime, const SecureBytes& code)
    {
        auto signedIn = ServerSession::signIn(m_store, login, oneTime);
        if (!signedIn.ok())
            return QStringLiteral("sign in %1: %2").arg(login, signedIn.error().message);
        const QString password = QStringLiteral("pw-%1-7Qx2").arg(login);
        if (Status changed = (*signedIn)->changePassword(oneTime, SecureBytes::copyOf(password.toUtf8()), code);
            !changed.ok())
            return QStringLiteral("first password of %1: %2").arg(login, changed.error().message);
        m_passwords.insert(login, password);
        m_sessions.insert(login, std::shared_ptr<ServerSession>(std::move(signedIn).value()));
        return QString();
    }

    QTemporaryDir m_dir;
    ServerTls m_tls;
    FakeSecretStore m_store;
    QString m_database, m_owner, m_firstManager;
    SecureBytes m_recovery;
    QStringList m_logins;
    QHash<QString, QString> m_passwords;
    QHash<QString, std::shared_ptr<ServerSession>> m_sessions;
    QHash<QString, QString> m_serverPasswords; // derived (Argon2id) once per login and password
    bool m_created = false;
};

} // namespace bv::test
