#!/usr/bin/env bash
# Installs what Dateline needs to build, test, fuzz and take screenshots on Debian 12.
# Only missing packages are installed, so running it again is cheap.
set -euo pipefail

packages=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools
    qt6-l10n-tools libgl-dev libqt6opengl6-dev libboost-date-time-dev
    # PCRE2, the regular expressions Qt uses, matched directly where an article matches thousands.
    libpcre2-dev
    qt6-qpa-plugins libqt6svg6 fonts-dejavu-core
    xvfb xauth python3
    # The sanitizer build and the fuzzers: clang, its sanitizer and libFuzzer runtimes, and
    # llvm-symbolizer for readable stack traces.
    clang libclang-rt-14-dev llvm
)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
