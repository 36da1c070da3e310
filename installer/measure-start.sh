#!/usr/bin/env bash
# Cold start of a packaged desk to its interactive window (the sign-in form shown): wall time from starting
# the launcher to the desk's "Window shown" log line, N runs, each on a fresh data directory.
# usage: installer/measure-start.sh LAUNCHER [RUNS]   (prints one time in ms per line)
set -euo pipefail
launcher=$1 runs=${2:-5}
for _ in $(seq 1 "$runs"); do
  data=$(mktemp -d)
  start=$(date +%s%N)
  "$launcher" --data-dir "$data" >/dev/null 2>&1 &
  desk=$!
  until grep -q "Window shown" "$data/logs/ringside.log" 2>/dev/null; do
    sleep 0.01
    kill -0 $desk 2>/dev/null || { echo "measure-start.sh: the desk ended before showing its window" >&2; exit 1; }
  done
  echo $(( ($(date +%s%N) - start) / 1000000 ))
  kill -TERM $desk; wait $desk 2>/dev/null || true
  rm -rf "$data"
done
