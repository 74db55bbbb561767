// Migration 12 on the branch server: a sealed value has the shape FieldCipher gives it (41 to 8192 bytes: nonce,
// ciphertext, tag) and a blind index is 16 bytes, checked where values are stored. With psql as a customer manager:
// a well-formed entry is kept; a two-byte or a 40-byte "ciphertext", an oversized one, a 32-byte blind index and an
// account number of the wrong shape are refused with 22023 naming the field, and nothing of the entry is kept (the
// reserved number stays unused). The database's owner changing a stored value's bytes to a bad shape is refused too.
#include "tests/server/ServerValues.h"
#include "tests/testsupport/ServerDatabase.h"

#include <QTest>

#include <memory>

using namespace bv::test;
using namespace bv::test::server;

class TestServerShape : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<ServerDatabase> m_db;
    using Psql = ServerDatabase::Psql;

    Psql run(const QString& sql, const char* login)
    {
        return m_db->verbose(sql, *login ? m_db->roleOf(QLatin1String(login)) : QString());
    }
    QString owner(const QString& sql)
    {
        const Psql r = run(sql, "");
        return r.ok() ? r.out.trimmed() : QStringLiteral("<failed: %1>").arg(r.err);
    }
    // `bytes` bytes, as SQL.
    static QString bytesOf(int bytes, const QString& seed)
    {
        return QStringLiteral("substring(decode(repeat(encode(sha256(convert_to('%1', 'UTF8')), 'hex'), %2), 'hex') "
                              "from 1 for %3)")
            .arg(seed)
            .arg(bytes / 32 + 1)
            .arg(bytes);
    }
    static QString value(const QString& field, const QString& masked, const QString& domain, int sealedBytes,
        int blindBytes, const QString& seed)
    {
        return QStringLiteral("ROW('%1', 1, %2, '%3', %4, %5)::branchvault.sealed_input")
            .arg(field, bytesOf(sealedBytes, QStringLiteral("s ") + seed), masked,
                domain.isEmpty() ? QStringLiteral("NULL") : QStringLiteral("'%1'").arg(domain),
                domain.isEmpty() ? QStringLiteral("NULL") : bytesOf(blindBytes, QStringLiteral("b ") + seed));
    }
    struct Shape
    {
        int name = 64;
        int nameBlind = 16;
        int account = 64;
        int accountBlind = 16;
    };
    // Reserves a number as cm1 and submits a person with these shapes; the reserved number and the result.
    QPair<QString, Psql> enter(const QString& seed, const Shape& shape)
    {
        const QString number
            = run(QStringLiteral("SELECT branchvault.customer_number_reserve('ws')"), "cm1").out.trimmed();
        const QStringList values {value(QStringLiteral("name"), QStringLiteral("王*"), QStringLiteral("name"),
                                      shape.name, shape.nameBlind, QStringLiteral("name ") + seed),
            value(QStringLiteral("id_number"), QStringLiteral("110101************"), QStringLiteral("id"), 64, 16,
                QStringLiteral("id ") + seed)};
        const QString account = QStringLiteral("ROW('debit_card', '2020-01-01', 'active', 1, %1, '622202******0001', "
                                               "%2)::branchvault.account_input")
                                    .arg(bytesOf(shape.account, QStringLiteral("a ") + seed),
                                        bytesOf(shape.accountBlind, QStringLiteral("ab ") + seed));
        return {number,
            run(QStringLiteral("SELECT * FROM branchvault.customer_submit('%1', '{}'::jsonb, "
                               "ARRAY[%2]::branchvault.sealed_input[], ARRAY[%3]::branchvault.account_input[], NULL, "
                               "false, 'ws')")
                    .arg(number, values.join(QStringLiteral(", ")), account),
                "cm1")};
    }
    QString unused(const QString& number)
    {
        return owner(QStringLiteral("SELECT (used_at IS NULL) || '|' || (SELECT count(*) FROM branchvault.customers "
                                    "WHERE customer_no = '%1') FROM branchvault.customer_number_reservations "
                                    "WHERE customer_no = '%1'")
                         .arg(number));
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(ServerDatabase::environmentProblem().isEmpty(), qPrintable(ServerDatabase::environmentProblem()));
        m_db = std::make_unique<ServerDatabase>(QStringLiteral("shape"));
        const QString problem = m_db->setUp(12);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(m_db->addStaff(QStringLiteral("cm1"), QStringLiteral("customer_manager"), QStringLiteral("B001")) > 0);
    }

    void cleanupTestCase() { m_db.reset(); }

    void aWellFormedEntryIsKept()
    {
        for (const int bytes : {41, 8192}) {
            Shape shape;
            shape.name = bytes;
            const auto [number, made] = enter(QStringLiteral("ok %1").arg(bytes), shape);
            QVERIFY2(made.ok(), qPrintable(made.err));
            QCOMPARE(unused(number), QStringLiteral("false|1"));
        }
    }

    void whatNoWorkstationSealsIsRefused()
    {
        struct Case
        {
            const char* name;
            Shape shape;
            const char* field;
            const char* rule;
        };
        const Case cases[] = {{"two bytes", {2, 16, 64, 16}, "\"name\"", "41 to 8192 bytes"},
            {"nonce and tag only", {40, 16, 64, 16}, "\"name\"", "41 to 8192 bytes"},
            {"oversized", {8193, 16, 64, 16}, "\"name\"", "41 to 8192 bytes"},
            {"a 32-byte blind index", {64, 32, 64, 16}, "\"name\"", "blind index is 16 bytes"},
            {"a short account number", {64, 16, 8, 16}, "\"account_number\"", "41 to 8192 bytes"},
            {"a long account blind index", {64, 16, 64, 20}, "\"account_number\"", "blind index is 16 bytes"}};
        for (const Case& c : cases) {
            const auto [number, made] = enter(QLatin1String(c.name), c.shape);
            QVERIFY2(ServerDatabase::refusedWith(made, "22023",
                         {QStringLiteral("sealed field ") + QLatin1String(c.field), QLatin1String(c.rule)}),
                qPrintable(QLatin1String(c.name) + QLatin1Char(' ') + made.err));
            QVERIFY2(unused(number) == QStringLiteral("true|0"), c.name); // nothing of the entry kept
        }
    }

    // The owner's change of a stored value's bytes goes through the same check (a move keeps its bytes).
    void aStoredValueKeepsItsShape()
    {
        const Psql shrunk = run(QStringLiteral("UPDATE branchvault.sealed_value SET sealed = '\\x0102'::bytea "
                                               "WHERE field = 'name'"),
            "");
        QVERIFY2(
            ServerDatabase::refusedWith(shrunk, "22023", {QStringLiteral("41 to 8192 bytes")}), qPrintable(shrunk.err));
        const Psql blinded = run(
            QStringLiteral("UPDATE branchvault.sealed_value SET blind = sha256(blind) WHERE field = 'id_number'"), "");
        QVERIFY2(ServerDatabase::refusedWith(blinded, "22023", {QStringLiteral("blind index is 16 bytes")}),
            qPrintable(blinded.err));
        const Psql same
            = run(QStringLiteral("UPDATE branchvault.sealed_value SET masked = masked WHERE field = 'name'"), "");
        QVERIFY2(same.ok(), qPrintable(same.err));
    }
};

QTEST_GUILESS_MAIN(TestServerShape)
#include "tst_servershape.moc"
