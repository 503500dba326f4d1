// Content that points at local files, shown everywhere content is shown, while an LD_PRELOAD
// library (openlog.c) records every file the process opens: nothing outside the deck's folder
// may be opened. Card Markdown, raw HTML, a walkthrough's narration and an SVG diagram each name
// a picture in a folder beside the content (by absolute path, by ../, by file: URL and through a
// symlink in media/), and the process runs in that folder, so a relative path resolved against
// the working directory would be caught too.
#include "ankiexporter.h"
#include "cardbrowser.h"
#include "content.h"
#include "diagramscene.h"
#include "exporter.h"
#include "mainwindow.h"
#include "masterystore.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace k8sfc;

class TestNoLocalFiles : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void everyView_opensNothingOutsideTheDeck();

private:
    QStringList openedPaths() const;
    void write(const QString &relative, const QByteArray &bytes);
    QString m_root;    // the content folder
    QString m_outside; // a folder beside it, with the pictures content must not reach
    QTemporaryDir m_dir;
};

void TestNoLocalFiles::write(const QString &relative, const QByteArray &bytes)
{
    const QString path = m_root + u'/' + relative;
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

void TestNoLocalFiles::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(qEnvironmentVariableIsSet("K8SFC_OPEN_LOG"), "run through ctest: it preloads openlog");
    QVERIFY(m_dir.isValid());
    m_root = m_dir.filePath(QStringLiteral("content"));
    m_outside = m_dir.filePath(QStringLiteral("zq-outside"));
    QVERIFY(QDir().mkpath(m_outside));
    QImage red(40, 40, QImage::Format_RGB32);
    red.fill(Qt::red);
    QVERIFY(red.save(m_outside + QStringLiteral("/secret.png")));
    QVERIFY(::mkfifo(QFile::encodeName(m_outside + QStringLiteral("/fifo.png")).constData(), 0600) == 0);

    // The water-cycle example, with hostile references added to its diagram and walkthrough.
    const QString example = QStringLiteral(K8SFC_TEST_DATA "/example-water-cycle/");
    for (const char *name : {"diagrams/components.yaml", "decks/water.yaml"}) {
        QFile source(example + QLatin1String(name));
        QVERIFY(source.open(QIODevice::ReadOnly));
        write(QLatin1String(name), source.readAll());
    }
    const QByteArray secret = QFile::encodeName(m_outside + QStringLiteral("/secret.png"));
    const QByteArray images =
        "<image x='0' y='0' width='40' height='40' xlink:href='" + secret +
        "'/><image x='50' y='0' width='40' height='40' xlink:href='file://" + secret +
        "'/><image x='100' y='0' width='40' height='40' xlink:href='../../zq-outside/secret.png'/>"
        "<image x='150' y='0' width='40' height='40' xlink:href='secret.png'/>"
        "<image x='200' y='0' width='40' height='40' xlink:href='" +
        QFile::encodeName(m_outside) + "/fifo.png'/>";
    QFile svg(example + QStringLiteral("diagrams/water-cycle.svg"));
    QVERIFY(svg.open(QIODevice::ReadOnly));
    QByteArray drawing = svg.readAll();
    drawing.replace("<svg ", "<svg xmlns:xlink=\"http://www.w3.org/1999/xlink\" ");
    drawing.replace("</svg>", QByteArray(images + "</svg>"));
    write(QStringLiteral("diagrams/water-cycle.svg"), drawing);

    const QByteArray markdown = "'zqx ![ok](media/ok.png) ![abs](" + secret +
                                ") ![up](../../zq-outside/secret.png) "
                                "![link](media/link.png) ![url](file://" +
                                secret + ") <img src=\"" + secret + "\"> ![rel](secret.png)'";
    write(QStringLiteral("diagrams/walkthroughs/one-drop.yaml"),
          "title: One drop\ndiagram: water-cycle\nsteps:\n  - title: Up\n    narration: " + markdown +
              "\n    components: [sun, ocean]\n    arrows: [arrow.ocean--cloud]\n    question: " + markdown +
              "\n    answer: " + markdown + "\n");
    QByteArray deck = "title: Pictures\ncards:\n";
    for (const char *component : {"sun", "cloud", "ocean", "river"})
        deck += QByteArray("  - id: pictures-") + component + "\n    components: [" + component +
                "]\n    front: " + markdown + "\n    back: " + markdown +
                "\n    source: https://example.org/\n    answer: " + component +
                "\n    choices: [sun, cloud, ocean, river]\n";
    write(QStringLiteral("decks/pictures.yaml"), deck);
    QImage blue(40, 40, QImage::Format_RGB32);
    blue.fill(Qt::blue);
    QVERIFY(QDir().mkpath(m_root + QStringLiteral("/decks/media")));
    QVERIFY(blue.save(m_root + QStringLiteral("/decks/media/ok.png")));
    QVERIFY(QFile::link(m_outside + QStringLiteral("/secret.png"), m_root + QStringLiteral("/decks/media/link.png")));
    QVERIFY(QDir::setCurrent(m_outside));
}

QStringList TestNoLocalFiles::openedPaths() const
{
    QFile log(qEnvironmentVariable("K8SFC_OPEN_LOG"));
    if (!log.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(log.readAll()).split(u'\n', Qt::SkipEmptyParts);
}

void TestNoLocalFiles::everyView_opensNothingOutsideTheDeck()
{
    {
        // What set-up opened does not count. The library keeps appending to the file it opened.
        QFile log(qEnvironmentVariable("K8SFC_OPEN_LOG"));
        QVERIFY(log.open(QIODevice::WriteOnly | QIODevice::Truncate));
    }
    auto content = std::make_shared<const ContentSet>(ContentSet::loadRoot(m_root));
    QVERIFY(content->card(QStringLiteral("pictures-sun")));
    QTemporaryDir data;
    MasteryStore store;
    QCOMPARE(store.openDataDir(data.path()), std::nullopt);
    MainWindow window(content, store);
    window.resize(1280, 720);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // The card pane, front and back.
    window.openCard(QStringLiteral("pictures-sun"));
    QTest::keyClick(&window, Qt::Key_Space);
    QApplication::processEvents();
    // The browser's detail pane.
    window.showBrowser();
    QApplication::processEvents();
    for (QWidget *top : QApplication::topLevelWidgets())
        if (auto *browser = qobject_cast<CardBrowser *>(top))
            browser->selectCard(QStringLiteral("pictures-cloud"));
    QApplication::processEvents();
    // The quiz, whose questions come from these cards.
    window.startQuiz();
    QApplication::processEvents();
    window.leaveQuiz();
    // Presentation, with its question and answer, and the exports.
    window.present(QStringLiteral("one-drop"));
    QApplication::processEvents();
    for (QWidget *top : QApplication::topLevelWidgets())
        if (top != &window && top->isVisible() && top->inherits("k8sfc::PresentationWindow")) {
            QTest::keyClick(top, Qt::Key_A);
            QApplication::processEvents();
            top->close();
        }
    QTemporaryDir out;
    QCOMPARE(Exporter::exportHandout(*content, content->walkthroughs().constFirst(),
                                     out.filePath(QStringLiteral("handout.pdf"))),
             std::nullopt);
    QCOMPARE(Exporter::exportPng(window.diagramScene(), window.diagramScene()->diagramRect(), QSize(640, 400),
                                 out.filePath(QStringLiteral("diagram.png"))),
             std::nullopt);
    QVERIFY(!AnkiExporter::exportDecks(content->decks()).isEmpty());

    const QStringList opened = openedPaths();
    // The recording works, and a picture inside the deck's media/ folder is allowed.
    QVERIFY2(opened.contains(m_root + QStringLiteral("/decks/pictures.yaml")), qPrintable(opened.join(u'\n')));
    QVERIFY2(opened.contains(m_root + QStringLiteral("/decks/media/ok.png")), qPrintable(opened.join(u'\n')));
    const QString outside = QFileInfo(m_outside).canonicalFilePath();
    for (const QString &path : opened) {
        const QFileInfo info(path);
        const QString resolved = info.exists() ? info.canonicalFilePath() : QDir::cleanPath(path);
        QVERIFY2(!resolved.startsWith(outside + u'/') && !path.contains(QLatin1String("zq-outside")),
                 qPrintable(QStringLiteral("opened %1").arg(path)));
    }
}

QTEST_MAIN(TestNoLocalFiles)
#include "tst_nolocalfiles.moc"
