// The quiz pane through the window: the card's back after an answer, the results of a timed-out
// quiz, the diagram's marks, the About list and the day's new-card limit (UX review, quiz quality).
#include "cardtext.h"
#include "cardtextview.h"
#include "componentitem.h"
#include "content.h"
#include "diagramscene.h"
#include "diagramview.h"
#include "grader.h"
#include "mainwindow.h"
#include "windowfixture.h"
#include "masterystore.h"
#include "quizpane.h"
#include "quizsession.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

using namespace k8sfc;

class TestQuizPane : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void quiz_feedbackShowsTheCardBack_andEnterGoesOn();
    void quiz_timedOutSummaryListsTheUnanswered();
    void quiz_marksLeaveWithTheResults();
    void quiz_aboutIsGroupedAndSearchable();
    void quiz_bringsInNoNewCardPastTheDailyLimit();

private:
    void click(const QString &ref);
    QuizPane *openQuiz(bool choice, bool typed, bool locate, const QString &scopeData, int length);

    ContentSnapshot m_content;
    QTemporaryDir *m_dir = nullptr;
    MasteryStore *m_store = nullptr;
    MainWindow *m_window = nullptr;
};

void TestQuizPane::initTestCase()
{
    m_content = test::bundledContent();
}

void TestQuizPane::init()
{
    QVERIFY(test::openWindow(m_content, m_dir, m_store, m_window));
}

void TestQuizPane::cleanup()
{
    test::closeWindow(m_dir, m_store, m_window);
}

void TestQuizPane::click(const QString &ref)
{
    ComponentItem *item = m_window->diagramScene()->itemForRef(ref);
    QVERIFY2(item, qPrintable(ref));
    const QRectF r = item->rect();
    QTest::mouseClick(m_window->diagramView()->viewport(), Qt::LeftButton, {},
                      m_window->diagramView()->mapFromScene(QPointF(r.center().x(), r.top() + 8)));
}

QuizPane *TestQuizPane::openQuiz(bool choice, bool typed, bool locate, const QString &scopeData, int length)
{
    QTest::keyClick(m_window, Qt::Key_Q);
    QuizPane *pane = m_window->quizPane();
    if (!pane->isVisible())
        return nullptr;
    for (QCheckBox *box : pane->findChildren<QCheckBox *>()) {
        if (box->text().startsWith(QStringLiteral("Multiple")))
            box->setChecked(choice);
        else if (box->text().startsWith(QStringLiteral("Typed")))
            box->setChecked(typed);
        else if (box->text().startsWith(QStringLiteral("Locate")))
            box->setChecked(locate);
        else
            box->setChecked(false); // the forms answered on a path or a connection have tests of their own
    }
    pane->scopeBox()->setCurrentIndex(pane->scopeBox()->findData(scopeData));
    pane->lengthBox()->setValue(length);
    QTest::mouseClick(pane->startButton(), Qt::LeftButton);
    return pane;
}

// UX review: after an answer only "✓ Right." showed; Quizlet and Anki show the card's back.
void TestQuizPane::quiz_feedbackShowsTheCardBack_andEnterGoesOn()
{
    QuizPane *pane = openQuiz(true, false, false, QStringLiteral("deck:rbac"), 3);
    QVERIFY(pane);
    QuizSession *quiz = m_window->quizSession();
    QVERIFY(!pane->backView()->isVisible());
    const QuizQuestion *q = quiz->current();
    const Card *card = m_content->card(q->cardId);
    QVERIFY(card);
    QTest::mouseClick(pane->optionButtons().at((q->correctOption + 1) % int(q->options.size())), Qt::LeftButton);
    QVERIFY(pane->backView()->isVisible());
    // The back, rendered through CardText as everywhere else.
    const QString shown = pane->backView()->document()->toPlainText();
    QVERIFY(!shown.trimmed().isEmpty());
    QCOMPARE(shown, CardText::document(card->back, card->file, pane->font())->toPlainText());
    QVERIFY(pane->sourceLabel()->isVisible());
    QVERIFY2(pane->sourceLabel()->text().contains(QStringLiteral("href=\"%1\"").arg(card->source.toHtmlEscaped())),
             qPrintable(pane->sourceLabel()->text()));
    if (!qEnvironmentVariableIsEmpty("K8SFC_QUIZ_SHOT"))
        m_window->grab().save(qEnvironmentVariable("K8SFC_QUIZ_SHOT"));
    // Enter goes on, also after a click in the back (to select text), to a question with no back yet.
    QTest::mouseClick(pane->backView()->viewport(), Qt::LeftButton);
    QTest::keyClick(pane->backView(), Qt::Key_Return);
    QCOMPARE(quiz->position(), 1);
    QVERIFY(!pane->backView()->isVisible());
    QVERIFY(!pane->sourceLabel()->isVisible());
}

void TestQuizPane::quiz_timedOutSummaryListsTheUnanswered()
{
    const auto now = std::make_shared<QDateTime>(QDateTime::currentDateTimeUtc());
    m_window->quizSession()->setClock([now] { return *now; });
    QTest::keyClick(m_window, Qt::Key_Q);
    m_window->quizPane()->timeBox()->setCurrentIndex(m_window->quizPane()->timeBox()->findData(60));
    QuizPane *pane = openQuiz(true, true, false, QStringLiteral("deck:rbac"), 3);
    QVERIFY(pane);
    QuizSession *quiz = m_window->quizSession();
    QCOMPARE(quiz->config().timeLimitSecs, 60);
    *now = now->addSecs(61);
    QVERIFY(quiz->checkTime());
    const QString summary = pane->summaryLabel()->text();
    QVERIFY2(summary.contains(QStringLiteral("3 not answered (time ran out)")), qPrintable(summary));
    QVERIFY(summary.contains(QStringLiteral("Not answered")));
    for (const QuizQuestion &q : quiz->questions()) {
        QVERIFY2(summary.contains(q.prompt.section(u'\n', 0, 0).toHtmlEscaped()), qPrintable(q.prompt));
        QVERIFY2(summary.contains(QStringLiteral("right: <b>%1</b>").arg(q.answer.toHtmlEscaped())),
                 qPrintable(q.answer));
    }
    m_window->quizSession()->setClock([] { return QDateTime::currentDateTimeUtc(); });
}

// UX review: the ✗/✓ marks stayed after the results, on the setup of the next quiz.
void TestQuizPane::quiz_marksLeaveWithTheResults()
{
    QuizPane *pane = openQuiz(false, false, true, QStringLiteral("component:etcd"), 3);
    QVERIFY(pane);
    click(QStringLiteral("kubectl")); // wrong: marked
    ComponentItem *kubectl = m_window->diagramScene()->itemForRef(QStringLiteral("kubectl"));
    QCOMPARE(kubectl->mark(), ComponentItem::Mark::Wrong);
    m_window->quizSession()->stop(); // End quiz
    QVERIFY(pane->summaryLabel()->isVisible());
    QCOMPARE(kubectl->mark(), ComponentItem::Mark::Wrong); // the results may still point at it
    const auto buttons = pane->findChildren<QPushButton *>();
    const auto newQuiz = std::find_if(buttons.cbegin(), buttons.cend(),
                                      [](QPushButton *b) { return b->text() == QStringLiteral("New quiz"); });
    QVERIFY(newQuiz != buttons.cend());
    QTest::mouseClick(*newQuiz, Qt::LeftButton);
    QVERIFY(pane->startButton()->isVisible());
    QCOMPARE(kubectl->mark(), ComponentItem::Mark::None);
    QCOMPARE(m_window->quizSession()->state(), QuizSession::State::Idle);
}

// UX review: about 50 "Deck: …" and "Component: …" entries in one flat drop-down.
void TestQuizPane::quiz_aboutIsGroupedAndSearchable()
{
    QTest::keyClick(m_window, Qt::Key_Q);
    QuizPane *pane = m_window->quizPane();
    QComboBox *about = pane->scopeBox();
    auto *model = qobject_cast<QStandardItemModel *>(about->model());
    QVERIFY(model);
    QCOMPARE(about->currentData().toString(), QStringLiteral("all:")); // at first: everything
    const auto headingRow = [&](const QString &title) { return about->findText(title); };
    const int decks = headingRow(QStringLiteral("Decks")), components = headingRow(QStringLiteral("Components"));
    QVERIFY(decks > 0 && components > decks);
    for (const int heading : {decks, components}) {
        QVERIFY(!(model->item(heading)->flags() & Qt::ItemIsEnabled)); // a heading cannot be chosen
        QVERIFY(!about->itemData(heading).isValid());
    }
    QCOMPARE(components - decks - 2, int(m_content->decks().size())); // the decks, then a separator
    QVERIFY(about->itemData(decks + 1).toString().startsWith(QStringLiteral("deck:")));
    QVERIFY(about->itemData(components + 1).toString().startsWith(QStringLiteral("component:")));
    // Typing narrows the list to matches, still grouped, and picks the first.
    QTest::keyClicks(pane->scopeFilter(), QStringLiteral("etcd"));
    QVERIFY(about->count() < 10);
    QCOMPARE(about->currentData().toString(), QStringLiteral("deck:etcd-and-ha"));
    for (int i = 0; i < about->count(); ++i)
        if (about->itemData(i).isValid())
            QVERIFY2(about->itemText(i).contains(QStringLiteral("etcd"), Qt::CaseInsensitive),
                     qPrintable(about->itemText(i)));
    QVERIFY(about->findData(QStringLiteral("component:etcd")) > 0);
    // Enter in the search starts a quiz on the first match.
    QTest::keyClick(pane->scopeFilter(), Qt::Key_Return);
    QVERIFY(m_window->quizSession()->current());
    QCOMPARE(m_window->quizSession()->config().scopeId, QStringLiteral("etcd-and-ha"));
    // Nothing matches: the setup says so and starts nothing.
    m_window->quizSession()->stop();
    pane->showSetup();
    pane->scopeFilter()->setText(QStringLiteral("no-such-thing"));
    QCOMPARE(about->count(), 0);
    QTest::mouseClick(pane->startButton(), Qt::LeftButton);
    QCOMPARE(m_window->quizSession()->state(), QuizSession::State::Idle);
    pane->scopeFilter()->clear();
    QCOMPARE(about->currentData().toString(), QStringLiteral("all:"));
}

// UX review: with "0 new" left for the day, quizzes still moved new cards into learning.
void TestQuizPane::quiz_bringsInNoNewCardPastTheDailyLimit()
{
    StudySettings settings = m_window->grader()->settings();
    settings.newCardsPerDay = 1;
    m_window->grader()->setSettings(settings);
    QuizPane *pane = openQuiz(true, true, false, QStringLiteral("deck:rbac"), 5);
    QVERIFY(pane);
    QCOMPARE(m_window->quizSession()->count(), 1); // one new card allowed, and every card is new
    const QString first = m_window->quizSession()->current()->cardId;
    QTest::mouseClick(pane->optionButtons().isEmpty() ? pane->nextButton() : pane->optionButtons().first(),
                      Qt::LeftButton);
    if (pane->answerField() && pane->answerField()->isVisible()) {
        QTest::keyClicks(pane->answerField(), QStringLiteral("x"));
        QTest::keyClick(pane->answerField(), Qt::Key_Return);
    }
    QCOMPARE(m_store->reviewCount().value(), 1);
    m_window->quizSession()->stop();
    // The day's allowance is used: the next quiz asks the card now in learning, and no new one.
    pane = openQuiz(true, true, false, QStringLiteral("deck:rbac"), 5);
    QCOMPARE(m_window->quizSession()->count(), 1);
    QCOMPARE(m_window->quizSession()->current()->cardId, first);
    m_window->quizSession()->stop();
    // A deck of new cards only cannot start, and the setup says why.
    pane = openQuiz(true, true, false, QStringLiteral("deck:oidc"), 5);
    QCOMPARE(m_window->quizSession()->state(), QuizSession::State::Idle);
    const auto *error = pane->findChild<QLabel *>(QStringLiteral("quizSetupError"));
    QVERIFY(error);
    QVERIFY2(error->text().contains(QStringLiteral("today's new cards are used up")), qPrintable(error->text()));
    QCOMPARE(m_store->reviewCount().value(), 1);
}

QTEST_MAIN(TestQuizPane)
#include "tst_quizpane.moc"
