#!/usr/bin/env bash
# Start-up and memory side by side with the flashcard apps a learner would otherwise pick:
# K8s Flashcards (bundled content), KDE Parley (its welcome screen, and the same 234 cards as a
# KVTML collection) and Mnemosyne (its first-run window), with a bare Qt 6 window of the app's size
# (tests/bench/qtfloor.cpp) as the floor that no Qt app goes below. Every run gets a fresh Xvfb, a fresh
# D-Bus session and a fresh home folder; the apps take turns, round by round, so a slow moment of
# the machine does not fall on one app only. Each run is measured from outside by firstpaint.c:
# exec to the first window whose pixels are painted, and peak RSS two seconds after that.
# A benchmark: it prints numbers and asserts nothing.
#
#   tests/bench/compare.sh [BUILD_DIR] [ROUNDS]
#
# Needs: apt-get install parley mnemosyne xvfb xauth dbus libx11-dev libxdamage-dev python3-yaml
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=$(cd "${1:-build-release}" && pwd)
rounds=${2:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cc -O2 -o "$work/firstpaint" "$here/firstpaint.c" -lX11 -lXdamage -lXfixes
/usr/bin/python3 "$here/decks_to_kvtml.py" "$root/decks" "$work/k8s-flashcards.kvtml"

declare -A cmds=(
  [k8s-flashcards]="$build/bin/k8s-flashcards"
  [qt6-floor]="$build/tests/qt_floor"
  [parley-welcome]="parley"
  [parley-234-cards]="parley $work/k8s-flashcards.kvtml"
  [mnemosyne]="mnemosyne"
)
order=(k8s-flashcards parley-welcome parley-234-cards mnemosyne qt6-floor)
declare -A paint rss

run_one() { # name
  local home; home=$(mktemp -d -p "$work")
  mkdir -m 0700 "$home/run"
  local out
  # Mnemosyne's web view refuses to run as root without this; it does not change what it draws.
  out=$(cd "$home" && HOME="$home" XDG_RUNTIME_DIR="$home/run" QTWEBENGINE_CHROMIUM_FLAGS=--no-sandbox \
        xvfb-run -a -s "-screen 0 1280x720x24" dbus-run-session -- \
        "$work/firstpaint" --settle 2000 -- ${cmds[$1]} 2>/dev/null || true)
  paint[$1]+="$(awk '/^first-paint-ms/ {print $2}' <<<"$out") "
  rss[$1]+="$(awk '/^peak-rss-kb/ {print $2}' <<<"$out") "
  rm -rf "$home"
  sleep 1 # let the machine settle (writeback, exiting helpers) before the next app
}

for r in $(seq "$rounds"); do
  # Rotate the order each round.
  for i in "${!order[@]}"; do
    run_one "${order[$(( (i + r) % ${#order[@]} ))]}"
  done
done

stats() { # values... -> "median min max"
  printf '%s\n' "$@" | grep -v '^-1$' | sort -n |
    awk '{a[NR]=$1} END {if (NR == 0) print "- - -"; else print a[int((NR+1)/2)], a[1], a[NR]}'
}

echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(uname -r)"
echo "Rounds: $rounds (apps alternating), fresh Xvfb 1280x720, fresh home, fresh D-Bus session per run"
printf '%-18s %28s %22s\n' "app" "first paint ms: med (min-max)" "peak RSS MB: med"
for name in "${order[@]}"; do
  read -r pm pmin pmax <<<"$(stats ${paint[$name]})"
  read -r rm _ _ <<<"$(stats ${rss[$name]})"
  printf '%-18s %14s (%s-%s) %22s\n' "$name" "$pm" "$pmin" "$pmax" \
         "$(awk -v k="$rm" 'BEGIN { if (k == "-") print "-"; else printf "%.1f", k/1024 }')"
done
