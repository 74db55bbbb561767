#include "tests/testsupport/TestSupport.h"

#include <QCryptographicHash>
#include <QFile>

namespace bv::test {

TempDatabaseDir::TempDatabaseDir()
    : m_dir(QDir::tempPath() + QStringLiteral("/bv-test-XXXXXX"))
{
}

std::unique_ptr<TestDatabase> TestDatabase::create(const Database::Options& options)
{
    auto test = std::make_unique<TestDatabase>();
    test->key = SecureBytes::random(32);
    auto opened = Database::open(test->dir.databasePath(), test->key, Database::Mode::CreateNew, options);
    if (!opened.ok()) {
        qWarning("TestDatabase::create: %s", qPrintable(opened.error().fullText()));
        return nullptr;
    }
    test->db = std::move(opened).value();
    return test;
}

QByteArray fileSha256(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray();
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result().toHex();
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray();
    return file.readAll();
}

bool writeFile(const QString& path, const QByteArray& data)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(data) == data.size();
}

} // namespace bv::test
