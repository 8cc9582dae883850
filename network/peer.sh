#!/usr/bin/env bash
# Stops or starts one peer of a running network (kept for the drills that name it; node.sh also
# kills peers, the orderer and the chaincode JVM):
#   bash network/peer.sh stop shulanricecoop
#   bash network/peer.sh start shulanricecoop     # waits until /healthz answers
exec bash "$(dirname "${BASH_SOURCE[0]}")/node.sh" "$@"
