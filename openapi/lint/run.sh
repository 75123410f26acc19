#!/usr/bin/env bash
# Lints the contract (openapi/openapi.yaml) with Redocly's OpenAPI linter, pinned in package-lock.json;
# rules in redocly.yaml. Fails on any error or warning. Needs Node.js with npm (registry access for `npm ci`).
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --silent
out=$(REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true \
  npx --no-install redocly lint --config redocly.yaml --format=stylish --max-problems 200 ../openapi.yaml 2>&1) || true
printf '%s\n' "$out" | grep -v '[║╔╚]'
printf '%s\n' "$out" | grep -q 'Your API description is valid' || { echo "openapi/lint: the contract has problems (above)"; exit 1; }
