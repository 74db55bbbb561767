// CsvReader: encoding detection (UTF-8, UTF-8 with BOM, GB18030), refusal of binary, UTF-16 and empty files,
// RFC 4180 parsing with line numbers, heading rows in English and Chinese, row shapes, limits, chunk boundaries,
// progress, and failures of the file while reading.
#include "core/customers/rules/CsvReader.h"
#include "tests/testsupport/TestSupport.h"

#include <QBuffer>
#include <QFile>
#include <QTemporaryFile>
#include <QTest>

using namespace bv;
using namespace bv::test;

namespace {

template <qsizetype N>
QByteArray bytes(const char (&text)[N])
{
    return QByteArray(text, N - 1); // keeps embedded NULs
}

QByteArray utf8(const QString& text)
{
    return text.toUtf8();
}

const QList<CsvColumn>& templateColumns()
{
    static const QList<CsvColumn> columns = {
        {QStringLiteral("name"), QStringLiteral("Name"), QStringLiteral("姓名"), true},
        {QStringLiteral("id_number"), QStringLiteral("ID number"), QStringLiteral("证件号码"), true},
        {QStringLiteral("mobile"), QStringLiteral("Mobile"), QStringLiteral("手机号码"), false},
        {QStringLiteral("remark"), QStringLiteral("Remark"), QStringLiteral("备注"), false},
    };
    return columns;
}

CsvReader::Options chunkOptions(qsizetype chunkBytes)
{
    CsvReader::Options options;
    options.chunkBytes = chunkBytes;
    return options;
}

struct Outcome
{
    QList<qint64> lines; // line of each record read
    QList<QStringList> records; // fields of each record read
    QList<qint64> errorLines; // line of each refused record
    QStringList errors; // message of each refused record or failure
    bool failed = false;
};

// Reads every record; errors are collected and reading goes on, as the import does.
Outcome readAllRecords(CsvReader& reader)
{
    Outcome outcome;
    CsvRecord record;
    for (int guard = 0; guard < 10'000'000; ++guard) {
        const Result<bool> more = reader.readRecord(&record);
        if (!more.ok()) {
            outcome.errorLines.append(record.line);
            outcome.errors.append(more.error().message);
            if (reader.failed()) {
                outcome.failed = true;
                break;
            }
            continue;
        }
        if (!*more)
            break;
        outcome.lines.append(record.line);
        outcome.records.append(record.fields);
    }
    return outcome;
}

Outcome parse(const QByteArray& data, const CsvReader::Options& options = CsvReader::Options())
{
    CsvReader reader(options);
    const Status opened = reader.open(data);
    if (!opened.ok()) {
        Outcome outcome;
        outcome.errors.append(QStringLiteral("open: ") + opened.error().message);
        outcome.failed = true;
        return outcome;
    }
    return readAllRecords(reader);
}

QString openError(const QByteArray& data, ErrorCode* code = nullptr)
{
    CsvReader reader;
    const Status opened = reader.open(data);
    if (opened.ok())
        return QString();
    if (code)
        *code = opened.error().code;
    return opened.error().message;
}

const QString kSaveAsUtf8 = QStringLiteral("Save it from Excel as \"CSV UTF-8\" and import again.");

// A QBuffer that fails every read once told to.
class FailingBuffer : public QBuffer
{
public:
    bool fail = false;

protected:
    qint64 readData(char* data, qint64 maxSize) override
    {
        if (fail) {
            setErrorString(QStringLiteral("simulated read error"));
            return -1;
        }
        return QBuffer::readData(data, maxSize);
    }
};

class SequentialBuffer : public QBuffer
{
public:
    bool isSequential() const override { return true; }
};

} // namespace

Q_DECLARE_METATYPE(CsvReader::Encoding)

class TestCsvReader : public QObject
{
    Q_OBJECT

private slots:
    // --- Encodings -------------------------------------------------------------------------------------------

    void encodings_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<CsvReader::Encoding>("encoding");
        QTest::addColumn<qsizetype>("chunkBytes");

        // 姓名,证件号码,备注 / 张三,11010519491231002X,"a, b" / 李四𠮷,110105194912310037,䶮€
        const QString text = QStringLiteral("姓名,证件号码,备注\r\n张三,11010519491231002X,\"a, b\"\r\n"
                                            "李四𠮷,110105194912310037,䶮€\r\n");
        // The same text in GB18030, from known byte sequences: 张三 D5C5 C8FD (GBK), 𠮷 9534B235 (four bytes,
        // outside GBK), 䶮 FE9F, € A2E3.
        const QByteArray gb18030 = bytes("\xD0\xD5\xC3\xFB,\xD6\xA4\xBC\xFE\xBA\xC5\xC2\xEB,\xB1\xB8\xD7\xA2\r\n"
                                         "\xD5\xC5\xC8\xFD,11010519491231002X,\"a, b\"\r\n"
                                         "\xC0\xEE\xCB\xC4\x95\x34\xB2\x35,110105194912310037,\xFE\x9F\xA2\xE3\r\n");
        for (const qsizetype chunk : {qsizetype(1), qsizetype(2), qsizetype(3), qsizetype(5), qsizetype(65536)}) {
            const QByteArray suffix = " chunk " + QByteArray::number(chunk);
            QTest::newRow(QByteArray("UTF-8" + suffix).constData()) << utf8(text) << CsvReader::Encoding::Utf8 << chunk;
            QTest::newRow(QByteArray("UTF-8 with BOM" + suffix).constData())
                << QByteArray("\xEF\xBB\xBF" + utf8(text)) << CsvReader::Encoding::Utf8WithBom << chunk;
            QTest::newRow(QByteArray("GB18030" + suffix).constData())
                << gb18030 << CsvReader::Encoding::Gb18030 << chunk;
        }
    }

    void encodings()
    {
        QFETCH(QByteArray, data);
        QFETCH(CsvReader::Encoding, encoding);
        QFETCH(qsizetype, chunkBytes);

        CsvReader reader(chunkOptions(chunkBytes));
        BV_VERIFY_OK(reader.open(data));
        QCOMPARE(reader.encoding(), encoding);
        QCOMPARE(reader.totalBytes(), qint64(data.size()));

        const Outcome outcome = readAllRecords(reader);
        QCOMPARE(outcome.errors, QStringList());
        QCOMPARE(outcome.lines, (QList<qint64> {1, 2, 3}));
        QCOMPARE(outcome.records.size(), 3);
        // The BOM is not part of the first heading.
        QCOMPARE(outcome.records.at(0),
            (QStringList {QStringLiteral("姓名"), QStringLiteral("证件号码"), QStringLiteral("备注")}));
        QCOMPARE(outcome.records.at(1),
            (QStringList {QStringLiteral("张三"), QStringLiteral("11010519491231002X"), QStringLiteral("a, b")}));
        QCOMPARE(outcome.records.at(2),
            (QStringList {QStringLiteral("李四𠮷"), QStringLiteral("110105194912310037"), QStringLiteral("䶮€")}));
        QCOMPARE(outcome.records.at(2).at(0).size(), 4); // 𠮷 is one surrogate pair
        QCOMPARE(reader.bytesConsumed(), reader.totalBytes());
    }

    void asciiIsUtf8()
    {
        CsvReader reader;
        BV_VERIFY_OK(reader.open(QByteArray("Name,ID number\n")));
        QCOMPARE(reader.encoding(), CsvReader::Encoding::Utf8);
    }

    void notUtf8NorGb18030_data()
    {
        QTest::addColumn<QByteArray>("data");
        // 80 and FF are single bytes that neither encoding allows.
        QTest::newRow("80 FF") << bytes("Name,ID number\n\x80\x80\xFF\xFF,1\n");
        // A GB18030 lead byte with an invalid trail byte (and not UTF-8 either).
        QTest::newRow("81 7F") << bytes("Name,ID number,Mobile\n\x81\x7F,1\n");
        // A four-byte GB18030 code past U+10FFFF.
        QTest::newRow("E3329A36") << bytes("\xD5\xC5\xC8\xFD\n\xE3\x32\x9A\x36\n");
        // GB18030 text cut off in the middle of a character at the end of the file.
        QTest::newRow("truncated at end") << bytes("\xD5\xC5\xC8\xFD,\xD5");
        QTest::newRow("truncated four-byte") << bytes("\xD5\xC5\xC8\xFD,\x95\x34\xB2");
        // The invalid byte comes long after the first chunk.
        QTest::newRow("late invalid byte") << QByteArray(QByteArray(200000, 'a') + "\n\xD5\xC5\xFF\n");
    }

    void notUtf8NorGb18030()
    {
        QFETCH(QByteArray, data);
        ErrorCode code = ErrorCode::None;
        QCOMPARE(openError(data, &code), QStringLiteral("The file is neither UTF-8 nor GB18030 text. ") + kSaveAsUtf8);
        QCOMPARE(code, ErrorCode::InvalidInput);
    }

    void bomButNotUtf8()
    {
        // The BOM says UTF-8, the rest is GB18030: refused rather than guessed.
        QCOMPARE(openError(bytes("\xEF\xBB\xBFName\n\xD5\xC5\xC8\xFD\n")),
            QStringLiteral("The file is marked as UTF-8 but contains bytes that are not UTF-8 text. ") + kSaveAsUtf8);
    }

    void utf8Strictness_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::newRow("overlong") << bytes("\xEF\xBB\xBF\xC0\xAF\n");
        QTest::newRow("surrogate") << bytes("\xEF\xBB\xBF\xED\xA0\x80\n");
        QTest::newRow("above U+10FFFF") << bytes("\xEF\xBB\xBF\xF4\x90\x80\x80\n");
        QTest::newRow("truncated") << bytes("\xEF\xBB\xBFName,\xE5\xBC");
    }

    void utf8Strictness()
    {
        QFETCH(QByteArray, data);
        QVERIFY(openError(data).startsWith(QStringLiteral("The file is marked as UTF-8 but")));
    }

    void utf16Refused_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::newRow("UTF-16LE") << bytes("\xFF\xFEN\0a\0m\0e\0\r\0\n\0");
        QTest::newRow("UTF-16BE") << bytes("\xFE\xFF\0N\0a\0m\0e\0\r\0\n");
    }

    void utf16Refused()
    {
        QFETCH(QByteArray, data);
        QCOMPARE(openError(data),
            QStringLiteral("The file is saved as \"Unicode text\" (UTF-16), which cannot be imported. ") + kSaveAsUtf8);
    }

    void binaryRefused_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::newRow("PNG") << bytes("\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0\x1F\xF3\xFF"
                                      "a\0\0\0\0IEND\xAE\x42\x60\x82");
        QTest::newRow("NUL in text") << bytes("Name,ID number\nabc\0def,1\n");
        QTest::newRow("mostly control bytes") << bytes("\x01\x02\x03\x04\x05,abc\n");
    }

    void binaryRefused()
    {
        QFETCH(QByteArray, data);
        ErrorCode code = ErrorCode::None;
        QCOMPARE(openError(data, &code),
            QStringLiteral("The file is not a text file (it contains binary data). Check that you chose the "
                           "CSV file. ")
                + kSaveAsUtf8);
        QCOMPARE(code, ErrorCode::InvalidInput);
    }

    void emptyFile_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::newRow("0 bytes") << QByteArray();
        QTest::newRow("BOM only") << bytes("\xEF\xBB\xBF");
    }

    void emptyFile()
    {
        QFETCH(QByteArray, data);
        CsvReader reader;
        const Status opened = reader.open(data);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, ErrorCode::InvalidInput);
        QCOMPARE(opened.error().message,
            QStringLiteral("The file is empty. Fill in the import template, save it and import again."));
        QCOMPARE(reader.encoding(), CsvReader::Encoding::Unknown);
        // Nothing can be read from a reader whose open() failed.
        CsvRecord record;
        QCOMPARE(reader.readRecord(&record).code(), ErrorCode::Internal);
    }

    void onlyBlankLines()
    {
        CsvReader reader;
        BV_VERIFY_OK(reader.open(bytes("\xEF\xBB\xBF\r\n\r\n\n")));
        const Status header = reader.readHeader(templateColumns());
        QVERIFY(!header.ok());
        QCOMPARE(header.error().message,
            QStringLiteral("The file is empty. Fill in the import template, save it and import again."));

        CsvReader raw;
        BV_VERIFY_OK(raw.open(bytes("\n\n\r\n")));
        const Outcome outcome = readAllRecords(raw);
        QCOMPARE(outcome.records.size(), 0);
        QCOMPARE(outcome.errors.size(), 0);
    }

    // --- RFC 4180 parsing ------------------------------------------------------------------------------------

    void parsing_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QList<qint64>>("lines");
        QTest::addColumn<QList<QStringList>>("records");

        const auto s = [](const char* text) { return QString::fromUtf8(text); };
        QTest::newRow("quoted comma") << QByteArray("a,\"b,c\",d\n") << QList<qint64> {1}
                                      << QList<QStringList> {{s("a"), s("b,c"), s("d")}};
        QTest::newRow("escaped quotes") << QByteArray("\"say \"\"hi\"\"\",\"\"\"\"\n") << QList<qint64> {1}
                                        << QList<QStringList> {{s("say \"hi\""), s("\"")}};
        QTest::newRow("quoted LF") << QByteArray("\"l1\nl2\",x\ny,z\n") << QList<qint64> {1, 3}
                                   << QList<QStringList> {{s("l1\nl2"), s("x")}, {s("y"), s("z")}};
        QTest::newRow("quoted CRLF") << QByteArray("\"l1\r\nl2\",x\r\ny,z\r\n") << QList<qint64> {1, 3}
                                     << QList<QStringList> {{s("l1\r\nl2"), s("x")}, {s("y"), s("z")}};
        QTest::newRow("quoted CR") << QByteArray("\"l1\rl2\",x\ry\r") << QList<qint64> {1, 3}
                                   << QList<QStringList> {{s("l1\rl2"), s("x")}, {s("y")}};
        QTest::newRow("several quoted line breaks")
            << QByteArray("h\n\"a\n\nb\",\"c\r\nd\"\nnext\n") << QList<qint64> {1, 2, 6}
            << QList<QStringList> {{s("h")}, {s("a\n\nb"), s("c\r\nd")}, {s("next")}};
        QTest::newRow("empty quoted values")
            << QByteArray("\"\",a,\"\"\n") << QList<qint64> {1} << QList<QStringList> {{s(""), s("a"), s("")}};
        QTest::newRow("empty values") << QByteArray(",,\n") << QList<qint64> {1}
                                      << QList<QStringList> {{s(""), s(""), s("")}};
        QTest::newRow("trailing comma") << QByteArray("a,b,\n") << QList<qint64> {1}
                                        << QList<QStringList> {{s("a"), s("b"), s("")}};
        QTest::newRow("no final line break") << QByteArray("a,b\nc,d") << QList<qint64> {1, 2}
                                             << QList<QStringList> {{s("a"), s("b")}, {s("c"), s("d")}};
        QTest::newRow("spaces kept") << QByteArray(" a , b \n") << QList<qint64> {1}
                                     << QList<QStringList> {{s(" a "), s(" b ")}};
        QTest::newRow("spaces around a quoted value are text")
            << QByteArray(" \"a\" ,b\n") << QList<qint64> {1} << QList<QStringList> {{s(" \"a\" "), s("b")}};
        QTest::newRow("tab kept") << QByteArray("a\tb,c\n") << QList<qint64> {1}
                                  << QList<QStringList> {{s("a\tb"), s("c")}};
        QTest::newRow("quote inside unquoted value") << QByteArray("5'10\",ab\"c\"d\n") << QList<qint64> {1}
                                                     << QList<QStringList> {{s("5'10\""), s("ab\"c\"d")}};
        QTest::newRow("blank lines skipped but counted")
            << QByteArray("\n\na\n\n\nb\r\n\r\n\rc") << QList<qint64> {3, 6, 9}
            << QList<QStringList> {{s("a")}, {s("b")}, {s("c")}};
        QTest::newRow("a line of spaces is a record")
            << QByteArray("a\n  \nb") << QList<qint64> {1, 2, 3} << QList<QStringList> {{s("a")}, {s("  ")}, {s("b")}};
        QTest::newRow("mixed line ends") << QByteArray("a\r\nb\nc\rd\r\n") << QList<qint64> {1, 2, 3, 4}
                                         << QList<QStringList> {{s("a")}, {s("b")}, {s("c")}, {s("d")}};
        QTest::newRow("LF CR is two line breaks")
            << QByteArray("a\n\rb\n") << QList<qint64> {1, 3} << QList<QStringList> {{s("a")}, {s("b")}};
        QTest::newRow("only a line break") << QByteArray("\r\n") << QList<qint64> {} << QList<QStringList> {};
    }

    void parsing()
    {
        QFETCH(QByteArray, data);
        QFETCH(QList<qint64>, lines);
        QFETCH(QList<QStringList>, records);
        for (const qsizetype chunk : {qsizetype(1), qsizetype(2), qsizetype(65536)}) {
            const Outcome outcome = parse(data, chunkOptions(chunk));
            QCOMPARE(outcome.errors, QStringList());
            QCOMPARE(outcome.records, records);
            QCOMPARE(outcome.lines, lines);
        }
    }

    void lineEnds_data()
    {
        QTest::addColumn<QByteArray>("lineEnd");
        QTest::newRow("CRLF") << QByteArray("\r\n");
        QTest::newRow("LF") << QByteArray("\n");
        QTest::newRow("CR") << QByteArray("\r");
    }

    void lineEnds()
    {
        QFETCH(QByteArray, lineEnd);
        const QByteArray& e = lineEnd;
        const QByteArray data = "h1,h2" + e + "a,b" + e + e + "c,\"x" + e + "y\"" + e + "d,e" + e;
        for (const qsizetype chunk : {qsizetype(1), qsizetype(65536)}) {
            const Outcome outcome = parse(data, chunkOptions(chunk));
            QCOMPARE(outcome.errors, QStringList());
            QCOMPARE(outcome.lines, (QList<qint64> {1, 2, 4, 6}));
            QCOMPARE(outcome.records,
                (QList<QStringList> {{QStringLiteral("h1"), QStringLiteral("h2")},
                    {QStringLiteral("a"), QStringLiteral("b")},
                    {QStringLiteral("c"), QStringLiteral("x") + QString::fromLatin1(e) + QStringLiteral("y")},
                    {QStringLiteral("d"), QStringLiteral("e")}}));
        }
    }

    void textAfterClosingQuote()
    {
        const Outcome outcome = parse("a,\"b\"c,d\nnext,row\n");
        QCOMPARE(outcome.errors,
            QStringList {QStringLiteral(
                "Line 1, column B: there is text after the closing quote of a quoted value. Put the whole "
                "value in quotes and write each quote inside it twice (\"\"), or remove the quotes.")});
        QCOMPARE(outcome.errorLines, QList<qint64> {1});
        QCOMPARE(outcome.failed, false);
        QCOMPARE(outcome.lines, QList<qint64> {2});
        QCOMPARE(outcome.records, (QList<QStringList> {{QStringLiteral("next"), QStringLiteral("row")}}));
    }

    void unterminatedQuote_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<qint64>("line");
        QTest::addColumn<QString>("column");
        QTest::addColumn<int>("recordsBefore");
        QTest::newRow("first column") << QByteArray("h\nok\n\"never closed,\nmore\nlines\n") << qint64(3)
                                      << QStringLiteral("A") << 2;
        QTest::newRow("third column, record starts on line 2")
            << QByteArray("a,b\nc,d,\"x\ny") << qint64(2) << QStringLiteral("C") << 1;
        QTest::newRow("after a complete quoted value")
            << QByteArray("\"ok\"\"\",\"\n\n\n") << qint64(1) << QStringLiteral("B") << 0;
    }

    void unterminatedQuote()
    {
        QFETCH(QByteArray, data);
        QFETCH(qint64, line);
        QFETCH(QString, column);
        QFETCH(int, recordsBefore);
        const Outcome outcome = parse(data);
        QCOMPARE(outcome.records.size(), recordsBefore);
        QCOMPARE(outcome.errorLines, QList<qint64> {line});
        QCOMPARE(outcome.errors,
            QStringList {QStringLiteral("Line %1, column %2: the quoted value starting here has no closing quote "
                                        "(\"), so everything from line %1 to the end of the file was read as "
                                        "this one value. Add the missing quote and import again.")
                             .arg(line)
                             .arg(column)});
        QCOMPARE(outcome.failed, false);
    }

    void unterminatedQuoteWinsOverLength()
    {
        // The value grows past the limit because its closing quote is missing: the missing quote is reported.
        CsvReader::Options options;
        options.maxFieldChars = 10;
        const Outcome outcome = parse("a\nb,\"" + QByteArray(100, 'x') + "\n" + QByteArray(100, 'y') + "\n", options);
        QCOMPARE(outcome.errorLines, QList<qint64> {2});
        QCOMPARE(outcome.errors.size(), 1);
        QVERIFY2(outcome.errors.at(0).startsWith(QStringLiteral("Line 2, column B: the quoted value starting here")),
            qPrintable(outcome.errors.at(0)));
    }

    // --- Heading row -----------------------------------------------------------------------------------------

    void header_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QStringList>("keys");
        const QStringList all
            = {QStringLiteral("name"), QStringLiteral("id_number"), QStringLiteral("mobile"), QStringLiteral("remark")};
        QTest::newRow("English") << QByteArray("Name,ID number,Mobile,Remark\n") << all;
        QTest::newRow("English, other case and spaces")
            << QByteArray("  name , id  NUMBER ,MOBILE,\tremark\t\n") << all;
        QTest::newRow("Chinese") << utf8(QStringLiteral("姓名,证件号码,手机号码,备注\n")) << all;
        QTest::newRow("Chinese with BOM and spaces")
            << QByteArray("\xEF\xBB\xBF" + utf8(QStringLiteral(" 姓名 ,\u3000证件号码\u3000, 手机号码,备注 \n")))
            << all;
        QTest::newRow("keys") << QByteArray("name,ID_NUMBER,mobile,remark\n") << all;
        QTest::newRow("quoted headings") << QByteArray("\"Name\",\" ID number \",Mobile,Remark\n") << all;
        QTest::newRow("BOM in a later heading") << utf8(QStringLiteral("Name,\uFEFFID number\n"))
                                                << QStringList {QStringLiteral("name"), QStringLiteral("id_number")};
        QTest::newRow("other order, optional column missing, empty heading")
            << utf8(QStringLiteral("证件号码,,Name,备注\n"))
            << QStringList {QStringLiteral("id_number"), QString(), QStringLiteral("name"), QStringLiteral("remark")};
        QTest::newRow("GB18030") << bytes("\xD0\xD5\xC3\xFB,\xD6\xA4\xBC\xFE\xBA\xC5\xC2\xEB\r\n")
                                 << QStringList {QStringLiteral("name"), QStringLiteral("id_number")};
    }

    void header()
    {
        QFETCH(QByteArray, data);
        QFETCH(QStringList, keys);
        CsvReader reader;
        BV_VERIFY_OK(reader.open(data));
        BV_VERIFY_OK(reader.readHeader(templateColumns()));
        QCOMPARE(reader.headerKeys(), keys);
        CsvRow row;
        const Result<bool> more = reader.readRow(&row);
        BV_VERIFY_OK(more);
        QCOMPARE(*more, false);
    }

    void headerProblems_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown") << QByteArray("Name,ID number,Foo,,Bar\n")
                                 << QStringLiteral(
                                        "Line 1: unknown column headings: column C \"Foo\", column E \"Bar\". "
                                        "Use the headings of the import template (in English or Chinese), "
                                        "or delete these columns.");
        QTest::newRow("missing") << QByteArray("Name,Mobile\n")
                                 << QStringLiteral("The heading row has no column for: ID number (证件号码). Add these "
                                                   "columns (see the import template) and import again.");
        QTest::newRow("unknown and missing, after blank lines")
            << QByteArray("\r\n\r\nFoo,Mobile\r\n")
            << QStringLiteral("Line 3: unknown column headings: column A \"Foo\". Use the headings of the import "
                              "template (in English or Chinese), or delete these columns. The heading row has no "
                              "column for: Name (姓名), ID number (证件号码). Add these columns (see the import "
                              "template) and import again.");
        QTest::newRow("duplicate") << utf8(QStringLiteral("Name,ID number,姓名\n"))
                                   << QStringLiteral(
                                          "Line 1: columns A and C are both the column \"Name\". Delete one of them.");
        QTest::newRow("long unknown heading shortened")
            << QByteArray("Name,ID number," + QByteArray(100, 'x') + "\n")
            << QStringLiteral("Line 1: unknown column headings: column C \"%1\u2026\". Use the headings of the import "
                              "template (in English or Chinese), or delete these columns.")
                   .arg(QString(40, u'x'));
        // Heading row deleted: the first row is a customer; none of its values may appear in the message.
        QTest::newRow("data row first")
            << utf8(QStringLiteral("张三,110105194912310037\n"))
            << QStringLiteral("Line 1 is not the heading row of the import template: none of its values is a known "
                              "column heading. Put the template's heading row first and import again.");
    }

    void headerProblems()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, message);
        CsvReader reader;
        BV_VERIFY_OK(reader.open(data));
        const Status header = reader.readHeader(templateColumns());
        QVERIFY(!header.ok());
        QCOMPARE(header.error().code, ErrorCode::InvalidInput);
        QCOMPARE(header.error().message, message);
        CsvRow row;
        QCOMPARE(reader.readRow(&row).code(), ErrorCode::Internal);
    }

    void rowBeforeHeader()
    {
        CsvReader reader;
        BV_VERIFY_OK(reader.open(QByteArray("Name,ID number\n")));
        CsvRow row;
        QCOMPARE(reader.readRow(&row).code(), ErrorCode::Internal);
    }

    // --- Rows mapped through the heading row -----------------------------------------------------------------

    void rows()
    {
        CsvReader reader;
        BV_VERIFY_OK(reader.open(utf8(QStringLiteral("\uFEFF证件号码 , 姓名,,Mobile\r\n"
                                                     "110105194912310037, 张三 ,,13912345678\r\n"
                                                     "\r\n"
                                                     ",,,\r\n" // formatted but empty row in Excel
                                                     " , ,\t,\r\n" // spaces only
                                                     "X1,李四\r\n" // fewer values than headings
                                                     "X2,王五,,139,,\r\n" // empty extra values are tolerated
                                                     "\"X3\",\"赵\r\n六\",,\"1\"\"2\"\r\n"))));
        BV_VERIFY_OK(reader.readHeader(templateColumns()));
        QCOMPARE(reader.headerKeys(),
            (QStringList {QStringLiteral("id_number"), QStringLiteral("name"), QString(), QStringLiteral("mobile")}));

        QList<CsvRow> rows;
        CsvRow row;
        for (;;) {
            const Result<bool> more = reader.readRow(&row);
            BV_VERIFY_OK(more);
            if (!*more)
                break;
            rows.append(row);
        }
        QCOMPARE(rows.size(), 4);
        QCOMPARE(rows.at(0).line, qint64(2));
        QCOMPARE(rows.at(0).values,
            (QHash<QString, QString> {{QStringLiteral("id_number"), QStringLiteral("110105194912310037")},
                {QStringLiteral("name"), QStringLiteral(" 张三 ")},
                {QStringLiteral("mobile"), QStringLiteral("13912345678")}}));
        QCOMPARE(rows.at(1).line, qint64(6));
        QCOMPARE(rows.at(1).values,
            (QHash<QString, QString> {{QStringLiteral("id_number"), QStringLiteral("X1")},
                {QStringLiteral("name"), QStringLiteral("李四")}, {QStringLiteral("mobile"), QString()}}));
        QCOMPARE(rows.at(2).line, qint64(7));
        QCOMPARE(rows.at(2).values.value(QStringLiteral("mobile")), QStringLiteral("139"));
        QCOMPARE(rows.at(3).line, qint64(8));
        QCOMPARE(rows.at(3).values,
            (QHash<QString, QString> {{QStringLiteral("id_number"), QStringLiteral("X3")},
                {QStringLiteral("name"), QStringLiteral("赵\r\n六")},
                {QStringLiteral("mobile"), QStringLiteral("1\"2")}}));
    }

    void rowErrors_data()
    {
        QTest::addColumn<QByteArray>("row");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("field");
        QTest::newRow("too many values")
            << QByteArray("a,b,,c")
            << QStringLiteral("Line 2, column D: this value is to the right of the last column of the heading row (3 "
                              "columns). Delete it, or put values that contain commas in quotes.")
            << QString();
        QTest::newRow("value without heading")
            << QByteArray("a,b,x")
            << QStringLiteral("Line 2, column C: there is a value in a column without a "
                              "heading. Delete the value or add the column's heading.")
            << QString();
        QTest::newRow("text after closing quote")
            << QByteArray("a,\"1\"2")
            << QStringLiteral("Line 2, column B (ID number): there is text after the closing quote of a quoted "
                              "value. Put the whole value in quotes and write each quote inside it twice (\"\"), "
                              "or remove the quotes.")
            << QStringLiteral("id_number");
        QTest::newRow("value too long")
            << QByteArray("a," + QByteArray(65537, '1'))
            << QStringLiteral("Line 2, column B (ID number): the value is longer than 65536 characters. Shorten it; "
                              "if it should not be this long, look for a missing closing quote (\").")
            << QStringLiteral("id_number");
    }

    void rowErrors()
    {
        QFETCH(QByteArray, row);
        QFETCH(QString, message);
        QFETCH(QString, field);
        CsvReader reader;
        BV_VERIFY_OK(reader.open("Name,ID number,\n" + row + "\nnext,1\n"));
        BV_VERIFY_OK(reader.readHeader(templateColumns()));
        CsvRow mapped;
        const Result<bool> bad = reader.readRow(&mapped);
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().code, ErrorCode::InvalidInput);
        QCOMPARE(bad.error().message, message);
        QCOMPARE(bad.error().field, field);
        QCOMPARE(mapped.line, qint64(2));
        QVERIFY(!reader.failed());
        // Reading goes on with the next row.
        const Result<bool> next = reader.readRow(&mapped);
        BV_VERIFY_OK(next);
        QVERIFY(*next);
        QCOMPARE(mapped.line, qint64(3));
        QCOMPARE(mapped.values.value(QStringLiteral("name")), QStringLiteral("next"));
        QCOMPARE(mapped.values.value(QStringLiteral("id_number")), QStringLiteral("1"));
    }

    // --- Limits ----------------------------------------------------------------------------------------------

    void fieldLengthLimit()
    {
        // Exactly the limit is accepted, one more is refused; reading resumes after the refused record, also
        // when the refused value was quoted and spanned lines.
        const QByteArray atLimit(65536, 'a');
        const QByteArray overLimit(65537, 'b');
        const Outcome outcome = parse(atLimit + ",x\n" + overLimit + ",y\n\"" + overLimit + "\n\",z\nok,1\n");
        QCOMPARE(outcome.lines, (QList<qint64> {1, 5}));
        QCOMPARE(outcome.records.at(0), (QStringList {QString::fromLatin1(atLimit), QStringLiteral("x")}));
        QCOMPARE(outcome.records.at(1), (QStringList {QStringLiteral("ok"), QStringLiteral("1")}));
        QCOMPARE(outcome.errorLines, (QList<qint64> {2, 3}));
        QCOMPARE(outcome.errors.at(0),
            QStringLiteral("Line 2, column A: the value is longer than 65536 characters. "
                           "Shorten it; if it should not be this long, look for a missing "
                           "closing quote (\")."));
        QVERIFY(outcome.errors.at(1).startsWith(QStringLiteral("Line 3, column A: the value is longer than")));
    }

    void smallFieldLimit()
    {
        CsvReader::Options options;
        options.maxFieldChars = 4;
        // A limit counts characters, not bytes: 张三李四 is 4 characters (12 bytes in UTF-8).
        const Outcome outcome = parse(utf8(QStringLiteral("张三李四,abcd\nabcde\n")), options);
        QCOMPARE(outcome.records, (QList<QStringList> {{QStringLiteral("张三李四"), QStringLiteral("abcd")}}));
        QCOMPARE(outcome.errorLines, QList<qint64> {2});
    }

    void columnLimit()
    {
        QByteArray atLimit = "c";
        for (int i = 1; i < 200; ++i)
            atLimit += ",c";
        const QByteArray overLimit = atLimit + ",c";
        const Outcome outcome = parse(atLimit + "\n" + overLimit + "\n" + overLimit + ",\"quoted\nline\"\nlast\n");
        QCOMPARE(outcome.lines, (QList<qint64> {1, 5}));
        QCOMPARE(outcome.records.at(0).size(), 200);
        QCOMPARE(outcome.records.at(1), QStringList {QStringLiteral("last")});
        QCOMPARE(outcome.errorLines, (QList<qint64> {2, 3}));
        QCOMPARE(outcome.errors.at(0),
            QStringLiteral("Line 2, column GS: the row has more than 200 columns. Delete "
                           "the extra columns and import again."));
    }

    void headingRowOverColumnLimit()
    {
        CsvReader::Options options;
        options.maxColumns = 3;
        CsvReader reader(options);
        BV_VERIFY_OK(reader.open(QByteArray("Name,ID number,Mobile,Remark\n")));
        const Status header = reader.readHeader(templateColumns());
        QVERIFY(!header.ok());
        QCOMPARE(header.error().message,
            QStringLiteral("Line 1, column D: the row has more than 3 columns. Delete the "
                           "extra columns and import again."));
    }

    // --- Chunks, progress, large files -----------------------------------------------------------------------

    void chunkBoundaries()
    {
        // Every chunk size cuts multi-byte characters, CRLF pairs and "" pairs somewhere; the result must not
        // depend on it.
        const QString text = QStringLiteral("姓名,备注\r\n张三,\"a\"\"b\r\nc\"\r\n𠮷䶮€,\"\"\"\"\r\n\r\n李四,x\r");
        const QByteArray gb18030 = bytes("\xD0\xD5\xC3\xFB,\xB1\xB8\xD7\xA2\r\n\xD5\xC5\xC8\xFD,\"a\"\"b\r\nc\"\r\n"
                                         "\x95\x34\xB2\x35\xFE\x9F\xA2\xE3,\"\"\"\"\r\n\r\n\xC0\xEE\xCB\xC4,x\r");
        const QList<QStringList> expected = {
            {QStringLiteral("姓名"), QStringLiteral("备注")},
            {QStringLiteral("张三"), QStringLiteral("a\"b\r\nc")},
            {QStringLiteral("𠮷䶮€"), QStringLiteral("\"")},
            {QStringLiteral("李四"), QStringLiteral("x")},
        };
        for (const QByteArray& data : {utf8(text), QByteArray("\xEF\xBB\xBF" + utf8(text)), gb18030}) {
            for (qsizetype chunk = 1; chunk <= 9; ++chunk) {
                const Outcome outcome = parse(data, chunkOptions(chunk));
                QCOMPARE(outcome.errors, QStringList());
                QCOMPARE(outcome.records, expected);
                QCOMPARE(outcome.lines, (QList<qint64> {1, 2, 4, 6}));
            }
        }
    }

    void byteOrderMarkInsideTheFileKept()
    {
        // Only the BOM at the start of the file is skipped; a U+FEFF inside a value is data, whichever chunk it
        // starts.
        const QByteArray data = utf8(QStringLiteral("\uFEFFa,\uFEFFb\n"));
        for (qsizetype chunk = 1; chunk <= 8; ++chunk) {
            const Outcome outcome = parse(data, chunkOptions(chunk));
            QCOMPARE(outcome.records, (QList<QStringList> {{QStringLiteral("a"), QStringLiteral("\uFEFFb")}}));
        }
    }

    void progress()
    {
        QByteArray data = "Name,ID number\n";
        for (int i = 0; i < 3000; ++i)
            data += "name" + QByteArray::number(i) + ",110105194912310037\n";
        CsvReader reader(chunkOptions(1024));
        BV_VERIFY_OK(reader.open(data));
        QList<qint64> reported;
        reader.setProgressCallback([&](qint64 consumed, qint64 total) {
            QCOMPARE(total, qint64(data.size()));
            reported.append(consumed);
        });
        QCOMPARE(reader.bytesConsumed(), qint64(0));
        BV_VERIFY_OK(reader.readHeader(templateColumns()));
        CsvRow row;
        int rows = 0;
        qint64 previous = 0;
        for (;;) {
            const Result<bool> more = reader.readRow(&row);
            BV_VERIFY_OK(more);
            if (!*more)
                break;
            ++rows;
            QVERIFY(reader.bytesConsumed() >= previous);
            previous = reader.bytesConsumed();
        }
        QCOMPARE(rows, 3000);
        QCOMPARE(reported.size(), int((data.size() + 1023) / 1024));
        QCOMPARE(reported.first(), qint64(1024));
        QCOMPARE(reported.last(), qint64(data.size()));
        QVERIFY(std::is_sorted(reported.cbegin(), reported.cend()));
        QCOMPARE(reader.bytesConsumed(), reader.totalBytes());
    }

    void largeGb18030File()
    {
        // 100,000 rows read from a file, one at a time.
        QTemporaryFile file;
        QVERIFY(file.open());
        file.write(bytes("\xD0\xD5\xC3\xFB,\xD6\xA4\xBC\xFE\xBA\xC5\xC2\xEB\r\n"));
        for (int i = 0; i < 100000; ++i)
            file.write("\xD5\xC5\xC8\xFD" + QByteArray::number(i) + ",\"1101\r\n05\"\r\n");
        QVERIFY(file.flush());
        QVERIFY(file.seek(0));

        CsvReader reader;
        BV_VERIFY_OK(reader.open(&file));
        QCOMPARE(reader.encoding(), CsvReader::Encoding::Gb18030);
        BV_VERIFY_OK(reader.readHeader(templateColumns()));
        CsvRow row;
        int rows = 0;
        CsvRow last;
        for (;;) {
            const Result<bool> more = reader.readRow(&row);
            BV_VERIFY_OK(more);
            if (!*more)
                break;
            ++rows;
            last = row;
        }
        QCOMPARE(rows, 100000);
        QCOMPARE(last.line, qint64(1 + 2 * 99999 + 1));
        QCOMPARE(last.values.value(QStringLiteral("name")), QStringLiteral("张三99999"));
        QCOMPARE(last.values.value(QStringLiteral("id_number")), QStringLiteral("1101\r\n05"));
        QCOMPARE(reader.bytesConsumed(), file.size());
    }

    // --- Failures of the file --------------------------------------------------------------------------------

    void readFailure()
    {
        FailingBuffer buffer;
        buffer.setData("Name,ID number\nx,1\n");
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        CsvReader reader;
        BV_VERIFY_OK(reader.open(&buffer));
        buffer.fail = true;
        CsvRecord record;
        const Result<bool> more = reader.readRecord(&record);
        QVERIFY(!more.ok());
        QCOMPARE(more.error().code, ErrorCode::Io);
        QCOMPARE(more.error().message,
            QStringLiteral("Reading the file failed. Check that the disk or network "
                           "drive is still available and import again."));
        QCOMPARE(more.error().detail, QStringLiteral("simulated read error"));
        QVERIFY(reader.failed());
        // Later calls report the end, so a loop over the records cannot spin.
        const Result<bool> after = reader.readRecord(&record);
        BV_VERIFY_OK(after);
        QCOMPARE(*after, false);
    }

    void readFailureDuringOpen()
    {
        FailingBuffer buffer;
        buffer.setData("Name,ID number\nx,1\n");
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        buffer.fail = true;
        CsvReader reader;
        const Status opened = reader.open(&buffer);
        QVERIFY(!opened.ok());
        QCOMPARE(opened.error().code, ErrorCode::Io);
    }

    void fileChangedWhileReading_data()
    {
        QTest::addColumn<QByteArray>("replacement");
        QTest::newRow("invalid byte written") << bytes("Name,ID number\n\xFF,1\n");
        QTest::newRow("file grew") << QByteArray("Name,ID number\nx,1\ny,2\n");
        QTest::newRow("file shrank") << QByteArray("Name,ID number\n");
    }

    void fileChangedWhileReading()
    {
        QFETCH(QByteArray, replacement);
        QBuffer buffer;
        buffer.setData("Name,ID number\nx,1\n");
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        CsvReader reader;
        BV_VERIFY_OK(reader.open(&buffer));
        buffer.buffer() = replacement;
        const Outcome outcome = readAllRecords(reader);
        QVERIFY(outcome.failed);
        QCOMPARE(outcome.errors.last(),
            QStringLiteral("The file changed while it was being read. Close it in Excel "
                           "or any other program, then import it again."));
    }

    void unreadableDevices()
    {
        CsvReader reader;
        QBuffer closed;
        QCOMPARE(reader.open(&closed).code(), ErrorCode::Io);
        QCOMPARE(reader.open(static_cast<QIODevice*>(nullptr)).code(), ErrorCode::Io);
        SequentialBuffer sequential;
        sequential.setData("a,b\n");
        QVERIFY(sequential.open(QIODevice::ReadOnly));
        QCOMPARE(reader.open(&sequential).code(), ErrorCode::Internal);
    }

    void readsFromCurrentPosition()
    {
        QBuffer buffer;
        buffer.setData("junk\xFF\nName,ID number\n");
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        QVERIFY(buffer.seek(6));
        CsvReader reader;
        BV_VERIFY_OK(reader.open(&buffer));
        BV_VERIFY_OK(reader.readHeader(templateColumns()));
        QCOMPARE(reader.totalBytes(), qint64(15));
    }

    void reopen()
    {
        CsvReader reader;
        BV_VERIFY_OK(reader.open(QByteArray("Name,ID number\na,1\n")));
        BV_VERIFY_OK(reader.readHeader(templateColumns()));
        BV_VERIFY_OK(reader.open(utf8(QStringLiteral("x\ny\n"))));
        QCOMPARE(reader.headerKeys(), QStringList());
        const Outcome outcome = readAllRecords(reader);
        QCOMPARE(outcome.records, (QList<QStringList> {{QStringLiteral("x")}, {QStringLiteral("y")}}));
    }

    void columnLetters_data()
    {
        QTest::addColumn<qsizetype>("index");
        QTest::addColumn<QString>("letters");
        QTest::newRow("0") << qsizetype(0) << QStringLiteral("A");
        QTest::newRow("25") << qsizetype(25) << QStringLiteral("Z");
        QTest::newRow("26") << qsizetype(26) << QStringLiteral("AA");
        QTest::newRow("51") << qsizetype(51) << QStringLiteral("AZ");
        QTest::newRow("52") << qsizetype(52) << QStringLiteral("BA");
        QTest::newRow("200") << qsizetype(200) << QStringLiteral("GS");
        QTest::newRow("701") << qsizetype(701) << QStringLiteral("ZZ");
        QTest::newRow("702") << qsizetype(702) << QStringLiteral("AAA");
        QTest::newRow("16383") << qsizetype(16383) << QStringLiteral("XFD"); // Excel's last column
    }

    void columnLetters()
    {
        QFETCH(qsizetype, index);
        QFETCH(QString, letters);
        QCOMPARE(CsvReader::columnLetter(index), letters);
    }
};

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
