#pragma once

#include "core/auth/Role.h"
#include "core/common/Result.h"
#include "core/reports/ReportDocument.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace bv {

struct ReportContext;
class Session;

// One parameter a report asks for (the GUI builds its form from these; the CLI takes --param key=value).
struct ReportParameterSpec
{
    enum class Kind
    {
        Text,
        Date, // yyyy-MM-dd
        Month, // yyyy-MM
        Integer,
        Boolean, // "true" / "false"
        CustomerNumber,
        Login, // a staff account
    };
    QString key; // "from", "customer", "with_identities", ...
    QString label; // translated
    Kind kind = Kind::Text;
    QString defaultValue;
    bool required = false;
    QStringList choices; // Text with fixed choices ("active", "all"); empty: free
    QStringList choiceLabels; // translated, one per choice
};

// What the catalogue says about one report.
struct ReportInfo
{
    QString key; // "customer_list"
    QString title; // translated
    QString description; // translated: what it holds, who may run it, whether it needs a grant
    Role role = Role::Manager; // the one role that runs it
    bool mayHoldGrade1 = false; // with some parameters the report holds grade-1 values (masked or full)
    bool needsCustomer = false; // one customer (the data-subject report)
    ReportOrientation orientation = ReportOrientation::Portrait;
    QList<ReportParameterSpec> parameters;
};

struct ReportRequest
{
    QString report; // a ReportInfo key
    QHash<QString, QString> parameters; // ReportParameterSpec key → value; missing: the default
};

enum class PrintMedium
{
    Printer,
    Pdf,
};

// A registered print: the document core built for it and the marks of each copy.
struct PrintJob
{
    QString serial;
    ReportDocument document;
    QList<PrintMarks> copies; // one per physical copy; pageCodes empty until pageCodes() is called
};

// Controlled reports (DESIGN §8), the front door of core/reports. Every operation takes the signed-in
// session, checks the role (each report names the one role that runs it) and, for grade-1 content, a live
// print or export grant; every run and every print is audited in the same transaction.
//
// A print goes: print() builds the document again, reserves the grant, registers one print-register row
// per copy and returns the serial and marks → the renderer lays the document out, asks pageCodes() for
// the QR payload of each page of each copy, and draws → finishPrint() records the outcome: success uses
// the grant up; failure releases it (both audited). A print dialog cancelled before print() is audited
// with printCancelled() and uses nothing.
class ReportService
{
    Q_DECLARE_TR_FUNCTIONS(ReportService)
public:
    explicit ReportService(ReportContext& context);

    // The reports the session's role may run (the administrator: account roster; ...).
    Result<QList<ReportInfo>> catalogue(const Session& session) const;
    // Builds the report for preview or a CSV-free look on screen. Grade-1 content needs a live grant
    // (checked, not used). Audited (report.run).
    Result<ReportDocument> run(const Session& session, const ReportRequest& request);

    // Registers a print of `copies` copies (1–10) and returns the document to render. `periodDays` is the
    // permitted period of use (0: the branch's setting). Reserves the grant for grade-1 content.
    Result<PrintJob> print(
        const Session& session, const ReportRequest& request, int copies, PrintMedium medium, int periodDays = 0);
    // A further copy (副本) of a registered printout, built again with the same parameters; grade-1 content
    // needs a new grant.
    Result<PrintJob> reprint(const Session& session, const QString& serial, int copies, PrintMedium medium);
    // The QR payload of pages 1..pages of copy `copy` of a print still being printed by this session:
    // serial, copy, page and a MAC keyed by the branch's print key, so a printout can be traced and a
    // forged one recognised.
    Result<QStringList> pageCodes(const Session& session, const QString& serial, int copy, int pages);
    // The outcome of a print: `succeeded` uses the grant up and records each copy as printed with its
    // page count; otherwise the grant is released and the copies are recorded as failed with `failure`.
    Status finishPrint(
        const Session& session, const QString& serial, bool succeeded, int pages, const QString& failure = QString());
    // The print dialog (or the PDF file dialog) was cancelled before print(): audited, nothing used.
    Status printCancelled(const Session& session, const ReportRequest& request, PrintMedium medium);

    // The recovery sheet (DESIGN §2) and the audit checkpoint sheet in the controlled layout.
    // `passphraseText` is the recovery passphrase as it is to be printed; it is not stored anywhere.
    ReportDocument recoverySheet(const QString& passphraseText, const QString& branch) const;
    // The same with the database file's path printed on the sheet.
    ReportDocument recoverySheet(
        const QString& passphraseText, const QString& branch, const QString& databasePath) const;

private:
    ReportContext& m_context;
};

} // namespace bv
