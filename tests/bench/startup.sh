#!/usr/bin/env bash
# Start-up to first painted window and peak memory, on a fresh Xvfb with a fresh data folder,
# for the bundled content and at scale (50,000 cards). A benchmark: it prints numbers, asserts
# nothing. Usage: tests/bench/startup.sh [BUILD_DIR] [RUNS]
set -euo pipefail
build=${1:-build-release}
runs=${2:-7}
app="$build/bin/k8s-flashcards"
scale=$(mktemp -d)
trap 'rm -rf "$scale"' EXIT
"$build/tests/bench_scale" --write-content "$scale"

measure() { # label, extra args...
  local label=$1; shift
  local times=() rss=()
  for _ in $(seq "$runs"); do
    local data; data=$(mktemp -d)
    local out
    out=$(K8SFC_MEASURE_STARTUP=1 XDG_RUNTIME_DIR=$(mktemp -d) xvfb-run -a -s "-screen 0 1280x720x24" \
          /usr/bin/time -f "maxrss-kb %M" "$app" --data-dir "$data" "$@" 2>&1 || true)
    times+=("$(grep -o 'first-paint-ms [0-9]*' <<<"$out" | awk '{print $2}')")
    rss+=("$(grep -o 'maxrss-kb [0-9]*' <<<"$out" | awk '{print $2}')")
    rm -rf "$data"
  done
  local median_ms median_rss
  median_ms=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  median_rss=$(printf '%s\n' "${rss[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf '%-28s first paint %5s ms (median of %d)   peak RSS %6.1f MB\n' "$label" "$median_ms" "$runs" \
         "$(awk -v k="$median_rss" 'BEGIN {print k/1024}')"
}
measure "bundled content"
measure "50,000 cards (--content)" --content "$scale"
