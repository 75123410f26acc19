#!/usr/bin/env bash
# Starts the packaged service on a throwaway embedded database with the example catalog, drives Debian's
# Chromium through the built-in web pages (pages-check.mjs), and stops it. Screenshots go to target/e2e/.
# Needs target/quarkus-app (./mvnw verify or package), Node.js with npm, and /usr/bin/chromium.
set -euo pipefail
cd "$(dirname "$0")"
npm install --no-audit --no-fund --silent
work=$(mktemp -d)
port=${E2E_PORT:-18081}
# exec: the background job is the service itself, so stopping it really stops the service
(cd .. && SCORECARDS_EMBEDDED_DB_DIR="$work/pg" QUARKUS_HTTP_PORT=$port \
  exec java -jar target/quarkus-app/quarkus-run.jar > "$work/service.log" 2>&1) &
pid=$!
stop() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"; }
trap stop EXIT
for _ in $(seq 1 120); do
  kill -0 "$pid" 2>/dev/null || { echo "the service exited (port $port taken?)"; tail -n 20 "$work/service.log"; exit 1; }
  curl -sf "localhost:$port/q/health/ready" >/dev/null && break
  sleep 1
done
status=0
E2E_PROFILE="$work/chromium" node pages-check.mjs "http://localhost:$port" ../target/e2e || status=$?
[ $status -eq 0 ] || tail -n 40 "$work/service.log"
exit $status
