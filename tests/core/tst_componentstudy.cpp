#include "componentstudy.h"
#include "content.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace k8sfc;

class TestComponentStudy : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void open_includesSubPartsAndPutsUnseenFirst();
    void grade_needsReveal_thenWritesStoreAndAdvances();
    void again_bringsTheCardBackSoon();
    void editedOrRemovedCard_keepsItsHistory();
    void advance_movesThroughStates_data();
    void advance_movesThroughStates();

private:
    void writeContent();
    QTemporaryDir m_dir;
    ContentSet m_content;
    MasteryStore m_store;
};

void TestComponentStudy::writeContent()
{
    QDir root(m_dir.path());
    root.mkpath(QStringLiteral("decks"));
    root.mkpath(QStringLiteral("diagrams"));
    auto write = [&](const QString &name, const QByteArray &text) {
        QFile f(root.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
    };
    write(QStringLiteral("diagrams/components.yaml"),
          "planes:\n  - id: cp\n    name: CP\n"
          "components:\n"
          "  - id: api\n    name: API\n    plane: cp\n    role: front\n"
          "  - id: gate\n    name: Gate\n    plane: cp\n    role: checks\n    part-of: api\n"
          "  - id: store\n    name: Store\n    plane: cp\n    role: keeps\n");
    QByteArray deck = "title: T\ncards:\n";
    const char *cards[][2] = {{"c1", "api"}, {"c2", "gate"}, {"c3", "store"}, {"c4", "api"}};
    for (const auto &c : cards)
        deck += QByteArray("  - id: ") + c[0] + "\n    components: [" + c[1] + "]\n    front: Front " + c[0] +
                "\n    back: Back " + c[0] + "\n    source: https://kubernetes.io/\n";
    write(QStringLiteral("decks/t.yaml"), deck);
}

void TestComponentStudy::init()
{
    QVERIFY(m_dir.isValid());
    writeContent();
    m_content = ContentSet::loadRoot(m_dir.path());
    QCOMPARE(m_content.cardCount(), 4);
    QCOMPARE(m_store.openFile(QStringLiteral(":memory:")), std::nullopt);
}

void TestComponentStudy::open_includesSubPartsAndPutsUnseenFirst()
{
    CardProgress seen;
    seen.cardId = QStringLiteral("c1");
    seen.reps = 1;
    seen.lastReview = QDateTime::currentDateTimeUtc();
    QVERIFY(
        m_store.recordReview({0, QStringLiteral("c1"), seen.lastReview, Rating::Good, 10, ReviewKind::Study}, seen));
    ComponentStudy study(m_content, m_store);
    study.open(QStringLiteral("api"));
    QCOMPARE(study.queueSize(), 3);                      // c1, c4 and c2 (gate is part of api)
    QCOMPARE(study.current()->id, QStringLiteral("c4")); // unseen, and about api itself
    study.next();
    QCOMPARE(study.current()->id, QStringLiteral("c2")); // unseen, about a part
    study.next();
    QCOMPARE(study.current()->id, QStringLiteral("c1")); // seen
    QCOMPARE(study.progress().total, 3);
    QCOMPARE(study.progress().seen, 1);
    QCOMPARE(study.progress().lastGrades, QList<Rating>{Rating::Good});
    study.open(QStringLiteral("gate"));
    QCOMPARE(study.queueSize(), 1);
}

void TestComponentStudy::grade_needsReveal_thenWritesStoreAndAdvances()
{
    ComponentStudy study(m_content, m_store);
    QSignalSpy graded(&study, &ComponentStudy::graded);
    study.open(QStringLiteral("store"));
    QVERIFY(!study.grade(Rating::Good)); // not revealed yet
    QCOMPARE(m_store.reviewCount(), 0);
    study.reveal();
    QVERIFY(study.isRevealed());
    QVERIFY(study.grade(Rating::Good));
    QCOMPARE(graded.count(), 1);
    QCOMPARE(m_store.reviewCount(), 1);
    const CardProgress p = m_store.progress(QStringLiteral("c3"));
    QCOMPARE(p.reps, 1);
    QCOMPARE(p.state, CardState::Learning);
    QCOMPARE(p.lastRating, std::optional<Rating>(Rating::Good));
    QVERIFY(!study.isRevealed()); // the next card starts hidden
    QCOMPARE(study.progress().seen, 1);
}

void TestComponentStudy::again_bringsTheCardBackSoon()
{
    ComponentStudy study(m_content, m_store);
    study.open(QStringLiteral("api"));
    const QString first = study.current()->id;
    study.reveal();
    QVERIFY(study.grade(Rating::Again));
    QStringList order;
    for (int i = 0; i < 3; ++i) {
        order.append(study.current()->id);
        study.next();
    }
    QVERIFY2(order.contains(first), qPrintable(order.join(u',')));
}

void TestComponentStudy::editedOrRemovedCard_keepsItsHistory()
{
    {
        ComponentStudy study(m_content, m_store);
        study.open(QStringLiteral("store"));
        study.reveal();
        QVERIFY(study.grade(Rating::Hard));
    }
    // The author rewrites c3's text: history is keyed by id, so it stays.
    QFile deck(m_dir.filePath(QStringLiteral("decks/t.yaml")));
    QVERIFY(deck.open(QIODevice::ReadOnly));
    QByteArray text = deck.readAll();
    deck.close();
    text.replace("Front c3", "A better question about the store");
    QVERIFY(deck.open(QIODevice::WriteOnly | QIODevice::Truncate));
    deck.write(text);
    deck.close();
    const ContentSet edited = ContentSet::loadRoot(m_dir.path());
    ComponentStudy study(edited, m_store);
    study.open(QStringLiteral("store"));
    QCOMPARE(study.current()->front, QStringLiteral("A better question about the store"));
    QCOMPARE(study.progress().seen, 1);
    QCOMPARE(study.progress().lastGrades, QList<Rating>{Rating::Hard});
    // Removing the card from the deck leaves its log alone.
    text.replace(text.indexOf("  - id: c3"), text.indexOf("  - id: c4") - text.indexOf("  - id: c3"), "");
    QVERIFY(deck.open(QIODevice::WriteOnly | QIODevice::Truncate));
    deck.write(text);
    deck.close();
    const ContentSet removed = ContentSet::loadRoot(m_dir.path());
    QCOMPARE(removed.cardCount(), 3);
    ComponentStudy after(removed, m_store);
    after.open(QStringLiteral("store"));
    QCOMPARE(after.queueSize(), 0);
    QCOMPARE(m_store.reviews(QStringLiteral("c3")).size(), 1);
    QCOMPARE(m_store.progress(QStringLiteral("c3")).reps, 1);
}

void TestComponentStudy::advance_movesThroughStates_data()
{
    QTest::addColumn<int>("before");
    QTest::addColumn<int>("rating");
    QTest::addColumn<int>("after");
    QTest::addColumn<int>("lapses");
    QTest::newRow("new, good → learning") << int(CardState::New) << 3 << int(CardState::Learning) << 0;
    QTest::newRow("new, easy → review") << int(CardState::New) << 4 << int(CardState::Review) << 0;
    QTest::newRow("learning, good → review") << int(CardState::Learning) << 3 << int(CardState::Review) << 0;
    QTest::newRow("learning, again stays") << int(CardState::Learning) << 1 << int(CardState::Learning) << 0;
    QTest::newRow("review, again → relearning, lapse")
        << int(CardState::Review) << 1 << int(CardState::Relearning) << 1;
    QTest::newRow("review, hard stays") << int(CardState::Review) << 2 << int(CardState::Review) << 0;
    QTest::newRow("relearning, good → review") << int(CardState::Relearning) << 3 << int(CardState::Review) << 0;
}

void TestComponentStudy::advance_movesThroughStates()
{
    QFETCH(int, before);
    QFETCH(int, rating);
    QFETCH(int, after);
    QFETCH(int, lapses);
    CardProgress p;
    p.cardId = QStringLiteral("x");
    p.state = CardState(before);
    p.reps = 2;
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(123456, Qt::UTC);
    const CardProgress next = ComponentStudy::advance(p, Rating(rating), at);
    QCOMPARE(int(next.state), after);
    QCOMPARE(next.lapses, lapses);
    QCOMPARE(next.reps, 3);
    QCOMPARE(next.lastReview, at);
}

QTEST_GUILESS_MAIN(TestComponentStudy)
#include "tst_componentstudy.moc"
