#include "ui/common/FreeTextWarning.h"

#include "core/policy/FreeText.h"
#include "ui/common/Dialogs.h"

#include <QStringList>

namespace bv::ui {

std::optional<QString> FreeTextWarning::review(Dialogs& dialogs, QWidget* parent, const QString& text, QString* why)
{
    const QList<FreeTextFinding> findings = FreeText::check(text);
    if (findings.isEmpty())
        return text;
    QStringList lines;
    for (const FreeTextFinding& f : findings)
        lines << tr("- %1 at character %2 (masked: %3)").arg(FreeText::kindLabel(f.kind)).arg(f.position).arg(f.masked);
    const bool mask = dialogs.confirm(parent, tr("Protected data in the text"),
        tr("The text seems to contain:\n%1\n\nFree text must not hold full ID, mobile or card numbers, or a "
           "customer's password, PIN or CVV. Mask them (only the masked form is saved) and continue? Choose No to "
           "go back and edit the text.")
            .arg(lines.join(QLatin1Char('\n'))));
    if (!mask) {
        if (why)
            *why = FreeText::refusal(findings, QString(), tr("The text")).message;
        return std::nullopt;
    }
    return FreeText::maskFindings(text);
}

} // namespace bv::ui
