#pragma once

#include "core/internal/InternalOnly.h"

// Internal to core/reports: the page codes printed as QR codes on every page of a controlled print (DESIGN §8),
// made by ReportService::pageCodes and checked by PrintRegister::trace. Not for ui/ or app/.

#include "core/common/Result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace bv {

class FieldCipher;

// "BVP1|<serial>|<copy>|<page>|<mac>": mac = the first 10 bytes of a keyed BLAKE2b over "serial|copy|page", in
// base32 (16 characters). The key (the branch's print key) is derived with crypto_kdf from the staff index key
// (context "BVprint1", subkey 1), which every signed-in account's core holds, so the auditor can check a code.
class PrintCodes
{
    Q_DECLARE_TR_FUNCTIONS(PrintCodes)
public:
    static constexpr char kTag[] = "BVP1";
    static constexpr int kMacBytes = 10;

    struct Parsed
    {
        QString serial;
        int copy = 0;
        int page = 0;
        QString mac; // as printed (base32)
    };

    // The codes of pages 1..pages of one copy.
    static Result<QStringList> make(const FieldCipher& staff, const QString& serial, int copy, int pages);
    // A well-formed page code, or nothing (not a BranchVault page code at all).
    static std::optional<Parsed> parse(const QString& text);
    // Whether the code's MAC was made with this branch's print key (constant-time comparison).
    static Result<bool> matches(const FieldCipher& staff, const Parsed& code);
};

} // namespace bv
