#!/usr/bin/env bash
# Drives Debian's Chromium through the built-in web pages (pages-check.mjs) of the packaged service with
# the example catalog. Screenshots go to target/e2e/.
# Needs target/quarkus-app (./mvnw verify or package), Node.js with npm, and /usr/bin/chromium.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --silent
exec ../tools/with-service.sh "${E2E_PORT:-18081}" bash -c \
  'E2E_PROFILE="$WORK_DIR/chromium" node pages-check.mjs "$SERVICE_URL" ../target/e2e'
