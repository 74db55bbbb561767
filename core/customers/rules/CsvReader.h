#pragma once

#include "core/common/Result.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

class QBuffer;
class QIODevice;

namespace bv {

// One record of a CSV file: its fields exactly as in the file (not trimmed) and the physical line it
// starts on (1-based; the heading row is line 1). A record whose quoted values hold line breaks reports
// the line it starts on.
struct CsvRecord
{
    qint64 line = 0;
    QStringList fields;
};

// One column of the import template.
struct CsvColumn
{
    QString key; // key of the value in CsvRow::values, e.g. "id_number" (also accepted as a heading)
    QString english; // English heading, matched case-insensitively, e.g. "ID number"
    QString chinese; // Chinese heading, matched exactly, e.g. "证件号码"
    bool required = true; // the heading row must contain this column (its values may still be empty)
};

// One data record mapped through the heading row.
struct CsvRow
{
    qint64 line = 0;
    // key -> value as in the file (not trimmed), for every template column present in the heading row;
    // "" when the record has fewer values than the heading row.
    QHash<QString, QString> values;
};

// Reads the CSV files of the offline batch import (DESIGN.md §6) from a file or from memory.
//
// open() reads the whole file once to choose the encoding and refuse what is not text: a UTF-8 BOM
// means UTF-8; otherwise valid UTF-8 is UTF-8; otherwise valid GB18030 (what Excel on Chinese Windows
// saves as "CSV") is GB18030; anything else is refused, as are UTF-16 ("Unicode text", by its BOM),
// binary data (a NUL byte, or more than 5% control bytes other than tab, CR and LF) and empty files (no
// bytes, or only a BOM). Only then does reading start, so a file that cannot be read returns an error
// before the first record and changes nothing. Records are then decoded and parsed one at a time (streaming):
// memory stays bounded by the read chunk and the limits, whatever the file size.
//
// Parsing follows RFC 4180 with these decisions:
// - separator ','; a record ends at CRLF, LF or a lone CR; blank lines are skipped but counted; a final
//   line break does not make an empty record;
// - a value may be quoted; "" inside quotes is one quote; quoted values may hold commas and line breaks
//   (kept as they are in the file, CRLF stays CRLF);
// - a quote inside an unquoted value is kept literally (5'10" stays 5'10");
// - text after the closing quote of a quoted value ("abc"def) refuses that row;
// - an unterminated quote refuses the record, naming the line and column where the quoted value started;
// - spaces around unquoted values are kept (the caller trims);
// - a value longer than Options::maxFieldChars or a record with more than Options::maxColumns values
//   refuses that row; reading goes on with the next record.
//
// Errors of one row (Result error with ErrorCode::InvalidInput) leave the reader usable: the next call
// reads the next record. A failure of the file itself (read error, file changed while reading) sets
// failed(); the caller must then discard everything read from this file; later calls return false.
//
// Values are personal data: nothing here logs them, and no error message quotes a value (heading names
// only, and only from a row recognised as the heading row).
class CsvReader
{
    Q_DECLARE_TR_FUNCTIONS(CsvReader)
public:
    enum class Encoding
    {
        Unknown,
        Utf8,
        Utf8WithBom,
        Gb18030,
    };

    struct Options
    {
        qsizetype maxFieldChars = 64 * 1024; // UTF-16 code units per value
        qsizetype maxColumns = 200; // values per record
        qsizetype chunkBytes = 64 * 1024; // bytes read from the device at a time (tests use tiny chunks)
    };

    CsvReader();
    explicit CsvReader(const Options& options);
    ~CsvReader();
    Q_DISABLE_COPY_MOVE(CsvReader)

    // Detects the encoding and checks the whole file. `device` must be open for reading and random-access
    // (a file or a buffer); reading starts at its current position. The device must outlive the reader.
    [[nodiscard]] Status open(QIODevice* device);
    // Same for bytes in memory (shared, not copied).
    [[nodiscard]] Status open(const QByteArray& data);

    Encoding encoding() const { return m_encoding; }

    // Progress of reading records: bytes of the device consumed so far, of totalBytes() (chunk granularity).
    qint64 totalBytes() const { return m_totalBytes; }
    qint64 bytesConsumed() const { return m_bytesConsumed; }
    // Called after each chunk read while reading records (not during open()).
    void setProgressCallback(std::function<void(qint64 bytesConsumed, qint64 totalBytes)> callback);

    // Reads the next record: true with *record filled, false at the end. On an error *record holds only
    // the line the refused record starts on.
    [[nodiscard]] Result<bool> readRecord(CsvRecord* record);
    // True after a failure of the file itself: everything read from it must be discarded.
    bool failed() const { return m_failed; }

    // Reads the first non-blank record as the heading row and matches it against `columns`: English headings
    // case-insensitively, Chinese headings exactly, a column's key too; surrounding spaces and a BOM are
    // ignored. Unknown headings, missing required columns and duplicates are reported together in one error.
    // A column with an empty heading is ignored, but a value in it refuses that row.
    [[nodiscard]] Status readHeader(const QList<CsvColumn>& columns);
    // The key of each column of the file, in file order ("" for a column without heading).
    QStringList headerKeys() const { return m_headerKeys; }

    // Reads the next data record mapped through the heading row: true with *row filled, false at the end.
    // Records whose values are all empty or spaces (Excel writes ",,,," for formatted empty rows) are
    // skipped. Fewer values than headings: the missing ones are "" (the caller checks required values).
    // More values than headings: the row is refused unless the extra values are all empty. On a row error,
    // Error::field holds the key of the column concerned, if any.
    [[nodiscard]] Result<bool> readRow(CsvRow* row);

    // Spreadsheet column name of a 0-based column index: 0 -> "A", 25 -> "Z", 26 -> "AA".
    static QString columnLetter(qsizetype index);

private:
    class Decoder;

    Status openDevice(QIODevice* device);
    Status detectEncoding();
    Status scan(Decoder* decoder, bool* decodeError, qint64* bytes, qint64* nulBytes, qint64* controlBytes);
    Error readError() const;
    void reset();
    bool fill();
    bool peekChar(QChar* c);
    bool getChar(QChar* c);
    void consumeLineBreak(QChar c);
    QString columnLabel(qsizetype index) const;

    Options m_options;
    QIODevice* m_device = nullptr;
    std::unique_ptr<QBuffer> m_ownBuffer;
    // Heap-allocated and never moved: Qt 6.4's ICU-backed QStringDecoder loses its error count when moved.
    std::unique_ptr<Decoder> m_decoder;
    std::function<void(qint64, qint64)> m_progress;

    Encoding m_encoding = Encoding::Unknown;
    qint64 m_start = 0;
    qint64 m_totalBytes = 0;
    qint64 m_bytesConsumed = 0;
    bool m_open = false;
    bool m_inputDone = false;
    bool m_failed = false;
    std::optional<Error> m_fatal;

    QByteArray m_chunk;
    QString m_text; // decoded characters of the current chunk
    qsizetype m_pos = 0;
    qint64 m_line = 1;
    qsizetype m_errorColumn = -1; // column of the last row error, -1 if none

    bool m_headerRead = false;
    QStringList m_headerKeys;
    QStringList m_headerNames; // headings as written in the file (trimmed)
};

} // namespace bv
