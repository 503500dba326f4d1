#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace k8sfc {

class MasteryStore;

struct BackupEntry
{
    QString path;
    QDateTime taken; ///< from the file's modification time
    QDate day;       ///< from the file name
    std::optional<qint64> reviews;
    /// The copy a restore saved of the data it replaced: restoring it undoes that restore.
    bool beforeRestore = false;
};

/// Daily backups of the mastery database in DATA/backups: at most one a day, taken at start,
/// keeping the last 7 daily copies and the newest copy of each of the 4 calendar weeks before them. A restore always
/// copies the current data aside first, so nothing is ever lost by restoring.
class BackupManager
{
public:
    static constexpr int kDailyKept = 7;
    static constexpr int kWeeklyKept = 4;

    BackupManager(MasteryStore &store, QString backupDir);

    /// Takes today's backup if there is none yet, then rotates. Returns an error message on failure.
    std::optional<QString> backupIfDue(const QDate &today);
    /// The daily backups and the copies saved before each restore, newest first.
    QList<BackupEntry> list() const;
    /// Whether any backup is there, by its name alone (cheap: opens none).
    bool hasBackups() const;
    /// The newest backup that can be read, for a learner whose grades may be missing.
    std::optional<BackupEntry> newest() const;
    /// Copies the current data to `mastery-before-restore-<time>.sqlite3`, then restores `entry`.
    std::optional<QString> restore(const BackupEntry &entry, const QDateTime &now);
    /// Deletes what the policy no longer keeps (never the before-restore copies).
    void rotate(const QDate &today);
    QString directory() const { return m_dir; }

private:
    MasteryStore &m_store;
    QString m_dir;
};

} // namespace k8sfc
