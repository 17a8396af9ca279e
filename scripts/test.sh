#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test: GoogleTest through ctest,
# then pytest on /usr/bin/python3 against the freshly built package.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
build_dir=${BUILD_DIR:-build}
(cd "$build_dir" && ctest --output-on-failure -j2)
PYTHONPATH="$PWD/$build_dir/python" /usr/bin/python3 -m pytest -q python/tests
