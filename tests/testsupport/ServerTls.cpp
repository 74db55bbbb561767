#include "tests/testsupport/ServerTls.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

namespace bv::test {

ServerTls::Run ServerTls::exec(
    const QString& program, const QStringList& args, const QByteArray& input, const QProcessEnvironment& env)
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(program, args);
    process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(60000);
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
        QString::fromUtf8(process.readAllStandardError())};
}

ServerTls::Run ServerTls::superuser(const QString& sql)
{
    QStringList args {QStringLiteral("-X"), QStringLiteral("-At"), QStringLiteral("-v"),
        QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-d"), QStringLiteral("postgres")};
    for (const QString& statement : sql.split(QStringLiteral("; ")))
        args << QStringLiteral("-c") << statement;
    return exec(QStringLiteral("psql"), args);
}

ServerTls::Run ServerTls::createOwner(const QString& owner, const QString& password, const QString& database)
{
    Run r = superuser(QStringLiteral("CREATE ROLE %1 LOGIN CREATEROLE PASSWORD '%2'").arg(owner, password));
    if (r.status != 0)
        return r;
    r = superuser(QStringLiteral("SELECT current_setting('server_version_num')::int >= 160000, "
                                 "coalesce(string_agg(rolname, ', ' ORDER BY rolname), '') FROM pg_roles WHERE rolname "
                                 "IN ('bv_staff', 'bv_manager', 'bv_customer_manager', 'bv_clerk', 'bv_admin', "
                                 "'bv_auditor')"));
    if (r.status != 0)
        return r;
    const QStringList answer = r.out.trimmed().split(QLatin1Char('|'));
    if (answer.size() != 2)
        return {1, r.out, QStringLiteral("createOwner: unexpected answer")};
    if (answer.at(0) == QLatin1String("t") && !answer.at(1).isEmpty()) {
        r = superuser(QStringLiteral("GRANT %1 TO %2 WITH ADMIN OPTION").arg(answer.at(1), owner));
        if (r.status != 0)
            return r;
    }
    return superuser(QStringLiteral("CREATE DATABASE %1 OWNER %2").arg(database, owner));
}

ServerTls::Run ServerTls::branchCa(const QStringList& args)
{
    return exec(qEnvironmentVariable("BV_SOURCE_DIR") + QStringLiteral("/server/branchvault-branch-ca"), args);
}

QString ServerTls::reload()
{
    const Run r = superuser(QStringLiteral("SELECT pg_reload_conf()"));
    if (r.status != 0)
        return r.err;
    QTest::qWait(500);
    return QString();
}

QString ServerTls::enable(const QString& dir, const QString& workstation)
{
    m_ca = dir + QStringLiteral("/ca");
    m_workstation = workstation;
    Run r = branchCa({QStringLiteral("init"), m_ca});
    if (r.status != 0)
        return QStringLiteral("branch CA: ") + r.err;
    r = branchCa({QStringLiteral("server"), m_ca, QStringLiteral("branch-db.test"), QStringLiteral("127.0.0.1")});
    if (r.status != 0)
        return QStringLiteral("server certificate: ") + r.err;
    r = branchCa({QStringLiteral("workstation"), m_ca, workstation});
    if (r.status != 0)
        return QStringLiteral("workstation certificate: ") + r.err;
    m_passphrase = r.out.trimmed().section(QLatin1Char('\n'), -1).trimmed();
    if (m_passphrase.size() != 32)
        return QStringLiteral("the workstation key's passphrase was not printed");

    // the server's key must belong to the user the server runs as, in a folder it can enter
    r = superuser(QStringLiteral("SHOW data_directory"));
    if (r.status != 0)
        return r.err;
    const uint serverUser = QFileInfo(r.out.trimmed()).ownerId();
    const QString serverFiles = dir + QStringLiteral("/pg");
    if (!QDir().mkpath(serverFiles) || ::chmod(QFile::encodeName(dir).constData(), 0755) != 0
        || ::chmod(QFile::encodeName(serverFiles).constData(), 0755) != 0)
        return QStringLiteral("cannot prepare ") + serverFiles;
    for (const char* name : {"server.crt", "server.key", "ca.crt"}) {
        const QString target = serverFiles + QLatin1Char('/') + QLatin1String(name);
        if (!QFile::copy(m_ca + QLatin1Char('/') + QLatin1String(name), target)
            || ::chmod(QFile::encodeName(target).constData(), 0600) != 0)
            return QStringLiteral("cannot copy ") + QLatin1String(name);
        if (::geteuid() == 0 && ::chown(QFile::encodeName(target).constData(), serverUser, gid_t(-1)) != 0)
            return QStringLiteral("cannot give ") + QLatin1String(name) + QStringLiteral(" to the server's user");
    }
    r = superuser(QStringLiteral("ALTER SYSTEM SET ssl_cert_file = '%1/server.crt'; "
                                 "ALTER SYSTEM SET ssl_key_file = '%1/server.key'; "
                                 "ALTER SYSTEM SET ssl_ca_file = '%1/ca.crt'; ALTER SYSTEM SET ssl = on")
                      .arg(serverFiles));
    if (r.status != 0)
        return r.err;
    if (const QString failed = reload(); !failed.isEmpty())
        return failed;
    for (int i = 0; i < 100; ++i) {
        if (superuser(QStringLiteral("SHOW ssl")).out.trimmed() == QLatin1String("on"))
            return QString();
        QTest::qWait(100);
    }
    return QStringLiteral("the cluster did not switch TLS on");
}

void ServerTls::disable()
{
    superuser(QStringLiteral("ALTER SYSTEM RESET ssl; ALTER SYSTEM RESET ssl_cert_file; "
                             "ALTER SYSTEM RESET ssl_key_file; ALTER SYSTEM RESET ssl_ca_file"));
    superuser(QStringLiteral("SELECT pg_reload_conf()"));
}

} // namespace bv::test
