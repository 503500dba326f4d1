#include "settings.h"

#include <QDir>

namespace k8sfc {

namespace {

QSettings learnerFile(const QString &profileDir)
{
    return QSettings(QDir(profileDir).filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
}

// Every Scope::Learner setting.
QStringList learnerKeys()
{
    return {QLatin1String(setting::desiredRetention.name), QLatin1String(setting::maximumIntervalDays.name),
            QLatin1String(setting::dayStartHour.name),     QLatin1String(setting::newCardsPerDay.name),
            QLatin1String(setting::reviewsPerDay.name),    QLatin1String(setting::fuzz.name)};
}

} // namespace

QSettings Settings::machineFile()
{
    return QSettings(QSettings::NativeFormat, QSettings::UserScope, QStringLiteral("k8s-flashcards"),
                     QStringLiteral("k8s-flashcards"));
}

std::optional<QVariant> Settings::read(const char *name, Scope scope) const
{
    const QString key = QString::fromLatin1(name);
    if (scope == Scope::Learner && m_profileDir.isEmpty())
        return std::nullopt;
    const QSettings file = scope == Scope::Machine ? machineFile() : learnerFile(m_profileDir);
    return file.contains(key) ? std::optional(file.value(key)) : std::nullopt;
}

void Settings::moveLearnerSettingsInto(const QStringList &profileDirs)
{
    QSettings machine = machineFile();
    QStringList found;
    for (const QString &key : learnerKeys())
        if (machine.contains(key))
            found.append(key);
    if (found.isEmpty())
        return;
    for (const QString &dir : profileDirs) {
        QSettings learner = learnerFile(dir);
        for (const QString &key : std::as_const(found))
            if (!learner.contains(key))
                learner.setValue(key, machine.value(key));
        learner.sync();
        if (learner.status() != QSettings::NoError)
            return; // kept with the computer's until every profile has them
    }
    for (const QString &key : std::as_const(found))
        machine.remove(key);
}

void Settings::write(const char *name, Scope scope, const QVariant &value) const
{
    const QString key = QString::fromLatin1(name);
    if (scope == Scope::Machine)
        machineFile().setValue(key, value);
    else if (!m_profileDir.isEmpty())
        learnerFile(m_profileDir).setValue(key, value);
}

} // namespace k8sfc
