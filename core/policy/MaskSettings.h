#pragma once

#include "core/common/Result.h"

#include <QAnyStringView>
#include <QCoreApplication>
#include <QLatin1StringView>
#include <QList>
#include <QVariantMap>

namespace bv {

// The configurable widths of the grade-1 masks (DESIGN §4). Every width counts characters (Unicode
// code points), never bytes or UTF-16 units. The defaults are the values of DESIGN §4.
//
// The regulatory floors cannot be configured away: validate() refuses a width that would show
//  - any of the middle 4 digits of an 11-digit mobile number (phone: keep-start <= 3, keep-end <= 4),
//  - any digit of the birth date or any of the last 4 characters of an ID number (mainland: keep-start
//    <= 6, the birth date starts at the 7th character of both the 18- and the 15-character card; other
//    IDs: keep-start <= 4, measured on the shortest common document, the 8-digit Taiwan residents'
//    permit),
//  - any of the middle 4 digits of a 16-digit card number (account: keep-start <= 6, keep-end <= 6),
//  - more of an address or an e-mail name than the table of DESIGN §4 shows (address: keep-start <= 6,
//    e-mail: local-keep <= 1),
// and negative widths. Names and birth dates have no width: their masks are fixed. Masking enforces the
// floors again at mask time, for every length: a MaskSettings built by hand with bad widths is masked as
// if each width were clamped to 0 ... its maximum above, and the floors are then applied to the actual
// length of the value.
class MaskSettings
{
    Q_DECLARE_TR_FUNCTIONS(MaskSettings)
public:
    // Stable keys for the settings store (toMap / fromMap).
    static constexpr QLatin1StringView kPhoneKeepStartKey {"mask.phone.keep_start"};
    static constexpr QLatin1StringView kPhoneKeepEndKey {"mask.phone.keep_end"};
    static constexpr QLatin1StringView kMainlandIdKeepStartKey {"mask.mainland_id.keep_start"};
    static constexpr QLatin1StringView kOtherIdKeepStartKey {"mask.other_id.keep_start"};
    static constexpr QLatin1StringView kAccountKeepStartKey {"mask.account.keep_start"};
    static constexpr QLatin1StringView kAccountKeepEndKey {"mask.account.keep_end"};
    static constexpr QLatin1StringView kAddressKeepStartKey {"mask.address.keep_start"};
    static constexpr QLatin1StringView kEmailLocalKeepKey {"mask.email.local_keep"};

    // The floors, and the largest widths that keep them on the reference lengths: the middle 4 of an
    // 11-digit mobile are its 4th to 7th digits (138****5678), the middle 4 of a 16-digit card its 7th
    // to 10th (622202******1234); a mainland ID shows at most its 6-digit area code (the birth date
    // follows), an 8-character other ID (the shortest common one, the Taiwan residents' permit) keeps
    // its last 4 hidden; an address shows at most 6 characters (北京市朝阳区****), an e-mail at most
    // the first character of its name (z***@example.cn).
    static constexpr int kHiddenFloor = 4;
    static constexpr int kPhoneMaxKeepStart = 3;
    static constexpr int kPhoneMaxKeepEnd = 4;
    static constexpr int kMainlandIdMaxKeepStart = 6;
    static constexpr int kOtherIdMaxKeepStart = 4;
    static constexpr int kAccountMaxKeepStart = 6;
    static constexpr int kAccountMaxKeepEnd = 6;
    static constexpr int kAddressMaxKeepStart = 6;
    static constexpr int kEmailMaxLocalKeep = 1;

    // Every width's settings key, in a fixed order.
    static QList<QLatin1StringView> keys();
    // The largest value a width may take (its floor), or -1 for an unknown key.
    static int maximum(QAnyStringView key);
    // A width by its settings key (0 for an unknown key), and the same with one width replaced
    // (without validation).
    int width(QAnyStringView key) const;
    [[nodiscard]] MaskSettings with(QAnyStringView key, int value) const;
    // Whether these widths show more than `other` somewhere (some width is larger), or hide more
    // (some width is smaller). A change of one width does exactly one of the two.
    bool showsMoreThan(const MaskSettings& other) const;
    bool hidesMoreThan(const MaskSettings& other) const;

    int phoneKeepStart = 3;
    int phoneKeepEnd = 4;
    int mainlandIdKeepStart = 6;
    int otherIdKeepStart = 2;
    int accountKeepStart = 6;
    int accountKeepEnd = 4;
    int addressKeepStart = 6;
    int emailLocalKeep = 1;

    // InvalidInput (Error::field = the setting's key) for the first width that is negative or breaks
    // a floor; the message names the setting, the floor and the largest allowed value.
    [[nodiscard]] Status validate() const;

    // Missing keys keep their defaults, unknown keys are ignored; values must be whole numbers (ints
    // or digit strings). The result is validated.
    [[nodiscard]] static Result<MaskSettings> fromMap(const QVariantMap& map);
    QVariantMap toMap() const;

    bool operator==(const MaskSettings&) const = default;
};

} // namespace bv
