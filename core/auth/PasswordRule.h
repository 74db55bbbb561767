#pragma once

#include "core/common/Result.h"
#include "core/common/SecureBytes.h"

#include <QCoreApplication>
#include <QStringList>

namespace bv {

class SettingsService;

// The password rule in force (DESIGN §3): at least the configured number of characters (settings
// auth.password.min_length, 8–64) with letters and digits, and none of the last N passwords again
// (auth.password.history, 5–24). The one place that turns the settings into the rule and its wording:
// AuthService checks every new password with it; the password dialogs, the set-up wizard and the
// command line show description().
class PasswordRule
{
    Q_DECLARE_TR_FUNCTIONS(PasswordRule)
public:
    // The rule of the database behind `settings`, as it is configured now.
    static PasswordRule current(const SettingsService& settings);
    // The rule of a database that does not exist yet (first run): the settings' defaults.
    static PasswordRule defaults();
    // The rule of a branch server, from its settings as the server reports them (ServerSession).
    static PasswordRule of(int minLength, int history);

    int minLength() const { return m_minLength; }
    int maxLength() const;
    // How many earlier passwords (the current one included) cannot be chosen again.
    int history() const { return m_history; }

    // "At least 8 characters with letters and digits; your last 5 passwords cannot be used again." (translated)
    QString description() const;
    // Length and letters-and-digits of a normalised password (PasswordHasher::normalize). The history part
    // needs the account's earlier hashes: AuthService checks it.
    Status check(const SecureBytes& normalized) const;
    // The history part: `normalized` against the account's hashes of its last `history()` passwords (the current one
    // included); refused, naming the rule, when one of them is its hash.
    Status checkHistory(const QStringList& hashes, const SecureBytes& normalized) const;
    // The refusal of a password used recently (InvalidInput on "password"), naming the rule.
    Error usedRecently() const;

private:
    PasswordRule(int minLength, int history);

    int m_minLength;
    int m_history;
};

} // namespace bv
