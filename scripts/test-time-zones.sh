#!/usr/bin/env bash
# Runs the schedule tests under three process time zones, because results must not depend on TZ.
set -euo pipefail
cd "$(dirname "$0")/.."
for zone in UTC Europe/London America/Los_Angeles; do
  echo "== TZ=${zone}"
  TZ="$zone" pnpm exec vitest run --project core packages/core/test/schedule
done
