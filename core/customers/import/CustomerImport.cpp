#include "core/customers/import/CustomerImport.h"

#include "core/audit/AuditActions.h"
#include "core/audit/AuditLog.h"
#include "core/auth/AccountService.h"
#include "core/customers/lifecycle/CustomerEntry.h"
#include "core/customers/rules/CsvReader.h"
#include "core/customers/rules/CustomerValidator.h"
#include "core/db/Database.h"
#include "core/db/Transaction.h"
#include "core/internal/customers/CustomerServiceInternal.h"
#include "core/internal/customers/CustomerStoreInternal.h"
#include "core/policy/AccessControl.h"
#include "core/policy/FieldCatalogue.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <optional>
#include <tuple>

namespace bv {

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

QString key(const char* k)
{
    return QString::fromLatin1(k);
}

// Values typed in Chinese (or with other capitalisation) for the fixed choices, mapped to their stored keys.
// Only names that mean exactly one key are listed (docs/IMPORT.md lists them).
struct Alias
{
    const char* field;
    const char* text; // UTF-8
    const char* value;
};

const Alias kAliases[] = {
    {fields::IdType, "居民身份证", "mainland_id"},
    {fields::IdType, "身份证", "mainland_id"},
    {fields::IdType, "港澳居民来往内地通行证", "hk_macau_permit"},
    {fields::IdType, "港澳居民居住证", "hk_macau_permit"},
    {fields::IdType, "台湾居民来往大陆通行证", "taiwan_permit"},
    {fields::IdType, "台湾居民居住证", "taiwan_permit"},
    {fields::IdType, "外国人永久居留身份证", "foreign_permanent_residence"},
    {fields::IdType, "中国护照", "passport_cn"},
    {fields::IdType, "外国护照", "passport_foreign"},
    {fields::IdType, "其他证件", "other"},
    {fields::AccountType, "借记卡", "debit_card"},
    {fields::AccountType, "信用卡", "credit_card"},
    {fields::AccountType, "定期存款", "fixed_deposit"},
    {fields::MaritalStatus, "未婚", "single"},
    {fields::MaritalStatus, "已婚", "married"},
    {fields::MaritalStatus, "离异", "divorced"},
    {fields::MaritalStatus, "丧偶", "widowed"},
};

QStringList choicesOf(const QString& field)
{
    if (field == key(fields::AccountType))
        return CustomerValidator::accountTypes();
    if (field == key(fields::MaritalStatus))
        return CustomerValidator::maritalStatuses();
    if (field == key(fields::IncomeBand))
        return CustomerValidator::incomeBands();
    if (field == key(fields::RiskRating))
        return CustomerValidator::riskRatings();
    if (field == key(fields::IdType))
        return {QStringLiteral("mainland_id"), QStringLiteral("hk_macau_permit"), QStringLiteral("taiwan_permit"),
            QStringLiteral("foreign_permanent_residence"), QStringLiteral("passport_cn"),
            QStringLiteral("passport_foreign"), QStringLiteral("other")};
    return {};
}

// A choice as typed → its key: the key itself in any capitalisation, or a Chinese name. Anything else is
// returned unchanged for the validator to refuse with its own message.
QString normalizeChoice(const QString& field, const QString& value)
{
    for (const QString& choice : choicesOf(field)) {
        if (value.compare(choice, Qt::CaseInsensitive) == 0)
            return choice;
    }
    for (const Alias& alias : kAliases) {
        if (field == key(alias.field) && value == QString::fromUtf8(alias.text))
            return key(alias.value);
    }
    return value;
}

// Excel shows dates in the workstation's short format and saves them so in a CSV file (2015/1/1 on Chinese
// Windows). YYYY-M-D and YYYY/M/D become YYYY-MM-DD; anything else is left for the validator to refuse.
QString normalizeDate(const QString& value)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})$"));
    const QRegularExpressionMatch m = pattern.match(value);
    if (!m.hasMatch())
        return value;
    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    return date.isValid() ? date.toString(Qt::ISODate) : value;
}

// 1.10105E+17: what Excel makes of a long number in a cell not formatted as text (the digits are lost).
bool looksLikeScientific(const QString& value)
{
    static const QRegularExpression pattern(QStringLiteral("^\\d+([.,]\\d+)?[eE]\\+?\\d+$"));
    return pattern.match(value).hasMatch();
}

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

struct Warning
{
    qint64 line = 0;
    QString message;
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
    Q_DECLARE_TR_FUNCTIONS(CustomerImport)
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

    // Builds the entry of one row and creates it (inside the caller's batch transaction). Returns the
    // receipt, or nothing when the row was refused (its problems recorded).
    std::optional<Created> process(const CsvRow& row);
    std::optional<Error> storageFailure; // set by process() when the database could not be written

private:
    Result<qint64> managerFor(const QString& login);

    CustomerServiceInternals& m_internals;
    const Session& m_session;
    const Actor& m_actor;
    const QStringList m_headerKeys;
    QHash<QString, Result<qint64>> m_managers; // login (lower case) → account id or the reason it cannot be used
};

Result<qint64> Run::managerFor(const QString& login)
{
    const QString folded = login.toLower();
    const auto cached = m_managers.constFind(folded);
    if (cached != m_managers.cend())
        return *cached;
    Result<qint64> outcome = qint64(0);
    auto account = m_internals.accounts().accountByLogin(login);
    if (!account.ok() && account.code() == ErrorCode::NotFound) {
        outcome = makeError(ErrorCode::InvalidInput,
            tr("No staff account has the login in the column \"Customer manager\". Enter the login of an active "
               "customer manager (as used to sign in)."),
            QString(), key(fields::Manager));
    } else if (!account.ok()) {
        Error error = account.error(); // a database failure: not cached, the next row asks again
        error.field = key(fields::Manager);
        return error;
    } else if (account->role != Role::CustomerManager || account->frozen) {
        outcome = makeError(ErrorCode::InvalidInput,
            tr("The login in the column \"Customer manager\" is not an active customer manager account. Enter "
               "the login of the active customer manager who will be responsible for this customer."),
            QString(), key(fields::Manager));
    } else {
        outcome = account->id;
    }
    m_managers.insert(folded, outcome);
    return outcome;
}

std::optional<Created> Run::process(const CsvRow& row)
{
    const qint64 line = row.line;
    const qsizetype problemsBefore = report.problems.size();
    CustomerInput input;
    QString accountNumber;
    QString accountType;
    QString openedText;
    QString managerLogin;
    QSet<QString> refused; // fields already reported: the validator's "is required" would only repeat them

    for (auto it = row.values.cbegin(); it != row.values.cend(); ++it) {
        const QString field = it.key();
        QString value = it.value().trimmed();
        if (value.isEmpty())
            continue;
        if ((field == key(fields::IdNumber) || field == key(fields::Mobile) || field == key(fields::OtherPhone)
                || field == key(fields::AccountNumber))
            && looksLikeScientific(value)) {
            problem(line, field,
                tr("Excel has turned this number into scientific notation (such as 6.2E+18), which loses digits. "
                   "Format the column as Text in Excel, type the number again, save and import again."));
            refused.insert(field);
            continue;
        }
        if (field == key(fields::Manager)) {
            managerLogin = value;
        } else if (field == key(fields::AccountNumber)) {
            accountNumber = value;
        } else if (field == key(fields::AccountType)) {
            accountType = normalizeChoice(field, value);
        } else if (field == key(fields::AccountOpenedOn)) {
            openedText = normalizeDate(value);
        } else {
            if (field == key(fields::BirthDate))
                value = normalizeDate(value);
            else if (!choicesOf(field).isEmpty())
                value = normalizeChoice(field, value);
            input.values.insert(field, value);
        }
    }

    // One account per row; an account type or date without a number is not dropped silently.
    if (!accountNumber.isEmpty()) {
        AccountInput account;
        account.number = accountNumber;
        account.type = accountType;
        if (!openedText.isEmpty()) {
            account.openedOn = QDate::fromString(openedText, Qt::ISODate);
            if (!account.openedOn.isValid()) {
                problem(line, key(fields::AccountOpenedOn),
                    tr("The account's opening date must be a date written as YYYY-MM-DD."));
                refused.insert(key(fields::AccountOpenedOn));
            }
        }
        input.accounts.append(account);
    } else if (!refused.contains(key(fields::AccountNumber)) && (!accountType.isEmpty() || !openedText.isEmpty())) {
        problem(line, key(fields::AccountNumber),
            tr("An account type or opening date is filled in, but the account or card number is empty. Enter the "
               "number, or clear the account cells."));
    }

    // The responsible customer manager.
    if (m_actor.role == Role::Manager) {
        if (managerLogin.isEmpty()) {
            problem(line, key(fields::Manager),
                tr("Enter the login of the customer manager who will be responsible for this customer in the "
                   "column \"Customer manager\"."));
        } else {
            const Result<qint64> manager = managerFor(managerLogin);
            if (manager.ok())
                input.managerId = *manager;
            else
                problem(line, key(fields::Manager), manager.error().message);
        }
    } else if (!managerLogin.isEmpty() && managerLogin.compare(m_actor.login, Qt::CaseInsensitive) != 0) {
        problem(line, key(fields::Manager),
            tr("You can import only customers you will be responsible for yourself: leave the column \"Customer "
               "manager\" empty or enter your own login. The branch manager can import customers for other "
               "customer managers."));
    }

    // Every field problem of the row at once (create() would name only the first).
    const ValidatedCustomer validated = CustomerValidator::validate(input, m_internals.store().today());
    for (const Error& error : validated.errors) {
        if (refused.contains(error.field))
            continue;
        problem(line, error.field, error.message);
    }
    if (report.problems.size() > problemsBefore)
        return std::nullopt;

    // Duplicates (in the database and earlier rows of this file, already pending) and the manager are
    // checked by create(), which makes the pending record in a savepoint of the batch transaction.
    auto receipt = m_internals.entry().create(m_session, input);
    if (!receipt.ok() && isStorageFailure(receipt.error().code)) {
        storageFailure = receipt.error(); // not the row's fault: the import stops here
        return std::nullopt;
    }
    if (!receipt.ok()) {
        problem(line, receipt.error().field, receipt.error().message);
        return std::nullopt;
    }
    return Created {line, receipt->customerNumber, receipt->warnings};
}

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
        Transaction tx(db);
        if (!tx.ok()) {
            stopped = tx.error();
            break;
        }
        QList<Created> batch;
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
            std::optional<Created> created = run.process(row);
            if (run.storageFailure) {
                stopped = run.storageFailure;
                stoppedLine = row.line;
                break;
            }
            if (created)
                batch.append(*created);
            else
                ++report.rejected;
        }

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
    const Status summary = m_internals.auditLog().appendStandalone(*actor,
        AuditEvent {QString::fromLatin1(audit::CustomerImport), QStringLiteral("operation"), operationKey, QString(),
            stopped ? AuditOutcome::Failed : AuditOutcome::Ok, details});
    if (!summary.ok())
        report.warnings.append(tr("The summary of this import could not be written to the audit log (%1). Each "
                                  "imported record has its own audit row; tell the system administrator.")
                                   .arg(summary.error().message));
    return report;
}

} // namespace bv
