#!/usr/bin/env bash
# Runs the @Tag("gpu") tests under each of compute-sanitizer's tools (memcheck, racecheck, initcheck,
# synccheck) and prints one summary line per tool: the sanitizer's error count over every process it
# watched (the JVM, and child JVMs of tests that start one) and JUnit's own counts. Meant for the GPU
# machine, inside `.device/remote`, like dev/gpu-tests.sh (which it calls; same class path rules).
# Usage: dev/sanitize.sh [junit selectors, default: every GPU test]
#   SANITIZER_TOOLS="memcheck racecheck"   the tools to run (default: all four)
#   GPU_TESTS_ROOT=.stage                  a staged tree (dev/stage.sh), as for dev/gpu-tests.sh
# API errors are not counted (--report-api-errors no): every CUDA call's result is checked by CudaCall and
# turned into an exception, and some GPU tests provoke such errors on purpose (out of memory, a missing
# kernel); an unexpected one fails its test instead.
# Attaching to the JVM: the sanitizer starts bash (gpu-tests.sh), which starts java; --target-processes all
# follows that child. The JVM initialises CUDA only after JUnit has scanned the class path (tens of seconds
# under racecheck), long after the default --launch-timeout of 10 s: the sanitizer then gave up with "No
# attachable process found" and printed no summary ("0 processes"). So: --launch-timeout 0 (wait for the
# JVM however long it takes) and --require-cuda-init no (bash itself never uses CUDA). A run that still
# shows 0 processes prints the sanitizer's own error lines, and counts as a failure.
#   GPU_TESTS_FAULTS=0      (the default here) leaves out the tests tagged gpu-fault: StickyErrorGpuTest makes
#                           a kernel write to an address never allocated, on purpose (the sticky-error path),
#                           which memcheck rightly reports; GPU_TESTS_FAULTS=1 runs them last, in a JVM of their
#                           own (dev/gpu-tests.sh), to see the sanitizer catch that fault (the JUnit counts in the
#                           summary are then that last JVM's).
#   GPU_TESTS_EXCLUDE=REGEX test classes left out (JUnit's --exclude-classname), as for dev/gpu-tests.sh.
# racecheck leaves out the tests tagged host-threads: they launch kernels from two threads at once, which racecheck
# cannot follow ("Internal Sanitizer Error: Detected a failure to track a kernel launch", then a false hazard or a
# stream that never completes; measured on the H200 with a probe, see docs/reliability.md). The summary says so.
#   SANITIZER_PARALLEL=1    run the tools at the same time (one JVM each; for a machine with many cores). They
#                           share the GPU and one display: the device-memory tests can fail from the other JVM's
#                           allocations, and window tests may capture each other; dev/sanitize-parallel.sh gives
#                           each tool a display of its own.
#   SANITIZER_TIMEOUT=540   seconds per tool (racecheck and synccheck are 10-100x slower than memcheck;
#                           give them a subset, e.g. --select-package io.jimagecuda.parity)
# Logs: $OUT/sanitizer-<tool>.txt (sanitizer reports and the JUnit tree). Exit status 1 if any tool found an
# error, a test failed under it, it saw no process, or it ran out of time.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cs=${COMPUTE_SANITIZER:-$(command -v compute-sanitizer || ls /usr/local/cuda*/bin/compute-sanitizer 2>/dev/null | head -1)}
if [ -z "$cs" ] || [ ! -x "$cs" ]; then
  echo "sanitize: compute-sanitizer not found (install the CUDA toolkit or set COMPUTE_SANITIZER)" >&2
  exit 2
fi
out=${OUT:-/tmp}
# The leak tests' 10^6 and 10^4 cycles measure memory, not kernels: under the sanitizer 10^4 and 10^2 do.
# Child JVMs run under the sanitizer too, several times slower: their tests wait 4 times as long.
export GPU_TESTS_JVM_OPTS="${GPU_TESTS_JVM_OPTS:--Djimagecuda.test.leakCycles=10000 -Djimagecuda.test.timeoutScale=4}"
export GPU_TESTS_FAULTS="${GPU_TESTS_FAULTS:-0}"
# No thread dumps from dev/gpu-tests.sh's watcher: its helper processes would run under the sanitizer too.
export GPU_TESTS_DUMP_EVERY="${GPU_TESTS_DUMP_EVERY:-0}"

# Runs one tool over the tests; its summary line goes to $out/sanitizer-<tool>.summary, its verdict to the
# exit status.
run_tool() {
  local tool=$1
  shift
  local log="$out/sanitizer-$tool.txt"
  mkdir -p "$out/sanitizer-$tool"
  local start
  start=$(date +%s)
  # --target-processes all follows the JVM that the test script starts (and its children).
  local extra=() left=""
  if [ "$tool" = racecheck ]; then
    extra=(--exclude-tag host-threads)
    left="; tests tagged host-threads left out (racecheck cannot follow launches from two threads)"
  fi
  OUT="$out/sanitizer-$tool" timeout -k 10 "${SANITIZER_TIMEOUT:-540}" "$cs" --tool "$tool" --target-processes all \
    --launch-timeout 0 --require-cuda-init no --print-limit 20 --report-api-errors no \
    bash "$here/gpu-tests.sh" "${extra[@]}" "$@" >"$log" 2>&1
  local rc=$?
  local secs=$(( $(date +%s) - start ))
  # memcheck, initcheck, synccheck: "ERROR SUMMARY: N errors"; racecheck: "RACECHECK SUMMARY: ... (N errors, M warnings)".
  local errors processes ok failed skipped note=""
  errors=$(grep -E "(ERROR SUMMARY: [0-9]+ error|RACECHECK SUMMARY: .*\([0-9]+ error)" "$log" \
    | sed -E 's/.*(ERROR SUMMARY: |\()([0-9]+) error.*/\2/' | awk '{s += $1} END {print s + 0}')
  processes=$(grep -cE "(ERROR|RACECHECK) SUMMARY" "$log")
  ok=$(grep -E "tests successful" "$log" | tail -1 | grep -oE "[0-9]+" | head -1)
  failed=$(grep -E "tests failed" "$log" | tail -1 | grep -oE "[0-9]+" | head -1)
  skipped=$(grep -E "tests skipped" "$log" | tail -1 | grep -oE "[0-9]+" | head -1)
  local timedout=""
  if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
    timedout=1
    # No summary then (the sanitizer prints it when the process ends): count what the log shows so far, the
    # tests that ended (GPU_TESTS_DETAILS=testfeed) and the reports printed as they were found.
    local reports
    reports=$(grep -E "^=+ (Error|ERROR|Invalid|Race|Uninitialized|Barrier|Warning)" "$log" | grep -vc "SUMMARY")
    ok=${ok:-$(grep -c ":: SUCCESSFUL" "$log")}
    failed=${failed:-$(grep -c ":: FAILED" "$log")}
    note="; TIMED OUT after ${SANITIZER_TIMEOUT:-540} s (select fewer tests): no summary, $reports reports printed before"
  fi
  if [ "$processes" = 0 ] && [ -z "$timedout" ]; then
    local why
    why=$(grep -E "^=+ (Error|ERROR)" "$log" | head -2 | tr '\n' ' ')
    note="$note; NOT ATTACHED: no summary from any process${why:+ ($why)}"
  fi
  echo "$tool: ${errors} errors in ${processes} processes; tests ${ok:-?} successful, ${failed:-?} failed, ${skipped:-?} skipped; ${secs} s$note$left" \
    >"$out/sanitizer-$tool.summary"
  [ "${errors}" = 0 ] && [ "${failed:-1}" = 0 ] && [ "$processes" != 0 ] && [ -z "$note" ]
}

status=0
tools=(${SANITIZER_TOOLS:-memcheck racecheck initcheck synccheck})
if [ -n "${SANITIZER_PARALLEL:-}" ]; then
  # every tool at once, each in its own JVM (a machine with many cores: the tools are CPU-bound)
  pids=()
  for tool in "${tools[@]}"; do
    run_tool "$tool" "$@" &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do
    wait "$pid" || status=1
  done
else
  for tool in "${tools[@]}"; do
    run_tool "$tool" "$@" || status=1
  done
fi
for tool in "${tools[@]}"; do
  cat "$out/sanitizer-$tool.summary"
done
exit $status
