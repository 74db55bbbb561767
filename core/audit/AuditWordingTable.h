#pragma once

#include <QList>
#include <QString>

namespace bv {

// The rows of the wording table (AuditWordingTable.cpp), for AuditWording only. English source texts,
// translated in the "AuditWording" context.
struct AuditWordingTable
{
    struct GroupEntry
    {
        const char* key;
        const char* label;
    };
    struct ActionEntry
    {
        const char* action; // core/audit/AuditActions.h
        const char* group; // a GroupEntry key
        const char* label; // short: filters and the Action column
        const char* sentence; // %1 person, %2 time, %3 object
        const char* failed; // the sentence when the outcome is "failed"; nullptr: sentence + "(failed)"
    };

    static const ActionEntry* find(const QString& action);
    static QList<const ActionEntry*> actions();
    static QList<const GroupEntry*> groups();
};

} // namespace bv
