#!/usr/bin/env bash
# Runs every @Tag("gpu") test of the built modules with JUnit's console launcher. Meant for the GPU
# machine, inside `.device/remote` (which puts java and `junit` on PATH); see README "GPU machine".
# Build here first:  ./mvnw -q -DskipTests package dependency:copy-dependencies -DincludeScope=test
# Usage: dev/gpu-tests.sh [extra junit options]   (summary and tree also written to $OUT/gpu-tests.txt)
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
  if [ -d "$m/target/dependency" ]; then
    for j in "$m"/target/dependency/*.jar; do
      case ":$cp:" in *"/$(basename "$j"):"*) ;; *) cp="$cp:$j" ;; esac
    done
  fi
done
out=${OUT:-/tmp}
java -jar "${KIT:-.device}/junit-console.jar" execute --disable-banner --details=tree --disable-ansi-colors \
  -cp "${cp#:}" --include-tag gpu --scan-classpath "$(IFS=:; echo "${scan[*]}")" "$@" 2>&1 | tee "$out/gpu-tests.txt"
