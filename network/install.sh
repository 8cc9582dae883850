#!/usr/bin/env bash
# Installs Fabric 2.5.16's binaries, the ccaas external builder and Fabric's sample
# configuration into network/.bin (git-ignored). Does nothing when they are there.
# Three ways, tried in this order:
#
#   FABRIC_HOME=/opt/fabric-2.5.16 bash network/install.sh
#       an unpacked Fabric 2.5.16 release (bin/, config/, builders/ccaas/bin/)
#   FABRIC_RELEASE=/path/hyperledger-fabric-linux-amd64-2.5.16.tar.gz bash network/install.sh
#       a release archive (.tar.gz or .tar.xz), checked against the SHA-256 sums pinned below
#   bash network/install.sh
#       downloads Fabric's official 2.5.16 release archive for this OS and architecture from
#       github.com/hyperledger/fabric/releases and checks it against the pinned SHA-256
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

FABRIC_CMDS=(peer orderer osnadmin configtxgen configtxlator cryptogen)
CCAAS_CMDS=(detect build release)
STAMP="$BIN_DIR/.stamp"
WANT_STAMP="fabric $FABRIC_VERSION $FABRIC_COMMIT"
RELEASE_URL="https://github.com/hyperledger/fabric/releases/download/v$FABRIC_VERSION"

# Archives we accept, by SHA-256. The official ones are what the release page's assets hash to;
# these two sums were read from three independent public projects that pin the same assets
# (this machine cannot reach github.com to recompute them). The last is the project's own
# build of the same tag with the official layout (../shared/fabric/RELEASE.md and its .sha256).
declare -A PINNED=(
  [hyperledger-fabric-linux-amd64-$FABRIC_VERSION.tar.gz]=18c91e7f2f11b601e6622cc70454d568af897707ee9adf111e9fa91a233881bf
  [hyperledger-fabric-linux-arm64-$FABRIC_VERSION.tar.gz]=c3c1809afab1998e9f2dd37ccd7fc5fa97658cdeaaa9ca0de29e896bf6dee029
  [hyperledger-fabric-linux-amd64-$FABRIC_VERSION.tar.xz]=254d9a59042a3d56e92c5bf780bf5425a9c880c5d7ae08f634d9a5eeaac6c158
)

three_ways="Fabric $FABRIC_VERSION can be installed in three ways:
  1. FABRIC_HOME=<an unpacked Fabric $FABRIC_VERSION release: bin/, config/, builders/ccaas/bin/>
  2. FABRIC_RELEASE=<a release archive .tar.gz/.tar.xz whose SHA-256 is pinned in network/install.sh>
     (e.g. ../shared/fabric/hyperledger-fabric-linux-amd64-$FABRIC_VERSION.tar.xz)
  3. nothing set: download $RELEASE_URL/hyperledger-fabric-<os>-<arch>-$FABRIC_VERSION.tar.gz
     (needs curl and github.com; linux-amd64 and linux-arm64 have pinned checksums)"

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

fail() { die "$1

$three_ways"; }

# from_release_dir DIR : copies what the network needs out of an unpacked release.
from_release_dir() {
  local home="$1" c
  for c in "${FABRIC_CMDS[@]}"; do
    [[ -x "$home/bin/$c" ]] || fail "$home/bin/$c is missing: not an unpacked Fabric $FABRIC_VERSION release"
  done
  for c in "${CCAAS_CMDS[@]}"; do
    [[ -x "$home/builders/ccaas/bin/$c" ]] || fail "$home/builders/ccaas/bin/$c is missing (the ccaas builder)"
  done
  for c in core.yaml orderer.yaml configtx.yaml; do
    [[ -f "$home/config/$c" ]] || fail "$home/config/$c is missing"
  done
  rm -rf "$BIN_DIR.new"
  mkdir -p "$BIN_DIR.new/ccaas_builder/bin" "$BIN_DIR.new/config"
  for c in "${FABRIC_CMDS[@]}"; do cp "$home/bin/$c" "$BIN_DIR.new/"; done
  for c in "${CCAAS_CMDS[@]}"; do cp "$home/builders/ccaas/bin/$c" "$BIN_DIR.new/ccaas_builder/bin/"; done
  cp "$home/config"/{core,orderer,configtx}.yaml "$BIN_DIR.new/config/"
  chmod u+w "$BIN_DIR.new/config"/*.yaml
}

# from_archive FILE : checks FILE against the pinned sums, unpacks it, installs from it.
from_archive() {
  local file="$1" sum name tmp
  [[ -f "$file" ]] || fail "FABRIC_RELEASE=$file does not exist"
  sum="$(sha256sum "$file" | cut -d' ' -f1)"
  name=""
  for n in "${!PINNED[@]}"; do [[ "${PINNED[$n]}" == "$sum" ]] && name="$n"; done
  [[ -n "$name" ]] || { rm -rf "$BIN_DIR.download"; fail "$file has SHA-256 $sum, which is not a pinned Fabric $FABRIC_VERSION archive:
$(for n in "${!PINNED[@]}"; do echo "  ${PINNED[$n]}  $n"; done)"; }
  echo "==> $file is $name (SHA-256 checked)"
  tmp="$(mktemp -d "${TMPDIR:-/tmp}/fabric-release.XXXXXX")"
  case "$name" in
    *.tar.xz) tar -xJf "$file" -C "$tmp" ;;
    *) tar -xzf "$file" -C "$tmp" ;;
  esac
  from_release_dir "$tmp"
  rm -rf "$tmp"
  SOURCE="$name, sha256 $sum"
}

download() {
  local os arch name file
  os="$(uname -s | tr '[:upper:]' '[:lower:]')"
  case "$(uname -m)" in
    x86_64 | amd64) arch=amd64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) arch="$(uname -m)" ;;
  esac
  name="hyperledger-fabric-$os-$arch-$FABRIC_VERSION.tar.gz"
  [[ -n "${PINNED[$name]:-}" ]] || fail "no SHA-256 is pinned for $name, so it is not downloaded unchecked"
  command -v curl >/dev/null || fail "curl is needed to download $name"
  mkdir -p "$BIN_DIR.download"
  file="$BIN_DIR.download/$name"
  echo "==> Downloading $RELEASE_URL/$name"
  curl --fail --location --show-error --silent --proto '=https' --tlsv1.2 --retry 3 \
    -o "$file" "$RELEASE_URL/$name" || { rm -rf "$BIN_DIR.download"; fail "could not download $RELEASE_URL/$name"; }
  from_archive "$file"
  rm -rf "$BIN_DIR.download"
}

SOURCE=""
if [[ -n "${FABRIC_HOME:-}" ]]; then
  echo "==> Installing Fabric $FABRIC_VERSION from FABRIC_HOME=$FABRIC_HOME"
  from_release_dir "$FABRIC_HOME"
  SOURCE="FABRIC_HOME=$FABRIC_HOME"
elif [[ -n "${FABRIC_RELEASE:-}" ]]; then
  from_archive "$FABRIC_RELEASE"
else
  download
fi

version="$("$BIN_DIR.new/peer" version 2>/dev/null | sed -n 's/^ *Version: *v\{0,1\}//p' | head -n1)" ||
  fail "$BIN_DIR.new/peer does not run on this machine ($(uname -s) $(uname -m))"
[[ "$version" == "$FABRIC_VERSION" ]] || fail "peer reports version '$version', expected $FABRIC_VERSION"
printf '%s\n%s\n' "$WANT_STAMP" "$SOURCE" >"$BIN_DIR.new/.stamp"
rm -rf "$BIN_DIR"
mv "$BIN_DIR.new" "$BIN_DIR"
echo "Installed Fabric $FABRIC_VERSION into $BIN_DIR ($SOURCE)."
