#!/usr/bin/env bash
# Usage: with-service.sh PORT COMMAND [ARG...]
# Starts the packaged service (target/quarkus-app) on PORT with a throwaway embedded database and the
# example catalog, waits until it is ready, runs COMMAND with SERVICE_URL set, and stops the service.
# Exits with COMMAND's status; on failure it prints the end of the service's log.
set -euo pipefail
port=$1
shift
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
# exec: the background job is the service's JVM itself, so stopping it really stops the service. Started
# without flags, as README runs it, that JVM runs the service in a second one with k8s/'s heap
# (dev.scorecards.HeapDefault): stopping the first stops the second and waits for it.
(cd "$root" && SCORECARDS_EMBEDDED_DB_DIR="$work/pg" QUARKUS_HTTP_PORT=$port \
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
SERVICE_URL="http://localhost:$port" WORK_DIR="$work" "$@" || status=$?
[ $status -eq 0 ] || tail -n 40 "$work/service.log"
exit $status
