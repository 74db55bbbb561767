// Layering rules that the link lines cannot show on their own: nothing under core/ or render/ (the CLI
// renders PDFs with it) includes a Widgets header or opens a dialog; ui/, app/ and render/ include only core's
// public headers, never one under core/internal (see core/CMakeLists.txt); every include is rooted, and the plumbing
// that still sits among the public headers spreads no further; Qt's QSQLITE driver is never named anywhere.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMultiHash>
#include <QRegularExpression>
#include <QTest>

class TestLayering : public QObject
{
    Q_OBJECT
private:
    QString source(const QString& sub) { return qEnvironmentVariable("BV_SOURCE_DIR") + QLatin1Char('/') + sub; }

    QStringList filesUnder(const QString& folder)
    {
        QStringList files;
        QDirIterator it(source(folder), {QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files,
            QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
        return files;
    }

    QStringList widgetIncluders(const QString& folder)
    {
        const QRegularExpression widgets(QStringLiteral(
            "#\\s*include\\s*[<\"](QtWidgets/|QtPrintSupport/|QWidget|QDialog|QMessageBox|QApplication|QMainWindow|"
            "QInputDialog|QFileDialog|QAbstractButton|QPushButton|QLabel|QLineEdit|QPrinter)\\b"));
        QStringList offenders;
        for (const QString& file : filesUnder(folder)) {
            QFile f(file);
            if (!f.open(QIODevice::ReadOnly) || widgets.match(QString::fromUtf8(f.readAll())).hasMatch())
                offenders << file;
        }
        return offenders;
    }

    static QStringList frontEnds() { return {QStringLiteral("ui"), QStringLiteral("app"), QStringLiteral("render")}; }

    QString relative(const QString& file) { return QDir(source(QString())).relativeFilePath(file); }

    static QStringList readLines(const QString& file)
    {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return {QStringLiteral("<unreadable>")};
        return QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
    }

    struct Include
    {
        QString file;
        int line = 0;
        QString path; // as written between the quotes or brackets
    };
    QList<Include> frontEndIncludes()
    {
        const QRegularExpression include(QStringLiteral("^\\s*#\\s*include\\s*[<\"]([^>\"]+)[>\"]"));
        QList<Include> includes;
        for (const QString& folder : frontEnds()) {
            for (const QString& file : filesUnder(folder)) {
                const QStringList lines = readLines(file);
                for (qsizetype i = 0; i < lines.size(); ++i) {
                    const QRegularExpressionMatch m = include.match(lines.at(i));
                    if (m.hasMatch())
                        includes << Include {file, int(i + 1), QDir::cleanPath(m.captured(1))};
                }
            }
        }
        return includes;
    }

private slots:
    void initTestCase() { QVERIFY2(!qEnvironmentVariableIsEmpty("BV_SOURCE_DIR"), "run through ctest"); }

    void coreHasNoWidgets()
    {
        QVERIFY(filesUnder(QStringLiteral("core")).size() > 20);
        const QStringList offenders = widgetIncluders(QStringLiteral("core"));
        QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(QLatin1Char(' '))));
    }

    void renderHasNoWidgets()
    {
        QVERIFY(filesUnder(QStringLiteral("render")).size() >= 6);
        const QStringList offenders = widgetIncluders(QStringLiteral("render"));
        QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(QLatin1Char(' '))));
    }

    // Every quoted include in the tree names its file from the repository's root ("core/auth/Session.h"), so a
    // header of core/common is never mistaken for one of ui/common; only Qt's generated moc files are bare.
    void includesAreRooted()
    {
        const QRegularExpression include(QStringLiteral("^\\s*#\\s*include\\s*\"([^\"]+)\""));
        QStringList offenders;
        int rooted = 0;
        for (const QString& folder : {QStringLiteral("core"), QStringLiteral("ui"), QStringLiteral("render"),
                 QStringLiteral("app"), QStringLiteral("tests")}) {
            for (const QString& file : filesUnder(folder)) {
                const QStringList lines = readLines(file);
                for (qsizetype i = 0; i < lines.size(); ++i) {
                    const QRegularExpressionMatch m = include.match(lines.at(i));
                    if (!m.hasMatch() || m.captured(1).endsWith(QLatin1String(".moc"))
                        || m.captured(1).startsWith(QLatin1String("moc_")))
                        continue;
                    if (QFileInfo::exists(source(m.captured(1))))
                        ++rooted;
                    else
                        offenders << QStringLiteral("%1:%2 \"%3\" is not a path from the repository's root")
                                         .arg(relative(file))
                                         .arg(i + 1)
                                         .arg(m.captured(1));
                }
            }
        }
        QVERIFY2(rooted > 1000, qPrintable(QString::number(rooted)));
        QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(QLatin1Char('\n'))));
    }

    // Includes of core's plumbing from the front ends. The benchmark links bv_core_internal to time the storage
    // directly and is the one front end that may.
    void frontEndsIncludeNoInternalHeader()
    {
        QStringList offenders;
        int seen = 0;
        for (const Include& include : frontEndIncludes()) {
            const QString file = relative(include.file);
            if (!include.path.startsWith(QLatin1String("core/internal/")))
                continue;
            ++seen;
            if (!file.startsWith(QLatin1String("app/bench/")))
                offenders << QStringLiteral("%1:%2 includes core's internal header \"%3\"")
                                 .arg(file)
                                 .arg(include.line)
                                 .arg(include.path);
        }
        QVERIFY2(seen > 0, "the benchmark's includes of core/internal are seen");
        QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(QLatin1Char('\n'))));
    }

    // The compile-time wall: each header under core/internal includes core/internal/InternalOnly.h before anything
    // else, and that header stops the build without BV_CORE_INTERNAL (defined for core, tests and the benchmark).
    void internalHeadersCarryTheWall()
    {
        const QStringList headers = filesUnder(QStringLiteral("core/internal"));
        QVERIFY2(headers.size() >= 18, qPrintable(QString::number(headers.size())));
        QStringList offenders;
        for (const QString& header : headers) {
            if (header.endsWith(QLatin1String("/InternalOnly.h")))
                continue;
            QString first;
            for (const QString& line : readLines(header)) {
                if (line.trimmed().startsWith(QLatin1String("#include"))) {
                    first = line.trimmed();
                    break;
                }
            }
            if (first != QLatin1String("#include \"core/internal/InternalOnly.h\""))
                offenders << relative(header);
        }
        QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(QLatin1Char(' '))));
        const QStringList guard = readLines(source(QStringLiteral("core/internal/InternalOnly.h")));
        QVERIFY(guard.contains(QStringLiteral("#ifndef BV_CORE_INTERNAL")));
        QVERIFY(guard.filter(QStringLiteral("#error")).size() == 1);
    }

    // The wall is a compile-time check, not a lock: a front-end file could define BV_CORE_INTERNAL itself, or declare
    // one of core's internal accessor classes (friends of the services) and reach private functions through it.
    // Neither may appear outside core, the tests and the benchmark.
    void frontEndsNameNoInternalAccessor()
    {
        const QRegularExpression accessor(QStringLiteral(
            "\\bBV_CORE_INTERNAL\\b|\\b(CoreInternals|internalsOf|SettingsWriter|AuthKeyAccess|RequestGrants|"
            "CustomerServiceInternals)\\b"));
        QStringList offenders;
        for (const QString& folder : frontEnds()) {
            for (const QString& file : filesUnder(folder)) {
                if (relative(file).startsWith(QLatin1String("app/bench/")))
                    continue;
                const QStringList lines = readLines(file);
                for (qsizetype i = 0; i < lines.size(); ++i) {
                    if (accessor.match(lines.at(i)).hasMatch())
                        offenders
                            << QStringLiteral("%1:%2: %3").arg(relative(file)).arg(i + 1).arg(lines.at(i).trimmed());
                }
            }
        }
        QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(QLatin1Char('\n'))));
    }

    // Core::database(), auditLog() and access() are private (core and the tests use CoreInternals); Core::vault()
    // hands out the Vault handle, which the front ends listed here use and no other file may start to.
    void coreBackDoorsDoNotSpread()
    {
        const QStringList known {QStringLiteral("app/bench/Bench.cpp"), QStringLiteral("app/bench/BenchMeasure.cpp"),
            QStringLiteral("ui/admin/OverviewPage.cpp")};
        const QRegularExpression backDoor(QStringLiteral("(\\.|->)(vault|database|auditLog|access)\\(\\)"));
        QStringList offenders;
        for (const QString& folder : frontEnds()) {
            for (const QString& file : filesUnder(folder)) {
                if (known.contains(relative(file)))
                    continue;
                const QStringList lines = readLines(file);
                for (qsizetype i = 0; i < lines.size(); ++i) {
                    if (backDoor.match(lines.at(i)).hasMatch())
                        offenders
                            << QStringLiteral("%1:%2: %3").arg(relative(file)).arg(i + 1).arg(lines.at(i).trimmed());
                }
            }
        }
        QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(QLatin1Char('\n'))));
    }

    // The scan reads the real tree: it finds the front ends' many includes of core's public headers (a pattern
    // or a folder that matched nothing would pass every check above).
    void scanSeesTheFrontEndsIncludes()
    {
        int core = 0;
        for (const Include& include : frontEndIncludes()) {
            if (QFileInfo::exists(source(include.path)))
                ++core;
        }
        QVERIFY2(core > 200, qPrintable(QString::number(core)));
    }

    void qsqliteIsNeverNamed()
    {
        QStringList offenders;
        for (const QString& folder : {QStringLiteral("core"), QStringLiteral("ui"), QStringLiteral("app")}) {
            for (const QString& file : filesUnder(folder)) {
                QFile f(file);
                QVERIFY(f.open(QIODevice::ReadOnly));
                if (f.readAll().contains("\"QSQLITE\""))
                    offenders << file;
            }
        }
        QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(QLatin1Char(' '))));
    }

    void keychainNeverFallsBackToPlaintext()
    {
        QStringList offenders;
        for (const QString& folder : {QStringLiteral("core"), QStringLiteral("ui"), QStringLiteral("app")}) {
            for (const QString& file : filesUnder(folder)) {
                QFile f(file);
                QVERIFY(f.open(QIODevice::ReadOnly));
                if (QString::fromUtf8(f.readAll())
                        .contains(QRegularExpression(QStringLiteral("setInsecureFallback\\s*\\(\\s*true"))))
                    offenders << file;
            }
        }
        QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(QLatin1Char(' '))));
    }
};

QTEST_GUILESS_MAIN(TestLayering)
#include "tst_layering.moc"
