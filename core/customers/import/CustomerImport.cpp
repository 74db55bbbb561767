#include "core/customers/import/CustomerImport.h"

#include "core/audit/AuditActions.h"
#include "core/customers/rules/CsvReader.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/common/HeapRelease.h"
#include "core/internal/common/StageClock.h"
#include "core/internal/customers/CustomerServiceInternal.h"
#include "core/internal/customers/CustomerStoreInternal.h"
#include "core/internal/customers/ImportRun.h"
#include "core/internal/db/Database.h"
#include "core/internal/db/Transaction.h"
#include "core/internal/policy/AccessControl.h"
#include "core/policy/FieldCatalogue.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonObject>

#include <algorithm>
#include <optional>
#include <tuple>

// The rows of a file become pending records in ImportRun.cpp; here: the template, the file read in batches, the
// report file and the summary audit row.

namespace bv {

using namespace importrun;

namespace {

// The template's columns, in order: the entry fields of a new customer, one account, and the manager.
const char* const kTemplateKeys[] = {
    fields::Name,
    fields::IdType,
    fields::IdNumber,
    fields::Sex,
    fields::BirthDate,
    fields::Nationality,
    fields::Mobile,
    fields::OtherPhone,
    fields::Email,
    fields::Address,
    fields::Occupation,
    fields::Employer,
    fields::IncomeBand,
    fields::MaritalStatus,
    fields::Family,
    fields::RiskRating,
    fields::AssetsUnderManagement,
    fields::ProductHoldings,
    fields::AccountNumber,
    fields::AccountType,
    fields::AccountOpenedOn,
    fields::Manager,
};

// One cell of a CSV file: quoted when needed; a leading = + - @ is defused so that a spreadsheet does not
// run it as a formula.
QString csvCell(const QString& text)
{
    QString value = text;
    if (!value.isEmpty() && QStringLiteral("=+-@\t\r").contains(value.at(0)))
        value.prepend(QLatin1Char('\''));
    if (value.contains(QLatin1Char(',')) || value.contains(QLatin1Char('"')) || value.contains(QLatin1Char('\n'))
        || value.contains(QLatin1Char('\r')) || value != value.trimmed()) {
        value.replace(QLatin1String("\""), QLatin1String("\"\""));
        value = QLatin1Char('"') + value + QLatin1Char('"');
    }
    return value;
}

QByteArray csvLine(const QStringList& cells)
{
    QStringList out;
    out.reserve(cells.size());
    for (const QString& cell : cells)
        out.append(csvCell(cell));
    return out.join(QLatin1Char(',')).toUtf8() + "\r\n";
}

const QByteArray kBom("\xEF\xBB\xBF");

QString encodingKey(CsvReader::Encoding encoding)
{
    switch (encoding) {
    case CsvReader::Encoding::Utf8:
        return QStringLiteral("utf-8");
    case CsvReader::Encoding::Utf8WithBom:
        return QStringLiteral("utf-8-bom");
    case CsvReader::Encoding::Gb18030:
        return QStringLiteral("gb18030");
    case CsvReader::Encoding::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

} // namespace

CustomerImport::CustomerImport(CustomerServiceInternals& internals)
    : m_internals(internals)
{
}

QList<CsvColumn> CustomerImport::templateColumns()
{
    QList<CsvColumn> columns;
    for (const char* k : kTemplateKeys) {
        const FieldSpec* spec = FieldCatalogue::find(key(k));
        Q_ASSERT(spec);
        if (!spec)
            continue;
        // The manager column is required only from a branch manager; importFile() checks that. Sex (and the
        // birth date) come from a mainland ID number when the cell is empty; the row's validation asks for
        // them where they cannot be derived.
        const bool required = spec->required && qstrcmp(k, fields::Manager) != 0 && qstrcmp(k, fields::Sex) != 0;
        columns.append(
            CsvColumn {key(k), QString::fromUtf8(spec->english), QString::fromUtf8(spec->chinese), required});
    }
    return columns;
}

QByteArray CustomerImport::templateCsv()
{
    QStringList headings;
    for (const CsvColumn& column : templateColumns())
        headings.append(column.english);
    return kBom + csvLine(headings);
}

Result<ImportReport> CustomerImport::importFile(
    const Session& session, const QString& path, const QString& reportPath, const Progress& progress)
{
    const HeapRelease released; // what the file's rows freed goes back to the system when this returns
    // Where the time goes, stage by stage, when the benchmark (or its test) installed a StageClock on this thread;
    // otherwise every mark below is free. Nothing of the import depends on it.
    using Stage = StageClock::Stage;
    const StageClock::Run timed;
    auto actor = m_internals.access().authorize(session, Operation::ImportCustomers);
    if (!actor.ok())
        return actor.error();
    const QString fileName = QFileInfo(path).fileName();
    const QString operationKey = Operations::key(Operation::ImportCustomers);

    // A refused file changes nothing; the attempt is recorded (file name and error code, nothing from the file).
    const auto refuse = [&](const Error& error) -> Error {
        (void)m_internals.auditLog().appendStandalone(*actor,
            AuditEvent {QString::fromLatin1(audit::CustomerImport), QStringLiteral("operation"), operationKey,
                QString(), AuditOutcome::Failed,
                QJsonObject {
                    {QStringLiteral("file"), fileName}, {QStringLiteral("error"), errorCodeName(error.code)}}});
        return error;
    };

    if (!reportPath.isEmpty() && QFileInfo::exists(reportPath))
        return refuse(makeError(ErrorCode::AlreadyExists,
            tr("The report file already exists and is not overwritten. Choose another name for the report, or "
               "move the old one away, then import again."),
            QFileInfo(reportPath).fileName()));

    QFile file(path);
    if (!file.exists())
        return refuse(makeError(ErrorCode::NotFound,
            tr("The import file does not exist. Check the folder and the file name, then import again."), fileName));
    if (!file.open(QIODevice::ReadOnly))
        return refuse(makeError(ErrorCode::Io,
            tr("The import file could not be opened. Check that you may read it and that no other program "
               "locks it, then import again."),
            file.errorString()));

    CsvReader reader;
    if (Status opened = reader.open(&file); !opened.ok())
        return refuse(opened.error());
    if (progress) {
        reader.setProgressCallback(progress);
        progress(reader.bytesConsumed(), reader.totalBytes());
    }
    if (Status header = reader.readHeader(templateColumns()); !header.ok())
        return refuse(header.error());
    const QStringList headerKeys = reader.headerKeys();
    if (actor->role == Role::Manager && !headerKeys.contains(key(fields::Manager)))
        return refuse(makeError(ErrorCode::InvalidInput,
            tr("As branch manager, add the column \"Customer manager\" (客户经理) with the login of the customer "
               "manager responsible for each customer, then import again."),
            QString(), key(fields::Manager)));

    // The report file is created now, empty, so that a name already taken (or a folder that cannot be
    // written) is found before anything changes; it is filled in at the end.
    QFile reportFile(reportPath);
    if (!reportPath.isEmpty() && !reportFile.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return refuse(makeError(reportFile.exists() ? ErrorCode::AlreadyExists : ErrorCode::Io,
            tr("The report file could not be created. Choose a new file name in a folder you may write to, then "
               "import again."),
            reportFile.errorString()));

    Run run(m_internals, session, *actor, headerKeys);
    ImportReport& report = run.report;
    Database& db = m_internals.database();
    std::optional<Error> stopped; // the file (or the database) failed: reading stopped there
    qint64 stoppedLine = 0;
    for (bool end = false; !end && !stopped;) {
        StageClock::mark(Stage::Commit);
        Transaction tx(db);
        if (!tx.ok()) {
            stopped = tx.error();
            break;
        }
        QList<Candidate> candidates; // checked, written together at the end of the batch
        StageClock::mark(Stage::ReadValidate);
        for (qint64 inBatch = 0; inBatch < m_batchRows;) {
            CsvRow row;
            const Result<bool> more = reader.readRow(&row);
            if (!more.ok() && reader.failed()) {
                stopped = more.error();
                stoppedLine = row.line;
                break;
            }
            if (more.ok() && !*more) {
                end = true;
                break;
            }
            ++inBatch;
            ++report.rows;
            if (!more.ok()) { // a row the CSV reader refused (quotes, too many values, overlong value)
                ++report.rejected;
                run.problem(row.line, more.error().field, more.error().message);
                continue;
            }
            if (std::optional<Candidate> candidate = run.check(row))
                candidates.append(std::move(*candidate));
            else
                ++report.rejected;
        }

        QList<Created> batch;
        if (!stopped && !candidates.isEmpty()) {
            run.failBatchWritesForTesting = m_failBatchWrites;
            batch = run.write(candidates);
            if (run.storageFailure) {
                stopped = run.storageFailure;
                stoppedLine = candidates.constFirst().line;
            } else {
                report.rejected += candidates.size() - batch.size(); // refused there (a duplicate ID number)
            }
        }
        if (stopped) // nothing of this batch is kept: each row read and checked is reported as not saved
            for (const Candidate& candidate : std::as_const(candidates))
                batch.append(Created {candidate.line, QString(), {}});

        StageClock::mark(Stage::Commit);
        std::optional<Error> lost = stopped;
        if (!stopped) {
            if (Status committed = tx.commit(); !committed.ok()) {
                lost = committed.error();
                if (isStorageFailure(committed.error().code)) {
                    stopped = committed.error();
                    stoppedLine = batch.isEmpty() ? 0 : batch.constFirst().line;
                }
            }
        } else {
            tx.rollback(); // everything read from a failing file is discarded
        }
        StageClock::mark(Stage::None);
        if (lost) {
            for (const Created& created : std::as_const(batch)) {
                ++report.rejected;
                run.problem(created.line, QString(),
                    tr("Not saved: %1 The rows read together with this one were not saved either; import them "
                       "again (rows already saved are refused as duplicates, so nothing is entered twice).")
                        .arg(lost->message));
            }
            continue;
        }
        for (const Created& created : std::as_const(batch)) {
            ++report.accepted;
            report.createdNumbers.append(created.number);
            for (const QString& warning : created.warnings)
                run.warnings.append(Warning {created.line, warning});
        }
    }

    if (stopped) {
        report.stoppedBy = *stopped;
        run.problem(stoppedLine, QString(),
            tr("The import stopped: %1 The rows after those listed here were not read; import them again.")
                .arg(stopped->message));
    }
    // In file order: by line, then by column (A … Z, AA …); a row's problems without a column stay last.
    std::stable_sort(
        report.problems.begin(), report.problems.end(), [](const ImportProblem& a, const ImportProblem& b) {
            const auto place = [](const ImportProblem& p) {
                return std::make_tuple(p.line, p.column.isEmpty(), p.column.size(), p.column);
            };
            return place(a) < place(b);
        });
    std::stable_sort(
        run.warnings.begin(), run.warnings.end(), [](const Warning& a, const Warning& b) { return a.line < b.line; });
    for (const Warning& warning : std::as_const(run.warnings))
        report.warnings.append(tr("Line %1: %2").arg(QString::number(warning.line), warning.message));
    if (report.rows == 0 && !stopped)
        report.warnings.append(tr("The file has a heading row but no customer rows: nothing was imported."));

    // The report file: a summary, then one line per problem and per warning. Messages never hold values.
    bool reportWritten = false;
    if (reportFile.isOpen()) {
        QByteArray text = kBom;
        text += csvLine({tr("BranchVault import report")});
        text += csvLine({tr("File"), fileName});
        text += csvLine({tr("Imported by"), actor->login});
        text += csvLine({tr("Imported at (UTC)"), m_internals.store().now().toUTC().toString(Qt::ISODate)});
        text += csvLine({tr("Rows"), QString::number(report.rows)});
        text += csvLine({tr("Accepted (pending review)"), QString::number(report.accepted)});
        text += csvLine({tr("Rejected"), QString::number(report.rejected)});
        text += "\r\n";
        text += csvLine({tr("Line"), tr("Column"), tr("Field"), tr("Message")});
        for (const ImportProblem& p : std::as_const(report.problems))
            text += csvLine({QString::number(p.line), p.column, p.field, p.message});
        if (!run.warnings.isEmpty()) {
            text += "\r\n";
            text += csvLine({tr("Line"), tr("Warning")});
            for (const Warning& w : std::as_const(run.warnings))
                text += csvLine({QString::number(w.line), w.message});
        }
        reportWritten = reportFile.write(text) == text.size() && reportFile.flush();
        const QString reason = reportFile.errorString();
        reportFile.close();
        if (!reportWritten) {
            reportFile.remove();
            report.warnings.append(tr("The report file could not be written (%1). The problems are listed here; "
                                      "copy them before closing.")
                                       .arg(reason));
        }
    }

    // The summary row; each pending record has its own customer.create row, written with it.
    QJsonObject details {{QStringLiteral("file"), fileName},
        {QStringLiteral("encoding"), encodingKey(reader.encoding())}, {QStringLiteral("rows"), report.rows},
        {QStringLiteral("accepted"), report.accepted}, {QStringLiteral("rejected"), report.rejected},
        {QStringLiteral("report"), reportWritten}};
    if (stopped)
        details.insert(QStringLiteral("stopped"), errorCodeName(stopped->code));
    StageClock::mark(Stage::Audit);
    const Status summary = m_internals.auditLog().appendStandalone(*actor,
        AuditEvent {QString::fromLatin1(audit::CustomerImport), QStringLiteral("operation"), operationKey, QString(),
            stopped ? AuditOutcome::Failed : AuditOutcome::Ok, details});
    StageClock::mark(Stage::None);
    if (!summary.ok())
        report.warnings.append(tr("The summary of this import could not be written to the audit log (%1). Each "
                                  "imported record has its own audit row; tell the system administrator.")
                                   .arg(summary.error().message));
    return report;
}

} // namespace bv
