// Arrows as study objects in the main window: clicked, reached with Tab, read by a screen reader,
// coloured by mastery; and a walkthrough step that asks where the request goes next.
#include "arrowitem.h"
#include "cardpane.h"
#include "componentitem.h"
#include "componentstudy.h"
#include "content.h"
#include "diagramloader.h"
#include "diagramscene.h"
#include "diagramview.h"
#include "mainwindow.h"
#include "masteryoverlay.h"
#include "masterystore.h"
#include "presentationwindow.h"
#include "theme.h"
#include "walkthroughloader.h"
#include "walkthroughplayer.h"

#include <QAccessible>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace k8sfc;

class TestDiagramArrows : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void clickArrow_opensItsCards();
    void thinArrow_isHitBesideItsLine_butABoxEdgeStaysTheBoxs();
    void hover_tooltipGivesTheRole();
    void keyboard_tabReachesArrowsAfterComponents();
    void accessibility_namesArrowsWithTheirRects();
    void mastery_coloursTheLine_dashedWhileUnseen();
    void askNext_hidesTheNewHop_untilA();

private:
    QPoint middleOf(const QString &arrowId) const;
    const QString m_kubelet = QStringLiteral("arrow.kubelet.node-a--kube-apiserver");

    QTemporaryDir m_extra; // a content folder adding cards about arrows to the bundled content
    ContentSnapshot m_content;
    QTemporaryDir *m_dir = nullptr;
    MasteryStore *m_store = nullptr;
    MainWindow *m_window = nullptr;
};

static void write(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

void TestDiagramArrows::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    write(m_extra.filePath(QStringLiteral("decks/arrow-cards.yaml")),
          "title: Arrow cards\ncards:\n"
          "  - id: t-kubelet-credential\n    components: []\n    arrows: [arrow.kubelet--kube-apiserver]\n"
          "    front: With which credential does the kubelet call kube-apiserver?\n"
          "    back: Its client certificate, system:node:NAME.\n"
          "    source: https://kubernetes.io/docs/reference/access-authn-authz/node/\n"
          "  - id: t-node-a-only\n    arrows: [arrow.kubelet.node-a--kube-apiserver]\n"
          "    front: Node A's kubelet watches what?\n    back: Its Pods.\n"
          "    source: https://kubernetes.io/docs/reference/node/node-status/\n"
          "  - id: t-kubectl-port\n    components: [kubectl]\n    arrows: [arrow.kubectl--kube-apiserver]\n"
          "    front: Which port does kubectl call?\n    back: 6443 by default.\n"
          "    source: https://kubernetes.io/docs/concepts/security/controlling-access/\n");
    m_content =
        std::make_shared<const ContentSet>(ContentSet::loadRoots({QStringLiteral(K8SFC_SOURCE_DIR), m_extra.path()}));
    for (const Diagnostic &d : m_content->diagnostics())
        QVERIFY2(d.severity != Diagnostic::Severity::Error, qPrintable(d.toString()));
}

void TestDiagramArrows::init()
{
    QSettings(QSettings::NativeFormat, QSettings::UserScope, QStringLiteral("k8s-flashcards"),
              QStringLiteral("k8s-flashcards"))
        .clear();
    m_dir = new QTemporaryDir;
    m_store = new MasteryStore;
    QVERIFY(!m_store->openDataDir(m_dir->path()));
    m_window = new MainWindow(m_content, *m_store);
    m_window->resize(1280, 720);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void TestDiagramArrows::cleanup()
{
    delete m_window;
    delete m_store;
    delete m_dir;
}

// How many loaded cards (bundled and the test's own) an arrow copy shows: those naming this copy
// and those naming the arrow on every copy.
static int cardsOn(const ContentSet &content, const QString &copyId, const QString &baseId)
{
    int n = 0;
    for (const Deck &deck : content.decks())
        for (const Card &card : deck.cards)
            if (card.arrows.contains(copyId) || card.arrows.contains(baseId))
                ++n;
    return n;
}

static bool namesEveryCopy(const ContentSet &content, const QString &cardId, const QString &baseId)
{
    for (const Deck &deck : content.decks())
        for (const Card &card : deck.cards)
            if (card.id == cardId)
                return card.arrows.contains(baseId);
    return false;
}

// The viewport point halfway along an arrow's line.
QPoint TestDiagramArrows::middleOf(const QString &arrowId) const
{
    const ArrowItem *arrow = m_window->diagramScene()->arrowItem(arrowId);
    if (!arrow)
        return {};
    // The hit area's bounds hold the label too, so their centre may lie off the band: take the
    // point of the band nearest to it.
    const QPainterPath band = arrow->mapToScene(arrow->shape());
    const QPointF centre = arrow->rect().center();
    QPointF best = centre;
    qreal bestDistance = -1;
    for (qreal x = arrow->rect().left(); x <= arrow->rect().right(); x += 2)
        for (qreal y = arrow->rect().top(); y <= arrow->rect().bottom(); y += 2)
            if (const QPointF p(x, y); band.contains(p)) {
                const qreal d = QLineF(p, centre).length();
                if (bestDistance < 0 || d < bestDistance) {
                    bestDistance = d;
                    best = p;
                }
            }
    return m_window->diagramView()->mapFromScene(best);
}

void TestDiagramArrows::clickArrow_opensItsCards()
{
    const QPoint at = middleOf(m_kubelet);
    QVERIFY(!at.isNull());
    QTest::mouseClick(m_window->diagramView()->viewport(), Qt::LeftButton, {}, at);
    QCOMPARE(m_window->componentStudy()->componentId(), m_kubelet);
    // This copy's cards and the every-copy cards, not node B's own or kubectl's.
    const int onArrow = cardsOn(*m_content, m_kubelet, QStringLiteral("arrow.kubelet--kube-apiserver"));
    QVERIFY(onArrow >= 2);
    QCOMPARE(m_window->componentStudy()->queueSize(), onArrow);
    const QString counter = m_window->findChild<QLabel *>(QStringLiteral("counter"))->text();
    QVERIFY2(counter.contains(QStringLiteral("of %1").arg(onArrow)), qPrintable(counter));
    QVERIFY(!m_window->cardPane()->shownMarkdown().isEmpty());
    QCOMPARE(m_window->componentStudy()->heading(), QStringLiteral("kubelet → kube-apiserver"));
    QVERIFY(m_window->componentStudy()->subheading().startsWith(QStringLiteral("HTTPS 6443")));
    QVERIFY(m_window->diagramScene()->arrowItem(m_kubelet)->isSelectedArrow());
    QVERIFY(!m_window->diagramScene()
                 ->arrowItem(QStringLiteral("arrow.kubelet.node-b--kube-apiserver"))
                 ->isSelectedArrow());

    // Node B's arrow opens the cards naming the arrow on every copy, not node A's own card.
    const QString nodeB = QStringLiteral("arrow.kubelet.node-b--kube-apiserver");
    QTest::mouseClick(m_window->diagramView()->viewport(), Qt::LeftButton, {}, middleOf(nodeB));
    QCOMPARE(m_window->componentStudy()->queueSize(),
             cardsOn(*m_content, nodeB, QStringLiteral("arrow.kubelet--kube-apiserver")));
    QCOMPARE(m_window->componentStudy()->queueSize(), onArrow - 1);
}

void TestDiagramArrows::thinArrow_isHitBesideItsLine_butABoxEdgeStaysTheBoxs()
{
    // kube-controller-manager → kube-apiserver: a 2.75-unit line 23 units long plus its head.
    const QString id = QStringLiteral("arrow.kube-controller-manager--kube-apiserver");
    ArrowItem *arrow = m_window->diagramScene()->arrowItem(id);
    QVERIFY(arrow);
    const QPointF middle = arrow->rect().center();
    DiagramView *view = m_window->diagramView();
    // 9 units beside the line: about 5 pixels at this zoom, where the line itself is under 2.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->mapFromScene(middle + QPointF(9, 0)));
    QCOMPARE(m_window->componentStudy()->componentId(), id);
    // Just inside kube-apiserver below the head: the box's, not the arrow's.
    ComponentItem *api = m_window->diagramScene()->itemForRef(QStringLiteral("kube-apiserver"));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                      view->mapFromScene(QPointF(middle.x(), api->rect().top() + 4)));
    QCOMPARE(m_window->componentStudy()->componentId(), QStringLiteral("kube-apiserver"));
}

void TestDiagramArrows::hover_tooltipGivesTheRole()
{
    ArrowItem *arrow = m_window->diagramScene()->arrowItem(m_kubelet);
    QTest::mouseMove(m_window->diagramView()->viewport(), middleOf(m_kubelet));
    QTRY_VERIFY(arrow->isHovered());
    QCOMPARE(arrow->toolTip(),
             QStringLiteral("<b>kubelet → kube-apiserver</b>: HTTPS 6443; the kubelet watches its Pods and posts "
                            "status and Lease heartbeats, with its client certificate (system:node:NAME)"));
    // The status line says it too.
    const auto labels = m_window->findChildren<QLabel *>();
    QVERIFY(std::any_of(labels.begin(), labels.end(), [](const QLabel *l) {
        return l->text().startsWith(QStringLiteral("kubelet → kube-apiserver: HTTPS 6443"));
    }));
}

void TestDiagramArrows::keyboard_tabReachesArrowsAfterComponents()
{
    DiagramView *view = m_window->diagramView();
    DiagramScene *scene = m_window->diagramScene();
    view->setFocus(Qt::TabFocusReason);
    for (qsizetype i = 1; i < scene->componentItems().size(); ++i)
        QTest::keyClick(view, Qt::Key_Tab);
    QCOMPARE(view->focusedItem(), scene->componentItems().last());
    QTest::keyClick(view, Qt::Key_Tab);
    ArrowItem *first = view->focusedArrow();
    QCOMPARE(first, scene->arrowItems().first());
    QVERIFY(first->hasKeyboardFocus());
    QTest::keyClick(view, Qt::Key_Tab);
    QCOMPARE(view->focusedArrow(), scene->arrowItems().at(1));
    QVERIFY(!first->hasKeyboardFocus());
    QTest::keyClick(view, Qt::Key_Return);
    QCOMPARE(m_window->componentStudy()->componentId(), scene->arrowItems().at(1)->id());
    // The arrow keys go back among the components, from the arrow's middle.
    QTest::keyClick(view, Qt::Key_Up);
    QVERIFY(view->focusedItem());
}

void TestDiagramArrows::accessibility_namesArrowsWithTheirRects()
{
    DiagramView *view = m_window->diagramView();
    DiagramScene *scene = m_window->diagramScene();
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(view);
    const int components = int(scene->componentItems().size());
    QCOMPARE(iface->childCount(), components + int(scene->arrowItems().size()));
    const QRect viewRect(view->viewport()->mapToGlobal(QPoint(0, 0)), view->viewport()->size());
    QHash<QString, QAccessibleInterface *> byName;
    for (int i = components; i < iface->childCount(); ++i) {
        QAccessibleInterface *child = iface->child(i);
        QVERIFY(child && child->isValid());
        QCOMPARE(child->role(), QAccessible::Button);
        QCOMPARE(iface->indexOfChild(child), i);
        QVERIFY(child->state().focusable);
        const QString name = child->text(QAccessible::Name);
        QVERIFY2(name.contains(QStringLiteral(" → ")) && name.contains(QStringLiteral(": ")), qPrintable(name));
        QVERIFY2(!child->rect().isEmpty() && viewRect.contains(child->rect()), qPrintable(name));
        QVERIFY(!child->text(QAccessible::Description).isEmpty());
        byName.insert(name, child);
    }
    // Source and target as their items name them, then the drawn label...
    QAccessibleInterface *kubelet =
        byName.value(QStringLiteral("kubelet on Worker node A → kube-apiserver: watch · status · Lease · tokens"));
    QVERIFY2(kubelet, qPrintable(QStringList(byName.keys()).join(u'\n')));
    const QPoint middle = view->viewport()->mapToGlobal(middleOf(m_kubelet));
    QVERIFY(kubelet->rect().contains(middle));
    QCOMPARE(iface->childAt(middle.x(), middle.y()), kubelet);
    QVERIFY(byName.contains(QStringLiteral("kube-controller-manager → kube-apiserver: watch · writes")));
    // ...or the role when nothing is drawn beside the arrow.
    Diagnostics diagnostics;
    const auto bare = DiagramLoader::load("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 300 100\">"
                                          "<rect id=\"kubectl\" width=\"50\" height=\"50\"/><rect "
                                          "id=\"kube-apiserver\" x=\"200\" width=\"50\" height=\"50\"/><g "
                                          "id=\"arrow.kubectl--kube-apiserver\"><path d=\"M50 25 L200 25\"/></g></svg>",
                                          QStringLiteral("bare.svg"), &m_content->registry(), diagnostics);
    QVERIFY(bare && diagnostics.isEmpty());
    DiagramScene bareScene;
    QVERIFY(!bareScene.load(*bare, m_content->registry()));
    QCOMPARE(bareScene.arrowItems().size(), 1);
    QCOMPARE(bareScene.arrowItems().first()->accessibleName(),
             QStringLiteral("kubectl → kube-apiserver: ") +
                 m_content->registry().arrow(QStringLiteral("arrow.kubectl--kube-apiserver"))->role);
    kubelet->actionInterface()->doAction(QAccessibleActionInterface::pressAction());
    QCOMPARE(m_window->componentStudy()->componentId(), m_kubelet);
    QVERIFY(kubelet->state().focused);
    QCOMPARE(iface->focusChild(), kubelet);
}

void TestDiagramArrows::mastery_coloursTheLine_dashedWhileUnseen()
{
    DiagramScene *scene = m_window->diagramScene();
    QTest::mouseClick(m_window->diagramView()->viewport(), Qt::LeftButton, {}, middleOf(m_kubelet));
    const QString graded = m_window->componentStudy()->current()->id;
    QTest::mouseClick(m_window->cardPane()->revealButton(), Qt::LeftButton);
    QTest::mouseClick(m_window->cardPane()->gradeButton(3), Qt::LeftButton);
    m_window->masteryOverlay()->setEnabled(true);
    const QString base = QStringLiteral("arrow.kubelet--kube-apiserver");
    const int onArrow = cardsOn(*m_content, m_kubelet, base);
    ArrowItem *nodeA = scene->arrowItem(m_kubelet);
    ArrowItem *nodeB = scene->arrowItem(QStringLiteral("arrow.kubelet.node-b--kube-apiserver"));
    ArrowItem *kubectl = scene->arrowItem(QStringLiteral("arrow.kubectl--kube-apiserver"));
    ArrowItem *etcd = scene->arrowItem(QStringLiteral("arrow.kube-apiserver--etcd"));
    // Node A: one of its cards seen, just now: the top band's colour, solid.
    QVERIFY(nodeA->isTinted() && !nodeA->isTintedUnseen());
    QVERIFY(*nodeA->masteryTint() > 0.9);
    QCOMPARE(nodeA->tintColour(), theme::masteryBorder(theme::masteryClass(*nodeA->masteryTint())));
    QVERIFY(nodeA->toolTip().contains(QStringLiteral("1 of %1 cards seen").arg(onArrow)));
    // Node B shares the every-copy cards: seen there too only if the graded card was one of them.
    QCOMPARE(nodeB->isTintedUnseen(), !namesEveryCopy(*m_content, graded, base));
    QVERIFY(kubectl->isTintedUnseen()); // its card is unseen: dashed
    QCOMPARE(kubectl->tintColour(), theme::masteryBorder(-1));
    // An arrow with cards is tinted (dashed while unseen); one with none is drawn as it is.
    QCOMPARE(etcd->isTinted(), cardsOn(*m_content, QStringLiteral("arrow.kube-apiserver--etcd"),
                                       QStringLiteral("arrow.kube-apiserver--etcd")) > 0);
    m_window->masteryOverlay()->setEnabled(false);
    QVERIFY(!nodeA->isTinted() && !kubectl->isTinted());
}

void TestDiagramArrows::askNext_hidesTheNewHop_untilA()
{
    const QByteArray yaml =
        "title: Ask\ndiagram: cluster\nsteps:\n"
        "  - title: kubectl\n    narration: kubectl calls.\n    components: [kubectl, kube-apiserver]\n"
        "    arrows: [arrow.kubectl--kube-apiserver]\n"
        "  - title: Stored\n    narration: The API server stores it in etcd.\n"
        "    components: [kube-apiserver, etcd]\n    arrows: [arrow.kube-apiserver--etcd]\n"
        "    ask-next: true\n    question: Which port?\n    answer: 2379.\n";
    Diagnostics diagnostics;
    const auto walkthrough =
        WalkthroughLoader::load(yaml, QStringLiteral("ask.yaml"), m_content->diagrams(), diagnostics);
    QVERIFY2(walkthrough, qPrintable(diagnostics.value(0).toString()));
    QVERIFY(walkthrough->steps.at(1).askNext);
    PresentationWindow window(m_content);
    window.present(&*walkthrough);
    window.resize(1280, 720);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    DiagramScene *scene = window.diagramScene();
    QTest::keyClick(&window, Qt::Key_Right);
    QCOMPARE(window.player()->position(), 1);
    // Hidden: etcd and the arrow to it; kube-apiserver, lit before, stays lit.
    QVERIFY(!scene->itemForRef(QStringLiteral("etcd"))->isLit());
    QVERIFY(scene->itemForRef(QStringLiteral("kube-apiserver"))->isLit());
    QCOMPARE(scene->arrowItem(QStringLiteral("arrow.kube-apiserver--etcd"))->flow(), ArrowItem::Flow::None);
    QVERIFY2(window.captionText().contains(QStringLiteral("Where does the request go next?")),
             qPrintable(window.captionText()));
    QVERIFY(!window.captionText().contains(QStringLiteral("etcd")));
    // First A: the hop.
    QTest::keyClick(&window, Qt::Key_A);
    QVERIFY(scene->itemForRef(QStringLiteral("etcd"))->isLit());
    QCOMPARE(scene->arrowItem(QStringLiteral("arrow.kube-apiserver--etcd"))->flow(), ArrowItem::Flow::Forward);
    QVERIFY(window.captionText().contains(QStringLiteral("Which port?")));
    QVERIFY(!window.captionText().contains(QStringLiteral("2379")));
    // Next A: the answer.
    QTest::keyClick(&window, Qt::Key_A);
    QVERIFY(window.captionText().contains(QStringLiteral("2379")));
    // Back and forth starts hidden again.
    QTest::keyClick(&window, Qt::Key_Left);
    QTest::keyClick(&window, Qt::Key_Right);
    QVERIFY(!scene->itemForRef(QStringLiteral("etcd"))->isLit());
}

QTEST_MAIN(TestDiagramArrows)
#include "tst_diagramarrows.moc"
