#!/usr/bin/env bash
# The browser tests as if they ran at another instant: the app, the simulator and Chromium all
# read the same shifted wall clock (libfaketime, Debian's `faketime` package), shifted by one fixed
# offset so the clock keeps ticking and every process agrees on it. Monotonic clocks (timers,
# performance.now) stay real. Build first (`npm run build`); further arguments go to Playwright.
#   scripts/e2e-at.sh '2026-12-04 23:50 UTC' split-shipments.spec.ts
set -euo pipefail
if [ $# -lt 1 ]; then
  echo "usage: scripts/e2e-at.sh '<instant, as date -d reads it>' [playwright args…]" >&2
  exit 2
fi
instant=$1
shift
lib=${FAKETIME_LIB:-/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1}
[ -r "$lib" ] || { echo "no $lib: apt-get install -y faketime" >&2; exit 2; }
target=$(date -u -d "$instant" +%s)
offset=$((target - $(date -u +%s)))
sign=+
[ "$offset" -lt 0 ] && sign=
echo "e2e at $(date -u -d "@$target" '+%a %F %T UTC') (offset ${sign}${offset}s)" >&2
cd "$(dirname "$0")/.."
LD_PRELOAD=$lib FAKETIME="${sign}${offset}" FAKETIME_DONT_FAKE_MONOTONIC=1 \
  exec npx playwright test "$@"
