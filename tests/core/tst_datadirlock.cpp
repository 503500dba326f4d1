// The data folder's lock: a crashed holder never locks the learner out (reliability review M1).
#include "masterystore.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

using namespace k8sfc;

class TestDataDirLock : public QObject
{
    Q_OBJECT
private slots:
    void liveHolder_isRefused_andKilledHolder_freesTheLock();
    void killedHolderInPidNamespace_doesNotLockTheNextStartOut();

private:
    /// Starts the lock holder as PID 1 of a new PID namespace; empty when `unshare` is refused.
    static QString startInPidNamespace(QProcess &p, const QString &dir);
};

void TestDataDirLock::liveHolder_isRefused_andKilledHolder_freesTheLock()
{
    QTemporaryDir dir;
    int ready[2];
    QVERIFY(pipe(ready) == 0);
    const pid_t child = fork();
    QVERIFY(child >= 0);
    if (child == 0) { // takes the lock, says so, and waits to be killed
        MasteryStore store;
        const char ok = store.openDataDir(dir.path()) ? 'n' : 'y';
        (void)!write(ready[1], &ok, 1);
        for (;;)
            pause();
    }
    char ok = 0;
    QCOMPARE(read(ready[0], &ok, 1), 1);
    QCOMPARE(ok, 'y');
    MasteryStore store;
    const auto refused = store.openDataDir(dir.path());
    QVERIFY(refused);
    QVERIFY2(refused->contains(QStringLiteral("already running")), qPrintable(*refused));
    QVERIFY2(refused->contains(QStringLiteral("process %1 ").arg(child)), qPrintable(*refused));
    kill(child, SIGKILL);
    int status = 0;
    QCOMPARE(waitpid(child, &status, 0), child);
    QCOMPARE(store.openDataDir(dir.path()), std::nullopt); // the kernel let go with the process
    close(ready[0]);
    close(ready[1]);
}

QString TestDataDirLock::startInPidNamespace(QProcess &p, const QString &dir)
{
    // --mount-proc, as in a container: the holder then sees itself as process 1 under its own name.
    QStringList args{QStringLiteral("--pid"), QStringLiteral("--fork"), QStringLiteral("--mount-proc"),
                     QStringLiteral("--kill-child")};
    if (geteuid() != 0)
        args.prepend(QStringLiteral("--map-root-user"));
    p.start(QStringLiteral("unshare"), args << QStringLiteral(K8SFC_LOCK_HOLDER) << dir);
    if (!p.waitForStarted(5000))
        return {};
    QString out;
    while (!out.contains(QStringLiteral("\n")) && p.waitForReadyRead(10000))
        out += QString::fromUtf8(p.readAllStandardOutput());
    return out.trimmed();
}

// In a container or Flatpak the holder is process 1 (or 2) on every start: a lock judged by the
// number written in it took the new process for the live holder, and locked it out for good.
void TestDataDirLock::killedHolderInPidNamespace_doesNotLockTheNextStartOut()
{
    if (QStandardPaths::findExecutable(QStringLiteral("unshare")).isEmpty())
        QSKIP("unshare (util-linux) is not installed");
    QTemporaryDir dir;
    QProcess first;
    const QString said = startInPidNamespace(first, dir.path());
    if (said != QLatin1String("locked"))
        QSKIP(qPrintable(QStringLiteral("unshare --pid --fork --mount-proc was refused here: ") + said +
                         QString::fromUtf8(first.readAllStandardError())));
    kill(pid_t(first.processId()), SIGKILL); // --kill-child: the holder dies with it
    first.waitForFinished(5000);
    QProcess second;
    QDeadlineTimer deadline(10000);
    QString answer;
    // The kernel tears the namespace down asynchronously: give the dying holder a moment.
    do {
        second.close();
        answer = startInPidNamespace(second, dir.path());
        if (answer != QLatin1String("locked")) {
            second.waitForFinished(5000);
            answer += QString::fromUtf8(second.readAllStandardError());
            QTest::qWait(200);
        }
    } while (answer != QLatin1String("locked") && !deadline.hasExpired());
    QVERIFY2(answer == QLatin1String("locked"), qPrintable(answer));
    kill(pid_t(second.processId()), SIGKILL);
    second.waitForFinished(5000);
}

QTEST_GUILESS_MAIN(TestDataDirLock)
#include "tst_datadirlock.moc"
