#!/usr/bin/env bash
# Sets up a Debian 12 / Ubuntu machine, builds Bounce Doctor, then runs it or its tests.
#   ./bootstrap.sh run [FILE...]   install dependencies, build (Release), launch the app
#   ./bootstrap.sh test            install dependencies, build, run every test: the Release
#                                  suite, the same under ASan+UBSan, and a fuzz smoke run
# Safe to run again: it installs only what is missing and rebuilds only what changed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

packages=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools
    qt6-l10n-tools qt6-translations-l10n qt6-qpa-plugins libgl-dev
    libgmime-3.0-dev libc-ares-dev libpsl-dev libssl-dev libre2-dev
    # the case history: Qt SQL's SQLite driver, and PostgreSQL's for a team's shared store
    libqt6sql6-sqlite libqt6sql6-psql
    # test tools: a real DNS server on loopback, packaging validators, the sanitizer and fuzz
    # builds (clang-14 with libFuzzer; llvm-14 symbolizes their reports); pdftotext reads the
    # exported PDF back in the GUI tests
    dnsmasq-base desktop-file-utils appstream poppler-utils
    # the case store's tests against a real PostgreSQL server on loopback
    postgresql
    clang-14 libclang-rt-14-dev llvm-14
)

install_missing_packages() {
    local missing=()
    for package in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'ok installed' ||
            missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    echo "Installing: ${missing[*]}"
    "${sudo[@]}" apt-get update -q
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
}

build() {
    local preset=${1:-release}
    [ -f "build/$preset/CMakeCache.txt" ] || cmake --preset "$preset"
    cmake --build --preset "$preset"
}

command=${1:-}
[ $# -gt 0 ] && shift
case "$command" in
run)
    install_missing_packages
    build
    exec build/release/app/gui/bounce-doctor "$@"
    ;;
test)
    install_missing_packages
    build release
    ctest --preset release "$@"
    # The same suite under AddressSanitizer + UndefinedBehaviorSanitizer (with LeakSanitizer),
    # then a short libFuzzer run of every fuzz target.
    export PATH="/usr/lib/llvm-14/bin:$PATH"
    build asan
    ctest --preset asan "$@"
    build fuzz
    ctest --preset fuzz
    ;;
*)
    echo "usage: $0 run [FILE...] | test [CTEST-OPTIONS...]" >&2
    exit 2
    ;;
esac
