#pragma once

#include <QString>
#include <QStringList>

namespace k8sfc {

/// Several learners on one computer (a lab PC): each profile has its own mastery database and
/// backups. "Default" lives in the data folder itself, so a single learner never sees profiles;
/// the others in DATA/profiles/NAME. Content (the learner's own decks) is shared.
class Profiles
{
public:
    static constexpr const char *kDefault = "Default";

    /// "Default" first, then the others by name.
    static QStringList list(const QString &dataDir);
    /// The folder holding a profile's database; empty for an invalid name.
    static QString folder(const QString &dataDir, const QString &name);
    /// True when `name` is one of list(dataDir): a mistyped name is not created unasked.
    static bool exists(const QString &dataDir, const QString &name);
    /// Letters, digits, spaces, '-' and '_', 1 to 40 characters, not starting with a space.
    static bool isValidName(const QString &name);
};

} // namespace k8sfc
