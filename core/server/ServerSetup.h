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
    // The branch the server serves and its first administrator.
    struct Branch
    {
        QString code; // branch.code: 1–12 letters or digits, the prefix of customer numbers
        QString name; // branch.name; may be empty
        QString adminLogin;
        QString adminStaffNo; // empty: the login
    };
    struct Initialised
    {
        int schemaVersion = 0;
        QString databaseId;
        QString url;
        // Shown once: the recovery passphrase, which the branch's customer-information keys are sealed to on the
        // server (to be printed and kept sealed), and the administrator's one-time password.
        SecureBytes recoveryPassphrase;
        SecureBytes adminPassword;
    };
    // Creates the branch server's schema, roles and policies (the migrations in server/sql, built into the
    // program) in the empty database the bank's DBA created, in one transaction, as the database's owner. Refused,
    // with nothing changed, when the owner is a superuser (superusers pass every row-level security policy) or does
    // not own the database, when the database is not empty or was set up already, and when the group roles are
    // missing and the owner may not create them. In the same transaction: the branch's settings, its
    // customer-information keys (made here, sealed on the server to a new recovery passphrase; the server never
    // holds them in the clear) and its first administrator.
    static Result<Initialised> init(
        SecretStore& store, const QString& ownerLogin, const SecureBytes& password, const Branch& branch);

    struct Upgraded
    {
        QString url;
        QString databaseId;
        int from = 0; // meta.schema_version before
        int to = 0; // after; equal to `from` when the server held every migration already
        QStringList applied; // the migrations applied, in order ("025_drafts.sql", ...)
        QList<int> calendarYears; // the shipped calendar's years the server did not hold and now does
    };
    // Brings a branch server set up by an earlier release to this program's schema, as the database's owner (the
    // same checks as init), in one transaction: the built-in migrations after the server's schema version, in order,
    // each once; the years of the shipped holiday calendar the server does not hold yet (a year it holds, shipped or
    // imported, is kept); and the system's db.upgrade row in the branch's chain. Nothing is changed when the server
    // holds every migration already, when it is newer than this program (SchemaTooNew) or not set up (NotFound), or
    // when any step fails. A second upgrade at the same time waits for the first, then finds nothing to do.
    static Result<Upgraded> upgrade(SecretStore& store, const QString& ownerLogin, const SecureBytes& password);

    // The built-in migrations, in order ("001_staff_and_audit_chain.sql", ...).
    static QStringList migrations();
};

} // namespace bv
