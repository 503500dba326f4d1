#pragma once

#include "startoptions.h"

namespace k8sfc::cli {

/// Runs what `options` asks for other than the window (`validate`, `replay`, `--version`,
/// `--help`...), or prints its usage error, under the QCoreApplication the caller created.
/// Returns the exit code.
int run(const StartOptions &options);

} // namespace k8sfc::cli
