// Layering rules that the link lines cannot show on their own: nothing under core/ or render/ (the CLI
// renders PDFs with it) includes a Widgets header or opens a dialog; ui/, app/ and render/ include only core's
// public headers, never one under core/internal (see core/CMakeLists.txt), and the plumbing that still sits
// among the public headers spreads no further; Qt's QSQLITE driver is never named anywhere.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMultiHash>
#include <QRegularExpression>
#include <QSet>
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

    // The headers under core/internal, by the path core code includes them with ("keys/Keyring.h").
    QStringList internalHeaders()
    {
        const QDir root(source(QStringLiteral("core/internal")));
        QStringList headers;
        for (const QString& file : filesUnder(QStringLiteral("core/internal")))
            headers << root.relativeFilePath(file);
        return headers;
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

    // Includes of core internals from the front ends: "internal/…" spelled out, a header of core/internal named by
    // its rooted path ("keys/Keyring.h"), or by its bare name where no header of that name sits beside the includer.
    void frontEndsIncludeNoInternalHeader()
    {
        const QStringList internal = internalHeaders();
        QVERIFY2(internal.size() >= 10, "core/internal holds the plumbing headers");
        QSet<QString> internalNames;
        for (const QString& header : internal)
            internalNames.insert(header.section(QLatin1Char('/'), -1));
        QStringList offenders;
        for (const Include& include : frontEndIncludes()) {
            const QString& path = include.path;
            const bool spelledOut
                = path.startsWith(QLatin1String("internal/")) || path.contains(QLatin1String("/internal/"));
            const bool rooted = internal.contains(path);
            const bool bare = !path.contains(QLatin1Char('/')) && internalNames.contains(path)
                && !QFileInfo::exists(QFileInfo(include.file).dir().filePath(path));
            // an area's own plumbing header beside its services ("customers/CustomerServiceInternal.h"); the
            // benchmark measures the storage directly and is the one front end that may
            const bool areaInternal = path.endsWith(QLatin1String("Internal.h"))
                && QFileInfo::exists(source(QStringLiteral("core/") + path))
                && !relative(include.file).startsWith(QLatin1String("app/bench/"));
            if (spelledOut || rooted || bare || areaInternal)
                offenders << QStringLiteral("%1:%2 includes core's internal header \"%3\"")
                                 .arg(relative(include.file))
                                 .arg(include.line)
                                 .arg(path);
        }
        QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(QLatin1Char('\n'))));
    }

    // Plumbing that still sits among the public headers (it is included by a public header, or by the front ends
    // below) moves to core/internal later (issue 14); until then no further front-end file includes it.
    void plumbingIncludesDoNotSpread()
    {
        const QStringList plumbing {QStringLiteral("db/Database.h"), QStringLiteral("db/Transaction.h"),
            QStringLiteral("db/Migration.h"), QStringLiteral("db/QueryRows.h"), QStringLiteral("audit/AuditLog.h"),
            QStringLiteral("audit/AuditLogInternal.h"), QStringLiteral("policy/AccessControl.h"),
            QStringLiteral("keys/FieldCipher.h"), QStringLiteral("keys/KeyMaterial.h"),
            QStringLiteral("keys/KeySlots.h"), QStringLiteral("auth/KeyCustody.h"),
            QStringLiteral("requests/CustomerDirectory.h"), QStringLiteral("requests/RequestSupport.h")};
        // file -> the plumbing it includes today (the benchmark measures the storage directly)
        const QMultiHash<QString, QString> known {
            {QStringLiteral("app/bench/Bench.cpp"), QStringLiteral("db/Database.h")},
            {QStringLiteral("app/bench/Bench.cpp"), QStringLiteral("db/Transaction.h")},
            {QStringLiteral("app/bench/Bench.cpp"), QStringLiteral("keys/FieldCipher.h")},
            {QStringLiteral("app/bench/Bench.cpp"), QStringLiteral("audit/AuditLog.h")},
            // AuditRow and AuditFilter, the audit log's record types, live in AuditLog.h for now
            {QStringLiteral("app/cli/AuditCommands.cpp"), QStringLiteral("audit/AuditLog.h")},
            {QStringLiteral("ui/audit/AuditFilterForm.h"), QStringLiteral("audit/AuditLog.h")},
            {QStringLiteral("ui/audit/AuditLogModel.h"), QStringLiteral("audit/AuditLog.h")}};
        QStringList offenders;
        for (const Include& include : frontEndIncludes()) {
            const QString file = relative(include.file);
            if (plumbing.contains(include.path) && !known.contains(file, include.path))
                offenders << QStringLiteral("%1:%2 includes the plumbing header \"%3\"; call a service instead")
                                 .arg(file)
                                 .arg(include.line)
                                 .arg(include.path);
        }
        QVERIFY2(offenders.isEmpty(), qPrintable(offenders.join(QLatin1Char('\n'))));
    }

    // Core's back doors (Core::vault(), database(), auditLog(), access()) are for core itself; the front ends
    // that still call them are listed here and no other file may start.
    void coreBackDoorsDoNotSpread()
    {
        const QStringList known {QStringLiteral("app/bench/Bench.cpp"), QStringLiteral("ui/admin/OverviewPage.cpp")};
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
            if (QFileInfo::exists(source(QStringLiteral("core/") + include.path)))
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
