#include "core/internal/server/ServerSealing.h"

#include "core/common/SecureBytes.h"
#include "core/internal/policy/StoredMasks.h"
#include "core/keys/BlindDomain.h"
#include "core/policy/FieldCatalogue.h"
#include "core/policy/FreeText.h"
#include "core/server/ServerCustomers.h"

#include <QRegularExpression>

namespace bv {

const QStringList& serverentry::clearColumns()
{
    static const QStringList columns {QString::fromLatin1(fields::Occupation), QString::fromLatin1(fields::Employer),
        QString::fromLatin1(fields::IncomeBand), QString::fromLatin1(fields::MaritalStatus),
        QString::fromLatin1(fields::Family), QString::fromLatin1(fields::RiskRating),
        QString::fromLatin1(fields::AssetsUnderManagement), QString::fromLatin1(fields::ProductHoldings),
        QString::fromLatin1(fields::Sex), QString::fromLatin1(fields::Nationality),
        QString::fromLatin1(fields::AgeBand)};
    return columns;
}

Status serverentry::checkedFreeText(const QString& text, const QString& field, const QString& label)
{
    if (const QList<FreeTextFinding> findings = FreeText::check(text); !findings.isEmpty())
        return FreeText::refusal(findings, field, label);
    return {};
}

void serverentry::wipe(ValidatedCustomer& checked)
{
    for (auto it = checked.values.begin(); it != checked.values.end(); ++it)
        bv::wipe(it.value());
    for (AccountInput& account : checked.accounts)
        bv::wipe(account.number);
}

QDateTime serverentry::serverTime(const QString& text)
{
    if (text.isEmpty())
        return QDateTime();
    QString iso = text;
    iso.replace(10, 1, QLatin1Char('T'));
    static const QRegularExpression shortOffset(QStringLiteral("([+-]\\d{2})$"));
    iso.replace(shortOffset, QStringLiteral("\\1:00"));
    return QDateTime::fromString(iso, Qt::ISODateWithMs).toUTC();
}

QString serverentry::unknownStatus(const QString& what)
{
    return ServerCustomers::tr("The branch server sent a status this program does not know while %1. Ask the "
                               "administrator whether the server is newer than this workstation's BranchVault.")
        .arg(what);
}

Result<CustomerListRow> serverentry::listRow(const ServerRows& rows, int r, const QString& what)
{
    CustomerListRow row;
    row.number = rows.text(r, 0);
    row.maskedName = rows.text(r, 1);
    auto status = storedStatus<CustomerStatus>(rows.text(r, 2), what);
    if (!status.ok())
        return status.error();
    row.status = *status;
    row.restricted = rows.boolean(r, 3);
    row.tier = rows.text(r, 4);
    row.ageBand = rows.text(r, 5);
    row.createdAt = serverTime(rows.text(r, 6));
    return row;
}

struct ServerSealing::Sealed
{
    int generation = 0;
    QByteArray sealed;
    QString masked;
    QString domain;
    QByteArray blind;
};

ServerSealing::ServerSealing(
    const FieldCipher& cipher, const QString& customerNo, const MaskSettings& masks, QList<ServerValue>& values)
    : m_cipher(cipher)
    , m_customerNo(customerNo)
    , m_masks(masks)
    , m_values(values)
{
}

ServerSealing::Sealed ServerSealing::seal(const QString& field, const QString& value, BlindDomain domain) const
{
    return Sealed {m_cipher.generation(), m_cipher.seal(value, ServerCustomers::associatedData(m_customerNo, field)),
        StoredMasks::maskField(field, value, m_masks), blindDomainKey(domain), m_cipher.blindIndex(domain, value)};
}

QString ServerSealing::field(const QString& key, const QString& value)
{
    const FieldSpec* spec = FieldCatalogue::find(key);
    const Sealed sealed = seal(key, value, spec ? spec->blind : BlindDomain::None);
    const int first = int(m_values.size()) + 1;
    m_values << ServerValue::text(key) << ServerValue::number(sealed.generation) << ServerValue::bytea(sealed.sealed)
             << ServerValue::text(sealed.masked)
             << (sealed.blind.isEmpty() ? ServerValue::none() : ServerValue::text(sealed.domain))
             << (sealed.blind.isEmpty() ? ServerValue::none() : ServerValue::bytea(sealed.blind));
    return ServerValue::compositeOf(first, {"", "int", "bytea", "", "", "bytea"}, "sealed_input");
}

QString ServerSealing::newAccount(const AccountInput& account)
{
    const Sealed sealed = seal(QString::fromLatin1(fields::AccountNumber), account.number, BlindDomain::Account);
    const int first = int(m_values.size()) + 1;
    m_values << ServerValue::text(account.type)
             << (account.openedOn.isValid() ? ServerValue::text(account.openedOn.toString(Qt::ISODate))
                                            : ServerValue::none())
             << ServerValue::text(account.status) << ServerValue::number(sealed.generation)
             << ServerValue::bytea(sealed.sealed) << ServerValue::text(sealed.masked)
             << ServerValue::bytea(sealed.blind);
    return ServerValue::compositeOf(first, {"", "date", "", "int", "bytea", "", "bytea"}, "account_input");
}

QString ServerSealing::accountChange(const AccountInput& account)
{
    const int first = int(m_values.size()) + 1;
    const auto textOrNull
        = [](const QString& text) { return text.isEmpty() ? ServerValue::none() : ServerValue::text(text); };
    m_values << (account.id > 0 ? ServerValue::number(account.id) : ServerValue::none()) << textOrNull(account.type)
             << (account.openedOn.isValid() ? ServerValue::text(account.openedOn.toString(Qt::ISODate))
                                            : ServerValue::none())
             << textOrNull(account.status) << ServerValue::boolean(account.remove);
    if (account.remove || account.number.isEmpty()) {
        m_values << ServerValue::none() << ServerValue::none() << ServerValue::none() << ServerValue::none();
    } else {
        const Sealed sealed = seal(QString::fromLatin1(fields::AccountNumber), account.number, BlindDomain::Account);
        m_values << ServerValue::number(sealed.generation) << ServerValue::bytea(sealed.sealed)
                 << ServerValue::text(sealed.masked) << ServerValue::bytea(sealed.blind);
    }
    return ServerValue::compositeOf(
        first, {"bigint", "", "date", "", "boolean", "int", "bytea", "", "bytea"}, "account_change");
}

} // namespace bv
