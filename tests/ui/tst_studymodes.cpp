// Review, undo, mastery colours, quiz, statistics and the browser, driven through the window.
#include "cardbrowser.h"
#include "cardfilterproxy.h"
#include "cardpane.h"
#include "cardtablemodel.h"
#include "componentitem.h"
#include "content.h"
#include "diagramscene.h"
#include "diagramview.h"
#include "grader.h"
#include "mainwindow.h"
#include "windowfixture.h"
#include "masteryoverlay.h"
#include "masterylegend.h"
#include "masterystore.h"
#include "masterytablemodel.h"
#include "quizpane.h"
#include "quizsession.h"
#include "reviewsession.h"
#include "theme.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace k8sfc;

class TestStudyModes : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void review_gradesDueCards_andCtrlZUndoes();
    void mastery_coloursChangeAfterAGrade();
    void mastery_refreshedInTheBackground_keepsGradesMadeMeanwhile();
    void mastery_separatesCoverageFromRecall();
    void quiz_locateIsAnsweredByClickingTheDiagram();
    void quiz_multipleChoice_summaryCounts();
    void quiz_typedAnswerForgivesATypo();
    void statistics_showTheGradesAndSort();
    void browser_searchesSuspendsAndShowsRetiredCards();

private:
    void click(const QString &ref, bool topStrip = true);
    QuizPane *openQuiz(bool choice, bool typed, bool locate, const QString &scopeData, int length);

    ContentSnapshot m_content;
    QTemporaryDir *m_dir = nullptr;
    MasteryStore *m_store = nullptr;
    MainWindow *m_window = nullptr;
};

void TestStudyModes::initTestCase()
{
    m_content = test::bundledContent();
}

void TestStudyModes::init()
{
    QVERIFY(test::openWindow(m_content, m_dir, m_store, m_window));
}

void TestStudyModes::cleanup()
{
    test::closeWindow(m_dir, m_store, m_window);
}

void TestStudyModes::click(const QString &ref, bool topStrip)
{
    ComponentItem *item = m_window->diagramScene()->itemForRef(ref);
    QVERIFY2(item, qPrintable(ref));
    const QRectF r = item->rect();
    const QPointF at = topStrip ? QPointF(r.center().x(), r.top() + 8) : r.center();
    QTest::mouseClick(m_window->diagramView()->viewport(), Qt::LeftButton, {},
                      m_window->diagramView()->mapFromScene(at));
}

void TestStudyModes::review_gradesDueCards_andCtrlZUndoes()
{
    QVERIFY(m_window->dueLabel()->text().contains(QStringLiteral("20 new"))); // the default daily limit
    QTest::keyClick(m_window, Qt::Key_R);
    QCOMPARE(m_window->cardPane()->mode(), m_window->reviewSession());
    const Card *first = m_window->reviewSession()->current();
    QVERIFY(first);
    QTest::keyClick(m_window, Qt::Key_Space);
    // The grade buttons say what each grade does.
    QVERIFY2(m_window->cardPane()->gradeButton(3)->text().contains(QStringLiteral("10m")),
             qPrintable(m_window->cardPane()->gradeButton(3)->text()));
    QTest::keyClick(m_window, Qt::Key_3);
    QCOMPARE(m_store->reviewCount().value(), 1);
    QCOMPARE(m_store->progress(first->id).value().state, CardState::Learning);
    QVERIFY(m_window->reviewSession()->current() != first);
    QVERIFY(m_window->dueLabel()->text().contains(QStringLiteral("19 new")));
    // Again, then undo twice: the log and the states go back exactly.
    const Card *second = m_window->reviewSession()->current();
    QTest::keyClick(m_window, Qt::Key_Space);
    QTest::keyClick(m_window, Qt::Key_1);
    QCOMPARE(m_store->reviewCount().value(), 2);
    QTest::keyClick(m_window, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(m_store->reviewCount().value(), 1);
    QVERIFY(m_store->progress(second->id).value().isNew());
    QCOMPARE(m_window->reviewSession()->current(), second);
    QTest::keyClick(m_window, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(m_store->reviewCount().value(), 0);
    QVERIFY(m_store->progress(first->id).value().isNew());
    QCOMPARE(m_window->reviewSession()->current(), first);
    QVERIFY(!m_window->grader()->canUndo());
}

// Recall fades, so the colours are recomputed every minute on a worker thread. A grade made while
// that runs must survive the result, and the result must equal a full pass on this thread.
void TestStudyModes::mastery_refreshedInTheBackground_keepsGradesMadeMeanwhile()
{
    QTest::keyClick(m_window, Qt::Key_M);
    ComponentItem *etcd = m_window->diagramScene()->itemForRef(QStringLiteral("etcd"));
    ComponentItem *scheduler = m_window->diagramScene()->itemForRef(QStringLiteral("kube-scheduler"));
    QVERIFY(etcd && scheduler);
    click(QStringLiteral("etcd"));
    QTest::keyClick(m_window, Qt::Key_Space);
    QTest::keyClick(m_window, Qt::Key_3);
    QSignalSpy refreshed(m_window->masteryOverlay(), &MasteryOverlay::refreshed);
    m_window->masteryOverlay()->refreshInBackground(); // snapshot: etcd graded, kube-scheduler not
    click(QStringLiteral("kube-scheduler"));
    QTest::keyClick(m_window, Qt::Key_Space);
    QTest::keyClick(m_window, Qt::Key_4); // graded while the pass runs
    QVERIFY(refreshed.wait(10000));
    QVERIFY(!etcd->isTintedUnseen());
    QVERIFY(!scheduler->isTintedUnseen()); // the later grade was applied to the result
    // Equal to a full pass here: turning the colours off and on rebuilds on this thread.
    const auto background = *etcd->masteryTint();
    const auto schedulerBackground = *scheduler->masteryTint();
    QTest::keyClick(m_window, Qt::Key_M);
    QTest::keyClick(m_window, Qt::Key_M);
    QCOMPARE(*etcd->masteryTint(), background);
    QCOMPARE(*scheduler->masteryTint(), schedulerBackground);
}

void TestStudyModes::mastery_coloursChangeAfterAGrade()
{
    QTest::keyClick(m_window, Qt::Key_M);
    QVERIFY(m_window->masteryOverlay()->isEnabled());
    ComponentItem *etcd = m_window->diagramScene()->itemForRef(QStringLiteral("etcd"));
    QVERIFY(etcd->isTinted());
    QVERIFY(etcd->isTintedUnseen());
    click(QStringLiteral("etcd"));
    QTest::keyClick(m_window, Qt::Key_Space);
    QTest::keyClick(m_window, Qt::Key_4); // Easy: a few days of stability at once
    QVERIFY(!etcd->isTintedUnseen());
    QVERIFY(etcd->masteryTint().has_value());
    QVERIFY(*etcd->masteryTint() > 0.0);
    QVERIFY(etcd->toolTip().contains(QStringLiteral("1 of")));
    // Sub-parts of other components are untouched; turning it off clears every tint.
    QVERIFY(m_window->diagramScene()->itemForRef(QStringLiteral("admission"))->isTintedUnseen());
    QTest::keyClick(m_window, Qt::Key_M);
    QVERIFY(!etcd->isTinted());
}

// One Good grade among kubelet's many cards is strong recall with little coverage; etcd, forgotten
// again and again weeks ago, is weak recall. Counting unseen cards as forgotten made both red.
void TestStudyModes::mastery_separatesCoverageFromRecall()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QList<const Card *> kubeletCards = m_content->cardsFor(QStringLiteral("kubelet"), true);
    const QList<const Card *> etcdCards = m_content->cardsFor(QStringLiteral("etcd"), true);
    QVERIFY(kubeletCards.size() >= 30 && etcdCards.size() >= 3);
    Grader *grader = m_window->grader();
    QVERIFY(grader->grade(kubeletCards.first()->id, Rating::Good, 4000, ReviewKind::Study, now));
    for (int i = 0; i < 3; ++i)
        for (int daysAgo : {40, 35, 30})
            QVERIFY(grader->grade(etcdCards.at(i)->id, Rating::Again, 4000, ReviewKind::Study, now.addDays(-daysAgo)));
    QTest::keyClick(m_window, Qt::Key_M);
    ComponentItem *kubelet = m_window->diagramScene()->itemsForComponent(QStringLiteral("kubelet")).value(0);
    ComponentItem *etcd = m_window->diagramScene()->itemForRef(QStringLiteral("etcd"));
    QVERIFY(kubelet && etcd && kubelet->masteryTint() && etcd->masteryTint());
    QCOMPARE(theme::masteryClass(*kubelet->masteryTint()), theme::kMasteryClasses - 1);
    // FSRS-6 forgets slowly: three lapses a month ago still predict about 40 %, a weaker band.
    QVERIFY2(theme::masteryClass(*etcd->masteryTint()) <= 2, qPrintable(QString::number(*etcd->masteryTint())));
    QCOMPARE(kubelet->coverage().value(), 1.0 / kubeletCards.size());
    QCOMPARE(etcd->coverage().value(), 3.0 / etcdCards.size());
    QVERIFY(kubelet->toolTip().contains(QStringLiteral("1 of %1 cards seen").arg(kubeletCards.size())));
    // Unseen components stay neutral (hatched), not red.
    ComponentItem *scheduler = m_window->diagramScene()->itemForRef(QStringLiteral("kube-scheduler"));
    QVERIFY(scheduler->isTintedUnseen());
    QCOMPARE(scheduler->coverage().value_or(-1), 0.0);
    const QString legend = m_window->masteryOverlay()->legend()->accessibleDescription();
    QVERIFY2(legend.contains(QStringLiteral("recall")) && legend.contains(QStringLiteral("coverage")),
             qPrintable(legend));
}

QuizPane *TestStudyModes::openQuiz(bool choice, bool typed, bool locate, const QString &scopeData, int length)
{
    QTest::keyClick(m_window, Qt::Key_Q);
    QuizPane *pane = m_window->quizPane();
    if (!pane->isVisible())
        return nullptr;
    const auto boxes = pane->findChildren<QCheckBox *>();
    for (QCheckBox *box : boxes) {
        if (box->text().startsWith(QStringLiteral("Multiple")))
            box->setChecked(choice);
        else if (box->text().startsWith(QStringLiteral("Typed")))
            box->setChecked(typed);
        else if (box->text().startsWith(QStringLiteral("Locate")))
            box->setChecked(locate);
        else
            box->setChecked(false); // paths and connections: tst_quizpaths
    }
    pane->scopeBox()->setCurrentIndex(pane->scopeBox()->findData(scopeData));
    pane->lengthBox()->setValue(length);
    QTest::mouseClick(pane->startButton(), Qt::LeftButton);
    return pane;
}

void TestStudyModes::quiz_locateIsAnsweredByClickingTheDiagram()
{
    QuizPane *pane = openQuiz(false, false, true, QStringLiteral("component:etcd"), 3);
    QVERIFY(pane);
    QuizSession *quiz = m_window->quizSession();
    QVERIFY(quiz->current());
    QCOMPARE(quiz->current()->form, QuizQuestion::Form::Locate);
    QVERIFY(pane->wantsDiagramClick());
    // A wrong click first: marked wrong on kubectl, right on etcd; no cards open.
    click(QStringLiteral("kubectl"));
    QVERIFY(pane->feedbackLabel()->text().contains(QStringLiteral("Not quite")));
    QCOMPARE(m_window->diagramScene()->itemForRef(QStringLiteral("kubectl"))->mark(), ComponentItem::Mark::Wrong);
    QCOMPARE(m_window->diagramScene()->itemsForComponent(quiz->current()->componentId).first()->mark(),
             ComponentItem::Mark::Right);
    QVERIFY(m_window->isQuizzing());
    const bool fromCard = !quiz->current()->cardId.isEmpty();
    QCOMPARE(m_store->reviewCount().value(), fromCard ? 1 : 0);
    // Enter moves on; the marks clear; a right click is marked right.
    QTest::keyClick(pane->nextButton(), Qt::Key_Return);
    QCOMPARE(quiz->position(), 1);
    QCOMPARE(m_window->diagramScene()->itemForRef(QStringLiteral("kubectl"))->mark(), ComponentItem::Mark::None);
    // Every question here is about etcd, but the answer may be another component ("who talks to
    // etcd?"): click the one asked for, on whichever copy comes first.
    click(m_window->diagramScene()->itemsForComponent(quiz->current()->componentId).first()->ref().toString());
    QVERIFY2(pane->feedbackLabel()->text().contains(QStringLiteral("Right")),
             qPrintable(pane->feedbackLabel()->text()));
    if (!quiz->questions().at(1).cardId.isEmpty()) {
        const QList<ReviewEntry> log = m_store->reviews(quiz->questions().at(1).cardId).value();
        QCOMPARE(log.first().kind, ReviewKind::Quiz);
        QCOMPARE(log.first().rating, Rating::Good);
    }
}

void TestStudyModes::quiz_multipleChoice_summaryCounts()
{
    QuizPane *pane = openQuiz(true, false, false, QStringLiteral("deck:rbac"), 3);
    QVERIFY(pane);
    QuizSession *quiz = m_window->quizSession();
    QCOMPARE(quiz->count(), 3);
    for (int i = 0; i < 3; ++i) {
        const QuizQuestion *q = quiz->current();
        QCOMPARE(q->form, QuizQuestion::Form::MultipleChoice);
        // The first two right, the last wrong.
        const int option = i < 2 ? q->correctOption : (q->correctOption + 1) % int(q->options.size());
        QCOMPARE(pane->optionButtons().at(option)->shortcut(), QKeySequence(Qt::Key_1 + option));
        QTest::mouseClick(pane->optionButtons().at(option), Qt::LeftButton);
        QCOMPARE(quiz->state(), QuizSession::State::Answered);
        QTest::keyClick(pane->nextButton(), Qt::Key_Return);
    }
    QVERIFY(quiz->isFinished());
    const QString summary = pane->summaryLabel()->text();
    QVERIFY2(summary.contains(QStringLiteral("67%")) && summary.contains(QStringLiteral("2 of 3 right")),
             qPrintable(summary));
    QVERIFY(summary.contains(QStringLiteral("Missed")));
    QVERIFY(summary.contains(QStringLiteral("Weakest components")));
    QCOMPARE(m_store->reviewCount().value(), 3); // every card question is a quiz review
}

void TestStudyModes::quiz_typedAnswerForgivesATypo()
{
    QuizPane *pane = openQuiz(false, true, false, QStringLiteral("component:kube-scheduler"), 3);
    QVERIFY(pane);
    QuizSession *quiz = m_window->quizSession();
    const QuizQuestion *q = quiz->current();
    QCOMPARE(q->form, QuizQuestion::Form::Typed);
    QString typo = q->answer;
    if (typo.size() >= 5) // swap two letters in the middle: one transposition
        std::swap(typo[typo.size() / 2], typo[typo.size() / 2 + 1]);
    QTest::mouseClick(pane->answerField(), Qt::LeftButton); // focus, as a learner's click gives it
    QTest::keyClicks(pane->answerField(), typo.toUpper());
    QTest::keyClick(pane->answerField(), Qt::Key_Return);
    QVERIFY2(quiz->state() == QuizSession::State::Answered, qPrintable(pane->answerField()->text() + u'|' + typo));
    QVERIFY2(pane->feedbackLabel()->text().contains(QStringLiteral("Right")), qPrintable(typo));
    const Rating expected = typo == q->answer ? Rating::Good : Rating::Hard;
    QCOMPARE(m_store->reviews(q->cardId).value().first().rating, expected);
}

void TestStudyModes::statistics_showTheGradesAndSort()
{
    click(QStringLiteral("etcd"));
    QTest::keyClick(m_window, Qt::Key_Space);
    QTest::keyClick(m_window, Qt::Key_3);
    QTest::keyClick(m_window, Qt::Key_S, Qt::ShiftModifier);
    // The window comes from the statistics plugin; its numbers are read as properties.
    QWidget *stats = m_window->statisticsWindow();
    QVERIFY(stats && stats->isVisible());
    QCOMPARE(stats->metaObject()->className(), "k8sfc::StatisticsWindow");
    const auto values = [stats](const char *name) { return stats->property(name).value<QList<int>>(); };
    QCOMPARE(values("reviewsPerDayValues").size(), 30);
    QCOMPARE(values("reviewsPerDayValues").last(), 1);
    QCOMPARE(values("forecastValues").size(), 30);
    // The learning card is due again in ten minutes: today, or tomorrow when that crosses the
    // learner's day boundary (4:00), so look at both.
    QCOMPARE(values("forecastValues").at(0) + values("forecastValues").at(1), 1);
    auto *model = qobject_cast<QAbstractItemModel *>(stats->property("masteryModel").value<QObject *>());
    QVERIFY(model);
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Sorted by mastery, weakest first: unseen (-1) rows lead, etcd is among the seen.
    auto *sorted = qobject_cast<QAbstractItemModel *>(stats->property("sortedMasteryModel").value<QObject *>());
    QVERIFY(sorted);
    sorted->sort(MasteryTableModel::Mastery, Qt::DescendingOrder);
    QCOMPARE(sorted->index(0, MasteryTableModel::Name).data().toString(), QStringLiteral("etcd"));
    // A new grade shows at once.
    click(QStringLiteral("kubectl"));
    QTest::keyClick(m_window, Qt::Key_Space);
    QTest::keyClick(m_window, Qt::Key_3);
    QCOMPARE(values("reviewsPerDayValues").last(), 2);
}

void TestStudyModes::browser_searchesSuspendsAndShowsRetiredCards()
{
    // A card that is no longer in any deck, with history.
    CardProgress gone;
    gone.cardId = QStringLiteral("an-old-card");
    gone.state = CardState::Review;
    gone.reps = 1;
    QVERIFY(m_store->recordReview({0, gone.cardId, QDateTime::currentDateTimeUtc(), Rating::Good, 1, ReviewKind::Study},
                                  gone));
    QTest::keyClick(m_window, Qt::Key_B);
    CardBrowser *browser = m_window->cardBrowser();
    QVERIFY(browser && browser->isVisible());
    QAbstractItemModelTester tester(browser->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(browser->model()->rowCount(), m_content->cardCount() + 1);
    QTest::keyClicks(browser->searchBox(), QStringLiteral("compaction interval"));
    QVERIFY(browser->proxy()->rowCount() >= 1);
    QVERIFY(browser->proxy()->rowCount() < 5);
    const QString id = browser->proxy()->index(0, 0).data(CardTableModel::CardIdRole).toString();
    browser->selectCard(id);
    QTest::mouseClick(browser->suspendButton(), Qt::LeftButton);
    QVERIFY(m_store->progress(id).value().suspended);
    browser->searchBox()->clear();
    browser->proxy()->setStateFilter(CardTableModel::StateFilter::Suspended);
    QCOMPARE(browser->proxy()->rowCount(), 1);
    browser->proxy()->setStateFilter(CardTableModel::StateFilter::Retired);
    QCOMPARE(browser->proxy()->rowCount(), 1);
    QCOMPARE(browser->proxy()->index(0, 0).data(CardTableModel::CardIdRole).toString(), QStringLiteral("an-old-card"));
    // Sorting by lapses puts the most lapsed first when descending.
    browser->proxy()->setStateFilter(CardTableModel::StateFilter::Any);
    browser->table()->sortByColumn(CardTableModel::Reviews, Qt::DescendingOrder);
    QCOMPARE(browser->proxy()->index(0, CardTableModel::Reviews).data().toInt(), 1);
    // Reset keeps history and is logged.
    browser->selectCard(QStringLiteral("an-old-card"));
    browser->resetCurrent(false);
    QVERIFY(m_store->progress(QStringLiteral("an-old-card")).value().isNew());
    QCOMPARE(m_store->reviews(QStringLiteral("an-old-card")).value().size(), 1);
    QCOMPARE(m_store->events(QStringLiteral("an-old-card")).value().last().kind, CardEvent::Kind::Reset);
}

QTEST_MAIN(TestStudyModes)
#include "tst_studymodes.moc"
