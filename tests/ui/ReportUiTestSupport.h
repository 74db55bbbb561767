#pragma once

// Support for the report and print-register widget tests (header-only): reading a PDF back with the
// poppler tools (pdftotext, pdftoppm — independent of the renderer that wrote it), and choosing a report
// from the catalogue the core offers a session.

#include "reports/ReportService.h"

#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QString>

#include <optional>

namespace bv::test {

inline bool hasPopplerTools()
{
    return !QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty()
        && !QStandardPaths::findExecutable(QStringLiteral("pdftoppm")).isEmpty();
}

// The text of every page of a PDF (pdftotext, UTF-8); empty when it cannot be read.
inline QString pdfText(const QString& pdf)
{
    QProcess process;
    process.start(
        QStringLiteral("pdftotext"), {QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf, QStringLiteral("-")});
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        return QString();
    return QString::fromUtf8(process.readAllStandardOutput());
}

// Page `page` of a PDF as a PNG at `dpi` (pdftoppm); the PNG's path, or empty.
inline QString pdfPageImage(const QString& pdf, const QString& pngBase, int page = 1, int dpi = 150)
{
    QProcess process;
    process.start(QStringLiteral("pdftoppm"),
        {QStringLiteral("-png"), QStringLiteral("-r"), QString::number(dpi), QStringLiteral("-f"),
            QString::number(page), QStringLiteral("-l"), QString::number(page), QStringLiteral("-singlefile"), pdf,
            pngBase});
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        return QString();
    const QString png = pngBase + QStringLiteral(".png");
    return QFileInfo::exists(png) ? png : QString();
}

// The first report of the catalogue that holds no grade-1 data and needs no parameter typed in.
inline std::optional<ReportInfo> plainReport(const QList<ReportInfo>& catalogue)
{
    for (const ReportInfo& info : catalogue) {
        if (info.mayHoldGrade1 || info.needsCustomer)
            continue;
        bool typed = false;
        for (const ReportParameterSpec& spec : info.parameters)
            typed = typed
                || (spec.required && spec.defaultValue.isEmpty() && spec.kind != ReportParameterSpec::Kind::Date
                    && spec.kind != ReportParameterSpec::Kind::Month);
        if (!typed)
            return info;
    }
    return std::nullopt;
}

} // namespace bv::test
