#pragma once

#include <QtGlobal>

namespace bv {

// Argon2id cost of turning the recovery passphrase into its key pair. Stored in each envelope, so
// changing the defaults never strands an older envelope.
struct KdfParams
{
    quint64 opslimit = 3;
    quint64 memlimit = 256ull * 1024 * 1024;

    static KdfParams recoveryDefault() { return {}; }
    // OWASP's minimum for Argon2id (19 MiB, t=2), used by tests that are not about the parameters.
    static KdfParams minimum() { return {2, 19ull * 1024 * 1024}; }
};

} // namespace bv
