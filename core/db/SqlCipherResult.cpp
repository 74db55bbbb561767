#include "core/internal/db/SqlCipherResult.h"

#include "core/internal/db/SqlCipherDriver.h"

#include <QDate>
#include <QDateTime>
#include <QSqlField>
#include <QTime>

#include <sqlite3.h>

namespace bv {

SqlCipherResult::SqlCipherResult(const SqlCipherDriver* driver)
    : QSqlResult(driver)
{
}

SqlCipherResult::~SqlCipherResult()
{
    finalize();
}

sqlite3* SqlCipherResult::db() const
{
    const auto* cipherDriver = qobject_cast<const SqlCipherDriver*>(driver());
    return cipherDriver ? cipherDriver->sqliteHandle() : nullptr;
}

QVariant SqlCipherResult::handle() const
{
    return QVariant::fromValue(static_cast<void*>(m_stmt));
}

QMetaType SqlCipherResult::metaTypeForDeclaredType(const QString& declaredType)
{
    // SQLite's type affinity rules (https://sqlite.org/datatype3.html §3.1), in their order.
    const QString type = declaredType.toUpper();
    if (type.contains(QLatin1String("INT")))
        return QMetaType::fromType<qlonglong>();
    if (type.contains(QLatin1String("CHAR")) || type.contains(QLatin1String("CLOB"))
        || type.contains(QLatin1String("TEXT")))
        return QMetaType::fromType<QString>();
    if (type.contains(QLatin1String("BLOB")))
        return QMetaType::fromType<QByteArray>();
    if (type.contains(QLatin1String("REAL")) || type.contains(QLatin1String("FLOA"))
        || type.contains(QLatin1String("DOUB")))
        return QMetaType::fromType<double>();
    if (type.isEmpty())
        return QMetaType::fromType<QByteArray>();
    return QMetaType::fromType<QString>();
}

void SqlCipherResult::finalize()
{
    if (m_stmt) {
        const auto* cipherDriver = qobject_cast<const SqlCipherDriver*>(driver());
        if (cipherDriver && !m_sql.isEmpty())
            cipherDriver->returnStatement(m_sql, m_stmt, m_record);
        else
            sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
    }
    m_sql.clear();
    m_record.clear();
    m_current.clear();
    m_rows.clear();
    m_pendingFirst = false;
    m_done = false;
}

void SqlCipherResult::fail(const QString& context, int rc, QSqlError::ErrorType type)
{
    setLastError(SqlCipherDriver::makeError(db(), context, type, rc));
}

bool SqlCipherResult::reset(const QString& query)
{
    if (!prepare(query))
        return false;
    return exec();
}

bool SqlCipherResult::prepare(const QString& query)
{
    finalize();
    setSelect(false);
    setActive(false);
    setAt(QSql::BeforeFirstRow);
    sqlite3* handle = db();
    if (!handle) {
        setLastError(
            QSqlError(QObject::tr("The database connection is closed"), QString(), QSqlError::ConnectionError));
        return false;
    }

    const QByteArray utf8 = query.toUtf8();
    if (const auto* cipherDriver = qobject_cast<const SqlCipherDriver*>(driver());
        cipherDriver && cipherDriver->takeStatement(utf8, &m_stmt, &m_record)) {
        m_sql = utf8;
        return true;
    }
    const char* tail = nullptr;
    const int rc
        = sqlite3_prepare_v3(handle, utf8.constData(), int(utf8.size()), SQLITE_PREPARE_PERSISTENT, &m_stmt, &tail);
    if (rc != SQLITE_OK) {
        fail(QObject::tr("Cannot prepare the statement"), rc);
        finalize();
        return false;
    }
    // One statement per query: anything but white space or semicolons after it is refused, so a
    // second statement can never ride along unnoticed.
    for (const char* p = tail; p && *p; ++p) {
        if (!QChar::isSpace(uchar(*p)) && *p != ';') {
            setLastError(QSqlError(QObject::tr("Cannot prepare the statement"),
                QObject::tr("Only one SQL statement can be run per query"), QSqlError::StatementError,
                QString::number(SQLITE_MISUSE)));
            finalize();
            return false;
        }
    }
    if (!m_stmt) { // empty statement (only white space or a comment)
        setLastError(QSqlError(QObject::tr("Cannot prepare the statement"), QObject::tr("The statement is empty"),
            QSqlError::StatementError, QString::number(SQLITE_MISUSE)));
        return false;
    }

    const int columns = sqlite3_column_count(m_stmt);
    for (int i = 0; i < columns; ++i) {
        const char* decl = sqlite3_column_decltype(m_stmt, i);
        const char* table = sqlite3_column_table_name(m_stmt, i);
        QSqlField field(QString::fromUtf8(sqlite3_column_name(m_stmt, i)),
            decl ? metaTypeForDeclaredType(QString::fromUtf8(decl)) : QMetaType::fromType<QString>(),
            table ? QString::fromUtf8(table) : QString());
        m_record.append(field);
    }
    m_sql = utf8;
    return true;
}

int SqlCipherResult::bindOne(sqlite3_stmt* statement, int position, const QVariant& value)
{
    int rc = SQLITE_OK;
    if (!value.isValid() || value.isNull()) {
        rc = sqlite3_bind_null(statement, position);
    } else {
        switch (value.typeId()) {
        case QMetaType::Bool:
            rc = sqlite3_bind_int(statement, position, value.toBool() ? 1 : 0);
            break;
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::Short:
        case QMetaType::UShort:
        case QMetaType::Char:
        case QMetaType::SChar:
        case QMetaType::UChar:
        case QMetaType::Long:
        case QMetaType::ULong:
        case QMetaType::LongLong:
            rc = sqlite3_bind_int64(statement, position, value.toLongLong());
            break;
        case QMetaType::ULongLong: {
            const qulonglong v = value.toULongLong();
            if (v > qulonglong(std::numeric_limits<qint64>::max()))
                return SQLITE_RANGE;
            rc = sqlite3_bind_int64(statement, position, qint64(v));
            break;
        }
        case QMetaType::Double:
        case QMetaType::Float:
            rc = sqlite3_bind_double(statement, position, value.toDouble());
            break;
        case QMetaType::QByteArray: {
            const QByteArray bytes = value.toByteArray();
            // a zero-length blob needs a non-null pointer, or SQLite stores NULL
            rc = sqlite3_bind_blob64(statement, position, bytes.isEmpty() ? "" : bytes.constData(),
                sqlite3_uint64(bytes.size()), SQLITE_TRANSIENT);
            break;
        }
        case QMetaType::QDateTime: {
            const QByteArray text = value.toDateTime().toUTC().toString(Qt::ISODateWithMs).toUtf8();
            rc = sqlite3_bind_text64(
                statement, position, text.constData(), sqlite3_uint64(text.size()), SQLITE_TRANSIENT, SQLITE_UTF8);
            break;
        }
        case QMetaType::QDate: {
            const QByteArray text = value.toDate().toString(Qt::ISODate).toUtf8();
            rc = sqlite3_bind_text64(
                statement, position, text.constData(), sqlite3_uint64(text.size()), SQLITE_TRANSIENT, SQLITE_UTF8);
            break;
        }
        case QMetaType::QTime: {
            const QByteArray text = value.toTime().toString(Qt::ISODateWithMs).toUtf8();
            rc = sqlite3_bind_text64(
                statement, position, text.constData(), sqlite3_uint64(text.size()), SQLITE_TRANSIENT, SQLITE_UTF8);
            break;
        }
        default: {
            if (!value.canConvert<QString>())
                return SQLITE_MISMATCH;
            // text (QString) and anything that converts to text; the explicit length keeps NULs
            const QByteArray text = value.toString().toUtf8();
            rc = sqlite3_bind_text64(
                statement, position, text.constData(), sqlite3_uint64(text.size()), SQLITE_TRANSIENT, SQLITE_UTF8);
            break;
        }
        }
    }
    return rc;
}

bool SqlCipherResult::bindAll()
{
    const QList<QVariant>& values = boundValues();
    const int expected = sqlite3_bind_parameter_count(m_stmt);
    if (values.size() != expected) {
        setLastError(QSqlError(QObject::tr("Cannot bind the values"),
            QObject::tr("The statement has %1 placeholders but %2 values were bound").arg(expected).arg(values.size()),
            QSqlError::StatementError, QString::number(SQLITE_RANGE)));
        return false;
    }
    for (int i = 0; i < values.size(); ++i) {
        const QVariant& value = values.at(i);
        const int position = i + 1;
        const int rc = bindOne(m_stmt, position, value);
        if (rc == SQLITE_RANGE) {
            setLastError(QSqlError(QObject::tr("Cannot bind the values"),
                QObject::tr("Value %1 is too large for an SQLite integer").arg(position), QSqlError::StatementError,
                QString::number(SQLITE_RANGE)));
            return false;
        }
        if (rc == SQLITE_MISMATCH) {
            setLastError(QSqlError(QObject::tr("Cannot bind the values"),
                QObject::tr("Value %1 has a type the database cannot store (%2)")
                    .arg(position)
                    .arg(QString::fromLatin1(value.metaType().name())),
                QSqlError::StatementError, QString::number(SQLITE_MISMATCH)));
            return false;
        }
        if (rc != SQLITE_OK) {
            fail(QObject::tr("Cannot bind the values"), rc);
            return false;
        }
    }
    return true;
}

bool SqlCipherResult::exec()
{
    if (!m_stmt) {
        setLastError(QSqlError(QObject::tr("Cannot run the statement"), QObject::tr("No statement was prepared"),
            QSqlError::StatementError));
        return false;
    }
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    m_current.clear();
    m_rows.clear();
    m_pendingFirst = false;
    m_done = false;
    m_changes = -1;
    m_hasInsertId = false;
    setAt(QSql::BeforeFirstRow);
    setActive(false);
    setLastError(QSqlError());

    if (!bindAll())
        return false;

    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) {
        readCurrentRow();
        m_pendingFirst = true;
        setSelect(true);
    } else if (rc == SQLITE_DONE) {
        m_done = true;
        setSelect(sqlite3_column_count(m_stmt) > 0);
        m_changes = sqlite3_changes(db());
        m_lastInsertId = sqlite3_last_insert_rowid(db());
        m_hasInsertId = true;
        sqlite3_reset(m_stmt); // releases the statement's locks at once
    } else {
        fail(QObject::tr("Cannot run the statement"), rc);
        sqlite3_reset(m_stmt);
        return false;
    }
    setActive(true);
    return true;
}

void SqlCipherResult::readCurrentRow()
{
    const int columns = sqlite3_column_count(m_stmt);
    QList<QVariant> row;
    row.reserve(columns);
    const QSql::NumericalPrecisionPolicy policy = numericalPrecisionPolicy();
    for (int i = 0; i < columns; ++i) {
        switch (sqlite3_column_type(m_stmt, i)) {
        case SQLITE_INTEGER: {
            const qint64 v = sqlite3_column_int64(m_stmt, i);
            if (policy == QSql::LowPrecisionInt32)
                row.append(int(v));
            else
                row.append(qlonglong(v));
            break;
        }
        case SQLITE_FLOAT: {
            const double v = sqlite3_column_double(m_stmt, i);
            if (policy == QSql::LowPrecisionInt32)
                row.append(int(v));
            else if (policy == QSql::LowPrecisionInt64)
                row.append(qlonglong(v));
            else
                row.append(v);
            break;
        }
        case SQLITE_TEXT: {
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, i));
            const int bytes = sqlite3_column_bytes(m_stmt, i);
            row.append(QString::fromUtf8(text, bytes));
            break;
        }
        case SQLITE_BLOB: {
            const auto* blob = static_cast<const char*>(sqlite3_column_blob(m_stmt, i));
            const int bytes = sqlite3_column_bytes(m_stmt, i);
            row.append(bytes > 0 ? QByteArray(blob, bytes) : QByteArray(""));
            break;
        }
        case SQLITE_NULL:
        default:
            row.append(QVariant());
            break;
        }
    }
    m_current = std::move(row);
}

bool SqlCipherResult::stepOne()
{
    if (m_pendingFirst) {
        m_pendingFirst = false;
        if (!isForwardOnly())
            m_rows.append(m_current);
        return true;
    }
    if (m_done || !m_stmt)
        return false;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) {
        readCurrentRow();
        if (!isForwardOnly())
            m_rows.append(m_current);
        return true;
    }
    m_done = true;
    if (rc != SQLITE_DONE)
        fail(QObject::tr("Cannot read the next row"), rc);
    sqlite3_reset(m_stmt);
    return false;
}

QVariant SqlCipherResult::data(int index)
{
    if (index < 0 || index >= m_current.size())
        return QVariant();
    return m_current.at(index);
}

bool SqlCipherResult::isNull(int index)
{
    if (index < 0 || index >= m_current.size())
        return true;
    return !m_current.at(index).isValid();
}

bool SqlCipherResult::fetch(int index)
{
    if (index < 0)
        return false;
    if (isForwardOnly()) {
        if (index == at())
            return true;
        const int next = at() == QSql::BeforeFirstRow ? 0 : at() + 1;
        if (index != next)
            return false;
        if (!stepOne())
            return false;
        setAt(index);
        return true;
    }
    while (m_rows.size() <= index) {
        if (!stepOne())
            return false;
    }
    m_current = m_rows.at(index);
    setAt(index);
    return true;
}

bool SqlCipherResult::fetchNext()
{
    return fetch(at() == QSql::BeforeFirstRow ? 0 : at() + 1);
}

bool SqlCipherResult::fetchPrevious()
{
    if (isForwardOnly())
        return false;
    return fetch(at() - 1);
}

bool SqlCipherResult::fetchFirst()
{
    if (isForwardOnly() && at() != QSql::BeforeFirstRow)
        return at() == 0;
    return fetch(0);
}

bool SqlCipherResult::fetchLast()
{
    if (isForwardOnly()) {
        int index = at();
        bool moved = false;
        while (stepOne()) {
            index = index == QSql::BeforeFirstRow ? 0 : index + 1;
            moved = true;
        }
        if (!moved)
            return false;
        setAt(index);
        return true;
    }
    while (stepOne()) { }
    if (m_rows.isEmpty())
        return false;
    m_current = m_rows.constLast();
    setAt(int(m_rows.size() - 1));
    return true;
}

int SqlCipherResult::size()
{
    return -1; // SQLite cannot tell the size of a result without reading it
}

int SqlCipherResult::numRowsAffected()
{
    return isSelect() ? -1 : m_changes;
}

QVariant SqlCipherResult::lastInsertId() const
{
    if (!m_hasInsertId || isSelect())
        return QVariant();
    return QVariant(qlonglong(m_lastInsertId));
}

QSqlRecord SqlCipherResult::record() const
{
    return isActive() ? m_record : QSqlRecord();
}

void SqlCipherResult::detachFromResultSet()
{
    if (m_stmt)
        sqlite3_reset(m_stmt);
    m_pendingFirst = false;
    m_done = true;
}

} // namespace bv
