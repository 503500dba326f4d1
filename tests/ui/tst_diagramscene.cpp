// A diagram is drawn from the copy DiagramLoader made, never from its file: Qt SVG would read
// the pictures and stylesheets the file names (reliability review C2) and wait on a FIFO (M7).
// A component's item covers its box, not what Qt SVG reckons a group with centred text spans.
#include "componentregistry.h"
#include "content.h"
#include "diagramloader.h"
#include "diagramscene.h"

#include <QBuffer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace k8sfc;

class TestDiagramScene : public QObject
{
    Q_OBJECT
private slots:
    void localPicturesAndFifos_areNeverRead();
    void componentItems_stayInTheirBoxes();
};

namespace {

QByteArray png(const QColor &colour)
{
    QImage image(8, 8, QImage::Format_RGB32);
    image.fill(colour);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

void write(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size());
}

/// How many pixels of `image` are close to `colour`.
int pixelsLike(const QImage &image, const QColor &colour)
{
    int count = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            count += std::abs(c.red() - colour.red()) < 40 && std::abs(c.green() - colour.green()) < 40 &&
                     std::abs(c.blue() - colour.blue()) < 40;
        }
    return count;
}

} // namespace

void TestDiagramScene::localPicturesAndFifos_areNeverRead()
{
    QTemporaryDir dir;
    write(dir.filePath(QStringLiteral("red.png")), png(Qt::red));
    write(dir.filePath(QStringLiteral("red.css")), "rect { fill: #ff0000 }");
    QCOMPARE(::mkfifo(QFile::encodeName(dir.filePath(QStringLiteral("fifo"))).constData(), 0600), 0);
    // From bytes, Qt SVG 6.4 resolves a relative name against the working folder: make it this one.
    const QString previous = QDir::currentPath();
    QVERIFY(QDir::setCurrent(dir.path()));
    const QByteArray red = QFile::encodeName(dir.filePath(QStringLiteral("red.png")));
    const QByteArray svg =
        "<?xml-stylesheet type=\"text/css\" href=\"red.css\"?>\n<?xml-stylesheet type=\"text/css\" href=\"fifo\"?>\n"
        "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
        "viewBox=\"0 0 100 100\" width=\"100\" height=\"100\">\n"
        "<image x=\"0\" y=\"0\" width=\"30\" height=\"30\" xlink:href=\"" +
        red + "\"/>\n<image x=\"30\" y=\"0\" width=\"30\" height=\"30\" xlink:href=\"file://" + red +
        "\"/>\n<image x=\"60\" y=\"0\" width=\"30\" height=\"30\" xlink:href=\"red.png\"/>\n"
        "<image x=\"0\" y=\"40\" width=\"30\" height=\"30\" xlink:href=\"fifo\"/>\n"
        "<image x=\"30\" y=\"40\" width=\"30\" height=\"30\" xlink:href=\"data:image/png;base64," +
        png(Qt::blue).toBase64() +
        "\"/>\n<g id=\"etcd\"><rect x=\"70\" y=\"70\" width=\"20\" height=\"20\" style=\"fill: #00ff00\"/></g>\n"
        "</svg>\n";
    write(dir.filePath(QStringLiteral("evil.svg")), svg);

    ComponentRegistry registry;
    registry.addPlane({QStringLiteral("cp"), QStringLiteral("CP")});
    registry.addComponent({QStringLiteral("etcd"), QStringLiteral("etcd"), QStringLiteral("cp"), QStringLiteral("r")});
    QElapsedTimer timer;
    timer.start();
    Diagnostics diagnostics;
    const auto diagram = DiagramLoader::loadFile(dir.filePath(QStringLiteral("evil.svg")), &registry, diagnostics);
    QVERIFY(diagram);
    QCOMPARE(diagnostics.size(), 6); // two stylesheets, four pictures
    DiagramScene scene;
    QCOMPARE(scene.load(*diagram, registry), std::nullopt);
    QVERIFY(scene.itemForRef(QStringLiteral("etcd")));
    QImage image(200, 200, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    scene.render(&painter, QRectF(image.rect()), scene.sceneRect());
    painter.end();
    QVERIFY(QDir::setCurrent(previous));
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(pixelsLike(image, Qt::red), 0);
    QVERIFY(pixelsLike(image, Qt::blue) > 1000); // the embedded picture, kept
    QVERIFY(pixelsLike(image, QColor(0, 255, 0)) > 1000);
}

void TestDiagramScene::componentItems_stayInTheirBoxes()
{
    // Qt SVG 6.4 puts this group's left edge 219 units (the text's width) left of the anchor.
    Diagnostics diagnostics;
    const auto centred =
        DiagramLoader::load("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 600 200\"><g id=\"box\">"
                            "<rect x=\"300\" y=\"20\" width=\"270\" height=\"100\"/><text x=\"435\" y=\"60\" "
                            "font-size=\"19\" text-anchor=\"middle\">one rule of pod-reader:</text></g>"
                            "<g id=\"turned\" transform=\"translate(10 0)\"><rect x=\"20\" y=\"20\" width=\"50\" "
                            "height=\"50\"/></g></svg>",
                            QStringLiteral("c.svg"), nullptr, diagnostics);
    QVERIFY(centred);
    QCOMPARE(centred->elements.at(0).box, QRectF(300, 20, 270, 100));
    QVERIFY(centred->elements.at(1).box.isNull()); // in other coordinates than its group's: none
    ComponentRegistry registry;
    Component box;
    box.id = QStringLiteral("box");
    box.name = QStringLiteral("Box");
    registry.addComponent(box);
    DiagramScene scene;
    QVERIFY(!scene.load(*centred, registry));
    QVERIFY(QRectF(298, 18, 274, 104).contains(scene.itemForRef(QStringLiteral("box"))->rect()));

    // Every bundled component, on every diagram (request-path's kube-apiserver reached x = -152).
    const ContentSet content = ContentSet::loadRoot(QStringLiteral(K8SFC_SOURCE_DIR));
    int checked = 0;
    for (const Diagram &d : content.diagrams()) {
        DiagramScene bundled;
        QVERIFY(!bundled.load(d, content.registry()));
        for (const DiagramElement &e : d.elements) {
            ComponentItem *item = e.box.isNull() ? nullptr : bundled.itemForRef(e.id);
            if (!item)
                continue;
            ++checked;
            QVERIFY2(e.box.adjusted(-2.5, -2.5, 2.5, 2.5).contains(item->rect()), qPrintable(d.id + u' ' + e.id));
        }
    }
    QVERIFY(checked > 40);
}

QTEST_MAIN(TestDiagramScene)
#include "tst_diagramscene.moc"
