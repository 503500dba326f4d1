#include "masterystore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace k8sfc;

class TestMasteryStore : public QObject
{
    Q_OBJECT
private slots:
    void grades_surviveCloseAndReopen();
    void undo_removesEntryAndRestoresState();
    void olderSchema_isMigratedKeepingHistory();
    void schema3File_gainsFittedWeightsThatBackupsCarry();
    void damagedFittedWeights_areAnError();
    void secondOpenOfLockedFolder_isRefusedAndWritesNothing();
    void corruptFile_isReportedAndLeftUntouched();
    void newerSchema_isReportedAndLeftUntouched();
    void journal_isWalWithFullSync();
    void truncatedFile_isReportedAndLeftUntouched();
    void cachedStates_matchTheFile();
    void readOnlyFolder_isReported();
    void dataDirThatIsAFile_isReported();
    void marks_areKeptAndLogged();
    void reset_keepsTheLogAndLogsItself();
    void reviewsPerDay_usesTheLearnersDay();
    void dueForecast_countsOverdueToday();

private:
    static ReviewEntry review(const QString &card, Rating rating, qint64 ms)
    {
        return ReviewEntry{0, card, QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC), rating, 1500, ReviewKind::Study};
    }
    static CardProgress state(const QString &card, CardState s, int reps, int lapses = 0)
    {
        CardProgress p;
        p.cardId = card;
        p.state = s;
        p.reps = reps;
        p.lapses = lapses;
        return p;
    }
};

void TestMasteryStore::grades_surviveCloseAndReopen()
{
    QTemporaryDir dir;
    {
        MasteryStore store;
        QCOMPARE(store.openDataDir(dir.path()), std::nullopt);
        QVERIFY(store.recordReview(review(QStringLiteral("a"), Rating::Good, 1000),
                                   state(QStringLiteral("a"), CardState::Learning, 1)));
        QVERIFY(store.recordReview(review(QStringLiteral("a"), Rating::Again, 2000),
                                   state(QStringLiteral("a"), CardState::Learning, 2)));
        QVERIFY(store.recordReview(review(QStringLiteral("b"), Rating::Easy, 3000),
                                   state(QStringLiteral("b"), CardState::Review, 1)));
    }
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("mastery.sqlite3"))));
    MasteryStore store;
    QCOMPARE(store.openDataDir(dir.path()), std::nullopt);
    QCOMPARE(store.reviewCount().value(), 3);
    const QList<ReviewEntry> log = store.reviews(QStringLiteral("a")).value();
    QCOMPARE(log.size(), 2);
    QCOMPARE(log.first().rating, Rating::Again); // newest first
    QCOMPARE(log.first().durationMs, 1500);
    QCOMPARE(log.first().reviewedAt.toMSecsSinceEpoch(), 2000);
    const CardProgress a = store.progress(QStringLiteral("a")).value();
    QCOMPARE(a.reps, 2);
    QCOMPARE(a.state, CardState::Learning);
    QCOMPARE(store.progress(QStringLiteral("b")).value().state, CardState::Review);
    QCOMPARE(store.progress(QStringLiteral("never")).value().reps, 0);
}

void TestMasteryStore::undo_removesEntryAndRestoresState()
{
    MasteryStore store;
    QCOMPARE(store.openFile(QStringLiteral(":memory:")), std::nullopt);
    const auto first = store.recordReview(review(QStringLiteral("a"), Rating::Good, 1000),
                                          state(QStringLiteral("a"), CardState::Learning, 1));
    const auto second = store.recordReview(review(QStringLiteral("a"), Rating::Good, 2000),
                                           state(QStringLiteral("a"), CardState::Review, 2));
    QVERIFY(first && second);
    QCOMPARE(store.undoReview(*second, state(QStringLiteral("a"), CardState::Learning, 1)), std::nullopt);
    QCOMPARE(store.reviewCount().value(), 1);
    QCOMPARE(store.progress(QStringLiteral("a")).value().state, CardState::Learning);
    QCOMPARE(store.undoReview(*first, CardProgress{QStringLiteral("a")}), std::nullopt);
    QCOMPARE(store.reviewCount().value(), 0);
    QVERIFY(store.undoReview(*first, CardProgress{QStringLiteral("a")})); // an error: already gone
}

void TestMasteryStore::olderSchema_isMigratedKeepingHistory()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("mastery.sqlite3"));
    { // A file as version 1 wrote it: the review log only.
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(path.toUtf8().constData(), &db), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db,
                              "CREATE TABLE review_log (id INTEGER PRIMARY KEY, card_id TEXT NOT NULL,"
                              " reviewed_at INTEGER NOT NULL, rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4));"
                              "INSERT INTO review_log (card_id, reviewed_at, rating) VALUES ('a', 1000, 3), ('a', "
                              "5000, 1), ('b', 2000, 4);"
                              "PRAGMA user_version = 1;",
                              nullptr, nullptr, nullptr),
                 SQLITE_OK);
        sqlite3_close(db);
    }
    MasteryStore store;
    QCOMPARE(store.openDataDir(dir.path()), std::nullopt);
    QCOMPARE(store.schemaVersion().value(), MasteryStore::kSchemaVersion);
    QCOMPARE(store.reviewCount().value(), 3);
    const CardProgress a = store.progress(QStringLiteral("a")).value();
    QCOMPARE(a.reps, 2);
    QCOMPARE(a.lastRating, std::optional<Rating>(Rating::Again));
    QCOMPARE(a.lastReview.toMSecsSinceEpoch(), 5000);
    QCOMPARE(store.reviews(QStringLiteral("b")).value().first().kind, ReviewKind::Study);
}

void TestMasteryStore::schema3File_gainsFittedWeightsThatBackupsCarry()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("mastery.sqlite3"));
    {
        MasteryStore store;
        QCOMPARE(store.openDataDir(dir.path()), std::nullopt);
        const QDateTime at = QDateTime::fromMSecsSinceEpoch(1'700'000'000'000, Qt::UTC);
        QVERIFY(store.recordReview({0, QStringLiteral("a"), at, Rating::Good},
                                   state(QStringLiteral("a"), CardState::Review, 1)));
    }
    { // Back to the file schema 3 wrote: no table for fitted weights.
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(path.toUtf8().constData(), &db), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db, "DROP TABLE fsrs_parameters; PRAGMA user_version = 3;", nullptr, nullptr, nullptr),
                 SQLITE_OK);
        sqlite3_close(db);
    }
    FittedFsrs fit;
    fit.weights = {0.3, 1.1, 2.9, 9.7, 6.1, 0.71, 2.1, 0.0123456789012345, 1.7, 0.2, 0.9, 1.3, 0.07, 0.3,
                   1.5, 0.4, 2.2, 0.6, 0.1, 0.05, 0.2};
    fit.fittedAt = QDateTime::fromMSecsSinceEpoch(1'710'000'000'000, Qt::UTC);
    fit.reviewCount = 1234;
    const QString backup = dir.filePath(QStringLiteral("backup.sqlite3"));
    {
        MasteryStore store;
        QCOMPARE(store.openDataDir(dir.path()), std::nullopt);
        QCOMPARE(store.schemaVersion().value(), 4);
        QCOMPARE(store.reviewCount().value(), 1);
        QCOMPARE(store.fittedFsrs().value(), std::nullopt);
        CardProgress recomputed = state(QStringLiteral("a"), CardState::Review, 1);
        recomputed.stability = 7.5;
        QCOMPARE(store.applyFsrs(fit, {recomputed}), std::nullopt);
        QCOMPARE(store.progress(QStringLiteral("a")).value().stability, std::optional(7.5));
        QCOMPARE(store.markRefitSuggested(), std::nullopt);
        QCOMPARE(store.backupTo(backup), std::nullopt);
    }
    MasteryStore restored;
    QCOMPARE(restored.openFile(backup), std::nullopt);
    const std::optional<FittedFsrs> back = restored.fittedFsrs().value();
    QVERIFY(back);
    QCOMPARE(back->weights, fit.weights); // exact to the last bit
    QCOMPARE(back->fittedAt, fit.fittedAt);
    QCOMPARE(back->reviewCount, 1234);
    QVERIFY(back->refitSuggested);
    QCOMPARE(restored.applyFsrs(std::nullopt, {}), std::nullopt); // Reset: the defaults again
    QCOMPARE(restored.fittedFsrs().value(), std::nullopt);
    QCOMPARE(restored.progress(QStringLiteral("a")).value().stability, std::optional(7.5)); // states untouched
}

void TestMasteryStore::damagedFittedWeights_areAnError()
{
    QTemporaryDir dir;
    MasteryStore store;
    QCOMPARE(store.openDataDir(dir.path()), std::nullopt);
    FittedFsrs fit;
    fit.fittedAt = QDateTime::currentDateTimeUtc();
    QCOMPARE(store.applyFsrs(fit, {}), std::nullopt);
    store.close();
    sqlite3 *db = nullptr;
    const QString path = dir.filePath(QStringLiteral("mastery.sqlite3"));
    QCOMPARE(sqlite3_open(path.toUtf8().constData(), &db), SQLITE_OK);
    QCOMPARE(sqlite3_exec(db, "UPDATE fsrs_parameters SET weights = '1 2 3'", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
    QCOMPARE(store.openDataDir(dir.path()), std::nullopt);
    const auto read = store.fittedFsrs();
    QVERIFY(!read);
    QVERIFY2(read.error().contains(QStringLiteral("damaged (1 2 3)")), qPrintable(read.error()));
}

void TestMasteryStore::secondOpenOfLockedFolder_isRefusedAndWritesNothing()
{
    QTemporaryDir dir;
    MasteryStore first;
    QCOMPARE(first.openDataDir(dir.path()), std::nullopt);
    MasteryStore second;
    const auto error = second.openDataDir(dir.path());
    QVERIFY(error);
    QVERIFY2(error->contains(QStringLiteral("already running")), qPrintable(*error));
    QVERIFY(!second.isOpen());
    QVERIFY(!second.recordReview(review(QStringLiteral("a"), Rating::Good, 1),
                                 state(QStringLiteral("a"), CardState::Learning, 1)));
    QCOMPARE(first.reviewCount().value(), 0);
    first.close();
    QCOMPARE(second.openDataDir(dir.path()), std::nullopt); // free once the first has gone
}

void TestMasteryStore::corruptFile_isReportedAndLeftUntouched()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("mastery.sqlite3"));
    QByteArray junk(8192, 'x');
    junk.replace(0, 20, "this is not sqlite..");
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(junk);
    }
    MasteryStore store;
    const auto error = store.openDataDir(dir.path());
    QVERIFY(error);
    QVERIFY2(error->contains(QStringLiteral("not a readable K8s Flashcards database")), qPrintable(*error));
    QVERIFY(error->contains(QStringLiteral("left untouched")));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), junk);
}

void TestMasteryStore::newerSchema_isReportedAndLeftUntouched()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("mastery.sqlite3"));
    {
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(path.toUtf8().constData(), &db), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db, "CREATE TABLE future (x); PRAGMA user_version = 99;", nullptr, nullptr, nullptr),
                 SQLITE_OK);
        sqlite3_close(db);
    }
    MasteryStore store;
    const auto error = store.openDataDir(dir.path());
    QVERIFY(error);
    QVERIFY2(error->contains(QStringLiteral("newer version")), qPrintable(*error));
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open(path.toUtf8().constData(), &db), SQLITE_OK);
    sqlite3_stmt *st = nullptr;
    sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, nullptr);
    QCOMPARE(sqlite3_step(st), SQLITE_ROW);
    QCOMPARE(sqlite3_column_int(st, 0), 99);
    sqlite3_finalize(st);
    sqlite3_close(db);
}

void TestMasteryStore::journal_isWalWithFullSync()
{
    QTemporaryDir dir;
    MasteryStore store;
    QCOMPARE(store.openDataDir(dir.path()), std::nullopt);
    QVERIFY(store.recordReview(review(QStringLiteral("a"), Rating::Good, 1),
                               state(QStringLiteral("a"), CardState::Learning, 1)));
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("mastery.sqlite3-wal"))));
}

void TestMasteryStore::marks_areKeptAndLogged()
{
    MasteryStore store;
    QCOMPARE(store.openFile(QStringLiteral(":memory:")), std::nullopt);
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(1000, Qt::UTC);
    QCOMPARE(store.setSuspended({QStringLiteral("a"), QStringLiteral("b")}, true, t), std::nullopt);
    QVERIFY(store.progress(QStringLiteral("a")).value().suspended);
    QVERIFY(store.progress(QStringLiteral("a")).value().isNew()); // suspending is not reviewing
    QCOMPARE(store.setSuspended({QStringLiteral("a")}, false, t.addSecs(1)), std::nullopt);
    QVERIFY(!store.progress(QStringLiteral("a")).value().suspended);
    QCOMPARE(store.setFlag(QStringLiteral("a"), 2, t.addSecs(2)), std::nullopt);
    QCOMPARE(store.progress(QStringLiteral("a")).value().flag, 2);
    QCOMPARE(store.markLeech(QStringLiteral("c"), t.addSecs(3)), std::nullopt);
    QVERIFY(store.progress(QStringLiteral("c")).value().leech);
    QVERIFY(store.progress(QStringLiteral("c")).value().suspended);
    const QList<CardEvent> events = store.events(QStringLiteral("a")).value();
    QCOMPARE(events.size(), 3);
    QCOMPARE(events.at(0).kind, CardEvent::Kind::Suspend);
    QCOMPARE(events.at(1).kind, CardEvent::Kind::Unsuspend);
    QCOMPARE(events.at(2).kind, CardEvent::Kind::Flag);
    QCOMPARE(events.at(2).value, 2);
    QCOMPARE(store.allProgress().value().size(), 3);
}

void TestMasteryStore::reset_keepsTheLogAndLogsItself()
{
    MasteryStore store;
    QCOMPARE(store.openFile(QStringLiteral(":memory:")), std::nullopt);
    CardProgress learnt = state(QStringLiteral("a"), CardState::Review, 3, 1);
    learnt.stability = 12.5;
    learnt.flag = 1;
    QVERIFY(store.recordReview(review(QStringLiteral("a"), Rating::Good, 1000), learnt));
    QCOMPARE(store.resetProgress(QStringLiteral("a"), QDateTime::fromMSecsSinceEpoch(2000, Qt::UTC)), std::nullopt);
    const CardProgress p = store.progress(QStringLiteral("a")).value();
    QVERIFY(p.isNew());
    QCOMPARE(p.state, CardState::New);
    QVERIFY(!p.stability);
    QCOMPARE(p.flag, 1);
    QCOMPARE(store.reviews(QStringLiteral("a")).value().size(), 1);
    QCOMPARE(store.events(QStringLiteral("a")).value().first().kind, CardEvent::Kind::Reset);
}

void TestMasteryStore::reviewsPerDay_usesTheLearnersDay()
{
    MasteryStore store;
    QCOMPARE(store.openFile(QStringLiteral(":memory:")), std::nullopt);
    const QDateTime day = QDateTime(QDate(2026, 3, 10), QTime(12, 0), Qt::UTC);
    auto add = [&](const QDateTime &at, Rating r, CardState before) {
        ReviewEntry e = review(QStringLiteral("x"), r, at.toMSecsSinceEpoch());
        e.stateBefore = before;
        QVERIFY(store.recordReview(e, state(QStringLiteral("x"), CardState::Review, 1)));
    };
    add(day, Rating::Good, CardState::New);
    add(day.addSecs(3600), Rating::Again, CardState::Review);
    add(day.addSecs(2 * 3600), Rating::Good, CardState::Review);
    // 02:30 UTC on the 11th is still the 10th for a learner whose day starts at 4:00 (UTC+0).
    add(QDateTime(QDate(2026, 3, 11), QTime(2, 30), Qt::UTC), Rating::Easy, CardState::Review);
    add(QDateTime(QDate(2026, 3, 11), QTime(5, 0), Qt::UTC), Rating::Hard, CardState::Review);
    const QList<DayReviews> days = store.reviewsPerDay(QDate(2026, 3, 1), QDate(2026, 3, 31), 0, 4).value();
    QCOMPARE(days.size(), 2);
    QCOMPARE(days.at(0).day, QDate(2026, 3, 10));
    QCOMPARE(days.at(0).reviews, 4);
    QCOMPARE(days.at(0).again, 1);
    QCOMPARE(days.at(0).newCards, 1);
    QCOMPARE(days.at(0).matureReviews, 3);
    QCOMPARE(days.at(0).maturePassed, 2);
    QCOMPARE(days.at(1).reviews, 1);
    // The same reviews for a learner at UTC+2 with days starting at midnight.
    const QList<DayReviews> shifted = store.reviewsPerDay(QDate(2026, 3, 1), QDate(2026, 3, 31), 2 * 3600, 0).value();
    QCOMPARE(shifted.size(), 2);
    QCOMPARE(shifted.at(0).reviews, 3);
    QCOMPARE(shifted.at(1).reviews, 2);
    const auto counts = store.newAndReviewCountSince(day.addSecs(-1)).value();
    QCOMPARE(counts.first, 1);
    QCOMPARE(counts.second, 4);
}

void TestMasteryStore::dueForecast_countsOverdueToday()
{
    MasteryStore store;
    QCOMPARE(store.openFile(QStringLiteral(":memory:")), std::nullopt);
    const QDateTime now = QDateTime(QDate(2026, 3, 10), QTime(12, 0), Qt::UTC);
    auto due = [&](const QString &id, const QDateTime &when, bool suspended = false) {
        CardProgress p = state(id, CardState::Review, 1);
        p.due = when;
        QVERIFY(store.recordReview(review(id, Rating::Good, 1), p));
        if (suspended)
            QCOMPARE(store.setSuspended({id}, true, now), std::nullopt);
    };
    due(QStringLiteral("overdue"), now.addDays(-3));
    due(QStringLiteral("today"), now.addSecs(3600));
    due(QStringLiteral("tomorrow"), now.addDays(1));
    due(QStringLiteral("suspended"), now.addDays(1), true);
    due(QStringLiteral("far"), now.addDays(90));
    const QMap<QDate, int> forecast = store.dueForecast(now, 30, 0, 4).value();
    QCOMPARE(forecast.size(), 30);
    QCOMPARE(forecast.value(QDate(2026, 3, 10)), 2);
    QCOMPARE(forecast.value(QDate(2026, 3, 11)), 1);
    int total = 0;
    for (int n : forecast)
        total += n;
    QCOMPARE(total, 3);
}

void TestMasteryStore::cachedStates_matchTheFile()
{
    QTemporaryDir dir;
    auto compare = [](const QHash<QString, CardProgress> &a, const QHash<QString, CardProgress> &b) {
        QCOMPARE(a.size(), b.size());
        for (auto it = a.cbegin(); it != a.cend(); ++it) {
            const CardProgress &x = it.value(), &y = b.value(it.key());
            QCOMPARE(x.state, y.state);
            QCOMPARE(x.reps, y.reps);
            QCOMPARE(x.suspended, y.suspended);
            QCOMPARE(x.flag, y.flag);
            QCOMPARE(x.stability, y.stability);
        }
    };
    QHash<QString, CardProgress> cached;
    {
        MasteryStore store;
        QCOMPARE(store.openDataDir(dir.path()), std::nullopt);
        QVERIFY(store.allProgress().value().isEmpty()); // fills the cache
        CardProgress a = state(QStringLiteral("a"), CardState::Review, 2);
        a.stability = 3.5;
        const auto r1 = store.recordReview(review(QStringLiteral("a"), Rating::Good, 1), a);
        const auto r2 = store.recordReview(review(QStringLiteral("b"), Rating::Good, 2),
                                           state(QStringLiteral("b"), CardState::Learning, 1));
        QVERIFY(r1 && r2);
        QCOMPARE(store.undoReview(*r2, CardProgress{QStringLiteral("b")}), std::nullopt); // deleted
        QVERIFY(store.undoReview(*r2, state(QStringLiteral("b"), CardState::Review, 9))); // an error: rolls back
        QCOMPARE(store.setSuspended({QStringLiteral("a"), QStringLiteral("c")}, true, QDateTime::currentDateTimeUtc()),
                 std::nullopt);
        QCOMPARE(store.setFlag(QStringLiteral("a"), 3, QDateTime::currentDateTimeUtc()), std::nullopt);
        QCOMPARE(store.resetProgress(QStringLiteral("c"), QDateTime::currentDateTimeUtc()), std::nullopt);
        cached = store.allProgress().value();
        QVERIFY(!cached.contains(QStringLiteral("b")));
        QCOMPARE(cached.value(QStringLiteral("a")).flag, 3);
        QCOMPARE(store.progress(QStringLiteral("a")).value().stability, std::optional<double>(3.5));
    }
    MasteryStore fresh;
    QCOMPARE(fresh.openDataDir(dir.path()), std::nullopt);
    compare(cached, fresh.allProgress().value());
}

void TestMasteryStore::truncatedFile_isReportedAndLeftUntouched()
{
    QTemporaryDir dir;
    {
        MasteryStore store;
        QCOMPARE(store.openDataDir(dir.path()), std::nullopt);
        for (int i = 0; i < 200; ++i)
            QVERIFY(store.recordReview(review(QStringLiteral("c%1").arg(i), Rating::Good, i),
                                       state(QStringLiteral("c%1").arg(i), CardState::Review, 1)));
    }
    const QString path = dir.filePath(QStringLiteral("mastery.sqlite3"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadWrite));
    QVERIFY(f.size() > 8192);
    QVERIFY(f.resize(f.size() / 2)); // a copy cut short, a disk that filled up
    f.close();
    QFile::remove(path + QStringLiteral("-wal"));
    QFile::remove(path + QStringLiteral("-shm"));
    const QByteArray before = [&] {
        QFile g(path);
        g.open(QIODevice::ReadOnly);
        return g.readAll();
    }();
    MasteryStore store;
    const auto error = store.openDataDir(dir.path());
    QVERIFY(error);
    QVERIFY2(error->contains(QStringLiteral("damaged")) || error->contains(QStringLiteral("not a readable")),
             qPrintable(*error));
    QVERIFY(error->contains(QStringLiteral("left untouched")));
    QFile g(path);
    QVERIFY(g.open(QIODevice::ReadOnly));
    QCOMPARE(g.readAll(), before);
}

void TestMasteryStore::readOnlyFolder_isReported()
{
    // /proc refuses new files even to root, so this holds wherever the tests run.
    MasteryStore store;
    const auto error = store.openDataDir(QStringLiteral("/proc"));
    QVERIFY(error);
    QVERIFY2(error->contains(QStringLiteral("read-only")), qPrintable(*error));
    QVERIFY(!store.isOpen());
}

void TestMasteryStore::dataDirThatIsAFile_isReported()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("not-a-folder"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("x");
    f.close();
    MasteryStore store;
    const auto error = store.openDataDir(path);
    QVERIFY(error);
    QVERIFY2(error->contains(QStringLiteral("Cannot create the data folder")), qPrintable(*error));
}

QTEST_GUILESS_MAIN(TestMasteryStore)
#include "tst_masterystore.moc"
