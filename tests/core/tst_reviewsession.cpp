#include "content.h"
#include "grader.h"
#include "masterystore.h"
#include "reviewsession.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace k8sfc;

class TestReviewSession : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void newCards_respectTheDailyLimit_inRegistryOrder();
    void learningCard_comesBackWhenItsStepIsUp();
    void dueReviews_areShown_suspendedAreNot();

private:
    QTemporaryDir m_dir;
    ContentSnapshot m_content;
    MasteryStore m_store;
    std::unique_ptr<Grader> m_grader;
    QDateTime m_now = QDateTime(QDate(2026, 3, 10), QTime(10, 0), Qt::UTC);
};

void TestReviewSession::init()
{
    QDir root(m_dir.path());
    root.mkpath(QStringLiteral("decks"));
    root.mkpath(QStringLiteral("diagrams"));
    QFile reg(root.filePath(QStringLiteral("diagrams/components.yaml")));
    QVERIFY(reg.open(QIODevice::WriteOnly));
    reg.write("planes:\n  - id: cp\n    name: CP\ncomponents:\n"
              "  - id: first\n    name: First\n    plane: cp\n    role: r\n"
              "  - id: second\n    name: Second\n    plane: cp\n    role: r\n");
    reg.close();
    QByteArray deck = "title: T\ncards:\n";
    // Deck order puts "second" first; the registry order puts "first" first.
    for (int i = 0; i < 6; ++i)
        deck += "  - id: c" + QByteArray::number(i) + "\n    components: [" + (i < 3 ? "second" : "first") +
                "]\n    front: F\n    back: B\n    source: https://kubernetes.io/\n";
    QFile d(root.filePath(QStringLiteral("decks/t.yaml")));
    QVERIFY(d.open(QIODevice::WriteOnly));
    d.write(deck);
    d.close();
    m_content = std::make_shared<const ContentSet>(ContentSet::loadRoot(root.path()));
    QCOMPARE(m_content->cardCount(), 6);
    QCOMPARE(m_store.openFile(QStringLiteral(":memory:")), std::nullopt);
    m_grader = std::make_unique<Grader>(m_store);
    StudySettings s;
    s.fuzz = false;
    s.newCardsPerDay = 4;
    m_grader->setSettings(s);
}

void TestReviewSession::newCards_respectTheDailyLimit_inRegistryOrder()
{
    ReviewSession session(m_content, *m_grader);
    session.setClock([this] { return m_now; });
    session.start();
    QCOMPARE(session.remaining().newCards, 4);
    QCOMPARE(session.current()->id, QStringLiteral("c3")); // "first" comes first
    session.reveal();
    QVERIFY(session.grade(Rating::Easy)); // graduates at once: not back today
    QCOMPARE(ReviewSession::dueToday(*m_content, *m_grader, m_now).newCards, 3);
    // A new session the same day counts the card already introduced.
    ReviewSession again(m_content, *m_grader);
    again.setClock([this] { return m_now; });
    again.start();
    QCOMPARE(again.remaining().newCards, 3);
}

void TestReviewSession::learningCard_comesBackWhenItsStepIsUp()
{
    StudySettings s = m_grader->settings();
    s.newCardsPerDay = 1;
    m_grader->setSettings(s);
    QDateTime clock = m_now;
    ReviewSession session(m_content, *m_grader);
    session.setClock([&clock] { return clock; });
    session.start();
    const QString id = session.current()->id;
    session.reveal();
    QVERIFY(session.grade(Rating::Good)); // learning, due in 10 minutes; nothing else is due
    // Within the learn-ahead window it shows at once, as Anki does when nothing else is left.
    QCOMPARE(session.current()->id, id);
    QCOMPARE(session.remaining().learning, 1);
    session.reveal();
    QVERIFY(session.grade(Rating::Good)); // graduates
    QVERIFY(!session.current());
    QVERIFY(session.emptyText().contains(QStringLiteral("finished")));
    QCOMPARE(m_store.progress(id).value().state, CardState::Review);
}

void TestReviewSession::dueReviews_areShown_suspendedAreNot()
{
    for (const QString id : {QStringLiteral("c0"), QStringLiteral("c1")}) {
        CardProgress p;
        p.cardId = id;
        p.state = CardState::Review;
        p.reps = 3;
        p.stability = 4;
        p.difficulty = 5;
        p.lastReview = m_now.addDays(-4);
        p.due = m_now.addSecs(-3600);
        QVERIFY(m_store.recordReview({0, id, p.lastReview, Rating::Good, 1, ReviewKind::Study}, p));
    }
    QCOMPARE(m_store.setSuspended({QStringLiteral("c1")}, true, m_now), std::nullopt);
    const ReviewSession::Counts due = ReviewSession::dueToday(*m_content, *m_grader, m_now);
    QCOMPARE(due.review, 1);
    QCOMPARE(due.newCards, 4);
    ReviewSession session(m_content, *m_grader);
    session.setClock([this] { return m_now; });
    session.start();
    QCOMPARE(session.current()->id, QStringLiteral("c0")); // reviews lead new cards
}

QTEST_GUILESS_MAIN(TestReviewSession)
#include "tst_reviewsession.moc"
