#!/usr/bin/env bash
# Start-up benchmark (run by hand): launch-to-window-shown of bounce-doctor against a minimal
# Qt Widgets window, each started N times, offscreen. Target: within 1.5x of the minimal window.
#   tests/benchmarks/bench_startup.sh BUILD_DIR [N]
set -euo pipefail
build=$1
runs=${2:-20}
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} BD_EXIT_AFTER_SHOW=1
median_ms() {
    local times=()
    for _ in $(seq "$runs"); do
        local start end
        start=$(date +%s%N)
        "$@" >/dev/null 2>&1
        end=$(date +%s%N)
        times+=($(((end - start) / 1000000)))
    done
    printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p"
}
"$build/tests/benchmarks/minimal_window" >/dev/null 2>&1 # warm the file cache
"$build/app/gui/bounce-doctor" >/dev/null 2>&1
minimal=$(median_ms "$build/tests/benchmarks/minimal_window")
app=$(median_ms "$build/app/gui/bounce-doctor")
echo "start-up, median of $runs on $QT_QPA_PLATFORM: minimal Qt window ${minimal} ms, bounce-doctor ${app} ms, ratio $(awk -v a="$app" -v m="$minimal" 'BEGIN{printf "%.2f", a/m}')"
