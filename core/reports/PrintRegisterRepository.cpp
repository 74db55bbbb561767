#include "core/internal/reports/PrintRegisterRepository.h"

#include "core/audit/AuditActions.h"
#include "core/audit/AuditService.h"
#include "core/customers/rules/WorkingCalendar.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/db/Database.h"
#include "core/internal/db/QueryRows.h"
#include "core/internal/reports/ReportContext.h"

#include <QHash>
#include <QRegularExpression>
#include <QtEndian>

#include <sodium.h>

#include <algorithm>

namespace bv {

namespace {

constexpr char kCopies[] = "print_copies";
constexpr char kEvents[] = "print_events";
constexpr int kHashBytes = 32;

// The columns of each table in the order the encoder takes them: insert binds and verify selects exactly these.
const QStringList& columnsOf(const char* table)
{
    static const QStringList copies {QStringLiteral("serial"), QStringLiteral("copy"), QStringLiteral("job"),
        QStringLiteral("report"), QStringLiteral("title"), QStringLiteral("parameters"), QStringLiteral("request_json"),
        QStringLiteral("holds_grade1"), QStringLiteral("medium"), QStringLiteral("printed_by"),
        QStringLiteral("approved_by"), QStringLiteral("request_id"), QStringLiteral("printed_at"),
        QStringLiteral("valid_until")};
    static const QStringList events {QStringLiteral("serial"), QStringLiteral("copy"), QStringLiteral("kind"),
        QStringLiteral("at"), QStringLiteral("by_user"), QStringLiteral("person"), QStringLiteral("due"),
        QStringLiteral("pages"), QStringLiteral("note")};
    return qstrcmp(table, kCopies) == 0 ? copies : events;
}

QVariant nullInteger()
{
    return QVariant(QMetaType::fromType<qlonglong>());
}

QVariant nullText()
{
    return QVariant(QMetaType::fromType<QString>());
}

QVariant textOrNull(const QString& text)
{
    return text.isEmpty() ? nullText() : QVariant(text);
}

QVariant idOrNull(qint64 id)
{
    return id > 0 ? QVariant(id) : nullInteger();
}

QString isoMs(const QDateTime& time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime timeFrom(const QVariant& value)
{
    if (value.isNull())
        return QDateTime();
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs); // stored with 'Z': UTC
}

bool isIntegral(const QVariant& value)
{
    switch (value.typeId()) {
    case QMetaType::Bool:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        return true;
    default:
        return false;
    }
}

// THE encoder of the register's hash chain (DESIGN §7's rule, applied to the print register): BLAKE2b-256 over
// a version tag, the previous row's hash, the table, the row's place in the chain and every column value, each
// as a type tag, a 4-byte big-endian length and its bytes (integers in decimal, text in UTF-8, NULL empty).
// Used by append() and verify() alike.
QByteArray chainHash(const QByteArray& prevHash, const char* table, qint64 seq, const QVariantList& values)
{
    QByteArray encoded;
    auto put = [&encoded](char tag, const QByteArray& bytes) {
        encoded.append(tag);
        char length[4];
        qToBigEndian(quint32(bytes.size()), length);
        encoded.append(length, 4);
        encoded.append(bytes);
    };
    put('v', QByteArrayLiteral("bv-print-register-1"));
    put('h', prevHash);
    put('t', QByteArray(table));
    put('i', QByteArray::number(seq));
    for (const QVariant& value : values) {
        if (value.isNull())
            put('n', QByteArray());
        else if (isIntegral(value))
            put('i', QByteArray::number(value.toLongLong()));
        else
            put('s', value.toString().toUtf8());
    }
    QByteArray hash(kHashBytes, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char*>(hash.data()), std::size_t(hash.size()),
        reinterpret_cast<const unsigned char*>(encoded.constData()), quint64(encoded.size()), nullptr, 0);
    return hash;
}

QByteArray genesisHash(const QString& databaseId)
{
    const QByteArray text = QByteArrayLiteral("bv-print-register-genesis|") + databaseId.toUtf8();
    QByteArray hash(kHashBytes, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char*>(hash.data()), std::size_t(hash.size()),
        reinterpret_cast<const unsigned char*>(text.constData()), quint64(text.size()), nullptr, 0);
    return hash;
}

std::optional<PrintEventKind> eventFromKey(const QString& key)
{
    for (PrintEventKind kind : {PrintEventKind::Printed, PrintEventKind::Failed, PrintEventKind::Received,
             PrintEventKind::HandedOver, PrintEventKind::Lent, PrintEventKind::Returned, PrintEventKind::Destroyed}) {
        if (PrintRegisterRepository::eventKey(kind) == key)
            return kind;
    }
    return std::nullopt;
}

} // namespace

PrintRegisterRepository::PrintRegisterRepository(Connection& db, QString databaseId)
    : m_db(db)
    , m_databaseId(std::move(databaseId))
{
}

QString PrintRegisterRepository::readingContext()
{
    return tr("Reading the print register");
}

QString PrintRegisterRepository::branchTimeText(const QDateTime& utc)
{
    const QTimeZone zone = WorkingCalendar::branchTimeZone();
    const QDateTime local = utc.toTimeZone(zone);
    const int offset = zone.offsetFromUtc(utc);
    const int minutes = qAbs(offset) / 60;
    return QStringLiteral("%1 (UTC%2%3:%4)")
        .arg(local.toString(QStringLiteral("yyyy-MM-dd HH:mm")), offset < 0 ? QStringLiteral("-") : QStringLiteral("+"))
        .arg(minutes / 60, 2, 10, QLatin1Char('0'))
        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

QDate PrintRegisterRepository::branchDate(const QDateTime& utc)
{
    return utc.toTimeZone(WorkingCalendar::branchTimeZone()).date();
}

QString PrintRegisterRepository::mediumKey(PrintMedium medium)
{
    return medium == PrintMedium::Pdf ? QStringLiteral("pdf") : QStringLiteral("printer");
}

QString PrintRegisterRepository::eventKey(PrintEventKind kind)
{
    switch (kind) {
    case PrintEventKind::Printed:
        return QStringLiteral("printed");
    case PrintEventKind::Failed:
        return QStringLiteral("failed");
    case PrintEventKind::Received:
        return QStringLiteral("received");
    case PrintEventKind::HandedOver:
        return QStringLiteral("handed_over");
    case PrintEventKind::Lent:
        return QStringLiteral("lent");
    case PrintEventKind::Returned:
        return QStringLiteral("returned");
    case PrintEventKind::Destroyed:
        return QStringLiteral("destroyed");
    }
    return QString();
}

bool PrintRegisterRepository::isSerial(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("^PR-\\d{4}-\\d{6}(/\\d{1,4})?$"));
    return pattern.match(text).hasMatch();
}

Result<QString> PrintRegisterRepository::nextSerial(int year) const
{
    const QString prefix = QStringLiteral("PR-%1-").arg(year, 4, 10, QLatin1Char('0'));
    // The highest serial of the year in the register or in the audit log: a serial is never given twice,
    // even if register rows were deleted behind the register's back.
    auto last = m_db.scalar(QStringLiteral("SELECT max(s) FROM (SELECT max(serial) AS s FROM print_copies WHERE serial "
                                           "LIKE ? || '%' UNION ALL SELECT max(object_id) FROM audit_log WHERE action "
                                           "= ? AND object_id LIKE ? || '%')"),
        {prefix, QString::fromLatin1(audit::ReportPrint), prefix});
    if (!last.ok())
        return last.error();
    int number = 0;
    if (!last->isNull())
        number = last->toString().mid(prefix.size()).toInt();
    if (number >= 999999)
        return makeError(ErrorCode::Conflict,
            tr("All serial numbers of %1 are used up. Printing can continue next year; ask the developers if this "
               "branch really prints this much.")
                .arg(year));
    return QString(prefix + QStringLiteral("%1").arg(number + 1, 6, 10, QLatin1Char('0')));
}

Result<QPair<int, int>> PrintRegisterRepository::lastCopyAndJob(const QString& serial) const
{
    auto q = m_db.query(
        QStringLiteral("SELECT coalesce(max(copy), 0), coalesce(max(job), 0) FROM print_copies WHERE serial = ?"),
        {serial});
    if (!q.ok())
        return q.error();
    QPair<int, int> last {0, 0};
    if (q->next())
        last = {q->value(0).toInt(), q->value(1).toInt()};
    BV_TRY(rowsFinished(*q, readingContext()));
    return last;
}

Result<QPair<qint64, QByteArray>> PrintRegisterRepository::head() const
{
    QPair<qint64, QByteArray> head {0, genesisHash(m_databaseId)};
    for (const char* table : {kCopies, kEvents}) {
        auto q = m_db.query(
            QStringLiteral("SELECT seq, hash FROM %1 ORDER BY seq DESC LIMIT 1").arg(QLatin1String(table)));
        if (!q.ok())
            return q.error();
        if (q->next() && q->value(0).toLongLong() > head.first)
            head = {q->value(0).toLongLong(), q->value(1).toByteArray()};
        BV_TRY(rowsFinished(*q, readingContext()));
    }
    return head;
}

Status PrintRegisterRepository::append(const char* table, const QVariantList& values)
{
    auto last = head();
    if (!last.ok())
        return last.error();
    const qint64 seq = last->first + 1;
    const QByteArray hash = chainHash(last->second, table, seq, values);
    const QStringList& columns = columnsOf(table);
    QStringList marks;
    for (qsizetype i = 0; i < columns.size() + 3; ++i)
        marks << QStringLiteral("?");
    QVariantList bound {seq};
    bound << values << last->second << hash;
    return m_db.exec(
        QStringLiteral("INSERT INTO %1 (seq, %2, prev_hash, hash) VALUES (%3)")
            .arg(QLatin1String(table), columns.join(QStringLiteral(", ")), marks.join(QStringLiteral(", "))),
        bound);
}

Status PrintRegisterRepository::insertCopy(const NewCopy& c)
{
    return append(kCopies,
        {c.serial, c.copy, c.job, c.report, c.title, c.parameters, c.requestJson, c.holdsGrade1 ? 1 : 0,
            mediumKey(c.medium), c.printedBy, idOrNull(c.approvedBy), idOrNull(c.requestId), isoMs(c.printedAtUtc),
            c.validUntil.toString(Qt::ISODate)});
}

Status PrintRegisterRepository::insertEvent(const NewEvent& e)
{
    return append(kEvents,
        {e.serial, e.copy, eventKey(e.kind), isoMs(e.atUtc), e.by, textOrNull(e.person),
            e.dueUtc.isValid() ? QVariant(isoMs(e.dueUtc)) : nullText(),
            e.pages > 0 ? QVariant(e.pages) : nullInteger(), textOrNull(e.note)});
}

void derivePrintCopyState(PrintCopy& copy, const QDateTime& nowUtc)
{
    PrintCopyState state = PrintCopyState::Printing;
    PrintCopyState custody = PrintCopyState::Printed; // where a returned copy goes back to
    QString keeper;
    QString holder;
    QDateTime lentUntil;
    for (const PrintEvent& event : std::as_const(copy.events)) {
        switch (event.kind) {
        case PrintEventKind::Printed:
            state = custody = PrintCopyState::Printed;
            copy.pages = event.pages;
            break;
        case PrintEventKind::Failed:
            state = PrintCopyState::Failed;
            break;
        case PrintEventKind::Received:
            state = custody = PrintCopyState::Received;
            holder = keeper = event.person;
            break;
        case PrintEventKind::HandedOver:
            state = PrintCopyState::HandedOver;
            holder.clear();
            break;
        case PrintEventKind::Lent:
            state = PrintCopyState::Lent;
            holder = event.person;
            lentUntil = event.dueUtc;
            break;
        case PrintEventKind::Returned:
            state = custody;
            holder = keeper;
            lentUntil = QDateTime();
            break;
        case PrintEventKind::Destroyed:
            state = PrintCopyState::Destroyed;
            holder.clear();
            lentUntil = QDateTime();
            break;
        }
    }
    copy.state = state;
    copy.holder = holder;
    copy.lentUntilUtc = lentUntil;
    copy.overdue = state == PrintCopyState::Lent && lentUntil.isValid() && lentUntil < nowUtc;
    const bool inCustody
        = state == PrintCopyState::Printed || state == PrintCopyState::Received || state == PrintCopyState::Lent;
    copy.pastPeriod
        = inCustody && copy.validUntil.isValid() && PrintRegisterRepository::branchDate(nowUtc) > copy.validUntil;
}

Result<QList<RegisterCopy>> PrintRegisterRepository::copies(
    const QString& serial, int copy, const QDateTime& nowUtc) const
{
    QString where;
    QVariantList values;
    if (!serial.isEmpty()) {
        where = copy > 0 ? QStringLiteral(" WHERE c.serial = ? AND c.copy = ?") : QStringLiteral(" WHERE c.serial = ?");
        values << serial;
        if (copy > 0)
            values << copy;
    }
    auto q = m_db.query(QStringLiteral("SELECT c.serial, c.copy, c.job, c.report, c.title, c.parameters, "
                                       "c.request_json, c.holds_grade1, c.medium, c.printed_by, p.login, p.role, "
                                       "c.approved_by, a.login, c.request_id, c.printed_at, c.valid_until "
                                       "FROM print_copies c JOIN users p ON p.id = c.printed_by "
                                       "LEFT JOIN users a ON a.id = c.approved_by")
            + where + QStringLiteral(" ORDER BY c.serial, c.copy"),
        values);
    if (!q.ok())
        return q.error();
    QList<RegisterCopy> result;
    QHash<QString, qsizetype> index; // "serial/copy" → position in result
    while (q->next()) {
        RegisterCopy row;
        PrintCopy& c = row.copy;
        c.serial = q->value(0).toString();
        c.copy = q->value(1).toInt();
        row.job = q->value(2).toInt();
        c.report = q->value(3).toString();
        c.title = q->value(4).toString();
        c.parameters = q->value(5).toString();
        row.requestJson = q->value(6).toString();
        c.holdsGrade1 = q->value(7).toInt() != 0;
        c.medium = q->value(8).toString() == QLatin1String("pdf") ? PrintMedium::Pdf : PrintMedium::Printer;
        row.printedById = q->value(9).toLongLong();
        c.printedBy = q->value(10).toString();
        row.printedByRole = Roles::fromKey(q->value(11).toString()).value_or(Role::Clerk);
        row.approvedById = q->value(12).toLongLong();
        c.approvedBy = q->value(13).toString();
        c.requestId = q->value(14).toLongLong();
        c.printedAtUtc = timeFrom(q->value(15));
        c.validUntil = QDate::fromString(q->value(16).toString(), Qt::ISODate);
        index.insert(c.serial + QLatin1Char('/') + QString::number(c.copy), result.size());
        result << row;
    }
    BV_TRY(rowsFinished(*q, readingContext()));
    if (result.isEmpty())
        return result;

    QString eventWhere = where;
    eventWhere.replace(QStringLiteral("c."), QStringLiteral("e."));
    auto events = m_db.query(QStringLiteral("SELECT e.serial, e.copy, e.kind, e.at, u.login, e.person, e.due, e.pages, "
                                            "e.note FROM print_events e JOIN users u ON u.id = e.by_user")
            + eventWhere + QStringLiteral(" ORDER BY e.seq"),
        values);
    if (!events.ok())
        return events.error();
    while (events->next()) {
        const auto at = index.constFind(events->value(0).toString() + QLatin1Char('/') + events->value(1).toString());
        const auto kind = eventFromKey(events->value(2).toString());
        if (at == index.cend() || !kind)
            continue; // the chain's verification names such a row
        PrintEvent event;
        event.kind = *kind;
        event.atUtc = timeFrom(events->value(3));
        event.by = events->value(4).toString();
        event.person = events->value(5).toString();
        event.dueUtc = timeFrom(events->value(6));
        event.pages = events->value(7).toInt();
        event.note = events->value(8).toString();
        result[*at].copy.events << event;
    }
    BV_TRY(rowsFinished(*events, readingContext()));
    for (RegisterCopy& row : result)
        derivePrintCopyState(row.copy, nowUtc);
    return result;
}

Result<RegisterVerification> PrintRegisterRepository::verify() const
{
    // Both tables in one pass, merged by seq: the chain runs across them in insertion order.
    struct Cursor
    {
        const char* table;
        QSqlQuery query;
        bool valid = false;
        qint64 seq = 0;
    };
    QList<Cursor> cursors;
    for (const char* table : {kCopies, kEvents}) {
        auto q = m_db.query(QStringLiteral("SELECT seq, %1, prev_hash, hash FROM %2 ORDER BY seq")
                                .arg(columnsOf(table).join(QStringLiteral(", ")), QLatin1String(table)));
        if (!q.ok())
            return q.error();
        cursors.append(Cursor {table, std::move(q).value()});
    }
    // One step of one table's rows; a failed read is an error, never the end of the chain.
    auto advance = [](Cursor& cursor) -> Status {
        QSqlQuery& rows = cursor.query;
        cursor.valid = rows.next();
        cursor.seq = cursor.valid ? rows.value(0).toLongLong() : 0;
        return rowsFinished(rows, readingContext());
    };
    for (Cursor& cursor : cursors)
        BV_TRY(advance(cursor));

    RegisterVerification result;
    QByteArray previous = genesisHash(m_databaseId);
    qint64 expected = 1;
    while (true) {
        Cursor* next = nullptr;
        for (Cursor& cursor : cursors) {
            if (cursor.valid && (!next || cursor.seq < next->seq))
                next = &cursor;
        }
        if (!next)
            break;
        const QSqlQuery& row = next->query;
        const QStringList& columns = columnsOf(next->table);
        QVariantList values;
        for (qsizetype i = 0; i < columns.size(); ++i)
            values << row.value(int(i) + 1);
        const QByteArray prevHash = row.value(int(columns.size()) + 1).toByteArray();
        const QByteArray hash = row.value(int(columns.size()) + 2).toByteArray();
        const bool isCopy = next->table == kCopies;
        const QString serial = values.value(0).toString();
        const QString copyNo = values.value(1).toString();
        const QString name = isCopy ? tr("copy %1/%2 (register row %3)").arg(serial, copyNo).arg(next->seq)
                                    : tr("the \"%1\" event of copy %2/%3 (register row %4)")
                                          .arg(values.value(2).toString(), serial, copyNo)
                                          .arg(next->seq);
        QString problem;
        if (next->seq != expected)
            problem = next->seq > expected
                ? tr("register row %1 is missing: it was deleted, and %2 follows the gap.").arg(expected).arg(name)
                : tr("%1 appears twice in the chain.").arg(name);
        else if (prevHash != previous)
            problem = tr("%1 does not continue the chain: a row before it was changed, removed or inserted.").arg(name);
        else if (chainHash(previous, next->table, next->seq, values) != hash)
            problem = tr("%1 does not match its hash: it was changed after it was written.").arg(name);
        if (!problem.isEmpty()) {
            result.firstBrokenSeq = next->seq > expected ? expected : next->seq;
            result.problem = problem;
            return result;
        }
        previous = hash;
        ++expected;
        ++result.rowsChecked;
        BV_TRY(advance(*next));
    }
    // The chain cannot show its newest rows deleted (the rest still links up); the audit log, whose own chain
    // and checkpoints show any deletion, names every print: each retained report.print row must find its serial
    // here.
    auto missing = m_db.query(QStringLiteral("SELECT a.seq, a.object_id FROM audit_log a WHERE a.action = ? AND "
                                             "NOT EXISTS (SELECT 1 FROM print_copies c WHERE c.serial = a.object_id) "
                                             "ORDER BY a.seq LIMIT 1"),
        {QString::fromLatin1(audit::ReportPrint)});
    if (!missing.ok())
        return missing.error();
    if (missing->next()) {
        result.firstBrokenSeq = expected;
        result.problem = tr("the printout %1 of audit row %2 is missing from the register: register rows were "
                            "deleted.")
                             .arg(missing->value(1).toString())
                             .arg(missing->value(0).toLongLong());
        missing->finish();
        return result;
    }
    BV_TRY(rowsFinished(*missing, readingContext()));
    return result;
}

Result<QList<PrintAlert>> PrintRegisterRepository::alerts(const QDateTime& nowUtc) const
{
    auto all = copies(QString(), 0, nowUtc);
    if (!all.ok())
        return all.error();
    return alertsOf(*all, nowUtc);
}

QList<PrintAlert> PrintRegisterRepository::alertsOf(const QList<RegisterCopy>& copies, const QDateTime& nowUtc)
{
    QList<PrintAlert> alerts;
    for (const RegisterCopy& row : copies) {
        const PrintCopy& c = row.copy;
        const QString name = QStringLiteral("%1/%2").arg(c.serial).arg(c.copy);
        if (c.overdue) {
            alerts << PrintAlert {PrintAlert::Kind::OverdueLending, c.serial, c.copy, c.lentUntilUtc,
                tr("Copy %1 lent to %2 was due back on %3 and has not been returned. Get it back and record the "
                   "return, or report it lost.")
                    .arg(name, c.holder, branchTimeText(c.lentUntilUtc))};
        }
        if (c.pastPeriod) {
            QDateTime since = c.validUntil.addDays(1).startOfDay(WorkingCalendar::branchTimeZone()).toUTC();
            alerts << PrintAlert {PrintAlert::Kind::PastPeriodOfUse, c.serial, c.copy, since,
                tr("Copy %1 (%2) was to be used until %3 and has not been destroyed. Destroy it with a witness and "
                   "record the destruction.")
                    .arg(name, c.title, c.validUntil.toString(Qt::ISODate))};
        }
        if (c.state == PrintCopyState::Printing && c.printedAtUtc.secsTo(nowUtc) >= kUnfinishedAfterSecs) {
            alerts << PrintAlert {PrintAlert::Kind::UnfinishedPrint, c.serial, c.copy, c.printedAtUtc,
                tr("Copy %1 was registered for printing by %2 at %3 and its outcome was never recorded (the program "
                   "may have stopped while printing). Find out whether it was printed; a printed copy is collected "
                   "and destroyed with a witness.")
                    .arg(name, c.printedBy, branchTimeText(c.printedAtUtc))};
        }
    }
    std::stable_sort(
        alerts.begin(), alerts.end(), [](const PrintAlert& a, const PrintAlert& b) { return a.sinceUtc < b.sinceUtc; });
    return alerts;
}

Status appendPrintAlerts(ReportContext& context, const QDateTime& untilUtc, QList<AuditAlert>* alerts)
{
    PrintRegisterRepository store(context.db, context.auditLog.databaseId());
    const QDateTime now = context.clock.nowUtc();
    auto copies = store.copies(QString(), 0, now);
    if (!copies.ok())
        return copies.error();
    QHash<QString, QString> printedBy;
    for (const RegisterCopy& row : std::as_const(*copies))
        printedBy.insert(row.copy.serial + QLatin1Char('/') + QString::number(row.copy.copy), row.copy.printedBy);
    for (const PrintAlert& alert : PrintRegisterRepository::alertsOf(*copies, now)) {
        if (untilUtc.isValid() && alert.sinceUtc >= untilUtc)
            continue;
        AuditAlert entry;
        switch (alert.kind) {
        case PrintAlert::Kind::OverdueLending:
            entry.kind = QStringLiteral("print_overdue");
            break;
        case PrintAlert::Kind::PastPeriodOfUse:
            entry.kind = QStringLiteral("print_past_period");
            break;
        case PrintAlert::Kind::UnfinishedPrint:
            entry.kind = QStringLiteral("print_unfinished");
            break;
        }
        entry.login = printedBy.value(alert.serial + QLatin1Char('/') + QString::number(alert.copy));
        entry.from = alert.sinceUtc;
        entry.to = now;
        entry.count = 1;
        entry.description = alert.message;
        alerts->append(entry);
    }
    return {};
}

} // namespace bv
