#!/usr/bin/env bash
# The training run behind target/quarkus-app/app.aot, the JDK 25+ AOT cache (JEP 483/514/515: classes
# loaded and linked, method profiles and compiled code from a real start). `package` runs it when Maven
# runs on JDK 25 or newer (pom.xml, profile aot-cache); skip it with -Daot.skip.
#
# It starts the packaged service once, with the JVM settings k8s/ and README use, on a throwaway embedded
# PostgreSQL with the example catalog, makes the requests people and Backstage make first, and stops it;
# the JVM writes the cache when it exits. Usage: tools/aot-train.sh [java binary, default: java on PATH]
set -euo pipefail
cd "$(dirname "$0")/.."
java=${1:-java}
app=target/quarkus-app
cache=$app/app.aot
work=$(mktemp -d)
pid=
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
rm -f "$cache"

SCORECARDS_EMBEDDED_DB_DIR="$work/postgres" QUARKUS_HTTP_PORT=0 QUARKUS_LOG_LEVEL=WARN \
QUARKUS_LOG_CATEGORY__IO_QUARKUS__LEVEL=INFO \
  "$java" -Xmx384m -XX:+UseParallelGC -XX:NewRatio=1 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -XX:GCTimeRatio=4 \
  -XX:AdaptiveSizePolicyWeight=90 -XX:FreqInlineSize=100 -XX:InlineSmallCode=1000 -XX:+ExitOnOutOfMemoryError \
  -XX:AOTCacheOutput="$cache" \
  -jar "$app/quarkus-run.jar" > "$work/service.log" 2>&1 &
pid=$!

port=
for _ in $(seq 1 1200); do
  port=$(sed -n 's/.*Listening on: http:\/\/[^:]*:\([0-9]*\).*/\1/p' "$work/service.log" | head -1)
  [ -n "$port" ] && break
  kill -0 "$pid" 2>/dev/null || { cat "$work/service.log"; echo "aot-train: the service stopped before it listened" >&2; exit 1; }
  sleep 0.1
done
[ -n "$port" ] || { echo "aot-train: the service did not start within 120 s" >&2; exit 1; }
sc="http://127.0.0.1:$port"
for _ in $(seq 1 600); do
  curl -sf "$sc/api/catalog/entities/by-name/system/default/observability" >/dev/null && break
  sleep 0.2
done

paths=(
  /q/health/ready /
  /api/catalog/entities/by-name/system/default/observability
  "/api/catalog/entities/by-query?limit=20&filter=kind=component"
  "/api/catalog/entities/by-query?limit=100&orderField=metadata.name,asc&fullTextFilterTerm=gate&filter=kind=component"
  "/api/catalog/entity-facets?facet=spec.lifecycle&filter=kind=component"
  "/api/catalog/entities?filter=kind=component,spec.lifecycle=production&fields=metadata.name"
  /api/catalog/locations
  "/api/scorecards/capabilities?sort=-level" "/api/scorecards/capabilities?format=csv"
  /api/scorecards/capabilities/system/default/secrets-vault /api/scorecards/summary
  /capabilities/system/default/secrets-vault /teams/graph /api/scorecards/teams/graph /api/scorecards/reviews/org
)
for _ in 1 2 3 4 5; do
  for p in "${paths[@]}"; do curl -s -o /dev/null "$sc$p" || true; done
done

kill -TERM "$pid"
wait "$pid" || true
pid=
if [ ! -s "$cache" ]; then
  tail -20 "$work/service.log"
  echo "aot-train: no AOT cache was written ($java: $("$java" -version 2>&1 | head -1))" >&2
  exit 1
fi
echo "aot-train: wrote $cache ($(du -m "$cache" | cut -f1) MiB)"
