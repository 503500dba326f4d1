#include "componentregistry.h"
#include "diagramloader.h"
#include "svgpath.h"
#include "walkthroughloader.h"
#include "walkthroughplayer.h"

#include <QSignalSpy>
#include <QTest>

using namespace k8sfc;

class TestWalkthroughLoader : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void goodWalkthrough_loads();
    void badWalkthrough_reportsLineAndMessage_data();
    void badWalkthrough_reportsLineAndMessage();
    void player_stepsForwardAndBack();
    void svgPath_givesThePolyline();

private:
    QList<Diagram> m_diagrams;
};

void TestWalkthroughLoader::initTestCase()
{
    ComponentRegistry registry;
    registry.addPlane({QStringLiteral("cp"), QStringLiteral("CP")});
    for (const char *id : {"kubectl", "kube-apiserver", "etcd", "kubelet"})
        registry.addComponent(
            {QString::fromLatin1(id), QString::fromLatin1(id), QStringLiteral("cp"), QStringLiteral("r")});
    for (const char *id : {"arrow.kubectl--kube-apiserver", "arrow.kube-apiserver--etcd"})
        registry.addArrow({QString::fromLatin1(id), QStringLiteral("connection"), QStringLiteral("r")});
    const QByteArray svg = "<svg xmlns=\"http://www.w3.org/2000/svg\">\n"
                           "<g id=\"kubectl\"/><g id=\"kube-apiserver\"/><g id=\"etcd\"/>\n"
                           "<g id=\"kubelet.node-a\"/><g id=\"kubelet.node-b\"/>\n"
                           "<g id=\"arrow.kubectl--kube-apiserver\"><path class=\"line\" d=\"M10 10 L50 10\"/></g>\n"
                           "<g id=\"arrow.kube-apiserver--etcd\"><path d=\"M50 10 H90\"/></g>\n"
                           "</svg>\n";
    Diagnostics diagnostics;
    const auto diagram = DiagramLoader::load(svg, QStringLiteral("diagrams/mini.svg"), &registry, diagnostics);
    QVERIFY(diagram && diagnostics.isEmpty());
    m_diagrams.append(*diagram);
}

static const QByteArray kGood = "title: A flow\n"
                                "diagram: mini\n"
                                "steps:\n"
                                "  - title: One\n"
                                "    narration: kubectl calls.\n"
                                "    components: [kubectl, kube-apiserver]\n"
                                "    arrows: [arrow.kubectl--kube-apiserver]\n"
                                "    question: Who is called?\n"
                                "    answer: kube-apiserver\n"
                                "  - title: Two\n"
                                "    narration: It stores.\n"
                                "    components: [kubelet.node-a, kubelet]\n"
                                "    reverse-arrows: [arrow.kube-apiserver--etcd]\n"
                                "    zoom: kube-apiserver\n";

void TestWalkthroughLoader::goodWalkthrough_loads()
{
    Diagnostics diagnostics;
    const auto w = WalkthroughLoader::load(kGood, QStringLiteral("walkthroughs/a-flow.yaml"), m_diagrams, diagnostics);
    QVERIFY2(diagnostics.isEmpty(), qPrintable(diagnostics.value(0).toString()));
    QVERIFY(w);
    QCOMPARE(w->id, QStringLiteral("a-flow"));
    QCOMPARE(w->steps.size(), 2);
    QCOMPARE(w->steps.at(0).arrows, QStringList{QStringLiteral("arrow.kubectl--kube-apiserver")});
    QCOMPARE(w->steps.at(1).reverseArrows, QStringList{QStringLiteral("arrow.kube-apiserver--etcd")});
    QCOMPARE(w->steps.at(1).zoom, QStringLiteral("kube-apiserver"));
    QCOMPARE(w->steps.at(1).line, 10);
    // The arrows' connectors were read for the animation.
    QCOMPARE(m_diagrams.first().elements.at(5).polyline, (QList<QPointF>{{10, 10}, {50, 10}}));
}

void TestWalkthroughLoader::badWalkthrough_reportsLineAndMessage_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");
    const QByteArray head = "title: T\ndiagram: mini\nsteps:\n  - title: S\n    narration: N\n";
    QTest::newRow("unknown component") << QByteArray(head + "    components: [kubectl, etcdd]\n") << 6 << 27
                                       << "\"etcdd\" is not drawn in diagram \"mini\"";
    QTest::newRow("unknown copy") << QByteArray(head + "    components: [kubelet.node-c]\n") << 6 << 18
                                  << "\"kubelet.node-c\" is not drawn";
    QTest::newRow("unknown arrow") << QByteArray(head + "    arrows: [arrow.etcd--kubectl]\n") << 6 << 14
                                   << "\"arrow.etcd--kubectl\" is not drawn";
    QTest::newRow("component given as arrow")
        << QByteArray(head + "    arrows: [etcd]\n") << 6 << 14 << "\"etcd\" is not an arrow id";
    QTest::newRow("empty step") << QByteArray(head) << 4 << 5 << "step 1 lights nothing";
    QTest::newRow("question without answer")
        << QByteArray(head + "    components: [etcd]\n    question: Q?\n") << 7 << 15 << "gives no \"answer\"";
    QTest::newRow("no narration") << QByteArray(
                                         "title: T\ndiagram: mini\nsteps:\n  - title: S\n    components: [etcd]\n")
                                  << 4 << 5 << "step 1 has no \"narration\"";
    QTest::newRow("unknown diagram") << QByteArray(
                                            "title: T\ndiagram: nowhere\nsteps:\n  - title: S\n    narration: N\n"
                                            "    components: [etcd]\n")
                                     << 2 << 10 << "no diagram \"nowhere\"";
    QTest::newRow("no steps") << QByteArray("title: T\ndiagram: mini\nsteps: []\n") << 3 << 8
                              << "\"steps\" must be a list of at least one step";
    QTest::newRow("unknown step key") << QByteArray(head + "    components: [etcd]\n    narator: x\n") << 7 << 5
                                      << "unknown key \"narator\" in step 1";
    QTest::newRow("bad zoom") << QByteArray(head + "    components: [etcd]\n    zoom: kube-proxy\n") << 7 << 11
                              << "zoom target \"kube-proxy\" is not drawn";
    QTest::newRow("syntax") << QByteArray("title: [T\n") << 2 << 1 << "YAML syntax error";

    // Hostile input (tests/fuzz): one diagnostic, quickly, never a crash.
    // ElementId::parse called itself once per "label." prefix: a stack overflow at 10,000.
    QTest::newRow("label of a label as a component")
        << QByteArray(head + "    components: [" + QByteArray("label.").repeated(100000) + "etcd]\n") << 6 << 18
        << "is not a component or copy id";
    QTest::newRow("nesting: 10,000 [") << QByteArray(10000, '[') << 1 << 65 << "nest more than 64 levels deep";
    QTest::newRow("nesting: steps 100 deep")
        << QByteArray("title: T\ndiagram: mini\nsteps:\n" + QByteArray("  - ").repeated(100) + "x\n") << 4 << 255
        << "nest more than 64 levels deep";
    QTest::newRow("20 MiB file") << QByteArray(head + QByteArray("    # padding\n").repeated(1500000)) << 1 << 1
                                 << "over the 2 MiB limit";
    QByteArray nul = head;
    nul += '\0';
    QTest::newRow("NUL byte") << nul << 6 << 1 << "the file contains a NUL byte";
}

void TestWalkthroughLoader::badWalkthrough_reportsLineAndMessage()
{
    QFETCH(QByteArray, yaml);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);
    Diagnostics diagnostics;
    const auto w = WalkthroughLoader::load(yaml, QStringLiteral("walkthroughs/bad.yaml"), m_diagrams, diagnostics);
    QVERIFY(!w);
    QVERIFY(!diagnostics.isEmpty());
    const Diagnostic &d = diagnostics.first();
    QVERIFY2(d.message.contains(message), qPrintable(d.toString()));
    QCOMPARE(d.line, line);
    QCOMPARE(d.column, column);
}

void TestWalkthroughLoader::player_stepsForwardAndBack()
{
    Diagnostics diagnostics;
    const auto w = WalkthroughLoader::load(kGood, QStringLiteral("a-flow.yaml"), m_diagrams, diagnostics);
    QVERIFY(w);
    WalkthroughPlayer player;
    QSignalSpy changed(&player, &WalkthroughPlayer::stepChanged);
    player.setWalkthrough(&*w);
    QCOMPARE(player.position(), 0);
    QCOMPARE(player.upcoming()->title, QStringLiteral("Two"));
    QVERIFY(!player.previous());
    player.showAnswer();
    QVERIFY(player.isAnswerShown());
    QVERIFY(player.next());
    QVERIFY(!player.isAnswerShown()); // each step starts with its answer hidden
    QVERIFY(!player.next());
    QVERIFY(player.previous());
    QCOMPARE(player.current()->title, QStringLiteral("One"));
    QVERIFY(player.goToNumber(2));
    QVERIFY(!player.goToNumber(3));
    QVERIFY(!player.goToNumber(0));
    player.first();
    QCOMPARE(player.position(), 0);
    QCOMPARE(changed.count(), 5);
}

void TestWalkthroughLoader::svgPath_givesThePolyline()
{
    QCOMPARE(svgPathPolyline(QStringLiteral("M1240 590 L1240 502 Q1240 490 1228 490 L1122 490")),
             (QList<QPointF>{{1240, 590}, {1240, 502}, {1228, 490}, {1122, 490}}));
    QCOMPARE(svgPathPolyline(QStringLiteral("m10,10 h20 v-5 l-5-5z")),
             (QList<QPointF>{{10, 10}, {30, 10}, {30, 5}, {25, 0}, {10, 10}}));
    QVERIFY(svgPathPolyline(QString()).isEmpty());
    // fuzz_diagram, minimised: numbers past the largest double gave infinite points.
    QVERIFY(svgPathPolyline(QStringLiteral("m1e385 6")).isEmpty());
    QVERIFY(svgPathPolyline(QStringLiteral("M1e308 0 l1e308 0 L5 5")).isEmpty());
    QVERIFY(svgPathPolyline(QStringLiteral("M0 0 V-1e999")).isEmpty());
}

QTEST_GUILESS_MAIN(TestWalkthroughLoader)
#include "tst_walkthroughloader.moc"
