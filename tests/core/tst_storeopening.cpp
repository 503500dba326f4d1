// Opening a mastery database that is not a whole, writable store of ours (reliability review M2-M6
// and the store's minor findings): each is refused untouched, or set aside and reported.
#include "backupmanager.h"
#include "masterystore.h"
#include "sqlitewal.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace k8sfc;

class TestStoreOpening : public QObject
{
    Q_OBJECT
private slots:
    void foreignDatabase_isRefusedUntouched_data();
    void foreignDatabase_isRefusedUntouched();
    void storeFromBeforeApplicationIds_getsTheIdAndKeepsItsHistory();
    void negativeSchemaVersion_isSaidInWords();
    void emptyFileWithBackups_isSetAsideAndTheNewestBackupFound_data();
    void emptyFileWithBackups_isSetAsideAndTheNewestBackupFound();
    void emptyFileWithoutBackups_isAFirstRun();
    void readOnlyFile_isRefused();
    void damagedWal_isCopiedAsideAndReported();

private:
    static QString dbPath(const QTemporaryDir &dir) { return dir.filePath(QStringLiteral("mastery.sqlite3")); }
    static void exec(const QString &path, const char *sql)
    {
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(path.toUtf8().constData(), &db), SQLITE_OK);
        char *error = nullptr;
        const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &error);
        QVERIFY2(rc == SQLITE_OK, error);
        sqlite3_close(db);
    }
    static QByteArray bytes(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    static QByteArray md5(const QString &path)
    {
        return QCryptographicHash::hash(bytes(path), QCryptographicHash::Md5);
    }
    static void grade(MasteryStore &store, int count)
    {
        for (int i = 0; i < count; ++i) {
            const QString card = QStringLiteral("card-%1").arg(i);
            CardProgress p{card};
            p.state = CardState::Learning;
            p.reps = 1;
            const ReviewEntry e{0,
                                card,
                                QDateTime::fromMSecsSinceEpoch(1700000000000 + i * 1000, Qt::UTC),
                                Rating::Good,
                                1000,
                                ReviewKind::Study};
            QVERIFY(store.recordReview(e, p));
        }
    }
};

void TestStoreOpening::foreignDatabase_isRefusedUntouched_data()
{
    QTest::addColumn<QByteArray>("sql");
    QTest::addColumn<QString>("message");
    QTest::newRow("another app's tables, version 0 (M3)")
        << QByteArray("CREATE TABLE moz_places(id INTEGER PRIMARY KEY, url TEXT);"
                      "INSERT INTO moz_places(url) VALUES('https://example.org');")
        << QStringLiteral("holds tables of another program (moz_places)");
    QTest::newRow("its own review_log, version 0 (minor)")
        << QByteArray("CREATE TABLE review_log(x); INSERT INTO review_log VALUES (1);")
        << QStringLiteral("holds tables of another program (review_log)");
    QTest::newRow("another application id")
        << QByteArray("CREATE TABLE t(a); PRAGMA application_id = 1234; PRAGMA user_version = 3;")
        << QStringLiteral("belongs to another program (its SQLite application id is 0x4D2");
    QTest::newRow("version 3 without our tables (M4)")
        << QByteArray("CREATE TABLE other(a); INSERT INTO other VALUES (42); PRAGMA user_version = 3;")
        << QStringLiteral("lacks parts of the K8s Flashcards schema 3: the table review_log, the table card_state, "
                          "the table card_event");
    QTest::newRow("our id, review_log without two columns (M4)")
        << QByteArray("CREATE TABLE review_log (id INTEGER PRIMARY KEY, card_id TEXT, reviewed_at INTEGER, "
                      "rating INTEGER, state_before INTEGER);"
                      "CREATE TABLE card_state (card_id TEXT PRIMARY KEY, state, stability, difficulty, due, "
                      "last_review, reps, lapses, last_rating, learning_step, scheduled_days, suspended, leech, flag);"
                      "CREATE TABLE card_event (id INTEGER PRIMARY KEY, card_id, at, kind, value);"
                      "PRAGMA user_version = 3; PRAGMA application_id = 1261990726;")
        << QStringLiteral("lacks parts of the K8s Flashcards schema 3: review_log.duration_ms, review_log.kind");
}

void TestStoreOpening::foreignDatabase_isRefusedUntouched()
{
    QFETCH(QByteArray, sql);
    QFETCH(QString, message);
    QTemporaryDir dir;
    exec(dbPath(dir), QByteArray(sql + " PRAGMA journal_mode = DELETE;").constData());
    const QByteArray before = md5(dbPath(dir));
    MasteryStore store;
    const auto error = store.openDataDir(dir.path());
    QVERIFY(error);
    QVERIFY2(error->contains(message), qPrintable(*error));
    QVERIFY2(error->contains(QStringLiteral("left untouched")), qPrintable(*error));
    QVERIFY(!store.isOpen());
    QCOMPARE(md5(dbPath(dir)), before); // not even its journal mode was switched
    QVERIFY(!QFile::exists(dbPath(dir) + QStringLiteral("-wal")));
}

void TestStoreOpening::storeFromBeforeApplicationIds_getsTheIdAndKeepsItsHistory()
{
    QTemporaryDir dir;
    {
        MasteryStore store;
        QCOMPARE(store.openDataDir(dir.path()), std::nullopt);
        grade(store, 3);
    }
    QCOMPARE(bytes(dbPath(dir)).mid(68, 4), QByteArray("K8sF")); // the header's application id, big-endian
    exec(dbPath(dir), "PRAGMA application_id = 0;");             // as every store before this version was
    MasteryStore store;
    QCOMPARE(store.openDataDir(dir.path()), std::nullopt);
    QCOMPARE(store.reviewCount().value(), 3);
    QVERIFY(store.notices().isEmpty());
    store.close();
    QCOMPARE(bytes(dbPath(dir)).mid(68, 4), QByteArray("K8sF"));
}

void TestStoreOpening::negativeSchemaVersion_isSaidInWords()
{
    QTemporaryDir dir;
    exec(dbPath(dir), "CREATE TABLE review_log(x); PRAGMA user_version = -5; PRAGMA journal_mode = DELETE;");
    const QByteArray before = md5(dbPath(dir));
    MasteryStore store;
    const auto error = store.openDataDir(dir.path());
    QVERIFY(error);
    QVERIFY2(error->contains(QStringLiteral("has the schema version -5, which K8s Flashcards never writes")),
             qPrintable(*error));
    QVERIFY2(!error->contains(QStringLiteral("another row")), qPrintable(*error));
    QCOMPARE(md5(dbPath(dir)), before);
}

void TestStoreOpening::emptyFileWithBackups_isSetAsideAndTheNewestBackupFound_data()
{
    QTest::addColumn<bool>("zeroLength");
    QTest::newRow("zero-length file") << true;
    QTest::newRow("a database without tables") << false;
}

void TestStoreOpening::emptyFileWithBackups_isSetAsideAndTheNewestBackupFound()
{
    QFETCH(bool, zeroLength);
    QTemporaryDir dir;
    const QString backups = dir.filePath(QStringLiteral("backups"));
    {
        QTemporaryDir before;
        MasteryStore old;
        QCOMPARE(old.openDataDir(before.path()), std::nullopt);
        grade(old, 19);
        QVERIFY(QDir().mkpath(backups));
        QCOMPARE(old.backupTo(backups + QStringLiteral("/mastery-2026-11-30.sqlite3")), std::nullopt);
    }
    if (zeroLength)
        QVERIFY(QFile(dbPath(dir)).open(QIODevice::WriteOnly));
    else
        exec(dbPath(dir), "CREATE TABLE t(a); DROP TABLE t;");
    const QByteArray emptyBytes = bytes(dbPath(dir));
    MasteryStore store;
    BackupManager manager(store, backups);
    QVERIFY(manager.hasBackups());
    QCOMPARE(store.openDataDir(dir.path(), MasteryStore::EmptyFile::SetAside), std::nullopt);
    QCOMPARE(store.notices().size(), 1);
    QVERIFY2(store.notices().first().contains(QStringLiteral("was empty")), qPrintable(store.notices().first()));
    const QStringList aside = QDir(dir.path()).entryList({QStringLiteral("mastery.sqlite3.empty-*")});
    QCOMPARE(aside.size(), 1);
    QCOMPARE(bytes(dir.filePath(aside.first())), emptyBytes); // kept as it was
    QVERIFY(store.notices().first().contains(aside.first()));
    QCOMPARE(manager.newest()->reviews, std::optional<qint64>(19));
    // The learner's backup is still there to restore, and restoring it brings the grades back.
    QCOMPARE(manager.restore(*manager.newest(), QDateTime::currentDateTimeUtc()), std::nullopt);
    QCOMPARE(store.reviewCount().value(), 19);
}

void TestStoreOpening::emptyFileWithoutBackups_isAFirstRun()
{
    QTemporaryDir dir;
    QVERIFY(QFile(dbPath(dir)).open(QIODevice::WriteOnly));
    MasteryStore store;
    QCOMPARE(store.openDataDir(dir.path()), std::nullopt);
    QVERIFY(store.notices().isEmpty());
    QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("*.empty-*")}), QStringList());
    QCOMPARE(store.reviewCount().value(), 0);
}

// As root a mode of 0444 stops nobody, so the check runs as the user nobody when the test is root.
void TestStoreOpening::readOnlyFile_isRefused()
{
    QTemporaryDir dir;
    {
        MasteryStore store;
        QCOMPARE(store.openDataDir(dir.path()), std::nullopt);
        grade(store, 2);
    }
    QVERIFY(QFile::setPermissions(dbPath(dir), QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
    QVERIFY(QFile::setPermissions(dir.path(), QFile::Permissions(0x7777)));
    QFile::remove(dir.filePath(QStringLiteral("mastery.lock"))); // root's, 0644
    const QByteArray before = md5(dbPath(dir));
    int pipeFds[2];
    QVERIFY(pipe(pipeFds) == 0);
    const pid_t child = fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0))
            _exit(2);
        MasteryStore store;
        const QByteArray error = store.openDataDir(dir.path()).value_or(QStringLiteral("opened")).toUtf8();
        (void)!write(pipeFds[1], error.constData(), size_t(error.size()));
        _exit(0);
    }
    close(pipeFds[1]);
    int status = 0;
    QCOMPARE(waitpid(child, &status, 0), child);
    QCOMPARE(WEXITSTATUS(status), 0);
    char buffer[1024] = {};
    const ssize_t size = read(pipeFds[0], buffer, sizeof buffer - 1);
    close(pipeFds[0]);
    const QString error = QString::fromUtf8(buffer, size > 0 ? size : 0);
    QVERIFY2(error.contains(QStringLiteral("is read-only, so your grades could not be saved")), qPrintable(error));
    QCOMPARE(md5(dbPath(dir)), before);
}

void TestStoreOpening::damagedWal_isCopiedAsideAndReported()
{
    QTemporaryDir live, intact, damaged;
    MasteryStore writer; // stays open: its log is never checkpointed, as after a crash
    QCOMPARE(writer.openDataDir(live.path()), std::nullopt);
    grade(writer, 30);
    for (const QTemporaryDir *copy : {&intact, &damaged})
        for (const QString suffix : {QString(), QStringLiteral("-wal")})
            QVERIFY(QFile::copy(dbPath(live) + suffix, dbPath(*copy) + suffix));
    const QString wal = dbPath(damaged) + QStringLiteral("-wal");
    const sql::WalReport whole = sql::WalReport::inspect(wal);
    QVERIFY(whole.replayedFrames > 30);
    QCOMPARE(whole.lostCommits, 0);
    // One frame's page, a third of the way in, overwritten: SQLite stops replaying there.
    QByteArray log = bytes(wal);
    const qsizetype frameSize = 24 + qFromBigEndian<quint32>(log.constData() + 8);
    log.replace(32 + (whole.replayedFrames / 3) * frameSize + 24 + 100, 4, "\xAA\xBB\xCC\xDD");
    {
        QFile f(wal);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(log);
    }
    const int lost = sql::WalReport::inspect(wal).lostCommits;
    QVERIFY2(lost >= 15, qPrintable(QString::number(lost)));
    // A bad last frame is a write a crash cut short, whose commit never returned: not damage.
    QTemporaryDir torn;
    {
        QByteArray cut = bytes(dbPath(intact) + QStringLiteral("-wal"));
        cut.replace(cut.size() - 100, 4, "\xAA\xBB\xCC\xDD");
        QFile f(torn.filePath(QStringLiteral("x-wal")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(cut);
    }
    QCOMPARE(sql::WalReport::inspect(torn.filePath(QStringLiteral("x-wal"))).lostCommits, 0);

    MasteryStore store;
    QCOMPARE(store.openDataDir(intact.path()), std::nullopt);
    QCOMPARE(store.reviewCount().value(), 30);
    QVERIFY(store.notices().isEmpty());
    QCOMPARE(store.openDataDir(damaged.path()), std::nullopt);
    QVERIFY(store.reviewCount().value() < 30);
    QCOMPARE(store.notices().size(), 1);
    const QString notice = store.notices().first();
    QVERIFY2(notice.contains(QStringLiteral("is damaged: %1 saved changes").arg(lost)), qPrintable(notice));
    const QStringList copies = QDir(damaged.path()).entryList({QStringLiteral("mastery.sqlite3-wal.damaged-*")});
    QCOMPARE(copies.size(), 1);
    QVERIFY(notice.contains(copies.first()));
    QCOMPARE(bytes(damaged.filePath(copies.first())), log);
}

QTEST_GUILESS_MAIN(TestStoreOpening)
#include "tst_storeopening.moc"
