#!/usr/bin/env bash
# Measures what the README's Performance section reports: builds the benchmarks in Release,
# writes the 100,000-article corpus they read (once; it is never committed) and runs them all.
# Extra arguments go to Google Benchmark instead, e.g. --benchmark_filter=Filter.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${DATELINE_BENCH_BUILD:-$root/build-bench}
corpus=${DATELINE_BENCH_CORPUS:-/tmp/dateline-bench/corpus100k}

bash "$root/scripts/install-deps.sh"
if ! dpkg-query -W -f='${Status}' libbenchmark-dev 2>/dev/null | grep -q 'ok installed'; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get install -y -qq --no-install-recommends libbenchmark-dev
fi
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF > /dev/null
cmake --build "$build" --target dateline_benchmarks

if [ ! -d "$corpus" ]; then
    mkdir -p "$(dirname "$corpus")"
    python3 "$root/scripts/generate-corpus.py" --count 100000 --out "$corpus"
fi

# The window's settings and cache stay out of the user's own.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export DATELINE_BENCH_CORPUS=$corpus XDG_CONFIG_HOME=$scratch/config XDG_CACHE_HOME=$scratch/cache TMPDIR=$scratch
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB"
bench="$build/benchmarks/dateline_benchmarks"
if [ $# -gt 0 ]; then
    "$bench" "$@"
    exit
fi
"$bench" --benchmark_filter='-(Memory|BM_OpenCached)'
# As when Dateline starts again: processes of their own open the cache BM_OpenCold wrote. After
# another open in the same process, one would reuse the memory that open freed, without its page faults.
for run in 1 2 3; do
    "$bench" --benchmark_filter=BM_OpenCached
done
# malloc counts its main arena only: one arena, so that the heap of every loading thread is seen.
MALLOC_ARENA_MAX=1 "$bench" --benchmark_filter=Memory
