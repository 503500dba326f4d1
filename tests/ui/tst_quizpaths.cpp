// Issue 14's two quiz forms, Trace the path and Draw the arrow: how the core builds and judges
// them from the bundled walkthroughs and connections, and how they are answered in the window with
// the mouse and the keyboard, graded, and recorded as reviews of the cards on the path's arrows.
#include "arrowitem.h"
#include "componentitem.h"
#include "content.h"
#include "diagramscene.h"
#include "diagramview.h"
#include "grader.h"
#include "mainwindow.h"
#include "masteryoverlay.h"
#include "masterystore.h"
#include "quizdrawform.h"
#include "quizgenerator.h"
#include "quizpane.h"
#include "quizselection.h"
#include "quizsession.h"
#include "quiztraceform.h"
#include "windowfixture.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>

using namespace k8sfc;

class TestQuizPaths : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void trace_isBuiltFromEachWalkthrough();
    void trace_judgesEachClick_andGradesByWrongClicks();
    void draw_asksUnambiguousConnections_andDirectionMatters();
    void trace_inTheWindow_lightsThePath_andRecordsReviews();
    void draw_inTheWindow_hidesTheArrow_andTakesTheKeyboard();

private:
    const QuizQuestion *question(QuizQuestion::Form form, const QString &about) const;
    QuizPane *openQuiz(const QString &form, const QString &scope);
    void click(const QString &key);
    void pressOn(const QString &componentId);
    QImage renderRect(const QRectF &rect) const;
    /// With K8SFC_SHOT_DIR set, saves the window as NAME.png there, to look at by hand.
    void shot(const QString &name) const;

    ContentSnapshot m_content;
    QList<QuizQuestion> m_traces;
    QList<QuizQuestion> m_draws;
    QTemporaryDir *m_dir = nullptr;
    MasteryStore *m_store = nullptr;
    MainWindow *m_window = nullptr;
};

void TestQuizPaths::initTestCase()
{
    m_content = test::bundledContent();
    const QuizGenerator generator(*m_content);
    m_traces = generator.generate(QuizQuestion::Form::Trace, 1);
    m_draws = generator.generate(QuizQuestion::Form::DrawArrow, 1);
}

void TestQuizPaths::init()
{
    QVERIFY(test::openWindow(m_content, m_dir, m_store, m_window));
}

void TestQuizPaths::cleanup()
{
    test::closeWindow(m_dir, m_store, m_window);
}

const QuizQuestion *TestQuizPaths::question(QuizQuestion::Form form, const QString &about) const
{
    for (const QuizQuestion &q : form == QuizQuestion::Form::Trace ? m_traces : m_draws)
        if (q.prompt.contains(about) || q.arrowId == about)
            return &q;
    return nullptr;
}

void TestQuizPaths::trace_isBuiltFromEachWalkthrough()
{
    QCOMPARE(m_traces.size(), m_content->walkthroughs().size());
    const QuizQuestion *apply = question(QuizQuestion::Form::Trace, QStringLiteral("kubectl apply"));
    QVERIFY(apply);
    QCOMPARE(apply->diagramId, QStringLiteral("cluster"));
    QCOMPARE(apply->steps.first(), (QStringList{QStringLiteral("kubectl"), QStringLiteral("kube-apiserver"),
                                                QStringLiteral("arrow.kubectl--kube-apiserver")}));
    // Step 2 lights kubectl again and sends the reply back down kubectl's arrow: neither is asked.
    const QStringList second = apply->steps.at(1);
    QVERIFY(!second.contains(QStringLiteral("kubectl")));
    QVERIFY(!second.contains(QStringLiteral("arrow.kubectl--kube-apiserver")));
    QVERIFY(second.contains(QStringLiteral("etcd")) && second.contains(QStringLiteral("arrow.kube-apiserver--etcd")));
    // Copies become their component: the kubelet of node A is "kubelet".
    bool kubelet = false;
    for (const QStringList &step : apply->steps)
        kubelet = kubelet || step.contains(QStringLiteral("kubelet"));
    QVERIFY(kubelet);
    // The cards it reviews are those on its arrows, the connections deck's among them.
    QVERIFY(!apply->cardIds.isEmpty());
    for (const QString &id : apply->cardIds) {
        const Card *card = m_content->card(id);
        QVERIFY2(card && !card->arrows.isEmpty(), qPrintable(id));
    }
    QVERIFY(!QuizGenerator::problemWith(*apply, m_content->registry()));
}

void TestQuizPaths::trace_judgesEachClick_andGradesByWrongClicks()
{
    const QuizQuestion *q = question(QuizQuestion::Form::Trace, QStringLiteral("kubectl apply"));
    QVERIFY(q);
    const QuizTraceForm form;
    const ComponentRegistry &registry = m_content->registry();
    auto play = [&](const QStringList &clicks) {
        QStringList before;
        std::optional<QuizStep> last;
        for (const QString &c : clicks) {
            last = form.judgeStep(*q, before, c, registry);
            before.append(c);
        }
        return last;
    };
    QStringList perfect;
    for (const QStringList &step : q->steps)
        perfect += step;
    perfect.replace(0, QStringLiteral("kubectl")); // any copy of a component counts
    const auto good = play(perfect);
    QVERIFY(good && good->done && good->correct && !good->forgiven);
    QCOMPARE(good->rating, Rating::Good);
    QVERIFY(!play(perfect.mid(0, perfect.size() - 1))->done);

    // One wrong click shows the step it missed and moves on: Hard.
    QStringList oneWrong = perfect;
    oneWrong.insert(0, QStringLiteral("coredns"));
    const auto shown = play({QStringLiteral("coredns")});
    QVERIFY(shown && !shown->done && !shown->correct);
    QCOMPARE(shown->revealed, q->steps.first());
    QVERIFY2(shown->progress.startsWith(QStringLiteral("✗ Not CoreDNS.")), qPrintable(shown->progress));
    QVERIFY2(shown->progress.contains(QStringLiteral("Step 2 of")), qPrintable(shown->progress));
    QStringList afterMiss = {QStringLiteral("coredns")};
    for (qsizetype i = 1; i < q->steps.size(); ++i)
        afterMiss += q->steps.at(i);
    const auto hard = play(afterMiss);
    QVERIFY(hard && hard->done && hard->correct && hard->forgiven);
    QCOMPARE(hard->rating, Rating::Hard);
    // A second click on what is lit already is not a mistake; two wrong clicks are Again.
    QStringList repeat = perfect;
    repeat.insert(1, QStringLiteral("kubectl"));
    QCOMPARE(play(repeat)->rating, Rating::Good);
    QStringList twoWrong = {QStringLiteral("coredns"), QStringLiteral("coredns")};
    for (qsizetype i = 2; i < q->steps.size(); ++i)
        twoWrong += q->steps.at(i);
    const auto again = play(twoWrong);
    QVERIFY(again && again->done && !again->correct);
    QCOMPARE(again->rating, Rating::Again);
    QCOMPARE(again->mistakes, 2);
}

void TestQuizPaths::draw_asksUnambiguousConnections_andDirectionMatters()
{
    for (const QuizQuestion &q : std::as_const(m_draws)) {
        QCOMPARE(m_content->registry().arrow(q.arrowId)->kind, QStringLiteral("connection"));
        QVERIFY2(!q.arrowId.startsWith(QStringLiteral("arrow.kubectl--authenticat")),
                 "two connections on request-path share the label \"HTTPS\": neither can be asked by it");
    }
    QVERIFY(question(QuizQuestion::Form::DrawArrow, QStringLiteral("arrow.kube-controller-manager--kube-apiserver")));
    QVERIFY(question(QuizQuestion::Form::DrawArrow, QStringLiteral("arrow.kubectl--kube-apiserver"))); // on cluster
    const QuizQuestion *watch =
        question(QuizQuestion::Form::DrawArrow, QStringLiteral("arrow.kubelet--kube-apiserver"));
    QVERIFY(watch);
    QVERIFY2(watch->prompt.contains(QStringLiteral("“watch · status · Lease · tokens”")), qPrintable(watch->prompt));
    QVERIFY(!watch->cardIds.isEmpty());
    // A deck's quiz asks the connections it has cards on.
    QuizConfig deck;
    deck.scope = QuizConfig::Scope::Deck;
    deck.scopeId = QStringLiteral("connections");
    QVERIFY(QuizSelection::inScope(*watch, deck, m_content->registry()));
    deck.scopeId = QStringLiteral("scheduling");
    QVERIFY(!QuizSelection::inScope(*watch, deck, m_content->registry()));
    const QuizDrawForm form;
    const ComponentRegistry &registry = m_content->registry();
    const QString kubelet = QStringLiteral("kubelet.node-b"), apiserver = QStringLiteral("kube-apiserver");
    QVERIFY(!form.judgeStep(*watch, {}, QStringLiteral("arrow.kube-apiserver--etcd"), registry)); // not an answer
    const auto first = form.judgeStep(*watch, {}, kubelet, registry);
    QVERIFY(first && !first->done);
    const auto right = form.judgeStep(*watch, {kubelet}, apiserver, registry);
    QVERIFY(right && right->done && right->correct);
    QCOMPARE(right->rating, Rating::Good);
    // The API server does not open the kubelet's watch: the same two ends the other way are wrong.
    const auto reversed = form.judgeStep(*watch, {apiserver}, kubelet, registry);
    QVERIFY(reversed && reversed->done && !reversed->correct);
    QCOMPARE(reversed->rating, Rating::Again);
    QCOMPARE(reversed->given, QStringLiteral("kube-apiserver → kubelet"));
    // …while for logs and exec it does.
    const QuizQuestion *exec = question(QuizQuestion::Form::DrawArrow, QStringLiteral("arrow.kube-apiserver--kubelet"));
    QVERIFY(exec);
    QVERIFY(form.judgeStep(*exec, {apiserver}, kubelet, registry)->correct);
}

QuizPane *TestQuizPaths::openQuiz(const QString &form, const QString &scope)
{
    QTest::keyClick(m_window, Qt::Key_Q);
    QuizPane *pane = m_window->quizPane();
    if (!pane->isVisible())
        return nullptr;
    for (QCheckBox *box : pane->findChildren<QCheckBox *>())
        box->setChecked(box->text() == form);
    pane->scopeBox()->setCurrentIndex(pane->scopeBox()->findData(scope));
    pane->lengthBox()->setValue(1);
    QTest::mouseClick(pane->startButton(), Qt::LeftButton);
    return pane;
}

void TestQuizPaths::click(const QString &key)
{
    DiagramScene *scene = m_window->diagramScene();
    DiagramView *view = m_window->diagramView();
    if (ElementId::parse(key).kind == ElementId::Kind::Arrow) {
        const QList<ArrowItem *> arrows = scene->arrowItemsFor(key);
        QVERIFY2(!arrows.isEmpty(), qPrintable(key));
        // The middle of the band, clear of the label and of the boxes at its ends.
        const QPainterPath band = arrows.first()->mapToScene(arrows.first()->shape());
        const QPolygonF outline = band.toFillPolygon();
        QPointF point = arrows.first()->rect().center();
        for (qreal t = 0.5, step = 0.05; !band.contains(point) && t > 0; t -= step)
            point = band.pointAtPercent(t);
        QVERIFY2(band.contains(point), qPrintable(key));
        view->ensureVisible(QRectF(point, QSizeF(1, 1)));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->mapFromScene(point));
        return;
    }
    const QList<ComponentItem *> items = scene->itemsForComponent(key);
    QVERIFY2(!items.isEmpty(), qPrintable(key));
    // A point where this item is the topmost one clicked: a parent's, beside its parts.
    const QRectF r = items.first()->rect();
    view->ensureVisible(r);
    for (qreal y = r.top() + 4; y < r.bottom(); y += 4)
        for (qreal x = r.left() + 4; x < r.right(); x += 4) {
            const QPoint at = view->mapFromScene(QPointF(x, y));
            const auto *top = qgraphicsitem_cast<ComponentItem *>(view->itemAt(at));
            if (top == items.first()) {
                QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
                return;
            }
        }
    QFAIL(qPrintable(QStringLiteral("no point of %1 to click").arg(key)));
}

void TestQuizPaths::pressOn(const QString &componentId)
{
    DiagramView *view = m_window->diagramView();
    view->setFocus(Qt::TabFocusReason);
    for (int i = 0; i < 200 && !(view->focusedItem() && view->focusedItem()->componentId() == componentId); ++i)
        QTest::keyClick(view, Qt::Key_Tab);
    QVERIFY2(view->focusedItem() && view->focusedItem()->componentId() == componentId, qPrintable(componentId));
    QTest::keyClick(view, Qt::Key_Return);
}

QImage TestQuizPaths::renderRect(const QRectF &rect) const
{
    QImage image(rect.size().toSize(), QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    m_window->diagramScene()->render(&painter, QRectF(QPointF(0, 0), rect.size()), rect);
    return image;
}

void TestQuizPaths::shot(const QString &name) const
{
    if (const QString dir = qEnvironmentVariable("K8SFC_SHOT_DIR"); !dir.isEmpty()) {
        if (const QString size = qEnvironmentVariable("K8SFC_SHOT_SIZE"); !size.isEmpty())
            m_window->resize(size.section(u'x', 0, 0).toInt(), size.section(u'x', 1).toInt());
        QTest::qWait(50);
        m_window->grab().save(dir + u'/' + name + QStringLiteral(".png"));
    }
}

void TestQuizPaths::trace_inTheWindow_lightsThePath_andRecordsReviews()
{
    // The eks-node-join path is drawn on eks-auth: the quiz switches to it, and back at the end.
    m_window->showDiagram(QStringLiteral("cluster"));
    QuizPane *pane = openQuiz(QStringLiteral("Trace the path"), QStringLiteral("component:aws-iam-authenticator"));
    QVERIFY(pane);
    QuizSession *quiz = m_window->quizSession();
    const QuizQuestion q = *quiz->current();
    QCOMPARE(q.form, QuizQuestion::Form::Trace);
    QCOMPARE(m_window->diagramId(), q.diagramId);
    QVERIFY(q.prompt.contains(QStringLiteral("Trace the path")));

    // A wrong click first: crossed, and the first step is shown lit.
    QString stranger;
    for (const ComponentItem *item : m_window->diagramScene()->componentItems())
        if (!q.steps.first().contains(item->componentId()))
            stranger = item->componentId();
    QVERIFY(!stranger.isEmpty());
    click(stranger);
    QCOMPARE(m_window->diagramScene()->itemsForComponent(stranger).first()->mark(), ComponentItem::Mark::Wrong);
    const auto *progress = pane->findChild<QLabel *>(QStringLiteral("quizProgressOnDiagram"));
    QVERIFY(progress && progress->isVisible());
    QVERIFY2(progress->text().startsWith(QStringLiteral("✗ Not ")), qPrintable(progress->text()));
    shot(QStringLiteral("trace-wrong-click"));
    for (const QString &key : q.steps.first())
        if (ElementId::parse(key).kind != ElementId::Kind::Arrow)
            QVERIFY2(m_window->diagramScene()->itemsForComponent(key).first()->isLit(), qPrintable(key));
        else
            QCOMPARE(m_window->diagramScene()->arrowItemsFor(key).first()->flow(), ArrowItem::Flow::Forward);

    // The rest right, by mouse, components and arrows alike.
    for (qsizetype i = 1; i < q.steps.size(); ++i)
        for (const QString &key : q.steps.at(i))
            click(key);
    QCOMPARE(quiz->state(), QuizSession::State::Answered);
    shot(QStringLiteral("trace-answered"));
    QVERIFY2(pane->feedbackLabel()->text().contains(QStringLiteral("one wrong click")),
             qPrintable(pane->feedbackLabel()->text()));
    // One quiz review, Hard, of each card on the path's arrows (new ones within the day's limit).
    const QStringList reviewed = q.cardIds.mid(0, m_window->grader()->settings().newCardsPerDay);
    QVERIFY(!reviewed.isEmpty());
    QCOMPARE(m_store->reviewCount().value(), reviewed.size());
    for (const QString &id : reviewed) {
        const auto entries = m_store->reviews(id).value();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().kind, ReviewKind::Quiz);
        QCOMPARE(entries.first().rating, Rating::Hard);
    }
    // The answer is one step of the window's undo history: one Ctrl+Z takes back every grade.
    QAction *undo = nullptr;
    for (QAction *action : m_window->findChildren<QAction *>())
        if (action->shortcut() == QKeySequence::Undo)
            undo = action;
    QVERIFY(undo && undo->isEnabled());
    QCOMPARE(undo->text(), QStringLiteral("&Undo Grade"));
    undo->trigger();
    QCOMPARE(m_store->reviewCount().value(), 0);
    for (const QString &id : reviewed)
        QVERIFY2(m_store->progress(id).value().isNew(), qPrintable(id));
    QVERIFY(!undo->isEnabled());
    // The results, then back to studying: the diagram the learner had comes back.
    QTest::keyClick(pane, Qt::Key_Return);
    QVERIFY(pane->summaryLabel()->isVisible());
    QCOMPARE(m_window->diagramId(), q.diagramId); // the results may still point at it
    for (QPushButton *button : pane->findChildren<QPushButton *>())
        if (button->isVisible() && button->text() == QStringLiteral("Back to studying"))
            QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(m_window->diagramId(), QStringLiteral("cluster"));
    if (!qEnvironmentVariableIsEmpty("K8SFC_SHOT_DIR")) { // the arrows just reviewed, coloured
        m_window->masteryOverlay()->toggleAction()->trigger();
        shot(QStringLiteral("mastery-arrows"));
    }
}

void TestQuizPaths::draw_inTheWindow_hidesTheArrow_andTakesTheKeyboard()
{
    m_window->showDiagram(QStringLiteral("cluster"));
    const QString etcdArrow = QStringLiteral("arrow.kube-apiserver--etcd");
    ArrowItem *arrow = m_window->diagramScene()->arrowItem(etcdArrow);
    QVERIFY(arrow);
    const QRectF where = arrow->rect();
    const QImage drawn = renderRect(where);

    QuizPane *pane = openQuiz(QStringLiteral("Draw the arrow"), QStringLiteral("component:etcd"));
    QVERIFY(pane);
    QuizSession *quiz = m_window->quizSession();
    const QuizQuestion q = *quiz->current();
    QCOMPARE(q.arrowId, etcdArrow);
    // Gone from the drawing, the items, the keyboard order and the screen reader's list.
    arrow = m_window->diagramScene()->arrowItem(etcdArrow);
    QVERIFY(!arrow->isVisible());
    QVERIFY(!m_window->diagramView()->focusables().contains(arrow));
    QVERIFY(renderRect(where) != drawn);
    shot(QStringLiteral("draw-hidden"));

    // Backwards, from the keyboard: etcd does not open the connection to kube-apiserver.
    pressOn(QStringLiteral("etcd"));
    QCOMPARE(quiz->state(), QuizSession::State::Asking);
    shot(QStringLiteral("draw-first-end"));
    pressOn(QStringLiteral("kube-apiserver"));
    shot(QStringLiteral("draw-answered"));
    QCOMPARE(quiz->state(), QuizSession::State::Answered);
    QVERIFY(!quiz->summary().correct);
    const QString verdict = pane->feedbackLabel()->text();
    QVERIFY2(verdict.contains(QStringLiteral("You gave etcd → kube-apiserver")), qPrintable(verdict));
    QVERIFY2(verdict.contains(QStringLiteral("kube-apiserver → etcd")), qPrintable(verdict));
    // The connection is back, lit, and each of its cards has one Again.
    QVERIFY(arrow->isVisible());
    QCOMPARE(arrow->flow(), ArrowItem::Flow::Forward);
    QCOMPARE(renderRect(where).size(), drawn.size());
    QVERIFY(!q.cardIds.isEmpty());
    for (const QString &id : q.cardIds) {
        const auto entries = m_store->reviews(id).value();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().rating, Rating::Again);
    }
}

QTEST_MAIN(TestQuizPaths)
#include "tst_quizpaths.moc"
