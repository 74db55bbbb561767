#pragma once

#include "core/auth/Session.h"
#include "core/common/Result.h"

#include <QCoreApplication>
#include <QStringList>

#include <functional>

namespace bv {

class CustomerServiceInternals;
struct CsvColumn;

struct ImportProblem
{
    qint64 line = 0;
    QString column; // spreadsheet letter, "C"
    QString field; // field key
    QString message;
};

struct ImportReport
{
    qint64 rows = 0;
    qint64 accepted = 0; // became pending records for review
    qint64 rejected = 0;
    QList<ImportProblem> problems;
    QStringList createdNumbers;
    QStringList warnings;
    // Set when the import stopped before the end of the file because the file could not be read or the
    // database could not be written (disk full, I/O, damage): the rows before it are pending records, the
    // rest were not read. Front ends report it with its own code (branchvault-cli exits 17 for a full disk).
    Error stoppedBy;
};

// Offline batch entry (DESIGN §6): a CSV template filled in Excel (UTF-8 with or without BOM, or
// GB18030), every row validated, valid rows become pending records for review, every bad row reported
// with line, column and reason — in the result and in a report file. A file that cannot be read at all
// changes nothing. Progress is reported for large files.
class CustomerImport
{
    Q_DECLARE_TR_FUNCTIONS(CustomerImport)
public:
    explicit CustomerImport(CustomerServiceInternals& internals);

    static QList<CsvColumn> templateColumns();
    static QByteArray templateCsv(); // the header row (English and Chinese names documented in docs/IMPORT.md)

    using Progress = std::function<void(qint64 bytesDone, qint64 bytesTotal)>;
    Result<ImportReport> importFile(const Session& session, const QString& path, const QString& reportPath = QString(),
        const Progress& progress = {});

    // Rows saved per transaction. Each row is a savepoint inside it, so a refused row rolls back alone and
    // the batch commits as a whole. 5,000 rows are one to two seconds of writing on the reference
    // workstation (readers are not blocked: WAL); fewer commits, each an fsync, made the import about 20 %
    // faster than batches of 500 (docs/PERFORMANCE.md). Tests lower it to cross batch boundaries cheaply.
    static constexpr qint64 kDefaultBatchRows = 5000;
    void setBatchRowsForTesting(qint64 rows) { m_batchRows = qMax<qint64>(1, rows); }
    // Each batch's rows are written together (CustomerEntry::createMany); when that fails, row by row. Tests take
    // the row-by-row way for every batch with this, to compare the two.
    void setBatchWritesFailForTesting(bool fail) { m_failBatchWrites = fail; }

private:
    CustomerServiceInternals& m_internals;
    qint64 m_batchRows = kDefaultBatchRows;
    bool m_failBatchWrites = false;
};

} // namespace bv
