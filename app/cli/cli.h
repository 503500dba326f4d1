#pragma once

#include <QStringList>
#include <optional>

namespace k8sfc::cli {

/// Runs a headless command named by the first argument (`validate`, `replay`, `--version`, `--help`) under
/// the QCoreApplication the caller created. Returns the exit code, or nullopt when the arguments
/// are for the window instead.
std::optional<int> run(const QStringList &arguments);

/// True when the arguments name a headless command (so no QApplication is needed).
bool isHeadless(const QStringList &arguments);

QString helpText();

} // namespace k8sfc::cli
