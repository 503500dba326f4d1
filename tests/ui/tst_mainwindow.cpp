// The main window with the bundled content, driven like a user: real clicks and keys.
#include "cardpane.h"
#include "componentitem.h"
#include "componentstudy.h"
#include "content.h"
#include "diagramscene.h"
#include "diagramview.h"
#include "mainwindow.h"
#include "windowfixture.h"
#include "masterystore.h"
#include "problemsbanner.h"
#include "searchbox.h"

#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace k8sfc;

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void clickComponent_showsItsCards();
    void spaceReveals_threeRecordsGood();
    void gradeButtons_recordTheirRating();
    void clickSubPart_showsOnlyItsCards_parentShowsAll();
    void copies_openTheSameCards();
    void keyboard_tabAndEnter_openAComponent();
    void hover_showsNameAndRole();
    void accessibility_exposesNamedComponentsWithRects();
    void copies_areNamedAfterTheirFramesLabel();
    void zoom_keysChangeAndFit();
    void brokenContent_showsBannerAndKeepsWhatLoaded();
    void problemsBanner_showsOneMessageAsWritten();
    void search_findsACardAndJumpsToIt();
    void anotherSubject_worksTheSame();
    void diagramSwitcher_showsAnotherDiagram();

private:
    const Card *firstCardAbout(const QString &componentId) const
    {
        for (const Card *card : m_content->cardsFor(componentId, true))
            if (card->components.first() == componentId)
                return card;
        return nullptr;
    }
    QPoint viewportPoint(const QString &ref) const;
    void clickRef(const QString &ref);

    ContentSnapshot m_content;
    QTemporaryDir *m_dir = nullptr;
    MasteryStore *m_store = nullptr;
    MainWindow *m_window = nullptr;
};

void TestMainWindow::initTestCase()
{
    m_content = test::bundledContent();
    QVERIFY(!m_content->diagrams().isEmpty());
}

void TestMainWindow::init()
{
    QVERIFY(test::openWindow(m_content, m_dir, m_store, m_window));
}

void TestMainWindow::cleanup()
{
    test::closeWindow(m_dir, m_store, m_window);
}

QPoint TestMainWindow::viewportPoint(const QString &ref) const
{
    ComponentItem *item = m_window->diagramScene()->itemForRef(ref);
    if (!item)
        return {};
    // A point inside the item but clear of any sub-part drawn over it: the item's top strip.
    const QRectF r = item->rect();
    return m_window->diagramView()->mapFromScene(QPointF(r.center().x(), r.top() + 8));
}

void TestMainWindow::clickRef(const QString &ref)
{
    const QPoint p = viewportPoint(ref);
    QVERIFY2(!p.isNull(), qPrintable(ref));
    QTest::mouseClick(m_window->diagramView()->viewport(), Qt::LeftButton, {}, p);
}

void TestMainWindow::clickComponent_showsItsCards()
{
    QVERIFY(m_window->findChild<QLabel *>(QStringLiteral("emptyHint"))->isVisible());
    clickRef(QStringLiteral("etcd"));
    QCOMPARE(m_window->componentStudy()->componentId(), QStringLiteral("etcd"));
    QCOMPARE(m_window->findChild<QLabel *>(QStringLiteral("componentTitle"))->text(), QStringLiteral("etcd"));
    const auto cards = m_content->cardsFor(QStringLiteral("etcd"), true);
    QVERIFY(cards.size() >= 3);
    QCOMPARE(m_window->cardPane()->shownMarkdown(), firstCardAbout(QStringLiteral("etcd"))->front);
    QVERIFY(m_window->cardPane()->revealButton()->isVisible());
    QVERIFY(!m_window->cardPane()->gradeButton(3)->isVisible());
    QVERIFY(m_window->diagramScene()->itemForRef(QStringLiteral("etcd"))->isSelectedComponent());
}

void TestMainWindow::spaceReveals_threeRecordsGood()
{
    clickRef(QStringLiteral("kube-scheduler"));
    const Card *first = firstCardAbout(QStringLiteral("kube-scheduler"));
    QTest::keyClick(m_window, Qt::Key_Space);
    QVERIFY(m_window->cardPane()->shownMarkdown().contains(first->back));
    QVERIFY(m_window->cardPane()->gradeButton(3)->isVisible());
    QTest::keyClick(m_window, Qt::Key_3);
    QCOMPARE(m_store->reviewCount().value(), 1);
    const QList<ReviewEntry> log = m_store->reviews(first->id).value();
    QCOMPARE(log.size(), 1);
    QCOMPARE(log.first().rating, Rating::Good);
    QCOMPARE(log.first().kind, ReviewKind::Study);
    QVERIFY(m_window->cardPane()->shownMarkdown() != first->front); // moved on
    QVERIFY(m_window->findChild<QLabel *>(QStringLiteral("progress"))->text().contains(QStringLiteral("<b>1</b> of")));
}

void TestMainWindow::gradeButtons_recordTheirRating()
{
    clickRef(QStringLiteral("kubectl"));
    QTest::mouseClick(m_window->cardPane()->revealButton(), Qt::LeftButton);
    QTest::mouseClick(m_window->cardPane()->gradeButton(1), Qt::LeftButton);
    QTest::mouseClick(m_window->cardPane()->revealButton(), Qt::LeftButton);
    QTest::mouseClick(m_window->cardPane()->gradeButton(4), Qt::LeftButton);
    QCOMPARE(m_store->reviewCount().value(), 2);
    const QString progress = m_window->findChild<QLabel *>(QStringLiteral("progress"))->text();
    QVERIFY2(progress.contains(QStringLiteral("Easy")) && progress.contains(QStringLiteral("Again")),
             qPrintable(progress));
}

void TestMainWindow::clickSubPart_showsOnlyItsCards_parentShowsAll()
{
    ComponentItem *chip = m_window->diagramScene()->itemForRef(QStringLiteral("admission"));
    QVERIFY(chip);
    QTest::mouseClick(m_window->diagramView()->viewport(), Qt::LeftButton, {},
                      m_window->diagramView()->mapFromScene(chip->rect().center()));
    QCOMPARE(m_window->componentStudy()->componentId(), QStringLiteral("admission"));
    QCOMPARE(m_window->diagramView()->focusedItem(), chip); // Tab goes on from what was clicked
    const QString counter = m_window->findChild<QLabel *>(QStringLiteral("counter"))->text();
    QVERIFY2(
        counter.contains(QStringLiteral("of %1").arg(m_content->cardsFor(QStringLiteral("admission"), false).size())),
        qPrintable(counter));

    clickRef(QStringLiteral("kube-apiserver"));
    QCOMPARE(m_window->componentStudy()->componentId(), QStringLiteral("kube-apiserver"));
    const qsizetype all = m_content->cardsFor(QStringLiteral("kube-apiserver"), true).size();
    QVERIFY(all > m_content->cardsFor(QStringLiteral("kube-apiserver"), false).size());
    QVERIFY(
        m_window->findChild<QLabel *>(QStringLiteral("counter"))->text().contains(QStringLiteral("of %1").arg(all)));
}

void TestMainWindow::copies_openTheSameCards()
{
    clickRef(QStringLiteral("kubelet.node-b"));
    QCOMPARE(m_window->componentStudy()->componentId(), QStringLiteral("kubelet"));
    // Both copies light up as selected.
    for (ComponentItem *item : m_window->diagramScene()->itemsForComponent(QStringLiteral("kubelet")))
        QVERIFY(item->isSelectedComponent());
    QCOMPARE(m_window->diagramScene()->itemsForComponent(QStringLiteral("kubelet")).size(), 2);
}

void TestMainWindow::keyboard_tabAndEnter_openAComponent()
{
    DiagramView *view = m_window->diagramView();
    view->setFocus(Qt::TabFocusReason);
    QVERIFY(view->hasFocus());
    ComponentItem *first = view->focusedItem();
    QVERIFY(first);
    QVERIFY(first->hasKeyboardFocus());
    QTest::keyClick(view, Qt::Key_Tab);
    ComponentItem *second = view->focusedItem();
    QVERIFY(second && second != first);
    QVERIFY(!first->hasKeyboardFocus());
    QTest::keyClick(view, Qt::Key_Down);
    ComponentItem *below = view->focusedItem();
    QVERIFY(below->rect().center().y() > second->rect().center().y());
    QTest::keyClick(view, Qt::Key_Return);
    QCOMPARE(m_window->componentStudy()->componentId(), below->componentId());
}

void TestMainWindow::hover_showsNameAndRole()
{
    QTest::mouseMove(m_window->diagramView()->viewport(), viewportPoint(QStringLiteral("etcd")));
    QTRY_VERIFY(m_window->diagramScene()->itemForRef(QStringLiteral("etcd"))->isHovered());
    const auto labels = m_window->statusBar()->findChildren<QLabel *>();
    const bool shown = std::any_of(labels.begin(), labels.end(),
                                   [](QLabel *l) { return l->text().startsWith(QStringLiteral("etcd: Raft")); });
    QVERIFY(shown);
    QVERIFY(m_window->diagramScene()
                ->itemForRef(QStringLiteral("etcd"))
                ->toolTip()
                .contains(QStringLiteral("<b>etcd</b>")));
}

void TestMainWindow::accessibility_exposesNamedComponentsWithRects()
{
    DiagramView *view = m_window->diagramView();
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(view);
    QVERIFY(iface);
    // The components, then the arrows (tst_diagramarrows reads those).
    QCOMPARE(iface->childCount(),
             int(m_window->diagramScene()->componentItems().size() + m_window->diagramScene()->arrowItems().size()));
    const QRect viewRect(view->viewport()->mapToGlobal(QPoint(0, 0)), view->viewport()->size());
    QStringList names;
    for (int i = 0; i < iface->childCount(); ++i) {
        QAccessibleInterface *child = iface->child(i);
        QVERIFY(child && child->isValid());
        QCOMPARE(child->role(), QAccessible::Button);
        QCOMPARE(child->parent(), iface);
        QCOMPARE(iface->indexOfChild(child), i);
        QVERIFY(child->state().focusable);
        QVERIFY2(viewRect.contains(child->rect()), qPrintable(child->text(QAccessible::Name)));
        QVERIFY(!child->text(QAccessible::Description).isEmpty());
        names.append(child->text(QAccessible::Name));
    }
    QVERIFY(names.contains(QStringLiteral("etcd")));
    QVERIFY(names.contains(QStringLiteral("kubelet on Worker node A")));
    // Reading order: rows top to bottom, each component followed by its parts.
    QCOMPARE(names.mid(0, 6),
             (QStringList{QStringLiteral("kubectl"), QStringLiteral("Admission webhook"),
                          QStringLiteral("Cloud provider API"), QStringLiteral("kube-scheduler"),
                          QStringLiteral("kube-controller-manager"), QStringLiteral("Deployment controller")}));
    const qsizetype api = names.indexOf(QStringLiteral("kube-apiserver"));
    QCOMPARE(names.mid(api, 4), (QStringList{QStringLiteral("kube-apiserver"), QStringLiteral("Authentication"),
                                             QStringLiteral("Authorization"), QStringLiteral("Admission control")}));
    // The press action opens the component, as Enter does.
    const int etcd = int(names.indexOf(QStringLiteral("etcd")));
    iface->child(etcd)->actionInterface()->doAction(QAccessibleActionInterface::pressAction());
    QCOMPARE(m_window->componentStudy()->componentId(), QStringLiteral("etcd"));
    QVERIFY(iface->child(etcd)->state().focused);
    QCOMPARE(iface->focusChild(), iface->child(etcd));
}

void TestMainWindow::copies_areNamedAfterTheirFramesLabel()
{
    // Copies of etcd, not of a node component: one in a labelled frame, one in a frame without a
    // label, one in no frame.
    const QByteArray svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 300 100\">\n"
                           "<g id=\"group.etcd-cluster\"><text id=\"label.group.etcd-cluster\" y=\"20\">"
                           "<tspan>etcd</tspan><tspan>member 1</tspan></text>\n"
                           "<g id=\"etcd.m1\"><rect x=\"0\" y=\"30\" width=\"90\" height=\"60\"/></g></g>\n"
                           "<g id=\"group.unlabelled\"><g id=\"etcd.m2\">"
                           "<rect x=\"100\" y=\"30\" width=\"90\" height=\"60\"/></g></g>\n"
                           "<g id=\"etcd.m3\"><rect x=\"200\" y=\"30\" width=\"90\" height=\"60\"/></g>\n"
                           "</svg>\n";
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("members.svg")));
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write(svg) == svg.size());
    file.close();
    Diagnostics diagnostics;
    const auto diagram = DiagramLoader::loadFile(file.fileName(), &m_content->registry(), diagnostics);
    QVERIFY(diagram);
    DiagramScene scene;
    QCOMPARE(scene.load(*diagram, m_content->registry()), std::nullopt);
    QStringList names;
    for (const ComponentItem *item : scene.componentItems())
        names.append(item->accessibleName());
    QCOMPARE(names, (QStringList{QStringLiteral("etcd on etcd member 1"), QStringLiteral("etcd on m2"),
                                 QStringLiteral("etcd on m3")}));
}

void TestMainWindow::zoom_keysChangeAndFit()
{
    DiagramView *view = m_window->diagramView();
    QCOMPARE(view->zoom(), 1.0);
    const qreal fitScale = view->transform().m11();
    QTest::keyClick(m_window, Qt::Key_Equal, Qt::ControlModifier);
    QVERIFY(view->zoom() > 1.0);
    QVERIFY(view->transform().m11() > fitScale);
    QTest::keyClick(m_window, Qt::Key_0, Qt::ControlModifier);
    QCOMPARE(view->zoom(), 1.0);
    QCOMPARE(view->transform().m11(), fitScale);
    // The whole diagram fits the view at zoom 1.
    const QRectF visible = view->mapToScene(view->viewport()->rect()).boundingRect();
    QVERIFY(visible.contains(m_window->diagramScene()->diagramRect()));
}

void TestMainWindow::brokenContent_showsBannerAndKeepsWhatLoaded()
{
    const auto broken =
        std::make_shared<const ContentSet>(ContentSet::loadRoot(QStringLiteral(K8SFC_TEST_DATA "/broken")));
    QVERIFY(!broken->diagnostics().isEmpty());
    MainWindow window(broken, *m_store);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.problemsBanner()->isVisible());
    QVERIFY(
        window.problemsBanner()->detailsText().contains(QStringLiteral("broken.yaml:14:18: error: unknown component")));
    QVERIFY(window.diagramScene()->itemForRef(QStringLiteral("etcd")));
    window.diagramScene()->componentActivated(QStringLiteral("kube-apiserver"));
    QCOMPARE(window.cardPane()->shownMarkdown(), QStringLiteral("What stores cluster state?"));
}

void TestMainWindow::problemsBanner_showsOneMessageAsWritten()
{
    ProblemsBanner banner;
    const QString message = QStringLiteral("card \"x\": picture \"<b>a&b</b>.png\" is missing");
    banner.setDiagnostics({Diagnostic{QStringLiteral("d.yaml"), 3, 5, message}});
    bool found = false;
    for (const QLabel *label : banner.findChildren<QLabel *>())
        found = found || (label->text().contains(message) && label->textFormat() == Qt::PlainText);
    QVERIFY(found); // not &quot; nor bold: the quotes and brackets as the message has them
}

void TestMainWindow::search_findsACardAndJumpsToIt()
{
    QTest::keyClick(m_window, Qt::Key_F, Qt::ControlModifier);
    SearchBox *search = m_window->searchBox();
    QVERIFY(search->hasFocus() || QApplication::focusWidget() == search);
    const QStringList found = search->matches(QStringLiteral("compaction INTERVAL"));
    QVERIFY(!found.isEmpty());
    const Card *card = m_content->card(found.first());
    QTest::keyClicks(search, QStringLiteral("compaction interval"));
    QTest::keyClick(search, Qt::Key_Return);
    QCOMPARE(m_window->componentStudy()->componentId(), card->components.first());
    QCOMPARE(m_window->componentStudy()->current()->id, card->id);
    QVERIFY(m_window->diagramScene()->itemsForComponent(card->components.first()).first()->isSelectedComponent());
    QVERIFY(search->matches(QStringLiteral("zzzz-no-such-words")).isEmpty());
}

void TestMainWindow::diagramSwitcher_showsAnotherDiagram()
{
    auto *switcher = m_window->findChild<QComboBox *>(QStringLiteral("diagramSwitcher"));
    QVERIFY(switcher);
    QVERIFY(switcher->count() >= 3);
    m_window->showDiagram(QStringLiteral("rbac"));
    QCOMPARE(m_window->diagramId(), QStringLiteral("rbac"));
    QVERIFY(m_window->diagramScene()->itemForRef(QStringLiteral("role-binding")));
    QVERIFY(!m_window->diagramScene()->itemForRef(QStringLiteral("etcd")));
    // A card whose component is drawn elsewhere switches back to that diagram.
    m_window->openCard(firstCardAbout(QStringLiteral("etcd"))->id);
    QCOMPARE(m_window->diagramId(), QStringLiteral("cluster"));
    QCOMPARE(m_window->componentStudy()->componentId(), QStringLiteral("etcd"));
}

void TestMainWindow::anotherSubject_worksTheSame()
{
    // The engine knows nothing of Kubernetes: a water-cycle diagram and deck behave alike.
    const auto water = std::make_shared<const ContentSet>(
        ContentSet::loadRoot(QStringLiteral(K8SFC_TEST_DATA "/example-water-cycle")));
    QVERIFY2(water->diagnostics().isEmpty(), qPrintable(water->diagnostics().value(0).toString()));
    MainWindow window(water, *m_store);
    window.resize(1280, 720);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ComponentItem *cloud = window.diagramScene()->itemForRef(QStringLiteral("cloud"));
    QVERIFY(cloud);
    QTest::mouseClick(window.diagramView()->viewport(), Qt::LeftButton, {},
                      window.diagramView()->mapFromScene(QPointF(cloud->rect().center().x(), cloud->rect().top() + 8)));
    QCOMPARE(window.componentStudy()->componentId(), QStringLiteral("cloud"));
    QCOMPARE(window.cardPane()->shownMarkdown(), QStringLiteral("How does a cloud form?"));
    QTest::keyClick(&window, Qt::Key_Space);
    QTest::keyClick(&window, Qt::Key_3);
    QCOMPARE(m_store->reviews(QStringLiteral("water-cloud-condensation")).value().size(), 1);
    QCOMPARE(water->walkthroughs().size(), 1);
    QCOMPARE(window.diagramScene()->arrowItems().size(), 3);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
