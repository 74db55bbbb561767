#pragma once

#include "core/internal/InternalOnly.h"

#include "core/auth/Session.h"
#include "core/common/Result.h"
#include "core/policy/MaskSettings.h"
#include "core/policy/Masking.h"

#include <QCoreApplication>
#include <QDateTime>

#include <functional>

namespace bv {

class AuditLog;
class Database;
class FieldCipher;

// The masked forms kept beside the sealed grade-1 values, and how they follow the mask settings
// (DESIGN §4: "a change of a mask setting re-masks every stored masked form"). Internal to core: the
// front doors are SettingsService::set (tighten, pending marker) and AuthService::signIn (the pending
// re-mask from the sealed values).
//
// Stored masked forms: sealed_value.masked of the owners "customer", "account", "change" and
// "history"; suspicious_pairs.masked_value; the grade-1 old/new values in customer_changes.diff_json
// and customer_history.diff_json.
//
// - A change that hides more is derived from the masked forms themselves (Masking::tighten), in the
//   transaction of the setting change: no key is needed, nothing hidden is ever shown again.
// - A change that shows more cannot be derived: it leaves a marker (meta key kPendingKey), and the next
//   sign-in of an account that holds the field key re-masks every sealed value from its plaintext.
//   A tighten that could not tell the exact new form of some value (a short address, an ID number
//   whose masked form fits both ID rules) hides more than needed and leaves the marker too.
// - The diffs of changes and history are only tightened: the values they were made from are not all
//   kept, so a looser setting leaves them as they are (narrower than needed, never wider).
class StoredMasks
{
    Q_DECLARE_TR_FUNCTIONS(StoredMasks)
public:
    static constexpr QLatin1StringView kPendingKey {"mask.remask_pending"};

    struct Counts
    {
        qint64 values = 0; // sealed values looked at
        qint64 changed = 0; // sealed values whose masked form changed
        qint64 pairs = 0; // suspicious pairs whose masked value changed
        qint64 diffs = 0; // change / history rows whose diff changed
        qint64 inexact = 0; // forms that hide more than the rule needs until the next re-mask from the values
        bool ran = false; // applyPending: whether a re-mask ran
    };

    // The masked form of a grade-1 field's value ("" for an unknown field or an empty value; the value
    // itself for a grade-1 field that is not masked, the ID type). `field` may carry a ":n" suffix. An
    // ID number is masked as a mainland ID when it has the shape of one (17 digits and a digit or X,
    // or 15 digits), otherwise as another ID.
    static QString maskField(const QString& field, const QString& value, const MaskSettings& settings);
    // The same field's stored masked form re-masked for narrower settings (see Masking::tighten).
    // `before`, the settings the form was last masked or narrowed under, tells a mainland ID's form from
    // another ID's where the shape cannot; without it (or where neither can be ruled out) the form keeps
    // only what both rules show, and *exact turns false if that hides more than one of them needs.
    static QString tightenField(const QString& field, const QString& masked, const MaskSettings& settings,
        bool* exact = nullptr, const MaskSettings* before = nullptr);

    // Tightens every stored masked form to `settings` (from `before`, see tightenField). Runs inside the
    // caller's transaction. Counts::inexact > 0: some sealed value's form hides more than needed.
    static Result<Counts> tighten(Database& db, const MaskSettings& settings, const MaskSettings* before = nullptr);

    // The marker of a wider setting that waits for a key holder.
    static Result<bool> isPending(Database& db);
    static Status markPending(Database& db, const QDateTime& now);

    // Re-masks every sealed value from its plaintext under `settings`, then the suspicious pairs from the
    // re-masked values, and clears the marker. Runs inside the caller's transaction, reading in batches;
    // `progress(done, total)` after each batch.
    static Result<Counts> remaskFromSealed(Database& db, const FieldCipher& cipher, const MaskSettings& settings,
        const std::function<void(qint64, qint64)>& progress = {});

    // The pending re-mask, for a key holder's session: does nothing (ran = false) when no re-mask is
    // pending or `cipher` holds no key (the marker then stays). Otherwise one transaction, audited as
    // policy.remask with the counts (never a value) as `actor`; a failure leaves the marker, is audited
    // as failed and returned.
    static Result<Counts> applyPending(Database& db, AuditLog& audit, const Actor& actor, const FieldCipher& cipher,
        const MaskSettings& settings, const std::function<void(qint64, qint64)>& progress = {});
};

} // namespace bv
