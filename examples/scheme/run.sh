#!/bin/sh
# The worked example of docs/scheme.md: estate E000025 (煤机厂公寓) of the sample city,
# whose survey shows water poor and fire safety missing. Usage: examples/scheme/run.sh build/renewal
set -e
renewal=${1:-build/renewal}
here=$(dirname "$0")
city=$here/../small_city.json
echo "== completeness of the first plan (Changsha) =="
"$renewal" completeness "$here/plan_missing_fire.json" --registry "$city" --policy changsha
echo "== review of the first plan: fails, and says why =="
"$renewal" review "$here/plan_missing_fire.json" --registry "$city" --policy changsha_eight_no
echo "== review of the corrected plan: passes =="
"$renewal" review "$here/plan_corrected.json" --registry "$city" --policy changsha_eight_no
echo "== the public notice of the answers (dwellings masked) =="
"$renewal" opinions "$here/plan_corrected.json" --registry "$city" --format md
