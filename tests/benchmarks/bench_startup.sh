#!/usr/bin/env bash
# Start-up benchmark (run by hand): launch-to-window-shown of bounce-doctor against a minimal
# Qt Widgets window, each started N times, offscreen. Target: within 1.5x of the minimal window.
#   tests/benchmarks/bench_startup.sh BUILD_DIR [N]
set -euo pipefail
build=$1
runs=${2:-20}
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen} BD_EXIT_AFTER_SHOW=1
now_ms() { echo $(($(date +%s%N) / 1000000)); }
median() { sort -n | sed -n "$(((runs + 1) / 2))p"; }
# Alternating runs, so that a busy moment of the machine weighs on both programs alike.
"$build/tests/benchmarks/minimal_window" >/dev/null 2>&1 # warm the file cache
"$build/app/gui/bounce-doctor" >/dev/null 2>&1
minimal_times=() app_times=()
for _ in $(seq "$runs"); do
    start=$(now_ms); "$build/tests/benchmarks/minimal_window" >/dev/null 2>&1
    minimal_times+=($(($(now_ms) - start)))
    start=$(now_ms); "$build/app/gui/bounce-doctor" >/dev/null 2>&1
    app_times+=($(($(now_ms) - start)))
done
minimal=$(printf '%s\n' "${minimal_times[@]}" | median)
app=$(printf '%s\n' "${app_times[@]}" | median)
echo "start-up, median of $runs on $QT_QPA_PLATFORM: minimal Qt window ${minimal} ms, bounce-doctor ${app} ms, ratio $(awk -v a="$app" -v m="$minimal" 'BEGIN{printf "%.2f", a/m}')"
