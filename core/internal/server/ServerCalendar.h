#pragma once

#include "core/internal/InternalOnly.h"

// The official holiday calendar as the branch server's calendar functions take it (migration 21): the years, and
// every date with its kind, as three arrays. `server init` sends the calendar the program ships (calendar_seed);
// the administrator's import sends a file's (calendar_import).

#include "core/internal/server/ServerConnection.h"

#include <QList>
#include <QString>

namespace bv {

struct OfficialCalendar;

namespace servercalendar {

// The SQL arguments `$first::integer[], $first+1::date[], $first+2::text[]`, for the statement's text.
QString arguments(int first);
// The three parameters for arguments(): the years ascending, the dates ascending, and each date's kind.
QList<ServerValue> values(const OfficialCalendar& calendar);

} // namespace servercalendar
} // namespace bv
