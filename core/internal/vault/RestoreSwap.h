#pragma once

#include "core/internal/InternalOnly.h"

#include "core/common/Result.h"

#include <QCoreApplication>
#include <QString>

namespace bv {

// The file swap at the end of a restore, journaled so that a crash at any point is finished at the next
// start (docs/STORAGE.md, "Restore"). The database path is never empty while a kept copy holds the
// data: the current file is first hard-linked to its kept name, then the incoming file is renamed over
// it in one step. The same for the key envelope, and the current WAL or journal goes with the kept copy.
//
//   journal written and flushed ("<db>.restore-journal", phase "prepared")
//   1. <db>-wal / -journal → <keep>-wal / -journal (link, unlink); <db>-shm removed; phase "moved"
//   2. <db> → <keep> (link); <incoming> → <db> (rename); <incoming>-wal → <db>-wal (rename, if any)
//   3. <db>.envelope → <keep>.envelope (link); <incoming>.envelope → <db>.envelope (rename)
//   4. folder flushed, journal removed, folder flushed
// Steps 2–4 are idempotent (each acts only on files that are still there), so recovery simply repeats
// them from the journal's phase. Only files named in the journal are touched.
class RestoreSwap
{
    Q_DECLARE_TR_FUNCTIONS(RestoreSwap)
public:
    struct Plan
    {
        QString database; // absolute path of the database
        QString incoming; // the file that takes its place (its envelope beside it as <incoming>.envelope)
        QString keepAs; // where the current database is kept; empty when there is none
    };

    static QString journalPath(const QString& databasePath)
    {
        return databasePath + QStringLiteral(".restore-journal");
    }
    static bool isPending(const QString& databasePath);

    // Writes the journal (flushed), then swaps. An error after the journal was written leaves a swap
    // that recover() finishes; an error before leaves everything as it was.
    static Status run(const Plan& plan);
    // Finishes a swap recorded in the journal beside `databasePath` (nothing to do when there is none).
    // The caller holds the database's lock file.
    static Status recover(const QString& databasePath);

private:
    static Status proceed(const Plan& plan, bool walsMoved);
    static Status writeJournal(const Plan& plan, bool walsMoved);
};

} // namespace bv
