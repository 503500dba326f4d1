#!/usr/bin/env bash
# Builds one libFuzzer target (clang-14, ASan + UBSan) in build-fuzz and runs it for SECONDS on a
# copy of its seed corpus. New corpus entries and crash reproducers stay in build-fuzz, never in git.
#
#   bash tests/fuzz/run.sh fuzz_deck 600
#
# Exits non-zero when the fuzzer finds a crash, a hang (>10 s for one input), an allocation past
# 2 GiB or a sanitizer report, and prints where the reproducer is. Single process on purpose: the
# machine is shared. Set JOBS=1 to build with one job while another build runs.
set -euo pipefail

if [[ $# -ne 2 || ! $2 =~ ^[0-9]+$ ]]; then
    echo "usage: $0 TARGET SECONDS   (TARGET: fuzz_deck, fuzz_diagram, fuzz_walkthrough, fuzz_replay)" >&2
    exit 2
fi
target=$1
seconds=$2
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
seeds=$source_dir/tests/fuzz/corpus/$target
if [[ ! -d $seeds ]]; then
    echo "$0: no seed corpus $seeds (unknown target $target?)" >&2
    exit 2
fi
build=${BUILD_DIR:-$source_dir/build-fuzz}

if [[ ! -f $build/build.ninja ]]; then
    cmake -S "$source_dir" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_C_COMPILER=clang-14 -DBUILD_TESTING=ON -DK8SFC_FUZZ=ON
fi
ninja -C "$build" ${JOBS:+-j "$JOBS"} "$target"

# The working corpus starts as a copy of the seeds and keeps growing between runs.
work=$build/fuzz/$target
mkdir -p "$work/corpus" "$work/artifacts"
cp -n "$seeds"/* "$work/corpus/"
dict=()
[[ -f $source_dir/tests/fuzz/$target.dict ]] && dict=(-dict="$source_dir/tests/fuzz/$target.dict")

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
"$build/tests/fuzz/$target" "$work/corpus" "${dict[@]}" -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -max_len="${MAX_LEN:-65536}" -artifact_prefix="$work/artifacts/" -print_final_stats=1 ||
    status=$?

if [[ $status -ne 0 ]]; then
    echo "$0: $target failed (exit $status). Reproducer(s):" >&2
    ls -t "$work/artifacts/" | sed "s|^|  $work/artifacts/|" >&2
    echo "Replay one with: $build/tests/fuzz/$target FILE" >&2
    exit 1
fi
echo "$0: $target ran ${seconds}s without a finding; corpus in $work/corpus"
