#include "componentstudy.h"
#include "content.h"
#include "grader.h"
#include "masterystore.h"

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
    void grade_schedulesWithFsrs_andUndoRestores();
    void eighthLapse_makesALeech();
    void batch_isOneUndoStep();
    void intervalLabel_readsLikeAnki_data();
    void intervalLabel_readsLikeAnki();

private:
    void writeContent();
    QTemporaryDir m_dir;
    ContentSnapshot m_content;
    MasteryStore m_store;
    std::unique_ptr<Grader> m_grader;
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
    m_content = std::make_shared<const ContentSet>(ContentSet::loadRoot(m_dir.path()));
    QCOMPARE(m_content->cardCount(), 4);
    QCOMPARE(m_store.openFile(QStringLiteral(":memory:")), std::nullopt);
    m_grader = std::make_unique<Grader>(m_store);
    StudySettings settings;
    settings.fuzz = false;
    m_grader->setSettings(settings);
}

void TestComponentStudy::open_includesSubPartsAndPutsUnseenFirst()
{
    CardProgress seen;
    seen.cardId = QStringLiteral("c1");
    seen.reps = 1;
    seen.lastReview = QDateTime::currentDateTimeUtc();
    seen.lastRating = Rating::Good; // as a real grade leaves it
    QVERIFY(
        m_store.recordReview({0, QStringLiteral("c1"), seen.lastReview, Rating::Good, 10, ReviewKind::Study}, seen));
    ComponentStudy study(m_content, *m_grader);
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
    ComponentStudy study(m_content, *m_grader);
    QSignalSpy graded(m_grader.get(), &Grader::graded);
    study.open(QStringLiteral("store"));
    QVERIFY(!study.grade(Rating::Good)); // not revealed yet
    QCOMPARE(m_store.reviewCount().value(), 0);
    study.reveal();
    QVERIFY(study.isRevealed());
    QVERIFY(study.grade(Rating::Good));
    QCOMPARE(graded.count(), 1);
    QCOMPARE(m_store.reviewCount().value(), 1);
    const CardProgress p = m_store.progress(QStringLiteral("c3")).value();
    QCOMPARE(p.reps, 1);
    QCOMPARE(p.state, CardState::Learning);
    QCOMPARE(m_store.reviews(QStringLiteral("c3")).value().first().stateBefore,
             std::optional<CardState>(CardState::New));
    QCOMPARE(p.lastRating, std::optional<Rating>(Rating::Good));
    QVERIFY(!study.isRevealed()); // the next card starts hidden
    QCOMPARE(study.progress().seen, 1);
}

void TestComponentStudy::again_bringsTheCardBackSoon()
{
    ComponentStudy study(m_content, *m_grader);
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
        ComponentStudy study(m_content, *m_grader);
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
    const auto edited = std::make_shared<const ContentSet>(ContentSet::loadRoot(m_dir.path()));
    ComponentStudy study(edited, *m_grader);
    study.open(QStringLiteral("store"));
    QCOMPARE(study.current()->front, QStringLiteral("A better question about the store"));
    QCOMPARE(study.progress().seen, 1);
    QCOMPARE(study.progress().lastGrades, QList<Rating>{Rating::Hard});
    // Removing the card from the deck leaves its log alone.
    text.replace(text.indexOf("  - id: c3"), text.indexOf("  - id: c4") - text.indexOf("  - id: c3"), "");
    QVERIFY(deck.open(QIODevice::WriteOnly | QIODevice::Truncate));
    deck.write(text);
    deck.close();
    const auto removed = std::make_shared<const ContentSet>(ContentSet::loadRoot(m_dir.path()));
    QCOMPARE(removed->cardCount(), 3);
    ComponentStudy after(removed, *m_grader);
    after.open(QStringLiteral("store"));
    QCOMPARE(after.queueSize(), 0);
    QCOMPARE(m_store.reviews(QStringLiteral("c3")).value().size(), 1);
    QCOMPARE(m_store.progress(QStringLiteral("c3")).value().reps, 1);
}

void TestComponentStudy::grade_schedulesWithFsrs_andUndoRestores()
{
    ComponentStudy study(m_content, *m_grader);
    const QDateTime t0 = QDateTime(QDate(2026, 3, 10), QTime(9, 0), Qt::UTC);
    study.setClock([&] { return t0; });
    study.open(QStringLiteral("store"));
    study.reveal();
    const auto labels = study.intervalLabels();
    QCOMPARE(labels[0], QStringLiteral("1m"));  // Again: first learning step
    QCOMPARE(labels[2], QStringLiteral("10m")); // Good: second step
    QVERIFY(study.grade(Rating::Good));
    CardProgress p = m_store.progress(QStringLiteral("c3")).value();
    QCOMPARE(p.state, CardState::Learning);
    QVERIFY(p.stability && *p.stability > 0);
    QVERIFY(p.difficulty && *p.difficulty > 0);
    QCOMPARE(p.due, t0.addSecs(600));
    QCOMPARE(p.learningStep, 1);
    // Undo puts the log and the state back exactly, and the card shows again.
    QVERIFY(m_grader->canUndo());
    QVERIFY(m_grader->undo());
    QCOMPARE(m_store.reviewCount().value(), 0);
    p = m_store.progress(QStringLiteral("c3")).value();
    QVERIFY(p.isNew());
    QVERIFY(!p.stability);
    QCOMPARE(study.current()->id, QStringLiteral("c3"));
    QVERIFY(!study.isRevealed());
}

void TestComponentStudy::batch_isOneUndoStep()
{
    const QDateTime t0(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);
    const QString c1 = QStringLiteral("c1"), c2 = QStringLiteral("c2"), c3 = QStringLiteral("c3"),
                  c4 = QStringLiteral("c4");
    QVERIFY(m_grader->grade(c1, Rating::Good, 10, ReviewKind::Study, t0));
    {
        Grader::Batch batch(*m_grader);
        QVERIFY(m_grader->grade(c2, Rating::Hard, 10, ReviewKind::Quiz, t0));
        QVERIFY(!m_grader->lastGradeJoinedStep());
        {
            Grader::Batch nested(*m_grader); // still the same step
            QVERIFY(m_grader->grade(c3, Rating::Hard, 10, ReviewKind::Quiz, t0));
            QVERIFY(m_grader->lastGradeJoinedStep());
        }
        QVERIFY(m_grader->grade(c4, Rating::Hard, 10, ReviewKind::Quiz, t0));
        QVERIFY(m_grader->lastGradeJoinedStep());
    }
    QVERIFY(m_grader->grade(c1, Rating::Again, 10, ReviewKind::Study, t0.addSecs(60)));
    QVERIFY(!m_grader->lastGradeJoinedStep());
    QCOMPARE(m_store.reviewCount().value(), 5);

    QSignalSpy undone(m_grader.get(), &Grader::undone);
    const auto single = m_grader->undo(); // the last grade alone
    QVERIFY(single);
    QCOMPARE(single->before.cardId, c1);
    QCOMPARE(m_store.reviewCount().value(), 4);
    const auto batch = m_grader->undo(); // the three of the batch, newest first
    QVERIFY(batch);
    QCOMPARE(batch->before.cardId, c2);
    QCOMPARE(m_store.reviewCount().value(), 1);
    QCOMPARE(undone.count(), 4);
    QCOMPARE(undone.at(1).at(0).toString(), c4);
    QCOMPARE(undone.at(3).at(0).toString(), c2);
    for (const QString &id : {c2, c3, c4})
        QVERIFY(m_store.progress(id).value().isNew());
    QVERIFY(!m_store.progress(c1).value().isNew());
    QVERIFY(m_grader->canUndo());
    QVERIFY(m_grader->undo());
    QVERIFY(!m_grader->canUndo());
    QCOMPARE(m_store.reviewCount().value(), 0);

    // A batch opened after an undo starts a step of its own.
    QVERIFY(m_grader->grade(c1, Rating::Good, 10, ReviewKind::Study, t0));
    {
        Grader::Batch batch2(*m_grader);
        QVERIFY(m_grader->grade(c2, Rating::Good, 10, ReviewKind::Quiz, t0));
    }
    QVERIFY(m_grader->undo());
    QCOMPARE(m_store.reviewCount().value(), 1);
}

void TestComponentStudy::eighthLapse_makesALeech()
{
    CardProgress p;
    p.cardId = QStringLiteral("c3");
    p.state = CardState::Review;
    p.stability = 5;
    p.difficulty = 7;
    p.reps = 20;
    p.lapses = 7;
    p.lastReview = QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);
    p.due = p.lastReview.addDays(5);
    QVERIFY(m_store.recordReview({0, QStringLiteral("c3"), p.lastReview, Rating::Good, 1, ReviewKind::Study}, p));
    QSignalSpy leech(m_grader.get(), &Grader::leechDetected);
    const auto outcome = m_grader->grade(QStringLiteral("c3"), Rating::Again, 900, ReviewKind::Study, p.due);
    QVERIFY(outcome && outcome->becameLeech);
    QCOMPARE(leech.count(), 1);
    const CardProgress after = m_store.progress(QStringLiteral("c3")).value();
    QCOMPARE(after.lapses, 8);
    QVERIFY(after.leech && after.suspended);
    QCOMPARE(m_store.events(QStringLiteral("c3")).value().last().kind, CardEvent::Kind::Leech);
    // Undo takes the leech back too.
    QVERIFY(m_grader->undo());
    QVERIFY(!m_store.progress(QStringLiteral("c3")).value().leech);
    QVERIFY(m_store.events(QStringLiteral("c3")).value().isEmpty());
    // A suspended card leaves the component's queue.
    QVERIFY(m_grader->grade(QStringLiteral("c3"), Rating::Again, 900, ReviewKind::Study, p.due));
    ComponentStudy study(m_content, *m_grader);
    study.open(QStringLiteral("store"));
    QCOMPARE(study.queueSize(), 0);
    QVERIFY(study.emptyText().contains(QStringLiteral("suspended")));
}

void TestComponentStudy::intervalLabel_readsLikeAnki_data()
{
    QTest::addColumn<qint64>("secs");
    QTest::addColumn<QString>("label");
    QTest::newRow("seconds") << qint64(20) << "<1m";
    QTest::newRow("minutes") << qint64(600) << "10m";
    QTest::newRow("hours") << qint64(3 * 3600) << "3h";
    QTest::newRow("days") << qint64(4 * 86400) << "4d";
    QTest::newRow("months") << qint64(95 * 86400) << "3.2mo";
    QTest::newRow("years") << qint64(548 * 86400) << "1.5y";
}

void TestComponentStudy::intervalLabel_readsLikeAnki()
{
    QFETCH(qint64, secs);
    QFETCH(QString, label);
    QCOMPARE(Grader::intervalLabel(secs), label);
}

QTEST_GUILESS_MAIN(TestComponentStudy)
#include "tst_componentstudy.moc"
