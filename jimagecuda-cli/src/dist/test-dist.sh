#!/usr/bin/env bash
# Tests the command-line distribution outside the checkout (run by verify, profile dist, after package):
# unpacks ARCHIVE.tar.gz into a temporary directory, renders the bundled recipe with bin/jimagecuda on the
# CPU backend and checks the PNG; checks that ARCHIVE.zip holds the same files, and that
# java -jar jimagecuda-cli.jar runs from it.
# Usage: test-dist.sh ARCHIVE_WITHOUT_EXTENSION JAVA_HOME
set -euo pipefail
archive=$1
export JAVA_HOME=$2
fail() { echo "test-dist: FAILED: $*" >&2; exit 1; }

for ext in tar.gz zip; do
  [ -s "$archive.$ext" ] || fail "$archive.$ext is missing: build it with ./mvnw -Pdist package"
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

tar -xzf "$archive.tar.gz" -C "$tmp"
home=$(find "$tmp" -mindepth 1 -maxdepth 1 -type d)
[ -x "$home/bin/jimagecuda" ] || fail "bin/jimagecuda is missing or not executable"
compgen -G "$home/lib/jimagecuda-core-*.jar" >/dev/null || fail "lib/ has no jimagecuda-core jar"

# The archives hold the same files.
tar_list=$(tar -tzf "$archive.tar.gz" | grep -v '/$' | sort)
zip_list=$("$JAVA_HOME/bin/jar" tf "$archive.zip" | grep -v '/$' | sort)
[ "$tar_list" = "$zip_list" ] || fail "the zip and the tar.gz hold different files: $(diff <(echo "$tar_list") <(echo "$zip_list"))"

# Outside the checkout, from another directory, with the launcher: a recipe to a PNG.
work=$tmp/work
mkdir "$work"
cp "$home/examples/quick.json" "$work/"
(cd "$work" && JAVA_OPTS=-Djimagecuda.backend=cpu "$home/bin/jimagecuda" render quick.json -o quick.png) \
  || fail "bin/jimagecuda render failed"
[ "$(head -c 8 "$work/quick.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] \
  || fail "bin/jimagecuda render wrote no PNG"

# The executable jar (java -jar, Class-Path lib/...), as on a system without bash.
version=$(cd "$work" && "$JAVA_HOME/bin/java" -jar "$home/jimagecuda-cli.jar" --version) \
  || fail "java -jar jimagecuda-cli.jar --version failed"
echo "test-dist: OK: $(basename "$archive").tar.gz and .zip ($(echo "$tar_list" | wc -l) files," \
  "$(du -k "$archive.tar.gz" | cut -f1) KiB) render outside the checkout; --version: $version"
