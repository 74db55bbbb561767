#pragma once

// Internal to core/auth: the account row the sign-in, confirmation and session code read (AccountRepository
// reads it: userById, userByLogin), and the actors its audit rows name. Not a front door: ui/ and app/ do not include
// it.

#include "core/auth/Role.h"
#include "core/auth/Session.h"
#include "core/common/Result.h"

#include <QDateTime>
#include <QString>
#include <QVariant>

#include <optional>

namespace bv {

namespace authusers {

inline const QString kUserKind = QStringLiteral("user");
inline const QString kTotpField = QStringLiteral("totp_secret");

struct UserRow
{
    qint64 id = 0;
    QString login;
    QString displayName;
    Role role = Role::Clerk;
    QString branch;
    bool frozen = false;
    QString passwordHash;
    QDateTime passwordChangedAt;
    bool mustChange = false;
    int failedAttempts = 0;
    QDateTime lockedUntil;
    bool totpEnrolled = false;
    std::optional<qint64> totpLastStep;
    QString awaiting; // a change waiting for a branch manager's confirmation (dual control)
};

Actor actorOf(const UserRow& row, const QString& sessionId = QString());
// Someone who typed a login: not signed in, so the audit row carries no user id or role.
Actor anonymous(const QString& typedLogin);
// A login that matches no account may be a password typed into the wrong box: the log keeps only its
// first two characters and its length.
Actor unknownLogin(const QString& typedLogin);

} // namespace authusers
} // namespace bv
