#include "elementid.h"
#include "registryloader.h"

#include <QTest>

using namespace k8sfc;

class TestRegistryLoader : public QObject
{
    Q_OBJECT
private slots:
    void registry_readsComponentsAndParts();
    void badRegistry_reportsLineAndMessage_data();
    void badRegistry_reportsLineAndMessage();
    void elementId_parsesUnambiguously_data();
    void elementId_parsesUnambiguously();
};

static const QByteArray kPlanes = "planes:\n  - id: cp\n    name: Control plane\n";

void TestRegistryLoader::registry_readsComponentsAndParts()
{
    const QByteArray yaml =
        kPlanes + "components:\n"
                  "  - id: admission\n    name: Admission\n    plane: cp\n    role: r\n    part-of: kube-apiserver\n"
                  "  - id: kube-apiserver\n    name: kube-apiserver\n    plane: cp\n    role: front\n";
    Diagnostics diagnostics;
    const ComponentRegistry registry = RegistryLoader::load(yaml, QStringLiteral("components.yaml"), diagnostics);
    QVERIFY2(diagnostics.isEmpty(), qPrintable(diagnostics.value(0).toString()));
    QCOMPARE(registry.components().size(), 2);
    QCOMPARE(registry.component(QStringLiteral("admission"))->partOf, QStringLiteral("kube-apiserver"));
    QCOMPARE(registry.component(QStringLiteral("kube-apiserver"))->line, 10);
    QCOMPARE(registry.withParts(QStringLiteral("kube-apiserver")),
             (QStringList{QStringLiteral("kube-apiserver"), QStringLiteral("admission")}));
    QCOMPARE(registry.plane(QStringLiteral("cp"))->name, QStringLiteral("Control plane"));
}

void TestRegistryLoader::badRegistry_reportsLineAndMessage_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("message");
    const QByteArray c = "components:\n";
    QTest::newRow("unknown plane") << QByteArray(kPlanes + c + "  - id: a\n    name: A\n    plane: dp\n    role: r\n")
                                   << 7 << "unknown plane \"dp\"";
    QTest::newRow("duplicate component") << QByteArray(kPlanes + c +
                                                       "  - id: a\n    name: A\n    plane: cp\n    role: r\n"
                                                       "  - id: a\n    name: A\n    plane: cp\n    role: r\n")
                                         << 9 << "duplicate component id \"a\"";
    QTest::newRow("reserved id") << QByteArray(kPlanes + c + "  - id: arrow\n    name: A\n    plane: cp\n    role: r\n")
                                 << 5 << "reserved word";
    QTest::newRow("dotted id") << QByteArray(kPlanes + c + "  - id: a.b\n    name: A\n    plane: cp\n    role: r\n")
                               << 5 << "must be lowercase words";
    QTest::newRow("missing role") << QByteArray(kPlanes + c + "  - id: a\n    name: A\n    plane: cp\n") << 5
                                  << "a component has no \"role\"";
    QTest::newRow("part of unknown")
        << QByteArray(kPlanes + c + "  - id: a\n    name: A\n    plane: cp\n    role: r\n    part-of: zz\n") << 9
        << "part of unknown component \"zz\"";
    QTest::newRow("part-of cycle") << QByteArray(kPlanes + c +
                                                 "  - id: a\n    name: A\n    plane: cp\n    role: r\n    part-of: b\n"
                                                 "  - id: b\n    name: B\n    plane: cp\n    role: r\n    part-of: a\n")
                                   << 9 << "forms a cycle";
    QTest::newRow("no planes") << QByteArray("components: []\n") << 1 << "the registry has no \"planes\"";
}

void TestRegistryLoader::badRegistry_reportsLineAndMessage()
{
    QFETCH(QByteArray, yaml);
    QFETCH(int, line);
    QFETCH(QString, message);
    Diagnostics diagnostics;
    RegistryLoader::load(yaml, QStringLiteral("components.yaml"), diagnostics);
    QVERIFY(!diagnostics.isEmpty());
    QVERIFY2(diagnostics.first().message.contains(message), qPrintable(diagnostics.first().toString()));
    QCOMPARE(diagnostics.first().line, line);
}

void TestRegistryLoader::elementId_parsesUnambiguously_data()
{
    QTest::addColumn<QString>("id");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("a"); // ref, or arrow's from, or label target, or group name
    QTest::addColumn<QString>("b"); // arrow's to
    using K = ElementId::Kind;
    QTest::newRow("component") << "kube-apiserver" << int(K::Component) << "kube-apiserver"
                               << "";
    QTest::newRow("copy") << "kubelet.node-a" << int(K::Component) << "kubelet.node-a"
                          << "";
    QTest::newRow("arrow between plain refs") << "arrow.kube-apiserver--etcd" << int(K::Arrow) << "kube-apiserver"
                                              << "etcd";
    QTest::newRow("arrow from a copy") << "arrow.kubelet.node-a--kube-apiserver" << int(K::Arrow) << "kubelet.node-a"
                                       << "kube-apiserver";
    QTest::newRow("arrow between copies")
        << "arrow.kubelet.node-a--container-runtime.node-a" << int(K::Arrow) << "kubelet.node-a"
        << "container-runtime.node-a";
    QTest::newRow("label of copy") << "label.kubelet.node-b" << int(K::Label) << "kubelet.node-b"
                                   << "";
    QTest::newRow("label of arrow") << "label.arrow.a--b" << int(K::Label) << "arrow.a--b"
                                    << "";
    QTest::newRow("group") << "group.node-a" << int(K::Group) << "node-a"
                           << "";
    QTest::newRow("legend") << "legend" << int(K::Legend) << ""
                            << "";
    QTest::newRow("three-way arrow") << "arrow.a--b--c" << int(K::Invalid) << ""
                                     << "";
    QTest::newRow("two dots") << "kubelet.node.a" << int(K::Invalid) << ""
                              << "";
    QTest::newRow("uppercase") << "Kubelet" << int(K::Invalid) << ""
                               << "";
    QTest::newRow("double hyphen component") << "kube--proxy" << int(K::Invalid) << ""
                                             << "";
}

void TestRegistryLoader::elementId_parsesUnambiguously()
{
    QFETCH(QString, id);
    QFETCH(int, kind);
    QFETCH(QString, a);
    QFETCH(QString, b);
    const ElementId parsed = ElementId::parse(id);
    QCOMPARE(int(parsed.kind), kind);
    switch (parsed.kind) {
    case ElementId::Kind::Component: QCOMPARE(parsed.ref.toString(), a); break;
    case ElementId::Kind::Arrow:
        QCOMPARE(parsed.from.toString(), a);
        QCOMPARE(parsed.to.toString(), b);
        QCOMPARE(ElementId::arrowId(parsed.from, parsed.to), id);
        break;
    case ElementId::Kind::Label: QCOMPARE(parsed.target, a); break;
    case ElementId::Kind::Group: QCOMPARE(parsed.name, a); break;
    default: break;
    }
}

QTEST_GUILESS_MAIN(TestRegistryLoader)
#include "tst_registryloader.moc"
