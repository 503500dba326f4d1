#pragma once

#include <QSettings>

namespace k8sfc {

/// The app's QSettings file (~/.config/k8s-flashcards/k8s-flashcards.conf).
inline QSettings appSettings()
{
    return QSettings(QSettings::NativeFormat, QSettings::UserScope, QStringLiteral("k8s-flashcards"),
                     QStringLiteral("k8s-flashcards"));
}

} // namespace k8sfc
