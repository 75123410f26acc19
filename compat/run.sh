#!/usr/bin/env bash
# Starts the packaged service on a throwaway embedded database with the example catalog, runs the
# real @backstage/catalog-client (catalog-client-check.mjs) and the real Tech Insights client
# (tech-insights-check.mjs) against it, and stops it.
# Needs target/quarkus-app (./mvnw verify or package) and Node.js with npm.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --silent
work=$(mktemp -d)
port=${COMPAT_PORT:-18080}
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
node catalog-client-check.mjs "http://localhost:$port" || status=$?
node tech-insights-check.mjs "http://localhost:$port" || status=$?
[ $status -eq 0 ] || tail -n 40 "$work/service.log"
exit $status
