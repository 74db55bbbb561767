#include "core/reports/PrintRegister.h"

#include "core/audit/AuditActions.h"
#include "core/auth/AuthService.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/db/Database.h"
#include "core/internal/db/Transaction.h"
#include "core/internal/policy/AccessControl.h"
#include "core/internal/reports/PrintCodes.h"
#include "core/internal/reports/PrintRegisterRepository.h"
#include "core/internal/reports/ReportContext.h"
#include "core/policy/FreeText.h"

#include <QJsonObject>

#include <functional>

namespace bv {

namespace {

constexpr qint64 kMaxLendSecs = 3 * 24 * 3600; // DESIGN §8: a printout is lent for at most three days
constexpr int kMaxNoteChars = 200;
constexpr int kMaxPersonChars = 60;
const QString kPrintObject = QStringLiteral("print");
const QString kDataSubjectReport = QStringLiteral("data_subject");

QString copyName(const QString& serial, int copy)
{
    return QStringLiteral("%1/%2").arg(serial).arg(copy);
}

QString normalSerial(const QString& serial)
{
    return serial.trimmed().toUpper();
}

// Why nothing of this kind can be recorded for the copy in its present state (the next step named).
Error stateRefusal(const PrintCopy& copy)
{
    const QString name = copyName(copy.serial, copy.copy);
    QString message;
    switch (copy.state) {
    case PrintCopyState::Printing:
        message = PrintRegister::tr("Copy %1 is still being printed: its printer records how the print ended first.")
                      .arg(name);
        break;
    case PrintCopyState::Failed:
        message = PrintRegister::tr("Copy %1 failed to print: there is no printout to record this for. Pages that came "
                                    "out are destroyed with a witness.")
                      .arg(name);
        break;
    case PrintCopyState::Lent:
        message = PrintRegister::tr("Copy %1 is lent to %2 until %3: record its return first.")
                      .arg(name, copy.holder, PrintRegisterRepository::branchTimeText(copy.lentUntilUtc));
        break;
    case PrintCopyState::HandedOver:
        message = PrintRegister::tr("Copy %1 was handed over to the customer it is about: it is no longer in the "
                                    "branch's custody.")
                      .arg(name);
        break;
    case PrintCopyState::Destroyed:
        message = PrintRegister::tr("Copy %1 was destroyed: nothing more can be recorded for it.").arg(name);
        break;
    case PrintCopyState::Printed:
    case PrintCopyState::Received:
        message = PrintRegister::tr("Copy %1 is not lent out: there is nothing to give back.").arg(name);
        break;
    }
    return makeError(ErrorCode::Conflict, message);
}

Status stateIn(const PrintCopy& copy, std::initializer_list<PrintCopyState> allowed)
{
    for (PrintCopyState state : allowed) {
        if (copy.state == state)
            return {};
    }
    return stateRefusal(copy);
}

// A note, a borrower or a destruction method: trimmed, within `maximum` characters, and never an ID, phone or
// card number or a secret (free text, DESIGN §4).
Result<QString> checkedText(const QString& text, const QString& field, const QString& label, int maximum, bool required)
{
    const QString value = text.simplified();
    if (required && value.isEmpty())
        return makeError(ErrorCode::InvalidInput, PrintRegister::tr("Fill in %1.").arg(label), QString(), field);
    if (value.size() > maximum)
        return makeError(ErrorCode::InvalidInput,
            PrintRegister::tr("Keep %1 to %2 characters at most.").arg(label).arg(maximum), QString(), field);
    const QList<FreeTextFinding> findings = FreeText::check(value);
    if (!findings.isEmpty())
        return FreeText::refusal(findings, field, label);
    return value;
}

// One copy for a lifecycle action: it exists; a customer manager acts only on copies they printed (refusal
// audited). Outside a transaction.
Result<RegisterCopy> target(
    ReportContext& context, const Actor& actor, Operation operation, const QString& serial, int copy)
{
    PrintRegisterRepository store(context.db, context.auditLog.databaseId());
    auto rows = store.copies(serial, qMax(copy, 1), context.clock.nowUtc());
    if (!rows.ok())
        return rows.error();
    if (rows->isEmpty() || copy < 1)
        return makeError(ErrorCode::NotFound,
            PrintRegister::tr("There is no copy %1 in the print register. Check the serial number and the copy.")
                .arg(copyName(serial.left(40), copy)));
    const RegisterCopy& row = rows->first();
    if (actor.role != Role::Manager && row.printedById != actor.userId)
        return context.access.deny(actor, operation, kPrintObject, copyName(serial, copy), QString(),
            PrintRegister::tr("Copy %1 was printed by another account: a customer manager records events only for "
                              "copies they printed. Ask the branch manager.")
                .arg(copyName(serial, copy)));
    return row;
}

// Appends one lifecycle event and its audit row in one transaction, after `check` passed on the copy as it is
// inside that transaction.
Status recordEvent(ReportContext& context, const Actor& actor, PrintRegisterRepository::NewEvent event,
    const std::function<Status(const RegisterCopy&)>& check, const char* action, QJsonObject details)
{
    PrintRegisterRepository store(context.db, context.auditLog.databaseId());
    Transaction tx(context.db);
    if (!tx.ok())
        return tx.error();
    const QDateTime now = context.clock.nowUtc();
    auto rows = store.copies(event.serial, event.copy, now);
    if (!rows.ok())
        return rows.error();
    if (rows->isEmpty())
        return makeError(ErrorCode::NotFound,
            PrintRegister::tr("There is no copy %1 in the print register. Check the serial number and the copy.")
                .arg(copyName(event.serial, event.copy)));
    BV_TRY(check(rows->first()));
    event.atUtc = now;
    event.by = actor.userId;
    BV_TRY(store.insertEvent(event));
    details.insert(QStringLiteral("serial"), event.serial);
    details.insert(QStringLiteral("copy"), event.copy);
    BV_TRY(context.auditLog.append(actor,
        AuditEvent {QString::fromLatin1(action), kPrintObject, copyName(event.serial, event.copy), QString(),
            AuditOutcome::Ok, details}));
    return tx.commit();
}

QString verdictKey(PrintTrace::Verdict verdict)
{
    switch (verdict) {
    case PrintTrace::Verdict::Genuine:
        return QStringLiteral("genuine");
    case PrintTrace::Verdict::UnknownSerial:
        return QStringLiteral("unknown_serial");
    case PrintTrace::Verdict::MacMismatch:
        return QStringLiteral("mac_mismatch");
    case PrintTrace::Verdict::NotBranchVault:
        return QStringLiteral("not_branchvault");
    }
    return QString();
}

} // namespace

PrintRegister::PrintRegister(ReportContext& context)
    : m_context(context)
{
}

Result<QList<PrintCopy>> PrintRegister::list(const Session& session, const PrintRegisterFilter& filter)
{
    auto actor = m_context.access.authorize(session, Operation::ViewPrintRegister);
    if (!actor.ok())
        return actor.error();
    const QString serial = normalSerial(filter.serial);
    PrintRegisterRepository store(m_context.db, m_context.auditLog.databaseId());
    auto rows = store.copies(serial, 0, m_context.clock.nowUtc());
    if (!rows.ok())
        return rows.error();
    QList<PrintCopy> copies;
    for (const RegisterCopy& row : std::as_const(*rows)) {
        if (!filter.openOnly || row.copy.state != PrintCopyState::Destroyed)
            copies << row.copy;
    }
    QJsonObject details {{QStringLiteral("openOnly"), filter.openOnly}, {QStringLiteral("rows"), copies.size()}};
    if (!serial.isEmpty())
        details.insert(QStringLiteral("serial"), serial.left(40));
    BV_TRY(m_context.auditLog.appendStandalone(*actor,
        AuditEvent {
            QString::fromLatin1(audit::PrintList), kPrintObject, QString(), QString(), AuditOutcome::Ok, details}));
    return copies;
}

Result<PrintCopy> PrintRegister::copy(const Session& session, const QString& serial, int copy)
{
    auto actor = m_context.access.authorize(session, Operation::ViewPrintRegister);
    if (!actor.ok())
        return actor.error();
    const QString number = normalSerial(serial);
    PrintRegisterRepository store(m_context.db, m_context.auditLog.databaseId());
    auto rows = store.copies(number, qMax(copy, 1), m_context.clock.nowUtc());
    if (!rows.ok())
        return rows.error();
    if (rows->isEmpty() || copy < 1)
        return makeError(ErrorCode::NotFound,
            tr("There is no copy %1 in the print register. Check the serial number and the copy.")
                .arg(copyName(number.left(40), copy)));
    return rows->first().copy;
}

Status PrintRegister::receive(const Session& session, const QString& serial, int copy, const QString& recipient,
    const SecureBytes& password, const QString& totpCode)
{
    auto actor = m_context.access.authorize(session, Operation::RecordPrintEvent);
    if (!actor.ok())
        return actor.error();
    const QString number = normalSerial(serial);
    auto row = target(m_context, *actor, Operation::RecordPrintEvent, number, copy);
    if (!row.ok())
        return row.error();
    auto receivable = [](const RegisterCopy& r) {
        return stateIn(r.copy, {PrintCopyState::Printed, PrintCopyState::Received});
    };
    BV_TRY(receivable(*row));
    // The person who receives the printout signs for it with their own password, on this screen; the recorder
    // may be that person, typing their password again.
    auto person = m_context.auth.confirmPerson(recipient, password, totpCode, QString::fromLatin1(audit::PrintReceive));
    if (!person.ok())
        return person.error();
    const bool customerData = !Roles::isPrivileged(row->printedByRole);
    if (customerData ? (person->role != Role::Manager && person->role != Role::CustomerManager)
                     : person->role == Role::Clerk)
        return makeError(ErrorCode::InvalidInput,
            customerData ? tr("%1 (%2) may not hold a printout with customer information: it is received by a branch "
                              "manager or a customer manager.")
                               .arg(person->login, Roles::label(person->role))
                         : tr("%1 (%2) may not hold this printout: it is received by a branch manager, an auditor or "
                              "an administrator.")
                               .arg(person->login, Roles::label(person->role)),
            QString(), QStringLiteral("recipient"));
    // Grade-1 values (a masked roster, a data-subject form) stay with the people whose approval or own customer
    // it was: the branch manager, or the one who printed it.
    if (row->copy.holdsGrade1 && person->role != Role::Manager && person->userId != row->printedById)
        return makeError(ErrorCode::InvalidInput,
            tr("%1 may not hold copy %2: it holds grade-1 information, so it is received by a branch manager or by "
               "the person who printed it.")
                .arg(person->login, copyName(number, copy)),
            QString(), QStringLiteral("recipient"));
    PrintRegisterRepository::NewEvent event;
    event.serial = number;
    event.copy = copy;
    event.kind = PrintEventKind::Received;
    event.person = person->login;
    return recordEvent(m_context, *actor, event, receivable, audit::PrintReceive,
        QJsonObject {{QStringLiteral("recipient"), person->login}});
}

Status PrintRegister::handOver(const Session& session, const QString& serial, int copy, const QString& note)
{
    auto actor = m_context.access.authorize(session, Operation::RecordPrintEvent);
    if (!actor.ok())
        return actor.error();
    const QString number = normalSerial(serial);
    auto row = target(m_context, *actor, Operation::RecordPrintEvent, number, copy);
    if (!row.ok())
        return row.error();
    if (row->copy.report != kDataSubjectReport)
        return makeError(ErrorCode::Conflict,
            tr("Only a data-subject report is handed over to the customer it is about; copy %1 is \"%2\". Record "
               "who received it instead.")
                .arg(copyName(number, copy), row->copy.title));
    auto checkedNote = checkedText(note, QStringLiteral("note"), tr("the note"), kMaxNoteChars, false);
    if (!checkedNote.ok())
        return checkedNote.error();
    auto handable = [](const RegisterCopy& r) {
        return stateIn(r.copy, {PrintCopyState::Printed, PrintCopyState::Received});
    };
    PrintRegisterRepository::NewEvent event;
    event.serial = number;
    event.copy = copy;
    event.kind = PrintEventKind::HandedOver;
    event.note = *checkedNote;
    return recordEvent(m_context, *actor, event, handable, audit::PrintHandOver,
        QJsonObject {{QStringLiteral("note"), FreeText::forAudit(*checkedNote)}});
}

Status PrintRegister::lend(const Session& session, const QString& serial, int copy, const QString& borrower,
    const QDateTime& dueUtc, const QString& note)
{
    auto actor = m_context.access.authorize(session, Operation::RecordPrintEvent);
    if (!actor.ok())
        return actor.error();
    const QString number = normalSerial(serial);
    auto row = target(m_context, *actor, Operation::RecordPrintEvent, number, copy);
    if (!row.ok())
        return row.error();
    auto lendable = [](const RegisterCopy& r) {
        return stateIn(r.copy, {PrintCopyState::Printed, PrintCopyState::Received});
    };
    BV_TRY(lendable(*row));
    auto who = checkedText(borrower, QStringLiteral("borrower"), tr("who borrows it"), kMaxPersonChars, true);
    if (!who.ok())
        return who.error();
    auto checkedNote = checkedText(note, QStringLiteral("note"), tr("the note"), kMaxNoteChars, false);
    if (!checkedNote.ok())
        return checkedNote.error();
    const QDateTime now = m_context.clock.nowUtc();
    const QDateTime latest = now.addSecs(kMaxLendSecs);
    if (!dueUtc.isValid() || dueUtc <= now)
        return makeError(ErrorCode::InvalidInput,
            tr("Choose when the printout is due back: a time after now, at most three days ahead."), QString(),
            QStringLiteral("due"));
    if (dueUtc > latest)
        return makeError(ErrorCode::InvalidInput,
            tr("A printout may be lent for at most three days: it must be back by %1 at the latest. Choose an "
               "earlier due time, and lend it again after its return if it is still needed.")
                .arg(PrintRegisterRepository::branchTimeText(latest)),
            QString(), QStringLiteral("due"));
    PrintRegisterRepository::NewEvent event;
    event.serial = number;
    event.copy = copy;
    event.kind = PrintEventKind::Lent;
    event.person = *who;
    event.dueUtc = dueUtc.toUTC();
    event.note = *checkedNote;
    return recordEvent(m_context, *actor, event, lendable, audit::PrintLend,
        QJsonObject {{QStringLiteral("borrower"), FreeText::forAudit(*who)},
            {QStringLiteral("due"), dueUtc.toUTC().toString(Qt::ISODateWithMs)},
            {QStringLiteral("note"), FreeText::forAudit(*checkedNote)}});
}

Status PrintRegister::giveBack(const Session& session, const QString& serial, int copy, const QString& note)
{
    auto actor = m_context.access.authorize(session, Operation::RecordPrintEvent);
    if (!actor.ok())
        return actor.error();
    const QString number = normalSerial(serial);
    auto row = target(m_context, *actor, Operation::RecordPrintEvent, number, copy);
    if (!row.ok())
        return row.error();
    auto checkedNote = checkedText(note, QStringLiteral("note"), tr("the note"), kMaxNoteChars, false);
    if (!checkedNote.ok())
        return checkedNote.error();
    auto lent = [](const RegisterCopy& r) { return stateIn(r.copy, {PrintCopyState::Lent}); };
    PrintRegisterRepository::NewEvent event;
    event.serial = number;
    event.copy = copy;
    event.kind = PrintEventKind::Returned;
    event.person = row->copy.holder;
    event.note = *checkedNote;
    return recordEvent(m_context, *actor, event, lent, audit::PrintReturn,
        QJsonObject {{QStringLiteral("borrower"), FreeText::forAudit(row->copy.holder)},
            {QStringLiteral("overdue"), row->copy.overdue},
            {QStringLiteral("note"), FreeText::forAudit(*checkedNote)}});
}

Status PrintRegister::destroy(const Session& session, const QString& serial, int copy, const QString& witness,
    const SecureBytes& witnessPassword, const QString& method, const QString& witnessTotp)
{
    auto actor = m_context.access.authorize(session, Operation::RecordPrintDestruction);
    if (!actor.ok())
        return actor.error();
    const QString number = normalSerial(serial);
    auto row = target(m_context, *actor, Operation::RecordPrintDestruction, number, copy);
    if (!row.ok())
        return row.error();
    auto destroyable = [](const RegisterCopy& r) {
        return stateIn(r.copy, {PrintCopyState::Printed, PrintCopyState::Received, PrintCopyState::Failed});
    };
    BV_TRY(destroyable(*row));
    auto how = checkedText(method, QStringLiteral("method"), tr("how it was destroyed"), kMaxNoteChars, true);
    if (!how.ok())
        return how.error();
    const QString witnessLogin = witness.trimmed();
    if (witnessLogin.isEmpty())
        return makeError(ErrorCode::InvalidInput,
            tr("A printout is destroyed under the supervision of a second person: a branch manager or an auditor "
               "types their login and password as the witness."),
            QString(), QStringLiteral("witness"));
    if (witnessLogin.compare(actor->login, Qt::CaseInsensitive) == 0)
        return makeError(ErrorCode::InvalidInput,
            tr("You cannot witness a destruction you record yourself: a second person, a branch manager or an "
               "auditor, supervises it and confirms with their own password."),
            QString(), QStringLiteral("witness"));
    auto person = m_context.auth.confirmPerson(
        witnessLogin, witnessPassword, witnessTotp, QString::fromLatin1(audit::PrintDestroy));
    if (!person.ok())
        return person.error();
    if (person->userId == actor->userId)
        return makeError(ErrorCode::InvalidInput,
            tr("You cannot witness a destruction you record yourself: a second person, a branch manager or an "
               "auditor, supervises it and confirms with their own password."),
            QString(), QStringLiteral("witness"));
    if (person->role != Role::Manager && person->role != Role::Auditor)
        return makeError(ErrorCode::InvalidInput,
            tr("%1 (%2) cannot witness a destruction: the witness is a branch manager or an auditor.")
                .arg(person->login, Roles::label(person->role)),
            QString(), QStringLiteral("witness"));
    PrintRegisterRepository::NewEvent event;
    event.serial = number;
    event.copy = copy;
    event.kind = PrintEventKind::Destroyed;
    event.person = person->login;
    event.note = *how;
    return recordEvent(m_context, *actor, event, destroyable, audit::PrintDestroy,
        QJsonObject {{QStringLiteral("witness"), person->login}, {QStringLiteral("method"), FreeText::forAudit(*how)},
            {QStringLiteral("state"), PrintRegisterRepository::eventKey(PrintEventKind::Destroyed)}});
}

Result<QList<PrintAlert>> PrintRegister::alerts(const Session& session)
{
    auto actor = m_context.access.authorize(session, Operation::ViewPrintRegister);
    if (!actor.ok())
        return actor.error();
    PrintRegisterRepository store(m_context.db, m_context.auditLog.databaseId());
    auto alerts = store.alerts(m_context.clock.nowUtc());
    if (!alerts.ok())
        return alerts.error();
    BV_TRY(m_context.auditLog.appendStandalone(*actor,
        AuditEvent {QString::fromLatin1(audit::PrintAlerts), kPrintObject, QString(), QString(), AuditOutcome::Ok,
            QJsonObject {{QStringLiteral("alerts"), alerts->size()}}}));
    return alerts;
}

Result<PrintTrace> PrintRegister::trace(const Session& session, const QString& serialOrCode)
{
    auto actor = m_context.access.authorize(session, Operation::TracePrintout);
    if (!actor.ok())
        return actor.error();
    const QString input = serialOrCode.trimmed();
    const QDateTime now = m_context.clock.nowUtc();
    PrintRegisterRepository store(m_context.db, m_context.auditLog.databaseId());
    PrintTrace trace;
    QJsonObject details;
    if (PrintRegisterRepository::isSerial(input.toUpper())) {
        const QString typed = input.toUpper();
        const QString serial = typed.section(QLatin1Char('/'), 0, 0);
        const int copy = typed.contains(QLatin1Char('/')) ? typed.section(QLatin1Char('/'), 1, 1).toInt() : 0;
        details = {{QStringLiteral("input"), QStringLiteral("serial")}, {QStringLiteral("serial"), serial}};
        if (copy > 0)
            details.insert(QStringLiteral("copy"), copy);
        auto rows = store.copies(serial, copy, now);
        if (!rows.ok())
            return rows.error();
        if (rows->isEmpty() || (typed.contains(QLatin1Char('/')) && copy < 1)) {
            trace.verdict = PrintTrace::Verdict::UnknownSerial;
            trace.message = tr("No printout %1 is in the print register. Check the number; a page with a number that "
                               "is not registered was not printed by BranchVault at this branch.")
                                .arg(typed);
        } else {
            trace.verdict = PrintTrace::Verdict::Genuine;
            for (const RegisterCopy& row : std::as_const(*rows))
                trace.copies << row.copy;
            trace.copy = trace.copies.first();
            trace.message = tr("Printout %1 (%2) is in the print register: %n copies, printed by %3 on %4. A typed "
                               "number proves nothing about a page; scan its QR code to check that it is genuine.",
                nullptr, int(trace.copies.size()))
                                .arg(serial, trace.copy.title, trace.copy.printedBy,
                                    PrintRegisterRepository::branchTimeText(trace.copy.printedAtUtc));
        }
    } else if (const auto code = PrintCodes::parse(input)) {
        trace.page = code->page;
        details = {{QStringLiteral("input"), QStringLiteral("code")}, {QStringLiteral("serial"), code->serial},
            {QStringLiteral("copy"), code->copy}, {QStringLiteral("page"), code->page}};
        auto genuine = PrintCodes::matches(m_context.staffCipher, *code);
        if (!genuine.ok())
            return genuine.error();
        auto rows = store.copies(code->serial, code->copy, now);
        if (!rows.ok())
            return rows.error();
        if (*genuine && !rows->isEmpty()) {
            trace.verdict = PrintTrace::Verdict::Genuine;
            trace.copy = rows->first().copy;
            trace.copies = {trace.copy};
            trace.message = tr("Genuine: page %1 of copy %2 of printout %3 (%4), printed by %5 on %6. It is now: %7.")
                                .arg(code->page)
                                .arg(code->copy)
                                .arg(code->serial, trace.copy.title, trace.copy.printedBy,
                                    PrintRegisterRepository::branchTimeText(trace.copy.printedAtUtc),
                                    stateLabel(trace.copy.state));
        } else if (*genuine) {
            trace.verdict = PrintTrace::Verdict::UnknownSerial;
            trace.message = tr("The page code was made with this branch's print key, but copy %1 is not in the print "
                               "register. Verify the print register: a row may have been removed.")
                                .arg(copyName(code->serial, code->copy));
        } else {
            auto serialRows = store.copies(code->serial, 0, now);
            if (!serialRows.ok())
                return serialRows.error();
            if (serialRows->isEmpty()) {
                trace.verdict = PrintTrace::Verdict::UnknownSerial;
                trace.message = tr("The page code names printout %1, which is not in this branch's print register, "
                                   "and its check value does not match: the page was not printed by BranchVault at "
                                   "this branch.")
                                    .arg(code->serial);
            } else {
                trace.verdict = PrintTrace::Verdict::MacMismatch;
                for (const RegisterCopy& row : std::as_const(*serialRows))
                    trace.copies << row.copy;
                trace.copy = trace.copies.first();
                trace.message = tr("The page code names printout %1 of this branch, but its check value does not "
                                   "match: the code was altered or forged. Keep the page and report it to the branch "
                                   "manager and the auditor.")
                                    .arg(code->serial);
            }
        }
    } else {
        trace.verdict = PrintTrace::Verdict::NotBranchVault;
        trace.message = tr("This is not a BranchVault page code or serial number. A BranchVault printout carries a "
                           "serial number such as PR-2026-000001 and a QR code on every page.");
        details = {{QStringLiteral("input"), QStringLiteral("other")}, {QStringLiteral("length"), input.size()}};
    }
    details.insert(QStringLiteral("verdict"), verdictKey(trace.verdict));
    BV_TRY(m_context.auditLog.appendStandalone(*actor,
        AuditEvent {QString::fromLatin1(audit::ReportTrace), kPrintObject,
            details.value(QStringLiteral("serial")).toString(), QString(), AuditOutcome::Ok, details}));
    return trace;
}

Status PrintRegister::verify(const Session& session)
{
    auto actor = m_context.access.authorize(session, Operation::ViewPrintRegister);
    if (!actor.ok())
        return actor.error();
    PrintRegisterRepository store(m_context.db, m_context.auditLog.databaseId());
    auto result = store.verify();
    if (!result.ok())
        return result.error();
    QJsonObject details {{QStringLiteral("result"), result->ok() ? QStringLiteral("intact") : QStringLiteral("broken")},
        {QStringLiteral("rowsChecked"), result->rowsChecked}};
    if (!result->ok())
        details.insert(QStringLiteral("firstBrokenRow"), result->firstBrokenSeq);
    BV_TRY(m_context.auditLog.appendStandalone(*actor,
        AuditEvent {QString::fromLatin1(audit::PrintVerify), kPrintObject, QString(), QString(),
            result->ok() ? AuditOutcome::Ok : AuditOutcome::Failed, details}));
    if (!result->ok())
        return makeError(ErrorCode::Damaged,
            tr("The print register has been altered: %1 Compare it with the audit log, where every print and every "
               "event is recorded, and report it to the auditor.")
                .arg(result->problem));
    return {};
}

QString PrintRegister::eventKey(PrintEventKind kind)
{
    return PrintRegisterRepository::eventKey(kind);
}

QString PrintRegister::stateLabel(PrintCopyState state)
{
    switch (state) {
    case PrintCopyState::Printing:
        return tr("printing");
    case PrintCopyState::Failed:
        return tr("print failed");
    case PrintCopyState::Printed:
        return tr("printed, not yet received");
    case PrintCopyState::Received:
        return tr("received");
    case PrintCopyState::HandedOver:
        return tr("handed over to the customer");
    case PrintCopyState::Lent:
        return tr("lent out");
    case PrintCopyState::Destroyed:
        return tr("destroyed");
    }
    return QString();
}

QString PrintRegister::eventLabel(PrintEventKind kind)
{
    switch (kind) {
    case PrintEventKind::Printed:
        return tr("printed");
    case PrintEventKind::Failed:
        return tr("print failed");
    case PrintEventKind::Received:
        return tr("received and signed for");
    case PrintEventKind::HandedOver:
        return tr("handed over to the customer");
    case PrintEventKind::Lent:
        return tr("lent");
    case PrintEventKind::Returned:
        return tr("returned");
    case PrintEventKind::Destroyed:
        return tr("destroyed with a witness");
    }
    return QString();
}

} // namespace bv
