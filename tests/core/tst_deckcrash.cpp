// A deck file is written atomically: a process killed at any moment while saving a card (SIGKILL,
// no chance to clean up) leaves the file it had before the save or the one after, never part of one.
#include "deckloader.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <signal.h>

using namespace k8sfc;

class TestDeckCrash : public QObject
{
    Q_OBJECT
private slots:
    void killedWhileSaving_leavesOldOrNewFile();
};

void TestDeckCrash::killedWhileSaving_leavesOldOrNewFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("etcd-and-ha.yaml"));
    QVERIFY(QFile::copy(QStringLiteral(K8SFC_SOURCE_DIR "/decks/etcd-and-ha.yaml"), path));
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    QRandomGenerator random(20261203);
    qint64 saved = 0; // the newest version a save reported
    for (int round = 0; round < 20; ++round) {
        QProcess child;
        child.start(QStringLiteral(K8SFC_CRASH_DECKEDIT), {path, QString::number(saved + 1)});
        QVERIFY2(child.waitForReadyRead(10000), child.readAllStandardError().constData());
        QTest::qWait(50 + int(random.bounded(400)));
        ::kill(pid_t(child.processId()), SIGKILL);
        QVERIFY(child.waitForFinished(10000));
        QVERIFY2(child.exitStatus() == QProcess::CrashExit, child.readAllStandardError().constData());
        for (const QByteArray &line : child.readAllStandardOutput().split('\n'))
            if (line.startsWith("saved "))
                saved = line.mid(6).toLongLong();

        Diagnostics diagnostics;
        const auto deck = DeckLoader::loadFile(path, nullptr, diagnostics);
        QVERIFY2(deck && diagnostics.isEmpty(),
                 qPrintable(diagnostics.isEmpty() ? path : diagnostics.first().toString()));
        const QString back = deck->cards.first().back;
        QVERIFY(back.startsWith(QStringLiteral("version ")));
        const qint64 version = back.section(u'\n', 0, 0).mid(8).toLongLong();
        // The last reported save, or the one the kill interrupted after its rename.
        QVERIFY2(version == saved || version == saved + 1,
                 qPrintable(QStringLiteral("version %1 after save %2").arg(version).arg(saved)));
        saved = version;
    }
    QVERIFY2(saved >= 5, "the child hardly saved before it was killed");
}

QTEST_GUILESS_MAIN(TestDeckCrash)
#include "tst_deckcrash.moc"
