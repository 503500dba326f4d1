// File → Restore Backup: a restore asks first, and the copy it saves is listed and can be restored.
#include "backupmanager.h"
#include "masterystore.h"
#include "restorebackupdialog.h"

#include <QDialogButtonBox>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

using namespace k8sfc;

class TestRestoreBackup : public QObject
{
    Q_OBJECT
private slots:
    void restore_asksFirst_andItsCopyIsListed();

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
    static QPushButton *button(QWidget *parent, const QString &text)
    {
        for (QPushButton *b : parent->findChildren<QPushButton *>())
            if (b->text() == text)
                return b;
        return nullptr;
    }
};

void TestRestoreBackup::restore_asksFirst_andItsCopyIsListed()
{
    QTemporaryDir dir;
    MasteryStore store;
    QCOMPARE(store.openDataDir(dir.filePath(QStringLiteral("data"))), std::nullopt);
    BackupManager backups(store, dir.filePath(QStringLiteral("backups")));
    grade(store, QStringLiteral("a"), 1000);
    QCOMPARE(backups.backupIfDue(QDate(2026, 5, 1)), std::nullopt);
    grade(store, QStringLiteral("b"), 2000);
    grade(store, QStringLiteral("c"), 3000);

    RestoreBackupDialog dialog(backups, 3);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.list()->count(), 1);
    dialog.list()->setCurrentRow(0);
    QPushButton *restore = button(&dialog, QStringLiteral("Restore"));
    QVERIFY(restore && restore->isEnabled());

    // Restore asks; Cancel leaves everything as it was.
    QTest::mouseClick(restore, Qt::LeftButton);
    auto *question = dialog.findChild<QMessageBox *>(QStringLiteral("confirmRestore"));
    QVERIFY(question && question->isVisible());
    QVERIFY(question->text().contains(QStringLiteral("(3 reviews)")));
    QVERIFY(question->text().contains(QStringLiteral("(1 reviews)")));
    QTest::mouseClick(question->button(QMessageBox::Cancel), Qt::LeftButton);
    QTRY_VERIFY(!dialog.findChild<QMessageBox *>(QStringLiteral("confirmRestore")));
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));

    // Asked again, "Replace My Grades" accepts.
    QTest::mouseClick(restore, Qt::LeftButton);
    question = dialog.findChild<QMessageBox *>(QStringLiteral("confirmRestore"));
    QVERIFY(question);
    QTest::mouseClick(button(question, QStringLiteral("Replace My Grades")), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(dialog.chosen());
    QCOMPARE(backups.restore(*dialog.chosen(), QDateTime(QDate(2026, 5, 2), QTime(9, 0), Qt::UTC)), std::nullopt);
    QCOMPARE(store.reviewCount().value(), 1);

    // The copy saved before the restore is listed, and choosing it brings the three reviews back.
    RestoreBackupDialog again(backups, 1);
    QCOMPARE(again.list()->count(), 2);
    int copyRow = -1;
    for (int row = 0; row < again.list()->count(); ++row)
        if (again.list()->item(row)->text().startsWith(QStringLiteral("Before the restore of ")))
            copyRow = row;
    QVERIFY(copyRow >= 0);
    QVERIFY(again.list()->item(copyRow)->text().endsWith(QStringLiteral("3 reviews")));
    again.list()->setCurrentRow(copyRow);
    QVERIFY(again.chosen() && again.chosen()->beforeRestore);
    QCOMPARE(backups.restore(*again.chosen(), QDateTime(QDate(2026, 5, 2), QTime(9, 1), Qt::UTC)), std::nullopt);
    QCOMPARE(store.reviewCount().value(), 3);
}

QTEST_MAIN(TestRestoreBackup)
#include "tst_restorebackup.moc"
