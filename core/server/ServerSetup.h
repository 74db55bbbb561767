#pragma once

#include "core/common/Result.h"
#include "core/common/SecureBytes.h"

#include <QCoreApplication>
#include <QStringList>

namespace bv {

class SecretStore;

// Setting up the branch server, from a workstation connected to it (ServerWorkstation::add).
class ServerSetup
{
    Q_DECLARE_TR_FUNCTIONS(ServerSetup)
public:
    struct Initialised
    {
        int schemaVersion = 0;
        QString databaseId;
        QString url;
    };
    // Creates the branch server's schema, roles and policies (the migrations in server/sql, built into the
    // program) in the empty database the bank's DBA created, in one transaction, as the database's owner. Refused,
    // with nothing changed, when the owner is a superuser (superusers pass every row-level security policy) or does
    // not own the database, when the database is not empty or was set up already, and when the group roles are
    // missing and the owner may not create them.
    static Result<Initialised> init(SecretStore& store, const QString& ownerLogin, const SecureBytes& password);

    struct Connected
    {
        QString url;
        QString tlsVersion;
        QString role; // the staff member's BranchVault role as the server records it
    };
    // Signs in to the branch server as a staff member and says how the connection stands.
    static Result<Connected> status(SecretStore& store, const QString& login, const SecureBytes& password);

    // The built-in migrations, in order ("001_staff_and_audit_chain.sql", ...).
    static QStringList migrations();
};

} // namespace bv
