#pragma once

#include "core/internal/InternalOnly.h"

// Internal to core: one run of CustomerImport::importFile — how a CSV row becomes a pending record (ImportRun.cpp).
// CustomerImport.cpp reads the file in batches, writes the report file and the summary audit row.

#include "core/auth/Session.h"
#include "core/common/Result.h"
#include "core/customers/import/CustomerImport.h"
#include "core/customers/rules/CsvReader.h"
#include "core/customers/rules/CustomerValidator.h"
#include "core/policy/FieldCatalogue.h"

#include <QCoreApplication>
#include <QHash>
#include <QStringList>

#include <optional>

namespace bv {

class CustomerServiceInternals;

namespace importrun {

// A field key of core/policy/FieldCatalogue.h as text.
QString key(const char* k);

struct Warning
{
    qint64 line = 0;
    QString message;
};

// A row that passed every check of its own, waiting to be written with its batch.
struct Candidate
{
    qint64 line = 0;
    CustomerInput input;
    ValidatedCustomer validated;
};

// A row that became a pending record in the batch not yet committed.
struct Created
{
    qint64 line = 0;
    QString number;
    QStringList warnings;
};

// The state of one import run: the header's columns, cached manager logins, what was found so far.
class Run
{
public:
    Run(CustomerServiceInternals& internals, const Session& session, const Actor& actor, const QStringList& headerKeys)
        : m_internals(internals)
        , m_session(session)
        , m_actor(actor)
        , m_headerKeys(headerKeys)
    {
    }

    ImportReport report;
    QList<Warning> warnings;

    // Spreadsheet letter of the column holding `field` ("" if the file has no such column). The "mobile or
    // address" rule names the mobile; without a mobile column the address column is meant.
    QString columnOf(const QString& field) const
    {
        qsizetype index = m_headerKeys.indexOf(field);
        if (index < 0 && field == key(fields::Mobile))
            index = m_headerKeys.indexOf(key(fields::Address));
        return index < 0 ? QString() : CsvReader::columnLetter(index);
    }

    void problem(qint64 line, const QString& field, const QString& message)
    {
        report.problems.append(ImportProblem {line, columnOf(field), field, message});
    }

    // Builds the entry of one row and checks it: every field problem at once, the responsible manager. Returns
    // the row to write, or nothing when the row was refused (its problems recorded). Writes nothing.
    std::optional<Candidate> check(const CsvRow& row);
    // Writes the checked rows of a batch as pending records (inside the caller's batch transaction) in one
    // savepoint with multi-row statements (CustomerEntry::createMany). When that fails as a whole for a reason that
    // is not the database's (isStorageFailure: those stop the import, as they did row by row) — the session no
    // longer allowed to create, the field keys unavailable — each row again in a savepoint of its own
    // (CustomerEntry::create), which then refuses each row with its own reason. Returns the rows created; a row
    // refused (a duplicate ID number) has its problem recorded.
    QList<Created> write(const QList<Candidate>& candidates);
    std::optional<Error> storageFailure; // set by write() when the database could not be written
    bool failBatchWritesForTesting = false; // write() takes the row-by-row way, as after a failed batch

private:
    Result<qint64> managerFor(const QString& login);

    CustomerServiceInternals& m_internals;
    const Session& m_session;
    const Actor& m_actor;
    const QStringList m_headerKeys;
    QDate m_today;
    QHash<QString, Result<qint64>> m_managers; // login (lower case) → account id or the reason it cannot be used
};

} // namespace importrun

} // namespace bv
