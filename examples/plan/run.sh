#!/bin/sh
# The planning example: 8 estates in 2 districts (make_example.py writes the files).
# Usage: examples/plan/run.sh [path/to/renewal]
set -e
R=${1:-build/renewal}
D=$(dirname "$0")
# Ningbo sheet, 1.2亿 yuan: E08 was never surveyed and is excluded; the rest ranked.
$R plan "$D/registry.json" "$D/projects.json" --budget 120000000 --sheet ningbo --year 2025
# Zhuzhou-style sheet, 8000万, hazards first, only projects whose vote passed.
$R plan "$D/registry.json" "$D/projects.json" --budget 80000000 --sheet zhuzhou --year 2025 \
   --hazards-first --require-vote
# Households as the objective on the government share.
$R plan "$D/registry.json" "$D/projects.json" --budget 50000000 --objective households \
   --basis government_share --year 2025 --json
# District limits from an options file: D1 spends at most 4000万, D2 at least 2
# projects and 3000万.
$R plan "$D/registry.json" "$D/projects.json" --budget 120000000 --year 2025 \
   --options "$D/options.json"
# Residents' menu: Equal Shares serves the minority household H4; greedy does not.
$R plan-menu "$D/menu.json" --rule equal_shares
$R plan-menu "$D/menu.json" --rule greedy
# Equal Shares completed by add1 (shares raised fen by fen while the outcome fits).
$R plan-menu "$D/menu.json" --rule equal_shares --completion add1
