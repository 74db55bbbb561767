#pragma once

#include <QString>
#include <QStringList>

#include <utility>

class QProcess;

namespace bv::test {

// A database of its own on the throwaway PostgreSQL cluster the suite runs on (tools/dev.sh test runs ctest under
// pg_virtualenv, which sets PGHOST, PGPORT, PGUSER and PGPASSWORD for the cluster's superuser), with the branch
// server's migrations (server/sql) applied as its owner, and staff members as login roles. Everything is talked to
// through psql, as a DBA or a staff member with credentials would. Dropped, with its roles, when destroyed.
class ServerDatabase
{
public:
    struct Psql
    {
        int exitCode = -1;
        QString out;
        QString err;
        bool ok() const { return exitCode == 0; }
    };

    explicit ServerDatabase(const QString& tag);
    ~ServerDatabase();
    ServerDatabase(const ServerDatabase&) = delete;
    ServerDatabase& operator=(const ServerDatabase&) = delete;

    // Why the suite's cluster cannot be used ("" when it can).
    static QString environmentProblem();
    // Creates the database and applies every migration numbered up to lastMigration, which must exist; "" or what
    // failed.
    QString setUp(int lastMigration);
    // A staff member: login role "<login>_<pid>" (password known to this object) in the group role
    // bv_<bvRole>, and its row in branchvault.staff (with `branch` when not empty). Returns the staff id, or -1.
    qint64 addStaff(const QString& login, const QString& bvRole, const QString& branch = QString());
    QString roleOf(const QString& login) const;
    QString name() const { return m_name; }

    // psql on this database, as its owner (`as` empty) or as a staff member's login role: -X -At, stops at the
    // first error.
    QProcess* start(const QStringList& args, const QString& as = QString());
    static Psql finish(QProcess* process);
    Psql psql(const QString& sql, const QString& as = QString());
    // One statement with psql's verbose errors, which carry the SQLSTATE ("ERROR:  22023: ...").
    Psql verbose(const QString& sql, const QString& as = QString());
    // An audited read as the workstation makes it (migration 20), for psql: its JSON rows are the output.
    static QString readCall(const QString& read, const QString& argsJson = QStringLiteral("{}"),
        const QString& workstation = QStringLiteral("ws"))
    {
        return QStringLiteral("CALL branchvault.read_committed('%1', '%2', '%3', NULL)")
            .arg(read, argsJson, workstation);
    }
    // Whether `r` failed with `sqlState` (a verbose() result), its message holding each of `words`.
    static bool refusedWith(const Psql& r, const char* sqlState, const QStringList& words = {});
    // A race forced deterministically, never by timing: as `first` (a login role; empty: the owner), `sql1` runs in an
    // open transaction that then stays idle; `second`'s `sql2` starts and is seen waiting on a lock
    // (pg_stat_activity); then `first` commits. Both results, the first's first; when the race could not be set up,
    // both have failed (exit code -2) and their errors say so. Works for two sessions of one login role too.
    std::pair<Psql, Psql> race(const QString& first, const QString& sql1, const QString& second, const QString& sql2);
    // Polls as the owner until `sql` returns `expected` (trimmed); false after a generous minute.
    bool waitFor(const QString& sql, const QString& expected);

    // A real SCRAM-SHA-256 verifier of `password`, as a workstation computes it: PostgreSQL computes it for a scratch
    // role, whose stored verifier is read back ("" when that failed).
    QString scramVerifier(const QString& password);

private:
    QProcess* startOn(const QString& database, const QStringList& args, const QString& as);
    QString m_name;
    QString m_suffix;
    QStringList m_roles;
    bool m_created = false;
};

} // namespace bv::test
