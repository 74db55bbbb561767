#include "ui/admin/CalendarBox.h"

#include "core/Core.h"
#include "core/policy/SettingsService.h"
#include "ui/common/Dialogs.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace bv::ui {

CalendarBox::CalendarBox(const WorkspaceContext& context, QWidget* parent)
    : QGroupBox(tr("Holiday calendar"), parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("calendarGroupBox"));
    auto* layout = new QVBoxLayout(this);
    m_years = new QLabel(this);
    m_years->setObjectName(QStringLiteral("calendarYearsLabel"));
    m_years->setWordWrap(true);
    layout->addWidget(m_years);
    auto* row = new QHBoxLayout;
    m_import = new QPushButton(tr("Import holida&y calendar…"), this);
    m_import->setObjectName(QStringLiteral("importCalendarButton"));
    row->addWidget(m_import);
    row->addStretch();
    layout->addLayout(row);
    connect(m_import, &QPushButton::clicked, this, &CalendarBox::importCalendar);
    refresh();
}

void CalendarBox::refresh()
{
    const QSet<int> known = m_context.core.settings().calendarYears();
    QList<int> years(known.cbegin(), known.cend());
    std::sort(years.begin(), years.end());
    QStringList text;
    for (int year : std::as_const(years))
        text << QString::number(year);
    m_years->setText(tr("Official holidays and make-up working days are known for %1. Complaint due dates in "
                        "other years count Saturdays and Sundays only, and the managers are warned. When the State "
                        "Council publishes a new year's arrangement, import it here as a CSV file "
                        "with the lines date,kind,name; the local lists in the settings stay on top.")
                         .arg(text.isEmpty() ? tr("no year") : text.join(QStringLiteral(", "))));
}

bool CalendarBox::importCalendar()
{
    const QString path = m_context.dialogs.openFileName(
        this, tr("Import holiday calendar"), tr("Calendar files (*.csv);;All files (*)"));
    if (path.isEmpty())
        return false;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        emit failed(makeError(ErrorCode::NotFound,
            tr("Cannot read %1: %2. Check the file and try again.")
                .arg(QDir::toNativeSeparators(QFileInfo(path).fileName()), file.errorString())));
        return false;
    }
    const QByteArray csv = file.read(1024 * 1024);
    QList<HolidayCalendar::Problem> problems;
    auto imported = m_context.core.settings().importCalendar(m_context.session, csv, &problems);
    if (!imported.ok()) {
        emit failed(imported.error());
        return false;
    }
    QStringList years;
    for (int year : std::as_const(imported->years))
        years << QString::number(year);
    refresh();
    m_context.dialogs.showInfo(this, tr("Holiday calendar"),
        tr("Imported the official calendar of %1: %2 holidays and %3 make-up working days. Complaints received "
           "from now on are counted with it.")
            .arg(years.join(QStringLiteral(", ")))
            .arg(imported->holidays)
            .arg(imported->workdays));
    return true;
}

} // namespace bv::ui
