#include "ui/startup/RecoverySheetPrinter.h"

#include "core/Core.h"
#include "core/customers/rules/WorkingCalendar.h"
#include "core/policy/SettingsService.h"
#include "render/ReportRenderer.h"

#include <QPagedPaintDevice>

namespace bv::ui {

namespace {

} // namespace

QString RecoverySheetPrinter::branchTimeText(const QDateTime& utc)
{
    const QTimeZone zone = WorkingCalendar::branchTimeZone();
    const QDateTime local = utc.toTimeZone(zone);
    const int offset = zone.offsetFromUtc(utc);
    const int minutes = qAbs(offset) / 60;
    return QStringLiteral("%1 (UTC%2%3:%4)")
        .arg(local.toString(QStringLiteral("yyyy-MM-dd HH:mm")), offset < 0 ? QStringLiteral("-") : QStringLiteral("+"))
        .arg(minutes / 60, 2, 10, QLatin1Char('0'))
        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

namespace {

void wipeDocument(ReportDocument& document)
{
    for (QStringList* texts : {&document.paragraphs, &document.closingParagraphs}) {
        for (QString& text : *texts)
            wipe(text);
    }
    for (ReportTable& table : document.tables) {
        for (QStringList& row : table.rows) {
            for (QString& cell : row)
                wipe(cell);
        }
    }
}

} // namespace

RecoverySheetPrinter::RecoverySheetPrinter(Core& core, Session session)
    : m_core(core)
    , m_sheet(core, std::move(session))
{
}

QString RecoverySheetPrinter::serial() const
{
    return m_sheet.serial();
}

PrintMarks RecoverySheetPrinter::marks(int copy, int pages) const
{
    const Actor who = m_sheet.printedBy();
    PrintMarks marks;
    marks.serial = serial();
    marks.copy = copy;
    marks.copyLabel = copy <= 1 ? tr("Original") : tr("Copy %1").arg(copy);
    const QString name = m_core.settings().text(QString::fromLatin1(settings::BranchName));
    marks.branch = name.isEmpty() ? m_core.settings().text(QString::fromLatin1(settings::BranchCode)) : name;
    marks.printedBy = who.displayName.isEmpty() || who.displayName == who.login
        ? who.login
        : QStringLiteral("%1 (%2)").arg(who.login, who.displayName);
    marks.printedAtUtc = m_core.clock().nowUtc();
    marks.printedAtText = branchTimeText(marks.printedAtUtc);
    marks.validUntilText = tr("until the recovery passphrase is replaced");
    for (int page = 1; page <= pages; ++page)
        marks.pageCodes << QStringLiteral("BranchVault recovery sheet %1 copy %2 page %3/%4 (not registered)")
                               .arg(marks.serial)
                               .arg(copy)
                               .arg(page)
                               .arg(pages);
    return marks;
}

Status RecoverySheetPrinter::print(QPagedPaintDevice& device, const SecureBytes& passphrase)
{
    m_sheet.beginCopy();
    const int copy = m_copies + 1;
    QString text = QString::fromLatin1(passphrase.view().toByteArray());
    ReportDocument document = m_sheet.document(text, marks(copy, 0).branch);
    wipe(text);
    int pages = 0;
    QString error;
    bool painted = false;
    {
        ReportRenderer renderer(document);
        pages = renderer.layout(device);
        PrintMarks copyMarks = marks(copy, pages);
        if (document.builtAtUtc.isValid()) { // the one moment, formatted by the core
            copyMarks.printedAtUtc = document.builtAtUtc;
            copyMarks.printedAtText = document.builtAtText;
        }
        painted = renderer.paint(device, &copyMarks, false, &error);
    }
    wipeDocument(document);

    Status audited = m_sheet.recordCopy(copy, pages, painted, error);
    if (!painted)
        return makeError(ErrorCode::Io,
            tr("The recovery sheet could not be printed: %1 Check the printer and print it again.").arg(error));
    ++m_copies;
    if (!audited.ok())
        return audited;
    return {};
}

} // namespace bv::ui
