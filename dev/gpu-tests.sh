#!/usr/bin/env bash
# Runs every @Tag("gpu") test of the built modules with JUnit's console launcher. Meant for the GPU
# machine, inside `.device/remote` (which puts java and `junit` on PATH); see README "GPU machine".
# Build here first:  ./mvnw -q -DskipTests package dependency:copy-dependencies -DincludeScope=test
# Usage: dev/gpu-tests.sh [junit selectors, default: scan all]   (summary and tree also written to $OUT/gpu-tests.txt)
# GPU_TESTS_ROOT=DIR runs the modules built under DIR instead (e.g. a staged copy of another worktree).
set -uo pipefail
cd "${GPU_TESTS_ROOT:-$(dirname "$0")/..}"
cp=""
scan=()
for m in jimagecuda-*/; do
  m=${m%/}
  [ -d "$m/target/classes" ] || continue
  cp="$cp:$m/target/classes"
  if [ -d "$m/target/test-classes" ]; then
    cp="$cp:$m/target/test-classes"
    scan+=("$m/target/test-classes")
  fi
  if [ -d lib ]; then
    continue
  elif [ -d "$m/target/dependency" ]; then
    for j in "$m"/target/dependency/*.jar; do
      case ":$cp:" in *"/$(basename "$j"):"*) ;; *) cp="$cp:$j" ;; esac
    done
  fi
done
[ -d lib ] && cp="$cp:$(ls lib/*.jar | tr '\n' ':')"
out=${OUT:-/tmp}
# Without arguments every test class is scanned; with arguments (e.g. --select-class X) they choose.
if [ $# -eq 0 ]; then set -- --scan-classpath "$(IFS=:; echo "${scan[*]}")"; fi
# The classes go on the JVM's own class path (not the launcher's -cp), so that tests which start a child
# JVM with java.class.path find them too.
java -cp "${cp#:}:${KIT:-.device}/junit-console.jar" org.junit.platform.console.ConsoleLauncher execute \
  --disable-banner --details=tree --disable-ansi-colors --include-tag gpu "$@" 2>&1 | tee "$out/gpu-tests.txt"
