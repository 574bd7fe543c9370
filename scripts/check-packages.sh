#!/usr/bin/env bash
# Checks every built package with publint and Are The Types Wrong.
set -euo pipefail
cd "$(dirname "$0")/.."
for dir in packages/*/; do
  echo "== ${dir}"
  (cd "$dir" && pnpm exec publint --strict && pnpm exec attw --pack . --profile node16 --format table-flipped)
done
