#!/usr/bin/env bash
# Installs the Fabric binaries, the ccaas external builder and Fabric's sample
# configuration into network/.bin (git-ignored). Does nothing when they are there.
#
#   bash network/install.sh            # from the Go module proxy (go install)
#   FABRIC_HOME=/opt/fabric bash network/install.sh
#                                      # or from an unpacked Fabric 2.5.16 release
#                                      # (bin/, config/, builders/ccaas/bin/)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

FABRIC_CMDS=(peer orderer osnadmin configtxgen cryptogen)
CCAAS_CMDS=(detect build release)
STAMP="$BIN_DIR/.stamp"
WANT_STAMP="fabric $FABRIC_VERSION $FABRIC_COMMIT"

installed() {
  local c
  [[ -f "$STAMP" && "$(head -n1 "$STAMP")" == "$WANT_STAMP" ]] || return 1
  for c in "${FABRIC_CMDS[@]}"; do [[ -x "$BIN_DIR/$c" ]] || return 1; done
  for c in "${CCAAS_CMDS[@]}"; do [[ -x "$BIN_DIR/ccaas_builder/bin/$c" ]] || return 1; done
  for c in core.yaml orderer.yaml configtx.yaml; do [[ -f "$BIN_DIR/config/$c" ]] || return 1; done
}

if installed; then
  echo "Fabric $FABRIC_VERSION is already installed in $BIN_DIR ($(sed -n 2p "$STAMP"))."
  exit 0
fi

rm -rf "$BIN_DIR"
mkdir -p "$BIN_DIR/ccaas_builder/bin" "$BIN_DIR/config"

# go_install_first GOBIN VERSION... -- PACKAGES... : tries each version in turn and
# prints the go command's own errors for every refusal.
go_install_first() {
  local gobin="$1" versions=() pkgs=() v p args
  shift
  while [[ "$1" != -- ]]; do versions+=("$1"); shift; done
  shift
  pkgs=("$@")
  for v in "${versions[@]}"; do
    args=()
    for p in "${pkgs[@]}"; do args+=("$p@$v"); done
    echo "    go install ${args[*]}" >&2
    if GOBIN="$gobin" GOFLAGS=-buildvcs=false go install -ldflags "$LDFLAGS" "${args[@]}" 2>"$BIN_DIR/go-install.err"; then
      echo "$v"
      return 0
    fi
    sed 's/^/      /' "$BIN_DIR/go-install.err" >&2
  done
  return 1
}

from_go_proxy() {
  command -v go >/dev/null || die "go is not on PATH (Go >= 1.26 is needed to install Fabric)"
  LDFLAGS="-X github.com/hyperledger/fabric/common/metadata.Version=$FABRIC_VERSION -X github.com/hyperledger/fabric/common/metadata.CommitSHA=${FABRIC_COMMIT:0:7}"
  local fabric_pkgs=() ccaas_pkgs=() c fv cv modcache
  for c in "${FABRIC_CMDS[@]}"; do fabric_pkgs+=("github.com/hyperledger/fabric/cmd/$c"); done
  for c in "${CCAAS_CMDS[@]}"; do ccaas_pkgs+=("github.com/hyperledger/fabric/ccaas_builder/cmd/$c"); done

  echo "==> Installing Fabric $FABRIC_VERSION with go install (several minutes on a first run)"
  fv="$(go_install_first "$BIN_DIR" "$FABRIC_COMMIT" "$FABRIC_PSEUDO_VERSION" -- "${fabric_pkgs[@]}")" || return 1
  echo "==> Installing the ccaas external builder"
  LDFLAGS=""
  cv="$(go_install_first "$BIN_DIR/ccaas_builder/bin" "$FABRIC_COMMIT" "$CCAAS_PSEUDO_VERSION" -- "${ccaas_pkgs[@]}")" || return 1

  # The go command resolves a commit to its pseudo-version; the module cache is
  # keyed by that.
  fv="$(go list -m -f '{{.Version}}' "github.com/hyperledger/fabric@$fv")"
  modcache="$(go env GOMODCACHE)/github.com/hyperledger/fabric@$fv/sampleconfig"
  [[ -f "$modcache/core.yaml" ]] || die "sampleconfig not found in the module cache at $modcache"
  cp "$modcache"/{core,orderer,configtx}.yaml "$BIN_DIR/config/"
  SOURCE="go module proxy: github.com/hyperledger/fabric@$fv, ccaas_builder@$cv"
}

from_release_dir() {
  local c
  echo "==> Installing Fabric $FABRIC_VERSION from FABRIC_HOME=$FABRIC_HOME"
  for c in "${FABRIC_CMDS[@]}"; do
    [[ -x "$FABRIC_HOME/bin/$c" ]] || die "$FABRIC_HOME/bin/$c is missing"
    cp "$FABRIC_HOME/bin/$c" "$BIN_DIR/"
  done
  for c in "${CCAAS_CMDS[@]}"; do
    [[ -x "$FABRIC_HOME/builders/ccaas/bin/$c" ]] || die "$FABRIC_HOME/builders/ccaas/bin/$c is missing"
    cp "$FABRIC_HOME/builders/ccaas/bin/$c" "$BIN_DIR/ccaas_builder/bin/"
  done
  cp "$FABRIC_HOME/config"/{core,orderer,configtx}.yaml "$BIN_DIR/config/"
  SOURCE="FABRIC_HOME=$FABRIC_HOME"
}

if [[ -n "${FABRIC_HOME:-}" ]]; then
  from_release_dir
elif ! from_go_proxy; then
  rm -rf "$BIN_DIR"
  die "go install could not fetch Fabric (errors above). Point FABRIC_HOME at an unpacked
Fabric $FABRIC_VERSION release (bin/, config/, builders/ccaas/bin/) and run this again."
fi
# The module cache is read-only; the copies are edited per run.
chmod u+w "$BIN_DIR/config"/*.yaml
rm -f "$BIN_DIR/go-install.err"

version="$("$BIN_DIR/peer" version | sed -n 's/^ *Version: *//p' | head -n1)"
[[ "$version" == "$FABRIC_VERSION" ]] || die "$BIN_DIR/peer reports version '$version', expected $FABRIC_VERSION"
printf '%s\n%s\n' "$WANT_STAMP" "$SOURCE" >"$STAMP"
echo "Installed Fabric $FABRIC_VERSION into $BIN_DIR ($SOURCE)."
