#pragma once

#include "settings.h"

namespace k8sfc {

/// The computer's settings file, for MainWindow until it reads its keys through Settings.
inline QSettings appSettings()
{
    return Settings::machineFile();
}

} // namespace k8sfc
