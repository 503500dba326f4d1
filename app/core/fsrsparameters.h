#pragma once

#include <QList>
#include <array>

namespace k8sfc {

/// The settings of the FSRS scheduler. The defaults are those of ts-fsrs 5.4 (FSRS-6).
struct FsrsParameters
{
    /// FSRS-6 default weights w0…w20, as published by open-spaced-repetition.
    static constexpr std::array<double, 21> kDefaultWeights{0.212,  1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194,
                                                            0.001,  1.8722, 0.1666, 0.796,  1.4835, 0.0614, 0.2629,
                                                            1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542};
    static constexpr double kMinRetention = 0.70;
    static constexpr double kMaxRetention = 0.97;

    std::array<double, 21> w = kDefaultWeights;
    double desiredRetention = 0.9; ///< clamped to kMinRetention…kMaxRetention
    int maximumInterval = 36500;   ///< days, 1…36500
    /// Whole minutes count, as in ts-fsrs: a step is rounded to the nearest minute.
    QList<qint64> learningStepsSecs{60, 600};
    QList<qint64> relearningStepsSecs{600};
    /// Off = ts-fsrs long-term mode: no learning steps, every grade schedules whole days.
    bool enableShortTerm = true;
    /// Spreads intervals of 3 days and more over the ts-fsrs fuzz range.
    bool enableFuzz = false;
};

} // namespace k8sfc
