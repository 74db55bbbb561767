#pragma once

#include "core/auth/Session.h"
#include "core/common/Result.h"
#include "core/common/SecureBytes.h"
#include "core/reports/ReportDocument.h"
#include "core/setup/RecoverySheet.h"

#include <QCoreApplication>

class QPagedPaintDevice;

namespace bv {
class Core;
}

namespace bv::ui {

// Prints the recovery sheet of a database that was just created (first run), in the controlled layout
// of every BranchVault printout (ReportService::recoverySheet + ReportRenderer): 受控文件 / CONTROLLED, the
// serial "RS-<first 8 characters of the database id>-<branch date>", the copy number, branch, printing
// user and branch time on every page, the watermark and a QR code per page.
//
// The sheet is not in the print register: the register's entries are reports the core builds and
// registers, and the passphrase must not pass through a register row. Instead every printed copy (and
// every failed one) is written to the audit log (keys.recovery_sheet_print: serial, copy, pages), and the
// sheet says so. Its QR codes name the sheet (serial, copy, page) without a MAC: tracing one answers "not a
// registered printout", which is true.
class RecoverySheetPrinter
{
    Q_DECLARE_TR_FUNCTIONS(RecoverySheetPrinter)
public:
    // `session`: the first administrator, signed in by the first-run wizard (invalid: recorded as "system").
    RecoverySheetPrinter(Core& core, Session session);

    // Prints the next copy onto `device`. Audited whether it succeeds or fails.
    Status print(QPagedPaintDevice& device, const SecureBytes& passphrase);

    QString serial() const;
    int copiesPrinted() const { return m_copies; }
    // "2026-12-05 11:50 (UTC+08:00)": branch time, labelled.
    static QString branchTimeText(const QDateTime& utc);
    // The marks of copy `copy` (page codes filled in for `pages` pages).
    PrintMarks marks(int copy, int pages) const;

private:
    Core& m_core;
    RecoverySheet m_sheet; // serial, document and audit rows
    int m_copies = 0;
};

} // namespace bv::ui
