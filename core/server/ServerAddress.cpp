#include "core/server/ServerAddress.h"

#include <QRegularExpression>
#include <QUrl>

namespace bv {

namespace {

Error refused(const QString& message)
{
    return Error {ErrorCode::InvalidInput, message, {}, QStringLiteral("url")};
}

} // namespace

Result<ServerAddress> ServerAddress::parse(const QString& url)
{
    const QString form = tr("Give the branch server as postgresql://HOST[:PORT]/DATABASE.");
    const QUrl parsed(url.trimmed(), QUrl::StrictMode);
    if (url.trimmed().isEmpty() || !parsed.isValid())
        return refused(tr("The server address is not a valid address.") + QLatin1Char(' ') + form);
    if (parsed.scheme() != QLatin1String("postgresql") && parsed.scheme() != QLatin1String("postgres"))
        return refused(tr("The server address does not start with postgresql://.") + QLatin1Char(' ') + form);
    if (!parsed.userName().isEmpty() || !parsed.password().isEmpty())
        return refused(tr("The server address holds a login or a password. Give only the host and the database: "
                          "the login is given on its own, and the password is typed when asked and never kept in "
                          "a file."));
    if (parsed.hasQuery() || parsed.hasFragment())
        return refused(tr("The server address holds connection options. BranchVault always connects with TLS and "
                          "checks the server's certificate against the branch CA; give only "
                          "postgresql://HOST[:PORT]/DATABASE."));
    ServerAddress address;
    address.host = parsed.host();
    static const QRegularExpression hostName(QStringLiteral("^[A-Za-z0-9]([A-Za-z0-9.-]{0,252})$"));
    static const QRegularExpression ipv6(QStringLiteral("^[0-9A-Fa-f:.]+$"));
    if (address.host.isEmpty() || !(hostName.match(address.host).hasMatch() || ipv6.match(address.host).hasMatch()))
        return refused(tr("The server address names no host.") + QLatin1Char(' ') + form);
    address.port = parsed.port(5432);
    if (address.port < 1 || address.port > 65535)
        return refused(tr("The server address has no valid port (1 to 65535).") + QLatin1Char(' ') + form);
    address.database = parsed.path().mid(1);
    static const QRegularExpression databaseName(QStringLiteral("^[A-Za-z_][A-Za-z0-9_$-]{0,62}$"));
    if (!parsed.path().startsWith(QLatin1Char('/')) || !databaseName.match(address.database).hasMatch())
        return refused(tr("The server address names no database (letters, digits, '_', '-' and '$', at most 63).")
            + QLatin1Char(' ') + form);
    return address;
}

QString ServerAddress::url() const
{
    const QString shownHost = host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    return QStringLiteral("postgresql://%1:%2/%3").arg(shownHost).arg(port).arg(database);
}

} // namespace bv
