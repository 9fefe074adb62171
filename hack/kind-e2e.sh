#!/usr/bin/env bash
# End-to-end run on a real cluster: creates a kind cluster, builds the operator image from this checkout,
# installs config/default with that image, applies the samples, waits until every sample object is Ready,
# then runs the end-to-end tests against the cluster. See docs/install.md.
set -euo pipefail

readonly image_name="cpaasx-operator"
readonly image_tag="dev"
readonly operator_namespace="cpaasx-system"
readonly operator_deployment="cpaasx-operator"

usage() {
  cat <<EOF
Usage: $(basename "$0") [--name NAME] [--keep] [--timeout DURATION]

Creates the kind cluster NAME, builds ${image_name}:${image_tag} with docker, loads it into the cluster,
installs config/default with that image, applies config/samples, waits for every cpaasx object of the
sample namespaces to be Ready and runs the end-to-end tests
(dotnet test tests/CpaasX.Operator.Tests --filter Category=EndToEnd) with CPAASX_E2E_KUBECONFIG set.
The cluster is deleted at the end.

Options (and the environment variables they override):
  -n, --name NAME          kind cluster name (KIND_CLUSTER_NAME, default: cpaasx-e2e)
  -k, --keep               keep the cluster afterwards (KEEP_CLUSTER=1)
  -t, --timeout DURATION   how long each wait may take (WAIT_TIMEOUT, default: 180s)
  -h, --help               this text

Needs docker, kind, kubectl and the .NET SDK on PATH.
EOF
}

cluster_name="${KIND_CLUSTER_NAME:-cpaasx-e2e}"
keep_cluster="${KEEP_CLUSTER:-0}"
wait_timeout="${WAIT_TIMEOUT:-180s}"

while [ $# -gt 0 ]; do
  case "$1" in
    -n | --name)
      [ $# -ge 2 ] || { echo "error: $1 needs a value" >&2; usage >&2; exit 2; }
      cluster_name="$2"
      shift 2
      ;;
    -k | --keep)
      keep_cluster=1
      shift
      ;;
    -t | --timeout)
      [ $# -ge 2 ] || { echo "error: $1 needs a value" >&2; usage >&2; exit 2; }
      wait_timeout="$2"
      shift 2
      ;;
    -h | --help)
      usage
      exit 0
      ;;
    *)
      echo "error: unknown argument '$1'" >&2
      usage >&2
      exit 2
      ;;
  esac
done

missing=()
for tool in docker kind kubectl dotnet; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "error: not found on PATH: ${missing[*]}" >&2
  exit 1
fi

if kind get clusters 2>/dev/null | grep -qx "$cluster_name"; then
  echo "error: a kind cluster named '$cluster_name' exists; delete it (kind delete cluster --name $cluster_name) or pass --name" >&2
  exit 1
fi

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work_dir="$(mktemp -d)"
# Kept next to the embedded server's kubeconfig (.cpaasx/ is ignored by Git), so a kept cluster stays reachable.
kubeconfig="$repo_root/.cpaasx/kind-$cluster_name.kubeconfig"
mkdir -p "$(dirname "$kubeconfig")"

cleanup() {
  local status=$?
  rm -rf "$work_dir"
  if [ "$keep_cluster" = "1" ]; then
    echo "Kept kind cluster '$cluster_name'; kubeconfig: $kubeconfig"
  else
    echo "Deleting kind cluster '$cluster_name'"
    kind delete cluster --name "$cluster_name" || true
    rm -f "$kubeconfig"
  fi
  exit "$status"
}
trap cleanup EXIT

step() { printf '\n==> %s\n' "$*"; }

step "Creating kind cluster '$cluster_name'"
kind create cluster --name "$cluster_name" --kubeconfig "$kubeconfig" --wait "$wait_timeout"
export KUBECONFIG="$kubeconfig"

step "Building ${image_name}:${image_tag}"
docker build --tag "${image_name}:${image_tag}" "$repo_root"
kind load docker-image "${image_name}:${image_tag}" --name "$cluster_name"

step "Installing config/default with ${image_name}:${image_tag}"
# config/default sets the released image in its `images` entry; an overlay in a temporary copy swaps it for the
# local build without touching the checkout. The released name is read from the render, so it is set in one place only.
released_image="$(kubectl kustomize "$repo_root/config/default" | awk '$1 == "image:" { print $2; exit }')"
cp -R "$repo_root/config" "$work_dir/config"
mkdir "$work_dir/kind"
cat >"$work_dir/kind/kustomization.yaml" <<EOF
apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
- ../config/default
images:
- name: ${released_image%:*}
  newName: ${image_name}
  newTag: ${image_tag}
EOF
kubectl apply -k "$work_dir/kind"
kubectl -n "$operator_namespace" rollout status "deployment/$operator_deployment" --timeout="$wait_timeout"

step "Applying config/samples"
applied_objects="$(kubectl apply --recursive -f "$repo_root/config/samples" -o name)"
sample_namespaces=()
for applied in $applied_objects; do
  case "$applied" in
    namespace/*) sample_namespaces+=("${applied#namespace/}") ;;
  esac
done

for namespace in "${sample_namespaces[@]}"; do
  step "Waiting for the cpaasx objects of '$namespace' to be Ready"
  kubectl -n "$namespace" wait cpaasx --all --for=condition=Ready --timeout="$wait_timeout"
done

step "Running the end-to-end tests against '$cluster_name'"
CPAASX_E2E_KUBECONFIG="$kubeconfig" dotnet test "$repo_root/tests/CpaasX.Operator.Tests" --filter Category=EndToEnd
