// A learner's history is sacred: a process killed at any moment while grading (SIGKILL, no
// chance to clean up) leaves a database that passes integrity_check, holds every grade that was
// reported committed, and opens normally.
#include "masterystore.h"

#include <QDir>
#include <QProcess>
#include <QSet>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <signal.h>
#include <sqlite3.h>

using namespace k8sfc;

class TestCrashSafety : public QObject
{
    Q_OBJECT
private slots:
    void killedWhileGrading_losesNothingCommitted();
};

void TestCrashSafety::killedWhileGrading_losesNothingCommitted()
{
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("data"));
    QRandomGenerator random(20261130);
    constexpr int kKills = 30;
    QSet<qint64> committed;
    for (int round = 0; round < kKills; ++round) {
        QProcess child;
        child.start(QStringLiteral(K8SFC_CRASH_GRADER), {data});
        QVERIFY2(child.waitForReadyRead(10000), child.readAllStandardError().constData());
        // Let it grade for a random while (a few to a few hundred grades), then kill it mid-flight.
        QTest::qWait(20 + int(random.bounded(180)));
        ::kill(pid_t(child.processId()), SIGKILL);
        QVERIFY(child.waitForFinished(10000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        const QList<QByteArray> lines = child.readAllStandardOutput().split('\n');
        int thisRound = 0;
        for (const QByteArray &line : lines)
            if (line.startsWith("committed ")) {
                committed.insert(line.split(' ').at(1).toLongLong());
                ++thisRound;
            }
        QVERIFY2(thisRound > 0 || round > 0, "the child graded nothing before it was killed");

        // The file is whole and holds every reported grade.
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open_v2(QDir(data).filePath(QStringLiteral("mastery.sqlite3")).toUtf8().constData(), &db,
                                 SQLITE_OPEN_READONLY, nullptr),
                 SQLITE_OK);
        sqlite3_stmt *check = nullptr;
        sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &check, nullptr);
        QCOMPARE(sqlite3_step(check), SQLITE_ROW);
        QCOMPARE(QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(check, 0))), QByteArray("ok"));
        sqlite3_finalize(check);
        QSet<qint64> present;
        sqlite3_stmt *ids = nullptr;
        sqlite3_prepare_v2(db, "SELECT id FROM review_log", -1, &ids, nullptr);
        while (sqlite3_step(ids) == SQLITE_ROW)
            present.insert(sqlite3_column_int64(ids, 0));
        sqlite3_finalize(ids);
        sqlite3_close(db);
        for (qint64 id : std::as_const(committed))
            QVERIFY2(present.contains(id),
                     qPrintable(QStringLiteral("grade %1 was reported committed but is gone").arg(id)));
    }
    // And the app's own open works normally: the dead process's lock is recognised as stale.
    MasteryStore store;
    QCOMPARE(store.openDataDir(data), std::nullopt);
    QVERIFY(store.reviewCount().value() >= committed.size());
    QVERIFY(committed.size() >= kKills);
}

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"
