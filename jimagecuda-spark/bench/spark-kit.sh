#!/usr/bin/env bash
# Packs what SparkBench needs in local mode (the module's jar and the jars named in local-mode-jars.txt)
# into folders of at most LIMIT MiB each (default 60), for carrying to a machine without Maven or network
# in several transfers: target/spark-kit/part1, part2, ... Put them back together there as one class path:
#   java $(cat bench/spark-jvm-options) -cp "target/jimagecuda-spark-0.1.0-SNAPSHOT.jar:target/spark-kit/part1/*:target/spark-kit/part2/*:target/spark-kit/part3/*" ...
# Run after: ./mvnw -pl jimagecuda-spark -am -DskipTests package dependency:copy-dependencies -DincludeScope=compile
set -euo pipefail
cd "$(dirname "$0")/.."
limit=$(( ${LIMIT:-60} * 1024 * 1024 ))
kit=target/spark-kit
rm -rf "$kit"
# first fit, largest jars first: the fewest folders
declare -a used=()
while read -r bytes jar; do
  for ((i = 0; ; i++)); do
    if (( i == ${#used[@]} )); then used[i]=0; mkdir -p "$kit/part$((i + 1))"; fi
    if (( used[i] == 0 || used[i] + bytes <= limit )); then
      cp "target/dependency/$jar" "$kit/part$((i + 1))/"
      used[i]=$((used[i] + bytes))
      break
    fi
  done
done < <(grep -v '^#' bench/local-mode-jars.txt | grep . | while IFS= read -r jar; do
  src=target/dependency/$jar
  [ -f "$src" ] || { echo "spark-kit.sh: $src is missing: run dependency:copy-dependencies first (see above)" >&2; exit 1; }
  echo "$(stat -c %s "$src") $jar"
done | sort -rn)
du -sh "$kit"/part*
