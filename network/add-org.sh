#!/usr/bin/env bash
# Adds a fourth peer organisation to the running network, on "another host": the Yanbian beef
# cooperative (延边黄牛合作社, YanbianCoopMSP) with its own peer in its own Linux network
# namespace, reachable only at its own address on a veth pair.
#
#   bash network/add-org.sh          # needs root (network namespaces), socat, jq, curl
#
# What it does, as a real consortium would:
#   1. a network namespace with a veth pair: the "host" side 10.213.N.1, the new host 10.213.N.2
#      (a /30 of 10.213.0.0/16, N = NETWORK_PORT_OFFSET/10; refused if any route or address on
#      this machine already covers it). Only addresses inside what this script creates are used.
#   2. port forwards across the link (socat): the new host reaches the orderer, the three peers
#      and the chaincode server at the addresses the channel configuration names (127.0.0.1:…),
#      as a firewall between two machines would forward them;
#   3. the organisation's crypto material (cryptogen), its peer's TLS certificate naming its
#      address 10.213.N.2 and its host name;
#   4. a channel configuration update adding it (configtxlator), signed by the admins of two of
#      the three peer organisations (the channel's Admins policy), its anchor peer included;
#   5. its peer started inside the namespace, joined to the channel from block 0;
#   6. the chaincode package installed there and the definition approved for the organisation;
#   7. the service's connection profile (fabric-profile.json) rewritten with the new peer and
#      the organisation's CA: a service started afterwards lets its users transact through it.
# network/down.sh stops everything and deletes the namespace.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_tools ip socat jq curl ss setsid tar gzip sha256sum

ORG=yanbiancoop
ORG_MSP=YanbianCoopMSP
ORG_NAME=YanbianCoop
LINK=$((PORT_OFFSET / 10))
SUBNET="10.213.$LINK"
HOST_ADDR="$SUBNET.1"
ORG_ADDR="$SUBNET.2"
NETNS="heitu$PORT_OFFSET-$ORG"
VETH_HOST="hty$LINK-h"
VETH_ORG="hty$LINK-n"
ORG_PORT="$(port 10051)"
ORG_CC_PORT="$(port 10052)"
ORG_OPS_PORT="$(port 9447)"
# What the new host must reach on 127.0.0.1, as the channel configuration and the chaincode
# package name them.
FORWARDED=("$ORDERER_PORT" "$CC_PORT")
for _org in "${FOUNDING_PEER_ORGS[@]}"; do FORWARDED+=("${PEER_PORT[$_org]}"); done
ORDERER_ARGS=(-o "$ORDERER_ADDRESS" --tls --cafile "$(orderer_tls_ca)")
WORK="$ART_DIR/add-$ORG"
started_at=$SECONDS

# ------------------------------------------------------------------ preflight
[[ -d "$RUN_DIR" ]] || die "no network in $RUN_DIR: start it with network/up.sh first"
for name in orderer chaincode "${FOUNDING_PEER_ORGS[@]/#/peer0.}"; do
  is_alive "$name" || die "$name is not running: start the network with network/up.sh"
done
[[ ! -f "$ADDED_DIR/$ORG.sh" ]] || die "$ORG_MSP is already part of this network ($ADDED_DIR/$ORG.sh)"
(($(id -u) == 0)) || die "network namespaces need root (or CAP_NET_ADMIN): run as root"
if ip netns list | grep -qw "^$NETNS"; then
  # A namespace with nothing running in it is what a run killed before its down.sh leaves
  # (CI's time limit, a closed session): the network that made it is gone, so it is ours to
  # remove. One with processes in it belongs to a network still running: never touched.
  [[ -z "$(ip netns pids "$NETNS")" ]] ||
    die "network namespace $NETNS exists and processes run in it (another network on this machine?): bash network/down.sh there, or set NETWORK_PORT_OFFSET"
  ip netns del "$NETNS"
  info "removed network namespace $NETNS: nothing ran in it (left by a run killed before network/down.sh)"
fi
ip link show "$VETH_HOST" >/dev/null 2>&1 && die "interface $VETH_HOST exists already"
# The /30 must be free on this machine: no address in it, no route to it but the default.
if ip -4 -o addr show | grep -q " $SUBNET\."; then
  die "an address in $SUBNET.0/30 is already in use here: set NETWORK_PORT_OFFSET to move to another /30"
fi
if ip -4 route show to match "$ORG_ADDR" | grep -qv '^default'; then
  die "a route on this machine already covers $ORG_ADDR ($(ip -4 route show to match "$ORG_ADDR" | grep -v '^default' | head -1))"
fi
rm -rf "$WORK"
mkdir -p "$WORK" "$ADDED_DIR"
trap 'rc=$?; ((rc == 0)) || echo "add-org.sh failed; bash network/down.sh removes the whole network, the namespace included." >&2' EXIT

# ------------------------------------------------------------------ the second host
step "Network namespace $NETNS: $VETH_HOST $HOST_ADDR/30 <-> $VETH_ORG $ORG_ADDR/30"
ip netns add "$NETNS"
ip link add "$VETH_HOST" type veth peer name "$VETH_ORG"
ip link set "$VETH_ORG" netns "$NETNS"
ip addr add "$HOST_ADDR/30" dev "$VETH_HOST"
ip link set "$VETH_HOST" up
ip -n "$NETNS" addr add "$ORG_ADDR/30" dev "$VETH_ORG"
ip -n "$NETNS" link set "$VETH_ORG" up
ip -n "$NETNS" link set lo up
# down.sh reads these to undo it; written before anything else can fail.
cat >"$ADDED_DIR/$ORG.sh" <<EOF
# Written by network/add-org.sh: $ORG_MSP's peer in network namespace $NETNS at $ORG_ADDR.
ORGS+=($ORG)
PEER_ORGS+=($ORG)
MSP[$ORG]=$ORG_MSP
PEER_PORT[$ORG]=$ORG_PORT
PEER_CC_PORT[$ORG]=$ORG_CC_PORT
PEER_OPS_PORT[$ORG]=$ORG_OPS_PORT
PEER_HOST[$ORG]=$ORG_ADDR
PEER_NETNS[$ORG]=$NETNS
EOF
# shellcheck source=/dev/null
source "$ADDED_DIR/$ORG.sh"
info "the new host answers at $ORG_ADDR; nothing else on this machine is touched"

step "Port forwards across the link (what a firewall between two hosts would forward)"
for p in "${FORWARDED[@]}"; do
  # On this host: the link address to the loopback where the network listens.
  start_bg "forward-host-$p" socat "TCP4-LISTEN:$p,bind=$HOST_ADDR,reuseaddr,fork" "TCP4:127.0.0.1:$p"
  # On the new host: the addresses the channel configuration names, across the link.
  start_bg "forward-$ORG-$p" ip netns exec "$NETNS" \
    socat "TCP4-LISTEN:$p,bind=127.0.0.1,reuseaddr,fork" "TCP4:$HOST_ADDR:$p"
done
ns_listening() { ip netns exec "$NETNS" ss -Hltn "sport = :$1" | grep -q .; }
for p in "${FORWARDED[@]}"; do
  wait_until 10 "forward-$ORG-$p" "the forward of port $p inside $NETNS" ns_listening "$p"
done
info "${FORWARDED[*]}: $ORG_ADDR -> $HOST_ADDR -> 127.0.0.1"

# ------------------------------------------------------------------ crypto
step "Crypto material for $ORG_MSP (its peer's TLS certificate names $ORG_ADDR)"
cat >"$WORK/crypto-config.yaml" <<EOF
PeerOrgs:
  - Name: $ORG_NAME
    Domain: $ORG.$DOMAIN
    EnableNodeOUs: true
    CA: {Country: CN, Province: Jilin, Locality: Yanbian}
    Users: {Count: 1}
    Template:
      Count: 1
      SANS: [$ORG_ADDR]
EOF
cli "cryptogen generate ($ORG)" "$BIN_DIR/cryptogen" generate --config="$WORK/crypto-config.yaml" --output="$CRYPTO_DIR"
openssl_sans() { # the SANs of a certificate, for the record
  if command -v openssl >/dev/null; then
    openssl x509 -in "$1" -noout -ext subjectAltName 2>/dev/null | tail -n +2 | sed 's/^ *//'
  fi
}
info "$(org_dir "$ORG")  TLS SANs: $(openssl_sans "$(peer_dir "$ORG")/tls/server.crt")"

# ------------------------------------------------------------------ channel configuration update
step "Channel configuration update: $ORG_MSP joins '$CHANNEL' (configtxlator)"
cat >"$WORK/configtx.yaml" <<EOF
Organizations:
  - &$ORG_MSP
    Name: $ORG_MSP
    ID: $ORG_MSP
    MSPDir: $(org_dir "$ORG")/msp
    Policies:
      Readers: {Type: Signature, Rule: "OR('$ORG_MSP.admin','$ORG_MSP.peer','$ORG_MSP.client')"}
      Writers: {Type: Signature, Rule: "OR('$ORG_MSP.admin','$ORG_MSP.client')"}
      Admins: {Type: Signature, Rule: "OR('$ORG_MSP.admin')"}
      Endorsement: {Type: Signature, Rule: "OR('$ORG_MSP.peer')"}
    AnchorPeers:
      - {Host: $ORG_ADDR, Port: $ORG_PORT}
EOF
"$BIN_DIR/configtxgen" -configPath "$WORK" -printOrg "$ORG_MSP" >"$WORK/org.json" 2>>"$LOG_DIR/cli.log" ||
  die "configtxgen -printOrg $ORG_MSP failed" "$LOG_DIR/cli.log"
signer1="${FOUNDING_PEER_ORGS[0]}"
signer2="${FOUNDING_PEER_ORGS[1]}"
cli "fetch the channel config" as_admin "$signer1" channel fetch config "$WORK/config_block.pb" \
  -c "$CHANNEL" "${ORDERER_ARGS[@]}"
lator() { "$BIN_DIR/configtxlator" "$@"; }
lator proto_decode --input "$WORK/config_block.pb" --type common.Block --output "$WORK/config_block.json"
jq '.data.data[0].payload.data.config' "$WORK/config_block.json" >"$WORK/config.json"
jq --arg m "$ORG_MSP" --slurpfile org "$WORK/org.json" \
  '.channel_group.groups.Application.groups[$m] = $org[0]' "$WORK/config.json" >"$WORK/modified.json"
lator proto_encode --input "$WORK/config.json" --type common.Config --output "$WORK/config.pb"
lator proto_encode --input "$WORK/modified.json" --type common.Config --output "$WORK/modified.pb"
lator compute_update --channel_id "$CHANNEL" --original "$WORK/config.pb" --updated "$WORK/modified.pb" \
  --output "$WORK/update.pb"
lator proto_decode --input "$WORK/update.pb" --type common.ConfigUpdate --output "$WORK/update.json"
jq -n --arg ch "$CHANNEL" --slurpfile update "$WORK/update.json" \
  '{payload: {header: {channel_header: {channel_id: $ch, type: 2}}, data: {config_update: $update[0]}}}' \
  >"$WORK/update_envelope.json"
lator proto_encode --input "$WORK/update_envelope.json" --type common.Envelope --output "$WORK/update_envelope.pb"
info "update: Application group gains $ORG_MSP (MSP, policies, anchor peer $ORG_ADDR:$ORG_PORT)"

step "Signed by ${MSP[$signer1]} and ${MSP[$signer2]} (Admins: 2 of the 3 peer organisations)"
cli "signconfigtx (${MSP[$signer1]})" as_admin "$signer1" channel signconfigtx -f "$WORK/update_envelope.pb"
before="$(channel_height "$signer1")"
cli "channel update (${MSP[$signer2]} signs and submits)" as_admin "$signer2" channel update \
  -f "$WORK/update_envelope.pb" -c "$CHANNEL" "${ORDERER_ARGS[@]}"
config_committed() { (($(channel_height "$signer1") > before)); }
wait_until 30 "peer0.$signer1" "the configuration block on $(peer_name "$signer1")" config_committed
info "configuration block committed (height $(channel_height "$signer1"))"

# ------------------------------------------------------------------ its peer
step "Peer $(peer_name "$ORG") inside $NETNS on $ORG_ADDR:$ORG_PORT, operations :$ORG_OPS_PORT"
start_peer "$ORG"
wait_peer_healthy "$ORG"
info "pid $(pid_of "peer0.$ORG"), healthy"

step "Peer joins '$CHANNEL' from block 0"
cli "fetch block 0" as_admin "$ORG" channel fetch 0 "$WORK/$CHANNEL.block" -c "$CHANNEL" "${ORDERER_ARGS[@]}"
cli "peer channel join ($ORG)" as_admin "$ORG" channel join -b "$WORK/$CHANNEL.block"
target="$(channel_height "$signer1")"
caught_up() { local h; h="$(channel_height "$ORG")"; [[ -n "$h" ]] && ((h >= target)); }
wait_until 120 "peer0.$ORG" "$(peer_name "$ORG") to catch up to height $target" caught_up
info "at height $(channel_height "$ORG"), like the others"

# ------------------------------------------------------------------ chaincode
step "Chaincode: install the package, approve the committed definition for $ORG_MSP"
def="$(committed_definition)" || die "could not read the committed definition of '$CC_NAME'" "$LOG_DIR/cli.log"
version="$(jq -r .version <<<"$def")"
sequence="$(jq -r .sequence <<<"$def")"
pkg_id="$(cat "$RUN_DIR/chaincode.id")"
label="${pkg_id%%:*}"
pkg="$(build_package "$label")"
[[ "$(package_id "$label" "$pkg")" == "$pkg_id" ]] || die "rebuilt package $label does not match the running chaincode's $pkg_id"
cli "install on $ORG" as_admin "$ORG" lifecycle chaincode install "$pkg"
cli "approveformyorg ($ORG)" as_admin "$ORG" lifecycle chaincode approveformyorg "${ORDERER_ARGS[@]}" \
  --channelID "$CHANNEL" --name "$CC_NAME" --version "$version" --sequence "$sequence" \
  --package-id "$pkg_id" --signature-policy "$CC_POLICY" --collections-config "$COLLECTIONS_FILE"
info "installed $pkg_id; approved version $version, sequence $sequence"
metadata_ok() { query_metadata "$ORG" | jq -e .contracts; }
wait_until 60 "peer0.$ORG" "the chaincode through $(peer_name "$ORG")" metadata_ok
info "GetMetadata through $(peer_name "$ORG"): the peer reaches the chaincode server across the link"

# ------------------------------------------------------------------ the service's profile
step "Service connection profile"
write_profile
info "$RUN_DIR/fabric-profile.json: $(jq -r '[.peers[].mspId] | join(", ")' "$RUN_DIR/fabric-profile.json")"
info "restart the service (or start a new one) to let $ORG_MSP's users submit through $ORG_ADDR:$ORG_PORT"

step "$ORG_MSP added in $((SECONDS - started_at)) s"
