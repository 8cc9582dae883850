# Shared settings and helpers for the network scripts. Sourced, never run.
# shellcheck shell=bash disable=SC2034  # the variables are used by the scripts that source this

NET_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(dirname "$NET_DIR")"
BIN_DIR="$NET_DIR/.bin"
RUN_DIR="$NET_DIR/.run"
CFG_DIR="$RUN_DIR/config"
CRYPTO_DIR="$RUN_DIR/crypto"
DATA_DIR="$RUN_DIR/data"
LOG_DIR="$RUN_DIR/logs"
PID_DIR="$RUN_DIR/pids"
ART_DIR="$RUN_DIR/artifacts"

# Fabric v2.5.16. The module path has no /v2 suffix, so the tag is not a usable Go
# version: install by commit, which the go command turns into the pseudo-version.
FABRIC_VERSION=2.5.16
FABRIC_COMMIT=f871cf92a026aba7b12e6f06d71ded3e6e659d71
FABRIC_PSEUDO_VERSION=v1.4.0-rc1.0.20260617221605-f871cf92a026
# ccaas_builder is a nested module without tags of its own: a v0.0.0 pseudo-version.
CCAAS_PSEUDO_VERSION=v0.0.0-20260617221605-f871cf92a026

CHANNEL=trace
CC_NAME=trace
DOMAIN=heitu.local
CC_ADDRESS=127.0.0.1:9999
CC_PORT=9999
CC_POLICY="OutOf(2,'ShulanRiceCoopMSP.peer','ChangchunMartMSP.peer','JilinInspectionMSP.peer')"
# CHAINCODE_JAR runs another build of the chaincode (e.g. a branch's) without copying it here.
CC_JAR="${CHAINCODE_JAR:-$REPO_DIR/chaincode/target/chaincode.jar}"
# A small initial heap and the serial collector keep the idle JVM at 220-250 MB RSS
# (-Xmx256m alone: about 350 MB). CHAINCODE_JAVA_OPTS replaces these.
read -r -a CC_JAVA_OPTS <<<"${CHAINCODE_JAVA_OPTS:--Xmx256m -Xms32m -XX:+UseSerialGC}"

ORDERER_HOST="orderer.$DOMAIN"
ORDERER_PORT=7050
ORDERER_ADMIN_PORT=7053
ORDERER_OPS_PORT=9443
ORDERER_ADDRESS="127.0.0.1:$ORDERER_PORT"

# Every channel member, in configtx order. Keys are the cryptogen domain prefixes.
ORGS=(shulanricecoop fusongginseng yanbianbeef ricemill coldchain changchunmart jilininspection jilinregulator)
PEER_ORGS=(shulanricecoop changchunmart jilininspection)
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
declare -A PEER_PORT=([shulanricecoop]=7051 [changchunmart]=8051 [jilininspection]=9051)
declare -A PEER_CC_PORT=([shulanricecoop]=7052 [changchunmart]=8052 [jilininspection]=9052)
declare -A PEER_OPS_PORT=([shulanricecoop]=9444 [changchunmart]=9445 [jilininspection]=9446)
# Whose peer gateway a peerless organisation's users submit through.
declare -A GATEWAY_ORG=(
  [fusongginseng]=shulanricecoop
  [yanbianbeef]=shulanricecoop
  [ricemill]=shulanricecoop
  [coldchain]=changchunmart
  [jilinregulator]=jilininspection
)

ALL_PORTS=("$ORDERER_PORT" "$ORDERER_ADMIN_PORT" "$ORDERER_OPS_PORT" "$CC_PORT")
for _org in "${PEER_ORGS[@]}"; do
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
port_listening() { ss -Hltn "sport = :$1" 2>/dev/null | grep -q .; }
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

healthz_ok() { [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/healthz")" == 200 ]]; }

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
    export CORE_PEER_ADDRESS="127.0.0.1:${PEER_PORT[$org]}"
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
    sed -n 's/.*current view: *//p' | grep -o '127\.0\.0\.1:[0-9]*' | sort -u | tr '\n' ' ' | sed 's/ $//'
}

gossip_complete() {
  local org other view
  for org in "${PEER_ORGS[@]}"; do
    view=" $(gossip_view "$org") "
    for other in "${PEER_ORGS[@]}"; do
      [[ "$other" == "$org" || "$view" == *" 127.0.0.1:${PEER_PORT[$other]} "* ]] || return 1
    done
  done
}

# start_peer ORG: starts ORG's peer in the background with its environment (up.sh, peer.sh).
start_peer() {
  local org="$1" name pd port
  name="$(peer_name "$org")"
  pd="$(peer_dir "$org")"
  port="${PEER_PORT[$org]}"
  start_bg "peer0.$org" env \
    FABRIC_CFG_PATH="$CFG_DIR" \
    FABRIC_LOGGING_SPEC=info \
    CORE_PEER_ID="$name" \
    CORE_PEER_ADDRESS="127.0.0.1:$port" \
    CORE_PEER_LISTENADDRESS="127.0.0.1:$port" \
    CORE_PEER_CHAINCODEADDRESS="127.0.0.1:${PEER_CC_PORT[$org]}" \
    CORE_PEER_CHAINCODELISTENADDRESS="127.0.0.1:${PEER_CC_PORT[$org]}" \
    CORE_PEER_GOSSIP_BOOTSTRAP="127.0.0.1:$port" \
    CORE_PEER_GOSSIP_EXTERNALENDPOINT="127.0.0.1:$port" \
    CORE_PEER_LOCALMSPID="${MSP[$org]}" \
    CORE_PEER_MSPCONFIGPATH="$pd/msp" \
    CORE_PEER_TLS_ENABLED=true \
    CORE_PEER_TLS_CERT_FILE="$pd/tls/server.crt" \
    CORE_PEER_TLS_KEY_FILE="$pd/tls/server.key" \
    CORE_PEER_TLS_ROOTCERT_FILE="$pd/tls/ca.crt" \
    CORE_PEER_FILESYSTEMPATH="$DATA_DIR/peer0.$org" \
    CORE_LEDGER_SNAPSHOTS_ROOTDIR="$DATA_DIR/peer0.$org/snapshots" \
    CORE_LEDGER_STATE_STATEDATABASE=goleveldb \
    CORE_OPERATIONS_LISTENADDRESS="127.0.0.1:${PEER_OPS_PORT[$org]}" \
    CORE_CHAINCODE_STARTUPTIMEOUT=30s \
    CORE_PEER_GOSSIP_RECONNECTINTERVAL=5s \
    "$BIN_DIR/peer" node start
}
