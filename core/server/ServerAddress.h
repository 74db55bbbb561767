#pragma once

#include "core/common/Result.h"

#include <QCoreApplication>
#include <QString>

namespace bv {

// Where the branch server is: postgresql://HOST[:PORT]/DATABASE, nothing more. A login, a password or connection
// options in the address are refused: the password is typed when asked and never kept in a file, and the
// connection's security is not the address's to choose (BranchVault always connects with TLS and checks the
// server's certificate against the branch CA, sslmode=verify-full).
struct ServerAddress
{
    Q_DECLARE_TR_FUNCTIONS(ServerAddress)
public:
    QString host;
    int port = 5432;
    QString database;

    static Result<ServerAddress> parse(const QString& url);
    QString url() const;
};

} // namespace bv
