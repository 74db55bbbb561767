#pragma once

#include "core/reports/ReportDocument.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

class QPagedPaintDevice;
class QPainter;

namespace bv {

// Lays a ReportDocument out on A4 pages (portrait or landscape, from the document) and paints it with
// the controlled-document marks (DESIGN §8): 受控文件 / CONTROLLED, serial and copy, branch, printing
// user, branch time, period of use, page x of y, a diagonal watermark with user, time and serial, and a
// QR code per page. Table headers repeat on every page; no row is split across pages. The same layout
// serves the printer (QPrinter), the print preview and PDF (QPdfWriter); marks and watermark are page
// content, not annotations.
class ReportRenderer
{
    Q_DECLARE_TR_FUNCTIONS(ReportRenderer)
public:
    explicit ReportRenderer(ReportDocument document);
    ~ReportRenderer();

    // Sets the device's page layout (A4, the document's orientation, margins) and lays the document
    // out for it. Returns the page count (at least 1).
    int layout(QPagedPaintDevice& device);
    // Paints every page of one copy onto `device`, after layout(). `marks` null: a preview, marked
    // "PREVIEW — not a controlled copy" with no serial and no QR code. With marks, marks->pageCodes must
    // hold one code per page. `startWithNewPage`: the device already holds a copy (several copies in one
    // print job). Returns false with `error` set when painting failed.
    // When a painter is already active on `device` (several copies in one job), paints with it and leaves
    // it open; otherwise begins and ends its own (ending a QPdfWriter's painter writes the file).
    bool paint(QPagedPaintDevice& device, const PrintMarks* marks, bool startWithNewPage, QString* error);
    // The same with the caller's painter, active on `device`; the painter stays open.
    bool paint(
        QPainter& painter, QPagedPaintDevice& device, const PrintMarks* marks, bool startWithNewPage, QString* error);
    // The page count of the last layout() (0 before).
    int pageCount() const;

private:
    struct Layout;
    ReportDocument m_document;
    std::unique_ptr<Layout> m_layout;
};

} // namespace bv
