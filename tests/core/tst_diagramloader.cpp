#include "componentregistry.h"
#include "diagramloader.h"

#include <QTest>

#include <cmath>

using namespace k8sfc;

class TestDiagramLoader : public QObject
{
    Q_OBJECT
private:
    ComponentRegistry m_registry;
private slots:
    void initTestCase();
    void goodDiagram_collectsElements();
    void groups_giveTheirFrameAndLabelText();
    void badDiagram_reportsLineAndMessage_data();
    void badDiagram_reportsLineAndMessage();
    void fuzzFindings_loadCleanly_data();
    void fuzzFindings_loadCleanly();
};

void TestDiagramLoader::initTestCase()
{
    m_registry.addPlane({QStringLiteral("cp"), QStringLiteral("CP")});
    for (const char *id : {"kube-apiserver", "etcd", "kubelet"})
        m_registry.addComponent(
            {QString::fromLatin1(id), QString::fromLatin1(id), QStringLiteral("cp"), QStringLiteral("r")});
}

void TestDiagramLoader::goodDiagram_collectsElements()
{
    const QByteArray svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 100\">\n"
                           "<title>Mini</title>\n"
                           "<g id=\"kube-apiserver\"><rect id=\"rect12\" width=\"10\" height=\"10\"/>"
                           "<text id=\"label.kube-apiserver\">api</text></g>\n"
                           "<g id=\"kubelet.node-a\"/><g id=\"kubelet.node-b\"/>\n"
                           "<g id=\"etcd\"/>\n"
                           "<g id=\"arrow.kubelet.node-a--kube-apiserver\"/>\n"
                           "<g id=\"arrow.kube-apiserver--etcd\"/>\n"
                           "</svg>\n";
    Diagnostics diagnostics;
    const auto diagram = DiagramLoader::load(svg, QStringLiteral("diagrams/mini.svg"), &m_registry, diagnostics);
    QVERIFY2(diagnostics.isEmpty(), qPrintable(diagnostics.value(0).toString()));
    QVERIFY(diagram);
    QCOMPARE(diagram->id, QStringLiteral("mini"));
    QCOMPARE(diagram->title, QStringLiteral("Mini"));
    QCOMPARE(diagram->componentIds(),
             (QStringList{QStringLiteral("kube-apiserver"), QStringLiteral("kubelet"), QStringLiteral("etcd")}));
    QCOMPARE(diagram->componentRefs().size(), 4);
    QVERIFY(diagram->hasElement(QStringLiteral("arrow.kube-apiserver--etcd")));
    QVERIFY(!diagram->hasElement(QStringLiteral("rect12"))); // editor ids are decoration
}

void TestDiagramLoader::groups_giveTheirFrameAndLabelText()
{
    // Frames nest; a label's text may be split into tspans, and may sit outside its frame.
    const QByteArray svg = "<svg xmlns=\"http://www.w3.org/2000/svg\">\n"
                           "<g id=\"group.cp\"><g id=\"group.etcd-cluster\"><g id=\"etcd.m1\"/></g>\n"
                           "<g id=\"kube-apiserver\"/></g>\n"
                           "<g id=\"kubelet.node-a\"/>\n"
                           "<text id=\"label.group.etcd-cluster\"><tspan>etcd</tspan><tspan> members\n</tspan></text>\n"
                           "<text id=\"label.group.cp\">Control plane</text>\n"
                           "</svg>\n";
    Diagnostics diagnostics;
    const auto diagram = DiagramLoader::load(svg, QStringLiteral("groups.svg"), &m_registry, diagnostics);
    QVERIFY2(diagnostics.isEmpty(), qPrintable(diagnostics.value(0).toString()));
    QVERIFY(diagram);
    QHash<QString, QString> groupOf;
    for (const DiagramElement &e : diagram->elements)
        groupOf.insert(e.id, e.group);
    QCOMPARE(groupOf.value(QStringLiteral("etcd.m1")), QStringLiteral("etcd-cluster"));
    QCOMPARE(groupOf.value(QStringLiteral("group.etcd-cluster")), QStringLiteral("cp"));
    QCOMPARE(groupOf.value(QStringLiteral("kube-apiserver")), QStringLiteral("cp"));
    QCOMPARE(groupOf.value(QStringLiteral("kubelet.node-a")), QString());
    QCOMPARE(diagram->groupLabels.value(QStringLiteral("etcd-cluster")), QStringLiteral("etcd members"));
    QCOMPARE(diagram->groupLabels.value(QStringLiteral("cp")), QStringLiteral("Control plane"));
    QCOMPARE(diagram->groupLabels.size(), 2);
}

void TestDiagramLoader::badDiagram_reportsLineAndMessage_data()
{
    QTest::addColumn<QByteArray>("svg");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("message");
    const QByteArray open = "<svg xmlns=\"http://www.w3.org/2000/svg\">\n";
    QTest::newRow("not well-formed") << QByteArray(open + "<g id=\"etcd\">\n<rect>\n</svg>\n") << 4
                                     << "not well-formed XML";
    QTest::newRow("not svg") << QByteArray("<html>\n</html>\n") << 1 << "not an SVG file";
    QTest::newRow("empty") << QByteArray() << 1 << "the file is empty";
    QTest::newRow("duplicate id") << QByteArray(open + "<g id=\"etcd\"/>\n<g id=\"etcd\"/>\n</svg>") << 3
                                  << "duplicate element id \"etcd\" (first on line 2)";
    QTest::newRow("arrow to nothing") << QByteArray(open +
                                                    "<g id=\"etcd\"/>\n<g id=\"arrow.etcd--kube-apiserver\"/>\n</svg>")
                                      << 3 << "ends at \"kube-apiserver\", which is not drawn";
    QTest::newRow("copy of unknown component")
        << QByteArray(open + "<g id=\"kubelett.node-a\"/>\n</svg>") << 2 << "names unknown component \"kubelett\"";

    // Hostile input (tests/fuzz): one diagnostic, quickly, never a crash.
    QByteArray laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg [\n<!ENTITY e0 \"lol\">\n";
    for (int i = 1; i < 10; ++i) // 10^9 "lol"s if expanded: Qt stops at 4096 characters
        laughs += "<!ENTITY e" + QByteArray::number(i) + " \"" +
                  QByteArray("&e" + QByteArray::number(i - 1) + ";").repeated(10) + "\">\n";
    laughs += "]>\n" + open + "<title>&e9;</title>\n</svg>\n";
    QTest::newRow("entity bomb") << laughs << 15 << "entity expansion limit";
    QTest::newRow("self-referencing entity")
        << QByteArray("<!DOCTYPE svg [\n<!ENTITY a \"&b;\">\n<!ENTITY b \"&a;\">\n]>\n" + open +
                      "<title>&a;</title></svg>")
        << 6 << "Self-referencing entity";
    QTest::newRow("20 MiB file") << QByteArray(open + QByteArray("<g/>\n").repeated(4 * 1024 * 1024) + "</svg>") << 1
                                 << "the file is 20.0 MiB, over the 2 MiB limit";
    QByteArray nul = open + "<g id=\"etcd\"/>";
    nul += '\0';
    nul += "\n</svg>\n";
    QTest::newRow("NUL byte") << nul << 2 << "not well-formed XML";
}

void TestDiagramLoader::badDiagram_reportsLineAndMessage()
{
    QFETCH(QByteArray, svg);
    QFETCH(int, line);
    QFETCH(QString, message);
    Diagnostics diagnostics;
    DiagramLoader::load(svg, QStringLiteral("bad.svg"), &m_registry, diagnostics);
    QVERIFY(!diagnostics.isEmpty());
    QVERIFY2(diagnostics.first().message.contains(message), qPrintable(diagnostics.first().toString()));
    QCOMPARE(diagnostics.first().line, line);
    QCOMPARE(diagnostics.first().severity, Diagnostic::Severity::Error);
}

void TestDiagramLoader::fuzzFindings_loadCleanly_data()
{
    QTest::addColumn<QByteArray>("svg");
    QTest::addColumn<QString>("arrow"); // an arrow whose connector cannot be drawn, so has no polyline

    // fuzz_diagram, minimised: a coordinate past the largest double made an infinite point, which
    // the presentation would have handed to QPainter.
    QTest::newRow("connector at 1e385") << QByteArray("<svg><g id=\"arrow.e--k\"><path d=\"m1e385 6\"/></g></svg>")
                                        << QStringLiteral("arrow.e--k");
    QTest::newRow("relative steps past the largest double")
        << QByteArray("<svg><g id=\"etcd\"/><g id=\"kubelet\"/><g id=\"arrow.etcd--kubelet\">"
                      "<path d=\"M1e308 0 l1e308 0 L5 5\"/></g></svg>")
        << QStringLiteral("arrow.etcd--kubelet");
    // ElementId::parse called itself once per "label." prefix: a stack overflow at 10,000
    // prefixes, and a copy of the rest of the id at each one.
    QTest::newRow("label of a label, 100,000 deep")
        << QByteArray("<svg><g id=\"etcd\"/><g id=\"" + QByteArray("label.").repeated(100000) + "etcd\"/></svg>")
        << QString();
}

void TestDiagramLoader::fuzzFindings_loadCleanly()
{
    QFETCH(QByteArray, svg);
    QFETCH(QString, arrow);
    Diagnostics diagnostics;
    const auto diagram = DiagramLoader::load(svg, QStringLiteral("fuzz.svg"), &m_registry, diagnostics);
    QVERIFY(diagram);
    bool foundArrow = arrow.isEmpty();
    for (const DiagramElement &e : diagram->elements) {
        QVERIFY2(e.parsed.kind != ElementId::Kind::Label, qPrintable(e.id.left(40))); // a label of a label is not one
        for (const QPointF &p : e.polyline)
            QVERIFY(std::isfinite(p.x()) && std::isfinite(p.y()));
        if (e.id == arrow) {
            foundArrow = true;
            QVERIFY(e.polyline.isEmpty());
        }
    }
    QVERIFY(foundArrow);
    QCOMPARE(ElementId::parse(QStringLiteral("label.label.etcd")).kind, ElementId::Kind::Invalid);
    QCOMPARE(ElementId::parse(QStringLiteral("label.etcd")).kind, ElementId::Kind::Label);
}

QTEST_GUILESS_MAIN(TestDiagramLoader)
#include "tst_diagramloader.moc"
