#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace bv {

// A report as core builds it (DESIGN §8): content and controlled-document metadata, no layout. The
// renderer (render/) pages it onto a printer or a PDF. Every value in it is already masked as the
// signed-in user may see it; the renderer adds nothing but layout and the page marks.
enum class ReportOrientation
{
    Portrait,
    Landscape,
};

struct ReportColumn
{
    QString title;
    int weight = 1; // relative width
    bool numeric = false; // right-aligned
};

struct ReportTable
{
    QString title; // section heading; may be empty
    QList<ReportColumn> columns;
    QList<QStringList> rows; // each row has columns.size() cells
    QStringList totals; // empty: no totals row; otherwise columns.size() cells
    QString emptyText; // shown instead of the rows when there are none
};

struct ReportParameter
{
    QString label; // translated
    QString value; // as shown, masked
};

struct ReportDocument
{
    QString reportKey; // "customer_list", "audit_summary", ...
    QString title; // translated
    QString subtitle;
    QList<ReportParameter> parameters; // what was asked
    QStringList paragraphs; // text before the tables (forms: the data-subject cover, the recovery sheet)
    QList<ReportTable> tables;
    QStringList closingParagraphs; // text after the tables (signature lines, instructions)
    ReportOrientation orientation = ReportOrientation::Portrait;
    int highestGrade = 3; // 1: holds grade-1 values, masked or in full
    bool fullGrade1 = false; // grade-1 values in full (data-subject report, recovery sheet)
    QString branch; // the branch's name
    QString builtBy; // "login (display name)"
    QDateTime builtAtUtc;
    QString builtAtText; // branch time, formatted by core: "2026-12-05 11:50 (UTC+08:00)"
    qint64 grantRequestId = 0; // the request whose grant allowed grade-1 content; 0: none needed
};

// The controlled marks on every page of one printed copy (DESIGN §8). Filled by core when a print is
// registered; the renderer draws them as they are.
struct PrintMarks
{
    QString serial;
    int copy = 1; // 1: the original; 2, 3, ...: 副本 n
    QString copyLabel; // translated: "Original" / "Copy 2"
    QString branch;
    QString printedBy; // "login (display name)"
    QDateTime printedAtUtc;
    QString printedAtText; // branch time, formatted by core
    QDate validUntil; // last day of the permitted period of use (branch time)
    QString validUntilText;
    QStringList pageCodes; // the QR payload of each page (index = page - 1); see ReportService::pageCodes
};

} // namespace bv
