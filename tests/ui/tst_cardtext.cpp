// Card text with raw HTML, hostile links and pictures that point outside the deck's media/
// folder (and at a FIFO), shown in the card pane, the browser and the quiz through the window.
#include "cardbrowser.h"
#include "cardtext.h"
#include "cardtextview.h"
#include "content.h"
#include "mainwindow.h"
#include "masterystore.h"
#include "quizpane.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QUrl>

#include <sys/stat.h>
#include <unistd.h>

using namespace k8sfc;

class TestCardText : public QObject
{
    Q_OBJECT
public:
    Q_INVOKABLE void opened(const QUrl &url) { m_opened.append(url); }

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cardPane_showsHtmlAsText_andOnlyTheMediaPicture();
    void browser_showsHtmlAsText_andOnlyTheMediaPicture();
    void quiz_showsHtmlAsText_andOnlyTheMediaPicture();
    void click_opensOnlyWebLinks();
    void labels_showHtmlAsText_andNoPicture();

private:
    void checkDocument(QTextDocument *document);
    QTemporaryDir m_dir;
    QString m_secret;
    MasteryStore *m_store = nullptr;
    MainWindow *m_window = nullptr;
    QList<QUrl> m_opened;
};

namespace {

void copy(const QString &from, const QString &to)
{
    QDir().mkpath(QFileInfo(to).path());
    QVERIFY(QFile::copy(from, to));
}

} // namespace

void TestCardText::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    const QString example = QStringLiteral(K8SFC_TEST_DATA "/example-water-cycle/diagrams/");
    for (const char *name : {"components.yaml", "water-cycle.svg"})
        copy(example + QLatin1String(name), m_dir.filePath(QStringLiteral("content/diagrams/")) + QLatin1String(name));
    QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("outside"))));
    QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("content/decks/media"))));
    m_secret = m_dir.filePath(QStringLiteral("outside/secret.png"));
    QImage red(40, 40, QImage::Format_RGB32);
    red.fill(Qt::red);
    QVERIFY(red.save(m_secret));
    QImage green(7, 5, QImage::Format_RGB32);
    green.fill(Qt::green);
    QVERIFY(green.save(m_dir.filePath(QStringLiteral("content/decks/media/pic.png"))));
    const QString media = m_dir.filePath(QStringLiteral("content/decks/media/"));
    QCOMPARE(::mkfifo(QFile::encodeName(media + QStringLiteral("fifo")).constData(), 0600), 0);
    QVERIFY(QFile::link(m_secret, media + QStringLiteral("link.png")));

    const QByteArray secret = QFile::encodeName(m_secret);
    QFile deck(m_dir.filePath(QStringLiteral("content/decks/pictures.yaml")));
    QVERIFY(deck.open(QIODevice::WriteOnly));
    QCOMPARE(::mkfifo(QFile::encodeName(m_dir.filePath(QStringLiteral("outside/fifo"))).constData(), 0600), 0);
    const QByteArray outside = QFile::encodeName(m_dir.filePath(QStringLiteral("outside")));
    deck.write("title: Pictures\ncards:\n  - id: pictures-hostile\n    components: [sun]\n    front: |\n"
               "      zqx ![img](" +
               secret + ") ![ok](media/pic.png) ![fifo](media/fifo) ![abs-fifo](" + outside +
               "/fifo) ![up](../outside/secret.png)\n"
               "      ![link](media/link.png) ![url](file://" +
               secret +
               ") [jslink](javascript:alert(1)) [file](file:///etc/passwd) [web](https://example.org/)\n\n"
               "      <b>bold</b> <img src=\"" +
               secret +
               "\"> <script>x</script> <a href=\"javascript:alert(1)\">js</a>\n"
               "    back: The **sun**.\n    source: https://example.org/\n    answer: Sun\n");
    deck.close();
    // Qt resolves a relative picture against the working folder: make media/ reachable so.
    QVERIFY(QDir::setCurrent(m_dir.filePath(QStringLiteral("content/decks"))));
}

void TestCardText::init()
{
    // Showing the FIFO must never wait for a writer: were it opened, this ends the test.
    ::alarm(60);
    m_store = new MasteryStore;
    QCOMPARE(m_store->openDataDir(m_dir.filePath(QStringLiteral("data"))), std::nullopt);
    auto content = std::make_shared<const ContentSet>(ContentSet::loadRoot(m_dir.filePath(QStringLiteral("content"))));
    QVERIFY(content->card(QStringLiteral("pictures-hostile")));
    m_window = new MainWindow(content, *m_store);
    m_window->resize(1280, 720);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window));
}

void TestCardText::cleanup()
{
    delete m_window;
    delete m_store;
    ::alarm(0);
}

/// The document shows the HTML as text, holds one picture (the media one, read by the app), and
/// links only to the web.
void TestCardText::checkDocument(QTextDocument *document)
{
    const QString text = document->toPlainText();
    for (const QString &literal :
         {QStringLiteral("<b>bold</b>"), QStringLiteral("<script>x</script>"),
          QStringLiteral("<a href=\"javascript:alert(1)\">js</a>"), QStringLiteral("<img src=\"%1\">").arg(m_secret)})
        QVERIFY2(text.contains(literal), qPrintable(literal + QStringLiteral(" not in: ") + text));
    for (const char *alt : {"img", "abs-fifo", "up", "link", "url"})
        QVERIFY2(text.contains(QLatin1String(alt)), alt);
    QStringList pictures, links;
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next())
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat format = it.fragment().charFormat();
            if (format.isImageFormat())
                pictures.append(format.toImageFormat().name());
            if (format.isAnchor())
                links.append(format.anchorHref());
        }
    QCOMPARE(pictures.size(), 1);
    const QVariant picture = document->resource(QTextDocument::ImageResource, QUrl(pictures.first()));
    QCOMPARE(picture.value<QImage>().size(), QSize(7, 5));
    links.removeDuplicates(); // the browser links the card's source too
    QCOMPARE(links, QStringList{QStringLiteral("https://example.org/")});
    QVERIFY(document->resource(QTextDocument::ImageResource, QUrl::fromLocalFile(m_secret)).isNull());
}

void TestCardText::cardPane_showsHtmlAsText_andOnlyTheMediaPicture()
{
    m_window->openCard(QStringLiteral("pictures-hostile"));
    QTest::keyClick(m_window, Qt::Key_Space);
    auto *view = m_window->findChild<CardTextView *>(QStringLiteral("cardText"));
    QVERIFY(view && view->isVisible());
    // Laying out and painting is where Qt would read a picture itself; the media one is drawn.
    const QImage shot = view->grab().toImage().convertToFormat(QImage::Format_RGB32);
    bool green = false;
    for (int y = 0; y < shot.height() && !green; ++y)
        for (int x = 0; x < shot.width() && !green; ++x)
            green = shot.pixel(x, y) == qRgb(0, 255, 0);
    QVERIFY(green);
    QVERIFY(view->document()->toPlainText().contains(QStringLiteral("The sun.")));
    checkDocument(view->document());
}

void TestCardText::browser_showsHtmlAsText_andOnlyTheMediaPicture()
{
    m_window->showBrowser();
    CardBrowser *browser = nullptr;
    for (QWidget *top : QApplication::topLevelWidgets())
        if (auto *b = qobject_cast<CardBrowser *>(top))
            browser = b;
    QVERIFY(browser);
    browser->selectCard(QStringLiteral("pictures-hostile"));
    auto *view = browser->findChild<CardTextView *>(QStringLiteral("cardDetail"));
    QVERIFY(view);
    view->grab();
    QVERIFY(view->document()->toPlainText().contains(QStringLiteral("History")));
    checkDocument(view->document());
    browser->close();
}

void TestCardText::quiz_showsHtmlAsText_andOnlyTheMediaPicture()
{
    QTest::keyClick(m_window, Qt::Key_Q);
    QuizPane *pane = m_window->quizPane();
    QVERIFY(pane->isVisible());
    for (QCheckBox *box : pane->findChildren<QCheckBox *>())
        box->setChecked(box->text().startsWith(QStringLiteral("Typed")));
    pane->scopeBox()->setCurrentIndex(pane->scopeBox()->findData(QStringLiteral("deck:pictures")));
    pane->lengthBox()->setValue(1);
    QTest::mouseClick(pane->startButton(), Qt::LeftButton);
    auto *view = pane->findChild<CardTextView *>(QStringLiteral("quizPrompt"));
    QVERIFY(view && view->isVisible());
    view->grab();
    checkDocument(view->document());
}

void TestCardText::click_opensOnlyWebLinks()
{
    for (const char *scheme : {"https", "http", "javascript", "file", "data"})
        QDesktopServices::setUrlHandler(QLatin1String(scheme), this, "opened");
    m_window->openCard(QStringLiteral("pictures-hostile"));
    auto *view = m_window->findChild<CardTextView *>(QStringLiteral("cardText"));
    QVERIFY(view);
    QVERIFY(!view->openLinks());
    for (const char *url : {"javascript:alert(1)", "file:///etc/passwd", "media/pic.png", "data:text/html,x",
                            "https://example.org/", "http://example.org/a"})
        emit view->anchorClicked(QUrl(QLatin1String(url)));
    QCOMPARE(m_opened,
             (QList<QUrl>{QUrl(QStringLiteral("https://example.org/")), QUrl(QStringLiteral("http://example.org/a"))}));
    QVERIFY(view->document()->toPlainText().contains(QStringLiteral("zqx"))); // it did not navigate
    for (const char *scheme : {"https", "http", "javascript", "file", "data"})
        QDesktopServices::unsetUrlHandler(QLatin1String(scheme));
}

// The presentation and the presenter view show walkthrough text in labels, which would read a
// picture's file themselves: their HTML has none.
void TestCardText::labels_showHtmlAsText_andNoPicture()
{
    const QString html = CardText::labelHtml(
        QStringLiteral("**Step** <b>x</b> ![alt](%1) ![ok](media/pic.png) [js](javascript:x)").arg(m_secret),
        QApplication::font(), QApplication::palette());
    QVERIFY2(html.contains(QStringLiteral("&lt;b&gt;x&lt;/b&gt;")), qPrintable(html));
    QVERIFY2(!html.contains(QStringLiteral("<img")) && !html.contains(QStringLiteral("javascript")), qPrintable(html));
    QVERIFY2(html.contains(QStringLiteral("alt")) && html.contains(QStringLiteral("font-weight:700")),
             qPrintable(html));
}

QTEST_MAIN(TestCardText)
#include "tst_cardtext.moc"
