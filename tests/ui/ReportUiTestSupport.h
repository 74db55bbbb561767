#pragma once

// Support for the report and print-register widget tests (header-only): the PDF readers of the render tests
// (poppler-utils, independent of the renderer that wrote the file) and a report of the catalogue that needs
// nothing typed in.

#include "core/reports/ReportService.h"
#include "tests/render/PdfTools.h"

#include <optional>

namespace bv::test {

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

// The controlled mark, in either language.
inline bool holdsControlledMark(const QString& text)
{
    return text.contains(QStringLiteral("受控文件")) || text.contains(QStringLiteral("CONTROLLED"));
}

} // namespace bv::test
