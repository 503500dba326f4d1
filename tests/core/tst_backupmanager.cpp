#include "backupmanager.h"
#include "masterystore.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace k8sfc;

class TestBackupManager : public QObject
{
    Q_OBJECT
private slots:
    void rotation_keepsSevenDailyAndFourWeekly();
    void oneBackupADay();
    void restore_savesTheCurrentDataFirst_andBringsTheOldBack();
    void unreadableBackup_isListedButNotRestored();

private:
    static void grade(MasteryStore &store, const QString &card, qint64 ms)
    {
        CardProgress p;
        p.cardId = card;
        p.reps = 1;
        p.state = CardState::Learning;
        QVERIFY(store.recordReview(
            {0, card, QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC), Rating::Good, 1, ReviewKind::Study}, p));
    }
    static QStringList backupDays(const QString &dir)
    {
        QStringList days;
        for (const QString &name : QDir(dir).entryList({QStringLiteral("mastery-*.sqlite3")}, QDir::Files, QDir::Name))
            days.append(name.mid(8, 10));
        return days;
    }
};

void TestBackupManager::rotation_keepsSevenDailyAndFourWeekly()
{
    QTemporaryDir dir;
    MasteryStore store;
    QCOMPARE(store.openDataDir(dir.filePath(QStringLiteral("data"))), std::nullopt);
    BackupManager backups(store, dir.filePath(QStringLiteral("backups")));
    grade(store, QStringLiteral("a"), 1000); // an empty store is not copied
    // The app started every day for 60 days (Sunday 2026-03-01 to Wednesday 2026-04-29).
    const QDate first(2026, 3, 1);
    for (int i = 0; i < 60; ++i)
        QCOMPARE(backups.backupIfDue(first.addDays(i)), std::nullopt);
    const QDate today = first.addDays(59);
    QCOMPARE(today, QDate(2026, 4, 29));
    // The last 7 days, then the newest backup in each of the 4 weeks before them.
    const QStringList expected{QStringLiteral("2026-04-05"), QStringLiteral("2026-04-12"), QStringLiteral("2026-04-19"),
                               QStringLiteral("2026-04-22"), QStringLiteral("2026-04-23"), QStringLiteral("2026-04-24"),
                               QStringLiteral("2026-04-25"), QStringLiteral("2026-04-26"), QStringLiteral("2026-04-27"),
                               QStringLiteral("2026-04-28"), QStringLiteral("2026-04-29")};
    QCOMPARE(backupDays(backups.directory()), expected);
    // The next day the newest copy of that week moves on; the older weekly copies stay.
    QCOMPARE(backups.backupIfDue(today.addDays(1)), std::nullopt);
    QCOMPARE(backupDays(backups.directory()).mid(0, 4),
             (QStringList{QStringLiteral("2026-04-05"), QStringLiteral("2026-04-12"), QStringLiteral("2026-04-19"),
                          QStringLiteral("2026-04-23")}));
    // Ten days away from the app: the copies it has are kept until newer ones replace them.
    QCOMPARE(backups.backupIfDue(today.addDays(11)), std::nullopt);
    QCOMPARE(backupDays(backups.directory()).size(), 11);
}

void TestBackupManager::oneBackupADay()
{
    QTemporaryDir dir;
    MasteryStore store;
    QCOMPARE(store.openDataDir(dir.filePath(QStringLiteral("data"))), std::nullopt);
    BackupManager backups(store, dir.filePath(QStringLiteral("backups")));
    QCOMPARE(backups.backupIfDue(QDate(2026, 4, 30)), std::nullopt);
    QVERIFY(backups.list().isEmpty()); // a new learner's empty store: nothing to keep
    grade(store, QStringLiteral("a"), 1000);
    QCOMPARE(backups.backupIfDue(QDate(2026, 5, 1)), std::nullopt);
    grade(store, QStringLiteral("b"), 2000);
    QCOMPARE(backups.backupIfDue(QDate(2026, 5, 1)), std::nullopt); // same day: not again
    const QList<BackupEntry> list = backups.list();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.first().day, QDate(2026, 5, 1));
    QCOMPARE(list.first().reviews, std::optional<qint64>(1));
}

void TestBackupManager::restore_savesTheCurrentDataFirst_andBringsTheOldBack()
{
    QTemporaryDir dir;
    MasteryStore store;
    QCOMPARE(store.openDataDir(dir.filePath(QStringLiteral("data"))), std::nullopt);
    BackupManager backups(store, dir.filePath(QStringLiteral("backups")));
    grade(store, QStringLiteral("a"), 1000);
    QCOMPARE(backups.backupIfDue(QDate(2026, 5, 1)), std::nullopt);
    grade(store, QStringLiteral("b"), 2000);
    grade(store, QStringLiteral("c"), 3000);
    QCOMPARE(store.reviewCount().value(), 3);
    const BackupEntry entry = backups.list().first();
    QCOMPARE(backups.restore(entry, QDateTime(QDate(2026, 5, 2), QTime(9, 0), Qt::UTC)), std::nullopt);
    QCOMPARE(store.reviewCount().value(), 1);
    QCOMPARE(store.progress(QStringLiteral("b")).value().reps, 0);
    // The data from before the restore is kept, whole.
    const QString safety = QDir(backups.directory()).filePath(QStringLiteral("before-restore-20260502-090000.sqlite3"));
    QCOMPARE(MasteryStore::reviewCountIn(safety).value(), 3);
    // The copy is listed, marked as such, and restoring it undoes the restore.
    const QList<BackupEntry> listed = backups.list();
    const auto copy = std::find_if(listed.begin(), listed.end(), [](const BackupEntry &e) { return e.beforeRestore; });
    QVERIFY(copy != listed.end());
    QCOMPARE(copy->path, QFileInfo(safety).absoluteFilePath());
    QCOMPARE(copy->reviews, 3);
    QCOMPARE(std::count_if(listed.begin(), listed.end(), [](const BackupEntry &e) { return !e.beforeRestore; }), 1);
    QCOMPARE(backups.restore(*copy, QDateTime(QDate(2026, 5, 2), QTime(9, 5), Qt::UTC)), std::nullopt);
    QCOMPARE(store.reviewCount().value(), 3);
    QCOMPARE(backups.list().size(), 3); // the daily one and both before-restore copies
    backups.rotate(QDate(2026, 9, 1));  // rotation keeps them all
    QCOMPARE(backups.list().size(), 3);
    QCOMPARE(backups.restore(entry, QDateTime(QDate(2026, 5, 2), QTime(9, 10), Qt::UTC)), std::nullopt);
    // The restored store keeps working and stays durable.
    grade(store, QStringLiteral("d"), 4000);
    store.close();
    MasteryStore reopened;
    QCOMPARE(reopened.openDataDir(dir.filePath(QStringLiteral("data"))), std::nullopt);
    QCOMPARE(reopened.reviewCount().value(), 2);
}

void TestBackupManager::unreadableBackup_isListedButNotRestored()
{
    QTemporaryDir dir;
    MasteryStore store;
    QCOMPARE(store.openDataDir(dir.filePath(QStringLiteral("data"))), std::nullopt);
    grade(store, QStringLiteral("a"), 1000);
    BackupManager backups(store, dir.filePath(QStringLiteral("backups")));
    QDir().mkpath(backups.directory());
    QFile junk(QDir(backups.directory()).filePath(QStringLiteral("mastery-2026-05-01.sqlite3")));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write(QByteArray(4096, 'x'));
    junk.close();
    const QList<BackupEntry> list = backups.list();
    QCOMPARE(list.size(), 1);
    QVERIFY(!list.first().reviews);
    QVERIFY(backups.restore(list.first(), QDateTime::currentDateTimeUtc()).has_value());
    QCOMPARE(store.reviewCount().value(), 1); // untouched
}

QTEST_GUILESS_MAIN(TestBackupManager)
#include "tst_backupmanager.moc"
