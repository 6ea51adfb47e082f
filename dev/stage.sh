#!/usr/bin/env bash
# Stages what the GPU machine needs into .stage/ (ignored by git; carry it with the device tool):
# each module's target/classes and target/test-classes, and every dependency jar once in .stage/lib.
# Build first:  ./mvnw -q -o -DskipTests package dependency:copy-dependencies -DincludeScope=test
# Then on the GPU machine:  GPU_TESTS_ROOT=.stage bash dev/gpu-tests.sh
#                           java -cp '.stage/*/classes:.stage/lib/*' io.jimagecuda.cli.Main ...
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf .stage
mkdir -p .stage/lib
for m in jimagecuda-*/; do
  m=${m%/}
  # not for the GPU machine: Spark's jars (168 MiB; jimagecuda-spark/bench/spark-kit.sh splits them into
  # parts to carry one by one), the JMH and consumer-test modules
  case $m in jimagecuda-spark|jimagecuda-jmh|jimagecuda-it|jimagecuda-bom) continue ;; esac
  [ -d "$m/target/classes" ] || continue
  mkdir -p ".stage/$m/target"
  cp -r "$m/target/classes" ".stage/$m/target/"
  [ -d "$m/target/test-classes" ] && cp -r "$m/target/test-classes" ".stage/$m/target/"
  if [ -d "$m/target/dependency" ]; then
    for j in "$m"/target/dependency/*.jar; do
      case "$(basename "$j")" in jimagecuda-*) continue ;; esac
      cp -n "$j" .stage/lib/
    done
  fi
done
echo "staged $(du -sh .stage | cut -f1) in .stage"
