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
    /// `--profile NAME` names no profile: asks "No profile named NAME. Create it?", listing the
    /// profiles there. NAME to create it, another profile chosen instead, or nullopt (cancelled).
    static std::optional<QString> confirmNew(const QString &dataDir, const QString &name);
};

} // namespace k8sfc
