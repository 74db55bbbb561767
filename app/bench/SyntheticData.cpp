#include "app/bench/SyntheticData.h"

#include "core/customers/rules/IdNumber.h"
#include "core/customers/rules/Validators.h"

namespace bv::bench {

namespace {

// The synthetic numbers are completed with the core's own check functions (the tests' data computes them
// independently, so that a wrong check in the core cannot pass its own tests).
QString withCheck(const QString& first17)
{
    return first17 + IdNumber::checkCharacter(first17);
}

QString luhn(const QString& body)
{
    for (char digit = '0'; digit <= '9'; ++digit) {
        const QString number = body + QLatin1Char(digit);
        if (Validators::luhnValid(number))
            return number;
    }
    return body;
}

} // namespace

QString SyntheticData::idNumber(qint64 seed)
{
    // unique per seed: region (6) + birth date (8) + a 3-digit order; the order and the date both vary
    static const char* regions[] = {"110105", "310104", "440305", "510107", "330106", "420106", "320102", "370102"};
    const QDate birth = QDate(1950, 1, 1).addDays((seed / 1000) % 20000);
    const int order = int(seed % 1000);
    return withCheck(QString::fromLatin1(regions[(seed / 20000000) % 8]) + birth.toString(QStringLiteral("yyyyMMdd"))
        + QStringLiteral("%1").arg(order, 3, 10, QLatin1Char('0')));
}

QString SyntheticData::mobile(qint64 seed)
{
    static const char* prefixes[] = {"138", "139", "186", "150", "177", "199", "135", "158"};
    return QString::fromLatin1(prefixes[seed % 8])
        + QStringLiteral("%1").arg((seed * 7 + 12345678) % 100000000, 8, 10, QLatin1Char('0'));
}

QString SyntheticData::card(qint64 seed, int index)
{
    return luhn(QStringLiteral("622202%1%2").arg(index).arg(seed, 9, 10, QLatin1Char('0')));
}

QString SyntheticData::name(qint64 seed)
{
    static const QString family = QStringLiteral("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹");
    static const QString given = QStringLiteral("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲");
    QString n = family.at(seed % family.size());
    n += given.at((seed / 31) % given.size());
    if (seed % 4)
        n += given.at((seed / 961) % given.size());
    return n;
}

QByteArray SyntheticData::csvHeader()
{
    return "name,id_type,id_number,mobile,address,occupation,income_band,aum_cny,account_number,account_type,"
           "account_opened_on,manager\r\n";
}

QByteArray SyntheticData::csvRow(qint64 seed, const QString& managerLogin)
{
    static const char* occupations[] = {"engineer", "teacher", "doctor", "merchant", "civil servant", "retired"};
    static const char* bands[] = {"under_50k", "50k_100k", "100k_300k", "300k_1m", "over_1m"};
    const QString row
        = QStringLiteral("%1,mainland_id,%2,%3,\"%4\",%5,%6,%7,%8,debit_card,%9,%10\r\n")
              .arg(name(seed), idNumber(seed), mobile(seed),
                  QStringLiteral("上海市浦东新区世纪大道%1号, %2室").arg(seed % 2000 + 1).arg(seed % 30 + 1),
                  QString::fromLatin1(occupations[seed % 6]), QString::fromLatin1(bands[seed % 5]),
                  QString::number((seed * 37) % 20000000), card(seed, 0),
                  QDate(2010, 1, 1).addDays(seed % 4000).toString(Qt::ISODate), managerLogin);
    return row.toUtf8();
}

} // namespace bv::bench
