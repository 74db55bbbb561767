#pragma once

#include "core/internal/InternalOnly.h"

namespace bv {

// Initialises libsodium once per process; returns false if it cannot be initialised (the start-up
// self-check refuses to run then).
bool ensureSodium();

} // namespace bv
