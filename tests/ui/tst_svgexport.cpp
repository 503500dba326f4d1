// Export View as SVG writes the diagram's own SVG with the view's state applied: every label
// stays a <text> a teacher can edit, the file stays the size of the source, and the lit, dimmed
// and covered state is in it (UX review: the old export turned all text into 517 KB of outlines).
#include "content.h"
#include "diagramloader.h"
#include "diagramscene.h"
#include "labelcoveritem.h"
#include "componentitem.h"
#include "exporter.h"

#include <QFile>
#include <QHash>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace k8sfc;

class TestSvgExport : public QObject
{
    Q_OBJECT
private slots:
    void export_keepsTextAndSize_andCarriesTheViewsState();
};

namespace {

struct Parsed
{
    bool wellFormed = false;
    QStringList texts;                        ///< the content of every <text>, in order
    QHash<QString, QXmlStreamAttributes> box; ///< element id → the first <rect> inside it (or itself)
};

Parsed parse(const QByteArray &svg)
{
    Parsed out;
    QXmlStreamReader reader(svg);
    QStringList ids; // the enclosing ids, innermost last
    while (!reader.atEnd()) {
        const QXmlStreamReader::TokenType token = reader.readNext();
        if (token == QXmlStreamReader::EndElement) {
            ids.removeLast();
            continue;
        }
        if (token != QXmlStreamReader::StartElement)
            continue;
        ids.append(reader.attributes().value(QStringLiteral("id")).toString());
        if (reader.name() == QLatin1String("rect"))
            for (const QString &owner : std::as_const(ids))
                if (!owner.isEmpty() && !out.box.contains(owner))
                    out.box.insert(owner, reader.attributes());
        if (reader.name() == QLatin1String("text")) {
            // Reads up to and past its end tag.
            out.texts.append(reader.readElementText(QXmlStreamReader::IncludeChildElements));
            ids.removeLast();
        }
    }
    out.wellFormed = !reader.hasError();
    return out;
}

} // namespace

void TestSvgExport::export_keepsTextAndSize_andCarriesTheViewsState()
{
    const ContentSet content = ContentSet::loadRoot(QStringLiteral(K8SFC_SOURCE_DIR));
    const Diagram *diagram = content.diagram(QStringLiteral("cluster"));
    QVERIFY(diagram);
    DiagramScene scene;
    QCOMPARE(scene.load(*diagram, content.registry()), std::nullopt);
    scene.setSpotlight({QStringLiteral("kube-apiserver")}, {QStringLiteral("arrow.kube-apiserver--etcd")}, {});
    scene.setLabelsHidden(true);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("view.svg"));
    QCOMPARE(Exporter::exportSvg(scene, scene.diagramRect(), path), std::nullopt);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();

    const Parsed source = parse(diagram->svg);
    const Parsed exported = parse(bytes);
    QVERIFY(source.wellFormed);
    QVERIFY(exported.wellFormed);
    QVERIFY(source.texts.contains(QStringLiteral("Worker node A")));
    for (const QString &text : source.texts)
        QVERIFY2(exported.texts.contains(text), qPrintable(text));
    QVERIFY(exported.texts.contains(QStringLiteral("kube-apiserver")));
    QVERIFY2(bytes.size() < 3 * diagram->svg.size(), qPrintable(QString::number(bytes.size())));

    // Lit: kube-apiserver's box is ringed in amber and not dimmed; kubectl is dimmed.
    const QXmlStreamAttributes api = exported.box.value(QStringLiteral("kube-apiserver"));
    QVERIFY(api.value(QStringLiteral("style")).contains(QLatin1String("stroke:#F2A900")));
    QVERIFY(!api.hasAttribute(QStringLiteral("opacity")));
    QCOMPARE(exported.box.value(QStringLiteral("kubectl")).value(QStringLiteral("opacity")).toString(),
             QStringLiteral("0.35"));
    // Hidden labels: a numbered cover per name, drawn over the names (after them in the file).
    QVERIFY(exported.box.contains(QStringLiteral("hidden-labels")));
    QVERIFY(exported.texts.contains(QStringLiteral("1")));
    QVERIFY(bytes.indexOf("id=\"hidden-labels\"") > bytes.indexOf("Worker node A"));

    // A wrong verdict exports as the app paints it: two lines, in a cover grown to hold them.
    LabelCoverItem *kubectl = nullptr;
    for (LabelCoverItem *cover : scene.labelCovers())
        if (cover->component()->name() == QStringLiteral("kubectl"))
            kubectl = cover;
    QVERIFY(kubectl);
    kubectl->showVerdict(false, QStringLiteral("etcd"));
    file.close();
    QCOMPARE(Exporter::exportSvg(scene, scene.diagramRect(), path), std::nullopt);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const Parsed verdict = parse(file.readAll());
    QVERIFY(verdict.texts.contains(QStringLiteral("✗ You said etcd")));
    QVERIFY(verdict.texts.contains(QStringLiteral("it is kubectl")));
}

QTEST_MAIN(TestSvgExport)
#include "tst_svgexport.moc"
