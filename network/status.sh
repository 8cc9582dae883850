#!/usr/bin/env bash
# Prints what runs, on which ports, the height of channel `trace` on each peer and
# the committed chaincode definition.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_tools ss jq curl

up_down() { # up_down NAME PORT [OPS_PORT [HOST [NETNS]]]
  local state=down
  if is_alive "$1"; then
    state=up
    port_listening "$2" "${5:-}" || state="up, port $2 closed"
    [[ -z "${3:-}" ]] || healthz_ok "$3" "${4:-127.0.0.1}" || state="$state, /healthz failing"
  elif [[ -f "$PID_DIR/$1.pid" ]]; then
    state="down (exited; see logs/$1.log)"
  fi
  echo "$state"
}

if [[ ! -d "$RUN_DIR" ]]; then
  echo "No network state in $RUN_DIR: the network is down (start it with network/up.sh)."
  busy="$(listening_ports)"
  [[ -z "$busy" ]] || echo "But these network ports are in use by other processes: $busy"
  exit 0
fi

row() { printf '%-36s %-8s %-26s %-7s %s\n' "$@"; }
row PROCESS PID "LISTEN (ops)" HEIGHT STATE
row "$ORDERER_HOST" "$(pid_of orderer || echo -)" "$ORDERER_PORT admin $ORDERER_ADMIN_PORT ($ORDERER_OPS_PORT)" - \
  "$(up_down orderer "$ORDERER_PORT" "$ORDERER_OPS_PORT")"
for org in "${PEER_ORGS[@]}"; do
  height=-
  is_alive "peer0.$org" && height="$(channel_height "$org" || true)"
  at=""
  [[ "${PEER_HOST[$org]}" == 127.0.0.1 ]] || at="${PEER_HOST[$org]}:"
  row "$(peer_name "$org")" "$(pid_of "peer0.$org" || echo -)" \
    "$at${PEER_PORT[$org]} cc ${PEER_CC_PORT[$org]} (${PEER_OPS_PORT[$org]})" "${height:--}" \
    "$(up_down "peer0.$org" "${PEER_PORT[$org]}" "${PEER_OPS_PORT[$org]}" "${PEER_HOST[$org]}" "${PEER_NETNS[$org]:-}")"
done
row "chaincode $CC_NAME (JVM)" "$(pid_of chaincode || echo -)" "$CC_PORT" - "$(up_down chaincode "$CC_PORT")"

echo
if def="$(committed_definition)" && [[ -n "$def" ]]; then
  echo "Chaincode '$CC_NAME' on channel '$CHANNEL': version $(jq -r .version <<<"$def"), sequence $(jq -r .sequence <<<"$def"), approved by: $(jq -r '[.approvals | to_entries[] | select(.value) | .key] | join(", ")' <<<"$def")"
else
  echo "Chaincode '$CC_NAME' on channel '$CHANNEL': no committed definition (or no peer of ${MSP[${PEER_ORGS[0]}]} answering)"
fi
[[ -f "$RUN_DIR/chaincode.id" ]] && echo "Chaincode JVM package ID: $(cat "$RUN_DIR/chaincode.id")"
for org in "${PEER_ORGS[@]}"; do
  echo "Gossip view of $(peer_name "$org"): $(gossip_view "$org")"
done
[[ -f "$RUN_DIR/fabric-profile.json" ]] && echo "Service profile: $RUN_DIR/fabric-profile.json"
echo "Logs: $LOG_DIR/"
