#include "render/ReportRenderer.h"

#include "render/PageCodes.h"
#include "render/PageMarks.h"

#include <QFontMetricsF>
#include <QPageLayout>
#include <QPageSize>
#include <QPagedPaintDevice>
#include <QPaintEngine>
#include <QPainter>
#include <QTextLayout>

#include <numeric>

namespace bv {

namespace {
constexpr qreal marginMm = 15;
constexpr qreal bandGapMm = 3;
constexpr qreal titlePoints = 15;
constexpr qreal subtitlePoints = 10.5;
constexpr qreal bodyPoints = 9.5;
constexpr qreal tableTitlePoints = 10;
constexpr qreal tablePoints = 8.5;
const QColor textColor(0, 0, 0);
const QColor mutedColor(90, 90, 90);
const QColor ruleColor(60, 60, 60);
const QColor hairlineColor(175, 175, 175);
const QColor cutColor(170, 20, 20);

// Wrapped text: a QTextLayout measured for the device it will be drawn on, its lines stacked from y = 0.
struct Block
{
    std::shared_ptr<QTextLayout> layout;
    qreal height = 0;

    int lineCount() const { return layout ? layout->lineCount() : 0; }
    qreal lineTop(int i) const { return layout->lineAt(i).y(); }
    qreal lineBottom(int i) const { return layout->lineAt(i).y() + layout->lineAt(i).height(); }
};

Block wrap(const QString& text, const QFont& font, qreal width, Qt::Alignment alignment, QPaintDevice* device)
{
    QString prepared = text;
    prepared.replace(QLatin1Char('\n'), QChar::LineSeparator);
    prepared.replace(QLatin1Char('\t'), QLatin1Char(' '));
    auto layout = std::make_shared<QTextLayout>(prepared, font, device);
    QTextOption option(alignment);
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere); // a long account number breaks, too
    layout->setTextOption(option);
    layout->setCacheEnabled(true);
    layout->beginLayout();
    qreal y = 0;
    for (QTextLine line = layout->createLine(); line.isValid(); line = layout->createLine()) {
        line.setLineWidth(std::max<qreal>(1, width));
        line.setPosition(QPointF(0, y));
        y += line.height();
    }
    layout->endLayout();
    return {std::move(layout), y};
}

struct TextItem
{
    std::shared_ptr<QTextLayout> layout;
    int line = 0;
    QPointF origin; // the line is drawn at origin + its own position in the layout
    QColor color;
};

struct RuleItem
{
    QLineF line;
    qreal width = 0;
    QColor color;
};

struct Page
{
    QList<RuleItem> rules;
    QList<TextItem> texts;
};

// The laid-out pages in device pixels, origin at the top left of the printable area (inside the margins).
struct PageSet
{
    qreal dpiX = 0;
    qreal dpiY = 0;
    QRectF page;
    QRectF header;
    QRectF body;
    QRectF footer;
    QList<Page> pages;
};

// One cell of a row that is never split: its text, and when the row is taller than a page, the lines that
// fit and the notice that the rest was cut.
struct Cell
{
    Block block;
    qreal x = 0;
    qreal width = 0;
    QColor color;
    int visibleLines = 0;
    Block cutNotice;
};

struct Row
{
    QList<Cell> cells;
    qreal height = 0;
    qreal padding = 0;
};

// Places content top to bottom, page after page.
class Flow
{
public:
    Flow(PageSet& set, QPaintDevice* device)
        : m_set(set)
        , m_device(device)
    {
        newPage();
    }

    qreal y = 0;

    QPaintDevice* device() const { return m_device; }
    qreal mm(qreal value) const { return PageMarks::millimetres(value, m_set.dpiY); }
    qreal points(qreal value) const { return value * m_set.dpiY / 72.0; }
    qreal left() const { return m_set.body.left(); }
    qreal width() const { return m_set.body.width(); }
    qreal bottom() const { return m_set.body.bottom(); }
    qreal pageHeight() const { return m_set.body.height(); }
    bool atTop() const { return y <= m_set.body.top() + 0.5; }

    void newPage()
    {
        m_set.pages.append(Page {});
        y = m_set.body.top();
    }
    void space(qreal height)
    {
        if (!atTop())
            y = std::min(y + height, bottom());
    }
    void line(const Block& block, int line, QPointF origin, const QColor& color)
    {
        m_set.pages.last().texts.append({block.layout, line, origin, color});
    }
    void rule(qreal x1, qreal x2, qreal at, qreal widthPoints, const QColor& color)
    {
        m_set.pages.last().rules.append({QLineF(x1, at, x2, at), points(widthPoints), color});
    }

    // Text that may continue on the next page between two lines.
    void paragraph(const QString& text, const QFont& font, const QColor& color, qreal spaceAfter)
    {
        const Block block = wrap(text, font, width(), Qt::AlignLeft, m_device);
        for (int i = 0; i < block.lineCount(); ++i) {
            const qreal height = block.lineBottom(i) - block.lineTop(i);
            if (y + height > bottom() && !atTop())
                newPage();
            line(block, i, QPointF(left(), y - block.lineTop(i)), color);
            y += height;
        }
        y += spaceAfter;
    }

    Row row(const QStringList& texts, const QList<QPair<qreal, qreal>>& columns, const QList<bool>& rightAligned,
        const QFont& font, const QColor& color, qreal padding)
    {
        Row row;
        row.padding = padding;
        qreal tallest = 0;
        for (qsizetype i = 0; i < columns.size(); ++i) {
            Cell cell;
            cell.x = columns.at(i).first;
            cell.width = columns.at(i).second;
            cell.color = color;
            const Qt::Alignment alignment = rightAligned.value(i) ? Qt::AlignRight : Qt::AlignLeft;
            cell.block = wrap(texts.value(i), font, cell.width - 2 * padding, alignment, m_device);
            cell.visibleLines = cell.block.lineCount();
            tallest = std::max(tallest, cell.block.height);
            row.cells << cell;
        }
        row.height = tallest + 2 * padding;
        return row;
    }

    // A row taller than `maxHeight` (a whole page) keeps what fits, and each cut cell says so in red.
    void clip(Row& row, qreal maxHeight, const QFont& font)
    {
        for (Cell& cell : row.cells) {
            if (cell.block.height + 2 * row.padding <= maxHeight)
                continue;
            cell.cutNotice = wrap(ReportRenderer::tr("[cut here: this cell is longer than a page]"), font,
                cell.width - 2 * row.padding, Qt::AlignLeft, m_device);
            const qreal room = maxHeight - 2 * row.padding - cell.cutNotice.height;
            cell.visibleLines = 0;
            while (cell.visibleLines < cell.block.lineCount() && cell.block.lineBottom(cell.visibleLines) <= room)
                ++cell.visibleLines;
        }
        row.height = maxHeight;
    }

    void place(const Row& row)
    {
        for (const Cell& cell : row.cells) {
            const QPointF origin(cell.x + row.padding, y + row.padding);
            for (int i = 0; i < cell.visibleLines; ++i)
                line(cell.block, i, origin, cell.color);
            if (cell.cutNotice.layout) {
                const qreal top = cell.visibleLines > 0 ? cell.block.lineBottom(cell.visibleLines - 1) : 0;
                for (int i = 0; i < cell.cutNotice.lineCount(); ++i)
                    line(cell.cutNotice, i, origin + QPointF(0, top), cutColor);
            }
        }
    }

private:
    PageSet& m_set;
    QPaintDevice* m_device;
};

void layOutParameters(Flow& flow, const QList<ReportParameter>& parameters)
{
    if (parameters.isEmpty())
        return;
    const QFont labelFont = PageMarks::font(bodyPoints - 0.5, true);
    const QFont valueFont = PageMarks::font(bodyPoints - 0.5);
    const QFontMetricsF metrics(labelFont, flow.device());
    qreal labelWidth = 0;
    for (const ReportParameter& parameter : parameters)
        labelWidth = std::max(labelWidth, metrics.horizontalAdvance(parameter.label));
    labelWidth = std::min(labelWidth + flow.mm(3), flow.width() * 0.35);
    const QList<QPair<qreal, qreal>> columns {
        {flow.left(), labelWidth}, {flow.left() + labelWidth, flow.width() - labelWidth}};
    const qreal padding = flow.mm(0.4);
    for (const ReportParameter& parameter : parameters) {
        Row label = flow.row({parameter.label}, {columns.at(0)}, {}, labelFont, mutedColor, padding);
        const Row value = flow.row({parameter.value}, {columns.at(1)}, {}, valueFont, textColor, padding);
        label.cells << value.cells;
        label.height = std::max(label.height, value.height);
        if (label.height > flow.pageHeight())
            flow.clip(label, flow.pageHeight(), valueFont);
        if (flow.y + label.height > flow.bottom())
            flow.newPage();
        flow.place(label);
        flow.y += label.height;
    }
}

void layOutTable(Flow& flow, const ReportTable& table)
{
    const QFont titleFont = PageMarks::font(tableTitlePoints, true);
    const QFont cellFont = PageMarks::font(tablePoints);
    const QFont headFont = PageMarks::font(tablePoints, true);
    const qreal padding = flow.mm(0.9);
    if (table.columns.isEmpty()) {
        if (!table.title.isEmpty())
            flow.paragraph(table.title, titleFont, textColor, flow.mm(1));
        flow.paragraph(table.emptyText, cellFont, mutedColor, 0);
        return;
    }

    const int weights = std::accumulate(table.columns.cbegin(), table.columns.cend(), 0,
        [](int sum, const ReportColumn& column) { return sum + std::max(1, column.weight); });
    QList<QPair<qreal, qreal>> columns;
    QList<bool> numeric;
    QStringList titles;
    qreal x = flow.left();
    for (const ReportColumn& column : table.columns) {
        const qreal width = flow.width() * std::max(1, column.weight) / weights;
        columns.append({x, width});
        numeric << column.numeric;
        titles << column.title;
        x += width;
    }

    const Row head = flow.row(titles, columns, numeric, headFont, textColor, padding);
    const Block title
        = table.title.isEmpty() ? Block {} : wrap(table.title, titleFont, flow.width(), Qt::AlignLeft, flow.device());
    const Block continued = table.title.isEmpty() ? Block {}
                                                  : wrap(ReportRenderer::tr("%1 (continued)").arg(table.title),
                                                      titleFont, flow.width(), Qt::AlignLeft, flow.device());
    const qreal titleGap = flow.mm(1.2);
    auto headHeight
        = [&](const Block& heading) { return (heading.layout ? heading.height + titleGap : 0) + head.height; };
    auto startOnPage = [&](const Block& heading) {
        for (int i = 0; i < heading.lineCount(); ++i)
            flow.line(heading, i, QPointF(flow.left(), flow.y), textColor);
        if (heading.layout)
            flow.y += heading.height + titleGap;
        flow.rule(flow.left(), flow.left() + flow.width(), flow.y, 0.8, ruleColor);
        flow.place(head);
        flow.y += head.height;
        flow.rule(flow.left(), flow.left() + flow.width(), flow.y, 0.5, ruleColor);
    };

    QList<Row> rows;
    for (const QStringList& cells : table.rows)
        rows << flow.row(cells, columns, numeric, cellFont, textColor, padding);
    if (rows.isEmpty()) {
        const QString empty = table.emptyText.isEmpty() ? ReportRenderer::tr("No entries.") : table.emptyText;
        rows << flow.row({empty}, {{flow.left(), flow.width()}}, {}, cellFont, mutedColor, padding);
    }
    const qsizetype bodyRows = rows.size();
    if (!table.totals.isEmpty())
        rows << flow.row(table.totals, columns, numeric, headFont, textColor, padding);

    // The heading, the column titles and the first row stay together.
    if (!flow.atTop() && flow.y + headHeight(title) + rows.first().height > flow.bottom())
        flow.newPage();
    startOnPage(title);
    const qreal roomOnNewPage = flow.pageHeight() - headHeight(continued);
    for (qsizetype i = 0; i < rows.size(); ++i) {
        Row& row = rows[i];
        if (row.height > roomOnNewPage)
            flow.clip(row, roomOnNewPage, cellFont);
        if (flow.y + row.height > flow.bottom()) {
            flow.newPage();
            startOnPage(continued);
        }
        const bool totals = i >= bodyRows;
        if (totals)
            flow.rule(flow.left(), flow.left() + flow.width(), flow.y, 0.5, ruleColor);
        flow.place(row);
        flow.y += row.height;
        if (!totals && i + 1 < bodyRows)
            flow.rule(flow.left(), flow.left() + flow.width(), flow.y, 0.25, hairlineColor);
    }
    flow.rule(flow.left(), flow.left() + flow.width(), flow.y, 0.8, ruleColor);
}
} // namespace

struct ReportRenderer::Layout
{
    bool done = false;
    PageSet set;
};

ReportRenderer::ReportRenderer(ReportDocument document)
    : m_document(std::move(document))
    , m_layout(std::make_unique<Layout>())
{
}

ReportRenderer::~ReportRenderer() = default;

int ReportRenderer::pageCount() const
{
    return m_layout->done ? int(m_layout->set.pages.size()) : 0;
}

int ReportRenderer::layout(QPagedPaintDevice& device)
{
    const QPageLayout::Orientation orientation
        = m_document.orientation == ReportOrientation::Landscape ? QPageLayout::Landscape : QPageLayout::Portrait;
    const QMarginsF margins(marginMm, marginMm, marginMm, marginMm);
    if (!device.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), orientation, margins, QPageLayout::Millimeter))) {
        // A printer that refuses the whole layout may still take its parts (its own minimum margins).
        device.setPageSize(QPageSize(QPageSize::A4));
        device.setPageOrientation(orientation);
        device.setPageMargins(margins, QPageLayout::Millimeter);
    }

    PageSet set;
    set.dpiX = device.logicalDpiX();
    set.dpiY = device.logicalDpiY();
    const QRect printable = device.pageLayout().paintRectPixels(int(set.dpiY));
    set.page = QRectF(QPointF(0, 0), QSizeF(printable.size()));
    const qreal headerHeight = PageMarks::headerHeight(&device);
    const qreal footerHeight = PageMarks::footerHeight(&device);
    const qreal gap = PageMarks::millimetres(bandGapMm, set.dpiY);
    set.header = QRectF(0, 0, set.page.width(), headerHeight);
    set.footer = QRectF(0, set.page.height() - footerHeight, set.page.width(), footerHeight);
    set.body = QRectF(0, headerHeight + gap, set.page.width(),
        std::max<qreal>(gap, set.page.height() - headerHeight - footerHeight - 2 * gap));

    Flow flow(set, &device);
    if (!m_document.title.isEmpty())
        flow.paragraph(m_document.title, PageMarks::font(titlePoints, true), textColor, flow.mm(1));
    if (!m_document.subtitle.isEmpty())
        flow.paragraph(m_document.subtitle, PageMarks::font(subtitlePoints), mutedColor, 0);
    flow.space(flow.mm(3));
    layOutParameters(flow, m_document.parameters);
    flow.space(flow.mm(3));
    for (const QString& paragraph : m_document.paragraphs)
        flow.paragraph(paragraph, PageMarks::font(bodyPoints), textColor, flow.mm(2));
    for (const ReportTable& table : m_document.tables) {
        flow.space(flow.mm(3));
        layOutTable(flow, table);
        flow.space(flow.mm(3));
    }
    flow.space(flow.mm(2));
    for (const QString& paragraph : m_document.closingParagraphs)
        flow.paragraph(paragraph, PageMarks::font(bodyPoints), textColor, flow.mm(2));

    m_layout->set = std::move(set);
    m_layout->done = true;
    return pageCount();
}

bool ReportRenderer::paint(QPagedPaintDevice& device, const PrintMarks* marks, bool startWithNewPage, QString* error)
{
    if (device.paintingActive()) {
        QPaintEngine* engine = device.paintEngine();
        QPainter* active = engine ? engine->painter() : nullptr;
        if (active)
            return paint(*active, device, marks, startWithNewPage, error);
    }
    if (!m_layout->done)
        layout(device); // before begin(): the page layout applies from the first page
    QPainter painter;
    if (!painter.begin(&device)) {
        if (error)
            *error = tr("The printer or the PDF file could not be opened for drawing. Check the printer, or that "
                        "the folder can be written to, then try again.");
        return false;
    }
    const bool painted = paint(painter, device, marks, startWithNewPage, error);
    if (!painter.end() && painted) {
        if (error)
            *error = tr("The pages could not be finished on the printer or in the PDF file. Check the printer or "
                        "the free disk space, then try again.");
        return false;
    }
    return painted;
}

bool ReportRenderer::paint(
    QPainter& painter, QPagedPaintDevice& device, const PrintMarks* marks, bool startWithNewPage, QString* error)
{
    auto fail = [error](const QString& message) {
        if (error)
            *error = message;
        return false;
    };
    if (!painter.isActive())
        return fail(tr("Nothing is open for drawing: the printer or the PDF file was not opened. Try again."));
    if (!m_layout->done)
        layout(device);
    const PageSet& set = m_layout->set;
    const int pages = int(set.pages.size());
    if (marks) {
        // Every page code is checked before the first page is drawn: a print never stops half-way for it.
        if (marks->pageCodes.size() < pages)
            return fail(tr("The print has page codes for %1 pages, but the report has %2 pages. Print it again.")
                            .arg(marks->pageCodes.size())
                            .arg(pages));
        for (int page = 0; page < pages; ++page) {
            if (marks->pageCodes.at(page).isEmpty() || qrCodeImage(marks->pageCodes.at(page), 1).isNull())
                return fail(tr("The page code of page %1 cannot be drawn as a QR code. Print it again.").arg(page + 1));
        }
    }

    const QStringList watermark = PageMarks::watermarkLines(m_document, marks);
    // The layout was measured for one resolution; another device of the same page size gets it scaled.
    const qreal scaleX = set.dpiX > 0 ? device.logicalDpiX() / set.dpiX : 1;
    const qreal scaleY = set.dpiY > 0 ? device.logicalDpiY() / set.dpiY : 1;
    for (int i = 0; i < pages; ++i) {
        if ((i > 0 || startWithNewPage) && !device.newPage())
            return fail(tr("The printer or the PDF file did not take a new page. Check the printer or the free disk "
                           "space, then try again."));
        painter.save();
        painter.setRenderHint(QPainter::Antialiasing, true);
        painter.setRenderHint(QPainter::TextAntialiasing, true);
        painter.scale(scaleX, scaleY);
        PageMarks::paintWatermark(painter, set.page, watermark, set.dpiY);
        const Page& page = set.pages.at(i);
        for (const RuleItem& rule : page.rules) {
            QPen pen(rule.color);
            pen.setWidthF(rule.width);
            pen.setCapStyle(Qt::FlatCap);
            painter.setPen(pen);
            painter.drawLine(rule.line);
        }
        for (const TextItem& text : page.texts) {
            painter.setPen(text.color);
            text.layout->lineAt(text.line).draw(&painter, text.origin);
        }
        PageMarks::paintHeader(painter, set.header, m_document, marks, set.dpiY);
        QString footerError;
        const bool footer = PageMarks::paintFooter(painter, set.footer, marks, i + 1, pages, set.dpiY, &footerError);
        painter.restore();
        if (!footer)
            return fail(footerError);
    }
    return true;
}

} // namespace bv
