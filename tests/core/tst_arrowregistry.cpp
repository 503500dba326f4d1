// The registry's `arrows:` section, arrow ids on cards, and what validate says about both.
#include "content.h"
#include "deckloader.h"
#include "diagramloader.h"
#include "registryloader.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace k8sfc;

class TestArrowRegistry : public QObject
{
    Q_OBJECT
private slots:
    void arrows_readWithKindRoleAndPlace();
    void badArrows_reportLineColumnAndMessage_data();
    void badArrows_reportLineColumnAndMessage();
    void cardArrows_checkedLikeComponents_data();
    void cardArrows_checkedLikeComponents();
    void diagram_needsAnEntryPerArrow_andKeepsItsLabel();
    void content_reportsUndrawnArrows_andOpensACopysCards();
    void bundledContent_hasAnEntryForEveryDrawnArrow();
};

static const QByteArray kRegistry = "planes:\n  - id: cp\n    name: Control plane\n"
                                    "components:\n"
                                    "  - id: kubelet\n    name: kubelet\n    plane: cp\n    role: agent\n"
                                    "  - id: api\n    name: API\n    plane: cp\n    role: front\n";

void TestArrowRegistry::arrows_readWithKindRoleAndPlace()
{
    const QByteArray yaml = kRegistry + "arrows:\n"
                                        "  arrow.kubelet--api:\n    kind: connection\n    role: HTTPS 6443\n"
                                        "  arrow.api--kubelet:\n    kind: connection\n    role: HTTPS 10250\n";
    Diagnostics diagnostics;
    const ComponentRegistry registry = RegistryLoader::load(yaml, QStringLiteral("components.yaml"), diagnostics);
    QVERIFY2(diagnostics.isEmpty(), qPrintable(diagnostics.value(0).toString()));
    QCOMPARE(registry.arrows().size(), 2);
    const ArrowRole *arrow = registry.arrow(QStringLiteral("arrow.kubelet.node-a--api"));
    QVERIFY(arrow);
    QCOMPARE(arrow->id, QStringLiteral("arrow.kubelet--api"));
    QCOMPARE(arrow->kind, QStringLiteral("connection"));
    QCOMPARE(arrow->role, QStringLiteral("HTTPS 6443"));
    QCOMPARE(arrow->line, 14);
    QCOMPARE(arrow->column, 3);
    QCOMPARE(registry.arrow(QStringLiteral("arrow.api--kubelet.node-b"))->role, QStringLiteral("HTTPS 10250"));
    QVERIFY(!registry.arrow(QStringLiteral("arrow.api--api")));
    QCOMPARE(registry.arrowTitle(QStringLiteral("arrow.kubelet.node-a--api")), QStringLiteral("kubelet → API"));
}

void TestArrowRegistry::badArrows_reportLineColumnAndMessage_data()
{
    QTest::addColumn<QByteArray>("arrows");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");
    QTest::newRow("copy suffix") << QByteArray("  arrow.kubelet.node-a--api:\n    kind: stage\n    role: r\n") << 14
                                 << 3
                                 << "names a copy; the registry keys arrows without copy suffixes "
                                    "(\"arrow.kubelet--api\")";
    QTest::newRow("unknown end") << QByteArray("  arrow.kubelet--etcd:\n    kind: stage\n    role: r\n") << 14 << 3
                                 << "arrow \"arrow.kubelet--etcd\" names unknown component \"etcd\"";
    QTest::newRow("not an arrow") << QByteArray("  kubelet:\n    kind: stage\n    role: r\n") << 14 << 3
                                  << "\"kubelet\" is not an arrow id";
    QTest::newRow("unknown kind") << QByteArray("  arrow.kubelet--api:\n    kind: pipe\n    role: r\n") << 15 << 11
                                  << "unknown \"kind\" \"pipe\" of arrow \"arrow.kubelet--api\" (expected one of: "
                                     "connection, stage, reference)";
    QTest::newRow("no role") << QByteArray("  arrow.kubelet--api:\n    kind: stage\n") << 15 << 5
                             << "arrow \"arrow.kubelet--api\" has no \"role\"";
    QTest::newRow("unknown key") << QByteArray("  arrow.kubelet--api:\n    kind: stage\n    role: r\n    port: 1\n")
                                 << 17 << 5 << "unknown key \"port\"";
    QTest::newRow("duplicate") << QByteArray("  arrow.kubelet--api:\n    kind: stage\n    role: r\n"
                                             "  arrow.kubelet--api:\n    kind: stage\n    role: s\n")
                               << 17 << 3 << "duplicate arrow id \"arrow.kubelet--api\"";
    QTest::newRow("a list") << QByteArray("  - arrow.kubelet--api\n") << 14 << 3 << "\"arrows\" must map each arrow id";
}

void TestArrowRegistry::badArrows_reportLineColumnAndMessage()
{
    QFETCH(QByteArray, arrows);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);
    Diagnostics diagnostics;
    RegistryLoader::load(kRegistry + "arrows:\n" + arrows, QStringLiteral("components.yaml"), diagnostics);
    QVERIFY(!diagnostics.isEmpty());
    const Diagnostic &d = diagnostics.last();
    QVERIFY2(d.message.contains(message), qPrintable(d.toString()));
    QCOMPARE(d.line, line);
    QCOMPARE(d.column, column);
}

void TestArrowRegistry::cardArrows_checkedLikeComponents_data()
{
    QTest::addColumn<QByteArray>("keys");
    QTest::addColumn<QString>("message"); // empty: the card loads
    QTest::newRow("arrow only") << QByteArray("    components: []\n    arrows: [arrow.kubelet--api]\n") << QString();
    QTest::newRow("one copy") << QByteArray("    arrows: [arrow.kubelet.node-a--api]\n") << QString();
    QTest::newRow("with a component") << QByteArray("    components: [api]\n    arrows: [arrow.kubelet--api]\n")
                                      << QString();
    QTest::newRow("unknown arrow") << QByteArray("    components: [api]\n    arrows: [arrow.api--kubelet]\n")
                                   << "decks/d.yaml:5:14: error: unknown arrow \"arrow.api--kubelet\" in card \"c\" "
                                      "(\"arrow.api--kubelet\" is not under \"arrows:\" in components.yaml)";
    QTest::newRow("unknown copy's arrow") << QByteArray("    arrows: [arrow.api.x--kubelet]\n")
                                          << "decks/d.yaml:4:14: error: unknown arrow \"arrow.api.x--kubelet\"";
    QTest::newRow("not an arrow") << QByteArray("    components: [api]\n    arrows: [kubelet]\n")
                                  << "decks/d.yaml:5:14: error: \"kubelet\" in card \"c\" is not an arrow id";
    QTest::newRow("neither") << QByteArray("    components: []\n")
                             << "decks/d.yaml:4:17: error: card \"c\" names no component";
}

void TestArrowRegistry::cardArrows_checkedLikeComponents()
{
    QFETCH(QByteArray, keys);
    QFETCH(QString, message);
    Diagnostics diagnostics;
    const ComponentRegistry registry =
        RegistryLoader::load(kRegistry + "arrows:\n  arrow.kubelet--api:\n    kind: connection\n    role: r\n",
                             QStringLiteral("diagrams/components.yaml"), diagnostics);
    QVERIFY(diagnostics.isEmpty());
    const QByteArray deck =
        "title: D\ncards:\n  - id: c\n" + keys + "    front: f\n    back: b\n    source: https://kubernetes.io/\n";
    const auto loaded = DeckLoader::load(deck, QStringLiteral("decks/d.yaml"), &registry, diagnostics);
    QVERIFY(loaded);
    if (message.isEmpty()) {
        QVERIFY2(diagnostics.isEmpty(), qPrintable(diagnostics.value(0).toString()));
        QCOMPARE(loaded->cards.size(), 1);
        QCOMPARE(loaded->cards.first().arrows.size(), 1);
    } else {
        QCOMPARE(loaded->cards.size(), 0);
        QVERIFY(!diagnostics.isEmpty());
        QVERIFY2(diagnostics.first().toString().startsWith(message), qPrintable(diagnostics.first().toString()));
    }
}

static const QByteArray kSvg = R"(<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 300">
  <g id="group.node-a"><text id="label.group.node-a">Node A</text>
    <rect id="kubelet.node-a" x="10" y="200" width="100" height="50"/></g>
  <rect id="api" x="10" y="10" width="300" height="50"/>
  <g id="arrow.kubelet.node-a--api">
    <path class="line" d="M60 200 L60 60"/>
    <text id="label.arrow.kubelet.node-a--api" x="70" y="120">watch ·</text>
    <text x="70" y="140">status</text>
  </g>
  <g id="arrow.api--kubelet.node-a"><path d="M200 60 L100 200"/></g>
  <text id="label.arrow.api--kubelet.node-a" x="150" y="120">logs</text>
</svg>
)";

void TestArrowRegistry::diagram_needsAnEntryPerArrow_andKeepsItsLabel()
{
    Diagnostics diagnostics;
    const ComponentRegistry registry =
        RegistryLoader::load(kRegistry + "arrows:\n  arrow.kubelet--api:\n    kind: connection\n    role: r\n",
                             QStringLiteral("diagrams/components.yaml"), diagnostics);
    const auto diagram = DiagramLoader::load(kSvg, QStringLiteral("diagrams/d.svg"), &registry, diagnostics);
    QVERIFY(diagram);
    QCOMPARE(diagnostics.size(), 1);
    QCOMPARE(diagnostics.first().toString(),
             QStringLiteral("diagrams/d.svg:10:36: error: arrow \"arrow.api--kubelet.node-a\" has no entry under "
                            "\"arrows:\" in components.yaml (expected \"arrow.api--kubelet\" with kind and role)"));
    QStringList labels;
    for (const DiagramElement &e : diagram->elements)
        if (e.parsed.kind == ElementId::Kind::Arrow)
            labels.append(e.label);
    // Every line of text in the group; a label drawn outside the group by its id.
    QCOMPARE(labels, (QStringList{QStringLiteral("watch · status"), QStringLiteral("logs")}));
}

static void write(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

void TestArrowRegistry::content_reportsUndrawnArrows_andOpensACopysCards()
{
    QTemporaryDir dir;
    write(dir.filePath(QStringLiteral("diagrams/components.yaml")),
          kRegistry + "arrows:\n"
                      "  arrow.kubelet--api:\n    kind: connection\n    role: r\n"
                      "  arrow.api--kubelet:\n    kind: connection\n    role: r\n"
                      "  arrow.api--api:\n    kind: stage\n    role: r\n");
    write(dir.filePath(QStringLiteral("diagrams/d.svg")), kSvg);
    write(dir.filePath(QStringLiteral("decks/d.yaml")),
          "title: D\ncards:\n"
          "  - id: every-copy\n    arrows: [arrow.kubelet--api]\n    front: f\n    back: b\n"
          "    source: https://kubernetes.io/\n"
          "  - id: node-a\n    arrows: [arrow.kubelet.node-a--api]\n    front: f\n    back: b\n"
          "    source: https://kubernetes.io/\n"
          "  - id: node-b\n    arrows: [arrow.kubelet.node-b--api]\n    front: f\n    back: b\n"
          "    source: https://kubernetes.io/\n");
    const ContentSet content = ContentSet::loadRoot(dir.path());
    QStringList messages;
    for (const Diagnostic &d : content.diagnostics())
        messages.append(QDir(dir.path()).relativeFilePath(d.file) + u':' + QString::number(d.line) + u':' +
                        QString::number(d.column) + u' ' + d.message);
    QCOMPARE(messages,
             (QStringList{QStringLiteral("diagrams/components.yaml:20:3 arrow \"arrow.api--api\" has no element in any "
                                         "diagram (expected an element with id \"arrow.api--api\" or one naming "
                                         "copies of its ends)"),
                          QStringLiteral("decks/d.yaml:13:5 card \"node-b\" names arrow "
                                         "\"arrow.kubelet.node-b--api\", which no diagram draws")}));
    QStringList ids;
    for (const Card *card : content.cardsFor(QStringLiteral("arrow.kubelet.node-a--api"), true))
        ids.append(card->id);
    QCOMPARE(ids, (QStringList{QStringLiteral("every-copy"), QStringLiteral("node-a")}));
    QCOMPARE(content.cardsFor(QStringLiteral("arrow.kubelet--api"), true).size(), 1);
}

void TestArrowRegistry::bundledContent_hasAnEntryForEveryDrawnArrow()
{
    const ContentSet content = ContentSet::loadRoot(QStringLiteral(K8SFC_SOURCE_DIR));
    for (const Diagnostic &d : content.diagnostics())
        QVERIFY2(!d.message.contains(QLatin1String("arrow")), qPrintable(d.toString()));
    int arrows = 0;
    for (const Diagram &diagram : content.diagrams())
        for (const DiagramElement &e : diagram.elements)
            if (e.parsed.kind == ElementId::Kind::Arrow) {
                const ArrowRole *role = content.registry().arrow(e.id);
                QVERIFY2(role, qPrintable(e.id));
                QVERIFY2(!role->role.isEmpty() && !role->role.contains(u'\n'), qPrintable(e.id));
                ++arrows;
            }
    QVERIFY(arrows >= 30);
}

QTEST_GUILESS_MAIN(TestArrowRegistry)
#include "tst_arrowregistry.moc"
