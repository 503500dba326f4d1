#include "fsrsoptimizer.h"

#include "fsrsforward.h"
#include "fsrsparameters.h"
#include "fsrspretrain.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>

namespace k8sfc {

namespace {

/// How far each weight typically lies from its default across learners (fsrs-rs's PARAMS_STDDEV):
/// the L2 pull is measured in these units.
constexpr std::array<double, 21> kSpread{6.43, 9.66, 17.58, 27.85, 0.57, 0.28, 0.6,  0.12, 0.39, 0.18, 0.33,
                                         0.3,  0.09, 0.16,  0.57,  0.25, 1.03, 0.31, 0.32, 0.14, 0.27};
constexpr double kMinProbability = 1e-7;
constexpr int kMaxSequence = 256; ///< fsrs-rs trains on no item with a longer history

/// Weighted log loss of one prediction. Outside (1e-7, 1 − 1e-7) the prediction is clamped and
/// carries no gradient, as in fsrs-rs.
template <class T>
T itemLoss(const T &r, bool passed, double weight)
{
    const double v = valueOf(r);
    if (v <= kMinProbability || v >= 1 - kMinProbability) {
        const double p = std::clamp(v, kMinProbability, 1 - kMinProbability);
        return T(-weight * (passed ? std::log(p) : std::log(1 - p)));
    }
    using std::log;
    return T(-weight) * (passed ? log(r) : log(T(1) - r));
}

/// Σ weighted log loss over `order` (indices into items, sorted by card then review), each card
/// stepped once up to its last item.
template <class T>
T cardLoss(const FsrsItemSet &set, const std::vector<FsrsItem> &items, const std::vector<double> &weights,
           const std::vector<size_t> &order, const std::array<T, 21> &w)
{
    const FsrsForward<T> model(w);
    T total(0);
    for (size_t at = 0; at < order.size();) {
        const int card = items[order[at]].card;
        const std::vector<FsrsReview> &reviews = set.cards()[size_t(card)];
        auto state = model.first(reviews.front().rating);
        for (size_t k = 1; at < order.size() && items[order[at]].card == card; ++k) {
            if (items[order[at]].index == int(k)) {
                const bool passed = reviews[k].rating > 1;
                total = total + itemLoss(model.recall(reviews[k].deltaT, state.s), passed, weights[order[at]]);
                ++at;
            }
            if (at < order.size() && items[order[at]].card == card)
                state = model.step(state, reviews[k].deltaT, reviews[k].rating);
        }
    }
    return total;
}

double penalty(const std::array<double, 21> &w, const std::array<double, 21> &start)
{
    double sum = 0;
    for (size_t i = 0; i < w.size(); ++i)
        sum += (w[i] - start[i]) * (w[i] - start[i]) / (kSpread[i] * kSpread[i]);
    return sum;
}

/// Adam (β1 0.9, β2 0.999, ε 1e-8), as fsrs-rs steps it.
struct Adam
{
    std::array<double, 21> m{}, v{};
    int t = 0;
    void step(std::array<double, 21> &w, const std::array<double, 21> &g, double lr)
    {
        ++t;
        const double bias1 = 1 - std::pow(0.9, t), bias2 = 1 - std::pow(0.999, t);
        for (size_t i = 0; i < w.size(); ++i) {
            m[i] = 0.9 * m[i] + 0.1 * g[i];
            v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
            w[i] -= lr * (m[i] / bias1) / (std::sqrt(v[i] / bias2) + 1e-8);
        }
    }
};

/// Batches of item positions: sorted by history length (stable), cut every `size` items.
std::vector<std::vector<size_t>> makeBatches(const std::vector<FsrsItem> &items, int size)
{
    std::vector<size_t> order(items.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return items[a].index < items[b].index; });
    std::vector<std::vector<size_t>> batches;
    for (size_t i = 0; i < order.size(); i += size_t(size))
        batches.emplace_back(order.begin() + qsizetype(i), order.begin() + qsizetype(std::min(order.size(), i + size)));
    return batches;
}

struct Training
{
    const FsrsItemSet &set;
    const FsrsOptimizer::Options &options;
    std::vector<FsrsItem> items;
    std::vector<double> weights;
    std::array<double, 21> start{};
};

/// Steps 2 and 3 of the fit: the epochs of Adam, and the best epoch's weights; nullopt if cancelled.
std::optional<std::array<double, 21>> train(const Training &t)
{
    const auto total = qint64(t.items.size());
    const double iterations = double((total / t.options.batchSize + 1) * t.options.epochs);
    std::vector<std::vector<size_t>> batches = makeBatches(t.items, t.options.batchSize);
    std::vector<size_t> everything(t.items.size());
    for (size_t i = 0; i < everything.size(); ++i)
        everything[i] = i;
    std::array<double, 21> w = t.start, best = t.start;
    double bestLoss = INFINITY;
    Adam adam;
    std::mt19937 random(t.options.seed);
    std::vector<size_t> batchOrder(batches.size());
    int step = 0;
    for (int epoch = 0; epoch < t.options.epochs; ++epoch) {
        for (size_t i = 0; i < batchOrder.size(); ++i)
            batchOrder[i] = i;
        for (size_t i = batchOrder.size(); i > 1; --i)
            std::swap(batchOrder[i - 1], batchOrder[std::uniform_int_distribution<size_t>(0, i - 1)(random)]);
        qint64 done = 0;
        for (const size_t b : batchOrder) {
            const double lr = t.options.learningRate * (1 + std::cos(std::numbers::pi * step++ / iterations)) / 2;
            std::array<double, 21> g{};
            std::vector<FsrsItem> batchItems;
            std::vector<double> batchWeights;
            for (const size_t i : batches[b]) {
                batchItems.push_back(t.items[i]);
                batchWeights.push_back(t.weights[i]);
            }
            FsrsOptimizer::lossAndGradient(t.set, batchItems, batchWeights, w, &g);
            const double scale = t.options.gamma * double(batches[b].size()) / double(total);
            for (size_t i = 0; i < w.size(); ++i)
                g[i] += 2 * (w[i] - t.start[i]) / (kSpread[i] * kSpread[i]) * scale;
            if (!t.options.shortTerm) {
                std::fill(g.begin(), g.begin() + 4, 0.0);
                std::fill(g.begin() + 17, g.begin() + 20, 0.0);
            }
            adam.step(w, g, lr);
            w = fsrsClipParameters(w, t.options.shortTerm, t.options.relearningSteps);
            done += qint64(batches[b].size());
            if (t.options.progress && !t.options.progress(epoch * total + done, total * t.options.epochs))
                return std::nullopt;
        }
        const double loss = (FsrsOptimizer::lossAndGradient(t.set, t.items, t.weights, w, nullptr) +
                             t.options.gamma * penalty(w, t.start)) /
                            double(total);
        if (loss < bestLoss) {
            bestLoss = loss;
            best = w;
        }
    }
    return best;
}

} // namespace

double FsrsOptimizer::lossAndGradient(const FsrsItemSet &set, const std::vector<FsrsItem> &items,
                                      const std::vector<double> &weights, const std::array<double, 21> &w,
                                      std::array<double, 21> *gradient)
{
    std::vector<size_t> order(items.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return items[a].card != items[b].card ? items[a].card < items[b].card : items[a].index < items[b].index;
    });
    if (!gradient)
        return cardLoss<double>(set, items, weights, order, w);
    std::array<FsrsDual, 21> dw;
    for (int i = 0; i < 21; ++i)
        dw[size_t(i)] = FsrsDual::variable(w[size_t(i)], i);
    const FsrsDual loss = cardLoss<FsrsDual>(set, items, weights, order, dw);
    *gradient = loss.d;
    return loss.v;
}

FsrsOptimizer::Result FsrsOptimizer::fit(const FsrsItemSet &set, const Options &options)
{
    Result result;
    const FsrsPretrain::Split split = FsrsPretrain::split(set);
    result.trainingItems = int(split.training.size());
    const double recall = FsrsPretrain::averageRecall(set, split.training);
    // Below 8 items fsrs-rs keeps its defaults; with no first rating left to pre-train on it
    // answers NotEnoughData.
    const std::optional<FsrsPretrain::Result> initial =
        split.training.size() < 8 ? std::nullopt : FsrsPretrain::initialStability(set, split.initialization, recall);
    if (!initial)
        return result;
    Training t{set, options, {}, {}, {}};
    std::copy(FsrsParameters::kDefaultWeights.begin(), FsrsParameters::kDefaultWeights.end(), t.start.begin());
    std::copy(initial->stability.begin(), initial->stability.end(), t.start.begin());
    result.outcome = Outcome::Fitted;
    result.weights = t.start;
    // Too little beyond the first reviews to train on: the pre-trained stabilities are the fit.
    if (split.training.size() == split.initialization.size() || split.training.size() < 64)
        return result;
    if (!options.shortTerm)
        std::fill(t.start.begin() + 17, t.start.begin() + 20, 0.0);
    const std::vector<double> recency = fsrsRecencyWeights(split.training.size());
    for (size_t i = 0; i < split.training.size(); ++i)
        if (split.training[i].index + 1 <= kMaxSequence) {
            t.items.push_back(split.training[i]);
            t.weights.push_back(recency[i]);
        }
    const std::optional<std::array<double, 21>> trained = train(t);
    if (!trained) {
        result.outcome = Outcome::Cancelled;
        return result;
    }
    result.weights = *trained;
    std::map<int, double> firstStability;
    for (int rating = 1; rating <= 4; ++rating)
        firstStability[rating] = result.weights[size_t(rating - 1)];
    const auto ordered = FsrsPretrain::smoothAndFill(firstStability, initial->ratingCount);
    std::copy(ordered->begin(), ordered->end(), result.weights.begin());
    return result;
}

} // namespace k8sfc
