// MasteryStore: opening a file, checking that it is a whole store of ours, and migrating it.
#include "masterystore.h"
#include "sqlitewal.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

namespace k8sfc {

namespace {

// Each step moves the schema up one version; user_version records where a file stands.
const char *const kMigrations[] = {
    // 0 → 1: the review log.
    "CREATE TABLE review_log ("
    "  id INTEGER PRIMARY KEY,"
    "  card_id TEXT NOT NULL,"
    "  reviewed_at INTEGER NOT NULL," // Unix time, milliseconds, UTC
    "  rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4));"
    "CREATE INDEX review_log_card ON review_log (card_id, reviewed_at);",
    // 1 → 2: answer time and review kind in the log; per-card scheduling state, rebuilt from the log.
    "ALTER TABLE review_log ADD COLUMN duration_ms INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE review_log ADD COLUMN kind TEXT NOT NULL DEFAULT 'study' CHECK (kind IN ('study', 'quiz'));"
    "CREATE TABLE card_state ("
    "  card_id TEXT PRIMARY KEY,"
    "  state INTEGER NOT NULL DEFAULT 0 CHECK (state BETWEEN 0 AND 3),"
    "  stability REAL,"
    "  difficulty REAL,"
    "  due INTEGER,"
    "  last_review INTEGER,"
    "  reps INTEGER NOT NULL DEFAULT 0,"
    "  lapses INTEGER NOT NULL DEFAULT 0,"
    "  last_rating INTEGER);"
    "INSERT INTO card_state (card_id, state, last_review, reps, last_rating)"
    "  SELECT card_id, 1, MAX(reviewed_at), COUNT(*),"
    "         (SELECT rating FROM review_log r2 WHERE r2.card_id = r1.card_id ORDER BY reviewed_at DESC, id DESC LIMIT "
    "1)"
    "  FROM review_log r1 GROUP BY card_id;",
    // 2 → 3: what FSRS keeps between reviews, the learner's marks, the state a review started
    // from (for true retention), and a log of non-review events.
    "ALTER TABLE card_state ADD COLUMN learning_step INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE card_state ADD COLUMN scheduled_days INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE card_state ADD COLUMN suspended INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE card_state ADD COLUMN leech INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE card_state ADD COLUMN flag INTEGER NOT NULL DEFAULT 0;"
    "ALTER TABLE review_log ADD COLUMN state_before INTEGER;"
    "CREATE INDEX card_state_due ON card_state (due);"
    "CREATE INDEX review_log_time ON review_log (reviewed_at);"
    "CREATE TABLE card_event ("
    "  id INTEGER PRIMARY KEY,"
    "  card_id TEXT NOT NULL,"
    "  at INTEGER NOT NULL,"
    "  kind TEXT NOT NULL CHECK (kind IN ('reset', 'suspend', 'unsuspend', 'flag', 'leech')),"
    "  value INTEGER NOT NULL DEFAULT 0);"
    "CREATE INDEX card_event_card ON card_event (card_id, at);",
    // 3 → 4: FSRS weights fitted to the learner's log (one row at most; none: the defaults).
    "CREATE TABLE fsrs_parameters ("
    "  id INTEGER PRIMARY KEY CHECK (id = 1),"
    "  weights TEXT NOT NULL," // the 21 weights, separated by spaces, each exact to the last bit
    "  fitted_at INTEGER NOT NULL,"
    "  review_count INTEGER NOT NULL,"
    "  refit_suggested INTEGER NOT NULL DEFAULT 0);",
};
static_assert(std::size(kMigrations) == MasteryStore::kSchemaVersion);

// The columns of each schema version, by the version that added them: a file of version v must
// have every column of `since <= v`.
struct Column
{
    int since;
    const char *table;
    const char *name;
};
constexpr Column kColumns[] = {
    {1, "review_log", "id"},
    {1, "review_log", "card_id"},
    {1, "review_log", "reviewed_at"},
    {1, "review_log", "rating"},
    {2, "review_log", "duration_ms"},
    {2, "review_log", "kind"},
    {2, "card_state", "card_id"},
    {2, "card_state", "state"},
    {2, "card_state", "stability"},
    {2, "card_state", "difficulty"},
    {2, "card_state", "due"},
    {2, "card_state", "last_review"},
    {2, "card_state", "reps"},
    {2, "card_state", "lapses"},
    {2, "card_state", "last_rating"},
    {3, "card_state", "learning_step"},
    {3, "card_state", "scheduled_days"},
    {3, "card_state", "suspended"},
    {3, "card_state", "leech"},
    {3, "card_state", "flag"},
    {3, "review_log", "state_before"},
    {3, "card_event", "id"},
    {3, "card_event", "card_id"},
    {3, "card_event", "at"},
    {3, "card_event", "kind"},
    {3, "card_event", "value"},
    {4, "fsrs_parameters", "id"},
    {4, "fsrs_parameters", "weights"},
    {4, "fsrs_parameters", "fitted_at"},
    {4, "fsrs_parameters", "review_count"},
    {4, "fsrs_parameters", "refit_suggested"},
};

QString timeStamp()
{
    return QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
}

QString untouched()
{
    return QStringLiteral(" The file was left untouched; move it aside to start afresh, or restore a backup.");
}

QString notReadable(const QString &shown, const sql::Statement &st)
{
    return QStringLiteral("%1 is not a readable K8s Flashcards database (%2).")
               .arg(shown, st.error().value_or(QStringLiteral("no answer"))) +
           untouched();
}

} // namespace

std::optional<QString> MasteryStore::openDataDir(const QString &dir, EmptyFile empty)
{
    close();
    if (!QDir().mkpath(dir))
        return QStringLiteral("Cannot create the data folder %1.").arg(QDir::toNativeSeparators(dir));
    if (auto error = m_lock.lock(dir))
        return error;
    if (auto error = openAndMigrate(QDir(dir).filePath(QString::fromLatin1(kFileName)), empty)) {
        m_lock.unlock();
        return error;
    }
    return std::nullopt;
}

std::optional<QString> MasteryStore::openFile(const QString &path)
{
    close();
    return openAndMigrate(path, EmptyFile::StartAfresh);
}

std::optional<QString> MasteryStore::openAndMigrate(const QString &path, EmptyFile empty)
{
    const QString shown = QDir::toNativeSeparators(path);
    const bool onDisk = path != QLatin1String(":memory:");
    const bool existed = onDisk && QFileInfo::exists(path);
    m_notices.clear();
    if (existed)
        keepDamagedWal(path);
    if (auto error = m_db.open(path, true))
        return QStringLiteral("Cannot open the mastery database %1: %2").arg(shown, *error);
    // SQLite opens a file it may not write read-only, without a word: every grade would then fail.
    if (sqlite3_db_readonly(m_db.handle(), "main") == 1) {
        m_db.close();
        return QStringLiteral("%1 is read-only, so your grades could not be saved. Make it writable (chmod u+w), "
                              "then start again.")
            .arg(shown);
    }
    const Result<Found> found = inspect(shown);
    if (!found) {
        m_db.close();
        return found.error();
    }
    if (found->empty && existed && empty == EmptyFile::SetAside) {
        m_db.close();
        if (auto error = setAsideEmpty(path))
            return error;
        if (auto error = m_db.open(path, true))
            return QStringLiteral("Cannot open the mastery database %1: %2").arg(shown, *error);
    }
    if (auto error = configure(shown, onDisk)) {
        m_db.close();
        return error;
    }
    if (auto error = migrate(found->version, found->needsId)) {
        m_db.close();
        return QStringLiteral("Cannot upgrade %1 to schema %2: %3. Nothing was changed.")
            .arg(shown)
            .arg(kSchemaVersion)
            .arg(*error);
    }
    m_path = path;
    return std::nullopt;
}

Result<MasteryStore::Found> MasteryStore::inspect(const QString &shown)
{
    qint64 values[2] = {}; // application id, schema version
    const char *const pragmas[2] = {"PRAGMA application_id", "PRAGMA user_version"};
    for (int i = 0; i < 2; ++i) {
        sql::Statement st(m_db, pragmas[i]);
        if (!st.next())
            return Failure{notReadable(shown, st)};
        values[i] = st.int64(0);
    }
    const qint64 id = values[0];
    const int version = int(values[1]);
    QStringList tables;
    sql::Statement st(m_db, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                            " ORDER BY name");
    while (st.next())
        tables.append(st.text(0));
    if (st.error())
        return Failure{notReadable(shown, st)};
    if (version < 0)
        return Failure{QStringLiteral("%1 has the schema version %2, which K8s Flashcards never writes: it is not "
                                      "one of its databases.")
                           .arg(shown)
                           .arg(version) +
                       untouched()};
    if (id != 0 && id != kApplicationId)
        return Failure{
            QStringLiteral("%1 belongs to another program (its SQLite application id is 0x%2, not K8s "
                           "Flashcards' 0x%3).")
                .arg(shown, QString::number(quint32(id), 16).toUpper(), QString::number(kApplicationId, 16).toUpper()) +
            untouched()};
    if (version > kSchemaVersion)
        return Failure{
            QStringLiteral(
                "%1 was written by a newer version of K8s Flashcards (schema %2; this version knows up to %3).")
                .arg(shown)
                .arg(version)
                .arg(kSchemaVersion) +
            untouched()};
    if (version == 0 && tables.isEmpty())
        return Found{0, true, true};
    if (version == 0)
        return Failure{QStringLiteral("%1 is not a K8s Flashcards database: it holds tables of another program (%2).")
                           .arg(shown, tables.join(QStringLiteral(", "))) +
                       untouched()};
    if (const QStringList missing = missingFromSchema(version); !missing.isEmpty())
        return Failure{QStringLiteral("%1 lacks parts of the K8s Flashcards schema %2: %3. It cannot be used half-way.")
                           .arg(shown)
                           .arg(version)
                           .arg(missing.join(QStringLiteral(", "))) +
                       untouched()};
    return Found{version, false, id == 0}; // a store from before application ids: migrated to have ours
}

QStringList MasteryStore::missingFromSchema(int version)
{
    QHash<QString, QStringList> columns; // of each table the file has
    QStringList missing;
    for (const Column &c : kColumns) {
        const QString table = QString::fromLatin1(c.table);
        if (c.since > version)
            continue;
        if (!columns.contains(table)) {
            sql::Statement st(m_db, "SELECT name FROM pragma_table_info(?1)");
            st.bind(1, table);
            QStringList names;
            while (st.next())
                names.append(st.text(0));
            columns.insert(table, names);
        }
        const QStringList &have = columns[table];
        const QString wanted = have.isEmpty() ? QString(QStringLiteral("the table ") + table)
                                              : QString(table + u'.' + QLatin1String(c.name));
        if (!have.contains(QLatin1String(c.name)) && !missing.contains(wanted))
            missing.append(wanted);
    }
    return missing;
}

void MasteryStore::keepDamagedWal(const QString &path)
{
    const QString wal = path + QStringLiteral("-wal");
    const sql::WalReport report = sql::WalReport::inspect(wal);
    if (!report.damaged())
        return;
    const QString copy = wal + QStringLiteral(".damaged-") + timeStamp();
    const QString kept =
        QFile::copy(wal, copy)
            ? QStringLiteral("A copy of the journal was kept as %1.").arg(QDir::toNativeSeparators(copy))
            : QStringLiteral("The journal could not be copied aside.");
    m_notices.append(QStringLiteral("The journal of %1 (its -wal file) is damaged: %2 saved changes after the damage "
                                    "cannot be read, so your latest grades are missing. %3")
                         .arg(QDir::toNativeSeparators(path))
                         .arg(report.lostCommits)
                         .arg(kept));
}

std::optional<QString> MasteryStore::setAsideEmpty(const QString &path)
{
    const qint64 size = QFileInfo(path).size();
    const QString aside = path + QStringLiteral(".empty-") + timeStamp();
    if (!QFile::rename(path, aside))
        return QStringLiteral("%1 is empty, though backups of your grades exist, and it could not be moved aside.")
                   .arg(QDir::toNativeSeparators(path)) +
               untouched();
    // Its journal goes with it: beside a new file, SQLite would replay it into that one.
    if (QFile::exists(path + QStringLiteral("-wal")))
        QFile::rename(path + QStringLiteral("-wal"), aside + QStringLiteral("-wal"));
    QFile::remove(path + QStringLiteral("-shm"));
    m_notices.append(QStringLiteral("%1 was empty (%2 bytes, no grades), though backups of your grades exist. It was "
                                    "moved aside as %3, and a new database was started.")
                         .arg(QDir::toNativeSeparators(path))
                         .arg(size)
                         .arg(QDir::toNativeSeparators(aside)));
    return std::nullopt;
}

std::optional<QString> MasteryStore::configure(const QString &shown, bool onDisk)
{
    {
        sql::Statement st(m_db, "PRAGMA quick_check");
        const QString result = st.next() ? st.text(0) : st.error().value_or(QStringLiteral("no result"));
        if (result != QLatin1String("ok"))
            return QStringLiteral("%1 is damaged (%2).").arg(shown, result) + untouched();
    }
    if (onDisk) {
        sql::Statement wal(m_db, "PRAGMA journal_mode=WAL");
        if (!wal.next() || wal.text(0) != QLatin1String("wal")) {
            const QString reason = wal.error().value_or(QStringLiteral("the journal stays %1").arg(wal.text(0)));
            return QStringLiteral("Cannot use %1 (%2): is the folder read-only?").arg(shown, reason);
        }
    }
    if (auto error = m_db.exec("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"))
        return QStringLiteral("Cannot configure %1: %2").arg(shown, *error);
    return std::nullopt;
}

// Every step in one transaction: an upgrade either happens whole or not at all, and a new file
// gets the whole schema and our id at once.
std::optional<QString> MasteryStore::migrate(int from, bool setId)
{
    if (from >= kSchemaVersion && !setId)
        return std::nullopt;
    if (auto error = m_db.exec("BEGIN IMMEDIATE"))
        return error;
    std::optional<QString> error;
    for (int v = from; v < kSchemaVersion && !error; ++v)
        error = m_db.exec(kMigrations[v]);
    if (!error)
        error = m_db.exec(QByteArray("PRAGMA user_version=" + QByteArray::number(kSchemaVersion) +
                                     "; PRAGMA application_id=" + QByteArray::number(kApplicationId))
                              .constData());
    if (!error)
        error = m_db.exec("COMMIT");
    if (error) {
        m_db.exec("ROLLBACK");
        return error;
    }
    return std::nullopt;
}

} // namespace k8sfc
