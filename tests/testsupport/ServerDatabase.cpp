#include "tests/testsupport/ServerDatabase.h"

#include <QCoreApplication>
#include <QDir>
#include <QLockFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTest>

namespace bv::test {

namespace {

QString passwordOf(const QString& role)
{
    return QStringLiteral("pw-%1").arg(role);
}

} // namespace

ServerDatabase::ServerDatabase(const QString& tag)
    : m_suffix(QString::number(QCoreApplication::applicationPid()))
{
    m_name = QStringLiteral("bv_%1_%2").arg(tag, m_suffix);
}

ServerDatabase::~ServerDatabase()
{
    if (m_created)
        finish(startOn(QStringLiteral("postgres"),
            {QStringLiteral("-c"), QStringLiteral("DROP DATABASE IF EXISTS %1").arg(m_name)}, QString()));
    for (const QString& role : std::as_const(m_roles))
        finish(startOn(QStringLiteral("postgres"),
            {QStringLiteral("-c"), QStringLiteral("DROP ROLE IF EXISTS %1").arg(role)}, QString()));
}

QString ServerDatabase::environmentProblem()
{
    if (qEnvironmentVariableIsEmpty("PGHOST") || qEnvironmentVariableIsEmpty("PGPORT"))
        return QStringLiteral("needs a throwaway PostgreSQL cluster: run it through tools/dev.sh test (it runs "
                              "ctest under pg_virtualenv from postgresql-common)");
    if (qEnvironmentVariableIsEmpty("BV_SOURCE_DIR"))
        return QStringLiteral("run it through ctest (BV_SOURCE_DIR names the migrations' folder)");
    return QString();
}

QString ServerDatabase::setUp(int lastMigration)
{
    const QString problem = environmentProblem();
    if (!problem.isEmpty())
        return problem;
    Psql created = finish(startOn(QStringLiteral("postgres"),
        {QStringLiteral("-c"), QStringLiteral("CREATE DATABASE %1").arg(m_name)}, QString()));
    if (!created.ok())
        return created.err;
    m_created = true;
    const QDir sql(qEnvironmentVariable("BV_SOURCE_DIR") + QStringLiteral("/server/sql"));
    const QStringList files = sql.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    // The group roles are the cluster's, not the database's: two suites (ctest -j) applying migration 1 at the same
    // moment would both find bv_staff missing and one CREATE ROLE would fail. One suite at a time applies migrations.
    QLockFile lock(QDir::temp().filePath(
        QStringLiteral("bv-server-migrations-%1.lock").arg(qEnvironmentVariable("PGPORT", QStringLiteral("5432")))));
    lock.setStaleLockTime(0);
    if (!lock.tryLock(300000))
        return QStringLiteral("the migrations' lock file is held by another suite for more than 5 minutes");
    bool lastFound = false;
    for (const QString& file : files) {
        const int number = file.left(3).toInt();
        if (number > lastMigration)
            break;
        Psql run = finish(start({QStringLiteral("-f"), sql.filePath(file)}));
        if (!run.ok())
            return file + QStringLiteral(": ") + run.err;
        lastFound = number == lastMigration;
    }
    return lastFound ? QString() : QStringLiteral("migration %1 not found in %2").arg(lastMigration).arg(sql.path());
}

qint64 ServerDatabase::addStaff(const QString& login, const QString& bvRole, const QString& branch)
{
    const QString role = roleOf(login);
    const QString columns = branch.isEmpty() ? QString() : QStringLiteral(", branch");
    const QString values = branch.isEmpty() ? QString() : QStringLiteral(", '%1'").arg(branch);
    Psql made
        = psql(QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2' IN ROLE bv_%3; "
                              "INSERT INTO branchvault.staff (login, pg_role, role%4) VALUES ('%5', '%1', '%3'%6) "
                              "RETURNING id")
                   .arg(role, passwordOf(role), bvRole, columns, login, values));
    if (!made.ok())
        return -1;
    m_roles << role;
    return made.out.trimmed().toLongLong();
}

QString ServerDatabase::roleOf(const QString& login) const
{
    return QStringLiteral("%1_%2").arg(login, m_suffix);
}

QProcess* ServerDatabase::start(const QStringList& args, const QString& as)
{
    return startOn(m_name, args, as);
}

QProcess* ServerDatabase::startOn(const QString& database, const QStringList& args, const QString& as)
{
    auto* process = new QProcess;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!as.isEmpty()) {
        env.insert(QStringLiteral("PGUSER"), as);
        env.insert(QStringLiteral("PGPASSWORD"), passwordOf(as));
    }
    process->setProcessEnvironment(env);
    process->start(QStringLiteral("psql"),
        QStringList {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-v"),
            QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-At"), QStringLiteral("-d"), database}
            + args);
    return process;
}

ServerDatabase::Psql ServerDatabase::finish(QProcess* process)
{
    Psql result;
    if (!process->waitForFinished(300000))
        process->kill();
    result.exitCode = process->exitStatus() == QProcess::NormalExit ? process->exitCode() : -1;
    result.out = QString::fromUtf8(process->readAllStandardOutput());
    result.err = QString::fromUtf8(process->readAllStandardError());
    delete process;
    return result;
}

ServerDatabase::Psql ServerDatabase::psql(const QString& sql, const QString& as)
{
    return finish(start({QStringLiteral("-c"), sql}, as));
}

bool ServerDatabase::waitFor(const QString& sql, const QString& expected)
{
    for (int i = 0; i < 600; ++i) {
        const Psql r = psql(sql);
        if (r.ok() && r.out.trimmed() == expected)
            return true;
        QTest::qWait(100); // with the event loop running: a started psql's input is written meanwhile
    }
    return false;
}

std::pair<ServerDatabase::Psql, ServerDatabase::Psql> ServerDatabase::race(
    const QString& first, const QString& sql1, const QString& second, const QString& sql2)
{
    const auto sessions = [](const QString& role, const char* state, const char* wait) {
        return QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE usename = '%1' AND state = '%2' AND "
                              "coalesce(wait_event_type, '-') = '%3'")
            .arg(role.isEmpty() ? qEnvironmentVariable("PGUSER") : role, QLatin1String(state), QLatin1String(wait));
    };
    QProcess* one = start({QStringLiteral("-v"), QStringLiteral("VERBOSITY=verbose")}, first);
    one->write(QStringLiteral("BEGIN;\n%1;\n").arg(sql1).toUtf8());
    const bool held = waitFor(sessions(first, "idle in transaction", "Client"), QStringLiteral("1"));
    QProcess* two
        = start({QStringLiteral("-v"), QStringLiteral("VERBOSITY=verbose"), QStringLiteral("-c"), sql2}, second);
    const bool waiting = held && waitFor(sessions(second, "active", "Lock"), QStringLiteral("1"));
    one->write("COMMIT;\n");
    one->closeWriteChannel();
    std::pair<Psql, Psql> results {finish(one), finish(two)};
    if (!held || !waiting) {
        // neither result may pass for a forced race's
        const QString marker = QStringLiteral("<the race was not set up: held %1, waiting %2> ").arg(held).arg(waiting);
        for (Psql* r : {&results.first, &results.second}) {
            r->exitCode = -2;
            r->err.prepend(marker);
        }
    }
    return results;
}

ServerDatabase::Psql ServerDatabase::verbose(const QString& sql, const QString& as)
{
    return finish(start({QStringLiteral("-v"), QStringLiteral("VERBOSITY=verbose"), QStringLiteral("-c"), sql}, as));
}

bool ServerDatabase::refusedWith(const Psql& r, const char* sqlState, const QStringList& words)
{
    if (r.ok() || !r.err.contains(QStringLiteral("ERROR:  %1:").arg(QLatin1String(sqlState))))
        return false;
    for (const QString& word : words) {
        if (!r.err.contains(word))
            return false;
    }
    return true;
}

QString ServerDatabase::scramVerifier(const QString& password)
{
    const QString scratch = roleOf(QStringLiteral("scratch"));
    const Psql r = finish(start({QStringLiteral("-c"),
        QStringLiteral("SET password_encryption = 'scram-sha-256'; CREATE ROLE %1 PASSWORD '%2'")
            .arg(scratch, password),
        QStringLiteral("-c"), QStringLiteral("SELECT rolpassword FROM pg_authid WHERE rolname = '%1'").arg(scratch),
        QStringLiteral("-c"), QStringLiteral("DROP ROLE %1").arg(scratch)}));
    return r.ok() ? r.out.trimmed() : QString();
}

} // namespace bv::test
