#pragma once

// Every header under core/internal/ includes this first. core/ and core/internal/ share one include root
// (the repository's), so the wall between the front doors and the plumbing is this check: bv_core compiles
// with BV_CORE_INTERNAL, and so do the targets that link bv_core_internal (tests, the benchmark). ui/,
// render/ and app/cli/ do not, and an include of plumbing there stops the build here.
#ifndef BV_CORE_INTERNAL
#error "core/internal/ is core's plumbing; ui/, render/ and app/ use the front-door services (docs/ARCHITECTURE.md)"
#endif
