#include "core/customers/rules/CsvReader.h"

#include <algorithm>

// CsvReader, part 2 of 2: records (quotes, line breaks, overlong values), the heading row and the data rows. Opening
// and decoding the file is in CsvReader.cpp.

namespace bv {

namespace {

bool isLineBreak(QChar c)
{
    return c == u'\n' || c == u'\r';
}

QString normalizedHeading(const QString& heading)
{
    QString text = heading;
    text.remove(QChar(QChar::ByteOrderMark));
    return text.simplified();
}

bool isBlank(const QStringList& fields)
{
    return std::all_of(fields.cbegin(), fields.cend(), [](const QString& f) { return f.trimmed().isEmpty(); });
}

} // namespace

QString CsvReader::columnLetter(qsizetype index)
{
    QString letters;
    qsizetype n = qMax<qsizetype>(index, 0) + 1;
    while (n > 0) {
        const qsizetype digit = (n - 1) % 26;
        letters.prepend(QChar(u'A' + char16_t(digit)));
        n = (n - 1) / 26;
    }
    return letters;
}

QString CsvReader::columnLabel(qsizetype index) const
{
    const QString letter = columnLetter(index);
    if (m_headerRead && index < m_headerNames.size() && !m_headerNames.at(index).isEmpty())
        return tr("%1 (%2)").arg(letter, m_headerNames.at(index));
    return letter;
}

Result<bool> CsvReader::readRecord(CsvRecord* record)
{
    record->line = 0;
    record->fields.clear();
    m_errorColumn = -1;
    if (!m_open)
        return makeError(ErrorCode::Internal, tr("No import file is open."));
    if (m_failed)
        return false;

    // Blank lines are skipped but counted.
    QChar c;
    for (;;) {
        if (!peekChar(&c)) {
            if (m_fatal) {
                m_failed = true;
                return *m_fatal;
            }
            return false;
        }
        if (!isLineBreak(c))
            break;
        ++m_pos;
        consumeLineBreak(c);
    }
    record->line = m_line;

    enum class State
    {
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
    };
    State state = State::FieldStart;
    QStringList fields;
    QString field;
    qsizetype column = 0;
    qint64 quoteLine = 0;
    bool keep = true; // false once the record is refused: only its structure is followed to its end
    std::optional<Error> error;
    qsizetype errorColumn = -1;

    const auto refuse = [&](qsizetype at, const QString& message) {
        if (!error) {
            error = makeError(ErrorCode::InvalidInput, message);
            errorColumn = at;
        }
        keep = false;
        fields.clear();
        field.clear();
    };
    const auto append = [&](QChar ch) {
        if (!keep)
            return;
        if (field.size() >= m_options.maxFieldChars) {
            refuse(column,
                tr("Line %1, column %2: the value is longer than %3 characters. Shorten it; if it "
                   "should not be this long, look for a missing closing quote (\").")
                    .arg(QString::number(record->line), columnLabel(column), QString::number(m_options.maxFieldChars)));
            return;
        }
        field.append(ch);
    };
    const auto endField = [&]() {
        if (keep) {
            if (column >= m_options.maxColumns)
                refuse(column,
                    tr("Line %1, column %2: the row has more than %3 columns. Delete the extra columns "
                       "and import again.")
                        .arg(QString::number(record->line), columnLetter(column),
                            QString::number(m_options.maxColumns)));
            else
                fields.append(std::exchange(field, QString()));
        }
        field.clear();
        ++column;
    };

    for (bool done = false; !done;) {
        if (!getChar(&c)) {
            if (state == State::Quoted && !m_fatal) {
                // Reported whatever else was wrong: it explains where the rest of the file went.
                error = makeError(ErrorCode::InvalidInput,
                    tr("Line %1, column %2: the quoted value starting here has no closing quote (\"), "
                       "so everything from line %1 to the end of the file was read as this one "
                       "value. Add the missing quote and import again.")
                        .arg(QString::number(quoteLine), columnLabel(column)));
                errorColumn = column;
            } else {
                endField();
            }
            break;
        }
        switch (state) {
        case State::FieldStart:
            if (c == u'"') {
                state = State::Quoted;
                quoteLine = m_line;
            } else if (c == u',') {
                endField();
            } else if (isLineBreak(c)) {
                consumeLineBreak(c);
                endField();
                done = true;
            } else {
                append(c);
                state = State::Unquoted;
            }
            break;
        case State::Unquoted:
            // A quote inside an unquoted value is kept literally, as Excel does.
            if (c == u',') {
                endField();
                state = State::FieldStart;
            } else if (isLineBreak(c)) {
                consumeLineBreak(c);
                endField();
                done = true;
            } else {
                append(c);
            }
            break;
        case State::Quoted:
            if (c == u'"') {
                state = State::QuoteInQuoted;
            } else {
                append(c);
                if (isLineBreak(c)) {
                    ++m_line;
                    QChar next;
                    if (c == u'\r' && peekChar(&next) && next == u'\n') {
                        ++m_pos;
                        append(next);
                    }
                }
            }
            break;
        case State::QuoteInQuoted:
            if (c == u'"') {
                append(c);
                state = State::Quoted;
            } else if (c == u',') {
                endField();
                state = State::FieldStart;
            } else if (isLineBreak(c)) {
                consumeLineBreak(c);
                endField();
                done = true;
            } else {
                refuse(column,
                    tr("Line %1, column %2: there is text after the closing quote of a quoted value. "
                       "Put the whole value in quotes and write each quote inside it twice (\"\"), or "
                       "remove the quotes.")
                        .arg(QString::number(record->line), columnLabel(column)));
                state = State::Unquoted;
            }
            break;
        }
    }

    if (m_fatal) {
        m_failed = true;
        return *m_fatal;
    }
    if (error) {
        m_errorColumn = errorColumn;
        return *error;
    }
    record->fields = std::move(fields);
    return true;
}

Status CsvReader::readHeader(const QList<CsvColumn>& columns)
{
    if (m_headerRead)
        return makeError(ErrorCode::Internal, tr("The heading row has already been read."));
    CsvRecord record;
    for (;;) {
        const Result<bool> more = readRecord(&record);
        if (!more.ok())
            return more.error();
        if (!*more)
            return makeError(ErrorCode::InvalidInput,
                tr("The file is empty. Fill in the import template, save it and import again."));
        if (!isBlank(record.fields))
            break;
    }

    QStringList keys;
    QStringList names;
    QHash<QString, qsizetype> firstIndex;
    QList<qsizetype> unknown;
    QStringList problems;
    bool anyKnown = false;
    for (qsizetype i = 0; i < record.fields.size(); ++i) {
        const QString name = normalizedHeading(record.fields.at(i));
        names.append(name);
        keys.append(QString());
        if (name.isEmpty())
            continue;
        const auto match = std::find_if(columns.cbegin(), columns.cend(), [&name](const CsvColumn& column) {
            return name.compare(normalizedHeading(column.english), Qt::CaseInsensitive) == 0
                || name.compare(normalizedHeading(column.key), Qt::CaseInsensitive) == 0
                || (!column.chinese.isEmpty() && name == normalizedHeading(column.chinese));
        });
        if (match == columns.cend()) {
            unknown.append(i);
            continue;
        }
        anyKnown = true;
        if (firstIndex.contains(match->key)) {
            problems.append(tr("Line %1: columns %2 and %3 are both the column \"%4\". Delete one of them.")
                                .arg(QString::number(record.line), columnLetter(firstIndex.value(match->key)),
                                    columnLetter(i), match->english));
            continue;
        }
        firstIndex.insert(match->key, i);
        keys.last() = match->key;
    }

    if (!anyKnown) {
        // Probably a data row (the heading row was deleted): quote none of its values.
        return makeError(ErrorCode::InvalidInput,
            tr("Line %1 is not the heading row of the import template: none of its values is a "
               "known column heading. Put the template's heading row first and import again.")
                .arg(record.line));
    }
    if (!unknown.isEmpty()) {
        QStringList described;
        for (const qsizetype i : std::as_const(unknown)) {
            QString heading = names.at(i);
            if (heading.size() > 40)
                heading = heading.left(40) + QChar(0x2026);
            described.append(tr("column %1 \"%2\"").arg(columnLetter(i), heading));
        }
        problems.append(tr("Line %1: unknown column headings: %2. Use the headings of the import template "
                           "(in English or Chinese), or delete these columns.")
                            .arg(QString::number(record.line), described.join(QStringLiteral(", "))));
    }
    QStringList missing;
    for (const CsvColumn& column : columns) {
        if (column.required && !firstIndex.contains(column.key))
            missing.append(
                column.chinese.isEmpty() ? column.english : tr("%1 (%2)").arg(column.english, column.chinese));
    }
    if (!missing.isEmpty())
        problems.append(tr("The heading row has no column for: %1. Add these columns (see the import template) "
                           "and import again.")
                            .arg(missing.join(QStringLiteral(", "))));
    if (!problems.isEmpty())
        return makeError(ErrorCode::InvalidInput, problems.join(QLatin1Char(' ')));

    m_headerKeys = keys;
    m_headerNames = names;
    m_headerRead = true;
    return {};
}

Result<bool> CsvReader::readRow(CsvRow* row)
{
    row->line = 0;
    row->values.clear();
    if (!m_headerRead)
        return makeError(ErrorCode::Internal, tr("The heading row of the import file has not been read."));

    CsvRecord record;
    for (;;) {
        const Result<bool> more = readRecord(&record);
        row->line = record.line;
        if (!more.ok()) {
            Error error = more.error();
            if (m_errorColumn >= 0)
                error.field = m_headerKeys.value(m_errorColumn);
            return error;
        }
        if (!*more)
            return false;
        if (!isBlank(record.fields))
            break;
    }

    const qsizetype headings = m_headerKeys.size();
    for (qsizetype i = 0; i < record.fields.size(); ++i) {
        if (record.fields.at(i).trimmed().isEmpty())
            continue;
        if (i >= headings) {
            m_errorColumn = i;
            return makeError(ErrorCode::InvalidInput,
                tr("Line %1, column %2: this value is to the right of the last column of the heading "
                   "row (%3 columns). Delete it, or put values that contain commas in quotes.")
                    .arg(QString::number(record.line), columnLetter(i), QString::number(headings)));
        }
        if (m_headerKeys.at(i).isEmpty()) {
            m_errorColumn = i;
            return makeError(ErrorCode::InvalidInput,
                tr("Line %1, column %2: there is a value in a column without a heading. Delete the "
                   "value or add the column's heading.")
                    .arg(QString::number(record.line), columnLetter(i)));
        }
    }
    for (qsizetype i = 0; i < headings; ++i) {
        const QString& key = m_headerKeys.at(i);
        if (!key.isEmpty())
            row->values.insert(key, i < record.fields.size() ? record.fields.at(i) : QString());
    }
    return true;
}

} // namespace bv
