#!/usr/bin/env bash
# The docs test: runs every ```bash recipe of README.md, catalog-examples/README.md and docs/*.md against
# the packaged service with the example catalog, one service start, recipes in file order, and checks
# what their text says (docs-test/README.md explains the markers).
# Usage: docs-test/run.sh [FILE...]     (builds target/quarkus-app first when it is missing)
# Env: DOCS_TEST_PORT (default 18180), DOCS_TEST_DOWN_PORT (where nothing listens; default 18189)
set -euo pipefail
cd "$(dirname "$0")/.."
port=${DOCS_TEST_PORT:-18180}
down=${DOCS_TEST_DOWN_PORT:-18189}
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q -DskipTests package
for tool in jq dot python3; do
  command -v "$tool" >/dev/null || { echo "docs test: '$tool' is needed (recipes use it)"; exit 1; }
done
if curl -s -o /dev/null "http://127.0.0.1:$down/"; then
  echo "docs test: something listens on port $down, which must stay closed for the 'service down' cases"; exit 1
fi
root=$(pwd)
tools/with-service.sh "$port" bash -c \
  'SC="$SERVICE_URL" DOCS_TEST_DOWN_URL="http://127.0.0.1:'"$down"'" exec python3 "'"$root"'/docs-test/docs_test.py" "$@"' \
  docs-test "$@"
