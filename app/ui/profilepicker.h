#pragma once

#include <QString>
#include <optional>

namespace k8sfc {

/// At start on a shared computer: who is studying? Lists the profiles and lets a new learner
/// add one. Nullopt when the learner cancels.
class ProfilePicker
{
public:
    static std::optional<QString> choose(const QString &dataDir);
};

} // namespace k8sfc
