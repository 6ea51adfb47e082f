#!/usr/bin/env bash
# Runs every @Tag("gpu") test of the built modules with JUnit's console launcher. Meant for the GPU
# machine, inside `.device/remote` (which puts java and `junit` on PATH); see README "GPU machine".
# Build here first:  ./mvnw -q -DskipTests package
# The class path is every module's target/classes and target/test-classes that is present, then the jars of
# target/dependency, target/lib (the CLI's runtime class path, which holds every module's jar) and lib/ (a
# tree staged by dev/stage.sh), each jar name once. So carrying jimagecuda-cli/target/lib and the
# test-classes folders is enough (README), as is a staged tree.
# Usage: dev/gpu-tests.sh [junit selectors, default: scan all]   (summary and tree also written to $OUT/gpu-tests.txt)
# GPU_TESTS_ROOT=DIR runs the modules built under DIR instead (e.g. a staged copy of another worktree).
# GPU_TESTS_DETAILS=testfeed prints each test as it ends (default: the tree at the end), to see where a run stops.
# GPU_TESTS_DUMP_EVERY=300 seconds between thread dumps of a run that has not ended (0: none); see below.
# GPU_TESTS_JVM_OPTS="-D..." adds options to the test JVM (dev/sanitize.sh passes fewer leak-test cycles).
# GPU_TESTS_EXCLUDE=REGEX leaves out the test classes whose fully qualified name matches (JUnit's --exclude-classname).
# GPU_TESTS_FAULTS=0 leaves out the tests tagged gpu-fault, which otherwise run last in a JVM of their own (see below).
set -uo pipefail
cd "${GPU_TESTS_ROOT:-$(dirname "$0")/..}"
classes=""
jars=""
scan=()
for m in jimagecuda-*/; do
  m=${m%/}
  if [ -d "$m/target/classes" ]; then
    classes="$classes:$PWD/$m/target/classes"
  fi
  if [ -d "$m/target/test-classes" ]; then
    classes="$classes:$PWD/$m/target/test-classes"
    scan+=("$m/target/test-classes")
  fi
  for j in "$m"/target/dependency/*.jar "$m"/target/lib/*.jar; do
    [ -f "$j" ] || continue
    case ":$jars:" in *"/$(basename "$j"):"*) ;; *) jars="$jars:$PWD/$j" ;; esac
  done
done
# A staged tree (dev/stage.sh) has every dependency jar once in lib/.
for j in lib/*.jar; do
  [ -f "$j" ] || continue
  case ":$jars:" in *"/$(basename "$j"):"*) ;; *) jars="$jars:$PWD/$j" ;; esac
done
out=${OUT:-/tmp}
# Without selectors every test class is scanned; selectors (e.g. --select-class X) choose. Other options (a filter
# such as --exclude-tag) apply to either.
selected=""
for a in "$@"; do case $a in --select*|--scan*) selected=1 ;; esac; done
if [ -z "$selected" ]; then set -- "$@" --scan-classpath "$(IFS=:; echo "${scan[*]}")"; fi
if [ -n "${GPU_TESTS_EXCLUDE:-}" ]; then set -- --exclude-classname "$GPU_TESTS_EXCLUDE" "$@"; fi
# The classes go on the JVM's own class path (not the launcher's -cp), as absolute paths (tests start child
# JVMs in temporary directories), so that tests which start a child
# JVM with java.class.path find them too. Class folders come before jars, so they win over a module's jar.
# run_junit TAG_EXPRESSION [args]: one JVM of JUnit's console launcher over the tests that match; its output is
# appended to $out/gpu-tests.txt.
run_junit() {
  local tags=$1
  shift
  # shellcheck disable=SC2086
  java ${GPU_TESTS_JVM_OPTS:-} -cp "${classes#:}$jars:${KIT:-.device}/junit-console.jar" org.junit.platform.console.ConsoleLauncher execute \
    --disable-banner --details="${GPU_TESTS_DETAILS:-tree}" --disable-ansi-colors --include-tag "$tags" "$@" \
    > >(tee -a "$out/gpu-tests.txt") 2>&1 &
  local jvm=$!
  # A run that stalls says where: every GPU_TESTS_DUMP_EVERY seconds (default 300, 0 = never; a whole run takes
  # about 200 s on the H200) the test JVM prints its threads into the log, and each child JVM it started
  # (JavaProcess sends their output to a file) prints its own, copied into $out/gpu-tests-dumps.txt.
  local every=${GPU_TESTS_DUMP_EVERY:-300} watcher=""
  if [ "$every" -gt 0 ]; then
    (
      while sleep "$every"; do
        kill -0 "$jvm" 2>/dev/null || exit 0
        echo "== $(date +%T): the test JVM $jvm has run ${every} s more; thread dumps" >>"$out/gpu-tests-dumps.txt"
        kill -QUIT "$jvm"
        for child in $(pgrep -P "$jvm" -x java); do # not tee, which is a child of the JVM too
          # a JVM still starting may not handle SIGQUIT yet (it would die): only those running 10 s or more
          [ "$(ps -o etimes= -p "$child" 2>/dev/null | tr -d ' ')" -ge 10 ] 2>/dev/null || continue
          args=$(tr '\0' ' ' <"/proc/$child/cmdline" 2>/dev/null)
          log=$(readlink "/proc/$child/fd/1")
          kill -QUIT "$child" 2>/dev/null
          sleep 2
          echo "== child $child (...${args: -160}), output $log:" >>"$out/gpu-tests-dumps.txt"
          tail -c 30000 "$log" >>"$out/gpu-tests-dumps.txt" 2>&1
        done
      done
    ) &
    watcher=$!
  fi
  wait "$jvm"
  local status=$?
  [ -n "$watcher" ] && kill "$watcher" 2>/dev/null
  wait # for tee, the last process substitution (bash 5.1+)
  return $status
}
: >"$out/gpu-tests.txt"
# Tests tagged gpu-fault make a kernel fault on purpose (StickyErrorGpuTest). On the H200 OpenGL work started
# after such a fault, in other processes too, failed: black EGL readbacks, a Swing panel's glXSwapBuffers
# spinning (docs/reliability.md, "A fault on purpose, and OpenGL afterwards"). So they run last, in a JVM of
# their own, after every other test; GPU_TESTS_FAULTS=0 leaves them out (dev/sanitize.sh does).
run_junit "gpu & !gpu-fault" "$@"
status=$?
if [ "${GPU_TESTS_FAULTS:-1}" != 0 ]; then
  echo "== the tests that fault the GPU on purpose (tag gpu-fault), last, in a JVM of their own" | tee -a "$out/gpu-tests.txt"
  run_junit "gpu & gpu-fault" "$@" || status=1
fi
exit $status
