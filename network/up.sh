#!/usr/bin/env bash
# Starts the Fabric network on 127.0.0.1: one Raft orderer, three peers, channel
# `trace`, and the Java chaincode as a service. Stop it with network/down.sh.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_tools curl jq ss setsid tar gzip sha256sum java

started_at=$SECONDS
ORDERER_ARGS=(-o "$ORDERER_ADDRESS" --tls --cafile "$(orderer_tls_ca)")

# ------------------------------------------------------------------ preflight
for name in orderer chaincode "${PEER_ORGS[@]/#/peer0.}"; do
  is_alive "$name" && die "the network is already up ($name runs as pid $(pid_of "$name")): run network/down.sh first"
done
busy="$(listening_ports)"
[[ -z "$busy" ]] || die "ports already in use: $busy (another network? run network/down.sh, or see: ss -ltnp)"
if [[ -d "$RUN_DIR" ]]; then
  info "removing state of a network that is no longer running ($RUN_DIR)"
  remove_added_namespaces
  rm -rf "$RUN_DIR"
fi
mkdir -p "$CFG_DIR" "$CRYPTO_DIR" "$DATA_DIR" "$LOG_DIR" "$PID_DIR" "$ART_DIR"
trap 'rc=$?; ((rc == 0)) || echo "Whatever up.sh started keeps running for inspection; bash network/down.sh stops it." >&2' EXIT

step "Fabric binaries"
bash "$NET_DIR/install.sh"

step "Chaincode jar"
jar_stale() { # a source or POM newer than the jar: the jar would run old code
  [[ -n "$(find "$REPO_DIR/pom.xml" "$REPO_DIR/chaincode/pom.xml" "$REPO_DIR/chaincode/src/main" \
    -newer "$CC_JAR" -type f -print -quit 2>/dev/null)" ]]
}
if [[ -n "${CHAINCODE_JAR:-}" ]]; then
  [[ -f "$CC_JAR" ]] || die "CHAINCODE_JAR=$CHAINCODE_JAR does not exist"
  info "using $CC_JAR"
elif [[ -f "$CC_JAR" ]] && ! jar_stale; then
  info "using $CC_JAR"
else
  [[ -f "$CC_JAR" ]] && info "$CC_JAR is older than the chaincode sources"
  info "building it: ./mvnw -q -pl chaincode -am package -DskipTests"
  (cd "$REPO_DIR" && ./mvnw -q -pl chaincode -am package -DskipTests) >"$LOG_DIR/mvn.log" 2>&1 ||
    die "the chaincode build failed" "$LOG_DIR/mvn.log"
  [[ -f "$CC_JAR" ]] || die "the build did not produce $CC_JAR"
fi

# ------------------------------------------------------------------ configuration
step "Configuration"
cp "$BIN_DIR/config"/{core,orderer}.yaml "$CFG_DIR/"
# No Docker: a set vm.endpoint registers a Docker health check that fails /healthz,
# and an empty CORE_VM_ENDPOINT is ignored, so blank it in the file. Chaincode runs
# only through the ccaas external builder.
sed -i -E 's#^(    endpoint: )unix:///var/run/docker.sock#\1#' "$CFG_DIR/core.yaml"
sed -i -E "s#^(         path: )/opt/hyperledger/ccaas_builder#\1$BIN_DIR/ccaas_builder#" "$CFG_DIR/core.yaml"
grep -q "^    endpoint: *$" "$CFG_DIR/core.yaml" || die "could not blank vm.endpoint in $CFG_DIR/core.yaml"
grep -q "path: $BIN_DIR/ccaas_builder$" "$CFG_DIR/core.yaml" || die "could not set the ccaas builder path in $CFG_DIR/core.yaml"
info "core.yaml, orderer.yaml from Fabric's sampleconfig; vm.endpoint blanked; ccaas_builder at $BIN_DIR/ccaas_builder"

{
  cat <<EOF
OrdererOrgs:
  - Name: Orderer
    Domain: $DOMAIN
    EnableNodeOUs: true
    CA: {Country: CN, Province: Jilin}
    Specs:
      - Hostname: orderer
        SANS: [127.0.0.1, localhost]
PeerOrgs:
EOF
  for org in "${ORGS[@]}"; do
    cat <<EOF
  - Name: ${MSP[$org]%MSP}
    Domain: $org.$DOMAIN
    EnableNodeOUs: true
    CA: {Country: CN, Province: Jilin}
    Users: {Count: 1}
EOF
    if [[ -n "${PEER_PORT[$org]:-}" ]]; then
      cat <<EOF
    Template:
      Count: 1
      SANS: [127.0.0.1, localhost]
EOF
    fi
  done
} >"$CFG_DIR/crypto-config.yaml"

signature() { # signature ROLE : OutOf(2, ...) over the three peer orgs
  local org principals=()
  for org in "${PEER_ORGS[@]}"; do principals+=("'${MSP[$org]}.$1'"); done
  (IFS=,; echo "OutOf(2,${principals[*]})")
}
{
  cat <<EOF
Organizations:
  - &OrdererOrg
    Name: OrdererMSP
    ID: OrdererMSP
    MSPDir: $(orderer_org_dir)/msp
    Policies:
      Readers: {Type: Signature, Rule: "OR('OrdererMSP.member')"}
      Writers: {Type: Signature, Rule: "OR('OrdererMSP.member')"}
      Admins: {Type: Signature, Rule: "OR('OrdererMSP.admin')"}
    OrdererEndpoints: [$ORDERER_ADDRESS]
EOF
  for org in "${ORGS[@]}"; do
    m="${MSP[$org]}"
    cat <<EOF
  - &$m
    Name: $m
    ID: $m
    MSPDir: $(org_dir "$org")/msp
    Policies:
      Readers: {Type: Signature, Rule: "OR('$m.admin','$m.peer','$m.client')"}
      Writers: {Type: Signature, Rule: "OR('$m.admin','$m.client')"}
      Admins: {Type: Signature, Rule: "OR('$m.admin')"}
EOF
    if [[ -n "${PEER_PORT[$org]:-}" ]]; then
      cat <<EOF
      Endorsement: {Type: Signature, Rule: "OR('$m.peer')"}
    AnchorPeers:
      - {Host: 127.0.0.1, Port: ${PEER_PORT[$org]}}
EOF
    fi
  done
  cat <<EOF

Capabilities:
  Channel: &ChannelCapabilities {V2_0: true}
  Orderer: &OrdererCapabilities {V2_0: true}
  Application: &ApplicationCapabilities {V2_5: true}

# Peerless organisations are members (they read and, through another org's gateway,
# write) but never sign: admin changes, chaincode definitions and endorsements all
# need two of the three organisations that run peers.
Application: &ApplicationDefaults
  Organizations:
  Policies:
    Readers: {Type: ImplicitMeta, Rule: "ANY Readers"}
    Writers: {Type: ImplicitMeta, Rule: "ANY Writers"}
    Admins: {Type: Signature, Rule: "$(signature admin)"}
    LifecycleEndorsement: {Type: Signature, Rule: "$(signature peer)"}
    Endorsement: {Type: Signature, Rule: "$(signature peer)"}
  Capabilities: *ApplicationCapabilities

Orderer: &OrdererDefaults
  OrdererType: etcdraft
  EtcdRaft:
    Consenters:
      - Host: 127.0.0.1
        Port: $ORDERER_PORT
        ClientTLSCert: $(orderer_dir)/tls/server.crt
        ServerTLSCert: $(orderer_dir)/tls/server.crt
  BatchTimeout: 250ms
  BatchSize:
    MaxMessageCount: 100
    AbsoluteMaxBytes: 10 MB
    PreferredMaxBytes: 2 MB
  Organizations:
  Policies:
    Readers: {Type: ImplicitMeta, Rule: "ANY Readers"}
    Writers: {Type: ImplicitMeta, Rule: "ANY Writers"}
    Admins: {Type: ImplicitMeta, Rule: "MAJORITY Admins"}
    BlockValidation: {Type: ImplicitMeta, Rule: "ANY Writers"}
  Capabilities: *OrdererCapabilities

Channel: &ChannelDefaults
  Policies:
    Readers: {Type: ImplicitMeta, Rule: "ANY Readers"}
    Writers: {Type: ImplicitMeta, Rule: "ANY Writers"}
    Admins: {Type: ImplicitMeta, Rule: "MAJORITY Admins"}
  Capabilities: *ChannelCapabilities

Profiles:
  TraceChannel:
    <<: *ChannelDefaults
    Orderer:
      <<: *OrdererDefaults
      Organizations: [*OrdererOrg]
    Application:
      <<: *ApplicationDefaults
      Organizations:
EOF
  for org in "${ORGS[@]}"; do echo "        - *${MSP[$org]}"; done
} >"$CFG_DIR/configtx.yaml"
info "crypto-config.yaml, configtx.yaml written to $CFG_DIR"

# ------------------------------------------------------------------ crypto
step "Crypto material (cryptogen: 9 organisations, NodeOUs, SAN 127.0.0.1)"
cli "cryptogen generate" "$BIN_DIR/cryptogen" generate --config="$CFG_DIR/crypto-config.yaml" --output="$CRYPTO_DIR"
info "$CRYPTO_DIR"

step "Channel genesis block for '$CHANNEL'"
cli "configtxgen" "$BIN_DIR/configtxgen" -configPath "$CFG_DIR" -profile TraceChannel \
  -channelID "$CHANNEL" -outputBlock "$ART_DIR/$CHANNEL.block"
info "$ART_DIR/$CHANNEL.block"

# ------------------------------------------------------------------ orderer
step "Orderer $ORDERER_HOST (Raft, single consenter) on 127.0.0.1:$ORDERER_PORT"
od="$(orderer_dir)"
start_orderer
wait_until 30 orderer "orderer admin port $ORDERER_ADMIN_PORT" port_listening "$ORDERER_ADMIN_PORT"
info "pid $(pid_of orderer), healthy"

step "Orderer joins '$CHANNEL' (osnadmin channel join)"
admin_tls="$(orderer_org_dir)/users/Admin@$DOMAIN/tls"
cli "osnadmin channel join" "$BIN_DIR/osnadmin" channel join --channelID "$CHANNEL" \
  --config-block "$ART_DIR/$CHANNEL.block" -o "127.0.0.1:$ORDERER_ADMIN_PORT" \
  --ca-file "$od/tls/ca.crt" --client-cert "$admin_tls/client.crt" --client-key "$admin_tls/client.key"
raft_leader() { grep -q "Raft leader changed: 0 -> 1 channel=$CHANNEL" "$LOG_DIR/orderer.log"; }
wait_until 30 orderer "the Raft leader of '$CHANNEL'" raft_leader
info "joined; Raft leader elected"

# ------------------------------------------------------------------ peers
for org in "${PEER_ORGS[@]}"; do
  name="$(peer_name "$org")"
  port="${PEER_PORT[$org]}"
  step "Peer $name (${MSP[$org]}) on 127.0.0.1:$port, operations :${PEER_OPS_PORT[$org]}"
  start_peer "$org"
  wait_peer_healthy "$org"
  info "pid $(pid_of "peer0.$org"), healthy"
done

step "Peers join '$CHANNEL'"
for org in "${PEER_ORGS[@]}"; do
  cli "peer channel join ($org)" as_admin "$org" channel join -b "$ART_DIR/$CHANNEL.block"
  info "$(peer_name "$org") joined"
done

# ------------------------------------------------------------------ chaincode
CC_VERSION=1.0
CC_SEQUENCE=1
CC_LABEL="${CC_NAME}_$CC_VERSION"
step "Chaincode package $CC_LABEL (ccaas, $CC_ADDRESS)"
pkg="$(build_package "$CC_LABEL")"
pkg_id="$(package_id "$CC_LABEL" "$pkg")"
calc="$(as_admin "${PEER_ORGS[0]}" lifecycle chaincode calculatepackageid "$pkg")"
[[ "$calc" == "$pkg_id" ]] || die "package id mismatch: computed $pkg_id, peer says $calc"
info "package ID $pkg_id"

step "Install on every peer"
for org in "${PEER_ORGS[@]}"; do
  cli "install on $org" as_admin "$org" lifecycle chaincode install "$pkg"
  info "$(peer_name "$org")"
done

# Started before the definition is committed: on commit every peer launches the
# chaincode at once, and finds the server already there.
step "Chaincode JVM on $CC_ADDRESS"
start_chaincode "$pkg_id"
info "pid $(pid_of chaincode), listening"

write_collections
info "$(jq length "$COLLECTIONS_FILE") private data collections for shipment terms: $COLLECTIONS_FILE"

step "Approve (version $CC_VERSION, sequence $CC_SEQUENCE, endorsement $CC_POLICY)"
for org in "${PEER_ORGS[@]}"; do
  cli "approveformyorg ($org)" as_admin "$org" lifecycle chaincode approveformyorg "${ORDERER_ARGS[@]}" \
    --channelID "$CHANNEL" --name "$CC_NAME" --version "$CC_VERSION" --sequence "$CC_SEQUENCE" \
    --package-id "$pkg_id" --signature-policy "$CC_POLICY" --collections-config "$COLLECTIONS_FILE"
  info "${MSP[$org]} approved"
done

step "Commit the definition"
peer_args=()
for org in "${PEER_ORGS[@]}"; do
  peer_args+=(--peerAddresses "$(peer_endpoint "$org")" --tlsRootCertFiles "$(peer_tls_ca "$org")")
done
cli "commit" as_admin "${PEER_ORGS[0]}" lifecycle chaincode commit "${ORDERER_ARGS[@]}" "${peer_args[@]}" \
  --channelID "$CHANNEL" --name "$CC_NAME" --version "$CC_VERSION" --sequence "$CC_SEQUENCE" \
  --signature-policy "$CC_POLICY" --collections-config "$COLLECTIONS_FILE"
info "committed $CC_NAME $CC_VERSION, sequence $CC_SEQUENCE"

# ------------------------------------------------------------------ health
step "Health checks"
for port in "$ORDERER_OPS_PORT" "${PEER_OPS_PORT[@]}"; do
  healthz_ok "$port" || die "/healthz on port $port is not OK"
done
info "orderer and peer /healthz: OK"
for org in "${PEER_ORGS[@]}"; do
  # The first call makes the peer launch the chaincode (dial $CC_ADDRESS).
  out="$(query_metadata "$org" 2>&1)" || { echo "$out" >>"$LOG_DIR/cli.log"; die "GetMetadata on $(peer_name "$org") failed: $out" "$LOG_DIR/peer0.$org.log"; }
  jq -e '.contracts' <<<"$out" >/dev/null || die "GetMetadata on $(peer_name "$org") returned no contract metadata: $out"
  info "GetMetadata via $(peer_name "$org"): contracts $(jq -c '.contracts | keys' <<<"$out")"
done

# Peers that join before the others reject their TLS CAs until they too have the
# channel config; gossip retries every CORE_PEER_GOSSIP_RECONNECTINTERVAL.
deadline=$((SECONDS + 40))
until gossip_complete; do
  if ((SECONDS >= deadline)); then
    warn "gossip has not converged yet (discovery may offer fewer peers for a while)"
    break
  fi
  sleep 1
done
gossip_complete && info "gossip: every peer sees the other two"

# ------------------------------------------------------------------ profile for the service
write_profile

step "Network is up in $((SECONDS - started_at)) s"
info "service profile: $RUN_DIR/fabric-profile.json"
info "logs:            $LOG_DIR/"
info "status:          bash network/status.sh"
info "stop:            bash network/down.sh"
