#include "RecoverySheetPrinter.h"

#include "Core.h"
#include "ReportRenderer.h"
#include "audit/AuditActions.h"
#include "audit/AuditLog.h"
#include "customers/WorkingCalendar.h"
#include "policy/SettingsService.h"
#include "reports/ReportService.h"
#include "vault/Vault.h"

#include <QJsonObject>
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
    , m_session(std::move(session))
{
}

QString RecoverySheetPrinter::serial() const
{
    const QDateTime when = m_firstPrintUtc.isValid() ? m_firstPrintUtc : m_core.clock().nowUtc();
    const QString date = when.toTimeZone(WorkingCalendar::branchTimeZone()).date().toString(QStringLiteral("yyyyMMdd"));
    return QStringLiteral("RS-%1-%2").arg(m_core.vault().databaseId().left(8).toUpper(), date);
}

PrintMarks RecoverySheetPrinter::marks(int copy, int pages) const
{
    const Actor who = m_session.isValid() ? m_session.info() : Actor::system();
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
    if (!m_firstPrintUtc.isValid())
        m_firstPrintUtc = m_core.clock().nowUtc();
    const int copy = m_copies + 1;
    QString text = QString::fromLatin1(passphrase.view().toByteArray());
    ReportDocument document = m_core.reports().recoverySheet(text, marks(copy, 0).branch, m_core.vault().path());
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

    const Actor who = m_session.isValid() ? m_session.info() : Actor::system();
    QJsonObject details {{QStringLiteral("copy"), copy}, {QStringLiteral("pages"), pages}};
    if (!painted)
        details.insert(QStringLiteral("failure"), error);
    Status audited = m_core.auditLog().appendStandalone(who,
        AuditEvent {QString::fromLatin1(audit::RecoverySheetPrint), QStringLiteral("recovery_sheet"), serial(),
            QString(), painted ? AuditOutcome::Ok : AuditOutcome::Failed, details});
    if (!painted)
        return makeError(ErrorCode::Io,
            tr("The recovery sheet could not be printed: %1 Check the printer and print it again.").arg(error));
    ++m_copies;
    if (!audited.ok())
        return audited;
    return {};
}

} // namespace bv::ui
