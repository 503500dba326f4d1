// A walkthrough step with `ask-next: true`: what validate says, and what the player shows.
#include "diagramloader.h"
#include "walkthroughloader.h"
#include "walkthroughplayer.h"

#include <QTest>

using namespace k8sfc;

class TestAskNext : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void badAskNext_reportsLineAndColumn_data();
    void badAskNext_reportsLineAndColumn();
    void player_hidesTheNewHop_revealsIt_thenTheAnswer();

private:
    QList<Diagram> m_diagrams;
};

static const QByteArray kSteps = "title: T\ndiagram: d\nsteps:\n"
                                 "  - title: One\n    narration: n\n    components: [a, b]\n"
                                 "    arrows: [arrow.a--b]\n";

void TestAskNext::initTestCase()
{
    Diagnostics diagnostics;
    const auto diagram = DiagramLoader::load("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 100\">"
                                             "<rect id=\"a\" width=\"9\" height=\"9\"/><rect id=\"b\" x=\"50\" "
                                             "width=\"9\" height=\"9\"/><rect id=\"c\" y=\"50\" width=\"9\" "
                                             "height=\"9\"/><g id=\"arrow.a--b\"><path d=\"M9 4 L50 4\"/></g>"
                                             "<g id=\"arrow.b--c\"><path d=\"M50 9 L9 50\"/></g></svg>",
                                             QStringLiteral("d.svg"), nullptr, diagnostics);
    QVERIFY(diagram);
    m_diagrams = {*diagram};
}

void TestAskNext::badAskNext_reportsLineAndColumn_data()
{
    QTest::addColumn<QByteArray>("step");
    QTest::addColumn<QString>("message");
    QTest::newRow("not a boolean") << QByteArray("    components: [c]\n    ask-next: yes\n")
                                   << "ask.yaml:11:15: error: \"ask-next\" of step 2 must be true or false";
    QTest::newRow("nothing new") << QByteArray("    components: [b]\n    ask-next: true\n")
                                 << "ask.yaml:11:15: error: step 2 asks where the request goes next, but lights "
                                    "nothing the step before did not";
}

void TestAskNext::badAskNext_reportsLineAndColumn()
{
    QFETCH(QByteArray, step);
    QFETCH(QString, message);
    Diagnostics diagnostics;
    const auto w = WalkthroughLoader::load(kSteps + "  - title: Two\n    narration: n\n" + step,
                                           QStringLiteral("ask.yaml"), m_diagrams, diagnostics);
    QVERIFY(!w);
    QCOMPARE(diagnostics.size(), 1);
    QCOMPARE(diagnostics.first().toString(), message);
}

void TestAskNext::player_hidesTheNewHop_revealsIt_thenTheAnswer()
{
    Diagnostics diagnostics;
    const auto w = WalkthroughLoader::load(kSteps + "  - title: Two\n    narration: n\n    components: [b, c]\n"
                                                    "    arrows: [arrow.b--c]\n    ask-next: true\n"
                                                    "    question: q\n    answer: a\n"
                                                    "  - title: Three\n    narration: n\n    components: [a]\n"
                                                    "    ask-next: true\n",
                                           QStringLiteral("ask.yaml"), m_diagrams, diagnostics);
    QVERIFY2(w, qPrintable(diagnostics.value(0).toString()));
    WalkthroughPlayer player;
    player.setWalkthrough(&*w);
    QVERIFY(player.isRevealed());
    QVERIFY(player.next());
    QVERIFY(!player.isRevealed());
    QCOMPARE(player.shown().components, QStringList{QStringLiteral("b")});
    QVERIFY(player.shown().arrows.isEmpty());
    player.showAnswer();
    QVERIFY(player.isRevealed() && !player.isAnswerShown());
    QCOMPARE(player.shown().components, (QStringList{QStringLiteral("b"), QStringLiteral("c")}));
    QCOMPARE(player.shown().arrows, QStringList{QStringLiteral("arrow.b--c")});
    player.showAnswer();
    QVERIFY(player.isAnswerShown());
    // Everything new: where the request is now (the step before's components) stays lit.
    QVERIFY(player.next());
    QCOMPARE(player.shown().components, (QStringList{QStringLiteral("b"), QStringLiteral("c")}));
    player.showAnswer();
    QCOMPARE(player.shown().components, QStringList{QStringLiteral("a")});
    QVERIFY(player.previous());
    QVERIFY(!player.isRevealed());
}

QTEST_GUILESS_MAIN(TestAskNext)
#include "tst_asknext.moc"
