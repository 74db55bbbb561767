#pragma once

// One row of the server's audit_log as psql prints it with the unit separator (0x1f) between the fourteen columns
// in the canonical encoding's order (seq … details, then prev_hash and hash in hex): the AuditRow the workstation's
// encoder (AuditLog::rowHash) hashes. Shared by tst_serveraudit and tst_servercustody.
#include "core/audit/AuditRecords.h"

#include <QByteArray>
#include <QDateTime>
#include <QStringList>

namespace bv::test::server {

inline AuditRow auditRowOf(const QStringList& f)
{
    AuditRow row;
    row.seq = f.at(0).toLongLong();
    row.at = QDateTime::fromString(f.at(1), Qt::ISODateWithMs);
    row.workstation = f.at(2);
    row.userId = f.at(3).toLongLong();
    row.login = f.at(4);
    row.role = f.at(5);
    row.action = f.at(6);
    row.objectType = f.at(7);
    row.objectId = f.at(8);
    row.customerNo = f.at(9);
    row.outcome = f.at(10);
    row.details = f.at(11);
    row.prevHash = QByteArray::fromHex(f.at(12).toLatin1());
    row.hash = QByteArray::fromHex(f.at(13).toLatin1());
    return row;
}

} // namespace bv::test::server
