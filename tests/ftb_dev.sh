#!/usr/bin/env bash
# Scores `dateline tag-dates` on the development half of the French TimeBank, read from
# ../shared (its licence keeps it out of this repository). Skipped (77) where it is absent.
set -euo pipefail
dateline=$1
shared=$2
min_f1=${3:-0.80}
[ -d "$shared/fr-timebank-dev" ] && [ -f "$shared/tools/ftb.py" ] || { echo "French TimeBank not found in $shared: skipped"; exit 77; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
python3 "$shared/tools/ftb.py" export "$shared/fr-timebank-dev" "$out" --split all
FTB_MIN_F1=$min_f1 python3 "$shared/tools/ftb.py" score "$out" "$dateline"
