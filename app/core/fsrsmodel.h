#pragma once

#include <QtGlobal>
#include <array>

namespace k8sfc {

/// A card's memory: stability in days and difficulty 1…10.
struct FsrsMemory
{
    double stability = 0;
    double difficulty = 0;
};

/// The FSRS-6 memory model: how stability and difficulty move on a grade, and how recall fades.
/// Formulas from the FSRS algorithm wiki
/// (https://github.com/open-spaced-repetition/fsrs4anki/wiki/The-Algorithm), with the clamps and the
/// rounding to 8 decimals of ts-fsrs 5.4, so that results agree with it to the last printed digit.
class FsrsModel
{
public:
    static constexpr double kMinStability = 0.001;
    static constexpr double kMaxStability = 36500;

    /// Weights out of range are clipped to the ranges ts-fsrs allows; w17/w18 get a lower ceiling
    /// with more than one relearning step, so relearning cannot raise stability.
    FsrsModel(const std::array<double, 21> &w, double desiredRetention, bool enableShortTerm, int relearningStepCount);

    const std::array<double, 21> &weights() const { return m_w; }
    /// Interval in days per day of stability at the desired retention (1 at 90 %).
    double intervalModifier() const { return m_intervalModifier; }

    /// Probability of recall after `elapsedDays` at `stability`.
    double retrievability(double elapsedDays, double stability) const;
    FsrsMemory initial(int rating) const;
    /// The memory after a review `elapsedDays` (whole days) after the previous one.
    FsrsMemory next(const FsrsMemory &memory, qint64 elapsedDays, int rating) const;

    /// JavaScript's Math.round (halves go up), which ts-fsrs uses for intervals and minutes.
    static double roundHalfUp(double x);
    static double round8(double x);

private:
    double initDifficulty(int rating) const;
    double nextDifficulty(double difficulty, int rating) const;
    double recallStability(const FsrsMemory &m, double r, int rating) const;
    double forgetStability(const FsrsMemory &m, double r) const;
    double shortTermStability(double stability, int rating) const;

    std::array<double, 21> m_w{};
    double m_decay = 0;
    double m_factor = 0;
    double m_intervalModifier = 1;
    bool m_shortTerm = true;
};

} // namespace k8sfc
