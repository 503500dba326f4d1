#pragma once

namespace k8sfc {

/// Installs a one-shot filter that prints "first-paint-ms N" (N: milliseconds since the process
/// started, from /proc/self/stat) and "peak-rss-kb N" (VmHWM) when a top-level window first
/// paints, then quits the app.
/// Used by tests/bench/startup.sh to time start-up without a wall-clock race.
void reportFirstPaint();

} // namespace k8sfc
