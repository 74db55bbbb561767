#include "tests/testsupport/TestData.h"

#include "core/policy/FieldCatalogue.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace bv::test {

// The check character is computed here on its own, not with core/customers/IdNumber, so that a wrong check
// in the core cannot pass its own tests.
QString mainlandId(int seed, const QDate& birth, bool male)
{
    static const char* regions[] = {"110105", "310104", "440305", "510107", "330106", "420106"};
    QString first17 = QString::fromLatin1(regions[seed % 6]) + birth.toString(QStringLiteral("yyyyMMdd"));
    int order = (seed / 6) % 500 * 2 + (male ? 1 : 0); // 17th digit odd = male
    first17 += QStringLiteral("%1").arg(order % 1000, 3, 10, QLatin1Char('0'));
    static const int weights[] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    int sum = 0;
    for (int i = 0; i < 17; ++i)
        sum += first17.at(i).digitValue() * weights[i];
    static const char checks[] = "10X98765432";
    return first17 + QLatin1Char(checks[sum % 11]);
}

QString mobile(int seed)
{
    static const char* prefixes[] = {"138", "139", "186", "150", "177", "199"};
    return QString::fromLatin1(prefixes[seed % 6])
        + QStringLiteral("%1").arg((seed * 7919) % 100000000, 8, 10, QLatin1Char('0'));
}

QString cardNumber(int seed, const QString& bin)
{
    QString body = bin + QStringLiteral("%1").arg((qint64(seed) * 104729) % 1000000000, 9, 10, QLatin1Char('0'));
    int sum = 0;
    for (int i = 0; i < body.size(); ++i) {
        int d = body.at(body.size() - 1 - i).digitValue();
        if (i % 2 == 0) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
    }
    return body + QString::number((10 - sum % 10) % 10);
}

QString chineseName(int seed)
{
    static const QString family = QStringLiteral("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗");
    static const QString given = QStringLiteral("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华");
    QString name = family.at(seed % family.size());
    name += given.at((seed / 7) % given.size());
    if (seed % 3)
        name += given.at((seed / 3) % given.size());
    return name;
}

CustomerInput customerInput(int seed)
{
    CustomerInput input;
    const bool male = seed % 2 == 0;
    input.values = {
        {QString::fromLatin1(fields::Name), chineseName(seed)},
        {QString::fromLatin1(fields::IdType), QStringLiteral("mainland_id")},
        {QString::fromLatin1(fields::IdNumber),
            mainlandId(seed, QDate(1960 + seed % 40, 1 + seed % 12, 1 + seed % 28), male)},
        {QString::fromLatin1(fields::Mobile), mobile(seed)},
        {QString::fromLatin1(fields::Address), QStringLiteral("北京市朝阳区建国路%1号").arg(seed % 300 + 1)},
        {QString::fromLatin1(fields::Occupation), QStringLiteral("工程师")},
        {QString::fromLatin1(fields::IncomeBand), QStringLiteral("100k_300k")},
        {QString::fromLatin1(fields::AssetsUnderManagement), QString::number((seed % 50) * 100000)},
    };
    AccountInput card;
    card.number = cardNumber(seed);
    card.type = QStringLiteral("debit_card");
    card.openedOn = QDate(2015, 1, 1).addDays(seed % 3000);
    input.accounts << card;
    return input;
}

QByteArray customerDocument(const CustomerInput& input)
{
    QJsonObject values;
    for (auto it = input.values.cbegin(); it != input.values.cend(); ++it)
        values.insert(it.key(), it.value());
    QJsonArray accounts;
    for (const AccountInput& a : input.accounts)
        accounts.append(QJsonObject {{QStringLiteral("number"), a.number}, {QStringLiteral("type"), a.type},
            {QStringLiteral("openedOn"), a.openedOn.toString(Qt::ISODate)}});
    return QJsonDocument(QJsonObject {{QStringLiteral("values"), values}, {QStringLiteral("accounts"), accounts}})
        .toJson(QJsonDocument::Compact);
}

} // namespace bv::test
