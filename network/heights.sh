#!/usr/bin/env bash
# Prints each peer's height of channel `trace`, one "ORG HEIGHT" line per peer (an empty height
# when the peer does not answer): what the fault and add-org tests compare.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
require_tools jq
for org in "${PEER_ORGS[@]}"; do
  echo "$org $(channel_height "$org" 2>/dev/null || true)"
done
