#pragma once

#include "core/common/Result.h"
#include "core/common/SecureBytes.h"
#include "core/reports/ReportService.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

namespace bv {

struct ReportContext;
class Session;

enum class PrintEventKind
{
    Printed,
    Failed,
    Received, // signed for by a staff account, confirmed by that person's password
    HandedOver, // a data-subject report handed to the customer it is about
    Lent,
    Returned,
    Destroyed, // with a supervising witness, confirmed by the witness's password
};

enum class PrintCopyState
{
    Printing, // registered, outcome not yet recorded (or the program stopped while printing)
    Failed,
    Printed,
    Received,
    HandedOver,
    Lent,
    Destroyed,
};

struct PrintEvent
{
    PrintEventKind kind = PrintEventKind::Printed;
    QDateTime atUtc;
    QString by; // login of the account that recorded it
    QString person; // received by / witness (login), or the borrower as typed
    QDateTime dueUtc; // lent: when it must be back
    QString note;
    int pages = 0; // printed: pages of the copy
};

struct PrintCopy
{
    QString serial;
    int copy = 1;
    QString report; // key
    QString title; // translated at print time
    QString parameters; // what was asked, masked, one line
    bool holdsGrade1 = false;
    PrintMedium medium = PrintMedium::Printer;
    QString printedBy; // login
    QString approvedBy; // login of the grant's approver; empty: no grant needed
    qint64 requestId = 0;
    QDateTime printedAtUtc;
    QDate validUntil;
    int pages = 0;
    PrintCopyState state = PrintCopyState::Printing;
    QString holder; // received by / lent to
    QDateTime lentUntilUtc;
    bool overdue = false; // lent past its due time
    bool pastPeriod = false; // past its period of use and not destroyed
    QList<PrintEvent> events;
};

struct PrintAlert
{
    enum class Kind
    {
        OverdueLending,
        PastPeriodOfUse,
        UnfinishedPrint,
    };
    Kind kind = Kind::OverdueLending;
    QString serial;
    int copy = 1;
    QDateTime sinceUtc;
    QString message; // translated, names the next step
};

struct PrintTrace
{
    enum class Verdict
    {
        Genuine, // registered and the MAC matches
        UnknownSerial, // well-formed, MAC matches nothing registered / serial not in the register
        MacMismatch, // the serial exists but the code was not made by this branch's print key
        NotBranchVault, // not a BranchVault page code at all
    };
    Verdict verdict = Verdict::NotBranchVault;
    int page = 0; // from the code; 0 when a serial was typed
    PrintCopy copy; // when the serial is registered (a typed serial without "/n": its first copy)
    QList<PrintCopy> copies; // every copy the input names (a typed serial without "/n": all of them)
    QString message; // translated
};

struct PrintRegisterFilter
{
    QString serial; // empty: all
    bool openOnly = false; // not destroyed
};

// The print register (DESIGN §8): one row per physical copy and its lifecycle, append-only and
// hash-chained like the audit log; every event is audited in the same transaction. Nothing in it is
// ever edited or deleted. Copies and events are two tables with ONE hash chain across both in the order
// they were written (core/reports/PrintRegisterRepository): an event cannot be moved before its copy, and
// verify() names the first row that was changed, removed or inserted. A copy's state is derived from its
// events. Second persons (who receives a copy, who witnesses its destruction) confirm with their own
// password — and their authenticator code when they have enrolled one — on the recorder's screen
// (AuthService::confirmPerson).
class PrintRegister
{
    Q_DECLARE_TR_FUNCTIONS(PrintRegister)
public:
    explicit PrintRegister(ReportContext& context);

    Result<QList<PrintCopy>> list(const Session& session, const PrintRegisterFilter& filter = {});
    Result<PrintCopy> copy(const Session& session, const QString& serial, int copy);
    // `recipient` signs for the copy with their own password (and `totpCode` when they have enrolled a second factor).
    Status receive(const Session& session, const QString& serial, int copy, const QString& recipient,
        const SecureBytes& password, const QString& totpCode = QString());
    // A data-subject report given to the customer it is about (the customer signs the paper form).
    Status handOver(const Session& session, const QString& serial, int copy, const QString& note);
    // At most three days (DESIGN §8).
    Status lend(const Session& session, const QString& serial, int copy, const QString& borrower,
        const QDateTime& dueUtc, const QString& note);
    Status giveBack(const Session& session, const QString& serial, int copy, const QString& note);
    // Destroyed under the supervision of `witness`, a second account (branch manager or auditor) who
    // confirms with their own password (and `witnessTotp` when they have enrolled a second factor).
    Status destroy(const Session& session, const QString& serial, int copy, const QString& witness,
        const SecureBytes& witnessPassword, const QString& method, const QString& witnessTotp = QString());
    // Overdue lendings, printouts past their period of use and not destroyed, prints never finished.
    Result<QList<PrintAlert>> alerts(const Session& session);
    // A serial typed by hand, or the text of a page's QR code.
    Result<PrintTrace> trace(const Session& session, const QString& serialOrCode);
    // Walks the register's hash chain; names the first row that does not match.
    Status verify(const Session& session);

    static QString stateLabel(PrintCopyState state); // translated
    static QString eventLabel(PrintEventKind kind); // translated
    static QString eventKey(PrintEventKind kind); // "printed", "handed_over", ... (stored, --json)

private:
    ReportContext& m_context;
};

} // namespace bv
