// How the windows follow the learner: the card and component on screen, the counters and headers
// after grades, undo and quizzes, and the secondary windows (their keys, titles and place).
#include "cardbrowser.h"
#include "cardpane.h"
#include "componentitem.h"
#include "componentstudy.h"
#include "content.h"
#include "diagramscene.h"
#include "diagramview.h"
#include "grader.h"
#include "importdialog.h"
#include "mainwindow.h"
#include "masterystore.h"
#include "presentationwindow.h"
#include "presenterconsole.h"
#include "quizpane.h"
#include "quizsession.h"
#include "reviewsession.h"
#include "settings.h"
#include "studyoptionsdialog.h"
#include "windowframe.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWindow>

#include <functional>

using namespace k8sfc;

class TestWindowFlow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void showOnDiagram_opensTheSelectedCardInFront();
    void review_lightsEachCardsComponent();
    void counter_countsEachCardOnce_throughUndo();
    void reviewHeader_followsQuizzesAndTheBrowser();
    void quizButton_saysWhatEnterDoes();
    void secondaryWindows_closeWithEscapeAndCtrlW();
    void titles_nameTheAppOnce();
    void windows_reopenOnScreen();
    void ctrlComma_opensSettings();

private:
    void openWindow(MainWindow *&window);
    void clickComponent(const QString &ref);
    void grade(Qt::Key key);
    QString counterText() const;
    QString reviewHeader() const;
    QString expectedReviewHeader() const;
    QuizPane *startQuiz(const QString &scope, int length);
    /// What a title bar shows: Qt appends the application display name when one is set.
    static QString shownTitle(const QWidget *window);
    /// The top-level windows shown now that were not in `before`.
    static QList<QWidget *> newWindows(const QWidgetList &before);
    static bool onScreen(const QWidget *window);

    ContentSnapshot m_content;
    QTemporaryDir *m_dir = nullptr;
    MasteryStore *m_store = nullptr;
    MainWindow *m_window = nullptr;
};

void TestWindowFlow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    WindowFrame::nameApplication(); // as the app names itself
    m_content = std::make_shared<const ContentSet>(ContentSet::loadRoot(QStringLiteral(K8SFC_SOURCE_DIR)));
    QVERIFY(!m_content->diagrams().isEmpty());
}

void TestWindowFlow::init()
{
    QSettings(QSettings::NativeFormat, QSettings::UserScope, QStringLiteral("k8s-flashcards"),
              QStringLiteral("k8s-flashcards"))
        .clear();
    m_dir = new QTemporaryDir;
    m_store = new MasteryStore;
    QCOMPARE(m_store->openDataDir(m_dir->path()), std::nullopt);
    openWindow(m_window);
}

void TestWindowFlow::openWindow(MainWindow *&window)
{
    window = new MainWindow(m_content, *m_store);
    window->show();
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));
}

void TestWindowFlow::cleanup()
{
    delete m_window;
    delete m_store;
    delete m_dir;
}

void TestWindowFlow::clickComponent(const QString &ref)
{
    ComponentItem *item = m_window->diagramScene()->itemForRef(ref);
    QVERIFY2(item, qPrintable(ref));
    const QRectF r = item->rect();
    m_window->diagramView()->ensureVisible(r);
    QTest::mouseClick(m_window->diagramView()->viewport(), Qt::LeftButton, {},
                      m_window->diagramView()->mapFromScene(QPointF(r.center().x(), r.top() + 8)));
}

void TestWindowFlow::grade(Qt::Key key)
{
    QTest::keyClick(m_window, Qt::Key_Space);
    QTest::keyClick(m_window, key);
}

QString TestWindowFlow::counterText() const
{
    return m_window->findChild<QLabel *>(QStringLiteral("counter"))->text();
}

QString TestWindowFlow::reviewHeader() const
{
    for (const QLabel *label : m_window->cardPane()->findChildren<QLabel *>())
        if (label->isVisible() && label->text().startsWith(QLatin1String("Due today:")))
            return label->text();
    return {};
}

QString TestWindowFlow::expectedReviewHeader() const
{
    const auto due = ReviewSession::dueToday(*m_content, *m_window->grader(), QDateTime::currentDateTimeUtc());
    return QStringLiteral("Due today: %1 new, %2 learning, %3 to review")
        .arg(due.newCards)
        .arg(due.learning)
        .arg(due.review);
}

QuizPane *TestWindowFlow::startQuiz(const QString &scope, int length)
{
    QTest::keyClick(m_window, Qt::Key_Q);
    QuizPane *pane = m_window->quizPane();
    for (QCheckBox *box : pane->findChildren<QCheckBox *>())
        box->setChecked(box->text().startsWith(QLatin1String("Multiple")));
    pane->scopeBox()->setCurrentIndex(pane->scopeBox()->findData(scope));
    pane->lengthBox()->setValue(length);
    pane->timeBox()->setCurrentIndex(0);
    QTest::mouseClick(pane->startButton(), Qt::LeftButton);
    return pane;
}

QString TestWindowFlow::shownTitle(const QWidget *window)
{
    // QGuiApplication::applicationDisplayName() falls back to the application name when none
    // is set, and then Qt appends nothing.
    const QString display = QGuiApplication::applicationDisplayName();
    const QString title = window->windowTitle();
    if (display == QCoreApplication::applicationName() || title.endsWith(display))
        return title;
    return title.isEmpty() ? display : title + QStringLiteral(" — ") + display;
}

QList<QWidget *> TestWindowFlow::newWindows(const QWidgetList &before)
{
    QList<QWidget *> shown;
    for (QWidget *w : QApplication::topLevelWidgets())
        if (w->isVisible() && !before.contains(w) && w->windowType() != Qt::Popup && w->windowType() != Qt::ToolTip)
            shown.append(w);
    return shown;
}

bool TestWindowFlow::onScreen(const QWidget *window)
{
    return window->screen()->availableGeometry().contains(window->frameGeometry());
}

// B2: the selected card (not the component's first), its component lit, the main window in front.
void TestWindowFlow::showOnDiagram_opensTheSelectedCardInFront()
{
    clickComponent(QStringLiteral("etcd"));
    const QString first = m_window->componentStudy()->current()->id;
    QString chosen;
    for (const Card *card : m_content->cardsFor(QStringLiteral("etcd"), false))
        if (card->components.first() == QLatin1String("etcd") && card->id != first)
            chosen = card->id;
    QVERIFY(!chosen.isEmpty());
    clickComponent(QStringLiteral("kube-scheduler"));
    QTest::keyClick(m_window, Qt::Key_B);
    CardBrowser *browser = m_window->cardBrowser();
    QVERIFY(QTest::qWaitForWindowActive(browser));
    browser->setComponentFilter(QStringLiteral("etcd"));
    browser->selectCard(chosen);
    QCOMPARE(browser->currentCardId(), chosen);
    QPushButton *locate = nullptr;
    for (QPushButton *button : browser->findChildren<QPushButton *>())
        if (button->text() == QLatin1String("Show on diagram"))
            locate = button;
    QVERIFY(locate);
    QTest::mouseClick(locate, Qt::LeftButton);
    QCOMPARE(m_window->cardPane()->mode(), m_window->componentStudy());
    QCOMPARE(m_window->componentStudy()->current()->id, chosen);
    QCOMPARE(m_window->diagramScene()->selectedComponent(), QStringLiteral("etcd"));
    QVERIFY(m_window->diagramScene()->itemForRef(QStringLiteral("etcd"))->isSelectedComponent());
    QVERIFY(!m_window->diagramScene()->itemForRef(QStringLiteral("kube-scheduler"))->isSelectedComponent());
    QTRY_COMPARE(QApplication::activeWindow(), m_window);
    // A child window is kept above its parent by the window manager: the browser must not be one.
    QVERIFY(browser->windowHandle());
    QCOMPARE(browser->windowHandle()->transientParent(), nullptr);
}

// B3: the review lights the component of each card it shows, not the one clicked before.
void TestWindowFlow::review_lightsEachCardsComponent()
{
    // Review cards due on three components, first in the review (oldest due first).
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QStringList components{QStringLiteral("etcd"), QStringLiteral("kube-scheduler"), QStringLiteral("kubelet")};
    for (int i = 0; i < components.size(); ++i) {
        const Card *card = nullptr;
        for (const Card *c : m_content->cardsFor(components.at(i), false))
            if (!card && c->components.first() == components.at(i))
                card = c;
        QVERIFY(card);
        CardProgress p{card->id, CardState::Review, 5.0, 5.0, now.addSecs(-3600 * (3 - i)), now.addDays(-5), 1};
        p.lastRating = Rating::Good;
        p.scheduledDays = 5;
        QVERIFY(m_store->recordReview({0, card->id, now.addDays(-5), Rating::Good, 1, ReviewKind::Study}, p));
    }
    clickComponent(QStringLiteral("coredns"));
    grade(Qt::Key_3);
    QTest::keyClick(m_window, Qt::Key_R);
    QCOMPARE(m_window->cardPane()->mode(), m_window->reviewSession());
    QStringList lit;
    for (int i = 0; i < 3; ++i) {
        const Card *card = m_window->reviewSession()->current();
        QVERIFY(card);
        const QString component = card->components.first();
        QCOMPARE(m_window->diagramScene()->selectedComponent(), component);
        const auto items = m_window->diagramScene()->itemsForComponent(component);
        QVERIFY(!items.isEmpty());
        for (ComponentItem *item : m_window->diagramScene()->componentItems())
            QCOMPARE(item->isSelectedComponent(), items.contains(item));
        lit.append(component);
        grade(Qt::Key_3);
    }
    QCOMPARE(lit, components); // the light followed the cards from component to component
}

// B8: "Card N of M" counts each card once; undo steps back instead of adding a card.
void TestWindowFlow::counter_countsEachCardOnce_throughUndo()
{
    clickComponent(QStringLiteral("etcd"));
    const int total = m_window->componentStudy()->queueSize();
    QVERIFY(total > 8);
    const QString of = QStringLiteral(" of %1").arg(total);
    for (int i = 0; i < 6; ++i)
        grade(Qt::Key_3);
    QVERIFY2(counterText().startsWith(QStringLiteral("Card 7") + of), qPrintable(counterText()));
    for (int round = 0; round < 2; ++round) {
        QTest::keyClick(m_window, Qt::Key_Z, Qt::ControlModifier);
        QVERIFY2(counterText().startsWith(QStringLiteral("Card 6") + of), qPrintable(counterText()));
        grade(Qt::Key_3);
        QVERIFY2(counterText().startsWith(QStringLiteral("Card 7") + of), qPrintable(counterText()));
    }
    // Again: the card comes back a few cards later, as itself, and undo takes that back too.
    const QString forgotten = m_window->componentStudy()->current()->id;
    grade(Qt::Key_1);
    QVERIFY2(counterText().startsWith(QStringLiteral("Card 8") + of), qPrintable(counterText()));
    QTest::keyClick(m_window, Qt::Key_Z, Qt::ControlModifier);
    QVERIFY2(counterText().startsWith(QStringLiteral("Card 7") + of), qPrintable(counterText()));
    grade(Qt::Key_1);
    for (int i = 0; i < 6 && m_window->componentStudy()->current()->id != forgotten; ++i) {
        QVERIFY2(counterText().contains(of + QStringLiteral(" ")), qPrintable(counterText()));
        grade(Qt::Key_3);
    }
    QCOMPARE(m_window->componentStudy()->current()->id, forgotten);
    QVERIFY2(counterText().startsWith(QStringLiteral("Card 7") + of + QStringLiteral(", again")),
             qPrintable(counterText()));
}

// B9: the review's header is worked out again after every change made elsewhere.
void TestWindowFlow::reviewHeader_followsQuizzesAndTheBrowser()
{
    QTest::keyClick(m_window, Qt::Key_R);
    grade(Qt::Key_3);
    QCOMPARE(reviewHeader(), expectedReviewHeader());
    const QString before = reviewHeader();
    QuizPane *pane = startQuiz(QStringLiteral("deck:rbac"), 3);
    QuizSession *quiz = m_window->quizSession();
    QCOMPARE(quiz->count(), 3);
    for (int i = 0; i < 3; ++i) {
        QTest::mouseClick(pane->optionButtons().at(quiz->current()->correctOption), Qt::LeftButton);
        QTest::keyClick(pane->nextButton(), Qt::Key_Return);
    }
    QVERIFY(quiz->isFinished());
    QPushButton *back = nullptr;
    for (QPushButton *button : pane->findChildren<QPushButton *>())
        if (button->isVisible() && button->text() == QLatin1String("Back to studying"))
            back = button;
    QVERIFY(back);
    QTest::mouseClick(back, Qt::LeftButton);
    QCOMPARE(m_window->cardPane()->mode(), m_window->reviewSession()); // back to what was being done
    QVERIFY(reviewHeader() != before);                                 // the quiz moved new cards into learning
    QCOMPARE(reviewHeader(), expectedReviewHeader());
    // A card suspended in the browser leaves the counts at once.
    QTest::keyClick(m_window, Qt::Key_B);
    CardBrowser *browser = m_window->cardBrowser();
    browser->selectCard(m_window->reviewSession()->current()->id);
    browser->toggleSuspend();
    QCOMPARE(reviewHeader(), expectedReviewHeader());
}

// B14: before the first answer the button already says what Enter will do.
void TestWindowFlow::quizButton_saysWhatEnterDoes()
{
    // Twice: the second quiz must not start with the first one's last label.
    for (int run = 0; run < 2; ++run) {
        QuizPane *pane = startQuiz(QStringLiteral("deck:rbac"), 3);
        QuizSession *quiz = m_window->quizSession();
        QVERIFY(quiz->count() >= 2);
        for (int i = 0; i < quiz->count(); ++i) {
            const QString expected = i + 1 < quiz->count() ? QStringLiteral("Next") : QStringLiteral("See results");
            QVERIFY(!pane->nextButton()->isEnabled());
            QVERIFY2(pane->nextButton()->text().startsWith(expected), qPrintable(pane->nextButton()->text()));
            QTest::mouseClick(pane->optionButtons().at(0), Qt::LeftButton);
            QVERIFY(pane->nextButton()->isEnabled());
            QVERIFY2(pane->nextButton()->text().startsWith(expected), qPrintable(pane->nextButton()->text()));
            QTest::keyClick(pane->nextButton(), Qt::Key_Return);
        }
        QVERIFY(quiz->isFinished());
    }
}

// B11: every secondary window closes with Escape and with Ctrl+W.
void TestWindowFlow::secondaryWindows_closeWithEscapeAndCtrlW()
{
    auto menuAction = [this](const QString &text) {
        for (QAction *a : m_window->menuBar()->findChildren<QAction *>())
            if (a->text() == text)
                return a;
        return static_cast<QAction *>(nullptr);
    };
    const std::pair<const char *, std::function<void()>> openers[] = {
        {"Statistics", [this] { QTest::keyClick(m_window, Qt::Key_S, Qt::ShiftModifier); }},
        {"Browse", [this] { QTest::keyClick(m_window, Qt::Key_B); }},
        {"Settings", [this] { QTest::keyClick(m_window, Qt::Key_Comma, Qt::ControlModifier); }},
        {"About", [&] { menuAction(QStringLiteral("&About K8s Flashcards"))->trigger(); }},
        {"Shortcuts", [&] { menuAction(QStringLiteral("&Keyboard Shortcuts"))->trigger(); }},
        {"Import",
         [this] {
             auto *d = new ImportDialog(QByteArray("front,back\nq,a\n"), QStringLiteral("x.csv"), m_content->registry(),
                                        m_window);
             d->setAttribute(Qt::WA_DeleteOnClose);
             d->open();
         }},
        {"Presentation", [this] { QTest::keyClick(m_window, Qt::Key_F5); }},
        {"Presenter view",
         [this] {
             QTest::keyClick(m_window, Qt::Key_F5);
             (new PresenterConsole(m_window->presentation()->player(), m_window->presentation()))->show();
         }},
    };
    for (const auto &[name, open] : openers) {
        for (const QKeySequence &key : {QKeySequence(Qt::Key_Escape), QKeySequence(Qt::CTRL | Qt::Key_W)}) {
            m_window->activateWindow(); // the keys that open windows are the main window's
            QVERIFY(QTest::qWaitForWindowActive(m_window));
            const QWidgetList before = QApplication::topLevelWidgets();
            open();
            QList<QWidget *> shown = newWindows(before);
            QVERIFY2(!shown.isEmpty(), name);
            QWidget *window = shown.first();
            for (QWidget *w : std::as_const(shown)) // the presenter view, over its presentation
                if (shown.contains(w->parentWidget()))
                    window = w;
            // Not qWaitForWindowActive: a child window counts as active while its parent is.
            window->activateWindow();
            QTRY_COMPARE(QApplication::activeWindow(), window);
            QTest::keyClick(window->focusWidget() ? window->focusWidget() : window, key[0].key(),
                            key[0].keyboardModifiers());
            for (QWidget *w : std::as_const(shown))
                QTRY_VERIFY2(
                    !QApplication::topLevelWidgets().contains(w) || !w->isVisible(),
                    qPrintable(QStringLiteral("%1 stays open after %2").arg(QLatin1String(name), key.toString())));
        }
    }
}

// B12: a title names the app once; a dialog's is short enough to be read in its title bar.
void TestWindowFlow::titles_nameTheAppOnce()
{
    m_window->setProfileName(QStringLiteral("alice"));
    QCOMPARE(shownTitle(m_window), QStringLiteral("K8s Flashcards — alice"));
    const QWidgetList before = QApplication::topLevelWidgets();
    m_window->showBrowser();
    m_window->showStatistics();
    for (QAction *a : m_window->menuBar()->findChildren<QAction *>())
        if (a->text() == QStringLiteral("&Settings…") || a->text() == QLatin1String("&About K8s Flashcards"))
            a->trigger();
    QList<QWidget *> windows = newWindows(before);
    QCOMPARE(windows.size(), 4);
    m_window->present(QString());
    windows.append(m_window->presentation());
    windows.append(m_window);
    for (QWidget *w : std::as_const(windows)) {
        const QString title = shownTitle(w);
        QVERIFY2(title.count(QStringLiteral("K8s Flashcards")) <= 1, qPrintable(title));
        if (qobject_cast<QDialog *>(w))
            QVERIFY2(w->fontMetrics().horizontalAdvance(title) + 100 < w->width(),
                     qPrintable(QStringLiteral("%1 in %2 px").arg(title).arg(w->width())));
        else
            QVERIFY2(title.contains(QStringLiteral("K8s Flashcards")), qPrintable(title));
    }
}

// B15: a saved place partly off screen comes back on screen; so does a secondary window.
void TestWindowFlow::windows_reopenOnScreen()
{
    const QRect available = m_window->screen()->availableGeometry();
    m_window->setGeometry(available.right() - 200, available.bottom() - 150, available.width() - 100,
                          available.height() - 100);
    QVERIFY(!onScreen(m_window));
    m_window->close(); // saves its place
    delete m_window;
    openWindow(m_window);
    QVERIFY2(onScreen(m_window), qPrintable(QStringLiteral("%1,%2 %3x%4")
                                                .arg(m_window->frameGeometry().x())
                                                .arg(m_window->frameGeometry().y())
                                                .arg(m_window->frameGeometry().width())
                                                .arg(m_window->frameGeometry().height())));
    // Larger than the screen when saved: shrunk onto it.
    m_window->setGeometry(available.left() - 300, available.top(), available.width() + 400, available.height() + 200);
    m_window->close();
    delete m_window;
    openWindow(m_window);
    QVERIFY(onScreen(m_window));
    m_window->move(available.right() - 100, available.bottom() - 100);
    m_window->showBrowser();
    QVERIFY(onScreen(m_window->cardBrowser()));
    m_window->showStatistics();
    QVERIFY(onScreen(m_window->statisticsWindow()));
}

// B6: Ctrl+, opens Settings, and the menu says so.
void TestWindowFlow::ctrlComma_opensSettings()
{
    QTest::keyClick(m_window, Qt::Key_Comma, Qt::ControlModifier);
    auto *dialog = m_window->findChild<StudyOptionsDialog *>();
    QVERIFY(dialog && dialog->isVisible());
    QAction *settings = nullptr;
    for (QAction *a : m_window->menuBar()->findChildren<QAction *>())
        if (a->text() == QStringLiteral("&Settings…"))
            settings = a;
    QVERIFY(settings);
    QCOMPARE(settings->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Comma));
    QVERIFY(!settings->shortcut().toString(QKeySequence::NativeText).isEmpty());
}

QTEST_MAIN(TestWindowFlow)
#include "tst_windowflow.moc"
