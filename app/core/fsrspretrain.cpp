#include "fsrspretrain.h"

#include "fsrsparameters.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <set>

namespace k8sfc {

namespace {

/// fsrs-rs keeps its defaults in single precision: the pre-training curve uses them as such.
double defaultWeight(int i)
{
    return double(float(FsrsParameters::kDefaultWeights[size_t(i)]));
}

/// Log loss of a curve of stability `s` against the smoothed recall per interval, plus the pull
/// towards the default stability.
double initialLoss(const std::vector<std::array<double, 3>> &points, double s, double defaultS)
{
    const double decay = -defaultWeight(20);
    const double factor = std::pow(0.9, 1 / decay) - 1;
    double loss = 0;
    for (const auto &[deltaT, recall, count] : points) {
        const double p = std::pow(deltaT / s * factor + 1, decay);
        loss += -(recall * std::log(p) + (1 - recall) * std::log(1 - p)) * count;
    }
    return loss + std::abs(s - defaultS) / 16;
}

/// The missing ratings' stabilities from two known ones, by fsrs-rs's fixed ratios (log-linear
/// in the rating, with the weights 0.41 and 0.54 it fitted on many collections).
void fillFromTwo(std::array<std::optional<double>, 5> &r)
{
    const double w1 = 0.41, w2 = 0.54;
    const auto p = [](double x, double e) { return std::pow(x, e); };
    if (!r[1] && !r[2] && r[3] && r[4]) {
        r[2] = p(*r[3], 1 / (1 - w2)) * p(*r[4], 1 - 1 / (1 - w2));
        r[1] = p(*r[2], 1 / w1) * p(*r[3], 1 - 1 / w1);
    } else if (!r[1] && r[2] && !r[3] && r[4]) {
        r[3] = p(*r[2], 1 - w2) * p(*r[4], w2);
        r[1] = p(*r[2], 1 / w1) * p(*r[3], 1 - 1 / w1);
    } else if (!r[1] && r[2] && r[3] && !r[4]) {
        r[4] = p(*r[2], 1 - 1 / w2) * p(*r[3], 1 / w2);
        r[1] = p(*r[2], 1 / w1) * p(*r[3], 1 - 1 / w1);
    } else if (r[1] && !r[2] && !r[3] && r[4]) {
        const double k = w1 / (w1 + w2 - w1 * w2), m = w2 / (w1 + w2 - w1 * w2);
        r[2] = p(*r[1], k) * p(*r[4], 1 - k);
        r[3] = p(*r[1], 1 - m) * p(*r[4], m);
    } else if (r[1] && !r[2] && r[3] && !r[4]) {
        r[2] = p(*r[1], w1) * p(*r[3], 1 - w1);
        r[4] = p(*r[2], 1 - 1 / w2) * p(*r[3], 1 / w2);
    } else if (r[1] && r[2] && !r[3] && !r[4]) {
        r[3] = p(*r[1], 1 - 1 / (1 - w1)) * p(*r[2], 1 / (1 - w1));
        r[4] = p(*r[2], 1 - 1 / w2) * p(*r[3], 1 / w2);
    }
}

void fillFromThree(std::array<std::optional<double>, 5> &r)
{
    const double w1 = 0.41, w2 = 0.54;
    const auto p = [](double x, double e) { return std::pow(x, e); };
    if (!r[1] && r[2] && r[3])
        r[1] = p(*r[2], 1 / w1) * p(*r[3], 1 - 1 / w1);
    else if (r[1] && !r[2] && r[3])
        r[2] = p(*r[1], w1) * p(*r[3], 1 - w1);
    else if (r[2] && !r[3] && r[4])
        r[3] = p(*r[2], 1 - w2) * p(*r[4], w2);
    else if (r[2] && r[3] && !r[4])
        r[4] = p(*r[2], 1 - 1 / w2) * p(*r[3], 1 / w2);
}

} // namespace

FsrsPretrain::Split FsrsPretrain::split(const FsrsItemSet &set)
{
    // first rating → first interval → items
    std::map<int, std::map<int, std::vector<FsrsItem>>> groups;
    for (const FsrsItem &item : set.items())
        if (set.longTermCount(item) == 1)
            groups[set.cards()[size_t(item.card)].front().rating][set.current(item).deltaT].push_back(item);
    Split out;
    std::array<std::set<int>, 5> dropped;
    for (auto &[rating, byInterval] : groups) {
        std::vector<std::pair<int, std::vector<FsrsItem>>> subgroups(byInterval.begin(), byInterval.end());
        // Smallest first; among equals, the shorter interval first.
        std::sort(subgroups.begin(), subgroups.end(), [](const auto &a, const auto &b) {
            return a.second.size() != b.second.size() ? a.second.size() < b.second.size() : a.first < b.first;
        });
        size_t total = 0;
        for (const auto &[deltaT, items] : subgroups)
            total += items.size();
        size_t removed = 0;
        for (const auto &[deltaT, items] : subgroups) {
            if (removed + items.size() >= std::max<size_t>(20, total / 20)) {
                if (items.size() >= 6 && deltaT <= (rating != 4 ? 100 : 365))
                    out.initialization.insert(out.initialization.end(), items.begin(), items.end());
                else
                    dropped[size_t(rating)].insert(deltaT);
            } else {
                removed += items.size();
                dropped[size_t(rating)].insert(deltaT);
            }
        }
    }
    for (const FsrsItem &item : set.items())
        if (!dropped[size_t(set.cards()[size_t(item.card)].front().rating)].count(set.firstLongTerm(item).deltaT))
            out.training.push_back(item);
    return out;
}

std::vector<FsrsItem> FsrsPretrain::evaluationItems(const FsrsItemSet &set)
{
    const Split parts = split(set);
    std::vector<FsrsItem> items = parts.initialization;
    for (const FsrsItem &item : parts.training)
        if (set.longTermCount(item) != 1)
            items.push_back(item);
    return items;
}

double FsrsPretrain::averageRecall(const FsrsItemSet &set, const std::vector<FsrsItem> &items)
{
    if (items.empty())
        return 0;
    const auto passed =
        std::count_if(items.begin(), items.end(), [&](const FsrsItem &i) { return set.current(i).rating > 1; });
    return double(float(double(passed) / double(items.size())));
}

std::optional<FsrsPretrain::Result>
FsrsPretrain::initialStability(const FsrsItemSet &set, const std::vector<FsrsItem> &items, double averageRecall)
{
    std::map<int, std::map<int, std::pair<double, double>>> groups; // rating → interval → (passed, count)
    for (const FsrsItem &item : items) {
        if (set.longTermCount(item) != 1)
            continue;
        auto &[passed, count] = groups[set.cards()[size_t(item.card)].front().rating][set.current(item).deltaT];
        passed += set.current(item).rating > 1 ? 1 : 0;
        count += 1;
    }
    Result result;
    std::map<int, double> stability;
    for (const auto &[rating, byInterval] : groups) {
        std::vector<std::array<double, 3>> points; // interval, smoothed recall, count
        for (const auto &[deltaT, pc] : byInterval) {
            points.push_back({double(deltaT), (pc.first + averageRecall) / (pc.second + 1), pc.second});
            result.ratingCount[rating] += int(pc.second);
        }
        const double defaultS = defaultWeight(rating - 1);
        double low = 0.001, high = 100, best = defaultS;
        for (int i = 0; i < 1000 && high - low > DBL_EPSILON; ++i) {
            const double mid1 = low + (high - low) / 3, mid2 = high - (high - low) / 3;
            if (initialLoss(points, mid1, defaultS) < initialLoss(points, mid2, defaultS))
                high = mid2;
            else
                low = mid1;
            best = (high + low) / 2;
        }
        stability[rating] = double(float(best));
    }
    const std::optional<std::array<double, 4>> filled = smoothAndFill(stability, result.ratingCount);
    if (!filled)
        return std::nullopt;
    result.stability = *filled;
    return result;
}

std::optional<std::array<double, 4>> FsrsPretrain::smoothAndFill(std::map<int, double> stability,
                                                                 const std::map<int, int> &ratingCount)
{
    std::erase_if(stability, [&](const auto &entry) { return !ratingCount.count(entry.first); });
    for (const auto &[small, big] : {std::pair{1, 2}, {2, 3}, {3, 4}, {1, 3}, {2, 4}, {1, 4}}) {
        if (!stability.count(small) || !stability.count(big) || stability[small] <= stability[big])
            continue;
        if (ratingCount.at(small) > ratingCount.at(big))
            stability[big] = stability[small];
        else
            stability[small] = stability[big];
    }
    std::array<std::optional<double>, 5> r;
    for (const auto &[rating, s] : stability)
        r[size_t(rating)] = s;
    if (stability.empty())
        return std::nullopt;
    if (stability.size() == 1) {
        // One rating known: the defaults, scaled by its ratio to its default.
        const auto &[rating, s] = *stability.begin();
        const double factor = s / defaultWeight(rating - 1);
        for (int i = 1; i <= 4; ++i)
            r[size_t(i)] = defaultWeight(i - 1) * factor;
    } else if (stability.size() == 2) {
        fillFromTwo(r);
    } else if (stability.size() == 3) {
        fillFromThree(r);
    }
    std::array<double, 4> out{};
    for (size_t i = 0; i < 4; ++i)
        out[i] = std::clamp(r[i + 1].value_or(0.0), 0.001, 100.0);
    return out;
}

} // namespace k8sfc
