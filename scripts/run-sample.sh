#!/usr/bin/env bash
# The main job on the bundled sample: installs what is missing, builds, generates
# the default city (shaped like seed 003: 1,233 estates, ~166,800 households),
# validates it, screens it under the Yueyang preset and prints the district summary.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
build_dir=${BUILD_DIR:-build}
cli="$build_dir/renewal"
city="$build_dir/sample/city.json"
mkdir -p "$(dirname "$city")"
"$cli" generate --seed 3 -o "$city"
"$cli" validate "$city"
"$cli" screen "$city" --policy yueyang --year 2026 > "$build_dir/sample/screen.txt"
echo "screening (yueyang, 2026): $(grep -c . "$build_dir/sample/screen.txt") lines in $build_dir/sample/screen.txt"
"$cli" summary "$city" --policy yueyang --year 2026
