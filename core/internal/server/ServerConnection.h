#pragma once

#include "core/internal/InternalOnly.h"

#include "core/common/Result.h"
#include "core/common/SecureBytes.h"
#include "core/server/ServerWorkstation.h"

#include <QCoreApplication>
#include <QSqlDatabase>

#include <memory>

class QSqlError;
class QSqlQuery;

namespace bv {

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

    ~ServerConnection();
    ServerConnection(const ServerConnection&) = delete;
    ServerConnection& operator=(const ServerConnection&) = delete;

    QSqlDatabase database() const;
    // A statement's failure: the server's SQLSTATE decides the code (42501 not allowed, 22023 bad input, BV409 a
    // conflict, 23505 a duplicate); the server's message is kept as the detail.
    static Error statementFailure(const QSqlError& error, const QString& what);
    // After the rows of a query on the server (core/internal/db/QueryRows.h's rule): {} when the query stopped at
    // the end of its rows, the server's error when reading failed.
    [[nodiscard]] static Status rowsFinished(const QSqlQuery& query, const QString& what);

private:
    explicit ServerConnection(QString name);
    static Result<std::unique_ptr<ServerConnection>> connect(
        const ServerAddress& address, const Tls& tls, const QString& login, const SecureBytes* password);
    static Error connectFailure(const QString& driverText, const ServerAddress& address);
    QString m_name;
};

} // namespace bv
