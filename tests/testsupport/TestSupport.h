#pragma once

#include "core/common/Result.h"
#include "core/common/SecureBytes.h"
#include "core/internal/db/Database.h"

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace bv::test {

// Fails the current test with the error's text when a Result is not ok.
#define BV_VERIFY_OK(expr)                                                                                             \
    do {                                                                                                               \
        const auto& bvResult_ = (expr);                                                                                \
        if (!bvResult_.ok())                                                                                           \
            QFAIL(qPrintable(QStringLiteral("%1 failed: [%2] %3")                                                      \
                                 .arg(QStringLiteral(#expr), bv::errorCodeName(bvResult_.error().code),                \
                                     bvResult_.error().fullText())));                                                  \
    } while (false)

#define BV_COMPARE_CODE(expr, expected)                                                                                \
    do {                                                                                                               \
        const auto& bvResult_ = (expr);                                                                                \
        QVERIFY2(!bvResult_.ok(), "expected an error, got success");                                                   \
        QCOMPARE(bv::errorCodeName(bvResult_.error().code), bv::errorCodeName(expected));                              \
    } while (false)

// A temporary folder with a database path inside it; removed at the end of the test.
class TempDatabaseDir
{
public:
    TempDatabaseDir();
    bool isValid() const { return m_dir.isValid(); }
    QString path() const { return m_dir.path(); }
    QString databasePath() const { return m_dir.filePath(QStringLiteral("branch.bvdb")); }
    QString file(const QString& name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
};

// A fresh encrypted database with a random key (no keychain, no envelope) for tests of the layers
// above the store.
struct TestDatabase
{
    TempDatabaseDir dir;
    SecureBytes key;
    std::unique_ptr<Database> db;

    static std::unique_ptr<TestDatabase> create(const Database::Options& options = Database::Options());
};

QByteArray fileSha256(const QString& path);
QByteArray readFile(const QString& path);
bool writeFile(const QString& path, const QByteArray& data);

} // namespace bv::test
