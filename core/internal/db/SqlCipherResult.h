#pragma once

#include "core/internal/InternalOnly.h"

#include <QList>
#include <QSqlError>
#include <QSqlRecord>
#include <QSqlResult>
#include <QVariant>

struct sqlite3;
struct sqlite3_stmt;

namespace bv {

class SqlCipherDriver;

// One prepared statement. Forward-only results keep only the current row; scrollable results cache
// the rows read so far, so fetch(i) can go back without re-running the statement.
class SqlCipherResult final : public QSqlResult
{
public:
    explicit SqlCipherResult(const SqlCipherDriver* driver);
    ~SqlCipherResult() override;

    QVariant handle() const override;
    static QMetaType metaTypeForDeclaredType(const QString& declaredType);
    // One value bound as every statement of this driver binds it (NULL, integers, doubles, blobs, dates and times as
    // ISO text in UTC, anything else as UTF-8 text). SQLITE_RANGE for an unsigned value beyond SQLite's integers,
    // SQLITE_MISMATCH for a type that does not convert to text; otherwise what SQLite returned.
    static int bindOne(sqlite3_stmt* statement, int position, const QVariant& value);

protected:
    bool reset(const QString& query) override;
    bool prepare(const QString& query) override;
    bool exec() override;
    QVariant data(int index) override;
    bool isNull(int index) override;
    bool fetch(int index) override;
    bool fetchNext() override;
    bool fetchPrevious() override;
    bool fetchFirst() override;
    bool fetchLast() override;
    int size() override;
    int numRowsAffected() override;
    QVariant lastInsertId() const override;
    QSqlRecord record() const override;
    void detachFromResultSet() override;

private:
    sqlite3* db() const;
    void finalize();
    bool bindAll();
    bool stepOne(); // advances the statement by one row into m_current (and the cache); false at the end
    void readCurrentRow();
    void fail(const QString& context, int rc, QSqlError::ErrorType type = QSqlError::StatementError);

    sqlite3_stmt* m_stmt = nullptr;
    QByteArray m_sql; // the statement's text, under which it returns to the driver's pool
    QSqlRecord m_record;
    QList<QVariant> m_current;
    QList<QList<QVariant>> m_rows; // scrollable results only
    bool m_pendingFirst = false; // exec() already stepped onto the first row
    bool m_done = false;
    int m_changes = -1;
    qint64 m_lastInsertId = 0;
    bool m_hasInsertId = false;
};

} // namespace bv
