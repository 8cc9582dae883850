#!/usr/bin/env bash
# Stops, kills or starts one process of a running network, for fault tests and drills:
#   bash network/node.sh stop  shulanricecoop   # SIGTERM (a peer, by its organisation)
#   bash network/node.sh kill  orderer          # SIGKILL: what a power cut leaves behind
#   bash network/node.sh start orderer          # waits until it is healthy again
#   bash network/node.sh kill  chaincode        # the chaincode JVM; start runs it again
# The processes keep their data, so a start resumes from the ledger, WAL and crypto on disk.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_tools ss curl

usage() { die "usage: bash network/node.sh stop|kill|start orderer|chaincode|${PEER_ORGS[*]// /|}"; }
action="${1:-}"
target="${2:-}"
case "$target" in
  orderer | chaincode) name="$target" ;;
  *) [[ -n "$target" && -n "${PEER_PORT[$target]:-}" ]] || usage; name="peer0.$target" ;;
esac
[[ -d "$RUN_DIR" ]] || die "no network in $RUN_DIR: start it with network/up.sh"

case "$action" in
  stop) stop_process "$name" ;;
  kill) kill_process "$name" ;;
  start)
    is_alive "$name" && die "$name is already running (pid $(pid_of "$name"))"
    case "$target" in
      orderer)
        start_orderer
        wait_until 30 orderer "orderer admin port $ORDERER_ADMIN_PORT" port_listening "$ORDERER_ADMIN_PORT"
        ;;
      chaincode)
        [[ -f "$RUN_DIR/chaincode.id" ]] || die "no chaincode package ID in $RUN_DIR/chaincode.id"
        # A killed JVM's port may linger a moment in the kernel.
        for _ in $(seq 50); do port_listening "$CC_PORT" || break; sleep 0.2; done
        start_chaincode "$(cat "$RUN_DIR/chaincode.id")"
        ;;
      *)
        start_peer "$target"
        wait_peer_healthy "$target"
        ;;
    esac
    info "started $name (pid $(pid_of "$name"))"
    ;;
  *) usage ;;
esac
