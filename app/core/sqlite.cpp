#include "sqlite.h"

#include <sqlite3.h>

namespace k8sfc::sql {

Database::~Database()
{
    close();
}

std::optional<QString> Database::open(const QString &path, bool create)
{
    close();
    const int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0) | SQLITE_OPEN_FULLMUTEX;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        QString message = m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString::fromUtf8(sqlite3_errstr(rc));
        close();
        return message;
    }
    sqlite3_extended_result_codes(m_db, 1);
    // Another process holding a write lock briefly (a backup, a second reader) is waited for.
    sqlite3_busy_timeout(m_db, 2000);
    return std::nullopt;
}

void Database::close()
{
    if (m_db)
        sqlite3_close_v2(m_db);
    m_db = nullptr;
}

std::optional<QString> Database::exec(const char *sql)
{
    char *error = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &error) == SQLITE_OK)
        return std::nullopt;
    const QString message = QString::fromUtf8(error ? error : "unknown SQLite error");
    sqlite3_free(error);
    return message;
}

Statement::Statement(Database &db, const char *sql) : m_db(db)
{
    if (!db.handle()) {
        m_error = QStringLiteral("the database is not open");
    } else if (sqlite3_prepare_v2(db.handle(), sql, -1, &m_stmt, nullptr) != SQLITE_OK) {
        m_stmt = nullptr;
        fail();
    }
}

void Statement::fail()
{
    if (!m_error)
        m_error = QString::fromUtf8(sqlite3_errmsg(m_db.handle()));
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Statement &Statement::bind(int index, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    if (m_stmt && sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT) != SQLITE_OK)
        fail();
    return *this;
}

Statement &Statement::bind(int index, qint64 value)
{
    if (m_stmt && sqlite3_bind_int64(m_stmt, index, value) != SQLITE_OK)
        fail();
    return *this;
}

Statement &Statement::bind(int index, double value)
{
    if (m_stmt && sqlite3_bind_double(m_stmt, index, value) != SQLITE_OK)
        fail();
    return *this;
}

Statement &Statement::bindNull(int index)
{
    if (m_stmt && sqlite3_bind_null(m_stmt, index) != SQLITE_OK)
        fail();
    return *this;
}

bool Statement::next()
{
    if (!m_stmt || m_error)
        return false;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE)
        fail();
    return false;
}

std::optional<QString> Statement::run()
{
    while (next()) {
    }
    return m_error;
}

void Statement::reset()
{
    if (!m_stmt)
        return; // a statement that did not prepare keeps its error
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
    m_error.reset();
}

qint64 Statement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

QString Statement::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return data ? QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column)) : QString();
}

} // namespace k8sfc::sql
