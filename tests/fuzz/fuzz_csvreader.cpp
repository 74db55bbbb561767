// libFuzzer target for CsvReader: encoding detection, record parsing and heading-row mapping over arbitrary bytes.
// Beyond "no crash, no hang, no unbounded allocation" (ASan, UBSan and libFuzzer's limits), it checks that:
// - the outcome does not depend on how the input is cut into read chunks (1 or 3 bytes against 64 KiB);
// - no record, row or value exceeds the limits, line numbers never go backwards, and a reader over memory never
//   reports a failure of the file;
// - after the last record every byte has been consumed.
#include "core/customers/rules/CsvReader.h"

#include <QByteArray>
#include <QStringList>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

using namespace bv;

namespace {

[[noreturn]] void fail(const char* what)
{
    std::fprintf(stderr, "fuzz_csvreader: %s\n", what);
    std::abort();
}

const QList<CsvColumn>& columns()
{
    static const QList<CsvColumn> list = {
        {QStringLiteral("name"), QStringLiteral("Name"), QStringLiteral("姓名"), true},
        {QStringLiteral("id_number"), QStringLiteral("ID number"), QStringLiteral("证件号码"), true},
        {QStringLiteral("mobile"), QStringLiteral("Mobile"), QStringLiteral("手机号码"), false},
        {QStringLiteral("remark"), QStringLiteral("Remark"), QStringLiteral("备注"), false},
    };
    return list;
}

// Reads everything and returns a trace of what was read, to compare runs with different chunk sizes.
QStringList run(const QByteArray& data, const CsvReader::Options& options, bool mapped)
{
    QStringList trace;
    CsvReader reader(options);
    const Status opened = reader.open(data);
    if (!opened.ok()) {
        trace << QStringLiteral("open: ") + opened.error().message;
        return trace;
    }
    trace << QString::number(int(reader.encoding()));
    if (reader.totalBytes() != data.size())
        fail("totalBytes() is not the size of the input");

    qint64 lastLine = 0;
    const auto checkLine = [&lastLine](qint64 line) {
        if (line < 1 || line < lastLine)
            fail("line numbers went backwards");
        lastLine = line;
    };
    const auto checkValue = [&options](const QString& value) {
        if (value.size() > options.maxFieldChars)
            fail("a value is longer than maxFieldChars");
    };

    if (mapped) {
        const Status header = reader.readHeader(columns());
        if (!header.ok()) {
            trace << QStringLiteral("header: ") + header.error().message;
            return trace;
        }
        trace << reader.headerKeys().join(u'|');
        CsvRow row;
        for (;;) {
            const Result<bool> more = reader.readRow(&row);
            if (!more.ok()) {
                checkLine(row.line);
                trace
                    << QStringLiteral("error %1 [%2]: %3").arg(row.line).arg(more.error().field, more.error().message);
                if (reader.failed())
                    fail("a reader over memory failed");
                continue;
            }
            if (!*more)
                break;
            checkLine(row.line);
            if (row.values.size() > options.maxColumns)
                fail("a row has more values than maxColumns");
            QStringList keys = row.values.keys();
            keys.sort();
            trace << QString::number(row.line);
            for (const QString& key : std::as_const(keys)) {
                checkValue(row.values.value(key));
                trace << key + u'=' + row.values.value(key);
            }
        }
    } else {
        CsvRecord record;
        for (;;) {
            const Result<bool> more = reader.readRecord(&record);
            if (!more.ok()) {
                checkLine(record.line);
                trace << QStringLiteral("error %1: %2").arg(record.line).arg(more.error().message);
                if (reader.failed())
                    fail("a reader over memory failed");
                continue;
            }
            if (!*more)
                break;
            checkLine(record.line);
            if (record.fields.isEmpty() || record.fields.size() > options.maxColumns)
                fail("a record has no field or more than maxColumns");
            trace << QString::number(record.line);
            for (const QString& field : std::as_const(record.fields)) {
                checkValue(field);
                trace << field;
            }
        }
    }
    if (reader.bytesConsumed() != reader.totalBytes())
        fail("the end was reported before every byte was consumed");
    return trace;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));

    CsvReader::Options normal;
    CsvReader::Options normalSmallChunks = normal;
    normalSmallChunks.chunkBytes = 3;
    // Tiny limits, so that short inputs reach them.
    CsvReader::Options tiny;
    tiny.maxFieldChars = 8;
    tiny.maxColumns = 4;
    CsvReader::Options tinyByteChunks = tiny;
    tinyByteChunks.chunkBytes = 1;

    for (const bool mapped : {false, true}) {
        if (run(bytes, normal, mapped) != run(bytes, normalSmallChunks, mapped))
            fail("the outcome depends on the chunk size (default limits)");
        if (run(bytes, tiny, mapped) != run(bytes, tinyByteChunks, mapped))
            fail("the outcome depends on the chunk size (tiny limits)");
    }
    return 0;
}
