// Helpers shared by the customer commands (CustomerCommands.cpp, CustomerReviewCommands.cpp,
// CustomerCareCommands.cpp): times and dates on the command line and in the output, ids, diffs.
#pragma once

#include "app/cli/Cli.h"
#include "core/common/Result.h"
#include "core/customers/CustomerRecord.h"
#include "core/customers/lifecycle/CustomerEntry.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonValue>

#include <optional>

namespace bv {
class Core;
}

namespace bv::cli {

class CustomerCli
{
    Q_DECLARE_TR_FUNCTIONS(CustomerCli)
public:
    // Output: ISO 8601 UTC with milliseconds ("" / null when unset), ISO dates.
    static QString iso(const QDateTime& at);
    static QJsonValue time(const QDateTime& at);
    static QJsonValue date(const QDate& day);
    static QString dash(const QString& text) { return text.isEmpty() ? QStringLiteral("-") : text; }
    static QString dateText(const QDate& day)
    {
        return day.isValid() ? day.toString(Qt::ISODate) : QStringLiteral("-");
    }
    static QString timeText(const QDateTime& at)
    {
        return at.isValid() ? at.toUTC().toString(Qt::ISODate) : QStringLiteral("-");
    }
    // Free text on one line of text output.
    static QString oneLine(const QString& text) { return text.simplified(); }

    // A positive whole number (change, complaint, tier change, pair id), or nullopt.
    static std::optional<qint64> positiveId(const QString& text);
    // --OPTION YYYY-MM-DD.
    static Result<QDate> parseDate(const QString& option, const QString& text);
    // --OPTION TIME: an ISO 8601 date (00:00 branch time, UTC+8) or date-time (branch time unless it carries Z
    // or an offset), as audit list takes it.
    static Result<QDateTime> parseTime(const QString& option, const QString& text);
    // Today in branch time.
    static QDate today(const Core& core);

    // Refuses positional arguments beyond the `count` a subcommand takes (a value with a space that
    // was not quoted ends up there).
    static Status noExtraArguments(const CliContext& ctx, int count);
    // The customer number after the subcommand word, or a usage error naming the subcommand.
    static Result<QString> customerNumber(const CliContext& ctx, const QString& command);
    // The number of a change, complaint, tier change or pair after the subcommand word.
    static Result<qint64> objectId(const CliContext& ctx, const QString& command, const QString& what);
    // Comma-separated values of every occurrence of an option, trimmed, without blanks.
    static QStringList listOption(const CliContext& ctx, const QString& name);
    // A positive --limit (at most `maximum`), or `fallback` when not given.
    static Result<int> limitOption(const CliContext& ctx, int fallback, int maximum);

    // A diff as JSON ([{field, old, new}]) and as one line ("mobile: 138****0001 → 139****0002; …").
    // The values are the masked ones the core gives (grade 1) or grade 2/3 values.
    static QJsonArray diffJson(const QList<FieldDiff>& diff);
    static QString diffText(const QList<FieldDiff>& diff);

    // One customer as customer show and server customer show print it: grade 1 as the core gives it (masked), grade 2
    // when visible, the accounts, the pending change.
    static void customerView(CliContext& ctx, const CustomerView& view);
    // One customer's history as customer history and server customer history print it (masked values).
    static void history(CliContext& ctx, const QString& number, const QList<HistoryEntry>& entries);

    // The result of the clerk's lookup (customer lookup, server customer lookup): the masked card, or exit 4
    // ("no match") naming what to check.
    static int clerkCard(CliContext& ctx, const std::optional<ClerkCard>& card);

    // The result of a reveal (customer reveal, server reveal): the values in the order `fieldKeys` asks for them,
    // every account number ("account_number:<id>") after its field, by account id.
    static void revealed(
        CliContext& ctx, const QString& number, const QStringList& fieldKeys, const QHash<QString, QString>& values);

    // Blind re-key (approvals approve, server change approve): one line of standard input per entry of a change's
    // `rekeyFields`, after the password line, in their order (the lists show them); prompted without echo on a
    // terminal. Never from the command line: these are grade-1 values. The caller wipes what it returns.
    static Result<RekeyedValues> readRekeyed(qint64 changeId, const QStringList& rekeyFields);
};

// A customer's document (customer add's or edit's JSON: {"values": …, "accounts": …, "restricted": …, "manager": …};
// on an edit only what changes) from --file, or else from standard input (after the password line).
// `managerLogin` receives "manager" when given.
Result<CustomerInput> readCustomerDocument(CliContext& ctx, bool edit, QString* managerLogin);

// customer import|history|close|report|assign|transfer|custody|return|reclaim|assignments, run from the
// customer command (CustomerRecordCommands.cpp).
bool isCustomerRecordCommand(const QString& sub);
int runCustomerRecordCommand(CliContext& ctx, const QString& sub);

} // namespace bv::cli
