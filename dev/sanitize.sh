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
# Logs: $OUT/sanitizer-<tool>.txt (sanitizer reports and the JUnit tree). Exit status 1 if any tool found an
# error or a test failed under it.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cs=${COMPUTE_SANITIZER:-$(command -v compute-sanitizer || ls /usr/local/cuda*/bin/compute-sanitizer 2>/dev/null | head -1)}
if [ -z "$cs" ] || [ ! -x "$cs" ]; then
  echo "sanitize: compute-sanitizer not found (install the CUDA toolkit or set COMPUTE_SANITIZER)" >&2
  exit 2
fi
out=${OUT:-/tmp}
status=0
for tool in ${SANITIZER_TOOLS:-memcheck racecheck initcheck synccheck}; do
  log="$out/sanitizer-$tool.txt"
  mkdir -p "$out/sanitizer-$tool"
  start=$(date +%s)
  # --target-processes all follows the JVM that the test script starts (and its children).
  OUT="$out/sanitizer-$tool" "$cs" --tool "$tool" --target-processes all --print-limit 20 --report-api-errors no \
    bash "$here/gpu-tests.sh" "$@" >"$log" 2>&1
  secs=$(( $(date +%s) - start ))
  # memcheck, initcheck, synccheck: "ERROR SUMMARY: N errors"; racecheck: "RACECHECK SUMMARY: ... (N errors, M warnings)".
  errors=$(grep -E "(ERROR SUMMARY: [0-9]+ error|RACECHECK SUMMARY: .*\([0-9]+ error)" "$log" \
    | sed -E 's/.*(ERROR SUMMARY: |\()([0-9]+) error.*/\2/' | awk '{s += $1} END {print s + 0}')
  processes=$(grep -cE "(ERROR|RACECHECK) SUMMARY" "$log")
  ok=$(grep -E "tests successful" "$log" | tail -1 | grep -oE "[0-9]+" | head -1)
  failed=$(grep -E "tests failed" "$log" | tail -1 | grep -oE "[0-9]+" | head -1)
  skipped=$(grep -E "tests skipped" "$log" | tail -1 | grep -oE "[0-9]+" | head -1)
  echo "$tool: ${errors} errors in ${processes} processes; tests ${ok:-?} successful, ${failed:-?} failed, ${skipped:-?} skipped; ${secs} s"
  if [ "${errors}" != 0 ] || [ "${failed:-1}" != 0 ] || [ "$processes" = 0 ]; then
    status=1
  fi
done
exit $status
