#!/usr/bin/env bash
# Generates a national-scale registry (219,000 estates), then measures the CLI's
# wall time and peak resident memory for writing and for loading it. Needs a
# Release build in build-rel (BUILD_DIR=build-rel BUILD_TYPE=Release scripts/build.sh)
# and about 6 GB of free disk.
set -euo pipefail
cd "$(dirname "$0")/.."
cli=${CLI:-build-rel/renewal}
out=${OUT:-build-rel/national.json}
estates=${ESTATES:-219000}
/usr/bin/time -f "generate: %e s, peak RSS %M KiB" "$cli" generate --estates "$estates" -o "$out"
ls -l "$out"
/usr/bin/time -f "validate (streaming load): %e s, peak RSS %M KiB" "$cli" validate "$out"
