#!/usr/bin/env bash
# Runs the real @backstage/catalog-client (catalog-client-check.mjs) and the real Tech Insights client
# (tech-insights-check.mjs) against the packaged service with the example catalog.
# Needs target/quarkus-app (./mvnw verify or package) and Node.js with npm.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --silent
exec ../tools/with-service.sh "${COMPAT_PORT:-18080}" bash -c \
  'status=0; node catalog-client-check.mjs "$SERVICE_URL" || status=$?; node tech-insights-check.mjs "$SERVICE_URL" || status=$?; exit $status'
