#pragma once

#include "common/Clock.h"
#include "common/Result.h"

#include <QCoreApplication>

#include <functional>

namespace bv {

class KeyEnvelope;
class SecretStore;
class Vault;

// Rotation of all keys of a database (branchvault-cli rekey): the SQLCipher key, the wrapping key,
// and the field/index keys (every grade-1 value is re-sealed and re-indexed).
//
// The steps are ordered so that a crash between any two leaves a database that opens:
//   1. envelope gets a "pending" slot for M2 (atomic file replace)
//   2. M2 → keychain entry "…/next"
//   3. one transaction: new field keys F2, every value re-sealed, F2 wrapped by M1 and by M2
//   4. PRAGMA rekey to M2's database key (atomic in SQLCipher)
//   5. keychain main entry = M2; envelope: pending becomes current; M1's keyring rows removed;
//      "…/next" removed
// Opening after a crash before step 4 works with M1 and rolls the rotation back; after step 4 the
// old key is refused, M2 (from "…/next", or from the envelope's pending slot with the recovery
// passphrase) opens the database and the rotation is finished.
class KeyRotation
{
    Q_DECLARE_TR_FUNCTIONS(KeyRotation)
public:
    KeyRotation(SecretStore& store, const Clock& clock);

    Status rotate(Vault& vault, const std::function<void(qint64, qint64)>& progress);
    // Completes (openedWithPending) or rolls back an interrupted rotation after a successful open.
    Status settle(Vault& vault, KeyEnvelope& envelope, bool openedWithPending);

    // For the crash-safety test: stop after the given step (1..5) as if the process had died.
    void setStopAfterStepForTesting(int step) { m_stopAfter = step; }

private:
    SecretStore& m_store;
    const Clock& m_clock;
    int m_stopAfter = 0;
};

} // namespace bv
