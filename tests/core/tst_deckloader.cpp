#include "componentregistry.h"
#include "deckloader.h"

#include <QTest>

using namespace k8sfc;

class TestDeckLoader : public QObject
{
    Q_OBJECT

private:
    ComponentRegistry m_registry;

private slots:
    void initTestCase();
    void goodDeck_loadsEveryField();
    void aliasAmplification_stopsAtTheLimits();
    void badDeck_reportsLineAndMessage_data();
    void badDeck_reportsLineAndMessage();
    void badCard_otherCardsStillLoad();
    void quizKeys_takeEveryKindAndBoolean_data();
    void quizKeys_takeEveryKindAndBoolean();
    void bracketsInText_areNotNesting();
    void documentMarkers_ofOneDocument_areAccepted();
};

void TestDeckLoader::initTestCase()
{
    m_registry.addPlane({QStringLiteral("control-plane"), QStringLiteral("Control plane")});
    m_registry.addComponent({QStringLiteral("kube-apiserver"), QStringLiteral("kube-apiserver"),
                             QStringLiteral("control-plane"), QStringLiteral("front end")});
    m_registry.addComponent({QStringLiteral("authorization"), QStringLiteral("Authorization"),
                             QStringLiteral("control-plane"), QStringLiteral("decides"),
                             QStringLiteral("kube-apiserver")});
}

void TestDeckLoader::goodDeck_loadsEveryField()
{
    const QByteArray yaml = "title: RBAC\n"
                            "description: Roles and bindings\n"
                            "cards:\n"
                            "  - id: rbac-roleref\n"
                            "    components: [authorization, kube-apiserver]\n"
                            "    tags: [rbac]\n"
                            "    front: Can roleRef change?\n"
                            "    back: |\n"
                            "      No.\n"
                            "      ```yaml\n"
                            "      kind: RoleBinding\n"
                            "      ```\n"
                            "    source: https://kubernetes.io/docs/reference/access-authn-authz/rbac/\n"
                            "    answer: \"No\"\n"
                            "    aliases: [never]\n"
                            "    choices: [\"No\", \"Yes\"]\n"
                            "    answer-kind: other\n"
                            "    two-part: true\n";
    Diagnostics diagnostics;
    const auto deck = DeckLoader::load(yaml, QStringLiteral("rbac.yaml"), &m_registry, diagnostics);
    QVERIFY2(diagnostics.isEmpty(), qPrintable(diagnostics.value(0).toString()));
    QVERIFY(deck);
    QCOMPARE(deck->id, QStringLiteral("rbac"));
    QCOMPARE(deck->title, QStringLiteral("RBAC"));
    QCOMPARE(deck->cards.size(), 1);
    const Card &card = deck->cards.first();
    QCOMPARE(card.id, QStringLiteral("rbac-roleref"));
    QCOMPARE(card.components, (QStringList{QStringLiteral("authorization"), QStringLiteral("kube-apiserver")}));
    QCOMPARE(card.tags, QStringList{QStringLiteral("rbac")});
    QVERIFY(card.back.contains(QStringLiteral("```yaml\nkind: RoleBinding\n```")));
    QCOMPARE(card.answer, QStringLiteral("No"));
    QCOMPARE(card.aliases, QStringList{QStringLiteral("never")});
    QCOMPARE(card.choices.size(), 2);
    QCOMPARE(card.answerKind, QStringLiteral("other"));
    QVERIFY(card.twoPart);
    QCOMPARE(card.line, 4);
    QCOMPARE(card.column, 5);
    QCOMPARE(card.deckId, QStringLiteral("rbac"));
}

void TestDeckLoader::badDeck_reportsLineAndMessage_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");

    const QByteArray head = "title: T\ncards:\n";
    const QByteArray card = "  - id: c1\n    components: [kube-apiserver]\n    front: F\n    back: B\n"
                            "    source: https://kubernetes.io/\n";

    QTest::newRow("syntax error: unclosed bracket")
        << QByteArray(head + "  - id: c1\n    components: [kube-apiserver\n") << 5 << 1 << "YAML syntax error";
    QTest::newRow("syntax error: bad indentation")
        << QByteArray("title: T\n cards: x\n  - y\n") << 2 << 7 << "YAML syntax error";
    QTest::newRow("root is a list") << QByteArray("- a\n- b\n") << 1 << 1 << "a deck must be a mapping, not a list";
    QTest::newRow("missing title") << QByteArray("cards:\n" + card) << 1 << 1 << "the deck has no \"title\"";
    QTest::newRow("missing cards") << QByteArray("title: T\n") << 1 << 1 << "the deck has no \"cards\"";
    QTest::newRow("cards not a list") << QByteArray("title: T\ncards: many\n") << 2 << 8 << "\"cards\" must be a list";
    QTest::newRow("unknown deck key") << QByteArray("title: T\nauthor: me\ncards:\n" + card) << 2 << 1
                                      << "unknown key \"author\" in a deck";
    QTest::newRow("unknown card key (typo)")
        << QByteArray(head + card + "    fornt: typo\n") << 8 << 5 << "unknown key \"fornt\" in a card";
    QTest::newRow("missing front") << QByteArray(head + "  - id: c1\n    components: [kube-apiserver]\n    back: B\n"
                                                        "    source: https://kubernetes.io/\n")
                                   << 3 << 5 << "card \"c1\" has no \"front\"";
    QTest::newRow("empty back") << QByteArray(head + "  - id: c1\n    components: [kube-apiserver]\n    front: F\n"
                                                     "    back: \"  \"\n    source: https://kubernetes.io/\n")
                                << 6 << 11 << "\"back\" is empty";
    QTest::newRow("front is a list") << QByteArray(head +
                                                   "  - id: c1\n    components: [kube-apiserver]\n    front: [a]\n"
                                                   "    back: B\n    source: https://kubernetes.io/\n")
                                     << 5 << 12 << "\"front\" must be text, not a list";
    QTest::newRow("duplicate card id") << QByteArray(head + card + card) << 8 << 9
                                       << "duplicate card id \"c1\" (first used on line 3)";
    QTest::newRow("unknown component")
        << QByteArray(head + "  - id: c1\n    components: [kube-apiserver, etcdd]\n    front: F\n    back: B\n"
                             "    source: https://kubernetes.io/\n")
        << 4 << 34 << "unknown component \"etcdd\"";
    QTest::newRow("no components") << QByteArray(head + "  - id: c1\n    components: []\n    front: F\n    back: B\n"
                                                        "    source: https://kubernetes.io/\n")
                                   << 4 << 17 << "names no component";
    QTest::newRow("components not a list")
        << QByteArray(head + "  - id: c1\n    components: kube-apiserver\n    front: F\n    back: B\n"
                             "    source: https://kubernetes.io/\n")
        << 4 << 17 << "\"components\" must be a list, not a scalar";
    QTest::newRow("http source") << QByteArray(head + "  - id: c1\n    components: [kube-apiserver]\n    front: F\n"
                                                      "    back: B\n    source: http://kubernetes.io/\n")
                                 << 7 << 13 << "must be an https:// link";
    QTest::newRow("bad card id") << QByteArray(head + "  - id: Bad_Id\n    components: [kube-apiserver]\n    front: F\n"
                                                      "    back: B\n    source: https://kubernetes.io/\n")
                                 << 3 << 9 << "card id \"Bad_Id\" must be lowercase";
    QTest::newRow("answer not among choices") << QByteArray(head + card + "    answer: Z\n    choices: [X, Y]\n") << 9
                                              << 14 << "\"answer\" of card \"c1\" is not one of its \"choices\"";
    QTest::newRow("one choice only") << QByteArray(head + card + "    answer: X\n    choices: [X]\n") << 9 << 14
                                     << "needs 2 to 6 entries";
    // UX review, quiz quality: the keys the quiz reads are checked like every other.
    QTest::newRow("unknown answer-kind") << QByteArray(head + card + "    answer-kind: noun\n") << 8 << 18
                                         << "unknown \"answer-kind\" \"noun\" in card \"c1\" (expected one of: "
                                            "component, port, verb, flag, resource, other)";
    QTest::newRow("answer-kind in capitals") << QByteArray(head + card + "    answer-kind: Port\n") << 8 << 18
                                             << "unknown \"answer-kind\" \"Port\" in card \"c1\"";
    QTest::newRow("two-part yes") << QByteArray(head + card + "    two-part: yes\n") << 8 << 15
                                  << "\"two-part\" of card \"c1\" must be true or false";
    QTest::newRow("two-part quoted") << QByteArray(head + card + "    two-part: \"true\"\n") << 8 << 15
                                     << "\"two-part\" of card \"c1\" must be true or false";
    QTest::newRow("two-part a list") << QByteArray(head + card + "    two-part: [true]\n") << 8 << 15
                                     << "\"two-part\" of card \"c1\" must be true or false";
    QTest::newRow("duplicate key in card")
        << QByteArray(head + card + "    front: again\n") << 8 << 5 << "key \"front\" appears twice in a card";
    QTest::newRow("card is a scalar") << QByteArray(head + "  - just text\n") << 3 << 5
                                      << "a card must be a mapping, not a scalar";
    QTest::newRow("no cards") << QByteArray("title: T\ncards: []\n") << 2 << 8 << "the deck has no cards";
    QTest::newRow("invalid UTF-8") << QByteArray("title: T\ncards:\n  - id: \xC3\x28\n") << 3 << 9 << "not valid UTF-8";
    // Reliability review M10: a real U+FFFD anywhere in the file used to switch the check off.
    QTest::newRow("invalid UTF-8 beside a real U+FFFD")
        << QByteArray("title: T\ndescription: \"a literal \xEF\xBF\xBD here\"\ncards:\n  - id: c1\n"
                      "    components: [kube-apiserver]\n    front: \"bad \xFF\xFE\xC0\xAF bytes\"\n")
        << 6 << 17 << "the file is not valid UTF-8 (byte 0xFF here)";
    QTest::newRow("overlong UTF-8 after a two-byte letter")
        << QByteArray("title: \"\xC3\xBC \xC0\xAF\"\n") << 1 << 11 << "not valid UTF-8 (byte 0xC0 here)";
    // Reliability review, minor findings: messages that name the real cause.
    QTest::newRow("CR line endings") << QByteArray("title: T\rcards:\r  - id: c1\r") << 1 << 9
                                     << "the file uses CR (old Mac) line endings";
    const auto wide = [](const QByteArray &ascii, int width, bool bigEndian) {
        QByteArray out;
        for (char c : ascii) {
            QByteArray unit(width, '\0');
            unit[bigEndian ? width - 1 : 0] = c;
            out += unit;
        }
        return out;
    };
    const QByteArray deck = head + card;
    QTest::newRow("UTF-16 with a BOM") << QByteArray("\xFF\xFE" + wide(deck, 2, false)) << 1 << 1
                                       << "the file is UTF-16; save it as UTF-8";
    QTest::newRow("UTF-16 big-endian, no BOM") << wide(deck, 2, true) << 1 << 1 << "the file is UTF-16";
    QTest::newRow("UTF-32") << wide(deck, 4, false) << 1 << 1 << "the file is UTF-32; save it as UTF-8";
    QTest::newRow("second document") << QByteArray(deck + "---\ntitle: U\n") << 8 << 1
                                     << "a second YAML document starts here";
    QTest::newRow("content after the end marker")
        << QByteArray(deck + "...\n# notes\ntitle: U\n") << 10 << 1 << "a second YAML document starts here";

    // Hostile input (tests/fuzz): each must end in one diagnostic, quickly, never a crash.
    const QString tooDeep = QStringLiteral("nest more than 64 levels deep");
    QTest::newRow("nesting: 10,000 [") << QByteArray(10000, '[') << 1 << 65 << tooDeep;
    QTest::newRow("nesting: 10,000 {a: ") << QByteArray("{a: ").repeated(10000) << 1 << 257 << tooDeep;
    QTest::newRow("nesting: 1,000 compact list entries") << QByteArray("- ").repeated(1000) + "x\n"
                                                         << 1 << 129 << tooDeep;
    QByteArray keys;
    for (int i = 0; i < 1000; ++i)
        keys += QByteArray(i, ' ') + "k:\n";
    QTest::newRow("nesting: 1,000 indented keys") << keys << 65 << 65 << tooDeep;
    // Found in review of the scan: a tag ends at a bracket, so "!t[[[" is a tagged list.
    QTest::newRow("nesting: tag glued to brackets")
        << QByteArray("title: T\ncards: !t" + QByteArray(1000, '[')) << 2 << 73 << tooDeep;
    // Anchors nested 10 deep, 10 aliases each: 10^10 scalars if expanded. yaml-cpp shares the
    // nodes and the loader never walks a card's lists, so this is ten small errors.
    QByteArray bomb = head + "  - &a0 [x, x, x, x, x, x, x, x, x, x]\n";
    for (int i = 1; i < 10; ++i) {
        const QByteArray alias = "*a" + QByteArray::number(i - 1);
        bomb += "  - &a" + QByteArray::number(i) + " [" + QByteArray(alias + ", ").repeated(9) + alias + "]\n";
    }
    QTest::newRow("alias bomb") << bomb << 3 << 5 << "a card must be a mapping, not a list";
    QTest::newRow("20 MiB file") << QByteArray(head + card.repeated(20 * 1024 * 1024 / card.size() + 1)) << 1 << 1
                                 << "the file is 20.0 MiB, over the 2 MiB limit for content files";
    QByteArray nul = head + "  - id: c1\n    components: [kube-apiserver]\n    front: F";
    nul += '\0';
    nul += "G\n    back: B\n    source: https://kubernetes.io/\n";
    QTest::newRow("NUL byte in a card") << nul << 5 << 13 << "the file contains a NUL byte";
}

void TestDeckLoader::aliasAmplification_stopsAtTheLimits()
{
    // Reliability review C1: aliases of one long anchored text in a card's lists. Before, 180 KB
    // like this took 3.9 GB; now reading stops at 8 MiB of text, with one error.
    const QByteArray head = "title: T\ncards:\n  - id: c1\n    components: [kube-apiserver]\n    front: &big " +
                            QByteArray(20000, 'x') + "\n    back: B\n    source: https://kubernetes.io/\n";
    Diagnostics diagnostics;
    DeckLoader::load(head + "    tags: [" + QByteArray("*big, ").repeated(2000) + "*big]\n", QStringLiteral("a.yaml"),
                     &m_registry, diagnostics);
    QCOMPARE(diagnostics.size(), 1);
    QVERIFY2(diagnostics.first().message.contains(QStringLiteral("more than 8 MiB of text through YAML aliases")),
             qPrintable(diagnostics.first().toString()));
    QCOMPARE(diagnostics.first().line, 5); // an alias is its anchored node: the text repeated
    // Many short aliases: the count of texts is bounded too.
    diagnostics.clear();
    DeckLoader::load("title: T\ncards:\n  - id: c1\n    components: [kube-apiserver]\n    front: F\n    back: B\n"
                     "    source: https://kubernetes.io/\n    tags: [&t t, " +
                         QByteArray("*t, ").repeated(120000) + "*t]\n",
                     QStringLiteral("b.yaml"), &m_registry, diagnostics);
    QCOMPARE(diagnostics.size(), 1);
    QVERIFY2(diagnostics.first().message.contains(QStringLiteral("more than 100000 texts")),
             qPrintable(diagnostics.first().toString()));
}

void TestDeckLoader::badDeck_reportsLineAndMessage()
{
    QFETCH(QByteArray, yaml);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, message);
    Diagnostics diagnostics;
    DeckLoader::load(yaml, QStringLiteral("decks/bad.yaml"), &m_registry, diagnostics);
    QVERIFY2(!diagnostics.isEmpty(), "expected a diagnostic");
    const Diagnostic &d = diagnostics.first();
    QVERIFY2(d.message.contains(message), qPrintable(d.toString()));
    QCOMPARE(d.file, QStringLiteral("decks/bad.yaml"));
    QCOMPARE(d.line, line);
    QCOMPARE(d.column, column);
    QVERIFY(d.toString().startsWith(QStringLiteral("decks/bad.yaml:%1:%2: error: ").arg(line).arg(column)));
}

void TestDeckLoader::badCard_otherCardsStillLoad()
{
    const QByteArray yaml = "title: T\ncards:\n"
                            "  - id: good-one\n    components: [kube-apiserver]\n    front: F\n    back: B\n"
                            "    source: https://kubernetes.io/\n"
                            "  - id: broken\n    components: [nowhere]\n    front: F\n    back: B\n"
                            "    source: https://kubernetes.io/\n"
                            "  - id: good-two\n    components: [authorization]\n    front: F\n    back: B\n"
                            "    source: https://kubernetes.io/\n";
    Diagnostics diagnostics;
    const auto deck = DeckLoader::load(yaml, QStringLiteral("t.yaml"), &m_registry, diagnostics);
    QCOMPARE(diagnostics.size(), 1);
    QVERIFY(deck);
    QCOMPARE(deck->cards.size(), 2);
    QCOMPARE(deck->cards.at(1).id, QStringLiteral("good-two"));
}

void TestDeckLoader::bracketsInText_areNotNesting()
{
    // The nesting limit scans before parsing; card text full of brackets, in every kind of
    // scalar and in comments, must not count.
    QByteArray yaml = "title: Brackets [[[ {{{ # [[[\ncards:\n";
    for (int i = 0; i < 100; ++i)
        yaml += "  - id: card-" + QByteArray::number(i) +
                "\n"
                "    components: [kube-apiserver]  # [[[[\n"
                "    front: \"range [0, 1) {{ \\\" [[\"\n"
                "    back: |\n"
                "      [[[[ {{{{\n"
                "        - - - - [\n"
                "    source: 'https://kubernetes.io/[[[ it''s'\n"
                "    tags: [a, 'b [[', \"c {{\"]\n"
                "    answer: it's [[[ a thing\n";
    Diagnostics diagnostics;
    const auto deck = DeckLoader::load(yaml, QStringLiteral("brackets.yaml"), &m_registry, diagnostics);
    QVERIFY2(diagnostics.isEmpty(), qPrintable(diagnostics.value(0).toString()));
    QVERIFY(deck);
    QCOMPARE(deck->cards.size(), 100);
    QCOMPARE(deck->cards.first().front, QStringLiteral("range [0, 1) {{ \" [["));
}

void TestDeckLoader::documentMarkers_ofOneDocument_areAccepted()
{
    // `---` before the deck, `---` inside an indented block, `...` and a comment after it.
    const QByteArray yaml = "\xEF\xBB\xBF%YAML 1.2\n---\ntitle: T\r\ncards:\r\n  - id: c1\n"
                            "    components: [kube-apiserver]\n    front: F\n    back: |\n      ---\n      ...\n"
                            "    source: https://kubernetes.io/\n...\n# the end\n";
    Diagnostics diagnostics;
    const auto deck = DeckLoader::load(yaml, QStringLiteral("markers.yaml"), &m_registry, diagnostics);
    QVERIFY2(diagnostics.isEmpty(), qPrintable(diagnostics.value(0).toString()));
    QVERIFY(deck);
    QCOMPARE(deck->cards.first().back, QStringLiteral("---\n..."));
}

void TestDeckLoader::quizKeys_takeEveryKindAndBoolean_data()
{
    QTest::addColumn<QByteArray>("keys");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("twoPart");
    for (const QString &kind : answerKinds())
        QTest::newRow(qPrintable(kind)) << QByteArray("    answer-kind: " + kind.toUtf8() + "\n") << kind << false;
    QTest::newRow("neither") << QByteArray() << QString() << false;
    QTest::newRow("two-part: True") << QByteArray("    two-part: True\n") << QString() << true;
    QTest::newRow("two-part: false") << QByteArray("    two-part: false\n") << QString() << false;
}

void TestDeckLoader::quizKeys_takeEveryKindAndBoolean()
{
    QFETCH(QByteArray, keys);
    QFETCH(QString, kind);
    QFETCH(bool, twoPart);
    Diagnostics diagnostics;
    const auto deck = DeckLoader::load("title: T\ncards:\n  - id: c1\n    components: [kube-apiserver]\n"
                                       "    front: F\n    back: B\n    source: https://kubernetes.io/\n" +
                                           keys,
                                       QStringLiteral("t.yaml"), &m_registry, diagnostics);
    QVERIFY2(diagnostics.isEmpty(), qPrintable(diagnostics.value(0).toString()));
    QCOMPARE(deck->cards.size(), 1);
    QCOMPARE(deck->cards.first().answerKind, kind);
    QCOMPARE(deck->cards.first().twoPart, twoPart);
}

QTEST_GUILESS_MAIN(TestDeckLoader)
#include "tst_deckloader.moc"
