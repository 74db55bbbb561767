#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace bv::test {

// TLS on the suite's throwaway PostgreSQL cluster (pg_virtualenv) with a branch CA made by
// server/branchvault-branch-ca: the server's certificate for branch-db.test and 127.0.0.1, and one workstation's
// certificate and encrypted key. Cluster-wide (ALTER SYSTEM): the tests that use it hold the CTest resource lock
// "cluster_tls" (tests/CMakeLists.txt), so two of them never switch it at once.
class ServerTls
{
public:
    struct Run
    {
        int status = -1;
        QString out;
        QString err;
    };
    static Run exec(const QString& program, const QStringList& args, const QByteArray& input = {},
        const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment());
    // psql as the cluster's superuser on its maintenance database; statements separated by "; " run one by one
    // (ALTER SYSTEM runs outside a transaction block only).
    static Run superuser(const QString& sql);
    // What the bank's DBA does for a branch database (docs/SERVER.md, set-up step 1): the owner `owner` (LOGIN,
    // CREATEROLE, not a superuser) and the empty database `database` it owns. On PostgreSQL 16 and later a CREATEROLE
    // role may grant only the roles it holds ADMIN OPTION on, and the branch's group roles are the cluster's (an
    // earlier suite's owner made them): the DBA's GRANT … WITH ADMIN OPTION on the ones that exist, as SERVER.md says.
    static Run createOwner(const QString& owner, const QString& password, const QString& database);
    // server/branchvault-branch-ca with `args`.
    static Run branchCa(const QStringList& args);
    // Asks the cluster to read its configuration again and waits half a second.
    static QString reload();

    // In `dir`: the branch CA (dir/ca), the server's certificate, the workstation `workstation`'s certificate and
    // key; TLS switched on with them. "" or what failed.
    QString enable(const QString& dir, const QString& workstation = QStringLiteral("ws01"));
    // TLS off again (the cluster's own settings back).
    static void disable();

    QString caFile() const { return m_ca + QStringLiteral("/ca.crt"); }
    QString certFile() const { return m_ca + QLatin1Char('/') + m_workstation + QStringLiteral(".crt"); }
    QString keyFile() const { return m_ca + QLatin1Char('/') + m_workstation + QStringLiteral(".key"); }
    QString caFolder() const { return m_ca; }
    // The passphrase of the workstation's key, as the script printed it.
    QString passphrase() const { return m_passphrase; }

private:
    QString m_ca;
    QString m_workstation;
    QString m_passphrase;
};

} // namespace bv::test
