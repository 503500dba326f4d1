// What start-up found wrong with the learner's data reaches the window, not only stderr
// (reliability review M2, M6 and the minor "no backup today" finding).
#include "backupmanager.h"
#include "fileactions.h"
#include "mainwindow.h"
#include "masterystore.h"

#include <QApplication>
#include <QDir>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace k8sfc;

class TestStartupNotices : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void notice_showsOverTheWindowAndRestoresTheOfferedBackup();
    void noticeWithoutBackup_hasNoRestoreButton();

private:
    static QMessageBox *noticeBox(QWidget *window)
    {
        return window->findChild<QMessageBox *>(QStringLiteral("startupNotices"));
    }
};

void TestStartupNotices::notice_showsOverTheWindowAndRestoresTheOfferedBackup()
{
    QTemporaryDir dir;
    const QString backups = dir.filePath(QStringLiteral("backups"));
    MasteryStore store;
    QCOMPARE(store.openDataDir(dir.path()), std::nullopt);
    CardProgress p{QStringLiteral("etcd-raft")};
    p.reps = 1;
    const auto id =
        store.recordReview({0, p.cardId, QDateTime::currentDateTimeUtc(), Rating::Good, 1000, ReviewKind::Study}, p);
    QVERIFY(id);
    QVERIFY(QDir().mkpath(backups));
    QCOMPARE(store.backupTo(backups + QStringLiteral("/mastery-2026-11-30.sqlite3")), std::nullopt);
    QVERIFY(store.undoReview(*id, CardProgress{p.cardId}) == std::nullopt); // the grades are "lost"
    BackupManager manager(store, backups);
    const auto content = std::make_shared<const ContentSet>(ContentSet::loadRoot(QStringLiteral(K8SFC_SOURCE_DIR)));
    MainWindow window(content, store);
    window.fileActions()->setBackupManager(&manager);
    window.show();
    window.fileActions()->showStartupNotices({QStringLiteral("mastery.sqlite3 was empty.")}, manager.newest());
    QMessageBox *box = noticeBox(&window);
    QVERIFY(box);
    QVERIFY(box->isVisible());
    QCOMPARE(box->text(), QStringLiteral("mastery.sqlite3 was empty."));
    QPushButton *restore = nullptr;
    for (QAbstractButton *b : box->buttons())
        if (b->text() == QLatin1String("Restore This Backup"))
            restore = qobject_cast<QPushButton *>(b);
    QVERIFY(restore);
    QCOMPARE(store.reviewCount().value(), 0);
    restore->click();
    QCOMPARE(store.reviewCount().value(), 1);
}

void TestStartupNotices::noticeWithoutBackup_hasNoRestoreButton()
{
    QTemporaryDir dir;
    MasteryStore store;
    QCOMPARE(store.openDataDir(dir.path()), std::nullopt);
    const auto content = std::make_shared<const ContentSet>(ContentSet::loadRoot(QStringLiteral(K8SFC_SOURCE_DIR)));
    MainWindow window(content, store);
    window.show();
    window.fileActions()->showStartupNotices({QStringLiteral("No backup was taken today: database or disk is full.")},
                                             std::nullopt);
    QMessageBox *box = noticeBox(&window);
    QVERIFY(box && box->isVisible());
    QVERIFY(box->text().contains(QStringLiteral("disk is full")));
    QCOMPARE(box->buttons().size(), 1); // Close
}

QTEST_MAIN(TestStartupNotices)
#include "tst_startupnotices.moc"
