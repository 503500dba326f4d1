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
    void externalReference_isAnError_andLeftOutOfTheCopy_data();
    void externalReference_isAnError_andLeftOutOfTheCopy();
    void referencesWithinTheFile_andEmbeddedPictures_areKept();
};

void TestDiagramLoader::initTestCase()
{
    m_registry.addPlane({QStringLiteral("cp"), QStringLiteral("CP")});
    for (const char *id : {"kube-apiserver", "etcd", "kubelet"})
        m_registry.addComponent(
            {QString::fromLatin1(id), QString::fromLatin1(id), QStringLiteral("cp"), QStringLiteral("r")});
    for (const char *id : {"arrow.kubelet--kube-apiserver", "arrow.kube-apiserver--etcd"})
        m_registry.addArrow({QString::fromLatin1(id), QStringLiteral("connection"), QStringLiteral("r")});
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
    // Reliability review M10, for diagrams: the reader said "line 1" for any bad byte.
    QTest::newRow("invalid UTF-8 beside a real U+FFFD")
        << QByteArray(open + "<title>a \xEF\xBF\xBD b</title>\n<desc>\xFF\xFE</desc>\n</svg>\n") << 3
        << "the file is not valid UTF-8 (byte 0xFF here)";
    QTest::newRow("CESU-8 surrogate") << QByteArray(open + "<title>\xED\xA0\x80</title></svg>") << 2
                                      << "not valid UTF-8 (byte 0xED here)";
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

namespace {

const QByteArray kOpen = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">\n";
/// A 1x1 PNG.
const QByteArray kPng =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

} // namespace

void TestDiagramLoader::externalReference_isAnError_andLeftOutOfTheCopy_data()
{
    QTest::addColumn<QByteArray>("body"); // on line 2, after kOpen
    QTest::addColumn<QString>("message");
    QTest::addColumn<QByteArray>("leak"); // must not reach the copy Qt SVG draws

    // Reliability review C2 and M7: Qt SVG read these from the disk (a FIFO hung it).
    const char *loads = "loads \"%1\" from outside the diagram";
    for (const char *href : {"/etc/passwd", "file:///etc/hostname", "http://127.0.0.1:8765/img.png",
                             "../../../../etc/shadow", "fifo", "#frag", "data/secret.png"})
        QTest::newRow(href) << QByteArray("<image width=\"5\" height=\"5\" xlink:href=\"") + href + "\"/>"
                            << QString::fromLatin1(loads).arg(QLatin1String(href)) << QByteArray(href);
    QTest::newRow("SVG 2 href") << QByteArray("<image width=\"5\" height=\"5\" href=\"/tmp/x.png\"/>")
                                << "<image> loads \"/tmp/x.png\"" << QByteArray("/tmp/x.png");
    QTest::newRow("another prefix") << QByteArray("<image xmlns:l=\"http://www.w3.org/1999/xlink\" width=\"5\" "
                                                  "height=\"5\" l:href=\"/tmp/y.png\"/>")
                                    << "<image> loads" << QByteArray("/tmp/y.png");
    // An embedded SVG could name files in turn: only raster pictures, checked by their bytes.
    const QByteArray inner = "<svg><image xlink:href=\"/etc/z.png\"/></svg>";
    QTest::newRow("embedded SVG") << QByteArray("<image width=\"5\" height=\"5\" xlink:href=\"data:image/png;base64," +
                                                inner.toBase64() + "\"/>")
                                  << "<image> embeds data that is not a base64 PNG" << inner.toBase64();
    QTest::newRow("not base64") << QByteArray("<image width=\"5\" height=\"5\" xlink:href=\"data:,abc\"/>")
                                << "embeds data that is not" << QByteArray("data:,abc");
    for (const char *element : {"use", "a", "feImage", "script", "tref", "font-face-uri", "linearGradient"})
        QTest::newRow(element)
            << QByteArray("<") + element + " xlink:href=\"other.svg#x\"/>"
            << QStringLiteral("<%1> refers to \"other.svg#x\" outside this file").arg(QLatin1String(element))
            << QByteArray("other.svg");
    QTest::newRow("fill url()") << QByteArray("<rect fill=\"url(paint.svg#g)\"/>")
                                << "\"fill\" of <rect> refers to \"url(paint.svg#g)\" outside this file"
                                << QByteArray("paint.svg");
    QTest::newRow("style url()") << QByteArray("<rect style=\"fill: URL( '/etc/p.png' )\"/>")
                                 << "\"style\" of <rect> refers to \"url(/etc/p.png)\"" << QByteArray("/etc/p.png");
    QTest::newRow("style @import") << QByteArray("<rect style=\"@import 'x.css'\"/>") << "refers to \"@import\""
                                   << QByteArray("x.css");
    QTest::newRow("<style> url()") << QByteArray("<style>rect { fill: url(/etc/q.png) }</style>")
                                   << "<style> refers to \"url(/etc/q.png)\"" << QByteArray("/etc/q.png");
    QTest::newRow("<style> url( split by CDATA")
        << QByteArray("<style>rect { fill: ur<![CDATA[l(/etc/r.png) }]]></style>") << "<style> refers to"
        << QByteArray("/etc/r.png");
    QTest::newRow("<style> @import") << QByteArray("<style>@IMPORT url(#a); @import \"s.css\";</style>")
                                     << "<style> refers to \"@import\"" << QByteArray("s.css");
}

void TestDiagramLoader::externalReference_isAnError_andLeftOutOfTheCopy()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, message);
    QFETCH(QByteArray, leak);
    Diagnostics diagnostics;
    const auto diagram = DiagramLoader::load(kOpen + body + "\n<g id=\"etcd\"/></svg>\n", QStringLiteral("evil.svg"),
                                             &m_registry, diagnostics);
    QVERIFY(diagram);
    QCOMPARE(diagnostics.size(), 1);
    const Diagnostic &d = diagnostics.first();
    QVERIFY2(d.message.contains(message), qPrintable(d.toString()));
    QCOMPARE(d.severity, Diagnostic::Severity::Error);
    QCOMPARE(d.line, 2);
    QVERIFY(d.column > 1);
    QVERIFY2(!diagram->svg.contains(leak), diagram->svg.constData());
    QVERIFY(diagram->svg.contains("<g id=\"etcd\""));
}

void TestDiagramLoader::referencesWithinTheFile_andEmbeddedPictures_areKept()
{
    const QByteArray svg =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" "
        "\"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n<?xml-stylesheet type=\"text/css\" "
        "href=\"/etc/s.css\"?>\n" +
        kOpen +
        "<defs><linearGradient id=\"pattern1\"/><rect id=\"rect1\" width=\"4\" height=\"4\"/></defs>\n"
        "<style><![CDATA[.a > .b { fill: url(#pattern1) }]]></style>\n"
        "<use xlink:href=\" #rect1\" fill=\"url(#pattern1)\" style=\"stroke: url(data:x)\"/>\n"
        "<image width=\"1\" height=\"1\" xlink:href=\"  data:image/png;base64," +
        kPng + "\"/>\n<image width=\"1\" height=\"1\" xlink:href=\"DATA:image/png;base64," + kPng +
        "\"/>\n<text id=\"label.etcd\">a &lt; b &amp; \"c\"</text><g id=\"etcd\"/></svg>\n";
    Diagnostics diagnostics;
    const auto diagram = DiagramLoader::load(svg, QStringLiteral("good.svg"), &m_registry, diagnostics);
    QVERIFY(diagram);
    // Only the stylesheet instruction is refused; the DTD's address is never read, so it may stay.
    QCOMPARE(diagnostics.size(), 1);
    QCOMPARE(diagnostics.first().line, 3);
    QVERIFY2(diagnostics.first().message.contains(QStringLiteral("<?xml-stylesheet?> loads a stylesheet")),
             qPrintable(diagnostics.first().toString()));
    const QByteArray &copy = diagram->svg;
    QVERIFY2(!copy.contains("s.css") && !copy.contains("DOCTYPE"), copy.constData());
    QVERIFY2(copy.contains("xlink:href=\" #rect1\"") && copy.contains("fill=\"url(#pattern1)\"") &&
                 copy.contains("xmlns:xlink=\"http://www.w3.org/1999/xlink\"") && copy.contains(".a &gt; .b"),
             copy.constData());
    // Qt reads a picture from memory only after a lower-case "data"; anything else is a file name.
    QCOMPARE(copy.count(QByteArray("xlink:href=\"data:image/png;base64," + kPng + '"')), 2);
    // The copy reads back as the same diagram.
    Diagnostics again;
    const auto reread = DiagramLoader::load(copy, QStringLiteral("copy.svg"), &m_registry, again);
    QVERIFY2(reread && again.isEmpty(), qPrintable(again.value(0).toString()));
    QCOMPARE(reread->svg, copy);
    QCOMPARE(reread->elements.size(), diagram->elements.size());
}

QTEST_GUILESS_MAIN(TestDiagramLoader)
#include "tst_diagramloader.moc"
