#pragma once

#include "core/internal/InternalOnly.h"

#include "core/server/ServerSetup.h"

namespace bv::serversetup {

// ServerSetup::init with the built-in migrations up to `lastVersion` only (0: all of them; else 21 — the first with
// the shipped calendar's calendar_seed — or later): a branch server as an earlier release set it up, which
// ServerSetup::upgrade then brings to this release. The tests of the upgrade use it; the program sets up with all.
Result<ServerSetup::Initialised> initThrough(SecretStore& store, const QString& ownerLogin, const SecureBytes& password,
    const ServerSetup::Branch& branch, int lastVersion);

} // namespace bv::serversetup
