#include "core/internal/policy/StoredMasks.h"

#include "core/audit/AuditActions.h"
#include "core/common/SecureBytes.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/db/Database.h"
#include "core/internal/db/Transaction.h"
#include "core/internal/keys/FieldCipher.h"
#include "core/internal/policy/MaskRepository.h"
#include "core/policy/FieldCatalogue.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>
#include <limits>

namespace bv {

namespace {

constexpr int kBatch = 500;

const FieldSpec* maskedSpec(const QString& field)
{
    const FieldSpec* spec = FieldCatalogue::find(field.section(QLatin1Char(':'), 0, 0));
    return spec && spec->grade == 1 ? spec : nullptr;
}

bool isIdNumber(const QString& field)
{
    return field.section(QLatin1Char(':'), 0, 0) == QLatin1String(fields::IdNumber);
}

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

// A masked ID number that may be a mainland ID's: 15 or 18 characters, every shown one a digit (a
// mainland ID shows at most its first 6 characters, all digits).
bool mainlandShaped(const QString& masked)
{
    if (masked.size() != 15 && masked.size() != 18)
        return false;
    for (const QChar c : masked) {
        if (c != u'*' && !isAsciiDigit(c))
            return false;
    }
    return true;
}

qsizetype shownCount(const QString& masked)
{
    return masked.size() - masked.count(u'*');
}

QString tightenIdNumber(const QString& masked, const MaskSettings& settings, const MaskSettings* before, bool* exact)
{
    if (!mainlandShaped(masked))
        return Masking::tighten(MaskKind::OtherId, masked, settings, exact);
    // Stored forms never show more than the settings they were last narrowed to (`before`; without
    // them, the floors): a form showing more than another ID's width was a mainland ID's, one showing
    // more than a mainland ID's width another ID's.
    const qsizetype shown = shownCount(masked);
    const int otherLimit = before ? std::clamp(before->otherIdKeepStart, 0, MaskSettings::kOtherIdMaxKeepStart)
                                  : MaskSettings::kOtherIdMaxKeepStart;
    const int mainlandLimit = before ? std::clamp(before->mainlandIdKeepStart, 0, MaskSettings::kMainlandIdMaxKeepStart)
                                     : MaskSettings::kMainlandIdMaxKeepStart;
    if (shown > otherLimit)
        return Masking::tighten(MaskKind::MainlandId, masked, settings, exact);
    if (shown > mainlandLimit)
        return Masking::tighten(MaskKind::OtherId, masked, settings, exact);
    // Either rule may have made it: keep what both rules show, and let a re-mask from the value settle
    // it when the two differ.
    bool mainlandExact = true;
    bool otherExact = true;
    const QString asMainland = Masking::tighten(MaskKind::MainlandId, masked, settings, &mainlandExact);
    const QString asOther = Masking::tighten(MaskKind::OtherId, masked, settings, &otherExact);
    if (asMainland == asOther) {
        *exact = mainlandExact || otherExact;
        return asMainland;
    }
    *exact = false;
    return shownCount(asMainland) <= shownCount(asOther) ? asMainland : asOther;
}

// Tightens the grade-1 values of one diff (a JSON array of {field, old, new}); true if any changed.
bool tightenDiff(QJsonArray& diff, const MaskSettings& settings, const MaskSettings* before)
{
    bool changed = false;
    for (qsizetype i = 0; i < diff.size(); ++i) {
        QJsonObject entry = diff.at(i).toObject();
        const QString field = entry.value(QStringLiteral("field")).toString();
        const FieldSpec* spec = maskedSpec(field);
        if (!spec || !spec->masked)
            continue;
        bool entryChanged = false;
        for (const QString& side : {QStringLiteral("old"), QStringLiteral("new")}) {
            const QString value = entry.value(side).toString();
            // An account's entry names the account ("#12"), not its number, on the old side; any other field's
            // value may start with '#' (an address) and is narrowed like the rest.
            if (value.isEmpty()
                || (value.startsWith(QLatin1Char('#'))
                    && field.section(QLatin1Char(':'), 0, 0) == QLatin1String(fields::AccountNumber)))
                continue;
            // A diff cannot be made again from the values, so an inexact narrowing is not counted.
            const QString tightened = StoredMasks::tightenField(field, value, settings, nullptr, before);
            if (tightened != value) {
                entry.insert(side, tightened);
                entryChanged = true;
            }
        }
        if (entryChanged) {
            diff.replace(i, entry);
            changed = true;
        }
    }
    return changed;
}

Status tightenDiffs(MaskRepository& repo, MaskRepository::DiffTable table, const MaskSettings& settings,
    const MaskSettings* before, StoredMasks::Counts* counts)
{
    qint64 lastId = 0;
    for (;;) {
        auto rows = repo.diffs(table, lastId, kBatch);
        if (!rows.ok())
            return rows.error();
        if (rows->isEmpty())
            return {};
        for (const auto& [id, json] : std::as_const(*rows)) {
            QJsonArray diff = QJsonDocument::fromJson(json.toUtf8()).array();
            if (!tightenDiff(diff, settings, before))
                continue;
            BV_TRY(repo.setDiff(table, id, QString::fromUtf8(QJsonDocument(diff).toJson(QJsonDocument::Compact))));
            ++counts->diffs;
        }
        lastId = rows->constLast().first;
    }
}

using SealedRow = MaskRepository::Sealed;

// Calls `each` for every customer-data row of sealed_value, in key order, one batch at a time.
Status forEachSealed(MaskRepository& repo, bool withSealed, const std::function<Status(const SealedRow&)>& each,
    const std::function<void(qint64)>& afterBatch = {})
{
    QString lastKind;
    qint64 lastId = std::numeric_limits<qint64>::min();
    QString lastField;
    for (;;) {
        auto rows = repo.sealedAfter(lastKind, lastId, lastField, withSealed, kBatch);
        if (!rows.ok())
            return rows.error();
        if (rows->isEmpty())
            return {};
        for (const SealedRow& row : std::as_const(*rows))
            BV_TRY(each(row));
        lastKind = rows->constLast().ownerKind;
        lastId = rows->constLast().ownerId;
        lastField = rows->constLast().field;
        if (afterBatch)
            afterBatch(rows->size());
    }
}

Status updateMasked(MaskRepository& repo, const SealedRow& row, const QString& masked)
{
    return repo.setMasked(row.ownerKind, row.ownerId, row.field, masked);
}

Status tightenPairs(MaskRepository& repo, const MaskSettings& settings, StoredMasks::Counts* counts)
{
    auto pairs = repo.pairsWithValues();
    if (!pairs.ok())
        return pairs.error();
    for (const MaskRepository::Pair& pair : std::as_const(*pairs)) {
        bool exact = true;
        const QString tightened = Masking::tighten(
            pair.kind == QLatin1String("account") ? MaskKind::Account : MaskKind::Phone, pair.masked, settings, &exact);
        if (!exact)
            ++counts->inexact;
        if (tightened == pair.masked)
            continue;
        BV_TRY(repo.setPairMasked(pair.id, tightened));
        ++counts->pairs;
    }
    return {};
}

// A pair's shared value is the value of one of the first customer's phones (or accounts) whose blind
// index equals one of the second's: its masked form, just re-masked, is the pair's.
Status remaskPairs(MaskRepository& repo, StoredMasks::Counts* counts)
{
    auto pairs = repo.pairsWithValues();
    if (!pairs.ok())
        return pairs.error();
    for (const MaskRepository::Pair& pair : std::as_const(*pairs)) {
        auto masked = repo.sharedMasked(pair.kind == QLatin1String("account"), pair.a, pair.b);
        if (!masked.ok())
            return masked.error();
        // No shared value any more (one of them changed since): the pair keeps its form.
        if (!*masked || **masked == pair.masked)
            continue;
        BV_TRY(repo.setPairMasked(pair.id, **masked));
        ++counts->pairs;
    }
    return {};
}

QJsonObject countsJson(const StoredMasks::Counts& counts)
{
    return QJsonObject {{QStringLiteral("values"), counts.values}, {QStringLiteral("changed"), counts.changed},
        {QStringLiteral("pairs"), counts.pairs}, {QStringLiteral("diffs"), counts.diffs}};
}

} // namespace

QString StoredMasks::maskField(const QString& field, const QString& value, const MaskSettings& settings)
{
    const FieldSpec* spec = maskedSpec(field);
    if (!spec || value.isEmpty())
        return QString();
    if (!spec->masked)
        return value; // the ID type itself identifies nobody
    MaskKind kind = spec->mask;
    if (isIdNumber(field)) {
        static const QRegularExpression mainland(QStringLiteral("^(\\d{17}[\\dX]|\\d{15})$"));
        kind = mainland.match(value).hasMatch() ? MaskKind::MainlandId : MaskKind::OtherId;
    }
    return Masking::mask(kind, value, settings);
}

QString StoredMasks::tightenField(
    const QString& field, const QString& masked, const MaskSettings& settings, bool* exact, const MaskSettings* before)
{
    bool ignored = true;
    bool* isExact = exact ? exact : &ignored;
    *isExact = true;
    const FieldSpec* spec = maskedSpec(field);
    if (!spec || !spec->masked || masked.isEmpty())
        return masked;
    if (isIdNumber(field))
        return tightenIdNumber(masked, settings, before, isExact);
    return Masking::tighten(spec->mask, masked, settings, isExact);
}

Result<StoredMasks::Counts> StoredMasks::tighten(Database& db, const MaskSettings& settings, const MaskSettings* before)
{
    MaskRepository repo(db);
    Counts counts;
    BV_TRY(forEachSealed(repo, false, [&](const SealedRow& row) -> Status {
        ++counts.values;
        bool exact = true;
        const QString tightened = tightenField(row.field, row.masked, settings, &exact, before);
        if (!exact)
            ++counts.inexact;
        if (tightened == row.masked)
            return {};
        ++counts.changed;
        return updateMasked(repo, row, tightened);
    }));
    BV_TRY(tightenPairs(repo, settings, &counts));
    for (const MaskRepository::DiffTable table :
        {MaskRepository::DiffTable::Changes, MaskRepository::DiffTable::History})
        BV_TRY(tightenDiffs(repo, table, settings, before, &counts));
    counts.ran = true;
    return counts;
}

Result<bool> StoredMasks::isPending(Database& db)
{
    return MaskRepository(db).hasMeta(QString(kPendingKey));
}

Status StoredMasks::markPending(Database& db, const QDateTime& now)
{
    return MaskRepository(db).putMeta(QString(kPendingKey), now.toUTC().toString(Qt::ISODateWithMs));
}

Result<StoredMasks::Counts> StoredMasks::remaskFromSealed(Database& db, const FieldCipher& cipher,
    const MaskSettings& settings, const std::function<void(qint64, qint64)>& progress)
{
    if (!cipher.isValid())
        return makeError(ErrorCode::Internal,
            tr("The field key is not loaded, so the masked values cannot be made again. Sign in as a branch "
               "manager or a customer manager."));
    MaskRepository repo(db);
    auto total = repo.sealedCount();
    if (!total.ok())
        return total.error();
    Counts counts;
    qint64 done = 0;
    BV_TRY(forEachSealed(
        repo, true,
        [&](const SealedRow& row) -> Status {
            ++counts.values;
            const FieldSpec* spec = maskedSpec(row.field);
            if (!spec || !spec->masked)
                return {};
            auto plain = cipher.open(row.sealed, FieldCipher::associatedData(row.ownerKind, row.ownerId, row.field));
            if (!plain.ok())
                return plain.error();
            const QString masked = maskField(row.field, *plain, settings);
            QString cleared = std::move(plain).value();
            wipe(cleared);
            if (masked == row.masked)
                return {};
            ++counts.changed;
            return updateMasked(repo, row, masked);
        },
        [&](qint64 batch) {
            done += batch;
            if (progress)
                progress(done, *total);
        }));
    BV_TRY(remaskPairs(repo, &counts));
    // The diffs cannot be made again from values (not all are kept): they only follow narrower settings.
    BV_TRY(repo.removeMeta(QString(kPendingKey)));
    counts.ran = true;
    return counts;
}

Result<StoredMasks::Counts> StoredMasks::applyPending(Database& db, AuditLog& audit, const Actor& actor,
    const FieldCipher& cipher, const MaskSettings& settings, const std::function<void(qint64, qint64)>& progress)
{
    if (!cipher.isValid())
        return Counts {};
    auto pending = isPending(db);
    if (!pending.ok())
        return pending.error();
    if (!*pending)
        return Counts {};
    const auto run = [&]() -> Result<Counts> {
        Transaction tx(db);
        if (!tx.ok())
            return tx.error();
        auto counts = remaskFromSealed(db, cipher, settings, progress);
        if (!counts.ok())
            return counts.error();
        QJsonObject details = countsJson(*counts);
        details.insert(QStringLiteral("mode"), QStringLiteral("from_values"));
        BV_TRY(audit.append(actor,
            AuditEvent {QString::fromLatin1(audit::PolicyRemask), QStringLiteral("settings"), QStringLiteral("mask"),
                QString(), AuditOutcome::Ok, details}));
        BV_TRY(tx.commit());
        return counts;
    };
    auto counts = run();
    if (!counts.ok()) {
        // The marker stays (the transaction was rolled back): the next key holder's sign-in tries again.
        (void)audit.appendStandalone(actor,
            AuditEvent {QString::fromLatin1(audit::PolicyRemask), QStringLiteral("settings"), QStringLiteral("mask"),
                QString(), AuditOutcome::Failed,
                QJsonObject {{QStringLiteral("mode"), QStringLiteral("from_values")},
                    {QStringLiteral("error"), errorCodeName(counts.error().code)}}});
    }
    return counts;
}

} // namespace bv
