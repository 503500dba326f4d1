#include "content.h"
#include "grader.h"
#include "masterystore.h"
#include "quizsession.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace k8sfc;
using Form = QuizQuestion::Form;

class TestQuizSession : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void start_reportsWhatIsWrong();
    void scopeDeck_asksOnlyThatDeck();
    void scopeComponent_includesSubParts();
    void scopeWeakest_startsWithUnseenThenLowestMastery();
    void quiz_asksEachCardOnce_andIsDeterministic();
    void ratings_wrongAgain_rightGood_typoOrSlowHard();
    void withoutLimit_slowIsStillGood();
    void multipleChoice_andStateMachine();
    void locate_anyCopyIsRight_theParentIsNot();
    void timeLimit_endsTheQuiz_openQuestionsUnanswered();
    void checkTime_endsTheQuizWhileAsking();
    void summary_countsMissesAndWeakestComponents();
    void newCards_onlyUpToTheDaysAllowance();
    void newCardsToday_isTheLimitLessTodaysNewCards();
    void dismiss_leavesTheResults();

private:
    QuizSession *newSession(const QuizConfig &config);
    QString typo(const QString &answer) const;
    QTemporaryDir m_dir;
    ContentSnapshot m_content;
    QDateTime m_now;
    std::unique_ptr<QuizSession> m_session;
};

void TestQuizSession::initTestCase()
{
    QVERIFY(m_dir.isValid());
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
          "  - id: api\n    name: API server\n    plane: cp\n    role: Answers every request\n"
          "  - id: gate\n    name: Gate\n    plane: cp\n    role: Checks each request\n    part-of: api\n"
          "  - id: sched\n    name: Scheduler\n    plane: cp\n    role: Places pods on nodes\n"
          "  - id: store\n    name: Store\n    plane: cp\n    role: Keeps the cluster state\n");
    auto card = [](const char *id, const char *component, const char *front, const QByteArray &extra) -> QByteArray {
        return QByteArray("  - id: ") + id + "\n    components: [" + component + "]\n    front: " + front +
               "\n    back: Back\n    source: https://kubernetes.io/\n" + extra;
    };
    write(QStringLiteral("decks/a.yaml"),
          "title: A\ncards:\n" + card("a1", "store", "Where is state kept?", "    answer: Store\n") +
              card("a2", "api", "What checks requests first?",
                   "    answer: Authentication\n    choices: [Authentication, Scheduling, Storage]\n") +
              card("a3", "gate", "Which plugin rejects writes?",
                   "    answer: Validating webhook\n    aliases: [webhook]\n") +
              card("a4", "sched", "What does the scheduler bind?",
                   "    answer: Pods\n    choices: [Pods, Nodes, Services]\n"));
    write(QStringLiteral("decks/b.yaml"),
          "title: B\ncards:\n" +
              card("b1", "store", "Which protocol replicates the store?", "    answer: Raft consensus\n") +
              card("b2", "api", "Which port does the API server serve?", "    answer: '6443'\n") +
              card("b3", "sched", "Why filter before scoring?", ""));
    m_content = std::make_shared<const ContentSet>(ContentSet::loadRoot(m_dir.path()));
    QVERIFY2(m_content->diagnostics().isEmpty(), qPrintable(m_content->diagnostics().value(0).toString()));
    QCOMPARE(m_content->cardCount(), 7);
}

void TestQuizSession::init()
{
    m_now = QDateTime(QDate(2025, 3, 1), QTime(10, 0), Qt::UTC);
    m_session.reset();
}

QuizSession *TestQuizSession::newSession(const QuizConfig &config)
{
    m_session = std::make_unique<QuizSession>(m_content);
    m_session->setConfig(config);
    m_session->setClock([this] { return m_now; });
    return m_session.get();
}

QString TestQuizSession::typo(const QString &answer) const
{
    QString t = answer;
    std::swap(t[1], t[2]);
    return t;
}

void TestQuizSession::start_reportsWhatIsWrong()
{
    QuizConfig config;
    config.scope = QuizConfig::Scope::Deck;
    config.scopeId = QStringLiteral("nope");
    QVERIFY(newSession(config)->start().has_value());
    config.scope = QuizConfig::Scope::Component;
    QVERIFY(newSession(config)->start().has_value());
    config.scope = QuizConfig::Scope::All;
    config.length = 0;
    QVERIFY(newSession(config)->start().has_value());
    config.length = 5;
    config.forms.clear();
    QVERIFY(newSession(config)->start().has_value());
    QCOMPARE(m_session->state(), QuizSession::State::Idle);
    QCOMPARE(m_session->current(), nullptr);
}

void TestQuizSession::scopeDeck_asksOnlyThatDeck()
{
    QuizConfig config;
    config.length = 50;
    config.scope = QuizConfig::Scope::Deck;
    config.scopeId = QStringLiteral("b");
    QuizSession *s = newSession(config);
    QCOMPARE(s->start(), std::nullopt);
    QCOMPARE(s->count(), 2); // b1 and b2; b3 has no answer
    for (const QuizQuestion &q : s->questions())
        QCOMPARE(q.deckId, QStringLiteral("b"));
}

void TestQuizSession::scopeComponent_includesSubParts()
{
    QuizConfig config;
    config.length = 50;
    config.scope = QuizConfig::Scope::Component;
    config.scopeId = QStringLiteral("api");
    QuizSession *s = newSession(config);
    QCOMPARE(s->start(), std::nullopt);
    QSet<QString> about;
    for (const QuizQuestion &q : s->questions())
        for (const QString &c : q.components)
            about.insert(c);
    QCOMPARE(about, (QSet<QString>{QStringLiteral("api"), QStringLiteral("gate")}));

    config.scopeId = QStringLiteral("gate"); // a part's scope leaves its parent out
    s = newSession(config);
    QCOMPARE(s->start(), std::nullopt);
    for (const QuizQuestion &q : s->questions())
        QCOMPARE(q.components, QStringList{QStringLiteral("gate")});
}

void TestQuizSession::scopeWeakest_startsWithUnseenThenLowestMastery()
{
    QuizConfig config;
    config.length = 4;
    config.scope = QuizConfig::Scope::Weakest;
    config.forms = {Form::Locate};
    QuizSession *s = newSession(config);
    s->setMastery({{QStringLiteral("api"), 0.2}, {QStringLiteral("store"), 0.9}});
    QCOMPARE(s->start(), std::nullopt);
    QCOMPARE(s->count(), 4);
    const QStringList expected{u"gate"_qs, u"sched"_qs, u"api"_qs, u"store"_qs}; // unseen in registry order first
    for (int i = 0; i < 4; ++i)
        QVERIFY2(s->questions().at(i).components.contains(expected.at(i)), qPrintable(expected.at(i)));
}

void TestQuizSession::quiz_asksEachCardOnce_andIsDeterministic()
{
    QuizConfig config;
    config.length = 100;
    config.seed = 9;
    QuizSession *s = newSession(config);
    QCOMPARE(s->start(), std::nullopt);
    const QList<QuizQuestion> first = s->questions();
    QSet<QString> keys;
    QSet<Form> forms;
    for (const QuizQuestion &q : first) {
        const QString key = q.cardId.isEmpty() ? q.componentId : q.cardId;
        QVERIFY2(!keys.contains(key), qPrintable(key));
        keys.insert(key);
        forms.insert(q.form);
    }
    QCOMPARE(forms.size(), 3);
    QCOMPARE(first.size(), 6 + 4); // six cards with an answer, four registry components
    QCOMPARE(newSession(config)->start(), std::nullopt);
    QCOMPARE(m_session->questions(), first);
}

void TestQuizSession::ratings_wrongAgain_rightGood_typoOrSlowHard()
{
    QuizConfig config;
    config.length = 4;
    config.timeLimitSecs = 400; // 100 s a question: slower than 50 s is Hard
    config.scope = QuizConfig::Scope::Deck;
    config.scopeId = QStringLiteral("a");
    config.forms = {Form::Typed};
    QuizSession *s = newSession(config);
    QSignalSpy answered(s, &QuizSession::answered);
    QCOMPARE(s->start(), std::nullopt);
    QCOMPARE(s->count(), 4);

    m_now = m_now.addSecs(3);
    auto a = s->answerText(QStringLiteral("something else"));
    QVERIFY(a);
    QVERIFY(!a->correct);
    QCOMPARE(a->rating, Rating::Again);
    QCOMPARE(a->rightAnswer, s->current()->answer);
    QCOMPARE(a->timeTakenMs, 3000);
    QVERIFY(!a->cardId.isEmpty());

    QVERIFY(s->next());
    m_now = m_now.addSecs(10);
    a = s->answerText(s->current()->answer.toUpper());
    QVERIFY(a && a->correct && !a->forgiven);
    QCOMPARE(a->rating, Rating::Good);

    QVERIFY(s->next());
    a = s->answerText(typo(s->current()->answer));
    QVERIFY(a && a->correct && a->forgiven);
    QCOMPARE(a->rating, Rating::Hard);

    QVERIFY(s->next());
    m_now = m_now.addSecs(51);
    a = s->answerText(s->current()->answer);
    QVERIFY(a && a->correct && !a->forgiven);
    QCOMPARE(a->rating, Rating::Hard);
    QCOMPARE(a->answeredAt, m_now);

    QCOMPARE(answered.count(), 4);
    QCOMPARE(answered.at(0).at(0).value<QuizAnswer>().rating, Rating::Again);
    QSignalSpy finished(s, &QuizSession::finished);
    QVERIFY(s->next());
    QVERIFY(s->isFinished());
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).value<QuizSummary>().correct, 3);
}

void TestQuizSession::withoutLimit_slowIsStillGood()
{
    QuizConfig config;
    config.length = 1;
    config.forms = {Form::Typed};
    QuizSession *s = newSession(config);
    QCOMPARE(s->start(), std::nullopt);
    m_now = m_now.addSecs(3600);
    const auto a = s->answerText(s->current()->answer);
    QVERIFY(a && a->correct);
    QCOMPARE(a->rating, Rating::Good);
    QCOMPARE(a->timeTakenMs, 3600 * 1000);
}

void TestQuizSession::multipleChoice_andStateMachine()
{
    QuizConfig config;
    config.length = 2;
    config.forms = {Form::MultipleChoice};
    QuizSession *s = newSession(config);
    QSignalSpy changed(s, &QuizSession::questionChanged);
    QCOMPARE(s->start(), std::nullopt);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(s->state(), QuizSession::State::Asking);
    QVERIFY(!s->next()); // nothing answered yet
    QVERIFY(!s->answerText(QStringLiteral("Store")));
    QVERIFY(!s->answerComponent(QStringLiteral("store")));
    QVERIFY(!s->answerChoice(-1));
    QVERIFY(!s->answerChoice(int(s->current()->options.size())));
    const QuizQuestion q = *s->current();
    const int wrong = q.correctOption == 0 ? 1 : 0;
    const auto a = s->answerChoice(wrong);
    QVERIFY(a && !a->correct);
    QCOMPARE(a->given, q.options.at(wrong));
    QCOMPARE(a->rightAnswer, q.options.at(q.correctOption));
    QCOMPARE(s->state(), QuizSession::State::Answered);
    QVERIFY(!s->answerChoice(q.correctOption)); // one answer a question
    QVERIFY(s->next());
    QCOMPARE(changed.count(), 2);
    const auto b = s->answerChoice(s->current()->correctOption);
    QVERIFY(b && b->correct);
    QCOMPARE(b->rating, Rating::Good);
    QVERIFY(s->next());
    QVERIFY(s->isFinished());
    QCOMPARE(s->current(), nullptr);
    QVERIFY(!s->next());
}

void TestQuizSession::locate_anyCopyIsRight_theParentIsNot()
{
    QuizConfig config;
    config.scope = QuizConfig::Scope::Component;
    config.scopeId = QStringLiteral("gate");
    config.forms = {Form::Locate};
    QuizSession *s = newSession(config);
    QCOMPARE(s->start(), std::nullopt);
    QCOMPARE(s->count(), 1);
    QCOMPARE(s->current()->prompt, QStringLiteral("Click the component that: Checks each request"));
    // A click on an arrow is taken but not judged: the question stays open.
    QSignalSpy answered(s, &QuizSession::answered);
    QVERIFY(s->takeDiagramClick(QStringLiteral("arrow.api--store")));
    QCOMPARE(answered.count(), 0);
    QCOMPARE(s->current()->prompt, QStringLiteral("Click the component that: Checks each request"));
    const auto parent = s->answerComponent(QStringLiteral("api"));
    QVERIFY(parent && !parent->correct);
    QCOMPARE(parent->given, QStringLiteral("API server"));
    QCOMPARE(parent->givenComponentId, QStringLiteral("api"));
    QCOMPARE(parent->componentId, QStringLiteral("gate"));
    QCOMPARE(parent->rightAnswer, QStringLiteral("Gate"));
    QVERIFY(parent->cardId.isEmpty()); // a registry question: nothing to record

    config.scopeId = QStringLiteral("store");
    s = newSession(config);
    QCOMPARE(s->start(), std::nullopt);
    QCOMPARE(s->count(), 2); // card a1 ("Store") and the registry entry
    const auto copy = s->answerComponent(QStringLiteral("store.replica-2"));
    QVERIFY(copy && copy->correct);
    QCOMPARE(copy->givenComponentId, QStringLiteral("store"));
}

void TestQuizSession::timeLimit_endsTheQuiz_openQuestionsUnanswered()
{
    QuizConfig config;
    config.length = 5;
    config.timeLimitSecs = 30;
    config.forms = {Form::Typed};
    QuizSession *s = newSession(config);
    QSignalSpy answered(s, &QuizSession::answered);
    QSignalSpy finished(s, &QuizSession::finished);
    QCOMPARE(s->start(), std::nullopt);
    QCOMPARE(s->remainingMs(), 30'000);
    m_now = m_now.addSecs(5);
    QVERIFY(s->answerText(QStringLiteral("wrong")));
    QVERIFY(s->next());
    QCOMPARE(s->remainingMs(), 25'000);
    m_now = m_now.addSecs(26);
    QVERIFY(!s->answerText(s->current()->answer)); // too late: not recorded
    QVERIFY(s->isFinished());
    QCOMPARE(answered.count(), 1);
    QCOMPARE(finished.count(), 1);
    const QuizSummary summary = finished.at(0).at(0).value<QuizSummary>();
    QCOMPARE(summary.total, 5);
    QCOMPARE(summary.answered, 1);
    QCOMPARE(summary.correct, 0);
    QCOMPARE(summary.misses.size(), 1); // the open questions are not misses
    // UX review: "0 of 3 right · 3 not answered" hid the questions; each is listed with its answer.
    QCOMPARE(summary.unanswered.size(), 4);
    for (const QuizSummary::Miss &open : summary.unanswered) {
        const QuizQuestion &q = s->questions().at(open.questionIndex);
        QVERIFY(open.questionIndex >= 1);
        QCOMPARE(open.prompt, q.prompt);
        QCOMPARE(open.rightAnswer, q.answer);
        QVERIFY(open.given.isEmpty());
    }
    QVERIFY(summary.timedOut);
    QCOMPARE(summary.elapsedMs, 30'000);
    QCOMPARE(s->remainingMs(), 0);
}

void TestQuizSession::checkTime_endsTheQuizWhileAsking()
{
    QuizConfig config;
    config.length = 3;
    config.timeLimitSecs = 10;
    QuizSession *s = newSession(config);
    QSignalSpy finished(s, &QuizSession::finished);
    QCOMPARE(s->start(), std::nullopt);
    m_now = m_now.addSecs(9);
    QVERIFY(!s->checkTime());
    m_now = m_now.addSecs(2);
    QVERIFY(s->checkTime());
    QVERIFY(s->isFinished());
    QCOMPARE(finished.count(), 1);
    QCOMPARE(s->summary().answered, 0);
    QCOMPARE(s->summary().scorePercent, 0);
    QVERIFY(!s->checkTime()); // once
}

void TestQuizSession::summary_countsMissesAndWeakestComponents()
{
    QuizConfig config;
    config.length = 10;
    config.forms = {Form::Typed};
    QuizSession *s = newSession(config);
    QCOMPARE(s->start(), std::nullopt);
    QCOMPARE(s->count(), 6);
    // Right on a2 (api) and a3 (gate); wrong on the rest: sched 1/1, store 2/2, api 1/2.
    const QSet<QString> right{QStringLiteral("a2"), QStringLiteral("a3")};
    while (!s->isFinished()) {
        m_now = m_now.addSecs(2);
        const QuizQuestion q = *s->current();
        QVERIFY(s->answerText(right.contains(q.cardId) ? q.answer : QStringLiteral("no idea")));
        QVERIFY(s->next());
    }
    const QuizSummary summary = s->summary();
    QCOMPARE(summary.total, 6);
    QCOMPARE(summary.answered, 6);
    QCOMPARE(summary.correct, 2);
    QCOMPARE(summary.scorePercent, 33);
    QCOMPARE(summary.elapsedMs, 12'000);
    QVERIFY(!summary.timedOut);
    QCOMPARE(summary.misses.size(), 4);
    for (const QuizSummary::Miss &miss : summary.misses) {
        QCOMPARE(miss.given, QStringLiteral("no idea"));
        QCOMPARE(miss.rightAnswer, m_content->card(miss.cardId)->answer);
        QCOMPARE(miss.components, m_content->card(miss.cardId)->components);
        QVERIFY(!miss.prompt.isEmpty());
    }
    QStringList weakest;
    for (const QuizSummary::ComponentScore &c : summary.weakest)
        weakest.append(c.componentId);
    // sched and store tie at 100 %: registry order decides. gate was never missed.
    QCOMPARE(weakest, (QStringList{u"sched"_qs, u"store"_qs, u"api"_qs}));
    QCOMPARE(summary.weakest.at(1).missed, 2);
    QCOMPARE(summary.weakest.at(2).asked, 2);
}

// UX review: with "0 new" left for the day, quizzes still moved new cards into learning.
void TestQuizSession::newCards_onlyUpToTheDaysAllowance()
{
    QuizConfig config;
    config.length = 50;
    config.forms = {Form::Typed};
    QuizSession *s = newSession(config);
    const QSet<QString> unseen{u"a1"_qs, u"a2"_qs, u"a3"_qs, u"a4"_qs, u"b1"_qs};
    s->setNewCardsProvider([unseen] { return QuizSession::NewCards{unseen, 1}; });
    QCOMPARE(s->start(), std::nullopt);
    int fresh = 0;
    for (const QuizQuestion &q : s->questions())
        fresh += unseen.contains(q.cardId) ? 1 : 0;
    QCOMPARE(fresh, 1);
    QCOMPARE(s->count(), 2); // a new card and b2, which the learner has studied
    // Nothing but new cards in scope, none allowed: the setup says why.
    config.scope = QuizConfig::Scope::Component;
    config.scopeId = u"store"_qs;
    s = newSession(config);
    s->setNewCardsProvider([] { return QuizSession::NewCards{{u"a1"_qs, u"b1"_qs}, 0}; });
    const std::optional<QString> problem = s->start();
    QVERIFY(problem);
    QVERIFY2(problem->contains(u"today's new cards are used up"_qs), qPrintable(*problem));
    // Registry questions are not reviews of a card: a locate quiz still has them.
    config.forms = {Form::Locate};
    s = newSession(config);
    s->setNewCardsProvider([] { return QuizSession::NewCards{{u"a1"_qs, u"b1"_qs}, 0}; });
    QCOMPARE(s->start(), std::nullopt);
    for (const QuizQuestion &q : s->questions())
        QVERIFY(q.cardId.isEmpty());
}

void TestQuizSession::newCardsToday_isTheLimitLessTodaysNewCards()
{
    MasteryStore store;
    QCOMPARE(store.openFile(u":memory:"_qs), std::nullopt);
    Grader grader(store);
    StudySettings settings;
    settings.newCardsPerDay = 3;
    grader.setSettings(settings);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QuizSession::NewCards fresh = QuizSession::newCardsToday(*m_content, grader, now);
    QCOMPARE(fresh.allowed, 3);
    QCOMPARE(fresh.ids.size(), 7);
    QVERIFY(grader.grade(u"a1"_qs, Rating::Good, 1000, ReviewKind::Quiz, now));
    QVERIFY(grader.grade(u"b2"_qs, Rating::Again, 1000, ReviewKind::Study, now));
    fresh = QuizSession::newCardsToday(*m_content, grader, now);
    QCOMPARE(fresh.allowed, 1);
    QCOMPARE(fresh.ids.size(), 5);
    QVERIFY(!fresh.ids.contains(u"a1"_qs) && !fresh.ids.contains(u"b2"_qs));
    settings.newCardsPerDay = 1;
    grader.setSettings(settings);
    QCOMPARE(QuizSession::newCardsToday(*m_content, grader, now).allowed, 0);
}

void TestQuizSession::dismiss_leavesTheResults()
{
    QuizConfig config;
    config.length = 2;
    QuizSession *s = newSession(config);
    QSignalSpy dismissed(s, &QuizSession::dismissed);
    s->dismiss(); // nothing to leave yet
    QCOMPARE(s->start(), std::nullopt);
    s->dismiss(); // a quiz under way is not dismissed
    QCOMPARE(dismissed.count(), 0);
    s->stop();
    QVERIFY(s->isFinished());
    s->dismiss();
    QCOMPARE(dismissed.count(), 1);
    QCOMPARE(s->state(), QuizSession::State::Idle);
}

QTEST_GUILESS_MAIN(TestQuizSession)
#include "tst_quizsession.moc"
