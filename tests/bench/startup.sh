#!/usr/bin/env bash
# Start-up to the first painted window and peak memory, for the bundled content and at scale
# (50,000 cards over 200 components), measured from outside by firstpaint.c: exec to the first
# window whose pixels are painted, and peak RSS two seconds later. Every run has a fresh Xvfb and
# a fresh home; "warm" runs share a deck cache filled by one unmeasured run first. A benchmark:
# it prints numbers and asserts nothing.
#
#   tests/bench/startup.sh [BUILD_DIR] [RUNS]
#
# Needs: xvfb xauth libx11-dev libxdamage-dev, and a build with Google Benchmark (bench_scale
# writes the content at scale).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-build-release}" && pwd)
runs=${2:-7}
app="$build/bin/k8s-flashcards"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cc -O2 -o "$work/firstpaint" "$here/firstpaint.c" -lX11 -lXdamage -lXfixes
"$build/tests/bench_scale" --write-content "$work/scale" >/dev/null
mkdir -p "$work/warm-cache"

one() { # cache-dir|"" args... -> "paint-ms rss-kb"
  local cache=$1; shift
  local home; home=$(mktemp -d -p "$work")
  mkdir -m 0700 "$home/run"
  local out
  out=$(cd "$home" && env HOME="$home" XDG_RUNTIME_DIR="$home/run" ${cache:+XDG_CACHE_HOME="$cache"} \
        xvfb-run -a -s "-screen 0 1280x720x24" "$work/firstpaint" --settle 2000 -- "$app" "$@" 2>/dev/null || true)
  rm -rf "$home"
  echo "$(awk '/^first-paint-ms/ {print $2}' <<<"$out") $(awk '/^peak-rss-kb/ {print $2}' <<<"$out")"
}

measure() { # label cache-dir|"" args...
  local label=$1; shift
  local times=() rss=()
  for _ in $(seq "$runs"); do
    read -r t r <<<"$(one "$@")"
    times+=("$t"); rss+=("$r")
  done
  local median_ms median_rss
  median_ms=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  median_rss=$(printf '%s\n' "${rss[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf '%-44s first paint %5s ms (median of %d)   peak RSS %6.1f MB\n' "$label" "$median_ms" "$runs" \
         "$(awk -v k="$median_rss" 'BEGIN {print k/1024}')"
}

echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(uname -r)"
measure "bundled content, first run (fresh home)" ""
measure "50,000 cards, first run (nothing cached)" "" --content "$work/scale"
one "$work/warm-cache" --content "$work/scale" >/dev/null # fills the deck cache
measure "50,000 cards, decks cached by an earlier run" "$work/warm-cache" --content "$work/scale"
