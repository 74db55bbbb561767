#include "core/common/Error.h"

namespace bv {

bool isStorageFailure(ErrorCode code)
{
    switch (code) {
    case ErrorCode::DiskFull:
    case ErrorCode::Io:
    case ErrorCode::ReadOnly:
    case ErrorCode::Damaged:
    case ErrorCode::Database:
    case ErrorCode::InUse:
        return true;
    default:
        return false;
    }
}

int exitStatusFor(ErrorCode code)
{
    switch (code) {
    case ErrorCode::None:
        return 0;
    case ErrorCode::InvalidInput:
        return 2;
    case ErrorCode::PermissionDenied:
        return 3;
    case ErrorCode::NotFound:
        return 4;
    case ErrorCode::AlreadyExists:
        return 5;
    case ErrorCode::Conflict:
        return 6;
    case ErrorCode::KeychainUnavailable:
        return 10;
    case ErrorCode::KeyMissing:
        return 11;
    case ErrorCode::WrongKey:
        return 12;
    case ErrorCode::NotBranchVault:
        return 13;
    case ErrorCode::Damaged:
        return 14;
    case ErrorCode::InUse:
        return 15;
    case ErrorCode::SchemaTooNew:
        return 16;
    case ErrorCode::DiskFull:
        return 17;
    case ErrorCode::ReadOnly:
        return 18;
    case ErrorCode::Io:
        return 19;
    case ErrorCode::SelfCheckFailed:
        return 20;
    case ErrorCode::AuthenticationFailed:
        return 21;
    case ErrorCode::AccountLocked:
        return 22;
    case ErrorCode::SessionLocked:
        return 23;
    case ErrorCode::PasswordChangeRequired:
        return 24;
    case ErrorCode::SecondFactorRequired:
        return 25;
    case ErrorCode::ServerUnavailable:
        return 26;
    case ErrorCode::ServerIdentity:
        return 27;
    case ErrorCode::Database:
        return 30;
    case ErrorCode::Internal:
        return 31;
    }
    return 31;
}

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::None:
        return QStringLiteral("ok");
    case ErrorCode::InvalidInput:
        return QStringLiteral("invalid-input");
    case ErrorCode::PermissionDenied:
        return QStringLiteral("permission-denied");
    case ErrorCode::NotFound:
        return QStringLiteral("not-found");
    case ErrorCode::AlreadyExists:
        return QStringLiteral("already-exists");
    case ErrorCode::Conflict:
        return QStringLiteral("conflict");
    case ErrorCode::KeychainUnavailable:
        return QStringLiteral("keychain-unavailable");
    case ErrorCode::KeyMissing:
        return QStringLiteral("key-missing");
    case ErrorCode::WrongKey:
        return QStringLiteral("wrong-key");
    case ErrorCode::NotBranchVault:
        return QStringLiteral("not-branchvault");
    case ErrorCode::Damaged:
        return QStringLiteral("damaged");
    case ErrorCode::InUse:
        return QStringLiteral("in-use");
    case ErrorCode::SchemaTooNew:
        return QStringLiteral("schema-too-new");
    case ErrorCode::DiskFull:
        return QStringLiteral("disk-full");
    case ErrorCode::ReadOnly:
        return QStringLiteral("read-only");
    case ErrorCode::Io:
        return QStringLiteral("io");
    case ErrorCode::SelfCheckFailed:
        return QStringLiteral("self-check-failed");
    case ErrorCode::AuthenticationFailed:
        return QStringLiteral("authentication-failed");
    case ErrorCode::AccountLocked:
        return QStringLiteral("account-locked");
    case ErrorCode::SessionLocked:
        return QStringLiteral("session-locked");
    case ErrorCode::PasswordChangeRequired:
        return QStringLiteral("password-change-required");
    case ErrorCode::SecondFactorRequired:
        return QStringLiteral("second-factor-required");
    case ErrorCode::ServerUnavailable:
        return QStringLiteral("server-unavailable");
    case ErrorCode::ServerIdentity:
        return QStringLiteral("server-identity");
    case ErrorCode::Database:
        return QStringLiteral("database");
    case ErrorCode::Internal:
        return QStringLiteral("internal");
    }
    return QStringLiteral("internal");
}

QString Error::fullText() const
{
    if (detail.isEmpty())
        return message;
    return message + QStringLiteral(" (") + detail + QLatin1Char(')');
}

} // namespace bv
