#include "ankiexporter.h"
#include "content.h"
#include "markdownhtml.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace k8sfc;

class TestAnkiExport : public QObject
{
    Q_OBJECT
private slots:
    void markdown_becomesSafeHtml_data();
    void markdown_becomesSafeHtml();
    void file_startsWithAnkisHeaderLines();
    void note_hasGuidFrontBackTagsDeck();
    void bundledDecks_oneWellFormedLinePerCard();
    void pictures_goByFileNameWithTheirFiles();
};

void TestAnkiExport::markdown_becomesSafeHtml_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QString>("html");
    QTest::newRow("paragraphs") << QStringLiteral("One\nline.\n\nTwo.")
                                << QStringLiteral("<p>One line.</p><p>Two.</p>");
    QTest::newRow("bold, italic, code") << QStringLiteral("A **bold** *word* and `x*y*z`")
                                        << QStringLiteral(
                                               "<p>A <strong>bold</strong> <em>word</em> and <code>x*y*z</code></p>");
    QTest::newRow("bold code") << QStringLiteral("Named **`kube-dns`**.")
                               << QStringLiteral("<p>Named <strong><code>kube-dns</code></strong>.</p>");
    QTest::newRow("html is text") << QStringLiteral("<b>&amp;</b> \"q\" <script>alert(1)</script>")
                                  << QStringLiteral("<p>&lt;b&gt;&amp;&lt;/b&gt; &quot;q&quot; "
                                                    "&lt;script&gt;alert(1)&lt;/script&gt;</p>");
    QTest::newRow("html block is text")
        << QStringLiteral("<div onclick=\"steal()\">\n<img src=x onerror=alert(1)>\n</div>")
        << QStringLiteral("<p>&lt;div onclick=&quot;steal()&quot;&gt; &lt;img src=x onerror=alert(1)&gt; "
                          "&lt;/div&gt;</p>");
    QTest::newRow("html in code") << QStringLiteral("`<i>`") << QStringLiteral("<p><code>&lt;i&gt;</code></p>");
    QTest::newRow("fenced code") << QStringLiteral("Run:\n```yaml\nkind: Pod\n  spec: <x>\n```\nDone.")
                                 << QStringLiteral("<p>Run:</p><pre><code class='language-yaml'>kind: Pod<br>  spec: "
                                                   "&lt;x&gt;</code></pre><p>Done.</p>");
    QTest::newRow("bullets after a paragraph")
        << QStringLiteral("Intro.\n- one\n- two\n  continued\n\nAfter.")
        << QStringLiteral("<p>Intro.</p><ul><li>one</li><li>two continued</li></ul><p>After.</p>");
    QTest::newRow("nested list") << QStringLiteral("- a\n  - b\n  - c\n- d")
                                 << QStringLiteral("<ul><li>a<ul><li>b</li><li>c</li></ul></li><li>d</li></ul>");
    QTest::newRow("fence after a list") << QStringLiteral("- item\n```\ncode\n```")
                                        << QStringLiteral("<ul><li>item</li></ul><pre><code>code</code></pre>");
    QTest::newRow("fence inside an item")
        << QStringLiteral("- item\n  ```\n  code\n  ```\n- next")
        << QStringLiteral("<ul><li>item<pre><code>code</code></pre></li><li>next</li></ul>");
    QTest::newRow("numbered") << QStringLiteral("1. **First**\n2. Second")
                              << QStringLiteral("<ol><li><strong>First</strong></li><li>Second</li></ol>");
    QTest::newRow("numbered from 3") << QStringLiteral("3. c") << QStringLiteral("<ol start='3'><li>c</li></ol>");
    QTest::newRow("unclosed markers stay")
        << QStringLiteral("2 * 3 and ` tick and **open") << QStringLiteral("<p>2 * 3 and ` tick and **open</p>");
    QTest::newRow("heading") << QStringLiteral("## Title\ntext") << QStringLiteral("<h2>Title</h2><p>text</p>");
    QTest::newRow("table") << QStringLiteral("| Port | Who |\n|---:|---|\n| 6443 | `kube-apiserver` |")
                           << QStringLiteral("<table><thead><tr><th align='right'>Port</th><th>Who</th></tr></thead>"
                                             "<tbody><tr><td align='right'>6443</td><td><code>kube-apiserver</code>"
                                             "</td></tr></tbody></table>");
    QTest::newRow("https link") << QStringLiteral(
                                       "See [the docs](https://kubernetes.io/a?b=1&c='d' \"It's \\\"x\\\"\").")
                                << QStringLiteral("<p>See <a href='https://kubernetes.io/a?b=1&amp;c=%27d%27' "
                                                  "title='It&#39;s &quot;x&quot;'>the docs</a>.</p>");
    QTest::newRow("autolink") << QStringLiteral("<https://kubernetes.io>")
                              << QStringLiteral("<p><a href='https://kubernetes.io'>https://kubernetes.io</a></p>");
    QTest::newRow("other schemes keep their text")
        << QStringLiteral("[a](javascript:alert(1)) [b](JAVASCRIPT:x) [c](http://x) [d](file:///etc/passwd) "
                          "[e](/relative) [f](&#106;avascript:x) <http://plain>")
        << QStringLiteral("<p>a b c d e f http://plain</p>");
    QTest::newRow("images") << QStringLiteral(
                                   "![kept](https://x/i.png) ![dropped](javascript:x) ![too](http://x/i.png)")
                            << QStringLiteral("<p>kept dropped too</p>");
    QTest::newRow("tabs and line breaks")
        << QStringLiteral("a\tb  \nc\r\nd [t](https://x \"two\nlines\")")
        << QStringLiteral("<p>a&#9;b<br>c d <a href='https://x' title='two&#10;lines'>t</a></p>");
}

void TestAnkiExport::markdown_becomesSafeHtml()
{
    QFETCH(QString, markdown);
    QFETCH(QString, html);
    const QString out = MarkdownHtml::toHtml(markdown);
    QCOMPARE(out, html);
    QVERIFY(!out.contains(u'\n') && !out.contains(u'\r') && !out.contains(u'\t') && !out.contains(u'"'));
}

void TestAnkiExport::file_startsWithAnkisHeaderLines()
{
    const QStringList lines = AnkiExporter::exportDecks({}).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(
        lines,
        (QStringList{QStringLiteral("#separator:tab"), QStringLiteral("#html:true"), QStringLiteral("#notetype:Basic"),
                     QStringLiteral("#columns:GUID\tFront\tBack\tTags\tDeck"), QStringLiteral("#guid column:1"),
                     QStringLiteral("#tags column:4"), QStringLiteral("#deck column:5")}));
}

void TestAnkiExport::note_hasGuidFrontBackTagsDeck()
{
    Card card;
    card.id = QStringLiteral("rbac-roleref");
    card.components = {QStringLiteral("authorization"), QStringLiteral("kube-apiserver")};
    card.tags = {QStringLiteral("rbac"), QStringLiteral("role binding")};
    card.front = QStringLiteral("Can\troleRef change?\nReally?");
    card.back = QStringLiteral("No: **immutable**.");
    card.source = QStringLiteral("https://kubernetes.io/docs/'x'");
    Deck deck{QStringLiteral("rbac"), QStringLiteral("RBAC"), {}, {}, {card}};
    const QStringList lines = AnkiExporter::exportDecks({deck}).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 8);
    const QStringList fields = lines.last().split(u'\t');
    QCOMPARE(fields.size(), 5);
    QCOMPARE(fields[0], QStringLiteral("k8s-flashcards:rbac-roleref"));
    QCOMPARE(fields[1], QStringLiteral("<p>Can&#9;roleRef change? Really?</p>"));
    QCOMPARE(fields[2], QStringLiteral("<p>No: <strong>immutable</strong>.</p><p><small>Source: <a "
                                       "href='https://kubernetes.io/docs/&#39;x&#39;'>https://kubernetes.io/docs/"
                                       "&#39;x&#39;</a></small></p>"));
    QCOMPARE(fields[3], QStringLiteral("rbac role_binding k8s-flashcards::authorization "
                                       "k8s-flashcards::kube-apiserver"));
    QCOMPARE(fields[4], QStringLiteral("K8s Flashcards::RBAC"));
}

void TestAnkiExport::bundledDecks_oneWellFormedLinePerCard()
{
    const ContentSet content = ContentSet::loadRoot(QStringLiteral(K8SFC_SOURCE_DIR));
    QVERIFY(content.cardCount() > 0);
    const QString text = AnkiExporter::exportDecks(content.decks());
    QVERIFY(!text.contains(u'"')); // no field can be taken for a quoted one
    QStringList lines = text.split(u'\n', Qt::SkipEmptyParts);
    while (!lines.isEmpty() && lines.first().startsWith(u'#'))
        lines.removeFirst();
    QCOMPARE(lines.size(), content.cardCount());
    QSet<QString> guids;
    for (const QString &line : std::as_const(lines)) {
        const QStringList fields = line.split(u'\t');
        QCOMPARE(fields.size(), 5);
        QVERIFY(!fields[1].isEmpty() && !fields[2].isEmpty());
        QVERIFY2(!fields[2].contains(QLatin1String("```")), qPrintable(fields[2]));
        QVERIFY(fields[3].contains(QLatin1String("k8s-flashcards::")));
        guids.insert(fields[0]);
    }
    QCOMPARE(guids.size(), lines.size());
}

void TestAnkiExport::pictures_goByFileNameWithTheirFiles()
{
    QTemporaryDir dir;
    QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("decks/media"))));
    QFile picture(dir.filePath(QStringLiteral("decks/media/0123abcd.png")));
    QVERIFY(picture.open(QIODevice::WriteOnly));
    picture.write("\x89PNG\r\n\x1a\n");
    picture.close();
    Card card;
    card.id = QStringLiteral("my-cards-pod-1");
    card.file = dir.filePath(QStringLiteral("decks/my-cards.yaml"));
    card.front = QStringLiteral("Which? ![a pod](media/0123abcd.png)");
    card.back = QStringLiteral("![gone](media/missing.png) and ![out](../secret.png)");
    const Deck deck{QStringLiteral("my-cards"), QStringLiteral("My cards"), {}, card.file, {card}};
    const auto exported = AnkiExporter::exportWithPictures({deck});
    QVERIFY2(exported.text.contains(QStringLiteral("<p>Which? <img src='0123abcd.png'></p>")),
             qPrintable(exported.text));
    QVERIFY(exported.text.contains(QStringLiteral("<p>gone and out</p>")));
    QCOMPARE(exported.pictures.size(), 1);
    QCOMPARE(QFileInfo(exported.pictures.value(QStringLiteral("0123abcd.png"))).canonicalFilePath(),
             QFileInfo(picture.fileName()).canonicalFilePath());
    // Without pictures asked for, alt text as before.
    QVERIFY(AnkiExporter::exportDecks({deck}).contains(QStringLiteral("<p>Which? a pod</p>")));
}

QTEST_GUILESS_MAIN(TestAnkiExport)
#include "tst_ankiexport.moc"
