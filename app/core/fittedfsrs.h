#pragma once

#include <QDateTime>
#include <array>

namespace k8sfc {

/// FSRS weights fitted to the learner's own review log (Settings → Optimize for my memory), as the
/// profile's database keeps them: the scheduler uses them instead of the defaults.
struct FittedFsrs
{
    std::array<double, 21> weights{};
    QDateTime fittedAt;  ///< UTC
    int reviewCount = 0; ///< reviews the fit was made on
    /// The app has suggested fitting again since this fit; it does so once.
    bool refitSuggested = false;
};

} // namespace k8sfc
