#include "componentregistry.h"
#include "content.h"
#include "csvformat.h"
#include "deckcsv.h"
#include "deckloader.h"
#include "deckwriter.h"
#include "registryloader.h"

#include <QTemporaryDir>
#include <QTest>

using namespace k8sfc;

class TestDeckCsv : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void placeNewDeck_avoidsLoadedIdsAndFilesInTheFolder();
    void csvField_roundTripsExactly_data();
    void csvField_roundTripsExactly();
    void exportThenImport_reproducesEveryCard_data();
    void exportThenImport_reproducesEveryCard();
    void bundledDecks_exportThenImport_reproducesEveryCard();
    void missingIds_areGeneratedStably();
    void malformedRows_areReportedWithLinesAndSkipped();
    void tsvWithQuestionAnswerHeader_usesDefaults();
    void quizKeys_areCheckedLikeTheDeckLoaderChecksThem();
    void header_guessesColumns();
    void lists_escapeTheSeparator();

private:
    ComponentRegistry m_registry;
};

namespace {

void addTrickyRows()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("plain") << QStringLiteral("What is etcd?");
    QTest::newRow("tab") << QStringLiteral("a\tb");
    QTest::newRow("newlines") << QStringLiteral("line one\nline two\n\nline four");
    QTest::newRow("crlf") << QStringLiteral("one\r\ntwo");
    QTest::newRow("quotes") << QStringLiteral("say \"hi\" and 'bye'");
    QTest::newRow("commas and semicolons") << QStringLiteral("a, b; c");
    QTest::newRow("html") << QStringLiteral("<b>&amp;</b>");
    QTest::newRow("backslashes") << QStringLiteral("C:\\path\\n \\\\ \\");
    QTest::newRow("pipes") << QStringLiteral("kubectl get pods | grep x");
    QTest::newRow("non-ascii") << QStringLiteral("Ünïcødé 日本語 😀");
    QTest::newRow("leading and trailing spaces") << QStringLiteral("  padded  ");
    QTest::newRow("indented inner lines") << QStringLiteral("first\n  indented  \nlast");
    QTest::newRow("yaml dash") << QStringLiteral("- not a list");
    QTest::newRow("yaml colon") << QStringLiteral(": not a key");
    QTest::newRow("yaml key") << QStringLiteral("key: value");
    QTest::newRow("yaml comment") << QStringLiteral("# not a comment");
    QTest::newRow("yaml alias") << QStringLiteral("*alias");
    QTest::newRow("yaml anchor") << QStringLiteral("&anchor");
    QTest::newRow("yaml tag") << QStringLiteral("!tag");
    QTest::newRow("yaml block") << QStringLiteral("| block");
    QTest::newRow("yaml flow") << QStringLiteral("[a, b] {c}");
    QTest::newRow("yaml null word") << QStringLiteral("null");
    QTest::newRow("yaml bool word") << QStringLiteral("yes");
    QTest::newRow("number") << QStringLiteral("10250");
    QTest::newRow("ends with colon") << QStringLiteral("Note:");
    QTest::newRow("markdown fence") << QStringLiteral("Run:\n```yaml\nkind: Pod\n```");
    QTest::newRow("control character") << QStringLiteral("bell\x07here");
}

} // namespace

void TestDeckCsv::initTestCase()
{
    Diagnostics diagnostics;
    m_registry = RegistryLoader::loadFile(QStringLiteral(K8SFC_SOURCE_DIR "/diagrams/components.yaml"), diagnostics);
    QVERIFY(diagnostics.isEmpty());
}

void TestDeckCsv::csvField_roundTripsExactly_data()
{
    addTrickyRows();
}

void TestDeckCsv::csvField_roundTripsExactly()
{
    QFETCH(QString, text);
    for (const QChar delimiter : {u',', u'\t', u';'}) {
        const QByteArray csv = (CsvFormat::record({text, QStringLiteral("x"), text}, delimiter) +
                                CsvFormat::record({QStringLiteral("y"), text, QString()}, delimiter))
                                   .toUtf8();
        Diagnostics problems;
        const QList<CsvRecord> records = CsvFormat::parse(csv, delimiter, QStringLiteral("t.csv"), problems);
        QVERIFY(problems.isEmpty());
        QCOMPARE(records.size(), 2);
        QCOMPARE(records[0].fields, (QStringList{text, QStringLiteral("x"), text}));
        QCOMPARE(records[1].fields, (QStringList{QStringLiteral("y"), text, QString()}));
        QCOMPARE(records[1].line, 2 + 2 * int(text.count(u'\n'))); // a quoted line break still counts
    }
}

void TestDeckCsv::exportThenImport_reproducesEveryCard_data()
{
    addTrickyRows();
}

void TestDeckCsv::exportThenImport_reproducesEveryCard()
{
    QFETCH(QString, text);
    Card card;
    card.id = QStringLiteral("tricky-card");
    card.components = {QStringLiteral("etcd"), QStringLiteral("kube-apiserver")};
    card.tags = {text, QStringLiteral("plain-tag")};
    card.front = text;
    card.back = QStringLiteral("Back: ") + text;
    card.source = QStringLiteral("https://example.com/?q=") + text;
    card.answer = text;
    card.aliases = {text + QStringLiteral(" alias"), QStringLiteral("other")};
    card.choices = {text, QStringLiteral("Another option")};
    card.answerKind = QStringLiteral("resource");
    card.twoPart = true;
    Card plain = card; // a second card, so that rows follow a tricky one
    plain.id = QStringLiteral("plain-card");
    plain.front = plain.back = plain.answer = QStringLiteral("Plain");
    plain.choices = {QStringLiteral("Plain"), QStringLiteral("Other")};
    plain.answerKind.clear();
    plain.twoPart = false;

    for (const QChar delimiter : {u',', u'\t'}) {
        const QByteArray csv = DeckCsv::exportCards({card, plain}, delimiter);
        QCOMPARE(CsvFormat::detectDelimiter(csv), delimiter);
        CsvImportOptions options;
        options.delimiter = delimiter;
        options.columns = CsvColumns::guess(DeckCsv::header());
        options.deckId = QStringLiteral("round-trip");
        options.title = QStringLiteral("Round trip");
        const CsvImportResult result = DeckCsv::importCards(csv, QStringLiteral("t.csv"), options, &m_registry);
        QVERIFY2(result.skipped.isEmpty(), qPrintable(result.skipped.value(0).toString()));

        // The deck the app will load, not only the cards the importer made.
        Diagnostics diagnostics;
        const auto deck = DeckLoader::load(result.yaml, QStringLiteral("round-trip.yaml"), &m_registry, diagnostics);
        QVERIFY2(diagnostics.isEmpty(),
                 qPrintable(diagnostics.value(0).toString() + u'\n' + QString::fromUtf8(result.yaml)));
        QVERIFY(deck);
        QCOMPARE(deck->cards.size(), 2);
        const Card &back = deck->cards.first();
        // DeckLoader trims every value, so the card as the app knows it is the trimmed one.
        QCOMPARE(back.id, card.id);
        QCOMPARE(back.front, card.front.trimmed());
        QCOMPARE(back.back, card.back.trimmed());
        QCOMPARE(back.source, card.source.trimmed());
        QCOMPARE(back.answer, card.answer.trimmed());
        QCOMPARE(back.components, card.components);
        QCOMPARE(back.tags, (QStringList{text.trimmed(), QStringLiteral("plain-tag")}));
        QCOMPARE(back.aliases,
                 (QStringList{QString(text + QStringLiteral(" alias")).trimmed(), QStringLiteral("other")}));
        QCOMPARE(back.choices, (QStringList{text.trimmed(), QStringLiteral("Another option")}));
        QCOMPARE(back.answerKind, QStringLiteral("resource"));
        QVERIFY(back.twoPart);
        QCOMPARE(deck->cards.last().front, QStringLiteral("Plain"));
        QCOMPARE(deck->cards.last().answerKind, QString());
        QVERIFY(!deck->cards.last().twoPart);
    }
}

void TestDeckCsv::bundledDecks_exportThenImport_reproducesEveryCard()
{
    const ContentSet content = ContentSet::loadRoot(QStringLiteral(K8SFC_SOURCE_DIR));
    QVERIFY(!content.decks().isEmpty());
    for (const Deck &deck : content.decks()) {
        CsvImportOptions options;
        options.columns = CsvColumns::guess(DeckCsv::header());
        options.deckId = deck.id;
        options.title = deck.title;
        const CsvImportResult result = DeckCsv::importCards(
            DeckCsv::exportCards(deck.cards), deck.id + QStringLiteral(".csv"), options, &content.registry());
        QVERIFY2(result.skipped.isEmpty(), qPrintable(result.skipped.value(0).toString()));
        Diagnostics diagnostics;
        const auto again =
            DeckLoader::load(result.yaml, deck.id + QStringLiteral(".yaml"), &content.registry(), diagnostics);
        QVERIFY(diagnostics.isEmpty() && again);
        QCOMPARE(again->cards.size(), deck.cards.size());
        for (qsizetype i = 0; i < deck.cards.size(); ++i) {
            const Card &a = deck.cards[i], &b = again->cards[i];
            QCOMPARE(b.id, a.id);
            QCOMPARE(b.components, a.components);
            QCOMPARE(b.tags, a.tags);
            QCOMPARE(b.front, a.front);
            QCOMPARE(b.back, a.back);
            QCOMPARE(b.source, a.source);
            QCOMPARE(b.answer, a.answer);
            QCOMPARE(b.aliases, a.aliases);
            QCOMPARE(b.choices, a.choices);
            QCOMPARE(b.answerKind, a.answerKind);
            QCOMPARE(b.twoPart, a.twoPart);
        }
    }
}

void TestDeckCsv::missingIds_areGeneratedStably()
{
    const QByteArray csv = "front,back,components,source\n"
                           "What does etcd store?,Cluster state,etcd,https://etcd.io/\n"
                           "Ünïcødé für alle?,Ja,etcd,https://etcd.io/\n"
                           "日本語,Japanese,etcd,https://etcd.io/\n";
    CsvImportOptions options;
    options.columns = CsvColumns::guess(QStringList{QStringLiteral("front"), QStringLiteral("back"),
                                                    QStringLiteral("components"), QStringLiteral("source")});
    const CsvImportResult first = DeckCsv::importCards(csv, QStringLiteral("My Cards.csv"), options, &m_registry);
    QVERIFY2(first.skipped.isEmpty(), qPrintable(first.skipped.value(0).toString()));
    QCOMPARE(first.deck.id, QStringLiteral("my-cards"));
    QCOMPARE(first.deck.cards.size(), 3);
    const Card &etcd = first.deck.cards[0];
    QVERIFY2(etcd.id.startsWith(QLatin1String("what-does-etcd-store-")), qPrintable(etcd.id));
    QCOMPARE(etcd.id.size(), QStringLiteral("what-does-etcd-store-").size() + 8);
    QVERIFY2(first.deck.cards[1].id.startsWith(QLatin1String("unicde-fur-alle-")), qPrintable(first.deck.cards[1].id));
    QVERIFY2(first.deck.cards[2].id.startsWith(QLatin1String("card-")), qPrintable(first.deck.cards[2].id));
    const CsvImportResult second = DeckCsv::importCards(csv, QStringLiteral("My Cards.csv"), options, &m_registry);
    QCOMPARE(second.yaml, first.yaml);
    QCOMPARE(DeckCsv::generatedId(QStringLiteral("  What does etcd store?  ")), etcd.id);
}

void TestDeckCsv::malformedRows_areReportedWithLinesAndSkipped()
{
    const QByteArray csv = "id,front,back,components,source\n"                                // 1
                           "good-one,Front,Back,etcd,https://e.io/\n"                         // 2
                           "bad-quote,\"Front\"x,Back,etcd,https://e.io/\n"                   // 3
                           "no-back,Front,,etcd,https://e.io/\n"                              // 4
                           "bad-component,Front,Back,no-such-thing,https://e.io/\n"           // 5
                           "http,Front,Back,etcd,http://etcd.io/\n"                           // 6
                           "Bad Id,Front,Back,etcd,https://e.io/\n"                           // 7
                           "good-one,Again,Back,etcd,https://e.io/\n"                         // 8
                           "too-wide,Front,Back,etcd,https://e.io/,extra\n"                   // 9
                           "\"multi-line\",\"Front\non two lines\",Back,etcd,https://e.io/\n" // 10-11
                           "good-two,Front,Back,etcd,https://e.io/\n"                         // 12
                           "unclosed,\"Front,Back,etcd,https://e.io/\n";                      // 13
    CsvImportOptions options;
    options.columns = CsvColumns::guess({QStringLiteral("id"), QStringLiteral("front"), QStringLiteral("back"),
                                         QStringLiteral("components"), QStringLiteral("source")});
    options.takenIds = {QStringLiteral("good-two")};
    const CsvImportResult result = DeckCsv::importCards(csv, QStringLiteral("cards.csv"), options, &m_registry);
    QStringList ids;
    for (const Card &card : result.deck.cards)
        ids.append(card.id);
    QCOMPARE(ids, (QStringList{QStringLiteral("good-one"), QStringLiteral("multi-line")}));
    QList<int> lines;
    for (const Diagnostic &d : result.skipped) {
        QCOMPARE(d.file, QStringLiteral("cards.csv"));
        if (!lines.contains(d.line))
            lines.append(d.line);
    }
    std::sort(lines.begin(), lines.end());
    QCOMPARE(lines, (QList<int>{3, 4, 5, 6, 7, 8, 9, 12, 13}));
    Diagnostics diagnostics;
    QVERIFY(DeckLoader::load(result.yaml, QStringLiteral("cards.yaml"), &m_registry, diagnostics));
    QVERIFY(diagnostics.isEmpty());
}

void TestDeckCsv::quizKeys_areCheckedLikeTheDeckLoaderChecksThem()
{
    const QByteArray csv = "id,front,back,components,source,Answer Kind,Two-part\n" // 1
                           "a-port,F,B,etcd,https://e.io/,port,yes\n"               // 2
                           "a-noun,F,B,etcd,https://e.io/,noun,\n"                  // 3
                           "a-maybe,F,B,etcd,https://e.io/,verb,maybe\n"            // 4
                           "a-plain,F,B,etcd,https://e.io/,,0\n";                   // 5
    CsvImportOptions options;
    options.columns = CsvColumns::guess(
        QStringList{QStringLiteral("id"), QStringLiteral("front"), QStringLiteral("back"), QStringLiteral("components"),
                    QStringLiteral("source"), QStringLiteral("Answer Kind"), QStringLiteral("Two-part")});
    const CsvImportResult result = DeckCsv::importCards(csv, QStringLiteral("q.csv"), options, &m_registry);
    QCOMPARE(result.deck.cards.size(), 2);
    QCOMPARE(result.deck.cards[0].answerKind, QStringLiteral("port"));
    QVERIFY(result.deck.cards[0].twoPart);
    QCOMPARE(result.deck.cards[1].id, QStringLiteral("a-plain"));
    QVERIFY(!result.deck.cards[1].twoPart);
    QCOMPARE(result.skipped.size(), 2);
    QCOMPARE(result.skipped[0].line, 3);
    QVERIFY2(result.skipped[0].message.contains(QStringLiteral("unknown \"answer-kind\" \"noun\"")),
             qPrintable(result.skipped[0].message));
    QCOMPARE(result.skipped[1].line, 4);
    QCOMPARE(result.skipped[1].message,
             QStringLiteral("row skipped: \"two-part\" must be true or false, not \"maybe\""));
    QVERIFY(result.yaml.contains("    answer-kind: port\n    two-part: true\n"));
}

void TestDeckCsv::tsvWithQuestionAnswerHeader_usesDefaults()
{
    const QByteArray tsv = "\xEF\xBB\xBFQuestion\tAnswer\tTags\r\n"
                           "Which port does the kubelet serve?\t10250\tkubelet|ports\r\n"
                           "Who \"schedules\" Pods?\tkube-scheduler\t\r\n";
    QCOMPARE(CsvFormat::detectDelimiter(tsv), u'\t');
    Diagnostics problems;
    const QList<CsvRecord> records = CsvFormat::parse(tsv, u'\t', QStringLiteral("q.tsv"), problems);
    QCOMPARE(records.size(), 3);
    QVERIFY(CsvColumns::looksLikeHeader(records[0].fields));
    CsvImportOptions options;
    options.delimiter = u'\t';
    options.columns = CsvColumns::guess(records[0].fields);
    QCOMPARE(options.columns.front, 0);
    QCOMPARE(options.columns.back, 1);
    QCOMPARE(options.columns.answer, -1);
    options.defaultComponents = {QStringLiteral("kubelet")};
    options.defaultSource = QStringLiteral("https://kubernetes.io/docs/");
    options.title = QStringLiteral("My questions");
    const CsvImportResult result = DeckCsv::importCards(tsv, QStringLiteral("q.tsv"), options, &m_registry);
    QVERIFY2(result.skipped.isEmpty(), qPrintable(result.skipped.value(0).toString()));
    QCOMPARE(result.deck.cards.size(), 2);
    QCOMPARE(result.deck.cards[0].back, QStringLiteral("10250"));
    QCOMPARE(result.deck.cards[0].tags, (QStringList{QStringLiteral("kubelet"), QStringLiteral("ports")}));
    QCOMPARE(result.deck.cards[1].front, QStringLiteral("Who \"schedules\" Pods?"));
    QCOMPARE(result.deck.cards[1].components, QStringList{QStringLiteral("kubelet")});
    QVERIFY(result.yaml.startsWith("title: My questions\n"));
}

void TestDeckCsv::header_guessesColumns()
{
    const CsvColumns c = CsvColumns::guess(DeckCsv::header());
    QCOMPARE((QList<int>{c.id, c.components, c.tags, c.front, c.back, c.source, c.answer, c.aliases, c.choices,
                         c.answerKind, c.twoPart}),
             (QList<int>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
    const CsvColumns bare = CsvColumns::guess({QStringLiteral("x"), QStringLiteral("y")});
    QCOMPARE(bare.front, 0);
    QCOMPARE(bare.back, 1);
    QVERIFY(!CsvColumns::looksLikeHeader({QStringLiteral("x"), QStringLiteral("y")}));
    QVERIFY(CsvColumns::looksLikeHeader({QStringLiteral("Card ID"), QStringLiteral("y")}));
}

void TestDeckCsv::lists_escapeTheSeparator()
{
    const QStringList items{QStringLiteral("a|b"), QStringLiteral("c\\d"), QStringLiteral("e")};
    QCOMPARE(DeckCsv::joinList(items), QStringLiteral("a\\|b|c\\\\d|e"));
    QCOMPARE(DeckCsv::splitList(DeckCsv::joinList(items)), items);
    QCOMPARE(DeckCsv::splitList(QStringLiteral(" x | y ||")), (QStringList{QStringLiteral("x"), QStringLiteral("y")}));
    QCOMPARE(DeckCsv::splitList(QString()), QStringList());
}

void TestDeckCsv::placeNewDeck_avoidsLoadedIdsAndFilesInTheFolder()
{
    const ContentSet content = ContentSet::loadRoot(QStringLiteral(K8SFC_SOURCE_DIR));
    const Deck &bundled = content.decks().first();
    QTemporaryDir folder;
    CsvImportOptions options;
    // A file named like a loaded deck, and a deck file already in the learner's folder.
    QFile(folder.filePath(bundled.id + QStringLiteral("-2.yaml"))).open(QIODevice::WriteOnly);
    DeckCsv::placeNewDeck(options, content, folder.path(),
                          QStringLiteral("/home/me/") + bundled.id + QStringLiteral(".csv"));
    QCOMPARE(options.deckId, bundled.id + QStringLiteral("-3"));
    QVERIFY(options.takenIds.contains(bundled.cards.first().id));
    QCOMPARE(options.takenIds.size(), content.cardCount());
    CsvImportOptions fresh;
    DeckCsv::placeNewDeck(fresh, content, folder.path(), QStringLiteral("My Own Notes"));
    QCOMPARE(fresh.deckId, QStringLiteral("my-own-notes"));
}

QTEST_GUILESS_MAIN(TestDeckCsv)
#include "tst_deckcsv.moc"
