#!/usr/bin/env bash
# Runs two compute-sanitizer tools at the same time over the GPU tests (dev/sanitize.sh once per tool), each with an
# X display of its own: the first uses $DISPLAY (the kit's Xvfb, :99), the second an Xvfb started here on :98, so
# that the window tests of one never capture the other's windows. Meant for the GPU machine, inside
# `.device/remote` with the x11 kit (prepare --with-x11); see docs/reliability.md "Sanitizer".
# Usage: dev/sanitize-pair.sh TOOL1 TOOL2 [seconds per tool, default 540] [junit selectors...]
#   GPU_TESTS_EXCLUDE, GPU_TESTS_ROOT: as for dev/sanitize.sh (passed through).
# Two test JVMs share the GPU: the tests that compare the device's free memory before and after (CudaLeakGpuTest,
# GlLeakGpuTest, GLResourceGpuTest, PreviewPanelGpuWindowTest) can fail from the other JVM's allocations. Leave
# them out here and run them alone afterwards (dev/sanitize.sh --select-class ...).
# Logs: $OUT/TOOL/ (dev/sanitize.sh's files); the two summary lines at the end. Exit status 1 if either tool failed.
set -uo pipefail
[ $# -ge 2 ] || { echo "usage: dev/sanitize-pair.sh TOOL1 TOOL2 [seconds] [selectors...]" >&2; exit 2; }
t1=$1; t2=$2; shift 2
secs=540
if [ $# -gt 0 ] && [[ $1 =~ ^[0-9]+$ ]]; then secs=$1; shift; fi
here=$(cd "$(dirname "$0")" && pwd)
out=${OUT:-/tmp}
X=/opt/kit-x11
if [ -x "$X/usr/bin/Xvfb" ]; then
  xvfb=("$X/usr/bin/Xvfb"); xenv=(env LD_LIBRARY_PATH="$X/usr/lib/x86_64-linux-gnu:$X/lib/x86_64-linux-gnu" \
    LIBGL_DRIVERS_PATH="${KIT:-.device}/x11/dri"); xkb=(-xkbdir "$X/usr/share/X11/xkb")
else
  xvfb=(Xvfb); xenv=(env); xkb=()
fi
"${xenv[@]}" "${xvfb[@]}" :98 -screen 0 2560x1440x24 +extension GLX -nolisten tcp "${xkb[@]}" >"$out/xvfb98.log" 2>&1 &
xv=$!
trap 'kill $xv 2>/dev/null' EXIT
sleep 3
kill -0 $xv 2>/dev/null || { echo "sanitize-pair: the second Xvfb did not start:" >&2; tail -5 "$out/xvfb98.log" >&2; exit 2; }
status=0
mkdir -p "$out/$t1" "$out/$t2"
OUT="$out/$t1" SANITIZER_TOOLS=$t1 SANITIZER_TIMEOUT=$secs GPU_TESTS_DETAILS=testfeed \
  bash "$here/sanitize.sh" "$@" >"$out/$t1/run.log" 2>&1 &
p1=$!
DISPLAY=:98 OUT="$out/$t2" SANITIZER_TOOLS=$t2 SANITIZER_TIMEOUT=$secs GPU_TESTS_DETAILS=testfeed \
  bash "$here/sanitize.sh" "$@" >"$out/$t2/run.log" 2>&1 &
p2=$!
wait $p1 || status=1
wait $p2 || status=1
cat "$out/$t1/sanitizer-$t1.summary" "$out/$t2/sanitizer-$t2.summary"
exit $status
