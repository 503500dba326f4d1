// Runs the real executable, as a user or a CI job would.
#include "content.h"
#include "contentlocator.h"
#include "deckcache.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

class TestValidateCommand : public QObject
{
    Q_OBJECT
private slots:
    void bundledContent_isClean();
    void brokenFixture_printsGccStyleLines();
    void usageError_exitsTwo();
    void versionAndHelp_needNoDisplay();
    void cacheDecks_writesOneEntryPerBundledDeck_andTheAppReadsThem();
    void pictures_outsideTheMediaFolder_areErrorsNamingTheCard();
    void learnersDeck_mayLeaveTheSourceOut();
    void externalReferencesInADiagram_areErrorsWithTheirPlace();

private:
    struct Result
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    static Result run(const QStringList &args, bool noDisplay = false)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (noDisplay) {
            env.remove(QStringLiteral("QT_QPA_PLATFORM"));
            env.remove(QStringLiteral("DISPLAY"));
            env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        }
        p.setProcessEnvironment(env);
        p.setWorkingDirectory(QStringLiteral(K8SFC_TEST_DATA));
        p.start(QStringLiteral(K8SFC_BINARY), args);
        if (!p.waitForFinished(60000))
            return {};
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    }
};

void TestValidateCommand::bundledContent_isClean()
{
    const Result r = run({QStringLiteral("validate")}, true);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains(QStringLiteral(" 0 errors")), qPrintable(r.out));
}

void TestValidateCommand::brokenFixture_printsGccStyleLines()
{
    const Result r = run({QStringLiteral("validate"), QStringLiteral("broken")}, true);
    QCOMPARE(r.exitCode, 1);
    const QStringList expected{
        QStringLiteral("broken/diagrams/mini.svg:5:47: error: arrow \"arrow.kube-apiserver--kubelet.node-a\" ends at "
                       "\"kubelet.node-a\", which is not drawn in this diagram"),
        QStringLiteral("broken/decks/broken.yaml:14:18: error: unknown component \"kube-schedular\" in card "
                       "\"unknown-component\" (not in components.yaml)"),
        QStringLiteral("broken/decks/broken.yaml:18:5: error: card \"no-back\" has no \"back\""),
        QStringLiteral("broken/decks/syntax.yaml:5:4: error: YAML syntax error: end of sequence not found"),
        QStringLiteral("broken/decks/broken.yaml:8:9: error: duplicate card id \"good-card\" (first used on line 3)"),
        QStringLiteral(
            "broken/diagrams/components.yaml:13:5: error: component \"kube-scheduler\" has no element in any "
            "diagram (expected an element with id \"kube-scheduler\" or \"kube-scheduler.COPY\")"),
        QStringLiteral("broken/diagrams/components.yaml:21:3: error: arrow \"arrow.etcd--kube-apiserver\" has no "
                       "element in any diagram (expected an element with id \"arrow.etcd--kube-apiserver\" or one "
                       "naming copies of its ends)"),
    };
    const QStringList lines = r.err.split(u'\n', Qt::SkipEmptyParts);
    for (const QString &line : expected)
        QVERIFY2(lines.contains(line), qPrintable(QStringLiteral("missing: %1\ngot:\n%2").arg(line, r.err)));
    QCOMPARE(lines.size(), expected.size());
}

void TestValidateCommand::usageError_exitsTwo()
{
    const Result r = run({QStringLiteral("validate"), QStringLiteral("--frobnicate")}, true);
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains(QStringLiteral("usage:")));
    QCOMPARE(run({QStringLiteral("validate"), QStringLiteral("no/such/file.yaml")}, true).exitCode, 1);
}

void TestValidateCommand::versionAndHelp_needNoDisplay()
{
    const Result version = run({QStringLiteral("--version")}, true);
    QCOMPARE(version.exitCode, 0);
    QVERIFY(version.out.startsWith(QStringLiteral("k8s-flashcards ")));
    const Result help = run({QStringLiteral("--help")}, true);
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains(QStringLiteral("validate [PATH...]")));
}

// Reliability review C2: validate passed a diagram that showed local files.
void TestValidateCommand::externalReferencesInADiagram_areErrorsWithTheirPlace()
{
    QTemporaryDir dir;
    QFile svg(dir.filePath(QStringLiteral("evil.svg")));
    QVERIFY(svg.open(QIODevice::WriteOnly));
    svg.write("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">\n"
              "<g id=\"etcd\"/>\n"
              "<image width=\"9\" height=\"9\" xlink:href=\"/etc/passwd\"/>\n"
              "<use xlink:href=\"http://127.0.0.1:8765/x.svg#a\"/>\n"
              "<style>@import url(/tmp/a.css);</style>\n</svg>\n");
    svg.close();
    const Result r = run({QStringLiteral("validate"), svg.fileName()}, true);
    QCOMPARE(r.exitCode, 1);
    const QString file = svg.fileName();
    const QStringList expected{
        file + QStringLiteral(":3:54: error: <image> loads \"/etc/passwd\" from outside the diagram; embed the "
                              "picture as a data: URI (base64 PNG, JPEG or GIF)"),
        file + QStringLiteral(":4:49: error: <use> refers to \"http://127.0.0.1:8765/x.svg#a\" outside this file; "
                              "only #id references within the file are allowed"),
        file + QStringLiteral(":5:39: error: <style> refers to \"@import\" outside this file; only url(#id) is "
                              "allowed, and no @import")};
    for (const QString &line : expected)
        QVERIFY2(r.err.contains(line), qPrintable(QStringLiteral("missing: %1\ngot:\n%2").arg(line, r.err)));
}

// The build ships parsed bundled decks; a first start then reads them instead of the YAML.
void TestValidateCommand::cacheDecks_writesOneEntryPerBundledDeck_andTheAppReadsThem()
{
    QTemporaryDir dir;
    const QString cache = dir.filePath(QStringLiteral("deck-cache"));
    QDir(cache).mkpath(QStringLiteral("."));
    QFile stale(QDir(cache).filePath(QStringLiteral("stale.deck")));
    QVERIFY(stale.open(QIODevice::WriteOnly)); // the folder is made afresh: old entries go
    stale.close();
    const Result r = run({QStringLiteral("cache-decks"), cache}, true);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const QString root = QStringLiteral(K8SFC_SOURCE_DIR);
    const int decks = int(QDir(root + QStringLiteral("/decks")).entryList({QStringLiteral("*.yaml")}).size());
    QVERIFY(decks > 10);
    QCOMPARE(QDir(cache).entryList({QStringLiteral("*.deck")}).size(), decks);

    // Loaded through those entries (and no user cache to fall back on), the content is the same
    // as parsed, down to each card's file and line.
    const k8sfc::ContentSet parsed = k8sfc::ContentSet::loadRoots({root});
    QTemporaryDir userCache;
    k8sfc::DeckCache deckCache(userCache.path(), cache);
    const k8sfc::ContentSet cached = k8sfc::ContentSet::loadRoots({root}, &deckCache);
    QCOMPARE(QDir(userCache.path()).entryList(QDir::Files).size(), 0); // every deck was a hit
    QCOMPARE(cached.cardCount(), parsed.cardCount());
    QCOMPARE(cached.decks().size(), parsed.decks().size());
    for (qsizetype d = 0; d < parsed.decks().size(); ++d)
        QVERIFY2(cached.decks().at(d) == parsed.decks().at(d), qPrintable(parsed.decks().at(d).file));
}

// A picture is a file in the media/ folder beside its deck; anything else is refused by name.
void TestValidateCommand::learnersDeck_mayLeaveTheSourceOut()
{
    // A deck written in the app: no source, and copied-from. Only bundled decks must cite one.
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("decks")));
    const QString deck = dir.filePath(QStringLiteral("decks/my-cards.yaml"));
    QFile file(deck);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("title: My cards\ncards:\n  - id: my-cards-etcd-port-1\n    components: [etcd]\n"
               "    front: Which port?\n    back: \"2379\"\n    copied-from: etcd-what\n");
    file.close();
    const Result r = run({QStringLiteral("validate"), deck}, true);
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
}

void TestValidateCommand::pictures_outsideTheMediaFolder_areErrorsNamingTheCard()
{
    QTemporaryDir dir;
    const QString secret = dir.filePath(QStringLiteral("secret.png"));
    // validate reads no picture: any bytes do.
    const auto writeFile = [](const QString &path) {
        QFile f(path);
        return f.open(QIODevice::WriteOnly) && f.write("picture") == 7;
    };
    QVERIFY(writeFile(secret));
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("decks/media")));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("decks/media/ok.png"))));
    QVERIFY(QFile::link(secret, dir.filePath(QStringLiteral("decks/media/link.png"))));
    QCOMPARE(::mkfifo(QFile::encodeName(dir.filePath(QStringLiteral("decks/media/fifo.png"))).constData(), 0600), 0);
    const QList<std::pair<QString, QString>> cards{
        {secret, QStringLiteral("is an absolute path")},
        {QStringLiteral("../secret.png"), QStringLiteral("is not in the media/ folder")},
        {QStringLiteral("media/../../secret.png"), QStringLiteral("leaves the media/ folder")},
        {QStringLiteral("http://example.org/a.png"), QStringLiteral("is a URL")},
        {QStringLiteral("file://") + secret, QStringLiteral("is a URL")},
        {QStringLiteral("media/link.png"), QStringLiteral("is a symbolic link out of the media/ folder")},
        {QStringLiteral("media/fifo.png"), QStringLiteral("is not a regular file")},
        {QStringLiteral("media/none.png"), QStringLiteral("does not exist")},
        {QStringLiteral("media/ok.png"), QString()},
    };
    QByteArray yaml = "title: Pictures\ncards:\n";
    for (qsizetype i = 0; i < cards.size(); ++i)
        yaml += "  - id: picture-" + QByteArray::number(i) + "\n    components: [etcd]\n    front: \"x ![alt](" +
                cards.at(i).first.toUtf8() + ")\"\n    back: b\n    source: https://example.org/\n";
    const QString deck = dir.filePath(QStringLiteral("decks/pictures.yaml"));
    QFile file(deck);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(yaml);
    file.close();

    const Result r = run({QStringLiteral("validate"), deck}, true);
    QCOMPARE(r.exitCode, 1);
    const QStringList lines = r.err.split(u'\n', Qt::SkipEmptyParts);
    for (qsizetype i = 0; i < cards.size() - 1; ++i) {
        const QString start = QStringLiteral("%1:%2:5: error: card \"picture-%3\": picture \"%4\" %5")
                                  .arg(deck)
                                  .arg(3 + 5 * i)
                                  .arg(i)
                                  .arg(cards.at(i).first, cards.at(i).second);
        QVERIFY2(std::any_of(lines.cbegin(), lines.cend(), [&](const QString &l) { return l.startsWith(start); }),
                 qPrintable(start + QStringLiteral("\ngot:\n") + r.err));
    }
    QCOMPARE(lines.size(), cards.size() - 1); // media/ok.png is fine
}

QTEST_GUILESS_MAIN(TestValidateCommand)
#include "tst_validatecommand.moc"
