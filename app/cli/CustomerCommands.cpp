// customer add|edit|show|list|find|lookup|reveal: entering, reading and finding customers (DESIGN §6). The
// other customer subcommands (import, history, close, report, ownership) live in CustomerRecordCommands.cpp.
#include "app/cli/Cli.h"
#include "app/cli/CliInput.h"
#include "app/cli/CustomerCliSupport.h"
#include "core/Core.h"
#include "core/auth/AccountService.h"
#include "core/customers/CustomerService.h"
#include "core/customers/lifecycle/CustomerEntry.h"
#include "core/customers/lifecycle/CustomerFinder.h"
#include "core/policy/FieldCatalogue.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

namespace bv::cli {

namespace {

constexpr qint64 kMaxDocumentBytes = 1024 * 1024;

// A customer document (customer add / customer edit), read into the core's input.
struct EntryDocument
{
    CustomerInput input;
    QString managerLogin;
    // Accounts of an edit that name an id but leave out the type, opening date or status: those are
    // taken from the record. Per account index: the keys the document gave.
    QList<QSet<QString>> accountKeys;
};

class CustomerCommands
{
    Q_DECLARE_TR_FUNCTIONS(CustomerCommands)
public:
    // A key of the document as it may be shown in a message: only when it looks like a field name (a key
    // that holds a value by mistake is not repeated on stderr).
    static QString keyText(const QString& key)
    {
        static const QRegularExpression name(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]{0,39}$"));
        return name.match(key).hasMatch() ? QStringLiteral("\"%1\"").arg(key) : tr("(a key that is not a field name)");
    }

    static Error documentError(const QString& message, const QString& field = QString())
    {
        return makeError(ErrorCode::InvalidInput, message, QString(), field);
    }

    // The fields a maker enters (FieldCatalogue): the customer's own fields except the general ones the
    // system keeps (number, tier, branch, manager, status, restricted, age band, times).
    static bool isEntryField(const QString& key)
    {
        const FieldSpec* spec = FieldCatalogue::find(key);
        return spec && spec->owner == FieldOwner::Customer && spec->group != FieldGroup::General;
    }

    static QStringList entryFields()
    {
        QStringList out;
        for (const FieldSpec& spec : FieldCatalogue::all()) {
            if (isEntryField(QString::fromLatin1(spec.key)))
                out << QString::fromLatin1(spec.key);
        }
        return out;
    }

    static Result<AccountInput> parseAccount(const QJsonValue& value, int index, bool edit, QSet<QString>* given)
    {
        const QString where = QStringLiteral("accounts[%1]").arg(index);
        if (!value.isObject())
            return documentError(
                tr("%1 must be an object such as {\"number\": …, \"type\": \"debit_card\", \"openedOn\": "
                   "\"2015-01-01\"}.")
                    .arg(where),
                QStringLiteral("accounts"));
        const QJsonObject object = value.toObject();
        static const QStringList keys {QStringLiteral("id"), QStringLiteral("number"), QStringLiteral("type"),
            QStringLiteral("openedOn"), QStringLiteral("status"), QStringLiteral("remove")};
        AccountInput account;
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            const QString key = it.key();
            if (!keys.contains(key))
                return documentError(tr("%1 has the unknown key %2; an account has id, number, type, openedOn, "
                                        "status and remove.")
                                         .arg(where, keyText(key)),
                    QStringLiteral("accounts"));
            given->insert(key);
            const QJsonValue v = it.value();
            if (key == QLatin1String("id")) {
                const qint64 id = v.toInteger(0);
                if (!edit)
                    return documentError(
                        tr("%1 has an id, but a new customer's accounts are new: leave the id out.").arg(where),
                        QStringLiteral("accounts"));
                if (!v.isDouble() || id <= 0 || double(id) != v.toDouble())
                    return documentError(
                        tr("%1.id must be the number of an account of the customer (customer show lists them).")
                            .arg(where),
                        QStringLiteral("accounts"));
                account.id = id;
            } else if (key == QLatin1String("remove")) {
                if (!v.isBool())
                    return documentError(tr("%1.remove must be true or false.").arg(where), QStringLiteral("accounts"));
                account.remove = v.toBool();
            } else {
                if (!v.isString())
                    return documentError(
                        tr("%1.%2 must be text in quotes.").arg(where, key), QStringLiteral("accounts"));
                const QString text = v.toString().trimmed();
                if (key == QLatin1String("number")) {
                    account.number = text;
                } else if (key == QLatin1String("type")) {
                    account.type = text;
                } else if (key == QLatin1String("status")) {
                    account.status = text;
                } else if (!text.isEmpty()) {
                    account.openedOn = QDate::fromString(text, Qt::ISODate);
                    if (!account.openedOn.isValid())
                        return documentError(tr("%1.openedOn must be a date written as YYYY-MM-DD.").arg(where),
                            QStringLiteral("accounts"));
                }
            }
        }
        if (account.remove && account.id <= 0)
            return documentError(tr("%1 is to be removed: give its id (customer show lists the accounts).").arg(where),
                QStringLiteral("accounts"));
        if (edit && account.id <= 0 && account.number.isEmpty())
            return documentError(
                tr("%1 has neither an id (to change an account) nor a number (to add one).").arg(where),
                QStringLiteral("accounts"));
        return account;
    }

    // {"values": {...}, "accounts": [...], "restricted": bool, "manager": "login"}; on an edit only what
    // changes, accounts with "id" to change or remove, and no manager.
    static Result<EntryDocument> parseDocument(const QByteArray& data, bool edit)
    {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
        if (parseError.error != QJsonParseError::NoError)
            return documentError(tr("The customer document is not valid JSON (%1 at character %2). Check the quotes, "
                                    "commas and braces.")
                                     .arg(parseError.errorString())
                                     .arg(parseError.offset));
        if (!document.isObject())
            return documentError(tr("The customer document must be one JSON object: {\"values\": {…}, "
                                    "\"accounts\": […]}."));
        const QJsonObject root = document.object();
        EntryDocument out;
        for (auto it = root.constBegin(); it != root.constEnd(); ++it) {
            const QString key = it.key();
            const QJsonValue value = it.value();
            if (key == QLatin1String("values")) {
                if (!value.isObject())
                    return documentError(tr("\"values\" must be an object of field keys and values, such as "
                                            "{\"name\": …, \"id_number\": …}."),
                        QStringLiteral("values"));
                const QJsonObject values = value.toObject();
                for (auto v = values.constBegin(); v != values.constEnd(); ++v) {
                    const QString field = v.key();
                    if (field == QLatin1String(fields::Manager) || field == QLatin1String(fields::Restricted))
                        return documentError(tr("\"%1\" is not a value of the record: give it at the top level of the "
                                                "document, beside \"values\".")
                                                 .arg(field),
                            field);
                    if (!isEntryField(field))
                        return documentError(tr("\"values\" has the key %1, which is not a field a customer is entered "
                                                "with. The fields are: %2.")
                                                 .arg(keyText(field), entryFields().join(QStringLiteral(", "))),
                            QStringLiteral("values"));
                    const QJsonValue fieldValue = v.value();
                    QString text;
                    if (fieldValue.isString()) {
                        text = fieldValue.toString();
                    } else if (fieldValue.isNull()) {
                        text.clear(); // clears the field on an edit
                    } else if (fieldValue.isDouble() && field == QLatin1String(fields::AssetsUnderManagement)
                        && fieldValue.toDouble() == double(fieldValue.toInteger())) {
                        text = QString::number(fieldValue.toInteger());
                    } else {
                        return documentError(tr("The value of \"%1\" must be text in quotes.").arg(field), field);
                    }
                    out.input.values.insert(field, text);
                }
            } else if (key == QLatin1String("accounts")) {
                if (!value.isArray())
                    return documentError(
                        tr("\"accounts\" must be a list: [{\"number\": …, \"type\": …}]."), QStringLiteral("accounts"));
                const QJsonArray accounts = value.toArray();
                for (int i = 0; i < accounts.size(); ++i) {
                    QSet<QString> given;
                    auto account = parseAccount(accounts.at(i), i, edit, &given);
                    if (!account.ok())
                        return account.error();
                    out.input.accounts << *account;
                    out.accountKeys << given;
                }
            } else if (key == QLatin1String("restricted")) {
                if (!value.isBool())
                    return documentError(tr("\"restricted\" must be true or false."), QStringLiteral("restricted"));
                out.input.restricted = value.toBool();
            } else if (key == QLatin1String("manager")) {
                if (edit)
                    return documentError(tr("An edit does not change the customer manager. A branch manager moves the "
                                            "customer with customer transfer NO --manager LOGIN --reason TEXT."),
                        QStringLiteral("manager"));
                if (!value.isString() || value.toString().trimmed().isEmpty())
                    return documentError(tr("\"manager\" must be the login of a customer manager, in quotes."),
                        QStringLiteral("manager"));
                out.managerLogin = value.toString().trimmed();
            } else {
                return documentError(tr("The customer document has the unknown key %1. Its keys are values, accounts, "
                                        "restricted and manager.")
                                         .arg(keyText(key)));
            }
        }
        if (!edit && out.input.values.isEmpty())
            return documentError(tr("The customer document has no \"values\": give at least the name, the ID number "
                                    "and the mobile or the address."),
                QStringLiteral("values"));
        if (edit && out.input.values.isEmpty() && out.input.accounts.isEmpty() && !out.input.restricted)
            return documentError(
                tr("The document changes nothing: give the fields to change in \"values\", accounts in \"accounts\", "
                   "or \"restricted\"."),
                QStringLiteral("values"));
        return out;
    }

    static Result<QByteArray> readDocumentFile(const QString& path)
    {
        QFile file(path);
        const QString name = QFileInfo(path).fileName();
        if (!file.exists())
            return makeError(ErrorCode::NotFound,
                tr("The file %1 does not exist. Check the folder and the file name.").arg(name), path,
                QStringLiteral("file"));
        if (file.size() > kMaxDocumentBytes)
            return makeError(ErrorCode::InvalidInput,
                tr("The file %1 is larger than 1 MiB; a customer document is much smaller. Check the file.").arg(name),
                QString(), QStringLiteral("file"));
        if (!file.open(QIODevice::ReadOnly))
            return makeError(ErrorCode::Io, tr("The file %1 could not be read. Check that you may read it.").arg(name),
                file.errorString(), QStringLiteral("file"));
        return file.readAll();
    }

    // The document from --file (read before sign-in), or else from standard input after the password line.
    static Result<QByteArray> readDocumentStdin(CliContext& ctx)
    {
        if (CliInput::isTerminal())
            ctx.out.progress(tr("Type or paste the customer document (JSON), then press Ctrl-D."));
        auto data = CliInput::readAll();
        if (!data.ok())
            return data.error();
        if (data->trimmed().isEmpty())
            return makeError(ErrorCode::InvalidInput,
                tr("No customer document: give it as JSON on standard input after the password line, or with "
                   "--file FILE.json."));
        if (data->size() > kMaxDocumentBytes)
            return makeError(ErrorCode::InvalidInput,
                tr("The customer document is larger than 1 MiB; a customer document is much smaller."));
        return std::move(data).value();
    }

    static QJsonObject receiptJson(const EntryReceipt& receipt)
    {
        return QJsonObject {{QStringLiteral("customerNo"), receipt.customerNumber},
            {QStringLiteral("changeId"), receipt.changeId},
            {QStringLiteral("status"), statusKey(ChangeStatus::Pending)},
            {QStringLiteral("warnings"), QJsonArray::fromStringList(receipt.warnings)}};
    }

    static QString warningsText(const QStringList& warnings)
    {
        QString text;
        for (const QString& warning : warnings)
            text += QLatin1Char('\n') + tr("Warning: %1").arg(warning);
        return text;
    }

    static int entry(CliContext& ctx, bool edit)
    {
        QString number;
        if (edit) {
            auto given = CustomerCli::customerNumber(ctx, QStringLiteral("customer edit"));
            if (!given.ok())
                return ctx.out.fail(given.error());
            number = *given;
        }
        BV_CLI_TRY(CustomerCli::noExtraArguments(ctx, edit ? 2 : 1));
        std::optional<EntryDocument> document;
        if (ctx.isSet(QStringLiteral("file"))) {
            auto data = readDocumentFile(ctx.option(QStringLiteral("file")));
            if (!data.ok())
                return ctx.out.fail(data.error());
            auto parsed = parseDocument(*data, edit);
            if (!parsed.ok())
                return ctx.out.fail(parsed.error());
            document = std::move(parsed).value();
        }
        Core* core = nullptr;
        auto session = ctx.begin(&core);
        if (!session.ok())
            return ctx.out.fail(session.error());
        if (!document) {
            auto data = readDocumentStdin(ctx);
            if (!data.ok())
                return ctx.out.fail(data.error());
            auto parsed = parseDocument(*data, edit);
            if (!parsed.ok())
                return ctx.out.fail(parsed.error());
            document = std::move(parsed).value();
        }
        CustomerService& customers = core->customers();

        if (!edit) {
            if (!document->managerLogin.isEmpty()) {
                const Actor& me = session->info();
                if (me.role != Role::Manager && document->managerLogin.compare(me.login, Qt::CaseInsensitive) != 0)
                    return ctx.out.fail(documentError(
                        tr("Only the branch manager names the responsible customer manager; the customers you enter "
                           "are your own. Leave \"manager\" out."),
                        QStringLiteral("manager")));
                auto manager = core->accounts().accountByLogin(document->managerLogin);
                if (!manager.ok() && manager.error().code == ErrorCode::NotFound)
                    return ctx.out.fail(documentError(tr("No staff account has the login %1 given as \"manager\". "
                                                         "Give the login of an active customer manager.")
                                                          .arg(document->managerLogin),
                        QStringLiteral("manager")));
                if (!manager.ok())
                    return ctx.out.fail(manager.error());
                document->input.managerId = manager->id;
            }
            auto receipt = customers.entry().create(*session, document->input);
            if (!receipt.ok())
                return ctx.out.fail(receipt.error());
            ctx.out.result(receiptJson(*receipt),
                tr("Customer %1 was entered. Change %2 is pending approval by a branch manager (not you).")
                        .arg(receipt->customerNumber)
                        .arg(receipt->changeId)
                    + warningsText(receipt->warnings));
            return 0;
        }

        // An account changed by id keeps what the document leaves out (type, opening date, status).
        bool incomplete = false;
        for (int i = 0; i < document->input.accounts.size(); ++i) {
            const AccountInput& a = document->input.accounts.at(i);
            const QSet<QString>& keys = document->accountKeys.at(i);
            if (a.id > 0 && !a.remove
                && (!keys.contains(QStringLiteral("type")) || !keys.contains(QStringLiteral("openedOn"))
                    || !keys.contains(QStringLiteral("status"))))
                incomplete = true;
        }
        if (incomplete) {
            auto view = customers.finder().open(*session, number);
            if (!view.ok())
                return ctx.out.fail(view.error());
            for (int i = 0; i < document->input.accounts.size(); ++i) {
                AccountInput& a = document->input.accounts[i];
                if (a.id <= 0 || a.remove)
                    continue;
                const auto current = std::find_if(
                    view->accounts.cbegin(), view->accounts.cend(), [&](const AccountView& v) { return v.id == a.id; });
                if (current == view->accounts.cend())
                    return ctx.out.fail(makeError(ErrorCode::NotFound,
                        tr("Customer %1 has no account %2 (accounts[%3].id). customer show lists the accounts.")
                            .arg(view->number)
                            .arg(a.id)
                            .arg(i),
                        QString(), QStringLiteral("accounts")));
                const QSet<QString>& keys = document->accountKeys.at(i);
                if (!keys.contains(QStringLiteral("type")))
                    a.type = current->type;
                if (!keys.contains(QStringLiteral("openedOn")))
                    a.openedOn = current->openedOn;
                if (!keys.contains(QStringLiteral("status")))
                    a.status = statusKey(current->status);
            }
        }
        auto receipt = customers.entry().edit(*session, number, document->input);
        if (!receipt.ok())
            return ctx.out.fail(receipt.error());
        ctx.out.result(receiptJson(*receipt),
            tr("Change %1 of customer %2 is pending approval by a branch manager (not you).")
                    .arg(receipt->changeId)
                    .arg(receipt->customerNumber)
                + warningsText(receipt->warnings));
        return 0;
    }

    // ---- reading ----

    static int show(CliContext& ctx)
    {
        auto number = CustomerCli::customerNumber(ctx, QStringLiteral("customer show"));
        if (!number.ok())
            return ctx.out.fail(number.error());
        BV_CLI_TRY(CustomerCli::noExtraArguments(ctx, 2));
        Core* core = nullptr;
        auto session = ctx.begin(&core);
        if (!session.ok())
            return ctx.out.fail(session.error());
        auto view = core->customers().finder().open(*session, *number);
        if (!view.ok())
            return ctx.out.fail(view.error());
        CustomerCli::customerView(ctx, *view);
        return 0;
    }

    static QJsonObject rowJson(const CustomerListRow& r)
    {
        return QJsonObject {{QStringLiteral("number"), r.number}, {QStringLiteral("maskedName"), r.maskedName},
            {QStringLiteral("tier"), r.tier}, {QStringLiteral("ageBand"), r.ageBand},
            {QStringLiteral("status"), statusKey(r.status)}, {QStringLiteral("managerName"), r.managerName},
            {QStringLiteral("createdAt"), CustomerCli::time(r.createdAt)},
            {QStringLiteral("restricted"), r.restricted}};
    }

    static QString rowLine(const CustomerListRow& r)
    {
        return QStringLiteral("%1  %2  %3  %4  %5  %6  %7")
            .arg(r.number, -18)
            .arg(CustomerCli::dash(r.maskedName), -8)
            .arg(CustomerCli::dash(r.tier), -10)
            .arg(CustomerCli::dash(r.ageBand), -8)
            .arg(statusKey(r.status), -10)
            .arg(CustomerCli::dash(r.managerName), -12)
            .arg(r.restricted ? tr("restricted") : QString())
            .trimmed();
    }

    static int list(CliContext& ctx)
    {
        BV_CLI_TRY(CustomerCli::noExtraArguments(ctx, 1));
        auto limit = CustomerCli::limitOption(ctx, 200, 5000);
        if (!limit.ok())
            return ctx.out.fail(limit.error());
        CustomerSort sort = CustomerSort::Number;
        if (ctx.isSet(QStringLiteral("sort"))) {
            const QString key = ctx.option(QStringLiteral("sort")).trimmed().toLower();
            if (key == QLatin1String("number"))
                sort = CustomerSort::Number;
            else if (key == QLatin1String("tier"))
                sort = CustomerSort::Tier;
            else if (key == QLatin1String("manager"))
                sort = CustomerSort::Manager;
            else if (key == QLatin1String("created"))
                sort = CustomerSort::Created;
            else
                return Cli::usageError(ctx.out, tr("--sort must be number, tier, manager or created."));
        }
        const QString after = ctx.option(QStringLiteral("after")).trimmed();
        Core* core = nullptr;
        auto session = ctx.begin(&core);
        if (!session.ok())
            return ctx.out.fail(session.error());
        CustomerFinder& finder = core->customers().finder();
        Result<CustomerPage> page = CustomerPage();
        const bool branch = session->info().role == Role::Manager;
        if (branch) {
            if (ctx.isSet(QStringLiteral("name")))
                return Cli::usageError(ctx.out,
                    tr("The branch list has no name filter. Find a customer by the full name with customer find "
                       "--name NAME."));
            page = finder.branchList(*session, sort, false, after, *limit);
        } else {
            if (ctx.isSet(QStringLiteral("sort")))
                return Cli::usageError(ctx.out,
                    tr("Your portfolio is listed by customer number; --sort is for the branch manager's list."));
            page = finder.portfolio(*session, ctx.option(QStringLiteral("name")), after, *limit);
        }
        if (!page.ok())
            return ctx.out.fail(page.error());
        QJsonArray rows;
        QString text;
        for (const CustomerListRow& r : page->rows) {
            rows.append(rowJson(r));
            text += rowLine(r) + QLatin1Char('\n');
        }
        if (page->rows.isEmpty())
            text = ctx.isSet(QStringLiteral("name")) ? tr("No customer of yours matches the name filter.")
                                                     : tr("No customers.");
        QJsonObject json {{QStringLiteral("scope"), branch ? QStringLiteral("branch") : QStringLiteral("portfolio")},
            {QStringLiteral("customers"), rows},
            {QStringLiteral("nextCursor"),
                page->nextCursor.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(page->nextCursor)}};
        ctx.out.result(json, text);
        if (!page->nextCursor.isEmpty())
            ctx.out.progress(tr("More customers follow: continue with --after %1").arg(page->nextCursor));
        return 0;
    }

    static int find(CliContext& ctx)
    {
        BV_CLI_TRY(CustomerCli::noExtraArguments(ctx, 1));
        const struct
        {
            const char* option;
            LookupKind kind;
            const char* key;
        } kinds[] = {{"id", LookupKind::IdNumber, fields::IdNumber}, {"mobile", LookupKind::Mobile, fields::Mobile},
            {"account", LookupKind::Account, fields::AccountNumber}, {"name", LookupKind::Name, fields::Name}};
        int given = 0;
        LookupKind kind = LookupKind::IdNumber;
        QString by;
        QString value;
        for (const auto& k : kinds) {
            if (!ctx.isSet(QString::fromLatin1(k.option)))
                continue;
            ++given;
            kind = k.kind;
            by = QString::fromLatin1(k.key);
            value = ctx.option(QString::fromLatin1(k.option)).trimmed();
        }
        if (given != 1 || value.isEmpty())
            return Cli::usageError(ctx.out,
                tr("customer find needs exactly one of --id, --mobile, --account or --name with the full value "
                   "(exact match)."));
        Core* core = nullptr;
        auto session = ctx.begin(&core);
        if (!session.ok())
            return ctx.out.fail(session.error());
        CustomerFinder& finder = core->customers().finder();
        QJsonArray found;
        QString text;
        if (session->info().role == Role::Manager) {
            auto rows = finder.lookup(*session, kind, value);
            if (!rows.ok())
                return ctx.out.fail(rows.error());
            for (const CustomerListRow& r : *rows) {
                found.append(rowJson(r));
                text += rowLine(r) + QLatin1Char('\n');
            }
        } else {
            auto answers = finder.checkExists(*session, kind, value);
            if (!answers.ok())
                return ctx.out.fail(answers.error());
            for (const ExistenceAnswer& a : *answers) {
                found.append(QJsonObject {{QStringLiteral("number"), a.number},
                    {QStringLiteral("maskedManagerName"), a.maskedManagerName},
                    {QStringLiteral("restricted"), a.restricted}});
                text += QStringLiteral("%1  %2  %3")
                            .arg(a.number, -18)
                            .arg(CustomerCli::dash(a.maskedManagerName), -12)
                            .arg(a.restricted ? tr("restricted") : QString())
                            .trimmed()
                    + QLatin1Char('\n');
            }
        }
        if (found.isEmpty())
            text = tr("No customer matches.");
        ctx.out.result(
            {{QStringLiteral("by"), by},
                {QStringLiteral("scope"),
                    session->info().role == Role::Manager ? QStringLiteral("branch") : QStringLiteral("existence")},
                {QStringLiteral("customers"), found}},
            text);
        return 0;
    }

    static int lookup(CliContext& ctx)
    {
        BV_CLI_TRY(CustomerCli::noExtraArguments(ctx, 1));
        const QString name = ctx.option(QStringLiteral("name"));
        const QString id = ctx.option(QStringLiteral("id"));
        const QString purpose = ctx.option(QStringLiteral("purpose"));
        if (name.trimmed().isEmpty() || id.trimmed().isEmpty() || purpose.trimmed().isEmpty())
            return Cli::usageError(ctx.out,
                tr("customer lookup needs the full name (--name), the full ID number (--id) and the purpose "
                   "(--purpose TEXT)."));
        Core* core = nullptr;
        auto session = ctx.begin(&core);
        if (!session.ok())
            return ctx.out.fail(session.error());
        auto checked = Cli::freeText(ctx, QStringLiteral("purpose"), purpose);
        if (!checked.ok())
            return ctx.out.fail(checked.error());
        auto card = core->customers().finder().clerkLookup(*session, name, id, *checked);
        if (!card.ok())
            return ctx.out.fail(card.error());
        return CustomerCli::clerkCard(ctx, *card);
    }

    // The one command that prints grade-1 values in full: on stdout only, never in a message.
    static int reveal(CliContext& ctx)
    {
        auto number = CustomerCli::customerNumber(ctx, QStringLiteral("customer reveal"));
        if (!number.ok())
            return ctx.out.fail(number.error());
        BV_CLI_TRY(CustomerCli::noExtraArguments(ctx, 2));
        const QStringList fieldKeys = CustomerCli::listOption(ctx, QStringLiteral("fields"));
        if (fieldKeys.isEmpty())
            return Cli::usageError(
                ctx.out, tr("customer reveal needs --fields F1,F2 (the grade-1 fields of an approved request)."));
        Core* core = nullptr;
        auto session = ctx.begin(&core);
        if (!session.ok())
            return ctx.out.fail(session.error());
        auto values = core->customers().finder().reveal(*session, *number, fieldKeys);
        if (!values.ok())
            return ctx.out.fail(values.error());
        CustomerCli::revealed(ctx, *number, fieldKeys, *values);
        return 0;
    }

    static int customer(CliContext& ctx)
    {
        const QString sub = ctx.arguments.value(0);
        if (sub == QLatin1String("add"))
            return entry(ctx, false);
        if (sub == QLatin1String("edit"))
            return entry(ctx, true);
        if (sub == QLatin1String("show"))
            return show(ctx);
        if (sub == QLatin1String("list"))
            return list(ctx);
        if (sub == QLatin1String("find"))
            return find(ctx);
        if (sub == QLatin1String("lookup"))
            return lookup(ctx);
        if (sub == QLatin1String("reveal"))
            return reveal(ctx);
        if (isCustomerRecordCommand(sub))
            return runCustomerRecordCommand(ctx, sub);
        return Cli::usageError(ctx.out,
            sub.isEmpty() ? tr("customer needs a subcommand: add, edit, show, list, find, lookup, reveal, import, "
                               "assign, transfer, custody, return, reclaim, assignments, close, report or history.")
                          : tr("Unknown customer subcommand \"%1\".").arg(sub));
    }
};

} // namespace

Result<CustomerInput> readCustomerDocument(CliContext& ctx, bool edit, QString* managerLogin)
{
    auto data = ctx.isSet(QStringLiteral("file"))
        ? CustomerCommands::readDocumentFile(ctx.option(QStringLiteral("file")))
        : CustomerCommands::readDocumentStdin(ctx);
    if (!data.ok())
        return data.error();
    auto parsed = CustomerCommands::parseDocument(*data, edit);
    if (!parsed.ok())
        return parsed.error();
    *managerLogin = parsed->managerLogin;
    return parsed->input;
}

void registerCustomerCommands(CommandTable& table)
{
    table.append({QStringLiteral("customer"),
        QStringLiteral("customer add [--file F.json] | edit NO [--file F.json] | show NO | list [--name TEXT | --sort "
                       "KEY] [--limit N] [--after CURSOR] | find --id|--mobile|--account|--name VALUE | lookup --name "
                       "NAME --id ID --purpose TEXT | reveal NO --fields F1,F2 | import FILE.csv [--report FILE] | "
                       "assign|transfer|custody|return|reclaim NO [--manager LOGIN] [--until-date DATE] [--reason "
                       "TEXT] | assignments NO | close NO --reason TEXT | report NO | history NO   (--user LOGIN; "
                       "documents as JSON on stdin after the password)"),
        CustomerCommands::customer});
}

} // namespace bv::cli
