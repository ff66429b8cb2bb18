#!/usr/bin/env bash
# Builds the libFuzzer targets (the `fuzz` preset, clang) and runs each for a bounded time.
# Usage: scripts/fuzz.sh [seconds per target, default 60] [target...]   targets: articlereader frenchdatetagger extractor
# Inputs that crash, hang, leak or break an invariant are kept in build-fuzz/findings/TARGET/;
# the corpus each run grows is kept in build-fuzz/corpus/TARGET/ for the next run.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(articlereader frenchdatetagger extractor)

cd "$root"
bash scripts/install-deps.sh
cmake --preset fuzz > /dev/null
cmake --build --preset fuzz

dictionary=build-fuzz/french-dates.dict
python3 fuzz/make-dictionary.py resources/dates-fr.json "$dictionary"

failed=()
for target in "${targets[@]}"; do
    corpus=build-fuzz/corpus/$target
    findings=build-fuzz/findings/$target
    mkdir -p "$corpus" "$findings"
    echo "== fuzz_$target for ${seconds}s"
    # The first folder receives new inputs; the seeds after it are only read.
    # -timeout: an input that takes 10 s is a hang; -rss_limit_mb: 2 GB is an out-of-memory.
    if ! nice -n 10 "build-fuzz/fuzz/fuzz_$target" \
            -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
            -dict="$dictionary" -artifact_prefix="$findings/" -print_final_stats=1 \
            "$corpus" "fuzz/corpus/$target" articles tests/data/news; then
        failed+=("$target")
    fi
done

if [ ${#failed[@]} -gt 0 ]; then
    echo "findings in: ${failed[*]} (see build-fuzz/findings/)" >&2
    exit 1
fi
