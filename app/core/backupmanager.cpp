#include "backupmanager.h"

#include "masterystore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>

namespace k8sfc {

namespace {

const QString kPrefix = QStringLiteral("mastery-");
const QString kSuffix = QStringLiteral(".sqlite3");

QString dailyName(const QDate &day)
{
    return kPrefix + day.toString(Qt::ISODate) + kSuffix;
}

// mastery-*.sqlite3 in any case, as QDir's name filter matched.
bool isBackupName(const QString &fileName)
{
    return fileName.size() >= kPrefix.size() + kSuffix.size() && fileName.startsWith(kPrefix, Qt::CaseInsensitive) &&
           fileName.endsWith(kSuffix, Qt::CaseInsensitive);
}

const QString kBeforeRestorePrefix = QStringLiteral("before-restore-");

bool isBeforeRestoreName(const QString &fileName)
{
    return fileName.startsWith(kBeforeRestorePrefix) && fileName.endsWith(kSuffix);
}

QDate dayOf(const QString &fileName)
{
    if (!fileName.startsWith(kPrefix) || !fileName.endsWith(kSuffix))
        return {};
    return QDate::fromString(fileName.mid(kPrefix.size(), 10), Qt::ISODate);
}

} // namespace

BackupManager::BackupManager(MasteryStore &store, QString backupDir) : m_store(store), m_dir(std::move(backupDir))
{}

std::optional<QString> BackupManager::backupIfDue(const QDate &today)
{
    if (!QDir().mkpath(m_dir))
        return QStringLiteral("cannot create the backup folder %1").arg(m_dir);
    const QString path = QDir(m_dir).filePath(dailyName(today));
    // A new learner's empty store has nothing to lose (and a first start saves the copy's fsyncs).
    // A store that cannot tell is copied: better one backup too many.
    const Result<bool> empty = m_store.isEmpty();
    if (!QFile::exists(path) && !(empty && *empty))
        if (auto error = m_store.backupTo(path))
            return error;
    rotate(today);
    return std::nullopt;
}

QList<BackupEntry> BackupManager::list() const
{
    QList<BackupEntry> out;
    const QDir dir(m_dir);
    for (const QFileInfo &info : dir.entryInfoList(QDir::Files, QDir::Name | QDir::Reversed)) {
        const bool beforeRestore = isBeforeRestoreName(info.fileName());
        if (!isBackupName(info.fileName()) && !beforeRestore)
            continue;
        BackupEntry e;
        e.beforeRestore = beforeRestore;
        e.path = info.absoluteFilePath();
        e.taken = info.lastModified();
        e.day = dayOf(info.fileName());
        if (const Result<qint64> reviews = MasteryStore::reviewCountIn(e.path))
            e.reviews = *reviews;
        out.append(e);
    }
    std::sort(out.begin(), out.end(), [](const BackupEntry &a, const BackupEntry &b) { return a.taken > b.taken; });
    return out;
}

bool BackupManager::hasBackups() const
{
    const QStringList names = QDir(m_dir).entryList(QDir::Files);
    return std::any_of(names.begin(), names.end(), isBackupName);
}

std::optional<BackupEntry> BackupManager::newest() const
{
    for (const BackupEntry &e : list())
        if (e.reviews)
            return e;
    return std::nullopt;
}

void BackupManager::rotate(const QDate &today)
{
    const QDir dir(m_dir);
    QList<QDate> days;
    for (const QString &name : dir.entryList(QDir::Files))
        if (const QDate d = dayOf(name); d.isValid())
            days.append(d);
    std::sort(days.begin(), days.end(), std::greater<>());
    QSet<QDate> keep;
    // The newest seven daily copies …
    for (qsizetype i = 0; i < days.size() && i < kDailyKept; ++i)
        keep.insert(days.at(i));
    // … and the newest copy of each of the four calendar weeks (Monday to Sunday) before them.
    // Calendar weeks, not "the seven days before today": a kept weekly copy then stays kept as
    // the days go by, instead of sliding out of a moving window.
    QList<int> weeksKept;
    for (qsizetype i = kDailyKept; i < days.size() && weeksKept.size() < kWeeklyKept; ++i) {
        int year = 0;
        const int week = days.at(i).weekNumber(&year) + year * 100;
        if (!weeksKept.contains(week)) {
            weeksKept.append(week);
            keep.insert(days.at(i));
        }
    }
    Q_UNUSED(today);
    for (const QDate &d : std::as_const(days))
        if (!keep.contains(d))
            QFile::remove(dir.filePath(dailyName(d)));
}

std::optional<QString> BackupManager::restore(const BackupEntry &entry, const QDateTime &now)
{
    if (!QDir().mkpath(m_dir))
        return QStringLiteral("cannot create the backup folder %1").arg(m_dir);
    const QString stamp = now.toUTC().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    const QString safety = QDir(m_dir).filePath(kBeforeRestorePrefix + stamp + kSuffix);
    if (auto error = m_store.backupTo(safety))
        return QStringLiteral("Nothing was restored: the current data could not be saved first (%1).").arg(*error);
    if (auto error = m_store.restoreFrom(entry.path))
        return QStringLiteral("The restore failed (%1). Your data before it is in %2.").arg(*error, safety);
    return std::nullopt;
}

} // namespace k8sfc
