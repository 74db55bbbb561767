// The official holiday calendar in the interface: the administrator's storage page names the known years and
// imports a newer year's file (a bad file is refused with its line numbers, nothing stored); complaint pages
// warn when a due date still to be met falls in a year without calendar data.
#include "core/Core.h"
#include "core/customers/care/CustomerCare.h"
#include "core/policy/SettingsService.h"
#include "tests/testsupport/TestCore.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/admin/CalendarBox.h"
#include "ui/common/CalendarWarning.h"
#include "ui/common/ClipboardGuard.h"

#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QTest>

using namespace bv;
using namespace bv::test;
using namespace bv::ui;

class TestCalendarBox : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestCore> t;
    ScriptedDialogs dialogs;

    QString writeFile(const QString& name, const QByteArray& content)
    {
        const QString path = t->dir.file(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(content);
        return path;
    }

private slots:
    void initTestCase() { bv::installTranslations(QStringLiteral("en")); }
    void init()
    {
        t = TestCore::create();
        QVERIFY(t);
        dialogs = ScriptedDialogs();
    }
    void cleanup() { t.reset(); }

    void storagePageImportsANewerYear()
    {
        ClipboardGuard clipboard;
        CalendarBox box({*t->core, t->admin, dialogs, clipboard});
        QList<Error> failures;
        connect(&box, &CalendarBox::failed, this, [&](const Error& e) { failures << e; });
        auto* years = child<QLabel>(&box, "calendarYearsLabel");
        QVERIFY2(years->text().contains(QStringLiteral("2025, 2026")), qPrintable(years->text()));
        QVERIFY(!years->text().contains(QStringLiteral("2027")));

        // a bad file: the lines are named, nothing is stored
        dialogs.openNames << writeFile(QStringLiteral("bad.csv"),
            "date,kind,name\n2027-01-01,holiday,元旦\n2027-02-10,workday,春节\n2027-02-31,holiday,春节\n");
        QTest::mouseClick(child<QPushButton>(&box, "importCalendarButton"), Qt::LeftButton);
        QCOMPARE(failures.size(), 1);
        QVERIFY2(failures.constFirst().message.contains(QStringLiteral("line 3:"))
                && failures.constFirst().message.contains(QStringLiteral("line 4:")),
            qPrintable(failures.constFirst().message));
        QVERIFY(!t->core->settings().calendarYears().contains(2027));

        dialogs.openNames << writeFile(QStringLiteral("2027.csv"),
            "# 2027\ndate,kind,name\n2027-01-01,holiday,元旦\n2027-02-06,holiday,春节\n2027-02-20,workday,春节\n");
        QTest::mouseClick(child<QPushButton>(&box, "importCalendarButton"), Qt::LeftButton);
        QCOMPARE(failures.size(), 1);
        QCOMPARE(dialogs.infos.size(), 1);
        QVERIFY2(dialogs.infos.constFirst().contains(QStringLiteral("2027")), qPrintable(dialogs.infos.constFirst()));
        QVERIFY(years->text().contains(QStringLiteral("2025, 2026, 2027")));
        QVERIFY(t->core->settings().calendarYears().contains(2027));
        // cancelled file dialog: nothing happens
        QTest::mouseClick(child<QPushButton>(&box, "importCalendarButton"), Qt::LeftButton);
        QCOMPARE(failures.size(), 1);
        QCOMPARE(dialogs.infos.size(), 1);
    }

    void dueDatesInAnUnknownYearAreWarnedAbout()
    {
        const QTimeZone cst(8 * 3600);
        Complaint inKnownYear;
        inKnownYear.investigateBy = QDateTime(QDate(2026, 12, 30), QTime(23, 59), cst).toUTC();
        inKnownYear.answerBy = QDateTime(QDate(2026, 12, 31), QTime(23, 59), cst).toUTC();
        Complaint crossing;
        crossing.investigateBy = QDateTime(QDate(2026, 12, 31), QTime(23, 59), cst).toUTC();
        crossing.answerBy = QDateTime(QDate(2027, 1, 1), QTime(23, 59), cst).toUTC(); // 2026-12-31 15:59 UTC
        const QSet<int> known {2025, 2026};
        QVERIFY(CalendarWarning::text(known, {inKnownYear}).isEmpty());
        const QString warning = CalendarWarning::text(known, {inKnownYear, crossing});
        QVERIFY2(
            warning.contains(QStringLiteral("2027")) && !warning.contains(QStringLiteral("2026")), qPrintable(warning));
        // an answered complaint has no date left to meet
        Complaint answered = crossing;
        answered.investigatedAt = answered.answeredAt = QDateTime(QDate(2026, 12, 31), QTime(9, 0), cst).toUTC();
        QVERIFY(CalendarWarning::text(known, {answered}).isEmpty());
        // once the year is imported, no warning
        QVERIFY(CalendarWarning::text({2025, 2026, 2027}, {crossing}).isEmpty());

        QWidget page;
        QLabel* label = CalendarWarning::createLabel(&page);
        page.show();
        CalendarWarning::show(label, known, {crossing});
        QVERIFY(label->isVisible());
        CalendarWarning::show(label, known, {inKnownYear});
        QVERIFY(!label->isVisible());
    }
};

QTEST_MAIN(TestCalendarBox)
#include "tst_calendarbox.moc"
