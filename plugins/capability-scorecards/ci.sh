#!/usr/bin/env bash
# Installs the plugin from its lockfile, checks the generated API types against openapi/openapi.yaml,
# type-checks, lints, runs the component tests against the real service (example catalog) and the
# browser check of the plugin mounted in its dev app, which saves the screenshots to docs/.
# Needs target/quarkus-app (./mvnw package), Node.js with npm, and /usr/bin/chromium.
set -euo pipefail
cd "$(dirname "$0")"
start=$(date +%s)
npm ci --no-audit --no-fund --loglevel=error
echo "plugin: npm ci took $(( $(date +%s) - start )) s"
npm run --silent check-generated
npx tsc --noEmit
npm run --silent lint
exec ../../tools/with-service.sh "${PLUGIN_PORT:-18130}" bash -c '
  set -e
  CI=true npm test --silent
  node scripts/browser-check.mjs "$SERVICE_URL" docs
  echo "plugin: ci.sh took $(( $(date +%s) - '"$start"' )) s"'
