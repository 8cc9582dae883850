#!/usr/bin/env bash
# Stops or starts one peer of a running network, for fault tests and drills:
#   bash network/peer.sh stop shulanricecoop
#   bash network/peer.sh start shulanricecoop     # waits until /healthz answers
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

action="${1:-}"
org="${2:-}"
[[ -n "${PEER_PORT[$org]:-}" ]] || die "usage: bash network/peer.sh stop|start ${PEER_ORGS[*]// /|}"
case "$action" in
  stop) stop_process "peer0.$org" ;;
  start)
    start_peer "$org"
    wait_until 30 "peer0.$org" "$(peer_name "$org") /healthz" healthz_ok "${PEER_OPS_PORT[$org]}"
    info "started $(peer_name "$org") (pid $(pid_of "peer0.$org"))"
    ;;
  *) die "usage: bash network/peer.sh stop|start ORG" ;;
esac
