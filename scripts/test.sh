#!/usr/bin/env bash
# Builds Dateline and runs every test twice: the normal build (build/), then the same suite built
# with clang under AddressSanitizer and UndefinedBehaviorSanitizer (build-asan/). Both are
# workflow presets of CMakePresets.json: configure, build, ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --workflow --preset default
cmake --workflow --preset asan
