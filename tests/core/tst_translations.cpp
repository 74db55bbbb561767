// The zh_CN translation is complete and current: lupdate over today's sources adds nothing
// unfinished, lrelease reports 0 unfinished, and every translation keeps its placeholders.
// English plurals: no lazy "(s)" in any source string, every %n string has its singular and plural in
// branchvault_en.ts, and the English interface says "1 setting saved." but "2 settings saved.".
#include "core/common/Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

class TestTranslations : public QObject
{
    Q_OBJECT
private:
    QString m_ts;
    QTemporaryDir m_dir;

    static QString tool(const QString& name)
    {
        return QLibraryInfo::path(QLibraryInfo::BinariesPath) + QLatin1Char('/') + name;
    }

    struct Message
    {
        QString context;
        QString source;
        QStringList translations;
        bool unfinished = false;
    };

    static QList<Message> parse(const QString& path)
    {
        QList<Message> messages;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return messages;
        QXmlStreamReader xml(&file);
        QString context;
        Message current;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement()) {
                if (xml.name() == QLatin1String("name"))
                    context = xml.readElementText();
                else if (xml.name() == QLatin1String("message"))
                    current = Message {context, {}, {}, false};
                else if (xml.name() == QLatin1String("source"))
                    current.source = xml.readElementText();
                else if (xml.name() == QLatin1String("translation")) {
                    const QString type = xml.attributes().value(QLatin1String("type")).toString();
                    current.unfinished = type == QLatin1String("unfinished") || type == QLatin1String("vanished");
                    QString text;
                    bool numerus = false;
                    while (!(xml.isEndElement() && xml.name() == QLatin1String("translation")) && !xml.atEnd()) {
                        xml.readNext();
                        if (xml.isStartElement() && xml.name() == QLatin1String("numerusform")) {
                            numerus = true;
                            current.translations << xml.readElementText();
                        } else if (xml.isCharacters()) {
                            text += xml.text();
                        }
                    }
                    if (!numerus)
                        current.translations << text;
                }
            } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
                messages << current;
            }
        }
        return messages;
    }

    static QStringList placeholders(const QString& text)
    {
        QStringList found;
        static const QRegularExpression re(QStringLiteral("%(\\d|n)"));
        auto it = re.globalMatch(text);
        while (it.hasNext())
            found << it.next().captured(0);
        found.sort();
        return found;
    }

private slots:
    void initTestCase()
    {
        const QString source = qEnvironmentVariable("BV_SOURCE_DIR");
        QVERIFY2(!source.isEmpty(), "run through ctest");
        QVERIFY(m_dir.isValid());
        m_ts = m_dir.filePath(QStringLiteral("branchvault_zh_CN.ts"));
        QVERIFY(QFile::copy(source + QStringLiteral("/translations/branchvault_zh_CN.ts"), m_ts));
        QFile::setPermissions(m_ts, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QProcess lupdate;
        lupdate.start(tool(QStringLiteral("lupdate")),
            {QStringLiteral("-no-obsolete"), QStringLiteral("-locations"), QStringLiteral("none"),
                QStringLiteral("-no-ui-lines"), QStringLiteral("-I"), source, source + QStringLiteral("/core"),
                source + QStringLiteral("/render"), source + QStringLiteral("/ui"), source + QStringLiteral("/app"),
                QStringLiteral("-ts"), m_ts});
        QVERIFY2(lupdate.waitForFinished(120000), "lupdate did not finish");
        QVERIFY2(lupdate.exitCode() == 0, lupdate.readAllStandardError().constData());
    }

    void nothingUnfinished()
    {
        const QList<Message> messages = parse(m_ts);
        QVERIFY(messages.size() > 300);
        QStringList missing;
        for (const Message& m : messages) {
            const bool empty = m.translations.isEmpty()
                || std::any_of(m.translations.cbegin(), m.translations.cend(),
                    [](const QString& t) { return t.trimmed().isEmpty(); });
            if (m.unfinished || empty)
                missing << m.context + QStringLiteral(": ") + m.source.left(80);
        }
        QVERIFY2(missing.isEmpty(),
            qPrintable(QStringLiteral("%1 untranslated zh_CN entries (run cmake --build build --target "
                                      "update_translations, then translate):\n")
                           .arg(missing.size())
                + missing.mid(0, 15).join(QLatin1Char('\n'))));
    }

    void lreleaseReportsNoUnfinished()
    {
        QProcess lrelease;
        lrelease.start(
            tool(QStringLiteral("lrelease")), {m_ts, QStringLiteral("-qm"), m_dir.filePath(QStringLiteral("out.qm"))});
        QVERIFY(lrelease.waitForFinished(60000));
        const QString output = QString::fromUtf8(lrelease.readAllStandardOutput() + lrelease.readAllStandardError());
        QCOMPARE(lrelease.exitCode(), 0);
        const QRegularExpression summary(QStringLiteral("\\((\\d+) finished and (\\d+) unfinished\\)"));
        const auto match = summary.match(output);
        QVERIFY2(match.hasMatch(), qPrintable(output));
        QCOMPARE(match.captured(2).toInt(), 0);
        QVERIFY(match.captured(1).toInt() > 300);
    }

    void noLazyPluralsInSourceStrings()
    {
        const QString source = qEnvironmentVariable("BV_SOURCE_DIR");
        // the text of tr("…" "…"), QT_TR_NOOP("…") and QT_TRANSLATE_NOOP("ctx", "…"), adjacent literals joined
        static const QRegularExpression call(
            QStringLiteral("\\b(?:tr|QT_TR_NOOP|QT_TRANSLATE_NOOP)\\s*\\(\\s*(?:\"[^\"]*\"\\s*,\\s*(?=\"))?((?:\"(?:[^"
                           "\"\\\\]|\\\\.)*\"\\s*)+)"));
        // "word(s)" or "copy/copies"
        static const QRegularExpression lazy(QStringLiteral("[a-z]\\(s\\)|/copies"));
        QStringList found;
        for (const QString& dir :
            {QStringLiteral("/core"), QStringLiteral("/ui"), QStringLiteral("/app"), QStringLiteral("/render")}) {
            QDirIterator it(source + dir, {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile file(it.next());
                QVERIFY(file.open(QIODevice::ReadOnly));
                const QString text = QString::fromUtf8(file.readAll());
                auto calls = call.globalMatch(text);
                while (calls.hasNext()) {
                    const QString literal = calls.next().captured(1);
                    if (literal.contains(lazy))
                        found << QFileInfo(file.fileName()).fileName() + QStringLiteral(": ") + literal.simplified();
                }
            }
        }
        QVERIFY2(found.isEmpty(),
            qPrintable(
                QStringLiteral("write tr(\"%n customers\", nullptr, n) instead:\n") + found.join(QLatin1Char('\n'))));
    }

    void everyEnglishPluralHasBothForms()
    {
        const QString source = qEnvironmentVariable("BV_SOURCE_DIR");
        const QString ts = m_dir.filePath(QStringLiteral("branchvault_en.ts"));
        QVERIFY(QFile::copy(source + QStringLiteral("/translations/branchvault_en.ts"), ts));
        QFile::setPermissions(ts, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QProcess lupdate;
        lupdate.start(tool(QStringLiteral("lupdate")),
            {QStringLiteral("-pluralonly"), QStringLiteral("-no-obsolete"), QStringLiteral("-locations"),
                QStringLiteral("none"), QStringLiteral("-no-ui-lines"), QStringLiteral("-target-language"),
                QStringLiteral("en"), QStringLiteral("-I"), source, source + QStringLiteral("/core"),
                source + QStringLiteral("/render"), source + QStringLiteral("/ui"), source + QStringLiteral("/app"),
                QStringLiteral("-ts"), ts});
        QVERIFY2(lupdate.waitForFinished(120000), "lupdate did not finish");
        QCOMPARE(lupdate.exitCode(), 0);
        const QList<Message> messages = parse(ts);
        QVERIFY(messages.size() > 40);
        QStringList missing;
        for (const Message& m : messages) {
            if (m.unfinished || m.translations.size() != 2 || m.translations.at(0).trimmed().isEmpty()
                || m.translations.at(1).trimmed().isEmpty()
                || placeholders(m.translations.at(0)) != placeholders(m.source))
                missing << m.context + QStringLiteral(": ") + m.source.left(80);
        }
        QVERIFY2(missing.isEmpty(),
            qPrintable(QStringLiteral("%1 English plurals without both forms (cmake --build build --target "
                                      "update_translations_en, then write the singular and the plural):\n")
                           .arg(missing.size())
                + missing.mid(0, 15).join(QLatin1Char('\n'))));
    }

    void englishSaysOneSettingButTwoSettings()
    {
        bv::installTranslations(QStringLiteral("en"));
        const char* text = "%n settings saved.";
        QCOMPARE(
            QCoreApplication::translate("bv::ui::SettingsPage", text, nullptr, 1), QStringLiteral("1 setting saved."));
        QCOMPARE(
            QCoreApplication::translate("bv::ui::SettingsPage", text, nullptr, 2), QStringLiteral("2 settings saved."));
        QCOMPARE(QCoreApplication::translate("bv::ui::PortfolioPage", "%n customers", nullptr, 1),
            QStringLiteral("1 customer"));
    }

    void placeholdersAreKept()
    {
        QStringList wrong;
        for (const Message& m : parse(m_ts)) {
            for (const QString& t : m.translations) {
                if (!t.isEmpty() && placeholders(t) != placeholders(m.source))
                    wrong << m.context + QStringLiteral(": ") + m.source.left(80);
            }
        }
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
