#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

struct sqlite3;
struct sqlite3_stmt;

namespace k8sfc::sql {

/// Owns one sqlite3 connection. Used only by MasteryStore.
class Database
{
public:
    Database() = default;
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    /// Opens an existing file or creates it (`create`); returns an error message on failure.
    std::optional<QString> open(const QString &path, bool create);
    void close();
    bool isOpen() const { return m_db != nullptr; }
    /// Runs statements without results; returns an error message on failure.
    std::optional<QString> exec(const char *sql);
    sqlite3 *handle() const { return m_db; }

private:
    sqlite3 *m_db = nullptr;
};

/// One prepared statement with bound parameters; finalized on destruction.
class Statement
{
public:
    Statement(Database &db, const char *sql);
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    Statement &bind(int index, const QString &value);
    Statement &bind(int index, qint64 value);
    Statement &bind(int index, double value);
    Statement &bindNull(int index);
    /// Steps once: true while a row is available. After false, error() tells a failure from the end.
    bool next();
    /// Steps to completion (for writes); returns the error message on failure.
    std::optional<QString> run();
    /// Makes the statement ready to bind and step again.
    void reset();
    /// Why preparing, binding or stepping failed; nullopt while all went well.
    std::optional<QString> error() const { return m_error; }

    qint64 int64(int column) const;
    double real(int column) const;
    bool isNull(int column) const;
    QString text(int column) const;

private:
    /// Keeps SQLite's message from the moment of failure: a later call on the connection replaces it.
    void fail();

    Database &m_db;
    sqlite3_stmt *m_stmt = nullptr;
    std::optional<QString> m_error;
};

} // namespace k8sfc::sql
