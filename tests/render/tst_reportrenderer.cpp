// The controlled layout (DESIGN §8) read back by independent tools: PDFs rendered here from synthetic
// documents (Chinese and English) are checked with pdfinfo (page count, orientation), pdftotext (the marks,
// serial, page x of y, printing user, period of use on every page; table headers repeated; no row split),
// pdffonts (the CJK font embedded), pdftoppm + zbarimg (each page's QR code holds that page's code) and
// zxing-cpp (decodeQrCodes reads the same). A preview carries the preview notice and no QR code.
#include "render/PageCodes.h"
#include "render/PdfTextLayer.h"
#include "render/ReportRenderer.h"
#include "tests/render/PdfTools.h"

#include <QCryptographicHash>
#include <QPainter>
#include <QPdfWriter>
#include <QTemporaryDir>
#include <QTest>
#include <QTransform>

using namespace bv;
using namespace bv::test;

namespace {

const QRgb watermarkRgb = qRgb(212, 212, 220);
const QString printedBy = QStringLiteral("wangwu (王五)");
const QString printedAt = QStringLiteral("2026-12-05 11:50 (UTC+08:00)");
const QString validUntil = QStringLiteral("2026-12-12");
const QString branch = QStringLiteral("第一支行 First Branch");

QString rowStart(int row)
{
    return QStringLiteral("C-%1").arg(row, 4, 10, QLatin1Char('0'));
}

QString rowEnd(int row)
{
    return QStringLiteral("E-%1").arg(row, 4, 10, QLatin1Char('0'));
}

// A roster-like document: parameters, a paragraph, a table of `rows` rows (some wrap to several lines), a
// totals row, an empty table and closing lines.
ReportDocument rosterDocument(int rows, ReportOrientation orientation = ReportOrientation::Portrait)
{
    ReportDocument document;
    document.reportKey = QStringLiteral("customer_list");
    document.title = QStringLiteral("网点客户名册 Branch customer roster");
    document.subtitle = QStringLiteral("身份信息已遮蔽 Identities masked");
    document.parameters = {{QStringLiteral("客户经理 Customer manager"), QStringLiteral("zhangsan (张三)")},
        {QStringLiteral("状态 Status"), QStringLiteral("有效 active")}};
    document.paragraphs = {QStringLiteral("本报表仅供网点内部使用。This report is for use inside the branch only; "
                                          "return it for destruction when it is no longer needed.")};
    ReportTable table;
    table.title = QStringLiteral("客户 Customers");
    table.columns = {{QStringLiteral("编号 No."), 2, false}, {QStringLiteral("姓名 Name"), 2, false},
        {QStringLiteral("证件 ID"), 3, false}, {QStringLiteral("备注 Notes"), 6, false},
        {QStringLiteral("资产 Assets"), 2, true}, {QStringLiteral("末列 Last"), 2, false}};
    if (orientation == ReportOrientation::Landscape) {
        table.columns.insert(4, {QStringLiteral("等级 Tier"), 2, false});
        table.columns.insert(5, {QStringLiteral("开户 Opened"), 2, false});
        table.columns.insert(6, {QStringLiteral("经理 Manager"), 3, false});
    }
    for (int i = 1; i <= rows; ++i) {
        QString notes = QStringLiteral("客户备注 note %1").arg(i);
        if (i % 7 == 0)
            notes = QStringLiteral("较长的备注会换行 a longer note that wraps onto several lines in its cell, "
                                   "so rows differ in height 第%1行 ")
                        .arg(i)
                        .repeated(2);
        QStringList cells {rowStart(i), QStringLiteral("客户%1").arg(i),
            QStringLiteral("110***********%1").arg(i % 10000, 4, 10, QLatin1Char('0')), notes,
            QStringLiteral("%1.00").arg(1000 + i * 37), rowEnd(i)};
        if (orientation == ReportOrientation::Landscape) {
            cells.insert(4, QStringLiteral("金卡 Gold"));
            cells.insert(5, QStringLiteral("2019-03-%1").arg(i % 28 + 1, 2, 10, QLatin1Char('0')));
            cells.insert(6, QStringLiteral("lisi (李四)"));
        }
        table.rows << cells;
    }
    table.totals = QStringList(table.columns.size(), QString());
    table.totals[0] = QStringLiteral("合计 Total");
    table.totals[table.columns.size() - 2] = QStringLiteral("123456.00");
    document.tables << table;
    ReportTable empty;
    empty.title = QStringLiteral("投诉 Complaints");
    empty.columns = {{QStringLiteral("投诉编号 Complaint"), 1, false}, {QStringLiteral("状态 State"), 1, false}};
    empty.emptyText = QStringLiteral("没有记录 No records");
    document.tables << empty;
    document.closingParagraphs = {QStringLiteral("接收人签字 Received by: ______________    日期 Date: __________")};
    document.orientation = orientation;
    document.highestGrade = 1;
    document.branch = branch;
    document.builtBy = QStringLiteral("zhaoliu (赵六)");
    document.builtAtText = QStringLiteral("2026-12-05 11:45 (UTC+08:00)");
    return document;
}

QString pageCode(const QString& serial, int copy, int page)
{
    const QByteArray body = QStringLiteral("BVP1|%1|%2|%3").arg(serial).arg(copy).arg(page).toUtf8();
    const QByteArray keyed = QByteArray("test key").append(body);
    const QByteArray mac = QCryptographicHash::hash(keyed, QCryptographicHash::Sha256).toHex().left(26);
    return QString::fromUtf8(body) + QLatin1Char('|') + QString::fromLatin1(mac);
}

PrintMarks marks(const QString& serial, int copy, int pages)
{
    PrintMarks m;
    m.serial = serial;
    m.copy = copy;
    m.copyLabel = copy == 1 ? QStringLiteral("Original") : QStringLiteral("Copy %1").arg(copy);
    m.branch = branch;
    m.printedBy = printedBy;
    m.printedAtText = printedAt;
    m.validUntil = QDate(2026, 12, 12);
    m.validUntilText = validUntil;
    for (int page = 1; page <= pages; ++page)
        m.pageCodes << pageCode(serial, copy, page);
    return m;
}

} // namespace

class TestReportRenderer : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    // Renders `copies` controlled copies of `document` (none: a preview) into one PDF; the page count of one copy.
    int render(const ReportDocument& document, const QString& pdf, const QString& serial, int copies)
    {
        QPdfWriter writer(pdf);
        ReportRenderer renderer(document);
        const int pages = renderer.layout(writer);
        QString error;
        if (copies == 0) {
            if (!renderer.paint(writer, nullptr, false, &error))
                qWarning("preview not painted: %s", qPrintable(error));
        } else {
            QPainter painter(&writer);
            for (int copy = 1; copy <= copies; ++copy) {
                const PrintMarks copyMarks = marks(serial, copy, pages);
                if (!renderer.paint(painter, writer, &copyMarks, copy > 1, &error))
                    qWarning("copy %d not painted: %s", copy, qPrintable(error));
            }
        }
        const Status repaired = PdfTextLayer::repairFile(pdf);
        if (!repaired.ok())
            qWarning("%s", qPrintable(repaired.error().fullText()));
        return pages;
    }

    // Every page of a controlled PDF: marks, page numbering, QR code read by zbarimg and by zxing-cpp.
    void checkControlledPages(const QString& pdf, const QString& serial, int copy, int firstPage, int pages)
    {
        for (int page = 1; page <= pages; ++page) {
            const int pdfPage = firstPage + page - 1;
            const QString text = pdfPageText(pdf, pdfPage);
            const QString where = QStringLiteral("page %1 of copy %2").arg(page).arg(copy);
            for (const QString& expected : {QStringLiteral("受控文件"), QStringLiteral("CONTROLLED"), serial, printedBy,
                     printedAt, validUntil, branch, QStringLiteral("Page %1 of %2").arg(page).arg(pages),
                     copy == 1 ? QStringLiteral("Original") : QStringLiteral("Copy %1").arg(copy)})
                QVERIFY2(text.contains(expected), qPrintable(where + QStringLiteral(" lacks ") + expected));

            const QString png = rasterisePage(pdf, pdfPage, m_dir.path());
            QVERIFY2(!png.isEmpty(), qPrintable(where + QStringLiteral(": pdftoppm failed")));
            const QStringList zbar = zbarCodes(png);
            QCOMPARE(zbar, QStringList {pageCode(serial, copy, page)});
            const QImage image(png);
            QVERIFY(!image.isNull());
            QCOMPARE(decodeQrCodes(image), QStringList {pageCode(serial, copy, page)});
            QVERIFY2(pixelsOfColour(image, watermarkRgb) > 2000, qPrintable(where + QStringLiteral(": no watermark")));
        }
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (qEnvironmentVariableIsSet("BV_KEEP_RENDER_OUTPUT")) { // to look at the PDFs
            m_dir.setAutoRemove(false);
            qInfo("PDFs kept in %s", qPrintable(m_dir.path()));
        }
        const QStringList missing = missingTools();
        QVERIFY2(missing.isEmpty(),
            qPrintable(
                QStringLiteral("missing tools (tools/dev.sh installs them): ") + missing.join(QStringLiteral(", "))));
    }

    void qrCodeRoundTrip()
    {
        const QString code = pageCode(QStringLiteral("BV-2026-000042"), 2, 7);
        const QImage image = qrCodeImage(code, 4);
        QVERIFY(!image.isNull());
        QCOMPARE(image.width(), image.height());
        QCOMPARE(image.width() % 4, 0);
        // the quiet zone: four white modules on every side
        const QImage gray = image.convertToFormat(QImage::Format_Grayscale8);
        for (int i = 0; i < gray.width(); ++i) {
            for (int d = 0; d < 16; ++d) {
                QCOMPARE(qGray(gray.pixel(i, d)), 255);
                QCOMPARE(qGray(gray.pixel(d, i)), 255);
                QCOMPARE(qGray(gray.pixel(i, gray.height() - 1 - d)), 255);
                QCOMPARE(qGray(gray.pixel(gray.width() - 1 - d, i)), 255);
            }
        }
        QVERIFY(qGray(gray.pixel(16, 16)) == 0); // the finder pattern starts right after it
        QCOMPARE(decodeQrCodes(image), QStringList {code});
        // turned, scaled up and in colour, as a photo would be
        const QImage turned
            = image.transformed(QTransform().rotate(90)).scaled(image.size() * 3).convertToFormat(QImage::Format_RGB32);
        QCOMPARE(decodeQrCodes(turned), QStringList {code});
        // UTF-8 survives the round trip
        const QString chinese = QStringLiteral("受控文件|BV-2026-000042");
        QCOMPARE(decodeQrCodes(qrCodeImage(chinese)), QStringList {chinese});
        // nothing to encode, nothing found
        QVERIFY(qrCodeImage(QString()).isNull());
        QVERIFY(qrCodeImage(QString(5000, QLatin1Char('x'))).isNull()); // beyond version 40 at level M
        QImage blank(400, 400, QImage::Format_RGB32);
        blank.fill(Qt::white);
        QVERIFY(decodeQrCodes(blank).isEmpty());
        QVERIFY(decodeQrCodes(QImage()).isEmpty());
    }

    void controlledPortrait()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("roster.pdf"));
        const QString serial = QStringLiteral("BV-2026-000042");
        const int rows = 150;
        const int pages = render(rosterDocument(rows), pdf, serial, 1);
        QVERIFY2(pages >= 3, qPrintable(QString::number(pages)));
        QSizeF size;
        QCOMPARE(pdfPageCount(pdf, &size), pages);
        QVERIFY2(size.width() < size.height(), "portrait");
        QVERIFY(qAbs(size.width() - 595.3) < 2); // A4

        QStringList texts;
        for (int page = 1; page <= pages; ++page)
            texts << pdfPageText(pdf, page);
        // each row on exactly one page, whole (first and last cell together), in order; header on its pages
        int lastPage = 0;
        for (int row = 1; row <= rows; ++row) {
            QList<int> starts;
            QList<int> ends;
            for (int page = 0; page < pages; ++page) {
                if (texts.at(page).contains(rowStart(row)))
                    starts << page;
                if (texts.at(page).contains(rowEnd(row)))
                    ends << page;
            }
            QVERIFY2(starts.size() == 1 && starts == ends,
                qPrintable(QStringLiteral("row %1 split or missing: starts %2, ends %3")
                               .arg(row)
                               .arg(starts.size())
                               .arg(ends.size())));
            QVERIFY(starts.first() >= lastPage);
            lastPage = starts.first();
            for (const QString& title : {QStringLiteral("编号 No."), QStringLiteral("证件 ID"),
                     QStringLiteral("资产 Assets"), QStringLiteral("末列 Last")})
                QVERIFY2(texts.at(starts.first()).contains(title),
                    qPrintable(QStringLiteral("page %1 lacks the column title %2").arg(starts.first() + 1).arg(title)));
        }
        QVERIFY(lastPage >= 2); // the table really runs over three pages
        QVERIFY(texts.at(1).contains(QStringLiteral("客户 Customers (continued)")));
        // the totals row ends the table, under the column titles (on the last row's page or the next)
        const QRegularExpression totalsLine(QStringLiteral("合计 Total.*123456\\.00"));
        int totals = -1;
        for (int page = 0; page < pages && totals < 0; ++page)
            totals = totalsLine.match(texts.at(page)).hasMatch() ? page : -1;
        QVERIFY(totals == lastPage || totals == lastPage + 1);
        QVERIFY(texts.at(totals).contains(QStringLiteral("末列 Last")));
        QVERIFY(texts.at(2).contains(QStringLiteral("rows differ in height"))); // no "ﬀ" ligature in the text
        QVERIFY(texts.last().contains(QStringLiteral("没有记录 No records")));
        QVERIFY(texts.last().contains(QStringLiteral("接收人签字 Received by")));
        QVERIFY(texts.first().contains(QStringLiteral("网点客户名册 Branch customer roster")));
        QVERIFY(texts.first().contains(QStringLiteral("zhangsan (张三)")));

        const QStringList cjk = embeddedFonts(pdf, QStringLiteral("NotoSansCJK"));
        QVERIFY2(!cjk.isEmpty(), "no embedded Noto Sans CJK font");
        checkControlledPages(pdf, serial, 1, 1, pages);
    }

    void twoCopiesInOneJob()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("copies.pdf"));
        const QString serial = QStringLiteral("BV-2026-000043");
        const int pages = render(rosterDocument(40), pdf, serial, 2);
        QVERIFY(pages >= 1);
        QCOMPARE(pdfPageCount(pdf), 2 * pages);
        checkControlledPages(pdf, serial, 1, 1, pages);
        checkControlledPages(pdf, serial, 2, pages + 1, pages);
    }

    void secondCopyThroughTheActivePainter()
    {
        // paint(device, ...) while a painter is active on the device draws with that painter
        const QString pdf = m_dir.filePath(QStringLiteral("active.pdf"));
        const QString serial = QStringLiteral("BV-2026-000044");
        QPdfWriter writer(pdf);
        ReportRenderer renderer(rosterDocument(5));
        const int pages = renderer.layout(writer);
        QCOMPARE(renderer.pageCount(), pages);
        QPainter painter(&writer);
        const PrintMarks first = marks(serial, 1, pages);
        const PrintMarks second = marks(serial, 2, pages);
        QString error;
        QVERIFY2(renderer.paint(writer, &first, false, &error), qPrintable(error));
        QVERIFY2(renderer.paint(writer, &second, true, &error), qPrintable(error));
        QVERIFY(painter.isActive());
        QVERIFY(painter.end());
        QVERIFY(PdfTextLayer::repairFile(pdf).ok());
        QCOMPARE(pdfPageCount(pdf), 2 * pages);
        checkControlledPages(pdf, serial, 2, pages + 1, pages);
    }

    void controlledLandscape()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("landscape.pdf"));
        const QString serial = QStringLiteral("BV-2026-000045");
        const int rows = 70;
        const int pages = render(rosterDocument(rows, ReportOrientation::Landscape), pdf, serial, 1);
        QVERIFY(pages >= 2);
        QSizeF size;
        QCOMPARE(pdfPageCount(pdf, &size), pages);
        QVERIFY2(size.width() > size.height(), "landscape");
        for (int page = 1; page <= pages; ++page) {
            const QString text = pdfPageText(pdf, page);
            if (text.contains(QStringLiteral("C-00")))
                QVERIFY2(text.contains(QStringLiteral("经理 Manager")), qPrintable(QString::number(page)));
        }
        for (int row = 1; row <= rows; ++row) {
            int starts = 0;
            for (int page = 1; page <= pages; ++page) {
                const QString text = pdfPageText(pdf, page);
                if (text.contains(rowStart(row))) {
                    ++starts;
                    QVERIFY2(text.contains(rowEnd(row)), qPrintable(QStringLiteral("row %1 split").arg(row)));
                }
            }
            QCOMPARE(starts, 1);
        }
        checkControlledPages(pdf, serial, 1, 1, pages);
    }

    void previewHasNoCode()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("preview.pdf"));
        const int pages = render(rosterDocument(60), pdf, QString(), 0);
        QCOMPARE(pdfPageCount(pdf), pages);
        for (int page = 1; page <= pages; ++page) {
            const QString text = pdfPageText(pdf, page);
            QVERIFY(text.contains(QStringLiteral("PREVIEW — not a controlled copy")));
            QVERIFY(text.contains(QStringLiteral("Page %1 of %2").arg(page).arg(pages)));
            QVERIFY(text.contains(QStringLiteral("zhaoliu (赵六)")));
            QVERIFY(!text.contains(QStringLiteral("CONTROLLED")));
            QVERIFY(!text.contains(QStringLiteral("受控文件")));
            const QString png = rasterisePage(pdf, page, m_dir.path());
            QVERIFY(!png.isEmpty());
            int exitCode = 0;
            QVERIFY(zbarCodes(png, &exitCode).isEmpty());
            QCOMPARE(exitCode, 4); // zbarimg: no symbol found
            const QImage image(png);
            QVERIFY(decodeQrCodes(image).isEmpty());
            QVERIFY(pixelsOfColour(image, watermarkRgb) > 2000);
        }
    }

    void rowTallerThanAPageIsCutAndSaysSo()
    {
        ReportDocument document = rosterDocument(3);
        document.tables[0].rows[1][3] = QStringLiteral("很长的备注 an endless note that runs on and on ").repeated(400);
        const QString pdf = m_dir.filePath(QStringLiteral("tall.pdf"));
        const int pages = render(document, pdf, QStringLiteral("BV-2026-000046"), 1);
        QCOMPARE(pdfPageCount(pdf), pages);
        QVERIFY2(pages <= 3, qPrintable(QString::number(pages)));
        QString all;
        for (int page = 1; page <= pages; ++page) {
            const QString text = pdfPageText(pdf, page);
            all += text;
            for (int row = 1; row <= 3; ++row) {
                if (text.contains(rowStart(row)))
                    QVERIFY2(text.contains(rowEnd(row)), qPrintable(QStringLiteral("row %1 split").arg(row)));
            }
        }
        QVERIFY(all.contains(QStringLiteral("[cut here: this cell is longer than a page]")));
        checkControlledPages(pdf, QStringLiteral("BV-2026-000046"), 1, 1, pages);
    }

    void missingPageCodesAreRefused()
    {
        const QString pdf = m_dir.filePath(QStringLiteral("refused.pdf"));
        QPdfWriter writer(pdf);
        ReportRenderer renderer(rosterDocument(150));
        const int pages = renderer.layout(writer);
        QVERIFY(pages >= 3);
        PrintMarks short1 = marks(QStringLiteral("BV-2026-000047"), 1, pages - 1);
        QString error;
        QVERIFY(!renderer.paint(writer, &short1, false, &error));
        QVERIFY2(
            error.contains(QString::number(pages - 1)) && error.contains(QString::number(pages)), qPrintable(error));
        PrintMarks blank = marks(QStringLiteral("BV-2026-000047"), 1, pages);
        blank.pageCodes[1].clear();
        error.clear();
        QVERIFY(!renderer.paint(writer, &blank, false, &error));
        QVERIFY2(error.contains(QStringLiteral("page 2")), qPrintable(error));
    }

    void emptyDocumentIsOnePage()
    {
        ReportDocument document;
        document.title = QStringLiteral("空 Empty");
        const QString pdf = m_dir.filePath(QStringLiteral("empty.pdf"));
        QCOMPARE(render(document, pdf, QStringLiteral("BV-2026-000048"), 1), 1);
        QCOMPARE(pdfPageCount(pdf), 1);
        checkControlledPages(pdf, QStringLiteral("BV-2026-000048"), 1, 1, 1);
    }

    void textLayerReadsIdeographsNotRadicals()
    {
        // U+2F42 KANGXI RADICAL SCRIPT is 文, U+2EDA CJK RADICAL C-SIMPLIFIED LEAF is 页
        QCOMPARE(PdfTextLayer::ideographFor(0x2F42), char32_t(0x6587));
        QCOMPARE(PdfTextLayer::ideographFor(0x2EDA), char32_t(0x9875));
        QCOMPARE(PdfTextLayer::ideographFor(0x0041), char32_t(0));
        const QByteArray cmap = "stream\n1 beginbfrange\n<2F42> <2F43> [<2F42> <0041>]\n<0005> <0005> <2EDA>\n"
                                "endbfrange\n1 beginbfchar\n<2F42> <2F42>\nendbfchar\nendstream";
        const QByteArray fixed = PdfTextLayer::repaired(cmap);
        QCOMPARE(fixed.size(), cmap.size());
        QCOMPARE(fixed,
            QByteArray("stream\n1 beginbfrange\n<2F42> <2F43> [<6587> <0041>]\n<0005> <0005> <9875>\n"
                       "endbfrange\n1 beginbfchar\n<2F42> <6587>\nendbfchar\nendstream"));
        // a PDF with nothing to repair is returned as it was
        QCOMPARE(PdfTextLayer::repaired(QByteArray("%PDF-1.4 nothing here")), QByteArray("%PDF-1.4 nothing here"));
        QVERIFY(!PdfTextLayer::repairFile(m_dir.filePath(QStringLiteral("no-such.pdf"))).ok());
    }
};

QTEST_MAIN(TestReportRenderer)
#include "tst_reportrenderer.moc"
