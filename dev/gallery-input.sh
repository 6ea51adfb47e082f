#!/usr/bin/env bash
# Regenerates docs/ops/inputs/photo.png (see dev/gallery-input.jsh) from a conformance kit's photo.jpg.
# Usage: dev/gallery-input.sh [KIT]   (default KIT: ../shared/conformance)
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
kit=${1:-$root/../shared/conformance}
"$root/jimagecuda" --version >/dev/null   # builds the jars when needed
cp=$root/jimagecuda-cli/target/jimagecuda-cli.jar:$(echo "$root"/jimagecuda-cli/target/lib/*.jar | tr ' ' :)
jshell --class-path "$cp" -R-Djimagecuda.backend=cpu \
  -R-Din="$kit/inputs/photo.jpg" -R-Dout="$root/docs/ops/inputs/photo.png" "$root/dev/gallery-input.jsh"
