#pragma once

#include "core/internal/InternalOnly.h"

// "Who is responsible for a customer now" (the bv::responsible fragments) is written once, in the customers'
// query repository. This header only forwards to it, for the files that still include it by this name; new code
// includes core/internal/customers/CustomerQueryRepository.h.
#include "core/internal/customers/CustomerQueryRepository.h"
