#!/usr/bin/env bash
# Tools for the page checks, installed into .ci/tools/ (gitignored), never into the system:
# Lighthouse from npm (run with Debian's Chromium, CHROME_PATH) and moto's S3-compatible server
# from PyPI in a venv (the evidence store's S3 adapter is tested against it). Idempotent; the
# tests find them at .ci/tools/ (LighthouseIT, S3EvidenceStoreIT).
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p tools
# Lighthouse 13 wants Node 22; 12.2.3 runs on the Node 20 here.
if [ ! -x tools/node_modules/.bin/lighthouse ]; then
  echo "page-tools: npm lighthouse@12.2.3"
  (cd tools && npm install --no-audit --no-fund --silent -E lighthouse@12.2.3 >/dev/null)
fi
if [ ! -x tools/venv/bin/moto_server ]; then
  echo "page-tools: pip moto[s3,server]==5.2.5"
  python3 -m venv tools/venv
  tools/venv/bin/pip install -q --disable-pip-version-check 'moto[s3,server]==5.2.5'
fi
