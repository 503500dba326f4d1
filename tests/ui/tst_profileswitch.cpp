// Profiles in the window: a mistyped --profile asks before it creates one, and File → Switch
// Profile… changes learner without a restart (UX review, "Data and profiles").
#include "cardbrowser.h"
#include "componentitem.h"
#include "content.h"
#include "datadirlock.h"
#include "diagramscene.h"
#include "grader.h"
#include "mainwindow.h"
#include "masteryoverlay.h"
#include "masterystore.h"
#include "profilepicker.h"
#include "profiles.h"
#include "profileswitcher.h"
#include "settings.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace k8sfc;

class TestProfileSwitch : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void mistypedProfile_asksBeforeCreating();
    void switchProfile_changesLearnerWithoutRestart();
    void switchProfile_toALockedProfile_keepsTheLearner();

private:
    /// Answers the next question box with the button labelled `answer`, noting its text.
    void answerNextBox(const QString &answer);
    QString folder(const char *name) const { return Profiles::folder(m_data.path(), QString::fromLatin1(name)); }

    ContentSnapshot m_content;
    QTemporaryDir m_data;
    QString m_asked;
};

void TestProfileSwitch::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    Settings::machineFile().clear();
    m_content = std::make_shared<const ContentSet>(ContentSet::loadRoot(QStringLiteral(K8SFC_SOURCE_DIR)));
    QVERIFY(QDir().mkpath(folder("Ana")));
    QVERIFY(QDir().mkpath(folder("Ben")));
}

void TestProfileSwitch::answerNextBox(const QString &answer)
{
    QTimer::singleShot(0, this, [this, answer] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        QVERIFY(box);
        m_asked = box->text() + u'\n' + box->informativeText();
        for (QAbstractButton *b : box->buttons())
            if (b->text() == answer)
                return b->click();
        QFAIL(qPrintable(QStringLiteral("no button ") + answer));
    });
}

void TestProfileSwitch::mistypedProfile_asksBeforeCreating()
{
    QVERIFY(!Profiles::exists(m_data.path(), QStringLiteral("Anna")));
    QVERIFY(Profiles::exists(m_data.path(), QStringLiteral("Ana")));
    QVERIFY(Profiles::exists(m_data.path(), QStringLiteral("Default")));
    answerNextBox(QStringLiteral("Cancel"));
    QCOMPARE(ProfilePicker::confirmNew(m_data.path(), QStringLiteral("Anna")), std::nullopt);
    QVERIFY2(m_asked.startsWith(QStringLiteral("No profile named “Anna”. Create it?")), qPrintable(m_asked));
    QVERIFY2(m_asked.contains(QStringLiteral("Default, Ana, Ben")), qPrintable(m_asked));
    QVERIFY(!QFileInfo::exists(folder("Anna")));
    answerNextBox(QStringLiteral("Create “Anna”"));
    QCOMPARE(ProfilePicker::confirmNew(m_data.path(), QStringLiteral("Anna")).value_or(QString()),
             QStringLiteral("Anna"));
}

// Grade as Ana, switch to Ben: his counts, his options, his title, none of Ana's windows or undo.
void TestProfileSwitch::switchProfile_changesLearnerWithoutRestart()
{
    Settings(folder("Ana")).setValue(setting::newCardsPerDay, 5);
    MasteryStore store;
    QCOMPARE(store.openDataDir(folder("Ana")), std::nullopt);
    MainWindow window(m_content, store);
    window.setProfileName(QStringLiteral("Ana"));
    auto *switcher = new ProfileSwitcher(&window, store, m_data.path(), QStringLiteral("Ana"));
    QVERIFY(window.switchProfileAction()->isEnabled());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.masteryOverlay()->setEnabled(true);
    const QString card = m_content->cardsFor(QStringLiteral("etcd"), true).first()->id;
    QVERIFY(window.grader()->grade(card, Rating::Good, 3000, ReviewKind::Study, QDateTime::currentDateTimeUtc()));
    ComponentItem *etcd = window.diagramScene()->itemForRef(QStringLiteral("etcd"));
    QVERIFY(!etcd->isTintedUnseen());
    QVERIFY2(window.dueLabel()->text().endsWith(QStringLiteral("4 new")), qPrintable(window.dueLabel()->text()));
    window.showBrowser();
    QVERIFY(window.cardBrowser());

    QCOMPARE(switcher->switchTo(QStringLiteral("Ben")), std::nullopt);
    QCOMPARE(switcher->current(), QStringLiteral("Ben"));
    QCOMPARE(window.windowTitle(), QStringLiteral("K8s Flashcards — Ben"));
    QCOMPARE(store.reviewCount().value(), 0);
    QVERIFY2(window.dueLabel()->text().endsWith(QStringLiteral("20 new")), qPrintable(window.dueLabel()->text()));
    QVERIFY(etcd->isTintedUnseen());
    QVERIFY(!window.grader()->canUndo());
    QTRY_VERIFY(!window.cardBrowser());
    QCOMPARE(Settings().value(setting::lastProfile), QStringLiteral("Ben"));
    // Ana's lock was let go, Ben's is taken.
    DataDirLock probe;
    QCOMPARE(probe.lock(folder("Ana")), std::nullopt);
    probe.unlock();
    QVERIFY(probe.lock(folder("Ben")).has_value());

    QCOMPARE(switcher->switchTo(QStringLiteral("Ana")), std::nullopt);
    QCOMPARE(window.windowTitle(), QStringLiteral("K8s Flashcards — Ana"));
    QCOMPARE(store.reviewCount().value(), 1);
    QVERIFY(window.dueLabel()->text().endsWith(QStringLiteral("4 new")));
    QVERIFY(!etcd->isTintedUnseen());
}

// Another instance studies as Ben: the switch is refused, and Ana goes on with her store.
void TestProfileSwitch::switchProfile_toALockedProfile_keepsTheLearner()
{
    MasteryStore store;
    QCOMPARE(store.openDataDir(folder("Ana")), std::nullopt);
    const qint64 anasReviews = store.reviewCount().value();
    MainWindow window(m_content, store);
    ProfileSwitcher switcher(&window, store, m_data.path(), QStringLiteral("Ana"));
    DataDirLock other;
    QCOMPARE(other.lock(folder("Ben")), std::nullopt);
    const auto error = switcher.switchTo(QStringLiteral("Ben"));
    QVERIFY(error.has_value());
    QVERIFY2(error->contains(QStringLiteral("Ana goes on studying")), qPrintable(*error));
    QCOMPARE(switcher.current(), QStringLiteral("Ana"));
    QVERIFY(store.isOpen());
    QCOMPARE(QDir(QFileInfo(store.path()).absolutePath()), QDir(folder("Ana")));
    QCOMPARE(store.reviewCount().value(), anasReviews);
}

QTEST_MAIN(TestProfileSwitch)
#include "tst_profileswitch.moc"
