#pragma once

#include <QString>

namespace bv {

// Every failure a user or script can meet has its own code. The CLI maps codes to exit statuses
// (see exitStatusFor), so scripts can tell "key missing" from "file damaged" without parsing text.
enum class ErrorCode
{
    None = 0,
    InvalidInput, // a value or argument was refused; Error::field names it
    PermissionDenied, // the signed-in role may not do this
    NotFound, // the object (or database file) does not exist
    AlreadyExists, // refusing to overwrite something that exists
    Conflict, // duplicate, stale state, or a rule that forbids the transition
    KeychainUnavailable, // no D-Bus / no secret service / keychain locked / job timed out
    KeyMissing, // the keychain answered but holds no key for this database
    WrongKey, // the key (or passphrase) does not open this database (or envelope)
    NotBranchVault, // the file opens but is not a BranchVault database
    Damaged, // the file is damaged (database, envelope or backup)
    InUse, // another instance holds the lock file
    SchemaTooNew, // written by a newer BranchVault
    DiskFull,
    ReadOnly, // read-only file or location
    Io, // other file-system failure
    SelfCheckFailed, // a start-up self-check failed
    AuthenticationFailed,
    AccountLocked,
    SessionLocked,
    PasswordChangeRequired,
    SecondFactorRequired,
    ServerUnavailable, // the branch server cannot be reached (network, address, server down)
    ServerIdentity, // the branch server did not prove who it is (certificate, host name, no TLS)
    Database, // an unexpected SQL error (message carries the SQLite code, never values)
    Internal,
};

// A failure of the storage underneath (disk full, I/O, damaged or read-only file, database error) rather
// than of the input: a bulk operation stops at it instead of reporting it as a bad row.
bool isStorageFailure(ErrorCode code);

// Stable, documented exit statuses for branchvault-cli (docs/CLI.md).
int exitStatusFor(ErrorCode code);
// Stable machine-readable name ("key-missing"), used in --json output.
QString errorCodeName(ErrorCode code);

struct Error
{
    ErrorCode code = ErrorCode::None;
    QString message; // user-facing, translated: names the cause and the next step
    QString detail; // technical detail for administrators (SQLite code, file name); never a grade-1 value
    QString field; // for InvalidInput: the key of the field that was refused

    bool isError() const { return code != ErrorCode::None; }
    // message plus detail in one line, for stderr and logs
    QString fullText() const;
};

} // namespace bv
