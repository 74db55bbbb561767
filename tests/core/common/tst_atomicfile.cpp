// AtomicFile: a replaced file is either old or new; a new file (exports, reports, checkpoints) never
// replaces one, leaves no partial or temporary file behind on failure, and is owner-only.
#include "core/common/AtomicFile.h"
#include "tests/testsupport/TestSupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace bv;
using namespace bv::test;

class TestAtomicFile : public QObject
{
    Q_OBJECT
private:
    static QByteArray read(const QString& path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    // Every entry of the folder, hidden ones included (a leftover temporary file starts with a dot).
    static QStringList entries(const QString& folder)
    {
        return QDir(folder).entryList(QDir::Files | QDir::Hidden | QDir::System);
    }

private slots:
    void writeReplacesWhole()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("settings.json"));
        BV_VERIFY_OK(AtomicFile::write(path, "first"));
        BV_VERIFY_OK(AtomicFile::write(path, "second"));
        QCOMPARE(read(path), QByteArray("second"));
        QCOMPARE(entries(dir.path()), QStringList {QStringLiteral("settings.json")});
    }

    void writeNewMakesAnOwnerOnlyFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("export.csv"));
        BV_VERIFY_OK(AtomicFile::writeNew(path, QStringLiteral("path"), QByteArray("a,b\n")));
        QCOMPARE(read(path), QByteArray("a,b\n"));
        QCOMPARE(
            QFile::permissions(path) & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
        QCOMPARE(entries(dir.path()), QStringList {QStringLiteral("export.csv")});
    }

    void writeNewNeverReplaces()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("export.csv"));
        BV_VERIFY_OK(AtomicFile::write(path, "keep me"));
        auto again = AtomicFile::writeNew(path, QStringLiteral("path"), QByteArray("other"));
        BV_COMPARE_CODE(again, ErrorCode::AlreadyExists);
        QCOMPARE(again.error().field, QStringLiteral("path"));
        QCOMPARE(read(path), QByteArray("keep me"));
        QCOMPARE(entries(dir.path()), QStringList {QStringLiteral("export.csv")});
    }

    // The name is taken while the file is being written (another program saved there meanwhile): the
    // rename refuses, the other file stays, the temporary file is removed.
    void writeNewRefusesANameTakenMeanwhile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("checkpoint.txt"));
        auto written = AtomicFile::writeNew(path, QStringLiteral("path"), [&](QFile& file) -> Status {
            file.write("ours");
            (void)AtomicFile::write(path, "theirs");
            return {};
        });
        BV_COMPARE_CODE(written, ErrorCode::AlreadyExists);
        QCOMPARE(read(path), QByteArray("theirs"));
        QCOMPARE(entries(dir.path()), QStringList {QStringLiteral("checkpoint.txt")});
    }

    void renameNoReplaceRefusesAnExistingName()
    {
        QTemporaryDir dir;
        const QString from = dir.filePath(QStringLiteral("a"));
        const QString to = dir.filePath(QStringLiteral("b"));
        BV_VERIFY_OK(AtomicFile::write(from, "a"));
        BV_VERIFY_OK(AtomicFile::write(to, "b"));
        QCOMPARE(AtomicFile::renameNoReplace(from, to), EEXIST);
        QCOMPARE(read(to), QByteArray("b"));
        QVERIFY(QFile::remove(to));
        QCOMPARE(AtomicFile::renameNoReplace(from, to), 0);
        QCOMPARE(read(to), QByteArray("a"));
        QVERIFY(!QFile::exists(from));
    }

    void aFailedFillLeavesNothing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("report.csv"));
        auto written = AtomicFile::writeNew(path, QStringLiteral("path"), [](QFile& file) -> Status {
            file.write("half");
            return makeError(ErrorCode::Io, QStringLiteral("the source failed"));
        });
        BV_COMPARE_CODE(written, ErrorCode::Io);
        QVERIFY(entries(dir.path()).isEmpty());
    }

    void checkNewNamesTheProblem()
    {
        QTemporaryDir dir;
        BV_COMPARE_CODE(AtomicFile::checkNew(QString(), QStringLiteral("out")), ErrorCode::InvalidInput);
        auto missing
            = AtomicFile::checkNew(dir.filePath(QStringLiteral("no/such/folder/x.csv")), QStringLiteral("out"));
        BV_COMPARE_CODE(missing, ErrorCode::NotFound);
        QCOMPARE(missing.error().field, QStringLiteral("out"));
        BV_VERIFY_OK(AtomicFile::checkNew(dir.filePath(QStringLiteral("x.csv")), QStringLiteral("out")));
    }
};

QTEST_GUILESS_MAIN(TestAtomicFile)
#include "tst_atomicfile.moc"
