#!/usr/bin/env bash
# Runs several compute-sanitizer jobs at the same time (dev/sanitize.sh once per job), each with an X display of its
# own: the first job uses $DISPLAY (the kit's Xvfb, :99), the others Xvfb servers started here on :98, :97, ... so
# that the window tests of one job never capture another's windows. A job is a tool and the JUnit selectors it runs;
# jobs are separated by `--`. Meant for the GPU machine, inside `.device/remote` with the x11 kit (prepare
# --with-x11); see docs/reliability.md "Sanitizer".
# Usage: dev/sanitize-parallel.sh [seconds per job, default 540] TOOL [selectors...] [-- TOOL [selectors...]]...
#   two tools over every GPU test:   dev/sanitize-parallel.sh memcheck -- initcheck
#   one tool over shards of tests:   dev/sanitize-parallel.sh 500 racecheck --select-class A -- racecheck --select-class B
#   GPU_TESTS_EXCLUDE, GPU_TESTS_FAULTS, GPU_TESTS_ROOT, GPU_TESTS_JVM_OPTS: as for dev/sanitize.sh (passed through).
# The jobs share the GPU: the tests that compare the device's free memory before and after (CudaLeakGpuTest,
# GlLeakGpuTest, GLResourceGpuTest, PreviewPanelGpuWindowTest) can fail from another job's allocations. Leave them
# out here and run them alone afterwards (dev/sanitize.sh --select-class ...).
# Logs: $OUT/jobN-TOOL/ (dev/sanitize.sh's files, run.log). Prints each job's summary line, then one line per tool
# that adds its jobs up. Exit status 1 if any job failed.
set -uo pipefail
secs=540
if [ $# -gt 0 ] && [[ $1 =~ ^[0-9]+$ ]]; then secs=$1; shift; fi
[ $# -ge 1 ] || { echo "usage: dev/sanitize-parallel.sh [seconds] TOOL [selectors...] [-- TOOL [selectors...]]..." >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
out=${OUT:-/tmp}
X=/opt/kit-x11
if [ -x "$X/usr/bin/Xvfb" ]; then
  xvfb=("$X/usr/bin/Xvfb"); xenv=(env LD_LIBRARY_PATH="$X/usr/lib/x86_64-linux-gnu:$X/lib/x86_64-linux-gnu" \
    LIBGL_DRIVERS_PATH="${KIT:-.device}/x11/dri"); xkb=(-xkbdir "$X/usr/share/X11/xkb")
else
  xvfb=(Xvfb); xenv=(env); xkb=()
fi

# Split the arguments into jobs at each `--`.
jobs=()
current=""
for a in "$@"; do
  if [ "$a" = "--" ]; then
    [ -n "$current" ] && jobs+=("$current")
    current=""
  else
    current="$current${current:+ }$(printf '%q' "$a")"
  fi
done
[ -n "$current" ] && jobs+=("$current")

servers=()
trap 'for s in "${servers[@]}"; do kill "$s" 2>/dev/null; done' EXIT
pids=()
dirs=()
for i in "${!jobs[@]}"; do
  eval "set -- ${jobs[$i]}"
  tool=$1; shift
  dir="$out/job$((i + 1))-$tool"
  mkdir -p "$dir"
  display=${DISPLAY:-}
  if [ "$i" -gt 0 ]; then
    display=":$((99 - i))"
    "${xenv[@]}" "${xvfb[@]}" "$display" -screen 0 2560x1440x24 +extension GLX -nolisten tcp "${xkb[@]}" \
      >"$dir/xvfb.log" 2>&1 &
    servers+=($!)
    sleep 2
    kill -0 "${servers[-1]}" 2>/dev/null || { echo "sanitize-parallel: Xvfb $display did not start:" >&2; tail -5 "$dir/xvfb.log" >&2; exit 2; }
  fi
  DISPLAY=$display OUT="$dir" SANITIZER_TOOLS=$tool SANITIZER_TIMEOUT=$secs GPU_TESTS_DETAILS=testfeed \
    bash "$here/sanitize.sh" "$@" >"$dir/run.log" 2>&1 &
  pids+=($!)
  dirs+=("$dir|$tool|$*")
done
status=0
for pid in "${pids[@]}"; do
  wait "$pid" || status=1
done
for i in "${!dirs[@]}"; do
  IFS='|' read -r dir tool selectors <<<"${dirs[$i]}"
  echo "job $((i + 1)) (${selectors:-every GPU test}): $(cat "$dir/sanitizer-$tool.summary" 2>/dev/null || echo "$tool: no summary")"
done
# One line per tool: the jobs' errors and tests added up ("?" where a job printed none).
for i in "${!dirs[@]}"; do
  IFS='|' read -r dir tool _ <<<"${dirs[$i]}"
  echo "$tool $(cat "$dir/sanitizer-$tool.summary" 2>/dev/null)"
done | awk '{
    tool = $1; n[tool]++
    if (match($0, /: [0-9]+ errors/)) e[tool] += substr($0, RSTART + 2, RLENGTH - 9); else unknown[tool] = 1
    if (match($0, /tests [0-9]+ successful/)) ok[tool] += substr($0, RSTART + 6, RLENGTH - 17)
    if (match($0, /, [0-9]+ failed/)) bad[tool] += substr($0, RSTART + 2, RLENGTH - 9)
    if ($0 ~ /TIMED OUT|NOT ATTACHED|no summary/) cut[tool]++
  } END {
    for (t in n) printf "%s over %d jobs: %s errors; tests %d successful, %d failed; %d jobs cut short or without a summary\n",
      t, n[t], (t in unknown) ? "?" : e[t], ok[t], bad[t], cut[t]
  }'
exit $status
