#!/usr/bin/env bash
# Deploys a new version of the chaincode on the running network: a new package
# (label trace_<version>), sequence + 1, install/approve/commit, and a restart of the
# chaincode JVM with the new package ID.
#
#   bash network/redeploy.sh [VERSION] [--no-build]
#
# VERSION defaults to 1.<new sequence - 1>. Unless --no-build is given, the
# chaincode jar is rebuilt first (./mvnw -q -pl chaincode -am package -DskipTests).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_tools jq ss setsid tar gzip sha256sum java

build=true
version=""
for arg in "$@"; do
  case "$arg" in
    --no-build) build=false ;;
    -h | --help) sed -n '2,9p' "$0"; exit 0 ;;
    -*) die "unknown option $arg" ;;
    *) version="$arg" ;;
  esac
done

for name in orderer "${PEER_ORGS[@]/#/peer0.}"; do
  is_alive "$name" || die "$name is not running: start the network with network/up.sh"
done
ORDERER_ARGS=(-o "$ORDERER_ADDRESS" --tls --cafile "$(orderer_tls_ca)")

def="$(committed_definition)" || die "could not read the committed definition of '$CC_NAME'" "$LOG_DIR/cli.log"
old_seq="$(jq -r .sequence <<<"$def")"
seq=$((old_seq + 1))
version="${version:-1.$old_seq}"
[[ "$version" =~ ^[A-Za-z0-9_.+-]+$ ]] || die "version '$version' may only hold letters, digits and . _ + -"
label="${CC_NAME}_$version"
step "Redeploying $CC_NAME: version $(jq -r .version <<<"$def") (sequence $old_seq) -> $version (sequence $seq)"

if $build; then
  step "Rebuilding the chaincode jar"
  [[ -z "${CHAINCODE_JAR:-}" ]] || die "CHAINCODE_JAR is set: build that jar yourself and pass --no-build"
  (cd "$REPO_DIR" && ./mvnw -q -pl chaincode -am package -DskipTests) >"$LOG_DIR/mvn.log" 2>&1 ||
    die "the chaincode build failed" "$LOG_DIR/mvn.log"
fi
[[ -f "$CC_JAR" ]] || die "$CC_JAR does not exist"

step "Package $label"
pkg="$(build_package "$label")"
pkg_id="$(package_id "$label" "$pkg")"
info "package ID $pkg_id"

step "Install on every peer"
for org in "${PEER_ORGS[@]}"; do
  if as_admin "$org" lifecycle chaincode queryinstalled -O json 2>/dev/null |
    jq -e --arg id "$pkg_id" '.installed_chaincodes // [] | any(.package_id == $id)' >/dev/null; then
    info "$(peer_name "$org"): already installed"
  else
    cli "install on $org" as_admin "$org" lifecycle chaincode install "$pkg"
    info "$(peer_name "$org")"
  fi
done

step "Approve (version $version, sequence $seq)"
for org in "${PEER_ORGS[@]}"; do
  cli "approveformyorg ($org)" as_admin "$org" lifecycle chaincode approveformyorg "${ORDERER_ARGS[@]}" \
    --channelID "$CHANNEL" --name "$CC_NAME" --version "$version" --sequence "$seq" \
    --package-id "$pkg_id" --signature-policy "$CC_POLICY" --collections-config "$COLLECTIONS_FILE"
  info "${MSP[$org]} approved"
done

# The old JVM answers only to the old package ID and the new one only to the new:
# restart just before the commit, so the peers find the new server when they launch.
step "Restarting the chaincode JVM with the new package ID"
stop_process chaincode
wait_until_port_free() { ! port_listening "$CC_PORT"; }
for _ in $(seq 50); do wait_until_port_free && break; sleep 0.2; done
start_chaincode "$pkg_id"
info "pid $(pid_of chaincode), listening"

step "Commit"
peer_args=()
for org in "${PEER_ORGS[@]}"; do
  peer_args+=(--peerAddresses "$(peer_endpoint "$org")" --tlsRootCertFiles "$(peer_tls_ca "$org")")
done
cli "commit" as_admin "${PEER_ORGS[0]}" lifecycle chaincode commit "${ORDERER_ARGS[@]}" "${peer_args[@]}" \
  --channelID "$CHANNEL" --name "$CC_NAME" --version "$version" --sequence "$seq" \
  --signature-policy "$CC_POLICY" --collections-config "$COLLECTIONS_FILE"

step "Check"
for org in "${PEER_ORGS[@]}"; do
  out="$(query_metadata "$org" 2>&1)" || die "GetMetadata on $(peer_name "$org") failed: $out" "$LOG_DIR/peer0.$org.log"
  info "GetMetadata via $(peer_name "$org"): contracts $(jq -c '.contracts | keys' <<<"$out")"
done
echo "Redeployed $CC_NAME $version (sequence $seq, package $pkg_id)."
