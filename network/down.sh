#!/usr/bin/env bash
# Stops everything network/up.sh started and removes network/.run (keeps network/.bin).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_tools ss

step "Stopping the network"
# Clients first: the chaincode, then the peers, then the orderer they talk to.
for name in chaincode "${PEER_ORGS[@]/#/peer0.}" orderer; do
  stop_process "$name"
done
# Anything else up.sh left a pid file for (e.g. after a renamed process).
if [[ -d "$PID_DIR" ]]; then
  for f in "$PID_DIR"/*.pid; do
    [[ -e "$f" ]] || continue
    stop_process "$(basename "$f" .pid)"
  done
fi

remove_added_namespaces

busy="$(listening_ports)"
if [[ -n "$busy" ]]; then
  ss -ltnp | grep -E ":($(tr ' ' '|' <<<"$busy"))\b" >&2 || true
  die "ports still listening after stopping everything this network started: $busy
(not ours, or left from an earlier run whose pid files are gone); $RUN_DIR kept"
fi
info "nothing listens on ports ${ALL_PORTS[*]}"

rm -rf "$RUN_DIR"
info "removed $RUN_DIR (binaries kept in $BIN_DIR)"
echo "Network is down."
