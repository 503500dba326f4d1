#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QVariant>

#include <optional>

namespace k8sfc {

/// Whose a setting is: the computer's (shared by every profile) or one learner's (kept in the
/// profile's folder, beside its mastery database).
enum class Scope { Machine, Learner };

/// A setting's one declaration: its QSettings key, its type, its default and its scope.
template <typename T>
struct SettingKey
{
    const char *name;
    T fallback;
    Scope scope;
};

/// Every setting the app keeps.
namespace setting {
// The computer's: how the app looks and where its windows were.
inline const SettingKey<QString> theme{"appearance/theme", QStringLiteral("system"), Scope::Machine};
inline const SettingKey<double> fontScale{"appearance/font-scale", 1.0, Scope::Machine};
inline const SettingKey<QByteArray> windowGeometry{"window/geometry", {}, Scope::Machine};
inline const SettingKey<QByteArray> windowSplitter{"window/splitter", {}, Scope::Machine};
inline const SettingKey<double> diagramZoom{"diagram/zoom", 1.0, Scope::Machine};
inline const SettingKey<bool> showMastery{"diagram/mastery", false, Scope::Machine};
inline const SettingKey<bool> openedAComponent{"hints/opened-a-component", false, Scope::Machine};
inline const SettingKey<double> presentationScale{"presentation/scale", 1.0, Scope::Machine};
inline const SettingKey<QString> lastProfile{"profiles/last", {}, Scope::Machine};
// The learner's: how they study. A new one is also listed in settings.cpp's learnerKeys().
inline const SettingKey<double> desiredRetention{"study/desired-retention", 0.9, Scope::Learner};
inline const SettingKey<int> maximumIntervalDays{"study/maximum-interval-days", 36500, Scope::Learner};
inline const SettingKey<int> dayStartHour{"study/day-start-hour", 4, Scope::Learner};
inline const SettingKey<int> newCardsPerDay{"study/new-cards-per-day", 20, Scope::Learner};
inline const SettingKey<int> reviewsPerDay{"study/reviews-per-day", 200, Scope::Learner};
inline const SettingKey<bool> fuzz{"study/fuzz", true, Scope::Learner};
} // namespace setting

/// Reads and writes settings declared in `setting`: the computer's in
/// ~/.config/k8s-flashcards/k8s-flashcards.conf, a learner's in PROFILE/settings.ini.
class Settings
{
public:
    /// `profileDir`: the learner's folder (Profiles::folder); without one, learner settings read
    /// as their defaults and are not written.
    explicit Settings(QString profileDir = {}) : m_profileDir(std::move(profileDir)) {}

    template <typename T>
    T value(const SettingKey<T> &key) const
    {
        return read(key.name, key.scope).value_or(QVariant::fromValue(key.fallback)).template value<T>();
    }
    template <typename T>
    void setValue(const SettingKey<T> &key, const T &value) const
    {
        write(key.name, key.scope, QVariant::fromValue(value));
    }

    /// The computer's settings file (where learner settings were kept before profiles had theirs).
    static QSettings machineFile();
    /// Learner settings were once the computer's. The first start after they became the
    /// learner's copies those values into every profile given (`profileDirs`) that has none of
    /// its own, then takes them out of the computer's file: a profile made later starts from the
    /// defaults, and an old value changed later reaches no one. Later starts find nothing to do.
    static void moveLearnerSettingsInto(const QStringList &profileDirs);

private:
    std::optional<QVariant> read(const char *name, Scope scope) const;
    void write(const char *name, Scope scope, const QVariant &value) const;

    QString m_profileDir;
};

} // namespace k8sfc
