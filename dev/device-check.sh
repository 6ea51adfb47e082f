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
# Steps (any subset, in this order): tests, conformance, bench, io (bench io with OpenCV and Pillow), sanitize, studio (windows: prepare --with-x11=awt),
# batch (bench batch; with two or more GPUs also one GPU against all of them, and nvidia-smi utilisation),
# spark (SparkGpuTest and SparkBench in local mode; carry the kit of jimagecuda-spark/bench/spark-kit.sh).
#   DEVICE_TESTS="--select-class X ..."   junit selectors for the tests step (default: every GPU test)
#   SANITIZE_TESTS="--select-package io.jimagecuda.parity"   selectors for the sanitize step
#   BENCH_ARGS="--reps 10"                 extra arguments for bench ops
#   BATCH_ARGS="--count 100"               extra arguments for bench batch
#   IO_ARGS="--runs 9"                     extra arguments for bench io
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
    io)
      # bench io (every format against ImageIO, at 3840x2160 by default) and, on the same picture, OpenCV and
      # Pillow (dev/bench_io_peers.py)
      dir=${TMPDIR:-/tmp}/bench-io
      # shellcheck disable=SC2086
      cli bench io --keep "$dir" ${IO_ARGS:-} >"$out/bench-io.md" 2>"$out/bench-io.err" || status=1
      cat "$out/bench-io.md"; tail -3 "$out/bench-io.err"
      python3 dev/bench_io_peers.py "$dir/ours.png" >"$out/bench-io-peers.md" 2>"$out/bench-io-peers.err" || status=1
      cat "$out/bench-io-peers.md"; tail -3 "$out/bench-io-peers.err"
      ;;
    studio)
      # the studio's per-change time (headless EGL), then the panel and the studio in real windows (Xvfb with
      # NVIDIA's GLX: carry .device built by `prepare --with-x11=awt`), screenshots into $OUT
      cli bench studio >"$out/bench-studio.md" 2>"$out/bench-studio.err" || status=1
      cat "$out/bench-studio.md"; tail -3 "$out/bench-studio.err"
      cli preview docs/studio/demo.json --backend cuda --screenshot "$out/preview-cuda.png" >"$out/preview.txt" 2>&1 \
        || status=1
      tail -5 "$out/preview.txt"
      cli studio docs/studio/demo.json --backend cuda --screenshot "$out/studio-cuda.png" >"$out/studio.txt" 2>&1 \
        || status=1
      tail -5 "$out/studio.txt"
      ;;
    batch)
      # the batch benchmark (corpus generated once under $TMPDIR), CUDA and CPU; then one GPU against all GPUs
      dir=${TMPDIR:-/tmp}/bench-batch
      # shellcheck disable=SC2086
      cli bench batch --dir "$dir" ${BATCH_ARGS:-} >"$out/bench-batch.md" 2>"$out/bench-batch.err" || status=1
      cat "$out/bench-batch.md"; tail -3 "$out/bench-batch.err"
      n=$(nvidia-smi -L 2>/dev/null | wc -l)
      if [ "$n" -ge 2 ]; then
        devs=$(seq -s, 0 $((n - 1)))
        cli bench batch --dir "$dir" --backends cuda --devices 0 ${BATCH_ARGS:-} >"$out/bench-batch-1gpu.md" \
          2>"$out/bench-batch-1gpu.err" || status=1
        nvidia-smi --query-gpu=index,utilization.gpu,memory.used --format=csv -l 1 >"$out/gpu-util.csv" 2>&1 &
        smi=$!
        cli bench batch --dir "$dir" --backends cuda --devices "$devs" ${BATCH_ARGS:-} >"$out/bench-batch-${n}gpu.md" \
          2>"$out/bench-batch-${n}gpu.err" || status=1
        kill $smi 2>/dev/null
        echo "-- 1 GPU"; cat "$out/bench-batch-1gpu.md"; echo "-- $n GPUs ($devs)"; cat "$out/bench-batch-${n}gpu.md"
      fi
      ;;
    spark)
      # Spark local mode on this machine's GPUs (the kit of jimagecuda-spark/bench/spark-kit.sh, carried part
      # by part, plus target/spark-kit/extra: the module's jar and the test classes): SparkGpuTest, then
      # SparkBench with the GPUs and with the CPU backend
      k=jimagecuda-spark/target/spark-kit
      scp="$k/extra/test-classes:$k/extra/core-test-classes:$k/extra/*:$k/part1/*:$k/part2/*:$k/part3/*:$k/part4/*"
      n=$(nvidia-smi -L 2>/dev/null | wc -l)
      disc=$PWD/jimagecuda-spark/src/main/resources/io/jimagecuda/spark/getGpusResources.sh
      chmod +x "$disc"
      # shellcheck disable=SC2046
      java $(cat jimagecuda-spark/bench/spark-jvm-options) --enable-native-access=ALL-UNNAMED -cp "$scp:${KIT:-.device}/junit-console.jar" \
        org.junit.platform.console.ConsoleLauncher execute --select-class io.jimagecuda.spark.SparkGpuTest \
        >"$out/spark-gpu-test.txt" 2>&1 || status=1
      grep -E "tests (successful|failed|skipped)" "$out/spark-gpu-test.txt" | tr -s ' '
      for b in gpu cpu; do
        # shellcheck disable=SC2046,SC2086
        java $(cat jimagecuda-spark/bench/spark-jvm-options) --enable-native-access=ALL-UNNAMED \
          -Dspark.master="local[${SPARK_CORES:-16}]" -Dspark.driver.resource.gpu.amount="$n" \
          -Dspark.driver.resource.gpu.discoveryScript="$disc" -cp "$scp" io.jimagecuda.spark.SparkBench \
          jimagecuda-spark/bench/thumbnail.json "${TMPDIR:-/tmp}/spark-photos" --generate ${SPARK_IMAGES:-300} --backend $b \
          >"$out/spark-bench-$b.txt" 2>&1 || status=1
        echo "-- SparkBench --backend $b"; grep -vE "^\s*at |WARN|INFO" "$out/spark-bench-$b.txt" | tail -12
      done
      ;;
    *)
      echo "device-check: unknown step $step (tests, conformance, bench, io, sanitize, studio, batch, spark)" >&2
      exit 2
      ;;
  esac
  echo "== $step: $(( $(date +%s) - start )) s"
done
exit $status
