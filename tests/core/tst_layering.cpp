// Layering rules that the link lines cannot show on their own: nothing under core/ or render/ (the CLI
// renders PDFs with it) includes a Widgets header or opens a dialog; Qt's QSQLITE driver is never named anywhere.
#include <QDirIterator>
#include <QFile>
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

    void layeringCheckCanFail()
    {
        // the pattern above really matches a Widgets include
        const QRegularExpression widgets(QStringLiteral("#\\s*include\\s*[<\"](QtWidgets/|QMessageBox)\\b"));
        QVERIFY(widgets.match(QStringLiteral("#include <QMessageBox>")).hasMatch());
        QVERIFY(widgets.match(QStringLiteral("#  include <QtWidgets/QWidget>")).hasMatch());
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
