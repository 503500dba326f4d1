// Benchmarks at scale (not tests: they print numbers, they assert nothing).
// 50,000 cards over 200 components in 50 decks, and a mastery database with 1,000,000 logged
// reviews: how long the due queue takes to build, one grade to be durable, mastery to recompute.
//
//   build/tests/bench_scale --benchmark_counters_tabular=true
#include "componentstudy.h"
#include "content.h"
#include "grader.h"
#include "mastery.h"
#include "masterymodel.h"
#include "masterystore.h"
#include "reviewsession.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <vector>

#include <benchmark/benchmark.h>
#include <sqlite3.h>

using namespace k8sfc;

namespace {

constexpr int kComponents = 200;
constexpr int kDecks = 50;
constexpr int kCardsPerDeck = 1000;
constexpr int kReviews = 1'000'000;
constexpr int kSeenCards = 40'000;

struct Fixture
{
    QTemporaryDir dir;
    ContentSet content;
    MasteryStore store;
    std::unique_ptr<Grader> grader;
    QDateTime now = QDateTime(QDate(2026, 11, 30), QTime(12, 0), Qt::UTC);
    double loadSeconds = 0;
};

void writeFile(const QString &path, const QByteArray &text)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    f.write(text);
}

void writeContent(const QDir &root)
{
    root.mkpath(QStringLiteral("decks"));
    root.mkpath(QStringLiteral("diagrams"));
    QByteArray registry = "planes:\n  - id: cp\n    name: Control plane\ncomponents:\n";
    QByteArray svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 2000 2000\">\n";
    for (int c = 0; c < kComponents; ++c) {
        const QByteArray id = "component-" + QByteArray::number(c);
        registry += "  - id: " + id + "\n    name: Component " + QByteArray::number(c) +
                    "\n    plane: cp\n    role: Does its part of the job.\n";
        svg += "<g id=\"" + id + "\"><rect x=\"" + QByteArray::number(c % 20 * 100) + "\" y=\"" +
               QByteArray::number(c / 20 * 100) + "\" width=\"90\" height=\"90\"/></g>\n";
    }
    writeFile(root.filePath(QStringLiteral("diagrams/components.yaml")), registry);
    writeFile(root.filePath(QStringLiteral("diagrams/scale.svg")), svg + "</svg>\n");
    int n = 0;
    for (int d = 0; d < kDecks; ++d) {
        QByteArray deck = "title: Deck " + QByteArray::number(d) + "\ncards:\n";
        for (int i = 0; i < kCardsPerDeck; ++i, ++n)
            deck += "  - id: card-" + QByteArray::number(n) + "\n    components: [component-" +
                    QByteArray::number(n % kComponents) + "]\n    tags: [scale]\n    front: Question number " +
                    QByteArray::number(n) + "?\n    back: |\n      The answer to question " + QByteArray::number(n) +
                    ", with `code`.\n    source: https://kubernetes.io/docs/\n    answer: A" + QByteArray::number(n) +
                    "\n";
        writeFile(root.filePath(QStringLiteral("decks/deck-%1.yaml").arg(d)), deck);
    }
}

// A year and a half of history: reviews spread over the seen cards, each card's state as the
// last review left it. Written with sqlite3 directly, in one transaction: it is test data.
void writeHistory(const QString &dbPath, const QDateTime &now)
{
    sqlite3 *db = nullptr;
    sqlite3_open(dbPath.toUtf8().constData(), &db);
    sqlite3_exec(db, "PRAGMA synchronous=OFF; BEGIN", nullptr, nullptr, nullptr);
    sqlite3_stmt *log = nullptr, *state = nullptr;
    sqlite3_prepare_v2(db,
                       "INSERT INTO review_log (card_id, reviewed_at, rating, duration_ms, kind, state_before)"
                       " VALUES (?1, ?2, ?3, 4000, 'study', 2)",
                       -1, &log, nullptr);
    sqlite3_prepare_v2(db,
                       "INSERT INTO card_state (card_id, state, stability, difficulty, due, last_review, reps, lapses,"
                       " last_rating) VALUES (?1, 2, ?2, ?3, ?4, ?5, ?6, ?7, 3)",
                       -1, &state, nullptr);
    QRandomGenerator random(42);
    const qint64 end = now.toMSecsSinceEpoch();
    const qint64 span = 540LL * 86400 * 1000;
    for (int i = 0; i < kReviews; ++i) {
        const QByteArray id = "card-" + QByteArray::number(i % kSeenCards);
        sqlite3_bind_text(log, 1, id.constData(), int(id.size()), SQLITE_TRANSIENT);
        sqlite3_bind_int64(log, 2, end - span + qint64(random.bounded(span / 1000)) * 1000);
        sqlite3_bind_int(log, 3, 1 + int(random.bounded(4)));
        sqlite3_step(log);
        sqlite3_reset(log);
    }
    for (int c = 0; c < kSeenCards; ++c) {
        const QByteArray id = "card-" + QByteArray::number(c);
        const double stability = 1 + random.generateDouble() * 200;
        sqlite3_bind_text(state, 1, id.constData(), int(id.size()), SQLITE_TRANSIENT);
        sqlite3_bind_double(state, 2, stability);
        sqlite3_bind_double(state, 3, 1 + random.generateDouble() * 9);
        sqlite3_bind_int64(state, 4, end + qint64((random.generateDouble() * 60 - 30) * 86400 * 1000));
        sqlite3_bind_int64(state, 5, end - qint64(random.generateDouble() * 30 * 86400 * 1000));
        sqlite3_bind_int(state, 6, kReviews / kSeenCards);
        sqlite3_bind_int(state, 7, int(random.bounded(5)));
        sqlite3_step(state);
        sqlite3_reset(state);
    }
    sqlite3_finalize(log);
    sqlite3_finalize(state);
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    sqlite3_close(db);
}

Fixture &fixture()
{
    static Fixture *f = [] {
        auto *fx = new Fixture;
        const QDir root(fx->dir.path());
        writeContent(root);
        QElapsedTimer timer;
        timer.start();
        fx->content = ContentSet::loadRoot(root.path());
        fx->loadSeconds = timer.nsecsElapsed() / 1e9;
        const QString data = root.filePath(QStringLiteral("data"));
        fx->store.openDataDir(data); // creates the schema
        fx->store.close();
        writeHistory(QDir(data).filePath(QString::fromLatin1(MasteryStore::kFileName)), fx->now);
        if (auto error = fx->store.openDataDir(data))
            qFatal("%s", qPrintable(*error));
        fx->grader = std::make_unique<Grader>(fx->store);
        fprintf(stderr, "fixture: %d cards, %lld reviews; decks loaded in %.2f s\n", fx->content.cardCount(),
                fx->store.reviewCount().value(), fx->loadSeconds);
        return fx;
    }();
    return *f;
}

void BM_BuildDueQueue(benchmark::State &state)
{
    Fixture &f = fixture();
    ReviewSession::Counts counts;
    for (auto _ : state)
        benchmark::DoNotOptimize(counts = ReviewSession::dueToday(f.content, *f.grader, f.now));
    state.counters["due"] = counts.total();
}
BENCHMARK(BM_BuildDueQueue)->Unit(benchmark::kMillisecond);

// One grade, durable (WAL, synchronous=FULL): the log row and the card state in one transaction.
void BM_GradeOneCard(benchmark::State &state)
{
    Fixture &f = fixture();
    QRandomGenerator random(7);
    QDateTime at = f.now;
    for (auto _ : state) {
        const QString id = QStringLiteral("card-%1").arg(random.bounded(kDecks * kCardsPerDeck));
        at = at.addSecs(5);
        benchmark::DoNotOptimize(f.grader->grade(id, Rating::Good, 3000, ReviewKind::Study, at));
    }
}
BENCHMARK(BM_GradeOneCard)->Unit(benchmark::kMillisecond);

void BM_AllProgress(benchmark::State &state)
{
    Fixture &f = fixture();
    for (auto _ : state)
        benchmark::DoNotOptimize(f.store.allProgress().value());
}
BENCHMARK(BM_AllProgress)->Unit(benchmark::kMillisecond);

void BM_TodayCounts(benchmark::State &state)
{
    Fixture &f = fixture();
    for (auto _ : state)
        benchmark::DoNotOptimize(f.store.newAndReviewCountSince(f.grader->settings().dayStart(f.now)).value());
}
BENCHMARK(BM_TodayCounts)->Unit(benchmark::kMillisecond);

// The same, 500 times, each timed on its own: the tail matters for "durable before the next card".
void BM_GradeLatencyPercentiles(benchmark::State &state)
{
    Fixture &f = fixture();
    QRandomGenerator random(11);
    QDateTime at = f.now.addDays(1);
    std::vector<double> ms;
    for (auto _ : state) {
        ms.clear();
        for (int i = 0; i < 500; ++i) {
            const QString id = QStringLiteral("card-%1").arg(random.bounded(kDecks * kCardsPerDeck));
            at = at.addSecs(5);
            QElapsedTimer t;
            t.start();
            benchmark::DoNotOptimize(f.grader->grade(id, Rating::Good, 3000, ReviewKind::Study, at));
            ms.push_back(t.nsecsElapsed() / 1e6);
        }
    }
    std::sort(ms.begin(), ms.end());
    state.counters["p50_ms"] = ms[ms.size() / 2];
    state.counters["p99_ms"] = ms[ms.size() * 99 / 100];
}
BENCHMARK(BM_GradeLatencyPercentiles)->Unit(benchmark::kMillisecond)->Iterations(1);

void BM_MasteryRecompute(benchmark::State &state)
{
    Fixture &f = fixture();
    for (auto _ : state) {
        MasteryModel model;
        model.rebuild(f.content, f.store.allProgress().value(), f.now,
                      [&](const CardProgress &p, const QDateTime &now) { return f.grader->recall(p, now); });
        benchmark::DoNotOptimize(model.result());
    }
}
BENCHMARK(BM_MasteryRecompute)->Unit(benchmark::kMillisecond);

// The work behind a click on a component: its cards (of 50,000), their states, the progress line.
// The pane's render adds one QTextDocument::setMarkdown of one card.
void BM_OpenComponent(benchmark::State &state)
{
    Fixture &f = fixture();
    ComponentStudy study(std::make_shared<const ContentSet>(f.content), *f.grader);
    QRandomGenerator random(3);
    for (auto _ : state)
        study.open(QStringLiteral("component-%1").arg(random.bounded(kComponents)));
    state.counters["cards"] = study.queueSize();
}
BENCHMARK(BM_OpenComponent)->Unit(benchmark::kMillisecond);

// What the window does after a grade while the colours show: move one card's share.
void BM_MasteryAfterOneGrade(benchmark::State &state)
{
    Fixture &f = fixture();
    const RecallFunction recall = [&](const CardProgress &p, const QDateTime &now) { return f.grader->recall(p, now); };
    MasteryModel model;
    model.rebuild(f.content, f.store.allProgress().value(), f.now, recall);
    QRandomGenerator random(5);
    for (auto _ : state) {
        const QString id = QStringLiteral("card-%1").arg(random.bounded(kSeenCards));
        model.update(id, f.store.progress(id).value(), f.now, recall);
        benchmark::DoNotOptimize(model.result());
    }
}
BENCHMARK(BM_MasteryAfterOneGrade)->Unit(benchmark::kMicrosecond);

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    // `bench_scale --write-content DIR`: only write the synthetic content (for startup.sh).
    if (argc == 3 && QByteArray(argv[1]) == "--write-content") {
        writeContent(QDir(QString::fromLocal8Bit(argv[2])));
        return 0;
    }
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
