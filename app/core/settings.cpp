#include "settings.h"

#include <QDir>

namespace k8sfc {

namespace {

QSettings learnerFile(const QString &profileDir)
{
    return QSettings(QDir(profileDir).filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
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
    const QSettings machine = machineFile();
    if (scope == Scope::Machine)
        return machine.contains(key) ? std::optional(machine.value(key)) : std::nullopt;
    if (m_profileDir.isEmpty())
        return std::nullopt;
    QSettings learner = learnerFile(m_profileDir);
    if (learner.contains(key))
        return learner.value(key);
    if (!machine.contains(key))
        return std::nullopt;
    // Kept with the computer's settings by earlier versions: this learner's from now on.
    learner.setValue(key, machine.value(key));
    return machine.value(key);
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
