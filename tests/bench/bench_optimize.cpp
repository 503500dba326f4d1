// Benchmark of the FSRS optimizer (not a test: it prints numbers and asserts nothing).
//  - 1,000 reviews (tests/data/fsrs-optimizer/bench-1000.csv): our fit against fsrs-rs's time on
//    the same history, which tests/fsrs_reference.mjs measured through the npm binding on this
//    machine and recorded in reference.json (the median of seven fits).
//  - 100,000 reviews of a simulated learner: the time to fit, with the progress the app shows.
//
//   build/tests/bench_optimize
#include "fsrsforward.h"
#include "fsrsoptimizer.h"
#include "fsrsparameters.h"
#include "historycsv.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

#include <algorithm>
#include <cstdio>
#include <random>

using namespace k8sfc;

namespace {

QByteArray readData(const char *name)
{
    QFile file(QStringLiteral(K8SFC_TEST_DATA "/fsrs-optimizer/") + QLatin1String(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/// A learner whose memory follows `truth`, reviewing each card when a default-parameter scheduler
/// says it is due (sometimes a few days late), twenty new cards a day, until `reviews` are made.
FsrsItemSet simulate(int reviews)
{
    std::array<double, 21> truth{0.3, 1.0,  3.5, 12,  7.0, 0.6, 2.2, 0.02, 1.6, 0.25, 1.1,
                                 1.8, 0.08, 0.3, 2.0, 0.5, 2.2, 0.6, 0.2,  0.1, 0.25};
    std::array<double, 21> defaults{};
    std::copy(FsrsParameters::kDefaultWeights.begin(), FsrsParameters::kDefaultWeights.end(), defaults.begin());
    const FsrsForward<double> real(truth), plan(defaults);
    struct Card
    {
        std::vector<FsrsReview> log;
        FsrsForward<double>::State memory, planned;
        int last = 0, due = 0;
    };
    std::vector<Card> cards;
    std::mt19937 random(7);
    std::uniform_real_distribution<double> uniform(0, 1);
    int made = 0;
    for (int day = 0; made < reviews; ++day) {
        for (int i = 0; i < 20; ++i)
            cards.push_back({{}, {}, {}, day, day});
        for (Card &c : cards) {
            if (c.due > day || made >= reviews)
                continue;
            const int gap = day - c.last;
            int rating = 3;
            if (c.log.empty()) {
                rating = 1 + int(uniform(random) * 4);
                c.memory = real.first(rating);
                c.planned = plan.first(rating);
            } else {
                rating = uniform(random) < real.recall(gap, c.memory.s) ? (uniform(random) < 0.8 ? 3 : 2) : 1;
                c.memory = real.step(c.memory, gap, rating);
                c.planned = plan.step(c.planned, gap, rating);
            }
            c.log.push_back({rating, c.log.empty() ? 0 : gap});
            c.last = day;
            ++made;
            c.due = day + std::max(1, int(std::lround(c.planned.s))) + (uniform(random) < 0.2 ? 2 : 0);
        }
    }
    std::vector<std::vector<FsrsReview>> logs;
    for (const Card &c : cards)
        if (!c.log.empty())
            logs.push_back(c.log);
    return FsrsItemSet::fromCards(std::move(logs));
}

} // namespace

int main()
{
    Diagnostics rejected;
    const QList<ReviewEntry> log = HistoryCsv::read(readData("bench-1000.csv"), QStringLiteral("bench-1000.csv"),
                                                    rejected, QDateTime(QDate(2030, 1, 1), QTime(0, 0), Qt::UTC));
    const FsrsItemSet small = FsrsItemSet::build(log, localDayCounter(4, QTimeZone::utc()));
    std::vector<double> ms;
    for (int i = 0; i < 7; ++i) {
        QElapsedTimer timer;
        timer.start();
        FsrsOptimizer::fit(small, {});
        ms.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    const double theirs =
        QJsonDocument::fromJson(readData("reference.json"))[QStringLiteral("bench_1000_reviews_ms")].toDouble();
    std::printf("1,000 reviews (%zu items): %.1f ms (median of 7); fsrs-rs %.1f ms; ratio %.2f\n", small.items().size(),
                ms[3], theirs, ms[3] / theirs);

    const FsrsItemSet large = simulate(100'000);
    FsrsOptimizer::Options options;
    int shown = -1;
    options.progress = [&](qint64 done, qint64 total) {
        const int percent = int(100 * done / total);
        if (percent / 10 != shown / 10) {
            std::printf("  %d %%\n", percent);
            std::fflush(stdout);
            shown = percent;
        }
        return true;
    };
    QElapsedTimer timer;
    timer.start();
    const FsrsOptimizer::Result fit = FsrsOptimizer::fit(large, options);
    std::printf("100,000 reviews (%zu cards, %zu items): %.2f s, %s\n", large.cards().size(), large.items().size(),
                double(timer.nsecsElapsed()) / 1e9,
                fit.outcome == FsrsOptimizer::Outcome::Fitted ? "fitted" : "not fitted");
    return 0;
}
