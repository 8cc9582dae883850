# Shared settings and helpers for the network scripts. Sourced, never run.
# shellcheck shell=bash disable=SC2034  # the variables are used by the scripts that source this

NET_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(dirname "$NET_DIR")"
BIN_DIR="$NET_DIR/.bin"

# Several networks on one machine (e.g. one per git worktree) need their own ports and their
# own state: NETWORK_PORT_OFFSET is added to every port below (default 0: the ports in
# network/README.md), NETWORK_RUN_DIR moves network/.run (a relative path is taken from the
# repository root). Every script, the service's profile and the tests read both. Offsets are
# multiples of 10 below 1000: the ports are spread over 7050-9999 with gaps of 1, 1000, 2000 …
# between them, so two such offsets never give two networks the same port.
PORT_OFFSET="${NETWORK_PORT_OFFSET:-0}"
[[ "$PORT_OFFSET" =~ ^[0-9]{1,3}$ ]] && ((PORT_OFFSET % 10 == 0)) ||
  { echo "ERROR: NETWORK_PORT_OFFSET must be a multiple of 10 from 0 to 990 (got '$PORT_OFFSET')" >&2; exit 1; }
PORT_OFFSET=$((10#$PORT_OFFSET))
case "${NETWORK_RUN_DIR:-}" in
  "") RUN_DIR="$NET_DIR/.run" ;;
  /*) RUN_DIR="$NETWORK_RUN_DIR" ;;
  *) RUN_DIR="$REPO_DIR/$NETWORK_RUN_DIR" ;;
esac
CFG_DIR="$RUN_DIR/config"
CRYPTO_DIR="$RUN_DIR/crypto"
DATA_DIR="$RUN_DIR/data"
LOG_DIR="$RUN_DIR/logs"
PID_DIR="$RUN_DIR/pids"
ART_DIR="$RUN_DIR/artifacts"
# Organisations added to a running network (network/add-org.sh) describe themselves here.
ADDED_DIR="$RUN_DIR/orgs.d"

port() { echo $(($1 + PORT_OFFSET)); }

# Fabric v2.5.16, the LTS line; network/install.sh checks the binaries report it.
FABRIC_VERSION=2.5.16
FABRIC_COMMIT=f871cf92a026aba7b12e6f06d71ded3e6e659d71

CHANNEL=trace
CC_NAME=trace
DOMAIN=heitu.local
CC_PORT="$(port 9999)"
CC_ADDRESS="127.0.0.1:$CC_PORT"
CC_POLICY="OutOf(2,'ShulanRiceCoopMSP.peer','ChangchunMartMSP.peer','JilinInspectionMSP.peer')"
# CHAINCODE_JAR runs another build of the chaincode (e.g. a branch's) without copying it here.
CC_JAR="${CHAINCODE_JAR:-$REPO_DIR/chaincode/target/chaincode.jar}"
# A small initial heap and the serial collector keep the idle JVM at 220-250 MB RSS
# (-Xmx256m alone: about 350 MB). CHAINCODE_JAVA_OPTS replaces these.
read -r -a CC_JAVA_OPTS <<<"${CHAINCODE_JAVA_OPTS:--Xmx256m -Xms32m -XX:+UseSerialGC}"

ORDERER_HOST="orderer.$DOMAIN"
ORDERER_PORT="$(port 7050)"
ORDERER_ADMIN_PORT="$(port 7053)"
ORDERER_OPS_PORT="$(port 9443)"
ORDERER_ADDRESS="127.0.0.1:$ORDERER_PORT"

# Every channel member, in configtx order. Keys are the cryptogen domain prefixes.
ORGS=(shulanricecoop fusongginseng yanbianbeef ricemill coldchain changchunmart jilininspection jilinregulator)
PEER_ORGS=(shulanricecoop changchunmart jilininspection)
# The organisations whose admins sign channel changes and whose peers endorse (2 of these 3).
FOUNDING_PEER_ORGS=("${PEER_ORGS[@]}")
declare -A MSP=(
  [shulanricecoop]=ShulanRiceCoopMSP
  [fusongginseng]=FusongGinsengMSP
  [yanbianbeef]=YanbianBeefMSP
  [ricemill]=RiceMillMSP
  [coldchain]=ColdChainMSP
  [changchunmart]=ChangchunMartMSP
  [jilininspection]=JilinInspectionMSP
  [jilinregulator]=JilinRegulatorMSP
)
declare -A PEER_PORT=([shulanricecoop]="$(port 7051)" [changchunmart]="$(port 8051)" [jilininspection]="$(port 9051)")
declare -A PEER_CC_PORT=([shulanricecoop]="$(port 7052)" [changchunmart]="$(port 8052)" [jilininspection]="$(port 9052)")
declare -A PEER_OPS_PORT=([shulanricecoop]="$(port 9444)" [changchunmart]="$(port 9445)" [jilininspection]="$(port 9446)")
# Where each peer listens: loopback, except a peer that add-org.sh put in a network namespace.
declare -A PEER_HOST=([shulanricecoop]=127.0.0.1 [changchunmart]=127.0.0.1 [jilininspection]=127.0.0.1)
declare -A PEER_NETNS=()
# Whose peer gateway a peerless organisation's users submit through.
declare -A GATEWAY_ORG=(
  [fusongginseng]=shulanricecoop
  [yanbianbeef]=shulanricecoop
  [ricemill]=shulanricecoop
  [coldchain]=changchunmart
  [jilinregulator]=jilininspection
)

# Each added organisation's file appends to ORGS/PEER_ORGS and fills the maps above.
if [[ -d "$ADDED_DIR" ]]; then
  for _added in "$ADDED_DIR"/*.sh; do
    # shellcheck source=/dev/null
    [[ -e "$_added" ]] && source "$_added"
  done
  unset _added
fi

# Ports on 127.0.0.1 (an added peer listens on its own address).
ALL_PORTS=("$ORDERER_PORT" "$ORDERER_ADMIN_PORT" "$ORDERER_OPS_PORT" "$CC_PORT")
for _org in "${FOUNDING_PEER_ORGS[@]}"; do
  ALL_PORTS+=("${PEER_PORT[$_org]}" "${PEER_CC_PORT[$_org]}" "${PEER_OPS_PORT[$_org]}")
done
unset _org

# ---------------------------------------------------------------- messages

# Failures that no check below anticipated still say where they happened.
trap 'echo "ERROR: $(basename "$0") failed (exit $?) at line $LINENO: $BASH_COMMAND (logs: $LOG_DIR)" >&2' ERR

step() { printf '\n==> %s\n' "$*"; }
info() { printf '    %s\n' "$*"; }
warn() { printf 'WARNING: %s\n' "$*" >&2; }
die() {
  printf '\nERROR: %s\n' "$1" >&2
  if [[ -n "${2:-}" && -f "$2" ]]; then
    printf -- '---- last lines of %s ----\n' "$2" >&2
    tail -n "${3:-30}" "$2" >&2
    printf -- '----\n' >&2
  fi
  exit 1
}

require_tools() {
  local t missing=()
  for t in "$@"; do command -v "$t" >/dev/null 2>&1 || missing+=("$t"); done
  ((${#missing[@]} == 0)) || die "missing tools: ${missing[*]} (Debian: apt-get install -y jq curl iproute2)"
}

# ---------------------------------------------------------------- paths

peer_name() { echo "peer0.$1.$DOMAIN"; }
peer_endpoint() { echo "${PEER_HOST[$1]}:${PEER_PORT[$1]}"; }
peer_ops() { echo "${PEER_HOST[$1]}:${PEER_OPS_PORT[$1]}"; }
org_dir() { echo "$CRYPTO_DIR/peerOrganizations/$1.$DOMAIN"; }
peer_dir() { echo "$(org_dir "$1")/peers/$(peer_name "$1")"; }
peer_tls_ca() { echo "$(peer_dir "$1")/tls/ca.crt"; }
admin_msp() { echo "$(org_dir "$1")/users/Admin@$1.$DOMAIN/msp"; }
orderer_org_dir() { echo "$CRYPTO_DIR/ordererOrganizations/$DOMAIN"; }
orderer_dir() { echo "$(orderer_org_dir)/orderers/$ORDERER_HOST"; }
orderer_tls_ca() { echo "$(orderer_dir)/tls/ca.crt"; }

# ---------------------------------------------------------------- processes

pid_of() { [[ -f "$PID_DIR/$1.pid" ]] && cat "$PID_DIR/$1.pid"; }
is_alive() {
  local pid
  pid="$(pid_of "$1")" || return 1
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null
}
# port_listening PORT [NETNS]
port_listening() {
  if [[ -n "${2:-}" ]]; then
    ip netns exec "$2" ss -Hltn "sport = :$1" 2>/dev/null | grep -q .
  else
    ss -Hltn "sport = :$1" 2>/dev/null | grep -q .
  fi
}

# remove_added_namespaces : deletes the network namespaces add-org.sh made for this network
# (the veth pair goes with them); nothing else is touched.
remove_added_namespaces() {
  local ns
  for ns in "${PEER_NETNS[@]}"; do
    if ip netns list 2>/dev/null | grep -q "^$ns\b"; then
      ip netns del "$ns"
      info "deleted network namespace $ns"
    fi
  done
}
listening_ports() {
  local p found=()
  for p in "${ALL_PORTS[@]}"; do port_listening "$p" && found+=("$p"); done
  echo "${found[*]}"
}

# start_bg NAME COMMAND... : runs COMMAND in its own session (so it outlives this
# script and its terminal), output in logs/NAME.log, pid in pids/NAME.pid.
start_bg() {
  local name="$1"
  shift
  mkdir -p "$LOG_DIR" "$PID_DIR"
  rm -f "$PID_DIR/$name.pid"
  # shellcheck disable=SC2016  # expanded by the inner shell
  setsid bash -c 'echo $$ > "$0"; exec "$@"' "$PID_DIR/$name.pid" "$@" \
    >>"$LOG_DIR/$name.log" 2>&1 </dev/null &
  for _ in $(seq 50); do
    [[ -s "$PID_DIR/$name.pid" ]] && return 0
    sleep 0.1
  done
  die "$name did not start" "$LOG_DIR/$name.log"
}

# wait_until SECONDS NAME DESCRIPTION COMMAND... : polls COMMAND every 0.5 s while the
# process NAME (started by start_bg) is alive; dies with NAME's log tail otherwise.
wait_until() {
  local secs="$1" name="$2" what="$3"
  shift 3
  local deadline=$((SECONDS + secs))
  until "$@" >/dev/null 2>&1; do
    is_alive "$name" || die "$name exited while waiting for $what" "$LOG_DIR/$name.log"
    ((SECONDS < deadline)) || die "timed out after ${secs}s waiting for $what" "$LOG_DIR/$name.log"
    sleep 0.5
  done
}

# healthz_ok PORT [HOST]
healthz_ok() { [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://${2:-127.0.0.1}:$1/healthz")" == 200 ]]; }

# ---------------------------------------------------------------- peer CLI

# as_admin ORG COMMAND... : runs a peer CLI command as the org admin against the org's peer.
as_admin() {
  local org="$1"
  shift
  (
    export FABRIC_CFG_PATH="$CFG_DIR"
    export CORE_PEER_LOCALMSPID="${MSP[$org]}"
    export CORE_PEER_MSPCONFIGPATH
    CORE_PEER_MSPCONFIGPATH="$(admin_msp "$org")"
    export CORE_PEER_ADDRESS
    CORE_PEER_ADDRESS="$(peer_endpoint "$org")"
    export CORE_PEER_TLS_ENABLED=true
    export CORE_PEER_TLS_ROOTCERT_FILE
    CORE_PEER_TLS_ROOTCERT_FILE="$(peer_tls_ca "$org")"
    export FABRIC_LOGGING_SPEC=warning
    "$BIN_DIR/peer" "$@"
  )
}

# cli DESCRIPTION COMMAND... : runs COMMAND with output in logs/cli.log; dies with its tail.
cli() {
  local what="$1"
  shift
  mkdir -p "$LOG_DIR"
  printf '\n# %s: %s\n' "$(date +%T)" "$what" >>"$LOG_DIR/cli.log"
  "$@" >>"$LOG_DIR/cli.log" 2>&1 || die "$what failed" "$LOG_DIR/cli.log" 20
}

channel_height() {
  as_admin "$1" channel getinfo -c "$CHANNEL" 2>/dev/null |
    sed -n 's/^Blockchain info: //p' | jq -r '.height // empty'
}

committed_definition() {
  as_admin "${PEER_ORGS[0]}" lifecycle chaincode querycommitted -C "$CHANNEL" -n "$CC_NAME" -O json 2>/dev/null
}

# ---------------------------------------------------------------- chaincode package

# build_package LABEL : writes artifacts/LABEL.tar.gz byte-for-byte reproducibly
# (sorted entries, zero mtimes and owners, gzip without name or time), so the same
# label always gives the same package ID. Prints the package file path.
build_package() {
  local label="$1" dir="$ART_DIR/pkg-$1"
  local tar_opts=(--sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner --format=ustar)
  rm -rf "$dir"
  mkdir -p "$dir/src"
  printf '{"address":"%s","dial_timeout":"10s","tls_required":false}\n' "$CC_ADDRESS" >"$dir/src/connection.json"
  printf '{"type":"ccaas","label":"%s"}\n' "$label" >"$dir/metadata.json"
  chmod 644 "$dir/src/connection.json" "$dir/metadata.json"
  tar "${tar_opts[@]}" -C "$dir/src" -cf - connection.json | gzip -n -9 >"$dir/code.tar.gz"
  chmod 644 "$dir/code.tar.gz"
  tar "${tar_opts[@]}" -C "$dir" -cf - code.tar.gz metadata.json | gzip -n -9 >"$ART_DIR/$label.tar.gz"
  echo "$ART_DIR/$label.tar.gz"
}

package_id() { echo "$1:$(sha256sum "$2" | cut -d' ' -f1)"; }

# start_chaincode PACKAGE_ID : the chaincode JVM gets a clean environment with only
# the two variables the shim reads in server mode; the peer admin's CORE_PEER_TLS_*
# would make the shim demand client certificates it never uses.
start_chaincode() {
  local java
  java="$(command -v java)" || die "java not found on PATH"
  echo "$1" >"$RUN_DIR/chaincode.id"
  start_bg chaincode env -i \
    CHAINCODE_SERVER_ADDRESS="$CC_ADDRESS" \
    CORE_CHAINCODE_ID_NAME="$1" \
    "$java" "${CC_JAVA_OPTS[@]}" -jar "$CC_JAR"
  wait_until 60 chaincode "the chaincode server on port $CC_PORT" port_listening "$CC_PORT"
}

stop_process() {
  local name="$1" pid
  pid="$(pid_of "$name")" || return 0
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 100); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
      warn "$name (pid $pid) ignored SIGTERM for 10 s; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.5
    fi
    info "stopped $name (pid $pid)"
  fi
  rm -f "$PID_DIR/$name.pid"
}

query_metadata() {
  as_admin "$1" chaincode query -C "$CHANNEL" -n "$CC_NAME" -c '{"Args":["org.hyperledger.fabric:GetMetadata"]}'
}

# gossip_view ORG : the peer endpoints ORG's peer last reported in its channel
# membership view (from its log; Fabric has no CLI for the gossip view).
gossip_view() {
  grep -a "\[$CHANNEL\] Membership view has changed" "$LOG_DIR/peer0.$1.log" 2>/dev/null | tail -n1 |
    sed -n 's/.*current view: *//p' | grep -oE '[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+:[0-9]+' | sort -u | tr '\n' ' ' | sed 's/ $//'
}

gossip_complete() {
  local org other view
  for org in "${PEER_ORGS[@]}"; do
    view=" $(gossip_view "$org") "
    for other in "${PEER_ORGS[@]}"; do
      [[ "$other" == "$org" || "$view" == *" $(peer_endpoint "$other") "* ]] || return 1
    done
  done
}

# start_peer ORG: starts ORG's peer in the background with its environment (up.sh, node.sh);
# a peer that add-org.sh placed in a network namespace starts inside it.
start_peer() {
  local org="$1" name pd host port netns=()
  name="$(peer_name "$org")"
  pd="$(peer_dir "$org")"
  host="${PEER_HOST[$org]}"
  port="${PEER_PORT[$org]}"
  [[ -z "${PEER_NETNS[$org]:-}" ]] || netns=(ip netns exec "${PEER_NETNS[$org]}")
  start_bg "peer0.$org" "${netns[@]}" env \
    FABRIC_CFG_PATH="$CFG_DIR" \
    FABRIC_LOGGING_SPEC=info \
    CORE_PEER_ID="$name" \
    CORE_PEER_ADDRESS="$host:$port" \
    CORE_PEER_LISTENADDRESS="$host:$port" \
    CORE_PEER_CHAINCODEADDRESS="$host:${PEER_CC_PORT[$org]}" \
    CORE_PEER_CHAINCODELISTENADDRESS="$host:${PEER_CC_PORT[$org]}" \
    CORE_PEER_GOSSIP_BOOTSTRAP="$host:$port" \
    CORE_PEER_GOSSIP_EXTERNALENDPOINT="$host:$port" \
    CORE_PEER_LOCALMSPID="${MSP[$org]}" \
    CORE_PEER_MSPCONFIGPATH="$pd/msp" \
    CORE_PEER_TLS_ENABLED=true \
    CORE_PEER_TLS_CERT_FILE="$pd/tls/server.crt" \
    CORE_PEER_TLS_KEY_FILE="$pd/tls/server.key" \
    CORE_PEER_TLS_ROOTCERT_FILE="$pd/tls/ca.crt" \
    CORE_PEER_FILESYSTEMPATH="$DATA_DIR/peer0.$org" \
    CORE_LEDGER_SNAPSHOTS_ROOTDIR="$DATA_DIR/peer0.$org/snapshots" \
    CORE_LEDGER_STATE_STATEDATABASE=goleveldb \
    CORE_OPERATIONS_LISTENADDRESS="$host:${PEER_OPS_PORT[$org]}" \
    CORE_METRICS_PROVIDER=prometheus \
    CORE_CHAINCODE_STARTUPTIMEOUT=30s \
    CORE_PEER_GOSSIP_RECONNECTINTERVAL=5s \
    "$BIN_DIR/peer" node start
}

wait_peer_healthy() {
  wait_until 30 "peer0.$1" "$(peer_name "$1") /healthz" healthz_ok "${PEER_OPS_PORT[$1]}" "${PEER_HOST[$1]}"
}

# start_orderer: the single Raft orderer (up.sh, node.sh); restarts pick up its WAL and ledger.
start_orderer() {
  local od
  od="$(orderer_dir)"
  start_bg orderer env \
    FABRIC_CFG_PATH="$CFG_DIR" \
    FABRIC_LOGGING_SPEC=info \
    ORDERER_GENERAL_LISTENADDRESS=127.0.0.1 \
    ORDERER_GENERAL_LISTENPORT="$ORDERER_PORT" \
    ORDERER_GENERAL_BOOTSTRAPMETHOD=none \
    ORDERER_CHANNELPARTICIPATION_ENABLED=true \
    ORDERER_GENERAL_LOCALMSPID=OrdererMSP \
    ORDERER_GENERAL_LOCALMSPDIR="$od/msp" \
    ORDERER_GENERAL_TLS_ENABLED=true \
    ORDERER_GENERAL_TLS_PRIVATEKEY="$od/tls/server.key" \
    ORDERER_GENERAL_TLS_CERTIFICATE="$od/tls/server.crt" \
    ORDERER_GENERAL_TLS_ROOTCAS="[$od/tls/ca.crt]" \
    ORDERER_FILELEDGER_LOCATION="$DATA_DIR/orderer/ledger" \
    ORDERER_CONSENSUS_WALDIR="$DATA_DIR/orderer/etcdraft/wal" \
    ORDERER_CONSENSUS_SNAPDIR="$DATA_DIR/orderer/etcdraft/snapshot" \
    ORDERER_OPERATIONS_LISTENADDRESS="127.0.0.1:$ORDERER_OPS_PORT" \
    ORDERER_ADMIN_LISTENADDRESS="127.0.0.1:$ORDERER_ADMIN_PORT" \
    ORDERER_ADMIN_TLS_ENABLED=true \
    ORDERER_ADMIN_TLS_PRIVATEKEY="$od/tls/server.key" \
    ORDERER_ADMIN_TLS_CERTIFICATE="$od/tls/server.crt" \
    ORDERER_ADMIN_TLS_ROOTCAS="[$od/tls/ca.crt]" \
    ORDERER_ADMIN_TLS_CLIENTAUTHREQUIRED=true \
    ORDERER_ADMIN_TLS_CLIENTROOTCAS="[$od/tls/ca.crt]" \
    "$BIN_DIR/orderer"
  wait_until 30 orderer "orderer /healthz on port $ORDERER_OPS_PORT" healthz_ok "$ORDERER_OPS_PORT"
}

# kill_process NAME : SIGKILL, no chance to flush or say goodbye (fault drills).
kill_process() {
  local name="$1" pid
  pid="$(pid_of "$name")" || return 0
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    kill -KILL "$pid" 2>/dev/null || true
    for _ in $(seq 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    info "killed $name (pid $pid, SIGKILL)"
  fi
  rm -f "$PID_DIR/$name.pid"
}

# Private data: one collection per pair of channel members for the commercial terms of their
# shipments (the chaincode's TermsCollections names them terms_<MSP>_<MSP>, in sorted order).
# Members: the two organisations and the organisations whose peers host them (a peerless
# organisation's data can only live on its gateway peer). Written once by up.sh; redeploy.sh
# and add-org.sh approve the same file, since an approval must match the committed definition.
COLLECTIONS_FILE="$RUN_DIR/collections.json"

# host_of ORG : the organisation whose peer holds ORG's ledger (its own, if it has one).
host_of() { echo "${GATEWAY_ORG[$1]:-$1}"; }

write_collections() {
  local i j a b members m
  for ((i = 0; i < ${#ORGS[@]}; i++)); do
    for ((j = i + 1; j < ${#ORGS[@]}; j++)); do
      a="${MSP[${ORGS[$i]}]}" b="${MSP[${ORGS[$j]}]}"
      members="$(printf '%s\n' "$a" "$b" "${MSP[$(host_of "${ORGS[$i]}")]}" "${MSP[$(host_of "${ORGS[$j]}")]}" | sort -u |
        while read -r m; do printf "'%s.member'," "$m"; done)"
      # Byte order, as Java's String.compareTo in TermsCollections (not the locale's collation).
      { read -r a; read -r b; } < <(printf '%s\n' "$a" "$b" | LC_ALL=C sort)
      jq -n --arg name "terms_${a}_${b}" --arg policy "OR(${members%,})" \
        '{name: $name, policy: $policy, requiredPeerCount: 0, maxPeerCount: 3, blockToLive: 0,
          memberOnlyRead: true, memberOnlyWrite: true}'
    done
  done | jq -s . >"$COLLECTIONS_FILE"
}

# write_profile : the service's connection profile (network/.run/fabric-profile.json): every
# peer with its endpoint and TLS root, every member's CA and the peer its users submit through.
write_profile() {
  local org d peers_json orgs_json f
  peers_json="$(for org in "${PEER_ORGS[@]}"; do
    jq -n --arg m "${MSP[$org]}" --arg e "$(peer_endpoint "$org")" --arg h "$(peer_name "$org")" \
      --arg t "$(peer_tls_ca "$org")" --arg o "$(peer_ops "$org")" \
      '{mspId: $m, endpoint: $e, hostOverride: $h, tlsRootCert: $t, operations: $o}'
  done | jq -s .)"
  orgs_json="$(for org in "${ORGS[@]}"; do
    d="$(org_dir "$org")"
    jq -n --arg m "${MSP[$org]}" --arg c "$d/ca/ca.$org.$DOMAIN-cert.pem" --arg k "$d/ca/priv_sk" \
      --arg g "${MSP[${GATEWAY_ORG[$org]:-$org}]}" '{mspId: $m, caCert: $c, caKey: $k, gatewayPeer: $g}'
  done | jq -s .)"
  jq -n --arg ch "$CHANNEL" --arg cc "$CC_NAME" --argjson peers "$peers_json" --argjson orgs "$orgs_json" \
    '{channel: $ch, chaincode: $cc, peers: $peers, orgs: $orgs}' >"$RUN_DIR/fabric-profile.json.tmp"
  for f in $(jq -r '.peers[].tlsRootCert, .orgs[].caCert, .orgs[].caKey' "$RUN_DIR/fabric-profile.json.tmp"); do
    [[ -f "$f" ]] || die "the profile would name a missing file: $f"
  done
  mv "$RUN_DIR/fabric-profile.json.tmp" "$RUN_DIR/fabric-profile.json"
}
