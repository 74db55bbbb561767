#pragma once

#include "core/common/Result.h"
#include "core/common/SecureBytes.h"
#include "core/server/ServerAddress.h"

#include <QCoreApplication>

namespace bv {

class SecretStore;

// This workstation's connection to its branch server (docs/SERVER.md, "Connecting a workstation"): the server's
// address and the branch CA's certificate, kept in the workstation's configuration (not secrets), and the
// workstation's own TLS certificate and key, issued by the branch CA (branchvault-branch-ca workstation). The key
// file stays encrypted; its passphrase is kept in this OS account's keychain, never in a file. Staff passwords are
// typed at each sign-in and never kept.
class ServerWorkstation
{
    Q_DECLARE_TR_FUNCTIONS(ServerWorkstation)
public:
    struct Files
    {
        QString caFile; // the branch CA's certificate (PEM)
        QString certFile; // this workstation's certificate (PEM), issued by the branch CA
        QString keyFile; // its key (PEM, encrypted)
    };
    struct Settings
    {
        ServerAddress address;
        Files files; // the copies in folder()
        // The server database's id (its audit chain's genesis), pinned by the first successful `server audit verify`
        // or `checkpoint` from this workstation; empty until then. Not a secret.
        QString databaseId;
    };

    // Connects this workstation: checks the files, then makes one TLS connection to the server (no sign-in) to
    // prove that the server's certificate is the branch CA's for that host and that the passphrase opens the key,
    // and only then keeps copies of the files in folder() and the passphrase in the keychain. Refused when the
    // workstation is connected already (remove() first): nothing is replaced silently.
    static Result<Settings> add(
        SecretStore& store, const ServerAddress& address, const Files& files, const SecureBytes& keyPassphrase);
    // Forgets the connection: the files, the keychain entry, the address, the pinned database id and the offline
    // outbox (ServerOutbox) with its key; refused (Conflict, nothing changed) while the outbox holds entries.
    static Status remove(SecretStore& store);
    // Records the server database's id next to its address (trust on first use: ServerSession pins the id the
    // server reports at the auditor's first verification or checkpoint, and holds every later one to it).
    static Status pinDatabaseId(const QString& databaseId);
    // NotFound when this workstation is not connected to a branch server.
    static Result<Settings> configured();
    // The keychain entry that holds the key's passphrase, and the passphrase itself.
    static QString passphraseEntry(const ServerAddress& address);
    static Result<SecureBytes> keyPassphrase(SecretStore& store, const Settings& settings);
    // Where the copies live: "server" beside the workstation's configuration file.
    static QString folder();
};

} // namespace bv
