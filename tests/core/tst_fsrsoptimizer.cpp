// The FSRS optimizer against fsrs-rs: tests/fsrs_reference.mjs had fsrs-rs (npm binding, version in
// tests/data/fsrs-optimizer/package.json) fit and evaluate simulated learners; this test reads its
// histories and figures. Also: exact gradients, clamps, too little data, cancelling.
#include "fsrsevaluator.h"
#include "fsrsmodel.h"
#include "fsrsoptimizer.h"
#include "fsrsparameters.h"
#include "fsrspretrain.h"
#include "historycsv.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using namespace k8sfc;

namespace {

QByteArray readData(const QString &name)
{
    QFile file(QStringLiteral(K8SFC_TEST_DATA "/fsrs-optimizer/") + name);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QJsonObject reference()
{
    return QJsonDocument::fromJson(readData(QStringLiteral("reference.json"))).object();
}

QJsonObject learner(const QString &name)
{
    for (const QJsonValue &l : reference().value(QStringLiteral("learners")).toArray())
        if (l[QStringLiteral("name")].toString() == name)
            return l.toObject();
    return {};
}

std::array<double, 21> toWeights(const QJsonValue &array)
{
    std::array<double, 21> w{};
    for (int i = 0; i < 21; ++i)
        w[size_t(i)] = array[i].toDouble();
    return w;
}

std::array<double, 21> defaults()
{
    std::array<double, 21> w{};
    std::copy(FsrsParameters::kDefaultWeights.begin(), FsrsParameters::kDefaultWeights.end(), w.begin());
    return w;
}

/// A learner's history as the script wrote it, with days as it counted them (04:00 UTC).
FsrsItemSet historyOf(const QString &name, int *rows = nullptr)
{
    Diagnostics rejected;
    const QList<ReviewEntry> log = HistoryCsv::read(readData(name + QStringLiteral(".csv")), name, rejected,
                                                    QDateTime(QDate(2030, 1, 1), QTime(0, 0), Qt::UTC));
    if (rows)
        *rows = rejected.isEmpty() ? int(log.size()) : -1;
    return FsrsItemSet::build(log, localDayCounter(4, QTimeZone::utc()));
}

/// `count` cards, each graded `first`, then reviewed `days` later with `second`.
FsrsItemSet pairs(int count, int first = 3, int days = 1, int second = 3)
{
    std::vector<std::vector<FsrsReview>> cards(size_t(count), {{first, 0}, {second, days}});
    return FsrsItemSet::fromCards(cards);
}

} // namespace

class TestFsrsOptimizer : public QObject
{
    Q_OBJECT
private slots:
    void evaluator_reproducesFsrsRs_data();
    void evaluator_reproducesFsrsRs();
    void fit_reachesFsrsRs_data();
    void fit_reachesFsrsRs();
    void gradient_matchesFiniteDifferences();
    void clamps_areFsrsRsClamps();
    void tooFewItems_fitNothing();
    void cancel_stopsTheFit();
    void resets_dropEarlierReviews();
};

void TestFsrsOptimizer::evaluator_reproducesFsrsRs_data()
{
    QTest::addColumn<QString>("name");
    for (const QJsonValue &l : reference().value(QStringLiteral("learners")).toArray())
        QTest::newRow(qPrintable(l[QStringLiteral("name")].toString())) << l[QStringLiteral("name")].toString();
}

void TestFsrsOptimizer::evaluator_reproducesFsrsRs()
{
    QFETCH(QString, name);
    const QJsonObject l = learner(name);
    int rows = 0;
    const FsrsItemSet set = historyOf(name, &rows);
    QCOMPARE(rows, l[QStringLiteral("reviews")].toInt());
    QCOMPARE(int(set.items().size()), l[QStringLiteral("items")].toInt());
    for (const auto &[key, w] :
         {std::pair{QStringLiteral("default"), defaults()},
          std::pair{QStringLiteral("fsrs_rs"), toWeights(l[QStringLiteral("fsrs_rs_parameters")])}}) {
        const FsrsMetrics m = FsrsEvaluator::evaluate(set, w);
        const QJsonObject expected = l[key].toObject();
        QVERIFY2(std::abs(m.logLoss - expected[QStringLiteral("log_loss")].toDouble()) < 1e-4, qPrintable(key));
        QVERIFY2(std::abs(m.rmseBins - expected[QStringLiteral("rmse_bins")].toDouble()) < 1e-4, qPrintable(key));
    }
}

void TestFsrsOptimizer::fit_reachesFsrsRs_data()
{
    evaluator_reproducesFsrsRs_data();
}

void TestFsrsOptimizer::fit_reachesFsrsRs()
{
    QFETCH(QString, name);
    const QJsonObject l = learner(name);
    const FsrsItemSet set = historyOf(name);
    FsrsOptimizer::Options options;
    options.shortTerm = !l[QStringLiteral("long_term")].toBool();
    const FsrsOptimizer::Result fit = FsrsOptimizer::fit(set, options);
    QCOMPARE(fit.outcome, FsrsOptimizer::Outcome::Fitted);
    const FsrsMetrics before = FsrsEvaluator::evaluate(set, defaults());
    const FsrsMetrics theirs = FsrsEvaluator::evaluate(set, toWeights(l[QStringLiteral("fsrs_rs_parameters")]));
    const FsrsMetrics ours = FsrsEvaluator::evaluate(set, fit.weights);
    const double gain = (before.logLoss - ours.logLoss) / (before.logLoss - theirs.logLoss);
    qInfo("%s: log loss %.4f → %.4f (fsrs-rs %.4f), %.1f %% of fsrs-rs's gain; RMSE(bins) %.4f (fsrs-rs %.4f)",
          qPrintable(name), before.logLoss, ours.logLoss, theirs.logLoss, 100 * gain, ours.rmseBins, theirs.rmseBins);
    QVERIFY2(gain >= 0.9, qPrintable(QString::number(gain)));
    QVERIFY(ours.rmseBins <= 1.15 * theirs.rmseBins);
    // What the scheduler is given is what was fitted: no clamp of FsrsModel moves a value.
    const FsrsModel model(fit.weights, 0.9, options.shortTerm, 1);
    for (size_t i = 0; i < 21; ++i)
        QCOMPARE(model.weights()[i], fit.weights[i]);
}

void TestFsrsOptimizer::gradient_matchesFiniteDifferences()
{
    // Same-day steps, lapses, every grade, long gaps: every branch of the model is on a path.
    const FsrsItemSet set = FsrsItemSet::fromCards({{{3, 0}, {3, 1}, {2, 3}, {4, 8}, {1, 20}, {3, 0}, {3, 2}},
                                                    {{1, 0}, {1, 0}, {3, 0}, {3, 1}, {1, 2}, {2, 0}, {4, 5}},
                                                    {{2, 0}, {3, 4}, {3, 11}, {2, 30}, {4, 90}},
                                                    {{4, 0}, {1, 15}, {3, 1}, {3, 0}, {4, 6}}});
    std::vector<double> weights;
    for (size_t i = 0; i < set.items().size(); ++i)
        weights.push_back(0.3 + 0.1 * double(i));
    // Away from every clamp, so that the loss is smooth around w.
    std::array<double, 21> w = defaults();
    w[7] = 0.05;
    w[17] = 0.6;
    w[18] = 0.3;
    w[19] = 0.2;
    w[20] = 0.3;
    std::array<double, 21> gradient{};
    const double loss = FsrsOptimizer::lossAndGradient(set, set.items(), weights, w, &gradient);
    QVERIFY(loss > 0);
    for (size_t i = 0; i < 21; ++i) {
        const double h = 1e-6 * std::max(1.0, std::abs(w[i]));
        std::array<double, 21> up = w, down = w;
        up[i] += h;
        down[i] -= h;
        const double numeric = (FsrsOptimizer::lossAndGradient(set, set.items(), weights, up, nullptr) -
                                FsrsOptimizer::lossAndGradient(set, set.items(), weights, down, nullptr)) /
                               (2 * h);
        QVERIFY2(std::abs(numeric - gradient[i]) <= 1e-5 * std::max(1.0, std::abs(numeric)),
                 qPrintable(QStringLiteral("w%1: exact %2, numeric %3").arg(i).arg(gradient[i]).arg(numeric)));
    }
    QVERIFY(std::any_of(gradient.begin(), gradient.end(), [](double g) { return std::abs(g) > 1e-3; }));
}

void TestFsrsOptimizer::clamps_areFsrsRsClamps()
{
    std::array<double, 21> low{}, high{};
    low.fill(-1000);
    high.fill(1000);
    const std::array<double, 21> floor = fsrsClipParameters(low, true);
    const std::array<double, 21> ceiling = fsrsClipParameters(high, true);
    const std::array<double, 21> floors{0.001, 0.001, 0.001, 0.001, 1, 0.001, 0.001, 0.001, 0,    0,  0.001,
                                        0.001, 0.001, 0.001, 0,     0, 1,     0,     0,     0.01, 0.1};
    const std::array<double, 21> ceilings{100, 100,  100, 100, 10, 4, 4, 0.75, 4.5, 0.8, 3.5,
                                          5,   0.25, 0.9, 4,   1,  6, 2, 2,    0.8, 0.8};
    QCOMPARE(floor, floors);
    QCOMPARE(ceiling, ceilings);
    QCOMPARE(fsrsClipParameters(low, false)[19], 0.0); // long-term: w19 may be 0
    // Two relearning steps: w17 and w18 are held where a lapse cannot raise stability (fsrs-rs's
    // own test of this keeps the defaults' 0.5425, 0.0912 and 0.0658).
    const std::array<double, 21> two = fsrsClipParameters(defaults(), true, 2);
    QCOMPARE(two[17], 0.5425);
    QCOMPARE(two[18], 0.0912);
    std::array<double, 21> big = defaults();
    big[17] = big[18] = 1.5;
    QVERIFY(fsrsClipParameters(big, true, 2)[17] < 1.5);
    QCOMPARE(fsrsClipParameters(big, true, 1)[17], 1.5);
    // Clipped from far outside (w11 below 0: no room to compute), the ceiling is its floor.
    big[11] = -1;
    QCOMPARE(fsrsClipParameters(big, true, 2)[17], 0.1);
}

void TestFsrsOptimizer::tooFewItems_fitNothing()
{
    const int threshold = reference().value(QStringLiteral("not_enough_data_below_items")).toInt();
    QCOMPARE(threshold, FsrsOptimizer::kMinItems);
    QCOMPARE(FsrsOptimizer::fit(pairs(0), {}).outcome, FsrsOptimizer::Outcome::NotEnoughData);
    QCOMPARE(FsrsOptimizer::fit(pairs(threshold - 1), {}).outcome, FsrsOptimizer::Outcome::NotEnoughData);
    const FsrsOptimizer::Result fit = FsrsOptimizer::fit(pairs(threshold), {});
    QCOMPARE(fit.outcome, FsrsOptimizer::Outcome::Fitted);
    // All passed the next day: Good's first stability rises above its default.
    QVERIFY(fit.weights[2] > FsrsParameters::kDefaultWeights[2]);
    // Enough items, but all at an interval the outlier filter drops (over 100 days).
    QCOMPARE(FsrsOptimizer::fit(pairs(200, 3, 150), {}).outcome, FsrsOptimizer::Outcome::NotEnoughData);
}

void TestFsrsOptimizer::cancel_stopsTheFit()
{
    const FsrsItemSet set = historyOf(QStringLiteral("bench-1000"));
    FsrsOptimizer::Options options;
    qint64 seen = 0, total = 0;
    options.progress = [&](qint64 done, qint64 all) {
        seen = done;
        total = all;
        return done < all / 2;
    };
    QCOMPARE(FsrsOptimizer::fit(set, options).outcome, FsrsOptimizer::Outcome::Cancelled);
    QVERIFY(total > 0);
    QVERIFY(seen >= total / 2 && seen < total);
}

void TestFsrsOptimizer::resets_dropEarlierReviews()
{
    const QDateTime t0(QDate(2025, 3, 1), QTime(10, 0), Qt::UTC);
    QList<ReviewEntry> log;
    for (int day : {0, 1, 3, 7, 15}) {
        ReviewEntry e;
        e.cardId = QStringLiteral("etcd");
        e.reviewedAt = t0.addDays(day);
        log.append(e);
    }
    const FsrsDayCounter days = localDayCounter(4, QTimeZone::utc());
    QCOMPARE(FsrsItemSet::build(log, days).items().size(), size_t(4));
    const FsrsItemSet after = FsrsItemSet::build(log, days, {{QStringLiteral("etcd"), t0.addDays(2)}});
    QCOMPARE(after.reviewCount(), 3);
    QCOMPARE(after.items().size(), size_t(2));
    QCOMPARE(after.cards().front().front().deltaT, 0); // the first review after the reset starts the card
}

QTEST_GUILESS_MAIN(TestFsrsOptimizer)
#include "tst_fsrsoptimizer.moc"
