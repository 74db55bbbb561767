#pragma once

#include "core/internal/InternalOnly.h"

// Internal to core/reports: the print register's repository (docs/ARCHITECTURE.md, "Storage seam"): its SQL and its
// hash chain (print_copies, print_events). PrintRegister (the lifecycle) and ReportService's print flow
// (ReportPrinting.cpp) keep the rules, the audit rows and the transactions; this class only reads and appends rows.
// The report builders' reads are ReportRepository's. Not for ui/ or app/.

#include "core/auth/Role.h"
#include "core/common/Result.h"
#include "core/reports/PrintRegister.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QVariantList>

namespace bv {

struct AuditAlert;
class Connection;
struct ReportContext;

// A copy as stored, with what the services need beyond the public PrintCopy.
struct RegisterCopy
{
    PrintCopy copy; // state, holder, overdue and past-period derived from the events
    int job = 1; // 1: the first print of the serial; 2, ...: reprints
    qint64 printedById = 0;
    Role printedByRole = Role::Clerk;
    qint64 approvedById = 0;
    QString requestJson; // {"report": key, "parameters": {...}}: what a reprint builds again
};

// What one pass over the register's hash chain found.
struct RegisterVerification
{
    qint64 rowsChecked = 0;
    qint64 firstBrokenSeq = 0; // 0: intact
    QString problem; // translated: names the row and what is wrong with it
    bool ok() const { return firstBrokenSeq == 0; }
};

class PrintRegisterRepository
{
    Q_DECLARE_TR_FUNCTIONS(PrintRegisterRepository)
public:
    PrintRegisterRepository(Connection& db, QString databaseId);

    struct NewCopy
    {
        QString serial;
        int copy = 1;
        int job = 1;
        QString report;
        QString title;
        QString parameters; // masked, one line
        QString requestJson;
        bool holdsGrade1 = false;
        PrintMedium medium = PrintMedium::Printer;
        qint64 printedBy = 0;
        qint64 approvedBy = 0; // 0: no grant
        qint64 requestId = 0; // 0: no grant
        QDateTime printedAtUtc;
        QDate validUntil;
    };
    struct NewEvent
    {
        QString serial;
        int copy = 1;
        PrintEventKind kind = PrintEventKind::Printed;
        QDateTime atUtc;
        qint64 by = 0;
        QString person;
        QDateTime dueUtc;
        int pages = 0; // printed: pages per copy; otherwise 0 (stored as NULL)
        QString note;
    };

    // The next serial of `year` (branch time): "PR-yyyy-NNNNNN", one more than the highest of that year. Call it
    // inside the transaction that inserts the copies (BEGIN IMMEDIATE: no second writer in between).
    Result<QString> nextSerial(int year) const;
    // The highest copy number and job of a serial (0 when the serial is not registered).
    Result<QPair<int, int>> lastCopyAndJob(const QString& serial) const;

    // Appends one row to the chain. Inside the caller's transaction.
    Status insertCopy(const NewCopy& copy);
    Status insertEvent(const NewEvent& event);

    // Copies with their events and derived state, in serial and copy order. `serial` empty: all; `copy` 0: every
    // copy of the serial. `nowUtc` decides overdue and past-period.
    Result<QList<RegisterCopy>> copies(const QString& serial, int copy, const QDateTime& nowUtc) const;
    // Walks the chain across both tables in insertion order; names the first row that does not match.
    Result<RegisterVerification> verify() const;

    // The print register's alerts as of `nowUtc` (overdue lendings, past the period of use and not destroyed,
    // still printing an hour after the print was registered).
    Result<QList<PrintAlert>> alerts(const QDateTime& nowUtc) const;
    static QList<PrintAlert> alertsOf(const QList<RegisterCopy>& copies, const QDateTime& nowUtc);

    // Branch time (DESIGN §8): "2026-03-02 17:00 (UTC+08:00)"; the branch-time date of a UTC time.
    static QString branchTimeText(const QDateTime& utc);
    static QDate branchDate(const QDateTime& utc);
    // "printer" / "pdf"; "printed", "lent", ...
    static QString mediumKey(PrintMedium medium);
    static QString eventKey(PrintEventKind kind);
    // Copies printing longer than this are an alert (the program stopped while printing).
    static constexpr int kUnfinishedAfterSecs = 3600;
    // Typed serials: "PR-2026-000001", optionally "/2" for one copy.
    static bool isSerial(const QString& text);

    static QString readingContext(); // "Reading the print register" (translated)

private:
    Result<QPair<qint64, QByteArray>> head() const;
    Status append(const char* table, const QVariantList& values);

    Connection& m_db;
    QString m_databaseId;
};

// The derived state of one copy from its events (in the order they were recorded).
void derivePrintCopyState(PrintCopy& copy, const QDateTime& nowUtc);

// The print register's alerts in the auditor's alert list (AuditService::alerts, through Core): kinds
// "print_overdue", "print_past_period", "print_unfinished"; every open one started before `untilUtc`.
Status appendPrintAlerts(ReportContext& context, const QDateTime& untilUtc, QList<AuditAlert>* alerts);

} // namespace bv
