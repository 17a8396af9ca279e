#!/usr/bin/env bash
# Installs the Debian 12 packages renewal needs; quiet and quick when all are present.
set -euo pipefail
packages=(
  g++ cmake ninja-build git time
  libabsl-dev libboost-json1.81-dev libcli11-dev zlib1g-dev
  pybind11-dev python3-pybind11 python3-dev
  python3-pytest python3-pandas python3-numpy python3-matplotlib python3-jsonschema
  python3-geopandas python3-mypy python3-pil fonts-noto-cjk chromium
  libgtest-dev libgmock-dev libbenchmark-dev
  clang libclang-rt-14-dev
  python3-dask python3-distributed python3-jinja2 python3-xlsxwriter python3-openpyxl
  jupyter-nbconvert python3-ipykernel
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing: ${missing[*]}" >&2
sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
