#include "fsrsevaluator.h"

#include "fsrsforward.h"
#include "fsrspretrain.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace k8sfc {

namespace {

/// fsrs-rs's bin of an item: its interval, its count of long-term reviews and of lapses, each
/// rounded down onto a geometric scale.
std::tuple<long, long, long> binOf(const FsrsItemSet &set, const FsrsItem &item)
{
    const auto scale = [](double x, double base, double factor) {
        return long(std::round(factor * std::pow(base, std::floor(std::log(x) / std::log(base)))));
    };
    const long interval = std::lround(
        2.48 * std::pow(3.62, std::floor(std::log(double(set.current(item).deltaT)) / std::log(3.62))) * 100);
    const long length = scale(set.longTermCount(item) + 1.0, 1.89, 1.99);
    const std::vector<FsrsReview> &reviews = set.cards()[size_t(item.card)];
    const auto lapses = std::count_if(reviews.begin(), reviews.begin() + item.index,
                                      [](const FsrsReview &r) { return r.rating == 1 && r.deltaT > 0; });
    return {interval, length, lapses == 0 ? 0 : scale(double(lapses), 1.73, 1.65)};
}

} // namespace

std::array<double, 21> fsrsClipParameters(std::array<double, 21> w, bool shortTerm, int relearningSteps)
{
    double ceiling = 2.0;
    if (relearningSteps > 1) {
        const double room = -(std::log(w[11]) + std::log(std::pow(2.0, w[13]) - 1) + w[14] * 0.3) / relearningSteps;
        // fmax, as fsrs-rs's f32::max: weights still out of range give a NaN room, taken as 0.01.
        ceiling = std::fmin(std::sqrt(std::fmax(room, 0.01)), 2.0);
    }
    const std::array<std::pair<double, double>, 21> ranges{
        {{0.001, 100}, {0.001, 100}, {0.001, 100},  {0.001, 100}, {1, 10},
         {0.001, 4},   {0.001, 4},   {0.001, 0.75}, {0, 4.5},     {0, 0.8},
         {0.001, 3.5}, {0.001, 5},   {0.001, 0.25}, {0.001, 0.9}, {0, 4},
         {0, 1},       {1, 6},       {0, ceiling},  {0, ceiling}, {shortTerm ? 0.01 : 0, 0.8},
         {0.1, 0.8}}};
    for (size_t i = 0; i < w.size(); ++i)
        w[i] = std::clamp(w[i], ranges[i].first, ranges[i].second);
    return w;
}

std::vector<double> fsrsRecencyWeights(size_t count)
{
    std::vector<double> weights(count);
    const double last = std::max(double(count) - 1, 1.0);
    for (size_t i = 0; i < count; ++i)
        weights[i] = 0.25 + 0.75 * std::pow(double(i) / last, 3);
    return weights;
}

std::vector<double> FsrsEvaluator::predictions(const FsrsItemSet &set, const std::vector<FsrsItem> &items,
                                               const std::array<double, 21> &w)
{
    // fsrs-rs's scheduler clips what it is given with one relearning step and w19 ≥ 0.
    const FsrsForward<double> model(fsrsClipParameters(w, false));
    // Each card is stepped through once; an item's prediction is read off on the way.
    std::vector<std::vector<double>> recall(set.cards().size());
    for (size_t c = 0; c < set.cards().size(); ++c) {
        const std::vector<FsrsReview> &reviews = set.cards()[c];
        recall[c].resize(reviews.size());
        auto state = model.first(reviews.front().rating);
        for (size_t i = 1; i < reviews.size(); ++i) {
            recall[c][i] = model.recall(reviews[i].deltaT, state.s);
            state = model.step(state, reviews[i].deltaT, reviews[i].rating);
        }
    }
    std::vector<double> out;
    out.reserve(items.size());
    for (const FsrsItem &item : items)
        out.push_back(recall[size_t(item.card)][size_t(item.index)]);
    return out;
}

FsrsMetrics FsrsEvaluator::evaluate(const FsrsItemSet &set, const std::array<double, 21> &w)
{
    return evaluate(set, FsrsPretrain::evaluationItems(set), w);
}

FsrsMetrics FsrsEvaluator::evaluate(const FsrsItemSet &set, const std::vector<FsrsItem> &items,
                                    const std::array<double, 21> &w)
{
    struct Bin
    {
        double predicted = 0, actual = 0, count = 0, weight = 0;
    };
    const std::vector<double> p = predictions(set, items, w);
    const std::vector<double> weights = fsrsRecencyWeights(p.size());
    std::map<std::tuple<long, long, long>, Bin> bins;
    double loss = 0, weightSum = 0;
    for (size_t i = 0; i < p.size(); ++i) {
        const FsrsItem &item = items[i];
        const double y = set.current(item).rating > 1 ? 1 : 0;
        loss += (y * std::log(p[i]) + (1 - y) * std::log(1 - p[i])) * weights[i];
        weightSum += weights[i];
        Bin &bin = bins[binOf(set, item)];
        bin.predicted += p[i];
        bin.actual += y;
        bin.count += 1;
        bin.weight += weights[i];
    }
    double squares = 0, binWeights = 0;
    for (const auto &[key, bin] : bins) {
        const double gap = bin.predicted / bin.count - bin.actual / bin.count;
        squares += gap * gap * bin.weight;
        binWeights += bin.weight;
    }
    return {p.empty() ? 0 : -loss / weightSum, binWeights > 0 ? std::sqrt(squares / binWeights) : 0};
}

} // namespace k8sfc
