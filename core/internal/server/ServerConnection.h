#pragma once

#include "core/internal/InternalOnly.h"

#include "core/common/Result.h"
#include "core/common/SecureBytes.h"
#include "core/server/ServerWorkstation.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <memory>
#include <optional>

class QJsonObject;
class QSqlError;
class QSqlQuery;

namespace bv {

// One value bound to a statement run by ServerConnection::run: text, or bytes sent in binary (a bytea), or NULL.
struct ServerValue
{
    QByteArray bytes;
    bool binary = false;
    bool null = false;

    static ServerValue text(const QString& value) { return {value.toUtf8(), false, value.isNull()}; }
    static ServerValue number(qint64 value) { return {QByteArray::number(value), false, false}; }
    static ServerValue boolean(bool value) { return {value ? "true" : "false", false, false}; }
    static ServerValue bytea(const QByteArray& value) { return {value, true, false}; }
    static ServerValue none() { return {{}, false, true}; }
    // A text[] in the server's array syntax, every element quoted: {"a","b"}.
    static ServerValue textArray(const QStringList& values);
    // A composite of the schema built from consecutive parameters, for the SQL text:
    // compositeOf(3, {"int", "", "bytea"}, "slot_input") is "ROW($3::int, $4, $5::bytea)::branchvault.slot_input"
    // (an empty cast leaves the parameter as it is).
    static QString compositeOf(int first, const QList<const char*>& casts, const char* type);
};

// The rows a statement returned, read in full: text values as the server sent them, bytea columns decoded.
class ServerRows
{
public:
    int count() const { return int(m_rows.size()); }
    bool isEmpty() const { return m_rows.isEmpty(); }
    int column(const char* name) const { return int(m_columns.indexOf(QByteArray(name))); }
    bool isNull(int row, int column) const { return !m_rows.at(row).at(column).has_value(); }
    QByteArray bytes(int row, int column) const { return m_rows.at(row).at(column).value_or(QByteArray()); }
    QString text(int row, int column) const { return QString::fromUtf8(bytes(row, column)); }
    // The stored bytes, valid as long as these rows are (empty for NULL).
    QByteArrayView view(int row, int column) const
    {
        const std::optional<QByteArray>& cell = m_rows.at(row).at(column);
        return cell ? QByteArrayView(*cell) : QByteArrayView();
    }
    qint64 number(int row, int column) const { return bytes(row, column).toLongLong(); }
    bool boolean(int row, int column) const { return bytes(row, column) == "t"; }
    // A one-dimensional array column without NULL elements, as the server writes it in text ({a,"b c"}): its
    // elements; nullopt when the text is anything else (nested, a NULL element, an empty unquoted element, a trailing
    // comma). A bytea[] column's elements come decoded.
    std::optional<QList<QByteArray>> array(int row, int column) const;

private:
    friend class ServerConnection;
    // The rows of a committed read (migration 20): a JSON array of objects, one per row; `columns` ("a, b[], c") names
    // what to take from each, in that order, as the server's text form would give it (strings as they are, booleans
    // t/f, whole numbers, a text[] column — marked [] — in {"a","b"} form, jsonb as compact JSON). nullopt when the
    // text is anything else or a row lacks a column.
    static std::optional<ServerRows> fromJson(const QByteArray& json, const QString& columns);
    QList<QByteArray> m_columns;
    QList<bool> m_byteaArray; // per column: a bytea[], whose elements array() decodes
    QList<QList<std::optional<QByteArray>>> m_rows;
};

// One connection to the branch server through Qt's QPSQL driver, always TLS with the server's certificate checked
// against the branch CA and the host name (sslmode=verify-full), presenting the workstation's certificate. The
// connection is removed when the object goes. Failures become errors that name the cause and the next step.
class ServerConnection
{
    Q_DECLARE_TR_FUNCTIONS(ServerConnection)
public:
    struct Tls
    {
        ServerWorkstation::Files files;
        const SecureBytes* keyPassphrase = nullptr;
    };

    static Result<std::unique_ptr<ServerConnection>> open(
        const ServerAddress& address, const Tls& tls, const QString& login, const SecureBytes& password);
    // A TLS connection without signing in: proves the server's certificate and the workstation's key. The server
    // then refuses the made-up login, which is the expected end.
    static Status probe(const ServerAddress& address, const Tls& tls);
    // Whether a PostgreSQL server answers at the address at all (libpq's PQping: it accepts, refuses or is starting
    // up), whatever it would say to a sign-in; false only when nothing answers (no route, refused, timeout). The
    // offline outbox opens only when nothing answers, so that a refused sign-in (a frozen account, a message this
    // program does not recognise) never turns into an offline one.
    static bool answers(const ServerAddress& address);

    ~ServerConnection();
    ServerConnection(const ServerConnection&) = delete;
    ServerConnection& operator=(const ServerConnection&) = delete;

    QSqlDatabase database() const;
    // Runs one statement with its values sent apart from the SQL text (libpq's PQexecParams on the driver's
    // connection), so no value reaches the server's log, not even the STATEMENT line a failed statement leaves
    // there (Qt's QPSQL driver writes bound values into an EXECUTE statement's text). `$1`… placeholders; `what`
    // names the operation in an error.
    Result<ServerRows> run(const QString& sql, const QList<ServerValue>& values, const QString& what) const;
    // Runs a script of several statements without values (a migration of server/sql) through libpq's PQexec on the
    // driver's connection, in the transaction open there: it stops at the first statement the server refuses and
    // reports that one (the driver's own multi-statement exec does not say which failed in every Qt release).
    Status runScript(const QString& sql, const QString& what) const;
    // One audited read of the server (CALL branchvault.read_committed, migration 20): the server commits the read's
    // audit row, or a refusal's access.denied row, before the rows leave. `read` names it (customer_page, ...),
    // `args` its arguments, `columns` ("a, b[], c"; [] marks a text[]) the columns to return in that order. Never
    // inside a transaction.
    Result<ServerRows> readCommitted(const char* read, const QJsonObject& args, const QString& workstation,
        const QString& columns, const QString& what) const;
    // The SCRAM-SHA-256 verifier of `password` for the login role `role`, computed here by libpq
    // (PQencryptPasswordConn): only the verifier is sent to the server.
    Result<QString> scramVerifier(const QString& role, const SecureBytes& password) const;
    // A statement's failure: the server's SQLSTATE decides the code (42501 not allowed, 22023 bad input, BV409 a
    // conflict, 23505 a duplicate); the server's message is kept as the detail.
    static Error statementFailure(const QSqlError& error, const QString& what);
    static Error statementFailure(const QString& state, const QString& serverMessage, const QString& what);
    // After the rows of a query on the server (core/internal/db/QueryRows.h's rule): {} when the query stopped at
    // the end of its rows, the server's error when reading failed.
    [[nodiscard]] static Status rowsFinished(const QSqlQuery& query, const QString& what);

private:
    explicit ServerConnection(QString name);
    void* pgconn() const;
    static Result<std::unique_ptr<ServerConnection>> connect(
        const ServerAddress& address, const Tls& tls, const QString& login, const SecureBytes* password);
    static Error connectFailure(const QString& driverText, const ServerAddress& address);
    QString m_name;
};

} // namespace bv
