#!/usr/bin/env bash
# run-fuzzers.sh — runs the libFuzzer harnesses on the committed seeds.
#
#   tests/fuzz/run-fuzzers.sh BUILD-DIR [NAME…] -- [libFuzzer options…]
#
# BUILD-DIR was configured with CC=clang -Dfuzzing=true (see README.md).
# NAME is shapefile, project or csv (default: all three, one after the
# other). Each fuzzer works on a copy of its seeds in a fresh folder under
# $TMPDIR, never in the source tree; a crash leaves its input there and
# makes the script exit 1 after printing the path.
#
# CI runs it for a short time:    run-fuzzers.sh build-fuzz -- -max_total_time=25
# The long runs (README.md) used: run-fuzzers.sh build-fuzz csv -- -runs=10000000
set -u

top=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:?usage: run-fuzzers.sh BUILD-DIR [NAME…] -- [libFuzzer options…]}
shift
names=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
  names+=("$1")
  shift
done
[ $# -gt 0 ] && shift
[ ${#names[@]} -gt 0 ] || names=(shapefile project csv)

# UBSan must stop at the first report for libFuzzer to keep the input.
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
# Two frames of allocation stack and a 64 MiB quarantine instead of 30 and
# 256 MiB: a quarter less time per input, same checks (README.md).
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:malloc_context_size=2:quarantine_size_mb=64}

status=0
for name in "${names[@]}"; do
  case "$name" in
    shapefile) max_len=16384 ;;
    project) max_len=4096 ;;
    csv) max_len=4096 ;;
    *) echo "run-fuzzers.sh: unknown fuzzer $name" >&2; exit 2 ;;
  esac
  fuzzer="$build/tests/fuzz/fuzz-$name"
  if [ ! -x "$fuzzer" ]; then
    echo "run-fuzzers.sh: $fuzzer is not built (configure with -Dfuzzing=true)" >&2
    exit 2
  fi
  work=$(mktemp -d "${TMPDIR:-/tmp}/ca-fuzz-$name-XXXXXX")
  mkdir -p "$work/corpus" "$work/artifacts"
  cp "$top/tests/fuzz/corpus/$name/"* "$work/corpus/"
  if [ -d "$top/tests/fuzz/regressions/$name" ]; then
    cp "$top/tests/fuzz/regressions/$name/"* "$work/corpus/" 2>/dev/null
  fi
  [ "$name" = project ] && cp "$top/data/aktobe.caproj" "$work/corpus/"

  echo "== fuzz-$name in $work"
  "$fuzzer" -max_len=$max_len -timeout=120 -rss_limit_mb=4096 -print_final_stats=1 \
    -artifact_prefix="$work/artifacts/" "$@" "$work/corpus" >"$work/log" 2>&1
  rc=$?
  grep -E '^#[0-9]+[[:space:]]' "$work/log" | tail -1
  grep -E '^stat::' "$work/log"
  if [ $rc -ne 0 ] || [ -n "$(ls -A "$work/artifacts")" ]; then
    echo "fuzz-$name FAILED (exit $rc); inputs and log in $work:"
    ls "$work/artifacts"
    grep -E 'ERROR|SUMMARY|fuzz check' "$work/log" | head -5
    status=1
  else
    rm -rf "$work"
  fi
done
exit $status
