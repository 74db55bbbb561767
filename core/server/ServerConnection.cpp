#include "core/internal/server/ServerConnection.h"

#include <QAtomicInteger>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <libpq-fe.h>

#include <cstring>
#include <limits>
#include <vector>

namespace bv {

namespace {

// A libpq connection parameter, quoted (Qt passes the options on as they are, with ';' turned into spaces).
QString quoted(const QString& value)
{
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

QString nextName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("bv-server-%1").arg(counter.fetchAndAddRelaxed(1) + 1);
}

} // namespace

ServerConnection::ServerConnection(QString name)
    : m_name(std::move(name))
{
}

ServerConnection::~ServerConnection()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

QSqlDatabase ServerConnection::database() const
{
    return QSqlDatabase::database(m_name, false);
}

Result<std::unique_ptr<ServerConnection>> ServerConnection::open(
    const ServerAddress& address, const Tls& tls, const QString& login, const SecureBytes& password)
{
    return connect(address, tls, login, &password);
}

Status ServerConnection::probe(const ServerAddress& address, const Tls& tls)
{
    auto connection = connect(address, tls, QStringLiteral("branchvault_tls_check"), nullptr);
    if (connection.ok())
        return {};
    // Refused after the TLS handshake for the made-up login (no such login, no password given, pg_hba.conf): the
    // server's certificate and the workstation's key were fine. A refusal of the workstation's certificate is also a
    // PermissionDenied, but one that must stop the set-up, so only these two count.
    const Error& refusal = connection.error();
    if (refusal.code == ErrorCode::AuthenticationFailed
        || (refusal.code == ErrorCode::PermissionDenied && refusal.detail.contains(QLatin1String("pg_hba.conf"))))
        return {};
    return refusal;
}

Result<std::unique_ptr<ServerConnection>> ServerConnection::connect(
    const ServerAddress& address, const Tls& tls, const QString& login, const SecureBytes* password)
{
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        return Error {ErrorCode::SelfCheckFailed,
            tr("Qt's PostgreSQL driver (QPSQL) is not installed, so the branch server cannot be reached. Install the "
               "package libqt6sql6-psql."),
            {}, {}};
    for (const QString& file : {tls.files.caFile, tls.files.certFile, tls.files.keyFile}) {
        if (file.contains(QLatin1Char(';')))
            return Error {ErrorCode::InvalidInput,
                tr("The file name %1 holds a ';', which the database driver cannot pass on. Move the file.").arg(file),
                {}, QStringLiteral("file")};
    }
    if (tls.keyPassphrase && tls.keyPassphrase->view().contains(';'))
        return Error {ErrorCode::InvalidInput,
            tr("The workstation key's passphrase holds a ';', which the database driver cannot pass on. Make the "
               "workstation's key again with branchvault-branch-ca."),
            {}, QStringLiteral("passphrase")};
    QStringList options {QStringLiteral("sslmode=verify-full"),
        QStringLiteral("sslrootcert=") + quoted(QFileInfo(tls.files.caFile).absoluteFilePath()),
        QStringLiteral("sslcert=") + quoted(QFileInfo(tls.files.certFile).absoluteFilePath()),
        QStringLiteral("sslkey=") + quoted(QFileInfo(tls.files.keyFile).absoluteFilePath()),
        QStringLiteral("connect_timeout=10"), QStringLiteral("application_name=BranchVault")};
    if (tls.keyPassphrase)
        options << QStringLiteral("sslpassword=") + quoted(QString::fromUtf8(tls.keyPassphrase->view()));
    const QString name = nextName();
    std::unique_ptr<ServerConnection> connection(new ServerConnection(name));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    db.setHostName(address.host);
    db.setPort(address.port);
    db.setDatabaseName(address.database);
    db.setUserName(login);
    if (password)
        db.setPassword(QString::fromUtf8(password->view()));
    db.setConnectOptions(options.join(QLatin1Char(';')));
    const bool opened = db.open();
    db.setPassword(QString());
    db.setConnectOptions(QString());
    if (!opened)
        return connectFailure(db.lastError().driverText() + QLatin1Char(' ') + db.lastError().databaseText(), address);
    QSqlQuery encrypted(db);
    if (!encrypted.exec(QStringLiteral("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")))
        return statementFailure(encrypted.lastError(), tr("the connection check"));
    const bool onRow = encrypted.next();
    if (Status read = rowsFinished(encrypted, tr("the connection check")); !read.ok())
        return read.error();
    if (!onRow || !encrypted.value(0).toBool())
        return Error {ErrorCode::ServerIdentity,
            tr("The connection to the branch server %1 is not encrypted, so BranchVault does not use it. Ask the "
               "branch's IT person to switch TLS on (docs/SERVER.md).")
                .arg(address.url()),
            {}, {}};
    return connection;
}

bool ServerConnection::answers(const ServerAddress& address)
{
    const QByteArray host = address.host.toUtf8();
    const QByteArray port = QByteArray::number(address.port);
    const QByteArray database = address.database.toUtf8();
    const char* keys[] = {"host", "port", "dbname", "connect_timeout", nullptr};
    const char* values[] = {host.constData(), port.constData(), database.constData(), "5", nullptr};
    return PQpingParams(keys, values, 0) != PQPING_NO_RESPONSE;
}

Error ServerConnection::connectFailure(const QString& driverText, const ServerAddress& address)
{
    const QString server = address.url();
    const auto has = [&](const char* fragment) { return driverText.contains(QLatin1String(fragment)); };
    Error error;
    error.detail = driverText.simplified();
    if (has("does not match host name") || has("server certificate for")) {
        error.code = ErrorCode::ServerIdentity;
        error.message = tr("The branch server's certificate does not name the host %1. Connect with the host name "
                           "the certificate was made for, or have a certificate made for this name "
                           "(branchvault-branch-ca server).")
                            .arg(address.host);
    } else if (has("certificate verify failed") || has("root certificate file")) {
        error.code = ErrorCode::ServerIdentity;
        error.message = tr("The server at %1 did not prove it is this branch's server: its certificate was not "
                           "issued by the branch CA this workstation trusts, or it has expired. Check the address "
                           "and the CA file with the branch's IT person; nothing was sent.")
                            .arg(server);
    } else if (has("private key") || has("bad decrypt")) {
        error.code = ErrorCode::WrongKey;
        error.message = tr("The workstation's key could not be opened: the passphrase does not open it, or the file "
                           "is not the key of this workstation's certificate. Type the passphrase shown when the "
                           "key was made, or have the workstation's certificate made again.");
    } else if (has("certificate file") || has("could not open certificate")) {
        error.code = ErrorCode::NotFound;
        error.message = tr("A certificate file of this workstation cannot be read. Connect the workstation again "
                           "(branchvault-cli server add-workstation).");
    } else if (has("alert unknown ca") || has("alert bad certificate") || has("alert certificate")
        || has("requires a valid client certificate")) {
        error.code = ErrorCode::PermissionDenied;
        error.message = tr("The branch server does not accept this workstation's certificate: it was not issued by "
                           "the branch CA the server trusts, or it has expired or been revoked. Ask the branch's IT "
                           "person for a new workstation certificate.");
    } else if (has("does not support SSL")) {
        error.code = ErrorCode::ServerIdentity;
        error.message = tr("The server at %1 does not offer TLS, so BranchVault does not connect to it. Ask the "
                           "branch's IT person to switch TLS on (docs/SERVER.md).")
                            .arg(server);
    } else if (has("password authentication failed") || has("no password supplied") || has("authentication failed")) {
        error.code = ErrorCode::AuthenticationFailed;
        error.message = tr("The branch server did not accept the login or the password.");
    } else if (has("pg_hba.conf") || has("permission denied") || has("not permitted to log in")) {
        error.code = ErrorCode::PermissionDenied;
        error.message = tr("The branch server does not let this login connect from this workstation. Ask the "
                           "branch's IT person to check the account and the server's access rules.");
    } else if (has("does not exist")) {
        error.code = ErrorCode::NotFound;
        error.message = tr("The branch server has no database named %1. Check the address.").arg(address.database);
    } else {
        error.code = ErrorCode::ServerUnavailable;
        error.message = tr("The branch server %1 cannot be reached. Check the network and the address, or ask the "
                           "branch's IT person whether the server is running.")
                            .arg(server);
    }
    return error;
}

Status ServerConnection::rowsFinished(const QSqlQuery& query, const QString& what)
{
    if (query.lastError().isValid())
        return statementFailure(query.lastError(), what);
    return {};
}

Status ServerConnection::runScript(const QString& sql, const QString& what) const
{
    auto* pg = static_cast<PGconn*>(pgconn());
    if (!pg || PQstatus(pg) != CONNECTION_OK)
        return statementFailure(QStringLiteral("08003"), QString(), what);
    const std::unique_ptr<PGresult, void (*)(PGresult*)> result(PQexec(pg, sql.toUtf8().constData()), PQclear);
    const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
    if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK || status == PGRES_EMPTY_QUERY)
        return {};
    const char* state = result ? PQresultErrorField(result.get(), PG_DIAG_SQLSTATE) : nullptr;
    const char* message = result ? PQresultErrorField(result.get(), PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    return statementFailure(
        QString::fromLatin1(state ? state : ""), QString::fromUtf8(message ? message : PQerrorMessage(pg)), what);
}

Result<ServerRows> ServerConnection::run(
    const QString& sql, const QList<ServerValue>& values, const QString& what) const
{
    auto* pg = static_cast<PGconn*>(pgconn());
    if (!pg || PQstatus(pg) != CONNECTION_OK)
        return statementFailure(QStringLiteral("08003"), QString(), what);
    std::vector<const char*> data;
    std::vector<int> lengths;
    std::vector<int> formats;
    for (const ServerValue& value : values) {
        data.push_back(value.null ? nullptr : value.bytes.constData());
        lengths.push_back(int(value.bytes.size()));
        formats.push_back(value.binary ? 1 : 0);
    }
    PGresult* result = PQexecParams(
        pg, sql.toUtf8().constData(), int(values.size()), nullptr, data.data(), lengths.data(), formats.data(), 0);
    const std::unique_ptr<PGresult, void (*)(PGresult*)> owned(result, PQclear);
    const ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
        const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
        const char* message = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
        return statementFailure(
            QString::fromLatin1(state ? state : ""), QString::fromUtf8(message ? message : PQerrorMessage(pg)), what);
    }
    ServerRows rows;
    const int columns = PQnfields(result);
    QList<bool> bytea;
    for (int c = 0; c < columns; ++c) {
        rows.m_columns.append(QByteArray(PQfname(result, c)));
        bytea.append(PQftype(result, c) == 17); // BYTEAOID
        rows.m_byteaArray.append(PQftype(result, c) == 1001); // BYTEAARRAYOID
    }
    for (int r = 0; r < PQntuples(result); ++r) {
        QList<std::optional<QByteArray>> row;
        for (int c = 0; c < columns; ++c) {
            if (PQgetisnull(result, r, c)) {
                row.append(std::nullopt);
                continue;
            }
            QByteArray value(PQgetvalue(result, r, c), PQgetlength(result, r, c));
            if (bytea.at(c)) {
                // the driver asks for bytea_output 'escape' on its connections; PQunescapeBytea reads either form
                size_t length = 0;
                unsigned char* raw
                    = PQunescapeBytea(reinterpret_cast<const unsigned char*>(PQgetvalue(result, r, c)), &length);
                if (!raw)
                    return statementFailure(QStringLiteral("53200"), QString(), what);
                value = QByteArray(reinterpret_cast<const char*>(raw), qsizetype(length));
                PQfreemem(raw);
            }
            row.append(value);
        }
        rows.m_rows.append(row);
    }
    return rows;
}

Result<ServerRows> ServerConnection::readCommitted(const char* read, const QJsonObject& args,
    const QString& workstation, const QString& columns, const QString& what) const
{
    auto called = run(QStringLiteral("CALL branchvault.read_committed($1, $2::jsonb, $3, NULL)"),
        {ServerValue::text(QLatin1String(read)),
            ServerValue::text(QString::fromUtf8(QJsonDocument(args).toJson(QJsonDocument::Compact))),
            ServerValue::text(workstation)},
        what);
    if (!called.ok())
        return called.error();
    std::optional<ServerRows> rows;
    if (called->count() == 1 && called->m_columns.size() == 1 && !called->isNull(0, 0))
        rows = ServerRows::fromJson(called->bytes(0, 0), columns);
    if (!rows)
        return Error {ErrorCode::Damaged,
            tr("The branch server sent rows this program cannot read while %1. Ask the administrator whether the "
               "server is newer than this workstation's BranchVault.")
                .arg(what),
            QLatin1String(read), {}};
    return *std::move(rows);
}

namespace {

// One JSON value as the server's text form would give it; nullopt for a JSON null; false when it has none here. A
// text[] column (`textArray`) comes as a JSON array of strings; any other array or object is a jsonb value.
bool serverText(const QJsonValue& value, bool textArray, std::optional<QByteArray>& cell)
{
    if (textArray && !value.isArray() && !value.isNull())
        return false;
    switch (value.type()) {
    case QJsonValue::Null:
        cell.reset();
        return true;
    case QJsonValue::String:
        cell = value.toString().toUtf8();
        return true;
    case QJsonValue::Bool:
        cell = value.toBool() ? QByteArray("t") : QByteArray("f");
        return true;
    case QJsonValue::Double: {
        // ids, counts and versions: whole numbers (Qt keeps a whole JSON number as a 64-bit integer, exactly)
        constexpr qint64 notWhole = std::numeric_limits<qint64>::min();
        const qint64 whole = value.toInteger(notWhole);
        if (whole == notWhole)
            return false;
        cell = QByteArray::number(whole);
        return true;
    }
    case QJsonValue::Array: {
        if (!textArray) {
            cell = QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
            return true;
        }
        // as the server writes a text[], every element quoted
        QStringList elements;
        for (const QJsonValue& element : value.toArray()) {
            if (!element.isString())
                return false;
            elements << element.toString();
        }
        cell = ServerValue::textArray(elements).bytes;
        return true;
    }
    case QJsonValue::Object:
        cell = QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
        return true;
    case QJsonValue::Undefined:
        break;
    }
    return false;
}

} // namespace

std::optional<ServerRows> ServerRows::fromJson(const QByteArray& json, const QString& columns)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isArray())
        return std::nullopt;
    ServerRows rows;
    QList<bool> textArrays;
    for (const QString& spec : columns.split(QLatin1Char(','))) {
        QString column = spec.trimmed();
        textArrays.append(column.endsWith(QLatin1String("[]")));
        if (textArrays.constLast())
            column.chop(2);
        rows.m_columns.append(column.toUtf8());
        rows.m_byteaArray.append(false);
    }
    for (const QJsonValue& entry : document.array()) {
        if (!entry.isObject())
            return std::nullopt;
        const QJsonObject object = entry.toObject();
        QList<std::optional<QByteArray>> row;
        for (qsizetype c = 0; c < rows.m_columns.size(); ++c) {
            const auto found = object.constFind(QLatin1String(rows.m_columns.at(c)));
            std::optional<QByteArray> cell;
            if (found == object.constEnd() || !serverText(*found, textArrays.at(c), cell))
                return std::nullopt;
            row.append(cell);
        }
        rows.m_rows.append(row);
    }
    return rows;
}

ServerValue ServerValue::textArray(const QStringList& values)
{
    QByteArray out("{");
    for (const QString& value : values) {
        if (out.size() > 1)
            out += ',';
        out += '"';
        for (const char c : value.toUtf8()) {
            if (c == '"' || c == '\\')
                out += '\\';
            out += c;
        }
        out += '"';
    }
    out += '}';
    return {out, false, false};
}

QString ServerValue::compositeOf(int first, const QList<const char*>& casts, const char* type)
{
    QStringList parts;
    for (const char* cast : casts)
        parts << (*cast ? QStringLiteral("$%1::%2").arg(first++).arg(QLatin1String(cast))
                        : QStringLiteral("$%1").arg(first++));
    return QStringLiteral("ROW(%1)::branchvault.%2").arg(parts.join(QStringLiteral(", ")), QLatin1String(type));
}

std::optional<QList<QByteArray>> ServerRows::array(int row, int column) const
{
    // only what the server writes for a one-dimensional array without NULLs: {} or {e,e,...}, each element either
    // quoted (backslash escapes) or a non-empty run without quotes, braces, backslashes or spaces
    const QByteArray text = bytes(row, column);
    if (text.size() < 2 || text.front() != '{' || text.back() != '}')
        return std::nullopt;
    QList<QByteArray> elements;
    const qsizetype end = text.size() - 1;
    if (end == 1)
        return elements; // {}
    qsizetype at = 1;
    for (;;) {
        QByteArray element;
        if (text.at(at) == '"') {
            for (++at; at < end && text.at(at) != '"'; ++at) {
                if (text.at(at) == '\\' && ++at >= end)
                    return std::nullopt;
                element += text.at(at);
            }
            if (at >= end)
                return std::nullopt; // an unterminated quote
            ++at;
        } else {
            while (at < end && text.at(at) != ',') {
                const char c = text.at(at++);
                if (c == '{' || c == '}' || c == '"' || c == '\\' || c == ' ')
                    return std::nullopt; // nested, or not written by the server
                element += c;
            }
            if (element.isEmpty() || element == "NULL")
                return std::nullopt; // an empty element, or a NULL: neither is expected
        }
        if (m_byteaArray.value(column)) {
            size_t length = 0;
            unsigned char* raw = PQunescapeBytea(reinterpret_cast<const unsigned char*>(element.constData()), &length);
            if (!raw)
                return std::nullopt;
            element = QByteArray(reinterpret_cast<const char*>(raw), qsizetype(length));
            PQfreemem(raw);
        }
        elements.append(element);
        if (at == end)
            return elements;
        if (text.at(at) != ',' || at + 1 == end)
            return std::nullopt; // not a separator, or a trailing comma
        ++at;
    }
}

void* ServerConnection::pgconn() const
{
    const QSqlDatabase db = database();
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    // Qt 6 names the type by libpq's struct (pg_conn*), Qt 5 by its typedef (PGconn*)
    return handle.isValid()
            && (qstrcmp(handle.typeName(), "pg_conn*") == 0 || qstrcmp(handle.typeName(), "PGconn*") == 0)
        ? *static_cast<PGconn* const*>(handle.constData())
        : nullptr;
}

Result<QString> ServerConnection::scramVerifier(const QString& role, const SecureBytes& password) const
{
    auto* pg = static_cast<PGconn*>(pgconn());
    if (!pg || PQstatus(pg) != CONNECTION_OK)
        return statementFailure(QStringLiteral("08003"), QString(), tr("the password's verifier"));
    // libpq wants a NUL-terminated password
    SecureBytes terminated(password.size() + 1);
    std::memcpy(terminated.data(), password.data(), password.size());
    terminated.data()[password.size()] = 0;
    char* encrypted = PQencryptPasswordConn(pg, terminated.constChar(), role.toUtf8().constData(), "scram-sha-256");
    if (!encrypted)
        return Error {ErrorCode::Internal,
            tr("The password's verifier for the branch server could not be computed: %1")
                .arg(QString::fromUtf8(PQerrorMessage(pg)).trimmed()),
            {}, {}};
    const QString verifier = QString::fromLatin1(encrypted);
    PQfreemem(encrypted);
    return verifier;
}

Error ServerConnection::statementFailure(const QSqlError& error, const QString& what)
{
    return statementFailure(error.nativeErrorCode(), error.databaseText(), what);
}

Error ServerConnection::statementFailure(const QString& state, const QString& serverMessage, const QString& what)
{
    Error result;
    result.detail = state + QLatin1Char(' ') + serverMessage.section(QLatin1Char('\n'), 0, 0);
    if (state == QLatin1String("42501")) {
        result.code = ErrorCode::PermissionDenied;
        result.message = tr("The branch server refused %1: this account may not do it.").arg(what);
    } else if (state == QLatin1String("22023")) {
        result.code = ErrorCode::InvalidInput;
        result.message = tr("The branch server refused %1: a value is not acceptable.").arg(what);
    } else if (state == QLatin1String("BV409") || state == QLatin1String("40001") || state == QLatin1String("40P01")) {
        result.code = ErrorCode::Conflict;
        result.message = tr("Someone else changed this first, so %1 was not done. Reload and try again.").arg(what);
    } else if (state == QLatin1String("23505")) {
        result.code = ErrorCode::Conflict;
        result.message = tr("The branch server refused %1: it would make a duplicate.").arg(what);
    } else if (state == QLatin1String("P0002")) {
        // the server's "no such customer / change in this branch" (customer_open, change_decide): as local mode's
        // NotFound, which a customer of another branch also gets
        result.code = ErrorCode::NotFound;
        result.message = tr("The branch server found nothing for %1 in this branch. Check the number and reload the "
                            "list.")
                             .arg(what);
    } else if (state == QLatin1String("54000")) {
        result.code = ErrorCode::Conflict;
        result.message = tr("The branch server refused %1: a limit is reached (the reason follows).").arg(what);
    } else if (state == QLatin1String("55000")) {
        // not in the state the operation needs (the branch not set up, no recovery passphrase yet, a read's result
        // gone between its two transactions)
        result.code = ErrorCode::Conflict;
        result.message = tr("The branch server cannot do %1 in its present state (the reason follows). Do what the "
                            "reason names, then try again.")
                             .arg(what);
    } else if (state == QLatin1String("XX001")) {
        // the server found its own data damaged (an audit log with rows missing, which a purge would hide)
        result.code = ErrorCode::Damaged;
        result.message = tr("The branch server found its data damaged and refused %1. Leave the server as it is, "
                            "and report it to the information-security office.")
                             .arg(what);
    } else if (state == QLatin1String("42883") || state == QLatin1String("42P01")) {
        // a function or table this workstation calls is not there: the server was set up by an earlier release and
        // has not been upgraded since (ServerSetup::upgrade)
        result.code = ErrorCode::Database;
        result.message = tr("The branch server's schema is older than this workstation: %1 needs a part of the "
                            "server that a later release added. Ask the branch's IT person to upgrade the server "
                            "(branchvault-cli server upgrade, docs/SERVER.md); the rest of the work goes on "
                            "meanwhile.")
                             .arg(what);
    } else if (state.startsWith(QLatin1String("08")) || state.isEmpty()) {
        result.code = ErrorCode::ServerUnavailable;
        result.message = tr("The connection to the branch server was lost during %1. Nothing was changed unless "
                            "the server confirmed it; check the network and try again.")
                             .arg(what);
    } else {
        result.code = ErrorCode::Database;
        result.message = tr("The branch server reported an error during %1.").arg(what);
    }
    return result;
}

} // namespace bv
