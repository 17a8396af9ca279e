#!/usr/bin/env bash
# Builds the libFuzzer harnesses with clang (ASan + UBSan) into build-fuzz and runs
# each: first on its committed regression inputs (tests/fuzz/regressions/<harness>/,
# every finding kept), then for FUZZ_SECONDS (default 30) from seeds made from the
# examples. Any crash, leak, sanitizer report or failed check fails the script.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
seconds=${FUZZ_SECONDS:-30}
build=${FUZZ_BUILD_DIR:-build-fuzz}
CXX=clang++ CC=clang BUILD_DIR=$build BUILD_TYPE=RelWithDebInfo scripts/build.sh \
  -DRENEWAL_FUZZ=ON -DRENEWAL_SANITIZE=address,undefined -DRENEWAL_BUILD_TESTS=OFF \
  -DRENEWAL_BUILD_PYTHON=OFF -DRENEWAL_BUILD_BENCH=OFF -DRENEWAL_INSTALL=OFF

# Seeds: the examples, prefixed with the selector byte where a harness reads several
# formats; a journal written by the CLI.
seeds=$build/fuzz-seeds
rm -rf "$seeds" && mkdir -p "$seeds"
seed() {  # seed HARNESS NAME SELECTOR FILE
  mkdir -p "$seeds/$1"
  if [ -n "$3" ]; then printf "\\x$3" > "$seeds/$1/$2"; else : > "$seeds/$1/$2"; fi
  cat "$4" >> "$seeds/$1/$2"
}
seed registry_json_fuzz tiny "" tests/data/tiny_city.json
seed registry_json_fuzz estate "" examples/votes/estate.json
seed registry_json_fuzz ledger "" examples/ledger/registry.json
seed votes_fuzz ballots 00 examples/votes/ballots.json
seed votes_fuzz round1 00 examples/votes/consult_round1.json
seed votes_fuzz rule 01 examples/votes/rule_80_percent.json
seed votes_fuzz elevator 02 examples/votes/elevator_applications.json
seed funding_fuzz plan 00 examples/funding/yueyang_plan.json
seed funding_fuzz policy 01 examples/funding/city_policy.json
seed funding_fuzz financing 02 examples/funding/yueyang_louqu_financing.json
seed plan_io_fuzz projects 00 examples/plan/projects.json
seed plan_io_fuzz options 02 examples/plan/options.json
seed plan_io_fuzz menu 04 examples/plan/menu.json
seed pabulib_fuzz small "" tests/data/menu_small.pb
seed progress_events_fuzz example "" examples/progress/events.jsonl
seed progress_events_fuzz lifecycle "" tests/data/progress_lifecycle.jsonl
seed scheme_plan_fuzz missing_fire "" examples/scheme/plan_missing_fire.json
seed scheme_plan_fuzz corrected "" examples/scheme/plan_corrected.json
seed scheme_plan_fuzz e1 "" tests/scheme/data/plan_e1.json
seed scheme_plan_fuzz reviews "" tests/scheme/data/reviews.json
seed calendar_fuzz y2024 "" data/calendar/2024.json
seed calendar_fuzz y2025 "" data/calendar/2025.json
seed works_fuzz events "" examples/works/events.json
seed works_fuzz programme "" examples/works/projects.jsonl
seed works_policy_fuzz example "" examples/works/policy.json
mkdir -p "$seeds/works_policy_fuzz"
printf '{"complaints": "liuyang_huitong", "acceptance": {"name": "none"}}' > "$seeds/works_policy_fuzz/presets"
mkdir -p "$seeds/eligibility_policy_fuzz"
printf '{"name": "x", "extends": "yueyang", "rules": []}' > "$seeds/eligibility_policy_fuzz/extends"
j=$build/fuzz-journal
rm -f "$j"
"$build/renewal" ledger init examples/ledger/registry.json "$j" >/dev/null
"$build/renewal" ledger deposit examples/ledger/registry.json "$j" --dwelling E1-B1-1-101 \
  --amount 5000 --date 2025-01-10 >/dev/null
"$build/renewal" ledger interest examples/ledger/registry.json "$j" --amount 12.34 \
  --date 2025-12-31 >/dev/null
# One works event per seed, each kind once.
mkdir -p "$seeds/works_fuzz"
python3 -c 'import json,sys
for i, e in enumerate(json.load(open(sys.argv[1]))):
    open(f"{sys.argv[2]}/event{i:02d}", "w").write(json.dumps(e, ensure_ascii=False))' \
  examples/works/events.json "$seeds/works_fuzz"
mkdir -p "$seeds/journal_fuzz" "$seeds/ledger_ops_fuzz"
for city in tests/data/tiny_city.json examples/votes/estate.json examples/ledger/registry.json; do
  snap=$build/fuzz-$(basename "$city" .json).rsnap
  "$build/renewal" convert "$city" "$snap" --year 2026 --quiet >/dev/null
  seed registry_snapshot_fuzz "$(basename "$city" .json)" 00 "$snap"
  seed registry_snapshot_fuzz "$(basename "$city" .json)-crafted" 01 "$snap"
done
cp "$j" "$seeds/journal_fuzz/journal"
printf '\x00\x01\x10\x00\x04\x02\x00\x10\x02\x00\x00\x07' > "$seeds/ledger_ops_fuzz/ops"

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
for h in registry_json_fuzz registry_snapshot_fuzz votes_fuzz eligibility_policy_fuzz funding_fuzz plan_io_fuzz \
         journal_fuzz ledger_ops_fuzz pabulib_fuzz progress_events_fuzz scheme_plan_fuzz \
         calendar_fuzz works_fuzz works_policy_fuzz; do
  regressions=tests/fuzz/regressions/$h
  if compgen -G "$regressions/*" >/dev/null; then
    "$build/tests/fuzz/$h" "$regressions"/* 2>"$build/$h.regressions.log" ||
      { cat "$build/$h.regressions.log"; echo "fuzz: $h failed on a regression input" >&2; exit 1; }
  fi
  corpus=$build/fuzz-corpus/$h
  mkdir -p "$corpus" "$seeds/$h"
  "$build/tests/fuzz/$h" "$corpus" "$seeds/$h" -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$build/$h-" \
    >"$build/$h.log" 2>&1 || { tail -40 "$build/$h.log"; echo "fuzz: $h found a failure" >&2; exit 1; }
  echo "fuzz: $h: $(grep -E 'stat::number_of_executed_units' "$build/$h.log" | awk '{print $2}') runs," \
       "$(grep -oE 'cov: [0-9]+' "$build/$h.log" | tail -1), no finding"
done
