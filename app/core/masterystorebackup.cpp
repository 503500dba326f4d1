// MasteryStore: online backups and restores (sqlite3_backup_*).
#include "masterystore.h"

#include <QFile>

#include <sqlite3.h>

namespace k8sfc {

namespace {

std::optional<QString> copyDatabase(sqlite3 *from, sqlite3 *to)
{
    sqlite3_backup *backup = sqlite3_backup_init(to, "main", from, "main");
    if (!backup)
        return QString::fromUtf8(sqlite3_errmsg(to));
    // All pages in one step: a mastery database is small, and one step cannot see a half-written one.
    const int rc = sqlite3_backup_step(backup, -1);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE)
        return QString::fromUtf8(sqlite3_errstr(rc));
    return std::nullopt;
}

} // namespace

std::optional<QString> MasteryStore::backupTo(const QString &path)
{
    if (!isOpen())
        return QStringLiteral("the mastery database is not open");
    const QString partial = path + QStringLiteral(".part");
    QFile::remove(partial);
    sql::Database target;
    if (auto error = target.open(partial, true))
        return error;
    auto error = copyDatabase(m_db.handle(), target.handle());
    target.close();
    // Written aside and renamed, so a crash never leaves a half backup under the real name.
    if (!error && QFile::exists(path) && !QFile::remove(path))
        error = QStringLiteral("cannot replace %1").arg(path);
    if (!error && !QFile::rename(partial, path))
        error = QStringLiteral("cannot write %1").arg(path);
    if (error)
        QFile::remove(partial);
    return error;
}

std::optional<QString> MasteryStore::restoreFrom(const QString &path)
{
    if (!isOpen())
        return QStringLiteral("the mastery database is not open");
    sql::Database source;
    if (auto error = source.open(path, false))
        return error;
    {
        sql::Statement check(source, "PRAGMA user_version");
        if (!check.next())
            return QStringLiteral("%1 is not a mastery database (%2)")
                .arg(path, check.error().value_or(QStringLiteral("no schema version")));
        if (check.int64(0) > kSchemaVersion)
            return QStringLiteral("%1 was written by a newer version of K8s Flashcards").arg(path);
    }
    m_cache.reset(); // every row may have changed
    if (auto error = copyDatabase(source.handle(), m_db.handle()))
        return error;
    // A backup from an older version is brought up to date like any file.
    sql::Statement version(m_db, "PRAGMA user_version");
    const int from = version.next() ? int(version.int64(0)) : kSchemaVersion;
    return migrate(from, true); // a backup from before application ids gets ours
}

Result<qint64> MasteryStore::reviewCountIn(const QString &path)
{
    sql::Database db;
    if (auto error = db.open(path, false))
        return Failure{*error};
    sql::Statement st(db, "SELECT COUNT(*) FROM review_log");
    if (!st.next())
        return Failure{st.error().value_or(QStringLiteral("no count"))};
    return st.int64(0);
}

} // namespace k8sfc
