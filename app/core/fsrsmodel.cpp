#include "fsrsmodel.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace k8sfc {

namespace {

/// The ranges ts-fsrs clips each weight to (its CLAMP_PARAMETERS); w19's floor depends on the mode.
std::array<std::pair<double, double>, 21> weightRanges(bool shortTerm)
{
    const double s = FsrsModel::kMinStability;
    return {{{s, 100},     {s, 100},   {s, 100},      {s, 100},     {1, 10},
             {0.001, 4},   {0.001, 4}, {0.001, 0.75}, {0, 4.5},     {0, 0.8},
             {0.001, 3.5}, {0.001, 5}, {0.001, 0.25}, {0.001, 0.9}, {0, 4},
             {0, 1},       {1, 6},     {0, 2},        {0, 2},       {shortTerm ? 0.01 : 0, 0.8},
             {0.1, 0.8}}};
}

double clampTo(double x, const std::pair<double, double> &range)
{
    return std::clamp(std::isfinite(x) ? x : 0.0, range.first, range.second);
}

} // namespace

FsrsModel::FsrsModel(const std::array<double, 21> &w, double desiredRetention, bool enableShortTerm,
                     int relearningStepCount)
    : m_shortTerm(enableShortTerm)
{
    auto ranges = weightRanges(enableShortTerm);
    if (relearningStepCount > 1) {
        // Several relearning steps each apply the short-term bonus; cap it so that a lapse followed
        // by Good on every step cannot end above the stability before the lapse.
        const double w11 = clampTo(w[11], ranges[11]);
        const double w13 = clampTo(w[13], ranges[13]);
        const double w14 = clampTo(w[14], ranges[14]);
        const double value = -(std::log(w11) + std::log(std::pow(2.0, w13) - 1) + w14 * 0.3) / relearningStepCount;
        const double ceiling = std::clamp(round8(std::sqrt(std::max(value, 0.0))), 0.01, 2.0);
        ranges[17].second = ceiling;
        ranges[18].second = ceiling;
    }
    for (size_t i = 0; i < w.size(); ++i)
        m_w[i] = clampTo(w[i], ranges[i]);

    m_decay = -m_w[20];
    // The factor makes R = 90 % exactly when the elapsed time equals the stability.
    m_factor = round8(std::pow(0.9, 1 / m_decay) - 1);
    m_intervalModifier = round8((std::pow(desiredRetention, 1 / m_decay) - 1) / m_factor);
}

double FsrsModel::roundHalfUp(double x)
{
    const double down = std::floor(x);
    return x - down >= 0.5 ? down + 1 : down;
}

double FsrsModel::round8(double x)
{
    return roundHalfUp(x * 1e8) / 1e8;
}

double FsrsModel::retrievability(double elapsedDays, double stability) const
{
    return round8(std::pow(1 + m_factor * elapsedDays / stability, m_decay));
}

double FsrsModel::initDifficulty(int rating) const
{
    // Not clamped: the mean reversion in nextDifficulty() pulls towards D0(Easy) as it is.
    return round8(m_w[4] - std::exp((rating - 1) * m_w[5]) + 1);
}

FsrsMemory FsrsModel::initial(int rating) const
{
    return {std::max(m_w[rating - 1], 0.1), std::clamp(initDifficulty(rating), 1.0, 10.0)};
}

double FsrsModel::nextDifficulty(double difficulty, int rating) const
{
    const double delta = -m_w[6] * (rating - 3);
    // Linear damping: the closer to 10, the smaller the step.
    const double damped = difficulty + round8(delta * (10 - difficulty) / 9);
    const double reverted = round8(m_w[7] * initDifficulty(4) + (1 - m_w[7]) * damped);
    return std::clamp(reverted, 1.0, 10.0);
}

double FsrsModel::recallStability(const FsrsMemory &m, double r, int rating) const
{
    const double hardPenalty = rating == 2 ? m_w[15] : 1;
    const double easyBonus = rating == 4 ? m_w[16] : 1;
    const double increase = std::exp(m_w[8]) * (11 - m.difficulty) * std::pow(m.stability, -m_w[9]) *
                            (std::exp((1 - r) * m_w[10]) - 1) * hardPenalty * easyBonus;
    return round8(std::clamp(m.stability * (1 + increase), kMinStability, kMaxStability));
}

double FsrsModel::forgetStability(const FsrsMemory &m, double r) const
{
    const double s = m_w[11] * std::pow(m.difficulty, -m_w[12]) * (std::pow(m.stability + 1, m_w[13]) - 1) *
                     std::exp((1 - r) * m_w[14]);
    return round8(std::clamp(s, kMinStability, kMaxStability));
}

double FsrsModel::shortTermStability(double stability, int rating) const
{
    double increase = std::pow(stability, -m_w[19]) * std::exp(m_w[17] * (rating - 3 + m_w[18]));
    if (rating >= 2) // a passing grade on the same day never lowers stability
        increase = std::max(increase, 1.0);
    return round8(std::clamp(stability * increase, kMinStability, kMaxStability));
}

FsrsMemory FsrsModel::next(const FsrsMemory &memory, qint64 elapsedDays, int rating) const
{
    FsrsMemory result;
    if (elapsedDays == 0 && m_shortTerm) {
        result.stability = shortTermStability(memory.stability, rating);
    } else {
        const double r = retrievability(double(elapsedDays), memory.stability);
        if (rating == 1) {
            // FSRS-6: a lapse never leaves stability above S / e^(w17·w18) (above S in long-term mode).
            const double bonus = m_shortTerm ? std::exp(m_w[17] * m_w[18]) : 1.0;
            const double ceiling = round8(memory.stability / bonus);
            result.stability = std::min(std::max(ceiling, kMinStability), forgetStability(memory, r));
        } else {
            result.stability = recallStability(memory, r, rating);
        }
    }
    result.difficulty = nextDifficulty(memory.difficulty, rating);
    return result;
}

} // namespace k8sfc
