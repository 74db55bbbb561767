#include "core/internal/customers/ImportRun.h"

#include "core/auth/AccountService.h"
#include "core/customers/lifecycle/CustomerEntry.h"
#include "core/customers/rules/CustomerValidator.h"
#include "core/internal/customers/CustomerServiceInternal.h"
#include "core/internal/customers/CustomerStoreInternal.h"

#include <QRegularExpression>
#include <QSet>

// CustomerImport, the rows: the values of one row normalised (Excel's dates and scientific numbers, Chinese names of
// the fixed choices), checked all at once, and created as a pending record through CustomerEntry. The file, the
// batches and the report are in CustomerImport.cpp.

namespace bv {

namespace importrun {

QString key(const char* k)
{
    return QString::fromLatin1(k);
}

namespace {

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

} // namespace

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
            CustomerImport::tr(
                "No staff account has the login in the column \"Customer manager\". Enter the login of an active "
                "customer manager (as used to sign in)."),
            QString(), key(fields::Manager));
    } else if (!account.ok()) {
        Error error = account.error(); // a database failure: not cached, the next row asks again
        error.field = key(fields::Manager);
        return error;
    } else if (account->role != Role::CustomerManager || account->frozen) {
        outcome = makeError(ErrorCode::InvalidInput,
            CustomerImport::tr(
                "The login in the column \"Customer manager\" is not an active customer manager account. Enter "
                "the login of the active customer manager who will be responsible for this customer."),
            QString(), key(fields::Manager));
    } else {
        outcome = account->id;
    }
    m_managers.insert(folded, outcome);
    return outcome;
}

std::optional<Candidate> Run::check(const CsvRow& row)
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
                CustomerImport::tr(
                    "Excel has turned this number into scientific notation (such as 6.2E+18), which loses digits. "
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
                    CustomerImport::tr("The account's opening date must be a date written as YYYY-MM-DD."));
                refused.insert(key(fields::AccountOpenedOn));
            }
        }
        input.accounts.append(account);
    } else if (!refused.contains(key(fields::AccountNumber)) && (!accountType.isEmpty() || !openedText.isEmpty())) {
        problem(line, key(fields::AccountNumber),
            CustomerImport::tr(
                "An account type or opening date is filled in, but the account or card number is empty. Enter the "
                "number, or clear the account cells."));
    }

    // The responsible customer manager.
    if (m_actor.role == Role::Manager) {
        if (managerLogin.isEmpty()) {
            problem(line, key(fields::Manager),
                CustomerImport::tr(
                    "Enter the login of the customer manager who will be responsible for this customer in the "
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
            CustomerImport::tr(
                "You can import only customers you will be responsible for yourself: leave the column \"Customer "
                "manager\" empty or enter your own login. The branch manager can import customers for other "
                "customer managers."));
    }

    // Every field problem of the row at once (create() would name only the first).
    if (!m_today.isValid())
        m_today = m_internals.store().today(); // one date for the whole run, as for the rows written together
    ValidatedCustomer validated = CustomerValidator::validate(input, m_today);
    for (const Error& error : validated.errors) {
        if (refused.contains(error.field))
            continue;
        problem(line, error.field, error.message);
    }
    if (report.problems.size() > problemsBefore)
        return std::nullopt;
    return Candidate {line, std::move(input), std::move(validated)};
}

QList<Created> Run::write(const QList<Candidate>& candidates)
{
    QList<Created> created;
    if (candidates.isEmpty())
        return created;
    // Duplicates (in the database and in earlier rows of this file, already pending) and the manager are checked
    // again by createMany() inside the batch's transaction.
    QList<CustomerEntry::NewRecord> records;
    records.reserve(candidates.size());
    for (const Candidate& candidate : candidates)
        records.append({candidate.validated, candidate.input.managerId});
    auto many = failBatchWritesForTesting ? Result<QList<Result<EntryReceipt>>>(
                    makeError(ErrorCode::Internal, QStringLiteral("batch refused for a test")))
                                          : m_internals.entry().createMany(m_session, records);
    if (many.ok()) {
        for (qsizetype i = 0; i < candidates.size(); ++i) {
            const Result<EntryReceipt>& receipt = many->at(i);
            if (receipt.ok())
                created.append(Created {candidates.at(i).line, receipt->customerNumber, receipt->warnings});
            else
                problem(candidates.at(i).line, receipt.error().field, receipt.error().message);
        }
        return created;
    }
    if (isStorageFailure(many.error().code)) {
        storageFailure = many.error(); // not the rows' fault: the import stops here
        return {};
    }
    // The batch failed as a whole: each row alone, so that only the row at fault is refused.
    for (const Candidate& candidate : candidates) {
        auto receipt = m_internals.entry().create(m_session, candidate.input);
        if (!receipt.ok() && isStorageFailure(receipt.error().code)) {
            storageFailure = receipt.error();
            return {};
        }
        if (!receipt.ok())
            problem(candidate.line, receipt.error().field, receipt.error().message);
        else
            created.append(Created {candidate.line, receipt->customerNumber, receipt->warnings});
    }
    return created;
}

} // namespace importrun

} // namespace bv
