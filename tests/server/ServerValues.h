#pragma once

// What the branch server's entry functions take, as SQL text for psql: grade-1 values as the workstation sends
// them (sealed bytes, masked form, blind index of the field's domain) and new accounts; and the check that a
// call was refused with the expected SQLSTATE and words. Shared by the psql tests of the server's functions.
#include "tests/testsupport/ServerDatabase.h"

#include <QString>
#include <QStringList>

#include <algorithm>

namespace bv::test::server {

// A blind index as the workstation would send it: 32 bytes (only equality matters here).
inline QString blind(const QString& label)
{
    return QStringLiteral("sha256(convert_to('%1', 'UTF8'))").arg(label);
}

inline QString domainOf(const QString& field)
{
    if (field == QLatin1String("name") || field == QLatin1String("email"))
        return field;
    if (field == QLatin1String("id_number"))
        return QStringLiteral("id");
    if (field == QLatin1String("mobile") || field == QLatin1String("other_phone"))
        return QStringLiteral("phone");
    return QString();
}

// One grade-1 value as the workstation sends it: sealed bytes, masked form, blind index of the field's domain.
inline QString sealed(const QString& field, const QString& masked, const QString& label = QString())
{
    const QString domain = domainOf(field);
    return QStringLiteral("ROW('%1', 1, '\\x0badc0de'::bytea, '%2', %3, %4)::branchvault.sealed_input")
        .arg(field, masked, domain.isEmpty() ? QStringLiteral("NULL") : QStringLiteral("'%1'").arg(domain),
            domain.isEmpty() ? QStringLiteral("NULL") : blind(label.isEmpty() ? field + masked : label));
}

// The call failed, and its error holds every one of `words` (an SQLSTATE, part of the message).
inline bool refused(const ServerDatabase::Psql& r, const QStringList& words)
{
    return !r.ok() && std::all_of(words.cbegin(), words.cend(), [&](const QString& w) { return r.err.contains(w); });
}

// Since migration 12 the server takes only values of the shape the workstation gives them: sealed bytes of 41 to 8192
// bytes (48 here, the same for the same label) and a 16-byte blind index.
inline QString shapedBlind(const QString& label)
{
    return QStringLiteral("decode(md5('%1'), 'hex')").arg(label);
}
inline QString shapedBytes(const QString& label)
{
    return QStringLiteral("decode(md5('s %1') || md5('t %1') || md5('u %1'), 'hex')").arg(label);
}
// sealed() of that shape.
inline QString shapedSealed(const QString& field, const QString& masked, const QString& label)
{
    const QString domain = domainOf(field);
    return QStringLiteral("ROW('%1', 1, %2, '%3', %4, %5)::branchvault.sealed_input")
        .arg(field, shapedBytes(label), masked,
            domain.isEmpty() ? QStringLiteral("NULL") : QStringLiteral("'%1'").arg(domain),
            domain.isEmpty() ? QStringLiteral("NULL") : shapedBlind(label));
}

inline QString account(const QString& masked, const QString& label)
{
    return QStringLiteral(
        "ROW('debit', '2020-01-01', 'active', 1, '\\x0acc'::bytea, '%1', %2)::branchvault.account_input")
        .arg(masked, blind(label));
}
// account() of that shape.
inline QString shapedAccount(const QString& masked, const QString& label)
{
    return QStringLiteral("ROW('debit', '2020-01-01', 'active', 1, %1, '%2', %3)::branchvault.account_input")
        .arg(shapedBytes(label), masked, shapedBlind(label));
}

} // namespace bv::test::server
