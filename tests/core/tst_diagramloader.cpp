#include "componentregistry.h"
#include "diagramloader.h"

#include <QTest>

using namespace k8sfc;

class TestDiagramLoader : public QObject
{
    Q_OBJECT
private:
    ComponentRegistry m_registry;
private slots:
    void initTestCase();
    void goodDiagram_collectsElements();
    void badDiagram_reportsLineAndMessage_data();
    void badDiagram_reportsLineAndMessage();
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

QTEST_GUILESS_MAIN(TestDiagramLoader)
#include "tst_diagramloader.moc"
