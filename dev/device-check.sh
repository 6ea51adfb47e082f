#!/usr/bin/env bash
# One full check on the GPU machine, in one device call (inside `.device/remote`, on a tree staged by
# dev/stage.sh): the @Tag("gpu") tests, every conformance case rendered on CUDA and on the CPU and compared,
# and `bench ops` with OpenCV and Pillow timed in the same run (dev/bench_peers.py) and a plot. Optionally the
# sanitizers (dev/sanitize.sh). Every log lands in $OUT.
#
# Build and stage here first:
#   ./mvnw -q -o -DskipTests package dependency:copy-dependencies -DincludeScope=test && dev/stage.sh
#   mkdir -p .kit && cp -r ../shared/conformance/cases ../shared/conformance/inputs .kit/   # no expected images
# Then, with the device tool, carrying [".device", ".stage", ".kit"]:
#   bash .device/remote 'bash dev/device-check.sh tests conformance bench'
# Steps (any subset, in this order): tests, conformance, bench, sanitize.
#   DEVICE_TESTS="--select-class X ..."   junit selectors for the tests step (default: every GPU test)
#   SANITIZE_TESTS="--select-package io.jimagecuda.parity"   selectors for the sanitize step
#   BENCH_ARGS="--reps 10"                 extra arguments for bench ops
set -uo pipefail
cd "$(dirname "$0")/.."
out=${OUT:-/tmp}
root=${GPU_TESTS_ROOT:-.stage}
cp="$root/jimagecuda-cli/target/classes:$root/jimagecuda-recipe/target/classes:$root/jimagecuda-core/target/classes"
cp="$cp:$root/jimagecuda-gl/target/classes:$root/lib/*"
cli() { java -cp "$cp" io.jimagecuda.cli.Main "$@"; }
status=0
for step in "$@"; do
  echo "== $step"
  start=$(date +%s)
  case $step in
    tests)
      # shellcheck disable=SC2086
      GPU_TESTS_ROOT=$root bash dev/gpu-tests.sh ${DEVICE_TESTS:-} >/dev/null 2>&1
      grep -E "tests (successful|failed|skipped|aborted)" "$out/gpu-tests.txt" | tr -s ' '
      grep -E "✘" "$out/gpu-tests.txt" | head -40
      grep -qE "\[ +0 tests failed" "$out/gpu-tests.txt" || status=1
      ;;
    conformance)
      cli conformance .kit --compare-backends >"$out/conformance-compare.md" 2>&1 || status=1
      tail -5 "$out/conformance-compare.md"
      grep -E "FAIL" "$out/conformance-compare.md" | head -20
      ;;
    bench)
      # shellcheck disable=SC2086
      cli bench ops --peers-cmd "python3 dev/bench_peers.py" --plot "$out/bench-ops.svg" ${BENCH_ARGS:-} \
        >"$out/bench-ops.md" 2>"$out/bench-ops.err" || status=1
      cat "$out/bench-ops.md"
      tail -3 "$out/bench-ops.err"
      ;;
    sanitize)
      # shellcheck disable=SC2086
      GPU_TESTS_ROOT=$root SANITIZER_TOOLS=${SANITIZER_TOOLS:-memcheck racecheck initcheck synccheck} \
        bash dev/sanitize.sh ${SANITIZE_TESTS:-} || status=1
      ;;
    *)
      echo "device-check: unknown step $step (tests, conformance, bench, sanitize)" >&2
      exit 2
      ;;
  esac
  echo "== $step: $(( $(date +%s) - start )) s"
done
exit $status
