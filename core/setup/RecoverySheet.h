#pragma once

#include "core/auth/Session.h"
#include "core/common/Result.h"
#include "core/reports/ReportDocument.h"

#include <QDateTime>

namespace bv {

class Core;

// The recovery sheet of a database that was just created (first run): what core keeps of it. Its serial
// "RS-<first 8 characters of the database id>-<branch date of the first copy>", the sheet as a controlled
// document with the database's path, and one audit row per printed (or failed) copy
// (keys.recovery_sheet_print: serial, copy, pages). The sheet is not in the print register, and the
// passphrase is never stored (see ui/startup/RecoverySheetPrinter, which lays it out and prints it).
class RecoverySheet
{
public:
    // `session`: the first administrator, signed in by the first run (invalid: recorded as "system").
    RecoverySheet(Core& core, Session session);

    // Called before each copy: the first one fixes the serial's date.
    void beginCopy();
    QString serial() const;
    // Who prints: the session's user, or "system" before any account exists.
    Actor printedBy() const;
    // The sheet in the controlled layout (ReportService::recoverySheet) with this database's path.
    // `passphraseText` is not kept.
    ReportDocument document(const QString& passphraseText, const QString& branch) const;
    // Records copy `copy` of `pages` pages, printed or not (`failure`: why not).
    [[nodiscard]] Status recordCopy(int copy, int pages, bool printed, const QString& failure = QString());

private:
    Core& m_core;
    Session m_session;
    QDateTime m_firstCopyUtc; // the serial's date: the date of the first copy
};

} // namespace bv
