// With one screen (the offscreen platform has one), a presentation can run in a window with the
// presenter view as a window of its own beside it; F5 stays full screen with the narration in
// the caption. Driven from the main window's Present menu, like a teacher.
#include "content.h"
#include "mainwindow.h"
#include "windowfixture.h"
#include "masterystore.h"
#include "presentationwindow.h"
#include "presenterconsole.h"
#include "walkthroughplayer.h"

#include <QAction>
#include <QGuiApplication>
#include <QMenuBar>
#include <QPointer>
#include <QScreen>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace k8sfc;

class TestPresentInWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void presentInAWindow_opensThePresenterViewBesideIt();
    void f5_isFullScreenWithTheNarrationInTheCaption();

private:
    QAction *presentAction(const QString &text) const;

    ContentSnapshot m_content;
    QTemporaryDir *m_dir = nullptr;
    MasteryStore *m_store = nullptr;
    MainWindow *m_window = nullptr;
};

void TestPresentInWindow::initTestCase()
{
    m_content = test::bundledContent();
    QVERIFY(!m_content->walkthroughs().isEmpty());
    QCOMPARE(QGuiApplication::screens().size(), 1);
}

void TestPresentInWindow::init()
{
    QVERIFY(test::openWindow(m_content, m_dir, m_store, m_window));
}

void TestPresentInWindow::cleanup()
{
    if (m_window->presentation())
        m_window->presentation()->close();
    test::closeWindow(m_dir, m_store, m_window);
}

QAction *TestPresentInWindow::presentAction(const QString &text) const
{
    for (QAction *menu : m_window->menuBar()->actions())
        if (menu->menu() && menu->text() == QStringLiteral("&Present"))
            for (QAction *action : menu->menu()->actions())
                if (action->text() == text)
                    return action;
    return nullptr;
}

void TestPresentInWindow::presentInAWindow_opensThePresenterViewBesideIt()
{
    QAction *action = presentAction(QStringLiteral("Present in a &Window"));
    QVERIFY(action);
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_F5));
    action->trigger();
    PresentationWindow *presentation = m_window->presentation();
    QVERIFY(presentation);
    QVERIFY(QTest::qWaitForWindowExposed(presentation));
    QVERIFY(!presentation->isFullScreen());
    const QRect screen = QGuiApplication::primaryScreen()->availableGeometry();
    QVERIFY(presentation->width() < screen.width());

    PresenterConsole *console = presentation->presenterConsole();
    QVERIFY(console);
    QVERIFY(console->isVisible());
    QVERIFY(console->isWindow());
    // Beside it, not over it (window frames may overlap by a pixel or two).
    QVERIFY(console->geometry().left() >= presentation->geometry().right() - 8);
    const WalkthroughStep *step = presentation->player()->current();
    QVERIFY(step);
    QVERIFY(console->currentText().contains(step->title));
    QVERIFY(console->currentText().contains(step->narration.left(40)));
    // It follows the presentation's keys.
    QTest::keyClick(presentation, Qt::Key_Right);
    QCOMPARE(presentation->player()->position(), 1);
    QVERIFY(console->currentText().contains(presentation->player()->current()->title));
    // Leaving the presentation closes the presenter view too (both are deleted).
    QPointer<PresenterConsole> gone(console);
    QTest::keyClick(presentation, Qt::Key_Escape);
    QTRY_VERIFY(!gone || !gone->isVisible());
}

void TestPresentInWindow::f5_isFullScreenWithTheNarrationInTheCaption()
{
    QAction *action = presentAction(QStringLiteral("&Present Walkthrough"));
    QVERIFY(action);
    QCOMPARE(action->shortcut(), QKeySequence(Qt::Key_F5));
    action->trigger();
    PresentationWindow *presentation = m_window->presentation();
    QVERIFY(presentation);
    QVERIFY(QTest::qWaitForWindowExposed(presentation));
    QVERIFY(presentation->isFullScreen());
    QVERIFY(!presentation->presenterConsole()); // one screen: nobody else to show it to
    QVERIFY(presentation->captionWidget()->isVisible());
}

QTEST_MAIN(TestPresentInWindow)
#include "tst_presentinwindow.moc"
