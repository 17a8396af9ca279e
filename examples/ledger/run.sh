#!/bin/sh
# The maintenance fund example: Liuyang deposits, a roof bill, interest, a statement.
# Usage: examples/ledger/run.sh [path/to/renewal]
set -e
R=${1:-build/renewal}
D=$(dirname "$0")
J=${TMPDIR:-/tmp}/renewal_ledger_example.journal
rm -f "$J"
$R ledger init "$D/registry.json" "$J"
$R ledger arrears "$D/registry.json" "$J" --policy liuyang
for d in 101:3600 201:4800 301:6000 401:4200; do
  $R ledger deposit "$D/registry.json" "$J" --dwelling "E1-B1-1-${d%%:*}" --amount "${d##*:}" --date 2025-01-10
done
$R ledger use "$D/registry.json" "$J" --id U-roof --building E1-B1 --amount 10000 --date 2025-03-01 \
   --facility roof --vote V-2025-01 --rule civil_code_ordinary --passed
$R ledger interest "$D/registry.json" "$J" --amount 123.45 --date 2025-12-21
$R ledger statement "$D/registry.json" "$J" --dwelling E1-B1-1-401 --year 2025
$R ledger topups "$D/registry.json" "$J" --policy liuyang
$R ledger check "$D/registry.json" "$J"
